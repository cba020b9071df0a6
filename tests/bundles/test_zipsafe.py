from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib

import pytest

from reflectdesk.bundles import BundleLimits
from reflectdesk.bundles.manifest import ARCHIVE_NAME_RE
from reflectdesk.bundles.zipsafe import DEFLATED, STORED, ZipPolicy, read_zip
from reflectdesk.errors import (
    BundleArchiveInvalid,
    BundleCompressionSuspicious,
    BundleDuplicateName,
    BundleEntryUnsupported,
    BundleFileTooLarge,
    BundleTooManyFiles,
    BundleUnsafeName,
)
from tests.bundles.helpers import zip_of, zipfile_bytes

UUID = "01890000-0000-7000-8000-000000000001"
UUID2 = "01890000-0000-7000-8000-000000000002"
A = f"attachments/{UUID}"
B = f"attachments/{UUID2}"
POLICY = ZipPolicy.from_limits(ARCHIVE_NAME_RE)
ANY_NAME = ZipPolicy.from_limits(re.compile(r".+", re.DOTALL))


def _zip_with_info(info: zipfile.ZipInfo, data: bytes = b"data") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(info, data)
    return buffer.getvalue()


def _info(name: str = A) -> zipfile.ZipInfo:
    return zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))


def _patch_both(data: bytes, name: bytes, field: str, value: int) -> bytes:
    """Patch a field of the local header and the central record of member ``name``."""
    out = bytearray(data)
    local = {"crc": 14, "csize": 18, "usize": 22}
    central = {"crc": 16, "csize": 20, "usize": 24}
    pos = out.index(b"PK\x03\x04")
    while pos >= 0:
        if out[pos + 30 : pos + 30 + len(name)] == name:
            struct.pack_into("<L", out, pos + local[field], value)
        pos = out.find(b"PK\x03\x04", pos + 4)
    pos = out.index(b"PK\x01\x02")
    while pos >= 0:
        if out[pos + 46 : pos + 46 + len(name)] == name:
            struct.pack_into("<L", out, pos + central[field], value)
        pos = out.find(b"PK\x01\x02", pos + 4)
    return bytes(out)


def test_our_writer_is_read_by_zipfile_and_by_us() -> None:
    raw = zip_of({A: b"hello", B: b""})
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        assert archive.testzip() is None
        assert archive.read(A) == b"hello"
    members = read_zip(raw, POLICY)
    assert list(members) == [A, B]
    data = members[A].data
    assert isinstance(data, memoryview) and data.readonly and bytes(data) == b"hello"


def test_zipfile_stored_and_deflated_are_read() -> None:
    text = b"reflexion " * 50
    for compression in (STORED, DEFLATED):
        raw = zipfile_bytes([(A, text), (B, b"x")], compression=compression)
        members = read_zip(raw, POLICY)
        assert bytes(members[A].data) == text
        assert members[A].method == compression


@pytest.mark.parametrize(
    "name",
    [
        "../evil",
        "entries/../../etc/passwd",
        "/etc/passwd",
        "C:/windows/x",
        "c:x",
        "attachments\\x",
        "entries/",
        "a//b",
        "./manifest.json",
        "manifest.json\x00.txt",
        "manifest.json\n",
    ],
)
def test_unsafe_names(name: str) -> None:
    with pytest.raises(BundleUnsafeName):
        read_zip(zip_of([(name, b"x")]), ANY_NAME)


def test_names_outside_the_allow_list() -> None:
    upper = "0189ABCD-0000-7000-8000-00000000000A"
    for name in ("evil.exe", f"entries/{UUID}.JSON", f"entries/{upper}.json", "x/manifest.json"):
        with pytest.raises(BundleUnsafeName):
            read_zip(zip_of([(name, b"x")]), POLICY)


def test_duplicate_names_in_the_central_directory() -> None:
    with pytest.raises(BundleDuplicateName):
        read_zip(zip_of([(A, b"1"), (A, b"2")]), POLICY)


