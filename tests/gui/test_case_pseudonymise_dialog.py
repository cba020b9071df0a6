"""The pseudonymisation review dialog (issue 15, point 3) over a real researcher's vault
with received entries: proposals found on the runner, reviewed, applied through the
service; a term added finds them again; a stop changes nothing."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.case_pseudonymise_dialog import PseudonymiseDialog, ReviewModel
from reflectdesk.progress import CancelToken, ProgressSink
from reflectdesk.services.case_pseudonymise import PseudonymMap, Replacement, Review
from tests.gui.sharing import check_screen
from tests.services.case_helpers import (
    CANARIES,
    EMAIL,
    PUPIL,
    RESEARCH_TEXT,
    RUT,
    SCHOOL,
    STUDENT,
    Study,
    close,
    make_study,
)


@pytest.fixture
def study(tmp_path: Path) -> Iterator[Study]:
    s = make_study(tmp_path)
    yield s
    close(s)


def open_dialog(qtbot: QtBot, ctx: AppContext, study: Study, case_id: str) -> PseudonymiseDialog:
    dialog = PseudonymiseDialog(study.researcher, ctx.runner, case_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.busy() and dialog.model.review is not None, timeout=10_000)
    return dialog


def terms(model: ReviewModel) -> dict[str, tuple[str, int]]:
    """term label → (kind shown, occurrences)."""
    return {t.label: (model.index(r, 1).data(), len(t.rows)) for r, t in enumerate(model.terms)}


def row_of(model: ReviewModel, label: str) -> int:
    return next(r for r, t in enumerate(model.terms) if t.label == label)


def test_review_skip_one_accept_the_rest_and_apply(
    qtbot: QtBot, ctx: AppContext, study: Study, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    cs = study.researcher.case_studies
    case = study.new_case()
    research = cs.add(case, study.at("research"))
    pseudo = cs.add(case, study.at("pseudo"))
    cs.pseudonymise.add_term(case, "pupil", PUPIL)
    cs.pseudonymise.add_term(case, "school", SCHOOL)
    dialog = open_dialog(qtbot, ctx, study, case)
    model = dialog.model
    found = terms(model)
    # Grouped by whom they name, with the kind: every form of the student together.
    assert found[STUDENT] == ("student", 2)  # "Valentina", "Valentina Rojas"
    assert found[PUPIL] == ("pupil", 2)  # "Martina Soto", "Martina"
    assert found[SCHOOL] == ("school", 1)
    assert found[RUT] == ("RUT", 1) and found[EMAIL] == ("e-mail", 1)
    assert model.index(row_of(model, STUDENT), 0).data() == f"{STUDENT} → Estudiante A"
    # Nothing is accepted until the researcher says so.
    assert dialog.count.text() == "0 of 7 accepted"
    qtbot.mouseClick(dialog.accept_all, Qt.MouseButton.LeftButton)
    assert dialog.count.text() == "7 of 7 accepted"

    # The before/after view of the selected occurrence.
    n = next(i for i, p in enumerate(model.proposals()) if p.original == SCHOOL)
    dialog.select_proposal(n)
    assert SCHOOL in dialog.before.toPlainText() and "Escuela 1" not in dialog.before.toPlainText()
    assert "Escuela 1" in dialog.after.toPlainText() and SCHOOL not in dialog.after.toPlainText()
    assert "Alumno/a 1" in dialog.after.toPlainText()  # the other accepted ones made too

    # Keyboard: Space skips the selected occurrence (the pupil's short form), Down moves.
    short = next(i for i, p in enumerate(model.proposals()) if p.original == "Martina")
    dialog.select_proposal(short)
    dialog.tree.setFocus()
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Space)
    assert not model.accepted[short] and dialog.count.text() == "6 of 7 accepted"
    assert "Skipped" in dialog.state_label.text()
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Space)
    assert model.accepted[short]
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Space)
    before = dialog.tree.currentIndex()
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Down)
    assert dialog.tree.currentIndex() != before
    # A term's box skips or accepts all its occurrences; "Accept all for this term".
    pupil_row = model.index(row_of(model, PUPIL), 0)
    assert pupil_row.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.PartiallyChecked
    dialog.tree.setCurrentIndex(pupil_row)
    qtbot.mouseClick(dialog.accept_term, Qt.MouseButton.LeftButton)
    assert pupil_row.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    # Skip one in the research entry ("Valentina,"): allowed, blocks nothing.
    valentina = next(
        i
        for i, p in enumerate(model.proposals())
        if p.original == "Valentina" and p.source.startswith(research.id)
    )
    dialog.select_proposal(valentina)
    qtbot.mouseClick(dialog.skip_one, Qt.MouseButton.LeftButton)
    assert not model.accepted[valentina]
    assert dialog.tree.currentIndex() != model.index_of_proposal(valentina)  # moved on
    assert dialog.blocked.isHidden()

    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert dialog.made == 6 and dialog.still_blocked == [] and dialog.blocked_box is None
    text = cs.item(case, research.id).text("description") or ""
    assert PUPIL not in text and SCHOOL not in text and "Alumno/a 1" in text
    assert "Escuela 1" in text and "Valentina" in text  # the skipped one stays
    other = cs.item(case, pseudo.id).text("description") or ""
    assert RUT not in other and EMAIL not in other and STUDENT not in other
    assert cs.item(case, pseudo.id).pseudonymised
    # The map never reaches a log line.
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert not any(c in logged for c in CANARIES), logged


def test_a_skip_in_a_pseudonymised_only_entry_says_exports_stay_blocked(
    qtbot: QtBot, ctx: AppContext, study: Study, tmp_path: Path
) -> None:
    cs = study.researcher.case_studies
    case = study.new_case()
    cs.add(case, study.at("research"))
    pseudo = cs.add(case, study.at("pseudo"))
    dialog = open_dialog(qtbot, ctx, study, case)
    model = dialog.model
    model.set_all(True)
    assert dialog.blocked.isHidden()
    email = next(i for i, p in enumerate(model.proposals()) if p.original == EMAIL)
    index = model.index_of_proposal(email)
    model.setData(index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert not dialog.blocked.isHidden()
    assert "exports stay blocked" in dialog.blocked.text()
    # The row says why: a warning mark while skipped, and the reason in its tooltip.
    assert not index.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert "only be used pseudonymised" in index.data(Qt.ItemDataRole.ToolTipRole)
    research_row = next(
        i for i, p in enumerate(model.proposals()) if not p.source.startswith(pseudo.id)
    )
    model.set_accepted([research_row], False)  # research consent: no mark, no note
    assert model.index_of_proposal(research_row).data(Qt.ItemDataRole.DecorationRole) is None
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.apply_button.click()
    # The service's answer: the entry still waits, and an export is refused.
    assert dialog.still_blocked == [pseudo.id]
    assert dialog.blocked_box is not None and "exports stay blocked" in dialog.blocked_box.text()
    dialog.blocked_box.close()
    assert EMAIL in (cs.item(case, pseudo.id).text("description") or "")
    assert not cs.item(case, pseudo.id).pseudonymised


def test_add_term_finds_the_proposals_again_and_keeps_decisions(
    qtbot: QtBot, ctx: AppContext, study: Study
) -> None:
    cs = study.researcher.case_studies
    case = study.new_case()
    cs.add(case, study.at("research"))
    dialog = open_dialog(qtbot, ctx, study, case)
    model = dialog.model
    assert PUPIL not in terms(model)  # not in the map yet
    model.set_all(True)
    accepted_before = model.counts()[0]
    assert accepted_before > 0
    qtbot.mouseClick(dialog.add_term_button, Qt.MouseButton.LeftButton)
    assert dialog.term_row.isVisible()
    dialog.term_kind.setCurrentIndex(dialog.term_kind.findData("pupil"))
    qtbot.keyClicks(dialog.term_name, PUPIL)
    qtbot.keyClicks(dialog.term_forms, "Martina, la Martina")
    qtbot.mouseClick(dialog.term_add, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=10_000)
    found = terms(model)
    assert found[PUPIL] == ("pupil", 2)
    assert "Alumno/a 1" in dialog.status.text()
    n = dialog.current_proposal()  # the new term is shown where it was found
    assert n is not None and model.proposals()[n].replacement == "Alumno/a 1"
    assert PUPIL in dialog.before.toPlainText() or "Martina" in dialog.before.toPlainText()
    # The decisions taken stay; the new ones wait for review.
    assert model.counts() == (accepted_before, accepted_before + 2)
    assert cs.pseudonymise.pseudonym_map(case).get(f"term:{PUPIL.casefold()}") is not None
    assert dialog.term_name.text() == ""


def test_stop_while_finding_changes_nothing(qtbot: QtBot, ctx: AppContext, study: Study) -> None:
    cs = study.researcher.case_studies
    case = study.new_case()
    item = cs.add(case, study.at("research"))
    cs.pseudonymise.propose(case)  # the map already holds the study's people
    pmap = cs.pseudonymise.pseudonym_map(case).to_json()
    events = len(cs.audit.events(case))
    # Hold the writer queue so the search is still waiting when Stop is pressed.
    gate = threading.Event()

    def hold(_p: ProgressSink, _c: CancelToken) -> None:
        gate.wait(10)

    ctx.runner.submit(hold, writer=True, name="test:hold")
    dialog = PseudonymiseDialog(study.researcher, ctx.runner, case)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.busy() and dialog.progress_row.isVisible()
    assert not dialog.apply_button.isEnabled()
    qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
    gate.set()
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=10_000)
    assert "nothing was changed" in dialog.status.text()
    assert dialog.model.review is None and not dialog.apply_button.isEnabled()
    assert cs.pseudonymise.pseudonym_map(case).to_json() == pmap
    assert cs.item(case, item.id).text("description") == RESEARCH_TEXT
    assert not cs.item(case, item.id).pseudonymised
    assert len(cs.audit.events(case)) == events
    # It can be started again, and then finds the proposals.
    assert dialog.again_button.isVisible() and not dialog.stop_button.isVisible()
    qtbot.mouseClick(dialog.again_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.model.review is not None, timeout=10_000)
    assert dialog.model.counts()[1] > 0 and not dialog.again_button.isVisible()
    dialog.reject()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_texts_changed_meanwhile_are_reported_and_searched_again(
    qtbot: QtBot, ctx: AppContext, study: Study
) -> None:
    cs = study.researcher.case_studies
    case = study.new_case()
    item = cs.add(case, study.at("research"))
    cs.pseudonymise.add_term(case, "school", SCHOOL)
    dialog = open_dialog(qtbot, ctx, study, case)
    dialog.model.set_all(True)
    # Someone else (the CLI) pseudonymises the school first.
    school = next(p for p in cs.pseudonymise.propose(case) if p.original == SCHOOL)
    cs.pseudonymise.apply(case, [school])
    text = cs.item(case, item.id).text("description")
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: dialog.error_box is not None, timeout=10_000)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "no longer matches" in dialog.error_box.text()
    assert cs.item(case, item.id).text("description") == text  # refused whole
    qtbot.waitUntil(lambda: not dialog.busy() and dialog.model.review is not None, timeout=10_000)
    assert SCHOOL not in {p.original for p in dialog.model.proposals()}  # found again
    dialog.error_box.close()


@pytest.mark.parametrize("language", ["es", "en"])
def test_translated_named_and_unclipped(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], study: Study, language: str
) -> None:
    ctx = make_ctx(language)
    cs = study.researcher.case_studies
    case = study.new_case()
    cs.add(case, study.at("pseudo"))
    dialog = open_dialog(qtbot, ctx, study, case)
    dialog.model.set_all(True)
    dialog.model.set_accepted([0], False)  # the blocked note shows
    dialog.add_term_button.setChecked(True)
    qtbot.wait(50)
    assert check_screen(dialog) == []
    title = dialog.windowTitle()
    count = dialog.count.text()
    if language == "es":
        assert title == "Revisar seudónimos" and count.endswith("aceptados")
        assert "quedan bloqueadas" in dialog.blocked.text()
        assert dialog.model.index(0, 2).data() == "1 vez"
    else:
        assert title == "Review pseudonyms" and count == "2 of 3 accepted"
        assert dialog.blocked.text().startswith("1 entry may only be used pseudonymised")


def test_twenty_thousand_proposals_review_quickly(qtbot: QtBot, ctx: AppContext) -> None:
    """The model of a large study: grouping, a whole term accepted and one occurrence
    toggled stay quick (one repaint per term, no scan of every proposal)."""
    sources = [f"item{i}#description" for i in range(2_000)]
    text = "Valentina habló con Martina. " * 10
    proposals = [
        Replacement(source, at, at + 9, "Valentina", "Estudiante A", "student", "s1")
        for source in sources
        for at in range(0, len(text), 29)
    ] + [
        Replacement(source, at + 20, at + 27, "Martina", "Alumno/a 1", "pupil", f"p{n % 50}")
        for n, source in enumerate(sources)
        for at in range(0, len(text), 29)
    ]
    people = PseudonymMap(language="es").add("s1", "student", ["Valentina"])
    for k in range(50):
        people = people.add(f"p{k}", "pupil", [f"Martina{k}"])
    review = Review(proposals, dict.fromkeys(sources, text), {}, people)
    model = ReviewModel(lambda _t, key: key)
    started = time.perf_counter()
    model.set_review(review)
    grouped = time.perf_counter() - started
    assert model.rowCount() == 51 and model.counts() == (0, 40_000)
    started = time.perf_counter()
    model.set_accepted(model.terms[0].rows, True)  # 20,000 occurrences of one term
    model.toggle(model.index_of_proposal(model.terms[0].rows[-1]))
    decided = time.perf_counter() - started
    assert model.counts() == (19_999, 40_000)
    assert grouped < 2.0 and decided < 0.5, (grouped, decided)
