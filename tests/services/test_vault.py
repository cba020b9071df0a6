"""Vault lifecycle: passphrases, recovery, locking, the single-writer lock."""

from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path

import pytest

from reflectdesk.crypto.kdf import FLOOR_ITERATIONS, FLOOR_MEMORY_KIB
from reflectdesk.domain.model import EntryContent, Role
from reflectdesk.errors import (
    VaultExists,
    VaultInUse,
    VaultLocked,
    WeakPassphrase,
    WrongPassphrase,
    WrongRecoveryKey,
)
from reflectdesk.progress import Progress
from reflectdesk.services.vault import NewProfile, Vault
from tests.support import PASSPHRASE, PYTHON, CreatedVault, cli_env


def _fill(vault: Vault, n: int = 5) -> dict[str, str]:
    j = vault.journals.create("Práctica profesional")
    out = {}
    for i in range(n):
        e = vault.entries.add(j.id, EntryContent(title=f"Entrada {i}", sections={"body": f"t{i}"}))
        out[e.id] = f"t{i}"
    return out


def _assert_readable(vault: Vault, expected: dict[str, str]) -> None:
    for eid, body in expected.items():
        assert vault.entries.get(eid).content.sections["body"] == body


def test_default_creation_is_calibrated_never_light(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path / "v", PASSPHRASE, NewProfile("Ana", Role.MENTOR))
    try:
        params = vault.kdf_params
        assert not params.light
        assert params.memory_kib >= FLOOR_MEMORY_KIB
        assert params.iterations >= FLOOR_ITERATIONS
    finally:
        vault.close()


def test_wrong_passphrase_changes_nothing(created: CreatedVault) -> None:
    created.vault.close()
    before = (created.path / "vault.rdh").read_bytes()
    vault = Vault.open(created.path)
    with pytest.raises(WrongPassphrase):
        vault.unlock("not the passphrase")
    assert not vault.is_unlocked
    vault.close()
    assert (created.path / "vault.rdh").read_bytes() == before


def test_change_passphrase_keeps_entries_and_retires_old(created: CreatedVault) -> None:
    expected = _fill(created.vault)
    created.vault.change_passphrase(PASSPHRASE, "a brand new passphrase")
    created.vault.close()
    vault = Vault.open(created.path)
    with pytest.raises(WrongPassphrase):
        vault.unlock(PASSPHRASE)
    vault.unlock("a brand new passphrase")
    _assert_readable(vault, expected)
    vault.close()


def test_change_passphrase_needs_the_old_one(created: CreatedVault) -> None:
    with pytest.raises(WrongPassphrase):
        created.vault.change_passphrase("guessing wrongly", "a brand new passphrase")


def test_recover_sets_new_passphrase(created: CreatedVault) -> None:
    expected = _fill(created.vault)
    created.vault.close()
    vault = Vault.open(created.path)
    vault.recover(created.recovery_key.lower(), "recovered passphrase!")
    _assert_readable(vault, expected)
    vault.close()
    vault = Vault.open(created.path)
    with pytest.raises(WrongPassphrase):
        vault.unlock(PASSPHRASE)
    vault.unlock("recovered passphrase!")
    _assert_readable(vault, expected)
    vault.close()


def test_wrong_recovery_key(created: CreatedVault, tmp_path: Path) -> None:
    other, other_key = Vault.create(
        tmp_path / "other",
        PASSPHRASE,
        NewProfile("X", Role.STUDENT),
        kdf_params=created.vault.kdf_params.insecure_for_tests(),
    )
    other.close()
    created.vault.close()
    before = (created.path / "vault.rdh").read_bytes()
    vault = Vault.open(created.path)
    with pytest.raises(WrongRecoveryKey):
        vault.recover(other_key, "whatever passphrase")
    vault.close()
    assert (created.path / "vault.rdh").read_bytes() == before


def test_weak_passphrase_refused(tmp_path: Path) -> None:
    with pytest.raises(WeakPassphrase):
        Vault.create(tmp_path / "v", "short", NewProfile("A", Role.STUDENT))
    assert not (tmp_path / "v" / "vault.rdh").exists()


