"""What building and opening share: the content checks both ends run, and hashing on
worker threads."""

from __future__ import annotations

import hashlib
import json
import sys
import threading
from datetime import UTC, datetime

import pytest

from reflectdesk.bundles import (
    BundledRecord,
    Identity,
    RecordType,
    entry_path,
    journal_record,
    journal_titles,
    record_path,
)
from reflectdesk.bundles.canonical import JsonObject
from reflectdesk.bundles.container import (
    PARALLEL_MIN_BYTES,
    Hashing,
    load_contents,
    quick_gil_handoff,
    sha256_hex,
)
from reflectdesk.bundles.limits import DEFAULT_LIMITS
from reflectdesk.errors import BundleJsonTooLarge, BundleSchemaInvalid, BundleVersionUnsupported
from reflectdesk.ids import uuid7
from tests.bundles.helpers import entry_doc, record_doc


def test_hashing_gives_every_blob_its_digest_big_ones_on_workers() -> None:
    blobs = {
        "big-1": b"a" * PARALLEL_MIN_BYTES,
        "big-2": b"b" * (PARALLEL_MIN_BYTES + 1),
        "small": b"c" * 10,
    }
    names: set[str] = set()

    def digest(blob: object) -> str:
        names.add(threading.current_thread().name)
        return hashlib.sha256(blob).hexdigest()  # type: ignore[arg-type]

    with Hashing(digest, blobs) as hashing:
        result = hashing.result()
    assert result == {k: hashlib.sha256(v).hexdigest() for k, v in blobs.items()}
    assert result["small"] == sha256_hex(blobs["small"])
    assert len(names) >= 2  # the big ones ran on worker threads, the small one here


def test_the_switch_interval_comes_back_when_the_last_user_leaves() -> None:
    before = sys.getswitchinterval()
    with quick_gil_handoff():
        with quick_gil_handoff():
            assert sys.getswitchinterval() <= 0.0005
        assert sys.getswitchinterval() <= 0.0005  # still one user
    assert sys.getswitchinterval() == before


def test_content_files_are_read_into_values_and_checked(alice: Identity) -> None:
    entry = entry_doc()
    record = record_doc()
    documents = {
        entry_path(str(entry["id"])): json.dumps(entry).encode(),
        f"records/{record['id']}.json": json.dumps(record).encode(),
    }
    contents = load_contents(documents, DEFAULT_LIMITS)
    assert list(contents.entries) == [entry["id"]] and list(contents.records) == [record["id"]]
    renamed = {entry_path(str(record["id"])): documents[entry_path(str(entry["id"]))]}
    with pytest.raises(BundleSchemaInvalid):  # the id is not the file's name
        load_contents(renamed, DEFAULT_LIMITS)
    entry["version"] = 2
    with pytest.raises(BundleVersionUnsupported):
        load_contents({entry_path(str(entry["id"])): json.dumps(entry).encode()}, DEFAULT_LIMITS)


def _journal_record(title: object = "Práctica II", **change: object) -> JsonObject:
    doc = json.loads(journal_record(uuid7(), uuid7(), "x", "a" * 16, datetime.now(UTC))[1])
    doc["body"]["title"] = title
    doc.update(change)
    return doc


def _load_records(*docs: JsonObject) -> dict[str, BundledRecord]:
    files = {record_path(str(d["id"])): json.dumps(d).encode() for d in docs}
    return dict(load_contents(files, DEFAULT_LIMITS).records)


def test_a_journal_record_carries_one_journal_title() -> None:
    """Issue 14: ``records/<id>.json`` of type ``journal``: one journal id, its title."""
    doc = _journal_record()
    (record,) = _load_records(doc).values()
    assert record.type is RecordType.JOURNAL
    (title,) = journal_titles({record.id: record}).values()
    assert (title.journal_id, title.title) == (doc["refs"][0], "Práctica II")


@pytest.mark.parametrize(
    ("doc", "error"),
    [
        (_journal_record("Práctica\nII"), BundleSchemaInvalid),  # a line break
        (_journal_record("Práctica\x00II"), BundleSchemaInvalid),  # a control character
        (_journal_record("x" * 301), BundleSchemaInvalid),  # longer than a journal title
        (_journal_record(""), BundleSchemaInvalid),
        (_journal_record(7), BundleSchemaInvalid),
        (_journal_record(refs=[]), BundleSchemaInvalid),
        (_journal_record(refs=[uuid7(), uuid7()]), BundleSchemaInvalid),
        (_journal_record(refs=["not-a-uuid"]), BundleSchemaInvalid),
        (_journal_record(body={"title": "x", "course": "y"}), BundleSchemaInvalid),
        (_journal_record("x" * (10 * 1024 * 1024)), BundleJsonTooLarge),  # 10 MB
        # What a reader that predates a record type does with it (as one from before
        # ``journal`` records does with them): "update ReflectDesk", nothing stored.
        (_journal_record(type="journal-v2"), BundleVersionUnsupported),
    ],
)
def test_a_bad_journal_record_refuses_the_bundle(doc: JsonObject, error: type) -> None:
    with pytest.raises(error):
        _load_records(doc)


def test_a_journal_named_twice_is_refused() -> None:
    one, two = _journal_record(), _journal_record("Otro")
    two["refs"] = one["refs"]
    with pytest.raises(BundleSchemaInvalid, match="journal named twice"):
        journal_titles(_load_records(one, two))
