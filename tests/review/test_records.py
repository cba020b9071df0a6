"""Signed review records: every byte bound, the author is the signer, ids are content."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from reflectdesk.bundles.keys import Identity
from reflectdesk.errors import ReviewRecordForged, ReviewRecordInvalid
from reflectdesk.review.records import EntryRef, RecordType, parse, sign, verify

WHEN = datetime(2026, 12, 2, 14, 0, tzinfo=UTC)
SIGN_OFF = {
    "standards": {"C7": {"verdict": "met", "note": "Preguntas abiertas."}},
    "overall": "partly",
    "note": "",
}


def test_round_trip_through_json(people: dict[str, Identity], revision: EntryRef) -> None:
    record = sign(people["mentor"], RecordType.SIGN_OFF, revision, SIGN_OFF, WHEN)
    wire = json.loads(json.dumps(record.to_json()))
    back = parse(wire)
    assert back == record and back.id == record.id
    verify(back, people["mentor"].public)


def test_a_flipped_verdict_is_forged(people: dict[str, Identity], revision: EntryRef) -> None:
    record = sign(people["mentor"], RecordType.SIGN_OFF, revision, SIGN_OFF, WHEN)
    wire = record.to_json()
    wire["body"]["standards"]["C7"]["verdict"] = "not-yet"  # type: ignore[index,call-overload]
    with pytest.raises(ReviewRecordForged):
        verify(parse(wire), people["mentor"].public)


def test_moved_to_another_revision_is_forged(
    people: dict[str, Identity], revision: EntryRef
) -> None:
    record = sign(people["mentor"], RecordType.SIGN_OFF, revision, SIGN_OFF, WHEN)
    moved = replace(record, entry=replace(revision, revision_id="r-0004"))
    with pytest.raises(ReviewRecordForged):
        verify(moved, people["mentor"].public)
    moved = replace(record, entry=replace(revision, entry_id="e-0002"))
    with pytest.raises(ReviewRecordForged):
        verify(moved, people["mentor"].public)


def test_re_signed_by_a_third_person_is_not_the_mentor(
    people: dict[str, Identity], revision: EntryRef
) -> None:
    record = sign(people["stranger"], RecordType.SIGN_OFF, revision, SIGN_OFF, WHEN)
    claimed = replace(record, author=people["mentor"].key_id.hex())
    with pytest.raises(ReviewRecordForged):
        verify(claimed, people["mentor"].public)
    with pytest.raises(ReviewRecordForged):
        verify(record, people["mentor"].public)


def test_bodies_are_checked(people: dict[str, Identity], revision: EntryRef) -> None:
    with pytest.raises(ReviewRecordInvalid):
        sign(people["mentor"], RecordType.SIGN_OFF, revision, {**SIGN_OFF, "overall": "ok"}, WHEN)
    comment = {
        "section": "description", "quote": "pizzas", "start": 3, "end": 10,
        "prefix": "", "suffix": "", "text": "¿Por qué pizzas?",
    }  # fmt: skip
    with pytest.raises(ReviewRecordInvalid):  # offsets do not span the quote
        sign(people["mentor"], RecordType.COMMENT, revision, comment, WHEN)
    with pytest.raises(ReviewRecordInvalid):
        parse({"format": "reflectdesk-review", "version": 1})
