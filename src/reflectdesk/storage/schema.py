"""ORM tables for the whole mission (SQLAlchemy 2 typed models).

Plaintext columns are limited to ids, foreign keys, revision numbers, timestamps,
sizes and flags (docs/threat-model.md). Everything a person wrote or is named by
lives in a ``blob`` column sealed by :mod:`reflectdesk.crypto.aead`, with
associated data naming this vault, table, row id and revision.

ORM classes never leave :mod:`reflectdesk.storage`.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, LargeBinary, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

SCHEMA_VERSION = 7
REVISION_INDEX = "ix_rev_entry_seq_id"
# Tables each schema version introduced; migrations create what a file lacks.
V1_TABLES = (
    "meta",
    "profile",
    "secrets",
    "journals",
    "entries",
    "entry_revisions",
    "attachments",
    "attachment_chunks",
    "documents",
)


class Base(DeclarativeBase):
    pass


# A ``meta`` key: the contacts' trust state is sealed in their records (0.3). Set when a
# vault is created, or in the transaction that sealed an older vault's contacts at its
# first unlock; a record in the old format found after that is a restored old copy.
TRUST_SEALED_MARKER = "contacts_trust_sealed"


class Meta(Base):
    """Plain key/value facts about the file: vault id, schema version."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(String)


class Profile(Base):
    """The one person this vault belongs to (name, role, language, institution)."""

    __tablename__ = "profile"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    created_at: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[int] = mapped_column(Integer)
    rev: Mapped[int] = mapped_column(Integer, default=1)
    blob: Mapped[bytes] = mapped_column(LargeBinary)


class Secret(Base):
    """Key material (identity keys) sealed with the data key."""

    __tablename__ = "secrets"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    created_at: Mapped[int] = mapped_column(Integer)
    blob: Mapped[bytes] = mapped_column(LargeBinary)


class Journal(Base):
    __tablename__ = "journals"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    # "own" for the profile's journals; "received" for another author's space.
    space: Mapped[str] = mapped_column(String, default="own")
    author_contact_id: Mapped[str | None] = mapped_column(String, nullable=True)
    created_at: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[int] = mapped_column(Integer)
    rev: Mapped[int] = mapped_column(Integer, default=1)
    archived: Mapped[int] = mapped_column(Integer, default=0)
    blob: Mapped[bytes] = mapped_column(LargeBinary)  # title, description


class Entry(Base):
    __tablename__ = "entries"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    journal_id: Mapped[str] = mapped_column(ForeignKey("journals.id"), index=True)
    head_revision_id: Mapped[str | None] = mapped_column(String, nullable=True)
    head_seq: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[int] = mapped_column(Integer, index=True)
    deleted: Mapped[int] = mapped_column(Integer, default=0)
    # Set when two revisions without a common descendant are held (merge issue).
    conflicted: Mapped[int] = mapped_column(Integer, default=0)