def test_create_twice_refused(created: CreatedVault) -> None:
    with pytest.raises(VaultExists):
        Vault.create(created.path, PASSPHRASE, NewProfile("A", Role.STUDENT))


def test_lock_drops_access(created: CreatedVault) -> None:
    _fill(created.vault, 1)
    created.vault.lock()
    with pytest.raises(VaultLocked):
        created.vault.entries.list()
    with pytest.raises(VaultLocked):
        created.vault.search.query("entrada")
    created.vault.unlock(PASSPHRASE)
    assert len(created.vault.search.query("entrada")) == 1


def test_second_process_gets_vault_in_use(created: CreatedVault) -> None:
    _fill(created.vault, 1)
    script = textwrap.dedent(
        f"""
        from pathlib import Path
        from reflectdesk.errors import VaultInUse
        from reflectdesk.services.vault import Vault
        try:
            Vault.open(Path({str(created.path)!r}))
        except VaultInUse:
            raise SystemExit(42)
        """
    )
    proc = subprocess.run([PYTHON, "-c", script], env=cli_env(created.path), timeout=60)
    assert proc.returncode == 42
    # The first holder carries on.
    j = created.vault.journals.list()[0]
    created.vault.entries.add(j.id, EntryContent(title="still here"))
    assert created.vault.entries.count() == 2


def test_cli_reports_vault_in_use(created: CreatedVault) -> None:
    proc = subprocess.run(
        [PYTHON, "-m", "reflectdesk.cli", "journal", "list"],
        env=cli_env(created.path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 5
    assert "already open" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_same_process_second_open_refused(created: CreatedVault) -> None:
    with pytest.raises(VaultInUse):
        Vault.open(created.path)


def test_changes_are_announced(created: CreatedVault) -> None:
    seen = []
    unsubscribe = created.vault.subscribe(seen.append)
    _fill(created.vault, 1)
    unsubscribe()
    assert any(c.journals for c in seen)
    assert any(c.entries for c in seen)


_KILLED_BETWEEN = """
import os, signal, sys
from pathlib import Path
from reflectdesk.domain.model import EntryContent
from reflectdesk.search.index import SearchIndex
from reflectdesk.services.vault import Vault
vault = Vault.open(Path(sys.argv[1]))
vault.unlock(sys.argv[2])
entry_id = sys.argv[3]
def die(self, docs):  # the record is committed; its index write never happens
    os.kill(os.getpid(), signal.SIGKILL)
SearchIndex.add_many = die
vault.entries.edit(entry_id, EntryContent(title="Nueva versión", sections={"body": "girasol"}))
"""


def test_a_kill_between_record_and_index_is_caught_up_at_unlock(
    created: CreatedVault,
) -> None:
    """The record commits before its index row: a SIGKILL in between (injected: the real
    parts cannot stop there on cue) leaves an index row made from the old head, which
    the next unlock finds by its head id (one join) and rewrites; nothing is rebuilt."""
    import subprocess

    v = created.vault
    entry = v.entries.add(v.journals.create("J").id, EntryContent(title="Vieja", sections={}))
    other = v.entries.add(entry.journal_id, EntryContent(title="Otra", sections={}))
    v.close()
    proc = subprocess.run(
        [PYTHON, "-c", _KILLED_BETWEEN, str(created.path), PASSPHRASE, entry.id],
        env=cli_env(created.path),
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == -9, proc.stderr
    seen: list[Progress] = []
    with Vault.open(created.path) as vault:
        vault.unlock(PASSPHRASE, progress=seen.append)
        assert vault.entries.get(entry.id).content.title == "Nueva versión"  # the record
        assert [h.entry_id for h in vault.search.query("girasol")] == [entry.id]
        assert vault.search.query("vieja") == []
        assert {s.id: s.title for s in vault.entries.list()} == {
            entry.id: "Nueva versión",
            other.id: "Otra",
        }
        index = vault._unlocked().index
        assert index.stale() == ([], [])
        index.integrity_check()
    # Unlock reports one step for the index, however large the vault: no rebuild.
    assert [p for p in seen if p.label_code == "index"] == [
        Progress(0, 1, "index"),
        Progress(1, 1, "index"),
    ]
