"""The sync state: the outbox, the remote files known, and the sync log (issue 17).

Each row's plaintext is its id, a time and a state; the exchange point, file names,
sizes, ETags, bundle ids and error codes are sealed, bound to the row's id and state
(a state edited in the file fails to open). The outbox and the remote files are in the
vault state MAC (``trust_state``). Remote-file ids are keyed hashes of the exchange
point, the name, the size and the ETag (:meth:`RecordCipher.local_id`): "was this exact
file seen?" is answered from the ids alone, without opening a record.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Sequence

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from reflectdesk.domain.model import ms_to_datetime, now_ms
from reflectdesk.domain.sync import (
    OutboxItem,
    OutboxState,
    RemoteRecord,
    RemoteState,
    SyncLogEntry,
)
from reflectdesk.errors import RecordTampered
from reflectdesk.ids import uuid7
from reflectdesk.storage import schema as t
from reflectdesk.storage.database import Database
from reflectdesk.vault.cipher import RecordCipher

OUTBOX = "outbox"
REMOTE = "sync_remote"
LOG = "sync_log"
LOG_KEEP = 1000  # log rows kept (all points together); older ones are dropped


def remote_id(cipher: RecordCipher, point_id: str, name: str, size: int, etag: str | None) -> str:
    """The id of one exact remote file: a file replaced under the same name is another."""
    return cipher.local_id("sync-remote", point_id, name, str(size), etag or "")


def sent_id(cipher: RecordCipher, point_id: str, name: str) -> str:
    """The id of our own upload ``name`` (whatever size or ETag the server shows later)."""
    return cipher.local_id("sync-sent", point_id, name)


class SyncStateRepo:
    def __init__(self, db: Database, cipher: RecordCipher) -> None:
        self._db = db
        self._cipher = cipher

    @property
    def cipher(self) -> RecordCipher:
        return self._cipher

    # --- outbox ------------------------------------------------------------------------
    def _seal_out(self, item: OutboxItem) -> bytes:
        doc = {
            "point": item.point_id,
            "name": item.name,
            "remote": item.remote,
            "size": item.size,
            "bundle": item.bundle_id,
            "attempts": item.attempts,
            "next": item.next_attempt_ms,
            "error": item.last_error,
            "created": item.created_ms,
        }
        return self._cipher.seal_json(OUTBOX, item.id, item.state.value, doc)

    def _out(self, row: t.OutboxItem) -> OutboxItem:
        doc = self._cipher.open_json(OUTBOX, row.id, row.state, row.blob)
        try:
            return OutboxItem(
                id=row.id,
                point_id=str(doc["point"]),
                name=str(doc["name"]),
                remote=str(doc["remote"]),
                state=OutboxState(row.state),
                size=int(doc["size"]),
                bundle_id=str(doc["bundle"]),
                attempts=int(doc["attempts"]),
                next_attempt_ms=int(doc["next"]),
                last_error=str(doc["error"]),
                created_ms=int(doc["created"]),
            )
        except (KeyError, ValueError, TypeError):
            raise RecordTampered("outbox.shape") from None

    def _row_of(self, item: OutboxItem) -> t.OutboxItem:
        return t.OutboxItem(
            id=item.id,
            created_at=item.created_ms,
            attempts=item.attempts,
            next_attempt_at=item.next_attempt_ms,
            state=item.state.value,
            blob=self._seal_out(item),
        )

    def reserve(self, pairs: Sequence[tuple[str, str]]) -> list[OutboxItem]:
        """Rows in state WRITING for (point id, file name), committed before the file is
        written: a crash then leaves a row to finish or drop, never an unknown file."""
        ts = now_ms()
        items = [
            OutboxItem(uuid7(), p, n, n, OutboxState.WRITING, 0, "", 0, 0, "", ts) for p, n in pairs
        ]
        with self._db.session() as s:
            s.add_all([self._row_of(i) for i in items])
        return items

    def save_outbox(self, items: Iterable[OutboxItem]) -> None:
        """Replace rows (a state change reseals under the new state)."""
        with self._db.session() as s:
            for item in items:
                row = s.get(t.OutboxItem, item.id)
                if row is None:
                    continue
                new = self._row_of(item)
                row.state, row.attempts = new.state, new.attempts
                row.next_attempt_at, row.blob = new.next_attempt_at, new.blob

    def drop_outbox(self, ids: Iterable[str]) -> None:
        ids = list(ids)
        if ids:
            with self._db.session() as s:
                s.execute(delete(t.OutboxItem).where(t.OutboxItem.id.in_(ids)))

    def outbox(self) -> builtins.list[OutboxItem]:
        with self._db.session() as s:
            rows = s.scalars(
                select(t.OutboxItem).order_by(t.OutboxItem.created_at, t.OutboxItem.id)
            ).all()
            return [self._out(r) for r in rows]

    def outbox_count(self) -> int:
        with self._db.session() as s:
            return int(s.scalar(select(func.count()).select_from(t.OutboxItem)) or 0)

    def mark_sent(self, item: OutboxItem, record: RemoteRecord) -> None:
        """One transaction: the item leaves the outbox and its upload is remembered."""
        with self._db.session() as s:
            s.execute(delete(t.OutboxItem).where(t.OutboxItem.id == item.id))
            self._upsert_remote(s, record)

    # --- remote files -------------------------------------------------------------------
    def _seal_remote(self, r: RemoteRecord) -> bytes:
        doc = {
            "point": r.point_id,
            "name": r.name,
            "size": r.size,
            "etag": r.etag,
            "file": r.local_file,
            "bundle": r.bundle_id,
            "error": r.error,
            "at": r.at_ms,
            "attempts": r.attempts,
        }
        return self._cipher.seal_json(REMOTE, r.id, r.state.value, doc)

    def _remote(self, row: t.SyncRemote) -> RemoteRecord:
        doc = self._cipher.open_json(REMOTE, row.id, row.state, row.blob)
        try:
            return RemoteRecord(
                id=row.id,
                point_id=str(doc["point"]),
                name=str(doc["name"]),
                size=int(doc["size"]),
                etag=None if doc["etag"] is None else str(doc["etag"]),
                state=RemoteState(row.state),
                local_file=str(doc["file"]),
                bundle_id=str(doc["bundle"]),
                error=str(doc["error"]),
                at_ms=int(doc["at"]),
                attempts=int(doc["attempts"]),
            )
        except (KeyError, ValueError, TypeError):
            raise RecordTampered("sync_remote.shape") from None

    def _upsert_remote(self, s: Session, record: RemoteRecord) -> None:
        row = s.get(t.SyncRemote, record.id)
        blob = self._seal_remote(record)
        if row is None:
            s.add(
                t.SyncRemote(
                    id=record.id, created_at=record.at_ms, state=record.state.value, blob=blob
                )
            )
        else:
            row.state, row.blob = record.state.value, blob

    def save_remote(self, record: RemoteRecord) -> None:
        self.save_remotes([record])

    def save_remotes(self, records: Iterable[RemoteRecord]) -> None:
        """Several records in one transaction (the inbox's outcomes of a batch)."""
        with self._db.session() as s:
            for record in records:
                self._upsert_remote(s, record)

    def remote_ids(self) -> set[str]:
        """Every remote file id known (no record opened: the quick "nothing new" check)."""
        with self._db.session() as s:
            return set(s.scalars(select(t.SyncRemote.id)).all())

    def remote(self, state: RemoteState | None = None) -> builtins.list[RemoteRecord]:
        with self._db.session() as s:
            q = select(t.SyncRemote).order_by(t.SyncRemote.created_at, t.SyncRemote.id)
            if state is not None:
                q = q.where(t.SyncRemote.state == state.value)
            return [self._remote(r) for r in s.scalars(q)]

    def remote_count(self, state: RemoteState) -> int:
        with self._db.session() as s:
            q = select(func.count()).select_from(t.SyncRemote)
            return int(s.scalar(q.where(t.SyncRemote.state == state.value)) or 0)

    def get_remote(self, record_id: str) -> RemoteRecord | None:
        with self._db.session() as s:
            row = s.get(t.SyncRemote, record_id)
            return None if row is None else self._remote(row)

    # --- log ------------------------------------------------------------------------------
    def log(self, entry: SyncLogEntry) -> None:
        at = int(entry.at.timestamp() * 1000)
        doc = {
            "point": entry.point_id,
            "event": entry.event,
            "code": entry.code,
            "sent": entry.sent,
            "received": entry.received,
            "waiting": entry.waiting,
        }
        with self._db.session() as s:
            s.add(
                t.SyncLog(
                    id=entry.id,
                    created_at=at,
                    blob=self._cipher.seal_json(LOG, entry.id, at, doc),
                )
            )
            s.flush()
            old = s.scalars(
                select(t.SyncLog.id)
                .order_by(t.SyncLog.created_at.desc(), t.SyncLog.id.desc())
                .offset(LOG_KEEP)
            ).all()
            if old:
                s.execute(delete(t.SyncLog).where(t.SyncLog.id.in_(old)))

    def log_entries(self, limit: int = 200) -> builtins.list[SyncLogEntry]:
        """Newest first."""
        with self._db.session() as s:
            rows = s.scalars(
                select(t.SyncLog)
                .order_by(t.SyncLog.created_at.desc(), t.SyncLog.id.desc())
                .limit(limit)
            ).all()
            out = []
            for row in rows:
                doc = self._cipher.open_json(LOG, row.id, row.created_at, row.blob)
                try:
                    out.append(
                        SyncLogEntry(
                            id=row.id,
                            point_id=str(doc["point"]),
                            at=ms_to_datetime(row.created_at),
                            event=str(doc["event"]),
                            code=str(doc["code"]),
                            sent=int(doc["sent"]),
                            received=int(doc["received"]),
                            waiting=int(doc["waiting"]),
                        )
                    )
                except (KeyError, ValueError, TypeError):
                    raise RecordTampered("sync_log.shape") from None
            return out
