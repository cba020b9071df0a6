"""The vault-wide MAC over the state that decides trust: rollback of rows is detected.

Record sealing (AES-GCM, identity in the associated data) stops a swapped or forged
blob, but not a *deleted* row, an *older copy* of a row, or an edited plaintext column
(a head revision id, a withdrawal's time). So the rows registered in
:data:`TRUST_RECORDS` are also covered by one set MAC, checked at unlock:

    element(row) = HMAC-SHA256(K_state, "RDSTATE1" ‖ table ‖ repr(the row's values))
    state[table] = sum of element(row) over the table's rows, mod 2^256

``K_state`` = HKDF-SHA256(data key, info ``reflectdesk vault state v1``). This is an
incremental multiset MAC: the sum of a keyed PRF over the elements (MSet-Add-Hash,
Clarke et al., ASIACRYPT 2003; the additive form of Bellare, Guérin and Rogaway's XOR
MAC). A write updates it in O(1): subtract the row's old element, add the new one.
Addition rather than XOR because XOR cancels pairs: two copies of an old row (a table
rebuilt without its primary key) would leave an XOR unchanged, never a sum. The
per-table sums and a write counter are sealed (AES-GCM under the data key) in ``meta``
row ``vault_state``; an attacker without the key can neither read nor recompute them.

The update is automatic: temporary triggers (one connection at a time; never on disk)
note each changed row with its *old* columns in ``temp.rd_state_dirty``; just before
every commit :meth:`TrustState.apply` subtracts the old and adds the new elements and
reseals the state, inside the same transaction. Writes through any repository are
covered without the repository knowing, and a write made outside ReflectDesk (an
``sqlite3`` edit of the closed file) is not, so it shows at the next unlock.
"""

from __future__ import annotations

import base64
import hmac
import logging
import re
import struct
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import orjson
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.hmac import HMAC
from sqlalchemy import Connection, text

from reflectdesk.errors import RecordTampered, VaultStateTampered
from reflectdesk.storage.pages import DB_ERRORS
from reflectdesk.storage.schema import REVISION_INDEX
from reflectdesk.vault.cipher import RecordCipher

log = logging.getLogger(__name__)

