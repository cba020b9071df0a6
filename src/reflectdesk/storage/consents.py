"""Consent statements per entry: given when sending, received when importing, withdrawn.

Append-only. The plaintext columns are the row id, the entry id (bound by the
associated data) and the moment the author stated the consent (``created_at``, for
ordering; repeated sealed as ``stated_at`` and checked on every read, so a withdrawal
cannot be moved before a grant by editing the file); the level, direction, bundle and
people are sealed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from reflectdesk.domain.model import Consent, ConsentRecord, ms_to_datetime
from reflectdesk.errors import RecordTampered
from reflectdesk.ids import uuid7
from reflectdesk.storage import schema as t
from reflectdesk.storage.database import Database
from reflectdesk.storage.entries import table_of
from reflectdesk.storage.entry_import import ImportBatch, batch_session
from reflectdesk.storage.rows import insert_rows
from reflectdesk.vault.cipher import RecordCipher

TABLE = "consents"


@dataclass(frozen=True, slots=True)
class NewConsent:
    entry_id: str
    level: Consent | None  # None: research consent withdrawn
    direction: str  # "out" | "in"
    bundle_id: str
    contact_ids: tuple[str, ...]
    stated_at: datetime


def consent_row(cipher: RecordCipher, item: NewConsent) -> dict[str, object]:
    """The ``consents`` row of one statement, its record sealed (a new row id)."""
    row_id = uuid7()
    stated_ms = int(item.stated_at.timestamp() * 1000)
    doc = {
        "level": item.level.value if item.level is not None else None,
        "withdrawn": item.level is None,
        "direction": item.direction,
        "bundle": item.bundle_id,
        "contacts": list(item.contact_ids),
        "stated_at": stated_ms,
    }
    return {
        "id": row_id,
        "entry_id": item.entry_id,
        "created_at": stated_ms,
        "blob": cipher.seal_json(TABLE, row_id, item.entry_id, doc),
    }


class ConsentRepo:
    def __init__(self, db: Database, cipher: RecordCipher) -> None:
        self._db = db
        self._cipher = cipher

    def add_many(
        self,
        items: Sequence[NewConsent],
        *,
        batch: ImportBatch | None = None,
        sealed: Mapping[NewConsent, dict[str, object]] | None = None,
    ) -> None:
        """``sealed``: rows made ahead by :func:`consent_row` for these very statements
        (a batch import seals them on its opening side); the others are sealed here."""
        rows = []
        for item in items:
            ready = sealed.get(item) if sealed else None
            rows.append(ready if ready is not None else consent_row(self._cipher, item))
        if not rows:
            return
        with batch_session(self._db, batch) as s:
            # The driver's executemany (storage/rows.py): 50 rows per bundle of a batch.
            insert_rows(s, table_of(t.Consent), rows)

    def for_entry(self, entry_id: str) -> list[ConsentRecord]:
        """Every statement about ``entry_id``, oldest first."""
        with self._db.session() as s:
            rows = s.scalars(
                select(t.Consent)
                .where(t.Consent.entry_id == entry_id)
                .order_by(t.Consent.created_at, t.Consent.id)
            ).all()
            return [self._to_domain(r) for r in rows]

    def _to_domain(self, row: t.Consent) -> ConsentRecord:
        doc = self._cipher.open_json(TABLE, row.id, row.entry_id, row.blob)
        if doc.get("stated_at") != row.created_at:
            raise RecordTampered("consents.stated_at")
        try:
            level = None if doc["level"] is None else Consent(doc["level"])
            return ConsentRecord(
                id=row.id,
                entry_id=row.entry_id,
                level=level,
                direction=str(doc["direction"]),
                bundle_id=str(doc["bundle"]),
                contact_ids=tuple(str(c) for c in doc["contacts"]),
                stated_at=ms_to_datetime(row.created_at),
            )
        except (KeyError, ValueError, TypeError):
            raise RecordTampered("consents.shape") from None
