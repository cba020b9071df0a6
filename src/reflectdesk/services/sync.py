"""Sync: the outbox, the inbox and their status over exchange points (issue 17). This
module runs them (:meth:`SyncService.sync_now`) and says where they stand (status, log);
the outbox is services/sync_outbox.py, the inbox services/sync_inbox.py.

Outbox
    ``queue_export`` reserves one outbox row per exchange point (state ``writing``),
    writes the bundle (already encrypted and signed) into the vault's ``outbox/`` folder
    under a random name, then marks the rows ``queued``. ``sync_now`` uploads each
    queued bundle (temporary name, no-overwrite publish, size and ETag confirmed: the
    transport's ``put``); only then, in one transaction, the row leaves the outbox and
    the upload is remembered (``sent``). The remote name is fixed per row, so a re-run
    after any crash either finds its own complete upload (``already_there``) or uploads
    it again under the same name: never two copies.

Inbox
    Lists each point, skips files it put there or already fetched (name + size + ETag,
    keyed hashes in ``sync_remote``), downloads the rest into ``inbox/`` (the outcome
    rows are stored 50 at a time: a crash only downloads those files again), and imports
    through the same checks as a manual import (``services/sync_import.py``): from a
    verified contact (or your own key) at once; from anyone else it waits for the user
    ("waiting for you").
    Files not addressed to this vault are skipped. Nothing on the exchange point is ever
    deleted or overwritten.

Offline first: without an exchange point nothing is opened and no network call is
made; an unreachable point is logged as ``offline`` and shown as "offline, N waiting".
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import replace
from datetime import UTC, datetime

from reflectdesk.domain.sync import (
    ExchangePoint,
    PointStatus,
    RemoteState,
    SyncLogEntry,
    SyncReport,
    SyncStatus,
)
from reflectdesk.errors import ServerFolderNotFound, SyncTransferError
from reflectdesk.ids import uuid7
from reflectdesk.progress import NEVER_CANCELLED, CancelToken, ProgressSink, ignore_progress
from reflectdesk.services.sync_common import OFFLINE, POINT_WIDE
from reflectdesk.services.sync_inbox import SyncInbox
from reflectdesk.services.sync_outbox import SyncOutbox
from reflectdesk.storage.sync_state import SyncStateRepo
from reflectdesk.sync import WebDavTransport

log = logging.getLogger(__name__)


PERIOD_S = 60  # the app starts a run this often while unlocked (each item has its own time)


class SyncService(SyncOutbox, SyncInbox):
    """Sync over every exchange point: what the front ends call (``Vault.sync``)."""

    def sync_now(
        self,
        *,
        due_only: bool = False,
        progress: ProgressSink = ignore_progress,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> SyncReport:
        """Send what is queued and fetch what arrived, on every exchange point.

        ``due_only``: skip items whose retry time has not come (the periodic worker);
        ``sync now`` and "retry now" send everything. Errors of a point are logged and
        reported, never raised (but ``Cancelled`` and a locked vault are)."""
        if not self._exchange.any():
            return SyncReport(status=self.status())  # offline first: nothing opened
        if not self._run_lock.acquire(blocking=False):
            return SyncReport(status=replace(self.status(), running=True))
        try:
            repo = self._repo()
            self._recover(repo)
            total = SyncReport()
            for point in self._exchange.list():
                cancel.raise_if_cancelled()
                report = self._sync_point(repo, point, due_only, progress, cancel)
                total = SyncReport(
                    sent=total.sent + report.sent,
                    received=total.received + report.received,
                    waiting=total.waiting + report.waiting,
                    skipped=total.skipped + report.skipped,
                    offline=total.offline + report.offline,
                    errors=total.errors + report.errors,
                )
        finally:
            self._run_lock.release()
        return replace(total, status=self.status())

    def _sync_point(
        self,
        repo: SyncStateRepo,
        point: ExchangePoint,
        due_only: bool,
        progress: ProgressSink,
        cancel: CancelToken,
    ) -> SyncReport:
        counts = {"sent": 0, "received": 0, "waiting": 0, "skipped": 0}
        transport = self.transport_factory(point)
        event, code = "sync", ""
        try:
            if isinstance(transport, WebDavTransport) and point.id not in self._folder_ok:
                self._retry(transport.ensure_folder, cancel)
                self._folder_ok.add(point.id)
            send_error: SyncTransferError | None = None
            try:
                self._send(repo, point, transport, due_only, counts, progress, cancel)
            except SyncTransferError as exc:
                if isinstance(exc, POINT_WIDE):
                    raise
                send_error = exc  # one file's trouble: still fetch what arrived
            # A run someone asked for (sync now, Retry now) always lists the folder.
            self._receive(repo, point, transport, counts, progress, cancel, may_skip=due_only)
            if send_error is not None:
                raise send_error
        except OFFLINE as exc:
            event, code = "offline", exc.code
        except ServerFolderNotFound as exc:
            self._folder_ok.discard(point.id)  # removed on the server: made again next run
            event, code = "error", exc.code
        except SyncTransferError as exc:
            event, code = "error", exc.code
        finally:
            with contextlib.suppress(Exception):
                transport.close()
        if event == "sync":
            log.info(
                "sync: %d sent, %d imported, %d waiting",
                counts["sent"],
                counts["received"],
                counts["waiting"],
            )
        else:
            log.info("sync: %s (%s)", event, code)
        st = self._state()
        with st.write_lock:
            repo.log(
                SyncLogEntry(
                    uuid7(),
                    point.id,
                    datetime.now(UTC),
                    event,
                    code,
                    counts["sent"],
                    counts["received"],
                    counts["waiting"],
                )
            )
        return SyncReport(
            sent=counts["sent"],
            received=counts["received"],
            waiting=counts["waiting"],
            skipped=counts["skipped"],
            offline=(point.id,) if event == "offline" else (),
            errors=((point.id, code),) if event == "error" else (),
        )

    def status(self) -> SyncStatus:
        if not self._exchange.any():
            return SyncStatus(0, 0, ())
        repo = self._repo()
        outbox = repo.outbox()
        waiting = repo.remote(RemoteState.WAITING)
        # The newest entries say it, unless a point has not synced well for a while.
        entries = repo.log_entries(50)
        if len(entries) == 50 and not all(
            any(e.point_id == p.id and e.event == "sync" for e in entries)
            for p in self._exchange.list()
        ):
            entries = repo.log_entries(1000)
        points = []
        for p in self._exchange.list():
            mine = [e for e in entries if e.point_id == p.id]
            last = mine[0] if mine else None
            last_ok = next((e.at for e in mine if e.event == "sync"), None)
            points.append(
                PointStatus(
                    point_id=p.id,
                    label=p.label,
                    pending=sum(1 for i in outbox if i.point_id == p.id),
                    waiting=sum(1 for r in waiting if r.point_id == p.id),
                    last_sync=last_ok,
                    last_error=last.code if last is not None and last.event != "sync" else "",
                    offline=last is not None and last.event == "offline",
                )
            )
        return SyncStatus(
            pending=len({i.name for i in outbox}),
            waiting=len(waiting),
            points=tuple(points),
            running=self._run_lock.locked(),
        )

    def log(self, point_id: str | None = None, limit: int = 200) -> list[SyncLogEntry]:
        entries = self._repo().log_entries(limit if point_id is None else 1000)
        if point_id is not None:
            entries = [e for e in entries if e.point_id == point_id][:limit]
        return entries
