"""Every control on every main screen has an accessible name; keyboard-only journeys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.main_window import MainWindow
from reflectdesk.services.vault import Vault
from tests.gui.helpers import type_text, unnamed_controls
from tests.gui.screens import walk_app, walk_wizard


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_control_has_an_accessible_name(
    qtbot: QtBot, ctx: AppContext, unlocked: Vault, language: str
) -> None:
    ctx.translations.set_language(language)
    problems: dict[str, list[str]] = {}

    def check(name: str, widget: QWidget) -> None:
        missing = unnamed_controls(widget)
        if missing:
            problems[name] = missing

    walk_wizard(qtbot, ctx, check)
    walk_app(qtbot, ctx, unlocked, check)
    assert problems == {}


def activate(qtbot: QtBot, window: QWidget) -> None:
    QApplication.processEvents()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_keyboard_only_write_search_lock(qtbot: QtBot, ctx: AppContext, unlocked: Vault) -> None:
    window = MainWindow(ctx, unlocked)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    locked: list[bool] = []
    window.lock_requested.connect(lambda: locked.append(True))

    # Ctrl+N, type to filter the templates, Enter.
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    chooser = window.dialogs["templates"]
    qtbot.waitUntil(chooser.isVisible)
    type_text(qtbot, chooser.filter, "ALACT")  # type: ignore[attr-defined]
    qtbot.keyClick(chooser.filter, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not chooser.isVisible())
    assert window.editor.template is not None and window.editor.template.id == "alact"
    # Focus is on the title; Tab walks the date (one stop per part), tags, standards,
    # then the first prompt.
    assert QApplication.focusWidget() is window.editor.title
    type_text(qtbot, window.editor.title, "Con teclado")
    first = window.editor.field("action")
    assert first is not None
    visited = []
    for _ in range(8):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
        if visited[-1] is first.edit:
            break
    assert visited[-1] is first.edit, [w.objectName() for w in visited]
    assert window.editor.tags in visited and window.editor.standards_button in visited
    type_text(qtbot, first.edit, "Escrito solo con el teclado.")  # type: ignore[arg-type]
    qtbot.keyClick(first.edit, Qt.Key.Key_Tab)  # leaving the field saves
    qtbot.waitUntil(lambda: not window.editor.saver.pending, timeout=5000)
    assert any(e.title == "Con teclado" for e in unlocked.entries.list())
    activate(qtbot, window)  # offscreen Qt forgets the active window when a dialog is deleted

    # Ctrl+F, type, Down into the results, Enter opens the entry in the editor.
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search.field
    type_text(qtbot, window.search.field, "teclado")
    qtbot.waitUntil(lambda: window.results_model.rowCount() == 1, timeout=5000)
    qtbot.keyClick(window.search.field, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is window.results
    qtbot.keyClick(window.results, Qt.Key.Key_Return)
    assert window.editor.title.text() == "Con teclado"
    assert window.editor.isAncestorOf(QApplication.focusWidget())

    # Escape leaves the search; Ctrl+L locks.
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.search.field, Qt.Key.Key_Escape)
    assert window.list_stack.currentWidget() is window.list
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert locked == [True]
    window.prepare_to_close()


def test_mnemonics_reach_fields(qtbot: QtBot, ctx: AppContext, unlocked: Vault) -> None:
    window = MainWindow(ctx, unlocked)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.list.selectRow(0)
    window.list.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)  # Ta&gs
    assert QApplication.focusWidget() is window.editor.tags
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # &Title
    assert QApplication.focusWidget() is window.editor.title
    window.prepare_to_close()
