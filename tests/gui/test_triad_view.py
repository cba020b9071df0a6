"""The tutor's triad view (issue 13, point 4): per student, her entries, those ready,
the feedback given (the mentor's, forwarded by the student) and the standards signed
off, from three real vaults; a row opens the student's received journal."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.triad_view import TriadView
from tests.gui.review_triad import feedback, feedback_to_student, gui_triad, send, settle, window
from tests.gui.test_review_queue import sidebar_review
from tests.services.review_helpers import Triad

__all__ = ["gui_triad"]


def cells(view: TriadView) -> list[list[str]]:
    return [
        [view.table.item(r, c).text() for c in range(view.table.columnCount())]  # type: ignore[union-attr]
        for r in range(view.table.rowCount())
    ]


def test_the_triad_shows_both_sides(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_triad: Triad, tmp_path: Path
) -> None:
    t = gui_triad
    w = window(qtbot, make_ctx(data_dir=tmp_path / "app-tutor"), t.tutor)
    assert sidebar_review(w) == {
        "queue": "Waiting for feedback (2)",
        "triad": "Triad overview",
        "dashboard": "Cohort dashboard",
    }
    w.sidebar.select("review", "triad")
    view = w.review.pages["triad"]
    assert isinstance(view, TriadView) and w.main_stack.currentWidget() is view
    qtbot.waitUntil(lambda: bool(view.rows), timeout=10_000)
    assert cells(view) == [["Camila Pérez", "2", "2", "0", "—"]]
    assert view.table.item(0, 4).toolTip() == "No standard signed off yet."  # type: ignore[union-attr]

    # The mentor's feedback reaches the tutor through the student (her next bundle).
    feedback(t)
    feedback_to_student(t)
    send(t, ("tutor",))
    view.refresh()
    qtbot.waitUntil(lambda: view.rows[0].feedback_given == 2, timeout=10_000)
    assert cells(view) == [["Camila Pérez", "2", "2", "2", "C7"]]
    assert view.table.item(0, 4).toolTip() == "C7 Teaching strategies for deep learning"  # type: ignore[union-attr]
    # The student's reply is hers: not counted as feedback given.
    comment = t.student.review.state(t.entry).threads[0].id
    t.student.review.reply(comment, "Las conocen de antes.")
    send(t, ("tutor",))
    view.refresh()
    qtbot.wait(300)
    settle(qtbot, w)
    assert cells(view)[0][3] == "2"

    # A row opens her received journal in the entry list.
    view.table.setCurrentCell(0, 0)
    assert view.open_button.isEnabled()
    view.open_button.click()
    (journal,) = [j for j in t.tutor.journals.list() if j.author_contact_id]
    assert w.main_stack.currentWidget() is w.work
    assert w.search.filters().journal_id == journal.id
    settle(qtbot, w)
    assert w.model.rowCount() == 2


def test_the_triad_in_spanish_and_empty(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], tmp_path: Path
) -> None:
    from reflectdesk.domain.model import Role
    from tests.services.bundle_helpers import new_vault

    tutor = new_vault(tmp_path / "tutor", "Tomás Tutor", Role.EDUCATOR)
    try:
        w = window(qtbot, make_ctx(language="es", data_dir=tmp_path / "app"), tutor)
        w.sidebar.select("review", "triad")
        view = w.review.pages["triad"]
        assert isinstance(view, TriadView)
        settle(qtbot, w)
        assert view.heading.text() == "Resumen de la tríada"
        assert view.table.isHidden() and "Ningún/a estudiante" in view.empty.text()
        assert not view.open_button.isEnabled()
        header = view.table.horizontalHeaderItem(3)
        assert header is not None and header.text() == "Retroalimentación dada"
    finally:
        w.ctx.runner.wait(10_000)
        tutor.close()
