"""Atomic files: whole or absent, never half-written, never a stray temp file."""

from __future__ import annotations

from pathlib import Path

import pytest

from reflectdesk.errors import StorageUnwritable
from reflectdesk.storage.atomic import AtomicFile, atomic_write


def test_a_committed_file_appears_whole(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    with AtomicFile(target) as out:
        out.write(b"abc")
        out.write(memoryview(b"defg"))
        assert not target.exists()  # nothing visible before commit
        out.commit()
    assert target.read_bytes() == b"abcdefg"
    assert out.size == 7
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    assert [p.name for p in tmp_path.iterdir()] == ["out.bin"]


def test_an_error_before_commit_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    atomic_write(target, b"old")
    with pytest.raises(RuntimeError), AtomicFile(target) as out:
        out.write(b"new, half")
        raise RuntimeError("cancelled")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.bin"]


def test_leaving_without_commit_discards(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    with AtomicFile(target) as out:
        out.write(b"never")
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_place_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StorageUnwritable):
        AtomicFile(tmp_path / "missing" / "out.bin")
