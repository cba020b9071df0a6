"""A small in-memory :class:`reflectdesk.templates.store.DocumentSource` for tests."""

from __future__ import annotations

from datetime import UTC, datetime

from reflectdesk.errors import NotFound
from reflectdesk.ids import uuid7
from reflectdesk.templates.store import DocumentInfo


class MemoryDocumentStore:
    def __init__(self) -> None:
        self.docs: list[tuple[DocumentInfo, bytes]] = []
        self.puts = 0

    def put(self, kind: str, name: str, payload: bytes) -> DocumentInfo:
        version = 1 + max(
            (i.version for i, _ in self.docs if i.kind == kind and i.name == name), default=0
        )
        info = DocumentInfo(uuid7(), kind, name, version, datetime.now(UTC))
        self.docs.append((info, bytes(payload)))
        self.puts += 1
        return info

    def get(self, kind: str, name: str, version: int | None = None) -> bytes:
        matches = [
            (i, p)
            for i, p in self.docs
            if i.kind == kind and i.name == name and (version is None or i.version == version)
        ]
        if not matches:
            raise NotFound(f"{kind}:{name}")
        return max(matches, key=lambda m: m[0].version)[1]

    def list(self, kind: str) -> list[DocumentInfo]:
        return [i for i, _ in self.docs if i.kind == kind]
