"""Entries and their immutable, sealed revisions."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select, update

from reflectdesk.domain.model import (
    Entry,
    EntryContent,
    Revision,
    ms_to_datetime,
    now_ms,
)
from reflectdesk.errors import EntryNotFound, JournalNotFound, RecordTampered
from reflectdesk.ids import uuid7
from reflectdesk.search.index import IndexDoc
from reflectdesk.storage import schema as t
from reflectdesk.storage.database import Database
from reflectdesk.vault.cipher import RecordCipher

TABLE = "entry_revisions"


@dataclass(frozen=True, slots=True)
class HeadRecord:
    """An entry's head revision with the plaintext row facts (for the search index)."""

    entry_id: str
    journal_id: str
    created_at_ms: int
    updated_at_ms: int
    revision: Revision


class EntryRepo:
    def __init__(self, db: Database, cipher: RecordCipher) -> None:
        self._db = db
        self._cipher = cipher

    # -- sealing -------------------------------------------------------------------
    def _seal(self, rev_id: str, entry_id: str, seq: int, rev_doc: dict[str, object]) -> bytes:
        return self._cipher.seal_json(TABLE, f"{entry_id}/{rev_id}", seq, rev_doc)

    def _open(self, row: t.EntryRevision) -> Revision:
        doc = self._cipher.open_json(TABLE, f"{row.entry_id}/{row.id}", row.seq, row.blob)
        if not isinstance(doc, dict) or not isinstance(doc.get("content"), dict):
            raise RecordTampered("entry_revisions.shape")
        content = EntryContent.from_json(doc["content"])
        return Revision(
            id=row.id,
            entry_id=row.entry_id,
            seq=row.seq,
            parent_ids=tuple(str(p) for p in doc.get("parents", [])),
            author=str(doc.get("author", "")),
            created_at=ms_to_datetime(row.created_at),
            content_hash=str(doc.get("content_hash", "")),
            content=content,
        )

    def _new_revision_row(
        self,
        entry_id: str,
        seq: int,
        content: EntryContent,
        author: str,
        parents: Sequence[str],
        ts: int,
        revision_id: str | None = None,
    ) -> t.EntryRevision:
        rev_id = revision_id or uuid7()
        doc: dict[str, object] = {
            "content": content.to_json(),
            "parents": list(parents),
            "author": author,
            "content_hash": content.content_hash(),
        }
        blob = self._seal(rev_id, entry_id, seq, doc)
        return t.EntryRevision(
            id=rev_id, entry_id=entry_id, seq=seq, created_at=ts, size=len(blob), blob=blob
        )

    # -- writes ----------------------------------------------------------------------
    def create(self, journal_id: str, content: EntryContent, author: str) -> Entry:
        entry_id = uuid7()
        ts = now_ms()
        with self._db.session() as s:
            if s.get(t.Journal, journal_id) is None:
                raise JournalNotFound(journal_id)
            rev = self._new_revision_row(entry_id, 1, content, author, (), ts)
            s.add(
                t.Entry(
                    id=entry_id,
                    journal_id=journal_id,
                    head_revision_id=rev.id,
                    head_seq=1,
                    created_at=ts,
                    updated_at=ts,
                    deleted=0,
                    conflicted=0,
                )
            )
            s.flush()
            s.add(rev)
        return self.get(entry_id)

    def add_revision(self, entry_id: str, content: EntryContent, author: str) -> Entry:
        """A new head revision whose parent is the current head."""
        ts = now_ms()
        with self._db.session() as s:
            entry = s.get(t.Entry, entry_id)
            if entry is None or entry.deleted:
                raise EntryNotFound(entry_id)
            parents = (entry.head_revision_id,) if entry.head_revision_id else ()
            seq = entry.head_seq + 1
            rev = self._new_revision_row(entry_id, seq, content, author, parents, ts)
            s.add(rev)
            s.execute(
                update(t.Entry)
                .where(t.Entry.id == entry_id)
                .values(head_revision_id=rev.id, head_seq=seq, updated_at=ts)
            )
        return self.get(entry_id)

    def move(self, entry_id: str, journal_id: str) -> None:
        with self._db.session() as s:
            if s.get(t.Journal, journal_id) is None:
                raise JournalNotFound(journal_id)
            entry = s.get(t.Entry, entry_id)
            if entry is None or entry.deleted:
                raise EntryNotFound(entry_id)
            entry.journal_id = journal_id
            entry.updated_at = now_ms()

    # -- reads -----------------------------------------------------------------------
    def get(self, entry_id: str) -> Entry:
        with self._db.session() as s:
            entry = s.get(t.Entry, entry_id)
            if entry is None or entry.deleted or entry.head_revision_id is None:
                raise EntryNotFound(entry_id)
            rev_row = s.get(t.EntryRevision, entry.head_revision_id)
            if rev_row is None or rev_row.entry_id != entry_id:
                raise RecordTampered("entries.head")
            return Entry(
                id=entry.id,
                journal_id=entry.journal_id,
                created_at=ms_to_datetime(entry.created_at),
                updated_at=ms_to_datetime(entry.updated_at),
                head=self._open(rev_row),
            )

    def exists(self, entry_id: str) -> bool:
        with self._db.session() as s:
            entry = s.get(t.Entry, entry_id)
            return entry is not None and not entry.deleted

    def history(self, entry_id: str) -> list[Revision]:
        with self._db.session() as s:
            if s.get(t.Entry, entry_id) is None:
                raise EntryNotFound(entry_id)
            rows = s.scalars(
                select(t.EntryRevision)
                .where(t.EntryRevision.entry_id == entry_id)
                .order_by(t.EntryRevision.seq)
            ).all()
            return [self._open(r) for r in rows]

    def revision(self, entry_id: str, revision_id: str) -> Revision:
        with self._db.session() as s:
            row = s.get(t.EntryRevision, revision_id)
            if row is None or row.entry_id != entry_id:
                raise EntryNotFound(revision_id)
            return self._open(row)

    def revision_counts(self) -> dict[str, int]:
        with self._db.session() as s:
            return {
                eid: n
                for eid, n in s.execute(
                    select(t.EntryRevision.entry_id, func.count()).group_by(
                        t.EntryRevision.entry_id
                    )
                )
            }

    def count(self) -> int:
        with self._db.session() as s:
            return int(
                s.scalar(select(func.count()).select_from(t.Entry).where(t.Entry.deleted == 0)) or 0
            )

    def iter_head_docs(self) -> Iterator[IndexDoc]:
        """Every live entry's head as an index document: the unlock hot path.

        Plain Core rows and the JSON straight into :class:`IndexDoc` (no ORM objects,
        no intermediate dataclasses): this runs for every entry at every unlock.
        """
        counts = self.revision_counts()
        e, r = t.Entry.__table__, t.EntryRevision.__table__
        q = (
            select(e.c.id, e.c.journal_id, e.c.created_at, e.c.updated_at, r.c.id, r.c.seq,
                   r.c.blob)
            .join(r, r.c.id == e.c.head_revision_id)
            .where(e.c.deleted == 0)
        )  # fmt: skip
        with self._db.engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=500).execute(q)
            for entry_id, journal_id, created, updated, rev_id, seq, blob in result:
                doc = self._cipher.open_json(TABLE, f"{entry_id}/{rev_id}", seq, blob)
                c = doc["content"]
                yield IndexDoc(
                    entry_id=entry_id,
                    journal_id=journal_id,
                    created_ms=created,
                    updated_ms=updated,
                    revisions=counts.get(entry_id, 1),
                    title=c.get("title", ""),
                    body="\n\n".join(v for _, v in c.get("sections", []) if v),
                    tags=tuple(c.get("tags", ())),
                    standards=tuple(c.get("standards", ())),
                    template_id=c.get("template_id", "free"),
                    event_date=c.get("event_date"),
                )

    def iter_heads(self, batch: int = 500) -> Iterator[HeadRecord]:
        """Every live entry's head revision, decrypted, in batches (index build)."""
        with self._db.session() as s:
            q = (
                select(t.Entry, t.EntryRevision)
                .join(t.EntryRevision, t.EntryRevision.id == t.Entry.head_revision_id)
                .where(t.Entry.deleted == 0)
                .execution_options(yield_per=batch)
            )
            for entry, rev in s.execute(q):
                yield HeadRecord(
                    entry_id=entry.id,
                    journal_id=entry.journal_id,
                    created_at_ms=entry.created_at,
                    updated_at_ms=entry.updated_at,
                    revision=self._open(rev),
                )
