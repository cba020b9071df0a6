"""Format 2 → 3 (storage/migration.py): a vault made by the release before, converted at
its first unlock, atomically, with progress and cancel, every row kept."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from reflectdesk.errors import Cancelled, VaultMigrationFailed, WrongPassphrase, WrongRecoveryKey
from reflectdesk.progress import CancelToken, Progress
from reflectdesk.services.vault import Vault
from reflectdesk.storage import migration
from reflectdesk.storage.database import DB_NAME, LEGACY_DB_NAME
from reflectdesk.vault.header import read_header
from tests.support import PASSPHRASE, REPO

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "vault-v2"


def _snapshot_fn() -> Any:
    spec = importlib.util.spec_from_file_location("vault_v2_make", FIXTURE / "make.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.snapshot


def _copy(tmp_path: Path, name: str = "mentor") -> tuple[Path, dict[str, Any]]:
    path = tmp_path / name
    shutil.copytree(FIXTURE / "mentor", path)
    return path, json.loads((FIXTURE / "facts.json").read_text())


def _digest(path: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(path.iterdir())
        if p.is_file() and p.name != "vault.lock"
    }


def _assert_converted(path: Path, facts: dict[str, Any], passphrase: str = PASSPHRASE) -> None:
    """Unlock (converting if not yet done), compare everything, check what is on disk."""
    with Vault.open(path) as vault:
        vault.unlock(passphrase)
        got = _snapshot_fn()(vault)
        for key in ("journals", "entries", "contacts", "bundle_log", "profile"):
            assert got[key] == facts[key], key
        assert vault.integrity_check() == "ok"
        assert {h.title for h in vault.search.query("observe*")} == {"Observación de aula"}
    assert read_header(path).format == 3
    assert sorted(p.name for p in path.iterdir()) == ["vault-pages.db", "vault.lock", "vault.rdh"]


def test_a_vault_made_by_the_format_2_release_migrates_at_unlock(tmp_path: Path) -> None:
    path, facts = _copy(tmp_path)
    assert read_header(path).format == 2
    seen: list[str] = []
    with Vault.open(path) as vault:
        vault.unlock(PASSPHRASE, progress=lambda p: seen.append(p.label_code))
        assert vault.entries.count() == len(facts["entries"])
    # Progress for the copy, the index and the check, in that order.
    steps = [s for i, s in enumerate(seen) if s != seen[i - 1] or i == 0]
    assert steps[:4] == ["kdf", "migrate", "index", "verify"]
    _assert_converted(path, facts)
    # Nothing of the old plaintext columns is left on disk: ids, key ids, names.
    raw = b"".join(p.read_bytes() for p in path.iterdir() if p.is_file())
    assert b"SQLite format 3" not in raw
    for entry_id in facts["entries"]:
        assert entry_id.encode() not in raw
    assert b"Rosa" not in raw and b"Notas de mentor" not in raw


def test_a_second_unlock_converts_nothing(tmp_path: Path) -> None:
    path, facts = _copy(tmp_path)
    with Vault.open(path) as vault:
        vault.unlock(PASSPHRASE)
    seen: list[Progress] = []
    with Vault.open(path) as vault:
        vault.unlock(PASSPHRASE, progress=seen.append)
    assert {p.label_code for p in seen} == {"kdf", "index"}
    _assert_converted(path, facts)


def test_cancel_leaves_the_old_vault_as_it_was(tmp_path: Path) -> None:
    path, facts = _copy(tmp_path)
    before = _digest(path)
    for stage in ("migrate", "index", "verify"):
        cancel = CancelToken()

        def progress(p: Progress, stage: str = stage, cancel: CancelToken = cancel) -> None:
            if p.label_code == stage:
                cancel.cancel()

        with Vault.open(path) as vault:
            with pytest.raises(Cancelled):
                vault.unlock(PASSPHRASE, progress=progress, cancel=cancel)
            assert not vault.is_unlocked
        assert read_header(path).format == 2
        assert not (path / DB_NAME).exists() and not (path / migration.PARTIAL_NAME).exists()
        # The old file may have had its schema brought up to date (as every unlock
        # does), never converted: the header, and no new file.
        assert set(_digest(path)) == set(before), stage
    with Vault.open(path) as vault:
        vault.unlock(PASSPHRASE)
    _assert_converted(path, facts)


def test_wrong_passphrase_before_migration_changes_nothing(tmp_path: Path) -> None:
    path, _ = _copy(tmp_path)
    before = _digest(path)
    with Vault.open(path) as vault, pytest.raises(WrongPassphrase):
        vault.unlock("not the passphrase at all")
    with Vault.open(path) as vault, pytest.raises(WrongRecoveryKey):
        vault.recover("AAAA-" * 13 + "AAAA", "a new passphrase 2026")
    assert _digest(path) == before


def test_the_recovery_key_unlocks_and_migrates(tmp_path: Path) -> None:
    path, facts = _copy(tmp_path)
    with Vault.open(path) as vault:
        vault.recover(facts["recovery_key"], "a new passphrase 2026")
        assert vault.is_unlocked
    _assert_converted(path, facts, "a new passphrase 2026")


def test_a_copy_that_does_not_check_is_never_switched_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A row differing in the copy (injected: the real copy does not err on cue) fails
    the check; the old file stays the vault."""
    path, facts = _copy(tmp_path)
    before = _digest(path)
    real = migration.table_digest

    def one_row_lost(conn: Any, schema: str, table: str) -> tuple[int, str]:
        n, h = real(conn, schema, table)
        return (n - 1, h) if (schema, table) == ("main", "bundle_log") else (n, h)

    monkeypatch.setattr(migration, "table_digest", one_row_lost)
    with Vault.open(path) as vault, pytest.raises(VaultMigrationFailed):
        vault.unlock(PASSPHRASE)
    assert set(_digest(path)) == set(before) and read_header(path).format == 2
    monkeypatch.undo()
    with Vault.open(path) as vault:
        vault.unlock(PASSPHRASE)
    _assert_converted(path, facts)


