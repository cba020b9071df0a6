"""What a file someone opens is: a bundle, a contact card, or neither (with the reason).

The app is handed files by File → Open, drag and drop and a double click in the file
manager; it looks at the bytes, not only the name, so a renamed file still opens and a
wrong one is named for what it is not.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from reflectdesk.bundles.age_header import VERSION_LINE
from reflectdesk.bundles.schemas import CARD_FORMAT, REVOCATION_FORMAT
from reflectdesk.errors import FileUnreadable, NotABundle, NotOpenable

BUNDLE_SUFFIX = ".rdbundle"
CARD_SUFFIX = ".rdcard"
_SNIFF_BYTES = 4096


class FileKind(StrEnum):
    BUNDLE = "bundle"
    CARD = "card"  # a contact card or a key revocation, both read by the contacts page


def kind_of(path: Path) -> FileKind:
    """Raise :class:`NotOpenable` (or :class:`NotABundle` for a damaged ``.rdbundle``)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError as exc:
        raise FileUnreadable(path.name) from exc
    if head.startswith(VERSION_LINE):
        return FileKind.BUNDLE
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{") and any(
        f'"{fmt}"'.encode() in head for fmt in (CARD_FORMAT, REVOCATION_FORMAT)
    ):
        # The card parser checks the rest (size cap, signature, expiry) with its own errors.
        return FileKind.CARD
    if path.suffix.lower() == BUNDLE_SUFFIX:
        raise NotABundle(path.name)
    raise NotOpenable(path.name)
