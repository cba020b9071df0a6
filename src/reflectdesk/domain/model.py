"""The domain vocabulary: plain, frozen, Qt-free and ORM-free."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from types import MappingProxyType
from typing import Any


class Role(StrEnum):
    STUDENT = "student"
    MENTOR = "mentor"
    EDUCATOR = "educator"


class Space(StrEnum):
    OWN = "own"
    RECEIVED = "received"


def now_ms() -> int:
    return int(datetime.now(UTC).timestamp() * 1000)


def ms_to_datetime(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, tz=UTC)


@dataclass(frozen=True, slots=True)
class Profile:
    id: str
    name: str
    role: Role
    lang: str
    institution: str
    created_at: datetime


def _frozen_sections(sections: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(sections))


@dataclass(frozen=True, slots=True)
class EntryContent:
    """What a person writes in one revision of an entry."""

    title: str = ""
    sections: Mapping[str, str] = field(default_factory=dict)
    tags: tuple[str, ...] = ()
    standards: tuple[str, ...] = ()
    event_date: date | None = None
    template_id: str = "free"
    template_version: int = 1

    def __post_init__(self) -> None:
        object.__setattr__(self, "sections", _frozen_sections(self.sections))

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "sections": [[k, v] for k, v in self.sections.items()],
            "tags": list(self.tags),
            "standards": list(self.standards),
            "event_date": self.event_date.isoformat() if self.event_date else None,
            "template_id": self.template_id,
            "template_version": self.template_version,
        }

    @classmethod
    def from_json(cls, doc: Mapping[str, Any]) -> EntryContent:
        event = doc.get("event_date")
        return cls(
            title=str(doc.get("title", "")),
            sections={str(k): str(v) for k, v in doc.get("sections", [])},
            tags=tuple(str(t) for t in doc.get("tags", [])),
            standards=tuple(str(s) for s in doc.get("standards", [])),
            event_date=date.fromisoformat(event) if event else None,
            template_id=str(doc.get("template_id", "free")),
            template_version=int(doc.get("template_version", 1)),
        )

    def content_hash(self) -> str:
        canonical = json.dumps(
            self.to_json(), sort_keys=True, separators=(",", ":"), ensure_ascii=False
        )
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    @property
    def body_text(self) -> str:
        return "\n\n".join(v for v in self.sections.values() if v)

    def word_count(self) -> int:
        return len(self.body_text.split())


@dataclass(frozen=True, slots=True)
class Revision:
    id: str
    entry_id: str
    seq: int
    parent_ids: tuple[str, ...]
    author: str
    created_at: datetime
    content_hash: str
    content: EntryContent


@dataclass(frozen=True, slots=True)
class AttachmentInfo:
    id: str
    entry_id: str
    filename: str
    media_type: str
    size: int
    sha256: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    journal_id: str
    created_at: datetime
    updated_at: datetime
    head: Revision
    attachments: tuple[AttachmentInfo, ...] = ()

    @property
    def content(self) -> EntryContent:
        return self.head.content


@dataclass(frozen=True, slots=True)
class EntrySummary:
    """A row of the entry list: enough to show and sort, no body text."""

    id: str
    journal_id: str
    title: str
    template_id: str
    tags: tuple[str, ...]
    standards: tuple[str, ...]
    event_date: date | None
    created_at: datetime
    updated_at: datetime
    revision_count: int = 1


@dataclass(frozen=True, slots=True)
class Journal:
    id: str
    title: str
    description: str
    space: Space
    author_contact_id: str | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    id: str
    kind: str
    name: str
    version: int
    created_at: datetime


@dataclass(frozen=True, slots=True)
class SearchFilters:
    journal_id: str | None = None
    tag: str | None = None
    template_id: str | None = None
    standard: str | None = None
    date_from: date | None = None
    date_to: date | None = None


@dataclass(frozen=True, slots=True)
class SearchHit:
    entry_id: str
    journal_id: str
    title: str
    snippet: str  # highlighted with \x02 … \x03 around matches
    rank: float
    event_date: date | None
    template_id: str


HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"


@dataclass(frozen=True, slots=True)
class Changes:
    """What a mutation changed, so views refresh precisely (Anki's OpChanges)."""

    journals: frozenset[str] = frozenset()
    entries: frozenset[str] = frozenset()
    attachments: frozenset[str] = frozenset()
    documents: frozenset[str] = frozenset()
    contacts: frozenset[str] = frozenset()
    profile: bool = False
    locked: bool = False
