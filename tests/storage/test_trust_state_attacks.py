"""Indexes that disagree with their table: the set MAC reads every table in full, but
the app finds rows through indexes. An attacker with ``sqlite3`` can give a trust table
an index that leaves out a row (here: swap its root page with a copy built without the
row), so the MAC still matches while the app no longer sees the row."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from reflectdesk.bundles import Identity, make_card, make_revocation
from reflectdesk.domain.model import CardAction, Consent, EntryContent, ExportRequest, Role
from reflectdesk.errors import EXIT_VAULT, CardKeyRevoked, VaultStateTampered
from reflectdesk.services.vault import Vault
from tests.support import PASSPHRASE, CliResult, CreatedVault, raw_db

Cli = Callable[..., CliResult]


def _index_without(db: Path, table: str, index: str, columns: str, keep: str) -> None:
    """Swap ``index``'s root page with that of an index over the same columns built on a
    copy of ``table`` holding only the rows ``keep`` selects (same rowids), then drop the
    copy: a clean-looking file whose schema text is unchanged."""
    conn = raw_db(db)
    cols = [c.strip() for c in columns.split(",")]
    coldefs = ", ".join(f"{c} TEXT" for c in cols)
    conn.execute(f"CREATE TABLE rd_shadow ({coldefs})")
    conn.execute(
        f"INSERT INTO rd_shadow (rowid, {columns}) SELECT rowid, {columns} FROM {table} "  # noqa: S608
        f"WHERE {keep}"
    )
    conn.execute(f"CREATE INDEX rd_shadow_ix ON rd_shadow ({columns})")
    conn.commit()
    (real,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (index,)).fetchone()
    (fake,) = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'rd_shadow_ix'"
    ).fetchone()
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET rootpage = ? WHERE name = ?", (fake, index))
    conn.execute("UPDATE sqlite_master SET rootpage = ? WHERE name = 'rd_shadow_ix'", (real,))
    (cookie,) = conn.execute("PRAGMA schema_version").fetchone()
    conn.execute(f"PRAGMA schema_version = {cookie + 1}")
    conn.commit()
    conn.close()
    conn = raw_db(db)
    conn.execute("DROP TABLE rd_shadow")  # frees the real index's old pages
    conn.commit()
    conn.close()


def _refused(path: Path, cli: Cli) -> None:
    vault = Vault.open(path)
    try:
        with pytest.raises(VaultStateTampered) as caught:
            vault.unlock(PASSPHRASE)
        assert not vault.is_unlocked
    finally:
        vault.close()
    result = cli("entry", "list", env={"REFLECTDESK_LANG": "es"})
    assert result.code == EXIT_VAULT
    assert "fue cambiada, borrada o reemplazada por una copia anterior" in result.err
    assert "Traceback" not in result.err
    assert caught.value.detail.startswith("index")


def test_an_index_hiding_a_consent_withdrawal_is_detected(
    created: CreatedVault, cli: Cli, tmp_path: Path
) -> None:
    """Research consent must not come back in force by hiding the withdrawal from the
    index the app reads consents through (the table, and so the MAC, unchanged)."""
    v = created.vault
    e = v.entries.add(v.journals.create("J").id, EntryContent(title="x"))
    out = tmp_path / "out"
    out.mkdir()
    v.exports.export(ExportRequest(recipients=(), entry_ids=(e.id,), consent=Consent.RESEARCH), out)
    v.exports.withdraw_consent([e.id], [], out)
    current = v.bundle_log.current_consent(e.id)
    assert current is not None and current.withdrawn
    v.close()
    db = created.path
    conn = raw_db(db)
    (latest,) = conn.execute("SELECT max(rowid) FROM consents").fetchone()  # the withdrawal
    (index,) = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'consents' "
        "AND sql LIKE '%entry_id%'"
    ).fetchone()
    conn.close()
    _index_without(db, "consents", index, "entry_id", f"rowid <> {latest}")
    _refused(created.path, cli)


def test_an_index_hiding_an_imported_bundle_is_detected(
    created: CreatedVault, cli: Cli, tmp_path: Path
) -> None:
    """A bundle_log row hidden from its primary-key index would let the bundle be
    imported again (the replay check finds nothing)."""
    v = created.vault
    e = v.entries.add(v.journals.create("J").id, EntryContent(title="x"))
    out = tmp_path / "out"
    out.mkdir()
    v.exports.export(ExportRequest(recipients=(), entry_ids=(e.id,)), out)
    v.close()
    db = created.path
    _index_without(db, "bundle_log", "sqlite_autoindex_bundle_log_1", "id", "0")
    _refused(created.path, cli)


# --- rows of a table the state must cover, though no repository calls it "trust" ----------
def test_deleting_a_revocation_kept_for_a_key_no_contact_has_is_detected(
    created: CreatedVault, cli: Cli
) -> None:
    """A revocation imported before any card of its key is a sealed document; deleting
    that row from the closed file must not let the revoked key's card in afterwards."""
    stolen = Identity.generate()
    card = make_card(stolen, name="Ana Mentor", role=Role.MENTOR, institution="Liceo")
    v = created.vault
    kept = v.contacts.import_card(make_revocation(stolen))
    assert kept.action is CardAction.REVOCATION_UNKNOWN
    with pytest.raises(CardKeyRevoked):
        v.contacts.import_card(card)
    v.close()
    conn = raw_db(created.path)
    with conn:
        assert conn.execute("DELETE FROM documents WHERE kind = 'key-revocation'").rowcount == 1
    conn.close()
    vault = Vault.open(created.path)
    try:
        with pytest.raises(VaultStateTampered) as caught:
            vault.unlock(PASSPHRASE)
        assert caught.value.detail == "documents"
    finally:
        vault.close()
    result = cli("contact", "list", env={"REFLECTDESK_LANG": "es"})
    assert result.code == EXIT_VAULT
    assert "fue cambiada, borrada o reemplazada por una copia anterior" in result.err


