"""Translations: complete Spanish, finished English, placeholders kept, live switching."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QColorDialog,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QWidget,
)
from pytestqt.qtbot import QtBot

from reflectdesk.errors import AttachmentTooLarge, WrongPassphrase
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.i18n import error_texts
from reflectdesk.gui.main_window import MainWindow
from reflectdesk.services.vault import Vault
from tests.gui.conftest import TS_DIR

PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%n|%\d")


def messages(lang: str) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(TS_DIR / f"reflectdesk_{lang}.ts").getroot()  # noqa: S314
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.append((name, message.findtext("source") or "", message))
    return found


def translations(message: ET.Element) -> list[str]:
    node = message.find("translation")
    assert node is not None
    forms = [f.text or "" for f in node.iter("numerusform")]
    return forms or [node.text or ""]


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_string_is_translated_and_finished(lang: str) -> None:
    problems = []
    all_messages = messages(lang)
    assert len(all_messages) > 300
    for context, source, message in all_messages:
        node = message.find("translation")
        assert node is not None
        if node.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{context}: {source!r} is {node.get('type')}")
            continue
        texts = translations(message)
        if not all(t.strip() for t in texts):
            problems.append(f"{context}: {source!r} has an empty translation")
    assert problems == []


def test_spanish_keeps_placeholders_and_mnemonics() -> None:
    problems = []
    for context, source, message in messages("es"):
        wanted = sorted(set(PLACEHOLDER.findall(source)))
        for text in translations(message):
            if sorted(set(PLACEHOLDER.findall(text))) != wanted:
                problems.append(f"{context}: {source!r} → {text!r}: placeholders")
            if re.search(r"&\w", source) and not re.search(r"&\w", text):
                problems.append(f"{context}: {source!r} → {text!r}: mnemonic lost")
    assert problems == []


def test_core_errors_are_translated_with_params(ctx: AppContext) -> None:
    ctx.translations.set_language("es")
    message, hint = error_texts(WrongPassphrase())
    assert message == "La frase de contraseña no es correcta."
    assert "recuperación" in hint
    message, _ = error_texts(AttachmentTooLarge("foto.jpg", limit_mb=50))
    assert message == "El archivo adjunto supera el límite de 50 MB."
    assert (
        QCoreApplication.translate("Errors", "The vault is locked.") == "Tu espacio está bloqueado."
    )


def test_the_spanish_ui_says_espacio_for_the_vault_everywhere() -> None:
    """Issue 16.8: "bóveda" is jargon; the Spanish UI, CLI and errors say "espacio", and
    never "diario" for the whole vault (a journal is "diario"). tools/plain_vault_word.py
    rewrites new strings; this test fails if one slips through."""
    wrong: list[str] = []
    said_espacio = 0
    for _context, source, message in messages("es"):
        node = message.find("translation")
        texts = [node.text or ""] if node is not None else []
        texts += [n.text or "" for n in message.iter("numerusform")]
        for text in texts:
            if "bóveda" in text.casefold():
                wrong.append(text)
            vault = re.search(r"\bvaults?\b", source, re.IGNORECASE)
            if vault and "journal" not in source.casefold():
                if re.search(r"\bdiario\b", text, re.IGNORECASE):
                    wrong.append(text)
                said_espacio += "espacio" in text.casefold()
    assert wrong == []
    assert said_espacio >= 40


def test_language_switches_at_once(qtbot: QtBot, ctx: AppContext, unlocked: Vault) -> None:
    window = MainWindow(ctx, unlocked)
    qtbot.addWidget(window)
    window.show()
    window.list.selectRow(0)
    assert window.menu_actions.file_menu.title() == "&File"
    assert window.model.headerData(0, Qt.Orientation.Horizontal) == "Date"
    ctx.translations.set_language("es")  # what the settings dialog does
    QCoreApplication.processEvents()
    assert window.menu_actions.file_menu.title() == "&Archivo"
    assert window.model.headerData(0, Qt.Orientation.Horizontal) == "Fecha"
    assert window.editor.labels["title"].text() == "&Título:"
    assert window.search.journal.itemText(0) == "Todos los diarios"
    field = window.editor.fields[0]
    assert field.title.text().startswith(field.prompt.title.es.replace("&", "&&"))
    ctx.translations.set_language("en")
    QCoreApplication.processEvents()
    assert window.menu_actions.file_menu.title() == "&File"
    window.prepare_to_close()


def test_settings_dialog_switches_language_and_theme(
    qtbot: QtBot, ctx: AppContext, unlocked: Vault
) -> None:
    window = MainWindow(ctx, unlocked)
    qtbot.addWidget(window)
    window.show()
    window.show_settings()
    settings = window.dialogs["settings"]
    settings.language.setCurrentIndex(settings.language.findData("es"))  # type: ignore[attr-defined]
    assert ctx.language == "es" and ctx.prefs_store.load().language == "es"
    QCoreApplication.processEvents()  # Qt delivers LanguageChange as a posted event
    assert settings.windowTitle() == "Configuración"
    settings.theme.setCurrentIndex(settings.theme.findData("dark"))  # type: ignore[attr-defined]
    from reflectdesk.gui.theme import is_dark

    assert is_dark() and ctx.prefs_store.load().theme == "dark"
    settings.font_size.setValue(14)  # type: ignore[attr-defined]
    assert QCoreApplication.instance().font().pointSize() == 14  # type: ignore[union-attr]
    settings.autolock.setValue(3)  # type: ignore[attr-defined]
    assert ctx.autolock_ms() == 180_000
    qtbot.waitUntil(lambda: unlocked.profile.lang == "es")
    saved = Path(ctx.prefs_store.path).read_text()
    assert "Camila" not in saved and "Práctica" not in saved
    window.prepare_to_close()


def test_qts_own_file_dialog_speaks_spanish_under_the_spanish_ui(
    ctx: AppContext, qtbot: QtBot
) -> None:
    """Qt's own strings ("Look in:", "Files of type:", Cancel) come from Qt's qtbase
    catalogue, loaded with ours (issue 16, point 5): the non-native dialog, as on Linux
    desktops without a portal."""
    ctx.translations.set_language("es")
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    texts = {label.text() for label in dialog.findChildren(QLabel)}
    assert "&Buscar en:" in texts and "Archivos de &tipo:" in texts, texts
    assert "&Nombre de fichero:" in texts  # Qt's own catalogue, still consulted
    ctx.translations.set_language("en")
    english = QFileDialog()
    english.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(english)
    assert "&Look in:" in {label.text() for label in english.findChildren(QLabel)}


@pytest.mark.parametrize(
    "make", [QFileDialog, QColorDialog, QInputDialog, QMessageBox, QProgressDialog]
)
def test_qts_own_dialogs_have_no_english_left(
    ctx: AppContext, qtbot: QtBot, make: type[QWidget]
) -> None:
    """Every text Qt's own dialogs show under the Spanish UI is translated: a string that
    is the same in an English UI is English left behind (for a new Qt version, add it to
    resources/i18n/qt_extra_es.ts)."""

    def texts(language: str) -> set[str]:
        ctx.translations.set_language(language)
        dialog = make()
        if isinstance(dialog, QFileDialog):
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        qtbot.addWidget(dialog)
        out = set()
        for widget in dialog.findChildren(QWidget):
            for attr in ("text", "toolTip", "placeholderText"):
                value = getattr(widget, attr, None)
                if callable(value):
                    try:
                        text = value()
                    except TypeError:
                        continue
                    if isinstance(text, str) and re.search(r"[A-Za-z]{3}", text):
                        out.add(text)
        return out

    english, spanish = texts("en"), texts("es")
    same_in_both = {"&HTML:"}
    left = {t for t in english & spanish if not t.startswith(("/", "#"))} - same_in_both
    assert left == set()
