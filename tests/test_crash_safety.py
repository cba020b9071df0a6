"""Non-negotiable 4: SIGKILL at random moments never loses a returned save and never
corrupts the vault."""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import time
from pathlib import Path

import pytest

from reflectdesk.crypto.kdf import KdfParams
from reflectdesk.domain.model import Role
from reflectdesk.services.vault import NewProfile, Vault
from tests.support import PASSPHRASE, PYTHON, REPO, cli_env

SCRIPT = REPO / "tests" / "support_scripts" / "crash_writer.py"


def kill_once(vault_dir: Path, run_id: str, rng: random.Random) -> dict[str, str]:
    """Start a writer, kill it at a random moment; return entry id → last reported title."""
    with subprocess.Popen(
        [PYTHON, str(SCRIPT), str(vault_dir), PASSPHRASE, run_id],
        env=cli_env(vault_dir),
        stdout=subprocess.PIPE,
        text=True,
    ) as proc:
        return _kill_at_random(proc, rng)


def _kill_at_random(proc: subprocess.Popen[str], rng: random.Random) -> dict[str, str]:
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    deadline = time.monotonic() + rng.uniform(0.0, 0.35)
    saved: dict[str, str] = {}
    fd = proc.stdout.fileno()
    buf = ""
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if ready:
            chunk = os.read(fd, 65536).decode()
            buf += chunk
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    buf += proc.stdout.read()
    for line in buf.splitlines():
        if line.startswith("saved ") and line.count(" ") == 2:
            _, eid, tag = line.split(" ")
            saved[eid] = tag
    return saved


def verify(vault_dir: Path, expected: dict[str, str]) -> None:
    vault = Vault.open(vault_dir)
    try:
        vault.unlock(PASSPHRASE)
        assert vault.integrity_check() == "ok"
        for eid, tag in expected.items():
            entry = vault.entries.get(eid)
            assert entry.content.title == tag or entry.head.seq > 1
            history_titles = {r.content.title for r in vault.entries.history(eid)}
            assert tag in history_titles
            for att in entry.attachments:
                vault.entries.attachment_bytes(att.id)
        # The search index never disagrees with the records: the unlock caught up any
        # entry whose index write the kill cut off, and FTS5 checks its own structure.
        index = vault._unlocked().index
        assert index.stale() == ([], [])
        index.integrity_check()
        listed = {s.id: s.title for s in vault.entries.list()}
        for eid in expected:
            assert listed[eid] == vault.entries.get(eid).content.title
    finally:
        vault.close()


@pytest.mark.slow
def test_sigkill_loop(tmp_path: Path) -> None:
    vault_dir = tmp_path / "vault"
    vault, _ = Vault.create(
        vault_dir,
        PASSPHRASE,
        NewProfile("C", Role.STUDENT),
        kdf_params=KdfParams.insecure_for_tests(),
    )
    vault.journals.create("Diario")
    vault.close()
    rng = random.Random(int(os.environ.get("CRASH_SEED", "1234")))
    runs = int(os.environ.get("CRASH_RUNS", "30"))
    expected: dict[str, str] = {}
    total_saves = 0
    for run in range(runs):
        saved = kill_once(vault_dir, f"r{run}", rng)
        total_saves += len(saved)
        expected.update(saved)
        verify(vault_dir, expected)
    assert total_saves > runs  # the kills really landed mid-stream