# --- a schema that makes the app's later writes vanish -------------------------------------
def _rebuild_consents_ignoring_a_second_statement(db: Path) -> None:
    """Rebuild ``consents`` with its rows unchanged (so its MAC too) but a constraint
    that silently drops any second row for an entry: a later withdrawal."""
    conn = raw_db(db)
    conn.executescript(
        "PRAGMA foreign_keys = OFF; BEGIN;"
        "CREATE TABLE consents_new (id VARCHAR NOT NULL, entry_id VARCHAR NOT NULL,"
        " created_at INTEGER NOT NULL, blob BLOB NOT NULL, PRIMARY KEY (id),"
        " UNIQUE (entry_id) ON CONFLICT IGNORE);"
        "INSERT INTO consents_new SELECT id, entry_id, created_at, blob FROM consents;"
        "DROP TABLE consents; ALTER TABLE consents_new RENAME TO consents;"
        "CREATE INDEX ix_consents_entry_id ON consents (entry_id); COMMIT;"
    )
    conn.close()


def test_a_constraint_that_silently_drops_a_later_withdrawal_is_refused(
    created: CreatedVault, cli: Cli, tmp_path: Path
) -> None:
    """``ON CONFLICT IGNORE`` planted in a table's definition turns the app's own insert
    of a consent withdrawal (or of a bundle_log row, or of the untrusted-own-key secret)
    into a silent no-op: nothing errs, nothing is stored, the MAC stays consistent."""
    v = created.vault
    e = v.entries.add(v.journals.create("J").id, EntryContent(title="x"))
    out = tmp_path / "out"
    out.mkdir()
    v.exports.export(ExportRequest(recipients=(), entry_ids=(e.id,), consent=Consent.RESEARCH), out)
    v.close()
    _rebuild_consents_ignoring_a_second_statement(created.path)
    vault = Vault.open(created.path)
    try:
        with pytest.raises(VaultStateTampered) as caught:
            vault.unlock(PASSPHRASE)
        assert caught.value.detail == "schema: on conflict in consents"
        assert not vault.is_unlocked
    finally:
        vault.close()
    result = cli("entry", "list", env={"REFLECTDESK_LANG": "es"})
    assert result.code == EXIT_VAULT
    assert "fue cambiada, borrada o reemplazada por una copia anterior" in result.err


def test_deleting_a_middle_revision_is_detected(created: CreatedVault) -> None:
    """Revisions are sealed under their ids and a head rollback shows in ``entries``; a
    *middle* revision deleted from the closed file shows too: every revision's presence
    is in the sealed state (``entry_revisions`` in TRUST_RECORDS)."""
    v = created.vault
    e = v.entries.add(v.journals.create("J").id, EntryContent(title="v1"))
    for title in ("v2", "v3"):
        e = v.entries.edit(e.id, EntryContent(title=title))
    middle = v.entries.history(e.id)[1].id
    v.close()
    conn = raw_db(created.path)
    with conn:
        conn.execute("DELETE FROM entry_revisions WHERE id = ?", (middle,))
    conn.close()
    vault = Vault.open(created.path)
    try:
        with pytest.raises(VaultStateTampered):
            vault.unlock(PASSPHRASE)
            vault.entries.history(e.id)
    finally:
        vault.close()


def test_an_index_hiding_a_middle_revision_from_the_history_is_detected(
    created: CreatedVault, cli: Cli
) -> None:
    """Since schema 5 the state check reads the revisions through the index the history
    is listed by (a covering index, named with INDEXED BY): a revision left out of that
    index while its row stays in the table is a missing element of the MAC."""
    v = created.vault
    e = v.entries.add(v.journals.create("J").id, EntryContent(title="v1"))
    for title in ("v2", "v3"):
        e = v.entries.edit(e.id, EntryContent(title=title))
    middle = v.entries.history(e.id)[1].id
    v.close()
    _index_without(
        created.path,
        "entry_revisions",
        "ix_rev_entry_seq_id",
        "entry_id, seq, id",
        f"id != '{middle}'",
    )
    vault = Vault.open(created.path)
    try:
        with pytest.raises(VaultStateTampered) as caught:
            vault.unlock(PASSPHRASE)
        assert caught.value.detail == "entry_revisions"
    finally:
        vault.close()
