"""The vault's document store: names and payloads sealed, a swapped row is caught."""

from __future__ import annotations

import pytest

from reflectdesk.errors import RecordTampered
from reflectdesk.storage.database import DB_NAME
from tests.support import CreatedVault, raw_db

NAME = "plantilla-CANARYdocname"


def test_names_and_payloads_are_sealed_and_bound_to_their_kind(created: CreatedVault) -> None:
    store = created.vault._unlocked().documents
    store.put("template", NAME, b"payload CANARYdocbody")
    store.put("snapshot", "other", b"x")
    assert store.payloads("template") == [b"payload CANARYdocbody"]
    created.vault._unlocked().db.checkpoint()
    raw = (created.path / DB_NAME).read_bytes()
    assert b"CANARYdoc" not in raw
    assert b"CANARYdoc".hex().encode() not in raw
    with raw_db(created.path) as conn:  # relabel a row's kind
        conn.execute("UPDATE documents SET kind = 'template' WHERE kind = 'snapshot'")
    with pytest.raises(RecordTampered):
        store.list("template")
