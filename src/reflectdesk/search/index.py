"""The FTS5 index of every entry's head revision, kept inside the encrypted vault file.

Since format 3 the index lives in the page-encrypted database (``search_*`` tables,
storage/pages.py), so unlock builds nothing: it opens the file and catches up the few
entries whose head moved after the index last saw them (a crash between a record's
commit and its index write). Every index row carries the head revision id it was made
from; :meth:`SearchIndex.catch_up` finds the rows that disagree with ``entries`` in one
SQL join (docs/vault-format.md, "Search index").

It also serves the entry list (summaries with filters and sorting), so listing 100,000
entries needs no decryption of records. Without a path the index lives in ``:memory:``
(tests, tools).

Two connections: a writer and a reader (WAL lets a search on the GUI's worker run while
a save commits). Searching: ranking (bm25 over title, body, tags, standards with weights
8, 1, 4, 2) first, snippets only for the rows shown; a prefix is expanded into an OR of
the index's own terms (``fts5vocab``) because FTS5 merges a prefix's whole doclist
before anything else; ``first=True`` ranks only the matches among the newest entries
(a window that grows ×4 until ``limit`` hits) for results as you type.
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator
from datetime import date
from typing import Any, TypeVar, cast

import sqlcipher3

from reflectdesk.domain.index_doc import IndexDoc
from reflectdesk.domain.model import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    EntrySummary,
    SearchFilters,
    SearchHit,
    ms_to_datetime,
)
from reflectdesk.errors import InvalidQuery, VaultDamaged
from reflectdesk.search.query import to_fts

SCHEMA = """
CREATE TABLE IF NOT EXISTS search_meta(
    rowid INTEGER PRIMARY KEY,
    entry_id TEXT NOT NULL UNIQUE,
    head TEXT,
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
CREATE INDEX IF NOT EXISTS search_meta_journal ON search_meta(journal_id);
-- Covering the unlock's catch-up joins: the rows themselves (with the text) stay unread.
CREATE INDEX IF NOT EXISTS search_meta_head ON search_meta(entry_id, head);
CREATE INDEX IF NOT EXISTS search_meta_sort ON search_meta(sort_date);
-- Covering the cohort dashboard's read (``facts``): the rows (the text) stay unread.
CREATE INDEX IF NOT EXISTS search_meta_facts
    ON search_meta(journal_id, template_id, sort_date, updated_ms, entry_id, standards);
CREATE VIRTUAL TABLE IF NOT EXISTS search_docs USING fts5(
    title, body, tags, standards,
    content = 'search_meta', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE IF NOT EXISTS search_tags(doc INTEGER NOT NULL, tag TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS search_tags_tag ON search_tags(tag);
CREATE INDEX IF NOT EXISTS search_tags_doc ON search_tags(doc);
CREATE TABLE IF NOT EXISTS search_std(doc INTEGER NOT NULL, code TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS search_std_code ON search_std(code);
CREATE INDEX IF NOT EXISTS search_std_doc ON search_std(doc);
"""
TABLES = ("search_meta", "search_docs", "search_tags", "search_std")

SORT_COLUMNS = {"date": "m.sort_date", "title": "m.title COLLATE NOCASE", "updated": "m.updated_ms"}
_SEP = "\n"  # tags and standards are stored newline-joined: the tokenizer splits there
_BM25 = "bm25(search_docs, 8.0, 1.0, 4.0, 2.0)"
FIRST_WINDOW = 20_000  # newest entries ranked first for results as you type
_MAX_EXPANSION = 64  # a prefix standing for more terms than this stays a prefix
_PREFIX = re.compile(r'"((?:[^"]|"")*)"\*')
_META_COLS = (
    "entry_id, head, journal_id, template_id, event_date, sort_date, created_ms, "
    "updated_ms, revisions, title, body, tags, standards"
)


_F = TypeVar("_F", bound=Callable[..., Any])


def _damage_checked(method: _F) -> _F:
    """A page of the index that fails SQLCipher's HMAC (or SQLite's structure checks)
    is a damaged vault, as in storage/database.py: say so, not a driver error."""

    @functools.wraps(method)
    def checked(*args: Any, **kwargs: Any) -> Any:
        try:
            return method(*args, **kwargs)
        except sqlcipher3.DatabaseError as exc:
            if "malformed" in str(exc) or "not a database" in str(exc):
                raise VaultDamaged("search index") from None
            raise

    return cast(_F, checked)


def _norm_tag(tag: str) -> str:
    return tag.strip().casefold()


def _fold(word: str) -> str:
    """What ``unicode61 remove_diacritics 2`` makes of a word: lower case, no marks."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


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
        clauses.append("m.rowid IN (SELECT doc FROM search_tags WHERE tag = ?)")
        params.append(_norm_tag(f.tag))
    if f.standard:
        clauses.append("m.rowid IN (SELECT doc FROM search_std WHERE code = ?)")
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


def create_schema(conn: Any) -> None:
    for stmt in SCHEMA.split(";"):
        if stmt.strip():
            conn.execute(stmt)


# Markdown a person typed, shown as text in a snippet (issue 16.8: "**" in the results):
# emphasis and code markers, heading and quote marks at a line start, list bullets, and
# links reduced to their text. The highlight marks (\x02, \x03) are left alone.
_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_MD_MARKS = re.compile(r"(\*\*|__|~~|`+|(?<![\w\x02\x03])[*_](?=\S)|(?<=\S)[*_](?![\w\x02\x03]))")
_MD_LINE = re.compile(r"(^|\n)[ \t]*(#{1,6}[ \t]+|>[ \t]?|[-+*][ \t]+|\d+[.)][ \t]+)")


def plain_snippet(snippet: str) -> str:
    """A snippet without Markdown's markers, on one line."""
    text = _MD_LINK.sub(r"\1", snippet)
    text = _MD_LINE.sub(r"\1", text)
    text = _MD_MARKS.sub("", text)
    return " ".join(text.split())


class _Conn:
    """One connection and the lock that serialises its users."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.lock = threading.RLock()
        self.vocab = False


def _pairs(conn: Any, select_in: str, ids: list[str]) -> dict[Any, Any]:
    """``select_in`` (a query of two columns ending in ``IN``) for ``ids``, 500 at a time."""
    out: dict[Any, Any] = {}
    for i in range(0, len(ids), 500):
        part = ids[i : i + 500]
        out.update(conn.execute(f"{select_in} ({','.join('?' * len(part))})", part).fetchall())
    return out


class SearchIndex:
    def __init__(self, connect: Callable[[], Any] | None = None) -> None:
        """In memory without ``connect``; else persistent, over connections that
        ``connect`` opens (the storage layer hands in its keyed opener, so the index
        never reaches up into storage)."""
        self._closed = False
        self._persistent = connect is not None
        # The number of entries, kept current by this object's own writes: the GUI asks
        # for it on its thread, which must never wait for the reader's lock behind a
        # long list query on a worker (a 300 ms block while sorting 10,000 entries).
        self._count: int | None = None
        self._count_gen = 0
        self._count_lock = threading.Lock()
        if connect is None:
            mem = sqlcipher3.connect(":memory:", check_same_thread=False, isolation_level=None)
            mem.execute("PRAGMA temp_store=MEMORY")
            create_schema(mem)
            self._w = self._r = _Conn(mem)
        else:
            writer = connect()
            create_schema(writer)
            self._w = _Conn(writer)
            self._r = _Conn(connect())

    def _check_open(self) -> None:
        if self._closed:
            raise RuntimeError("index closed")

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        for c in {id(self._w): self._w, id(self._r): self._r}.values():
            with c.lock:
                c.conn.close()

    @_damage_checked
    def __len__(self) -> int:
        self._check_open()
        with self._count_lock:
            cached, gen = self._count, self._count_gen
        if cached is not None:
            return cached
        with self._r.lock:
            value = int(self._r.conn.execute("SELECT count(*) FROM search_meta").fetchone()[0])
        with self._count_lock:
            if self._count_gen == gen:  # no write committed while counting
                self._count = value
        return value

    def _committed(self, delta: int) -> None:
        with self._count_lock:
            self._count_gen += 1
            if self._count is not None:
                self._count += delta

    @property
    def conn(self) -> Any:
        """The reader's connection (tests inspect where it lives)."""
        return self._r.conn

    # -- writes ------------------------------------------------------------------------
    def _heads(self, conn: Any, entry_ids: list[str]) -> dict[str, str | None]:
        """The head revision each entry has *now* (committed before the index is
        written): what the index row is made from, so a later unlock can tell."""
        if not self._persistent or not entry_ids:
            return {}
        return _pairs(conn, "SELECT id, head_revision_id FROM entries WHERE id IN", entry_ids)

    @staticmethod
    def _rowids(conn: Any, entry_ids: list[str]) -> dict[str, int]:
        """The index rows these entries have (a few queries, not one per entry)."""
        return _pairs(conn, "SELECT entry_id, rowid FROM search_meta WHERE entry_id IN", entry_ids)

    @staticmethod
    def _remove_row(conn: Any, rowid: int) -> None:
        row = (rowid,)
        # External content: FTS5 needs the old values to remove their postings.
        conn.execute(
            "INSERT INTO search_docs(search_docs, rowid, title, body, tags, standards) "
            "SELECT 'delete', rowid, title, body, tags, standards FROM search_meta "
            "WHERE rowid = ?",
            row,
        )
        conn.execute("DELETE FROM search_meta WHERE rowid = ?", row)
        conn.execute("DELETE FROM search_tags WHERE doc = ?", row)
        conn.execute("DELETE FROM search_std WHERE doc = ?", row)

    @classmethod
    def _remove_in(cls, conn: Any, entry_id: str) -> bool:
        found = cls._rowids(conn, [entry_id])
        if not found:
            return False
        cls._remove_row(conn, found[entry_id])
        return True

    @_damage_checked
    def add_many(self, docs: Iterable[IndexDoc]) -> None:
        """Insert or replace; one transaction. A replaced entry gets a new rowid, so
        rowids follow the order of writes (the "newest" of a first answer); of two
        documents of one entry, the later one is kept.

        Each table is written with one ``executemany`` for the whole batch (a batch
        import indexes 50 bundles, 2,500 entries, at a time): the rowids are given, as
        SQLite would choose them (after the largest), so that the FTS rows can be
        written with them."""
        self._check_open()
        latest: dict[str, IndexDoc] = {}
        for d in docs:  # the later document of an entry, at its place in the order
            latest.pop(d.entry_id, None)
            latest[d.entry_id] = d
        batch = list(latest.values())
        if not batch:
            return
        c = self._w
        with c.lock:
            conn = c.conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                ids = [d.entry_id for d in batch]
                heads = self._heads(conn, ids)
                old = self._rowids(conn, ids)
                for rowid in old.values():
                    self._remove_row(conn, rowid)
                added = len(batch) - len(old)
                last = conn.execute("SELECT max(rowid) FROM search_meta").fetchone()[0]
                first = int(last or 0) + 1
                meta: list[tuple[object, ...]] = []
                fts: list[tuple[object, ...]] = []
                tags: list[tuple[int, str]] = []
                stds: list[tuple[int, str]] = []
                for rowid, d in enumerate(batch, start=first):
                    created = ms_to_datetime(d.created_ms).date().isoformat()
                    tag_text, std_text = _SEP.join(d.tags), _SEP.join(d.standards)
                    meta.append(
                        (
                            rowid, d.entry_id, heads.get(d.entry_id), d.journal_id,
                            d.template_id, d.event_date, d.event_date or created,
                            d.created_ms, d.updated_ms, d.revisions, d.title, d.body,
                            tag_text, std_text,
                        )
                    )  # fmt: skip
                    fts.append((rowid, d.title, d.body, tag_text, std_text))
                    tags.extend((rowid, _norm_tag(t)) for t in d.tags)
                    stds.extend((rowid, s.strip().upper()) for s in d.standards)
                conn.executemany(
                    f"INSERT INTO search_meta(rowid, {_META_COLS}) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    meta,
                )
                conn.executemany(
                    "INSERT INTO search_docs(rowid, title, body, tags, standards) "
                    "VALUES (?,?,?,?,?)",
                    fts,
                )
                conn.executemany("INSERT INTO search_tags VALUES (?,?)", tags)
                conn.executemany("INSERT INTO search_std VALUES (?,?)", stds)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            self._committed(added)

    def upsert(self, doc: IndexDoc) -> None:
        self.add_many([doc])

    @_damage_checked
    def remove(self, entry_id: str) -> None:
        self._check_open()
        with self._w.lock:
            conn = self._w.conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                removed = self._remove_in(conn, entry_id)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            self._committed(-int(removed))

    def bulk_load(self, docs: Iterator[IndexDoc], batch: int = 2000) -> int:
        """Fill the index in batches (the migration; a rebuild)."""
        count = 0
        chunk: list[IndexDoc] = []
        for d in docs:
            chunk.append(d)
            if len(chunk) >= batch:
                self.add_many(chunk)
                count += len(chunk)
                chunk = []
        self.add_many(chunk)
        count += len(chunk)
        self.optimize()
        return count

    def optimize(self) -> None:
        with self._w.lock:
            self._w.conn.execute("INSERT INTO search_docs(search_docs) VALUES ('optimize')")

    @_damage_checked
    def stale(self) -> tuple[list[str], list[str]]:
        """(entries whose index row is missing or made from another head, index rows
        of entries gone or deleted): one join each, no decryption."""
        self._check_open()
        with self._w.lock:
            conn = self._w.conn
            stale = [
                r[0]
                for r in conn.execute(
                    "SELECT e.id FROM entries e WHERE e.deleted = 0 "
                    "AND e.head_revision_id IS NOT NULL AND NOT EXISTS ("
                    "SELECT 1 FROM search_meta m INDEXED BY search_meta_head "
                    "WHERE m.entry_id = e.id AND m.head = e.head_revision_id)"
                )
            ]
            gone = [
                r[0]
                for r in conn.execute(
                    "SELECT m.entry_id FROM search_meta m INDEXED BY search_meta_head "
                    "WHERE NOT EXISTS (SELECT 1 FROM entries e "
                    "WHERE e.id = m.entry_id AND e.deleted = 0)"
                )
            ]
        return stale, gone

    def catch_up(self, docs_for: Callable[[list[str]], Iterable[IndexDoc]]) -> int:
        """Bring the index level with the records after a crash between the two
        writes; returns how many entries were re-indexed or removed."""
        stale, gone = self.stale()
        for entry_id in gone:
            self.remove(entry_id)
        if stale:
            self.add_many(docs_for(stale))
        return len(stale) + len(gone)

    def integrity_check(self) -> None:
        """FTS5's own check of the index against its content (raises when they differ)."""
        with self._w.lock:
            self._w.conn.execute(
                "INSERT INTO search_docs(search_docs, rank) VALUES ('integrity-check', 1)"
            )

    # -- reads -------------------------------------------------------------------------
    def _expand_prefixes(self, c: _Conn, match: str) -> str:
        """``"questi"*`` → ``("question" OR "questions")`` from the index's vocabulary."""
        if not _PREFIX.search(match):
            return match
        if not c.vocab:
            c.conn.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab "
                "USING fts5vocab(main, search_docs, row)"
            )
            c.vocab = True

        def terms(m: re.Match[str]) -> str:
            folded = _fold(m.group(1).replace('""', '"'))
            if not folded:
                return m.group(0)
            rows = c.conn.execute(
                "SELECT term FROM temp.search_vocab WHERE term >= ? AND term < ? LIMIT ?",
                (folded, folded + "\U0010ffff", _MAX_EXPANSION + 1),
            ).fetchall()
            if not rows or len(rows) > _MAX_EXPANSION:
                return m.group(0)
            return "(" + " OR ".join('"' + r[0].replace('"', '""') + '"' for r in rows) + ")"

        return _PREFIX.sub(terms, match)

    def _rank(
        self, conn: Any, match: str, f: SearchFilters, limit: int, floor: int
    ) -> list[tuple[float, int]]:
        where, params = _filter_sql(f)
        join = " JOIN search_meta m ON m.rowid = search_docs.rowid" if where else ""
        floor_sql = " AND search_docs.rowid >= ?" if floor else ""
        sql = (
            f"SELECT {_BM25} AS r, search_docs.rowid FROM search_docs{join} "
            f"WHERE search_docs MATCH ?{floor_sql}{where} ORDER BY r LIMIT ?"
        )
        args = [match, *([floor] if floor else []), *params, limit]
        return [(float(r), int(i)) for r, i in conn.execute(sql, args).fetchall()]

    def _hits(self, conn: Any, match: str, ranked: list[tuple[float, int]]) -> list[SearchHit]:
        if not ranked:
            return []
        marks = ",".join("?" * len(ranked))
        rows = conn.execute(
            "SELECT search_docs.rowid, m.entry_id, m.journal_id, m.title, m.event_date, "
            f"m.template_id, snippet(search_docs, -1, '{HIGHLIGHT_START}', '{HIGHLIGHT_END}', "
            "'…', 16) FROM search_docs JOIN search_meta m ON m.rowid = search_docs.rowid "
            f"WHERE search_docs MATCH ? AND search_docs.rowid IN ({marks})",
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
                    snippet=plain_snippet(r[6]),
                    rank=rank,
                    event_date=date.fromisoformat(r[4]) if r[4] else None,
                    template_id=r[5],
                )
            )
        return out

    def search(
        self,
        text: str,
        filters: SearchFilters | None = None,
        limit: int = 50,
        *,
        first: bool = False,
    ) -> list[SearchHit]:
        """The best ``limit`` hits by bm25, with snippets (``first``: see
        :meth:`search_first`)."""
        if first:
            return self.search_first(text, filters, limit)[0]
        return self._search(text, filters, limit, window=None)[0]

    def search_first(
        self, text: str, filters: SearchFilters | None = None, limit: int = 50
    ) -> tuple[list[SearchHit], bool]:
        """A quick first answer for results as you type: rank only the matches among the
        newest ``FIRST_WINDOW`` entries, the window growing ×4 until ``limit`` hits are
        found or it spans the index. Its cost stops growing with the vault. Returns
        (hits, complete): complete when the window spanned every entry, so the answer
        *is* the full ranking; otherwise the caller asks :meth:`search` for it next
        (gui/main_window.py does, on its worker)."""
        return self._search(text, filters, limit, window=FIRST_WINDOW)

    @_damage_checked
    def _search(
        self, text: str, filters: SearchFilters | None, limit: int, window: int | None
    ) -> tuple[list[SearchHit], bool]:
        self._check_open()
        match = to_fts(text)
        f = filters or SearchFilters()
        c = self._r
        with c.lock:
            try:
                match = self._expand_prefixes(c, match)
                floor = 0
                if window is None:
                    ranked = self._rank(c.conn, match, f, limit, 0)
                else:
                    top = c.conn.execute("SELECT max(rowid) FROM search_meta").fetchone()[0] or 0
                    span = window
                    while True:
                        floor = max(0, top - span + 1)
                        ranked = self._rank(c.conn, match, f, limit, floor)
                        if len(ranked) >= limit or floor <= 1:
                            break
                        span *= 4
                return self._hits(c.conn, match, ranked), floor <= 1
            except sqlcipher3.OperationalError as exc:
                raise InvalidQuery("fts") from exc

    @_damage_checked
    def summaries(
        self,
        filters: SearchFilters | None = None,
        sort: str = "date",
        descending: bool = True,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[EntrySummary]:
        self._check_open()
        where, params = _filter_sql(filters or SearchFilters())
        order = SORT_COLUMNS.get(sort, SORT_COLUMNS["date"])
        direction = "DESC" if descending else "ASC"
        sql = (
            "SELECT m.entry_id, m.journal_id, m.title, m.template_id, m.tags, m.standards, "
            "m.event_date, m.created_ms, m.updated_ms, m.revisions FROM search_meta m "
            f"WHERE 1=1{where} ORDER BY {order} {direction}, m.entry_id {direction}"
        )
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params.extend([limit, offset])
        elif offset:
            sql += " LIMIT -1 OFFSET ?"
            params.append(offset)
        with self._r.lock:
            rows = self._r.conn.execute(sql, params).fetchall()
        return [_summary(r) for r in rows]

    @_damage_checked
    def facts(self, journal_ids: Collection[str]) -> list[tuple[str, str, str, str, int, str]]:
        """The cohort dashboard's facts of the entries in ``journal_ids``, no text:
        (entry id, journal id, template id, date, updated ms, standards joined by a
        newline) per entry. Answered from the covering index ``search_meta_facts``: the
        rows themselves (title, body) stay on disk."""
        self._check_open()
        wanted = sorted(set(journal_ids))
        rows: list[tuple[str, str, str, str, int, str]] = []
        with self._r.lock:
            conn = self._r.conn
            for i in range(0, len(wanted), 500):
                part = wanted[i : i + 500]
                marks = ",".join("?" * len(part))
                rows.extend(
                    conn.execute(
                        "SELECT entry_id, journal_id, template_id, sort_date, updated_ms, "
                        "standards FROM search_meta INDEXED BY search_meta_facts "
                        f"WHERE journal_id IN ({marks})",
                        part,
                    ).fetchall()
                )
        return rows

    @_damage_checked
    def all_tags(self) -> list[tuple[str, int]]:
        self._check_open()
        with self._r.lock:
            rows = self._r.conn.execute(
                "SELECT tag, count(*) FROM search_tags GROUP BY tag ORDER BY tag"
            ).fetchall()
        return [(str(t), int(n)) for t, n in rows]
