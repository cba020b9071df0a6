"""Migrations that need the data key: run once at the first unlock, in one transaction.

Vaults written before the trust issue (header format 1) stored another author's
entry, revision and attachment ids as they came, the bundle log's ``<key id>:<bundle
id>`` in clear and consent times only in a plaintext column. At the first unlock by
this version (header format 2 follows only once this transaction has committed):

1. every received entry, its revisions and attachments take their scoped, keyed ids
   (:mod:`reflectdesk.storage.local_ids`); the revisions, attachment metadata and
   chunks are resealed under their new ids, the original ids kept sealed (``source``);
2. consents are resealed with their time inside (``stated_at``), received ones under
   the received entry's new id;
3. bundle-log rows take keyed ids, with the bundle id sealed inside.

Each step skips what is already done, so a crash between the commit and the header
write only repeats the (idempotent) work at the next unlock.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import Connection, text

from reflectdesk.storage.attachments import CHUNK_TABLE, META_TABLE, chunk_revision
from reflectdesk.storage.local_ids import IdScope, bundle_log_id
from reflectdesk.vault.cipher import RecordCipher

log = logging.getLogger(__name__)

_REV = "entry_revisions"


def migrate_with_key(conn: Connection, cipher: RecordCipher) -> None:
    # Rows change ids in place: foreign keys are checked at commit. The pragma lasts one
    # transaction, and the sqlite3 module opens one only at the first write, so write first.
    conn.execute(text("DELETE FROM temp.rd_state_dirty"))
    conn.execute(text("PRAGMA defer_foreign_keys = ON"))
    moved: dict[str, dict[str, str]] = {}  # contact id -> {old entry id: new entry id}
    received = conn.execute(
        text("SELECT id, author_contact_id FROM journals WHERE space = 'received'")
    ).all()
    for journal_id, contact_id in received:
        if contact_id is None:
            continue
        scope = IdScope(cipher, str(contact_id))
        for (entry_id,) in conn.execute(
            text("SELECT id FROM entries WHERE journal_id = :j"), {"j": journal_id}
        ).all():
            new_id = _move_entry(conn, cipher, scope, str(entry_id))
            if new_id is not None:
                moved.setdefault(str(contact_id), {})[str(entry_id)] = new_id
    _reseal_consents(conn, cipher)
    _rehash_bundle_log(conn, cipher, moved)
    if moved:
        log.info("gave %d received entries their scoped ids", sum(map(len, moved.values())))


def _move_entry(conn: Connection, cipher: RecordCipher, scope: IdScope, old: str) -> str | None:
    revs = conn.execute(
        text("SELECT id, seq, blob FROM entry_revisions WHERE entry_id = :e"), {"e": old}
    ).all()
    docs: list[tuple[str, int, dict[str, Any]]] = []
    for rev_id, seq, blob in revs:
        doc = cipher.open_json(_REV, f"{old}/{rev_id}", seq, blob)
        if "source" in doc:
            return None  # moved by an earlier run of this migration
        docs.append((str(rev_id), int(seq), doc))
    new = scope.entry(old)
    rev_map = {rev_id: scope.revision(new, rev_id) for rev_id, _, _ in docs}
    for rev_id, seq, doc in docs:
        doc["source"] = {"entry": old, "revision": rev_id}
        doc["parents"] = [scope.revision(new, str(p)) for p in doc.get("parents", [])]
        blob = cipher.seal_json(_REV, f"{new}/{rev_map[rev_id]}", seq, doc)
        conn.execute(
            text("UPDATE entry_revisions SET id = :n, entry_id = :e, blob = :b, size = :s "
                 "WHERE id = :o"),
            {"n": rev_map[rev_id], "e": new, "b": blob, "s": len(blob), "o": rev_id},
        )  # fmt: skip
    head = conn.execute(text("SELECT head_revision_id FROM entries WHERE id = :e"), {"e": old})
    head_id = head.scalar()
    conn.execute(
        text("UPDATE entries SET id = :n, head_revision_id = :h WHERE id = :o"),
        {"n": new, "h": rev_map.get(str(head_id), head_id), "o": old},
    )
    for att_id, count, blob in conn.execute(
        text("SELECT id, chunk_count, blob FROM attachments WHERE entry_id = :e"), {"e": old}
    ).all():
        new_att = scope.attachment(new, str(att_id))
        meta = cipher.open_json(META_TABLE, str(att_id), count, blob)
        meta["entry"] = new
        conn.execute(
            text("UPDATE attachments SET id = :n, entry_id = :e, blob = :b WHERE id = :o"),
            {"n": new_att, "e": new, "b": cipher.seal_json(META_TABLE, new_att, count, meta),
             "o": att_id},
        )  # fmt: skip
        for idx, chunk in conn.execute(
            text("SELECT idx, blob FROM attachment_chunks WHERE attachment_id = :a"),
            {"a": att_id},
        ).all():
            rev = chunk_revision(int(idx), int(idx) == int(count) - 1)
            data = cipher.open_bytes(CHUNK_TABLE, str(att_id), rev, chunk)
            conn.execute(
                text("UPDATE attachment_chunks SET attachment_id = :n, blob = :b "
                     "WHERE attachment_id = :o AND idx = :i"),
                {"n": new_att, "b": cipher.seal_bytes(CHUNK_TABLE, new_att, rev, data),
                 "o": att_id, "i": idx},
            )  # fmt: skip
    for table in ("case_items",):
        # Written by later issues; mapped here so no row keeps the shared id. (Review
        # records, schema 3, came after the keyed ids: none can hold a shared id.)
        conn.execute(text(f"UPDATE {table} SET entry_id = :n WHERE entry_id = :o"),  # noqa: S608
                     {"n": new, "o": old})  # fmt: skip
    return new


def _reseal_consents(conn: Connection, cipher: RecordCipher) -> None:
    for row_id, entry_id, created, blob in conn.execute(
        text("SELECT id, entry_id, created_at, blob FROM consents")
    ).all():
        doc = cipher.open_json("consents", row_id, entry_id, blob)
        if "stated_at" in doc:
            continue
        doc["stated_at"] = int(created)
        contacts = doc.get("contacts") or []
        new_entry = str(entry_id)
        if doc.get("direction") == "in" and contacts:
            new_entry = IdScope(cipher, str(contacts[0])).entry(str(entry_id))
        conn.execute(
            text("UPDATE consents SET entry_id = :e, blob = :b WHERE id = :i"),
            {"e": new_entry, "b": cipher.seal_json("consents", row_id, new_entry, doc),
             "i": row_id},
        )  # fmt: skip


def _rehash_bundle_log(
    conn: Connection, cipher: RecordCipher, moved: dict[str, dict[str, str]]
) -> None:
    for row_id, direction, blob in conn.execute(
        text("SELECT id, direction, blob FROM bundle_log")
    ).all():
        doc = cipher.open_json("bundle_log", row_id, direction, blob)
        if "bundle" in doc:
            continue
        author, _, bundle_id = str(row_id).rpartition(":")
        new_id = bundle_log_id(cipher, author, bundle_id)
        doc["bundle"] = bundle_id
        contacts = doc.get("contacts") or []
        if direction == "in" and contacts:
            mapping = moved.get(str(contacts[0]), {})
            doc["entries"] = [mapping.get(str(e), str(e)) for e in doc.get("entries", [])]
        conn.execute(
            text("UPDATE bundle_log SET id = :n, blob = :b WHERE id = :o"),
            {"n": new_id, "b": cipher.seal_json("bundle_log", new_id, direction, doc),
             "o": row_id},
        )  # fmt: skip
