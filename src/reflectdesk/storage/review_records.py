"""Signed review records in the vault: append-only, one sealed row per record.

A row holds the whole signed record (review/records.py) and who delivered it, sealed
with AES-GCM (associated data: table, row id, entry id), so nothing of a comment, a
reply, a sign-off note or a quote is in clear on disk. The plaintext columns are a
keyed row id (``RecordCipher.local_id`` of the record's content id: the same record
received twice is one row, and two seized vaults share no row id), this vault's id for
the entry (held or not yet: a record may wait for its entry), and the record's time.
The table is in the vault state MAC (storage/trust_state.py): a row deleted or rolled
back in the closed file shows at the next unlock.

Also here: the revisions of an entry as the review needs them (the author's ids, sealed
as ``source`` in received revisions, see storage/local_ids.py).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from sqlalchemy import insert, select

from reflectdesk.domain.model import EntryContent
from reflectdesk.errors import RecordTampered, ReviewRecordInvalid
from reflectdesk.review.records import ReviewRecord, parse
from reflectdesk.storage import schema as t
from reflectdesk.storage.database import Database
from reflectdesk.storage.entries import TABLE as REVISIONS_TABLE
from reflectdesk.storage.entry_import import ImportBatch, batch_session
from reflectdesk.vault.cipher import RecordCipher

TABLE = "review_records"
_IN_BATCH = 500


@dataclass(frozen=True, slots=True)
class StoredRecord:
    entry_id: str  # this vault's id for the entry
    record: ReviewRecord
    via: str | None  # key id of who delivered it (None: written here)


@dataclass(frozen=True, slots=True)
class RevisionRef:
    """One held revision of an entry, named as its author names it."""

    local_id: str
    seq: int
    created_ms: int
    author: str  # key id of the revision's signer
    entry_ref: str  # the author's entry id
    revision_ref: str  # the author's revision id
    content_hash: str


class ReviewRecordRepo:
    def __init__(self, db: Database, cipher: RecordCipher) -> None:
        self._db = db
        self._cipher = cipher

    def row_id(self, record_id: str) -> str:
        return self._cipher.local_id("review-record", record_id)

    def held(self, record_ids: Collection[str]) -> set[str]:
        """Which of ``record_ids`` (content ids) are stored."""
        by_row = {self.row_id(r): r for r in record_ids}
        out: set[str] = set()
        rows = list(by_row)
        with self._db.session() as s:
            for start in range(0, len(rows), _IN_BATCH):
                part = rows[start : start + _IN_BATCH]
                found = s.scalars(
                    select(t.ReviewRecordRow.id).where(t.ReviewRecordRow.id.in_(part))
                )
                out.update(by_row[r] for r in found)
        return out

    def add_many(
        self,
        items: Sequence[tuple[str, ReviewRecord, str | None]],
        *,
        batch: ImportBatch | None = None,
    ) -> int:
        """Store (entry id, record, via) rows not held yet, in one transaction; returns
        how many were new. Rows are never updated: a record is immutable."""
        wanted: dict[str, tuple[str, ReviewRecord, str | None]] = {}
        for entry_id, record, via in items:
            wanted.setdefault(self.row_id(record.id), (entry_id, record, via))
        with batch_session(self._db, batch) as s:
            have: set[str] = set()
            ids = list(wanted)
            for start in range(0, len(ids), _IN_BATCH):
                part = ids[start : start + _IN_BATCH]
                have.update(
                    s.scalars(select(t.ReviewRecordRow.id).where(t.ReviewRecordRow.id.in_(part)))
                )
            rows = []
            for row_id, (entry_id, record, via) in wanted.items():
                if row_id in have:
                    continue
                doc = {"record": record.to_json(), "via": via}
                rows.append(
                    {
                        "id": row_id,
                        "entry_id": entry_id,
                        "created_at": int(record.created_at.timestamp() * 1000),
                        "blob": self._cipher.seal_json(TABLE, row_id, entry_id, doc),
                    }
                )
            if rows:
                s.execute(insert(t.ReviewRecordRow), rows)
            return len(rows)

    def for_entries(self, entry_ids: Collection[str] | None = None) -> list[StoredRecord]:
        """The records about ``entry_ids`` (every record when ``None``), oldest first."""
        with self._db.session() as s:
            q = select(t.ReviewRecordRow).order_by(
                t.ReviewRecordRow.created_at, t.ReviewRecordRow.id
            )
            if entry_ids is None:
                return [self._open(r) for r in s.scalars(q)]
            out: list[StoredRecord] = []
            ids = list(entry_ids)
            for start in range(0, len(ids), _IN_BATCH):
                part = ids[start : start + _IN_BATCH]
                out += [
                    self._open(r) for r in s.scalars(q.where(t.ReviewRecordRow.entry_id.in_(part)))
                ]
            return out

    def _open(self, row: t.ReviewRecordRow) -> StoredRecord:
        doc = self._cipher.open_json(TABLE, row.id, row.entry_id, row.blob)
        try:
            record = parse(doc["record"])
            via = doc.get("via")
        except (KeyError, TypeError, ReviewRecordInvalid):
            raise RecordTampered("review_records.shape") from None
        # The row id is bound to the content: a row whose record was swapped is refused.
        if self.row_id(record.id) != row.id:
            raise RecordTampered("review_records.id")
        if int(record.created_at.timestamp() * 1000) != row.created_at:
            raise RecordTampered("review_records.created_at")
        return StoredRecord(row.entry_id, record, None if via is None else str(via))

    # -- revisions as the review names them ------------------------------------------------
    def revisions_many(
        self, entry_ids: Collection[str]
    ) -> dict[str, list[tuple[RevisionRef, EntryContent]]]:
        """:meth:`revisions` of many entries at once, each with its content (opened from
        the same sealed row): the cohort dashboard checks a thousand entries' records
        without a query per entry."""
        r = t.EntryRevision
        out: dict[str, list[tuple[RevisionRef, EntryContent]]] = {}
        ids = sorted(set(entry_ids))
        with self._db.session() as s:
            for start in range(0, len(ids), _IN_BATCH):
                rows = s.execute(
                    select(r.entry_id, r.id, r.seq, r.created_at, r.blob)
                    .where(r.entry_id.in_(ids[start : start + _IN_BATCH]))
                    .order_by(r.entry_id, r.seq, r.id)
                ).all()
                for entry_id, rev_id, seq, created, blob in rows:
                    doc = self._cipher.open_json(REVISIONS_TABLE, f"{entry_id}/{rev_id}", seq, blob)
                    if not isinstance(doc, dict) or not isinstance(doc.get("content"), dict):
                        raise RecordTampered("entry_revisions.shape")
                    source = doc.get("source") or {}
                    ref = RevisionRef(
                        local_id=str(rev_id),
                        seq=int(seq),
                        created_ms=int(created),
                        author=str(doc.get("author", "")),
                        entry_ref=str(source.get("entry", entry_id)),
                        revision_ref=str(source.get("revision", rev_id)),
                        content_hash=str(doc.get("content_hash", "")),
                    )
                    content = EntryContent.from_json(doc["content"])
                    out.setdefault(str(entry_id), []).append((ref, content))
        return out

    def revisions(self, entry_id: str) -> list[RevisionRef]:
        """The held revisions of ``entry_id`` (oldest first) with the author's ids: the
        same ids for your own entries, the sealed ``source`` for received ones."""
        r = t.EntryRevision
        out: list[RevisionRef] = []
        with self._db.session() as s:
            rows = s.execute(
                select(r.id, r.seq, r.created_at, r.blob)
                .where(r.entry_id == entry_id)
                .order_by(r.seq, r.id)
            ).all()
            for rev_id, seq, created, blob in rows:
                doc = self._cipher.open_json(REVISIONS_TABLE, f"{entry_id}/{rev_id}", seq, blob)
                source = doc.get("source") or {}
                out.append(
                    RevisionRef(
                        local_id=str(rev_id),
                        seq=int(seq),
                        created_ms=int(created),
                        author=str(doc.get("author", "")),
                        entry_ref=str(source.get("entry", entry_id)),
                        revision_ref=str(source.get("revision", rev_id)),
                        content_hash=str(doc.get("content_hash", "")),
                    )
                )
        return out
