"""An opened bundle's contents are typed values: entries with revisions as domain
revisions, attachment references and records, checked once in the bundle layer."""

from __future__ import annotations

import copy
import hashlib
import json
from datetime import UTC, date, datetime

import pytest

from reflectdesk.bundles import (
    AttachmentRef,
    BundledEntry,
    Identity,
    RecordType,
    build_bundle,
    card_path,
    entry_path,
    make_card,
    open_bundle,
    record_path,
)
from reflectdesk.bundles.canonical import JsonObject, canonical_json
from reflectdesk.bundles.contents import read_entry, read_record
from reflectdesk.bundles.manifest import BundleMeta
from reflectdesk.bundles.schemas import BundleKind
from reflectdesk.domain.model import Role
from reflectdesk.errors import BundleBuildInvalid, BundleNotForYou, BundleSchemaInvalid
from tests.bundles.helpers import entry_doc, record_doc

AT = datetime(2025, 3, 1, 10, 0, tzinfo=UTC)  # helpers.STAMP


def _with_second_revision(doc: JsonObject) -> JsonObject:
    doc = copy.deepcopy(doc)
    first = doc["revisions"][0]  # type: ignore[index]
    second = copy.deepcopy(first)
    second["id"] = "01890000-0000-7000-8000-0000000000b2"  # type: ignore[index]
    second["seq"] = 2  # type: ignore[index]
    second["parent_ids"] = [first["id"]]  # type: ignore[index]
    doc["revisions"].append(second)  # type: ignore[union-attr]
    return doc


def _rehash(doc: JsonObject) -> JsonObject:
    for rev in doc["revisions"]:  # type: ignore[union-attr]
        content = rev["content"]  # type: ignore[index,call-overload]
        rev["content_hash"] = hashlib.sha256(canonical_json(content)).hexdigest()  # type: ignore[index]
    return doc


def test_an_entry_document_becomes_values() -> None:
    doc = _with_second_revision(
        entry_doc(attachments=[("01890000-0000-7000-8000-0000000000a1", b"x" * 10)])
    )
    entry = read_entry("entries/e.json", doc)
    assert isinstance(entry, BundledEntry) and entry.id == doc["id"]
    assert entry.journal_id == doc["journal_id"] and entry.created_at == AT
    first, second = entry.revisions
    assert (first.seq, second.seq) == (1, 2) and second.parent_ids == (first.id,)
    assert first.entry_id == entry.id and first.author == "camila"
    assert first.content.title == "Clase de fracciones"
    assert dict(first.content.sections) == {
        "context": doc["revisions"][0]["content"]["sections"][0][1],  # type: ignore[index,call-overload]
        "next-steps": "Probar con material concreto.",
    }
    assert first.content.event_date == date(2025, 3, 1) and first.content.tags == ("práctica",)
    assert first.content.content_hash() == first.content_hash  # the bundle's hash, the app's
    assert entry.attachments == (
        AttachmentRef(
            "01890000-0000-7000-8000-0000000000a1",
            "foto.jpg",
            "image/jpeg",
            10,
            hashlib.sha256(b"x" * 10).hexdigest(),
            AT,
        ),
    )


@pytest.mark.parametrize(
    ("change", "detail"),
    [
        (
            lambda d: d["revisions"][0]["content"]["sections"].append(["context", "otra vez"]),
            "e.json:$.revisions[0].content.sections: duplicate key",
        ),
        (
            lambda d: d["revisions"][0]["content"].update(title="retitled"),
            "e.json:$.revisions[0].content_hash: mismatch",
        ),
        (
            lambda d: d["revisions"][1].update(id=d["revisions"][0]["id"]),
            "e.json:$.revisions[1].id: duplicate",
        ),
    ],
)
def test_what_a_schema_cannot_say_is_refused(change: object, detail: str) -> None:
    doc = _with_second_revision(entry_doc())
    change(doc)  # type: ignore[operator]
    if "content_hash" not in detail:
        _rehash(doc)
    with pytest.raises(BundleSchemaInvalid) as info:
        read_entry("e.json", doc)
    assert info.value.detail == detail


def test_a_record_document_becomes_values() -> None:
    doc = record_doc(refs=["01890000-0000-7000-8000-0000000000e1"])
    record = read_record(doc)
    assert record.type is RecordType.COMMENT and record.created_at == AT
    assert record.refs == ("01890000-0000-7000-8000-0000000000e1",) and record.author == "mentor"
    assert dict(record.body) == doc["body"]
    with pytest.raises(TypeError):
        record.body["text"] = "changed"  # type: ignore[index]


def test_open_bundle_returns_typed_contents_and_the_senders_card(
    alice: Identity, bob: Identity
) -> None:
    entry = entry_doc()
    record = record_doc(refs=[str(entry["id"])])
    files = {
        entry_path(str(entry["id"])): json.dumps(entry).encode(),
        record_path(str(record["id"])): json.dumps(record).encode(),
        card_path(alice.public.key_id_hex): make_card(
            alice, name="Alicia", role=Role.STUDENT, institution=""
        ),
    }
    data = build_bundle(alice, [bob.public], files, BundleMeta(BundleKind.JOURNAL))
    opened = open_bundle(data, bob, {})
    assert opened.entries[str(entry["id"])] == read_entry("x", entry)
    assert opened.records[str(record["id"])] == read_record(record)
    assert opened.sender_card is not None and opened.sender_card.name == "Alicia"
    assert opened.reader == bob.public
    without = build_bundle(
        alice,
        [bob.public],
        {k: v for k, v in files.items() if "cards/" not in k},
        BundleMeta(BundleKind.JOURNAL),
    )
    assert open_bundle(without, bob, {}).sender_card is None


def test_a_duplicate_section_key_is_refused_on_both_ends(alice: Identity, bob: Identity) -> None:
    doc = entry_doc()
    doc["revisions"][0]["content"]["sections"].append(["context", "dos"])  # type: ignore[index,call-overload,union-attr]
    _rehash(doc)
    with pytest.raises(BundleBuildInvalid):
        build_bundle(
            alice,
            [bob.public],
            {entry_path(str(doc["id"])): json.dumps(doc).encode()},
            BundleMeta(BundleKind.JOURNAL),
        )


def test_the_reader_is_picked_among_the_key_pairs(alice: Identity, bob: Identity) -> None:
    """A bundle sealed to a key pair the reader replaced (in transit) still opens, and
    says which key pair opened it."""
    old, new = bob, Identity.generate()
    data = build_bundle(alice, [old.public], {}, BundleMeta(BundleKind.JOURNAL))
    assert open_bundle(data, [new, old], {}).reader == old.public
    with pytest.raises(BundleNotForYou):
        open_bundle(data, [new], {})
