"""Receiving review records (services/review_receive.py): caps, dates, records that wait
for their entry, the order-free merge, and through real feedback bundles."""

from __future__ import annotations

import copy
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflectdesk.bundles import BundleKind, BundleMeta, write_bundle
from reflectdesk.bundles.canonical import JsonObject
from reflectdesk.domain.model import ExportRequest
from reflectdesk.errors import (
    FeedbackThroughAuthor,
    InvalidValue,
    NoFeedbackToSend,
    ReviewNotShared,
    ReviewRecordForged,
    ReviewRecordInvalid,
    ReviewTooManyRecords,
)
from reflectdesk.review.records import EntryRef, RecordType, sign
from reflectdesk.services.bundle_export import feedback_files
from reflectdesk.services.contacts import public_of
from reflectdesk.services.review_receive import MAX_RECEIVE
from reflectdesk.services.vault import Vault
from tests.services.bundle_helpers import exchange_cards, new_vault, table_digest
from tests.services.review_helpers import Triad, contact, feedback_bundle, mentor_feedback, refused


def test_too_many_records_are_refused_before_anything_else(triad: Triad) -> None:
    refused(triad, [{}] * (MAX_RECEIVE + 1), triad.key("mentor"), ReviewTooManyRecords)


def test_a_record_dated_in_the_future_is_refused(triad: Triad) -> None:
    t = triad
    t.send_entries()
    head = t.student.entries.get(t.entry).head
    ref = EntryRef(t.key("student"), t.entry, head.id, head.content_hash)
    later = datetime.now(UTC) + timedelta(days=30)
    resolve = sign(t.mentor.identity.key_pair(), RecordType.RESOLVE, ref,
                   {"comment": "0" * 64, "resolved": "yes"}, later)  # fmt: skip
    refused(t, [resolve.to_json()], t.key("mentor"), ReviewRecordInvalid)


def test_records_held_per_entry_are_capped(triad: Triad, monkeypatch: pytest.MonkeyPatch) -> None:
    t = triad
    t.send_entries()
    mentor_feedback(t)
    # The real cap is 20,000; lowered so the test stays fast (the same code path).
    monkeypatch.setattr("reflectdesk.services.review_receive.MAX_PER_ENTRY", 2)
    refused(t, t.mentor.review.records(), t.key("mentor"), ReviewTooManyRecords)


def test_records_for_an_entry_not_held_wait_and_attach(triad: Triad) -> None:
    t = triad
    t.send_entries(("mentor",))
    mentor_feedback(t)
    t.student.review.receive(t.mentor.review.records(), t.key("mentor"))
    # The tutor gets the forwarded feedback before the entry itself.
    result = t.tutor.review.receive(t.student.review.records([t.entry]), t.key("student"))
    assert result.pending == 3 and result.added == 3
    t.send_entries(("tutor",))
    state = t.tutor.review.state(t.at("tutor"))
    assert len(state.threads) == 1 and len(state.sign_offs) == 1 and state.pending == 0


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_order_with_repeats_gives_the_same_state(triad: Triad, data: st.DataObject) -> None:
    t = triad
    if not t.student.review.records():
        t.student.review.submit(t.entry)
        t.send_entries()
        mentor_feedback(t)
        t.student.review.receive(t.mentor.review.records(), t.key("mentor"))
        (thread,) = t.student.review.state(t.entry).threads
        t.student.review.reply(thread.id, "Respuesta.")
        t.student.review.resolve(thread.id)
    docs = t.student.review.records([t.entry])
    expected = t.student.review.state(t.entry)
    name = uuid.uuid4().hex
    target = new_vault(t.tmp / name, f"Tutora {name}")
    try:
        exchange = exchange_cards(target, t.student)
        exchange_cards(target, t.mentor)  # her records arrive forwarded by the student
        request = ExportRequest(recipients=(exchange[1],), journal_id=t.journal, history=True)
        path = t.student.exports.export(request, t.tmp).path
        target.imports.import_bundle(path)
        path.unlink()
        local = target.imports.received_entry_id(exchange[0], t.entry)
        batches = data.draw(
            st.lists(st.lists(st.sampled_from(docs), min_size=1), min_size=1, max_size=4)
        )
        for batch in batches:
            target.review.receive(batch, t.key("student"))
        target.review.receive(docs, t.key("student"))
        got = target.review.state(local)
        assert got.status is expected.status
        assert [(x.id, x.resolved, x.start, [r.id for r in x.replies]) for x in got.threads] == [
            (x.id, x.resolved, x.start, [r.id for r in x.replies]) for x in expected.threads
        ]
        assert [(s.id, s.withdrawn) for s in got.sign_offs] == [
            (s.id, s.withdrawn) for s in expected.sign_offs
        ]
    finally:
        target.close()


