"""The review status both sides see (issue 13, point 4): the mentor's queue page, the
student's ready toggle, badges and feedback count, the send-feedback action and the
import preview counting comments and sign-offs. Real vaults, real bundles, real widgets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.entry_model import COL_REVIEW
from reflectdesk.gui.import_dialog import ImportDialog
from reflectdesk.gui.review_queue import ENTRY_ROLE, ReviewQueuePage
from reflectdesk.gui.sidebar import KIND_ROLE, VALUE_ROLE
from reflectdesk.review.records import Status, Verdict
from tests.gui.review_triad import feedback, gui_triad, settle, window
from tests.services.review_helpers import Triad

__all__ = ["gui_triad"]


def sidebar_review(w: object) -> dict[str, str]:
    """The sidebar's Review items: key -> text."""
    model = w.sidebar.model_  # type: ignore[attr-defined]
    out = {}
    stack = [model.index(r, 0) for r in range(model.rowCount())]
    while stack:
        index = stack.pop()
        if index.data(KIND_ROLE) == "review":
            out[str(index.data(VALUE_ROLE))] = str(index.data())
        stack += [model.index(r, 0, index) for r in range(model.rowCount(index))]
    return out


def queue_rows(page: ReviewQueuePage) -> list[tuple[str, str]]:
    rows = []
    for i in range(page.tree.topLevelItemCount()):
        top = page.tree.topLevelItem(i)
        assert top is not None
        rows.append((top.text(0), top.text(1)))
        for c in range(top.childCount()):
            child = top.child(c)
            assert child is not None
            rows.append(("  " + child.text(0), child.text(1)))
    return rows


def test_the_mentor_queue_opens_entries_and_empties_as_she_answers(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_triad: Triad, tmp_path: Path
) -> None:
    t = gui_triad
    w = window(qtbot, make_ctx(data_dir=tmp_path / "app-mentor"), t.mentor)
    assert sidebar_review(w) == {
        "queue": "Waiting for feedback (2)",
        "triad": "Triad overview",
        "dashboard": "Cohort dashboard",
    }
    file_menu = w.menu_actions.file_menu.actions()
    assert w.review.send_action in file_menu and w.review.send_action.isVisible()
    assert w.review.portfolio_action in file_menu
    w.sidebar.select("review", "queue")
    page = w.review.pages["queue"]
    assert isinstance(page, ReviewQueuePage) and w.main_stack.currentWidget() is page
    qtbot.waitUntil(lambda: bool(page.items), timeout=10_000)
    assert queue_rows(page) == [
        ("Camila Pérez", "2 entries waiting"),
        ("  Evaluación", "Waits for feedback and sign-off"),
        ("  Fracciones", "Waits for feedback and sign-off"),
    ]
    # Activating an entry opens it (list and editor), back on the entries.
    top = page.tree.topLevelItem(0)
    assert top is not None
    fracciones = top.child(1)
    assert fracciones is not None
    page.tree.setCurrentItem(fracciones)
    assert page.open_button.isEnabled()
    page.open_button.click()
    here = t.at("mentor")
    assert fracciones.data(0, ENTRY_ROLE) == here
    # A received entry opens in the reading view (issue 13.1), back on the entries.
    assert w.main_stack.currentWidget() is w.work
    qtbot.waitUntil(lambda: w.reading_view().entry_id == here, timeout=5000)
    # The mentor's received entries show their status in the Review column.
    assert not w.list.isColumnHidden(COL_REVIEW)
    assert w.model.badge(here) == "Ready"

    feedback(t)  # a comment, a reply, a sign-off on "Fracciones"
    w.review.refresh()
    w.review.show_page("queue")
    assert w.main_stack.currentWidget() is page
    settle(qtbot, w)
    assert [r[0] for r in queue_rows(page)] == ["Camila Pérez", "  Evaluación"]
    assert sidebar_review(w)["queue"] == "Waiting for feedback (1)"
    assert w.model.badge(here) == "Signed off"

    # Send feedback from the queue: the bundle for the chosen student.
    folder = tmp_path / "usb"
    folder.mkdir()
    page.tree.setCurrentItem(page.tree.topLevelItem(0))
    assert page.selected_contact() == t.ids["student@mentor"]
    page.send_button.click()
    qtbot.waitUntil(lambda: "feedback" in w.dialogs, timeout=10_000)
    dialog = w.dialogs["feedback"]
    assert dialog.objectName() == "feedbackWizard"  # the export wizard's feedback mode
    wizard: Any = dialog
    assert wizard.recipients_page.model.checked_ids() == [t.ids["student@mentor"]]
    wizard.ask_folder = lambda: str(folder)
    wizard.next()
    radio = getattr(wizard.save_page, "folder_radio", None)
    if radio is not None:
        radio.setChecked(True)
    wizard.save_page.choose.click()
    wizard.save_page.create_button.click()
    qtbot.waitUntil(lambda: wizard.result_ is not None, timeout=10_000)
    path = wizard.result_.path
    wizard.accept()

    # The student's side: the import preview counts what arrives.
    sw = window(qtbot, make_ctx(data_dir=tmp_path / "app-student"), t.student)
    preview = ImportDialog(sw.ctx, t.student, path, sw)
    qtbot.addWidget(preview)
    preview.open()
    preview.start()
    qtbot.waitUntil(lambda: preview.preview is not None, timeout=10_000)
    counts = preview.counts.text()
    assert "1 comment\n" in counts and "1 sign-off\n" in counts, counts
    assert "new entries" not in counts  # a feedback bundle carries no entry
    preview.import_button.click()
    qtbot.waitUntil(lambda: preview.result_ is not None, timeout=10_000)
    assert "3 comments, replies or sign-offs" in preview.done_text.text()
    assert "beside their text" in preview.done_text.text()
    preview.accept()
    settle(qtbot, sw)
    assert sidebar_review(sw) == {"feedback": "Feedback (2)"}
    assert sw.model.badge(t.entry) == "Signed off · 2 new"
    assert sw.model.badge(t.ids["second"]) == "Ready"
    tip = sw.model.data(sw.model.index(sw.model.row_of(t.entry), COL_REVIEW), 3)
    assert "2 comments and replies from others." in tip
    # Her feedback page lists the entry; a click opens it.
    sw.sidebar.select("review", "feedback")
    mine = sw.review.pages["feedback"]
    assert isinstance(mine, ReviewQueuePage)
    qtbot.waitUntil(lambda: mine.tree.topLevelItemCount() == 2, timeout=10_000)
    texts = {mine.tree.topLevelItem(i).text(0): mine.tree.topLevelItem(i).text(1)  # type: ignore[union-attr]
             for i in range(2)}  # fmt: skip
    assert texts["Fracciones"] == "Signed off · 2 new"
    mine.tree.setCurrentItem(mine.tree.topLevelItem(0))
    mine.open_button.click()
    assert sw.editor.entry_id in (t.entry, t.ids["second"])


