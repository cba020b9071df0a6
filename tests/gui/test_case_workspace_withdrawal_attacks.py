"""attack3 (03 Dec): an excerpt kept alive on screen after its author withdrew consent:
the coding view of an open workspace drops a withdrawn item's text as soon as the
withdrawal is imported (held)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.case_coding_view import CaseCodingTab
from reflectdesk.gui.case_workspace import CaseWorkspace
from tests.gui.case_setup import study, wait_writes
from tests.services.case_helpers import Study

__all__ = ["study"]


def test_the_coding_view_drops_a_withdrawn_text_at_once(
    qtbot: QtBot, ctx: AppContext, study: Study
) -> None:
    r = study.researcher
    case = study.new_case()
    r.case_studies.add(case, study.at("research"))
    ws = CaseWorkspace(r, ctx.runner)
    qtbot.addWidget(ws)
    ws.resize(1200, 700)
    ws.show()
    coding: CaseCodingTab = ws.tab(CaseCodingTab)
    ws.tabs.setCurrentWidget(coding)
    qtbot.waitUntil(lambda: "regletas" in coding.text.toPlainText(), timeout=20_000)
    r.imports.import_bundle(study.withdraw("research"))
    qtbot.waitUntil(lambda: "regletas" not in coding.text.toPlainText(), timeout=10_000)
    wait_writes(qtbot, ctx)
    assert "regletas" not in coding.text.toPlainText()
