"""Issue 15, "how it is shown", first bullet: the researcher's case study, end to end,
through the real window, real vaults, real bundles and real crypto.

Twenty students' bundles with mixed consent are in the researcher's vault
(tests/gui/case_setup.py) → sidebar → Case studies → a new project with its ethics
approval (the project dialog) → the picker shows the read-only entries greyed with the
reason; only the consented ones are added → the pseudonymisation review accepts the
proposals (the pupil and the school added as terms) → three codes, made in the codebook,
applied to passages in two sections by selecting the text in the coding view (an emoji
and accents before one) → a memo on a passage → the Exports tab writes the `.qdpx` with
its progress bar moving, and it validates against the REFI-QDA schema → the project list
imports it as a fresh case study with the same codes, passages (same text at the same
offsets) and memos → the student's real withdrawal bundle arrives through the window's
import → her excerpts are gone from the coding view and the audit tab says withdrawn →
`case audit verify` (the real CLI) passes, and fails once one byte of the exported log
is changed."""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from reflectdesk.domain.model import Consent
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.case_audit_view import CaseAuditTab
from reflectdesk.gui.case_coding_view import CaseCodingTab, CodeDialog
from reflectdesk.gui.case_exports import CaseExportsTab
from reflectdesk.gui.case_items import CaseItemsTab
from reflectdesk.gui.case_picker import CONSENT, ENTRY_ROLE, CasePickerDialog
from reflectdesk.gui.case_picker import STUDENT as STUDENT_COL
from reflectdesk.gui.case_project_dialog import CaseProjectDialog
from reflectdesk.gui.case_pseudonymise_dialog import PseudonymiseDialog
from reflectdesk.gui.case_workspace import CaseWorkspace
from reflectdesk.gui.dates import show_date
from reflectdesk.gui.import_dialog import ImportDialog
from reflectdesk.gui.main_window import MainWindow
from reflectdesk.research.qdpx_validate import validate_project
from tests.gui.case_setup import (
    CANARIES,
    EMAIL,
    EMOJI,
    PUPIL,
    RUT,
    SCHOOL,
    STUDENT,
    CaseWorld,
    answer_file,
    build_world,
    child,
    click,
    click_sidebar,
    export_from_tab,
    modal,
    open_window,
)
from tests.gui.helpers import type_text
from tests.gui.review_setup import settle
from tests.gui.sharing import drop
from tests.support import PASSPHRASE, CliResult

TITLE = "Fracciones con material concreto"
QUESTION = "¿Cómo explican las fracciones con material concreto?"
MEMO = "Las regletas aparecen con las fracciones: ¿material o pregunta?"
CODES = ("Material concreto", "Preguntas de alumnos", "Reflexión")


def show_tab(qtbot: QtBot, tabs: QTabWidget, page: QWidget) -> None:
    """A click on the tab that holds ``page``."""
    (index,) = [
        i
        for i in range(tabs.count())
        if tabs.widget(i) is page or tabs.widget(i).isAncestorOf(page)
    ]
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    qtbot.waitUntil(lambda: tabs.currentIndex() == index, timeout=5_000)


def run_cli(vault_dir: Path, monkeypatch: pytest.MonkeyPatch, *argv: str) -> CliResult:
    """``reflectdesk-cli`` in-process, as tests/cli runs it."""
    from reflectdesk.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with monkeypatch.context() as m:
        m.setenv("REFLECTDESK_HOME", str(vault_dir))
        m.setenv("REFLECTDESK_PASSPHRASE", PASSPHRASE)
        m.setenv("REFLECTDESK_LANG", "en")
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = main(list(argv))
            except SystemExit as exc:
                code = int(exc.code or 0)
    return CliResult(code, out.getvalue(), err.getvalue())


