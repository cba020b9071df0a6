"""Crash-safe file replacement: temp file → fsync → rename → fsync directory."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from reflectdesk.errors import StorageUnwritable


def fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes | bytearray, mode: int = 0o600) -> None:
    """Replace ``path`` with ``data`` so a crash leaves either the old or new file.

    Permissions are set when the temp file is created, before any byte is written.
    """
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise StorageUnwritable(str(path.parent)) from exc
