"""The profile row and sealed secrets (identity keys)."""

from __future__ import annotations

from sqlalchemy import select

from reflectdesk.domain.model import Profile, Role, ms_to_datetime, now_ms
from reflectdesk.errors import VaultCorrupt
from reflectdesk.storage import schema as t
from reflectdesk.storage.database import Database
from reflectdesk.vault.cipher import RecordCipher


class ProfileRepo:
    def __init__(self, db: Database, cipher: RecordCipher) -> None:
        self._db = db
        self._cipher = cipher

    def create(self, profile_id: str, name: str, role: Role, lang: str, institution: str) -> None:
        ts = now_ms()
        doc = {"name": name, "role": role.value, "lang": lang, "institution": institution}
        with self._db.session() as s:
            s.add(
                t.Profile(
                    id=profile_id,
                    created_at=ts,
                    updated_at=ts,
                    rev=1,
                    blob=self._cipher.seal_json("profile", profile_id, 1, doc),
                )
            )

    def get(self) -> Profile:
        with self._db.session() as s:
            row = s.scalars(select(t.Profile)).first()
            if row is None:
                raise VaultCorrupt("profile")
            doc = self._cipher.open_json("profile", row.id, row.rev, row.blob)
            return Profile(
                id=row.id,
                name=str(doc["name"]),
                role=Role(doc["role"]),
                lang=str(doc["lang"]),
                institution=str(doc.get("institution", "")),
                created_at=ms_to_datetime(row.created_at),
            )

    def update(self, **changes: str) -> Profile:
        with self._db.session() as s:
            row = s.scalars(select(t.Profile)).first()
            if row is None:
                raise VaultCorrupt("profile")
            doc = self._cipher.open_json("profile", row.id, row.rev, row.blob)
            doc.update(changes)
            row.rev += 1
            row.updated_at = now_ms()
            row.blob = self._cipher.seal_json("profile", row.id, row.rev, doc)
        return self.get()

    def put_secret(self, name: str, payload: bytes) -> None:
        self.put_secrets({name: payload})

    def put_secrets(self, items: dict[str, bytes]) -> None:
        """Seal and store several secrets in one transaction (all or none)."""
        with self._db.session() as s:
            for name, payload in items.items():
                row = s.get(t.Secret, name)
                blob = self._cipher.seal_bytes("secrets", name, 0, payload)
                if row is None:
                    s.add(t.Secret(id=name, created_at=now_ms(), blob=blob))
                else:
                    row.blob = blob

    def find_secret(self, name: str) -> bytes | None:
        """The opened secret, or ``None`` when there is none (one query, not two)."""
        with self._db.session() as s:
            row = s.get(t.Secret, name)
            return None if row is None else self._cipher.open_bytes("secrets", name, 0, row.blob)
