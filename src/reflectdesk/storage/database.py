"""The SQLite file: engine, pragmas, schema creation, migrations, integrity."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Connection, create_engine, event, insert, inspect, select, text, update
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from reflectdesk.errors import (
    NotAVault,
    StorageUnwritable,
    VaultCorrupt,
    VaultDamaged,
    VaultTooNew,
)
from reflectdesk.storage import pages
from reflectdesk.storage.schema import (
    REVISION_INDEX,
    SCHEMA_VERSION,
    TRUST_SEALED_MARKER,
    Base,
    Meta,
)
from reflectdesk.storage.trust_state import TrustState, install_triggers

log = logging.getLogger(__name__)

# Format 3: one page-encrypted file (storage/pages.py). Format 1-2 vaults keep the
# plaintext-with-sealed-records file, migrated at their first unlock (storage/migration.py).
DB_NAME = "vault-pages.db"
LEGACY_DB_NAME = "vault.db"
_WAL_CHECKPOINT_BYTES = 4 * 1024 * 1024
_WAL_KEEP_BYTES = 1024 * 1024
_FALLBACK_AUTOCHECKPOINT_PAGES = 100_000
_DEFAULT_CACHE = -2000  # SQLite's default page cache: 2,000 KiB


def _set_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # WAL, synchronous=FULL, temp_store=MEMORY, secure_delete, busy_timeout.
    pages.set_common_pragmas(dbapi_conn)
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    # Checkpoints run on a background thread (_Checkpointer), not inside the commit
    # that crosses the threshold: a 100 MB import then returns once its WAL frames
    # are durable instead of also copying them into the main file first. SQLite's
    # own checkpoint stays as a far-off safety net (~400 MB of WAL).
    cur.execute(f"PRAGMA wal_autocheckpoint={_FALLBACK_AUTOCHECKPOINT_PAGES}")
    # When the WAL restarts after a checkpoint it is cut back to this size, so its
    # file size tells how much is waiting (the checkpointer's trigger).
    cur.execute(f"PRAGMA journal_size_limit={_WAL_KEEP_BYTES}")
    cur.close()
    install_triggers(dbapi_conn)


class _Checkpointer:
    """Copies the WAL back into the database on its own thread once it grows.

    Woken after a commit that left the WAL over ``_WAL_CHECKPOINT_BYTES`` (SQLite's
    own default threshold, ~1000 pages); runs a PASSIVE checkpoint, which never
    blocks readers or writers. Durability does not depend on it: a commit is durable
    once its WAL frames are synced, and SQLite replays the WAL after a crash.
    """

    def __init__(self, engine: Any) -> None:
        self._engine = engine
        self._wake = threading.Event()
        self._stop = False
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def wake(self) -> None:
        with self._lock:
            if self._stop:
                return
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._run, name="reflectdesk-checkpoint", daemon=True
                )
                self._thread.start()
        self._wake.set()

    def _run(self) -> None:
        while True:
            self._wake.wait()
            self._wake.clear()
            if self._stop:
                return
            try:
                with self._engine.connect() as conn:
                    conn.execute(text("PRAGMA wal_checkpoint(PASSIVE)"))
            except Exception as exc:
                log.warning("background checkpoint failed: %s", type(exc).__name__)

    def stop(self) -> None:
        with self._lock:
            self._stop = True
            thread = self._thread
        self._wake.set()
        if thread is not None:
            thread.join()


def _migrate_1_to_2(conn: Connection) -> None:
    """v2 added sharing and research tables (comments … outbox)."""
    existing = set(inspect(conn).get_table_names())
    missing = [t for n, t in Base.metadata.tables.items() if n not in existing]
    Base.metadata.create_all(conn, tables=missing)


def _migrate_2_to_3(conn: Connection) -> None:
    """v3: signed review records in ``review_records`` (review issue); the empty
    ``comments``/``signoffs`` tables of v2 were never written and are dropped (kept, and
    so never lost, if a row is somehow there)."""
    existing = set(inspect(conn).get_table_names())
    for old in ("comments", "signoffs"):
        if old in existing and conn.execute(text(f"SELECT 1 FROM {old} LIMIT 1")).first() is None:  # noqa: S608
            conn.execute(text(f"DROP TABLE {old}"))
    if "review_records" not in existing:
        Base.metadata.create_all(conn, tables=[Base.metadata.tables["review_records"]])


SYNC_TABLES = ("exchange_points", "sync_remote", "sync_log")


def _migrate_3_to_4(conn: Connection) -> None:
    """v4: the sync state (issue 17): exchange points, remote files, the sync log (the
    ``outbox`` table of v2 is used as it is)."""
    existing = set(inspect(conn).get_table_names())
    missing = [Base.metadata.tables[n] for n in (*SYNC_TABLES, "outbox") if n not in existing]
    Base.metadata.create_all(conn, tables=missing)


def _migrate_4_to_5(conn: Connection) -> None:
    """v5: the revisions' index also holds their id, so the unlock's vault-state check
    scans the index alone (issue 11: its cost at 120,000 entries was the revisions' leaf
    pages). The old (entry_id, seq) index is a prefix of the new one and goes."""
    conn.execute(
        text(f"CREATE INDEX IF NOT EXISTS {REVISION_INDEX} ON entry_revisions (entry_id, seq, id)")
    )
    conn.execute(text("DROP INDEX IF EXISTS ix_rev_entry_seq"))


COHORT_TABLES = ("cohorts", "seen_files")


def _migrate_5_to_6(conn: Connection) -> None:
    """v6: cohorts (named groups of contacts) and the files a batch import has seen
    (issue 14)."""
    existing = set(inspect(conn).get_table_names())
    missing = [Base.metadata.tables[n] for n in COHORT_TABLES if n not in existing]
    Base.metadata.create_all(conn, tables=missing)


CASE_TABLES = ("case_audit", "case_files")


def _migrate_6_to_7(conn: Connection) -> None:
    """v7: case studies (issue 15): the signed audit log and the files of a case study
    (its information sheet). The approval, the pseudonym map and each item's provenance
    are sealed in the v2 ``case_studies``/``case_items`` records."""
    existing = set(inspect(conn).get_table_names())
    missing = [Base.metadata.tables[n] for n in CASE_TABLES if n not in existing]
    Base.metadata.create_all(conn, tables=missing)


MIGRATIONS: dict[int, Callable[[Connection], None]] = {
    1: _migrate_1_to_2,
    2: _migrate_2_to_3,
    3: _migrate_3_to_4,
    4: _migrate_4_to_5,
    5: _migrate_5_to_6,
    6: _migrate_6_to_7,
}


def _damage_to_error(ctx: Any) -> BaseException | None:
    """A page that fails SQLCipher's HMAC (or a file the key does not open) is a damaged
    vault, whatever statement met it: say so instead of a driver error."""
    if pages.is_damage(ctx.original_exception):
        return VaultDamaged(DB_NAME)
    return None


class Database:
    def __init__(self, path: Path, page_key: bytes | None = None) -> None:
        """``page_key``: the file is page-encrypted (format 3); None only for the
        format-2 file a migration reads."""
        self.path = path
        self.page_key = page_key
        if page_key is None:
            self.engine = create_engine(
                f"sqlite+pysqlite:///{path}",
                connect_args={"check_same_thread": False},
            )
            event.listen(self.engine, "connect", _set_pragmas)
        else:
            self.engine = create_engine(
                f"sqlite+pysqlite:///{path}",
                module=sqlcipher3,
                connect_args={"check_same_thread": False},
            )

            def keyed(dbapi_conn: Any, record: Any) -> None:
                pages.apply_key(dbapi_conn, page_key)  # the very first statement
                _set_pragmas(dbapi_conn, record)

            event.listen(self.engine, "connect", keyed)
            event.listen(self.engine, "handle_error", _damage_to_error)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._wal = path.with_name(path.name + "-wal")
        self._checkpointer = _Checkpointer(self.engine)
        # Set at unlock: folds each transaction's trust-row changes into the sealed
        # vault state before it commits (storage/trust_state.py).
        self.trust: TrustState | None = None
        self._local = threading.local()  # .group: the session of an open group()

    def _unwritable(self, exc: OperationalError) -> StorageUnwritable | None:
        if "readonly" in str(exc) or "disk" in str(exc):
            return StorageUnwritable(str(self.path.parent))
        return None

    @contextlib.contextmanager
    def reading(self) -> Iterator[Session]:
        """A session only to read with: inside :meth:`group` (on its thread) the group's
        own, with what it wrote so far and without a SAVEPOINT of its own (a batch
        import reads a few rows per bundle); else a short session as :meth:`session`."""
        group: Session | None = getattr(self._local, "group", None)
        if group is not None:
            yield group
            return
        with self.session() as sess:
            yield sess

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A short unit of work: commit on success, roll back on any error.

        Inside :meth:`group` (on the thread that opened it) the unit of work is a
        SAVEPOINT of the group's transaction instead: released on success, rolled back
        to on any error, committed with the group."""
        group: Session | None = getattr(self._local, "group", None)
        if group is not None:
            try:
                with group.begin_nested():
                    yield group
            except OperationalError as exc:
                unwritable = self._unwritable(exc)
                if unwritable is not None:
                    raise unwritable from exc
                raise
            return
        with self._sessions() as sess:
            try:
                yield sess
                if self.trust is not None:
                    sess.flush()
                    self.trust.apply(sess.connection())
                sess.commit()
                self._after_commit()
            except OperationalError as exc:
                sess.rollback()
                unwritable = self._unwritable(exc)
                if unwritable is not None:
                    raise unwritable from exc
                raise
            except BaseException:
                sess.rollback()
                raise

    @contextlib.contextmanager
    def group(self, *, cache_mb: int = 0) -> Iterator[None]:
        """Many units of work in one transaction, committed once (a batch import stores
        many bundles per commit: one fsync, one vault-state reseal, and each B-tree page
        written once for all of them).

        While the block runs, every :meth:`session` opened *on this thread* is a
        SAVEPOINT in the group's transaction (all or nothing each, and each sees what
        the earlier ones wrote); other threads get their own sessions and see only what
        is committed. The transaction starts with ``BEGIN IMMEDIATE`` (the write lock
        is taken at once, and a SAVEPOINT is never the outermost transaction, whose
        RELEASE would commit). Any error rolls the whole group back; nothing of it is
        committed until the block ends. Not reentrant.

        ``cache_mb``: SQLite's page cache for this connection while the group runs
        (SQLite's default is 2 MB; a batch of bundles revisits the same B-tree pages
        and each page read is decrypted and its HMAC checked). Set back afterwards, so
        the pooled connection does not keep it."""
        if getattr(self._local, "group", None) is not None:
            raise RuntimeError("a group is already open on this thread")
        with self._sessions() as sess:
            conn = sess.connection()

            def default_cache() -> None:  # before the connection goes back to the pool
                if cache_mb:
                    with contextlib.suppress(DatabaseError, sqlite3.Error, sqlcipher3.Error):
                        conn.exec_driver_sql(f"PRAGMA cache_size={_DEFAULT_CACHE}")

            try:
                if cache_mb:
                    conn.exec_driver_sql(f"PRAGMA cache_size=-{int(cache_mb) * 1024}")
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                self._local.group = sess
                try:
                    yield
                finally:
                    self._local.group = None
                if self.trust is not None:
                    sess.flush()
                    self.trust.apply(sess.connection())
                default_cache()
                sess.commit()
                self._after_commit()
            except OperationalError as exc:
                default_cache()
                sess.rollback()
                unwritable = self._unwritable(exc)
                if unwritable is not None:
                    raise unwritable from exc
                raise
            except BaseException:
                default_cache()
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
                        {"key": TRUST_SEALED_MARKER, "value": "1"},  # nothing old to seal
                    ],
                )
        except (OperationalError, OSError) as exc:
            raise StorageUnwritable(str(self.path.parent)) from exc
        # Connections made before the tables existed carry no state triggers.
        self.engine.dispose()

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
            # Tables a migration made get their state triggers on fresh connections.
            self.engine.dispose()
        except VaultDamaged:
            raise
        except (DatabaseError, sqlite3.Error, sqlcipher3.Error) as exc:
            if self.page_key is not None and pages.is_damage(getattr(exc, "orig", exc)):
                raise VaultDamaged(self.path.name) from None
            if isinstance(exc, OperationalError) and "readonly" in str(exc):
                raise StorageUnwritable(str(self.path.parent)) from exc
            raise NotAVault(self.path.name) from exc

    def integrity_check(self) -> str:
        with self.engine.connect() as conn:
            return str(conn.execute(text("PRAGMA integrity_check")).scalar())

    def _after_commit(self) -> None:
        with contextlib.suppress(OSError):
            if os.stat(self._wal).st_size > _WAL_CHECKPOINT_BYTES:
                self._checkpointer.wake()

    def checkpoint(self) -> None:
        with contextlib.suppress(OperationalError), self.engine.connect() as conn:
            conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))

    def close(self) -> None:
        self._checkpointer.stop()
        self.engine.dispose()
