"""Layouts survive strings 40% longer than English (a pseudo-locale), with nothing clipped."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.i18n import PseudoTranslator, pseudo_translate
from reflectdesk.services.vault import Vault
from tests.gui.helpers import clipped_texts
from tests.gui.screens import walk_app, walk_wizard


def test_pseudo_translation_keeps_placeholders() -> None:
    text = pseudo_translate("Save a copy of %1 to {path} &now")
    assert text.startswith("[") and text.endswith("]")
    assert "%1" in text and "{path}" in text and "&n" in text
    assert len(text) >= len("Save a copy of %1 to {path} &now") * 1.4 - 1


def test_no_text_is_clipped_with_long_strings(
    qtbot: QtBot, ctx: AppContext, unlocked: Vault
) -> None:
    ctx.translations.install_extra(PseudoTranslator())
    assert QCoreApplication.translate("UnlockWindow", "&Unlock").startswith("[")
    problems: dict[str, list[str]] = {}

    def check(name: str, widget: QWidget) -> None:
        found = clipped_texts(widget)
        if found:
            problems[name] = found

    walk_wizard(qtbot, ctx, check)
    walk_app(qtbot, ctx, unlocked, check)
    assert problems == {}
