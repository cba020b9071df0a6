"""The editor: guided fields, preview, standards, tags, hints, autosave on focus change."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt, QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reflectdesk.domain.model import EntryContent
from reflectdesk.gui.app_context import AppContext, calibrated_kdf
from reflectdesk.gui.autosave import SaveState
from reflectdesk.gui.main_window import MainWindow
from reflectdesk.services.vault import Vault
from tests.gui.conftest import add_samples, create_vault
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
    assert [line.full_text for line in editor.standards_label.lines] == [
        editor.catalog.taxonomy().label(code, "en")  # type: ignore[union-attr]
        for code in ("A3", "A4")
    ]
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
    assert editor.status.full_text.startswith("Saved and encrypted · * still to answer: ")
    assert first in editor.status.full_text and first in editor.status.toolTip()
    for field in required:
        assert field.edit is not None
        field.edit.setPlainText("Algo.")
    editor.flush()
    qtbot.waitUntil(lambda: editor.status.full_text == "Saved and encrypted", timeout=5000)
    # Another entry names its own missing prompts, not the ones of the entry before.
    alact = editor.entry_id
    free = next(s.id for s in unlocked.entries.list() if s.template_id == "free")
    window.open_entry(free)
    assert editor.status.full_text == "Saved and encrypted"
    window.open_entry(next(s.id for s in unlocked.entries.list() if s.template_id == "alact"
                           and s.id != alact))  # fmt: skip
    assert "* still to answer: " in editor.status.full_text
    window.prepare_to_close()


# -- issue 16.8: standards with their titles; tags, standards, attachments in the preview --
def _entry_with_everything(vault: Vault, tmp_path: Path) -> tuple[str, str, str]:
    """An entry with tags, five standards, a photo and a PDF: (entry, photo, pdf) ids."""
    journal = vault.journals.list()[0].id
    entry = vault.entries.add(
        journal,
        EntryContent(
            title="Clase de fracciones",
            sections={"action": "Probé material concreto."},
            tags=("fracciones", "4° básico"),
            standards=("D12", "C7", "C9", "B5", "A1"),
            event_date=date(2026, 3, 10),
            template_id="alact",
        ),
    )
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#3a7"))
    photo_path = tmp_path / "pizarra.png"
    assert image.save(str(photo_path))
    pdf_path = tmp_path / "pauta.pdf"
    pdf_path.write_bytes(b"%PDF-1.4 " + b"x" * 3000)
    photo = vault.entries.attach(entry.id, photo_path)
    pdf = vault.entries.attach(entry.id, pdf_path)
    photo_path.unlink()
    pdf_path.unlink()
    return entry.id, photo.id, pdf.id


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_entry_shows_each_standard_with_its_title(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], lang: str, tmp_path: Path
) -> None:
    ctx = make_ctx(lang)
    vault, _key = create_vault(ctx)
    add_samples(vault)
    entry_id, _photo, _pdf = _entry_with_everything(vault, tmp_path)
    window = open_window(qtbot, ctx, vault)
    window.resize(1366, 768)
    window.open_entry(entry_id)
    editor = window.editor
    taxonomy = editor.catalog.taxonomy()
    assert taxonomy is not None
    shown = editor.standards_label
    visible = [line for line in shown.lines if not line.isHidden()]
    # Three lines at most: two standards, then "+ 3 more" with the rest in its tooltip.
    assert [line.full_text for line in visible] == [
        taxonomy.label("D12", lang),
        taxonomy.label("C7", lang),
    ]
    c7 = taxonomy.standard("C7")
    assert c7 is not None and visible[1].full_text == f"C7 — {c7.title.get(lang)}"
    assert visible[1].toolTip() == visible[1].full_text
    assert not shown.more.isHidden()
    assert "3" in shown.more.text()
    assert shown.more.toolTip().splitlines() == [
        taxonomy.label(c, lang) for c in ("C9", "B5", "A1")
    ]
    assert taxonomy.label("C9", lang) in shown.accessibleDescription()
    # At 1024×600 a long title is shortened with "…", never cut or pushing the window.
    window.resize(1024, 600)
    d12 = visible[0]
    qtbot.waitUntil(lambda: d12.width() < d12.sizeHint().width(), timeout=3000)
    assert d12.is_elided() and d12.text().endswith("…") and d12.text().startswith("D12 — ")
    assert d12.toolTip() == taxonomy.label("D12", lang)  # the whole title on hover
    assert d12.geometry().right() <= shown.width()
    assert window.width() <= 1024
    # Fewer than four: every one on its line, no "more".
    editor.set_standards(("C7",))
    assert [ln.full_text for ln in shown.lines if not ln.isHidden()] == [c7_label(taxonomy, lang)]
    assert shown.more.isHidden()
    editor.set_standards(())
    assert shown.labels == [] and shown.lines[0].full_text == editor.tr("None chosen")
    window.prepare_to_close()
    ctx.runner.wait(30_000)
    vault.close()


def _png(image: QImage) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def c7_label(taxonomy: object, lang: str) -> str:
    return taxonomy.label("C7", lang)  # type: ignore[attr-defined,no-any-return]


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_preview_shows_tags_standards_and_attachments(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], lang: str, tmp_path: Path
) -> None:
    ctx = make_ctx(lang)
    vault, _key = create_vault(ctx)
    add_samples(vault)
    entry_id, photo, pdf = _entry_with_everything(vault, tmp_path)
    served: list[str] = []
    window = open_window(qtbot, ctx, vault)
    editor = window.editor
    source = editor.preview.image_source
    assert source is not None
    editor.preview.image_source = lambda att: served.append(att) or source(att)
    window.open_entry(entry_id)
    editor.update_preview()
    text = editor.preview.toPlainText()
    taxonomy = editor.catalog.taxonomy()
    assert taxonomy is not None
    assert "fracciones, 4° básico" in text
    for code in ("D12", "C7", "C9", "B5", "A1"):  # all of them, with their titles
        assert taxonomy.label(code, lang) in text
    assert "pizarra.png (" in text and "pauta.pdf (" in text
    assert QLocale().formattedDataSize(3009) in text  # the PDF's size, as the locale says it
    heading = {"es": "Adjuntos", "en": "Attachments"}[lang]
    assert heading in text and {"es": "Etiquetas:", "en": "Tags:"}[lang] in text
    html = editor.preview.toHtml()
    assert f"attachment:{photo}" in html  # the photo inline ...
    assert f"attachment:{pdf}" not in html  # ... the PDF by name only
    # The photo comes decrypted in memory through the browser, never from a file.
    resource = QTextDocument.ResourceType.ImageResource.value
    image = editor.preview.loadResource(resource, QUrl(f"attachment:{photo}"))
    assert isinstance(image, QImage) and (image.width(), image.height()) == (40, 30)
    assert photo in served
    # In a narrow pane (1024×600) a photo is shown no wider than the pane.
    big = QImage(900, 300, QImage.Format.Format_RGB32)
    big.fill(QColor("#345"))
    editor.preview.clear_cache()
    editor.preview.image_source = lambda _att: _png(big)
    editor.preview.setFixedWidth(260)
    qtbot.waitUntil(lambda: editor.preview.viewport().width() < 260, timeout=3000)
    fitted = editor.preview.loadResource(resource, QUrl(f"attachment:{photo}"))
    assert isinstance(fitted, QImage) and 120 <= fitted.width() < 260
    editor.preview.setMinimumWidth(0)
    editor.preview.setMaximumWidth(16777215)
    editor.preview.image_source = source
    # Tags typed now show at once in the preview.
    editor.tags.setText("fracciones, material concreto")
    editor.tags.textEdited.emit(editor.tags.text())
    qtbot.waitUntil(lambda: "material concreto" in editor.preview.toPlainText(), timeout=3000)
    window.prepare_to_close()
    ctx.runner.wait(30_000)
    vault.close()
