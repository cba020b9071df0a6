"""Cohorts: named groups of contacts (issue 14).

Everything but the row id, creation time and revision is sealed in one record bound to
the row's id and revision: the name and the member contact ids. The rows are in the
vault state MAC (``trust_state``): a cohort edited, rolled back or copied in from
another vault while it was closed is caught at unlock.
"""

from __future__ import annotations

import builtins

from sqlalchemy import delete, select

from reflectdesk.domain.cohorts import Cohort
from reflectdesk.domain.model import ms_to_datetime, now_ms
from reflectdesk.errors import RecordTampered
from reflectdesk.storage import schema as t
from reflectdesk.storage.database import Database
from reflectdesk.vault.cipher import RecordCipher

TABLE = "cohorts"


class CohortRepo:
    def __init__(self, db: Database, cipher: RecordCipher) -> None:
        self._db = db
        self._cipher = cipher

    def _seal(self, row_id: str, rev: int, name: str, members: tuple[str, ...]) -> bytes:
        return self._cipher.seal_json(TABLE, row_id, rev, {"name": name, "members": list(members)})

    def _to_domain(self, row: t.Cohort) -> Cohort:
        doc = self._cipher.open_json(TABLE, row.id, row.rev, row.blob)
        try:
            members = doc["members"]
            if not isinstance(members, list):
                raise TypeError
            return Cohort(
                id=row.id,
                name=str(doc["name"]),
                member_ids=tuple(str(m) for m in members),
                created_at=ms_to_datetime(row.created_at),
                rev=row.rev,
            )
        except (KeyError, ValueError, TypeError):
            raise RecordTampered("cohorts.shape") from None

    def add(self, cohort_id: str, name: str, members: tuple[str, ...]) -> Cohort:
        with self._db.session() as s:
            row = t.Cohort(
                id=cohort_id,
                created_at=now_ms(),
                rev=1,
                blob=self._seal(cohort_id, 1, name, members),
            )
            s.add(row)
            s.flush()
            return self._to_domain(row)

    def update(self, cohort_id: str, name: str, members: tuple[str, ...]) -> Cohort | None:
        with self._db.session() as s:
            row = s.get(t.Cohort, cohort_id)
            if row is None:
                return None
            row.rev += 1
            row.blob = self._seal(row.id, row.rev, name, members)
            s.flush()
            return self._to_domain(row)

    def get(self, cohort_id: str) -> Cohort | None:
        with self._db.session() as s:
            row = s.get(t.Cohort, cohort_id)
            return None if row is None else self._to_domain(row)

    def list(self) -> builtins.list[Cohort]:
        with self._db.session() as s:
            rows = s.scalars(select(t.Cohort).order_by(t.Cohort.created_at, t.Cohort.id)).all()
            return [self._to_domain(r) for r in rows]

    def remove(self, cohort_id: str) -> None:
        with self._db.session() as s:
            s.execute(delete(t.Cohort).where(t.Cohort.id == cohort_id))
