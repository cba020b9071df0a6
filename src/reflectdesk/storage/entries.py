"""Entries and their sealed revisions.

A revision is immutable once it may have left this device. Until then, the revision an
editing session wrote is *amended* by the session's next save (:meth:`EntryRepo.amend`,
rules in docs/history.md): replaced, in one transaction, by a revision with a new id,
the same parents and ``seq``, and the session's start sealed in it.
"""

from __future__ import annotations

import contextlib
import hashlib
import threading
from collections.abc import Collection, Iterator, Mapping, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Table, delete, func, select, update
from sqlalchemy.orm import Session

from reflectdesk.domain.index_doc import IndexDoc
from reflectdesk.domain.merge import Node, decide, is_automatic, tips
from reflectdesk.domain.model import (
    AttachmentInfo,
    Entry,
    EntryContent,
    Revision,
    Space,
    ms_to_datetime,
    now_ms,
)
from reflectdesk.errors import ConflictChanged, EntryNotFound, JournalNotFound, RecordTampered
from reflectdesk.ids import uuid7
from reflectdesk.storage import schema as t
from reflectdesk.storage.attachments import (
    CHUNK_TABLE,
    META_TABLE,
    attachment_info,
    chunk_revision,
)
from reflectdesk.storage.database import Database
from reflectdesk.storage.rows import select_in
from reflectdesk.vault.cipher import RecordCipher

if TYPE_CHECKING:
    from reflectdesk.storage.entry_import import ImportBatch

TABLE = "entry_revisions"
_IN_BATCH = 500  # ids per ``IN (...)`` query


def table_of(model: type[t.Base]) -> Table:
    """The Core table of a model: bulk reads and writes skip the ORM's per-row cost."""
    return cast(Table, model.__table__)


