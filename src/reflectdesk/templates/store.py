"""The storage the template service needs: encrypted, append-only, versioned documents.

The vault's real store (``reflectdesk.storage.documents.DocumentStore``) satisfies this
protocol structurally; tests use a small in-memory one.
"""

from __future__ import annotations

from typing import Protocol

from reflectdesk.domain.model import DocumentInfo

__all__ = ["DocumentInfo", "DocumentSource"]


class DocumentSource(Protocol):
    """Encrypted, append-only, versioned documents in the vault."""

    def put(self, kind: str, name: str, payload: bytes) -> DocumentInfo:
        """Store a new version of ``kind``/``name``: its version is the last one + 1."""
        ...

    def get(self, kind: str, name: str, version: int | None = None) -> bytes:
        """The payload of one version (the latest when ``version`` is None).

        Raises :class:`reflectdesk.errors.NotFound` when there is none.
        """
        ...

    def list(self, kind: str) -> list[DocumentInfo]:
        """Every version of every document of ``kind``."""
        ...
