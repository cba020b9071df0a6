"""Names on an exchange point: random, portable, and never a path."""

from __future__ import annotations

from pathlib import Path

import pytest

from reflectdesk.bundles import bundle_file_name
from reflectdesk.errors import (
    ExchangeAddressInvalid,
    FileUnreadable,
    NetworkError,
    ReflectDeskError,
    RemoteFileNotOwn,
    RemoteNameInvalid,
    SyncTransferError,
)
from reflectdesk.i18n import Translator
from reflectdesk.sync.transport import (
    Source,
    check_client_token,
    is_final_name,
    new_client_token,
    temp_name,
    validate_name,
)


def test_bundle_names_are_valid_final_names() -> None:
    name = bundle_file_name()
    assert validate_name(name) == name
    assert is_final_name(name)


@pytest.mark.parametrize(
    "bad",
    [
        "",
        ".",
        "..",
        "../x.rdbundle",
        "a/b",
        "a\\b",
        "/etc/passwd",
        ".hidden",
        ".rdtmp-0123456789abcdef-x",
        "-dash-first",
        "café.rdbundle",
        "a b",
        "a\x00b",
        "x" * 161,
        "C:x",
    ],
)
def test_unsafe_names_are_refused(bad: str) -> None:
    assert not is_final_name(bad)
    with pytest.raises(RemoteNameInvalid):
        validate_name(bad)


def test_temporary_names_are_never_final_names() -> None:
    token = new_client_token()
    assert check_client_token(token) == token
    tmp = temp_name(token, bundle_file_name())
    assert not is_final_name(tmp)
    with pytest.raises(RemoteNameInvalid):
        check_client_token("../../etc")


def test_source_reads_bytes_and_files_alike(tmp_path: Path) -> None:
    data = bytes(range(256)) * 3000
    path = tmp_path / "b"
    path.write_bytes(data)
    for source in (Source(data), Source(path)):
        assert source.size == len(data)
        assert b"".join(source.chunks(1000)) == data
    assert Source(data).sha256() == Source(path).sha256()
    with pytest.raises(FileUnreadable):
        Source(tmp_path / "missing")


def _sync_errors() -> list[type[ReflectDeskError]]:
    found: list[type[ReflectDeskError]] = []
    stack: list[type[ReflectDeskError]] = [SyncTransferError]
    while stack:
        cls = stack.pop()
        found.append(cls)
        stack.extend(cls.__subclasses__())
    return [*found, ExchangeAddressInvalid, RemoteNameInvalid, RemoteFileNotOwn]


def test_every_sync_error_has_its_own_code_and_a_spanish_message_and_hint() -> None:
    spanish = Translator("es")
    errors = _sync_errors()
    assert len(errors) >= 20
    assert len({cls.code for cls in errors}) == len(errors)
    for cls in errors:
        for text in (cls.message, cls.hint):
            assert spanish("Errors", text) != text, (cls.__name__, text)
    for cls in errors:
        assert issubclass(cls, NetworkError) == issubclass(cls, SyncTransferError), cls
