"""Versioned, append-only sealed documents (custom templates, snapshots, taxonomies)."""

from __future__ import annotations

import builtins

from sqlalchemy import select

from reflectdesk.domain.model import DocumentInfo, ms_to_datetime, now_ms
from reflectdesk.errors import NotFound
from reflectdesk.ids import uuid7
from reflectdesk.storage import schema as t
from reflectdesk.storage.database import Database
from reflectdesk.vault.cipher import RecordCipher

TABLE = "documents"


class DocumentStore:
    """Satisfies ``reflectdesk.templates.store.DocumentSource``."""

    def __init__(self, db: Database, cipher: RecordCipher) -> None:
        self._db = db
        self._cipher = cipher

    def _load(self, kind: str) -> list[tuple[DocumentInfo, bytes]]:
        with self._db.session() as s:
            rows = s.scalars(
                select(t.Document).where(t.Document.kind == kind).order_by(t.Document.created_at)
            ).all()
        out = []
        for row in rows:
            doc = self._cipher.open_json(TABLE, row.id, kind, row.blob)
            info = DocumentInfo(
                id=row.id,
                kind=kind,
                name=str(doc["name"]),
                version=int(doc["version"]),
                created_at=ms_to_datetime(row.created_at),
            )
            out.append((info, bytes.fromhex(str(doc["payload"]))))
        return out

    def put(self, kind: str, name: str, payload: bytes) -> DocumentInfo:
        version = 1 + max((i.version for i, _ in self._load(kind) if i.name == name), default=0)
        doc_id = uuid7()
        ts = now_ms()
        blob = self._cipher.seal_json(
            TABLE, doc_id, kind, {"name": name, "version": version, "payload": payload.hex()}
        )
        with self._db.session() as s:
            s.add(t.Document(id=doc_id, kind=kind, created_at=ts, blob=blob))
        return DocumentInfo(doc_id, kind, name, version, ms_to_datetime(ts))

    def get(self, kind: str, name: str, version: int | None = None) -> bytes:
        matches = [(i, p) for i, p in self._load(kind) if i.name == name]
        if version is not None:
            matches = [(i, p) for i, p in matches if i.version == version]
        if not matches:
            raise NotFound(f"{kind}:{name}")
        return max(matches, key=lambda m: m[0].version)[1]

    def list(self, kind: str) -> list[DocumentInfo]:
        return [i for i, _ in self._load(kind)]

    def payloads(self, kind: str) -> builtins.list[bytes]:
        """Every version of every document of ``kind``, oldest first."""
        return [p for _, p in self._load(kind)]
