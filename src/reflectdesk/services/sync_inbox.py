"""The sync inbox: files listed on an exchange point fetched once, imported through the
checks of a manual import, or kept "waiting for you" until the user accepts or declines."""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import secrets
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from reflectdesk.bundles.limits import DEFAULT_LIMITS
from reflectdesk.domain.model import AuthorStatus, ImportPreview
from reflectdesk.domain.sync import ExchangePoint, RemoteRecord, RemoteState
from reflectdesk.errors import (
    BundleNotForYou,
    Cancelled,
    ReflectDeskError,
    RemoteFileChanged,
    RemoteFileGone,
    SyncTransferError,
    WaitingBundleNotFound,
)
from reflectdesk.progress import NEVER_CANCELLED, CancelToken, ProgressSink
from reflectdesk.services.sync_common import INBOX_DIR, POINT_WIDE, SyncCommon, now_ms
from reflectdesk.storage.sync_state import SyncStateRepo, remote_id, sent_id
from reflectdesk.sync import Transport, WebDavTransport

log = logging.getLogger(__name__)


MAX_FETCH_ATTEMPTS = 5  # a file that never arrives whole is then set aside ("rejected")
OUTCOME_BATCH = 50  # received files whose outcome is stored in one transaction
# Even when a WebDAV folder's stamp says nothing changed, it is listed in full this often
# (a server whose folder stamp misses a change delays a file by at most this much).
FULL_LISTING_EVERY_S = 600.0


@dataclass(frozen=True, slots=True)
class WaitingBundle:
    """A received bundle from someone not verified: the preview, for the user to decide."""

    id: str
    point_id: str
    at: datetime
    preview: ImportPreview


class SyncInbox(SyncCommon):
    """Fetch, import, and the list of bundles waiting for the user."""

    def _receive(
        self,
        repo: SyncStateRepo,
        point: ExchangePoint,
        transport: Transport,
        counts: dict[str, int],
        progress: ProgressSink,
        cancel: CancelToken,
        *,
        may_skip: bool = True,
    ) -> None:
        """Fetch and import what is new on ``point``. ``may_skip`` (the periodic runs):
        skip the listing when the folder's stamp says nothing changed (see below)."""
        again = {r.id: r for r in repo.remote(RemoteState.FETCHING) if r.point_id == point.id}
        stamp = None
        if isinstance(transport, WebDavTransport):
            # One PROPFIND depth 0 instead of a listing when the folder says nothing
            # changed since it was last listed and dealt with (and that was recent).
            stamp = self._retry(transport.folder_stamp, cancel)
            seen = self._listed.pop(point.id, None)
            if (
                may_skip
                and stamp is not None
                and seen is not None
                and seen[0] == stamp
                and time.monotonic() - seen[1] < FULL_LISTING_EVERY_S
                and not again
            ):
                self._listed[point.id] = seen
                return
        listing = self._retry(transport.list, cancel)
        known = repo.remote_ids()
        cipher = repo.cipher
        inbox_dir = self._dir(INBOX_DIR)
        st = self._state()
        failures: list[SyncTransferError] = []
        # Outcomes are stored a batch at a time: a crash before a batch is stored only
        # means fetching those files again (the import itself is idempotent; a file left
        # in inbox/ without its row is removed by _recover).
        outcomes: list[RemoteRecord] = []

        def store_outcomes() -> None:
            if outcomes:
                with st.write_lock:
                    repo.save_remotes(outcomes)
                outcomes.clear()

        try:
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
                    at_ms=now_ms(),
                )
                if remote.size > DEFAULT_LIMITS.max_bundle_bytes:
                    # Never downloaded: no bundle is that large (a full disk is not an answer).
                    outcomes.append(self._done(record, RemoteState.REJECTED, "bundle_too_large"))
                    counts["skipped"] += 1
                    continue
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
                    outcomes.append(self._done(record, RemoteState.REJECTED, exc.code))
                    continue
                except SyncTransferError as exc:
                    if isinstance(exc, POINT_WIDE):
                        raise
                    attempts = record.attempts + 1
                    failed = replace(record, attempts=attempts, error=exc.code, at_ms=now_ms())
                    if attempts >= MAX_FETCH_ATTEMPTS:
                        failed = self._done(failed, RemoteState.REJECTED, exc.code)
                    outcomes.append(failed)  # ``fetching`` with its attempts: tried again
                    failures.append(exc)
                    continue
                outcomes.append(self._import(record, dest, counts, cancel))
                if len(outcomes) >= OUTCOME_BATCH:
                    store_outcomes()
        finally:
            store_outcomes()
        if failures:
            raise failures[0]
        if stamp is not None:
            self._listed[point.id] = (stamp, time.monotonic())

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
            at_ms=now_ms(),
        )

    def _import(
        self, record: RemoteRecord, path: Path, counts: dict[str, int], cancel: CancelToken
    ) -> RemoteRecord:
        """Check and import one downloaded file; its outcome, for the caller to store."""
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
        if state is not RemoteState.WAITING:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)
        return self._done(record, state, code, bundle)

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