@pytest.mark.parametrize("other", ["MANIFEST.JSON", "Manifest.json", "manife\u017ft.json"])
def test_names_that_differ_only_by_case_or_normalisation(other: str) -> None:
    raw = zipfile_bytes([("manifest.json", b"{}"), (other, b"{}")])
    with pytest.raises(BundleDuplicateName):
        read_zip(raw, POLICY)


def test_fullwidth_and_composed_duplicates() -> None:
    # NFKC folds fullwidth letters; NFC composes e + combining acute.
    raw = zipfile_bytes([("caf\u00e9", b""), ("cafe\u0301", b"")])
    with pytest.raises(BundleDuplicateName):
        read_zip(raw, ANY_NAME)
    raw = zipfile_bytes([("abc", b""), ("\uff41bc", b"")])
    with pytest.raises(BundleDuplicateName):
        read_zip(raw, ANY_NAME)


def test_local_header_must_agree_with_central_directory() -> None:
    raw = zip_of([(A, b"hello")])
    local = raw.index(A.encode())  # the first occurrence is in the local header
    tampered = raw[:local] + B.encode() + raw[local + len(B) :]
    with pytest.raises(BundleArchiveInvalid, match="disagrees"):
        read_zip(tampered, POLICY)


def test_overlapping_entries_are_refused() -> None:
    raw = bytearray(zip_of([(A, b"hello"), (B, b"world")]))
    second = raw.rindex(b"PK\x01\x02")
    struct.pack_into("<L", raw, second + 42, 0)  # B's local header offset -> A's
    with pytest.raises(BundleArchiveInvalid):
        read_zip(bytes(raw), POLICY)


@pytest.mark.parametrize(
    "mangle",
    [
        lambda z: b"junk" + z,
        lambda z: z + b"x",
        lambda z: z[:-1],
        lambda z: z[:30],
        lambda z: b"not a zip at all, just text",
        lambda z: b"",
    ],
)
def test_structural_damage(mangle: object) -> None:
    with pytest.raises(BundleArchiveInvalid):
        read_zip(mangle(zip_of([(A, b"hello")])), POLICY)  # type: ignore[operator]


def test_archive_comment_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(_info(), b"x")
        archive.comment = b"hidden"
    with pytest.raises(BundleArchiveInvalid):
        read_zip(buffer.getvalue(), POLICY)


def test_crc_is_checked() -> None:
    raw = bytearray(zip_of([(A, b"hello")]))
    raw[raw.index(b"hello")] ^= 1
    with pytest.raises(BundleArchiveInvalid, match="CRC"):
        read_zip(bytes(raw), POLICY)


def test_symlink_entries_are_refused() -> None:
    info = _info()
    info.create_system = 3
    info.external_attr = 0o120777 << 16
    with pytest.raises(BundleEntryUnsupported, match="symlink"):
        read_zip(_zip_with_info(info, b"/etc/passwd"), POLICY)


def test_directory_attribute_is_refused() -> None:
    info = _info()
    info.create_system = 0
    info.external_attr = 0x10
    with pytest.raises(BundleEntryUnsupported):
        read_zip(_zip_with_info(info), POLICY)


@pytest.mark.parametrize(
    ("flag", "what"), [(0x1, "encrypted"), (0x40, "encrypted"), (0x8, "descriptor")]
)
def test_encrypted_and_descriptor_flags_are_refused(flag: int, what: str) -> None:
    raw = bytearray(zip_of([(A, b"hello")]))
    for sig, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        pos = raw.index(sig)
        struct.pack_into("<H", raw, pos + offset, flag)
    with pytest.raises(BundleEntryUnsupported, match=what):
        read_zip(bytes(raw), POLICY)


def test_unsupported_compression_is_refused() -> None:
    raw = zipfile_bytes([(A, b"hello" * 100)], compression=zipfile.ZIP_BZIP2)
    with pytest.raises(BundleEntryUnsupported, match="method"):
        read_zip(raw, POLICY)


