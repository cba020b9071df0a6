"""The sealed vault state: edits of the closed file to the rows that decide trust are
detected at unlock (issue 10 point 3), with a specific, translated message."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reflectdesk.domain.model import Consent, EntryContent, ExportRequest
from reflectdesk.errors import EXIT_VAULT, VaultStateTampered
from reflectdesk.services.vault import NewProfile, Vault
from reflectdesk.storage.database import DB_NAME
from reflectdesk.storage.trust_state import TRUST_RECORDS
from tests.support import PASSPHRASE, CliResult, CreatedVault, raw_db

Cli = Callable[..., CliResult]


def _edit(path: Path, *statements: tuple[str, tuple[object, ...]]) -> None:
    """Edit the closed vault file with plain sqlite3, as an attacker would."""
    conn = raw_db(path)
    with conn:
        for sql, params in statements:
            conn.execute(sql, params)
    conn.close()


def _one(path: Path, sql: str, *params: object) -> tuple[object, ...]:
    conn = raw_db(path)
    try:
        row = conn.execute(sql, params).fetchone()
    finally:
        conn.close()
    assert row is not None
    return tuple(row)


def _refused(path: Path, table: str) -> None:
    vault = Vault.open(path)
    try:
        with pytest.raises(VaultStateTampered) as caught:
            vault.unlock(PASSPHRASE)
        assert caught.value.detail == table
        assert not vault.is_unlocked
    finally:
        vault.close()


def _spanish_refusal(cli: Cli) -> None:
    """The CLI says it in the user's language, with what to do; no traceback."""
    result = cli("entry", "list", env={"REFLECTDESK_LANG": "es"})
    assert result.code == EXIT_VAULT
    assert "fue cambiada, borrada o reemplazada por una copia anterior" in result.err
    assert "restaura la carpeta completa de tu espacio" in result.err
    assert "Traceback" not in result.err


@pytest.fixture
def journal_entry(created: CreatedVault) -> Iterator[tuple[str, str, str]]:
    """A journal and an entry edited once: (entry id, first revision, head revision)."""
    v = created.vault
    j = v.journals.create("Práctica")
    e = v.entries.add(j.id, EntryContent(title="v1", sections={"body": "uno"}))
    e = v.entries.edit(e.id, EntryContent(title="v2", sections={"body": "dos"}))
    first, head = [r.id for r in v.entries.history(e.id)]
    yield e.id, first, head


# --- the attacks of point 3 ------------------------------------------------------------------
def test_deleting_the_untrusted_own_key_secret_is_detected(created: CreatedVault, cli: Cli) -> None:
    """A revoked own key must not become "you" again by deleting the record of it."""
    created.vault.identity.revocation()
    created.vault.close()
    _edit(created.path, ("DELETE FROM secrets WHERE id = 'identity-untrusted'", ()))
    _refused(created.path, "secrets")
    _spanish_refusal(cli)


def test_an_older_copy_of_the_untrusted_keys_is_detected(created: CreatedVault) -> None:
    v = created.vault
    v.identity.revocation()
    (old,) = _one(created.path, "SELECT blob FROM secrets WHERE id = 'identity-untrusted'")
    v.identity.rotate(vouch=False)
    v.identity.revocation()  # the new key too: the list now holds two keys
    v.close()
    _edit(created.path, ("UPDATE secrets SET blob = ? WHERE id = 'identity-untrusted'", (old,)))
    _refused(created.path, "secrets")


def test_moving_a_consent_withdrawal_before_the_grant_is_detected(
    created: CreatedVault, cli: Cli, tmp_path: Path
) -> None:
    """Research consent must not come back in force by editing a withdrawal's time."""
    v = created.vault
    e = v.entries.add(v.journals.create("J").id, EntryContent(title="x"))
    out = tmp_path / "out"
    out.mkdir()
    v.exports.export(ExportRequest(recipients=(), entry_ids=(e.id,), consent=Consent.RESEARCH), out)
    v.exports.withdraw_consent([e.id], [], out)
    current = v.bundle_log.current_consent(e.id)
    assert current is not None and current.withdrawn
    v.close()
    _edit(
        created.path,
        (
            "UPDATE consents SET created_at = 0 WHERE entry_id = ? AND created_at = "
            "(SELECT max(created_at) FROM consents WHERE entry_id = ?)",
            (e.id, e.id),
        ),
    )
    _refused(created.path, "consents")
    _spanish_refusal(cli)


