"""Helpers shared by tests (importable as ``tests.support``)."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from reflectdesk.services.vault import Vault

PASSPHRASE = "correct horse battery staple"
REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


@dataclass
class CreatedVault:
    vault: Vault
    recovery_key: str
    path: Path


@dataclass
class CliResult:
    code: int
    out: str
    err: str


def cli_env(vault_dir: Path, **extra: str) -> dict[str, str]:
    """Environment for running the CLI as a real subprocess.

    ``REFLECTDESK_HOME`` is ``vault_dir``: a vault already made there is opened where it is
    (reflectdesk.location); one the CLI makes goes to ``vault_dir/vault``.
    """
    env = dict(os.environ)
    env.update(
        REFLECTDESK_HOME=str(vault_dir),
        REFLECTDESK_PASSPHRASE=PASSPHRASE,
        REFLECTDESK_LANG="en",
        PYTHONPATH=str(REPO / "src"),
    )
    env.update(extra)
    return env


def as_format_1(created: CreatedVault) -> None:
    """Close ``created`` as ReflectDesk 0.2 left its vaults: header format 1 and no
    sealed vault state (migrated at the next unlock). For tests that edit the file to
    look like an older version's."""
    import sqlite3
    from dataclasses import replace

    from reflectdesk.vault.header import write_header

    vault = created.vault
    dek = vault._unlocked().cipher.key
    write_header(created.path, replace(vault._header, format=1).sealed(dek))
    vault.close()
    conn = sqlite3.connect(created.path / "vault.db")
    with conn:
        conn.execute("DELETE FROM meta WHERE key = 'vault_state'")
    conn.close()
