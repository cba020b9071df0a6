"""The template chooser (issue 16, point 3): the filter has the focus, ignores case and
accents, looks in names, descriptions, frameworks and aliases, and selects the first
match, so typing and Enter never give another template silently."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from reflectdesk.gui.template_chooser import TemplateChooser
from reflectdesk.templates.builtin import builtin_templates


def _chooser(qtbot: QtBot, lang: str = "es", preselect: str = "alact") -> TemplateChooser:
    summaries = sorted((t.summary(lang) for t in builtin_templates()), key=lambda s: s.name)
    chooser = TemplateChooser(summaries, preselect)
    qtbot.addWidget(chooser)
    chooser.show()
    qtbot.waitExposed(chooser)
    return chooser


def test_the_filter_has_the_focus_and_typing_selects_the_first_match(qtbot: QtBot) -> None:
    chooser = _chooser(qtbot)
    assert chooser.selected_id() == "alact"
    assert chooser.focusWidget() is chooser.filter
    qtbot.keyClicks(chooser.focusWidget(), "gibbs")  # typed without clicking the box
    assert chooser.selected_id() == "gibbs"
    with qtbot.waitSignal(chooser.accepted):
        qtbot.keyClick(chooser.filter, Qt.Key.Key_Return)
    assert chooser.selected_id() == "gibbs"


@pytest.mark.parametrize(
    ("lang", "typed", "expected"),
    [
        ("es", "bitacora", "bitacora-semanal"),
        ("es", "schon", "schon"),
        ("en", "schon", "schon"),
        ("es", "GIBBS", "gibbs"),
        ("es", "lesson study", "lesson-study"),  # the English name, typed in Spanish
        ("en", "estudio de clases", "lesson-study"),  # and the other way round
        ("en", "incidente", "critical-incident"),
    ],
)
def test_case_accents_and_aliases(qtbot: QtBot, lang: str, typed: str, expected: str) -> None:
    chooser = _chooser(qtbot, lang)
    chooser.filter.setText(typed)
    assert chooser.selected_id() == expected


def test_no_match_leaves_nothing_to_accept(qtbot: QtBot) -> None:
    chooser = _chooser(qtbot)
    chooser.filter.setText("zzzz")
    assert chooser.selected_id() is None
    ok = chooser.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None and not ok.isEnabled()
    chooser.filter.clear()
    assert chooser.selected_id() is not None and ok.isEnabled()