def test_rolling_back_an_entry_head_is_detected(
    created: CreatedVault, journal_entry: tuple[str, str, str], cli: Cli
) -> None:
    entry_id, first, _ = journal_entry
    created.vault.close()
    _edit(
        created.path,
        ("UPDATE entries SET head_revision_id = ?, head_seq = 1 WHERE id = ?", (first, entry_id)),
    )
    _refused(created.path, "entries")
    _spanish_refusal(cli)


# --- the adversary with the closed file --------------------------------------------------------
def test_swapping_two_sealed_secrets_is_detected(created: CreatedVault) -> None:
    v = created.vault
    v.identity.rotate()  # identity, identity-previous, identity-vouched
    v.close()
    (a,) = _one(created.path, "SELECT blob FROM secrets WHERE id = 'identity'")
    (b,) = _one(created.path, "SELECT blob FROM secrets WHERE id = 'identity-previous'")
    _edit(
        created.path,
        ("UPDATE secrets SET blob = ? WHERE id = 'identity'", (b,)),
        ("UPDATE secrets SET blob = ? WHERE id = 'identity-previous'", (a,)),
    )
    _refused(created.path, "secrets")


def test_restoring_an_old_meta_row_is_detected(
    created: CreatedVault, journal_entry: tuple[str, str, str]
) -> None:
    """The sealed state itself rolled back (with the rows as they are now)."""
    (old_state,) = _one(created.path, "SELECT value FROM meta WHERE key = 'vault_state'")
    entry_id, _, _ = journal_entry
    created.vault.entries.edit(entry_id, EntryContent(title="v3"))
    created.vault.close()
    _edit(created.path, ("UPDATE meta SET value = ? WHERE key = 'vault_state'", (old_state,)))
    _refused(created.path, "entries,entry_revisions")


def test_deleting_the_sealed_state_is_detected(created: CreatedVault) -> None:
    created.vault.close()
    _edit(created.path, ("DELETE FROM meta WHERE key = 'vault_state'", ()))
    _refused(created.path, "meta.vault_state: missing")


def test_another_vaults_sealed_state_is_refused(created: CreatedVault, tmp_path: Path) -> None:
    other, _ = Vault.create(
        tmp_path / "other",
        PASSPHRASE,
        NewProfile("Otra", created.vault.profile.role, "es"),
        kdf_params=created.vault.kdf_params,
    )
    other.close()
    (theirs,) = _one(tmp_path / "other", "SELECT value FROM meta WHERE key = 'vault_state'")
    created.vault.close()
    _edit(created.path, ("UPDATE meta SET value = ? WHERE key = 'vault_state'", (theirs,)))
    _refused(created.path, "meta.vault_state")


def test_deleting_or_duplicating_a_row_is_detected(
    created: CreatedVault, journal_entry: tuple[str, str, str], tmp_path: Path
) -> None:
    entry_id, _, _ = journal_entry
    created.vault.close()
    pristine = tmp_path / "pristine"
    shutil.copytree(created.path, pristine)
    _edit(created.path, ("DELETE FROM entries WHERE id = ?", (entry_id,)))
    _refused(created.path, "entries")
    shutil.rmtree(created.path)
    shutil.copytree(pristine, created.path)
    _edit(
        created.path,
        (
            "INSERT INTO journals (id, space, author_contact_id, created_at, updated_at, rev, "
            "archived, blob) SELECT 'a-copy', space, author_contact_id, created_at, updated_at, "
            "rev, archived, blob FROM journals LIMIT 1",
            (),
        ),
    )
    _refused(created.path, "journals")


