"""Plain inserts through the driver (storage/rows.py): the same rows SQLAlchemy would
write, defaults included; other column types refused; the driver's errors raised as
SQLAlchemy raises them (a full disk stays an ``OperationalError``), inside the caller's
transaction."""

from __future__ import annotations

import pytest
from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table
from sqlalchemy.exc import IntegrityError, OperationalError

from reflectdesk.errors import StorageUnwritable
from reflectdesk.ids import uuid7
from reflectdesk.services.vault import Vault
from reflectdesk.storage import schema as t
from reflectdesk.storage.entries import table_of
from reflectdesk.storage.rows import _statement, insert_rows


def _entry(journal_id: str, **extra: object) -> dict[str, object]:
    return {"id": uuid7(), "journal_id": journal_id, "created_at": 1, "updated_at": 2, **extra}


def test_rows_are_stored_as_given_and_missing_columns_get_their_defaults(vault: Vault) -> None:
    journal = vault.journals.create("J")
    db = vault._unlocked().db
    rows = [_entry(journal.id), _entry(journal.id)]
    with db.session() as s:
        insert_rows(s, table_of(t.Entry), rows)
        insert_rows(s, table_of(t.Entry), [_entry(journal.id, head_seq=7, conflicted=1)])
    with db.engine.connect() as conn:
        got = conn.exec_driver_sql(
            "SELECT id, journal_id, head_revision_id, head_seq, created_at, updated_at, "
            "deleted, conflicted FROM entries ORDER BY head_seq"
        ).all()
    assert sorted(tuple(r) for r in got[:2]) == sorted(
        (r["id"], journal.id, None, 0, 1, 2, 0, 0) for r in rows
    )
    assert tuple(got[2])[3:] == (7, 1, 2, 0, 1)


def test_a_failure_rolls_back_with_the_callers_transaction(vault: Vault) -> None:
    journal = vault.journals.create("J")
    db = vault._unlocked().db
    first = _entry(journal.id)
    with pytest.raises(IntegrityError), db.session() as s:
        insert_rows(s, table_of(t.Entry), [first])
        insert_rows(s, table_of(t.Entry), [_entry(journal.id), dict(first)])  # same id
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM entries").scalar() == 0


def test_a_full_disk_is_said_as_the_storage_says_it(vault: Vault) -> None:
    # Raised as SQLAlchemy's OperationalError, which the session maps to the app's error.
    db = vault._unlocked().db
    with pytest.raises(StorageUnwritable) as info, db.session() as s:
        raw = s.connection().connection.driver_connection
        assert raw is not None
        pages = raw.execute("PRAGMA page_count").fetchone()[0]
        raw.execute(f"PRAGMA max_page_count={pages}")
        try:
            blob = b"x" * 4096
            many = [
                {"id": uuid7(), "direction": "in", "created_at": i, "blob": blob}
                for i in range(200)
            ]
            insert_rows(s, table_of(t.BundleLog), many)
        finally:
            raw.execute("PRAGMA max_page_count=1073741823")
    assert isinstance(info.value.__cause__, OperationalError)


def test_only_columns_sqlite_stores_as_given() -> None:
    other = Table(
        "other",
        MetaData(),
        Column("id", String, primary_key=True),
        Column("n", Integer),
        Column("at", DateTime),  # SQLAlchemy converts these: refused
    )
    with pytest.raises(TypeError, match=r"other\.at"):
        _statement(other, ("id", "n"))
    with pytest.raises(KeyError, match="nope"):
        _statement(table_of(t.Consent), ("id", "nope"))
    sql, defaults = _statement(table_of(t.Attachment), ("id", "entry_id", "created_at", "size",
                                                         "chunk_count", "blob"))  # fmt: skip
    assert sql.startswith("INSERT INTO attachments (id, entry_id, created_at, size, chunk_count")
    assert defaults == (0, 0)  # complete, deleted


def test_rows_with_other_columns_are_refused(vault: Vault) -> None:
    journal = vault.journals.create("J")
    with pytest.raises(KeyError), vault._unlocked().db.session() as s:
        insert_rows(s, table_of(t.Entry), [_entry(journal.id), _entry(journal.id, head_seq=1)])
