"""The vault's document store: names and payloads sealed, a swapped row is caught."""

from __future__ import annotations

import sqlite3

import pytest

from reflectdesk.errors import RecordTampered
from tests.support import CreatedVault

NAME = "plantilla-CANARYdocname"


def test_names_and_payloads_are_sealed_and_bound_to_their_kind(created: CreatedVault) -> None:
    store = created.vault._unlocked().documents
    store.put("template", NAME, b"payload CANARYdocbody")
    store.put("snapshot", "other", b"x")
    assert store.payloads("template") == [b"payload CANARYdocbody"]
    created.vault._unlocked().db.checkpoint()
    raw = (created.path / "vault.db").read_bytes()
    assert b"CANARYdoc" not in raw
    assert b"CANARYdoc".hex().encode() not in raw
    with sqlite3.connect(created.path / "vault.db") as conn:  # relabel a row's kind
        conn.execute("UPDATE documents SET kind = 'template' WHERE kind = 'snapshot'")
    with pytest.raises(RecordTampered):
        store.list("template")
