"""The review trust model attacked (issue 13, point 6): each attack as a test, against the
rules of services/review_rules.py, the listing kept in storage/bundle_log.py and the
bundle layer under them. Real vaults, real bundles, real keys; the attacker is a
co-recipient (the mentor, when the student sent her and the tutor separate bundles), a
thief holding the mentor's key, or someone editing the closed vault file."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reflectdesk.bundles import BundleKind, BundleMeta, write_bundle
from reflectdesk.bundles.canonical import JsonObject, canonical_json
from reflectdesk.domain.model import ExportRequest
from reflectdesk.errors import (
    BundleAuthorKeyRevokedInChain,
    BundleNotAddressedToYou,
    BundleRevisionAuthorMismatch,
    BundleSignatureInvalid,
    ReviewNotShared,
    ReviewRecordForged,
    ReviewSignerRevoked,
    VaultStateTampered,
)
from reflectdesk.review.records import EntryRef, RecordType, ReviewRecord, parse, sign
from reflectdesk.services.bundle_export import feedback_files
from reflectdesk.services.contacts import public_of
from reflectdesk.services.vault import Vault
from tests.bundles.helpers import encrypt_to, resign, unpack, zip_of
from tests.services.bundle_helpers import table_digest
from tests.services.review_helpers import Triad, mentor_feedback, refused
from tests.support import PASSPHRASE, raw_db


def _separately(t: Triad) -> None:
    """The student sends the mentor and the tutor separate bundles (history included)."""
    t.send_entries(("mentor",))
    t.send_entries(("tutor",))


def _student_bundle_to_mentor(t: Triad) -> bytes:
    """A real journal bundle of the student's to the mentor alone (its bytes)."""
    request = ExportRequest(
        recipients=(t.ids["mentor@student"],), journal_id=t.journal, history=True
    )
    path = t.student.exports.export(request, t.tmp).path
    data = path.read_bytes()
    path.unlink()
    return data


def _tutor_refuses(t: Triad, data: bytes, error: type[Exception]) -> None:
    path = t.tmp / "attack.rdbundle"
    path.write_bytes(data)
    before = table_digest(t.dirs["tutor"])
    with pytest.raises(error):
        t.tutor.imports.import_bundle(path, confirm_unknown_sender=True)
    assert table_digest(t.dirs["tutor"]) == before  # nothing stored, no listing
    path.unlink()


def _mentor_still_refused(t: Triad) -> None:
    refused(t, t.mentor.review.records(), t.key("mentor"), ReviewNotShared, at="tutor")


