"""The import batch: a whole bundle's entries, revisions and attachments stored in
one SQLite transaction, all of it or nothing, with the records it carries.

Other repositories (contacts, consents, the bundle log) take the batch to write in
the same transaction. Which revision becomes the head, and whether an own entry's
concurrent revisions merge, is decided by :mod:`reflectdesk.domain.merge` (the rules:
docs/merge.md); a superseded automatic merge of an own entry is replaced here.
"""

from __future__ import annotations

import contextlib
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from functools import partial
from typing import Any, NamedTuple

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from reflectdesk.domain.merge import AutoMerge, decide
from reflectdesk.domain.model import EntryContent, Revision, Space, ms_to_datetime, now_ms
from reflectdesk.domain.revision_graph import graph_is_sound
from reflectdesk.errors import RevisionGraphUnsound
from reflectdesk.storage import schema as t
from reflectdesk.storage.attachments import (
    CHUNK_SIZE,
    CHUNK_TABLE,
    META_TABLE,
    attachment_meta,
    chunk_revision,
)
from reflectdesk.storage.database import Database
from reflectdesk.storage.entries import (
    TABLE,
    EntryRepo,
    HeldRevision,
    epoch_ms,
    id_parts,
    revision_nodes,
    table_of,
)
from reflectdesk.storage.journals import TABLE as JOURNAL_TABLE
from reflectdesk.storage.rows import insert_rows, select_rows
from reflectdesk.vault.cipher import RecordCipher

_SEAL_WINDOW = 8  # attachment chunks sealed ahead of the insert (bounded memory)


@contextlib.contextmanager
def batch_session(db: Database, batch: ImportBatch | None) -> Iterator[Session]:
    """The batch's session (its transaction), or a short session of its own."""
    if batch is not None:
        yield batch.session
        return
    with db.session() as session:
        yield session


def revision_key(
    entry_id: str, rev: Revision, source: tuple[str, str] | None, via: str | None
) -> tuple[object, ...]:
    """Everything a stored revision row is made of except the content, which its
    ``content_hash`` stands for (the bundle checked it): two equal keys, equal rows."""
    return (
        entry_id, rev.id, rev.seq, rev.parent_ids, rev.author, rev.content_hash,
        rev.created_at, source, via,
    )  # fmt: skip


def revision_row(
    cipher: RecordCipher,
    entry_id: str,
    rev: Revision,
    source: tuple[str, str] | None = None,
    via: str | None = None,
) -> dict[str, object]:
    """The ``entry_revisions`` row of one revision, its record sealed."""
    doc: dict[str, object] = {
        "content": rev.content.to_json(),
        "parents": list(rev.parent_ids),
        "author": rev.author,
        "content_hash": rev.content_hash,
    }
    if source is not None:
        doc["source"] = {"entry": source[0], "revision": source[1]}
    if via is not None:
        doc["via"] = via  # the bundle it came in: "from another computer"
    blob = cipher.seal_json(TABLE, f"{entry_id}/{rev.id}", rev.seq, doc)
    return {
        "id": rev.id,
        "entry_id": entry_id,
        "seq": rev.seq,
        "created_at": epoch_ms(rev.created_at),
        "size": len(blob),
        "blob": blob,
    }


@dataclass(frozen=True, slots=True)
class SealedRevision:
    """A revision row sealed ahead, off the thread that holds the write lock (a batch
    import seals on its opening side): stored as it is when its ``key`` is the key of
    the row the import would seal (:func:`revision_key`), else sealed again."""

    key: tuple[object, ...]
    row: dict[str, object]


def is_keyed_id(value: str) -> bool:
    """Whether an id is a keyed hash (``RecordCipher.local_id``: UUID version 8) rather
    than one drawn here (UUIDv7)."""
    return len(value) == 36 and value[14] == "8"


