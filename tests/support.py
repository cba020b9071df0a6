"""Helpers shared by tests (importable as ``tests.support``)."""

from __future__ import annotations

import os
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
    from dataclasses import replace

    from reflectdesk.vault.header import write_header

    vault = created.vault
    dek = vault._unlocked().cipher.key
    vault.close()
    to_legacy_file(created.path)
    write_header(created.path, replace(vault._header, format=1).sealed(dek))
    conn = sqlite3.connect(created.path / "vault.db")
    with conn:
        conn.execute("DELETE FROM meta WHERE key = 'vault_state'")
    conn.close()


def page_key_of(vault_dir: Path, passphrase: str = PASSPHRASE) -> bytes:
    """The page key of a closed vault, as the app derives it (header, KDF, unwrap)."""
    from reflectdesk.crypto import aead, kdf
    from reflectdesk.storage.pages import page_key
    from reflectdesk.vault.header import read_header

    header = read_header(vault_dir)
    slot = header.passphrase_slot
    ad = f"RDSLOT1|{header.vault_id}|passphrase".encode()
    dek = aead.unwrap_key(kdf.derive_key(passphrase, header.kdf), slot.nonce, slot.wrapped, ad)
    assert dek is not None, "wrong passphrase"
    return page_key(dek)


def raw_db(
    vault_dir: Path, passphrase: str = PASSPHRASE, *, readonly: bool = False, **kwargs: object
) -> Any:
    """The vault's database opened outside the app, *with* its page key: for tests of the
    layers inside the page encryption (sealed records, the vault state), whose attacker
    is assumed to edit rows. Behaves like ``sqlite3.connect``; on a format-2 vault not yet
    converted, it is ``sqlite3.connect`` of the plaintext file."""
    import sqlcipher3

    from reflectdesk.storage.database import DB_NAME, LEGACY_DB_NAME
    from reflectdesk.storage.pages import apply_key

    if not (vault_dir / DB_NAME).exists() and (vault_dir / LEGACY_DB_NAME).exists():
        # A format-1/2 vault (made by to_legacy_file or a fixture), not yet converted.
        return sqlite3.connect(vault_dir / LEGACY_DB_NAME, **kwargs)  # type: ignore[arg-type]
    if readonly:
        kwargs["uri"] = True
        target = f"file:{vault_dir / DB_NAME}?mode=ro"
    else:
        target = str(vault_dir / DB_NAME)
    conn = sqlcipher3.connect(target, **kwargs)  # type: ignore[arg-type]
    apply_key(conn, page_key_of(vault_dir, passphrase))
    return conn


def to_legacy_file(vault_dir: Path, passphrase: str = PASSPHRASE) -> None:
    """Turn a closed format-3 vault into the format-2 layout of 0.3–0.5 (plaintext
    ``vault.db`` with sealed records, no search tables, header format 2): what the
    migration reads. Tests only; the fixture under tests/fixtures/vault-v2 was made by
    the real release."""
    from dataclasses import replace

    from reflectdesk.crypto import aead, kdf
    from reflectdesk.storage.database import DB_NAME, LEGACY_DB_NAME
    from reflectdesk.vault.header import read_header, write_header

    conn = raw_db(vault_dir, passphrase, isolation_level=None)
    legacy = vault_dir / LEGACY_DB_NAME
    conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(legacy),))
    conn.execute("SELECT sqlcipher_export('plain')").fetchall()
    conn.execute("DETACH DATABASE plain")
    conn.close()
    plain = sqlite3.connect(legacy)
    for name in ("search_docs", "search_meta", "search_tags", "search_std"):
        plain.execute(f"DROP TABLE IF EXISTS {name}")
    plain.commit()
    plain.execute("PRAGMA journal_mode=WAL")
    plain.close()
    for suffix in ("", "-wal", "-shm"):
        (vault_dir / (DB_NAME + suffix)).unlink(missing_ok=True)
    header = read_header(vault_dir)
    slot = header.passphrase_slot
    ad = f"RDSLOT1|{header.vault_id}|passphrase".encode()
    dek = aead.unwrap_key(kdf.derive_key(passphrase, header.kdf), slot.nonce, slot.wrapped, ad)
    assert dek is not None
    write_header(vault_dir, replace(header, format=2).sealed(dek))