class EntryRevision(Base):
    """An immutable revision: the sealed content, its parents and its author."""

    __tablename__ = "entry_revisions"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    entry_id: Mapped[str] = mapped_column(ForeignKey("entries.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[int] = mapped_column(Integer)
    size: Mapped[int] = mapped_column(Integer)
    blob: Mapped[bytes] = mapped_column(LargeBinary)

    # With ``id`` last the index covers the vault-state check's scan of every revision
    # (storage/trust_state.py): it reads small index cells instead of the leaf pages that
    # hold each revision's sealed content (schema 5; 9x fewer pages decrypted at unlock).
    __table_args__ = (Index(REVISION_INDEX, "entry_id", "seq", "id"),)


class Attachment(Base):
    __tablename__ = "attachments"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    entry_id: Mapped[str] = mapped_column(ForeignKey("entries.id"), index=True)
    created_at: Mapped[int] = mapped_column(Integer)
    size: Mapped[int] = mapped_column(Integer)
    chunk_count: Mapped[int] = mapped_column(Integer)
    # 1 once every chunk is written; rows left at 0 by a crash are ignored and swept.
    complete: Mapped[int] = mapped_column(Integer, default=0)
    deleted: Mapped[int] = mapped_column(Integer, default=0)
    blob: Mapped[bytes] = mapped_column(LargeBinary)  # file name, media type, sha256


class AttachmentChunk(Base):
    __tablename__ = "attachment_chunks"
    attachment_id: Mapped[str] = mapped_column(
        ForeignKey("attachments.id", ondelete="CASCADE"), primary_key=True
    )
    idx: Mapped[int] = mapped_column(Integer, primary_key=True)
    blob: Mapped[bytes] = mapped_column(LargeBinary)


class ReviewRecordRow(Base):
    """Append-only signed review records (comments, replies, resolutions, sign-offs,
    withdrawals, statuses; review/records.py), one row per record, sealed whole.

    ``id`` is a keyed hash of the record's content id (the same record received twice is
    one row; two vaults share no row id). ``entry_id`` is this vault's id for the entry
    (a keyed id for another author's entry, held or not yet: no foreign key, a record may
    wait for its entry). Replaced the never-written ``comments``/``signoffs`` (schema 3).
    """

    __tablename__ = "review_records"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    entry_id: Mapped[str] = mapped_column(String, index=True)
    created_at: Mapped[int] = mapped_column(Integer)  # the record's own time (ms)
    blob: Mapped[bytes] = mapped_column(LargeBinary)  # the signed record, who sent it


class Contact(Base):
    __tablename__ = "contacts"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    # HMAC of the signing key under a vault subkey: lookup without storing the key.
    key_tag: Mapped[str] = mapped_column(String, index=True)
    created_at: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[int] = mapped_column(Integer)
    rev: Mapped[int] = mapped_column(Integer, default=1)
    verified: Mapped[int] = mapped_column(Integer, default=0)
    revoked: Mapped[int] = mapped_column(Integer, default=0)
    blob: Mapped[bytes] = mapped_column(LargeBinary)  # card, name, role, institution, keys


class Consent(Base):
    """Consent attached to an entry as sent or received (and withdrawals)."""

    __tablename__ = "consents"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    entry_id: Mapped[str] = mapped_column(String, index=True)
    created_at: Mapped[int] = mapped_column(Integer)
    blob: Mapped[bytes] = mapped_column(LargeBinary)  # level, pseudonymise, withdrawn


class Document(Base):
    """Versioned encrypted documents: custom templates, snapshots, taxonomies."""

    __tablename__ = "documents"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    kind: Mapped[str] = mapped_column(String, index=True)
    created_at: Mapped[int] = mapped_column(Integer)
    blob: Mapped[bytes] = mapped_column(LargeBinary)  # name, version, payload


class BundleLog(Base):
    """Bundles already imported or exported: makes import idempotent."""

    __tablename__ = "bundle_log"
    id: Mapped[str] = mapped_column(String, primary_key=True)  # the bundle id
    direction: Mapped[str] = mapped_column(String)  # "in" | "out"
    created_at: Mapped[int] = mapped_column(Integer)
    blob: Mapped[bytes] = mapped_column(LargeBinary)  # counterpart, summary


class CaseStudy(Base):
    __tablename__ = "case_studies"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    created_at: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[int] = mapped_column(Integer)
    blob: Mapped[bytes] = mapped_column(LargeBinary)  # title, description, pseudonym map


class CaseItem(Base):
    """A consented entry revision included in a case study."""

    __tablename__ = "case_items"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("case_studies.id"), index=True)
    entry_id: Mapped[str] = mapped_column(String)
    revision_id: Mapped[str] = mapped_column(String)
    created_at: Mapped[int] = mapped_column(Integer)
    blob: Mapped[bytes] = mapped_column(LargeBinary)  # pseudonymised text


class Code(Base):
    __tablename__ = "codes"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("case_studies.id"), index=True)
    parent_id: Mapped[str | None] = mapped_column(String, nullable=True)
    created_at: Mapped[int] = mapped_column(Integer)
    blob: Mapped[bytes] = mapped_column(LargeBinary)  # name, colour, description