# --- a co-recipient forging "shared with" ---------------------------------------------------
def test_forging_the_signed_recipients_list_fails(triad: Triad) -> None:
    """The mentor got the entry alone. She opens her bundle, adds the tutor to the signed
    recipients list and re-encrypts it to the tutor: the student's signature no longer
    covers the manifest. Re-signed by herself in the student's name: the signature is
    checked against the key the manifest names. Re-signed as herself, carrying the
    student's entry: a revision claiming the student's key is refused. Nothing stored
    and the mentor's feedback is still refused."""
    t = triad
    _separately(t)
    mentor_feedback(t)
    mentor = t.mentor.identity.key_pair()
    tutor_public = t.tutor.identity.public()
    members = unpack(_student_bundle_to_mentor(t), mentor)
    manifest = json.loads(members["manifest.json"])
    forged = copy.deepcopy(manifest)
    forged["recipients"].append(
        {"age_recipient": tutor_public.age_recipient, "key_id": tutor_public.key_id_hex}
    )
    forged["recipients"].sort(key=lambda r: r["age_recipient"])
    # 1. the list edited, the student's signature kept
    edited = dict(members)
    edited["manifest.json"] = canonical_json(forged)
    _tutor_refuses(t, encrypt_to(zip_of(edited), [tutor_public]), BundleSignatureInvalid)
    # 2. re-signed by the mentor, still naming the student as the author
    resigned = resign(members, forged, mentor)
    _tutor_refuses(t, encrypt_to(zip_of(resigned), [tutor_public]), BundleSignatureInvalid)
    # 3. her own bundle (she signs as herself) carrying the student's entry, listing both
    entries = {k: v for k, v in members.items() if k.startswith("entries/")}
    (her_contact,) = [c for c in t.mentor.contacts.list() if c.id == t.ids["tutor@mentor"]]
    path = t.tmp / "own.rdbundle"
    with path.open("wb") as sink:
        write_bundle(sink.write, mentor, [public_of(her_contact)], entries,
                     BundleMeta(BundleKind.JOURNAL))  # fmt: skip
    _tutor_refuses(t, path.read_bytes(), BundleRevisionAuthorMismatch)
    # 4. the same, with the revisions claimed as her own: taken, but as HER entry (ids
    # are scoped by the bundle's signer), so it lists nobody for the student's entry.
    mine = {}
    for name, raw in entries.items():
        doc = json.loads(raw)
        for revision in doc["revisions"]:
            revision["author"] = t.key("mentor")
        mine[name] = json.dumps(doc).encode()
    path = t.tmp / "copy.rdbundle"
    with path.open("wb") as sink:
        write_bundle(sink.write, mentor, [public_of(her_contact)], mine,
                     BundleMeta(BundleKind.JOURNAL))  # fmt: skip
    t.tutor.imports.import_bundle(path)
    assert t.tutor.imports.received_entry_id(t.ids["mentor@tutor"], t.entry) != t.at("tutor")
    _mentor_still_refused(t)


def test_a_bundle_re_encrypted_to_the_tutor_is_not_hers(triad: Triad) -> None:
    """Swapping the envelope: the mentor re-encrypts the student's bundle to her, byte
    for byte inside. The signed list does not name the tutor: not addressed to her."""
    t = triad
    _separately(t)
    mentor_feedback(t)
    members = unpack(_student_bundle_to_mentor(t), t.mentor.identity.key_pair())
    _tutor_refuses(
        t, encrypt_to(zip_of(members), [t.tutor.identity.public()]), BundleNotAddressedToYou
    )
    _mentor_still_refused(t)


def test_a_listed_key_id_with_another_age_key_lists_nobody(triad: Triad) -> None:
    """A listing counts only with the key pair the tutor has pinned for that contact:
    a manifest naming the mentor's key id beside another age key (which the mentor
    could not decrypt with) does not make the mentor a co-recipient."""
    t = triad
    _separately(t)
    mentor_feedback(t)
    st = t.tutor._unlocked()
    (listing,) = st.bundle_log.listings()
    assert {k for k, _ in listing.recipients} == {t.key("tutor")}
    _mentor_still_refused(t)
    # ... and a log row listing the mentor's key id with the tutor's age key (what a
    # careless author could sign) does not count either.
    tutor_age = t.tutor.identity.public().age_recipient
    entry = t.at("tutor")
    with st.write_lock:
        st.bundle_log.record(
            "0190a000-0000-7000-8000-000000000001",
            "in",
            author=t.key("student"),
            kind="journal",
            contact_ids=[t.ids["student@tutor"]],
            entry_ids=[entry],
            recipients=[(t.key("mentor"), tutor_age)],
            revisions={entry: [t.tutor.entries.get(entry).head.id]},
        )
    _mentor_still_refused(t)


