"""The signed manifest: round trip through canonical JSON, and each refusal said as
"damaged" or "update ReflectDesk" before anything else of the bundle is read."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from reflectdesk.bundles import BundleKind, BundleMeta, Identity
from reflectdesk.bundles.canonical import canonical_json
from reflectdesk.bundles.manifest import (
    FileRecord,
    Manifest,
    RecipientRecord,
    entry_path,
    new_manifest,
)
from reflectdesk.domain.model import Consent
from reflectdesk.errors import BundleError, BundleSchemaInvalid, BundleVersionUnsupported

AUTHOR, READER, STRANGER = Identity.generate(), Identity.generate(), Identity.generate()
ENTRY = "0190f5a0-0000-7000-8000-000000000001"


def _manifest() -> Manifest:
    data = b"{}"
    files = (
        FileRecord(entry_path(ENTRY), hashlib.sha256(data).hexdigest(), len(data)),
        FileRecord("attachments/0190f5a0-0000-7000-8000-000000000002", "0" * 64, 0),
    )
    meta = BundleMeta(
        BundleKind.JOURNAL,
        consent=Consent.READ,
        entry_consent={ENTRY: Consent.RESEARCH},
        created=datetime(2026, 3, 1, 10, 0, 0, 123456, tzinfo=UTC),
    )
    return new_manifest(AUTHOR.public, (RecipientRecord.of(READER.public),), files, meta)


def test_round_trip_and_what_it_says() -> None:
    manifest = _manifest()
    again = Manifest.from_bytes(manifest.to_bytes())
    assert again == manifest
    assert [f.path for f in again.files] == sorted(f.path for f in manifest.files)
    assert again.created.microsecond == 0  # whole seconds: the clock says no more
    assert again.consent_for(ENTRY) is Consent.RESEARCH
    assert again.consent_for("other") is Consent.READ
    assert again.file(entry_path(ENTRY)) is not None and again.file("nope") is None
    assert again.is_addressed_to(AUTHOR.public) and again.is_addressed_to(READER.public)
    assert not again.is_addressed_to(STRANGER.public)


def _edited(change: Callable[[dict[str, object]], None]) -> bytes:
    doc = json.loads(_manifest().to_bytes())
    change(doc)
    return canonical_json(doc)


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (lambda d: d.update(version=99), BundleVersionUnsupported),
        (lambda d: d.update(kind="cohort-2030"), BundleVersionUnsupported),
        (lambda d: d.update(format="something-else"), BundleSchemaInvalid),
        (lambda d: d["files"].reverse(), BundleSchemaInvalid),  # type: ignore[attr-defined]
        (lambda d: d["author"].update(key_id="00" * 8), BundleSchemaInvalid),  # type: ignore[attr-defined]
        (lambda d: d["recipients"].append(d["recipients"][0]), BundleSchemaInvalid),  # type: ignore[attr-defined,index]
        (lambda d: d["consent"]["entries"].update({"x": "read"}), BundleSchemaInvalid),  # type: ignore[index]
    ],
)
def test_refusals(change: Callable[[dict[str, object]], None], error: type[BundleError]) -> None:
    with pytest.raises(error):
        Manifest.from_bytes(_edited(change))


def test_only_canonical_bytes_are_read() -> None:
    pretty = json.dumps(json.loads(_manifest().to_bytes()), indent=2).encode()
    with pytest.raises(BundleError):
        Manifest.from_bytes(pretty)