class CodedSegment(Base):
    __tablename__ = "coded_segments"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    item_id: Mapped[str] = mapped_column(ForeignKey("case_items.id"), index=True)
    code_id: Mapped[str] = mapped_column(ForeignKey("codes.id"), index=True)
    created_at: Mapped[int] = mapped_column(Integer)
    blob: Mapped[bytes] = mapped_column(LargeBinary)  # start, end, section, memo


class Memo(Base):
    __tablename__ = "memos"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("case_studies.id"), index=True)
    created_at: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[int] = mapped_column(Integer)
    blob: Mapped[bytes] = mapped_column(LargeBinary)


class CaseAuditRow(Base):
    """One signed, hash-chained record of a case study's audit log (schema 7, issue 15):
    additions, removals, pseudonymisation acceptances, exports, withdrawals. The record
    and its Ed25519 signature are sealed whole; ``seq`` orders the chain."""

    __tablename__ = "case_audit"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    case_id: Mapped[str] = mapped_column(String, index=True)
    seq: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[int] = mapped_column(Integer)
    blob: Mapped[bytes] = mapped_column(LargeBinary)  # the signed record


class CaseFile(Base):
    """A file of a case study (its ethics information sheet), sealed whole (schema 7)."""

    __tablename__ = "case_files"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("case_studies.id"), index=True)
    created_at: Mapped[int] = mapped_column(Integer)
    size: Mapped[int] = mapped_column(Integer)
    blob: Mapped[bytes] = mapped_column(LargeBinary)  # file name, media type, bytes


class OutboxItem(Base):
    """A bundle waiting to be sent (sync issue). The bundle itself is age-encrypted."""

    __tablename__ = "outbox"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    created_at: Mapped[int] = mapped_column(Integer)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[int] = mapped_column(Integer, default=0)
    state: Mapped[str] = mapped_column(String, default="pending")
    blob: Mapped[bytes] = mapped_column(LargeBinary)  # exchange point, file name


class ExchangePoint(Base):
    """A shared folder or WebDAV folder bundles travel through (sync issue 17)."""

    __tablename__ = "exchange_points"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    created_at: Mapped[int] = mapped_column(Integer)
    rev: Mapped[int] = mapped_column(Integer, default=1)
    blob: Mapped[bytes] = mapped_column(LargeBinary)  # label, address, user, password, contacts


class SyncRemote(Base):
    """A file on an exchange point this vault put there or fetched (sync issue 17)."""

    __tablename__ = "sync_remote"
    id: Mapped[str] = mapped_column(String, primary_key=True)  # keyed hash: point, name, …
    created_at: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String)
    blob: Mapped[bytes] = mapped_column(LargeBinary)  # point, name, size, etag, local file


class SyncLog(Base):
    """What each sync did, per exchange point (shown on its sync page)."""

    __tablename__ = "sync_log"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    created_at: Mapped[int] = mapped_column(Integer, index=True)
    blob: Mapped[bytes] = mapped_column(LargeBinary)  # point, event, error code, counts


class Cohort(Base):
    """A named group of contacts (issue 14): a course section, a programme's year."""

    __tablename__ = "cohorts"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    created_at: Mapped[int] = mapped_column(Integer)
    rev: Mapped[int] = mapped_column(Integer, default=1)
    blob: Mapped[bytes] = mapped_column(LargeBinary)  # name, member contact ids


class SeenFile(Base):
    """A bundle file already imported (or found already held), by a keyed hash of its
    SHA-256: a batch import skips it without decrypting (issue 14)."""

    __tablename__ = "seen_files"
    id: Mapped[str] = mapped_column(String, primary_key=True)  # local_id("file", sha256)
    created_at: Mapped[int] = mapped_column(Integer)
