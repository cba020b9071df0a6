"""The coding view (issue 15, point 4) on a real researcher's vault: a selection made
with a QTextCursor becomes a passage with the exact text and code-point offsets (an
emoji and accents before it), three codes in two sections with an overlap painted,
hierarchical codes, a memo on a passage, removing a coding, deleting a code."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QDropEvent, QTextCursor
from PySide6.QtWidgets import QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from reflectdesk.gui.case_coding_view import CODING_MIME, CaseCodingTab, CodeDialog, layers
from reflectdesk.gui.tasks import TaskRunner
from tests.gui.case_setup import one_item_study
from tests.services.case_helpers import RESEARCH_TEXT, Study

QUOTE = "Martina Soto"  # after "Hoy 😀 trabajé con": an emoji and an accent before it


@pytest.fixture
def study(tmp_path: Path) -> Iterator[tuple[Study, str, str]]:
    yield from one_item_study(tmp_path)


def make_tab(qtbot: QtBot, study: tuple[Study, str, str]) -> tuple[CaseCodingTab, TaskRunner]:
    s, case_id, _item = study
    runner = TaskRunner()
    tab = CaseCodingTab(s.researcher, runner)
    qtbot.addWidget(tab)
    tab.resize(1200, 700)
    tab.show()
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.set_case(case_id)
    return tab, runner


def select_found(tab: CaseCodingTab, needle: str, after: int = 0) -> None:
    """Select ``needle`` the way a person would: Qt finds it in the document (UTF-16
    positions, nothing of the view's own conversion) and the cursor selects it."""
    found = tab.text.document().find(needle, after)
    assert not found.isNull(), needle
    tab.text.setTextCursor(found)


def code(tab: CaseCodingTab, runner: TaskRunner, qtbot: QtBot, code_id: str) -> str:
    with qtbot.waitSignal(tab.applied, timeout=10_000) as blocker:
        tab.apply_code(code_id)
    return str(blocker.args[0])


def add_code(tab: CaseCodingTab, runner: TaskRunner, name: str, **kw: object) -> str:
    before = set(tab.codes)
    tab.add_code(name, **kw)  # type: ignore[arg-type]
    runner.wait(10_000)
    (new,) = set(tab.codes) - before
    return new


def test_a_selection_after_an_emoji_is_coded_at_its_code_points(
    qtbot: QtBot, study: tuple[Study, str, str]
) -> None:
    s, case_id, item_id = study
    tab, runner = make_tab(qtbot, study)
    assert tab.item_list.topLevelItemCount() == 1
    assert [sec.key for sec in tab.sections] == ["description", "analysis"]
    heading = tab.text.document().findBlock(0).text()
    assert heading and heading != "description"  # the template's own heading
    code_id = add_code(tab, runner, "Personas", color="#E6194B")
    tab.codebook.setCurrentItem(tab._code_rows[code_id])
    select_found(tab, QUOTE)
    # The emoji is two UTF-16 units: Qt's position is one more than the code points.
    assert tab.text.textCursor().selectionStart() - tab.sections[0].start == (
        RESEARCH_TEXT.index(QUOTE) + 1
    )
    assert tab.apply_button.isEnabled()
    with qtbot.waitSignal(tab.applied, timeout=10_000):
        tab.apply_button.click()

    (p,) = s.researcher.case_studies.coding.passages(case_id)
    assert (p.item_id, p.section, p.code_id) == (item_id, "description", code_id)
    assert p.text == QUOTE
    assert (p.start, p.end) == (RESEARCH_TEXT.index(QUOTE), RESEARCH_TEXT.index(QUOTE) + len(QUOTE))
    # The highlight sits on the passage's characters and not on the emoji before it.
    doc = tab.text.document()
    start = tab.sections[0].start + RESEARCH_TEXT.index(QUOTE) + 1
    assert background(tab, start + 1) == QColor("#E6194B").rgb()
    assert background(tab, start - 2) is None
    assert tab._code_rows[code_id].text(1) == "1"
    assert tab._item_rows[item_id].text(2) == "1"
    assert doc.toPlainText()[start - tab.sections[0].start - 1] != "M"


def background(tab: CaseCodingTab, position: int) -> int | None:
    """The highlight colour (opaque) of the character after ``position``."""
    cursor = QTextCursor(tab.text.document())
    cursor.setPosition(position + 1)
    fmt = cursor.charFormat()
    if fmt.background().style() == Qt.BrushStyle.NoBrush:
        return None
    color = QColor(fmt.background().color())
    color.setAlpha(255)
    return color.rgb()


def test_three_codes_in_two_sections_with_an_overlap(
    qtbot: QtBot, study: tuple[Study, str, str]
) -> None:
    s, case_id, _item = study
    tab, runner = make_tab(qtbot, study)
    a = add_code(tab, runner, "Estrategias", color="#3CB44B")
    b = add_code(tab, runner, "Contenido", color="#4363D8")
    c = add_code(tab, runner, "Materiales", color="#F58231")
    select_found(tab, "fracciones")
    code(tab, runner, qtbot, a)
    select_found(tab, "las fracciones y yo")  # overlaps "fracciones"
    code(tab, runner, qtbot, b)
    select_found(tab, "regletas ayudaron")  # the second section
    code(tab, runner, qtbot, c)

    got = {
        (p.code_id, p.section, p.text) for p in s.researcher.case_studies.coding.passages(case_id)
    }
    assert got == {
        (a, "description", "fracciones"),
        (b, "description", "las fracciones y yo"),
        (c, "analysis", "regletas ayudaron"),
    }
    analysis = tab.section("analysis")
    assert analysis is not None
    (in_analysis,) = s.researcher.case_studies.coding.passages(case_id, c)
    assert (in_analysis.start, in_analysis.end) == (len("Las "), len("Las regletas ayudaron"))
    # the overlap is painted as both (underlined, the colours mixed), the rest as one
    first = tab.text.document().find("fracciones").selectionStart()
    cursor = QTextCursor(tab.text.document())
    cursor.setPosition(first + 2)
    assert cursor.charFormat().fontUnderline()
    blue = tab.text.document().find(" y yo").selectionStart()
    assert background(tab, blue + 1) == QColor("#4363D8").rgb()
    # clicking inside the overlap lists both codes, the shorter passage first
    cursor.setPosition(first + 3)
    tab.text.setTextCursor(cursor)
    names = [tab.passage_list.item(i).text() for i in range(tab.passage_list.count())]
    assert names[0].startswith("Estrategias") and names[1].startswith("Contenido")
    assert tab.passage_box.isVisibleTo(tab)
    # the same counts after a refresh from the vault
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.set_case(case_id)
    assert [tab._code_rows[x].text(1) for x in (a, b, c)] == ["1", "1", "1"]
    assert background(tab, blue + 1) == QColor("#4363D8").rgb()


def test_hierarchical_codes_and_deleting_a_code_says_how_many_passages_go(
    qtbot: QtBot, study: tuple[Study, str, str]
) -> None:
    s, case_id, _item = study
    tab, runner = make_tab(qtbot, study)
    parent = add_code(tab, runner, "Didáctica", description="Cómo enseña")
    tab.codebook.setCurrentItem(tab._code_rows[parent])
    child = add_code(tab, runner, "Material concreto", parent_id=parent)
    row = tab._code_rows[child]
    assert row.parent() is tab._code_rows[parent]
    assert tab._code_rows[parent].toolTip(0) == "Didáctica\nCómo enseña"
    select_found(tab, "regletas")
    code(tab, runner, qtbot, child)
    select_found(tab, "Las regletas")
    code(tab, runner, qtbot, child)
    tab.codebook.setCurrentItem(tab._code_rows[parent])
    tab.confirm_delete_code()
    box = tab.last_box
    assert box is not None and box.objectName() == "caseDeleteCode"
    assert "2 coded passage" in box.informativeText()
    assert "1 subcode" in box.informativeText()
    delete = next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    )
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        delete.click()
    assert s.researcher.case_studies.coding.codes(case_id) == []
    assert s.researcher.case_studies.coding.passages(case_id) == []
    assert tab.codebook.topLevelItemCount() == 0
    assert background(tab, tab.text.document().find("regletas").selectionStart()) is None


