"""Mentor review: comments, replies, resolutions, sign-offs, statuses; the mentor's
queue, the tutor's triad summary, and the rules for records received from others.

Every record is signed by its author (review/records.py) and names the entry and
revision with the **author's** ids: your own ids for your entries, the ids sealed as
``source`` in a received revision for another author's (storage/local_ids.py). Records
are stored append-only and sealed (storage/review_records.py) and fold into one state
(review/state.py) whatever the order they arrived in.

Who may write a record (checked on :meth:`ReviewService.receive`, all or nothing, and
again when a record that waited for its entry attaches):

- on **your own** entry: you, or a contact you *shared it with*: a ``journal`` bundle
  you exported (the bundle log, "out") listed that contact as a recipient and the entry,
  and the revision the record names already existed when that bundle was made (so it
  went with the bundle, or with an earlier one: a revision written after your last
  bundle to that contact was never received by them);
- on **another author's** entry (you received it from her): the author herself, you,
  or a third contact only in a bundle the author herself sent (she forwards the
  feedback she accepted under the rule above; you cannot see whom else she shared with).

Signed by anyone else, changed, moved to another entry or revision, quoting text that is
not in the revision it names, a withdrawal of another person's sign-off, a status set by
someone other than the entry's author, or a sign-off by the entry's author: refused with
a specific error, nothing stored. A record about an entry or revision not held here is
kept and attaches when the entry arrives.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from reflectdesk.atomic_files import atomic_write
from reflectdesk.bundles import PinnedKey
from reflectdesk.bundles.canonical import JsonObject, JsonValue
from reflectdesk.bundles.keys import Identity, PublicIdentity
from reflectdesk.domain.model import Changes, Contact, EntryContent, SearchFilters, Space
from reflectdesk.errors import (
    CommentNotFound,
    EntryNotFound,
    FeedbackThroughAuthor,
    FileUnwritable,
    InvalidValue,
    NotYourEntry,
    NotYourSignOff,
    OwnEntrySignOff,
    QuoteNotFound,
    ReflectDeskError,
    ReviewNotAllowed,
    ReviewNotShared,
    ReviewQuoteOutside,
    ReviewRecordInvalid,
    ReviewRevisionMismatch,
    ReviewSignerRevoked,
    ReviewSignerUnknown,
    ReviewTooManyRecords,
    SignOffNotFound,
    StandardUnknown,
    UnknownSection,
)
from reflectdesk.rendering.portfolio import (
    Footnote,
    FootnoteReply,
    PortfolioEntry,
    SignOffRow,
    SignOffTable,
    portfolio_html,
    portfolio_markdown,
)
from reflectdesk.review.anchor import Anchor, locate, make_anchor
from reflectdesk.review.records import (
    EntryRef,
    RecordType,
    ReviewRecord,
    Status,
    parse,
    sign,
    verify,
)
from reflectdesk.review.records import Verdict as Verdict  # for the front ends
from reflectdesk.review.state import EntryReview, fold_entry
from reflectdesk.services.contacts import ContactService
from reflectdesk.services.identity import (
    load_or_create_identity,
    previous_identities,
    untrusted_keys,
)
from reflectdesk.services.unlocked_state import UnlockedState
from reflectdesk.standards.loader import mbe_2021
from reflectdesk.standards.model import Taxonomy
from reflectdesk.storage.bundle_log import OUT
from reflectdesk.storage.entry_import import ImportBatch
from reflectdesk.storage.local_ids import IdScope
from reflectdesk.storage.review_records import ReviewRecordRepo, RevisionRef, StoredRecord

log = logging.getLogger(__name__)

MAX_RECEIVE = 5_000  # records taken in one receive (a feedback bundle: 200 + 20 typical)
MAX_PER_ENTRY = 20_000  # records held about one entry: the fold and the view stay fast
MAX_CLOCK_SKEW = timedelta(days=1)  # a record dated later than this is refused
_JOURNAL_KIND = "journal"


def _now() -> datetime:
    now = datetime.now(UTC)
    return now.replace(microsecond=now.microsecond // 1000 * 1000)  # records keep ms


def _ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


# --- what the front ends show ---------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ReplyView:
    id: str
    author: str  # key id
    author_name: str
    created_at: datetime
    text: str


@dataclass(frozen=True, slots=True)
class ThreadView:
    id: str  # the comment's record id
    author: str
    author_name: str
    created_at: datetime
    section: str
    quote: str
    text: str
    revision_seq: int | None  # the version it was written on, as held here
    # Where the quote sits in the current version (code points), or None: "on an
    # earlier version" (shown with its quote; never lost).
    start: int | None
    end: int | None
    resolved: bool
    replies: tuple[ReplyView, ...]

    @property
    def on_earlier_version(self) -> bool:
        return self.start is None


@dataclass(frozen=True, slots=True)
class StandardVerdict:
    code: str
    title: str
    verdict: Verdict
    note: str


@dataclass(frozen=True, slots=True)
class SignOffView:
    id: str
    author: str
    author_name: str
    created_at: datetime
    revision_seq: int | None
    changed_since: bool  # the entry has a newer version than the one signed off
    standards: tuple[StandardVerdict, ...]
    overall: Verdict
    note: str
    withdrawn: bool


@dataclass(frozen=True, slots=True)
class EntryReviewState:
    entry_id: str
    status: Status
    head_seq: int
    threads: tuple[ThreadView, ...]
    sign_offs: tuple[SignOffView, ...]
    pending: int  # records waiting for a version (or a comment) not held yet

    @property
    def open_threads(self) -> int:
        return sum(1 for t in self.threads if not t.resolved)


@dataclass(frozen=True, slots=True)
class QueueItem:
    contact_id: str
    student: str
    entry_id: str
    title: str
    waiting_feedback: bool  # ready, and nothing from you since it was marked ready
    waiting_sign_off: bool  # ready, and no sign-off of yours on its current version


@dataclass(frozen=True, slots=True)
class TriadRow:
    contact_id: str
    student: str
    entries: int
    ready: int
    feedback_given: int  # comments and replies by others than the student
    standards_met: tuple[str, ...]  # codes signed off "met" (standing sign-offs)


@dataclass(frozen=True, slots=True)
class CheckedRecords:
    """Received records that passed every check, ready to store."""

    rows: tuple[tuple[str, ReviewRecord, str | None], ...]  # (entry id here, record, via)
    already_held: int
    pending: int
    shown: frozenset[str]  # the held entries they are about

    @property
    def comments(self) -> int:
        return sum(1 for _e, r, _v in self.rows if r.type is RecordType.COMMENT)

    @property
    def sign_offs(self) -> int:
        return sum(1 for _e, r, _v in self.rows if r.type is RecordType.SIGN_OFF)


@dataclass(frozen=True, slots=True)
class ReceiveResult:
    added: int
    already_held: int
    pending: int
    entry_ids: tuple[str, ...]


# --- who is who -----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Signer:
    public: PublicIdentity
    contact: Contact | None  # None: one of your own keys


@dataclass
class _Context:
    """What the rules need, read once per call."""

    st: UnlockedState
    contacts: list[Contact]
    keys: dict[str, tuple[Contact | None, PublicIdentity]]  # key id -> holder, public key
    shared: dict[tuple[str, str], int] = field(default_factory=dict)  # (contact, entry) -> ms
    pinned: dict[bytes, PinnedKey | None] = field(default_factory=dict)
    _revisions: dict[str, list[RevisionRef]] = field(default_factory=dict)
    _places: dict[str, tuple[Space, str | None] | None] = field(default_factory=dict)
    _texts: dict[tuple[str, str], EntryContent] = field(default_factory=dict)

    def repo(self) -> ReviewRecordRepo:
        return ReviewRecordRepo(self.st.db, self.st.cipher)

    def revisions(self, entry_id: str) -> list[RevisionRef]:
        if entry_id not in self._revisions:
            self._revisions[entry_id] = self.repo().revisions(entry_id)
        return self._revisions[entry_id]

    def place(self, entry_id: str) -> tuple[Space, str | None] | None:
        """(space, author contact id) of a held entry, or None."""
        if entry_id not in self._places:
            where = self.st.entries.locations([entry_id]).get(entry_id)
            self._places[entry_id] = (
                None if where is None else (where.space, where.author_contact_id)
            )
        return self._places[entry_id]

    def content(self, entry_id: str, revision: RevisionRef) -> EntryContent:
        key = (entry_id, revision.local_id)
        if key not in self._texts:
            self._texts[key] = self.st.entries.revision(entry_id, revision.local_id).content
        return self._texts[key]

    def name(self, key_id: str) -> str:
        holder = self.keys.get(key_id)
        if holder is None:
            return key_id
        contact = holder[0]
        return contact.name if contact is not None else self.st.profile.get().name


def _contact_of(ctx: _Context, key_id: str) -> Contact | None:
    holder = ctx.keys.get(key_id)
    return holder[0] if holder is not None else None


@dataclass(frozen=True, slots=True)
class _Target:
    entry_id: str  # this vault's id (held or not)
    author_contact: str | None  # None: your own entry
    revision: RevisionRef | None  # the named revision, when held


class ReviewService:
    def __init__(self, state: Callable[[], UnlockedState], contacts: ContactService) -> None:
        self._state = state
        self._contacts = contacts
        self._taxonomy: Taxonomy | None = None

    # -- context -------------------------------------------------------------------------
    def _context(self, st: UnlockedState) -> _Context:
        contacts = st.contacts.list()
        keys: dict[str, tuple[Contact | None, PublicIdentity]] = {}
        for contact in contacts:
            keys[contact.key_id] = (
                contact,
                PublicIdentity(contact.card.age_recipient, contact.card.signing_key),
            )
            for link in contact.chain:
                keys.setdefault(
                    link.key_id, (contact, PublicIdentity(link.age_recipient, link.signing_key))
                )
        own = [load_or_create_identity(st), *previous_identities(st)]
        for identity in own:
            keys[identity.public.key_id_hex] = (None, identity.public)
        ctx = _Context(st, contacts, keys)
        for item in st.bundle_log.list(OUT):
            if item.kind != _JOURNAL_KIND:
                continue
            at = _ms(item.at)
            for contact_id in item.contact_ids:
                for entry_id in item.entry_ids:
                    key = (contact_id, entry_id)
                    ctx.shared[key] = max(ctx.shared.get(key, 0), at)
        return ctx

    def _standards(self) -> Taxonomy:
        if self._taxonomy is None:
            self._taxonomy = mbe_2021()
        return self._taxonomy

    def _target(self, ctx: _Context, ref: EntryRef) -> _Target:
        st = ctx.st
        if ref.author in st.own_authors:
            entry_id, author_contact = ref.entry_id, None
        else:
            contact = _contact_of(ctx, ref.author)
            if contact is None:
                # No entry of an unknown author can be here: nobody shared it with you.
                raise ReviewNotShared("entry author")
            entry_id = IdScope(st.cipher, contact.id).entry(ref.entry_id)
            author_contact = contact.id
        revision = None
        if ctx.place(entry_id) is not None:
            revision = next(
                (r for r in ctx.revisions(entry_id) if r.revision_ref == ref.revision_id), None
            )
        return _Target(entry_id, author_contact, revision)

    def _signer(self, ctx: _Context, record: ReviewRecord) -> _Signer:
        holder = ctx.keys.get(record.author)
        if holder is None:
            raise ReviewSignerUnknown(record.author)
        contact, public = holder
        if contact is None:
            if public.signing_key in untrusted_keys(ctx.st):
                raise ReviewSignerRevoked(record.author)  # your own key, revoked or lost
        else:
            if public.signing_key not in ctx.pinned:
                ctx.pinned[public.signing_key] = self._contacts.pinned_key(public.signing_key)
            pinned = ctx.pinned[public.signing_key]
            if pinned is None or pinned.revoked or pinned.revoked_in_chain:
                # A revoked key signs whatever date it likes: nothing from it is taken.
                raise ReviewSignerRevoked(record.author)
            if pinned.refused_from is not None and record.created_at >= pinned.refused_from:
                raise ReviewSignerRevoked(record.author)  # replaced by a newer key then
        return _Signer(public, contact)

    # -- the rules ---------------------------------------------------------------------------
    def _check(
        self,
        ctx: _Context,
        record: ReviewRecord,
        signer: Contact | None,
        via: str | None,
        known: Mapping[str, ReviewRecord],
    ) -> _Target | None:
        """Raise the refusal for ``record``; return its target, or None when the entry or
        the revision it names is not held yet (it waits)."""
        target = self._target(ctx, record.entry)
        signer_id = None if signer is None else signer.id
        signer_is_author = signer_id == target.author_contact
        if record.type is RecordType.STATUS and not signer_is_author:
            raise ReviewNotAllowed("status")
        if record.type is RecordType.SIGN_OFF and signer_is_author:
            raise ReviewNotAllowed("sign-off of one's own entry")
        if record.type is RecordType.WITHDRAW_SIGN_OFF:
            original = known.get(str(record.body["sign_off"]))
            if original is not None and original.author != record.author:
                raise ReviewNotAllowed("withdrawal")
        if target.author_contact is not None and signer_id not in (None, target.author_contact):
            # A third person on another author's entry: only as forwarded by the author.
            via_contact = None if via is None else _contact_of(ctx, via)
            if via is None or via_contact is None or via_contact.id != target.author_contact:
                raise ReviewNotShared(record.id[:16])
        revision = target.revision
        if revision is None:
            return None
        if revision.content_hash != record.entry.revision_hash:
            raise ReviewRevisionMismatch(record.id[:16])
        if target.author_contact is None and signer_id is not None:
            sent = ctx.shared.get((signer_id, target.entry_id))
            if sent is None or revision.created_ms > sent:
                raise ReviewNotShared(record.id[:16])
        if record.type is RecordType.COMMENT:
            text = ctx.content(target.entry_id, revision).sections.get(str(record.body["section"]))
            start, end = int(str(record.body["start"])), int(str(record.body["end"]))
            if (
                text is None
                or not 0 <= start < end <= len(text)
                or text[start:end] != record.body["quote"]
            ):
                raise ReviewQuoteOutside(record.id[:16])
        return target

    # -- receiving ---------------------------------------------------------------------------
    def receive(self, documents: Sequence[JsonValue], sender: str) -> ReceiveResult:
        """Store the records of a feedback (or journal) bundle signed by ``sender`` (a key
        id): every record checked first (signature, signer, the rules above), then all
        stored in one transaction, or none. Records already held are skipped; records
        about an entry or a revision not held yet are kept and attach when it arrives.

        Raises ``ReviewRecordInvalid``, ``ReviewRecordForged``, ``ReviewSignerUnknown``,
        ``ReviewSignerRevoked``, ``ReviewNotShared``, ``ReviewRevisionMismatch``,
        ``ReviewQuoteOutside``, ``ReviewNotAllowed`` or ``ReviewTooManyRecords``.
        """
        st = self._state()
        with st.write_lock:
            checked = self.check_received(documents, sender)
            return self.store_received(checked)

    def check_received(self, documents: Sequence[JsonValue], sender: str) -> CheckedRecords:
        """Every check of :meth:`receive`, storing nothing: the bundle import runs it
        before its transaction and stores the result inside it
        (:meth:`store_received` with its batch). Call it under the write lock."""
        if len(documents) > MAX_RECEIVE:
            raise ReviewTooManyRecords(limit=MAX_RECEIVE)
        records = [parse(doc) for doc in documents]
        latest = datetime.now(UTC) + MAX_CLOCK_SKEW
        for record in records:
            if record.created_at > latest:
                # A date in the future would win every "latest" (a resolve, a status)
                # for as long as it lasts.
                raise ReviewRecordInvalid(f"record {record.id[:16]}: dated in the future")
        st = self._state()
        with st.write_lock:
            ctx = self._context(st)
            if sender not in ctx.keys:
                raise ReviewSignerUnknown(sender)
            signers: dict[str, Contact | None] = {}
            for record in records:
                signer = self._signer(ctx, record)  # pinned keys looked up once per key
                verify(record, signer.public)  # ReviewRecordForged
                signers[record.id] = signer.contact
            repo = ctx.repo()
            stored_items = repo.for_entries(None)
            stored = {s.record.id: s.record for s in stored_items}
            known = {**stored, **{r.id: r for r in records}}
            rows: list[tuple[str, ReviewRecord, str | None]] = []
            pending = 0
            for record in records:
                target = self._check(ctx, record, signers[record.id], sender, known)
                entry_id = (
                    self._target(ctx, record.entry).entry_id if target is None else target.entry_id
                )
                pending += target is None
                rows.append((entry_id, record, sender))
            already = sum(1 for r in {r.id for r in records} if r in stored)
            held: dict[str, int] = {}
            for item in stored_items:
                held[item.entry_id] = held.get(item.entry_id, 0) + 1
            new_rows = {(e, r.id) for e, r, _via in rows if r.id not in stored}
            for entry_id, _record_id in new_rows:
                held[entry_id] = held.get(entry_id, 0) + 1
            if held and max(held.values()) > MAX_PER_ENTRY:
                raise ReviewTooManyRecords(limit=MAX_PER_ENTRY)
            shown = frozenset(e for e, _, _ in rows if ctx.place(e) is not None)
        return CheckedRecords(tuple(rows), already, pending, shown)

    def store_received(
        self, checked: CheckedRecords, *, batch: ImportBatch | None = None
    ) -> ReceiveResult:
        """Store what :meth:`check_received` passed: in ``batch`` (the import's one
        transaction; the caller then emits the changes) or in a transaction of its own."""
        st = self._state()
        with st.write_lock:
            added = ReviewRecordRepo(st.db, st.cipher).add_many(list(checked.rows), batch=batch)
        if added and batch is None:
            st.emit(Changes(entries=checked.shown))
        log.info("review records received: %d new, %d pending", added, checked.pending)
        entry_ids = tuple(sorted({e for e, _, _ in checked.rows}))
        return ReceiveResult(added, checked.already_held, checked.pending, entry_ids)

    def travelling(
        self, recipients: Sequence[str], entry_ids: Sequence[str] | None = None
    ) -> tuple[list[JsonObject], list[str]]:
        """The records a bundle to ``recipients`` (contact ids) carries, and the entries
        they are about: every record held about an entry shared with one of them (your
        own entry in a journal bundle you sent them) or written by one of them (another
        author's entry goes back to its author). ``entry_ids`` narrows the entries (a
        journal bundle carries the records of its entries). Records that wait for their
        entry are not sent: who may see that entry is not known here."""
        st = self._state()
        ctx = self._context(st)
        wanted = set(recipients)
        out: list[JsonObject] = []
        about: dict[str, None] = {}
        if entry_ids is None:
            grouped = self._by_entry(ctx)
        else:
            grouped = {}
            for item in ctx.repo().for_entries(entry_ids):
                grouped.setdefault(item.entry_id, []).append(item)
        for entry_id, stored in grouped.items():
            place = ctx.place(entry_id)
            if place is None:
                continue
            space, author = place
            if space is Space.OWN:
                shared = entry_ids is not None or any((c, entry_id) in ctx.shared for c in wanted)
            else:
                shared = author in wanted
                if shared and len(wanted) > 1:
                    # Another recipient cannot know the author shared it with you, so she
                    # would refuse the whole bundle: it reaches her through the author.
                    raise FeedbackThroughAuthor(entry_id)
            if not shared:
                continue
            about[entry_id] = None
            out += [s.record.to_json() for s in stored]
        return out, list(about)

    # -- writing your own ------------------------------------------------------------------
    def _held(self, ctx: _Context, entry_id: str) -> tuple[Space, str | None, RevisionRef]:
        place = ctx.place(entry_id)
        if place is None or not ctx.st.entries.exists(entry_id):
            raise EntryNotFound(entry_id)
        head = ctx.st.entries.get(entry_id).head
        revision = next((r for r in ctx.revisions(entry_id) if r.local_id == head.id), None)
        if revision is None:
            raise EntryNotFound(entry_id)
        return place[0], place[1], revision

    @staticmethod
    def _ref(revision: RevisionRef) -> EntryRef:
        return EntryRef(
            revision.author, revision.entry_ref, revision.revision_ref, revision.content_hash
        )

    def _write(
        self, ctx: _Context, entry_id: str, kind: RecordType, ref: EntryRef, body: JsonObject
    ) -> ReviewRecord:
        me: Identity = load_or_create_identity(ctx.st)
        record = sign(me, kind, ref, body, _now())
        # Your own records pass the same rules as received ones (your key is "you").
        self._check(ctx, record, None, None, {})
        ctx.repo().add_many([(entry_id, record, None)])
        ctx.st.emit(Changes(entries=frozenset({entry_id})))
        return record

    def add_comment(
        self,
        entry_id: str,
        section: str,
        text: str,
        *,
        quote: str | None = None,
        start: int | None = None,
        end: int | None = None,
    ) -> ReviewRecord:
        """A comment on a passage of a section of the entry's current version: by
        code-point offsets (``start``/``end``; ``quote`` then must match), or by a
        ``quote`` to find (its first occurrence)."""
        if not text.strip():
            raise InvalidValue("text")
        st = self._state()
        with st.write_lock:
            ctx = self._context(st)
            _space, _author, revision = self._held(ctx, entry_id)
            content = ctx.content(entry_id, revision)
            section_text = content.sections.get(section)
            if section_text is None:
                raise UnknownSection(section, valid=", ".join(content.sections) or "-")
            if start is None or end is None:
                if not quote:
                    raise InvalidValue("quote")
                at = section_text.find(quote)
                if at < 0:
                    raise QuoteNotFound(section)
                start, end = at, at + len(quote)
            try:
                anchor = make_anchor(section, section_text, start, end)
            except ValueError:
                raise QuoteNotFound(section) from None
            if quote is not None and anchor.quote != quote:
                raise QuoteNotFound(section)
            body: JsonObject = {
                "section": section,
                "quote": anchor.quote,
                "start": anchor.start,
                "end": anchor.end,
                "prefix": anchor.prefix,
                "suffix": anchor.suffix,
                "text": text,
            }
            return self._write(ctx, entry_id, RecordType.COMMENT, self._ref(revision), body)

    def _find(self, ctx: _Context, ref: str, kinds: Iterable[RecordType]) -> StoredRecord | None:
        """A stored record by id or by a unique prefix (8 hex digits or more)."""
        ref = ref.strip().lower()
        if len(ref) < 8:
            return None
        wanted = set(kinds)
        found = [
            s
            for s in ctx.repo().for_entries(None)
            if s.record.type in wanted and s.record.id.startswith(ref)
        ]
        return found[0] if len(found) == 1 else None

    def reply(self, parent_id: str, text: str) -> ReviewRecord:
        """A reply in the thread of a comment (or of a reply), on the same version."""
        if not text.strip():
            raise InvalidValue("text")
        st = self._state()
        with st.write_lock:
            ctx = self._context(st)
            parent = self._find(ctx, parent_id, (RecordType.COMMENT, RecordType.REPLY))
            if parent is None:
                raise CommentNotFound(parent_id[:64])
            body: JsonObject = {"parent": parent.record.id, "text": text}
            return self._write(ctx, parent.entry_id, RecordType.REPLY, parent.record.entry, body)

    def resolve(self, comment_id: str, resolved: bool = True) -> ReviewRecord:
        st = self._state()
        with st.write_lock:
            ctx = self._context(st)
            comment = self._find(ctx, comment_id, (RecordType.COMMENT,))
            if comment is None:
                raise CommentNotFound(comment_id[:64])
            body: JsonObject = {
                "comment": comment.record.id,
                "resolved": "yes" if resolved else "no",
            }
            return self._write(
                ctx, comment.entry_id, RecordType.RESOLVE, comment.record.entry, body
            )

    def sign_off(
        self,
        entry_id: str,
        standards: Mapping[str, tuple[Verdict, str]],
        *,
        overall: Verdict | None = None,
        note: str = "",
    ) -> ReviewRecord:
        """Verdicts per standard (codes of the built-in MBE) for the entry's current
        version, bound to its hash; ``overall`` defaults to the lowest verdict given."""
        if not standards:
            raise InvalidValue("standards")
        taxonomy = self._standards()
        order = [Verdict.NOT_YET, Verdict.PARTLY, Verdict.MET]
        body_standards: dict[str, JsonValue] = {}
        for code, (verdict, standard_note) in standards.items():
            canonical = code.strip().upper()
            if taxonomy.standard(canonical) is None:
                raise StandardUnknown(code=code[:32])
            body_standards[canonical] = {"verdict": verdict.value, "note": standard_note}
        chosen = overall or min((v for v, _ in standards.values()), key=order.index)
        st = self._state()
        with st.write_lock:
            ctx = self._context(st)
            space, _author, revision = self._held(ctx, entry_id)
            if space is Space.OWN:
                raise OwnEntrySignOff(entry_id)
            body: JsonObject = {"standards": body_standards, "overall": chosen.value, "note": note}
            try:
                return self._write(ctx, entry_id, RecordType.SIGN_OFF, self._ref(revision), body)
            except ReviewRecordInvalid:
                raise InvalidValue("sign-off") from None

    def withdraw_sign_off(self, sign_off_id: str, reason: str = "") -> ReviewRecord:
        st = self._state()
        with st.write_lock:
            ctx = self._context(st)
            found = self._find(ctx, sign_off_id, (RecordType.SIGN_OFF,))
            if found is None:
                raise SignOffNotFound(sign_off_id[:64])
            if found.record.author != load_or_create_identity(st).public.key_id_hex:
                raise NotYourSignOff(sign_off_id[:64])
            body: JsonObject = {"sign_off": found.record.id, "reason": reason}
            return self._write(
                ctx, found.entry_id, RecordType.WITHDRAW_SIGN_OFF, found.record.entry, body
            )

    def submit(self, entry_id: str, ready: bool = True) -> ReviewRecord:
        """Mark your entry "ready for feedback" (or back to draft); it travels with it."""
        st = self._state()
        with st.write_lock:
            ctx = self._context(st)
            space, _author, revision = self._held(ctx, entry_id)
            if space is not Space.OWN:
                raise NotYourEntry(entry_id)
            status = Status.READY if ready else Status.DRAFT
            body: JsonObject = {"status": status.value}
            return self._write(ctx, entry_id, RecordType.STATUS, self._ref(revision), body)

    # -- reading -----------------------------------------------------------------------------
    def _admitted(
        self, ctx: _Context, stored: Sequence[StoredRecord]
    ) -> tuple[list[ReviewRecord], int]:
        """The records that pass the rules now (those that waited for their version are
        checked as they attach), and how many still wait."""
        known = {s.record.id: s.record for s in stored}
        out: list[ReviewRecord] = []
        waiting = 0
        for item in stored:
            holder = ctx.keys.get(item.record.author)
            try:
                if holder is None:
                    raise ReviewSignerUnknown(item.record.author)
                target = self._check(ctx, item.record, holder[0], item.via, known)
            except ReflectDeskError as err:
                log.warning("a stored review record no longer passes: %s", err.code)
                continue
            if target is None:
                waiting += 1
            else:
                out.append(item.record)
        return out, waiting

    def _review(self, ctx: _Context, entry_id: str) -> tuple[EntryReview, int]:
        records, waiting = self._admitted(ctx, ctx.repo().for_entries([entry_id]))
        folded = fold_entry(records)
        return folded, waiting + len(folded.pending)

    def state(self, entry_id: str, lang: str = "es") -> EntryReviewState:
        """Threads re-anchored on the current version, sign-offs with "changed since",
        the status, and how many records wait for something not held yet."""
        st = self._state()
        ctx = self._context(st)
        _space, _author, head = self._held(ctx, entry_id)
        folded, waiting = self._review(ctx, entry_id)
        seq_of = {r.revision_ref: r.seq for r in ctx.revisions(entry_id)}
        head_text = ctx.content(entry_id, head)
        threads = []
        for thread in folded.threads:
            c = thread.comment
            body = c.body
            anchor = Anchor(
                section=str(body["section"]),
                quote=str(body["quote"]),
                start=int(str(body["start"])),
                end=int(str(body["end"])),
                prefix=str(body["prefix"]),
                suffix=str(body["suffix"]),
            )
            found = locate(anchor, head_text.sections.get(anchor.section, ""))
            threads.append(
                ThreadView(
                    id=c.id,
                    author=c.author,
                    author_name=ctx.name(c.author),
                    created_at=c.created_at,
                    section=anchor.section,
                    quote=anchor.quote,
                    text=str(body["text"]),
                    revision_seq=seq_of.get(c.entry.revision_id),
                    start=None if found is None else found[0],
                    end=None if found is None else found[1],
                    resolved=thread.resolved,
                    replies=tuple(
                        ReplyView(
                            r.id, r.author, ctx.name(r.author), r.created_at, str(r.body["text"])
                        )
                        for r in thread.replies
                    ),
                )
            )
        taxonomy = self._standards()
        sign_offs = []
        for view in folded.sign_offs:
            r = view.record
            raw = r.body["standards"]
            assert isinstance(raw, dict)
            verdicts = []
            for code in sorted(
                raw, key=lambda c: (taxonomy.codes().index(c) if c in taxonomy.codes() else 99, c)
            ):
                item = raw[code]
                assert isinstance(item, dict)
                verdicts.append(
                    StandardVerdict(
                        code,
                        taxonomy.label(code, lang),
                        Verdict(str(item["verdict"])),
                        str(item["note"]),
                    )
                )
            sign_offs.append(
                SignOffView(
                    id=r.id,
                    author=r.author,
                    author_name=ctx.name(r.author),
                    created_at=r.created_at,
                    revision_seq=seq_of.get(r.entry.revision_id),
                    changed_since=r.entry.revision_id != head.revision_ref,
                    standards=tuple(verdicts),
                    overall=Verdict(str(r.body["overall"])),
                    note=str(r.body["note"]),
                    withdrawn=view.withdrawn_by is not None,
                )
            )
        return EntryReviewState(
            entry_id=entry_id,
            status=folded.status,
            head_seq=head.seq,
            threads=tuple(threads),
            sign_offs=tuple(sign_offs),
            pending=waiting,
        )

    def records(self, entry_ids: Sequence[str] | None = None) -> list[JsonObject]:
        """The records held about ``entry_ids`` (all when None) as they travel: what a
        feedback bundle carries (records that still wait travel too: the receiver may
        hold their entry)."""
        st = self._state()
        repo = ReviewRecordRepo(st.db, st.cipher)
        return [s.record.to_json() for s in repo.for_entries(entry_ids)]

    def _by_entry(self, ctx: _Context) -> dict[str, list[StoredRecord]]:
        grouped: dict[str, list[StoredRecord]] = {}
        for item in ctx.repo().for_entries(None):
            grouped.setdefault(item.entry_id, []).append(item)
        return grouped

    def queue(self) -> list[QueueItem]:
        """Per student, her entries marked ready that wait for your feedback (nothing
        from you since she marked it) or your sign-off (none on its current version)."""
        st = self._state()
        ctx = self._context(st)
        me = load_or_create_identity(st).public.key_id_hex
        names = {c.id: c.name for c in ctx.contacts}
        out: list[QueueItem] = []
        for entry_id, stored in self._by_entry(ctx).items():
            place = ctx.place(entry_id)
            if place is None or place[0] is not Space.RECEIVED or place[1] is None:
                continue
            if not st.entries.exists(entry_id):
                continue
            records, _ = self._admitted(ctx, stored)
            folded = fold_entry(records)
            if folded.status is not Status.READY:
                continue
            ready_at = max(
                r.created_at
                for r in records
                if r.type is RecordType.STATUS and r.author == r.entry.author
            )
            head = st.entries.get(entry_id).head
            head_ref = next(r for r in ctx.revisions(entry_id) if r.local_id == head.id)
            feedback = any(
                r.author == me
                and r.type in (RecordType.COMMENT, RecordType.REPLY)
                and r.created_at >= ready_at
                for r in records
            )
            signed = any(
                s.record.author == me
                and s.withdrawn_by is None
                and s.record.entry.revision_id == head_ref.revision_ref
                for s in folded.sign_offs
            )
            if feedback and signed:
                continue
            out.append(
                QueueItem(
                    contact_id=place[1],
                    student=names.get(place[1], ""),
                    entry_id=entry_id,
                    title=head.content.title,
                    waiting_feedback=not feedback,
                    waiting_sign_off=not signed,
                )
            )
        return sorted(out, key=lambda q: (q.student.casefold(), q.title.casefold(), q.entry_id))

    def export_portfolio(
        self,
        dest: Path,
        *,
        entry_ids: Sequence[str] = (),
        journal_id: str | None = None,
        fmt: str = "html",
        lang: str = "es",
    ) -> int:
        """Write the entries (and every entry of ``journal_id``, oldest first) with their
        comments as numbered footnotes and their sign-off tables to ``dest``, atomically
        (a plaintext file the user asked for, owner-only). Returns how many entries."""
        if fmt not in ("html", "md"):
            raise InvalidValue("format")
        st = self._state()
        ids = list(dict.fromkeys(entry_ids))
        title = ""
        if journal_id is not None:
            journal = st.journals.get(journal_id)
            title = journal.title
            summaries = st.index.summaries(SearchFilters(journal_id=journal.id), "date", False)
            ids += [s.id for s in summaries if s.id not in ids]
        if not ids:
            raise InvalidValue("entries")
        entries = []
        for entry_id in ids:
            entry = st.entries.get(entry_id)
            rendered = st.templates.render(entry.content, lang, "html" if fmt == "html" else "md")
            entries.append(portfolio_entry(rendered, self.state(entry_id, lang)))
        text = (
            portfolio_html(title, entries, lang)
            if fmt == "html"
            else portfolio_markdown(title, entries, lang)
        )
        atomic_write(dest, text.encode("utf-8"), mode=0o600, error=FileUnwritable)
        log.info("portfolio exported: %d entries", len(entries))
        return len(entries)

    def triad(self) -> list[TriadRow]:
        """Per student whose entries you received: entries, how many are ready, the
        feedback given on them (by anyone but her), and the standards signed off "met"."""
        st = self._state()
        ctx = self._context(st)
        grouped = self._by_entry(ctx)
        rows: list[TriadRow] = []
        for journal in st.journals.list(Space.RECEIVED):
            contact_id = journal.author_contact_id
            if contact_id is None:
                continue
            summaries = st.index.summaries(SearchFilters(journal_id=journal.id), "date", False)
            ready = feedback = 0
            met: set[str] = set()
            for summary in summaries:
                records, _ = self._admitted(ctx, grouped.get(summary.id, []))
                folded = fold_entry(records)
                ready += folded.status is Status.READY
                for r in records:
                    if r.type not in (RecordType.COMMENT, RecordType.REPLY):
                        continue
                    holder = _contact_of(ctx, r.author)  # None: you
                    feedback += holder is None or holder.id != contact_id
                for view in folded.signed_off:
                    raw = view.record.body["standards"]
                    assert isinstance(raw, dict)
                    met.update(
                        c
                        for c, v in raw.items()
                        if isinstance(v, dict) and v.get("verdict") == "met"
                    )
            name = next((c.name for c in ctx.contacts if c.id == contact_id), "")
            rows.append(
                TriadRow(contact_id, name, len(summaries), ready, feedback, tuple(sorted(met)))
            )
        return sorted(rows, key=lambda r: (r.student.casefold(), r.contact_id))


def _date(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d")


def portfolio_entry(rendered: str, state: EntryReviewState) -> PortfolioEntry:
    """An entry's rendering with its threads as footnotes and its standing sign-offs."""
    return PortfolioEntry(
        rendered=rendered,
        footnotes=tuple(
            Footnote(
                section=t.section,
                quote=t.quote,
                text=t.text,
                author=t.author_name,
                date=_date(t.created_at),
                on_earlier_version=t.on_earlier_version,
                resolved=t.resolved,
                replies=tuple(
                    FootnoteReply(r.author_name, _date(r.created_at), r.text) for r in t.replies
                ),
            )
            for t in state.threads
        ),
        sign_offs=tuple(
            SignOffTable(
                author=s.author_name,
                key_id=s.author,
                date=_date(s.created_at),
                version=s.revision_seq,
                changed_since=s.changed_since,
                overall=s.overall.value,
                note=s.note,
                rows=tuple(
                    SignOffRow(v.code, v.title, v.verdict.value, v.note) for v in s.standards
                ),
            )
            for s in state.sign_offs
            if not s.withdrawn
        ),
    )
