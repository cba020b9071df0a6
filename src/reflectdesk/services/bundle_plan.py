"""What importing an opened bundle would do, checked against the vault; stores nothing.

:func:`plan` takes the typed :class:`~reflectdesk.bundles.OpenedBundle` (every bundle
check already passed) and decides, with the vault's own records only: who the author is
here (a contact, you, or someone new), the ids the entries, revisions and attachments
take in this vault (scoped by author, :mod:`reflectdesk.storage.local_ids`), which
revisions and attachments are new, which authors a revision may claim, and the consent
withdrawals. Any clash with what the vault holds is refused here, before anything is
written (``BundleForeignEntry``, ``BundleIdConflict``, ``BundleRevisionAuthorMismatch``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime

from reflectdesk.bundles import (
    BundledEntry,
    Card,
    JournalTitle,
    OpenedBundle,
    RecordType,
    entry_path,
    journal_titles,
    record_path,
)
from reflectdesk.bundles.canonical import JsonObject
from reflectdesk.domain.model import (
    AuthorStatus,
    Consent,
    Contact,
    EntryImportStatus,
    Revision,
    Space,
)
from reflectdesk.errors import (
    BundleForeignEntry,
    BundleIdConflict,
    BundleRevisionAuthorMismatch,
    BundleSchemaInvalid,
)
from reflectdesk.ids import uuid7
from reflectdesk.services.batch_ahead import NOTHING, Ahead
from reflectdesk.services.bundle_common import WITHDRAW_BODY
from reflectdesk.services.contacts import ContactService
from reflectdesk.services.unlocked_state import UnlockedState
from reflectdesk.storage.consents import NewConsent
from reflectdesk.storage.entries import EntryLocation
from reflectdesk.storage.entry_import import SealedRevision
from reflectdesk.storage.local_ids import IdScope


def _ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


@dataclass(frozen=True, slots=True)
class AttachmentPlan:
    entry_id: str  # this vault's ids (scoped by author, see storage/local_ids.py)
    attachment_id: str
    source_id: str  # the id in the bundle
    filename: str
    media_type: str
    size: int
    sha256: str
    created_ms: int


@dataclass(slots=True)
class EntryPlan:
    entry_id: str  # this vault's id: the bundle's, scoped by author
    source_id: str  # the id in the bundle
    journal_id: str  # the author's journal id (used for your own bundles)
    created_ms: int
    updated_ms: int
    revisions: tuple[Revision, ...]  # all in the bundle, under this vault's ids
    sources: dict[str, str]  # this vault's revision id -> the bundle's
    new_revisions: tuple[Revision, ...]
    status: EntryImportStatus
    consent: Consent
    attachments: list[AttachmentPlan] = field(default_factory=list)
    carried_attachments: int = 0
    held_journal: str | None = None  # the journal it is in here, when held

    @property
    def newest(self) -> Revision:
        return max(self.revisions, key=lambda r: (r.seq, r.id))


@dataclass(slots=True)
class ImportPlan:
    opened: OpenedBundle
    contact: Contact | None
    scope: IdScope  # the author's ids in this vault
    new_contact_id: str | None  # the id an unknown sender's contact will take
    sender_card: Card | None
    entries: list[EntryPlan]
    withdrawals: list[tuple[str, datetime]]  # (entry id, stated at)
    reviews: list[JsonObject]  # the signed review records the ``feedback`` records carry
    skipped_records: int
    omitted_attachments: int
    already_imported: bool
    # Revision rows sealed ahead by a batch's opening side (services/batch_ahead.py):
    # local entry id -> revision id -> row; used by the import where they match.
    sealed: Mapping[str, Mapping[str, SealedRevision]] = field(default_factory=dict)
    consent_rows: Mapping[NewConsent, dict[str, object]] = field(default_factory=dict)
    # The titles of the author's journals the bundle names, by her journal ids.
    titles: dict[str, JournalTitle] = field(default_factory=dict)

    @property
    def status(self) -> AuthorStatus:
        return self.opened.author_status


def plan(
    st: UnlockedState,
    contacts: ContactService,
    opened: OpenedBundle,
    new_contact_id: str | None = None,
    ahead: Ahead = NOTHING,
) -> ImportPlan:
    """Everything the import of ``opened`` would do; stores nothing. Call it under the
    write lock: the plan is only true while nothing else writes. ``ahead``: ids and
    rows a batch computed on its opening side (used where they are what the plan and
    the import would compute)."""
    manifest = opened.manifest
    contact: Contact | None = None
    if opened.author_status in (AuthorStatus.KNOWN, AuthorStatus.VERIFIED):
        assert opened.pinned is not None and opened.pinned.contact_id is not None
        contact = st.contacts.get(opened.pinned.contact_id)
    sender_card = opened.sender_card
    unknown = opened.author_status is AuthorStatus.UNKNOWN
    if unknown and sender_card is not None:
        contacts.check_new_sender(sender_card)  # it would become a contact
    new_contact_id = (new_contact_id or uuid7()) if unknown else None
    if opened.author_status is AuthorStatus.SELF:
        scope = IdScope(st.cipher, None)
    else:
        scope = IdScope(st.cipher, contact.id if contact is not None else new_contact_id, ahead.ids)
    entries = _plan_entries(st, opened, contact, scope)
    omitted = _plan_attachments(st, opened, entries, scope)
    withdrawals, reviews, skipped = _plan_records(st, opened, contact, scope)
    return ImportPlan(
        opened=opened,
        contact=contact,
        scope=scope,
        new_contact_id=new_contact_id,
        sender_card=sender_card,
        entries=entries,
        withdrawals=withdrawals,
        reviews=reviews,
        skipped_records=skipped,
        omitted_attachments=omitted,
        already_imported=st.bundle_log.imported(manifest.bundle_id, manifest.author.key_id_hex),
        sealed=ahead.sealed,
        consent_rows=ahead.consents,
        titles=journal_titles(opened.records),
    )


def _belongs_to_author(
    where: EntryLocation | None, opened: OpenedBundle, contact: Contact | None
) -> bool:
    """Whether an entry held here (``None``: not held) is the bundle author's to update:
    your own for your own bundle, else in the received journal of that contact."""
    if where is None:
        return True
    if opened.author_status is AuthorStatus.SELF:
        return where.space is Space.OWN
    return (
        contact is not None
        and where.space is Space.RECEIVED
        and where.author_contact_id == contact.id
    )


def _author_check(
    st: UnlockedState, opened: OpenedBundle, contact: Contact | None
) -> Callable[[str, Revision], Revision]:
    """What a revision's ``author`` may be: the bundle's signer is the only verified fact.

    A revision may name the signer, or an earlier key of the same person: yours (your
    own bundle; retired keys stay "you") or one of the contact's rotation chain (sealed
    in her record). A revision claiming a key this vault knows as someone else's (yours,
    or another contact's) is refused. Any other claim is not believed: the revision is
    stored with the signer as its author, never the claim."""
    signer = opened.manifest.author.key_id_hex
    self_bundle = opened.author_status is AuthorStatus.SELF
    same_person = set(st.own_authors) if self_bundle else set()
    if contact is not None:
        same_person |= {link.key_id for link in contact.chain} | {contact.card.key_id}

    @functools.cache
    def others() -> frozenset[str]:
        """Every key this vault knows as someone else's: read only when a revision
        claims an author other than the signer (every contact is opened; a batch of
        500 bundles from 500 contacts would otherwise open them 500 times)."""
        found = set() if self_bundle else set(st.own_authors)
        for c in st.contacts.list():
            if contact is None or c.id != contact.id:
                found |= {link.key_id for link in c.chain} | {c.card.key_id}
        return frozenset(found - same_person - {signer})

    def check(source_id: str, rev: Revision) -> Revision:
        if rev.author == signer or rev.author in same_person:
            return rev
        if self_bundle or rev.author in others():
            raise BundleRevisionAuthorMismatch(f"{entry_path(source_id)}:{rev.id}")
        return replace(rev, author=signer)

    return check


def _entry_plan(
    entry: BundledEntry, scope: IdScope, bundled: tuple[Revision, ...], consent: Consent
) -> EntryPlan:
    """The entry under this vault's ids: another author's ids never meet this author's."""
    entry_id = scope.entry(entry.id)
    local: dict[str, str] = {}  # each revision id hashed once, as itself and as a parent

    def rev_id(external: str) -> str:
        found = local.get(external)
        if found is None:
            found = local[external] = scope.revision(entry_id, external)
        return found

    revisions = tuple(
        replace(
            rev,
            id=rev_id(rev.id),
            entry_id=entry_id,
            parent_ids=tuple(rev_id(p) for p in rev.parent_ids),
        )
        for rev in bundled
    )
    return EntryPlan(
        entry_id=entry_id,
        source_id=entry.id,
        journal_id=entry.journal_id,
        created_ms=_ms(entry.created_at),
        updated_ms=_ms(entry.updated_at),
        revisions=revisions,
        sources={local.id: rev.id for local, rev in zip(revisions, bundled, strict=True)},
        new_revisions=(),
        status=EntryImportStatus.NEW,
        consent=consent,
    )