def test_a_memo_on_a_passage_and_removing_a_coding(
    qtbot: QtBot, study: tuple[Study, str, str]
) -> None:
    s, case_id, _item = study
    tab, runner = make_tab(qtbot, study)
    code_id = add_code(tab, runner, "Personas")
    select_found(tab, QUOTE)
    segment = code(tab, runner, qtbot, code_id)
    # click inside the coded passage: its code and an empty memo
    cursor = QTextCursor(tab.text.document())
    cursor.setPosition(tab.text.document().find(QUOTE).selectionStart() + 3)
    tab.text.setTextCursor(cursor)
    assert tab.passage_list.count() == 1
    assert tab.current_passage() is not None
    tab.memo_edit.setPlainText("Nombra a la alumna: revisar seudónimo.")
    tab.memo_button.click()
    runner.wait(10_000)
    (memo,) = s.researcher.case_studies.coding.memos(case_id)
    assert (memo.target, memo.ref, memo.text) == (
        "segment",
        segment,
        "Nombra a la alumna: revisar seudónimo.",
    )
    tab.memo_edit.setPlainText("Revisado.")
    tab.memo_button.click()
    runner.wait(10_000)
    assert [m.text for m in s.researcher.case_studies.coding.memos(case_id)] == ["Revisado."]
    # the memo comes back after a refresh, when the passage is clicked again
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.set_case(case_id)
    tab.text.setTextCursor(cursor)
    assert tab.memo_edit.toPlainText() == "Revisado."
    tab.confirm_remove_passage()
    box = tab.last_box
    assert box is not None and box.objectName() == "caseRemovePassage"
    remove = next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    )
    remove.click()
    runner.wait(10_000)
    assert s.researcher.case_studies.coding.passages(case_id) == []
    assert s.researcher.case_studies.coding.memos(case_id) == []
    assert not tab.passage_box.isVisibleTo(tab)
    assert tab._code_rows[code_id].text(1) == "0"


