"""The sync outbox: a bundle queued for every exchange point that reaches a recipient,
uploaded once (no-overwrite publish), recovered after a crash (docs/sync.md)."""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import re
import secrets
import shutil
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from reflectdesk.bundles import bundle_file_name
from reflectdesk.domain.model import ExportRequest, ExportResult
from reflectdesk.domain.sync import ExchangePoint, OutboxState, RemoteRecord, RemoteState
from reflectdesk.errors import NoExchangePoint, ReflectDeskError, RemoteNameTaken, SyncTransferError
from reflectdesk.progress import NEVER_CANCELLED, CancelToken, ProgressSink, ignore_progress
from reflectdesk.services.sync_common import (
    BETWEEN_RUNS,
    INBOX_DIR,
    OUTBOX_DIR,
    POINT_WIDE,
    SyncCommon,
    now_ms,
)
from reflectdesk.storage.sync_state import SyncStateRepo, sent_id
from reflectdesk.sync import Transport

log = logging.getLogger(__name__)


_OWN_FILE = re.compile(r"[0-9a-f]{32}\.rdbundle")
STAGING_PREFIX = ".staging-"  # feedback bundles being written (queue_feedback)


@dataclass(frozen=True, slots=True)
class QueuedExport:
    result: ExportResult
    points: tuple[str, ...]  # exchange point ids it will go through


class SyncOutbox(SyncCommon):
    """Queue, send and recover the bundles this vault publishes."""

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
        return self._queue(
            request.recipients,
            lambda dest: self._exports.export(request, dest, progress=progress, cancel=cancel),
        )

    def queue_feedback(
        self,
        recipients: Sequence[str],
        *,
        progress: ProgressSink = ignore_progress,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> list[QueuedExport]:
        """The feedback bundles (``BundleExportService.export_feedback``: your review
        records each recipient can accept, one bundle per set of records) queued like
        ``queue_export``, each for the exchange points that reach its recipients.

        Raises ``NoExchangePoint`` when a recipient is reached through none (nothing
        written) and whatever ``export_feedback`` raises (``NoFeedbackToSend``,
        ``FeedbackThroughAuthor``…; then nothing is queued). The bundles are written
        into a staging folder in ``outbox/`` first (their number is known only then),
        then each gets its rows and its random name; a crash in between leaves the
        staging folder, removed by ``_recover`` (the records stay in the vault and go
        with the next feedback bundle)."""
        refs = list(recipients)
        unreached = [r for r in refs if not self.points_for([r])]
        if not refs or unreached:
            raise NoExchangePoint(",".join(unreached or refs))
        st = self._state()
        staging = self._dir(OUTBOX_DIR) / f"{STAGING_PREFIX}{secrets.token_hex(8)}"
        busy = {staging.name}  # _recover leaves these alone while this runs
        with self._writing_lock:
            self._writing |= busy
        staging.mkdir(mode=0o700)
        try:
            results = self._exports.export_feedback(refs, staging, progress=progress, cancel=cancel)
            queued: list[QueuedExport] = []
            for result in results:
                points = self.points_for(result.recipients)
                name = bundle_file_name()
                with st.write_lock:
                    items = self._repo().reserve([(p.id, name) for p in points])
                ids = {i.id for i in items}
                with self._writing_lock:
                    self._writing |= ids
                busy |= ids
                path = self._dir(OUTBOX_DIR) / name
                os.replace(result.path, path)
                done = [
                    replace(
                        i, state=OutboxState.QUEUED, size=result.size, bundle_id=result.bundle_id
                    )
                    for i in items
                ]
                with st.write_lock:
                    self._repo().save_outbox(done)
                queued.append(QueuedExport(replace(result, path=path), tuple(p.id for p in points)))
        finally:
            shutil.rmtree(staging, ignore_errors=True)
            with self._writing_lock:
                self._writing -= busy
        log.info("queued %d feedback bundle(s)", len(queued))
        return queued

    def points_for(self, recipients: Sequence[str]) -> list[ExchangePoint]:
        """The exchange points a bundle for ``recipients`` would be queued to (none: it
        can only be written to a file). No network call."""
        return self._exchange.for_contacts(tuple(self._exchange_contacts(recipients)))

    def _queue(
        self, recipient_refs: Sequence[str], write: Callable[[Path], ExportResult]
    ) -> QueuedExport:
        st = self._state()
        points = self.points_for(recipient_refs)
        if not points:
            raise NoExchangePoint(",".join(recipient_refs))
        name = bundle_file_name()
        with st.write_lock:
            items = self._repo().reserve([(p.id, name) for p in points])
        ids = {i.id for i in items}
        with self._writing_lock:
            self._writing |= ids
        try:
            try:
                result = write(self._dir(OUTBOX_DIR) / name)
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
        # Listed before ``busy`` is read: a staging folder is registered before it is made.
        staged = list(outbox_dir.glob(STAGING_PREFIX + "*"))
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
        for leftover in staged:
            if leftover.name not in busy:  # a crash's: its bundles were never queued
                shutil.rmtree(leftover, ignore_errors=True)
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
        now = now_ms()
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
                                next_attempt_ms=now_ms() + int(wait * 1000),
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
                at_ms=now_ms(),
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
