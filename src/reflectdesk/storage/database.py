"""The SQLite file: engine, pragmas, schema creation, migrations, integrity."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, create_engine, event, insert, inspect, select, text, update
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from reflectdesk.errors import NotAVault, StorageUnwritable, VaultCorrupt, VaultTooNew
from reflectdesk.storage.schema import SCHEMA_VERSION, Base, Meta

log = logging.getLogger(__name__)

DB_NAME = "vault.db"


def _set_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    # FULL: a save that returned survives power loss, not only a process kill.
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    # Temp tables and sort spills stay in RAM: no stray files beside the vault.
    cur.execute("PRAGMA temp_store=MEMORY")
    cur.execute("PRAGMA secure_delete=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def _migrate_1_to_2(conn: Connection) -> None:
    """v2 added sharing and research tables (comments … outbox)."""
    existing = set(inspect(conn).get_table_names())
    missing = [t for n, t in Base.metadata.tables.items() if n not in existing]
    Base.metadata.create_all(conn, tables=missing)


MIGRATIONS: dict[int, Callable[[Connection], None]] = {1: _migrate_1_to_2}


class Database:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.engine = create_engine(
            f"sqlite+pysqlite:///{path}",
            connect_args={"check_same_thread": False},
        )
        event.listen(self.engine, "connect", _set_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A short unit of work: commit on success, roll back on any error."""
        with self._sessions() as sess:
            try:
                yield sess
                sess.commit()
            except OperationalError as exc:
                sess.rollback()
                if "readonly" in str(exc) or "disk" in str(exc):
                    raise StorageUnwritable(str(self.path.parent)) from exc
                raise
            except BaseException:
                sess.rollback()
                raise

    def initialise(self, vault_id: str) -> None:
        try:
            # Owner-only before the first byte: SQLite gives -wal/-shm the same mode.
            os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            with self.engine.begin() as conn:
                Base.metadata.create_all(conn)
                conn.execute(
                    insert(Meta),
                    [
                        {"key": "vault_id", "value": vault_id},
                        {"key": "schema_version", "value": str(SCHEMA_VERSION)},
                    ],
                )
        except (OperationalError, OSError) as exc:
            raise StorageUnwritable(str(self.path.parent)) from exc

    def check_and_migrate(self, vault_id: str) -> None:
        """Confirm this file is *our* vault, then bring its schema up to date."""
        try:
            with self.engine.begin() as conn:
                tables = set(inspect(conn).get_table_names())
                if "meta" not in tables:
                    raise NotAVault(self.path.name)
                rows = dict(conn.execute(select(Meta.key, Meta.value)).all())
                if rows.get("vault_id") != vault_id:
                    raise NotAVault("vault_id")
                version = int(rows.get("schema_version", "0"))
                if version > SCHEMA_VERSION:
                    raise VaultTooNew(f"schema {version}")
                if version < 1:
                    raise VaultCorrupt("schema_version")
                while version < SCHEMA_VERSION:
                    log.info("migrating vault schema %d -> %d", version, version + 1)
                    MIGRATIONS[version](conn)
                    version += 1
                    conn.execute(
                        update(Meta).where(Meta.key == "schema_version").values(value=str(version))
                    )
        except (DatabaseError, sqlite3.DatabaseError) as exc:
            if isinstance(exc, OperationalError) and "readonly" in str(exc):
                raise StorageUnwritable(str(self.path.parent)) from exc
            raise NotAVault(self.path.name) from exc

    def integrity_check(self) -> str:
        with self.engine.connect() as conn:
            return str(conn.execute(text("PRAGMA integrity_check")).scalar())

    def checkpoint(self) -> None:
        with contextlib.suppress(OperationalError), self.engine.connect() as conn:
            conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))

    def close(self) -> None:
        self.engine.dispose()