def test_double_click_and_drop_apply_the_code(qtbot: QtBot, study: tuple[Study, str, str]) -> None:
    s, case_id, _item = study
    tab, runner = make_tab(qtbot, study)
    code_id = add_code(tab, runner, "Contenido")
    select_found(tab, "fracciones")
    with qtbot.waitSignal(tab.applied, timeout=10_000):
        tab.codebook.itemDoubleClicked.emit(tab._code_rows[code_id], 0)
    select_found(tab, "regletas")
    mime = QMimeData()
    mime.setData(CODING_MIME, b"selection")
    rect = tab.codebook.visualItemRect(tab._code_rows[code_id])
    drop = QDropEvent(
        QPointF(rect.center()),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(tab.applied, timeout=10_000):
        tab.codebook.dropEvent(drop)
    texts = sorted(p.text for p in s.researcher.case_studies.coding.passages(case_id))
    assert texts == ["fracciones", "regletas"]
    # no selection: nothing is coded, the view says why
    tab.text.setTextCursor(QTextCursor(tab.text.document()))
    tab.apply_code(code_id)
    runner.wait(10_000)
    assert len(s.researcher.case_studies.coding.passages(case_id)) == 2
    assert "Select a passage" in tab.status.text()
    assert tab.codebook.itemAt(QPoint(rect.center())) is tab._code_rows[code_id]


def test_the_text_menu_codes_the_selection_and_removes_a_coding(
    qtbot: QtBot, study: tuple[Study, str, str]
) -> None:
    s, case_id, _item = study
    tab, runner = make_tab(qtbot, study)
    parent = add_code(tab, runner, "Didáctica")
    child = add_code(tab, runner, "Material concreto", parent_id=parent)
    select_found(tab, "regletas")
    menu = QMenu()
    tab.fill_menu(menu)
    (sub,) = [a.menu() for a in menu.actions() if a.menu() is not None]
    assert isinstance(sub, QMenu)
    names = [a.text() for a in sub.actions()]
    assert names == ["Didáctica", "   Material concreto"]  # the tree, indented
    with qtbot.waitSignal(tab.applied, timeout=10_000):
        sub.actions()[1].trigger()
    (p,) = s.researcher.case_studies.coding.passages(case_id)
    assert (p.code_id, p.text) == (child, "regletas")
    # the cursor inside the passage, no selection: "Remove coding Material concreto…"
    cursor = QTextCursor(tab.text.document())
    cursor.setPosition(tab.text.document().find("regletas").selectionStart() + 2)
    tab.text.setTextCursor(cursor)
    menu = QMenu()
    tab.fill_menu(menu)
    assert not any(a.menu() for a in menu.actions())
    (remove,) = [a for a in menu.actions() if a.text().startswith("Remove coding")]
    assert remove.text() == "Remove coding Material concreto…"
    remove.trigger()
    box = tab.last_box
    assert box is not None and box.objectName() == "caseRemovePassage"


def test_a_refresh_under_way_does_not_lose_a_code_applied_meanwhile(
    qtbot: QtBot, study: tuple[Study, str, str]
) -> None:
    s, case_id, _item = study
    tab, runner = make_tab(qtbot, study)
    code_id = add_code(tab, runner, "Contenido", color="#4363D8")
    select_found(tab, "fracciones")
    tab.set_case(case_id)  # a refresh read begins (the shell after another tab's change)
    tab.apply_code(code_id)  # and the researcher codes before it arrives
    qtbot.waitUntil(lambda: not tab.busy and runner.pending == 0, timeout=10_000)
    assert tab.code_counts[code_id] == 1
    assert tab._code_rows[code_id].text(1) == "1"
    at = tab.text.document().find("fracciones").selectionStart()
    assert background(tab, at + 1) == QColor("#4363D8").rgb()
    assert len(s.researcher.case_studies.coding.passages(case_id)) == 1


def test_a_run_of_codings_says_changed_once(qtbot: QtBot, study: tuple[Study, str, str]) -> None:
    """The workspace re-reads the study in every other tab on ``changed``: not after each
    code applied, once the researcher pauses."""
    tab, runner = make_tab(qtbot, study)
    code_id = add_code(tab, runner, "Contenido")
    qtbot.waitSignal(tab.changed, timeout=5_000).wait()  # the code's own
    said: list[int] = []
    tab.changed.connect(lambda: said.append(1))
    for needle in ("fracciones", "regletas", "Hoy"):
        select_found(tab, needle)
        code(tab, runner, qtbot, code_id)
    assert said == []
    qtbot.waitUntil(lambda: said == [1], timeout=5_000)
    qtbot.wait(300)
    assert said == [1]


def test_the_item_filter(qtbot: QtBot, study: tuple[Study, str, str]) -> None:
    s, case_id, item_id = study
    other = s.researcher.case_studies.add(case_id, s.at("pseudo"))
    tab, _runner = make_tab(qtbot, study)
    assert tab.item_list.topLevelItemCount() == 2
    tab.item_filter.setText("2026-05-11")
    visible = [i for i, row in tab._item_rows.items() if not row.isHidden()]
    assert visible == [other.id]
    tab.item_filter.setText("estudiante 2026-05")
    assert not any(row.isHidden() for row in tab._item_rows.values())
    tab.item_filter.setText("nadie")
    assert all(row.isHidden() for row in tab._item_rows.values())
    assert item_id in tab._item_rows


def test_code_dialog_and_empty_state(qtbot: QtBot, study: tuple[Study, str, str]) -> None:
    tab, runner = make_tab(qtbot, study)
    tab.new_code()
    dialog = tab.dialog
    assert isinstance(dialog, CodeDialog)
    dialog.name_edit.setText("Evaluación")
    dialog.set_color(QColor("#123456"))
    dialog.description_edit.setPlainText("Cómo evalúa")
    dialog.accept()
    runner.wait(10_000)
    (code_view,) = tab.codes.values()
    assert (code_view.name, code_view.color, code_view.description) == (
        "Evaluación",
        "#123456",
        "Cómo evalúa",
    )
    tab.set_case(None)
    assert tab.empty.isVisibleTo(tab) and not tab.splitter.isVisibleTo(tab)


def test_layers_split_overlaps() -> None:
    assert layers([(0, 5, "a"), (3, 8, "b")]) == [(0, 3, ["a"]), (3, 5, ["a", "b"]), (5, 8, ["b"])]
    assert layers([(0, 2, "a"), (4, 6, "b")]) == [(0, 2, ["a"]), (4, 6, ["b"])]
