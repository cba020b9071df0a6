"""Comments beside the text (issue 13, point 2): a range selected with a QTextCursor
(after an emoji: Qt's UTF-16 positions become the core's code points), commented through
the context menu's action, replied to, resolved; the card sits beside its quote;
re-anchored after a new version, "on an earlier version" when its quote is gone; and the
student sees the same threads beside her own entry after the feedback bundle, and
replies there."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.main_window import MainWindow
from reflectdesk.gui.review_margin import ThreadCard
from reflectdesk.services.vault import Vault
from tests.gui.review_setup import (
    ACTION,
    answer,
    make_review,
    mentor_window,
    reader_of,
    select,
    settle,
)


def test_comment_reply_resolve_and_reanchor(
    qtbot: QtBot, two: tuple[AppContext, Vault, AppContext, Vault], tmp_path: Path
) -> None:
    r = make_review(two, tmp_path)
    window = mentor_window(qtbot, r)
    reader = reader_of(window, r)
    settle(qtbot, reader)
    assert not reader.comment_button.isEnabled()  # nothing selected
    select(reader, "action", "regletas")
    passage = reader.selected_passage()
    assert passage is not None and passage.quote == "regletas"
    # Code points, not UTF-16 units: the emoji before counts one.
    assert (passage.start, passage.end) == (ACTION.index("regletas"), ACTION.index("regletas") + 8)
    assert reader.comment_button.isEnabled() and reader.comment_action.isEnabled()
    assert reader.comment_action in reader.actions()  # also in the context menu
    window.activateWindow()
    reader.text.setFocus()
    qtbot.keyClick(
        reader.text,
        Qt.Key.Key_M,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier,
    )
    assert reader.dialog.isVisible()  # Ctrl+Alt+M opened the comment box
    answer(qtbot, reader, "¿Por qué regletas 🧮?")
    (thread,) = r.mentor.review.state(reader.entry_id or "").threads
    assert (thread.section, thread.quote, thread.start) == ("action", "regletas", passage.start)
    card = reader.margin.card(thread.id)
    assert isinstance(card, ThreadCard) and card.isVisible()
    assert card.body.text() == "¿Por qué regletas 🧮?"
    # The card is beside its quote: at the quote's height in the page.
    quote_at = reader.thread_range(thread.id)
    assert quote_at is not None
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(reader.text.document())
    cursor.setPosition(quote_at[0])
    quote_y = reader.text.mapTo(reader.page, QPoint(0, reader.text.cursorRect(cursor).top())).y()
    card_y = reader.margin.mapTo(reader.page, QPoint(0, card.y())).y()
    assert abs(card_y - quote_y) <= 4
    # A second comment, in another section, by selection only (the button).
    select(reader, "teacher-do", "escuché")
    reader.comment_button.click()
    answer(qtbot, reader, "Bien: escuchar.")
    assert len(reader.margin.cards) == 2
    # Reply and resolve from the card.
    card = reader.margin.card(thread.id)
    card.reply_button.click()
    answer(qtbot, reader, "Y los colores, ¿ayudan?")
    card = reader.margin.card(thread.id)
    assert [label.text() for label in card.replies] == ["↳ Rosa Díaz: Y los colores, ¿ayudan?"]
    card.resolve_button.click()
    settle(qtbot, reader)
    card = reader.margin.card(thread.id)
    assert card.view.resolved and card.resolve_button.text() == "Reopen"
    # Clicking a card selects its quote.
    reader.select_thread(thread.id)
    assert reader.text.textCursor().selectedText() == "regletas"

    # A new version moves the text: the comment follows its quote.
    r.edit("Primero: " + ACTION)
    r.send()
    qtbot.waitUntil(lambda: reader.entry is not None and reader.entry.head.seq == 2)
    settle(qtbot, reader)
    (moved,) = [t for t in reader.state.threads if t.id == thread.id]  # type: ignore[union-attr]
    assert moved.start == ("Primero: " + ACTION).index("regletas")
    reader.select_thread(thread.id)
    assert reader.text.textCursor().selectedText() == "regletas"
    # The quote gone: "on an earlier version", with its quote, never lost.
    r.edit("Hoy probé fracciones con pizzas de cartón.")
    r.send()
    qtbot.waitUntil(lambda: reader.entry is not None and reader.entry.head.seq == 3)
    settle(qtbot, reader)
    card = reader.margin.card(thread.id)
    assert card.view.on_earlier_version
    assert "On an earlier version (1)" in card.where.text() and "regletas" in card.where.text()
    window.prepare_to_close()


def test_the_student_sees_the_feedback_beside_her_entry_and_replies(
    qtbot: QtBot, two: tuple[AppContext, Vault, AppContext, Vault], tmp_path: Path
) -> None:
    r = make_review(two, tmp_path)
    mw = mentor_window(qtbot, r)
    reader = reader_of(mw, r)
    settle(qtbot, reader)
    select(reader, "action", "pizzas de cartón")
    reader.comment_on_selection()
    answer(qtbot, reader, "Buen material.")
    mw.prepare_to_close()

    sw = MainWindow(r.sctx, r.student)
    qtbot.addWidget(sw)
    sw.resize(1366, 768)
    sw.show()
    sw.select_entry(r.entry)
    sw.open_entry(r.entry)
    panel = sw.editor.feedback
    settle(qtbot, panel)
    assert not panel.isVisible()  # no feedback yet
    r.feedback()  # the mentor's feedback bundle arrives
    qtbot.waitUntil(lambda: panel.isVisible(), timeout=10_000)
    (card,) = panel.margin.cards.values()
    assert card.body.text() == "Buen material." and "Rosa Díaz" in card.head.text()
    assert not panel.signoff.form.isVisible()  # her own entry: no sign-off form
    # Clicking the card selects the passage in her field (UTF-16 in Qt).
    card.activated.emit(card.view.id)
    field = sw.editor.field("action")
    assert field is not None and field.edit is not None
    assert field.edit.textCursor().selectedText() == "pizzas de cartón"
    card.reply_button.click()
    answer(qtbot, panel, "Gracias, las hice yo.")
    qtbot.waitUntil(lambda: bool(next(iter(panel.margin.cards.values())).replies))
    (card,) = panel.margin.cards.values()
    assert card.replies[0].text() == "↳ Camila Pérez: Gracias, las hice yo."
    sw.prepare_to_close()
