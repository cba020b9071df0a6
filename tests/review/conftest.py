"""Identities and a revision to review."""

from __future__ import annotations

import hashlib

import pytest

from reflectdesk.bundles.keys import Identity
from reflectdesk.review.records import EntryRef


@pytest.fixture(scope="session")
def people() -> dict[str, Identity]:
    return {name: Identity.generate() for name in ("student", "mentor", "tutor", "stranger")}


@pytest.fixture(scope="session")
def revision(people: dict[str, Identity]) -> EntryRef:
    return EntryRef(
        author=people["student"].key_id.hex(),
        entry_id="e-0001",
        revision_id="r-0003",
        revision_hash=hashlib.sha256(b"revision 3").hexdigest(),
    )