def _plan_entries(
    st: UnlockedState, opened: OpenedBundle, contact: Contact | None, scope: IdScope
) -> list[EntryPlan]:
    """Entries and revisions as the vault will hold them; who owns the ones held."""
    entries: list[EntryPlan] = []
    all_revisions: dict[str, str] = {}
    check_author = _author_check(st, opened, contact)
    for source_id, entry in opened.entries.items():
        bundled = tuple(check_author(source_id, rev) for rev in entry.revisions)
        for rev in bundled:
            if all_revisions.setdefault(rev.id, source_id) != source_id:
                raise BundleSchemaInvalid(f"{entry_path(source_id)}: revision id reused")
        consent = opened.manifest.consent_for(source_id)
        entries.append(_entry_plan(entry, scope, bundled, consent))
    locations = st.entries.locations([e.entry_id for e in entries])
    for p in entries:
        where = locations.get(p.entry_id)
        if not _belongs_to_author(where, opened, contact):
            raise BundleForeignEntry(p.entry_id)
        p.held_journal = where.journal_id if where is not None else None
    stored = st.entries.stored_revisions([r.id for p in entries for r in p.revisions])
    for p in entries:
        fresh = []
        for rev in p.revisions:
            held = stored.get(rev.id)
            if held is None:
                fresh.append(rev)
            elif held.entry_id != p.entry_id or held.content_hash != rev.content_hash:
                raise BundleIdConflict(rev.id)
        p.new_revisions = tuple(fresh)
        if p.entry_id in locations:
            p.status = EntryImportStatus.UPDATED if fresh else EntryImportStatus.UNCHANGED
    return entries


