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


AMEND_SCRIPT = REPO / "tests" / "support_scripts" / "crash_amend_writer.py"


def _verify_amends(vault_dir: Path, allowed: set[str]) -> tuple[str, int]:
    """The last returned save (or the one after it, cut off between its commit and its
    report) is the head; the history is one chain (an amend left the old revision or its
    replacement, never both or neither); the sealed state and the index check.
    Returns the head's title and the number of revisions."""
    vault = Vault.open(vault_dir)
    try:
        vault.unlock(PASSPHRASE)  # the sealed vault state checks (no VaultStateTampered)
        assert vault.integrity_check() == "ok"
        (summary,) = vault.entries.list()
        head = vault.entries.get(summary.id).head
        assert head.content.title in allowed
        history = vault.entries.history(summary.id)
        by_id = {r.id: r for r in history}
        assert [r.seq for r in history] == list(range(1, len(history) + 1))
        for rev in history[1:]:
            (parent,) = rev.parent_ids
            assert by_id[parent].seq == rev.seq - 1
        assert history[-1].id == head.id
        index = vault._unlocked().index
        assert index.stale() == ([], [])
        assert summary.title == head.content.title
        return head.content.title, len(history)
    finally:
        vault.close()


def amend_kill_once(
    vault_dir: Path, run: int, rng: random.Random, head: str
) -> tuple[int, str, int]:
    """One writer of editing sessions killed at a random moment, then checked: the saves
    it reported, the head's title and the revision count. ``head``: the title before."""
    with subprocess.Popen(
        [PYTHON, str(AMEND_SCRIPT), str(vault_dir), PASSPHRASE, f"r{run}"],
        env=cli_env(vault_dir),
        stdout=subprocess.PIPE,
        text=True,
    ) as proc:
        saved = _kill_at_random(proc, rng)
    saves = 0
    if saved:
        (last,) = saved.values()
        saves = int(last.rsplit("-", 1)[1]) + 1
        allowed = {last, f"r{run}-{saves}"}
    else:  # killed before its first report: its warm-up or first save, or before
        allowed = {head, f"r{run}-w", f"r{run}-0"}
    head, revisions = _verify_amends(vault_dir, allowed)
    return saves, head, revisions


def new_amend_vault(vault_dir: Path) -> None:
    vault, _ = Vault.create(
        vault_dir,
        PASSPHRASE,
        NewProfile("C", Role.STUDENT),
        kdf_params=KdfParams.insecure_for_tests(),
    )
    vault.journals.create("Diario")
    vault.close()


@pytest.mark.slow
def test_sigkill_during_amend_leaves_the_last_saved_text(tmp_path: Path) -> None:
    vault_dir = tmp_path / "vault"
    new_amend_vault(vault_dir)
    rng = random.Random(int(os.environ.get("CRASH_SEED", "5678")))
    runs = int(os.environ.get("CRASH_RUNS", "30"))
    saves, head, revisions = 0, "inicio", 0
    for run in range(runs):
        done, head, revisions = amend_kill_once(vault_dir, run, rng, head)
        saves += done
    assert saves > runs  # the kills really landed mid-stream, among amends
    assert revisions < saves / 3  # and the saves were coalesced