@dataclass(frozen=True, slots=True)
class ReceivedJournal:
    """Where a sender's entries go: her journal ``source_id`` (the id her entry
    documents carry), under this vault's keyed id ``journal_id``, and the title her
    bundle gave it (None: an older sender's bundle names none)."""

    journal_id: str
    source_id: str
    title: str | None = None
    title_ms: int = 0  # when she stated it (her clock, signed)
    title_id: str = ""  # the record that stated it: breaks ties

    def title_doc(self) -> dict[str, object]:
        return {"title": self.title, "title_at": self.title_ms, "title_id": self.title_id}


@dataclass(frozen=True, slots=True)
class EntryImport:
    """One entry of a bundle to store: its place and the revisions it carries."""

    entry_id: str
    journal_id: str  # for a new entry; an existing one stays where it is
    created_ms: int
    updated_ms: int
    revisions: tuple[Revision, ...]
    # Another author's entry: its id and revision ids in her bundle (sealed with each
    # revision; this vault stores scoped ids, see storage/local_ids.py).
    source_id: str | None = None
    sources: Mapping[str, str] = field(default_factory=dict)
    via: str | None = None  # the bundle id the revisions came in (sealed with them)
    sealed: Mapping[str, SealedRevision] = field(default_factory=dict)  # by revision id
    # An entry already held in another journal moves to ``journal_id`` (her bundle
    # names the journal it is in, with its title: issue 14).
    move: bool = False


@dataclass(frozen=True, slots=True)
class EntryImportOutcome:
    entry_id: str
    journal_id: str
    new: bool
    revisions_added: int
    head_changed: bool
    conflicted: bool
    head_revision_id: str
    revision_count: int
    created_ms: int
    updated_ms: int
    merged: bool = False  # an automatic merge revision was made (own entries)
    moved_from: str | None = None  # the journal it left (``move``)


def _content_of(held: Mapping[str, HeldRevision], revision_id: str) -> EntryContent:
    return held[revision_id].opened()


def merge_revision(entry_id: str, made: AutoMerge, author: str) -> Revision:
    """An automatic merge as a revision, signed by the entry's author (the owner)."""
    return Revision(
        id=made.id,
        entry_id=entry_id,
        seq=made.seq,
        parent_ids=made.parents,
        author=author,
        created_at=ms_to_datetime(made.created_ms),
        content_hash=made.content.content_hash(),
        content=made.content,
    )


class _JournalRow(NamedTuple):
    """What a received journal's rename reads of its row (storage/rows.py)."""

    id: str
    rev: int
    blob: bytes