def test_leftovers_of_a_crash_after_the_switch_are_removed(tmp_path: Path) -> None:
    """Killed after the header said format 3 but before the old file went: the next
    unlock removes it (it holds plaintext ids, no text)."""
    path, facts = _copy(tmp_path)
    keep = tmp_path / "old.db"
    shutil.copy2(path / LEGACY_DB_NAME, keep)
    with Vault.open(path) as vault:
        vault.unlock(PASSPHRASE)
    shutil.copy2(keep, path / LEGACY_DB_NAME)
    (path / migration.PARTIAL_NAME).write_bytes(b"partial")
    _assert_converted(path, facts)


CHILD = """
import sys
from pathlib import Path
from reflectdesk.services.vault import Vault
vault = Vault.open(Path(sys.argv[1]))
print("ready", flush=True)
vault.unlock(sys.argv[2])
print("done", flush=True)
vault.close()
"""


def kill_during_migration(path: Path, delay: float) -> int:
    """Start an unlock that migrates ``path`` in a child, SIGKILL it after ``delay`` s;
    returns the header format it left."""
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), PASSPHRASE],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    return read_header(path).format


def test_sigkill_at_random_moments_of_the_migration(tmp_path: Path) -> None:
    path, facts = _copy(tmp_path, "probe")
    start = time.monotonic()
    with Vault.open(path) as vault:
        vault.unlock(PASSPHRASE)
    span = time.monotonic() - start + 0.5  # the child also imports the app
    rng = random.Random(int(os.environ.get("CRASH_SEED", "11")))
    formats = []
    for run in range(4):
        path, facts = _copy(tmp_path, f"k{run}")
        formats.append(kill_during_migration(path, rng.uniform(0.0, span)))
        _assert_converted(path, facts)
    assert set(formats) <= {2, 3}
