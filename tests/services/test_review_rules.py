"""The rules a review record must pass (services/review_rules.py): signer, signature,
revision, quote, who may do what, revoked keys; refused with nothing stored."""

from __future__ import annotations

import copy
from dataclasses import replace

from reflectdesk.bundles.canonical import JsonObject
from reflectdesk.bundles.keys import Identity
from reflectdesk.domain.model import EntryContent
from reflectdesk.errors import (
    ReviewNotAllowed,
    ReviewNotShared,
    ReviewQuoteOutside,
    ReviewRecordForged,
    ReviewRevisionMismatch,
    ReviewSignerRevoked,
    ReviewSignerUnknown,
)
from reflectdesk.review.records import EntryRef, RecordType, parse, sign
from tests.services.review_helpers import TEXT, Triad, mentor_feedback, refused


def test_tampered_records_are_refused_and_nothing_is_stored(triad: Triad) -> None:
    t = triad
    t.send_entries(("mentor",))  # the tutor is a third contact here
    mentor_feedback(t)
    docs = t.mentor.review.records()
    mentor_key = t.key("mentor")
    sign_off = next(d for d in docs if d["type"] == "sign-off")
    # A flipped verdict byte.
    flipped = copy.deepcopy(sign_off)
    flipped["body"]["standards"]["C7"]["verdict"] = "not-yet"  # type: ignore[index,call-overload]
    refused(t, [*docs, flipped], mentor_key, ReviewRecordForged)
    # Moved to another revision (and re-hashed): the signature no longer matches.
    moved = copy.deepcopy(sign_off)
    moved["entry"]["revision"] = "0" * 36  # type: ignore[index,call-overload]
    refused(t, [moved], mentor_key, ReviewRecordForged)
    # Re-signed by a third contact (the tutor) in the mentor's name, then in her own.
    tutor_identity = t.tutor.identity.key_pair()
    record = parse(sign_off)
    resigned = sign(tutor_identity, record.type, record.entry, record.body, record.created_at)
    forged = replace(resigned, author=mentor_key)
    refused(t, [forged.to_json()], t.key("tutor"), ReviewRecordForged)
    own = sign(tutor_identity, record.type, record.entry, record.body, record.created_at)
    refused(t, [own.to_json()], t.key("tutor"), ReviewNotShared)
    # A record signed by someone who is no contact at all.
    stranger = Identity.generate()
    alien = sign(stranger, record.type, record.entry, record.body, record.created_at)
    refused(t, [alien.to_json()], mentor_key, ReviewSignerUnknown)
    # Re-signed by the mentor for the wrong content hash: not the student's revision.
    mentor_identity = t.mentor.identity.key_pair()
    other = replace(record.entry, revision_hash="0" * 64)
    wrong = sign(mentor_identity, record.type, other, record.body, record.created_at)
    refused(t, [wrong.to_json()], mentor_key, ReviewRevisionMismatch)


def test_the_mentor_cannot_sign_off_a_revision_she_never_received(triad: Triad) -> None:
    t = triad
    t.send_entries()
    # The student writes version 2 but sends it to nobody.
    t.student.entries.edit(
        t.entry,
        EntryContent(
            title="Fracciones", sections={"description": TEXT + " Más."}, template_id="gibbs"
        ),
    )
    head = t.student.entries.get(t.entry).head
    mentor_identity = t.mentor.identity.key_pair()
    ref = EntryRef(t.key("student"), t.entry, head.id, head.content_hash)
    body: JsonObject = {
        "standards": {"C7": {"verdict": "met", "note": ""}},
        "overall": "met",
        "note": "",
    }
    record = sign(mentor_identity, RecordType.SIGN_OFF, ref, body, head.created_at)
    refused(t, [record.to_json()], t.key("mentor"), ReviewNotShared)


def test_the_quote_must_be_in_the_revision(triad: Triad) -> None:
    t = triad
    t.send_entries()
    head = t.student.entries.get(t.entry).head
    ref = EntryRef(t.key("student"), t.entry, head.id, head.content_hash)
    body: JsonObject = {
        "section": "description", "quote": "x" * 5, "start": len(TEXT) - 2, "end": len(TEXT) + 3,
        "prefix": "", "suffix": "", "text": "fuera",
    }  # fmt: skip
    record = sign(t.mentor.identity.key_pair(), RecordType.COMMENT, ref, body, head.created_at)
    refused(t, [record.to_json()], t.key("mentor"), ReviewQuoteOutside)


def test_what_only_the_author_may_do(triad: Triad) -> None:
    t = triad
    t.send_entries()
    head = t.student.entries.get(t.entry).head
    ref = EntryRef(t.key("student"), t.entry, head.id, head.content_hash)
    mentor = t.mentor.identity.key_pair()
    status = sign(mentor, RecordType.STATUS, ref, {"status": "ready-for-feedback"}, head.created_at)
    refused(t, [status.to_json()], t.key("mentor"), ReviewNotAllowed)
    _, sign_off_id = mentor_feedback(t)
    theft = sign(t.tutor.identity.key_pair(), RecordType.WITHDRAW_SIGN_OFF, ref,
                 {"sign_off": sign_off_id, "reason": ""}, head.created_at)  # fmt: skip
    # The tutor was sent the entry, but may not withdraw the mentor's sign-off.
    refused(t, [*t.mentor.review.records(), theft.to_json()], t.key("tutor"), ReviewNotAllowed)


def test_from_someone_the_entry_was_not_shared_with(triad: Triad) -> None:
    t = triad
    t.send_entries(("mentor",))  # not to the tutor
    # The tutor has no copy; she signs a comment on the head anyway.
    head = t.student.entries.get(t.entry).head
    ref = EntryRef(t.key("student"), t.entry, head.id, head.content_hash)
    body: JsonObject = {
        "section": "description", "quote": "pizzas", "start": TEXT.index("pizzas"),
        "end": TEXT.index("pizzas") + 6, "prefix": "", "suffix": "", "text": "Hola",
    }  # fmt: skip
    record = sign(t.tutor.identity.key_pair(), RecordType.COMMENT, ref, body, head.created_at)
    refused(t, [record.to_json()], t.key("tutor"), ReviewNotShared)


def test_a_revoked_key_is_refused(triad: Triad) -> None:
    t = triad
    t.send_entries()
    mentor_feedback(t)
    t.student.contacts.revoke(t.ids["mentor@student"])
    refused(t, t.mentor.review.records(), t.key("mentor"), ReviewSignerRevoked)
