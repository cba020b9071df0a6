"""Open every sealed record of a vault file: the deep check a backup's verify runs.

Each table seals its ``blob`` under associated data naming the table, the row and a
"revision" that differs per table (docs/vault-format.md, "Records"); this module is
the one table of those rules, so a record copied, swapped, truncated or edited in any
table fails here as ``RecordTampered`` (the table named, never its content). Rows are
read in pages on one connection in one read transaction; nothing is kept.

The case-study tables (issue 15) are opened like the others, under the associated data
``storage/case_studies.py`` seals them with.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from reflectdesk.errors import RecordTampered
from reflectdesk.progress import NEVER_CANCELLED, CancelToken, Progress, ProgressSink
from reflectdesk.progress import ignore_progress as _ignore
from reflectdesk.storage.attachments import CHUNK_TABLE, chunk_revision
from reflectdesk.vault.cipher import RecordCipher

_PAGE = 2000


@dataclass(frozen=True, slots=True)
class _Rule:
    table: str
    # SELECT giving (record id, revision, blob) for every sealed row.
    select: str


# (record id, revision) as each repository seals them (storage/*.py).
RULES: tuple[_Rule, ...] = (
    _Rule("profile", "SELECT id, rev, blob FROM profile"),
    _Rule("secrets", "SELECT id, 0, blob FROM secrets"),
    _Rule("journals", "SELECT id, rev, blob FROM journals"),
    _Rule(
        "entry_revisions",
        "SELECT entry_id || '/' || id, seq, blob FROM entry_revisions",
    ),
    # Rows left incomplete by a crash hold no sealed metadata yet and are swept.
    _Rule(
        "attachments",
        "SELECT id, chunk_count, blob FROM attachments WHERE complete = 1",
    ),
    _Rule("contacts", "SELECT id, rev, blob FROM contacts"),
    _Rule("consents", "SELECT id, entry_id, blob FROM consents"),
    _Rule("documents", "SELECT id, kind, blob FROM documents"),
    _Rule("bundle_log", "SELECT id, direction, blob FROM bundle_log"),
    _Rule("review_records", "SELECT id, entry_id, blob FROM review_records"),
    _Rule("exchange_points", "SELECT id, rev, blob FROM exchange_points"),
    _Rule("outbox", "SELECT id, state, blob FROM outbox"),
    _Rule("sync_remote", "SELECT id, state, blob FROM sync_remote"),
    _Rule("sync_log", "SELECT id, created_at, blob FROM sync_log"),
    # Case studies (storage/case_studies.py): bound to the plain columns that place them.
    _Rule("case_studies", "SELECT id, 'study', blob FROM case_studies"),
    _Rule(
        "case_items",
        "SELECT id, case_id || '|' || entry_id || '|' || revision_id, blob FROM case_items",
    ),
    _Rule("codes", "SELECT id, case_id, blob FROM codes"),
    _Rule("coded_segments", "SELECT id, item_id || '|' || code_id, blob FROM coded_segments"),
    _Rule("memos", "SELECT id, case_id, blob FROM memos"),
    _Rule("case_audit", "SELECT id, case_id || '|' || seq, blob FROM case_audit"),
    _Rule("case_files", "SELECT id, case_id, blob FROM case_files"),
)

# Chunks: the revision is the index and whether it is the attachment's last chunk.
_CHUNKS = (
    "SELECT c.attachment_id, c.idx, a.chunk_count, c.blob FROM attachment_chunks c "
    "JOIN attachments a ON a.id = c.attachment_id WHERE a.complete = 1"
)


def _rows(conn: Any, sql: str) -> Iterator[tuple[Any, ...]]:
    cur = conn.execute(sql)
    try:
        while batch := cur.fetchmany(_PAGE):
            yield from batch
    finally:
        cur.close()


def _count(conn: Any, table: str) -> int:
    return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # noqa: S608


def open_every_record(
    conn: Any,
    cipher: RecordCipher,
    progress: ProgressSink = _ignore,
    cancel: CancelToken = NEVER_CANCELLED,
) -> dict[str, int]:
    """Open every sealed record on ``conn`` (a DB-API connection to a keyed vault
    file); returns how many were opened per table. Raises ``RecordTampered`` naming
    the first table whose record fails."""
    tables = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    rules = [r for r in RULES if r.table in tables]
    total = sum(_count(conn, r.table) for r in rules)
    if CHUNK_TABLE in tables:
        total += _count(conn, CHUNK_TABLE)
    done = 0
    counts: dict[str, int] = {}
    report: Callable[[], None] = lambda: progress(Progress(done, total, "records"))  # noqa: E731
    report()
    for rule in rules:
        n = 0
        for record_id, revision, blob in _rows(conn, rule.select):
            try:
                cipher.open_bytes(rule.table, str(record_id), revision, bytes(blob))
            except RecordTampered:
                raise RecordTampered(rule.table) from None
            n += 1
            done += 1
            if done % _PAGE == 0:
                cancel.raise_if_cancelled()
                report()
        counts[rule.table] = n
    if CHUNK_TABLE in tables:
        n = 0
        for att_id, idx, chunk_count, blob in _rows(conn, _CHUNKS):
            revision = chunk_revision(int(idx), int(idx) == int(chunk_count) - 1)
            try:
                cipher.open_bytes(CHUNK_TABLE, str(att_id), revision, bytes(blob))
            except RecordTampered:
                raise RecordTampered(CHUNK_TABLE) from None
            n += 1
            done += 1
            if done % 64 == 0:
                cancel.raise_if_cancelled()
                report()
        counts[CHUNK_TABLE] = n
    done = total
    report()
    return counts
