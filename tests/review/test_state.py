"""Records merge by union: any order, any repeats, the same state on every side."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from reflectdesk.bundles.keys import Identity
from reflectdesk.review.records import EntryRef, RecordType, ReviewRecord, Status, sign
from reflectdesk.review.state import fold

T0 = datetime(2026, 12, 2, 14, 0, tzinfo=UTC)


def scenario(people: dict[str, Identity], rev: EntryRef) -> list[ReviewRecord]:
    mentor, student = people["mentor"], people["student"]

    def at(who: Identity, kind: RecordType, body: dict[str, object], minutes: int) -> ReviewRecord:
        return sign(who, kind, rev, body, T0 + timedelta(minutes=minutes))  # type: ignore[arg-type]

    comment = at(mentor, RecordType.COMMENT, {
        "section": "description", "quote": "pizzas", "start": 10, "end": 16,
        "prefix": "", "suffix": "", "text": "¿Por qué pizzas?",
    }, 0)  # fmt: skip
    own_reply = at(mentor, RecordType.REPLY, {"parent": comment.id, "text": "Y ¿regletas?"}, 1)
    student_reply = at(
        student, RecordType.REPLY, {"parent": own_reply.id, "text": "Las conocen."}, 5
    )
    resolved = at(student, RecordType.RESOLVE, {"comment": comment.id, "resolved": "yes"}, 6)
    signed = at(mentor, RecordType.SIGN_OFF, {
        "standards": {"C7": {"verdict": "met", "note": ""}}, "overall": "met", "note": "",
    }, 2)  # fmt: skip
    second = at(mentor, RecordType.SIGN_OFF, {
        "standards": {"B6": {"verdict": "partly", "note": "Falta."}}, "overall": "partly",
        "note": "",
    }, 3)  # fmt: skip
    withdrawal = at(mentor, RecordType.WITHDRAW_SIGN_OFF, {"sign_off": second.id, "reason": "x"}, 4)
    not_hers = at(student, RecordType.WITHDRAW_SIGN_OFF, {"sign_off": signed.id, "reason": ""}, 7)
    ready = at(student, RecordType.STATUS, {"status": "ready-for-feedback"}, -60)
    mentor_status = at(mentor, RecordType.STATUS, {"status": "draft"}, 60)
    return [comment, own_reply, student_reply, resolved, signed, second, withdrawal, not_hers,
            ready, mentor_status]  # fmt: skip


def test_the_scenario_folds_as_both_sides_expect(
    people: dict[str, Identity], revision: EntryRef
) -> None:
    state = fold(scenario(people, revision))[(revision.author, revision.entry_id)]
    (thread,) = state.threads
    assert [r.body["text"] for r in thread.replies] == [
        "Y ¿regletas?",
        "Las conocen.",
    ]
    assert thread.resolved and state.open_threads == 0
    assert [s.record.body["overall"] for s in state.signed_off] == ["met"]  # B6 withdrawn
    assert state.status is Status.READY  # only the entry's author sets it
    assert state.pending == ()


def test_a_reply_before_its_comment_waits(people: dict[str, Identity], revision: EntryRef) -> None:
    records = scenario(people, revision)
    state = fold(records[1:])[(revision.author, revision.entry_id)]
    assert state.threads == () and len(state.pending) == 3  # two replies and the resolve
    assert fold(records)[(revision.author, revision.entry_id)].pending == ()


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_any_order_with_repeats_gives_the_same_state(
    people: dict[str, Identity], revision: EntryRef, data: st.DataObject
) -> None:
    records = scenario(people, revision)
    expected = fold(records)
    shuffled = data.draw(st.permutations(records))
    repeats = data.draw(st.lists(st.sampled_from(records), max_size=10))
    assert fold([*shuffled, *repeats]) == expected
