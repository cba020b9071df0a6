"""The main window's actions: one shortcut each, a text in every language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from pytestqt.qtbot import QtBot

from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.main_window import MainWindow
from reflectdesk.services.vault import Vault


def test_shortcuts_are_unique_and_texts_translated(
    qtbot: QtBot, ctx: AppContext, unlocked: Vault
) -> None:
    window = MainWindow(ctx, unlocked)
    qtbot.addWidget(window)
    actions = [a for a in vars(window.menu_actions).values() if isinstance(a, QAction)]
    assert len(actions) == 20  # 17 + the sync page (issue 17) + two batch imports (issue 14)
    shortcuts = [a.shortcut().toString() for a in actions if not a.shortcut().isEmpty()]
    assert len(shortcuts) == len(set(shortcuts)) >= 12
    english = {a.objectName(): a.text() for a in actions}
    ctx.translations.set_language("es")
    QCoreApplication.processEvents()
    spanish = {a.objectName(): a.text() for a in actions}
    assert all(english[name] and spanish[name] != english[name] for name in english), spanish
    assert window.menu_actions.file_menu.title() == "&Archivo"
    lock = window.menu_actions.lock_action
    assert lock.shortcut() == QKeySequence("Ctrl+L") and lock.toolTip().startswith("Bloquear (")
    window.prepare_to_close()
