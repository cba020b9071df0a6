"""The contract every exchange-point transport keeps (docs/sync.md §1).

A transport moves opaque files (already encrypted, signed bundles) under names the caller
chose at random. It never shows a half-written file under a final name, never overwrites
or removes a file it did not put there, and reports success only once the whole file is
confirmed on the other side.
"""

from __future__ import annotations

import builtins
import hashlib
import os
import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol

from reflectdesk.errors import FileUnreadable, RemoteNameInvalid
from reflectdesk.progress import NEVER_CANCELLED, CancelToken, ProgressSink, ignore_progress

# A final name: starts with a letter or digit (so no hidden or temporary name, no "." or
# ".."), then the portable set. No separator can appear, hence no traversal.
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,159}")
# Uploads in flight: ".rdtmp-<client token>-<final name>". The token is random per
# exchange point and client, so two clients never share a temporary name, and a client
# that crashed overwrites its own leftover on the retry instead of leaving another one.
TEMP_PREFIX = ".rdtmp-"
_TOKEN = re.compile(r"[0-9a-f]{16}")

CHUNK = 256 * 1024
UPLOAD = "sync_upload"  # Progress.label_code values, translated by the front-ends
DOWNLOAD = "sync_download"


@dataclass(frozen=True, slots=True)
class RemoteFile:
    name: str
    size: int
    etag: str | None  # opaque; on a folder, inode-mtime-size
    mtime: float | None  # the server's clock: shown, never used to decide anything


@dataclass(frozen=True, slots=True)
class PutReceipt:
    """What the caller keeps after a put: the proof that this client owns the file."""

    name: str
    size: int
    etag: str | None
    already_there: bool = False  # a retry found its own earlier upload complete


class Transport(Protocol):
    def list(self) -> builtins.list[RemoteFile]:
        """Final names only (no temporary, hidden or foreign-looking names), any order."""
        ...

    def put(
        self,
        name: str,
        source: Path | bytes,
        progress: ProgressSink = ignore_progress,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> PutReceipt: ...

    def get(
        self,
        name: str,
        dest: Path,
        expected_size: int,
        etag: str | None = None,
        progress: ProgressSink = ignore_progress,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> None: ...

    def delete_own(self, receipt: PutReceipt) -> None: ...

    def close(self) -> None: ...


def validate_name(name: str) -> str:
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise RemoteNameInvalid("name")
    return name


def is_final_name(name: str) -> bool:
    return bool(_NAME.fullmatch(name))


def new_client_token() -> str:
    return secrets.token_hex(8)


def check_client_token(token: str) -> str:
    if not _TOKEN.fullmatch(token):
        raise RemoteNameInvalid("client token")
    return token


def temp_name(token: str, name: str) -> str:
    return f"{TEMP_PREFIX}{token}-{name}"


class Source:
    """The bytes to upload, from memory or a file, readable more than once (retries,
    the content comparison after a name clash)."""

    def __init__(self, source: Path | bytes) -> None:
        self._path = source if isinstance(source, Path) else None
        self._data = source if isinstance(source, bytes) else None
        if self._path is not None:
            try:
                self.size = self._path.stat().st_size
            except OSError as exc:
                raise FileUnreadable(self._path.name) from exc
        else:
            assert self._data is not None
            self.size = len(self._data)

    def chunks(self, size: int = CHUNK) -> Iterator[bytes]:
        if self._data is not None:
            for start in range(0, len(self._data), size):
                yield self._data[start : start + size]
            return
        assert self._path is not None
        with self._path.open("rb") as stream:
            yield from _read_chunks(stream, size)

    def sha256(self) -> bytes:
        digest = hashlib.sha256()
        for chunk in self.chunks():
            digest.update(chunk)
        return digest.digest()


def _read_chunks(stream: BinaryIO, size: int) -> Iterator[bytes]:
    while chunk := stream.read(size):
        yield chunk


def file_etag(st: os.stat_result) -> str:
    """A folder's stand-in for an ETag: changes when the file is replaced or rewritten."""
    return f"{st.st_ino:x}-{st.st_mtime_ns:x}-{st.st_size:x}"
