"""What a file is, by its bytes: a bundle, a card, or neither (said for what it is not)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reflectdesk.errors import FileUnreadable, NotABundle, NotOpenable
from reflectdesk.services.openable import FileKind, kind_of


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("renamed.txt", b"age-encryption.org/v1\n-> X25519 abc\n", FileKind.BUNDLE),
        ("ana.rdcard", b'\xef\xbb\xbf {"format": "reflectdesk-card", "version": 1}', FileKind.CARD),
        ("r.json", b'{"format": "reflectdesk-revocation"}', FileKind.CARD),
    ],
)
def test_known_files_by_content(tmp_path: Path, name: str, data: bytes, kind: FileKind) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert kind_of(path) is kind


def test_anything_else_is_named_for_what_it_is_not(tmp_path: Path) -> None:
    damaged = tmp_path / "de-ana.rdbundle"
    damaged.write_bytes(b"PK\x03\x04 not age")
    with pytest.raises(NotABundle):
        kind_of(damaged)
    other = tmp_path / "notas.json"
    other.write_bytes(b'{"format": "something-else"}')
    with pytest.raises(NotOpenable) as info:
        kind_of(other)
    assert info.value.detail == "notas.json"
    with pytest.raises(FileUnreadable):
        kind_of(tmp_path / "missing.rdbundle")
