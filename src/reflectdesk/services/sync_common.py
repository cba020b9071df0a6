"""What the parts of the sync service share: the vault's outbox and inbox folders, the
sync state, the retry policy, and which errors stop the run for a whole exchange point."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from reflectdesk.domain.sync import ExchangePoint
from reflectdesk.errors import (
    ExchangeFolderUnavailable,
    ServerFolderNotFound,
    ServerForbidden,
    ServerFull,
    ServerPasswordRejected,
    ServerTimeout,
    ServerTlsFailed,
    ServerUnreachable,
)
from reflectdesk.progress import CancelToken
from reflectdesk.services.bundle_export import BundleExportService
from reflectdesk.services.bundle_import import BundleImportService
from reflectdesk.services.exchange import ExchangeService, make_transport
from reflectdesk.services.sync_import import InboxImporter
from reflectdesk.services.unlocked_state import UnlockedState
from reflectdesk.storage.sync_state import SyncStateRepo
from reflectdesk.sync import Retry, Transport

T = TypeVar("T")
OUTBOX_DIR = "outbox"
INBOX_DIR = "inbox"
# Errors that mean "not reachable now": quiet "offline", not an error to act on.
OFFLINE = (ServerUnreachable, ServerTimeout, ExchangeFolderUnavailable)
# Errors about the whole exchange point: the run for it stops. Any other error is about
# one file: it is recorded on that file and the run goes on with the next one, so one
# broken file (or a server lying about one file's size) never blocks the others.
POINT_WIDE = (
    *OFFLINE,
    ServerPasswordRejected,
    ServerForbidden,
    ServerFolderNotFound,
    ServerFull,
    ServerTlsFailed,
)
# Between runs: the wait after the n-th failure of an item (full jitter, docs/sync.md).
BETWEEN_RUNS = Retry(base=30.0, cap=3600.0)

TransportFactory = Callable[[ExchangePoint], Transport]


def now_ms() -> int:
    return int(time.time() * 1000)


class SyncCommon:
    """The state and the helpers of :class:`~reflectdesk.services.sync.SyncService`."""

    def __init__(
        self,
        state: Callable[[], UnlockedState],
        exchange: ExchangeService,
        exports: BundleExportService,
        imports: BundleImportService,
        *,
        transport_factory: TransportFactory = make_transport,
        retry: Retry | None = None,
    ) -> None:
        self._state = state
        self._exchange = exchange
        self._exports = exports
        self._importer = InboxImporter(imports)
        self.transport_factory = transport_factory
        # Within one run: a few quick retries; longer outages wait for the next run.
        self.retry = retry or Retry(base=0.5, cap=4.0, max_attempts=3, max_retry_after=10.0)
        self._run_lock = threading.Lock()
        self._writing: set[str] = set()  # outbox rows of exports running in this process
        self._writing_lock = threading.Lock()
        # Per process: keyed-hash ids of listed files (500 HMACs a run otherwise) and the
        # points whose WebDAV folder is known to exist (one request a run less).
        self._ids: dict[tuple[str, ...], str] = {}
        self._folder_ok: set[str] = set()
        # Per process and point: the folder's stamp (WebDAV ``folder_stamp``) when it was
        # last listed in full with every file dealt with, and when (``time.monotonic``).
        self._listed: dict[str, tuple[str, float]] = {}

    # --- places -----------------------------------------------------------------------
    def _repo(self) -> SyncStateRepo:
        st = self._state()
        return SyncStateRepo(st.db, st.cipher)

    def _dir(self, name: str) -> Path:
        folder = self._state().db.path.parent / name
        folder.mkdir(mode=0o700, exist_ok=True)
        return folder

    def _id(self, fn: Callable[..., str], cipher: object, *parts: object) -> str:
        key = (fn.__name__, *(str(p) for p in parts))
        found = self._ids.get(key)
        if found is None:
            if len(self._ids) > 200_000:
                self._ids.clear()
            found = self._ids[key] = fn(cipher, *parts)
        return found

    def _retry(self, step: Callable[[], T], cancel: CancelToken) -> T:
        return self.retry.call(step, cancel)