def test_feedback_bundle_end_to_end(triad: Triad) -> None:
    t = triad
    t.student.review.submit(t.entry)
    t.send_entries()  # her status travels in her journal bundle
    (item,) = t.mentor.review.queue()
    assert item.waiting_feedback and item.waiting_sign_off
    comment_id, sign_off_id = mentor_feedback(t)
    path = feedback_bundle(t, "mentor", ("student",))
    preview = t.student.imports.preview(path)
    assert preview.kind == "feedback" and preview.entries == ()
    assert (preview.comments, preview.sign_offs, preview.review_records) == (1, 1, 4)
    result = t.student.imports.import_bundle(path)
    assert result.review_records_added == 3  # her status she had
    state = t.student.review.state(t.entry)
    assert [x.id for x in state.threads] == [comment_id]
    assert [s.id for s in state.sign_offs] == [sign_off_id]
    assert t.student.imports.import_bundle(path).already_imported
    assert t.student.review.state(t.entry) == state
    # She forwards it (a feedback bundle of hers, to both): the tutor sees both sides.
    t.student.review.reply(comment_id, "Por la merienda.")
    forwarded = feedback_bundle(t, "student", ("mentor", "tutor"))
    t.tutor.imports.import_bundle(forwarded)
    t.mentor.imports.import_bundle(forwarded)
    (row,) = t.tutor.review.triad()
    assert (row.feedback_given, row.standards_met) == (2, ("C7",))
    (thread,) = t.mentor.review.state(t.at("mentor")).threads
    assert [r.author_name for r in thread.replies] == ["Ana Mentor", "Camila Pérez"]


def test_feedback_export_refusals(triad: Triad) -> None:
    t = triad
    with pytest.raises(NoFeedbackToSend):
        feedback_bundle(t, "mentor", ("student",))
    # The student sends the mentor and the tutor separate bundles: the tutor cannot know
    # that the mentor got the entry, so nothing of the mentor's is for her.
    t.send_entries(("mentor",))
    t.send_entries(("tutor",))
    mentor_feedback(t)
    with pytest.raises(FeedbackThroughAuthor) as info:
        feedback_bundle(t, "mentor", ("student", "tutor"))
    assert info.value.params == {"name": "Tomás Tutor"}
    assert "Tomás Tutor" in str(info.value)
    assert list(t.tmp.iterdir()) == []  # nothing written


def test_feedback_to_student_and_tutor_listed_together(triad: Triad) -> None:
    """Issue 13: the student's one bundle listed the mentor and the tutor; the mentor's
    feedback bundle to both is accepted by each, the tutor's straight from the mentor."""
    t = triad
    t.student.review.submit(t.entry)
    t.send_entries(("mentor", "tutor"))
    comment_id, sign_off_id = mentor_feedback(t)
    (result,) = t.mentor.exports.export_feedback(
        [t.ids["student@mentor"], t.ids["tutor@mentor"]], t.tmp
    )  # one bundle: both can accept every record
    assert set(result.recipients) == {t.ids["student@mentor"], t.ids["tutor@mentor"]}
    preview = t.tutor.imports.preview(result.path)
    assert (preview.comments, preview.sign_offs, preview.review_records) == (1, 1, 4)
    assert t.tutor.imports.import_bundle(result.path).review_records_added == 3  # status held
    t.student.imports.import_bundle(result.path)
    for who in ("student", "tutor"):
        vault: Vault = getattr(t, who)
        state = vault.review.state(t.at(who))
        assert [x.id for x in state.threads] == [comment_id]
        assert [s.id for s in state.sign_offs] == [sign_off_id] and state.pending == 0
    (row,) = t.tutor.review.triad()
    assert row.standards_met == ("C7",)
    # The tutor answers; her reply goes back to the mentor directly (both were listed).
    t.tutor.review.reply(comment_id, "De acuerdo con la mentora.")
    (back,) = t.tutor.exports.export_feedback(
        [t.ids["mentor@tutor"], t.ids["student@tutor"]], t.tmp
    )
    t.mentor.imports.import_bundle(back.path)
    (thread,) = t.mentor.review.state(t.at("mentor")).threads
    assert [r.author_name for r in thread.replies] == ["Ana Mentor", "Tomás Tutor"]