# --- a stolen mentor key after its revocation ------------------------------------------------
def test_a_stolen_mentor_key_after_revocation(triad: Triad) -> None:
    """The mentor's key is stolen; she publishes its revocation and the tutor imports it.
    The thief's records, dated before the revocation or not, are refused straight from
    the thief, forwarded by the student, and in a feedback bundle."""
    t = triad
    t.send_entries(("mentor", "tutor"))
    stolen = t.mentor.identity.key_pair()
    t.tutor.contacts.import_card(t.mentor.identity.revocation())
    head = t.student.entries.get(t.entry).head
    ref = EntryRef(t.key("student"), t.entry, head.id, head.content_hash)
    for when in (datetime.now(UTC) - timedelta(days=300), datetime.now(UTC)):
        record = sign(stolen, RecordType.SIGN_OFF, ref,
                      {"standards": {"C7": {"verdict": "met", "note": ""}},
                       "overall": "met", "note": "Aprobado."}, when)  # fmt: skip
        refused(t, [record.to_json()], t.key("mentor"), ReviewSignerRevoked, at="tutor")
        refused(t, [record.to_json()], t.key("student"), ReviewSignerRevoked, at="tutor")
    (tutor,) = [c for c in t.mentor.contacts.list() if c.id == t.ids["tutor@mentor"]]
    path = t.tmp / "thief.rdbundle"
    with path.open("wb") as sink:
        write_bundle(sink.write, stolen, [public_of(tutor)],
                     feedback_files([record.to_json()], t.key("mentor")),
                     BundleMeta(BundleKind.FEEDBACK))  # fmt: skip
    _tutor_refuses(t, path.read_bytes(), BundleAuthorKeyRevokedInChain)
    assert t.tutor.review.state(t.at("tutor")).sign_offs == ()


# --- a record moved between revisions or entries ---------------------------------------------
def _moved(record: ReviewRecord, **entry: str) -> JsonObject:
    doc = copy.deepcopy(record.to_json())
    doc["entry"] = {**doc["entry"], **entry}  # type: ignore[dict-item]
    return doc


def test_a_record_moved_to_another_revision_or_entry_is_forged(triad: Triad) -> None:
    """The mentor's genuine sign-off, re-pointed by anyone (the student forwarding it,
    a co-recipient) at another revision or another entry: its signature fails."""
    t = triad
    t.send_entries(("mentor", "tutor"))
    mentor_feedback(t)
    record = parse(next(r for r in t.mentor.review.records() if r["type"] == "sign-off"))
    other = t.student.entries.add(t.journal, t.student.entries.get(t.entry).head.content)
    t.send_entries(("mentor", "tutor"))
    moved_entry = _moved(record, id=other.id)
    head = t.student.entries.get(other.id).head
    moved_revision = _moved(record, revision=head.id, revision_hash=head.content_hash)
    for doc in (moved_entry, moved_revision):
        refused(t, [doc], t.key("mentor"), ReviewRecordForged, at="tutor")
        refused(t, [doc], t.key("student"), ReviewRecordForged, at="tutor")


# --- replaying a withdrawn sign-off ----------------------------------------------------------
def test_replaying_a_withdrawn_sign_off_does_not_bring_it_back(triad: Triad) -> None:
    """The mentor signs off and withdraws it; the tutor gets both straight from her. The
    old bundle with the sign-off alone, replayed (the same file, or its records in a new
    bundle of the student's), changes nothing; the withdrawal arriving first waits and
    still wins."""
    t = triad
    t.send_entries(("mentor", "tutor"))
    _, sign_off_id = mentor_feedback(t)
    old = t.mentor.exports.export_feedback([t.ids["tutor@mentor"]], t.tmp)[0].path
    before_withdrawal = t.mentor.review.records()
    t.mentor.review.withdraw_sign_off(sign_off_id, "Me equivoqué de estándar.")
    new = t.mentor.exports.export_feedback([t.ids["tutor@mentor"]], t.tmp)[0].path
    t.tutor.imports.import_bundle(old)
    t.tutor.imports.import_bundle(new)
    (sign_off,) = t.tutor.review.state(t.at("tutor")).sign_offs
    assert sign_off.withdrawn
    assert t.tutor.imports.import_bundle(old).already_imported
    t.tutor.review.receive(before_withdrawal, t.key("student"))  # replayed by the student
    t.tutor.review.receive(before_withdrawal, t.key("mentor"))
    (sign_off,) = t.tutor.review.state(t.at("tutor")).sign_offs
    assert sign_off.withdrawn
    (row,) = t.tutor.review.triad()
    assert row.standards_met == ()


