"""The signed records of a review: comments, replies, resolutions, sign-offs, their
withdrawals, and the student's "ready for feedback" status.

Each record is signed on its own by its author's Ed25519 key (not only by the bundle that
carries it), so it stays evidence when forwarded: the university tutor can verify a
mentor's sign-off that reached her in the student's bundle. A record is bound to one
entry (scoped by the entry author's key id), one revision and that revision's content
hash; its id is the SHA-256 of the signed bytes, so the same record arriving twice is
the same record, and records merge by union.

Signed bytes: ``b"reflectdesk review record v1\\n"`` followed by the canonical JSON
(``bundles.canonical``) of the record without its ``signature`` field.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from reflectdesk.bundles.canonical import (
    AnyObject,
    Const,
    Enum,
    Int,
    JsonObject,
    JsonValue,
    MapOf,
    Object,
    Spec,
    Str,
    Timestamp,
    as_object,
    canonical_json,
    format_timestamp,
    parse_timestamp,
    validate,
)
from reflectdesk.bundles.keys import Identity, PublicIdentity
from reflectdesk.errors import ReviewRecordForged, ReviewRecordInvalid

RECORD_FORMAT = "reflectdesk-review"
RECORD_VERSION = 1
SIGNING_CONTEXT = b"reflectdesk review record v1\n"
MAX_TEXT = 20_000


class RecordType(StrEnum):
    COMMENT = "comment"  # on a quoted passage of one section
    REPLY = "reply"  # in a comment's thread, from either side
    RESOLVE = "resolve"  # a thread marked resolved (or reopened)
    SIGN_OFF = "sign-off"  # verdicts per standard for one revision
    WITHDRAW_SIGN_OFF = "withdraw-sign-off"  # by the sign-off's author only
    STATUS = "status"  # the student's "ready for feedback"


class Verdict(StrEnum):
    MET = "met"
    PARTLY = "partly"
    NOT_YET = "not-yet"


class Status(StrEnum):
    DRAFT = "draft"
    READY = "ready-for-feedback"


_HEX64 = re.compile(r"[0-9a-f]{64}")
_KEY_ID = re.compile(r"[0-9a-f]{16}")
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")
_SECTION = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
_STANDARD = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,31}")
_VERDICTS = frozenset(v.value for v in Verdict)

_TEXT = Str(MAX_TEXT, min_len=1)
_NOTE = Str(MAX_TEXT)
_RECORD_ID = Str(64, pattern=_HEX64)

BODY_SPECS: Mapping[RecordType, Spec] = {
    RecordType.COMMENT: Object(
        {
            "section": Str(64, pattern=_SECTION),
            "quote": Str(2_000, min_len=1),
            "start": Int(),
            "end": Int(),
            "prefix": Str(32),
            "suffix": Str(32),
            "text": _TEXT,
        }
    ),
    RecordType.REPLY: Object({"parent": _RECORD_ID, "text": _TEXT}),
    RecordType.RESOLVE: Object({"comment": _RECORD_ID, "resolved": Enum(frozenset({"yes", "no"}))}),
    RecordType.SIGN_OFF: Object(
        {
            "standards": MapOf(
                Str(32, pattern=_STANDARD),
                Object({"verdict": Enum(_VERDICTS), "note": _NOTE}),
                max_items=200,
            ),
            "overall": Enum(_VERDICTS),
            "note": _NOTE,
        }
    ),
    RecordType.WITHDRAW_SIGN_OFF: Object({"sign_off": _RECORD_ID, "reason": _NOTE}),
    RecordType.STATUS: Object({"status": Enum(frozenset(s.value for s in Status))}),
}

RECORD_SPEC = Object(
    {
        "format": Const(RECORD_FORMAT),
        "version": Const(RECORD_VERSION),
        "type": Enum(frozenset(t.value for t in RecordType)),
        "author": Str(16, pattern=_KEY_ID),
        "created_at": Timestamp(),
        "entry": Object(
            {
                "author": Str(16, pattern=_KEY_ID),
                "id": Str(128, pattern=_ID),
                "revision": Str(128, pattern=_ID),
                "revision_hash": Str(64, pattern=_HEX64),
            }
        ),
        "body": AnyObject(max_depth=4),
        "signature": Str(128),
    }
)


@dataclass(frozen=True, slots=True)
class EntryRef:
    """The revision a record is about; the entry is scoped by its author's key id."""

    author: str  # key id (hex) of the entry's author
    entry_id: str
    revision_id: str
    revision_hash: str  # SHA-256 (hex) of the revision's canonical content


