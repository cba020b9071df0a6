"""The review at a glance (services/review_status.py): the badges of the entry list and
the sidebar's feedback count, on the student's and the mentor's side."""

from __future__ import annotations

from reflectdesk.domain.model import EntryContent
from reflectdesk.review.records import Status
from tests.services.review_helpers import TEXT, Triad, mentor_feedback


def test_badges_follow_the_review_on_both_sides(triad: Triad) -> None:
    t = triad
    assert t.student.review.badges() == {} and t.student.review.new_feedback_count() == 0
    t.student.review.submit(t.entry)
    (badge,) = t.student.review.badges().values()
    assert badge.own and badge.status is Status.READY and badge.feedback == 0
    t.send_entries(("mentor",))
    t.mentor.review.receive(t.student.review.records([t.entry]), t.key("student"))
    mine = t.mentor.review.badges()[t.at("mentor")]
    assert not mine.own and mine.status is Status.READY and not mine.signed_off

    comment_id, _ = mentor_feedback(t)  # a comment, a reply, a sign-off
    t.student.review.receive(t.mentor.review.records(), t.key("mentor"))
    badge = t.student.review.badges()[t.entry]
    assert (badge.feedback, badge.new_feedback, badge.open_threads) == (2, 2, 1)
    assert badge.signed_off and not badge.changed_since
    assert t.student.review.new_feedback_count() == 2
    # The mentor wrote all of it herself: nothing new on her side.
    assert t.mentor.review.badges()[t.at("mentor")].new_feedback == 0

    # Her reply is her word on it: nothing new any more. The mentor sees one new reply.
    t.student.review.reply(comment_id, "Las conocen de antes.")
    assert t.student.review.new_feedback_count() == 0
    t.mentor.review.receive(t.student.review.records([t.entry]), t.key("student"))
    assert t.mentor.review.badges()[t.at("mentor")].new_feedback == 1

    # She edits the signed-off entry: "changed since sign-off".
    t.student.entries.edit(
        t.entry,
        EntryContent(title="Fracciones", sections={"description": "Hoy: " + TEXT},
                     template_id="gibbs", standards=("C7",)),
    )  # fmt: skip
    badge = t.student.review.badges()[t.entry]
    assert badge.signed_off and badge.changed_since


def test_one_entry_at_a_time_and_the_queue_flags(triad: Triad) -> None:
    t = triad
    t.student.review.submit(t.entry)
    t.send_entries(("mentor",))
    here = t.at("mentor")
    # Only the entries asked for (what a change touched); an entry without records: none.
    assert set(t.mentor.review.badges([here])) == {here}
    assert t.mentor.review.badges(["no-such-entry"]) == {}
    badge = t.mentor.review.badges([here])[here]
    assert badge.queued and badge.waiting_feedback and badge.waiting_sign_off
    (item,) = t.mentor.review.queue()  # the same rule as the queue's
    assert (item.waiting_feedback, item.waiting_sign_off) == (True, True)
    t.mentor.review.add_comment(here, "description", "¿Por qué?", quote="pizzas")
    badge = t.mentor.review.badges([here])[here]
    assert not badge.waiting_feedback and badge.waiting_sign_off
    mentor_feedback(t)
    assert not t.mentor.review.badges([here])[here].queued and t.mentor.review.queue() == []
    # Her own entries never wait in her own queue.
    assert not t.student.review.badges()[t.entry].queued
