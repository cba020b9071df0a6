"""An in-memory SQLite FTS5 index of every entry's head revision.

Built after unlock from decrypted revisions, kept current on every write, and
dropped on lock. It lives in a ``:memory:`` database with ``temp_store=MEMORY``:
nothing of it reaches the disk. It also serves the entry list (summaries with
filters and sorting), so listing 10,000 entries needs no decryption.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from reflectdesk.domain.model import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    EntryContent,
    EntrySummary,
    SearchFilters,
    SearchHit,
    ms_to_datetime,
)
from reflectdesk.errors import InvalidQuery
from reflectdesk.search.query import to_fts

_SCHEMA = """
CREATE VIRTUAL TABLE docs USING fts5(
    title, body, tags, standards,
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE meta(
    rowid INTEGER PRIMARY KEY,
    entry_id TEXT NOT NULL UNIQUE,
    journal_id TEXT NOT NULL,
    template_id TEXT NOT NULL,
    event_date TEXT,
    sort_date TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL,
    title TEXT NOT NULL,
    tags TEXT NOT NULL,
    standards TEXT NOT NULL,
    revisions INTEGER NOT NULL
);
CREATE INDEX meta_journal ON meta(journal_id);
CREATE TABLE doc_tags(rowid INTEGER NOT NULL, tag TEXT NOT NULL);
CREATE INDEX doc_tags_tag ON doc_tags(tag);
CREATE TABLE doc_std(rowid INTEGER NOT NULL, code TEXT NOT NULL);
CREATE INDEX doc_std_code ON doc_std(code);
"""

SORT_COLUMNS = {"date": "m.sort_date", "title": "m.title COLLATE NOCASE", "updated": "m.updated_ms"}


@dataclass(frozen=True, slots=True)
class IndexDoc:
    entry_id: str
    journal_id: str
    created_ms: int
    updated_ms: int
    revisions: int
    content: EntryContent


def _norm_tag(tag: str) -> str:
    return tag.strip().casefold()


class SearchIndex:
    def __init__(self) -> None:
        self._conn: sqlite3.Connection | None = sqlite3.connect(":memory:", check_same_thread=False)
        self._lock = threading.RLock()
        self._conn.execute("PRAGMA temp_store=MEMORY")
        self._conn.executescript(_SCHEMA)
        self._next_rowid = 1
        self._rowids: dict[str, int] = {}

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise RuntimeError("index closed")
        return self._conn

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
            self._rowids.clear()

    def __len__(self) -> int:
        return len(self._rowids)

    # -- writes ------------------------------------------------------------------------
    def _rows(self, doc: IndexDoc, rowid: int) -> tuple[tuple[object, ...], tuple[object, ...]]:
        c = doc.content
        created = ms_to_datetime(doc.created_ms).date().isoformat()
        sort_date = c.event_date.isoformat() if c.event_date else created
        fts = (rowid, c.title, c.body_text, " ".join(c.tags), " ".join(c.standards))
        meta = (
            rowid,
            doc.entry_id,
            doc.journal_id,
            c.template_id,
            c.event_date.isoformat() if c.event_date else None,
            sort_date,
            doc.created_ms,
            doc.updated_ms,
            c.title,
            json.dumps(list(c.tags), ensure_ascii=False),
            json.dumps(list(c.standards)),
            doc.revisions,
        )
        return fts, meta

    def add_many(self, docs: Iterable[IndexDoc]) -> None:
        with self._lock:
            fts_rows: list[tuple[object, ...]] = []
            meta_rows: list[tuple[object, ...]] = []
            tag_rows: list[tuple[int, str]] = []
            std_rows: list[tuple[int, str]] = []
            for doc in docs:
                if doc.entry_id in self._rowids:
                    self._remove_locked(doc.entry_id)
                rowid = self._next_rowid
                self._next_rowid += 1
                self._rowids[doc.entry_id] = rowid
                fts, meta = self._rows(doc, rowid)
                fts_rows.append(fts)
                meta_rows.append(meta)
                tag_rows.extend((rowid, _norm_tag(t)) for t in doc.content.tags)
                std_rows.extend((rowid, s.strip().upper()) for s in doc.content.standards)
            with self.conn:
                self.conn.executemany(
                    "INSERT INTO docs(rowid, title, body, tags, standards) VALUES (?,?,?,?,?)",
                    fts_rows,
                )
                self.conn.executemany(
                    "INSERT INTO meta VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", meta_rows
                )
                self.conn.executemany("INSERT INTO doc_tags VALUES (?,?)", tag_rows)
                self.conn.executemany("INSERT INTO doc_std VALUES (?,?)", std_rows)

    def upsert(self, doc: IndexDoc) -> None:
        self.add_many([doc])

    def _remove_locked(self, entry_id: str) -> None:
        rowid = self._rowids.pop(entry_id, None)
        if rowid is None:
            return
        with self.conn:
            self.conn.execute("DELETE FROM docs WHERE rowid = ?", (rowid,))
            self.conn.execute("DELETE FROM meta WHERE rowid = ?", (rowid,))
            self.conn.execute("DELETE FROM doc_tags WHERE rowid = ?", (rowid,))
            self.conn.execute("DELETE FROM doc_std WHERE rowid = ?", (rowid,))

    def remove(self, entry_id: str) -> None:
        with self._lock:
            self._remove_locked(entry_id)

    # -- reads -------------------------------------------------------------------------
    @staticmethod
    def _filter_sql(f: SearchFilters) -> tuple[str, list[object]]:
        clauses: list[str] = []
        params: list[object] = []
        if f.journal_id:
            clauses.append("m.journal_id = ?")
            params.append(f.journal_id)
        if f.template_id:
            clauses.append("m.template_id = ?")
            params.append(f.template_id)
        if f.tag:
            clauses.append("m.rowid IN (SELECT rowid FROM doc_tags WHERE tag = ?)")
            params.append(_norm_tag(f.tag))
        if f.standard:
            clauses.append("m.rowid IN (SELECT rowid FROM doc_std WHERE code = ?)")
            params.append(f.standard.strip().upper())
        if f.date_from:
            clauses.append("m.sort_date >= ?")
            params.append(f.date_from.isoformat())
        if f.date_to:
            clauses.append("m.sort_date <= ?")
            params.append(f.date_to.isoformat())
        return (" AND " + " AND ".join(clauses)) if clauses else "", params

    def search(
        self, text: str, filters: SearchFilters | None = None, limit: int = 50
    ) -> list[SearchHit]:
        match = to_fts(text)
        where, params = self._filter_sql(filters or SearchFilters())
        # Only fixed fragments are interpolated; every value is a bound parameter.
        sql = (
            "SELECT m.entry_id, m.journal_id, m.title, "
            f"snippet(docs, -1, '{HIGHLIGHT_START}', '{HIGHLIGHT_END}', '…', 16), "
            "bm25(docs, 8.0, 1.0, 4.0, 2.0) AS rank, m.event_date, m.template_id "
            "FROM docs JOIN meta m ON m.rowid = docs.rowid "
            f"WHERE docs MATCH ?{where} ORDER BY rank LIMIT ?"
        )
        with self._lock:
            try:
                rows = self.conn.execute(sql, [match, *params, limit]).fetchall()
            except sqlite3.OperationalError as exc:
                raise InvalidQuery("fts") from exc
        return [
            SearchHit(
                entry_id=r[0],
                journal_id=r[1],
                title=r[2],
                snippet=r[3],
                rank=float(r[4]),
                event_date=date.fromisoformat(r[5]) if r[5] else None,
                template_id=r[6],
            )
            for r in rows
        ]

    def summaries(
        self,
        filters: SearchFilters | None = None,
        sort: str = "date",
        descending: bool = True,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[EntrySummary]:
        where, params = self._filter_sql(filters or SearchFilters())
        order = SORT_COLUMNS.get(sort, SORT_COLUMNS["date"])
        direction = "DESC" if descending else "ASC"
        # Only fixed fragments are interpolated; every value is a bound parameter.
        sql = (
            "SELECT m.entry_id, m.journal_id, m.title, m.template_id, m.tags, m.standards, "
            "m.event_date, m.created_ms, m.updated_ms, m.revisions FROM meta m "
            f"WHERE 1=1{where} ORDER BY {order} {direction}, m.rowid {direction}"
        )
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        with self._lock:
            rows = self.conn.execute(sql, params).fetchall()
        return [
            EntrySummary(
                id=r[0],
                journal_id=r[1],
                title=r[2],
                template_id=r[3],
                tags=tuple(json.loads(r[4])),
                standards=tuple(json.loads(r[5])),
                event_date=date.fromisoformat(r[6]) if r[6] else None,
                created_at=ms_to_datetime(r[7]),
                updated_at=ms_to_datetime(r[8]),
                revision_count=r[9],
            )
            for r in rows
        ]

    def all_tags(self) -> list[tuple[str, int]]:
        with self._lock:
            return [
                (str(t), int(n))
                for t, n in self.conn.execute(
                    "SELECT tag, count(*) FROM doc_tags GROUP BY tag ORDER BY tag"
                )
            ]
