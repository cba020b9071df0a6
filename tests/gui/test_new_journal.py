"""New journal (Ctrl+Shift+N, issue 16.8): a dialog with a name, the course or practicum
and the template for new entries; a bad name is said, not silently dropped; the new
journal is selected afterwards and its template is the one a new entry starts on."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from reflectdesk.domain.model import Space
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.main_window import MainWindow
from reflectdesk.gui.new_journal import NewJournalDialog
from reflectdesk.gui.sidebar import KIND_ROLE, VALUE_ROLE
from reflectdesk.gui.template_chooser import TemplateChooser
from tests.gui.conftest import add_samples, create_vault

WORDS = {
    "es": ("Ponle un nombre", "Ya tienes un diario con este nombre", "demasiado largo"),
    "en": ("Give the journal a name", "You already have a journal with this name", "too long"),
}


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_new_journal_has_a_course_and_a_template_and_is_selected(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], lang: str
) -> None:
    ctx = make_ctx(lang)
    vault, _key = create_vault(ctx)
    add_samples(vault)  # "Práctica profesional"
    window = MainWindow(ctx, vault)
    qtbot.addWidget(window)
    window.show()
    assert window.menu_actions.new_journal_action.shortcut().toString() == "Ctrl+Shift+N"
    window.menu_actions.new_journal_action.trigger()
    dialog = window.dialogs["journal"]
    assert isinstance(dialog, NewJournalDialog)
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.name
    create = dialog.buttons.findChild(QPushButton, "createJournal")
    assert create is not None and create.isEnabled()  # never disabled without a word
    empty, taken, long_ = WORDS[lang]

    def refused(name: str, said: str) -> None:
        dialog.name.setText(name)
        qtbot.mouseClick(create, Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and not dialog.error.isHidden()
        assert said in dialog.error.text()
        assert dialog.name.accessibleDescription() == dialog.error.text()
        assert ctx.runner.wait(10_000)
        assert len(vault.journals.list(Space.OWN)) == 1  # nothing made

    refused("   ", empty)
    refused("practica PROFESIONAL", taken)  # case and accents do not make it another
    refused("x" * 301, long_)
    dialog.name.setText("Práctica profesional II")
    assert dialog.error.isHidden()  # the message follows the typing
    dialog.course.setText("Práctica II, 2.º semestre 2026")
    assert dialog.template.itemData(0) == ""  # "none: choose each time" comes first
    dialog.template.setCurrentIndex(dialog.template.findData("gibbs"))
    qtbot.mouseClick(create, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert ctx.runner.wait(30_000)
    (made,) = [j for j in vault.journals.list(Space.OWN) if j.title == "Práctica profesional II"]
    assert made.description == "Práctica II, 2.º semestre 2026"
    assert made.default_template == "gibbs"
    # Selected in the sidebar, and the list shows it (empty).
    qtbot.waitUntil(lambda: window.sidebar.currentIndex().data(VALUE_ROLE) == made.id)
    assert window.sidebar.currentIndex().data(KIND_ROLE) == "journal"
    tooltip = window.sidebar.currentIndex().data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "Práctica profesional II\nPráctica II, 2.º semestre 2026"  # on hover
    assert window.current_journal_id() == made.id
    assert window.model.total() == 0
    # It stays selected when the change from the vault comes round (the debounce).
    qtbot.wait(400)
    assert window.sidebar.currentIndex().data(VALUE_ROLE) == made.id
    # Ctrl+N in it offers its template first.
    window.new_entry()
    chooser = window.dialogs["templates"]
    assert isinstance(chooser, TemplateChooser) and chooser.selected_id() == "gibbs"
    chooser.reject()
    # Back in the first journal (no template of its own): the one used last.
    first = vault.journals.list(Space.OWN)[0]
    window.sidebar.select("journal", first.id)
    assert window.template_to_offer() == window._last_template
    window.prepare_to_close()
    ctx.runner.wait(30_000)
    vault.close()


def test_the_dialog_fits_a_small_screen_in_both_languages(
    qtbot: QtBot, make_ctx: Callable[..., AppContext]
) -> None:
    for lang in ("es", "en"):
        ctx = make_ctx(lang)
        dialog = NewJournalDialog([], [])
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.name.setText("")
        dialog.try_accept()  # the longest state: the message shown
        dialog.adjustSize()
        assert dialog.width() <= 1024 and dialog.height() <= 600
        for label in dialog.labels.values():
            assert label.width() >= label.minimumSizeHint().width()
        dialog.close()
        del ctx
