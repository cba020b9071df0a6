"""Plain inserts and reads through the DB-API connection, for the hot paths of an import.

A batch import of 500 bundles writes ~100,000 rows in ~5,000 statements; through
SQLAlchemy's Core each statement spends ~0.15 ms of Python (a statement object, its
cache key, parameter processing that copies every blob) on the one thread that holds
the vault's write lock: ~2 s per 500 bundles (docs/benchmarks.md, fifth round). Here the
SQL is made once per table and set of columns, and the rows go to the driver as tuples,
on the same connection and so inside the same transaction and SAVEPOINT. The reads
(:func:`select_rows`) are the per-bundle look-ups of an import, made the same way.

Only for tables whose columns SQLite takes as they are (integers, text, blobs): a column
of another type (one SQLAlchemy would convert) is refused when the statement is made,
so a later change to the schema fails loudly in the tests instead of storing a value
unconverted. Python-side scalar defaults of the columns not given are filled in, as
SQLAlchemy would. A driver error is raised as a statement through the engine raises it
(``VaultDamaged`` for a page that fails its check, SQLAlchemy's ``OperationalError`` for
a full disk), so the callers' handling is unchanged.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Mapping, Sequence
from typing import Any

import sqlcipher3
from sqlalchemy import Connection, Integer, LargeBinary, String, Table, Text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from reflectdesk.errors import VaultDamaged
from reflectdesk.storage import pages

_PLAIN = (Integer, String, Text, LargeBinary)  # what SQLite stores as it is given


@functools.lru_cache(maxsize=64)
def _statement(table: Table, keys: tuple[str, ...]) -> tuple[str, tuple[Any, ...]]:
    """The INSERT for these columns, and the defaults appended for the missing ones."""
    names = list(keys)
    defaults: list[Any] = []
    for column in table.columns:
        if type(column.type) not in _PLAIN:  # exactly: a subclass may convert values
            raise TypeError(f"{table.name}.{column.name}: not a plain column")
        if column.name in keys:
            continue
        default = column.default
        if default is not None:
            if not default.is_scalar:
                raise TypeError(f"{table.name}.{column.name}: not a scalar default")
            names.append(column.name)
            defaults.append(default.arg)  # type: ignore[attr-defined]
    unknown = set(keys) - {c.name for c in table.columns}
    if unknown:
        raise KeyError(f"{table.name}: no column {sorted(unknown)}")
    quoted = ", ".join(names)
    return f"INSERT INTO {table.name} ({quoted}) VALUES ", tuple(defaults)  # noqa: S608


# SQLite's default SQLITE_MAX_VARIABLE_NUMBER (32766 since 3.32) bounds the rows of one
# statement; 500 rows keeps each statement's parameters (and blobs) moderate.
_MAX_PARAMS = 32_000
_MAX_ROWS = 500


def insert_rows(session: Session, table: Table, rows: Sequence[Mapping[str, object]]) -> None:
    """INSERT ``rows`` (all with the same keys) into ``table`` in ``session``'s
    transaction, many rows per statement.

    One statement per table and bundle, not one per row: every insert fires the
    vault-state triggers, so SQLite opens a statement journal for it, and inside the
    bundle's SAVEPOINT closing one walks the in-memory sub-journal from its start
    (``memjrnlTruncate``): per row, that was ~1 s of the storing thread per 500 bundles."""
    if not rows:
        return
    keys = tuple(rows[0])
    if any(len(row) != len(keys) for row in rows):
        raise KeyError(f"{table.name}: rows with other columns")
    head, extra = _statement(table, keys)
    width = len(keys) + len(extra)
    one = f"({marks(width)})"
    per = max(1, min(_MAX_ROWS, _MAX_PARAMS // width))
    raw = _driver(session)
    for start in range(0, len(rows), per):
        part = rows[start : start + per]
        sql = head + ", ".join([one] * len(part))
        params = [v for row in part for v in (*(row[k] for k in keys), *extra)]
        try:
            raw.execute(sql, params)
        except sqlcipher3.Error as exc:
            raise _as_sqlalchemy_raises(sql, exc) from exc


def select_rows(
    where: Session | Connection, sql: str, params: Sequence[object] = ()
) -> list[tuple[Any, ...]]:
    """The rows of a SELECT with ``?`` parameters, read on ``where``'s connection (a
    session's: inside its transaction, what it wrote so far included)."""
    raw = _driver(where)
    try:
        return list(raw.execute(sql, tuple(params)).fetchall())
    except sqlcipher3.Error as exc:
        raise _as_sqlalchemy_raises(sql, exc) from exc


def select_in(
    where: Session | Connection, select_in: str, ids: Collection[str], per_query: int
) -> list[tuple[Any, ...]]:
    """Every row of ``select_in`` (a SELECT ending in ``... IN``) for ``ids``, asked
    ``per_query`` ids at a time."""
    items = list(ids)
    out: list[tuple[Any, ...]] = []
    for start in range(0, len(items), per_query):
        part = items[start : start + per_query]
        out += select_rows(where, f"{select_in} ({marks(len(part))})", part)
    return out


def marks(count: int) -> str:
    """``?, ?, ...``: the placeholders of an ``IN (...)`` of ``count`` values."""
    return ", ".join("?" * count)


def _as_sqlalchemy_raises(sql: str, exc: sqlcipher3.Error) -> BaseException:
    """The error a statement through the engine would raise: a page that fails its
    check is ``VaultDamaged`` (the engine's ``handle_error`` listener, which does not
    see the driver's own calls), anything else SQLAlchemy's wrapper of it (a full disk:
    ``OperationalError``, which the sessions turn into ``StorageUnwritable``)."""
    if pages.is_damage(exc):
        from reflectdesk.storage.database import DB_NAME  # it imports this module's users

        return VaultDamaged(DB_NAME)
    wrapped: BaseException = DBAPIError.instance(sql, None, exc, sqlcipher3.Error)
    return wrapped


def _driver(where: Session | Connection) -> Any:
    if isinstance(where, Session):
        if where.new or where.dirty or where.deleted:
            where.flush()  # what the unit of work holds goes first (foreign keys)
        where = where.connection()
    raw = where.connection.driver_connection
    assert raw is not None
    return raw
