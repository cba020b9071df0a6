"""Creating a case study and recording its ethics approval in the dialog (issue 15,
item 1): planning without approval, the approval with its information sheet sealed in
the vault, an approval changed only when it changed, and the refusals shown."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import shiboken6
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.case_items import CaseItemsTab
from reflectdesk.gui.case_project_dialog import CaseProjectDialog
from reflectdesk.gui.case_workspace import CaseWorkspace
from tests.gui.case_setup import study, wait_writes
from tests.gui.helpers import type_text
from tests.services.case_helpers import Study

__all__ = ["study"]


def _closed(dialog: CaseProjectDialog) -> bool:
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def _save(dialog: CaseProjectDialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert button is not None and button.isEnabled()
    button.click()


def test_create_a_project_then_approve_it(
    qtbot: QtBot, ctx: AppContext, study: Study, tmp_path: Path
) -> None:
    r = study.researcher
    cohort = r.cohorts.create("Práctica II — 2026", [study.student_at_researcher])
    ws = CaseWorkspace(r, ctx.runner)
    qtbot.addWidget(ws)
    ws.show()
    dialog = ws.new_case()
    assert dialog.windowTitle() == "New case study"
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save is not None and not save.isEnabled()  # no title yet
    type_text(qtbot, dialog.title, "Fracciones con regletas")
    dialog.question.setPlainText("¿Cómo explican las fracciones?")
    assert dialog.cohorts.count() == 1
    dialog.cohorts.item(0).setCheckState(Qt.CheckState.Checked)
    team = [dialog.team.item(i).text() for i in range(dialog.team.count())]
    assert team == ["Valentina Rojas"]
    _save(dialog)
    wait_writes(qtbot, ctx)
    assert _closed(dialog)
    (made,) = r.case_studies.list()
    assert made.title == "Fracciones con regletas" and made.cohort_ids == (cohort.id,)
    assert made.approval is None and made.status == "planning"
    assert ws.current_case_id() == made.id
    assert "No ethics approval" in ws.approval.text()
    assert not ws.tab(CaseItemsTab).add_button.isEnabled()

    # "Approval…": the approval part first; half an approval cannot be saved.
    dialog = ws.edit_case(approval=True)
    assert dialog is not None and dialog.windowTitle() == "Case study"
    assert dialog.title.text() == "Fracciones con regletas"
    dialog.committee.setText("CEC-CSAH")
    assert "both" in dialog.status.text()
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save is not None and not save.isEnabled()
    dialog.reference.setText("2026-041")
    expires = date.today() + timedelta(days=400)
    dialog.expires.setDate(QDate(expires.year, expires.month, expires.day))
    assert dialog.expires.calendarPopup()
    sheet = tmp_path / "hoja-informativa.pdf"
    sheet.write_bytes(b"%PDF-1.4 hoja informativa")
    dialog.set_sheet(sheet)
    assert dialog.sheet_name.text() == "hoja-informativa.pdf"
    _save(dialog)
    wait_writes(qtbot, ctx)
    study_now = r.case_studies.get(made.id)
    assert study_now.approval is not None and study_now.approval.expires == expires
    name, _media, data = r.case_studies.information_sheet(made.id)
    assert (name, data) == ("hoja-informativa.pdf", sheet.read_bytes())
    assert ws.approval.text().startswith("Approved by CEC-CSAH, ref 2026-041, until ")
    assert ws.tab(CaseItemsTab).add_button.isEnabled()
    approvals = [e for e in r.case_studies.audit.events(made.id) if e.event == "approval-recorded"]
    assert len(approvals) == 1

    # Edited again without touching the approval: no second approval record.
    dialog = ws.edit_case()
    assert dialog is not None and dialog.sheet_name.text() == "hoja-informativa.pdf"
    dialog.title.setText("Fracciones")
    dialog.published_check.setChecked(True)
    dialog.published.setDate(QDate(2027, 3, 1))
    _save(dialog)
    wait_writes(qtbot, ctx)
    study_now = r.case_studies.get(made.id)
    assert study_now.title == "Fracciones" and study_now.published == date(2027, 3, 1)
    approvals = [e for e in r.case_studies.audit.events(made.id) if e.event == "approval-recorded"]
    assert len(approvals) == 1
    assert ws.projects.currentItem().text() == "Fracciones"


def test_a_refused_approval_keeps_the_dialog_open_with_the_reason(
    qtbot: QtBot, ctx: AppContext, study: Study, tmp_path: Path
) -> None:
    r = study.researcher
    dialog = CaseProjectDialog(r, ctx.runner)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.title.setText("Fracciones")
    dialog.committee.setText("CEC")
    dialog.reference.setText("x" * 300)  # longer than the service takes
    _save(dialog)
    wait_writes(qtbot, ctx)
    assert dialog.isVisible() and dialog.error_box is not None
    assert "reference" in dialog.error_box.text() + dialog.error_box.informativeText()
    (made,) = r.case_studies.list()  # the project itself was saved …
    assert made.approval is None and dialog.case_id == made.id
    dialog.error_box.close()
    dialog.reference.setText("2026-041")
    _save(dialog)  # … and saving again approves that study, no second one
    wait_writes(qtbot, ctx)
    assert _closed(dialog)
    (made,) = r.case_studies.list()
    assert made.approval is not None and made.approval.reference == "2026-041"


def test_an_information_sheet_without_an_approval_cannot_be_saved(
    qtbot: QtBot, ctx: AppContext, study: Study, tmp_path: Path
) -> None:
    dialog = CaseProjectDialog(study.researcher, ctx.runner)
    qtbot.addWidget(dialog)
    dialog.title.setText("Fracciones")
    sheet = tmp_path / "hoja.txt"
    sheet.write_text("hoja")
    dialog.set_sheet(sheet)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save is not None and not save.isEnabled()
    assert "approval" in dialog.status.text()
