"""Exchange points: where bundles travel (sync, issue 17).

Everything but the row id, creation time and revision is sealed in one record under the
data key, bound to the row's id and revision: the kind, the label the user gave, the
folder path or URL, the user name, the app password, this client's token and the
contacts reached there. The rows are in the vault state MAC (``trust_state``): a point
deleted, rolled back or copied from another vault is caught at unlock.
"""

from __future__ import annotations

import builtins

from sqlalchemy import delete, select

from reflectdesk.domain.model import ms_to_datetime, now_ms
from reflectdesk.domain.sync import ExchangeKind, ExchangePoint
from reflectdesk.errors import NotFound, RecordTampered
from reflectdesk.storage import schema as t
from reflectdesk.storage.database import Database
from reflectdesk.vault.cipher import RecordCipher

TABLE = "exchange_points"


class ExchangePointRepo:
    def __init__(self, db: Database, cipher: RecordCipher) -> None:
        self._db = db
        self._cipher = cipher

    def _seal(self, point: ExchangePoint, rev: int) -> bytes:
        doc = {
            "kind": point.kind.value,
            "label": point.label,
            "address": point.address,
            "user": point.user,
            "password": point.password,
            "contacts": list(point.contact_ids),
            "token": point.client_token,
            "ca_file": point.ca_file,
        }
        return self._cipher.seal_json(TABLE, point.id, rev, doc)

    def _to_domain(self, row: t.ExchangePoint) -> ExchangePoint:
        doc = self._cipher.open_json(TABLE, row.id, row.rev, row.blob)
        try:
            return ExchangePoint(
                id=row.id,
                kind=ExchangeKind(doc["kind"]),
                label=str(doc["label"]),
                address=str(doc["address"]),
                user=str(doc["user"]),
                password=str(doc["password"]),
                contact_ids=tuple(str(c) for c in doc["contacts"]),
                client_token=str(doc["token"]),
                ca_file=None if doc["ca_file"] is None else str(doc["ca_file"]),
                created_at=ms_to_datetime(row.created_at),
            )
        except (KeyError, ValueError, TypeError):
            raise RecordTampered("exchange_points.shape") from None

    def add(self, point: ExchangePoint) -> None:
        with self._db.session() as s:
            s.add(
                t.ExchangePoint(id=point.id, created_at=now_ms(), rev=1, blob=self._seal(point, 1))
            )

    def update(self, point: ExchangePoint) -> None:
        with self._db.session() as s:
            row = s.get(t.ExchangePoint, point.id)
            if row is None:
                raise NotFound(point.id)
            row.rev += 1
            row.blob = self._seal(point, row.rev)

    def get(self, point_id: str) -> ExchangePoint | None:
        with self._db.session() as s:
            row = s.get(t.ExchangePoint, point_id)
            return None if row is None else self._to_domain(row)

    def list(self) -> builtins.list[ExchangePoint]:
        with self._db.session() as s:
            rows = s.scalars(
                select(t.ExchangePoint).order_by(t.ExchangePoint.created_at, t.ExchangePoint.id)
            ).all()
            return [self._to_domain(r) for r in rows]

    def count(self) -> int:
        with self._db.session() as s:
            return len(s.scalars(select(t.ExchangePoint.id)).all())

    def remove(self, point_id: str) -> None:
        with self._db.session() as s:
            s.execute(delete(t.ExchangePoint).where(t.ExchangePoint.id == point_id))
