"""Reading the review (services/review_read.py): the state re-anchored on the current
version, the mentor's queue, the tutor's triad summary."""

from __future__ import annotations

import pytest

from reflectdesk.domain.model import EntryContent
from reflectdesk.errors import (
    ReviewNotShared,
)
from reflectdesk.review.records import Status, Verdict
from tests.services.review_helpers import TEXT, Triad, mentor_feedback


def test_feedback_reaches_the_student_in_her_own_entry(triad: Triad) -> None:
    t = triad
    t.student.review.submit(t.entry)
    t.send_entries()
    # The mentor sees the status (it travels as a record) in her queue.
    t.mentor.review.receive(t.student.review.records([t.entry]), t.key("student"))
    (item,) = t.mentor.review.queue()
    assert item.student == "Camila Pérez" and item.title == "Fracciones"
    assert item.waiting_feedback and item.waiting_sign_off
    comment_id, sign_off_id = mentor_feedback(t)
    assert t.mentor.review.queue() == []
    result = t.student.review.receive(t.mentor.review.records(), t.key("mentor"))
    assert (result.added, result.already_held, result.pending) == (3, 1, 0)  # status: hers
    state = t.student.review.state(t.entry)
    assert state.status is Status.READY
    (thread,) = state.threads
    assert (thread.quote, thread.text, thread.author_name) == (
        "pizzas",
        "¿Por qué pizzas?",
        "Ana Mentor",
    )
    assert TEXT[thread.start : thread.end] == "pizzas"
    assert [r.text for r in thread.replies] == ["Y ¿regletas?"]
    (signed,) = state.sign_offs
    assert signed.id == sign_off_id and not signed.changed_since and signed.revision_seq == 1
    assert [(s.code, s.verdict, s.note) for s in signed.standards] == [
        ("C7", Verdict.MET, "Preguntas abiertas.")
    ]
    assert signed.standards[0].title.startswith("C7 — Estrategias")
    # She replies and edits: the comment re-anchors, the sign-off is "changed since".
    t.student.review.reply(comment_id, "Las conocen de antes.")
    t.student.entries.edit(
        t.entry, EntryContent(title="Fracciones", sections={"description": "Hoy: " + TEXT},
                              template_id="gibbs", standards=("C7",)),
    )  # fmt: skip
    state = t.student.review.state(t.entry)
    (thread,) = state.threads
    assert ("Hoy: " + TEXT)[thread.start : thread.end] == "pizzas"
    assert state.sign_offs[0].changed_since and state.head_seq == 2
    t.student.entries.edit(
        t.entry,
        EntryContent(
            title="Fracciones", sections={"description": "Otra cosa."}, template_id="gibbs"
        ),
    )
    (thread,) = t.student.review.state(t.entry).threads
    assert thread.on_earlier_version and thread.quote == "pizzas"
    # Her reply goes back; the mentor sees it (and the new versions once they arrive).
    t.mentor.review.receive(t.student.review.records([t.entry]), t.key("student"))
    state = t.mentor.review.state(t.at("mentor"))
    assert [r.author_name for r in state.threads[0].replies] == ["Ana Mentor", "Camila Pérez"]
    t.send_entries(("mentor",))
    assert t.mentor.review.state(t.at("mentor")).sign_offs[0].changed_since


def test_the_tutor_gets_the_mentor_feedback_forwarded_by_the_student(triad: Triad) -> None:
    t = triad
    t.student.review.submit(t.entry)
    t.send_entries(("mentor",))  # separate bundles: the tutor is not told of the mentor
    t.send_entries(("tutor",))
    mentor_feedback(t)
    mentor_records = t.mentor.review.records()
    # Straight from the mentor: the tutor cannot know the student shared it with her
    # (listed together, she would: tests/services/test_review_receive.py).
    with pytest.raises(ReviewNotShared):
        t.tutor.review.receive(mentor_records, t.key("mentor"))
    t.student.review.receive(mentor_records, t.key("mentor"))
    t.tutor.review.receive(t.student.review.records([t.entry]), t.key("student"))
    (row,) = t.tutor.review.triad()
    assert (row.student, row.entries, row.ready, row.feedback_given) == ("Camila Pérez", 1, 1, 2)
    assert row.standards_met == ("C7",)