def test_feedback_per_recipient_when_they_can_accept_different_records(triad: Triad) -> None:
    """The mentor also holds a record the tutor cannot accept (a fourth contact's,
    forwarded by the student, who never listed that contact with the tutor): the student
    gets everything, the tutor her share, in two bundles; a file name is not enough."""
    t = triad
    t.send_entries(("mentor", "tutor"))
    fourth = new_vault(t.tmp.parent / "fourth", "Diana Directora")
    try:
        to_fourth, _ = exchange_cards(t.student, fourth)
        exchange_cards(fourth, t.mentor)
        request = ExportRequest(recipients=(to_fourth,), journal_id=t.journal, history=True)
        path = t.student.exports.export(request, t.tmp).path
        fourth.imports.import_bundle(path)
        path.unlink()
        local = fourth.imports.received_entry_id(contact(fourth, "Camila Pérez"), t.entry)
        fourth.review.add_comment(local, "analysis", "¿Qué funcionó?", quote="Funcionó")
        t.student.review.receive(fourth.review.records(), fourth.identity.public().key_id_hex)
    finally:
        fourth.close()
    # She forwards it to the mentor (the mentor takes it: from the author).
    t.mentor.review.receive(t.student.review.records([t.entry]), t.key("student"))
    comment_id, _ = mentor_feedback(t)
    to = [t.ids["student@mentor"], t.ids["tutor@mentor"]]
    with pytest.raises(InvalidValue):
        t.mentor.exports.export_feedback(to, t.tmp / "one.rdbundle")
    results = t.mentor.exports.export_feedback(to, t.tmp)
    by_who = {r.recipients: r for r in results}
    assert set(by_who) == {(t.ids["student@mentor"],), (t.ids["tutor@mentor"],)}
    her = t.student.imports.preview(by_who[(t.ids["student@mentor"],)].path)
    tutor = t.tutor.imports.preview(by_who[(t.ids["tutor@mentor"],)].path)
    assert (her.comments, tutor.comments) == (2, 1)
    t.tutor.imports.import_bundle(by_who[(t.ids["tutor@mentor"],)].path)
    assert [x.id for x in t.tutor.review.state(t.at("tutor")).threads] == [comment_id]


def test_the_tutor_refuses_the_mentor_when_the_student_sent_separate_bundles(
    triad: Triad,
) -> None:
    """The tutor cannot know the mentor got the entry: ReviewNotShared, nothing stored;
    forwarded by the student it is accepted."""
    t = triad
    t.send_entries(("mentor",))
    t.send_entries(("tutor",))
    mentor_feedback(t)
    docs = t.mentor.review.records()
    refused(t, docs, t.key("mentor"), ReviewNotShared, at="tutor")
    # As a real feedback bundle, crafted past the export's own check: refused whole.
    mentor = t.mentor.identity.key_pair()
    (tutor,) = [c for c in t.mentor.contacts.list() if c.id == t.ids["tutor@mentor"]]
    path = t.tmp / "direct.rdbundle"
    with path.open("wb") as sink:
        files = feedback_files(docs, mentor.public.key_id_hex)
        write_bundle(sink.write, mentor, [public_of(tutor)], files, BundleMeta(BundleKind.FEEDBACK))
    before = table_digest(t.dirs["tutor"])
    with pytest.raises(ReviewNotShared):
        t.tutor.imports.import_bundle(path)
    assert table_digest(t.dirs["tutor"]) == before
    # Forwarded by the author, it is.
    t.student.review.receive(docs, t.key("mentor"))
    t.tutor.review.receive(t.student.review.records([t.entry]), t.key("student"))
    assert len(t.tutor.review.state(t.at("tutor")).threads) == 1


def test_a_later_bundle_listing_both_lets_the_mentors_feedback_in(triad: Triad) -> None:
    """Separate bundles first; then one listing both (the same revision): from then on
    the tutor knows, and the same feedback that was refused is accepted."""
    t = triad
    t.send_entries(("mentor",))
    t.send_entries(("tutor",))
    mentor_feedback(t)
    refused(t, t.mentor.review.records(), t.key("mentor"), ReviewNotShared, at="tutor")
    t.send_entries(("mentor", "tutor"))
    result = t.tutor.review.receive(t.mentor.review.records(), t.key("mentor"))
    assert result.added == 3 and result.pending == 0


