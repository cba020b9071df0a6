"""The storage-free bundle and identity layer (docs/bundle-format.md).

Works on bytes, keys and plain dataclasses: no database, no files except where a
function takes a path. The import/export services build on it.
"""

from __future__ import annotations

from reflectdesk.bundles.build import (
    DATED_NAME_RE,
    build_bundle,
    bundle_file_name,
    dated_bundle_file_name,
    write_bundle,
)
from reflectdesk.bundles.cards import (
    CARD_EXTENSION,
    Card,
    Revocation,
    card_qr_png,
    card_qr_svg,
    card_replaces,
    make_card,
    make_revocation,
    parse_card,
    parse_card_or_revocation,
    parse_revocation,
    safety_number,
)
from reflectdesk.bundles.container import BUNDLE_EXTENSION
from reflectdesk.bundles.contents import (
    AttachmentRef,
    BundledEntry,
    BundledRecord,
    JournalTitle,
    journal_record,
    journal_titles,
)
from reflectdesk.bundles.keys import Identity, PublicIdentity, key_id_of
from reflectdesk.bundles.limits import DEFAULT_LIMITS, BundleLimits
from reflectdesk.bundles.manifest import (
    BundleMeta,
    FileRecord,
    Manifest,
    RecipientRecord,
    attachment_path,
    card_path,
    entry_path,
    record_path,
)
from reflectdesk.bundles.opening import (
    AuthorStatus,
    BundleInspection,
    KnownAuthors,
    OpenedBundle,
    PinnedKey,
    inspect_bundle,
    open_bundle,
    read_bundle_file,
    recheck_author,
)
from reflectdesk.bundles.schemas import BundleKind, Consent, RecordType, RevocationReason

__all__ = [
    "BUNDLE_EXTENSION",
    "CARD_EXTENSION",
    "DATED_NAME_RE",
    "DEFAULT_LIMITS",
    "AttachmentRef",
    "AuthorStatus",
    "BundleInspection",
    "BundleKind",
    "BundleLimits",
    "BundleMeta",
    "BundledEntry",
    "BundledRecord",
    "Card",
    "Consent",
    "FileRecord",
    "Identity",
    "JournalTitle",
    "KnownAuthors",
    "Manifest",
    "OpenedBundle",
    "PinnedKey",
    "PublicIdentity",
    "RecipientRecord",
    "RecordType",
    "Revocation",
    "RevocationReason",
    "attachment_path",
    "build_bundle",
    "bundle_file_name",
    "card_path",
    "card_qr_png",
    "card_qr_svg",
    "card_replaces",
    "dated_bundle_file_name",
    "entry_path",
    "inspect_bundle",
    "journal_record",
    "journal_titles",
    "key_id_of",
    "make_card",
    "make_revocation",
    "open_bundle",
    "parse_card",
    "parse_card_or_revocation",
    "parse_revocation",
    "read_bundle_file",
    "recheck_author",
    "record_path",
    "safety_number",
    "write_bundle",
]