class ImportBatch:
    """One SQLite transaction for a whole bundle import: all of it or nothing.

    Made by :meth:`EntryRepo.import_batch`; the other repositories take it to write
    in the same transaction. Nothing is committed until the ``with`` block ends
    without an error; any error rolls everything back.
    """

    def __init__(self, session: Session, cipher: RecordCipher) -> None:
        self._s = session
        self._cipher = cipher

    @property
    def session(self) -> Session:
        """For the repositories in :mod:`reflectdesk.storage` only."""
        return self._s

    # -- journals ----------------------------------------------------------------------
    def _new_journal(
        self, journal_id: str, doc: dict[str, object], space: Space, contact_id: str | None
    ) -> str:
        ts = now_ms()
        blob = self._cipher.seal_json(JOURNAL_TABLE, journal_id, 1, doc)
        self._s.execute(
            insert(table_of(t.Journal)),
            [
                {
                    "id": journal_id,
                    "space": space.value,
                    "author_contact_id": contact_id,
                    "created_at": ts,
                    "updated_at": ts,
                    "rev": 1,
                    "archived": 0,
                    "blob": blob,
                }
            ],
        )
        return journal_id

    def received_journal(
        self, contact_id: str, where: ReceivedJournal, fallback: str
    ) -> tuple[str, bool, bool]:
        """The read-only journal holding what ``contact_id`` sent from her journal
        ``where.source_id``: (id, created now, renamed now).

        One per (sender, her journal), under the keyed id ``where.journal_id``
        (:meth:`IdScope.journal`), titled with her title, or ``fallback`` (her name)
        while no bundle has named one. A later title renames it; "later" is by her
        time, then the record id, so the order bundles arrive in does not matter.
        A bundle naming no title (an older sender's) for a journal not held yet lands
        where it always did: in the sender's oldest received journal, if she has one
        (until a titled bundle moves its entries to their own journal).
        """
        # Keyed by the contact too: another sender's journal never has this id.
        found = select_rows(
            self._s, "SELECT id, rev, blob FROM journals WHERE id = ?", (where.journal_id,)
        )
        if found:
            return where.journal_id, False, self._retitle(_JournalRow(*found[0]), where)
        if where.title is None:
            first = self._first_journal(contact_id)
            if first is not None:
                return first, False, False
        doc: dict[str, object] = {"title": fallback, "description": "", "source": where.source_id}
        if where.title is not None:
            doc.update(where.title_doc())
        self._new_journal(where.journal_id, doc, Space.RECEIVED, contact_id)
        return where.journal_id, True, False

    def _retitle(self, row: Any, where: ReceivedJournal) -> bool:
        """Rename a received journal when ``where`` names a newer title than it holds."""
        if where.title is None:
            return False
        doc = self._cipher.open_json(JOURNAL_TABLE, row.id, row.rev, row.blob)
        held = (int(doc.get("title_at", -1)), str(doc.get("title_id", "")))
        if (where.title_ms, where.title_id) <= held:
            return False
        renamed = bool(doc.get("title") != where.title)
        doc.update(where.title_doc())
        rev = row.rev + 1
        j = table_of(t.Journal)
        self._s.execute(
            update(j)
            .where(j.c.id == row.id)
            .values(rev=rev, updated_at=now_ms(), blob=self._cipher.seal_json(
                JOURNAL_TABLE, row.id, rev, doc
            ))
        )  # fmt: skip
        return renamed

    def _first_journal(self, contact_id: str) -> str | None:
        """The sender's oldest received journal still shown: where everything she sent
        went before titles travelled (one journal per sender)."""
        found = select_rows(
            self._s,
            "SELECT id FROM journals WHERE space = ? AND author_contact_id = ? "
            "AND archived = 0 ORDER BY created_at, id LIMIT 1",
            (Space.RECEIVED.value, contact_id),
        )
        return str(found[0][0]) if found else None

    def retire_if_empty(self, journal_ids: Iterable[str]) -> list[str]:
        """Hide (archive) the older-style received journals among ``journal_ids`` that
        no entry is in any more (their entries moved to their own journals)."""
        j, e = table_of(t.Journal), table_of(t.Entry)
        retired: list[str] = []
        for journal_id in sorted(set(journal_ids)):
            if is_keyed_id(journal_id):
                continue
            still = self._s.execute(
                select(e.c.id).where(e.c.journal_id == journal_id).limit(1)
            ).first()
            if still is None:
                self._s.execute(
                    update(j)
                    .where(j.c.id == journal_id, j.c.space == Space.RECEIVED.value)
                    .values(archived=1, updated_at=now_ms())
                )
                retired.append(journal_id)
        return retired

    def has_journal(self, journal_id: str) -> bool:
        j = table_of(t.Journal)
        return self._s.execute(select(j.c.id).where(j.c.id == journal_id)).first() is not None

    def own_journal(self, journal_id: str, title: str = "") -> tuple[str, bool]:
        """An own journal by id, made if this vault no longer has it: titled as your
        bundle titles it (untitled when it names none)."""
        if self._s.get(t.Journal, journal_id) is not None:
            return journal_id, False
        doc: dict[str, object] = {"title": title, "description": ""}
        return self._new_journal(journal_id, doc, Space.OWN, None), True

    # -- entries and revisions ---------------------------------------------------------
    def _revision_row(
        self,
        entry_id: str,
        rev: Revision,
        source: tuple[str, str] | None = None,
        via: str | None = None,
        sealed: Mapping[str, SealedRevision] | None = None,
    ) -> dict[str, object]:
        ready = sealed.get(rev.id) if sealed else None
        if ready is not None and ready.key == revision_key(entry_id, rev, source, via):
            return ready.row
        return revision_row(self._cipher, entry_id, rev, source, via)

    def import_entries(
        self, items: Sequence[EntryImport], *, merge_author: str | None = None
    ) -> list[EntryImportOutcome]:
        """Insert the revisions not held yet and move each head (see
        :func:`reflectdesk.domain.merge.decide`).

        Revisions are immutable and never overwritten; a revision id already held is
        skipped. Entries keep their original ids; a new one goes to ``journal_id``.
        ``merge_author`` (the owner's signing key id): own entries whose tips merge
        cleanly get an automatic merge revision signed by it; without it they stay
        conflicted. Received entries never get a revision made here.
        """
        e, r = table_of(t.Entry), table_of(t.EntryRevision)
        existing: dict[str, Any] = {}
        for part in id_parts([i.entry_id for i in items]):
            for row in self._s.execute(select(e).where(e.c.id.in_(part))):
                existing[row.id] = row
        held: dict[str, dict[str, HeldRevision]] = {k: {} for k in existing}
        for part in id_parts(existing):
            q = select(r.c.id, r.c.entry_id, r.c.seq, r.c.created_at, r.c.blob).where(
                r.c.entry_id.in_(part)
            )
            for rev_id, entry_id, seq, created, blob in self._s.execute(q):
                doc = self._cipher.open_json(TABLE, f"{entry_id}/{rev_id}", seq, blob)
                held[entry_id][rev_id] = HeldRevision.of(seq, created, doc)
        revision_rows: dict[str, dict[str, object]] = {}
        entry_rows: list[dict[str, object]] = []
        outcomes: list[EntryImportOutcome] = []
        dropped: list[str] = []
        for item in items:
            known = held.setdefault(item.entry_id, {})
            incoming: dict[str, Revision] = {}
            added = 0
            for rev in item.revisions:
                if rev.id not in known:
                    source = (
                        (item.source_id, item.sources.get(rev.id, rev.id))
                        if item.source_id is not None
                        else None
                    )
                    known[rev.id] = HeldRevision(
                        rev.seq,
                        rev.parent_ids,
                        epoch_ms(rev.created_at),
                        source[1] if source else None,
                        rev.content,
                        rev.content_hash,
                    )
                    incoming[rev.id] = rev
                    revision_rows[rev.id] = self._revision_row(
                        item.entry_id, rev, source, item.via, item.sealed
                    )
                    added += 1
            graph = revision_nodes(item.entry_id, item.source_id, known)
            if not graph_is_sound({k: (n.seq, n.parents) for k, n in graph.items()}):
                # Raised inside the import transaction: nothing of the bundle is kept.
                raise RevisionGraphUnsound(item.entry_id)
            own = item.source_id is None
            decision = decide(
                item.entry_id,
                graph,
                partial(_content_of, known),
                own=own and merge_author is not None,
            )
            made = decision.new_merge
            if made is not None:
                assert merge_author is not None
                merge_rev = merge_revision(item.entry_id, made, merge_author)
                known[made.id] = HeldRevision(
                    made.seq,
                    made.parents,
                    made.created_ms,
                    None,
                    made.content,
                    merge_rev.content_hash,
                )
                revision_rows[made.id] = self._revision_row(item.entry_id, merge_rev)
            drops = decision.drop
            if drops and item.entry_id in existing and self._under_review(item.entry_id):
                drops = frozenset()  # a comment may name one: kept (docs/merge.md)
            elif drops and item.entry_id in existing:  # one sent to a contact: kept too
                drops = drops - EntryRepo._sent(self._s, self._cipher, item.entry_id, drops)
            for gone in sorted(drops):
                del known[gone]
                if revision_rows.pop(gone, None) is None:
                    dropped.append(gone)  # held: deleted below
                elif gone in incoming:
                    added -= 1
            head, conflicted = decision.head, decision.conflicted
            old = existing.get(item.entry_id)
            moved_from: str | None = None
            if old is None:
                values = {
                    "id": item.entry_id,
                    "journal_id": item.journal_id,
                    "head_revision_id": head,
                    "head_seq": known[head].seq,
                    "created_at": item.created_ms,
                    "updated_at": item.updated_ms,
                    "deleted": 0,
                    "conflicted": int(conflicted),
                }
                entry_rows.append(values)
                journal_id, head_changed = item.journal_id, True
            else:
                values = {
                    "head_revision_id": head,
                    "head_seq": known[head].seq,
                    "created_at": min(old.created_at, item.created_ms),
                    "updated_at": max(old.updated_at, item.updated_ms),
                    "conflicted": int(conflicted),
                }
                journal_id, head_changed = old.journal_id, head != old.head_revision_id
                if item.move and old.journal_id != item.journal_id:
                    values["journal_id"] = journal_id = item.journal_id
                    moved_from = old.journal_id
                if any(getattr(old, k) != v for k, v in values.items()):
                    self._s.execute(update(e).where(e.c.id == item.entry_id).values(**values))
            outcomes.append(
                EntryImportOutcome(
                    entry_id=item.entry_id,
                    journal_id=journal_id,
                    new=old is None,
                    revisions_added=added,
                    head_changed=head_changed,
                    conflicted=conflicted,
                    head_revision_id=head,
                    revision_count=len(known),
                    created_ms=int(str(values["created_at"])),
                    updated_ms=int(str(values["updated_at"])),
                    merged=made is not None,
                    moved_from=moved_from,
                )
            )
        if dropped:
            for part in id_parts(dropped):
                self._s.execute(delete(r).where(r.c.id.in_(part)))
        if entry_rows:
            insert_rows(self._s, e, entry_rows)
        if revision_rows:
            insert_rows(self._s, r, list(revision_rows.values()))
        return outcomes

    def _under_review(self, entry_id: str) -> bool:
        return bool(EntryRepo._under_review(self._s, [entry_id]))

    # -- attachments -------------------------------------------------------------------
    def add_attachment(
        self,
        entry_id: str,
        attachment_id: str,
        *,
        filename: str,
        media_type: str,
        created_ms: int,
        sha256: str,
        data: bytes | bytearray | memoryview,
        pool: Executor | None = None,
    ) -> None:
        """Seal ``data`` in 1 MiB chunks, exactly as :class:`AttachmentRepo` does.

        ``sha256`` must already be checked against ``data`` (the bundle's signed
        manifest was). Chunks are sealed ahead on ``pool`` (AES-GCM releases the GIL)
        at most a few at a time, so memory stays bounded.
        """
        a, c = table_of(t.Attachment), table_of(t.AttachmentChunk)
        view = memoryview(data).cast("B")
        size = len(view)
        count = max(1, -(-size // CHUNK_SIZE))
        meta = attachment_meta(entry_id, filename, media_type, sha256)
        # Parameters, not .values(): the statement compiles once (its cache key would
        # otherwise cover every value, the sealed blob included).
        insert_rows(
            self._s,
            a,
            [
                {
                    "id": attachment_id,
                    "entry_id": entry_id,
                    "created_at": created_ms,
                    "size": size,
                    "chunk_count": count,
                    "complete": 1,
                    "deleted": 0,
                    "blob": self._cipher.seal_json(META_TABLE, attachment_id, count, meta),
                }
            ],
        )

        def seal(idx: int) -> dict[str, object]:
            chunk = bytes(view[idx * CHUNK_SIZE : (idx + 1) * CHUNK_SIZE])
            rev = chunk_revision(idx, idx == count - 1)
            blob = self._cipher.seal_bytes(CHUNK_TABLE, attachment_id, rev, chunk)
            return {"attachment_id": attachment_id, "idx": idx, "blob": blob}

        if pool is None or count == 1:  # one chunk: nothing to seal ahead of it
            for idx in range(count):
                insert_rows(self._s, c, [seal(idx)])
            return
        pending: deque[Future[dict[str, object]]] = deque()
        for idx in range(count):
            pending.append(pool.submit(seal, idx))
            if len(pending) >= _SEAL_WINDOW:
                insert_rows(self._s, c, [pending.popleft().result()])
        while pending:
            insert_rows(self._s, c, [pending.popleft().result()])
