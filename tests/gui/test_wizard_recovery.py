"""The recovery-key check names the group that does not match (issue 16.8)."""

from __future__ import annotations

from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.recovery_sheet import key_groups
from reflectdesk.gui.wizard_recovery import ConfirmPage

KEY = "ABCD1-EFGH2-IJKL3-MNOP4-QRST5-UVWX6-YZAB7-CDEF8-GHIJ9-KLMN0-OPQR1-STUV2-WXYZ3-ABCD4"


_KEEP: list[QWizard] = []


def _page(qtbot: QtBot) -> tuple[ConfirmPage, list[str]]:
    wizard = QWizard()
    wizard.recovery_key = KEY  # type: ignore[attr-defined]
    page = ConfirmPage()
    wizard.addPage(page)
    qtbot.addWidget(wizard)
    _KEEP[:] = [wizard]  # the page lives as long as its wizard
    return page, key_groups(KEY)


def test_the_wrong_group_is_named(qtbot: QtBot, ctx: AppContext) -> None:
    ctx.translations.set_language("en")
    page, groups = _page(qtbot)
    a, b = page.asked
    page.first.setText(groups[a])
    page.second.setText("ZZZZZ")
    assert f"Group {b + 1} does not match" in page.feedback.text()
    page.first.setText("YYYYY")
    assert f"Groups {a + 1} and {b + 1} do not match" in page.feedback.text()
    page.first.setText(groups[a])
    page.second.setText(groups[b].lower())  # case and dashes do not matter
    assert page.isComplete()
    assert "matches" in page.feedback.text()


def test_in_spanish(qtbot: QtBot, ctx: AppContext) -> None:
    ctx.translations.set_language("es")
    page, groups = _page(qtbot)
    a, b = page.asked
    page.first.setText("ZZZZZ")
    page.second.setText(groups[b])
    assert f"El grupo {a + 1} no coincide" in page.feedback.text()
