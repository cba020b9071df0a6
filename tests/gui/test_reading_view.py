"""The reading view for received work (issue 13, point 1): a document, next/previous
through one student's entries, new / updated since you last read with the changes
highlighted and the full diff one click away; received entries open in it, not in the
student's editor; "Show the received entries" opens one of them."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.history import HistoryDialog
from reflectdesk.gui.reading_document import changed_ranges, removed_at
from reflectdesk.services.review_marks import ReadState
from reflectdesk.services.vault import Vault
from tests.gui.review_setup import ACTION, make_review, mentor_window, reader_of, settle


def test_a_received_entry_reads_like_a_document(
    qtbot: QtBot, two: tuple[AppContext, Vault, AppContext, Vault], tmp_path: Path
) -> None:
    r = make_review(two, tmp_path)
    window = mentor_window(qtbot, r)
    reader = reader_of(window, r)
    # Not the student's editor: the editor is empty, the list gives the width away.
    assert window.editor.entry_id is None and not window.list_pane.isVisible()
    text = reader.text.toPlainText()
    assert text.startswith("Fracciones con material concreto")
    assert "From Camila Pérez" in text and "2 Apr 2026" in text and "version 1" in text
    # Prompts as headings with the answers, standards with their titles.
    assert "What did I do?" in text or "Action" in text
    assert ACTION in text
    assert "C7 — " in text and "A1 — " in text
    assert [s.key for s in reader.sections] == ["action", "teacher-do"]
    # A comfortable line: the column is capped, centred, the margin beside it.
    assert reader.column.width() <= reader.column.maximumWidth() < 900
    assert reader.margin.isVisible()
    assert reader.margin.x() > reader.column.x() + reader.column.width() - 1
    # New, then read once the mark is written (on the writer queue).
    assert reader.read_state is ReadState.NEW and reader.read_banner.isVisible()
    settle(qtbot, reader)
    assert r.mentor.review.read_state(reader.entry_id or "", 1) is ReadState.READ
    # The review of her other entries is read ahead on a worker after the paint.
    second = r.at_mentor(r.second)
    qtbot.waitUntil(lambda: (second, "en") in reader._cache, timeout=5000)
    # One student's entries in order, next / previous.
    assert reader.position.text() in (
        "Entry 1 of 2 from Camila Pérez",  # the window opened the second one first
        "Entry 1 of 2 from Camila Pérez · not read yet: 1, updated since: 0",
    )
    assert not reader.prev_button.isEnabled() and reader.next_button.isEnabled()
    reader.next_button.click()
    assert reader.entry_id == r.at_mentor(r.second)
    assert reader.position.text() == "Entry 2 of 2 from Camila Pérez"  # both read now
    assert window.list.currentIndex().row() == window.model.row_of(reader.entry_id)
    reader.prev_button.click()
    assert reader.entry_id == r.at_mentor()
    # One document at a time: the previous entries' texts are not kept around.
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QApplication

    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    before = len(reader.text.findChildren(QTextDocument))
    for _ in range(3):
        reader.next_button.click()
        reader.prev_button.click()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert len(reader.text.findChildren(QTextDocument)) == before
    # The list comes back on request; an own entry goes back to the editor with it.
    reader.list_button.click()
    assert window.list_pane.isVisible()
    settle(qtbot, reader)
    window.prepare_to_close()
    # Locking or closing leaves nothing of it on screen.
    assert reader.text.toPlainText() == "" and not reader.margin.cards
    assert not reader.signoff.boxes and not reader.signoff.form.isVisible()


def test_updated_since_last_read_shows_what_changed(
    qtbot: QtBot, two: tuple[AppContext, Vault, AppContext, Vault], tmp_path: Path
) -> None:
    r = make_review(two, tmp_path)
    window = mentor_window(qtbot, r)
    reader = reader_of(window, r)
    settle(qtbot, reader)
    r.edit(ACTION.replace("pizzas de cartón", "pizzas y tortas de cartón"))
    r.send()  # the window hears the change and shows the new version
    qtbot.waitUntil(lambda: reader.entry is not None and reader.entry.head.seq == 2)
    assert reader.read_state is ReadState.UPDATED
    assert "version 1, now 2" in reader.read_banner.text()
    assert reader.unread_others() == (0, 0)  # the window opened her other one first
    assert reader.changes_button.isVisible()
    changed = [reader.text.toPlainText()[a:b] for a, b in reader.changes]
    # Positions are UTF-16 like the document's: the emoji before does not shift them.
    cursor_text = reader.text.document().toPlainText()
    assert cursor_text == reader.text.toPlainText()
    assert any("tortas" in c for c in changed), changed
    # The full diff one click away, from the version last read.
    reader.changes_button.click()
    dialog = reader.history
    assert isinstance(dialog, HistoryDialog) and dialog.isVisible()
    compared = dialog.compared_revision()
    assert compared is not None and compared.seq == 1
    assert "tortas" in dialog.diff.toPlainText()
    assert not dialog.restore_button.isVisible()
    dialog.reject()
    settle(qtbot, reader)
    # Reading her other entry when this one changes again: the bar counts it.
    reader.go(1 if reader.siblings.index(reader.entry_id or "") == 0 else -1)
    settle(qtbot, reader)
    r.edit(ACTION + " Otra vez.")
    r.send()
    # (the read marks answer from the vault at once; the bar once the window heard it)
    qtbot.waitUntil(lambda: reader.position.text().endswith("not read yet: 0, updated since: 1"))
    assert reader.unread_others() == (0, 1)
    settle(qtbot, reader)
    window.prepare_to_close()


def test_show_received_opens_a_received_entry_not_the_one_before(
    qtbot: QtBot, two: tuple[AppContext, Vault, AppContext, Vault], tmp_path: Path
) -> None:
    r = make_review(two, tmp_path)
    window = mentor_window(qtbot, r)
    own = r.mentor.entries.add(
        r.mentor.journals.create("Mías").id,
        __import__("reflectdesk.domain.model", fromlist=["EntryContent"]).EntryContent(
            title="Notas propias", sections={"body": "x"}, template_id="free"
        ),
    )
    window.model.reload()
    window.open_entry(own.id)
    assert window.editor.entry_id == own.id
    reader = window.reading_view()
    assert reader.entry is None and not reader._cache
    journal = next(iter(window.received))
    # Her entries listed, none open: their review is read ahead before any click.
    reader.read_ahead_journal(journal)
    qtbot.waitUntil(
        lambda: {(r.at_mentor(), "en"), (r.at_mentor(r.second), "en")} <= set(reader._cache),
        timeout=5000,
    )
    window._show_received(journal)
    qtbot.waitUntil(lambda: window.current_entry_id() is not None)
    assert window.editor.entry_id is None
    assert window.current_entry_id() in {r.at_mentor(), r.at_mentor(r.second)}
    assert window.editor_stack.currentWidget() is window.reader
    settle(qtbot, window.reader)
    window.prepare_to_close()


def test_changed_ranges_marks_words_inserted_or_replaced() -> None:
    old = "Hoy 😀 probé fracciones."
    new = "Hoy 😀 probé muchas fracciones nuevas."
    ranges = [new[a:b] for a, b in changed_ranges(old, new)]
    assert ranges == ["muchas", "nuevas"]
    assert changed_ranges(old, old) == []
    # Deleted words: the character where they were is marked (the diff has them).
    cut = "Hoy 😀 probé."
    (at,) = removed_at(old, cut)
    assert cut[at] == "."
    assert removed_at(old, old) == [] and changed_ranges(old, cut) == []


def test_the_reading_screen_is_named_unclipped_with_unique_mnemonics(
    qtbot: QtBot, two: tuple[AppContext, Vault, AppContext, Vault], tmp_path: Path
) -> None:
    from reflectdesk.gui.i18n import PseudoTranslator
    from tests.gui.helpers import clipped_texts
    from tests.gui.sharing import check_screen

    r = make_review(two, tmp_path)
    window = mentor_window(qtbot, r)
    reader = reader_of(window, r)
    settle(qtbot, reader)
    for lang in ("en", "es"):
        r.mctx.translations.set_language(lang)
        settle(qtbot, reader)
        assert check_screen(window) == [], lang
    # Strings 40% longer than English (the pseudo-locale): nothing clipped either.
    r.mctx.translations.install_extra(PseudoTranslator())
    settle(qtbot, reader)
    assert reader.comment_button.text().startswith("[")
    assert clipped_texts(window) == []
    r.mctx.translations.set_language("en")
    settle(qtbot, reader)
    window.prepare_to_close()


def test_images_inline_and_other_attachments_listed(
    qtbot: QtBot, two: tuple[AppContext, Vault, AppContext, Vault], tmp_path: Path
) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QColor, QImage, QTextDocument

    from tests.gui.review_setup import Review

    _sctx, student, _mctx, _mentor = two
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366cc"))
    png = tmp_path / "pizarra.png"
    assert image.save(str(png))
    notes = tmp_path / "pauta.txt"
    notes.write_text("pauta de observación", encoding="utf-8")

    r: Review = make_review(two, tmp_path)
    for path in (png, notes):
        student.entries.attach(r.entry, path)
    r.send()
    window = mentor_window(qtbot, r)
    reader = reader_of(window, r)
    text = reader.text.toPlainText()
    assert "Attachments" in text and "pizarra.png" in text and "pauta.txt" in text
    settle(qtbot, reader)  # the image is read on a worker, then shown in the text
    (png_att,) = [a for a in reader.entry.attachments if a.filename == "pizarra.png"]  # type: ignore[union-attr]
    shown = reader.text.document().resource(
        QTextDocument.ResourceType.ImageResource, QUrl(f"att:{png_att.id}")
    )
    assert isinstance(shown, QImage) and shown.width() == 40
    window.prepare_to_close()


def test_the_keyboard_reads_on_when_the_list_gives_way(
    qtbot: QtBot, two: tuple[AppContext, Vault, AppContext, Vault], tmp_path: Path
) -> None:
    r = make_review(two, tmp_path)
    window = mentor_window(qtbot, r)
    # The window opens on the first entry with the list in view.
    reader = window.reader
    assert reader is not None and reader.entry_id is not None
    assert window.list_pane.isVisible()
    window.raise_()
    window.activateWindow()
    qtbot.waitActive(window)
    window.list.setFocus()
    qtbot.waitUntil(lambda: window.list.hasFocus())
    other = next(i for i in (r.at_mentor(), r.at_mentor(r.second)) if i != reader.entry_id)
    window.list.setCurrentIndex(window.model.index(window.model.row_of(other), 0))
    assert reader.entry_id == other
    assert not window.list_pane.isVisible() and reader.text.hasFocus()
    window.focus_editor()  # Ctrl+3
    assert reader.text.hasFocus()
    settle(qtbot, reader)
    window.prepare_to_close()


def test_show_received_twice_still_opens_a_received_entry(
    qtbot: QtBot, two: tuple[AppContext, Vault, AppContext, Vault], tmp_path: Path
) -> None:
    r = make_review(two, tmp_path)
    window = mentor_window(qtbot, r)
    journal = next(iter(window.received))
    window._show_received(journal)
    qtbot.waitUntil(lambda: window.current_entry_id() is not None)
    window._show_received(journal)  # the list already shows that journal: no reload
    qtbot.waitUntil(lambda: window.current_entry_id() is not None)
    assert window.editor_stack.currentWidget() is window.reader
    assert not window._open_first_on_load
    settle(qtbot, window.reader)
    window.prepare_to_close()