class EntryRepo:
    def __init__(self, db: Database, cipher: RecordCipher) -> None:
        self._db = db
        self._cipher = cipher
        # Revisions that may have left the device and whose bundle log row may not be
        # written yet (docs/history.md): entries an export is reading now, and per entry
        # the head the last export read. Only a head can be amended, so one id per entry.
        self._share_lock = threading.Lock()
        self._exporting: dict[str, int] = {}
        self._exported_heads: dict[str, str] = {}

    # -- sealing -------------------------------------------------------------------
    def _seal(self, rev_id: str, entry_id: str, seq: int, rev_doc: dict[str, object]) -> bytes:
        return self._cipher.seal_json(TABLE, f"{entry_id}/{rev_id}", seq, rev_doc)

    def _open(self, row: t.EntryRevision) -> Revision:
        return self._open_values(row.id, row.entry_id, row.seq, row.created_at, row.blob)

    def _open_values(
        self, rev_id: str, entry_id: str, seq: int, created_at: int, blob: bytes
    ) -> Revision:
        doc = self._cipher.open_json(TABLE, f"{entry_id}/{rev_id}", seq, blob)
        if not isinstance(doc, dict) or not isinstance(doc.get("content"), dict):
            raise RecordTampered("entry_revisions.shape")
        content = EntryContent.from_json(doc["content"])
        started = doc.get("started")
        return Revision(
            id=rev_id,
            entry_id=entry_id,
            seq=seq,
            parent_ids=tuple(str(p) for p in doc.get("parents", [])),
            author=str(doc.get("author", "")),
            created_at=ms_to_datetime(created_at),
            content_hash=str(doc.get("content_hash", "")),
            content=content,
            started_at=ms_to_datetime(started) if isinstance(started, int) else None,
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
        started: int | None = None,
    ) -> t.EntryRevision:
        rev_id = revision_id or uuid7()
        doc: dict[str, object] = {
            "content": content.to_json(),
            "parents": list(parents),
            "author": author,
            "content_hash": content.content_hash(),
        }
        if started is not None:  # an editing session's start (docs/history.md)
            doc["started"] = min(started, ts)
        blob = self._seal(rev_id, entry_id, seq, doc)
        return t.EntryRevision(
            id=rev_id, entry_id=entry_id, seq=seq, created_at=ts, size=len(blob), blob=blob
        )

    # -- writes ----------------------------------------------------------------------
    def create(
        self, journal_id: str, content: EntryContent, author: str, started: int | None = None
    ) -> Entry:
        """A new entry and its first revision; ``started`` (ms): when the editing
        session that wrote it began."""
        entry_id = uuid7()
        ts = now_ms()
        with self._db.session() as s:
            if s.get(t.Journal, journal_id) is None:
                raise JournalNotFound(journal_id)
            rev = self._new_revision_row(entry_id, 1, content, author, (), ts, started=started)
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
        # Built from what was just written: a save costs one transaction, no re-read.
        return Entry(
            id=entry_id,
            journal_id=journal_id,
            created_at=ms_to_datetime(ts),
            updated_at=ms_to_datetime(ts),
            head=self._revision_of(rev, entry_id, content, author, (), started),
        )

    @staticmethod
    def _revision_of(
        row: t.EntryRevision,
        entry_id: str,
        content: EntryContent,
        author: str,
        parents: Sequence[str],
        started: int | None = None,
    ) -> Revision:
        return Revision(
            id=row.id,
            entry_id=entry_id,
            seq=row.seq,
            parent_ids=tuple(parents),
            author=author,
            created_at=ms_to_datetime(row.created_at),
            content_hash=content.content_hash(),
            content=content,
            started_at=None if started is None else ms_to_datetime(min(started, row.created_at)),
        )

    def revise(self, entry_id: str, content: EntryContent, author: str) -> tuple[Entry, bool]:
        """A new head revision (parent: the current head) unless the content is the
        same as the head's; one transaction either way. Returns (entry, changed)."""
        ts = now_ms()
        with self._db.session() as s:
            entry, head_row = self._head_rows(s, entry_id)
            head = self._open(head_row)
            if head.content_hash == content.content_hash():
                return self._entry_of(entry, head), False
            seq = entry.head_seq + 1
            rev = self._new_revision_row(entry_id, seq, content, author, (head.id,), ts)
            s.add(rev)
            s.execute(
                update(t.Entry)
                .where(t.Entry.id == entry_id)
                .values(head_revision_id=rev.id, head_seq=seq, updated_at=ts)
            )
            entry.updated_at = ts
            return self._entry_of(
                entry, self._revision_of(rev, entry_id, content, author, (head.id,))
            ), True

    def revise_from(
        self,
        entry_id: str,
        base_id: str,
        content: EntryContent,
        author: str,
        started: int | None = None,
    ) -> tuple[Entry, str]:
        """An edit of the version the editor loaded (``base_id``), after an import may
        have moved the head under it. Where the head is still ``base_id`` it is
        :meth:`revise`; otherwise the edit becomes a revision on ``base_id`` and the
        merge engine joins it with the head (an automatic merge, or a conflict): the
        imported changes are never overwritten by the editor's older text. ``started``
        (ms): when the editing session began, sealed in the revision written.
        Returns (entry, the revision holding ``content``)."""
        ts = now_ms()
        with self._db.session() as s:
            entry, head_row = self._head_rows(s, entry_id)
            base_row = s.get(t.EntryRevision, base_id)
            if base_row is None or base_row.entry_id != entry_id or head_row.id == base_id:
                head = self._open(head_row)
                if head.content_hash == content.content_hash():
                    return self._entry_of(entry, head), head.id
                seq, parents = entry.head_seq + 1, (head.id,)
                rev = self._new_revision_row(
                    entry_id, seq, content, author, parents, ts, started=started
                )
                s.add(rev)
                s.execute(
                    update(t.Entry)
                    .where(t.Entry.id == entry_id)
                    .values(head_revision_id=rev.id, head_seq=seq, updated_at=ts)
                )
                entry.updated_at = ts
                written = self._revision_of(rev, entry_id, content, author, parents, started)
                return self._entry_of(entry, written), rev.id
            if self._open(base_row).content_hash == content.content_hash():
                return self._entry_of(entry, self._open(head_row)), base_id
            rev = self._new_revision_row(
                entry_id, base_row.seq + 1, content, author, (base_id,), ts, started=started
            )
            s.add(rev)
            s.flush()
            graph = self._graph(s, entry_id)
            decision = decide(entry_id, graph.nodes, lambda r: graph.revisions[r].content, own=True)
            made = decision.new_merge
            if made is not None:
                s.add(
                    self._new_revision_row(
                        entry_id, made.seq, made.content, author, made.parents,
                        made.created_ms, revision_id=made.id,
                    )
                )  # fmt: skip
            if decision.drop and not self._under_review(s, [entry_id]):
                drop = decision.drop - self._sent(s, self._cipher, entry_id, decision.drop)
                s.execute(delete(t.EntryRevision).where(t.EntryRevision.id.in_(sorted(drop))))
            # Conflicted: the editor's side stays the head it shows.
            head_id = rev.id if decision.conflicted else decision.head
            head_seq = rev.seq if decision.conflicted else (
                made.seq if made is not None else graph.nodes[head_id].seq
            )  # fmt: skip
            s.execute(
                update(t.Entry)
                .where(t.Entry.id == entry_id)
                .values(
                    head_revision_id=head_id,
                    head_seq=head_seq,
                    updated_at=ts,
                    conflicted=int(decision.conflicted),
                )
            )
            s.flush()
            head_after = s.get(t.EntryRevision, head_id)
            assert head_after is not None
            entry.updated_at = ts
            return self._entry_of(entry, self._open(head_after)), rev.id

    def amend(
        self, entry_id: str, revision_id: str, content: EntryContent, author: str
    ) -> Entry | None:
        """The next save of an editing session (docs/history.md): ``revision_id``, the
        revision the session wrote, is replaced by one holding ``content`` with a new
        id, the same parents and ``seq``, and the session's start. One transaction:
        a kill leaves the old revision or the new one, never both or neither.

        ``None`` (nothing written; the caller writes a new revision instead) unless
        ``revision_id`` is the head of an own, unconflicted entry, written here by
        ``author`` (not a merge, not imported), and has not left the device: not read
        by an export of this session, not named by a bundle sent (or exported to a
        file), a review record or a case study since it was written. The entry
        unchanged if ``content`` is the revision's."""
        ts = now_ms()
        with self._share_lock, self._db.session() as s:
            if self._exporting.get(entry_id) or self._exported_heads.get(entry_id) == revision_id:
                return None
            entry, row = self._head_rows(s, entry_id)
            if row.id != revision_id or entry.conflicted:
                return None
            journal = s.get(t.Journal, entry.journal_id)
            if journal is None or journal.space != Space.OWN.value:
                return None
            doc = self._cipher.open_json(TABLE, f"{entry_id}/{row.id}", row.seq, row.blob)
            parents = [str(p) for p in doc.get("parents", [])]
            if (
                doc.get("author") != author
                or len(parents) > 1
                or "via" in doc
                or "source" in doc
                or self._left_device(s, entry_id, row.id, row.created_at)
            ):
                return None
            if doc.get("content_hash") == content.content_hash():
                return self._entry_of(entry, self._open(row))
            started = doc.get("started")
            started = started if isinstance(started, int) else row.created_at
            seq = row.seq
            s.execute(delete(t.EntryRevision).where(t.EntryRevision.id == row.id))
            rev = self._new_revision_row(
                entry_id, seq, content, author, parents, ts, started=started
            )
            s.add(rev)
            s.execute(
                update(t.Entry)
                .where(t.Entry.id == entry_id)
                .values(head_revision_id=rev.id, updated_at=ts)
            )
            entry.updated_at = ts
            return self._entry_of(
                entry, self._revision_of(rev, entry_id, content, author, parents, started)
            )

    def freeze_head(self, entry_id: str) -> None:
        """A record naming the entry's head was just written here (a review record: "ready
        for feedback", a comment): no editing session amends that revision from now on.
        In memory, beside what the exports read: the bundle log and review record checks
        of :meth:`_left_device` compare wall-clock times, and a clock stepped back (NTP)
        stamps the record before the revision it names (attack2, 03 Dec)."""
        with self._share_lock:
            head = self.head_id(entry_id)
            if head is not None:
                self._exported_heads[entry_id] = head

    def _left_device(self, s: Session, entry_id: str, revision_id: str, since: int) -> bool:
        """Whether a revision written at ``since`` (ms) may be held by anyone else: a
        bundle logged as sent or exported since then that carries its entry (to a
        contact, a file, an exchange point: her other computer may import it), a review
        record about its entry since then (one may name it), or a case study naming it.
        Conservative: a bundle that carried an older head also counts."""
        rr, ci = table_of(t.ReviewRecordRow), table_of(t.CaseItem)
        if s.execute(
            select(rr.c.id).where(rr.c.entry_id == entry_id, rr.c.created_at >= since).limit(1)
        ).first():
            return True
        if s.execute(select(ci.c.id).where(ci.c.revision_id == revision_id).limit(1)).first():
            return True
        log = table_of(t.BundleLog)
        q = select(log.c.id, log.c.direction, log.c.blob).where(
            log.c.direction == "out", log.c.created_at >= since
        )
        for row_id, direction, blob in s.execute(q):
            doc = self._cipher.open_json(t.BundleLog.__tablename__, row_id, direction, blob)
            if entry_id in doc.get("entries", ()):
                return True
        return False

    @staticmethod
    def _entry_of(row: t.Entry, head: Revision) -> Entry:
        return Entry(
            id=row.id,
            journal_id=row.journal_id,
            created_at=ms_to_datetime(row.created_at),
            updated_at=ms_to_datetime(row.updated_at),
            head=head,
        )

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
    @staticmethod
    def _head_rows(s: Session, entry_id: str) -> tuple[t.Entry, t.EntryRevision]:
        """A live entry's row and its head revision's row, or the error to show."""
        entry = s.get(t.Entry, entry_id)
        if entry is None or entry.deleted or entry.head_revision_id is None:
            raise EntryNotFound(entry_id)
        head_row = s.get(t.EntryRevision, entry.head_revision_id)
        if head_row is None or head_row.entry_id != entry_id:
            raise RecordTampered("entries.head")
        return entry, head_row

    def get(self, entry_id: str) -> Entry:
        with self._db.session() as s:
            entry, head_row = self._head_rows(s, entry_id)
            return self._entry_of(entry, self._open(head_row))

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

    def head_id(self, entry_id: str) -> str | None:
        """The entry's head revision id (one row, nothing opened); None if not held."""
        with self._db.session() as s:
            entry = s.get(t.Entry, entry_id)
            return None if entry is None or entry.deleted else str(entry.head_revision_id)

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

    def iter_head_docs(self, entry_ids: Collection[str] | None = None) -> Iterator[IndexDoc]:
        """Every live entry's head (or only ``entry_ids``'s) as an index document: the
        migration's hot path, and the unlock's catch-up after a crash.

        Plain Core rows and the JSON straight into :class:`IndexDoc` (no ORM objects,
        no intermediate dataclasses): this runs for every entry of a migrated vault.
        """
        sql = (
            "SELECT e.id, e.journal_id, e.created_at, e.updated_at, r.id, r.seq, r.blob "
            "FROM entries e JOIN entry_revisions r ON r.id = e.head_revision_id "
            "WHERE e.deleted = 0"
        )
        if entry_ids is None:
            counts = self.revision_counts()
            batches: list[list[str]] = [[]]
        else:
            wanted = sorted(set(entry_ids))
            batches = [wanted[i : i + 500] for i in range(0, len(wanted), 500)]
            counts = {}
        open_json = self._cipher.open_json
        with self._db.engine.connect() as conn:
            # The DB-API cursor directly: SQLAlchemy's row machinery costs more than
            # the decryption here.
            raw = conn.connection.driver_connection
            for batch in batches:
                if entry_ids is None:
                    cursor = raw.execute(sql)  # type: ignore[union-attr]
                else:
                    marks = ",".join("?" * len(batch))
                    counts = dict(
                        raw.execute(  # type: ignore[union-attr]
                            "SELECT entry_id, count(*) FROM entry_revisions "  # noqa: S608
                            f"WHERE entry_id IN ({marks}) GROUP BY entry_id",
                            batch,
                        ).fetchall()
                    )
                    cursor = raw.execute(f"{sql} AND e.id IN ({marks})", batch)  # type: ignore[union-attr]
                for entry_id, journal_id, created, updated, rev_id, seq, blob in cursor:
                    doc = open_json(TABLE, f"{entry_id}/{rev_id}", seq, blob)
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

    # -- merges (docs/merge.md) -------------------------------------------------------
    def _graph(self, s: Session, entry_id: str) -> StoredGraph:
        entry = s.get(t.Entry, entry_id)
        if entry is None or entry.deleted or entry.head_revision_id is None:
            raise EntryNotFound(entry_id)
        journal = s.get(t.Journal, entry.journal_id)
        own = journal is not None and journal.space == Space.OWN.value
        r = table_of(t.EntryRevision)
        revisions: dict[str, Revision] = {}
        held: dict[str, HeldRevision] = {}
        via: dict[str, str] = {}
        source_entry: str | None = None
        q = select(r.c.id, r.c.seq, r.c.created_at, r.c.blob).where(r.c.entry_id == entry_id)
        for rev_id, seq, created, blob in s.execute(q):
            doc = self._cipher.open_json(TABLE, f"{entry_id}/{rev_id}", seq, blob)
            revisions[rev_id] = self._open_values(rev_id, entry_id, seq, created, blob)
            held[rev_id] = HeldRevision.of(seq, created, doc)
            source = doc.get("source")
            if isinstance(source, dict) and source_entry is None:
                source_entry = str(source.get("entry", ""))
            if isinstance(doc.get("via"), str):
                via[rev_id] = doc["via"]
        nodes = revision_nodes(entry_id, None if own else source_entry, held)
        return StoredGraph(entry_id, own, bool(entry.conflicted), revisions, nodes, via)

    @staticmethod
    def _under_review(s: Session, entry_ids: Collection[str]) -> set[str]:
        """Which of ``entry_ids`` have review records: their superseded automatic merges
        are kept (a comment may name one; it would wait for it for ever)."""
        rr = table_of(t.ReviewRecordRow)
        found: set[str] = set()
        for part in id_parts(entry_ids):
            q = select(rr.c.entry_id).where(rr.c.entry_id.in_(part)).distinct()
            found.update(str(e) for (e,) in s.execute(q))
        return found

    @staticmethod
    def _sent(s: Session, cipher: RecordCipher, entry_id: str, drop: Collection[str]) -> set[str]:
        """Which of ``drop`` (superseded automatic merges of an own entry) a bundle sent
        to a contact carried: kept, as history (the mentor read that version; her
        comment names it and would wait for it for ever). Read only when there is
        something to drop (the bundle log's rows are sealed)."""
        if not drop:
            return set()
        log = table_of(t.BundleLog)
        q = select(log.c.id, log.c.direction, log.c.blob).where(log.c.direction == "out")
        sent: set[str] = set()
        for row_id, direction, blob in s.execute(q):
            doc = cipher.open_json(t.BundleLog.__tablename__, row_id, direction, blob)
            carried = doc.get("merges", {})
            if isinstance(carried, dict) and doc.get("contacts"):
                sent.update(str(r) for r in carried.get(entry_id, ()))
        return sent & set(drop)

    def is_conflicted(self, entry_id: str) -> bool:
        """Whether an entry holds concurrent versions not merged (one row, no decryption)."""
        with self._db.session() as s:
            entry = s.get(t.Entry, entry_id)
            return entry is not None and not entry.deleted and bool(entry.conflicted)

    def graph(self, entry_id: str) -> StoredGraph:
        """Every revision of an entry with the merge engine's view of them."""
        with self._db.session() as s:
            return self._graph(s, entry_id)

    def add_resolution(
        self,
        entry_id: str,
        expected_tips: Sequence[str],
        content: EntryContent,
        author: str,
    ) -> Entry:
        """The author's merge of a conflicted own entry: a new revision whose parents
        are every tip, made the head; the entry is no longer conflicted. One
        transaction; ``ConflictChanged`` if the tips are no longer ``expected_tips``
        (a bundle came in meanwhile)."""
        ts = now_ms()
        with self._db.session() as s:
            graph = self._graph(s, entry_id)
            found, dangling = tips(graph.nodes)
            if set(found) != set(expected_tips) or len(found) < 2:
                raise ConflictChanged(entry_id)
            seq = max(graph.nodes[p].seq for p in found) + 1
            rev = self._new_revision_row(entry_id, seq, content, author, found, ts)
            s.add(rev)
            if dangling and not self._under_review(s, [entry_id]):
                # superseded automatic merges (none is kept while conflicted), unless sent
                drop = set(dangling) - self._sent(s, self._cipher, entry_id, dangling)
                s.execute(delete(t.EntryRevision).where(t.EntryRevision.id.in_(sorted(drop))))
            s.execute(
                update(t.Entry)
                .where(t.Entry.id == entry_id)
                .values(head_revision_id=rev.id, head_seq=seq, updated_at=ts, conflicted=0)
            )
            entry = s.get(t.Entry, entry_id)
            assert entry is not None
            entry.updated_at = ts
            return self._entry_of(entry, self._revision_of(rev, entry_id, content, author, found))

    # -- import from bundles (reads for planning, then one batch) ---------------------
    def head_authors(self, entry_ids: Collection[str]) -> dict[str, str]:
        """Entry id -> the signing key id sealed in its head revision."""
        e, r = table_of(t.Entry), table_of(t.EntryRevision)
        out: dict[str, str] = {}
        with self._db.engine.connect() as conn:
            for part in id_parts(entry_ids):
                q = (
                    select(e.c.id, r.c.id, r.c.seq, r.c.blob)
                    .join(r, r.c.id == e.c.head_revision_id)
                    .where(e.c.id.in_(part))
                )
                for entry_id, rev_id, seq, blob in conn.execute(q):
                    doc = self._cipher.open_json(TABLE, f"{entry_id}/{rev_id}", seq, blob)
                    out[entry_id] = str(doc.get("author", ""))
        return out

    def locations(self, entry_ids: Collection[str]) -> dict[str, EntryLocation]:
        """Where each of ``entry_ids`` held here lives (deleted entries included)."""
        with self._db.engine.connect() as conn:
            rows = select_in(
                conn,
                "SELECT e.id, e.journal_id, j.space, j.author_contact_id FROM entries e "
                "JOIN journals j ON j.id = e.journal_id WHERE e.id IN",
                entry_ids,
                _IN_BATCH,
            )
        return {
            entry_id: EntryLocation(entry_id, journal_id, Space(space), contact_id)
            for entry_id, journal_id, space, contact_id in rows
        }

    def stored_revisions(self, revision_ids: Collection[str]) -> dict[str, StoredRevision]:
        """Which of ``revision_ids`` are held here, with their entry and content hash."""
        out: dict[str, StoredRevision] = {}
        with self._db.engine.connect() as conn:
            rows = select_in(
                conn,
                "SELECT id, entry_id, seq, blob FROM entry_revisions WHERE id IN",
                revision_ids,
                _IN_BATCH,
            )
        for rev_id, entry_id, seq, blob in rows:
            doc = self._cipher.open_json(TABLE, f"{entry_id}/{rev_id}", seq, blob)
            out[rev_id] = StoredRevision(entry_id, str(doc.get("content_hash", "")))
        return out

    def attachment_owners(self, attachment_ids: Collection[str]) -> dict[str, str]:
        """Attachment id -> entry id, for those of ``attachment_ids`` held here."""
        with self._db.engine.connect() as conn:
            rows = select_in(
                conn, "SELECT id, entry_id FROM attachments WHERE id IN", attachment_ids, _IN_BATCH
            )
        return {att_id: entry_id for att_id, entry_id in rows}

    # -- export to bundles (a few queries for many entries) ----------------------------
    def export_entries(
        self, entry_ids: Sequence[str], *, history: bool, attachments: bool
    ) -> list[ExportedEntry]:
        """Entries with their head (or every revision) and attachment metadata.

        A handful of queries whatever the count (not one session per entry): the
        export of a whole journal reads a thousand entries.

        What it reads may leave the device: no editing session amends those revisions
        from the moment the read starts (docs/history.md; the bundle log names them
        only once the bundle is written).
        """
        with self._share_lock:
            for entry_id in entry_ids:
                self._exporting[entry_id] = self._exporting.get(entry_id, 0) + 1
        out: list[ExportedEntry] = []
        try:
            out = self._export_entries(entry_ids, history=history, attachments=attachments)
        finally:
            with self._share_lock:  # the heads read are frozen before the entries are freed
                for item in out:
                    self._exported_heads[item.entry.id] = item.entry.head.id
                for entry_id in entry_ids:
                    left = self._exporting.pop(entry_id, 1) - 1
                    if left > 0:
                        self._exporting[entry_id] = left
        return out

    def _export_entries(
        self, entry_ids: Sequence[str], *, history: bool, attachments: bool
    ) -> list[ExportedEntry]:
        e, r, a = table_of(t.Entry), table_of(t.EntryRevision), table_of(t.Attachment)
        rows: dict[str, Any] = {}
        revisions: dict[str, list[Revision]] = {i: [] for i in entry_ids}
        infos: dict[str, list[AttachmentInfo]] = {i: [] for i in entry_ids}
        with self._db.engine.connect() as conn:
            for part in id_parts(entry_ids):
                for row in conn.execute(select(e).where(e.c.id.in_(part), e.c.deleted == 0)):
                    rows[row.id] = row
                q = select(r.c.id, r.c.entry_id, r.c.seq, r.c.created_at, r.c.blob)
                if history:
                    q = q.where(r.c.entry_id.in_(part))
                else:
                    heads = [rows[i].head_revision_id for i in part if i in rows]
                    q = q.where(r.c.id.in_(heads))
                for rev_id, entry_id, seq, created, blob in conn.execute(q):
                    revisions[entry_id].append(
                        self._open_values(rev_id, entry_id, seq, created, blob)
                    )
                if not attachments:
                    continue
                aq = (
                    select(
                        a.c.id, a.c.entry_id, a.c.chunk_count, a.c.size, a.c.created_at, a.c.blob
                    )
                    .where(a.c.entry_id.in_(part), a.c.deleted == 0, a.c.complete == 1)
                    .order_by(a.c.created_at, a.c.id)
                )
                for att_id, entry_id, chunks, size, created, blob in conn.execute(aq):
                    doc = self._cipher.open_json(META_TABLE, att_id, chunks, blob)
                    infos[entry_id].append(attachment_info(att_id, entry_id, size, created, doc))
        out = []
        for entry_id in entry_ids:
            found = rows.get(entry_id)
            if found is None:
                raise EntryNotFound(entry_id)
            revs = sorted(revisions[entry_id], key=lambda v: (v.seq, v.id))
            head = next((v for v in revs if v.id == found.head_revision_id), None)
            if head is None:
                raise RecordTampered("entries.head")
            entry = Entry(
                id=entry_id,
                journal_id=found.journal_id,
                created_at=ms_to_datetime(found.created_at),
                updated_at=ms_to_datetime(found.updated_at),
                head=head,
                attachments=tuple(infos[entry_id]),
            )
            out.append(ExportedEntry(entry, tuple(revs)))
        return out

    def ids_in_journal(self, journal_id: str) -> list[str]:
        """The live entries of a journal, oldest first."""
        e = table_of(t.Entry)
        with self._db.engine.connect() as conn:
            q = (
                select(e.c.id)
                .where(e.c.journal_id == journal_id, e.c.deleted == 0)
                .order_by(e.c.created_at, e.c.id)
            )
            return [str(entry_id) for (entry_id,) in conn.execute(q)]

    def attachment_data(self, info: AttachmentInfo, pool: Executor | None = None) -> bytes:
        """An attachment's bytes: its chunks in one query, opened on ``pool``, hash checked."""
        c = table_of(t.AttachmentChunk)
        with self._db.engine.connect() as conn:
            chunk_count = conn.execute(
                select(table_of(t.Attachment).c.chunk_count).where(
                    table_of(t.Attachment).c.id == info.id
                )
            ).scalar_one()
            blobs = [
                blob
                for (blob,) in conn.execute(
                    select(c.c.blob).where(c.c.attachment_id == info.id).order_by(c.c.idx)
                )
            ]
        if len(blobs) != chunk_count:
            raise RecordTampered("attachment_chunks.missing")

        def open_chunk(idx: int) -> bytes:
            rev = chunk_revision(idx, idx == chunk_count - 1)
            return self._cipher.open_bytes(CHUNK_TABLE, info.id, rev, blobs[idx])

        indices = range(chunk_count)
        parts = list(pool.map(open_chunk, indices) if pool else map(open_chunk, indices))
        data = b"".join(parts)
        if len(data) != info.size or hashlib.sha256(data).hexdigest() != info.sha256:
            raise RecordTampered("attachments.sha256")
        return data

    @contextlib.contextmanager
    def import_batch(self) -> Iterator[ImportBatch]:
        """One transaction for a whole import: committed at the end, else rolled back."""
        from reflectdesk.storage.entry_import import ImportBatch  # it builds on this module

        with self._db.session() as s:
            yield ImportBatch(s, self._cipher)


