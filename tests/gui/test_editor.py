"""The editor: guided fields, preview, standards, tags, hints, autosave on focus change."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reflectdesk.gui.app_context import AppContext, calibrated_kdf
from reflectdesk.gui.autosave import SaveState
from reflectdesk.gui.main_window import MainWindow
from reflectdesk.services.vault import Vault
from tests.gui.helpers import type_text


def open_window(qtbot: QtBot, ctx: AppContext, vault: Vault) -> MainWindow:
    window = MainWindow(ctx, vault)
    qtbot.addWidget(window)
    window.show()
    return window


def test_production_default_calibrates(ctx: AppContext) -> None:
    assert calibrated_kdf() is None  # None: the core calibrates Argon2id
    assert AppContext.__dataclass_fields__["kdf_params"].default is calibrated_kdf


def test_preview_is_sanitised_and_fetches_nothing(
    qtbot: QtBot, ctx: AppContext, unlocked: Vault
) -> None:
    window = open_window(qtbot, ctx, unlocked)
    window.start_entry("free")
    editor = window.editor
    field = editor.field("body")
    assert field is not None and field.edit is not None
    field.edit.setPlainText(
        "**Negrita** <script>alert(1)</script> [enlace](javascript:alert(1)) "
        "![x](file:///etc/passwd)"
    )
    editor.update_preview()
    html = editor.preview.toHtml()
    assert "Negrita" in html and "<script" not in html.lower()
    assert "javascript:" not in html and "/etc/passwd" not in html
    resource = QTextDocument.ResourceType.ImageResource.value
    assert editor.preview.loadResource(resource, QUrl("file:///etc/passwd")) is None
    assert editor.preview.loadResource(resource, QUrl("https://example.org/x.png")) is None


def test_focus_change_saves_and_tags_and_standards(
    qtbot: QtBot, ctx: AppContext, unlocked: Vault
) -> None:
    ctx.autosave_ms = 60_000  # only the focus change may save here
    window = open_window(qtbot, ctx, unlocked)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.start_entry("alact")
    editor = window.editor
    type_text(qtbot, editor.title, "Con estándares")
    editor.tags.setText("evaluación, 3° básico, evaluación")
    editor.tags.textEdited.emit(editor.tags.text())
    editor.choose_standards()
    picker = editor.picker
    assert picker.proxy.rowCount() == 4  # four MBE domains
    picker.search.setText("planificacion")  # no accent
    assert picker.proxy.rowCount() == 1
    for row in range(picker.model_.rowCount()):
        domain = picker.model_.item(row)
        for child_row in range(domain.rowCount()):
            child = domain.child(child_row)
            if child.data(Qt.ItemDataRole.UserRole + 1) in ("A3", "A4"):
                child.setCheckState(Qt.CheckState.Checked)
    picker.accept()
    assert editor.standards == ("A3", "A4")
    assert editor.standards_label.text() == "A3, A4"
    assert editor.saver.state == SaveState.DIRTY
    window.search.field.setFocus()  # focus leaves the editor: save now
    qtbot.waitUntil(lambda: editor.saver.state == SaveState.SAVED, timeout=5000)
    saved = unlocked.entries.get(editor.entry_id)  # type: ignore[arg-type]
    assert saved.content.tags == ("evaluación", "3° básico")
    assert saved.content.standards == ("A3", "A4")
    assert saved.content.template_id == "alact"
    window.prepare_to_close()


def test_descriptive_hint_is_gentle_and_dismissible(
    qtbot: QtBot, ctx: AppContext, unlocked: Vault
) -> None:
    window = open_window(qtbot, ctx, unlocked)
    window.start_entry("learning-round")
    editor = window.editor
    teacher = editor.field("teacher")
    assert teacher is not None and teacher.edit is not None
    teacher.edit.setPlainText("La profesora hizo una clase excelente.")
    qtbot.waitUntil(lambda: editor.banner.isVisible(), timeout=3000)
    assert teacher.hints[0].word == "excelente"
    assert "excelente" in editor.banner.text.text()
    assert len(teacher.edit.extraSelections()) == 1  # underlined, not blocked
    editor.banner.dismiss.click()
    assert not editor.banner.isVisible()
    assert teacher.edit.extraSelections() == []
    # Reflection templates are not checked.
    window.start_entry("alact")
    action = editor.field("action")
    assert action is not None and action.edit is not None
    action.edit.setPlainText("Fue una clase excelente.")
    action.check_hints()
    assert action.hints == [] and not editor.banner.isVisible()
    window.prepare_to_close()


def test_switching_entries_reuses_fields(qtbot: QtBot, ctx: AppContext, unlocked: Vault) -> None:
    window = open_window(qtbot, ctx, unlocked)
    ids = [s.id for s in unlocked.entries.list()]
    window.open_entry(ids[0])
    first_fields = list(window.editor.fields)
    window.open_entry(ids[1])
    window.open_entry(ids[0])
    assert window.editor.fields == first_fields  # the same widgets, new texts
    assert QApplication.focusWidget() is None or window.isAncestorOf(QApplication.focusWidget())
    window.prepare_to_close()
    assert window.editor.fields == [] and window.editor.title.text() == ""


def test_empty_required_prompts_are_named_after_the_save(
    qtbot: QtBot, ctx: AppContext, unlocked: Vault
) -> None:
    """Issue 16.8: saved all the same, and the status line names the prompts marked *
    that are still empty; the * has its legend on the prompt's title."""
    ctx.translations.set_language("en")
    window = open_window(qtbot, ctx, unlocked)
    window.start_entry("alact")
    editor = window.editor
    required = [f for f in editor.fields if f.prompt.required and f.edit is not None]
    assert required, "ALACT marks prompts as required"
    assert required[0].title.toolTip() == "* The template asks you to answer this."
    type_text(qtbot, editor.title, "Borrador")
    editor.flush()
    qtbot.waitUntil(lambda: editor.saver.state == SaveState.SAVED, timeout=5000)
    assert editor.entry_id is not None  # saved
    first = required[0].prompt.title.get("en")
    assert editor.status.text().startswith("Saved and encrypted · * still to answer: ")
    assert first in editor.status.text()
    for field in required:
        assert field.edit is not None
        field.edit.setPlainText("Algo.")
    editor.flush()
    qtbot.waitUntil(lambda: editor.status.text() == "Saved and encrypted", timeout=5000)
    window.prepare_to_close()
