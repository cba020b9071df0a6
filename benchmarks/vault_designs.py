"""Prototypes of the vault designs compared by ``bench_vault_designs.py`` (issue 11).

Benchmark-side code only: nothing in ``src/`` depends on it. Each design answers the
same four calls: unlock (the data key is given; key derivation is excluded from every
figure), search (the same query forms, ranking and snippets as today), edit (one new
revision, durable) and lock.

- ``today``: the real :class:`Vault` — record-level AEAD, in-memory FTS5 rebuilt from
  every head revision at unlock.
- ``snapshot``: the real :class:`Vault`, but the built in-memory index is serialised at
  lock, sealed under the data key and written atomically; unlock deserialises it when it
  matches the database, else rebuilds.
- ``sqlcipher``, ``sqlcipher-wheels``, ``mc-chacha20``, ``mc-aegis``: the whole database
  encrypted page by page (SQLCipher 4 from the ``sqlcipher3-binary``, ``sqlcipher3`` or
  ``sqlcipher3-wheels`` build, or SQLite3 Multiple Ciphers with ChaCha20-Poly1305 or
  AEGIS-256), keyed
  with a subkey of the data key, with a persistent FTS5 index inside it. Revisions stay
  sealed records (their binding to table, id and revision is kept); the index holds the
  text inside encrypted pages.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import struct
import time
import unicodedata
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reflectdesk.atomic_files import AtomicFile
from reflectdesk.crypto import aead, kdf
from reflectdesk.domain.model import EntryContent
from reflectdesk.search.index import SearchIndex
from reflectdesk.search.query import to_fts
from reflectdesk.services.unlocked_state import UnlockedState
from reflectdesk.services.vault import Vault
from reflectdesk.vault.cipher import RecordCipher
from reflectdesk.vault.header import read_header

PAGE_DESIGNS = ("sqlcipher", "sqlcipher-pypi", "sqlcipher-wheels", "mc-chacha20", "mc-aegis")
DESIGNS = ("today", "snapshot", *PAGE_DESIGNS)
PAGE_DB = "vault-pages.db"
SNAPSHOT = "index.snap"
PAGE_KEY_INFO = b"reflectdesk/page-key/v1"
SNAPSHOT_KEY_TABLE = "index_snapshot"
SNAPSHOT_CHUNK = 4 * 1024 * 1024
SEP = "\n"
BM25 = "bm25(docs, 8.0, 1.0, 4.0, 2.0)"
HL_START, HL_END = "\x02", "\x03"
# Page cache of the page designs: decrypted pages kept in RAM between queries.
CACHE_MIB = int(os.environ.get("RD_BENCH_CACHE_MIB", "64"))

SEARCH_SCHEMA = """
CREATE TABLE search_meta(
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
CREATE INDEX search_meta_journal ON search_meta(journal_id);
CREATE INDEX search_meta_sort ON search_meta(sort_date);
CREATE VIRTUAL TABLE docs USING fts5(
    title, body, tags, standards,
    content = 'search_meta', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE search_tags(rowid INTEGER NOT NULL, tag TEXT NOT NULL);
CREATE INDEX search_tags_tag ON search_tags(tag);
CREATE INDEX search_tags_row ON search_tags(rowid);
CREATE TABLE search_std(rowid INTEGER NOT NULL, code TEXT NOT NULL);
CREATE INDEX search_std_code ON search_std(code);
CREATE INDEX search_std_row ON search_std(rowid);
"""


def unwrap_dek(vault_dir: Path, passphrase: str) -> tuple[bytes, str, float]:
    """The data key through the real header (Argon2id + AES-GCM unwrap + header MAC).

    Returns (dek, vault_id, seconds spent in the KDF) so callers subtract the KDF."""
    header = read_header(vault_dir)
    t = time.perf_counter()
    kek = kdf.derive_key(passphrase, header.kdf)
    kdf_s = time.perf_counter() - t
    slot = header.passphrase_slot
    dek = aead.unwrap_key(
        kek, slot.nonce, slot.wrapped, f"RDSLOT1|{header.vault_id}|passphrase".encode()
    )
    if dek is None:
        raise RuntimeError("wrong passphrase")
    header.verify(dek)
    return dek, header.vault_id, kdf_s


# -- page-encrypted database --------------------------------------------------------------
class PageDb:
    """A connection to the page-encrypted file, with the project's pragmas."""

    def __init__(self, path: Path, design: str, page_key: bytes) -> None:
        self.design = design
        self.apsw = design.startswith("mc-")
        if self.apsw:
            import apsw

            self.conn: Any = apsw.Connection(str(path))
            cipher = design.removeprefix("mc-")
            self.conn.execute(f"PRAGMA cipher='{cipher}'")
            # The key is already a 256-bit random subkey: the per-file KDF is made cheap.
            # Not below Argon2's minimum of 8 KiB: with mcost < 8 sqlite3mc silently
            # derives a key that does not depend on ours (any key opens the file;
            # check_page_designs.py's wrong-key check caught it).
            if cipher == "aegis":
                for p in ("tcost=1", "mcost=64", "pcost=1"):
                    self.conn.execute(f"PRAGMA {p}")
            else:
                self.conn.execute("PRAGMA kdf_iter=1")
            self.conn.execute(f"PRAGMA hexkey='{page_key.hex()}'")
        else:
            import sqlcipher3

            self.conn = sqlcipher3.connect(str(path), isolation_level=None)
            # A wrong key is our error to name; SQLCipher would also log it to stderr.
            self.conn.execute("PRAGMA cipher_log_level = NONE")
            # Raw 256-bit key (x'…'): SQLCipher skips PBKDF2.
            self.conn.execute(f"PRAGMA key = \"x'{page_key.hex()}'\"")
        for pragma in (
            "journal_mode=WAL",
            "synchronous=FULL",
            "temp_store=MEMORY",
            "secure_delete=ON",
            "foreign_keys=ON",
            f"cache_size=-{CACHE_MIB * 1024}",
        ):
            self.execute(f"PRAGMA {pragma}").fetchall()

    def execute(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> Any:
        return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        self.conn.executemany(sql, rows)

    def close(self) -> None:
        self.conn.close()


def page_key_of(dek: bytes) -> bytes:
    return aead.derive_subkey(dek, PAGE_KEY_INFO)


def _index_rows(
    rowid: int, d: dict[str, Any]
) -> tuple[tuple[Any, ...], list[tuple[int, str]], list[tuple[int, str]]]:
    created = datetime.fromtimestamp(d["created_ms"] / 1000, UTC).date().isoformat()
    meta = (
        rowid, d["entry_id"], d["journal_id"], d["template_id"], d["event_date"],
        d["event_date"] or created, d["created_ms"], d["updated_ms"], d["revisions"],
        d["title"], d["body"], SEP.join(d["tags"]), SEP.join(d["standards"]),
    )  # fmt: skip
    tags = [(rowid, t.strip().casefold()) for t in d["tags"]]
    stds = [(rowid, s.strip().upper()) for s in d["standards"]]
    return meta, tags, stds


def migrate_to_pages(
    src_dir: Path, dst_dir: Path, design: str, passphrase: str
) -> dict[str, float]:
    """Today's vault → one page-encrypted file, as the migration would do it.

    Every table and row is copied as it is (sealed blobs stay valid: their associated
    data names vault, table, id and revision, none of which change); the index is built
    from the decrypted heads, merged, then the new file is checked before it is renamed
    into place. The old file is not touched."""
    steps: dict[str, float] = {}
    t0 = time.perf_counter()
    if dst_dir.exists():
        shutil.rmtree(dst_dir)
    dst_dir.mkdir(parents=True, mode=0o700)
    shutil.copy2(src_dir / "vault.rdh", dst_dir / "vault.rdh")
    dek, vault_id, _ = unwrap_dek(src_dir, passphrase)
    tmp = dst_dir / (PAGE_DB + ".partial")
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    db = PageDb(tmp, design, page_key_of(dek))
    src = sqlite3.connect(src_dir / "vault.db")
    t = time.perf_counter()
    db.execute("BEGIN")
    objects = src.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL "
        "AND name NOT LIKE 'sqlite_%' ORDER BY type = 'index'"
    ).fetchall()
    for kind, name, sql in objects:
        db.execute(sql)
        if kind == "table":
            cur = src.execute(f'SELECT * FROM "{name}"')
            width = len(cur.description)
            marks = ",".join("?" * width)
            while rows := cur.fetchmany(5000):
                db.executemany(f'INSERT INTO "{name}" VALUES ({marks})', rows)
    db.execute("COMMIT")
    steps["copy_rows_s"] = time.perf_counter() - t
    src.close()
    t = time.perf_counter()
    for stmt in SEARCH_SCHEMA.split(";"):
        if stmt.strip():
            db.execute(stmt)
    vault = Vault.open(src_dir)
    vault.unlock(passphrase)
    state = vault._unlocked()
    db.execute("BEGIN")
    metas: list[tuple[Any, ...]] = []
    tags: list[tuple[int, str]] = []
    stds: list[tuple[int, str]] = []
    for rowid, doc in enumerate(state.entries.iter_head_docs(), 1):
        m, tg, st = _index_rows(
            rowid,
            {
                "entry_id": doc.entry_id,
                "journal_id": doc.journal_id,
                "template_id": doc.template_id,
                "event_date": doc.event_date,
                "created_ms": doc.created_ms,
                "updated_ms": doc.updated_ms,
                "revisions": doc.revisions,
                "title": doc.title,
                "body": doc.body,
                "tags": doc.tags,
                "standards": doc.standards,
            },
        )
        metas.append(m)
        tags.extend(tg)
        stds.extend(st)
    vault.close()
    db.executemany(f"INSERT INTO search_meta VALUES ({','.join('?' * 13)})", metas)
    db.executemany("INSERT INTO search_tags VALUES (?,?)", tags)
    db.executemany("INSERT INTO search_std VALUES (?,?)", stds)
    db.execute("INSERT INTO docs(docs) VALUES ('rebuild')")
    db.execute("COMMIT")
    steps["build_index_s"] = time.perf_counter() - t
    t = time.perf_counter()
    db.execute("INSERT INTO docs(docs) VALUES ('optimize')")
    steps["optimize_s"] = time.perf_counter() - t
    t = time.perf_counter()
    # Verify before the rename: structure, the FTS index against its content, counts.
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    db.execute("INSERT INTO docs(docs, rank) VALUES ('integrity-check', 1)")
    count = db.execute("SELECT count(*) FROM search_meta").fetchall()[0][0]
    assert count == len(metas)
    got = db.execute("SELECT value FROM meta WHERE key = 'vault_id'").fetchall()[0][0]
    assert got == vault_id
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    db.close()
    steps["verify_s"] = time.perf_counter() - t
    for suffix in ("-wal", "-shm"):
        (dst_dir / (tmp.name + suffix)).unlink(missing_ok=True)
    os.replace(tmp, dst_dir / PAGE_DB)
    fd = os.open(dst_dir, os.O_RDONLY)
    os.fsync(fd)
    os.close(fd)
    steps["total_s"] = time.perf_counter() - t0
    return steps


class PageVault:
    """Unlock, search, edit and lock on the page-encrypted file."""

    def __init__(self, vault_dir: Path, design: str, dek: bytes, vault_id: str) -> None:
        self.db = PageDb(vault_dir / PAGE_DB, design, page_key_of(dek))
        # A wrong key fails here ("file is not a database"), before any row is read.
        got = self.db.execute("SELECT value FROM meta WHERE key = 'vault_id'").fetchall()
        if got != [(vault_id,)]:
            raise RuntimeError("not this vault")
        self.cipher = RecordCipher(dek, vault_id)
        self._vocab = False

    def search(
        self, text: str, limit: int = 50, newest: int | None = None, window: int | None = None
    ) -> list[tuple[str, str, str, float]]:
        """Rank, then snippets for the rows shown: today's two-step plan.

        ``newest``: rank only the ``newest`` most recent matches (rowids grow with
        creation); ``window``: rank only the matches among the ``window`` newest entries,
        the window growing ×4 until ``limit`` hits are found or it holds the whole vault.
        Either way the work no longer grows with the vault; None ranks every match."""
        match = to_fts(text)
        floor = 0
        if newest is not None or window is not None:
            match = self._expand_prefixes(match)
        if newest is not None:
            # Walking the doclist backwards by rowid needs no ranking: cheap.
            row = self.db.execute(
                "SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                (match, newest - 1),
            ).fetchall()
            floor = row[0][0] if row else 0
        sql = (
            f"SELECT {BM25} AS r, rowid FROM docs WHERE docs MATCH ? AND rowid >= ? "
            "ORDER BY r LIMIT ?"
        )
        if window is not None:
            top = self.db.execute("SELECT max(rowid) FROM search_meta").fetchall()[0][0] or 0
            span = window
            while True:
                floor = max(0, top - span + 1)
                ranked = self.db.execute(sql, (match, floor, limit)).fetchall()
                if len(ranked) >= limit or floor == 0:
                    break
                span *= 4
        else:
            ranked = self.db.execute(sql, (match, floor, limit)).fetchall()
        if not ranked:
            return []
        marks = ",".join("?" * len(ranked))
        rows = self.db.execute(
            "SELECT docs.rowid, m.entry_id, m.title, "
            f"snippet(docs, -1, '{HL_START}', '{HL_END}', '…', 16) "
            "FROM docs JOIN search_meta m ON m.rowid = docs.rowid "
            f"WHERE docs MATCH ? AND docs.rowid IN ({marks})",
            (match, *(rowid for _, rowid in ranked)),
        ).fetchall()
        by = {r[0]: r for r in rows}
        return [(by[i][1], by[i][2], by[i][3], r) for r, i in ranked if i in by]

    def _expand_prefixes(self, match: str) -> str:
        """``"questi"*`` → ``("question" OR "questions")`` from the index's own vocabulary.

        FTS5 merges a prefix's whole doclist before it can skip by rowid, so a prefix
        query costs the size of the vault even when only the newest matches are ranked;
        an OR of the terms is merged lazily and honours the rowid floor."""
        if not self._vocab:
            self.db.execute("CREATE VIRTUAL TABLE temp.docs_vocab USING fts5vocab(main, docs, row)")
            self._vocab = True

        def terms(m: re.Match[str]) -> str:
            word = m.group(1).replace('""', '"')
            folded = "".join(
                c
                for c in unicodedata.normalize("NFD", word.casefold())
                if not unicodedata.combining(c)
            )
            rows = self.db.execute(
                "SELECT term FROM temp.docs_vocab WHERE term >= ? AND term < ? LIMIT 65",
                (folded, folded + "\U0010ffff"),
            ).fetchall()
            if not rows or len(rows) > 64:
                return m.group(0)  # nothing to expand, or too many terms: keep the prefix
            return "(" + " OR ".join('"' + r[0].replace('"', '""') + '"' for r in rows) + ")"

        return re.sub(r'"((?:[^"]|"")*)"\*', terms, match)

    def edit(self, entry_id: str, content: EntryContent) -> None:
        """A new head revision and its index row in one durable transaction."""
        from reflectdesk.ids import uuid7
        from reflectdesk.storage.entries import TABLE

        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            seq, head_id = db.execute(
                "SELECT head_seq, head_revision_id FROM entries WHERE id = ?", (entry_id,)
            ).fetchall()[0]
            (blob,) = db.execute(
                "SELECT blob FROM entry_revisions WHERE id = ?", (head_id,)
            ).fetchall()[0]
            head = self.cipher.open_json(TABLE, f"{entry_id}/{head_id}", seq, blob)
            if head["content_hash"] == content.content_hash():
                db.execute("ROLLBACK")
                return
            rev_id, seq = uuid7(), seq + 1
            ts = int(time.time() * 1000)
            doc = {
                "content": content.to_json(),
                "parents": [head_id],
                "author": head.get("author", ""),
                "content_hash": content.content_hash(),
            }
            sealed = self.cipher.seal_json(TABLE, f"{entry_id}/{rev_id}", seq, doc)
            db.execute(
                "INSERT INTO entry_revisions(id, entry_id, seq, created_at, size, blob) "
                "VALUES (?,?,?,?,?,?)",
                (rev_id, entry_id, seq, ts, len(sealed), sealed),
            )
            db.execute(
                "UPDATE entries SET head_revision_id = ?, head_seq = ?, updated_at = ? "
                "WHERE id = ?",
                (rev_id, seq, ts, entry_id),
            )
            (rowid,) = db.execute(
                "SELECT rowid FROM search_meta WHERE entry_id = ?", (entry_id,)
            ).fetchall()[0]
            # External content: the old values remove the old postings.
            db.execute(
                "INSERT INTO docs(docs, rowid, title, body, tags, standards) "
                "SELECT 'delete', rowid, title, body, tags, standards FROM search_meta "
                "WHERE rowid = ?",
                (rowid,),
            )
            db.execute(
                "UPDATE search_meta SET template_id = ?, event_date = ?, updated_ms = ?, "
                "revisions = revisions + 1, title = ?, body = ?, tags = ?, standards = ? "
                "WHERE rowid = ?",
                (
                    content.template_id,
                    content.event_date.isoformat() if content.event_date else None,
                    ts,
                    content.title,
                    content.body_text,
                    SEP.join(content.tags),
                    SEP.join(content.standards),
                    rowid,
                ),
            )
            db.execute(
                "INSERT INTO docs(rowid, title, body, tags, standards) "
                "SELECT rowid, title, body, tags, standards FROM search_meta WHERE rowid = ?",
                (rowid,),
            )
            db.execute("DELETE FROM search_tags WHERE rowid = ?", (rowid,))
            db.execute("DELETE FROM search_std WHERE rowid = ?", (rowid,))
            db.executemany(
                "INSERT INTO search_tags VALUES (?,?)",
                [(rowid, t.strip().casefold()) for t in content.tags],
            )
            db.executemany(
                "INSERT INTO search_std VALUES (?,?)",
                [(rowid, s.strip().upper()) for s in content.standards],
            )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def entry_ids(self, n: int) -> list[str]:
        rows = self.db.execute("SELECT id FROM entries ORDER BY id LIMIT ?", (n,)).fetchall()
        return [r[0] for r in rows]

    def lock(self) -> None:
        self.cipher.wipe()
        self.db.close()


# -- today's design with an encrypted index snapshot ---------------------------------------
def _state_token(state: UnlockedState) -> str:
    """What the snapshot must match. A real implementation would keep a sealed write
    counter; here counts and maxima of the tables the index is built from."""
    with state.db.engine.connect() as conn:
        raw = conn.connection.driver_connection
        row = raw.execute(  # type: ignore[union-attr]
            "SELECT (SELECT count(*) FROM entries), (SELECT coalesce(sum(deleted), 0) "
            "FROM entries), (SELECT max(updated_at) FROM entries), "
            "(SELECT max(rowid) FROM entry_revisions)"
        ).fetchone()
    return ":".join(str(v) for v in row)


def _sealed_chunks(cipher: RecordCipher, rid: str, data: bytes) -> Iterator[bytes]:
    view = memoryview(data)
    n = max(1, -(-len(view) // SNAPSHOT_CHUNK))
    for i in range(n):
        part = bytes(view[i * SNAPSHOT_CHUNK : (i + 1) * SNAPSHOT_CHUNK])
        rev = f"{i}:{'last' if i == n - 1 else 'more'}"
        yield cipher.seal_bytes(SNAPSHOT_KEY_TABLE, rid, rev, part)


class SnapshotVault(Vault):
    """The real vault; the index is saved sealed at lock and loaded at unlock."""

    last_unlock: str = ""  # "snapshot" or "rebuilt"
    last_lock_s: float = 0.0

    def _build_index(self, state: UnlockedState, progress: Any, cancel: Any) -> None:  # type: ignore[override]
        if self._load_snapshot(state):
            type(self).last_unlock = "snapshot"
            return
        type(self).last_unlock = "rebuilt"
        Vault._build_index(state, progress, cancel)

    def _load_snapshot(self, state: UnlockedState) -> bool:
        path = self.path / SNAPSHOT
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return False
        token = _state_token(state)
        shards_n = struct.unpack_from(">I", raw, 0)[0]
        off = 4
        index = SearchIndex(shards_n)
        for s, shard in enumerate(index._shards):
            (chunks,) = struct.unpack_from(">I", raw, off)
            off += 4
            plain = bytearray()
            for i in range(chunks):
                (size,) = struct.unpack_from(">I", raw, off)
                off += 4
                rev = f"{i}:{'last' if i == chunks - 1 else 'more'}"
                # The token is in the associated data: a stale or foreign snapshot fails.
                try:
                    plain += state.cipher.open_bytes(
                        SNAPSHOT_KEY_TABLE, f"{token}/{s}", rev, raw[off : off + size]
                    )
                except Exception:
                    index.close()
                    return False
                off += size
            shard.conn.deserialize(plain)
            del plain
            shard.conn.execute("PRAGMA temp_store=MEMORY")
            rows = shard.conn.execute("SELECT entry_id, rowid FROM meta").fetchall()
            shard.rowids = dict(rows)
            shard._next = max(shard.rowids.values(), default=0) + 1
        del raw
        state.index = index
        return True

    def lock(self) -> None:
        state = self._state
        if state is not None:
            t = time.perf_counter()
            token = _state_token(state)
            with AtomicFile(self.path / SNAPSHOT) as out:
                shards = state.index._shards
                out.write(struct.pack(">I", len(shards)))
                for s, shard in enumerate(shards):
                    with shard.lock:
                        data = shard.conn.serialize()
                    chunks = list(_sealed_chunks(state.cipher, f"{token}/{s}", data))
                    del data
                    out.write(struct.pack(">I", len(chunks)))
                    for c in chunks:
                        out.write(struct.pack(">I", len(c)))
                        out.write(c)
                    del chunks
                out.commit()
            type(self).last_lock_s = time.perf_counter() - t
        super().lock()


def prepare_snapshot(src_dir: Path, dst_dir: Path, passphrase: str) -> dict[str, float]:
    """A copy of today's vault plus its first snapshot (unlock builds, lock saves)."""
    if dst_dir.exists():
        shutil.rmtree(dst_dir)
    t0 = time.perf_counter()
    shutil.copytree(src_dir, dst_dir, ignore=shutil.ignore_patterns("vault.lock"))
    v = SnapshotVault.open(dst_dir)
    v.unlock(passphrase)
    v.close()
    return {"total_s": time.perf_counter() - t0, "lock_s": SnapshotVault.last_lock_s}


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.iterdir() if p.is_file() and p.name != "vault.lock")