# --- shared with the import batch (storage/entry_import.py) ------------------------------
def id_parts(ids: Collection[str]) -> Iterator[list[str]]:
    """``ids`` in slices small enough for one ``IN (...)`` query each."""
    items = list(ids)
    for start in range(0, len(items), _IN_BATCH):
        yield items[start : start + _IN_BATCH]


def epoch_ms(moment: Any) -> int:
    return int(moment.timestamp() * 1000)


@dataclass(frozen=True, slots=True)
class HeldRevision:
    """What the merge needs of a revision: its place, source id and content."""

    seq: int
    parents: tuple[str, ...]
    created_ms: int
    source: str | None  # the author's id of a received revision
    content: Mapping[str, Any] | EntryContent  # as held (JSON) or as it came in
    content_hash: str

    def opened(self) -> EntryContent:
        c = self.content
        return c if isinstance(c, EntryContent) else EntryContent.from_json(c)

    @classmethod
    def of(cls, seq: int, created_ms: int, doc: Mapping[str, Any]) -> HeldRevision:
        source = doc.get("source")
        return cls(
            seq,
            tuple(str(p) for p in doc.get("parents", [])),
            created_ms,
            str(source["revision"]) if isinstance(source, dict) else None,
            doc.get("content", {}),
            str(doc.get("content_hash", "")),
        )


