"""An in-memory SQLite FTS5 index of every entry's head revision.

Built after unlock from decrypted revisions, kept current on every write, and
dropped on lock. It lives in ``:memory:`` databases with ``temp_store=MEMORY``:
nothing of it reaches the disk. It also serves the entry list (summaries with
filters and sorting), so listing 10,000 entries needs no decryption.

Large vaults are split into shards (one in-memory database each, entries routed
by id) so the index builds on every core at unlock: SQLite tokenises with the GIL
released. Queries ask every shard and merge by rank. Each shard's FTS table uses
the shard's ``meta`` table as external content, so the text is held once.
"""

from __future__ import annotations

import heapq
import os
import sqlite3
import threading
import zlib
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date

from reflectdesk.domain.index_doc import IndexDoc
from reflectdesk.domain.model import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    EntrySummary,
    SearchFilters,
    SearchHit,
    ms_to_datetime,
)
from reflectdesk.errors import InvalidQuery
from reflectdesk.search.query import to_fts

_SCHEMA = """
CREATE TABLE meta(
    rowid INTEGER PRIMARY KEY,
    entry_id TEXT NOT NULL UNIQUE,
    journal_id TEXT NOT NULL,
    template_id TEXT NOT NULL,
    event_date TEXT,
    sort_date TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL,
    revisions INTEGER NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    tags TEXT NOT NULL,
    standards TEXT NOT NULL
);
CREATE INDEX meta_journal ON meta(journal_id);
CREATE VIRTUAL TABLE docs USING fts5(
    title, body, tags, standards,
    content = 'meta', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE doc_tags(rowid INTEGER NOT NULL, tag TEXT NOT NULL);
CREATE INDEX doc_tags_tag ON doc_tags(tag);
CREATE TABLE doc_std(rowid INTEGER NOT NULL, code TEXT NOT NULL);
CREATE INDEX doc_std_code ON doc_std(code);
"""

SORT_COLUMNS = {"date": "m.sort_date", "title": "m.title COLLATE NOCASE", "updated": "m.updated_ms"}
_SEP = "\n"  # tags and standards are stored newline-joined: the tokenizer splits there
_BM25 = "bm25(docs, 8.0, 1.0, 4.0, 2.0)"
SHARD_THRESHOLD = 2000  # below this, one shard: ranking statistics stay exact
_ASCII_FOLD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _norm_tag(tag: str) -> str:
    return tag.strip().casefold()


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


def _summary(r: tuple[object, ...]) -> EntrySummary:
    return EntrySummary(
        id=str(r[0]),
        journal_id=str(r[1]),
        title=str(r[2]),
        template_id=str(r[3]),
        tags=tuple(str(r[4]).split(_SEP)) if r[4] else (),
        standards=tuple(str(r[5]).split(_SEP)) if r[5] else (),
        event_date=date.fromisoformat(str(r[6])) if r[6] else None,
        created_at=ms_to_datetime(int(r[7])),  # type: ignore[call-overload]
        updated_at=ms_to_datetime(int(r[8])),  # type: ignore[call-overload]
        revision_count=int(r[9]),  # type: ignore[call-overload]
    )


@dataclass
class _Rows:
    first: int
    meta: list[tuple[object, ...]] = field(default_factory=list)
    tags: list[tuple[int, str]] = field(default_factory=list)
    stds: list[tuple[int, str]] = field(default_factory=list)


