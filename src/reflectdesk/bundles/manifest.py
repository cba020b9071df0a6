"""``manifest.json``: what a bundle holds, who wrote it, to whom, and with what consent.

The manifest is canonical JSON (:mod:`reflectdesk.bundles.canonical`) and is what
the author signs. It lists every content file with its SHA-256 and size, the
author's keys, every recipient (age recipient + signing key id), the consent
choices and the kind of bundle (docs/bundle-format.md §4).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import MappingProxyType

from reflectdesk.bundles.canonical import (
    Blob,
    JsonObject,
    JsonValue,
    as_object,
    canonical_json,
    format_timestamp,
    parse_json,
    parse_timestamp,
    validate,
)
from reflectdesk.bundles.keys import PublicIdentity
from reflectdesk.bundles.limits import DEFAULT_LIMITS, BundleLimits
from reflectdesk.bundles.schemas import (
    MANIFEST,
    MANIFEST_FORMAT,
    MANIFEST_VERSION,
    UUID_PATTERN,
    BundleKind,
    Consent,
)
from reflectdesk.errors import (
    BundleSchemaInvalid,
    BundleVersionUnsupported,
    ContactError,
)
from reflectdesk.ids import uuid7

MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.json.minisig"
ENTRY_PATH_RE = re.compile(rf"entries/({UUID_PATTERN})\.json", re.ASCII)
RECORD_PATH_RE = re.compile(rf"records/({UUID_PATTERN})\.json", re.ASCII)
ATTACHMENT_PATH_RE = re.compile(rf"attachments/({UUID_PATTERN})", re.ASCII)
CARD_PATH_RE = re.compile(r"cards/([0-9a-f]{16})\.rdcard", re.ASCII)
CONTENT_PATH_RE = re.compile(
    "|".join(p.pattern for p in (ENTRY_PATH_RE, RECORD_PATH_RE, ATTACHMENT_PATH_RE, CARD_PATH_RE)),
    re.ASCII,
)
ARCHIVE_NAME_RE = re.compile(
    rf"{re.escape(MANIFEST_NAME)}|{re.escape(SIGNATURE_NAME)}|{CONTENT_PATH_RE.pattern}",
    re.ASCII,
)


def entry_path(entry_id: str) -> str:
    return f"entries/{entry_id}.json"


def record_path(record_id: str) -> str:
    return f"records/{record_id}.json"


def attachment_path(attachment_id: str) -> str:
    return f"attachments/{attachment_id}"


def card_path(key_id_hex: str) -> str:
    return f"cards/{key_id_hex}.rdcard"


@dataclass(frozen=True, slots=True)
class FileRecord:
    path: str
    sha256: str  # lowercase hex
    size: int


@dataclass(frozen=True, slots=True)
class RecipientRecord:
    age_recipient: str
    key_id: str  # 16 lowercase hex digits of the recipient's signing key id

    @classmethod
    def of(cls, public: PublicIdentity) -> RecipientRecord:
        return cls(public.age_recipient, public.key_id_hex)

    def matches(self, public: PublicIdentity) -> bool:
        return self.age_recipient == public.age_recipient and self.key_id == public.key_id_hex


def _frozen(mapping: Mapping[str, Consent]) -> Mapping[str, Consent]:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True, slots=True)
class BundleMeta:
    """What the exporter chooses; the rest of the manifest is computed."""

    kind: BundleKind
    consent: Consent = Consent.READ
    entry_consent: Mapping[str, Consent] = field(default_factory=dict)
    subject_id: str | None = None  # the journal (or other object) the bundle is about
    bundle_id: str = field(default_factory=uuid7)
    created: datetime | None = None  # now, if None

    def __post_init__(self) -> None:
        object.__setattr__(self, "entry_consent", _frozen(self.entry_consent))


@dataclass(frozen=True, slots=True)
class Manifest:
    bundle_id: str
    kind: BundleKind
    created: datetime
    subject_id: str | None
    author: PublicIdentity
    recipients: tuple[RecipientRecord, ...]
    consent: Consent
    entry_consent: Mapping[str, Consent]
    files: tuple[FileRecord, ...]
    version: int = MANIFEST_VERSION
    _by_path: Mapping[str, FileRecord] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "entry_consent", _frozen(self.entry_consent))
        object.__setattr__(self, "_by_path", MappingProxyType({f.path: f for f in self.files}))

    def to_json(self) -> JsonObject:
        return {
            "format": MANIFEST_FORMAT,
            "version": self.version,
            "bundle_id": self.bundle_id,
            "kind": self.kind.value,
            "created": format_timestamp(self.created),
            "subject_id": self.subject_id,
            "author": {
                "signing_key": self.author.signing_key_b64,
                "key_id": self.author.key_id_hex,
                "age_recipient": self.author.age_recipient,
            },
            "recipients": [
                {"age_recipient": r.age_recipient, "key_id": r.key_id} for r in self.recipients
            ],
            "consent": {
                "bundle": self.consent.value,
                "entries": {k: v.value for k, v in self.entry_consent.items()},
            },
            "files": [{"path": f.path, "sha256": f.sha256, "size": f.size} for f in self.files],
        }

    def to_bytes(self) -> bytes:
        return canonical_json(self.to_json())

    def file(self, path: str) -> FileRecord | None:
        return self._by_path.get(path)

    def is_addressed_to(self, public: PublicIdentity) -> bool:
        """Whether ``public`` is the author or one of the signed recipients."""
        if public.signing_key == self.author.signing_key:
            return public.age_recipient == self.author.age_recipient
        return any(r.matches(public) for r in self.recipients)

    def consent_for(self, entry_id: str) -> Consent:
        return self.entry_consent.get(entry_id, self.consent)

    @classmethod
    def from_bytes(cls, data: Blob, limits: BundleLimits = DEFAULT_LIMITS) -> Manifest:
        """Parse, version-gate and validate a manifest (before its signature is checked)."""
        value = parse_json(
            data, max_bytes=limits.max_manifest_bytes, name=MANIFEST_NAME, require_canonical=True
        )
        _gate_version(value)
        validate(value, MANIFEST, name=MANIFEST_NAME)
        return cls._from_valid(as_object(value))

    @classmethod
    def _from_valid(cls, doc: JsonObject) -> Manifest:
        author = as_object(doc["author"])
        try:
            public = PublicIdentity.from_b64(
                str(author["age_recipient"]), str(author["signing_key"])
            )
        except ContactError as exc:
            raise BundleSchemaInvalid(f"{MANIFEST_NAME}:$.author: {exc.detail}") from None
        if author["key_id"] != public.key_id_hex:
            raise BundleSchemaInvalid(f"{MANIFEST_NAME}:$.author.key_id: does not match the key")
        recipients = tuple(
            RecipientRecord(str(r["age_recipient"]), str(r["key_id"]))
            for r in map(as_object, _list(doc["recipients"]))
        )
        if len({r.age_recipient for r in recipients}) != len(recipients):
            raise BundleSchemaInvalid(f"{MANIFEST_NAME}:$.recipients: an age key is listed twice")
        files = tuple(
            FileRecord(str(f["path"]), str(f["sha256"]), _int(f["size"]))
            for f in map(as_object, _list(doc["files"]))
        )
        paths = [f.path for f in files]
        if paths != sorted(set(paths)):
            raise BundleSchemaInvalid(f"{MANIFEST_NAME}:$.files: not sorted or not unique")
        for index, path in enumerate(paths):
            if not CONTENT_PATH_RE.fullmatch(path):
                raise BundleSchemaInvalid(f"{MANIFEST_NAME}:$.files[{index}].path: not allowed")
        consent = as_object(doc["consent"])
        entry_consent = {k: Consent(str(v)) for k, v in as_object(consent["entries"]).items()}
        listed = set(paths)
        for entry_id in entry_consent:
            if entry_path(entry_id) not in listed:
                raise BundleSchemaInvalid(
                    f"{MANIFEST_NAME}:$.consent.entries: consent for an entry not in the bundle"
                )
        subject = doc["subject_id"]
        return cls(
            bundle_id=str(doc["bundle_id"]),
            kind=BundleKind(str(doc["kind"])),
            created=parse_timestamp(str(doc["created"])),
            subject_id=None if subject is None else str(subject),
            author=public,
            recipients=recipients,
            consent=Consent(str(consent["bundle"])),
            entry_consent=entry_consent,
            files=files,
            version=_int(doc["version"]),
        )


def _list(value: JsonValue) -> list[JsonValue]:
    if not isinstance(value, list):
        raise TypeError("not a list")
    return value


def _int(value: JsonValue) -> int:
    if not isinstance(value, int):
        raise TypeError("not an int")
    return value


def _gate_version(value: JsonValue) -> None:
    """A newer format or an unknown kind is "update ReflectDesk", not "damaged"."""
    if not isinstance(value, dict) or value.get("format") != MANIFEST_FORMAT:
        raise BundleSchemaInvalid(f"{MANIFEST_NAME}:$.format: not a ReflectDesk manifest")
    version = value.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > MANIFEST_VERSION:
        raise BundleVersionUnsupported(f"manifest version {version}")
    kind = value.get("kind")
    if isinstance(kind, str) and kind not in {k.value for k in BundleKind}:
        raise BundleVersionUnsupported("unknown bundle kind")


def new_manifest(
    author: PublicIdentity,
    recipients: tuple[RecipientRecord, ...],
    files: tuple[FileRecord, ...],
    meta: BundleMeta,
) -> Manifest:
    created = (meta.created or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    return Manifest(
        bundle_id=meta.bundle_id,
        kind=meta.kind,
        created=created,
        subject_id=meta.subject_id,
        author=author,
        recipients=recipients,
        consent=meta.consent,
        entry_consent=meta.entry_consent,
        files=tuple(sorted(files, key=lambda f: f.path)),
    )
