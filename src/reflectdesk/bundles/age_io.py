"""age encryption and decryption through ``pyrage``, in memory, with few copies.

Decryption streams ``pyrage.decrypt_io`` into one buffer allocated up front at the
exact plaintext size (known from the payload length; an anonymous, pre-faulted
memory map where the platform has one), so memory is the ciphertext plus the
plaintext and nothing grows or is copied again. Encryption streams from a list of
buffers (the ZIP's pieces), so the ZIP is never assembled in memory. Every pyrage
failure becomes a specific :class:`~reflectdesk.errors.BundleError`.
"""

from __future__ import annotations

import io
import logging
import mmap
from collections.abc import Sequence
from typing import Any

import pyrage

from reflectdesk.bundles.age_header import AgeHeader
from reflectdesk.bundles.canonical import Blob
from reflectdesk.errors import (
    BundleBuildInvalid,
    BundleDecryptionFailed,
    BundleHeaderInvalid,
    BundleNotForYou,
    Cancelled,
)
from reflectdesk.progress import (
    NEVER_CANCELLED,
    CancelToken,
    Progress,
    ProgressSink,
    ignore_progress,
)

log = logging.getLogger(__name__)

_REPORT_EVERY = 8 * 1024 * 1024
PlaintextBuffer = mmap.mmap | bytearray


class _OverflowError(Exception):
    """The decryptor produced more plaintext than the payload length allows."""


class _ChainReader:
    """A read-only file over several buffers, read in order without joining them.

    pyrage calls ``read`` with 8 KiB at a time, so it is kept lean; progress and
    cancellation are checked every ``_REPORT_EVERY`` bytes.
    """

    def __init__(
        self, pieces: Sequence[Blob], total: int, progress: ProgressSink, cancel: CancelToken
    ) -> None:
        self._pieces = [memoryview(p).cast("B") for p in pieces if len(p)]
        self._index = 0
        self._piece = self._pieces[0] if self._pieces else memoryview(b"")
        self._offset = 0
        self._done = 0
        self._next_report = 0
        self._total = total
        self._progress = progress
        self._cancel = cancel

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if self._done >= self._next_report:
            self._cancel.raise_if_cancelled()
            self._progress(Progress(self._done, self._total, "bundle-encrypt"))
            self._next_report = self._done + _REPORT_EVERY
        start = self._offset
        if start >= len(self._piece):
            self._index += 1
            if self._index >= len(self._pieces):
                return b""
            self._piece = self._pieces[self._index]
            start = 0
        end = len(self._piece) if size < 0 else min(len(self._piece), start + size)
        self._offset = end
        self._done += end - start
        return self._piece[start:end].tobytes()


class _FixedWriter:
    """Writes into a preallocated buffer of the exact expected size."""

    def __init__(
        self, buffer: PlaintextBuffer, progress: ProgressSink, cancel: CancelToken
    ) -> None:
        self.buffer = buffer
        self._view = memoryview(buffer)
        self._size = len(buffer)
        self.pos = 0
        self._next_report = 0
        self._progress = progress
        self._cancel = cancel

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:
        start = self.pos
        end = start + len(data)
        if end > self._size:
            raise _OverflowError()
        self._view[start:end] = data
        self.pos = end
        if end >= self._next_report:
            self._cancel.raise_if_cancelled()
            self._progress(Progress(end, self._size, "bundle-decrypt"))
            self._next_report = end + _REPORT_EVERY
        return end - start

    def flush(self) -> None:
        pass

    def release(self) -> PlaintextBuffer:
        self._view.release()
        return self.buffer


def allocate(size: int) -> PlaintextBuffer:
    """A zeroed buffer of ``size`` bytes; an anonymous pre-faulted map when possible."""
    if size == 0:
        return bytearray()
    if hasattr(mmap, "MAP_ANONYMOUS"):
        flags = mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS | getattr(mmap, "MAP_POPULATE", 0)
        try:
            return mmap.mmap(-1, size, flags=flags)
        except OSError:
            pass
    return bytearray(size)


def encrypt(
    pieces: Sequence[Blob],
    recipients: Sequence[Any],
    *,
    progress: ProgressSink = ignore_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> bytes:
    """age-encrypt the concatenation of ``pieces`` to ``recipients`` (pyrage objects)."""
    total = sum(len(p) for p in pieces)
    reader = _ChainReader(pieces, total, progress, cancel)
    out = io.BytesIO()
    try:
        pyrage.encrypt_io(reader, out, list(recipients))
    except Cancelled:
        raise
    except Exception as exc:  # pyrage.EncryptError; a foreign boundary
        raise BundleBuildInvalid(f"age: {type(exc).__name__}") from None
    progress(Progress(total, total, "bundle-encrypt"))
    return out.getvalue()


def decrypt(
    data: Blob,
    identity: Any,
    header: AgeHeader,
    *,
    progress: ProgressSink = ignore_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> PlaintextBuffer:
    """Decrypt ``data`` (whose ``header`` was pre-parsed) with a pyrage identity."""
    size = header.plaintext_length
    writer = _FixedWriter(allocate(size), progress, cancel)
    # BytesIO shares a bytes object without copying and reads in C.
    reader: Any = (
        io.BytesIO(data)
        if isinstance(data, bytes)
        else _ChainReader([data], len(data), ignore_progress, cancel)
    )
    try:
        pyrage.decrypt_io(reader, writer, [identity])
    except Cancelled:
        raise
    except _OverflowError:
        raise BundleDecryptionFailed("payload longer than expected") from None
    except pyrage.DecryptError as exc:
        text = str(exc)
        if "No matching keys" in text:
            raise BundleNotForYou("no stanza matches this identity") from None
        if "MAC" in text:
            raise BundleDecryptionFailed("header MAC") from None
        if "Header is invalid" in text:
            raise BundleHeaderInvalid("age rejected a recipient stanza") from None
        raise BundleDecryptionFailed(f"age: {text[:80]}") from None
    except Exception as exc:  # OSError from the STREAM layer; a foreign boundary
        raise BundleDecryptionFailed(f"payload: {type(exc).__name__}") from None
    if writer.pos != size:
        raise BundleDecryptionFailed("payload shorter than expected")
    progress(Progress(size, size, "bundle-decrypt"))
    return writer.release()
