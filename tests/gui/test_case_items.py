"""The Items tab (issue 15, items 2 and 5): an item's provenance in the details pane,
removing with a confirmation, a withdrawn entry kept only as a greyed "Withdrawn on DATE,
from bundle …" line, the publication cut-off, the pseudonymisation review button."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.case_items import CONSENT, PSEUDONYM, REVIEW, VERSION, CaseItemsTab
from reflectdesk.gui.case_picker import CasePickerDialog
from tests.gui.case_setup import study, wait_writes
from tests.services.case_helpers import Study

__all__ = ["study"]


def _tab(qtbot: QtBot, ctx: AppContext, study: Study, case: str) -> CaseItemsTab:
    tab = CaseItemsTab(study.researcher, ctx.runner)
    qtbot.addWidget(tab)
    tab.resize(900, 500)
    tab.show()
    tab.set_case(case)
    qtbot.waitUntil(lambda: not tab.loading)  # read on a worker
    return tab


def test_items_show_their_provenance(qtbot: QtBot, ctx: AppContext, study: Study) -> None:
    r = study.researcher
    case = study.new_case()
    tab = _tab(qtbot, ctx, study, case)
    assert tab.empty.isVisible() and not tab.table.isVisible()
    assert not tab.remove_button.isEnabled() and not tab.pseudo_button.isEnabled()
    # Add… opens the picker; the research entry is added through it.
    tab.open_picker()
    picker = tab.picker
    assert isinstance(picker, CasePickerDialog)
    qtbot.waitUntil(lambda: picker.loaded, timeout=10_000)
    picker.select_entries([study.at("research"), study.at("pseudo")])
    changed: list[bool] = []
    tab.changed.connect(lambda: changed.append(True))
    picker.add_selected()
    wait_writes(qtbot, ctx)
    assert changed and tab.model.rowCount() == 2
    research = next(i for i in tab.items if i.entry_id == study.at("research"))
    tab.select_item(research.id)
    assert tab.model.text(0, PSEUDONYM) == "Estudiante A"
    assert tab.model.text(0, VERSION) == "1"
    row = {tab.model.text(r_, CONSENT): r_ for r_ in range(2)}
    assert tab.model.text(row["Research, pseudonymised"], REVIEW) == "Needs review"
    text = tab.details.toPlainText()
    p = research.provenance
    assert p.author_key_id and p.author_key_id in text
    assert "Signature checked: yes" in text
    assert p.bundle_id and f"Bundle: {p.bundle_id}" in text
    assert "Consent: Research" in text and "Standards: C7" in text
    assert "1 item needs the pseudonymisation review" in tab.pseudo_note.text()
    asked: list[str] = []
    tab.pseudonymise_requested.connect(asked.append)
    tab.pseudo_button.click()
    assert asked == [case]
    assert "Not published yet" in tab.cutoff.text()
    r.case_studies.update(case, published=date(2027, 1, 15))
    tab.set_case(case)
    qtbot.waitUntil(lambda: not tab.loading)
    assert tab.cutoff.text().startswith("Published on 15 Jan 2027")
    assert tab.current_item_id() == research.id  # the refresh kept the selection


def test_remove_asks_first(qtbot: QtBot, ctx: AppContext, study: Study) -> None:
    r = study.researcher
    case = study.new_case()
    item = r.case_studies.add(case, study.at("research"))
    tab = _tab(qtbot, ctx, study, case)
    assert tab.current_item_id() == item.id and tab.remove_button.isEnabled()
    tab.confirm_remove()
    box = tab.box
    assert box is not None and "Estudiante A" in box.text()
    assert box.defaultButton() is not None and box.defaultButton().text() == "Cancel"
    box.reject()
    wait_writes(qtbot, ctx)
    assert len(r.case_studies.items(case)) == 1
    tab.confirm_remove()
    box = tab.box
    assert box is not None
    remove = next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    )
    remove.click()
    wait_writes(qtbot, ctx)
    assert r.case_studies.items(case) == [] and tab.model.rowCount() == 0
    assert r.case_studies.audit.events(case)[-1].event == "item-removed"


def test_a_withdrawn_item_is_a_greyed_line(qtbot: QtBot, ctx: AppContext, study: Study) -> None:
    r = study.researcher
    case = study.new_case()
    r.case_studies.add(case, study.at("research"))
    r.case_studies.add(case, study.at("pseudo"))
    tab = _tab(qtbot, ctx, study, case)
    assert tab.model.rowCount() == 2
    r.imports.import_bundle(study.withdraw("research"))
    tab.set_case(case)
    qtbot.waitUntil(lambda: not tab.loading)
    assert len(tab.items) == 1
    assert tab.model.rowCount() == 2  # the item, and the line the withdrawal left
    line = tab.model.index(1, 0)
    (note,) = r.case_studies.get(case).withdrawals
    assert line.data().startswith(f"Withdrawn on {note.withdrawn_on.strftime('%-d %b %Y')}")
    assert f"from bundle {note.bundle_id[:8]}…" in line.data()
    assert note.bundle_id in line.data(Qt.ItemDataRole.ToolTipRole)
    assert tab.model.flags(line) == Qt.ItemFlag.NoItemFlags
    assert tab.table.columnSpan(1, 0) == tab.model.columnCount()