def test_every_change_through_the_app_keeps_the_state(
    created: CreatedVault, tmp_path: Path
) -> None:
    """Inserts, updates and deletes through every repository (several in one transaction)
    leave a state the next unlock accepts; the write counter moves on."""
    v = created.vault
    j = v.journals.create("J")
    e = v.entries.add(j.id, EntryContent(title="uno"))
    v.entries.edit(e.id, EntryContent(title="dos"))
    v.entries.restore(e.id, e.head.id)
    v.journals.rename(j.id, "J2")
    v.update_profile(name="Camila P.")
    v.identity.rotate()
    v.identity.revocation()
    out = tmp_path / "out"
    out.mkdir()
    v.exports.export(ExportRequest(recipients=(), entry_ids=(e.id,)), out)
    counter = _counter(v)
    v.lock()
    v.unlock(PASSPHRASE)
    assert _counter(v) == counter > 5


def _counter(vault: Vault) -> int:
    from reflectdesk.storage.trust_state import TrustState

    st = vault._unlocked()
    with st.db.engine.connect() as conn:
        return TrustState(st.cipher).verify(conn)


def test_the_registry_names_real_columns(created: CreatedVault) -> None:
    """One place lists the trust records; a typo there would leave a table uncovered."""
    conn = raw_db(created.path)
    try:
        for table in TRUST_RECORDS:
            columns = {r[1] for r in conn.execute(f"PRAGMA table_info({table.name})")}
            assert set(table.columns) <= columns and table.key in columns, table.name
    finally:
        conn.close()


def test_a_whole_vault_rolled_back_still_opens(created: CreatedVault, tmp_path: Path) -> None:
    """The stated limit (docs/threat-model.md): a complete older copy is consistent, and
    nothing offline can tell it from the present one."""
    v = created.vault
    e = v.entries.add(v.journals.create("J").id, EntryContent(title="antes"))
    v._unlocked().db.checkpoint()
    old = tmp_path / "old.db"
    shutil.copy2(created.path / DB_NAME, old)
    v.entries.edit(e.id, EntryContent(title="después"))
    v.close()
    shutil.copy2(old, created.path / DB_NAME)
    for suffix in ("-wal", "-shm"):
        (created.path / f"{DB_NAME}{suffix}").unlink(missing_ok=True)
    vault = Vault.open(created.path)
    vault.unlock(PASSPHRASE)
    assert vault.entries.get(e.id).content.title == "antes"
    vault.close()


def test_a_table_rebuilt_with_copies_of_an_old_row_is_detected(created: CreatedVault) -> None:
    """Without its primary key a table can hold an old row twice, read first: an XOR set
    MAC would cancel the pair, the additive one does not."""
    v = created.vault
    v.identity.revocation()
    (old,) = _one(created.path, "SELECT blob FROM secrets WHERE id = 'identity-untrusted'")
    v.identity.rotate(vouch=False)
    v.close()
    _edit(
        created.path,
        ("CREATE TABLE s2 (id VARCHAR, created_at INTEGER, blob BLOB)", ()),
        (
            "INSERT INTO s2 VALUES ('identity-untrusted', 0, ?), ('identity-untrusted', 0, ?)",
            (old, old),
        ),
        ("INSERT INTO s2 SELECT id, created_at, blob FROM secrets", ()),
        ("DROP TABLE secrets", ()),
        ("ALTER TABLE s2 RENAME TO secrets", ()),
    )
    _refused(created.path, "secrets")


def test_a_trigger_planted_in_the_file_is_refused(created: CreatedVault) -> None:
    """It would run inside the app's transactions, its effects sealed as the app's."""
    created.vault.close()
    _edit(
        created.path,
        (
            "CREATE TRIGGER keep_keys AFTER INSERT ON secrets "
            "WHEN NEW.id = 'identity-untrusted' BEGIN "
            "DELETE FROM secrets WHERE id = 'identity-untrusted'; END",
            (),
        ),
    )
    _refused(created.path, "schema: trigger keep_keys")


