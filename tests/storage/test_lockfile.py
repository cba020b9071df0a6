"""The single-writer lock: a second holder is refused, and a release lets it in."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reflectdesk.errors import StorageUnwritable, VaultInUse
from reflectdesk.storage.lockfile import VaultLock
from tests.support import REPO


def test_one_holder_at_a_time(tmp_path: Path) -> None:
    first, second = VaultLock(tmp_path / "vault.lock"), VaultLock(tmp_path / "vault.lock")
    first.acquire()
    first.acquire()  # holding it already: nothing to do
    assert first.held
    with pytest.raises(VaultInUse):
        second.acquire()
    assert not second.held
    first.release()
    second.acquire()
    assert second.held
    second.release()
    assert (tmp_path / "vault.lock").stat().st_mode & 0o777 == 0o600


def test_a_killed_holder_leaves_the_vault_usable(tmp_path: Path) -> None:
    script = (
        "import sys, os; from pathlib import Path; "
        "from reflectdesk.storage.lockfile import VaultLock; "
        "VaultLock(Path(sys.argv[1])).acquire(); print('held', flush=True); "
        "os.kill(os.getpid(), 9)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "vault.lock")],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin"},
    )
    assert proc.stdout.strip() == "held" and proc.returncode == -9
    lock = VaultLock(tmp_path / "vault.lock")
    lock.acquire()  # the OS dropped the dead holder's lock
    lock.release()


def test_a_folder_that_cannot_hold_the_lock_is_said(tmp_path: Path) -> None:
    with pytest.raises(StorageUnwritable):
        VaultLock(tmp_path / "missing" / "vault.lock").acquire()