# --- editing the closed vault file -----------------------------------------------------------
def _joint_then_separate(t: Triad) -> None:
    t.send_entries(("tutor",))
    t.send_entries(("mentor", "tutor"))


def _reopen_fails(path: Path) -> None:
    reopened = Vault.open(path)
    with pytest.raises(VaultStateTampered):
        reopened.unlock(PASSPHRASE)
    reopened.close()


@pytest.mark.parametrize("edit", ["delete", "swap"])
def test_editing_the_listing_in_the_closed_file_is_caught(triad: Triad, edit: str) -> None:
    """The tutor's vault holds two bundles from the student (one to her alone, one
    listing the mentor too). Deleting the listing row (to refuse the mentor's feedback)
    or swapping the two rows' sealed blobs in the closed file shows at unlock."""
    t = triad
    _joint_then_separate(t)
    mentor_feedback(t)
    assert t.tutor.review.receive(t.mentor.review.records(), t.key("mentor")).added == 3
    t.tutor.close()
    conn = raw_db(t.dirs["tutor"])
    with conn:
        rows = conn.execute(
            "SELECT id, blob FROM bundle_log WHERE direction = 'in' ORDER BY created_at"
        ).fetchall()
        assert len(rows) == 2
        if edit == "delete":
            conn.execute("DELETE FROM bundle_log WHERE id = ?", (rows[1][0],))
        else:
            conn.execute("UPDATE bundle_log SET blob = ? WHERE id = ?", (rows[1][1], rows[0][0]))
            conn.execute("UPDATE bundle_log SET blob = ? WHERE id = ?", (rows[0][1], rows[1][0]))
    conn.close()
    _reopen_fails(t.dirs["tutor"])


def test_moving_a_record_row_to_another_entry_in_the_closed_file_is_caught(
    triad: Triad,
) -> None:
    """The mentor's sign-off row, re-pointed at another entry by editing its plaintext
    ``entry_id`` in the closed file: the MAC (and the seal's associated data) catch it."""
    t = triad
    t.send_entries(("mentor", "tutor"))
    mentor_feedback(t)
    t.tutor.review.receive(t.mentor.review.records(), t.key("mentor"))
    t.tutor.close()
    conn = raw_db(t.dirs["tutor"])
    with conn:
        (row_id,) = conn.execute("SELECT id FROM review_records LIMIT 1").fetchone()
        conn.execute("UPDATE review_records SET entry_id = ? WHERE id = ?", ("0" * 32, row_id))
    conn.close()
    _reopen_fails(t.dirs["tutor"])


# --- a listing covers its entry only; records that waited and then fail never travel ---------
def test_a_listing_for_one_entry_does_not_cover_another(triad: Triad) -> None:
    """The student listed the mentor with the tutor for one entry; a second entry went
    to the tutor alone. The mentor (who learnt its ids) signs a comment on it: refused."""
    t = triad
    t.send_entries(("mentor", "tutor"))
    content = t.student.entries.get(t.entry).head.content
    second = t.student.entries.add(t.journal, content)
    request = ExportRequest(
        recipients=(t.ids["tutor@student"],), entry_ids=(second.id,), history=True
    )
    path = t.student.exports.export(request, t.tmp).path
    t.tutor.imports.import_bundle(path)
    head = second.head
    ref = EntryRef(t.key("student"), second.id, head.id, head.content_hash)
    text = content.sections["analysis"]
    comment = sign(t.mentor.identity.key_pair(), RecordType.COMMENT, ref,
                   {"section": "analysis", "quote": text, "start": 0, "end": len(text),
                    "prefix": "", "suffix": "", "text": "¿Y?"}, datetime.now(UTC))  # fmt: skip
    refused(t, [comment.to_json()], t.key("mentor"), ReviewNotShared, at="tutor")