def test_an_old_header_put_back_does_not_reseal_an_edited_file(
    created: CreatedVault, journal_entry: tuple[str, str, str], tmp_path: Path
) -> None:
    """A format-1 header (from before the upgrade) put back beside the page-encrypted
    file: refused, never a migration that would accept edited rows."""
    from dataclasses import replace

    from reflectdesk.vault.header import write_header

    entry_id, first, _ = journal_entry
    v = created.vault
    old_header = replace(v._header, format=1).sealed(v._unlocked().cipher.key)
    v.close()
    write_header(created.path, old_header)
    _edit(
        created.path,
        ("UPDATE entries SET head_revision_id = ?, head_seq = 1 WHERE id = ?", (first, entry_id)),
    )
    _refused(created.path, "header.format")


def test_undeleting_a_removed_attachment_is_detected(created: CreatedVault, tmp_path: Path) -> None:
    """A photo the owner removed must not come back (and travel in the next export)."""
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(b"\xff\xd8 alumno")
    v = created.vault
    e = v.entries.add(v.journals.create("J").id, EntryContent(title="x"), [photo])
    v.entries.remove_attachment(e.attachments[0].id)
    v.close()
    _edit(created.path, ("UPDATE attachments SET deleted = 0", ()))
    _refused(created.path, "attachments")


def test_an_id_with_a_hidden_nul_is_not_the_same_row(created: CreatedVault) -> None:
    """Renaming a row's id so that lookups miss it (here: a NUL appended) is a deletion,
    and the encoding covers every byte (SQLite's quote() and length() stop at a NUL)."""
    created.vault.identity.revocation()
    created.vault.close()
    _edit(
        created.path,
        ("UPDATE secrets SET id = id || char(0) WHERE id = 'identity-untrusted'", ()),
    )
    _refused(created.path, "secrets")


@pytest.mark.parametrize(
    "sql",
    [
        "DROP TABLE consents",
        "UPDATE secrets SET id = CAST(X'6964656e74ff' AS TEXT) WHERE id = 'identity'",
    ],
    ids=["a table dropped", "text that is not UTF-8"],
)
def test_a_file_reflectdesk_never_writes_is_refused_by_name(
    created: CreatedVault, sql: str
) -> None:
    """No traceback: the unlock says the vault was changed outside ReflectDesk."""
    created.vault.close()
    _edit(created.path, (sql, ()))
    vault = Vault.open(created.path)
    try:
        with pytest.raises(VaultStateTampered):
            vault.unlock(PASSPHRASE)
    finally:
        vault.close()


def test_a_table_registered_later_is_covered_from_the_next_unlock(
    created: CreatedVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A newer version registering another table, or changing one's columns (here:
    contacts with one column more, documents with one less), seals it as found at its
    first unlock and checks it from then on."""
    from reflectdesk.storage import trust_state

    created.vault._unlocked().documents.put("note", "una", b"datos")
    created.vault.close()
    changed = {
        "contacts": ("id", "key_tag", "rev", "blob", "created_at"),
        "documents": ("id", "kind", "blob"),
    }
    newer = tuple(
        trust_state.TrustTable(t.name, changed.get(t.name, t.columns))
        for t in trust_state.TRUST_RECORDS
    )
    monkeypatch.setattr(trust_state, "TRUST_RECORDS", newer)
    monkeypatch.setattr(trust_state, "_BY_NAME", {t.name: t for t in newer})
    vault = Vault.open(created.path)
    vault.unlock(PASSPHRASE)  # sealed as found, once
    vault.close()
    vault = Vault.open(created.path)
    vault.unlock(PASSPHRASE)  # and checked
    vault.close()
    _edit(created.path, ("UPDATE documents SET kind = 'x'", ()))
    _refused(created.path, "documents")