class _Shard:
    """One in-memory database: meta rows, the FTS table over them, tag tables."""

    def __init__(self) -> None:
        self.conn = sqlite3.connect(":memory:", check_same_thread=False)
        self.conn.execute("PRAGMA temp_store=MEMORY")
        self.conn.executescript(_SCHEMA)
        self.lock = threading.RLock()
        self.rowids: dict[str, int] = {}
        self._next = 1

    def close(self) -> None:
        with self.lock:
            self.conn.close()
            self.rowids.clear()

    def prepare(self, docs: Iterable[IndexDoc]) -> _Rows:
        """Assign rowids and build the rows (Python work, under the GIL)."""
        with self.lock:
            rows = _Rows(first=self._next)
            for d in docs:
                if d.entry_id in self.rowids:
                    self._remove_locked(d.entry_id)
                rowid = self._next
                self._next += 1
                self.rowids[d.entry_id] = rowid
                created = ms_to_datetime(d.created_ms).date().isoformat()
                rows.meta.append(
                    (
                        rowid, d.entry_id, d.journal_id, d.template_id, d.event_date,
                        d.event_date or created, d.created_ms, d.updated_ms, d.revisions,
                        d.title, d.body, _SEP.join(d.tags), _SEP.join(d.standards),
                    )
                )  # fmt: skip
                rows.tags.extend((rowid, _norm_tag(t)) for t in d.tags)
                rows.stds.extend((rowid, s.strip().upper()) for s in d.standards)
            return rows

    def insert(self, rows: _Rows) -> None:
        """Write prepared rows; the FTS tokenising runs in SQLite without the GIL."""
        with self.lock, self.conn:
            self.conn.executemany("INSERT INTO meta VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows.meta)
            self.conn.execute(
                "INSERT INTO docs(rowid, title, body, tags, standards) "
                "SELECT rowid, title, body, tags, standards FROM meta WHERE rowid >= ?",
                (rows.first,),
            )
            self.conn.executemany("INSERT INTO doc_tags VALUES (?,?)", rows.tags)
            self.conn.executemany("INSERT INTO doc_std VALUES (?,?)", rows.stds)

    def add_many(self, docs: Iterable[IndexDoc]) -> None:
        with self.lock:
            self.insert(self.prepare(docs))

    def _remove_locked(self, entry_id: str) -> None:
        rowid = self.rowids.pop(entry_id, None)
        if rowid is None:
            return
        with self.conn:
            # External content: FTS needs the old values to remove its postings.
            self.conn.execute(
                "INSERT INTO docs(docs, rowid, title, body, tags, standards) "
                "SELECT 'delete', rowid, title, body, tags, standards FROM meta WHERE rowid = ?",
                (rowid,),
            )
            self.conn.execute("DELETE FROM meta WHERE rowid = ?", (rowid,))
            self.conn.execute("DELETE FROM doc_tags WHERE rowid = ?", (rowid,))
            self.conn.execute("DELETE FROM doc_std WHERE rowid = ?", (rowid,))

    def remove(self, entry_id: str) -> None:
        with self.lock:
            self._remove_locked(entry_id)

    def rank(self, match: str, filters: SearchFilters, limit: int) -> list[tuple[float, int]]:
        """The best ``limit`` rows as (bm25, rowid); cheap next to making snippets."""
        where, params = _filter_sql(filters)
        join = " JOIN meta m ON m.rowid = docs.rowid" if where else ""
        sql = (
            f"SELECT {_BM25} AS r, docs.rowid FROM docs{join} "
            f"WHERE docs MATCH ?{where} ORDER BY r LIMIT ?"
        )
        with self.lock:
            try:
                return self.conn.execute(sql, [match, *params, limit]).fetchall()
            except sqlite3.OperationalError as exc:
                raise InvalidQuery("fts") from exc

    def hits(self, match: str, ranked: list[tuple[float, int]]) -> list[SearchHit]:
        """Snippets and row facts for rows already chosen by :meth:`rank`."""
        if not ranked:
            return []
        marks = ",".join("?" * len(ranked))
        with self.lock:
            rows = self.conn.execute(
                "SELECT docs.rowid, m.entry_id, m.journal_id, m.title, m.event_date, "
                f"m.template_id, snippet(docs, -1, '{HIGHLIGHT_START}', '{HIGHLIGHT_END}', "
                "'…', 16) FROM docs JOIN meta m ON m.rowid = docs.rowid "
                f"WHERE docs MATCH ? AND docs.rowid IN ({marks})",
                [match, *(rowid for _, rowid in ranked)],
            ).fetchall()
        by_rowid = {r[0]: r for r in rows}
        out = []
        for rank, rowid in ranked:
            r = by_rowid.get(rowid)
            if r is None:
                continue
            out.append(
                SearchHit(
                    entry_id=r[1],
                    journal_id=r[2],
                    title=r[3],
                    snippet=r[6],
                    rank=float(rank),
                    event_date=date.fromisoformat(r[4]) if r[4] else None,
                    template_id=r[5],
                )
            )
        return out

    def summaries(
        self, filters: SearchFilters, sort: str, descending: bool, limit: int | None
    ) -> list[tuple[object, ...]]:
        where, params = _filter_sql(filters)
        order = SORT_COLUMNS.get(sort, SORT_COLUMNS["date"])
        direction = "DESC" if descending else "ASC"
        sql = (
            "SELECT m.entry_id, m.journal_id, m.title, m.template_id, m.tags, m.standards, "
            "m.event_date, m.created_ms, m.updated_ms, m.revisions, "
            f"{order.split(' ')[0]} AS sort_key FROM meta m WHERE 1=1{where} "
            f"ORDER BY {order} {direction}, m.entry_id {direction}"
        )
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        with self.lock:
            return self.conn.execute(sql, params).fetchall()

    def tag_counts(self) -> list[tuple[str, int]]:
        with self.lock:
            return self.conn.execute("SELECT tag, count(*) FROM doc_tags GROUP BY tag").fetchall()


class SearchIndex:
    def __init__(self, shards: int = 1) -> None:
        self._shards = [_Shard() for _ in range(max(1, shards))]
        self._closed = False
        self._pool = ThreadPoolExecutor(max_workers=len(self._shards), thread_name_prefix="fts")

    @classmethod
    def for_size(cls, expected_entries: int) -> SearchIndex:
        cores = os.cpu_count() or 1
        return cls(min(cores, 4) if expected_entries >= SHARD_THRESHOLD else 1)

    def _shard_index(self, entry_id: str) -> int:
        if len(self._shards) == 1:
            return 0
        return zlib.crc32(entry_id.encode()) % len(self._shards)

    def _shard(self, entry_id: str) -> _Shard:
        return self._shards[self._shard_index(entry_id)]

    def _check_open(self) -> None:
        if self._closed:
            raise RuntimeError("index closed")

    def close(self) -> None:
        self._closed = True
        self._pool.shutdown(wait=True)
        for shard in self._shards:
            shard.close()

    def __len__(self) -> int:
        return sum(len(s.rowids) for s in self._shards)

    @property
    def conn(self) -> sqlite3.Connection:
        """The first shard's connection (tests inspect that it is memory-only)."""
        return self._shards[0].conn

    # -- writes ------------------------------------------------------------------------
    def add_many(self, docs: Iterable[IndexDoc]) -> None:
        self._check_open()
        groups: dict[int, list[IndexDoc]] = {}
        for d in docs:
            groups.setdefault(self._shard_index(d.entry_id), []).append(d)
        for i, group in groups.items():
            self._shards[i].add_many(group)

    def upsert(self, doc: IndexDoc) -> None:
        self.add_many([doc])

    def remove(self, entry_id: str) -> None:
        self._check_open()
        self._shard(entry_id).remove(entry_id)

    def bulk_load(self, docs: Iterator[IndexDoc]) -> int:
        """Fill an empty index: decrypt everything here first, then build every shard
        at once on the pool. (Interleaving the two measured slower: the decrypting
        thread and the shard threads fought over the GIL on every inserted row.)"""
        self._check_open()
        groups: list[list[IndexDoc]] = [[] for _ in self._shards]
        count = 0
        for d in docs:
            groups[self._shard_index(d.entry_id)].append(d)
            count += 1
        prepared = [shard.prepare(group) for shard, group in zip(self._shards, groups, strict=True)]
        if len(self._shards) == 1:
            self._shards[0].insert(prepared[0])
        else:
            list(
                self._pool.map(lambda i: self._shards[i].insert(prepared[i]), range(len(prepared)))
            )
        return count

    # -- reads -------------------------------------------------------------------------
    def search(
        self, text: str, filters: SearchFilters | None = None, limit: int = 50
    ) -> list[SearchHit]:
        """Rank in every shard, keep the global best ``limit``, then make snippets
        only for those (shards work in parallel: SQLite runs without the GIL)."""
        self._check_open()
        match = to_fts(text)
        f = filters or SearchFilters()
        if len(self._shards) == 1:
            shard = self._shards[0]
            return shard.hits(match, shard.rank(match, f, limit))
        ranked = list(self._pool.map(lambda s: s.rank(match, f, limit), self._shards))
        best = heapq.nsmallest(
            limit, ((r, rowid, i) for i, rows in enumerate(ranked) for r, rowid in rows)
        )
        chosen: list[list[tuple[float, int]]] = [[] for _ in self._shards]
        for r, rowid, i in best:
            chosen[i].append((r, rowid))
        parts = self._pool.map(lambda i: self._shards[i].hits(match, chosen[i]), range(len(chosen)))
        hits = [h for part in parts for h in part]
        hits.sort(key=lambda h: h.rank)
        return hits

    def summaries(
        self,
        filters: SearchFilters | None = None,
        sort: str = "date",
        descending: bool = True,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[EntrySummary]:
        self._check_open()
        want = None if limit is None else offset + limit
        per_shard = [
            s.summaries(filters or SearchFilters(), sort, descending, want) for s in self._shards
        ]
        if len(per_shard) == 1:
            rows = per_shard[0]
        else:

            def key(r: tuple[object, ...]) -> tuple[object, object]:
                # The same order SQLite used in each shard (NOCASE folds ASCII only).
                sort_key = r[10]
                if sort == "title":
                    sort_key = str(sort_key).translate(_ASCII_FOLD)
                return (sort_key, r[0])

            rows = list(heapq.merge(*per_shard, key=key, reverse=descending))
        end = None if limit is None else offset + limit
        return [_summary(r) for r in rows[offset:end]]

    def all_tags(self) -> list[tuple[str, int]]:
        self._check_open()
        counts: dict[str, int] = {}
        for shard in self._shards:
            for tag, n in shard.tag_counts():
                counts[tag] = counts.get(tag, 0) + n
        return sorted(counts.items())
