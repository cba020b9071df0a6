"""The main window's actions, menus and toolbar: every command with its shortcut and its
text in one place; the window keeps the work they start."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar, QWidget

from reflectdesk.gui.batch_import import choose_many

if TYPE_CHECKING:
    from reflectdesk.gui.main_window import MainWindow


# The texts keep the window's translation context ("MainWindow"), where they were first
# translated: lupdate reads the literal context of each ``translate`` call.
class MainActions:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        w = window
        self.new_entry_action = self._action("newEntry", QKeySequence.StandardKey.New, w.new_entry)
        self.new_journal_action = self._action("newJournal", "Ctrl+Shift+N", w.new_journal)
        self.find_action = self._action("find", QKeySequence.StandardKey.Find, w.focus_search)
        self.history_action = self._action("history", "Ctrl+H", w.show_history)
        self.lock_action = self._action("lock", "Ctrl+L", w.lock_requested.emit)
        self.settings_action = self._action("settings", "Ctrl+,", w.show_settings)
        self.quit_action = self._action("quit", QKeySequence.StandardKey.Quit, w.close)
        self.preview_action = self._action("preview", "Ctrl+Shift+P", w._toggle_preview)
        self.preview_action.setCheckable(True)
        self.preview_action.setChecked(True)
        self.focus_sidebar_action = self._action("focusSidebar", "Ctrl+1", w.sidebar.setFocus)
        self.focus_list_action = self._action("focusList", "Ctrl+2", w.focus_list)
        self.focus_editor_action = self._action("focusEditor", "Ctrl+3", w.focus_editor)
        self.about_action = self._action("about", None, w.show_about)
        self.share_action = self._action("shareEntries", "Ctrl+Shift+E", w.share_entries)
        # One action for the File menu and the entry list's context menu: both work on
        # the chosen own entries, and it is disabled when there are none.
        self.withdraw_action = self._action("withdrawConsent", None, w.withdraw_consent)
        self.open_bundle_action = self._action(
            "openBundle", QKeySequence.StandardKey.Open, w.choose_bundle
        )
        # Issue 14: many bundles, or a folder of them, at once.
        self.import_many_action = self._action(
            "importManyBundles", None, lambda: choose_many(w, folder=False)
        )
        self.import_folder_action = self._action(
            "importBundleFolder", None, lambda: choose_many(w, folder=True)
        )
        self.contacts_action = self._action(
            "contacts", "Ctrl+Shift+K", lambda: w.sidebar.select("sharing", "contacts")
        )
        self.sync_action = self._action("syncPage", None, w.show_sync_page)
        self.share_selected_action = QAction(w)
        self.share_selected_action.setObjectName("shareSelected")
        self.share_selected_action.triggered.connect(w.share_selected)

        self.file_menu = w.menuBar().addMenu("")
        self.file_menu.addActions([self.new_entry_action, self.new_journal_action])
        self.file_menu.addSeparator()
        self.file_menu.addActions(
            [
                self.share_action,
                self.withdraw_action,
                self.open_bundle_action,
                self.import_many_action,
                self.import_folder_action,
                self.contacts_action,
                self.sync_action,
            ]
        )
        self.file_menu.aboutToShow.connect(w._update_withdraw_action)
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.lock_action, self.quit_action])
        self.edit_menu = w.menuBar().addMenu("")
        self.edit_menu.addActions([self.find_action, self.history_action])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.settings_action)
        self.view_menu = w.menuBar().addMenu("")
        self.view_menu.addActions(
            [
                self.preview_action,
                self.focus_sidebar_action,
                self.focus_list_action,
                self.focus_editor_action,
            ]
        )
        self.help_menu = w.menuBar().addMenu("")
        self.help_menu.addAction(self.about_action)

        self.toolbar = QToolBar()
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addActions([self.new_entry_action, self.history_action])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.settings_action, self.lock_action])
        w.addToolBar(self.toolbar)

    def _action(
        self,
        name: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        slot: Any,
    ) -> QAction:
        action = QAction(self.window)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def retranslate(self) -> None:
        self.file_menu.setTitle(QCoreApplication.translate("MainWindow", "&File"))
        self.edit_menu.setTitle(QCoreApplication.translate("MainWindow", "&Edit"))
        self.view_menu.setTitle(QCoreApplication.translate("MainWindow", "&View"))
        self.help_menu.setTitle(QCoreApplication.translate("MainWindow", "&Help"))
        texts = {
            self.new_entry_action: QCoreApplication.translate("MainWindow", "&New entry…"),
            self.new_journal_action: QCoreApplication.translate("MainWindow", "New &journal…"),
            self.find_action: QCoreApplication.translate("MainWindow", "&Find"),
            self.history_action: QCoreApplication.translate("MainWindow", "&History…"),
            self.lock_action: QCoreApplication.translate("MainWindow", "&Lock"),
            self.settings_action: QCoreApplication.translate("MainWindow", "&Settings…"),
            self.quit_action: QCoreApplication.translate("MainWindow", "&Quit"),
            self.preview_action: QCoreApplication.translate("MainWindow", "Show &preview"),
            self.focus_sidebar_action: QCoreApplication.translate("MainWindow", "Go to &sidebar"),
            self.focus_list_action: QCoreApplication.translate("MainWindow", "Go to entry &list"),
            self.focus_editor_action: QCoreApplication.translate("MainWindow", "Go to &editor"),
            self.about_action: QCoreApplication.translate("MainWindow", "&About ReflectDesk"),
            self.share_action: QCoreApplication.translate("MainWindow", "&Share entries…"),
            self.open_bundle_action: QCoreApplication.translate("MainWindow", "&Open bundle…"),
            self.import_many_action: QCoreApplication.translate(
                "MainWindow", "Import &many bundles…"
            ),
            self.import_folder_action: QCoreApplication.translate(
                "MainWindow", "Import a fol&der of bundles…"
            ),
            self.contacts_action: QCoreApplication.translate("MainWindow", "&Contacts"),
            self.share_selected_action: QCoreApplication.translate(
                "MainWindow", "&Share the selected entries…"
            ),
            self.withdraw_action: QCoreApplication.translate(
                "MainWindow", "&Withdraw research consent…"
            ),
            self.sync_action: QCoreApplication.translate(
                "MainWindow", "S&ync and exchange points…"
            ),
        }
        for action, text in texts.items():
            action.setText(text)
            plain = text.replace("&", "").rstrip("…")
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{plain} ({shortcut})" if shortcut else plain)
        for button in self.toolbar.findChildren(QWidget):
            default = getattr(button, "defaultAction", lambda: None)()
            if isinstance(default, QAction):
                button.setAccessibleName(default.text().replace("&", "").rstrip("…"))
        self.toolbar.setWindowTitle(QCoreApplication.translate("MainWindow", "Main toolbar"))
