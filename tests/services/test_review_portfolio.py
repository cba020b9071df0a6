"""The portfolio export (services/review_portfolio.py): an entry with its comments as
footnotes and its standing sign-offs, written owner-only; bad requests write nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from reflectdesk.errors import InvalidValue
from tests.services.review_helpers import Triad, mentor_feedback


def test_the_portfolio_carries_the_feedback_the_student_received(triad: Triad) -> None:
    t = triad
    t.send_entries(("mentor",))
    _, sign_off_id = mentor_feedback(t)
    t.student.review.receive(t.mentor.review.records(), t.key("mentor"))
    page = t.tmp / "portafolio.html"
    assert t.student.review.export_portfolio(page, journal_id=t.journal, fmt="html") == 1
    html = page.read_text(encoding="utf-8")
    assert page.stat().st_mode & 0o777 == 0o600
    assert "¿Por qué pizzas?" in html and "Ana Mentor" in html and "<table>" in html
    notes = t.tmp / "portafolio.md"
    assert t.student.review.export_portfolio(notes, entry_ids=[t.entry], fmt="md") == 1
    assert "| logrado | Preguntas abiertas. |" in notes.read_text(encoding="utf-8")
    # A withdrawn sign-off no longer stands: its table is left out.
    t.mentor.review.withdraw_sign_off(sign_off_id)
    t.student.review.receive(t.mentor.review.records(), t.key("mentor"))
    t.student.review.export_portfolio(notes, entry_ids=[t.entry], fmt="md")
    text = notes.read_text(encoding="utf-8")
    assert "Preguntas abiertas." not in text and "¿Por qué pizzas?" in text


def test_bad_requests_write_nothing(triad: Triad, tmp_path: Path) -> None:
    dest = tmp_path / "nada.pdf"
    with pytest.raises(InvalidValue):
        triad.student.review.export_portfolio(dest, entry_ids=[triad.entry], fmt="pdf")
    with pytest.raises(InvalidValue):
        triad.student.review.export_portfolio(dest)  # no entries
    assert not dest.exists()


def test_the_document_is_made_in_memory_with_progress_and_cancel(triad: Triad) -> None:
    from reflectdesk.errors import Cancelled
    from reflectdesk.progress import CancelToken, Progress

    t = triad
    before = sorted(p.name for p in t.tmp.iterdir())
    seen: list[Progress] = []
    html, count = t.student.review.portfolio_document(
        journal_id=t.journal, lang="en", progress=seen.append
    )
    assert count == 1 and "Fracciones" in html and html.startswith("<!DOCTYPE html>")
    assert [(p.done, p.total) for p in seen] == [(0, 1), (1, 1)]
    assert sorted(p.name for p in t.tmp.iterdir()) == before  # nothing written
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        t.student.review.portfolio_document(entry_ids=[t.entry], cancel=token)