def test_the_student_marks_her_entry_ready_and_back(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_triad: Triad, tmp_path: Path
) -> None:
    t = gui_triad
    t.student.review.submit(t.entry, ready=False)
    sw = window(qtbot, make_ctx(data_dir=tmp_path / "app"), t.student)
    assert sw.model.badge(t.entry) == ""  # back to draft: no badge
    assert not sw.review.send_action.isVisible()  # a student sends no feedback bundle
    assert sw.review.ready_action in sw.menu_actions.edit_menu.actions()
    sw.sidebar.select("all", "")
    sw.open_entry(t.entry)
    sw.select_entry(t.entry)
    # The entry list's context menu has the toggle, enabled on her own entry.
    sw._list_menu(sw.list.visualRect(sw.model.index(sw.model.row_of(t.entry), 1)).center())
    menu = sw.dialogs["entry-menu"]
    assert sw.review.ready_action in menu.actions() and sw.review.ready_action.isEnabled()
    assert sw.review.portfolio_action in menu.actions()
    menu.close()
    assert not sw.review.ready_action.isChecked()
    sw.review.ready_action.trigger()
    settle(qtbot, sw)
    assert t.student.review.state(t.entry).status is Status.READY
    assert sw.model.badge(t.entry) == "Ready"
    assert sw.review.ready_action.isChecked()
    assert "ready for feedback" in sw.statusBar().currentMessage()
    sw.review.ready_action.trigger()
    settle(qtbot, sw)
    assert t.student.review.state(t.entry).status is Status.DRAFT
    assert sw.model.badge(t.entry) == ""


def test_the_queue_in_spanish_and_its_empty_state(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_triad: Triad, tmp_path: Path
) -> None:
    t = gui_triad
    m = t.mentor
    second = m.imports.received_entry_id(t.ids["student@mentor"], t.ids["second"])
    m.review.add_comment(t.at("mentor"), "description", "Bien.", quote="pizzas")
    m.review.add_comment(second, "body", "Bien.", quote="prueba")
    w = window(qtbot, make_ctx(language="es", data_dir=tmp_path / "app"), m)
    assert sidebar_review(w) == {
        "queue": "Esperando retroalimentación (2)",
        "triad": "Resumen de la tríada",
        "dashboard": "Panel de la cohorte",
    }
    w.sidebar.select("review", "queue")
    page = w.review.pages["queue"]
    assert isinstance(page, ReviewQueuePage)
    qtbot.waitUntil(lambda: bool(page.items), timeout=10_000)
    assert page.heading.text() == "Esperando tu retroalimentación"
    assert {r[1] for r in queue_rows(page)[1:]} == {"Espera aprobación"}
    for entry in (t.at("mentor"), second):
        m.review.sign_off(entry, {"C7": (Verdict.MET, "")})
    page.refresh()
    qtbot.waitUntil(lambda: not page.items, timeout=10_000)
    assert page.tree.isHidden() and page.empty.text() == "Nada espera tu retroalimentación."


def test_the_review_screens_fit_long_strings_and_name_every_control(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_triad: Triad, tmp_path: Path
) -> None:
    """The pseudo-locale (every string 40% longer): nothing clipped on the queue, the
    triad view, the feedback page and the export dialog, at 1024×600; every control named."""
    from reflectdesk.gui.i18n import PseudoTranslator
    from reflectdesk.gui.portfolio_dialog import PortfolioDialog
    from tests.gui.helpers import clipped_texts, unnamed_controls

    t = gui_triad
    problems: dict[str, list[str]] = {}
    for who, keys in (("mentor", ("queue", "triad")), ("student", ("feedback",))):
        ctx = make_ctx(data_dir=tmp_path / f"app-{who}")
        ctx.translations.install_extra(PseudoTranslator())
        w = window(qtbot, ctx, getattr(t, who))
        w.resize(1024, 600)
        for key in keys:
            w.review.show_page(key)
            settle(qtbot, w)
            page = w.review.pages[key]
            problems[key] = clipped_texts(page) + unnamed_controls(page)
        if who == "student":
            dialog = PortfolioDialog(ctx, t.student, t.entry, (t.journal, "Práctica II"), w)
            qtbot.addWidget(dialog)
            dialog.show()
            qtbot.wait(50)
            problems["portfolio"] = clipped_texts(dialog) + unnamed_controls(dialog)
    assert problems == {"queue": [], "triad": [], "feedback": [], "portfolio": []}
