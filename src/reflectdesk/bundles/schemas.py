"""The JSON schemas of everything that travels (docs/bundle-format.md §4).

Each is strict: every field required unless listed as optional, no unknown fields,
every string and list bounded. Values are never echoed in errors, only JSON paths.
"""

from __future__ import annotations

import re
from enum import StrEnum

from reflectdesk.bundles.canonical import (
    AnyObject,
    Array,
    Const,
    Date,
    Enum,
    Int,
    MapOf,
    Nullable,
    Object,
    Pair,
    Str,
    Timestamp,
)
from reflectdesk.bundles.limits import MiB
from reflectdesk.domain.model import Consent as Consent  # re-exported: the wire values
from reflectdesk.domain.model import Role

UUID_PATTERN = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
UUID_RE = re.compile(UUID_PATTERN, re.ASCII)
HEX64_RE = re.compile(r"[0-9a-f]{64}", re.ASCII)
KEY_ID_RE = re.compile(r"[0-9a-f]{16}", re.ASCII)
B64_KEY_RE = re.compile(r"[A-Za-z0-9+/]{43}=", re.ASCII)  # 32 bytes, padded
B64_SIG_RE = re.compile(r"[A-Za-z0-9+/]{86}==", re.ASCII)  # 64 bytes, padded
AGE_RECIPIENT_RE = re.compile(r"age1[02-9ac-hj-np-z]{58}", re.ASCII)
IDENT_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}", re.ASCII)
MEDIA_TYPE_RE = re.compile(r"[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}")

MANIFEST_FORMAT = "reflectdesk-bundle"
MANIFEST_VERSION = 1
ENTRY_FORMAT = "reflectdesk-entry"
RECORD_FORMAT = "reflectdesk-record"
CARD_FORMAT = "reflectdesk-card"
REVOCATION_FORMAT = "reflectdesk-revocation"
DOCUMENT_VERSION = 1


class BundleKind(StrEnum):
    """What a bundle carries; an importer routes on it."""

    JOURNAL = "journal"  # entries (and their attachments) of a journal
    FEEDBACK = "feedback"  # comments on someone's entries
    SIGN_OFF = "sign-off"  # a mentor's or educator's sign-off records
    CONSENT_WITHDRAWAL = "consent-withdrawal"  # signed consent-withdrawal records
    TEMPLATE = "template"  # template records
    CARD = "card"  # contact cards (for example a cohort's)


class RecordType(StrEnum):
    COMMENT = "comment"
    SIGN_OFF = "sign-off"
    CONSENT_WITHDRAWAL = "consent-withdrawal"
    TEMPLATE = "template"
    FEEDBACK = "feedback"
    # The title of the sender's journal named in ``refs`` (one journal id), ``body`` =
    # ``JOURNAL_BODY`` (format note 1.1). Readers older than this type refuse the whole
    # bundle as from a newer version (``BundleVersionUnsupported``), nothing stored.
    JOURNAL = "journal"


class RevocationReason(StrEnum):
    SUPERSEDED = "superseded"
    COMPROMISED = "compromised"
    UNSPECIFIED = "unspecified"


UUID = Str(36, 36, UUID_RE)
HEX64 = Str(64, 64, HEX64_RE)
KEY_ID = Str(16, 16, KEY_ID_RE)
B64_KEY = Str(44, 44, B64_KEY_RE)
B64_SIG = Str(88, 88, B64_SIG_RE)
AGE_RECIPIENT = Str(62, 62, AGE_RECIPIENT_RE)
CONSENT = Enum(frozenset(c.value for c in Consent))

# --- manifest.json -----------------------------------------------------------------------
FILE_PATH = Str(80, 1, re.compile(r"[a-z0-9/._-]+", re.ASCII))
MANIFEST = Object(
    required={
        "format": Const(MANIFEST_FORMAT),
        "version": Const(MANIFEST_VERSION),
        "bundle_id": UUID,
        "kind": Enum(frozenset(k.value for k in BundleKind)),
        "created": Timestamp(),
        "subject_id": Nullable(UUID),
        "author": Object(
            required={"signing_key": B64_KEY, "key_id": KEY_ID, "age_recipient": AGE_RECIPIENT}
        ),
        "recipients": Array(
            Object(required={"age_recipient": AGE_RECIPIENT, "key_id": KEY_ID}),
            max_items=1000,
            unique=True,
        ),
        "consent": Object(
            required={"bundle": CONSENT, "entries": MapOf(UUID, CONSENT, max_items=100_000)}
        ),
        "files": Array(
            Object(required={"path": FILE_PATH, "sha256": HEX64, "size": Int(0, 2**40)}),
            max_items=100_000,
        ),
    }
)

