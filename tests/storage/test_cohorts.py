"""Cohort rows: sealed names, in the vault state MAC, schema 5 -> 6."""

from __future__ import annotations

import pytest

from reflectdesk.errors import VaultStateTampered
from reflectdesk.services.vault import Vault
from reflectdesk.storage.cohorts import CohortRepo
from reflectdesk.storage.schema import SCHEMA_VERSION
from tests.support import PASSPHRASE, CreatedVault, raw_db

NAME = "Práctica Profesional II — 2026 — Sección 2"


def test_a_cohort_round_trips_and_its_name_is_sealed(created: CreatedVault) -> None:
    st = created.vault._unlocked()
    repo = CohortRepo(st.db, st.cipher)
    made = repo.add("c1", NAME, ("a", "b"))
    assert (made.name, made.member_ids, made.rev) == (NAME, ("a", "b"), 1)
    updated = repo.update("c1", NAME + " bis", ("b",))
    assert updated is not None and (updated.rev, updated.member_ids) == (2, ("b",))
    assert repo.update("nadie", NAME, ()) is None
    assert [c.id for c in repo.list()] == ["c1"]
    st.db.checkpoint()
    raw = (created.path / "vault-pages.db").read_bytes()
    assert "Sección".encode() not in raw  # pages are encrypted, and the blob is sealed
    with raw_db(created.path) as conn:
        (blob,) = conn.execute("SELECT blob FROM cohorts").fetchone()
    assert "Sección".encode() not in bytes(blob)
    repo.remove("c1")
    assert repo.get("c1") is None


def test_a_cohort_row_edited_while_closed_is_caught_at_unlock(created: CreatedVault) -> None:
    st = created.vault._unlocked()
    CohortRepo(st.db, st.cipher).add("c1", NAME, ("a",))
    created.vault.close()
    with raw_db(created.path) as conn:
        conn.execute("DELETE FROM cohorts")
    vault = Vault.open(created.path)
    with pytest.raises(VaultStateTampered):
        vault.unlock(PASSPHRASE)
    vault.close()


def test_a_schema_5_vault_gains_the_cohort_tables(created: CreatedVault) -> None:
    created.vault.close()
    with raw_db(created.path) as conn:
        conn.execute("DROP TABLE cohorts")
        conn.execute("DROP TABLE seen_files")
        conn.execute("UPDATE meta SET value='5' WHERE key='schema_version'")
    vault = Vault.open(created.path)
    vault.unlock(PASSPHRASE)
    try:
        assert vault.cohorts.list() == []
        vault.cohorts.create(NAME)
        assert [c.name for c in vault.cohorts.list()] == [NAME]
        assert vault.integrity_check() == "ok"
    finally:
        vault.close()
    with raw_db(created.path) as conn:
        (version,) = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    assert version == str(SCHEMA_VERSION)  # and every later step ran too


def test_a_cohort_rolled_back_to_its_older_sealed_row_is_caught(created: CreatedVault) -> None:
    """Attack: put back a cohort's earlier row (a genuine sealed blob, with a member the
    tutor since removed) in the closed file."""
    st = created.vault._unlocked()
    repo = CohortRepo(st.db, st.cipher)
    repo.add("c1", NAME, ("a", "b"))
    st.db.checkpoint()
    with raw_db(created.path) as conn:
        old = conn.execute("SELECT id, rev, blob FROM cohorts").fetchone()
    repo.update("c1", NAME, ("b",))
    created.vault.close()
    with raw_db(created.path) as conn:
        conn.execute("UPDATE cohorts SET rev = ?, blob = ? WHERE id = ?", (old[1], old[2], old[0]))
    vault = Vault.open(created.path)
    with pytest.raises(VaultStateTampered):
        vault.unlock(PASSPHRASE)
    vault.close()


def test_a_cohort_table_dropped_as_if_schema_5_is_caught(created: CreatedVault) -> None:
    """Attack: drop the cohorts table and say the vault is schema 5, so the migration
    makes an empty one: the vault state MAC still names the cohort."""
    st = created.vault._unlocked()
    CohortRepo(st.db, st.cipher).add("c1", NAME, ("a",))
    created.vault.close()
    with raw_db(created.path) as conn:
        conn.execute("DROP TABLE cohorts")
        conn.execute("DROP TABLE seen_files")
        conn.execute("UPDATE meta SET value='5' WHERE key='schema_version'")
    vault = Vault.open(created.path)
    with pytest.raises(VaultStateTampered):
        vault.unlock(PASSPHRASE)
    vault.close()