STATE_KEY = "vault_state"  # the meta row holding the sealed state
_KDF_INFO = b"reflectdesk vault state v1"
_DOMAIN = b"RDSTATE1"
_ZERO = bytes(32)
_IN_BATCH = 500  # ids per ``IN (...)`` when reading back the changed rows
_CONFLICT_CLAUSE = re.compile(r"\bON\s+CONFLICT\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class TrustTable:
    """A table whose rows decide trust: ``key`` identifies a row, ``columns`` are MAC'd."""

    name: str
    columns: tuple[str, ...]  # the primary key first
    key: str = "id"
    # An index holding every column: the unlock's full scan reads it instead of the
    # table (for the revisions, whose leaf pages are mostly sealed content).
    covering: str | None = None

    # Names come from TRUST_RECORDS below, never from input.
    @property
    def select_all(self) -> str:
        return f"SELECT {', '.join(self.columns)} FROM {self.name}"  # noqa: S608

    @property
    def scan_all(self) -> str:
        """The unlock's full read. Through the covering index when there is one, named
        (INDEXED BY), so the MAC is over what the app's lookups see: a row hidden from
        that index is a missing element, not a gap."""
        if self.covering is None:
            return self.select_all
        return f"{self.select_all} INDEXED BY {self.covering}"


# THE registration of "what is a trust record": add a table (or a column) here and every
# write to it updates the MAC, and the unlock check covers it. The sealed state records
# each table's column list; a table added or changed here is checked from the next
# unlock on (that unlock seals it as it finds it, once; the others are checked as usual).
TRUST_RECORDS: tuple[TrustTable, ...] = (
    # Own key pairs, retired keys, the untrusted-own-key list, the vouch flag.
    TrustTable("secrets", ("id", "blob")),
    TrustTable("profile", ("id", "rev", "blob")),
    # Pinned keys, verified, revoked, the rotation chain: all in the sealed record since
    # 0.3 (the plaintext verified/revoked columns are written 0 and never read).
    TrustTable("contacts", ("id", "key_tag", "rev", "blob")),
    # Space and author decide what a bundle may change and what may be exported as yours.
    TrustTable("journals", ("id", "space", "author_contact_id", "rev", "archived", "blob")),
    # Heads: which revision is current (a rollback to an older one), placement, deletion.
    TrustTable(
        "entries", ("id", "journal_id", "head_revision_id", "head_seq", "deleted", "conflicted")
    ),
    # Every revision is present: a middle one deleted from the closed file would leave a
    # gap in the history (and in what an export with history sends). Content stays sealed
    # under its id; only presence and place are counted here.
    TrustTable("entry_revisions", ("id", "entry_id", "seq"), covering=REVISION_INDEX),
    # An attachment removed must stay removed (it would travel in the next export).
    TrustTable("attachments", ("id", "entry_id", "complete", "deleted", "blob")),
    # Consent grants and withdrawals (and the moment each was stated).
    TrustTable("consents", ("id", "entry_id", "created_at", "blob")),
    # What was imported: a deleted row would let a bundle be imported again.
    TrustTable("bundle_log", ("id", "direction", "blob")),
    # Revocations of keys no contact has yet (kind "key-revocation"): a deleted one would
    # let the revoked key's card in. Templates too: a rolled-back one changes what is asked.
    TrustTable("documents", ("id", "kind", "created_at", "blob")),
    # Review records (append-only): a deleted withdrawal would bring a sign-off back, a
    # deleted comment or sign-off would drop evidence (review issue).
    TrustTable("review_records", ("id", "entry_id", "created_at", "blob")),
    # Sync (issue 17): where bundles go and with which password; what waits to be sent
    # (a deleted row is a bundle never sent); which remote files were fetched or are ours.
    TrustTable("exchange_points", ("id", "rev", "blob")),
    TrustTable("outbox", ("id", "state", "blob")),
    TrustTable("sync_remote", ("id", "state", "blob")),
    # Cohorts (issue 14): who is in which group decides what a dashboard counts.
    TrustTable("cohorts", ("id", "rev", "blob")),
    # Case studies (issue 15): the approval and the pseudonym map, which entries (at which
    # revision, with which consent) a study holds, and its signed audit log (a deleted
    # record would be a truncated log; a restored item would bring back a withdrawn one).
    TrustTable("case_studies", ("id", "updated_at", "blob")),
    TrustTable("case_items", ("id", "case_id", "entry_id", "revision_id", "blob")),
    TrustTable("case_audit", ("id", "case_id", "seq", "blob")),
    # The approval's information sheet (attack2, 03 Dec): a deleted row would leave an
    # approval without its evidence. Presence and place only: each upload has a new id,
    # and its content (≤ 20 MB, not read at unlock) is sealed under that id.
    TrustTable("case_files", ("id", "case_id", "size")),
)
STATE_FORMAT = 1  # the sealed document's layout (its associated data)
_BY_NAME = {tt.name: tt for tt in TRUST_RECORDS}


def _prefix(table: str) -> bytes:
    raw = table.encode("ascii")
    return _DOMAIN + struct.pack(">I", len(raw)) + raw


def encode_row(values: tuple[Any, ...]) -> bytes:
    """The row's canonical encoding: Python's ``repr`` of the tuple of its values as
    SQLite returns them (None, int, str, bytes), UTF-8. Injective: every value is
    written with its type and quoted and escaped, every byte of it (a NUL included,
    where SQLite's ``quote`` and ``length`` stop); and done in C, a third faster at
    unlock than SQL ``typeof``/``hex`` per column."""
    return repr(values).encode("utf-8", "backslashreplace")


def _old_row(*values: Any) -> str:
    # Called by the triggers with the row's columns as it was (stored as text).
    return repr(values)


def install_triggers(dbapi_conn: Any) -> None:
    """Per connection (``temp``: never on disk): note every change to a trust table."""
    dbapi_conn.create_function("rd_state_row", -1, _old_row, deterministic=True)
    cur = dbapi_conn.cursor()
    cur.execute(
        "CREATE TEMP TABLE IF NOT EXISTS rd_state_dirty "
        "(tbl TEXT NOT NULL, id TEXT NOT NULL, old TEXT, PRIMARY KEY (tbl, id))"
    )
    main_tables = {r[0] for r in cur.execute("SELECT name FROM main.sqlite_master")}
    for tt in TRUST_RECORDS:
        if tt.name not in main_tables:
            continue  # not made yet: Database drops its pool after creating tables
        old = "rd_state_row(" + ", ".join(f"OLD.{c}" for c in tt.columns) + ")"
        # OR IGNORE: the first change in a transaction holds the row as it was before.
        for event, rows in (
            ("INSERT", f"('{tt.name}', NEW.{tt.key}, NULL)"),
            ("UPDATE", f"('{tt.name}', OLD.{tt.key}, {old}), ('{tt.name}', NEW.{tt.key}, NULL)"),
            ("DELETE", f"('{tt.name}', OLD.{tt.key}, {old})"),
        ):
            sql = (
                f"CREATE TEMP TRIGGER IF NOT EXISTS rd_state_{tt.name}_{event.lower()} "  # noqa: S608
                f"AFTER {event} ON main.{tt.name} BEGIN "
                f"INSERT OR IGNORE INTO rd_state_dirty (tbl, id, old) VALUES {rows}; END"
            )
            cur.execute(sql)
    cur.close()


_MOD = 1 << 256


@dataclass(frozen=True, slots=True)
class _Sealed:
    counter: int
    tables: dict[str, bytes]
    columns: dict[str, tuple[str, ...]]


class TrustState:
    """Keeps, updates and checks the sealed set MAC while the vault is unlocked."""

    def __init__(self, cipher: RecordCipher) -> None:
        self._cipher = cipher
        # Keyed once; each element copies it (cryptography's HMAC: ~1 µs per row, a
        # quarter of hashlib's, which re-keys every time).
        self._mac = HMAC(cipher.derive(_KDF_INFO), SHA256())

    def _element(self, table: str, encoded: bytes) -> bytes:
        mac = self._mac.copy()
        mac.update(_prefix(table) + encoded)
        return mac.finalize()

    # -- the sealed meta row -------------------------------------------------------------
    def _read(self, conn: Connection) -> _Sealed | None:
        value = conn.execute(
            text("SELECT value FROM meta WHERE key = :k"), {"k": STATE_KEY}
        ).scalar()
        if value is None:
            return None
        try:
            blob = base64.b64decode(str(value), validate=True)
        except ValueError:
            raise VaultStateTampered("meta.vault_state") from None
        try:
            doc = self._cipher.open_json("meta", STATE_KEY, STATE_FORMAT, blob)
        except RecordTampered:
            raise VaultStateTampered("meta.vault_state") from None
        try:
            tables = {str(k): bytes.fromhex(str(v)) for k, v in doc["tables"].items()}
            columns = {str(k): tuple(map(str, v)) for k, v in doc["columns"].items()}
            return _Sealed(int(doc["counter"]), tables, columns)
        except (KeyError, ValueError, TypeError, AttributeError):
            raise VaultStateTampered("meta.vault_state") from None

    def _write(self, conn: Connection, counter: int, tables: Mapping[str, bytes]) -> None:
        doc = {
            "counter": counter,
            "tables": {k: v.hex() for k, v in sorted(tables.items())},
            "columns": {tt.name: list(tt.columns) for tt in TRUST_RECORDS},
        }
        blob = self._cipher.seal_bytes("meta", STATE_KEY, STATE_FORMAT, orjson.dumps(doc))
        conn.execute(
            text("INSERT OR REPLACE INTO meta (key, value) VALUES (:k, :v)"),
            {"k": STATE_KEY, "v": base64.b64encode(blob).decode("ascii")},
        )

    # -- full computation (unlock) ---------------------------------------------------------
    def compute(self, conn: Connection) -> dict[str, bytes]:
        """Every registered table's sum of elements, read from the file (O(rows))."""
        out: dict[str, bytes] = {}
        raw = conn.connection.driver_connection
        base, from_bytes = self._mac, int.from_bytes
        for tt in TRUST_RECORDS:
            # The unlock hot path (one row per entry): a plain loop, no helper calls.
            prefix = _prefix(tt.name)
            acc = 0
            try:
                for row in raw.execute(tt.scan_all):  # type: ignore[union-attr]
                    mac = base.copy()
                    mac.update(prefix + repr(row).encode("utf-8", "backslashreplace"))
                    acc += from_bytes(mac.finalize(), "big")
            except DB_ERRORS:
                # A table dropped or rebuilt without a column, text that is not UTF-8:
                # never made by ReflectDesk.
                raise VaultStateTampered(tt.name) from None
            out[tt.name] = (acc % _MOD).to_bytes(32, "big")
        return out

    def has_state(self, conn: Connection) -> bool:
        """Whether the file holds a sealed state (it may still fail :meth:`verify`)."""
        return self._read(conn) is not None

    def establish(self, conn: Connection) -> None:
        """Compute the state from the rows as they are now and seal it (a new vault, or
        a vault from before the state MAC, migrated once at unlock)."""
        conn.execute(text("DELETE FROM temp.rd_state_dirty"))
        sealed = self._read(conn)
        self._write(conn, (sealed.counter + 1) if sealed else 1, self.compute(conn))

    def verify(self, conn: Connection) -> int:
        """Check the file against the sealed state; returns the write counter.

        Raises ``VaultStateTampered`` (naming the tables that differ) when a trust row
        was deleted, added, edited or replaced by an older copy outside ReflectDesk.
        """
        sealed = self._read(conn)
        if sealed is None:
            raise VaultStateTampered("meta.vault_state: missing")
        _check_schema(conn)
        _check_indexes(conn)
        actual = self.compute(conn)
        # Registered since the state was sealed, or with other columns (a newer version):
        # nothing to compare yet; sealed as found, once. Everything else must match.
        fresh = {tt.name for tt in TRUST_RECORDS if sealed.columns.get(tt.name) != tt.columns}
        names = sorted(set(actual) - fresh)  # a table no longer registered is ignored
        bad = [
            n
            for n in names
            if not hmac.compare_digest(actual.get(n, _ZERO), sealed.tables.get(n, _ZERO))
        ]
        if bad:
            log.warning("vault state check failed for: %s", ", ".join(bad))
            raise VaultStateTampered(",".join(bad))
        conn.execute(text("DELETE FROM temp.rd_state_dirty"))
        if fresh:
            log.info("vault state now covers: %s", ", ".join(sorted(fresh)))
            self._write(conn, sealed.counter + 1, actual)
            return sealed.counter + 1
        return sealed.counter

    # -- incremental update (every commit) ----------------------------------------------
    def apply(self, conn: Connection) -> None:
        """Fold this transaction's changes to trust rows into the sealed state."""
        dirty = conn.execute(text("SELECT tbl, id, old FROM temp.rd_state_dirty")).all()
        if not dirty:
            return
        sealed = self._read(conn)
        if sealed is None:
            raise VaultStateTampered("meta.vault_state: missing")
        tables = dict(sealed.tables)
        by_table: dict[str, list[tuple[str, str | None]]] = {}
        for table, row_id, old in dirty:
            by_table.setdefault(str(table), []).append((str(row_id), old))
        raw = conn.connection.driver_connection
        for table, changed in by_table.items():
            tt = _BY_NAME[table]
            acc = int.from_bytes(tables.get(table, _ZERO), "big")
            for _, old in changed:
                if old is not None:
                    old_bytes = str(old).encode("utf-8", "backslashreplace")
                    acc -= int.from_bytes(self._element(table, old_bytes), "big")
            # The rows as they are now, a few queries for a whole import (not one per row).
            ids = [row_id for row_id, _ in changed]
            for start in range(0, len(ids), _IN_BATCH):
                part = ids[start : start + _IN_BATCH]
                sql = f"{tt.select_all} WHERE {tt.key} IN ({', '.join('?' * len(part))})"
                for row in raw.execute(sql, part):  # type: ignore[union-attr]
                    acc += int.from_bytes(self._element(table, encode_row(tuple(row))), "big")
            tables[table] = (acc % _MOD).to_bytes(32, "big")
        conn.execute(text("DELETE FROM temp.rd_state_dirty"))
        self._write(conn, sealed.counter + 1, tables)


def _check_schema(conn: Connection) -> None:
    """ReflectDesk never stores triggers or views: one planted in the file would run
    inside the app's own transactions (and have its effects sealed as ours)."""
    planted = conn.execute(
        text("SELECT type, name FROM main.sqlite_master WHERE type IN ('trigger', 'view')")
    ).all()
    if planted:
        raise VaultStateTampered("schema: " + ", ".join(f"{t} {n}" for t, n in planted))
    # Nor a conflict clause: "ON CONFLICT IGNORE" (or REPLACE) in a table's definition
    # turns the app's own later inserts (a consent withdrawal, a bundle_log row, the
    # untrusted-own-key secret) into silent no-ops, with no row and so no MAC to miss.
    tables = conn.execute(
        text("SELECT name, sql FROM main.sqlite_master WHERE type = 'table' AND sql IS NOT NULL")
    ).all()
    clauses = sorted(str(n) for n, sql in tables if _CONFLICT_CLAUSE.search(str(sql)))
    if clauses:
        raise VaultStateTampered("schema: on conflict in " + ", ".join(clauses))


# Tables whose indexes are checked against their rows at unlock: every trust table but
# the revisions, whose check reads every revision's blob (~45 ms more at 10,000 entries,
# 0.6 s at 120,000). Their MAC is read through the index the history uses (schema 5), so a
# revision deleted or hidden from it is caught; one missing from the table but still in
# the index is a damaged page when read (docs/threat-model.md).
INDEXED_TABLES: tuple[str, ...] = tuple(
    tt.name for tt in TRUST_RECORDS if tt.name != "entry_revisions"
)


def _check_indexes(conn: Connection) -> None:
    """The MAC reads each table in full, but the app finds rows through its indexes. An
    index edited to leave a row out (a consent withdrawal, a bundle already imported)
    would hide it from the app while the MAC still matches: SQLite's own check that
    each index holds exactly its table's rows (~1.5 ms per 1,000 entries)."""
    raw = conn.connection.driver_connection
    for name in INDEXED_TABLES:
        try:
            result = [str(r[0]) for r in raw.execute(f"PRAGMA main.integrity_check({name})")]  # type: ignore[union-attr]
        except DB_ERRORS:
            raise VaultStateTampered(f"index: {name}") from None
        if result != ["ok"]:
            log.warning("index check failed for table %s", name)
            raise VaultStateTampered(f"index: {name}")
