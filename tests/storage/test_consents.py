"""Consent statements: appended, sealed, read oldest first; a moved timestamp is caught."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from reflectdesk.domain.model import Consent
from reflectdesk.errors import RecordTampered
from reflectdesk.storage.consents import NewConsent
from tests.support import CreatedVault, raw_db

T1 = datetime(2026, 3, 1, 10, tzinfo=UTC)
T2 = datetime(2026, 3, 2, 10, tzinfo=UTC)


def test_statements_and_withdrawal_in_order(created: CreatedVault) -> None:
    repo = created.vault._unlocked().consents
    repo.add_many([])  # nothing to store: no transaction
    repo.add_many(
        [
            NewConsent("e1", None, "in", "b2", ("c1",), T2),  # a withdrawal, stated later
            NewConsent("e1", Consent.RESEARCH, "in", "b1", ("c1",), T1),
            NewConsent("e2", Consent.READ, "out", "b1", (), T1),
        ]
    )
    records = repo.for_entry("e1")
    assert [(r.level, r.bundle_id, r.stated_at) for r in records] == [
        (Consent.RESEARCH, "b1", T1),
        (None, "b2", T2),
    ]
    assert records[0].contact_ids == ("c1",) and records[0].direction == "in"
    with raw_db(created.path) as conn:  # make the withdrawal look older
        conn.execute(
            "UPDATE consents SET created_at = ? WHERE id = ?",
            (int(T1.timestamp() * 1000) - 1, records[1].id),
        )
    with pytest.raises(RecordTampered):
        repo.for_entry("e1")
