"""The ``.rdbundle`` container, what building and opening share: the checks of the
content files both ends run (a builder refuses what a receiver would), and hashing on
worker threads while this one encrypts or decrypts.

Layers, innermost first (design notes §2, docs/bundle-format.md):

1. content files: ``entries/<id>.json``, ``records/<id>.json``, ``attachments/<id>``,
   ``cards/<key id>.rdcard``;
2. ``manifest.json``: canonical JSON listing every file's SHA-256 and size, the
   author, every recipient and the consent choices;
3. ``manifest.json.minisig``: the author's minisign signature of the manifest;
4. all of them in a stored ZIP;
5. the ZIP encrypted with age to every recipient and the author.

Building is :mod:`reflectdesk.bundles.build`; opening, with every check in order, is
:mod:`reflectdesk.bundles.opening`.
"""

from __future__ import annotations

import hashlib
import os
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from reflectdesk.bundles.canonical import (
    Blob,
    JsonObject,
    parse_json,
    validate,
)
from reflectdesk.bundles.cards import Card, parse_card
from reflectdesk.bundles.contents import BundledEntry, BundledRecord, read_entry, read_record
from reflectdesk.bundles.limits import BundleLimits
from reflectdesk.bundles.manifest import (
    CARD_PATH_RE,
    ENTRY_PATH_RE,
    RECORD_PATH_RE,
    Manifest,
    attachment_path,
)
from reflectdesk.bundles.schemas import ENTRY, JOURNAL_RECORD, RECORD, RecordType
from reflectdesk.errors import (
    BundleSchemaInvalid,
    BundleVersionUnsupported,
    ContactError,
)

BUNDLE_EXTENSION = ".rdbundle"
BUNDLE_MEDIA_TYPE = "application/vnd.reflectdesk.bundle"
PARALLEL_MIN_BYTES = 1024 * 1024
_T = TypeVar("_T")


# --- helpers -------------------------------------------------------------------------------
class Hashing(Generic[_T]):
    """``fn`` over ``blobs``, the big ones started at once on worker threads.

    hashlib and zlib release the GIL on big buffers, so the workers run while this
    thread validates JSON or encrypts; :meth:`result` collects them and computes the
    small ones here. ``reserve_core`` leaves one core to this thread (it encrypts
    meanwhile). Leaving the ``with`` block (even by an error) cancels what has not
    started and waits for what has.
    """

    def __init__(
        self, fn: Callable[[Blob], _T], blobs: Mapping[str, Blob], *, reserve_core: bool = False
    ) -> None:
        self._fn = fn
        self._blobs = blobs
        big = [path for path, blob in blobs.items() if len(blob) >= PARALLEL_MIN_BYTES]
        cores = os.cpu_count() or 1
        workers = min(4, cores - 1 if reserve_core else cores)
        self._pool: ThreadPoolExecutor | None = None
        self._futures: dict[str, Future[_T]] = {}
        if big and workers >= 1 and (reserve_core or len(big) > 1):
            self._pool = ThreadPoolExecutor(max_workers=min(workers, len(big)))
            self._futures = {path: self._pool.submit(fn, blobs[path]) for path in big}

    def __enter__(self) -> Hashing[_T]:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def result(self) -> dict[str, _T]:
        out = {path: future.result() for path, future in self._futures.items()}
        for path, blob in self._blobs.items():
            if path not in out:
                out[path] = self._fn(blob)
        return out


@contextmanager
def quick_gil_handoff() -> Iterator[None]:
    """Hand the GIL to waiting hash workers within 0.5 ms instead of 5 ms.

    The encrypting or decrypting thread holds the GIL between chunks; a worker that
    finished one file waits for it before starting the next. Process-wide, so it is
    counted: the default comes back when the last user leaves.
    """
    global _handoff_users, _handoff_saved
    with _handoff_lock:
        if _handoff_users == 0:
            _handoff_saved = sys.getswitchinterval()
            sys.setswitchinterval(min(_handoff_saved, _HANDOFF_S))
        _handoff_users += 1
    try:
        yield
    finally:
        with _handoff_lock:
            _handoff_users -= 1
            # Restored unless someone else changed it meanwhile (theirs then stands).
            if _handoff_users == 0 and sys.getswitchinterval() == min(_handoff_saved, _HANDOFF_S):
                sys.setswitchinterval(_handoff_saved)


_HANDOFF_S = 0.0005
_handoff_lock = threading.Lock()
_handoff_users = 0
_handoff_saved = 0.005


def sha256_hex(blob: Blob) -> str:
    return hashlib.sha256(blob).hexdigest()


@dataclass(slots=True)
class Contents:
    entries: dict[str, BundledEntry] = field(default_factory=dict)
    records: dict[str, BundledRecord] = field(default_factory=dict)
    cards: dict[str, Card] = field(default_factory=dict)
    attachments: dict[str, memoryview] = field(default_factory=dict)


def load_contents(documents: Mapping[str, Blob], limits: BundleLimits) -> Contents:
    """Size caps, JSON strictness and schemas of entries, records and cards."""
    out = Contents()
    for path, data in documents.items():
        if match := ENTRY_PATH_RE.fullmatch(path):
            entry = _load_json(path, data, limits)
            _gate_document(entry, path)
            validate(entry, ENTRY, name=path)
            if entry["id"] != match.group(1):
                raise BundleSchemaInvalid(f"{path}:$.id: does not match the file name")
            out.entries[match.group(1)] = read_entry(path, entry)
        elif match := RECORD_PATH_RE.fullmatch(path):
            record = _load_json(path, data, limits)
            _gate_document(record, path)
            if record.get("type") not in {t.value for t in RecordType}:
                raise BundleVersionUnsupported(f"{path}: unknown record type")
            validate(record, RECORD, name=path)
            if record["id"] != match.group(1):
                raise BundleSchemaInvalid(f"{path}:$.id: does not match the file name")
            if record["type"] == RecordType.JOURNAL.value:
                validate(record, JOURNAL_RECORD, name=path)
            out.records[match.group(1)] = read_record(record)
        elif match := CARD_PATH_RE.fullmatch(path):
            try:
                card = parse_card(data, allow_expired=True, max_bytes=limits.max_card_bytes)
            except ContactError as exc:
                raise BundleSchemaInvalid(f"{path}: {exc.code}") from None
            if card.key_id_hex != match.group(1):
                raise BundleSchemaInvalid(f"{path}: does not match the file name")
            out.cards[match.group(1)] = card
        else:  # pragma: no cover - names were allow-listed before
            raise BundleSchemaInvalid(f"{path}: unexpected file")
    return out


def cross_check(contents: Contents, manifest: Manifest) -> None:
    """An entry's reference to an attachment in the bundle matches its size and hash."""
    for entry_id, entry in contents.entries.items():
        for ref in entry.attachments:
            listed = manifest.file(attachment_path(ref.id))
            if listed is not None and (listed.size, listed.sha256) != (ref.size, ref.sha256):
                raise BundleSchemaInvalid(
                    f"entries/{entry_id}.json:$.attachments: size or hash differs from the file"
                )


def readonly(data: Blob) -> memoryview:
    view = memoryview(data).cast("B")
    return view if view.readonly else view.toreadonly()


def _load_json(path: str, data: Blob, limits: BundleLimits) -> JsonObject:
    value = parse_json(data, max_bytes=limits.max_json_bytes, name=path)
    if not isinstance(value, dict):
        raise BundleSchemaInvalid(f"{path}:$: not an object")
    return value


def _gate_document(doc: JsonObject, path: str) -> None:
    version = doc.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > 1:
        raise BundleVersionUnsupported(f"{path}: version {version}")