def test_zip64_is_refused() -> None:
    raw = bytearray(zip_of([(A, b"hello")]))
    struct.pack_into("<H", raw, len(raw) - 22 + 8, 0xFFFF)
    struct.pack_into("<H", raw, len(raw) - 22 + 10, 0xFFFF)
    with pytest.raises(BundleEntryUnsupported, match="ZIP64"):
        read_zip(bytes(raw), POLICY)


# --- zip bombs -----------------------------------------------------------------------------
def test_entry_count_cap() -> None:
    policy = ZipPolicy.from_limits(ARCHIVE_NAME_RE, BundleLimits(max_files=3))
    names = [f"attachments/01890000-0000-7000-8000-00000000000{i}" for i in range(4)]
    read_zip(zip_of([(n, b"") for n in names[:3]]), policy)
    with pytest.raises(BundleTooManyFiles):
        read_zip(zip_of([(n, b"") for n in names]), policy)


def test_per_file_and_total_size_caps() -> None:
    policy = ZipPolicy.from_limits(
        ARCHIVE_NAME_RE, BundleLimits(max_file_bytes=100, max_total_bytes=150)
    )
    read_zip(zip_of([(A, b"x" * 100)]), policy)
    with pytest.raises(BundleFileTooLarge):
        read_zip(zip_of([(A, b"x" * 101)]), policy)
    with pytest.raises(BundleFileTooLarge, match="total"):
        read_zip(zip_of([(A, b"x" * 100), (B, b"x" * 51)]), policy)


def test_compression_ratio_cap() -> None:
    bomb = zipfile_bytes([(A, b"\0" * 1_000_000)], compression=DEFLATED)
    with pytest.raises(BundleCompressionSuspicious):
        read_zip(bomb, POLICY)


def test_lying_uncompressed_size_is_bounded() -> None:
    payload = bytes(range(256)) * 40
    raw = zipfile_bytes([(A, payload)], compression=DEFLATED)
    # Claim a tenth of the real size: inflation must stop at the claim, not at the truth.
    lying = _patch_both(raw, A.encode(), "usize", len(payload) // 10)
    with pytest.raises(BundleCompressionSuspicious, match="beyond"):
        read_zip(lying, POLICY)
    short = _patch_both(raw, A.encode(), "usize", len(payload) * 2)
    with pytest.raises(BundleArchiveInvalid):
        read_zip(short, POLICY)


def test_inflate_uses_a_hard_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = zlib.decompressobj

    class Spy:
        def __init__(self, wbits: int) -> None:
            self._inner = real(wbits)

        def decompress(self, data: bytes, max_length: int = 0) -> bytes:
            calls.append(max_length)
            return self._inner.decompress(data, max_length)

        def __getattr__(self, name: str) -> object:
            return getattr(self._inner, name)

    monkeypatch.setattr(zlib, "decompressobj", Spy)
    read_zip(zipfile_bytes([(A, b"abc" * 100), (B, b"")], compression=DEFLATED), POLICY)
    assert calls == [301, 1]


def test_local_headers_hidden_from_the_central_directory_are_found() -> None:
    # Two local entries with the same name, only one listed in the central directory:
    # a reader that trusts the directory alone would miss the second (and a tool that
    # scans local headers would see a duplicate). The layout check refuses it.
    first = zip_of([(A, b"listed")])
    hidden = zip_of([(A, b"hidden")])
    local_end = first.index(b"PK\x01\x02")
    directory = first[local_end:]
    tail = hidden[: hidden.index(b"PK\x01\x02")]
    raw = first[:local_end] + tail + directory
    fixed = bytearray(raw)
    # Point the end record at the moved central directory so only the layout is wrong.
    struct.pack_into("<L", fixed, len(fixed) - 22 + 16, local_end + len(tail))
    with pytest.raises(BundleArchiveInvalid, match="last entry"):
        read_zip(bytes(fixed), POLICY)
