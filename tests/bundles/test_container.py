"""What building and opening share: the content checks both ends run, and hashing on
worker threads."""

from __future__ import annotations

import hashlib
import json
import sys
import threading

import pytest

from reflectdesk.bundles import Identity, entry_path
from reflectdesk.bundles.container import (
    PARALLEL_MIN_BYTES,
    Hashing,
    load_contents,
    quick_gil_handoff,
    sha256_hex,
)
from reflectdesk.bundles.limits import DEFAULT_LIMITS
from reflectdesk.errors import BundleSchemaInvalid, BundleVersionUnsupported
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
