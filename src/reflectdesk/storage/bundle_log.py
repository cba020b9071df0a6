"""The bundle log: every bundle exported or imported, so an import is done once.

The row id is a keyed hash of the signing author's key id and the bundle id
(:func:`~reflectdesk.storage.local_ids.bundle_log_id`): key ids are printed on public
cards, so neither is stored in the clear. The direction and time are plaintext; the
bundle id, who it went to or came from and which entries it carried are sealed.

A received bundle's row also keeps, sealed, what its signed manifest says about who else
got it: **every recipient** the author listed (key id and age key; docs/bundle-format.md
§2) and, per entry, the revisions it carried (this vault's ids). The review rules read them
(:meth:`BundleLogRepo.listings`): a co-recipient's feedback on that entry is accepted
directly from her (docs/review.md, "Receiving rules"). The row is a trust record
(storage/trust_state.py): deleted, rolled back or edited in the closed file, it shows at
the next unlock.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import select

from reflectdesk.domain.model import BundleLogItem, ms_to_datetime, now_ms
from reflectdesk.errors import RecordTampered
from reflectdesk.storage import schema as t
from reflectdesk.storage.database import Database
from reflectdesk.storage.entries import table_of
from reflectdesk.storage.entry_import import ImportBatch, batch_session
from reflectdesk.storage.local_ids import bundle_log_id
from reflectdesk.storage.rows import insert_rows, select_rows
from reflectdesk.vault.cipher import RecordCipher

TABLE = "bundle_log"
IN = "in"
OUT = "out"
_IN_BATCH = 500  # ids per ``IN (...)``


@dataclass(frozen=True, slots=True)
class Listing:
    """What a received bundle's signed manifest said: who signed it (this vault's contact
    id), whom it listed (key ids) and which revisions of which entries it carried."""

    bundle_id: str
    author_contact_id: str
    recipients: frozenset[tuple[str, str]]  # (key id, age recipient) as the manifest lists
    revisions: Mapping[str, frozenset[str]]  # entry id -> revision ids it carried (ours)


class _Row(NamedTuple):
    """A bundle_log row read through the driver (storage/rows.py)."""

    id: str
    direction: str
    created_at: int
    blob: bytes


class BundleLogRepo:
    def __init__(self, db: Database, cipher: RecordCipher) -> None:
        self._db = db
        self._cipher = cipher
        # Received rows opened so far, by row id: a received row is written once and
        # never edited (its id is a keyed hash of its author and bundle id), so only
        # rows not seen yet are opened (each costs ~0.1 ms; a tutor holds thousands).
        self._opened: dict[str, Listing | None] = {}

    def _seal(self, row_id: str, direction: str, doc: dict[str, object]) -> bytes:
        return self._cipher.seal_json(TABLE, row_id, direction, doc)

    def _key(self, bundle_id: str, author: str) -> str:
        return bundle_log_id(self._cipher, author, bundle_id)

    def record(
        self,
        bundle_id: str,
        direction: str,
        *,
        author: str,
        kind: str,
        contact_ids: Sequence[str],
        entry_ids: Sequence[str],
        recipients: Sequence[tuple[str, str]] = (),
        revisions: Mapping[str, Sequence[str]] | None = None,
        merges: Mapping[str, Sequence[str]] | None = None,
        batch: ImportBatch | None = None,
    ) -> None:
        """Log a bundle; importing one you exported marks that row as imported too.

        ``recipients`` ((key id, age recipient) pairs) and ``revisions`` (entry id ->
        revision ids): what a received bundle's signed manifest listed and carried
        (see :meth:`listings`). ``merges`` (entry id -> revision ids): the automatic
        merges a bundle sent carried; never removed as superseded (storage/entries.py)."""
        doc: dict[str, object] = {
            "bundle": bundle_id,
            "kind": kind,
            "contacts": list(contact_ids),
            "entries": list(entry_ids),
            "imported": direction == IN,
        }
        if direction == IN:
            doc["recipients"] = [list(r) for r in sorted(set(recipients))]
            doc["revisions"] = {e: sorted(set(r)) for e, r in sorted((revisions or {}).items())}
        elif merges:
            doc["merges"] = {e: sorted(set(r)) for e, r in sorted(merges.items()) if r}
        key = self._key(bundle_id, author)
        with batch_session(self._db, batch) as s:
            found = select_rows(s, "SELECT direction FROM bundle_log WHERE id = ?", (key,))
            row = None if not found else s.get(t.BundleLog, key)  # ORM only to update
            if row is None:  # no unit of work for one new row (storage/rows.py)
                insert_rows(
                    s,
                    table_of(t.BundleLog),
                    [
                        {
                            "id": key,
                            "direction": direction,
                            "created_at": now_ms(),
                            "blob": self._seal(key, direction, doc),
                        }
                    ],
                )
            elif direction == IN and row.direction == OUT:
                old = self._cipher.open_json(TABLE, row.id, row.direction, row.blob)
                old["imported"] = True
                row.blob = self._seal(row.id, row.direction, old)
                s.flush()

    def get(self, bundle_id: str, author: str) -> BundleLogItem | None:
        with self._db.reading() as s:
            found = select_rows(
                s,
                "SELECT id, direction, created_at, blob FROM bundle_log WHERE id = ?",
                (self._key(bundle_id, author),),
            )
        return self._to_domain(_Row(*found[0])) if found else None

    def imported(self, bundle_id: str, author: str) -> bool:
        item = self.get(bundle_id, author)
        return item is not None and item.imported

    def list(self, direction: str | None = None) -> list[BundleLogItem]:
        with self._db.session() as s:
            q = select(t.BundleLog).order_by(t.BundleLog.created_at, t.BundleLog.id)
            if direction is not None:
                q = q.where(t.BundleLog.direction == direction)
            return [self._to_domain(r) for r in s.scalars(q)]

    def listings(self) -> builtins.list[Listing]:
        """Every bundle received from a contact with the recipients its author listed
        and the revisions it carried, oldest first. Rows from before 0.5 (no list kept)
        list nobody: a co-recipient's feedback then still arrives through the author."""
        out: builtins.list[Listing] = []
        with self._db.session() as s:
            q = (
                select(t.BundleLog.id)
                .where(t.BundleLog.direction == IN)
                .order_by(t.BundleLog.created_at, t.BundleLog.id)
            )
            ids = list(s.scalars(q))
            for start in range(0, len(ids), _IN_BATCH):
                new = [i for i in ids[start : start + _IN_BATCH] if i not in self._opened]
                if new:
                    for row in s.scalars(select(t.BundleLog).where(t.BundleLog.id.in_(new))):
                        self._opened[row.id] = self._listing(row)
        self._opened = {i: self._opened[i] for i in ids}  # nothing kept past its row
        for row_id in ids:
            listing = self._opened[row_id]
            if listing is not None:
                out.append(listing)
        return out

    def _listing(self, row: t.BundleLog) -> Listing | None:
        doc = self._cipher.open_json(TABLE, row.id, row.direction, row.blob)
        try:
            contacts = [str(c) for c in doc["contacts"]]
            if not contacts:
                return None  # your own bundle, imported back
            listed = frozenset((str(key_id), str(age)) for key_id, age in doc.get("recipients", []))
            carried = {
                str(e): frozenset(str(r) for r in revs)
                for e, revs in dict(doc.get("revisions", {})).items()
            }
            return Listing(str(doc["bundle"]), contacts[0], listed, carried)
        except (KeyError, ValueError, TypeError):
            raise RecordTampered("bundle_log.shape") from None

    def _to_domain(self, row: t.BundleLog | _Row) -> BundleLogItem:
        doc = self._cipher.open_json(TABLE, row.id, row.direction, row.blob)
        try:
            return BundleLogItem(
                bundle_id=str(doc["bundle"]),
                direction=row.direction,
                kind=str(doc["kind"]),
                at=ms_to_datetime(row.created_at),
                contact_ids=tuple(str(c) for c in doc["contacts"]),
                entry_ids=tuple(str(e) for e in doc["entries"]),
                imported=bool(doc["imported"]),
            )
        except (KeyError, ValueError, TypeError):
            raise RecordTampered("bundle_log.shape") from None