@dataclass(frozen=True, slots=True)
class ReviewRecord:
    type: RecordType
    author: str  # key id (hex) of the signer
    created_at: datetime
    entry: EntryRef
    body: JsonObject
    signature: bytes
    # The content id, computed once (folds and checks ask for it thousands of times).
    _id: str = field(default="", init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_id", hashlib.sha256(self.signed_bytes()).hexdigest())

    def unsigned(self) -> JsonObject:
        return {
            "format": RECORD_FORMAT,
            "version": RECORD_VERSION,
            "type": self.type.value,
            "author": self.author,
            "created_at": format_timestamp(self.created_at, millis=True),
            "entry": {
                "author": self.entry.author,
                "id": self.entry.entry_id,
                "revision": self.entry.revision_id,
                "revision_hash": self.entry.revision_hash,
            },
            "body": self.body,
        }

    def signed_bytes(self) -> bytes:
        return SIGNING_CONTEXT + canonical_json(self.unsigned(), error=ReviewRecordInvalid)

    @property
    def id(self) -> str:
        """Content address: the same record is the same id wherever it arrives from."""
        return self._id

    def to_json(self) -> JsonObject:
        doc = self.unsigned()
        doc["signature"] = base64.b64encode(self.signature).decode("ascii")
        return doc


def _check_body(kind: RecordType, body: JsonObject) -> None:
    validate(body, BODY_SPECS[kind], name=f"record:{kind.value}", error=ReviewRecordInvalid)
    if kind is RecordType.COMMENT:
        start, end, quote = body["start"], body["end"], body["quote"]
        assert isinstance(start, int) and isinstance(end, int) and isinstance(quote, str)
        if end - start != len(quote):
            raise ReviewRecordInvalid("record:comment: offsets do not match the quote")


def sign(
    identity: Identity,
    kind: RecordType,
    entry: EntryRef,
    body: JsonObject,
    created_at: datetime,
) -> ReviewRecord:
    """A new record by ``identity``; the body is checked against its type's schema."""
    _check_body(kind, body)
    draft = ReviewRecord(kind, identity.key_id.hex(), created_at, entry, body, b"")
    signature = identity.sign(draft.signed_bytes())
    return ReviewRecord(kind, draft.author, created_at, entry, body, signature)


def parse(doc: JsonValue) -> ReviewRecord:
    """A record from its JSON (shape only; :func:`verify` checks who signed it)."""
    validate(doc, RECORD_SPEC, name="record", error=ReviewRecordInvalid)
    obj = as_object(doc)
    entry = as_object(obj["entry"])
    kind = RecordType(str(obj["type"]))
    body = as_object(obj["body"])
    _check_body(kind, body)
    try:
        signature = base64.b64decode(str(obj["signature"]), validate=True)
    except (binascii.Error, ValueError):
        raise ReviewRecordInvalid("record: signature is not base64") from None
    return ReviewRecord(
        type=kind,
        author=str(obj["author"]),
        created_at=parse_timestamp(str(obj["created_at"])),
        entry=EntryRef(
            author=str(entry["author"]),
            entry_id=str(entry["id"]),
            revision_id=str(entry["revision"]),
            revision_hash=str(entry["revision_hash"]),
        ),
        body=body,
        signature=signature,
    )


def verify(record: ReviewRecord, signer: PublicIdentity) -> None:
    """Raise :class:`ReviewRecordForged` unless ``signer`` is the named author and signed
    exactly these bytes (any changed byte, entry, revision or verdict fails)."""
    if signer.key_id.hex() != record.author:
        raise ReviewRecordForged("record: author is not the signer")
    if not signer.verify(record.signature, record.signed_bytes()):
        raise ReviewRecordForged("record: bad signature")