def test_direct_feedback_before_the_listing_bundle_waits_and_attaches(triad: Triad) -> None:
    """The mentor's feedback reaches the tutor before the student's bundle listing both:
    kept waiting (the entry is not held), checked when the bundle arrives, shown."""
    t = triad
    t.send_entries(("mentor",))  # the tutor has nothing yet
    comment_id, sign_off_id = mentor_feedback(t)
    request = ExportRequest(
        recipients=(t.ids["mentor@student"], t.ids["tutor@student"]),
        journal_id=t.journal,
        history=True,
    )
    joint = t.student.exports.export(request, t.tmp).path
    t.mentor.imports.import_bundle(joint)
    (feedback,) = t.mentor.exports.export_feedback([t.ids["tutor@mentor"]], t.tmp)
    assert t.tutor.imports.import_bundle(feedback.path).review_records_added == 3
    t.tutor.imports.import_bundle(joint)
    state = t.tutor.review.state(t.at("tutor"))
    assert [x.id for x in state.threads] == [comment_id] and state.pending == 0
    assert [s.id for s in state.sign_offs] == [sign_off_id]


def _comment_on(t: Triad, revision_id: str, content_hash: str, quote: str) -> JsonObject:
    """The mentor's comment on ``quote`` in the analysis of the student's revision."""
    text = next(
        r.content.sections["analysis"]
        for r in t.student.entries.history(t.entry)
        if r.id == revision_id
    )
    start = text.index(quote)
    ref = EntryRef(t.key("student"), t.entry, revision_id, content_hash)
    body: JsonObject = {"section": "analysis", "quote": quote, "start": start,
                        "end": start + len(quote), "prefix": text[:start][-32:],
                        "suffix": text[start + len(quote):][:32], "text": "¿Por qué?"}  # fmt: skip
    return sign(t.mentor.identity.key_pair(), RecordType.COMMENT, ref, body,
                datetime.now(UTC)).to_json()  # fmt: skip


def test_a_revision_sent_after_the_listing_bundle_is_refused(triad: Triad) -> None:
    """The rule's revision: one the listing bundle carried, or an older one. A revision
    the student then sent the tutor alone was not shared with the mentor, even if the
    mentor comes to know its id and hash (here she signs a record on it)."""
    t = triad
    t.send_entries(("mentor", "tutor"))
    first = t.student.entries.get(t.entry).head
    content = first.content
    t.student.entries.edit(
        t.entry, replace(content, sections={**content.sections, "analysis": "Funcionó bien."})
    )
    t.send_entries(("tutor",))
    head = t.student.entries.get(t.entry).head
    later = _comment_on(t, head.id, head.content_hash, "bien")
    refused(t, [later], t.key("mentor"), ReviewNotShared, at="tutor")
    # On the revision the listing bundle carried, the same kind of comment is accepted.
    earlier = _comment_on(t, first.id, first.content_hash, "Funcionó")
    assert t.tutor.review.receive([earlier], t.key("mentor")).added == 1
    # And once the student sends the new revision to both, the later one too.
    t.send_entries(("mentor", "tutor"))
    assert t.tutor.review.receive([later], t.key("mentor")).added == 1
    assert len(t.tutor.review.state(t.at("tutor")).threads) == 2


