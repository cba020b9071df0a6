"""The domain vocabulary: plain, frozen, Qt-free and ORM-free."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import Any


class Role(StrEnum):
    STUDENT = "student"
    MENTOR = "mentor"
    EDUCATOR = "educator"


class Space(StrEnum):
    OWN = "own"
    RECEIVED = "received"


class Consent(StrEnum):
    """What the recipients of an entry may do with it (chosen per bundle and per entry)."""

    READ = "read"  # may be read by the recipients, nothing more
    RESEARCH = "research"  # may be used in case studies / research
    RESEARCH_PSEUDONYMISED = "research-pseudonymised"  # only after pseudonymisation


class AuthorStatus(StrEnum):
    """Who signed a bundle, as far as this vault knows."""

    SELF = "self"  # signed by the reader's own key
    VERIFIED = "verified"  # a pinned contact whose safety number was compared
    KNOWN = "known"  # a pinned contact, not (yet) verified
    UNKNOWN = "unknown"  # no pinned key: preview only, the service decides


def now_ms() -> int:
    return int(datetime.now(UTC).timestamp() * 1000)


def ms_to_datetime(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, tz=UTC)


@dataclass(frozen=True, slots=True)
class Profile:
    id: str
    name: str
    role: Role
    lang: str
    institution: str
    created_at: datetime


def _frozen_sections(sections: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(sections))


@dataclass(frozen=True, slots=True)
class EntryContent:
    """What a person writes in one revision of an entry."""

    title: str = ""
    sections: Mapping[str, str] = field(default_factory=dict)
    tags: tuple[str, ...] = ()
    standards: tuple[str, ...] = ()
    event_date: date | None = None
    template_id: str = "free"
    template_version: int = 1

    def __post_init__(self) -> None:
        object.__setattr__(self, "sections", _frozen_sections(self.sections))

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "sections": [[k, v] for k, v in self.sections.items()],
            "tags": list(self.tags),
            "standards": list(self.standards),
            "event_date": self.event_date.isoformat() if self.event_date else None,
            "template_id": self.template_id,
            "template_version": self.template_version,
        }

    @classmethod
    def from_json(cls, doc: Mapping[str, Any]) -> EntryContent:
        event = doc.get("event_date")
        return cls(
            title=str(doc.get("title", "")),
            sections={str(k): str(v) for k, v in doc.get("sections", [])},
            tags=tuple(str(t) for t in doc.get("tags", [])),
            standards=tuple(str(s) for s in doc.get("standards", [])),
            event_date=date.fromisoformat(event) if event else None,
            template_id=str(doc.get("template_id", "free")),
            template_version=int(doc.get("template_version", 1)),
        )

    def content_hash(self) -> str:
        canonical = json.dumps(
            self.to_json(), sort_keys=True, separators=(",", ":"), ensure_ascii=False
        )
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    @property
    def body_text(self) -> str:
        return "\n\n".join(v for v in self.sections.values() if v)

    def word_count(self) -> int:
        return len(self.body_text.split())


@dataclass(frozen=True, slots=True)
class Revision:
    id: str
    entry_id: str
    seq: int
    parent_ids: tuple[str, ...]
    author: str
    created_at: datetime
    content_hash: str
    content: EntryContent
    # When the editing session this revision holds began (sealed; docs/history.md):
    # ``created_at`` is its last save. None for revisions not written in a session
    # (the CLI, a restore, a merge, one received). Not in the repr: the migration
    # fixtures (tests/fixtures/vault-v2) compare reprs written by older releases.
    started_at: datetime | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class AttachmentInfo:
    id: str
    entry_id: str
    filename: str
    media_type: str
    size: int
    sha256: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    journal_id: str
    created_at: datetime
    updated_at: datetime
    head: Revision
    attachments: tuple[AttachmentInfo, ...] = ()

    @property
    def content(self) -> EntryContent:
        return self.head.content


@dataclass(frozen=True, slots=True)
class EntrySummary:
    """A row of the entry list: enough to show and sort, no body text."""

    id: str
    journal_id: str
    title: str
    template_id: str
    tags: tuple[str, ...]
    standards: tuple[str, ...]
    event_date: date | None
    created_at: datetime
    updated_at: datetime
    revision_count: int = 1


@dataclass(frozen=True, slots=True)
class Journal:
    id: str
    title: str
    description: str
    space: Space
    author_contact_id: str | None
    created_at: datetime
    updated_at: datetime
    # The template a new entry of this journal starts with ("" = ask each time); sealed
    # with the title (issue 16.8).
    # Kept out of repr: the migration fixtures compare reprs written by older releases.
    default_template: str = field(default="", repr=False)


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    id: str
    kind: str
    name: str
    version: int
    created_at: datetime


@dataclass(frozen=True, slots=True)
class SearchFilters:
    journal_id: str | None = None
    tag: str | None = None
    template_id: str | None = None
    standard: str | None = None
    date_from: date | None = None
    date_to: date | None = None


@dataclass(frozen=True, slots=True)
class SearchHit:
    entry_id: str
    journal_id: str
    title: str
    snippet: str  # highlighted with \x02 … \x03 around matches
    rank: float
    event_date: date | None
    template_id: str


HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"


@dataclass(frozen=True, slots=True)
class Changes:
    """What a mutation changed, so views refresh precisely (Anki's OpChanges)."""

    journals: frozenset[str] = frozenset()
    entries: frozenset[str] = frozenset()
    attachments: frozenset[str] = frozenset()
    documents: frozenset[str] = frozenset()
    contacts: frozenset[str] = frozenset()
    profile: bool = False
    locked: bool = False
    cohorts: frozenset[str] = frozenset()  # issue 14
    case_studies: frozenset[str] = frozenset()  # issue 15


# --- identities, contacts and bundles -----------------------------------------------------
@dataclass(frozen=True, slots=True)
class IdentityInfo:
    """The public half of this profile's key pair (what a contact card carries)."""

    key_id: str  # 16 lowercase hex digits
    age_recipient: str  # "age1…"
    signing_key: str  # Ed25519 public key, standard base64
    minisign_key_id: str  # how ``minisign`` prints the key id
    created_at: datetime


@dataclass(frozen=True, slots=True)
class KeyRotation:
    """A new key pair (``IdentityService.rotate``): its card and whether the old key
    vouches for it (asked for, and the old key was not revoked)."""

    card: bytes  # the new contact card, to hand to the contacts
    key_id: str  # the new key id, 16 lowercase hex digits
    vouched: bool


@dataclass(frozen=True, slots=True)
class CardData:
    """A verified contact card as plain data (the service checked its signatures)."""

    name: str
    role: Role
    institution: str
    age_recipient: str
    signing_key: bytes  # Ed25519 public key, 32 bytes
    key_id: str
    created: datetime
    expires: datetime
    raw: bytes = field(repr=False)  # the exact .rdcard bytes


@dataclass(frozen=True, slots=True)
class KeyLink:
    """One signing key a contact has had, in the order this vault pinned them."""

    signing_key: bytes
    age_recipient: str
    key_id: str
    since: datetime  # the "created" date of the card that brought this key
    vouched_by: bytes | None  # the previous signing key that signed the rotation card
    pinned_at: datetime  # when this vault took it


@dataclass(frozen=True, slots=True)
class KeyRevocation:
    """A signed revocation of one of a contact's keys, as this vault applies it."""

    signing_key: bytes
    stated: datetime  # the date the revocation says
    imported_at: datetime

    @property
    def effective(self) -> datetime:
        # A revocation dated in the future cannot hold back bundles until then.
        return min(self.stated, self.imported_at)


@dataclass(frozen=True, slots=True)
class Contact:
    id: str
    card: CardData
    verified: bool  # the safety number was compared, for the current key
    revoked: bool  # revoked by hand, or its current key was reached by a revocation
    key_changed: bool  # keys changed without the old key's signature; check again
    created_at: datetime
    updated_at: datetime
    # The current key came by a rotation vouched by a verified (or vouched) key: the
    # old key signed it, but only the old key's holder is known to have — not
    # "verified" until the new safety number is compared (docs/threat-model.md).
    vouched: bool = False
    chain: tuple[KeyLink, ...] = ()  # every key pinned, oldest first; last = current
    revocations: tuple[KeyRevocation, ...] = ()
    revoked_by_hand: bool = False  # "contact revoke": every key of it refused

    @property
    def name(self) -> str:
        return self.card.name

    @property
    def key_id(self) -> str:
        return self.card.key_id


class CardAction(StrEnum):
    """What importing a contact card (or a revocation) does."""

    NEW = "new"  # a new contact, unverified
    UNCHANGED = "unchanged"  # the same card is already pinned
    RENEWAL = "renewal"  # a newer card signed by the pinned key: replaced quietly
    ROTATION = "rotation"  # new keys signed by the pinned key: replaced quietly
    OUTDATED = "outdated"  # an older card than the pinned one: nothing changes
    KEY_CHANGE = "key-change"  # other keys for a chosen contact, not signed by it: warn
    SAME_NAME = "same-name"  # a new key under the name of an existing contact: warn
    REVOKED_KEY = "revoked-key"  # a card for a key that was revoked: refused
    RETIRED_KEY = "retired-key"  # a newer card for (or vouched by) a key already replaced
    REVOCATION = "revocation"  # a revocation of a contact's key
    REVOCATION_UNKNOWN = "revocation-unknown"  # a revocation of a key we do not know


@dataclass(frozen=True, slots=True)
class CardPreview:
    """What a card would do, shown before it is imported (contacts page, CLI)."""

    action: CardAction
    name: str  # empty for a revocation
    role: Role | None
    institution: str
    key_id: str
    safety_number: str  # between this profile and the card's keys
    contact_id: str | None  # the contact concerned, if any
    expires: datetime | None
    expired: bool
    # A renewal or rotation that changes what the user confirmed: (name, role,
    # institution) before; the card's own fields are the new ones.
    renamed_from: tuple[str, Role, str] | None = None
    look_alike: str = ""  # the name of a contact whose name this one looks like
    vouched: bool = False  # a rotation of a verified contact: it becomes "vouched"

    @property
    def needs_confirmation(self) -> bool:
        return self.action in (CardAction.KEY_CHANGE, CardAction.SAME_NAME)

    @property
    def needs_rename_confirmation(self) -> bool:
        return self.renamed_from is not None


@dataclass(frozen=True, slots=True)
class CardImportResult:
    action: CardAction
    contact: Contact | None  # None when nothing was stored


class EntryImportStatus(StrEnum):
    NEW = "new"
    UPDATED = "updated"  # new revisions
    UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class IncomingEntry:
    """One entry of a bundle, as the import preview lists it."""

    entry_id: str
    title: str  # of the newest revision in the bundle
    status: EntryImportStatus
    revisions: int  # in the bundle
    new_revisions: int
    attachments: int  # carried by the bundle
    consent: Consent


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """Everything the import dialog shows before the user confirms; nothing is stored."""

    bundle_id: str
    kind: str
    created: datetime
    size: int
    author_key_id: str
    author_name: str  # from the pinned contact, else from the card in the bundle ("" if none)
    author_status: AuthorStatus
    contact_id: str | None  # the pinned contact, if any
    safety_number: str | None  # set when the sender is unknown: compare it first
    same_name_contacts: tuple[str, ...]  # unknown sender named like these contacts: warn
    has_sender_card: bool
    consent: Consent  # the bundle's default
    entries: tuple[IncomingEntry, ...]
    attachments: int
    attachment_bytes: int
    attachments_omitted: int  # listed by an entry but not carried (exported without them)
    withdrawals: tuple[str, ...]  # entry ids whose research consent is withdrawn
    skipped_records: int  # record types this version does not import yet
    already_imported: bool
    comments: int = 0  # review records arriving (in feedback records): comments,
    sign_offs: int = 0  # sign-offs,
    review_records: int = 0  # and all of them (replies, statuses … included)

    @property
    def needs_confirmation(self) -> bool:
        return self.author_status is AuthorStatus.UNKNOWN and not self.already_imported

    def count(self, status: EntryImportStatus) -> int:
        return sum(1 for e in self.entries if e.status is status)


@dataclass(frozen=True, slots=True)
class ImportResult:
    bundle_id: str
    already_imported: bool
    contact_id: str | None  # the sender's contact (None for your own bundle)
    contact_added: bool
    journal_ids: tuple[str, ...]
    entries_new: tuple[str, ...]
    entries_updated: tuple[str, ...]
    entries_unchanged: int
    conflicted: tuple[str, ...]  # entries now holding concurrent revisions
    revisions_added: int
    attachments_added: int
    withdrawals: int
    # The file was replaced or changed on disk after the preview: what was previewed was
    # imported, not the file there now; the front ends say so (someone may have swapped it).
    file_changed: bool = False
    review_records_added: int = 0  # comments, replies, sign-offs … not held before
    # Held entries moved to the journal her bundle names (issue 14: one received
    # journal per sender and journal; her older-style journal empties).
    entries_moved: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What the export wizard collects."""

    recipients: tuple[str, ...]  # contact ids; you are always a recipient too
    entry_ids: tuple[str, ...] = ()
    journal_id: str | None = None  # every entry of this journal (besides ``entry_ids``)
    consent: Consent = Consent.READ
    entry_consent: Mapping[str, Consent] = field(default_factory=dict)
    attachments: bool = True
    history: bool = False  # every revision, not only the current one

    def __post_init__(self) -> None:
        object.__setattr__(self, "entry_consent", MappingProxyType(dict(self.entry_consent)))


@dataclass(frozen=True, slots=True)
class ExportResult:
    bundle_id: str
    path: Path
    size: int
    kind: str
    entry_ids: tuple[str, ...]
    attachments: int
    recipients: tuple[str, ...]  # contact ids


@dataclass(frozen=True, slots=True)
class ConsentRecord:
    """A consent statement for one entry, as sent or received (or its withdrawal)."""

    id: str
    entry_id: str
    level: Consent | None  # None: research consent withdrawn
    direction: str  # "out" (given by you) | "in" (received)
    bundle_id: str
    contact_ids: tuple[str, ...]  # the recipients (out) or the author (in)
    stated_at: datetime  # when the author stated it (the bundle's or record's time)

    @property
    def withdrawn(self) -> bool:
        return self.level is None


@dataclass(frozen=True, slots=True)
class BundleLogItem:
    bundle_id: str
    direction: str  # "in" | "out"
    kind: str
    at: datetime
    contact_ids: tuple[str, ...]
    entry_ids: tuple[str, ...]
    imported: bool  # for "out": also imported back here (your own bundle)
