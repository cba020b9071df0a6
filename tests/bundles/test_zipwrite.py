"""The stored ZIP writer: what it writes, the strict reader and Python's zipfile both read,
with no clock and no compression in it."""

from __future__ import annotations

import io
import re
import zipfile
import zlib

import pytest

from reflectdesk.bundles.zipsafe import ZipPolicy, read_zip
from reflectdesk.bundles.zipwrite import stored_zip

POLICY = ZipPolicy.from_limits(re.compile(r"[a-z0-9/._-]+"))


def _zip(members: dict[str, bytes]) -> bytes:
    pieces = stored_zip([(n, d, zlib.crc32(d)) for n, d in members.items()])
    return b"".join(bytes(p) for p in pieces)


def test_round_trip_through_both_readers() -> None:
    members = {"manifest.json": b"{}", "entries/a.json": b"x" * 70_000, "empty.txt": b""}
    data = _zip(members)
    read = read_zip(data, POLICY)
    assert {n: bytes(m.data) for n, m in read.items()} == members
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        infos = archive.infolist()
        assert [i.filename for i in infos] == list(members)
        assert {i.compress_type for i in infos} == {zipfile.ZIP_STORED}
        assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}  # no clock


def test_the_same_members_give_the_same_bytes() -> None:
    assert _zip({"a": b"1"}) == _zip({"a": b"1"})
    assert _zip({}) == b"PK\x05\x06" + bytes(18)  # an empty archive is its end record


def test_names_must_be_ascii() -> None:
    with pytest.raises(UnicodeEncodeError):
        stored_zip([("canción.json", b"", 0)])
