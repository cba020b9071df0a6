"""Bad headers give a specific error and leave the vault untouched."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from reflectdesk.errors import NotAVault, VaultCorrupt, VaultDamaged, VaultNotFound, VaultTooNew
from reflectdesk.services.vault import Vault
from reflectdesk.storage.database import DB_NAME
from reflectdesk.vault.header import HEADER_NAME, MAGIC
from tests.support import PASSPHRASE, CreatedVault, raw_db


def _snapshot(path: Path) -> dict[str, bytes]:
    return {
        p.name: p.read_bytes() for p in path.iterdir() if p.is_file() and p.name != "vault.lock"
    }


def _closed(created: CreatedVault) -> Path:
    created.vault.close()
    return created.path


def _edit_header(path: Path, change: dict[str, object]) -> None:
    raw = (path / HEADER_NAME).read_bytes()
    doc = json.loads(raw[len(MAGIC) :])
    doc.update(change)
    (path / HEADER_NAME).write_bytes(MAGIC + json.dumps(doc).encode())


@pytest.mark.parametrize("keep", [0, 3, 8, 40, 200])
def test_truncated_header(created: CreatedVault, keep: int) -> None:
    path = _closed(created)
    raw = (path / HEADER_NAME).read_bytes()
    (path / HEADER_NAME).write_bytes(raw[:keep])
    before = _snapshot(path)
    with pytest.raises(VaultCorrupt):
        Vault.open(path).unlock(PASSPHRASE)
    assert _snapshot(path) == before


def test_corrupted_header_byte(created: CreatedVault) -> None:
    path = _closed(created)
    raw = bytearray((path / HEADER_NAME).read_bytes())
    raw[len(MAGIC) + 5] = ord("}")
    (path / HEADER_NAME).write_bytes(bytes(raw))
    with pytest.raises(VaultCorrupt):
        Vault.open(path)


def test_tampered_kdf_parameters_detected_by_mac(created: CreatedVault) -> None:
    path = _closed(created)
    raw = (path / HEADER_NAME).read_bytes()
    doc = json.loads(raw[len(MAGIC) :])
    # A swapped recovery slot (still well-formed) must not pass the header MAC.
    doc["slots"]["recovery"]["salt"] = "AAAAAAAAAAAAAAAAAAAAAA=="
    (path / HEADER_NAME).write_bytes(MAGIC + json.dumps(doc).encode())
    vault = Vault.open(path)
    with pytest.raises(VaultCorrupt):
        vault.unlock(PASSPHRASE)
    vault.close()


def test_newer_header_format(created: CreatedVault) -> None:
    path = _closed(created)
    _edit_header(path, {"format": 99})
    with pytest.raises(VaultTooNew) as info:
        Vault.open(path)
    assert "newer version" in info.value.message


def test_newer_schema_version(created: CreatedVault) -> None:

    path = _closed(created)
    with raw_db(path) as conn:
        conn.execute("UPDATE meta SET value='999' WHERE key='schema_version'")
    before = _snapshot(path)[DB_NAME]
    vault = Vault.open(path)
    with pytest.raises(VaultTooNew):
        vault.unlock(PASSPHRASE)
    vault.close()
    assert (path / DB_NAME).read_bytes() == before


def test_database_that_is_not_a_vault(created: CreatedVault) -> None:
    """Bytes the page key does not open: the vault file is damaged (the header already
    proved the key right)."""
    path = _closed(created)
    for suffix in ("-wal", "-shm"):
        (path / f"{DB_NAME}{suffix}").unlink(missing_ok=True)
    (path / DB_NAME).write_bytes(b"this is not sqlite at all" * 100)
    vault = Vault.open(path)
    with pytest.raises(VaultDamaged):
        vault.unlock(PASSPHRASE)
    vault.close()


def test_a_plaintext_database_put_in_place_is_refused(created: CreatedVault) -> None:
    """An attacker's own plaintext SQLite file (say, a copy of a format-2 vault with edited
    rows) under a format-3 header: SQLCipher reads it as damage, never as data."""
    path = _closed(created)
    for suffix in ("", "-wal", "-shm"):
        (path / f"{DB_NAME}{suffix}").unlink(missing_ok=True)
    with sqlite3.connect(path / DB_NAME) as conn:
        conn.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)")
    vault = Vault.open(path)
    with pytest.raises(VaultDamaged):
        vault.unlock(PASSPHRASE)
    assert not vault.is_unlocked
    vault.close()


def test_other_sqlite_database(created: CreatedVault) -> None:

    path = _closed(created)
    for suffix in ("", "-wal", "-shm"):
        (path / f"{DB_NAME}{suffix}").unlink(missing_ok=True)
    with raw_db(path) as conn:
        conn.execute("CREATE TABLE songs(x)")
    vault = Vault.open(path)
    with pytest.raises(NotAVault):
        vault.unlock(PASSPHRASE)
    vault.close()


def test_foreign_file_as_header(tmp_path: Path) -> None:
    (tmp_path / HEADER_NAME).write_bytes(b"\x89PNG\r\n\x1a\n....")
    with pytest.raises(NotAVault):
        Vault.open(tmp_path)


def test_path_is_a_file(tmp_path: Path) -> None:
    f = tmp_path / "notes.txt"
    f.write_text("hello")
    with pytest.raises(NotAVault):
        Vault.open(f)


def test_no_vault(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFound):
        Vault.open(tmp_path / "nothing")


def test_missing_header_with_database(created: CreatedVault) -> None:
    path = _closed(created)
    (path / HEADER_NAME).unlink()
    with pytest.raises(VaultCorrupt):
        Vault.open(path)