def revision_nodes(
    entry_id: str, source_entry: str | None, held: Mapping[str, HeldRevision]
) -> dict[str, Node]:
    """The merge engine's graph. An automatic merge is recognised by its id, derived
    from the author's ids (for a received entry, the ``source`` ids sealed with it)."""
    out: dict[str, Node] = {}
    for rev_id, h in held.items():
        if len(h.parents) < 2:  # the common case: only merges are looked at
            auto = False
        elif source_entry is None:
            auto = is_automatic(entry_id, rev_id, h.parents, h.content_hash)
        else:
            sources = [held[p].source if p in held else None for p in h.parents]
            auto = (
                h.source is not None
                and all(s is not None for s in sources)
                and is_automatic(source_entry, h.source, [s for s in sources if s], h.content_hash)
            )
        out[rev_id] = Node(h.seq, h.parents, auto, h.created_ms)
    return out


@dataclass(frozen=True, slots=True)
class StoredGraph:
    """An entry's whole revision graph, opened: what the conflict view and its
    resolution need (storage/entries.py ``EntryRepo.graph``)."""

    entry_id: str
    own: bool  # in one of the owner's journals (else received)
    conflicted: bool
    revisions: dict[str, Revision]
    nodes: dict[str, Node]
    via: dict[str, str]  # revision id -> the bundle it came in (own entries)


@dataclass(frozen=True, slots=True)
class ExportedEntry:
    entry: Entry  # its head and attachment metadata
    revisions: tuple[Revision, ...]  # the head only, or every revision (oldest first)


@dataclass(frozen=True, slots=True)
class EntryLocation:
    """Where an entry lives: its journal and that journal's space and author."""

    entry_id: str
    journal_id: str
    space: Space
    author_contact_id: str | None


@dataclass(frozen=True, slots=True)
class StoredRevision:
    entry_id: str
    content_hash: str
