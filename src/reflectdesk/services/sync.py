"""Sync: the outbox, the inbox and their status over exchange points (issue 17).

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
    keyed hashes in ``sync_remote``), downloads the rest once into ``inbox/`` (row
    ``fetching`` first: a crash downloads it again), and imports through the same checks
    as a manual import (``services/sync_import.py``): from a verified contact (or your
    own key) at once; from anyone else it waits for the user ("waiting for you").
    Files not addressed to this vault are skipped. Nothing on the exchange point is ever
    deleted or overwritten.

Offline first: without an exchange point nothing is opened and no network call is
made; an unreachable point is logged as ``offline`` and shown as "offline, N waiting".
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import re
import secrets
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from reflectdesk.bundles import bundle_file_name
from reflectdesk.bundles.limits import DEFAULT_LIMITS
from reflectdesk.domain.model import AuthorStatus, ExportRequest, ExportResult, ImportPreview
from reflectdesk.domain.sync import (
    ExchangePoint,
    OutboxState,
    PointStatus,
    RemoteRecord,
    RemoteState,
    SyncLogEntry,
    SyncReport,
    SyncStatus,
)
from reflectdesk.errors import (
    BundleNotForYou,
    Cancelled,
    ExchangeFolderUnavailable,
    NoExchangePoint,
    ReflectDeskError,
    RemoteFileChanged,
    RemoteFileGone,
    RemoteNameTaken,
    ServerFolderNotFound,
    ServerForbidden,
    ServerFull,
    ServerPasswordRejected,
    ServerTimeout,
    ServerTlsFailed,
    ServerUnreachable,
    SyncTransferError,
    WaitingBundleNotFound,
)
from reflectdesk.ids import uuid7
from reflectdesk.progress import NEVER_CANCELLED, CancelToken, ProgressSink, ignore_progress
from reflectdesk.services.bundle_export import BundleExportService
from reflectdesk.services.bundle_import import BundleImportService
from reflectdesk.services.exchange import ExchangeService, make_transport
from reflectdesk.services.sync_import import InboxImporter
from reflectdesk.services.unlocked_state import UnlockedState
from reflectdesk.storage.sync_state import SyncStateRepo, remote_id, sent_id
from reflectdesk.sync import Retry, Transport, WebDavTransport

log = logging.getLogger(__name__)

T = TypeVar("T")
OUTBOX_DIR = "outbox"
INBOX_DIR = "inbox"
_OWN_FILE = re.compile(r"[0-9a-f]{32}\.rdbundle")
# Errors that mean "not reachable now": quiet "offline", not an error to act on.
OFFLINE = (ServerUnreachable, ServerTimeout, ExchangeFolderUnavailable)
PERIOD_S = 60  # the app starts a run this often while unlocked (each item has its own time)
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
MAX_FETCH_ATTEMPTS = 5  # a file that never arrives whole is then set aside ("rejected")
# Between runs: the wait after the n-th failure of an item (full jitter, docs/sync.md).
BETWEEN_RUNS = Retry(base=30.0, cap=3600.0)


@dataclass(frozen=True, slots=True)
class QueuedExport:
    result: ExportResult
    points: tuple[str, ...]  # exchange point ids it will go through


@dataclass(frozen=True, slots=True)
class WaitingBundle:
    """A received bundle from someone not verified: the preview, for the user to decide."""

    id: str
    point_id: str
    at: datetime
    preview: ImportPreview


TransportFactory = Callable[[ExchangePoint], Transport]


def _now_ms() -> int:
    return int(time.time() * 1000)


class SyncService:
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

    # --- places -----------------------------------------------------------------------
    def _repo(self) -> SyncStateRepo:
        st = self._state()
        return SyncStateRepo(st.db, st.cipher)

    def _dir(self, name: str) -> Path:
        folder = self._state().db.path.parent / name
        folder.mkdir(mode=0o700, exist_ok=True)
        return folder

    # --- outbox -------------------------------------------------------------------------
    def queue_export(
        self,
        request: ExportRequest,
        *,
        progress: ProgressSink = ignore_progress,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> QueuedExport:
        """Export to the recipients and queue the bundle for every exchange point that
        reaches one of them. Raises ``NoExchangePoint`` if none does (nothing written)
        and whatever ``BundleExportService.export`` raises (then nothing is queued)."""
        st = self._state()
        recipients = tuple(self._exchange_contacts(request.recipients))
        points = self._exchange.for_contacts(recipients)
        if not points:
            raise NoExchangePoint(",".join(request.recipients))
        name = bundle_file_name()
        with st.write_lock:
            items = self._repo().reserve([(p.id, name) for p in points])
        ids = {i.id for i in items}
        with self._writing_lock:
            self._writing |= ids
        try:
            try:
                result = self._exports.export(
                    request, self._dir(OUTBOX_DIR) / name, progress=progress, cancel=cancel
                )
            except BaseException:
                with st.write_lock:
                    self._repo().drop_outbox(ids)
                raise
            queued = [
                replace(i, state=OutboxState.QUEUED, size=result.size, bundle_id=result.bundle_id)
                for i in items
            ]
            with st.write_lock:
                self._repo().save_outbox(queued)
        finally:
            with self._writing_lock:
                self._writing -= ids
        log.info("queued a bundle for %d exchange point(s)", len(points))
        return QueuedExport(result, tuple(p.id for p in points))

    def _exchange_contacts(self, refs: Sequence[str]) -> list[str]:
        contacts = self._state().contacts
        return [c.id for c in contacts.list() if c.id in set(refs)] or list(refs)

    def _recover(self, repo: SyncStateRepo) -> None:
        """After a crash: finish or drop outbox rows left ``writing``, remove bundle files
        no row refers to. The folders are listed *before* the rows are read: a file an
        export is writing now already has its row."""
        outbox_dir, inbox_dir = self._dir(OUTBOX_DIR), self._dir(INBOX_DIR)
        out_files = {n for n in os.listdir(outbox_dir) if _OWN_FILE.fullmatch(n)}
        in_files = {n for n in os.listdir(inbox_dir) if _OWN_FILE.fullmatch(n)}
        with self._writing_lock:
            busy = set(self._writing)
        items = repo.outbox()
        fixed, dropped = [], []
        checked: dict[str, str | None] = {}  # file name -> its logged bundle id
        for item in items:
            if item.state is OutboxState.WRITING and item.id not in busy:
                path = outbox_dir / item.name
                if item.name not in checked:
                    checked[item.name] = self._logged_export(path)
                bundle_id = checked[item.name]
                if bundle_id is not None:
                    size = path.stat().st_size
                    fixed.append(
                        replace(item, state=OutboxState.QUEUED, size=size, bundle_id=bundle_id)
                    )
                else:
                    dropped.append(item.id)
        if fixed or dropped:
            st = self._state()
            with st.write_lock:
                repo.save_outbox(fixed)
                repo.drop_outbox(dropped)
            log.info("outbox recovered: %d kept, %d dropped", len(fixed), len(dropped))
        referenced = {i.name for i in items if i.id not in dropped}
        for name in out_files - referenced:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(outbox_dir / name)
        kept = {
            r.local_file
            for state in (RemoteState.FETCHING, RemoteState.WAITING)
            for r in repo.remote(state)
        }
        for name in in_files - kept:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(inbox_dir / name)

    def _logged_export(self, path: Path) -> str | None:
        """The bundle id of an export a crash interrupted, if it *finished*: the file is
        there and its bundle-log row (with the consents) committed. The file can be in
        place without the row (killed between the rename and the commit): that export
        never happened for the user, so it is not sent. Your own bundle is addressed to
        you, so it opens here."""
        if not path.is_file():
            return None
        try:
            bundle_id = self._importer.check(path).preview.bundle_id
        except ReflectDeskError:
            return None
        st = self._state()
        logged = st.bundle_log.get(bundle_id, st.author)
        return bundle_id if logged is not None and logged.direction == "out" else None

    # --- one run ------------------------------------------------------------------------
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
            self._receive(repo, point, transport, counts, progress, cancel)
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

    def _send(
        self,
        repo: SyncStateRepo,
        point: ExchangePoint,
        transport: Transport,
        due_only: bool,
        counts: dict[str, int],
        progress: ProgressSink,
        cancel: CancelToken,
    ) -> None:
        outbox_dir = self._dir(OUTBOX_DIR)
        now = _now_ms()
        everything = repo.outbox()
        items = [
            i
            for i in everything
            if i.point_id == point.id
            and i.state is OutboxState.QUEUED
            and (not due_only or i.next_attempt_ms <= now)
        ]
        # How many rows still need each file (other points share it): read once, not
        # once per item (500 queued bundles would open 250,000 records).
        users = Counter(i.name for i in everything)
        st = self._state()
        failures: list[SyncTransferError] = []
        for item in items:
            cancel.raise_if_cancelled()
            path = outbox_dir / item.name
            if not path.is_file():  # removed by hand: nothing left to send
                log.warning("a queued bundle file is missing; dropped from the outbox")
                with st.write_lock:
                    repo.drop_outbox([item.id])
                continue
            try:
                receipt = self._retry(
                    functools.partial(
                        transport.put, item.remote, path, progress=progress, cancel=cancel
                    ),
                    cancel,
                )
            except RemoteNameTaken:
                # Someone else's file holds our random name (a co-user who raced our
                # temporary name): never overwritten; this bundle takes a new name.
                with st.write_lock:
                    repo.save_outbox([replace(item, remote=bundle_file_name())])
                log.warning("remote name taken by another file; the bundle gets a new name")
                continue
            except SyncTransferError as exc:
                wait = BETWEEN_RUNS.delay(item.attempts + 1, exc)
                with st.write_lock:
                    repo.save_outbox(
                        [
                            replace(
                                item,
                                attempts=item.attempts + 1,
                                next_attempt_ms=_now_ms() + int(wait * 1000),
                                last_error=exc.code,
                            )
                        ]
                    )
                if isinstance(exc, POINT_WIDE):
                    raise
                failures.append(exc)
                continue
            record = RemoteRecord(
                id=sent_id(repo.cipher, point.id, receipt.name),
                point_id=point.id,
                name=receipt.name,
                size=receipt.size,
                etag=receipt.etag,
                state=RemoteState.SENT,
                local_file="",
                bundle_id=item.bundle_id,
                error="",
                at_ms=_now_ms(),
            )
            with st.write_lock:
                repo.mark_sent(item, record)
            counts["sent"] += 1
            # The file goes once no other point still has to send it. (A row queued for
            # this file meanwhile is impossible: each export writes a new file.)
            users[item.name] -= 1
            if users[item.name] <= 0:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(path)
        if failures:
            raise failures[0]

    def _receive(
        self,
        repo: SyncStateRepo,
        point: ExchangePoint,
        transport: Transport,
        counts: dict[str, int],
        progress: ProgressSink,
        cancel: CancelToken,
    ) -> None:
        listing = self._retry(transport.list, cancel)
        known = repo.remote_ids()
        cipher = repo.cipher
        again = {r.id: r for r in repo.remote(RemoteState.FETCHING) if r.point_id == point.id}
        inbox_dir = self._dir(INBOX_DIR)
        st = self._state()
        failures: list[SyncTransferError] = []
        for remote in sorted(listing, key=lambda f: f.name):
            cancel.raise_if_cancelled()
            if self._id(sent_id, cipher, point.id, remote.name) in known:
                continue  # ours
            rid = self._id(remote_id, cipher, point.id, remote.name, remote.size, remote.etag)
            if rid in known and rid not in again:
                continue
            record = again.get(rid) or RemoteRecord(
                id=rid,
                point_id=point.id,
                name=remote.name,
                size=remote.size,
                etag=remote.etag,
                state=RemoteState.FETCHING,
                local_file=secrets.token_hex(16) + ".rdbundle",
                bundle_id="",
                error="",
                at_ms=_now_ms(),
            )
            if remote.size > DEFAULT_LIMITS.max_bundle_bytes:
                # Never downloaded: no bundle is that large (a full disk is not an answer).
                with st.write_lock:
                    repo.save_remote(self._done(record, RemoteState.REJECTED, "bundle_too_large"))
                counts["skipped"] += 1
                continue
            with st.write_lock:
                repo.save_remote(record)
            dest = inbox_dir / record.local_file
            try:
                self._retry(
                    functools.partial(
                        transport.get,
                        remote.name,
                        dest,
                        remote.size,
                        etag=remote.etag,
                        progress=progress,
                        cancel=cancel,
                    ),
                    cancel,
                )
            except (RemoteFileGone, RemoteFileChanged) as exc:
                # Removed or replaced since the listing: the replacement (other size or
                # ETag) is another file, fetched at the next run.
                with st.write_lock:
                    repo.save_remote(self._done(record, RemoteState.REJECTED, exc.code))
                continue
            except SyncTransferError as exc:
                if isinstance(exc, POINT_WIDE):
                    raise
                attempts = record.attempts + 1
                failed = replace(record, attempts=attempts, error=exc.code, at_ms=_now_ms())
                if attempts >= MAX_FETCH_ATTEMPTS:
                    failed = self._done(failed, RemoteState.REJECTED, exc.code)
                with st.write_lock:
                    repo.save_remote(failed)
                failures.append(exc)
                continue
            self._import(repo, record, dest, counts, cancel)
        if failures:
            raise failures[0]

    @staticmethod
    def _done(
        record: RemoteRecord, state: RemoteState, code: str = "", bundle: str = ""
    ) -> RemoteRecord:
        return replace(
            record,
            state=state,
            error=code,
            bundle_id=bundle or record.bundle_id,
            local_file=record.local_file if state is RemoteState.WAITING else "",
            at_ms=_now_ms(),
        )

    def _import(
        self,
        repo: SyncStateRepo,
        record: RemoteRecord,
        path: Path,
        counts: dict[str, int],
        cancel: CancelToken,
    ) -> None:
        st = self._state()
        state, code, bundle = RemoteState.REJECTED, "", ""
        try:
            prepared = self._importer.check(path, cancel)
            preview = prepared.preview
            bundle = preview.bundle_id
            if preview.already_imported:
                state = RemoteState.IMPORTED  # a replayed or re-uploaded bundle: nothing
                counts["skipped"] += 1
            elif preview.author_status in (AuthorStatus.VERIFIED, AuthorStatus.SELF):
                self._importer.store(prepared, cancel=cancel)
                state = RemoteState.IMPORTED
                counts["received"] += 1
            else:
                state = RemoteState.WAITING
                counts["waiting"] += 1
        except BundleNotForYou as exc:
            state, code = RemoteState.NOT_FOR_YOU, exc.code
            counts["skipped"] += 1
        except Cancelled:
            raise
        except ReflectDeskError as exc:
            # Refused by a check (a file swapped or forged in the shared folder, a
            # revoked author, …): kept as a code in the log, nothing imported.
            state, code = RemoteState.REJECTED, exc.code
            counts["skipped"] += 1
            log.warning("a received file was refused: %s", exc.code)
        done = self._done(record, state, code, bundle)
        with st.write_lock:
            repo.save_remote(done)
        if state is not RemoteState.WAITING:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)

    # --- waiting for you ----------------------------------------------------------------
    def waiting(self) -> list[WaitingBundle]:
        out = []
        inbox_dir = self._dir(INBOX_DIR)
        for record in self._repo().remote(RemoteState.WAITING):
            try:
                preview = self._importer.check(inbox_dir / record.local_file).preview
            except ReflectDeskError as exc:
                log.warning("a waiting bundle cannot be read any more: %s", exc.code)
                continue
            at = datetime.fromtimestamp(record.at_ms / 1000, UTC)
            out.append(WaitingBundle(record.id, record.point_id, at, preview))
        return out

    def _waiting_record(self, record_id: str) -> RemoteRecord:
        repo = self._repo()
        record = repo.get_remote(record_id)
        if record is None:
            matches = [r for r in repo.remote(RemoteState.WAITING) if r.id.startswith(record_id)]
            record = matches[0] if len(record_id) >= 4 and len(matches) == 1 else None
        if record is None or record.state is not RemoteState.WAITING:
            raise WaitingBundleNotFound(record_id)
        return record

    def accept(self, record_id: str, *, cancel: CancelToken = NEVER_CANCELLED) -> ImportPreview:
        """Import a waiting bundle after the user saw its preview (an unknown sender is
        added as an unverified contact, as with a manual import)."""
        record = self._waiting_record(record_id)
        path = self._dir(INBOX_DIR) / record.local_file
        prepared = self._importer.check(path, cancel)
        self._importer.store(prepared, confirm_unknown_sender=True, cancel=cancel)
        st = self._state()
        with st.write_lock:
            self._repo().save_remote(
                self._done(record, RemoteState.IMPORTED, bundle=prepared.preview.bundle_id)
            )
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        return prepared.preview

    def decline(self, record_id: str) -> None:
        """Drop a waiting bundle here (the file on the exchange point stays)."""
        record = self._waiting_record(record_id)
        st = self._state()
        with st.write_lock:
            self._repo().save_remote(self._done(record, RemoteState.REJECTED, "declined"))
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self._dir(INBOX_DIR) / record.local_file)

    # --- status -------------------------------------------------------------------------
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