def click_at(qtbot: QtBot, coding: Any, section: str, offset: int) -> None:
    """A click in the coding view's text just before code point ``offset`` of
    ``section`` (Qt counts UTF-16 units: the emoji is two)."""
    sec = coding.section(section)
    assert sec is not None, section
    edit = coding.text
    target = sec.start + len(sec.text[:offset].encode("utf-16-le")) // 2
    cursor = QTextCursor(edit.document())
    cursor.setPosition(target)
    rect = edit.cursorRect(cursor)
    assert edit.viewport().rect().contains(rect.center()), (rect, edit.viewport().rect())
    qtbot.mouseClick(edit.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert edit.textCursor().position() == target and not edit.textCursor().hasSelection()


def select_passage(qtbot: QtBot, coding: Any, section: str, quote: str) -> tuple[int, int]:
    """Select ``quote`` in ``section`` of the coding view's text as a person does: a
    click before it, then Shift+Right over it. Returns its (start, end) in code points
    of the section's text."""
    sec = coding.section(section)
    assert sec is not None, section
    start = sec.text.index(quote)
    click_at(qtbot, coding, section, start)
    edit = coding.text
    for _ in range(len(quote.encode("utf-16-le")) // 2):
        qtbot.keyClick(edit, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert edit.textCursor().selectedText() == quote
    return start, start + len(quote)


def click_in_text(qtbot: QtBot, coding: Any, section: str, quote: str) -> None:
    """A click in the middle of ``quote`` in the coding view's text."""
    sec = coding.section(section)
    assert sec is not None, section
    click_at(qtbot, coding, section, sec.text.index(quote) + len(quote) // 2)


class Said:
    """What the window said in Spanish, checked at the end (so that while the
    translations are being filled the rest of the journey still runs)."""

    def __init__(self) -> None:
        self.wrong: list[str] = []

    def equal(self, shown: object, expected: object) -> None:
        if shown != expected:
            self.wrong.append(f"{shown!r} != {expected!r}")

    def starts(self, shown: str, expected: str) -> None:
        if not shown.startswith(expected):
            self.wrong.append(f"{shown!r} does not start with {expected!r}")

    def contains(self, shown: str, expected: str) -> None:
        if expected not in shown:
            self.wrong.append(f"{expected!r} not in {shown!r}")


def test_a_case_study_from_consent_to_a_verified_audit_log(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started = time.perf_counter()
    ctx = make_ctx("es")
    world = build_world(ctx.vault_dir, tmp_path)
    window: MainWindow | None = None
    try:
        window = open_window(qtbot, ctx, world.researcher)
        _journey(qtbot, ctx, window, world, tmp_path, monkeypatch)
    finally:
        if window is not None:
            window.prepare_to_close()
        ctx.runner.wait(10_000)
        world.close()
    spent = time.perf_counter() - started
    assert spent < 90, spent


def _journey(
    qtbot: QtBot,
    ctx: AppContext,
    window: MainWindow,
    world: CaseWorld,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    r = world.researcher
    cs = r.case_studies
    said = Said()

    # -- sidebar → Case studies --------------------------------------------------------
    click_sidebar(qtbot, window, "sharing", "case_studies")
    workspace = window.page("case_studies")
    assert isinstance(workspace, CaseWorkspace)
    qtbot.waitUntil(workspace.isVisible, timeout=5_000)
    assert cs.list() == []

    # -- a new project with its approval -------------------------------------------------
    click(qtbot, child(workspace, QAbstractButton, "caseNewButton"))
    dialog = modal(qtbot, CaseProjectDialog)
    dialog.title.setFocus()
    type_text(qtbot, dialog.title, TITLE)
    type_text(qtbot, dialog.question, QUESTION)
    type_text(qtbot, dialog.committee, "CEC-CSAH")
    type_text(qtbot, dialog.reference, "2026-041")
    until = date.today() + timedelta(days=400)
    expires = child(dialog, QDateEdit, "caseExpiresEdit")
    expires.setFocus()
    expires.setDate(QDate(until.year, until.month, until.day))  # as picked on its calendar
    save = child(dialog, QAbstractButton, "caseProjectSave")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        click(qtbot, save)
    (study,) = cs.list()
    case = study.id
    assert study.title == TITLE and study.question == QUESTION
    assert study.status == "approved" and study.approval is not None
    assert (study.approval.committee, study.approval.reference) == ("CEC-CSAH", "2026-041")
    assert study.approval.expires == until
    status = child(workspace, QLabel, "caseApprovalStatus")
    qtbot.waitUntil(lambda: "CEC-CSAH" in status.text(), timeout=5_000)
    assert show_date(until) in status.text(), status.text()
    said.equal(status.text(), f"Aprobado por CEC-CSAH, ref. 2026-041, hasta el {show_date(until)}")
    assert child(workspace, QLabel, "caseTitle").text() == TITLE

    # -- the picker: read-only greyed with the reason, only the consented can be added ---
    tabs = child(workspace, QTabWidget, "caseTabs")
    items_tab = workspace.findChild(CaseItemsTab)
    assert items_tab is not None
    show_tab(qtbot, tabs, items_tab)
    click(qtbot, items_tab.add_button)
    picker = modal(qtbot, CasePickerDialog)
    qtbot.waitUntil(lambda: picker.loaded, timeout=10_000)
    proxy = picker.table.model()
    assert proxy.rowCount() == len(world.consent) == 60
    reasons: dict[str, str] = {}
    for row in range(proxy.rowCount()):
        entry_id = proxy.index(row, STUDENT_COL).data(ENTRY_ROLE)
        flags = proxy.flags(proxy.index(row, STUDENT_COL))
        reasons[entry_id] = proxy.index(row, CONSENT).data()
        addable = entry_id in world.addable
        assert bool(flags & Qt.ItemFlag.ItemIsEnabled) == addable, entry_id  # greyed
        assert bool(flags & Qt.ItemFlag.ItemIsSelectable) == addable, entry_id
    read_only = {reasons[e] for e in world.read_only}
    assert len(read_only) == 1, read_only  # one reason, the same for every one
    said.equal(read_only.pop(), "No se puede añadir: consentimiento solo para lectura")
    consented = sorted({reasons[e] for e in world.addable})
    assert len(consented) == 2, consented
    said.equal(consented, ["Investigación", "Investigación, con seudónimos"])
    picker.table.setFocus()
    qtbot.keyClick(picker.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert {e for e, _rev in picker.selected()} == world.addable
    with qtbot.waitSignal(picker.added, timeout=30_000) as added:
        click(qtbot, picker.add_button)
    assert added.args == [40]
    qtbot.waitUntil(lambda: items_tab.model.rowCount() == 40, timeout=10_000)
    items = cs.items(case)
    assert {i.entry_id for i in items} == world.addable
    assert len({i.pseudonym for i in items}) == 20
    assert all(i.provenance.signature_checked and i.provenance.bundle_id for i in items)

    # -- the pseudonymisation review: the proposals accepted -----------------------------
    waiting = [i for i in items if i.needs_pseudonymisation]
    assert len(waiting) == sum(c is Consent.RESEARCH_PSEUDONYMISED for c in world.consent.values())
    click(qtbot, child(items_tab, QAbstractButton, "casePseudonymiseButton"))
    review = modal(qtbot, PseudonymiseDialog)
    with qtbot.waitSignal(review.accepted, timeout=20_000):
        _review_pseudonyms(qtbot, review)
    assert cs.pseudonymise.propose(case) == []
    items = cs.items(case)
    assert all(i.pseudonymised for i in items if i.needs_pseudonymisation)
    for item in items:
        text = " ".join(t for _k, t in item.sections)
        for kind, canary in {**CANARIES, "school": SCHOOL}.items():
            assert canary not in text, (kind, item.pseudonym)

    # -- coding: three codes, passages in two sections (an emoji and accents before) -----
    coding = workspace.findChild(CaseCodingTab)
    assert coding is not None
    show_tab(qtbot, tabs, coding)
    qtbot.waitUntil(lambda: not coding.busy, timeout=10_000)
    for n, name in enumerate(CODES):
        if n == 2:  # "Reflexión" under "Material concreto"
            _click_code(qtbot, coding, CODES[0])
            click(qtbot, child(coding, QAbstractButton, "caseCodeNewSub"))
        else:
            click(qtbot, child(coding, QAbstractButton, "caseCodeNew"))
        code_dialog = modal(qtbot, CodeDialog)
        type_text(qtbot, code_dialog.name_edit, name)
        code_dialog.accept()
        qtbot.waitUntil(lambda name=name: name in {c.name for c in coding.codes.values()})
    codes = {c.name: c for c in cs.coding.codes(case)}
    assert set(codes) == set(CODES) and codes[CODES[2]].parent_id == codes[CODES[0]].id
    real = next(i for i in items if i.entry_id == world.at("research"))
    description = real.text("description") or ""
    assert EMOJI in description[: description.index("fracciones")]
    assert "trabajé" in description[: description.index("fracciones")]
    coding.select_item(real.id)
    qtbot.waitUntil(lambda: coding.section("description") is not None, timeout=5_000)
    wanted = [
        ("description", "fracciones", CODES[0]),
        ("description", "preguntó", CODES[1]),
        ("analysis", "regletas", CODES[2]),
    ]
    made: dict[str, tuple[str, int, int, str]] = {}
    for section, quote, code in wanted:
        start, end = select_passage(qtbot, coding, section, quote)
        _click_code(qtbot, coding, code)
        with qtbot.waitSignal(coding.applied, timeout=10_000) as applied:
            click(qtbot, child(coding, QAbstractButton, "caseCodeApply"))
        made[str(applied.args[0])] = (section, start, end, code)
    assert "regletas" in coding.text.toPlainText()
    passages = {p.segment_id: p for p in cs.coding.passages(case)}
    for pid, (section, start, end, code) in made.items():
        p = passages[pid]
        assert (p.section, p.start, p.end, p.code_id) == (section, start, end, codes[code].id)
        assert p.text == (real.text(section) or "")[start:end]
    assert [p.text for p in passages.values() if p.section == "description"].count(
        "fracciones"
    ) == 1

    # -- a memo on the first passage ------------------------------------------------------
    first = next(pid for pid, m in made.items() if m[3] == CODES[0])
    click_in_text(qtbot, coding, "description", "fracciones")
    qtbot.waitUntil(coding.passage_box.isVisible, timeout=5_000)
    assert coding.current_passage().segment_id == first
    memo_edit = child(coding, QWidget, "casePassageMemo")
    memo_edit.setFocus()
    type_text(qtbot, memo_edit, MEMO)
    click(qtbot, child(coding, QAbstractButton, "casePassageMemoSave"))
    qtbot.waitUntil(lambda: [m.text for m in cs.coding.memos(case)] == [MEMO], timeout=10_000)
    (memo,) = cs.coding.memos(case)
    assert (memo.target, memo.ref) == ("segment", first)
    before = sorted((p.text, p.start, p.end) for p in cs.coding.passages(case))

    # -- the .qdpx from the Exports tab, progress shown, valid against the schema ---------
    exported = tmp_path / "estudio.qdpx"
    _export_from_tab(qtbot, tabs, workspace, "qdpx", exported)
    with zipfile.ZipFile(exported) as archive:
        validate_project({n: archive.read(n) for n in archive.namelist()})
    assert exported.with_name(exported.name + ".audit.json").exists()

    # -- re-imported from the project list: the same codes, passages and memos ------------
    click(qtbot, child(workspace, QAbstractButton, "caseImportButton"))
    answer_file(qtbot, "caseImportDialog", exported)
    qtbot.waitUntil(lambda: len(cs.list()) == 2, timeout=20_000)
    (fresh,) = [s.id for s in cs.list() if s.id != case]
    assert sorted((p.text, p.start, p.end) for p in cs.coding.passages(fresh)) == before
    assert sorted(c.name for c in cs.coding.codes(fresh)) == sorted(CODES)
    assert [m.text for m in cs.coding.memos(fresh)] == [MEMO]
    # The window shows it, selected in the list, its codebook in the Coding tab.
    qtbot.waitUntil(lambda: workspace.current_case_id() == fresh, timeout=10_000)
    assert child(workspace, QListWidget, "caseProjectList").count() == 2
    show_tab(qtbot, tabs, coding)
    qtbot.waitUntil(
        lambda: coding.case_id == fresh and {c.name for c in coding.codes.values()} == set(CODES),
        timeout=10_000,
    )
    _open_project(qtbot, workspace, case)

    # -- the student withdraws: her excerpts go, the audit tab says so --------------------
    withdrawal = world.withdraw("research")
    drop(window, withdrawal)
    received = window.dialogs["import"]
    assert isinstance(received, ImportDialog)
    qtbot.waitUntil(lambda: received.preview is not None, timeout=10_000)
    click(qtbot, received.import_button)
    qtbot.waitUntil(lambda: received.result_ is not None, timeout=10_000)
    assert received.result_ is not None and received.result_.withdrawals == 1
    received.accept()
    settle(qtbot, window)
    show_tab(qtbot, tabs, coding)
    qtbot.waitUntil(lambda: real.id not in coding.items, timeout=10_000)
    assert coding.item_id != real.id and not coding.passages.get(real.id)
    assert "regletas" not in coding.text.toPlainText()
    assert all(p.item_id != real.id for p in cs.coding.passages(case))
    assert cs.coding.memos(case) == []
    (note,) = cs.get(case).withdrawals
    show_tab(qtbot, tabs, items_tab)
    qtbot.waitUntil(lambda: items_tab.model.rowCount() == 40, timeout=10_000)  # 39 and a line
    model = items_tab.table.model()
    lines = [
        str(model.index(row, 0).data())
        for row in range(model.rowCount())
        if not model.flags(model.index(row, 0)) & Qt.ItemFlag.ItemIsEnabled
    ]
    assert len(lines) == 1 and note.bundle_id[:8] in lines[0], lines  # greyed
    said.starts(lines[0], "Retirado el ")
    assert cs.get(case).exports[0].outdated  # the .qdpx made before it
    audit_tab = workspace.findChild(CaseAuditTab)
    assert audit_tab is not None
    show_tab(qtbot, tabs, audit_tab)
    log_model = audit_tab.table.model()
    qtbot.waitUntil(
        lambda: log_model.rowCount() > 0 and "retirado" in str(log_model.index(0, 1).data()),
        timeout=10_000,
    )  # the newest first
    said.equal(log_model.index(0, 1).data(), "Consentimiento retirado: elemento quitado")
    said.contains(str(log_model.index(0, 2).data()), "retirado el")

    # -- `case audit verify`: passes, and fails after one byte of the exported log --------
    log_file = tmp_path / "registro.audit.json"
    click(qtbot, audit_tab.export_button)
    answer_file(qtbot, "caseAuditExportDialog", log_file)
    qtbot.waitUntil(log_file.exists, timeout=10_000)
    window.prepare_to_close()
    ctx.runner.wait(10_000)
    r.close()  # the CLI opens the vault itself
    shown = run_cli(ctx.vault_dir, monkeypatch, "case", "audit", "verify", case)
    assert shown.code == 0 and "verifies" in shown.out, shown
    shown = run_cli(ctx.vault_dir, monkeypatch, "case", "audit", "verify", "--file", str(log_file))
    assert shown.code == 0 and "verifies" in shown.out, shown
    data = bytearray(log_file.read_bytes())
    data[len(data) // 2] ^= 0x01
    log_file.write_bytes(bytes(data))
    shown = run_cli(ctx.vault_dir, monkeypatch, "case", "audit", "verify", "--file", str(log_file))
    assert shown.code == 6 and "audit log does not verify" in shown.err, shown
    assert said.wrong == [], "\n".join(said.wrong)  # in Spanish, as the researcher reads it


# -- steps whose widgets are the other helpers' ------------------------------------------
def _click_code(qtbot: QtBot, coding: Any, name: str) -> None:
    tree = coding.codebook
    (row,) = [
        item
        for item in _tree_items(tree)
        if item.text(0) == name or item.text(0).startswith(name + " ")
    ]
    tree.scrollToItem(row)
    rect = tree.visualItemRect(row)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: tree.currentItem() is row, timeout=2_000)


def _tree_items(tree: Any) -> list[Any]:
    out = []
    stack = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while stack:
        item = stack.pop(0)
        out.append(item)
        stack.extend(item.child(i) for i in range(item.childCount()))
    return out


def _review_pseudonyms(qtbot: QtBot, review: Any) -> None:
    """The pupil and her school added as terms, every proposal accepted, applied."""
    qtbot.waitUntil(lambda: not review.busy(), timeout=20_000)
    found = {p.original for p in review.model.proposals()}
    assert STUDENT in found and RUT in found and EMAIL in found, found
    assert PUPIL not in found  # not a contact: the researcher adds her
    click(qtbot, child(review, QAbstractButton, "pseudoAddTermButton"))
    for kind, name in (("pupil", PUPIL), ("school", SCHOOL)):
        combo = child(review, QComboBox, "pseudoTermKind")
        combo.setCurrentIndex(combo.findData(kind))
        edit = child(review, QLineEdit, "pseudoTermName")
        edit.setFocus()
        type_text(qtbot, edit, name)
        click(qtbot, child(review, QAbstractButton, "pseudoTermAdd"))
        qtbot.waitUntil(lambda: not review.busy(), timeout=20_000)
    found = {p.original for p in review.model.proposals()}
    assert PUPIL in found and SCHOOL in found, found
    click(qtbot, child(review, QAbstractButton, "pseudoAcceptAll"))
    assert len(review.model.accepted_proposals()) == len(review.model.proposals())
    click(qtbot, child(review, QAbstractButton, "pseudoApply"))


def _export_from_tab(
    qtbot: QtBot, tabs: QTabWidget, workspace: QWidget, fmt: str, path: Path
) -> None:
    """The Exports tab writes ``path`` as ``fmt``, its progress bar moving to the end."""
    tab = workspace.findChild(CaseExportsTab)
    assert tab is not None
    show_tab(qtbot, tabs, tab)
    qtbot.waitUntil(lambda: not tab.loading, timeout=10_000)
    seen = export_from_tab(qtbot, tab, fmt, path)
    assert seen and len(set(seen)) > 1, seen  # it moved, not one jump
    assert max(seen) == child(tab, QProgressBar, "caseExportProgress").maximum()


def _open_project(qtbot: QtBot, workspace: Any, case_id: str) -> None:
    """A click on the study in the project list."""
    projects = child(workspace, QListWidget, "caseProjectList")
    (row,) = [
        projects.item(r)
        for r in range(projects.count())
        if projects.item(r).data(Qt.ItemDataRole.UserRole + 1) == case_id
    ]
    projects.scrollToItem(row)
    rect = projects.visualItemRect(row)
    qtbot.mouseClick(projects.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: workspace.current_case_id() == case_id, timeout=5_000)