def _plan_attachments(
    st: UnlockedState, opened: OpenedBundle, entries: list[EntryPlan], scope: IdScope
) -> int:
    """The attachments carried and listed by their entry; returns how many were not
    carried (an export without attachments)."""
    omitted = 0
    claimed: dict[str, str] = {}
    for p in entries:
        for ref in opened.entries[p.source_id].attachments:
            if claimed.setdefault(ref.id, p.entry_id) != p.entry_id:
                raise BundleSchemaInvalid(f"attachments/{ref.id}: listed by two entries")
            if ref.id not in opened.attachments:
                omitted += 1
                continue
            p.carried_attachments += 1
            p.attachments.append(
                AttachmentPlan(
                    entry_id=p.entry_id,
                    attachment_id=scope.attachment(p.entry_id, ref.id),
                    source_id=ref.id,
                    filename=ref.filename,
                    media_type=ref.media_type,
                    size=ref.size,
                    sha256=ref.sha256,
                    created_ms=_ms(ref.created_at),
                )
            )
    owners = st.entries.attachment_owners([a.attachment_id for p in entries for a in p.attachments])
    for p in entries:
        for att in p.attachments:
            owner = owners.get(att.attachment_id)
            if owner is not None and owner != p.entry_id:
                raise BundleIdConflict(att.attachment_id)
        p.attachments = [a for a in p.attachments if a.attachment_id not in owners]
        if p.attachments and p.status is EntryImportStatus.UNCHANGED:
            p.status = EntryImportStatus.UPDATED
    return omitted


def _plan_records(
    st: UnlockedState, opened: OpenedBundle, contact: Contact | None, scope: IdScope
) -> tuple[list[tuple[str, datetime]], list[JsonObject], int]:
    """Consent withdrawals (entry id, stated at), the review records carried by
    ``feedback`` records (checked by the review service), and how many records are
    skipped: types this version does not import (bare ``comment``/``sign-off``,
    ``template``), and review records from a sender who is not a contact yet (her next
    bundle carries them again: a journal bundle carries all of its entries' records)."""
    withdrawals: list[tuple[str, datetime]] = []
    reviews: list[JsonObject] = []
    skipped = 0
    unknown = opened.author_status is AuthorStatus.UNKNOWN
    for record_id, record in sorted(opened.records.items()):
        if record.type is RecordType.FEEDBACK and not unknown:
            reviews.append(dict(record.body))
            continue
        if record.type is RecordType.JOURNAL:
            continue  # a journal's title: ImportPlan.titles
        if record.type is not RecordType.CONSENT_WITHDRAWAL:
            skipped += 1
            continue
        if dict(record.body) != dict(WITHDRAW_BODY):
            raise BundleSchemaInvalid(f"{record_path(record_id)}:$.body: not a withdrawal")
        refs = [scope.entry(r) for r in record.refs]
        places = st.entries.locations(refs)
        for entry_id in refs:
            # Not held yet is fine: the entries may arrive later (any order).
            if not _belongs_to_author(places.get(entry_id), opened, contact):
                raise BundleForeignEntry(entry_id)
            withdrawals.append((entry_id, record.created_at))
    return withdrawals, reviews, skipped