def test_a_record_that_waited_and_then_fails_is_never_forwarded(triad: Triad) -> None:
    """The mentor (never listed with the tutor) sends the tutor a comment on the
    student's entry before the tutor holds it: kept, waiting. The entry then arrives in
    a bundle to the tutor alone: the comment fails the rule and is not shown; nor does
    it travel in the tutor's feedback to the student (what the tutor does not accept is
    not hers to pass on; from a signer the student never shared with, it would make her
    refuse the whole bundle)."""
    t = triad
    t.send_entries(("mentor",))
    mentor_feedback(t)
    early = t.tutor.review.receive(t.mentor.review.records(), t.key("mentor"))
    assert early.pending == 3  # waits for the entry: who shared it is not known yet
    t.send_entries(("tutor",))
    state = t.tutor.review.state(t.at("tutor"))
    assert state.threads == () and state.sign_offs == () and state.pending == 0
    comment = t.tutor.review.add_comment(
        t.at("tutor"), "description", "Bien visto.", quote="regletas"
    )
    (out,) = t.tutor.exports.export_feedback([t.ids["student@tutor"]], t.tmp)
    assert t.student.imports.preview(out.path).review_records == 1
    t.student.imports.import_bundle(out.path)
    assert [x.id for x in t.student.review.state(t.entry).threads] == [comment.id]


def test_a_withdrawal_by_someone_else_arriving_first_never_withdraws(triad: Triad) -> None:
    """The tutor (listed with the mentor) signs a withdrawal of the mentor's sign-off
    and it reaches the student before the sign-off does: kept waiting, then ignored by
    the fold; arriving after it, refused (``ReviewNotAllowed``)."""
    from reflectdesk.errors import ReviewNotAllowed

    t = triad
    t.send_entries(("mentor", "tutor"))
    _, sign_off_id = mentor_feedback(t)
    sign_off = next(r for r in t.mentor.review.records() if parse(r).id == sign_off_id)
    head = t.student.entries.get(t.entry).head
    ref = EntryRef(t.key("student"), t.entry, head.id, head.content_hash)
    withdrawal = sign(t.tutor.identity.key_pair(), RecordType.WITHDRAW_SIGN_OFF, ref,
                      {"sign_off": sign_off_id, "reason": "No."}, datetime.now(UTC))  # fmt: skip
    assert t.student.review.receive([withdrawal.to_json()], t.key("tutor")).added == 1
    t.student.review.receive([sign_off], t.key("mentor"))
    (standing,) = t.student.review.state(t.entry).sign_offs
    assert not standing.withdrawn
    t.tutor.review.receive([sign_off], t.key("mentor"))
    refused(t, [withdrawal.to_json()], t.key("tutor"), ReviewNotAllowed, at="tutor")


def test_a_listing_for_one_version_does_not_cover_a_later_one(triad: Triad) -> None:
    """The student listed the mentor with the tutor for the first version; she then sent
    a second version to the tutor alone. The mentor (who learnt its ids) signs off the
    second version straight to the tutor: refused; on the first, accepted."""
    t = triad
    t.send_entries(("mentor", "tutor"))
    first = t.student.entries.get(t.entry).head
    content = first.content
    t.student.entries.edit(
        t.entry, replace(content, sections={**content.sections, "analysis": "Otra cosa."})
    )
    t.send_entries(("tutor",))
    second = t.student.entries.get(t.entry).head
    assert second.id != first.id
    body: JsonObject = {"standards": {"C7": {"verdict": "met", "note": ""}},
                        "overall": "met", "note": "Aprobado."}  # fmt: skip
    mentor = t.mentor.identity.key_pair()
    later = sign(mentor, RecordType.SIGN_OFF,
                 EntryRef(t.key("student"), t.entry, second.id, second.content_hash),
                 body, datetime.now(UTC))  # fmt: skip
    refused(t, [later.to_json()], t.key("mentor"), ReviewNotShared, at="tutor")
    earlier = sign(mentor, RecordType.SIGN_OFF,
                   EntryRef(t.key("student"), t.entry, first.id, first.content_hash),
                   body, datetime.now(UTC))  # fmt: skip
    t.tutor.review.receive([earlier.to_json()], t.key("mentor"))
    assert len(t.tutor.review.state(t.at("tutor")).sign_offs) == 1
