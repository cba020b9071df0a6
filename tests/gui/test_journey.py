"""The whole journey with real widgets: first run → write with ALACT → autosave → lock →
unlock → accent-free search → edit → history → change passphrase → recover."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWizard
from pytestqt.qtbot import QtBot

from reflectdesk.domain.model import HIGHLIGHT_START
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.autosave import SaveState
from reflectdesk.gui.controller import AppController
from reflectdesk.gui.main_window import MainWindow
from reflectdesk.gui.recovery_sheet import key_groups
from reflectdesk.gui.wizard import FirstRunWizard
from tests.gui.helpers import type_text

FIRST = "caballo bateria grapa correcto"
SECOND = "nube tetera lámpara bicicleta"
THIRD = "cerro velero guitarra planeta"


def run_wizard(qtbot: QtBot, controller: AppController, tmp_path: Path) -> str:
    wizard = controller.wizard
    assert isinstance(wizard, FirstRunWizard)
    qtbot.waitExposed(wizard)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    wizard.language_page.spanish.setChecked(True)
    assert controller.ctx.language == "es"
    next_button.click()
    assert wizard.currentPage() is wizard.profile_page
    assert not next_button.isEnabled()
    wizard.profile_page.role_buttons["student"].setChecked(True)
    type_text(qtbot, wizard.profile_page.name, "Camila Pérez")
    next_button.click()
    page = wizard.passphrase_page
    type_text(qtbot, page.fields.passphrase, "camila2001")
    assert not page.isComplete()  # too weak and not confirmed
    page.fields.passphrase.clear()
    type_text(qtbot, page.fields.passphrase, FIRST)
    type_text(qtbot, page.fields.confirm, FIRST)
    assert page.isComplete()
    wizard.button(QWizard.WizardButton.CommitButton).click()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=15_000)
    key = wizard.recovery_key
    assert len(key_groups(key)) == 14

    pdf = tmp_path / "recovery.pdf"
    wizard.recovery_page.sheet.ask_pdf_path = lambda: str(pdf)  # type: ignore[method-assign]
    wizard.recovery_page.sheet.pdf_button.click()
    assert pdf.read_bytes().startswith(b"%PDF")
    next_button.click()
    confirm = wizard.confirm_page
    groups = key_groups(key)
    type_text(qtbot, confirm.first, groups[confirm.asked[0]].lower())
    type_text(qtbot, confirm.second, "XXXX")
    assert not confirm.isComplete()
    confirm.second.clear()
    type_text(qtbot, confirm.second, groups[confirm.asked[1]])
    assert confirm.isComplete()
    with qtbot.waitSignal(controller.main_window_shown, timeout=5000):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    return key


def wait_saved(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(
        lambda: window.editor.saver.state == SaveState.SAVED and not window.editor.saver.pending,
        timeout=5000,
    )


def lock(qtbot: QtBot, controller: AppController) -> None:
    window = controller.main_window
    assert window is not None
    window.menu_actions.lock_action.trigger()
    assert controller.main_window is None
    # Wiped from the screen at once (and the window is destroyed soon after).
    assert window.editor.title.text() == "" and window.editor.fields == []
    assert not window.isVisible()
    assert controller.unlock_window is not None and controller.unlock_window.isVisible()
    qtbot.waitUntil(lambda: controller.vault is not None and not controller.vault.is_unlocked)


def unlock(qtbot: QtBot, controller: AppController, passphrase: str) -> MainWindow:
    window = controller.unlock_window
    assert window is not None
    window.passphrase.clear()
    type_text(qtbot, window.passphrase, passphrase)
    with qtbot.waitSignal(controller.main_window_shown, timeout=10_000):
        qtbot.keyClick(window.passphrase, Qt.Key.Key_Return)
    assert window.passphrase.text() == ""  # forgotten once used
    assert controller.main_window is not None
    return controller.main_window


def test_whole_journey(qtbot: QtBot, make_ctx: Callable[..., AppContext], tmp_path: Path) -> None:
    ctx = make_ctx("en")
    controller = AppController(ctx)
    controller.start()
    key = run_wizard(qtbot, controller, tmp_path)
    window = controller.main_window
    assert isinstance(window, MainWindow)
    assert controller.wizard is None

    # -- write an entry with the ALACT template ------------------------------------------
    window.menu_actions.new_entry_action.trigger()
    chooser = window.dialogs["templates"]
    chooser.select("alact")  # type: ignore[attr-defined]
    chooser.accept()  # type: ignore[attr-defined]
    editor = window.editor
    assert editor.template is not None and editor.template.id == "alact"
    keys = [f.key for f in editor.fields]
    assert keys[:3] == ["action", "looking-back", "teacher-want"]  # sub-prompts nested
    assert editor.field("looking-back").edit is None  # a parent that only groups
    type_text(qtbot, editor.title, "Mi primera reflexión")
    action = editor.field("action")
    assert action is not None and action.edit is not None
    assert action.guidance.text()  # the prompt's guidance is shown
    type_text(qtbot, action.edit, "Una reflexión sobre la clase de fracciones.")
    assert editor.saver.state == SaveState.DIRTY
    wait_saved(qtbot, window)
    vault = controller.vault
    assert vault is not None
    entries = vault.entries.list()
    assert [e.title for e in entries] == ["Mi primera reflexión"]
    entry_id = entries[0].id
    assert vault.entries.get(entry_id).content.sections["action"].startswith("Una reflexión")
    qtbot.waitUntil(lambda: window.model.row_of(entry_id) == 0)

    # -- lock (Ctrl+L) and unlock ----------------------------------------------------------
    lock(qtbot, controller)
    unlock_window = controller.unlock_window
    assert unlock_window is not None
    type_text(qtbot, unlock_window.passphrase, "not my passphrase")
    qtbot.keyClick(unlock_window.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: unlock_window.error.isVisible(), timeout=5000)
    assert (
        "passphrase" in unlock_window.error.text().lower() or "frase" in unlock_window.error.text()
    )
    window = unlock(qtbot, controller, FIRST)

    # -- search without accents (Ctrl+F) ----------------------------------------------------
    window.menu_actions.find_action.trigger()
    assert window.search.field.hasFocus() or window.search.field is window.focusWidget()
    type_text(qtbot, window.search.field, "reflexion")
    qtbot.waitUntil(lambda: window.results_model.rowCount() == 1, timeout=5000)
    hit = window.results_model.hit(0)
    assert hit is not None and hit.entry_id == entry_id
    assert HIGHLIGHT_START in hit.snippet
    assert window.list_stack.currentWidget() is window.results

    # -- edit: open from the result, change the text, autosave ----------------------------------
    window.results.setCurrentIndex(window.results_model.index(0))
    assert window.editor.entry_id == entry_id
    action = window.editor.field("action")
    assert action is not None and action.edit is not None
    action.edit.moveCursor(action.edit.textCursor().MoveOperation.End)
    type_text(qtbot, action.edit, " Usé pizzas de cartón.")
    wait_saved(qtbot, window)

    # -- history: two revisions, a diff, restore as a new revision ------------------------------
    window.menu_actions.history_action.trigger()
    history = window.dialogs["history"]
    assert history.model_.rowCount() == 2  # type: ignore[attr-defined]
    assert "pizzas" in history.diff.toPlainText()  # type: ignore[attr-defined]
    history.list.setCurrentIndex(history.model_.index(1))  # type: ignore[attr-defined]
    assert history.restore_button.isEnabled()  # type: ignore[attr-defined]
    with qtbot.waitSignal(history.restored, timeout=5000):  # type: ignore[attr-defined]
        history.restore(history.selected_revision().id)  # type: ignore[attr-defined]
    assert history.model_.rowCount() == 3  # type: ignore[attr-defined]
    assert "pizzas" not in vault.entries.get(entry_id).content.sections["action"]
    history.close()

    # -- change passphrase -----------------------------------------------------------------------
    window.menu_actions.settings_action.trigger()
    settings = window.dialogs["settings"]
    settings.passphrase_button.click()  # type: ignore[attr-defined]
    change = settings.passphrase_dialog  # type: ignore[attr-defined]
    type_text(qtbot, change.current, FIRST)
    type_text(qtbot, change.fields.passphrase, SECOND)
    type_text(qtbot, change.fields.confirm, SECOND)
    assert change.ok.isEnabled()
    with qtbot.waitSignal(change.changed, timeout=5000):
        change.ok.click()
    settings.close()
    lock(qtbot, controller)
    window = unlock(qtbot, controller, SECOND)

    # -- forgot the passphrase: recover with the recovery key ----------------------------------
    lock(qtbot, controller)
    assert controller.unlock_window is not None
    controller.unlock_window.forgot_button.click()
    recovery = controller.recovery
    assert recovery is not None
    qtbot.keyClicks(recovery.key, "AAAA-" + key[5:])  # a typo first
    type_text(qtbot, recovery.fields.passphrase, THIRD)
    type_text(qtbot, recovery.fields.confirm, THIRD)
    recovery.recover_button.click()
    qtbot.waitUntil(lambda: recovery.error.isVisible(), timeout=5000)
    recovery.key.clear()
    type_text(qtbot, recovery.key, key.lower().replace("-", " "))
    with qtbot.waitSignal(controller.main_window_shown, timeout=10_000):
        recovery.recover_button.click()
    assert controller.main_window is not None
    done = controller.main_window.findChild(QMessageBox, "messageBox")
    assert done is not None and done.icon() == QMessageBox.Icon.Information  # good news
    done.close()
    lock(qtbot, controller)
    window = unlock(qtbot, controller, THIRD)
    assert window.model.row_of(entry_id) >= 0
    controller.shutdown()


@pytest.mark.parametrize("language", ["es", "en"])
def test_wizard_pages_translate(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], language: str
) -> None:
    ctx = make_ctx("en" if language == "es" else "es")
    wizard = FirstRunWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    button = wizard.language_page.spanish if language == "es" else wizard.language_page.english
    button.setChecked(True)
    QApplication.processEvents()  # LanguageChange is a posted event
    expected = "Te damos la bienvenida" if language == "es" else "Welcome to ReflectDesk"
    assert wizard.language_page.title().startswith(expected)
    assert ctx.prefs_store.load().language == language


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_language_kept_as_preselected_is_stored(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], language: str
) -> None:
    """Keeping the language the wizard preselected (the system's) still stores it: a
    later start under another system locale must not switch the app's language."""
    ctx = make_ctx(language)
    assert ctx.prefs_store.load().language == ""
    wizard = FirstRunWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.button(QWizard.WizardButton.NextButton).click()
    assert wizard.currentPage() is wizard.profile_page
    assert ctx.prefs_store.load().language == language
