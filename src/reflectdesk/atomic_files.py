"""Crash-safe file replacement: temp file → fsync → rename → fsync directory."""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
from pathlib import Path

from reflectdesk.errors import ReflectDeskError, StorageUnwritable

log = logging.getLogger(__name__)


def fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class AtomicFile:
    """A file that appears at ``path`` whole, or not at all.

    Written to a temp file beside it (permissions set at creation, before any
    byte); :meth:`commit` fsyncs, renames and fsyncs the directory. Leaving the
    ``with`` block without committing (an error, a cancel) removes the temp file.
    Any OS error raises ``error``: :class:`StorageUnwritable` for the vault's own files,
    :class:`FileUnwritable` for a file the user chose.
    """

    def __init__(
        self, path: Path, mode: int = 0o600, error: type[ReflectDeskError] = StorageUnwritable
    ) -> None:
        self.path = path
        self._error = error
        self._tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        try:
            self._fd: int | None = os.open(self._tmp, flags, mode)
        except OSError as exc:
            raise error(str(path.parent)) from exc
        self.size = 0

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fd is not None:
            self.discard()

    def write(self, data: bytes | bytearray | memoryview) -> None:
        assert self._fd is not None, "write after commit or discard"
        view = memoryview(data).cast("B")
        try:
            while view:
                written = os.write(self._fd, view)
                view = view[written:]
                self.size += written
        except OSError as exc:
            self.discard()
            raise self._error(str(self.path.parent)) from exc

    def commit(self) -> None:
        assert self._fd is not None, "commit after commit or discard"
        fd, self._fd = self._fd, None  # never closed twice, even if close() fails
        try:
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(self._tmp, self.path)
        except OSError as exc:
            self.discard()
            raise self._error(str(self.path.parent)) from exc
        try:
            fsync_dir(self.path.parent)
        except OSError as exc:  # the file is in place; only the rename's durability is unsure
            log.warning("could not sync the folder after a rename: %s", type(exc).__name__)

    def discard(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None
        with contextlib.suppress(OSError):
            self._tmp.unlink()


def atomic_write(
    path: Path,
    data: bytes | bytearray,
    mode: int = 0o600,
    error: type[ReflectDeskError] = StorageUnwritable,
) -> None:
    """Replace ``path`` with ``data`` so a crash leaves either the old or new file.

    ``error``: what a failure raises; ``FileUnwritable`` for files the user chose."""
    with AtomicFile(path, mode, error) as out:
        out.write(data)
        out.commit()
