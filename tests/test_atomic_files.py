"""Atomic files: whole or absent, never half-written, never a stray temp file."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from reflectdesk import atomic_files as atomic
from reflectdesk.atomic_files import AtomicFile, atomic_write
from reflectdesk.errors import StorageUnwritable


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


def test_a_failed_close_never_closes_the_descriptor_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """os.close may fail after releasing the fd (EIO on NFS); the number can be reused."""
    real_close = os.close
    reused: dict[str, int] = {}

    def flaky_close(fd: int) -> None:
        real_close(fd)
        if "fd" not in reused:  # another thread opens a file and gets the freed number
            reused["fd"] = os.open(tmp_path / "other.db", os.O_RDWR | os.O_CREAT)
            raise OSError(errno.EIO, "close failed")

    out = AtomicFile(tmp_path / "out.bin")
    out.write(b"data")
    monkeypatch.setattr(atomic.os, "close", flaky_close)
    with pytest.raises(StorageUnwritable):
        out.commit()
    monkeypatch.undo()
    os.fstat(reused["fd"])  # still open: not closed a second time
    os.close(reused["fd"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]
