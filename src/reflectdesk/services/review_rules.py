"""The rules of the mentor review, shared by writing, reading and receiving: who is who
(the context read once per call), and whether a record may stand.

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
  a third contact in a bundle the author herself sent (she forwards the feedback she
  accepted under the rule above), or a third contact C whom the author **listed**: a
  bundle signed by the author that you imported listed C among its recipients (key id
  and age key; the manifest's signature covers the list) and carried that entry with
  the revision the record names, or with a later one (the named revision is one it
  carried or no newer, by the author's time, than the newest it carried: the mirror of
  "existed when the bundle was made" above). Whoever delivers such a record (C herself,
  or another co-recipient) does not matter: it is signed by C. A record on an entry or
  a revision not held yet waits and is checked when it attaches.

Signed by anyone else, changed, moved to another entry or revision, quoting text that is
not in the revision it names, a withdrawal of another person's sign-off, a status set by
someone other than the entry's author, or a sign-off by the entry's author: refused with
a specific error, nothing stored. A record about an entry or revision not held here is
kept and attaches when the entry arrives.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from reflectdesk.bundles import PinnedKey
from reflectdesk.bundles.keys import PublicIdentity
from reflectdesk.domain.model import Contact, EntryContent, Space
from reflectdesk.errors import (
    EntryNotFound,
    ReflectDeskError,
    ReviewNotAllowed,
    ReviewNotShared,
    ReviewQuoteOutside,
    ReviewRevisionMismatch,
    ReviewSignerRevoked,
    ReviewSignerUnknown,
)
from reflectdesk.review.records import EntryRef, RecordType, ReviewRecord
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
from reflectdesk.storage.bundle_log import OUT, Listing
from reflectdesk.storage.local_ids import IdScope
from reflectdesk.storage.review_records import ReviewRecordRepo, RevisionRef, StoredRecord

log = logging.getLogger(__name__)


_JOURNAL_KIND = "journal"


def _ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


# --- who is who -----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Signer:
    public: PublicIdentity
    contact: Contact | None  # None: one of your own keys


@dataclass
class ReviewContext:
    """What the rules need, read once per call."""

    st: UnlockedState
    contacts: list[Contact]
    keys: dict[str, tuple[Contact | None, PublicIdentity]]  # key id -> holder, public key
    shared: dict[tuple[str, str], int] = field(default_factory=dict)  # (contact, entry) -> ms
    pinned: dict[bytes, PinnedKey | None] = field(default_factory=dict)
    _revisions: dict[str, list[RevisionRef]] = field(default_factory=dict)
    _places: dict[str, tuple[Space, str | None] | None] = field(default_factory=dict)
    _texts: dict[tuple[str, str], EntryContent] = field(default_factory=dict)
    # (author contact, entry) -> per received bundle that carried it: the contacts it
    # listed and the revisions it carried (read when first needed)
    _listed: dict[tuple[str, str], list[tuple[frozenset[str], frozenset[str]]]] | None = None

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

    def listed(self, author: str, contacts: frozenset[str], entry_id: str) -> set[str]:
        """The revisions of ``entry_id`` (this vault's ids) carried by the bundles signed
        by ``author`` (a contact id) that listed every one of ``contacts`` (contact ids)
        among their recipients; empty if none did. A listed key counts only with the age
        key it is pinned with here (any key of the contact's rotation chain)."""
        if self._listed is None:
            self._listed = {}
            listings: list[Listing] = self.st.bundle_log.listings()
            for listing in listings:
                who: set[str] = set()
                for key_id, age in listing.recipients:
                    holder = self.keys.get(key_id)
                    # The key id with the age key she holds, or it lists nobody of hers.
                    if (
                        holder is not None
                        and holder[0] is not None
                        and holder[1].age_recipient == age
                    ):
                        who.add(holder[0].id)
                for entry, revisions in listing.revisions.items():
                    key = (listing.author_contact_id, entry)
                    self._listed.setdefault(key, []).append((frozenset(who), revisions))
        out: set[str] = set()
        for listed, revisions in self._listed.get((author, entry_id), ()):
            if contacts <= listed:
                out.update(revisions)
        return out

    def name(self, key_id: str) -> str:
        holder = self.keys.get(key_id)
        if holder is None:
            return key_id
        contact = holder[0]
        return contact.name if contact is not None else self.st.profile.get().name


def contact_of(ctx: ReviewContext, key_id: str) -> Contact | None:
    holder = ctx.keys.get(key_id)
    return holder[0] if holder is not None else None


def _within(ctx: ReviewContext, entry_id: str, revision: RevisionRef, carried: set[str]) -> bool:
    """Whether ``revision`` is one of ``carried`` or no newer (the author's time) than
    the newest of them: it existed when the author sent the entry."""
    if revision.local_id in carried:
        return True
    times = [r.created_ms for r in ctx.revisions(entry_id) if r.local_id in carried]
    return bool(times) and revision.created_ms <= max(times)


@dataclass(frozen=True, slots=True)
class Target:
    entry_id: str  # this vault's id (held or not)
    author_contact: str | None  # None: your own entry
    revision: RevisionRef | None  # the named revision, when held


class ReviewRules:
    """The context and the rules every part of the review service applies
    (:class:`~reflectdesk.services.review.ReviewService`)."""

    def __init__(self, state: Callable[[], UnlockedState], contacts: ContactService) -> None:
        self._state = state
        self._contacts = contacts
        self._taxonomy: Taxonomy | None = None

    def _context(self, st: UnlockedState) -> ReviewContext:
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
        ctx = ReviewContext(st, contacts, keys)
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

    def _target(self, ctx: ReviewContext, ref: EntryRef) -> Target:
        st = ctx.st
        if ref.author in st.own_authors:
            entry_id, author_contact = ref.entry_id, None
        else:
            contact = contact_of(ctx, ref.author)
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
        return Target(entry_id, author_contact, revision)

    def _signer(self, ctx: ReviewContext, record: ReviewRecord) -> Signer:
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
        return Signer(public, contact)

    # -- the rules ---------------------------------------------------------------------------
    def _check(
        self,
        ctx: ReviewContext,
        record: ReviewRecord,
        signer: Contact | None,
        via: str | None,
        known: Mapping[str, ReviewRecord],
    ) -> Target | None:
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
        listed_by_author: str | None = None  # a third person's record, not forwarded
        if target.author_contact is not None and signer_id not in (None, target.author_contact):
            # A third person on another author's entry: forwarded by the author, or
            # listed by her as a recipient of the entry (checked below, on the revision).
            via_contact = None if via is None else contact_of(ctx, via)
            if via_contact is None or via_contact.id != target.author_contact:
                listed_by_author = target.author_contact
        revision = target.revision
        if revision is None:
            return None
        if revision.content_hash != record.entry.revision_hash:
            raise ReviewRevisionMismatch(record.id[:16])
        if listed_by_author is not None:
            assert signer_id is not None
            carried = ctx.listed(listed_by_author, frozenset([signer_id]), target.entry_id)
            if not _within(ctx, target.entry_id, revision, carried):
                raise ReviewNotShared(record.id[:16])
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

    def _admitted(
        self, ctx: ReviewContext, stored: Sequence[StoredRecord]
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

    def _review(self, ctx: ReviewContext, entry_id: str) -> tuple[EntryReview, int]:
        records, waiting = self._admitted(ctx, ctx.repo().for_entries([entry_id]))
        folded = fold_entry(records)
        return folded, waiting + len(folded.pending)

    def _held(self, ctx: ReviewContext, entry_id: str) -> tuple[Space, str | None, RevisionRef]:
        place = ctx.place(entry_id)
        if place is None or not ctx.st.entries.exists(entry_id):
            raise EntryNotFound(entry_id)
        head = ctx.st.entries.get(entry_id).head
        revision = next((r for r in ctx.revisions(entry_id) if r.local_id == head.id), None)
        if revision is None:
            raise EntryNotFound(entry_id)
        return place[0], place[1], revision

    def _by_entry(self, ctx: ReviewContext) -> dict[str, list[StoredRecord]]:
        grouped: dict[str, list[StoredRecord]] = {}
        for item in ctx.repo().for_entries(None):
            grouped.setdefault(item.entry_id, []).append(item)
        return grouped

    def _acceptable(
        self,
        ctx: ReviewContext,
        entry_id: str,
        records: Sequence[ReviewRecord],
        recipient: str,
    ) -> list[ReviewRecord]:
        """Of ``records`` (about ``entry_id``, held here and passing the rules here),
        those ``recipient`` (a contact id) would accept from you under the same rules
        (docs/review.md, "The feedback bundle"): every one on your own entry you sent her
        in a journal bundle, and on her own entry; on a third author's entry she too was
        listed on, the author's, hers, and those of a signer listed with her in one bundle
        of the author's (you: every bundle you hold lists you), on a revision it carried
        or an older one. Nothing otherwise."""
        place = ctx.place(entry_id)
        if place is None:
            return []
        space, author = place
        if space is Space.OWN:
            return list(records) if (recipient, entry_id) in ctx.shared else []
        if author is None or author == recipient:
            return list(records) if author == recipient else []
        if not ctx.listed(author, frozenset([recipient]), entry_id):
            return []  # she never got the entry from its author (not with you)
        by_ref = {r.revision_ref: r for r in ctx.revisions(entry_id)}
        out: list[ReviewRecord] = []
        for record in records:
            signer = contact_of(ctx, record.author)
            signer_id = None if signer is None else signer.id
            if signer_id in (author, recipient):
                out.append(record)
                continue
            revision = by_ref.get(record.entry.revision_id)
            together = frozenset({recipient} if signer_id is None else {recipient, signer_id})
            carried = ctx.listed(author, together, entry_id)
            if revision is not None and _within(ctx, entry_id, revision, carried):
                out.append(record)
        return out
