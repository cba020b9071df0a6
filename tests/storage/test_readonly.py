"""A read-only data directory gets a clear message and an unchanged vault.

Root ignores permission bits, so when the suite runs as root the CLI is started
without CAP_DAC_OVERRIDE (``setpriv``): the real kernel check, not a fake."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from tests.support import PYTHON, CreatedVault, cli_env


def _unprivileged(argv: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return argv
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: cannot make a directory read-only")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search", "--", *argv]


def _run(vault_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        _unprivileged([PYTHON, "-m", "reflectdesk.cli", *args]),
        env=cli_env(vault_dir),
        capture_output=True,
        text=True,
        timeout=60,
    )


def _make_readonly(path: Path) -> None:
    for p in path.rglob("*"):
        p.chmod(stat.S_IRUSR)
    path.chmod(stat.S_IRUSR | stat.S_IXUSR)


def test_init_in_readonly_folder(tmp_path: Path) -> None:
    parent = tmp_path / "ro"
    parent.mkdir()
    _make_readonly(parent)
    try:
        proc = _run(
            parent / "vault", "init", "--name", "A", "--role", "student", "--insecure-test-kdf"
        )
    finally:
        parent.chmod(0o700)
    assert proc.returncode == 8, proc.stderr
    assert "cannot write" in proc.stderr and "Traceback" not in proc.stderr


def test_open_vault_in_readonly_folder(created: CreatedVault) -> None:
    created.vault.close()
    before = {p.name: p.read_bytes() for p in created.path.iterdir()}
    _make_readonly(created.path)
    try:
        proc = _run(created.path, "journal", "create", "nuevo")
    finally:
        created.path.chmod(0o700)
        for p in created.path.iterdir():
            p.chmod(0o600)
    assert proc.returncode == 8, proc.stderr
    assert "cannot write" in proc.stderr and "Traceback" not in proc.stderr
    assert {p.name: p.read_bytes() for p in created.path.iterdir()} == before
