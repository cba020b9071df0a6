"""The memos tab (issue 15, point 4) on a real researcher's vault: memos on the project,
a code, an item and a coded passage listed with their target; add, edit, delete; the
filter; a passage memo written in the coding view shows here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from reflectdesk.gui.case_coding_view import CaseCodingTab
from reflectdesk.gui.case_memos import CaseMemosTab
from reflectdesk.gui.tasks import TaskRunner
from tests.gui.case_setup import one_item_study
from tests.services.case_helpers import Study


@pytest.fixture
def study(tmp_path: Path) -> Iterator[tuple[Study, str, str]]:
    yield from one_item_study(tmp_path)


def make_tab(qtbot: QtBot, s: Study, case_id: str) -> tuple[CaseMemosTab, TaskRunner]:
    runner = TaskRunner()
    tab = CaseMemosTab(s.researcher, runner)
    qtbot.addWidget(tab)
    tab.resize(1000, 600)
    tab.show()
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.set_case(case_id)
    return tab, runner


def rows(tab: CaseMemosTab) -> list[tuple[str, str]]:
    out = []
    for n in range(tab.memo_list.topLevelItemCount()):
        row = tab.memo_list.topLevelItem(n)
        assert row is not None
        out.append((row.text(0), row.text(1)))
    return sorted(out)


def test_memos_on_every_target_listed_added_edited_deleted(
    qtbot: QtBot, study: tuple[Study, str, str]
) -> None:
    s, case_id, item_id = study
    coding = s.researcher.case_studies.coding
    code = coding.add_code(case_id, "Materiales")
    passage = coding.apply_quote(case_id, item_id, "analysis", "regletas", code.id)
    coding.add_memo(case_id, "Sobre el pasaje.", segment_id=passage)
    tab, runner = make_tab(qtbot, s, case_id)
    assert rows(tab) == [("Passage: «regletas» (Materiales, Estudiante A)", "Sobre el pasaje.")]
    assert tab.empty.isHidden()

    # a new memo on the code, chosen in the target list
    tab.new_memo()
    index = tab.target.findText("Code: Materiales")
    assert index > 0
    tab.target.setCurrentIndex(index)
    tab.title.setText("Definición")
    tab.text.setPlainText("Objetos que se manipulan.")
    tab.save_button.click()
    runner.wait(10_000)
    # and one on the project, one on the item
    for target, text in ((0, "Pregunta abierta."), (index + 1, "Una buena clase.")):
        tab.new_memo()
        tab.target.setCurrentIndex(target)
        tab.text.setPlainText(text)
        tab.save_button.click()
        runner.wait(10_000)
    got = {(m.target, m.ref, m.title, m.text) for m in coding.memos(case_id)}
    assert got == {
        ("segment", passage, "", "Sobre el pasaje."),
        ("code", code.id, "Definición", "Objetos que se manipulan."),
        ("project", None, "", "Pregunta abierta."),
        ("item", item_id, "", "Una buena clase."),
    }
    assert len(rows(tab)) == 4
    assert ("The project", "Pregunta abierta.") in rows(tab)
    assert any(r[0].startswith("Item: Estudiante A") for r in rows(tab))

    # the filter
    tab.filter.setCurrentIndex(2)  # on codes
    assert rows(tab) == [("Code: Materiales", "Definición")]
    tab.filter.setCurrentIndex(0)

    # edit the code's memo: its target stays
    memo = next(m for m in coding.memos(case_id) if m.target == "code")
    tab.select_memo(memo.id)
    assert tab.text.toPlainText() == "Objetos que se manipulan."
    assert tab.target_value.text() == "Code: Materiales" and tab.target.isHidden()
    tab.text.setPlainText("Regletas, tiras, pizzas de cartón.")
    tab.save_button.click()
    runner.wait(10_000)
    edited = next(m for m in coding.memos(case_id) if m.id == memo.id)
    assert (edited.target, edited.ref, edited.text) == (
        "code",
        code.id,
        "Regletas, tiras, pizzas de cartón.",
    )

    # delete it, after the question
    tab.confirm_delete()
    box = tab.last_box
    assert box is not None and box.objectName() == "caseDeleteMemo"
    delete = next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    )
    delete.click()
    runner.wait(10_000)
    assert memo.id not in {m.id for m in coding.memos(case_id)}
    assert len(rows(tab)) == 3


def test_a_passage_memo_from_the_coding_view_shows_here(
    qtbot: QtBot, study: tuple[Study, str, str]
) -> None:
    s, case_id, _item = study
    coding_tab = CaseCodingTab(s.researcher, TaskRunner())
    qtbot.addWidget(coding_tab)
    coding_tab.show()
    with qtbot.waitSignal(coding_tab.loaded, timeout=10_000):
        coding_tab.set_case(case_id)
    code = s.researcher.case_studies.coding.add_code(case_id, "Personas")
    with qtbot.waitSignal(coding_tab.loaded, timeout=10_000):
        coding_tab.set_case(case_id)
    found = coding_tab.text.document().find("Martina Soto")
    coding_tab.text.setTextCursor(found)
    with qtbot.waitSignal(coding_tab.applied, timeout=10_000):
        coding_tab.apply_code(code.id)
    cursor = coding_tab.text.textCursor()
    cursor.setPosition(found.selectionStart() + 2)
    coding_tab.text.setTextCursor(cursor)
    coding_tab.memo_edit.setPlainText("Una alumna: seudónimo pendiente.")
    with qtbot.waitSignal(coding_tab.changed, timeout=10_000):
        coding_tab.memo_button.click()

    tab, _runner = make_tab(qtbot, s, case_id)
    assert rows(tab) == [
        ("Passage: «Martina Soto» (Personas, Estudiante A)", "Una alumna: seudónimo pendiente.")
    ]
    # double-clicked, it asks to be shown in the Coding tab
    (passage,) = s.researcher.case_studies.coding.passages(case_id)
    with qtbot.waitSignal(tab.open_passage, timeout=2_000) as blocker:
        tab.memo_list.itemDoubleClicked.emit(tab.memo_list.topLevelItem(0), 0)
    assert blocker.args == [passage.item_id, passage.segment_id]


def test_empty_states(qtbot: QtBot, study: tuple[Study, str, str]) -> None:
    s, case_id, _item = study
    tab, _runner = make_tab(qtbot, s, case_id)
    assert rows(tab) == [] and tab.empty.isVisibleTo(tab)
    assert not tab.save_button.isEnabled()
    tab.set_case(None)
    assert tab.no_case.isVisibleTo(tab) and not tab.splitter.isVisibleTo(tab)
    assert not tab.new_button.isEnabled()
