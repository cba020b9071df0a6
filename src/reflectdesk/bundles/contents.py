"""The typed contents of a bundle: entries (with their revisions and attachment
references) and records, read from documents that passed their schema
(:mod:`reflectdesk.bundles.schemas`).

Everything a reader of a bundle needs to know about an entry document is decided
here, once: the revisions' content hashes, no revision id twice, no section key twice.
The import service gets frozen values and never parses bundle JSON itself.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType
from typing import Any

from reflectdesk.bundles.canonical import (
    JsonObject,
    JsonValue,
    as_object,
    canonical_json,
    format_timestamp,
    parse_timestamp,
)
from reflectdesk.bundles.manifest import record_path
from reflectdesk.bundles.schemas import RecordType
from reflectdesk.domain.model import EntryContent, Revision
from reflectdesk.errors import BundleSchemaInvalid


@dataclass(frozen=True, slots=True)
class AttachmentRef:
    """An entry's reference to an attachment; the bytes travel (or not) beside it."""

    id: str
    filename: str
    media_type: str
    size: int
    sha256: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class BundledEntry:
    """One ``entries/<id>.json``. Revisions carry the bundle's ids (entry, revision,
    parents) and the author the document claims; the importer decides what to believe."""

    id: str
    journal_id: str
    created_at: datetime
    updated_at: datetime
    revisions: tuple[Revision, ...]
    attachments: tuple[AttachmentRef, ...]


@dataclass(frozen=True, slots=True)
class BundledRecord:
    """One ``records/<id>.json``: a signed statement about entries (``refs``)."""

    id: str
    type: RecordType
    created_at: datetime
    author: str
    refs: tuple[str, ...]
    body: MappingProxyType[str, Any]


def _items(value: JsonValue) -> list[JsonValue]:
    return value if isinstance(value, list) else []


def _str(doc: JsonObject, key: str) -> str:
    return str(doc[key])


def _int(doc: JsonObject, key: str) -> int:
    value = doc[key]
    if not isinstance(value, int):  # pragma: no cover - the schema said so
        raise BundleSchemaInvalid(f"$.{key}: not an integer")
    return value


def _time(doc: JsonObject, key: str) -> datetime:
    return parse_timestamp(_str(doc, key))


def _revision(path: str, entry_id: str, index: int, doc: JsonObject) -> Revision:
    content = as_object(doc["content"])
    digest = hashlib.sha256(canonical_json(content, parsed=True)).hexdigest()
    if digest != doc["content_hash"]:
        raise BundleSchemaInvalid(f"{path}:$.revisions[{index}].content_hash: mismatch")
    keys = [pair[0] for pair in map(_items, _items(content["sections"]))]
    if len(set(keys)) != len(keys):
        raise BundleSchemaInvalid(f"{path}:$.revisions[{index}].content.sections: duplicate key")
    return Revision(
        id=_str(doc, "id"),
        entry_id=entry_id,
        seq=_int(doc, "seq"),
        parent_ids=tuple(str(p) for p in _items(doc["parent_ids"])),
        author=_str(doc, "author"),
        created_at=_time(doc, "created_at"),
        content_hash=_str(doc, "content_hash"),
        content=EntryContent.from_json(content),
    )


def read_entry(path: str, doc: JsonObject) -> BundledEntry:
    """An entry document that passed the ``ENTRY`` schema, as values.

    Raises :class:`BundleSchemaInvalid` for what a schema cannot say: a revision whose
    ``content_hash`` is not SHA-256 of its content's canonical JSON, a revision id
    twice, a section key twice.
    """
    entry_id = _str(doc, "id")
    revisions: list[Revision] = []
    seen: set[str] = set()
    for index, item in enumerate(map(as_object, _items(doc["revisions"]))):
        if item["id"] in seen:
            raise BundleSchemaInvalid(f"{path}:$.revisions[{index}].id: duplicate")
        seen.add(_str(item, "id"))
        revisions.append(_revision(path, entry_id, index, item))
    return BundledEntry(
        id=entry_id,
        journal_id=_str(doc, "journal_id"),
        created_at=_time(doc, "created_at"),
        updated_at=_time(doc, "updated_at"),
        revisions=tuple(revisions),
        attachments=tuple(
            AttachmentRef(
                id=_str(ref, "id"),
                filename=_str(ref, "filename"),
                media_type=_str(ref, "media_type"),
                size=_int(ref, "size"),
                sha256=_str(ref, "sha256"),
                created_at=_time(ref, "created_at"),
            )
            for ref in map(as_object, _items(doc["attachments"]))
        ),
    )


def read_record(doc: JsonObject) -> BundledRecord:
    """A record document that passed the ``RECORD`` schema, as values."""
    return BundledRecord(
        id=_str(doc, "id"),
        type=RecordType(_str(doc, "type")),
        created_at=_time(doc, "created_at"),
        author=_str(doc, "author"),
        refs=tuple(str(r) for r in _items(doc["refs"])),
        body=MappingProxyType(as_object(doc["body"])),
    )


@dataclass(frozen=True, slots=True)
class JournalTitle:
    """A ``journal`` record: the title the author gave her journal ``journal_id`` (the
    id her entry documents carry), stated at ``stated_at`` (her clock, signed)."""

    journal_id: str
    title: str
    stated_at: datetime
    record_id: str


def journal_titles(records: Mapping[str, BundledRecord]) -> dict[str, JournalTitle]:
    """The journal titles a bundle carries, by the author's journal id.

    Raises :class:`BundleSchemaInvalid` when two records name the same journal (the
    schema already holds each to one journal id and one single-line title)."""
    out: dict[str, JournalTitle] = {}
    for record_id, record in sorted(records.items()):
        if record.type is not RecordType.JOURNAL:
            continue
        journal_id = record.refs[0]
        if journal_id in out:
            raise BundleSchemaInvalid(f"{record_path(record_id)}:$.refs: journal named twice")
        out[journal_id] = JournalTitle(
            journal_id, str(record.body["title"]), record.created_at, record_id
        )
    return out


def journal_record(
    record_id: str, journal_id: str, title: str, author: str, stated_at: datetime
) -> tuple[str, bytes]:
    """A ``journal`` record file (path, canonical bytes) naming ``journal_id``'s title."""
    doc: JsonObject = {
        "format": "reflectdesk-record",
        "version": 1,
        "id": record_id,
        "type": RecordType.JOURNAL.value,
        "created_at": format_timestamp(stated_at, millis=True),
        "author": author,
        "refs": [journal_id],
        "body": {"title": title},
    }
    return record_path(record_id), canonical_json(doc)