def test_a_refused_record_refuses_the_whole_bundle(triad: Triad) -> None:
    t = triad
    t.send_entries(("mentor",))
    mentor_feedback(t)
    docs = t.mentor.review.records()
    flipped = copy.deepcopy(next(d for d in docs if d["type"] == "sign-off"))
    flipped["body"]["standards"]["C7"]["verdict"] = "not-yet"  # type: ignore[index,call-overload]
    mentor = t.mentor.identity.key_pair()
    files = feedback_files([*docs, flipped], mentor.public.key_id_hex)
    (her,) = [c for c in t.mentor.contacts.list() if c.id == t.ids["student@mentor"]]
    path = t.tmp / "tampered.rdbundle"
    with path.open("wb") as sink:
        write_bundle(sink.write, mentor, [public_of(her)], files, BundleMeta(BundleKind.FEEDBACK))
    before = table_digest(t.dirs["student"])
    with pytest.raises(ReviewRecordForged):
        t.student.imports.preview(path)  # the preview says so already
    with pytest.raises(ReviewRecordForged) as info:
        t.student.imports.import_bundle(path)
    assert info.value.message and info.value.hint
    assert table_digest(t.dirs["student"]) == before  # no record, no bundle log line


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_bundles_in_any_order_with_repeats_give_the_same_state(
    triad: Triad, data: st.DataObject
) -> None:
    """The tutor gets the student's journal bundles and her forwarded feedback bundle in
    any order, with repeats: the same threads, sign-offs and status as the student's."""
    t = triad
    if not list(t.tmp.glob("*.rdbundle")):
        t.student.review.submit(t.entry)
        t.send_entries(("mentor",))
        mentor_feedback(t)
        t.student.imports.import_bundle(feedback_bundle(t, "mentor", ("student",)))
        (thread,) = t.student.review.state(t.entry).threads
        t.student.review.reply(thread.id, "Respuesta.")
    expected = t.student.review.state(t.entry)
    name = uuid.uuid4().hex
    target = new_vault(t.tmp / name, f"Tutora {name}")
    try:
        to_her, _ = exchange_cards(t.student, target)
        exchange_cards(target, t.mentor)
        journal = t.student.exports.export(
            ExportRequest(recipients=(to_her,), journal_id=t.journal, history=True), t.tmp
        ).path
        (exported,) = t.student.exports.export_feedback([to_her], t.tmp)
        feedback = exported.path
        order = data.draw(st.lists(st.sampled_from([journal, feedback]), min_size=1, max_size=5))
        for path in [*order, journal, feedback]:
            target.imports.import_bundle(path)
        local = target.imports.received_entry_id(contact(target, "Camila Pérez"), t.entry)
        got = target.review.state(local)
        assert got.status is expected.status
        assert [(x.id, x.resolved, [r.id for r in x.replies]) for x in got.threads] == [
            (x.id, x.resolved, [r.id for r in x.replies]) for x in expected.threads
        ]
        assert [(s.id, s.withdrawn) for s in got.sign_offs] == [
            (s.id, s.withdrawn) for s in expected.sign_offs
        ]
    finally:
        target.close()


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_the_tutor_receiving_directly_in_any_order_gives_the_same_state(
    triad: Triad, data: st.DataObject
) -> None:
    """A tutor listed with the mentor in the student's journal bundle gets that bundle,
    the mentor's feedback bundle (straight from the mentor) and the student's in any
    order, with repeats: the same threads, sign-offs and status as the student's. Feedback
    arriving before the entry waits and attaches."""
    t = triad
    if not t.student.review.records():
        t.student.review.submit(t.entry)
        t.send_entries(("mentor",))
        mentor_feedback(t)
        t.student.imports.import_bundle(feedback_bundle(t, "mentor", ("student",)))
        (thread,) = t.student.review.state(t.entry).threads
        t.student.review.reply(thread.id, "Respuesta.")
        t.student.review.resolve(thread.id)
    expected = t.student.review.state(t.entry)
    name = uuid.uuid4().hex
    target = new_vault(t.tmp.parent / name, f"Tutora {name}")
    try:
        to_her, _ = exchange_cards(t.student, target)
        to_her_from_mentor, _ = exchange_cards(t.mentor, target)
        request = ExportRequest(
            recipients=(t.ids["mentor@student"], to_her), journal_id=t.journal, history=True
        )
        journal = t.student.exports.export(request, t.tmp).path
        t.mentor.imports.import_bundle(journal)  # the mentor learns the tutor was listed
        (from_mentor,) = t.mentor.exports.export_feedback([to_her_from_mentor], t.tmp)
        (from_student,) = t.student.exports.export_feedback([to_her], t.tmp)
        bundles = [journal, from_mentor.path, from_student.path]
        order = data.draw(st.lists(st.sampled_from(bundles), min_size=1, max_size=6))
        for path in [*order, *bundles]:
            target.imports.import_bundle(path)
        local = target.imports.received_entry_id(contact(target, "Camila Pérez"), t.entry)
        got = target.review.state(local)
        assert got.status is expected.status and got.pending == 0
        assert [(x.id, x.resolved, [r.id for r in x.replies]) for x in got.threads] == [
            (x.id, x.resolved, [r.id for r in x.replies]) for x in expected.threads
        ]
        assert [(s.id, s.withdrawn) for s in got.sign_offs] == [
            (s.id, s.withdrawn) for s in expected.sign_offs
        ]
        # The mentor's side, once the student's feedback reaches her: the same state.
        (to_mentor,) = t.student.exports.export_feedback([t.ids["mentor@student"]], t.tmp)
        t.mentor.imports.import_bundle(to_mentor.path)
        mentor = t.mentor.review.state(t.at("mentor"))
        assert [(x.id, x.resolved) for x in mentor.threads] == [
            (x.id, x.resolved) for x in expected.threads
        ]
        assert [s.id for s in mentor.sign_offs] == [s.id for s in expected.sign_offs]
        for path in (*bundles, to_mentor.path):
            path.unlink()
    finally:
        target.close()
