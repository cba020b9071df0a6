"""The page-encrypted database file: SQLCipher 4 keyed from the data key.

Every page of ``vault-pages.db`` (and of its ``-wal``) is encrypted and authenticated
by SQLCipher 4 (upstream ``sqlcipher3`` ≥ 0.6.4: AES-256-CBC with a random IV per page
write, HMAC-SHA512 over each page and its number, 4096-byte pages). The key is
HKDF-SHA256(DEK, info ``reflectdesk/page-key/v1``), 32 bytes, given as a raw key
(``x'…'``), so SQLCipher runs no PBKDF2: the passphrase's Argon2id already stands in
front of the DEK. docs/vault-format.md has every parameter.

One place opens such files, so every connection (SQLAlchemy's pool, the search index's
reader and writer, the migration) sends the key first and the same pragmas after it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import sqlcipher3

from reflectdesk.crypto.aead import derive_subkey
from reflectdesk.errors import VaultDamaged

PAGE_KEY_INFO = b"reflectdesk/page-key/v1"
# Errors of either driver: the plaintext file of format-2 vaults (stdlib) and the
# page-encrypted one (sqlcipher3) raise unrelated classes.
DB_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, sqlcipher3.Error)
# What SQLCipher says when a page fails its HMAC or the key opens nothing.
_DAMAGE = ("file is not a database", "database disk image is malformed")


def page_key(dek: bytes) -> bytes:
    return derive_subkey(dek, PAGE_KEY_INFO)


def is_damage(exc: BaseException) -> bool:
    return isinstance(exc, DB_ERRORS) and any(m in str(exc) for m in _DAMAGE)


def apply_key(dbapi_conn: Any, key: bytes) -> None:
    """Must be the very first statement on the connection (before any page is read)."""
    if len(key) != 32:
        raise ValueError("page key must be 32 bytes")
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    # SQLCipher's own logging would write "HMAC check failed" lines to stderr; the app
    # reports VaultDamaged instead.
    cur.execute("PRAGMA cipher_log_level = NONE")
    # Off (SQLCipher's default since 4.5): mlock and wiping of every allocation cost
    # up to 2-3x in search, and the decrypted text lives in Python strings anyway; the
    # page cache is freed when the connection closes at lock (docs/threat-model.md).
    cur.execute("PRAGMA cipher_memory_security = OFF")
    cur.close()


def set_common_pragmas(dbapi_conn: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    # FULL: a save that returned survives power loss, not only a process kill.
    cur.execute("PRAGMA synchronous=FULL")
    # Temp tables and sort spills stay in RAM: no stray files beside the vault.
    cur.execute("PRAGMA temp_store=MEMORY")
    cur.execute("PRAGMA secure_delete=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def connect(path: Path, key: bytes) -> sqlcipher3.Connection:
    """A raw keyed connection (autocommit; callers BEGIN themselves), key checked.

    Raises VaultDamaged when the key opens nothing (a file swapped or damaged: the
    header already proved the data key right)."""
    conn = sqlcipher3.connect(str(path), check_same_thread=False, isolation_level=None)
    try:
        apply_key(conn, key)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
        set_common_pragmas(conn)
    except DB_ERRORS as exc:
        conn.close()
        if is_damage(exc):
            raise VaultDamaged(path.name) from None
        raise
    return conn
