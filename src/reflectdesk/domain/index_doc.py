"""What the search index holds of one entry: its head's searchable text and facets.

Built by storage (at unlock, straight from sealed rows) and by services (after a
write or an import), consumed by :mod:`reflectdesk.search.index`; it lives here so
neither of those layers imports the other.
"""

from __future__ import annotations

from dataclasses import dataclass

from reflectdesk.domain.model import EntryContent


@dataclass(frozen=True, slots=True)
class IndexDoc:
    entry_id: str
    journal_id: str
    created_ms: int
    updated_ms: int
    revisions: int
    title: str
    body: str
    tags: tuple[str, ...]
    standards: tuple[str, ...]
    template_id: str
    event_date: str | None  # ISO date

    @classmethod
    def from_content(
        cls,
        entry_id: str,
        journal_id: str,
        created_ms: int,
        updated_ms: int,
        revisions: int,
        content: EntryContent,
    ) -> IndexDoc:
        return cls(
            entry_id=entry_id,
            journal_id=journal_id,
            created_ms=created_ms,
            updated_ms=updated_ms,
            revisions=revisions,
            title=content.title,
            body=content.body_text,
            tags=content.tags,
            standards=content.standards,
            template_id=content.template_id,
            event_date=content.event_date.isoformat() if content.event_date else None,
        )
