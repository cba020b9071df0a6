"""Journals: sealed title, description (the course or practicum) and default template;
plaintext space and timestamps."""

from __future__ import annotations

from sqlalchemy import select

from reflectdesk.domain.model import Journal, Space, ms_to_datetime, now_ms
from reflectdesk.errors import JournalNotFound
from reflectdesk.ids import uuid7
from reflectdesk.storage import schema as t
from reflectdesk.storage.database import Database
from reflectdesk.vault.cipher import RecordCipher

TABLE = "journals"


class JournalRepo:
    def __init__(self, db: Database, cipher: RecordCipher) -> None:
        self._db = db
        self._cipher = cipher

    def _to_domain(self, row: t.Journal) -> Journal:
        doc = self._cipher.open_json(TABLE, row.id, row.rev, row.blob)
        return Journal(
            id=row.id,
            title=str(doc.get("title", "")),
            description=str(doc.get("description", "")),
            space=Space(row.space),
            author_contact_id=row.author_contact_id,
            created_at=ms_to_datetime(row.created_at),
            updated_at=ms_to_datetime(row.updated_at),
            default_template=str(doc.get("default_template", "")),
        )

    @staticmethod
    def _doc(title: str, description: str, default_template: str) -> dict[str, str]:
        doc = {"title": title, "description": description}
        if default_template:  # absent when unset: older records read the same
            doc["default_template"] = default_template
        return doc

    def create(
        self,
        title: str,
        description: str = "",
        space: Space = Space.OWN,
        author_contact_id: str | None = None,
        journal_id: str | None = None,
        default_template: str = "",
    ) -> Journal:
        jid = journal_id or uuid7()
        ts = now_ms()
        blob = self._cipher.seal_json(
            TABLE, jid, 1, self._doc(title, description, default_template)
        )
        row = t.Journal(
            id=jid,
            space=space.value,
            author_contact_id=author_contact_id,
            created_at=ts,
            updated_at=ts,
            rev=1,
            archived=0,
            blob=blob,
        )
        with self._db.session() as s:
            s.add(row)
        return self._to_domain(row)

    def update(
        self, journal_id: str, title: str, description: str, default_template: str | None = None
    ) -> Journal:
        """New title and description; the default template kept unless given."""
        with self._db.session() as s:
            row = s.get(t.Journal, journal_id)
            if row is None:
                raise JournalNotFound(journal_id)
            if default_template is None:
                old = self._cipher.open_json(TABLE, row.id, row.rev, row.blob)
                default_template = str(old.get("default_template", ""))
            row.rev += 1
            row.updated_at = now_ms()
            row.blob = self._cipher.seal_json(
                TABLE, journal_id, row.rev, self._doc(title, description, default_template)
            )
        return self._to_domain(row)

    def get(self, journal_id: str) -> Journal:
        with self._db.session() as s:
            row = s.get(t.Journal, journal_id)
            if row is None:
                raise JournalNotFound(journal_id)
            return self._to_domain(row)

    def exists(self, journal_id: str) -> bool:
        with self._db.session() as s:
            return s.get(t.Journal, journal_id) is not None

    def list(self, space: Space | None = None) -> list[Journal]:
        with self._db.session() as s:
            q = select(t.Journal).where(t.Journal.archived == 0).order_by(t.Journal.created_at)
            if space is not None:
                q = q.where(t.Journal.space == space.value)
            return [self._to_domain(r) for r in s.scalars(q)]