# --- entries/<id>.json ---------------------------------------------------------------------
SINGLE_LINE = 1_000
ENTRY_CONTENT = Object(
    required={
        "title": Str(SINGLE_LINE, single_line=True),
        "sections": Array(Pair((Str(64, 1, IDENT_RE), Str(1 * MiB))), max_items=200),
        "tags": Array(Str(100, 1, single_line=True), max_items=100),
        "standards": Array(Str(100, 1, single_line=True), max_items=200),
        "event_date": Nullable(Date()),
        "template_id": Str(64, 1, IDENT_RE),
        "template_version": Int(0, 1_000_000),
    }
)
REVISION = Object(
    required={
        "id": UUID,
        "seq": Int(0, 1_000_000_000),
        "parent_ids": Array(UUID, max_items=16, unique=True),
        "author": Str(200, 1, single_line=True),
        "created_at": Timestamp(),
        "content_hash": HEX64,
        "content": ENTRY_CONTENT,
    }
)
ATTACHMENT_REF = Object(
    required={
        "id": UUID,
        "filename": Str(255, 1, single_line=True),
        "media_type": Str(127, 3, MEDIA_TYPE_RE),
        "size": Int(0, 2**40),
        "sha256": HEX64,
        "created_at": Timestamp(),
    }
)
ENTRY = Object(
    required={
        "format": Const(ENTRY_FORMAT),
        "version": Const(DOCUMENT_VERSION),
        "id": UUID,
        "journal_id": UUID,
        "created_at": Timestamp(),
        "updated_at": Timestamp(),
        "revisions": Array(REVISION, max_items=1000, min_items=1),
        "attachments": Array(ATTACHMENT_REF, max_items=200),
    }
)

# --- records/<id>.json ---------------------------------------------------------------------
RECORD = Object(
    required={
        "format": Const(RECORD_FORMAT),
        "version": Const(DOCUMENT_VERSION),
        "id": UUID,
        "type": Enum(frozenset(t.value for t in RecordType)),
        "created_at": Timestamp(),
        "author": Str(200, 1, single_line=True),
        "refs": Array(UUID, max_items=1000, unique=True),
        "body": AnyObject(max_depth=8),
    }
)

JOURNAL_TITLE_MAX = 300  # a journal's own title is at most 300 characters
JOURNAL_BODY = Object(required={"title": Str(JOURNAL_TITLE_MAX, 1, single_line=True)})
# A ``journal`` record: one journal id in ``refs``, its title in ``body``.
JOURNAL_RECORD = Object(
    required={
        **RECORD.required,
        "refs": Array(UUID, max_items=1, min_items=1),
        "body": JOURNAL_BODY,
    }
)

# --- contact cards and revocations ---------------------------------------------------------
CARD_BODY = Object(
    required={
        "format": Const(CARD_FORMAT),
        "version": Const(DOCUMENT_VERSION),
        "name": Str(200, 1, single_line=True),
        "role": Enum(frozenset(r.value for r in Role)),
        "institution": Str(200, single_line=True),
        "age_recipient": AGE_RECIPIENT,
        "signing_key": B64_KEY,
        "created": Timestamp(),
        "expires": Timestamp(),
    },
    optional={"previous_signing_key": B64_KEY},
)
CARD = Object(
    required={"card": CARD_BODY, "signature": B64_SIG},
    optional={"previous_signature": B64_SIG},
)
REVOCATION_BODY = Object(
    required={
        "format": Const(REVOCATION_FORMAT),
        "version": Const(DOCUMENT_VERSION),
        "age_recipient": AGE_RECIPIENT,
        "signing_key": B64_KEY,
        "revoked": Timestamp(),
        "reason": Enum(frozenset(r.value for r in RevocationReason)),
    }
)
REVOCATION = Object(required={"revocation": REVOCATION_BODY, "signature": B64_SIG})
