"""age encryption and decryption through ``pyrage``, in memory, with few copies.

Decryption streams ``pyrage.decrypt_io`` into one buffer allocated up front at the
exact plaintext size (known from the payload length), so memory is the ciphertext
plus the plaintext and nothing grows. Encryption streams from a list of buffers
(the ZIP's pieces) so the ZIP is never assembled in memory. Every pyrage failure
becomes a specific :class:`~reflectdesk.errors.BundleError`.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence
from typing import Any

import pyrage

from reflectdesk.bundles.age_header import AgeHeader
from reflectdesk.bundles.canonical import Blob
from reflectdesk.errors import (
    BundleBuildInvalid,
    BundleDecryptionFailed,
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


class _Overflow(Exception):
    """The decryptor produced more plaintext than the payload length allows."""


class _Reporter:
    def __init__(self, total: int, label: str, progress: ProgressSink, cancel: CancelToken):
        self.total = total
        self.label = label
        self.progress = progress
        self.cancel = cancel
        self.next_report = 0

    def at(self, done: int) -> None:
        if done >= self.next_report:
            self.cancel.raise_if_cancelled()
            self.progress(Progress(done, self.total, self.label))
            self.next_report = done + _REPORT_EVERY


class _ChainReader:
    """A read-only file over several buffers, read in order without joining them."""

    def __init__(self, pieces: Sequence[Blob], reporter: _Reporter) -> None:
        self._pieces = [memoryview(p).cast("B") for p in pieces]
        self._index = 0
        self._offset = 0
        self._done = 0
        self._reporter = reporter

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        self._reporter.at(self._done)
        while self._index < len(self._pieces):
            piece = self._pieces[self._index]
            if self._offset < len(piece):
                end = len(piece) if size < 0 else min(len(piece), self._offset + size)
                chunk = piece[self._offset : end].tobytes()
                self._offset = end
                self._done += len(chunk)
                return chunk
            self._index += 1
            self._offset = 0
        return b""


class _FixedWriter:
    """Writes into a preallocated buffer of the exact expected size."""

    def __init__(self, size: int, reporter: _Reporter) -> None:
        self.buffer = bytearray(size)
        self._view = memoryview(self.buffer)
        self.pos = 0
        self._reporter = reporter

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:
        n = len(data)
        end = self.pos + n
        if end > len(self.buffer):
            raise _Overflow()
        self._view[self.pos : end] = data
        self.pos = end
        self._reporter.at(end)
        return n

    def flush(self) -> None:
        pass

    def release(self) -> bytearray:
        self._view.release()
        return self.buffer


def encrypt(
    pieces: Sequence[Blob],
    recipients: Sequence[Any],
    *,
    progress: ProgressSink = ignore_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> bytes:
    """age-encrypt the concatenation of ``pieces`` to ``recipients`` (pyrage objects)."""
    total = sum(len(p) for p in pieces)
    reader = _ChainReader(pieces, _Reporter(total, "bundle-encrypt", progress, cancel))
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
) -> bytearray:
    """Decrypt ``data`` (whose ``header`` was pre-parsed) with a pyrage identity."""
    size = header.plaintext_length
    reporter = _Reporter(size, "bundle-decrypt", progress, cancel)
    writer = _FixedWriter(size, reporter)
    reader = _ChainReader([data], _Reporter(len(data), "bundle-read", ignore_progress, cancel))
    try:
        pyrage.decrypt_io(reader, writer, [identity])
    except Cancelled:
        raise
    except _Overflow:
        raise BundleDecryptionFailed("payload longer than expected") from None
    except pyrage.DecryptError as exc:
        text = str(exc)
        if "No matching keys" in text:
            raise BundleNotForYou("no stanza matches this identity") from None
        if "MAC" in text:
            raise BundleDecryptionFailed("header MAC") from None
        raise BundleDecryptionFailed(f"age: {text[:80]}") from None
    except Exception as exc:  # OSError from the STREAM layer; a foreign boundary
        raise BundleDecryptionFailed(f"payload: {type(exc).__name__}") from None
    if writer.pos != size:
        raise BundleDecryptionFailed("payload shorter than expected")
    progress(Progress(size, size, "bundle-decrypt"))
    return writer.release()
