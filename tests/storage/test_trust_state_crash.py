"""A crash never locks the owner out: SIGKILL at random moments of the writes that
change trust rows, and of the migration to header format 2, always leaves a vault whose
sealed state checks at the next unlock (a false ``VaultStateTampered`` would be data
loss: the owner could not open her own vault)."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from reflectdesk.crypto.kdf import KdfParams
from reflectdesk.domain.model import Role
from reflectdesk.services.vault import NewProfile, Vault
from reflectdesk.vault.header import read_header
from tests.support import PASSPHRASE, PYTHON, REPO, cli_env
from tests.test_crash_safety import _kill_at_random

SCRIPTS = REPO / "tests" / "support_scripts"
MIGRATION_FIXTURE = REPO / "tests" / "fixtures" / "vault_0_2"
RUNS = int(os.environ.get("CRASH_RUNS", "30"))


def _saved_lines(proc: subprocess.Popen[str], rng: random.Random) -> list[str]:
    """Kill at a random moment; the ``saved`` lines the child printed, as ``kind id``."""
    assert proc.stdout is not None
    saved = _kill_at_random(proc, rng)  # entry id → tag, here: kind → id
    return [f"{kind} {ident}" for kind, ident in saved.items()]


@pytest.mark.slow
def test_sigkill_during_trust_writes_never_locks_the_owner_out(tmp_path: Path) -> None:
    vault_dir = tmp_path / "vault"
    out = tmp_path / "out"
    out.mkdir()
    vault, _ = Vault.create(
        vault_dir,
        PASSPHRASE,
        NewProfile("C", Role.STUDENT),
        kdf_params=KdfParams.insecure_for_tests(),
    )
    vault.journals.create("Diario")
    vault.close()
    rng = random.Random(int(os.environ.get("CRASH_SEED", "4321")))
    contacts: set[str] = set()
    withdrawn: set[str] = set()
    reports = 0
    for run in range(RUNS):
        with subprocess.Popen(
            [
                PYTHON,
                str(SCRIPTS / "crash_trust_writer.py"),
                str(vault_dir),
                PASSPHRASE,
                f"r{run}",
                str(out),
            ],
            env=cli_env(vault_dir),
            stdout=subprocess.PIPE,
            text=True,
        ) as proc:
            for line in _saved_lines(proc, rng):
                reports += 1
                kind, ident = line.split(" ")
                (
                    contacts if kind == "contact" else withdrawn if kind == "withdrawn" else set()
                ).add(ident)
        vault = Vault.open(vault_dir)
        try:
            vault.unlock(PASSPHRASE)  # the sealed state checks: no VaultStateTampered
            assert vault.integrity_check() == "ok"
            for cid in contacts:
                assert vault.contacts.get(cid).verified
            for eid in withdrawn:
                current = vault.bundle_log.current_consent(eid)
                assert current is not None and current.withdrawn
        finally:
            vault.close()
    assert reports > 0  # the kills landed after some writes returned


def _unlock_child(path: Path) -> subprocess.Popen[str]:
    code = (
        "import sys; from reflectdesk.services.vault import Vault\n"
        "v = Vault.open(__import__('pathlib').Path(sys.argv[1]))\n"
        "print('ready', flush=True)\n"
        "v.unlock(sys.argv[2]); v.close(); print('saved done x', flush=True)\n"
    )
    return subprocess.Popen(
        [PYTHON, "-c", code, str(path), PASSPHRASE],
        env=cli_env(path),
        stdout=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
def test_sigkill_during_the_migration_to_format_2_never_locks_the_owner_out(
    tmp_path: Path,
) -> None:
    """The 0.2 vault's migrations (to format 2: one transaction, then the header rewrite;
    to format 3: the page-encrypted copy, verified, then the header switch) killed at
    random moments: the next unlock finishes them, and every row is there."""
    facts = json.loads((MIGRATION_FIXTURE / "facts.json").read_text())
    # How long a whole unlock-with-migration takes, to spread the kills over it.
    probe = tmp_path / "probe"
    shutil.copytree(MIGRATION_FIXTURE / "mentor", probe)
    start = time.monotonic()
    with _unlock_child(probe) as proc:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        start = time.monotonic()
        assert proc.stdout.readline().strip() == "saved done x"
        span = time.monotonic() - start
        assert proc.wait() == 0
    rng = random.Random(int(os.environ.get("CRASH_SEED", "987")))
    outcomes = {1: 0, 2: 0, 3: 0}
    for run in range(RUNS):
        path = tmp_path / f"m{run}"
        shutil.copytree(MIGRATION_FIXTURE / "mentor", path)
        with _unlock_child(path) as proc:
            assert proc.stdout is not None
            assert proc.stdout.readline().strip() == "ready"
            time.sleep(rng.uniform(0.0, span * 1.1))
            proc.kill()
            proc.wait()
        outcomes[read_header(path).format] += 1
        vault = Vault.open(path)
        try:
            vault.unlock(PASSPHRASE)
            contact = facts["contact_id"]
            ids = {vault.imports.received_entry_id(contact, e) for e in facts["entries"]}
            assert {e.id for e in vault.entries.list()} == ids
            assert [i.bundle_id for i in vault.bundle_log.list()] == facts["bundles"]
            for bundle in sorted((MIGRATION_FIXTURE / "bundles").iterdir()):
                assert vault.imports.import_bundle(bundle).already_imported
            vault.lock()
            vault.unlock(PASSPHRASE)
        finally:
            vault.close()
        # Both migrations ran: to format 2 (one transaction) and to the page-encrypted
        # file (storage/migration.py); the old file is gone.
        assert read_header(path).format == 3
        assert not (path / "vault.db").exists()
        shutil.rmtree(path)
    assert outcomes[1] > 0  # some kills landed before the header was rewritten
