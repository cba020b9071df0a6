"""The case-study workspace (issue 15, item 8): the sidebar opens it, the project list,
the approval in the header, the tabs refreshed together, a REFI-QDA project imported as
a new study, a study deleted with its signed log saved as the record of deletion."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from reflectdesk.errors import CaseStudyNotFound
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.case_audit_view import CaseAuditTab
from reflectdesk.gui.case_coding_view import CaseCodingTab
from reflectdesk.gui.case_items import CaseItemsTab
from reflectdesk.gui.case_pseudonymise_dialog import PseudonymiseDialog
from reflectdesk.gui.case_queries import CaseQueriesTab
from reflectdesk.gui.case_workspace import TABS, CaseWorkspace
from reflectdesk.gui.sidebar import ENABLED_SHARING
from reflectdesk.services.case_audit import CaseAuditService
from tests.gui.case_setup import study, wait_writes
from tests.services.case_helpers import RESEARCH_TEXT, Study

__all__ = ["study"]


def _first_event(audit: CaseAuditTab) -> str:
    """What the newest record of the audit tab says ("" while it is read)."""
    return audit.model.text(0, 1) if audit.model.rowCount() else ""


def _workspace(qtbot: QtBot, ctx: AppContext, study: Study) -> CaseWorkspace:
    ws = CaseWorkspace(study.researcher, ctx.runner)
    qtbot.addWidget(ws)
    ws.resize(1000, 640)
    ws.show()
    wait_writes(qtbot, ctx)  # the tabs read their study on workers
    return ws


def test_an_empty_workspace_says_what_to_do_first(
    qtbot: QtBot, ctx: AppContext, study: Study
) -> None:
    ws = _workspace(qtbot, ctx, study)
    assert ws.projects.count() == 0
    assert ws.no_projects.isVisible() and "ethics approval" in ws.no_projects.text()
    assert ws.right.currentWidget() is ws.nothing
    assert not ws.delete_button.isEnabled()
    assert [ws.tabs.tabText(i) for i in range(ws.tabs.count())] == [
        "Items",
        "Coding",
        "Memos",
        "Queries",
        "Exports",
        "Audit log",
    ]
    assert len(TABS) == ws.tabs.count()


def test_the_header_says_what_the_approval_allows(
    qtbot: QtBot, ctx: AppContext, study: Study
) -> None:
    cs = study.researcher.case_studies
    planning = study.new_case(approved=False, title="Sin aprobación")
    approved = study.new_case(title="Aprobado")
    expired = study.new_case(approved=False, title="Vencido")
    cs.approve(expired, committee="CEC", reference="7", expires=date.today() - timedelta(days=1))
    ws = _workspace(qtbot, ctx, study)
    assert [ws.projects.item(r).text() for r in range(3)] == [
        "Sin aprobación",
        "Aprobado",
        "Vencido",
    ]
    ws.select_case(planning)
    wait_writes(qtbot, ctx)
    assert ws.approval.text() == "No ethics approval: you can plan, not add or export."
    items = ws.tab(CaseItemsTab)
    assert not items.add_button.isEnabled() and "approval" in items.add_blocked.text()
    ws.select_case(approved)
    wait_writes(qtbot, ctx)
    assert ws.approval.text().startswith("Approved by CEC-CSAH, ref 2026-041, until ")
    assert items.add_button.isEnabled() and not items.add_blocked.isVisibleTo(items)
    ws.select_case(expired)
    wait_writes(qtbot, ctx)
    assert ws.approval.text().startswith("Approval expired on ")
    assert not items.add_button.isEnabled() and "expired" in items.add_blocked.text()
    assert ws.question.text() == "¿Cómo explican fracciones?"


def test_the_sidebar_opens_the_workspace(qtbot: QtBot, ctx: AppContext, study: Study) -> None:
    from reflectdesk.gui.main_window import MainWindow

    assert "case_studies" in ENABLED_SHARING
    case = study.new_case()
    window = MainWindow(ctx, study.researcher)
    qtbot.addWidget(window)
    window.show()
    window.sidebar.select("sharing", "case_studies")
    page = window.page("case_studies")
    assert isinstance(page, CaseWorkspace)
    qtbot.waitUntil(lambda: page.isVisible())
    assert page.current_case_id() == case
    window.prepare_to_close()
    wait_writes(qtbot, ctx)


def test_a_withdrawal_refreshes_every_tab(qtbot: QtBot, ctx: AppContext, study: Study) -> None:
    r = study.researcher
    case = study.new_case()
    r.case_studies.add(case, study.at("research"))
    ws = _workspace(qtbot, ctx, study)
    items, audit = ws.tab(CaseItemsTab), ws.tab(CaseAuditTab)
    assert len(items.items) == 1
    r.imports.import_bundle(study.withdraw("research"))  # the vault says a study changed
    qtbot.waitUntil(lambda: not items.items, timeout=5000)
    assert "Withdrawn on" in items.model.text(0, 0)
    qtbot.waitUntil(lambda: _first_event(audit) == "Consent withdrawn: item removed")


def test_import_a_refi_qda_project_as_a_new_study(
    qtbot: QtBot, ctx: AppContext, study: Study, tmp_path: Path
) -> None:
    r = study.researcher
    case = study.new_case()
    r.case_studies.add(case, study.at("research"))
    code = r.case_studies.coding.add_code(case, "Material concreto")
    item = r.case_studies.items(case)[0]
    r.case_studies.coding.apply_quote(case, item.id, "description", "fracciones", code.id)
    exported = r.case_studies.exports.export(case, "qdpx", tmp_path / "estudio.qdpx").path
    ws = _workspace(qtbot, ctx, study)
    imported: list[str] = []
    ws.imported.connect(imported.append)
    ws.import_qdpx(exported)
    wait_writes(qtbot, ctx)
    assert imported == [ws.current_case_id()]
    assert ws.projects.count() == 2
    fresh = ws.current_case_id()
    assert fresh is not None and fresh != case
    assert ws.approval.text().startswith("No ethics approval")  # imported: planning
    items = ws.tab(CaseItemsTab)
    assert {i.pseudonym for i in items.items} == {"Estudiante A"}  # a source per section
    assert [c.name for c in r.case_studies.coding.codes(fresh)] == ["Material concreto"]
    passages = r.case_studies.coding.passages(fresh)
    assert [p.text for p in passages] == ["fracciones"]
    # A file that is not a project: the service refuses, the page says why.
    bad = tmp_path / "roto.qdpx"
    bad.write_bytes(b"no es un zip")
    ws.import_qdpx(bad)
    wait_writes(qtbot, ctx)
    assert ws.box is not None and ws.box.isVisible()
    assert ws.projects.count() == 2


def test_delete_a_study_keeping_its_signed_log(
    qtbot: QtBot, ctx: AppContext, study: Study, tmp_path: Path
) -> None:
    r = study.researcher
    case = study.new_case()
    other = study.new_case(title="Otro")
    r.case_studies.add(case, study.at("research"))
    ws = _workspace(qtbot, ctx, study)
    ws.select_case(case)
    ws.confirm_delete()
    box = ws.box
    assert box is not None and "Fracciones" in box.text()
    assert box.checkBox() is not None and box.checkBox().isChecked()
    box.reject()  # Cancel: nothing happens
    wait_writes(qtbot, ctx)
    assert ws.projects.count() == 2
    log = tmp_path / "borrado.audit.json"
    ws.delete_case(case, log)
    wait_writes(qtbot, ctx)
    assert ws.projects.count() == 1 and ws.current_case_id() == other
    try:
        r.case_studies.get(case)
        raise AssertionError("still there")
    except CaseStudyNotFound:
        pass
    check = CaseAuditService.verify_file(log)
    assert [e.event for e in check.events][-1] == "deleted"
    assert check.events[-1].data["items"] == 1


def test_the_workspace_from_a_new_project_to_a_verified_log(
    qtbot: QtBot, ctx: AppContext, study: Study, tmp_path: Path
) -> None:
    """The brief's path through the GUI alone: create, approve, pick (the read-only entry
    greyed with its reason), add, provenance, withdrawal, the log verified and a copy
    with one byte changed refused."""
    from PySide6.QtCore import QDate, Qt

    from reflectdesk.gui.case_picker import CONSENT, TITLE

    r = study.researcher
    ws = _workspace(qtbot, ctx, study)
    dialog = ws.new_case()
    dialog.title.setText("Fracciones")
    dialog.committee.setText("CEC-CSAH")
    dialog.reference.setText("2026-041")
    later = date.today() + timedelta(days=90)
    dialog.expires.setDate(QDate(later.year, later.month, later.day))
    dialog.save()
    wait_writes(qtbot, ctx)
    case = ws.current_case_id()
    assert case is not None and ws.approval.text().startswith("Approved by CEC-CSAH")
    items = ws.tab(CaseItemsTab)
    items.add_button.click()
    picker = items.picker
    assert picker is not None
    qtbot.waitUntil(lambda: picker.loaded, timeout=10_000)
    rows = {picker.model.item(n, TITLE).text(): n for n in range(picker.model.rowCount())}
    read = rows["Solo lectura"]
    assert picker.model.item(read, CONSENT).text() == "Not addable: consent to read only"
    assert picker.model.item(read, TITLE).flags() == Qt.ItemFlag.NoItemFlags
    picker.select_entries([study.at("research"), study.at("read")])
    picker.add_button.click()
    wait_writes(qtbot, ctx)
    (item,) = items.items
    assert item.entry_id == study.at("research")
    assert item.provenance.author_key_id and item.provenance.author_key_id in (
        items.details.toPlainText()
    )
    r.imports.import_bundle(study.withdraw("research"))
    qtbot.waitUntil(lambda: not items.items, timeout=5000)
    assert items.model.text(0, 0).startswith("Withdrawn on ")
    audit = ws.tab(CaseAuditTab)
    qtbot.waitUntil(lambda: _first_event(audit) == "Consent withdrawn: item removed")
    audit.verify_button.click()
    qtbot.waitUntil(lambda: audit.result.text().startswith("Passed:"))
    audit.export_to(tmp_path / "log.audit.json")
    wait_writes(qtbot, ctx)
    log = tmp_path / "log.audit.json"
    assert CaseAuditService.verify_file(log).events[0].event == "created"
    data = bytearray(log.read_bytes())
    data[len(data) // 3] ^= 0x04
    log.write_bytes(bytes(data))
    audit.verify_file(log)
    assert audit.result.text().startswith("Failed:")


def test_the_items_button_opens_the_pseudonym_review(
    qtbot: QtBot, ctx: AppContext, study: Study
) -> None:
    case = study.new_case()
    study.researcher.case_studies.add(case, study.at("pseudo"))
    ws = _workspace(qtbot, ctx, study)
    items = ws.tab(CaseItemsTab)
    qtbot.waitUntil(lambda: len(items.items) == 1, timeout=5000)
    items.findChild(QPushButton, "casePseudonymiseButton").click()
    dialog = ws.pseudonymise_dialog
    assert isinstance(dialog, PseudonymiseDialog) and dialog.isVisible()
    assert dialog.case_id == case
    dialog.reject()


def test_a_passage_double_clicked_in_a_query_is_shown_in_the_coding_tab(
    qtbot: QtBot, ctx: AppContext, study: Study
) -> None:
    r = study.researcher
    case = study.new_case()
    item = r.case_studies.add(case, study.at("research"))
    code = r.case_studies.coding.add_code(case, "Material concreto")
    start = RESEARCH_TEXT.index("regletas")
    segment = r.case_studies.coding.apply(
        case, item.id, "description", start, start + len("regletas"), code.id
    )
    ws = _workspace(qtbot, ctx, study)
    coding = ws.tab(CaseCodingTab)
    qtbot.waitUntil(lambda: not coding.busy and bool(coding.passages), timeout=5000)
    ws.tab(CaseQueriesTab).open_passage.emit(item.id, segment)
    assert ws.tabs.currentWidget() is coding
    assert coding.item_id == item.id
    assert coding.text.textCursor().selectedText() == "regletas"
    assert coding.selection() == ("description", start, start + len("regletas"))
