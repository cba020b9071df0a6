"""Format 2 → 3: copy the vault into the page-encrypted file, verify it, switch.

The copy never writes the old ``vault.db``. The new file is made as
``vault-pages.db.migrating`` (0600 before its first byte), filled, verified, synced and
renamed to ``vault-pages.db``; the caller then writes the header with format 3 (the
atomic switch) and only then calls :func:`remove_legacy`. A crash at any point leaves a
vault that opens: before the header switch the format-2 header opens the old file and
the migration starts again (leftovers are deleted first); after it the new file opens
and the old one is deleted at that unlock.

Every table and row is copied as it is, rowids included (sealed records stay valid:
their associated data names the vault, table, row id and revision, none of which
changes), then the search index is built from the decrypted heads. Verification, before
anything is switched: ``integrity_check``, FTS5's ``integrity-check``, for every table
the row count and a SHA-256 over every row (rowid and every column, as SQLite returns
them) equal in both files, one index row per live entry, and the caller's check that
the sealed vault state (trust MAC) opens on the new file.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from reflectdesk.domain.index_doc import IndexDoc
from reflectdesk.errors import VaultMigrationFailed
from reflectdesk.progress import CancelToken, Progress, ProgressSink
from reflectdesk.search.index import SearchIndex
from reflectdesk.storage import pages
from reflectdesk.storage.database import DB_NAME, LEGACY_DB_NAME

log = logging.getLogger(__name__)

PARTIAL_NAME = DB_NAME + ".migrating"
_BATCH_ROWS = 2000
_SIDE = ("", "-wal", "-shm", "-journal")


def _unlink_all(base: Path) -> None:
    for suffix in _SIDE:
        base.with_name(base.name + suffix).unlink(missing_ok=True)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_legacy(vault_dir: Path) -> None:
    """After the header says format 3: the old file (sealed records, plaintext ids) and
    any partial copy go."""
    _unlink_all(vault_dir / LEGACY_DB_NAME)
    _unlink_all(vault_dir / PARTIAL_NAME)
    _fsync_dir(vault_dir)


def _tables(conn: Any, schema: str) -> list[tuple[str, str]]:
    return [
        (str(n), str(s))
        for n, s in conn.execute(
            f"SELECT name, sql FROM {schema}.sqlite_master WHERE type = 'table' "  # noqa: S608
            "AND sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]


def _columns(conn: Any, schema: str, table: str) -> list[str]:
    return [str(r[1]) for r in conn.execute(f'PRAGMA {schema}.table_info("{table}")')]


def table_digest(conn: Any, schema: str, table: str) -> tuple[int, str]:
    """(row count, SHA-256 over every row in rowid order: the rowid and every value
    with its type, as Python's repr of the tuple SQLite returns)."""
    h = hashlib.sha256()
    n = 0
    cur = conn.execute(f'SELECT rowid, * FROM {schema}."{table}" ORDER BY rowid')  # noqa: S608
    while rows := cur.fetchmany(_BATCH_ROWS):
        for row in rows:
            h.update(repr(row).encode("utf-8", "backslashreplace"))
            h.update(b"\n")
        n += len(rows)
    return n, h.hexdigest()


def migrate_to_pages(
    vault_dir: Path,
    key: bytes,
    vault_id: str,
    docs: Callable[[], Iterator[IndexDoc]],
    live_entries: int,
    verify_state: Callable[[Path], None],
    progress: ProgressSink,
    cancel: CancelToken,
) -> Path:
    """Write and verify the page-encrypted copy of ``vault.db``; returns its path.

    The caller has unlocked the old file (so its records and trust state check) and
    closed it. Raises Cancelled (the partial file deleted) or VaultMigrationFailed."""
    old = vault_dir / LEGACY_DB_NAME
    partial = vault_dir / PARTIAL_NAME
    final = vault_dir / DB_NAME
    _unlink_all(partial)
    try:
        _copy(old, partial, key, progress, cancel)
        _build_index(partial, key, docs, live_entries, progress, cancel)
        _verify(old, partial, key, vault_id, live_entries, progress, cancel)
        verify_state(partial)
        cancel.raise_if_cancelled()
        # Everything into the main file, then the file and the folder onto the disk.
        conn = pages.connect(partial, key)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        finally:
            conn.close()
        _fsync_file(partial)
        for suffix in ("-wal", "-shm"):
            partial.with_name(partial.name + suffix).unlink(missing_ok=True)
        # A file left by an earlier run stopped between this rename and the header
        # switch: the header still says format 2, so nothing uses it.
        _unlink_all(final)
        os.replace(partial, final)
        _fsync_dir(vault_dir)
    except BaseException:
        with contextlib.suppress(OSError):
            _unlink_all(partial)
        raise
    return final


def _copy(
    old: Path, partial: Path, key: bytes, progress: ProgressSink, cancel: CancelToken
) -> None:
    # Owner-only before the first byte: SQLite gives -wal/-shm the same mode.
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    conn = pages.connect(partial, key)
    try:
        # The old file is plaintext SQLite: an empty key attaches it unencrypted. It is
        # only read (its WAL, if any, is read through as SQLite always does).
        conn.execute("ATTACH DATABASE ? AS legacy KEY ''", (str(old),))
        tables = _tables(conn, "legacy")
        total = sum(
            int(conn.execute(f'SELECT count(*) FROM legacy."{n}"').fetchone()[0])  # noqa: S608
            for n, _ in tables
        )
        done = 0
        progress(Progress(0, total, "migrate"))
        conn.execute("BEGIN IMMEDIATE")
        for name, sql in tables:
            conn.execute(sql)
            cols = ", ".join(f'"{c}"' for c in _columns(conn, "legacy", name))
            last = 0
            while True:
                cancel.raise_if_cancelled()
                rows = conn.execute(
                    f'SELECT rowid FROM legacy."{name}" WHERE rowid > ? '  # noqa: S608
                    "ORDER BY rowid LIMIT 1 OFFSET ?",
                    (last, _BATCH_ROWS - 1),
                ).fetchone()
                upto = int(rows[0]) if rows else None
                where = "rowid > ?" + (" AND rowid <= ?" if upto is not None else "")
                args = (last, upto) if upto is not None else (last,)
                cur = conn.execute(
                    f'INSERT INTO main."{name}"(rowid, {cols}) '  # noqa: S608
                    f'SELECT rowid, {cols} FROM legacy."{name}" WHERE {where} ORDER BY rowid',
                    args,
                )
                done += max(cur.rowcount, 0)
                progress(Progress(done, total, "migrate"))
                if upto is None:
                    break
                last = upto
        for (sql,) in conn.execute(
            "SELECT sql FROM legacy.sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        ).fetchall():
            conn.execute(sql)
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE legacy")
    finally:
        conn.close()


def _build_index(
    partial: Path,
    key: bytes,
    docs: Callable[[], Iterator[IndexDoc]],
    total: int,
    progress: ProgressSink,
    cancel: CancelToken,
) -> None:
    index = SearchIndex(functools.partial(pages.connect, partial, key))
    try:

        def counted() -> Iterator[IndexDoc]:
            progress(Progress(0, total, "index"))
            for done, doc in enumerate(docs(), 1):
                yield doc
                if done % 500 == 0:
                    progress(Progress(done, total, "index"))
                    cancel.raise_if_cancelled()
            progress(Progress(total, total, "index"))

        index.bulk_load(counted())
    finally:
        index.close()


def _verify(
    old: Path,
    partial: Path,
    key: bytes,
    vault_id: str,
    live_entries: int,
    progress: ProgressSink,
    cancel: CancelToken,
) -> None:
    conn = pages.connect(partial, key)
    try:
        conn.execute("ATTACH DATABASE ? AS legacy KEY ''", (str(old),))
        tables = _tables(conn, "legacy")
        progress(Progress(0, len(tables) + 2, "verify"))
        if conn.execute("PRAGMA main.integrity_check").fetchall() != [("ok",)]:
            raise VaultMigrationFailed("integrity_check")
        try:
            conn.execute("INSERT INTO search_docs(search_docs, rank) VALUES ('integrity-check', 1)")
        except pages.DB_ERRORS:
            raise VaultMigrationFailed("search index") from None
        indexed = int(conn.execute("SELECT count(*) FROM search_meta").fetchone()[0])
        if indexed != live_entries:
            raise VaultMigrationFailed(f"search index: {indexed} of {live_entries}")
        got = conn.execute("SELECT value FROM main.meta WHERE key = 'vault_id'").fetchone()
        if got is None or got[0] != vault_id:
            raise VaultMigrationFailed("vault_id")
        new_tables = {n for n, _ in _tables(conn, "main")}
        for i, (name, _) in enumerate(tables, 1):
            cancel.raise_if_cancelled()
            if name not in new_tables:
                raise VaultMigrationFailed(f"table {name}")
            if table_digest(conn, "legacy", name) != table_digest(conn, "main", name):
                log.warning("migration check failed for table %s", name)
                raise VaultMigrationFailed(f"table {name}")
            progress(Progress(i, len(tables) + 2, "verify"))
        conn.execute("DETACH DATABASE legacy")
    finally:
        conn.close()
