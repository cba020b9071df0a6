"""The entry picker (issue 15, item 2): research-consented entries can be added; read-only
and withdrawn ones are greyed with the reason written in the row; the filter; several at
once, at the revision shown, with progress when many."""

from __future__ import annotations

import random
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reflectdesk.bundles import BundleKind, BundleMeta, build_bundle, card_path
from reflectdesk.domain.model import Consent
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.case_picker import BATCH, CONSENT, STUDENT, TITLE, CasePickerDialog
from tests.gui.case_setup import study, wait_writes
from tests.services.batch_helpers import _entry, add_contacts, make_students
from tests.services.case_helpers import Study

__all__ = ["study"]


def _picker(qtbot: QtBot, ctx: AppContext, study: Study, case: str) -> CasePickerDialog:
    picker = CasePickerDialog(study.researcher, ctx.runner, case)
    qtbot.addWidget(picker)
    picker.open()
    qtbot.waitUntil(lambda: picker.loaded, timeout=10_000)
    return picker


def _rows(picker: CasePickerDialog) -> dict[str, int]:
    model = picker.model
    return {model.item(r, TITLE).text(): r for r in range(model.rowCount())}


def test_only_consented_entries_can_be_chosen(qtbot: QtBot, ctx: AppContext, study: Study) -> None:
    case = study.new_case()
    picker = _picker(qtbot, ctx, study, case)
    rows = _rows(picker)
    assert set(rows) == {"Clase de fracciones", "Observación", "Solo lectura"}
    model = picker.model
    read = rows["Solo lectura"]
    assert model.item(read, CONSENT).text() == "Not addable: consent to read only"
    assert model.item(read, TITLE).flags() == Qt.ItemFlag.NoItemFlags  # greyed
    assert "consent to read only" in model.item(read, TITLE).toolTip()
    assert model.item(rows["Clase de fracciones"], CONSENT).text() == "Research"
    assert model.item(rows["Observación"], CONSENT).text() == "Research, pseudonymised"
    assert model.item(rows["Observación"], STUDENT).text() == "Valentina Rojas"
    assert "3 entries shown; 2 can be added" in picker.count.text()
    # Choosing the read-only one with the research one: only the research one is taken.
    picker.select_entries([study.at("read"), study.at("research")])
    assert picker.selected() == [
        (study.at("research"), study.researcher.entries.get(study.at("research")).head.id)
    ]
    assert picker.add_button.isEnabled() and picker.add_button.text() == "&Add 1 entry"
    added: list[int] = []
    picker.added.connect(added.append)
    picker.add_button.click()
    wait_writes(qtbot, ctx)
    assert added == [1] and not picker.isVisible()
    (item,) = study.researcher.case_studies.items(case)
    assert item.entry_id == study.at("research")
    # Opened again: the added one says so, and cannot be chosen twice.
    again = _picker(qtbot, ctx, study, case)
    row = _rows(again)["Clase de fracciones"]
    assert again.model.item(row, CONSENT).text() == "Already in this study"
    assert again.model.item(row, TITLE).flags() == Qt.ItemFlag.NoItemFlags


def test_a_withdrawn_entry_shows_why(qtbot: QtBot, ctx: AppContext, study: Study) -> None:
    case = study.new_case()
    study.researcher.imports.import_bundle(study.withdraw("pseudo"))
    picker = _picker(qtbot, ctx, study, case)
    row = _rows(picker)["Observación"]
    assert picker.model.item(row, CONSENT).text() == "Not addable: consent withdrawn"
    assert picker.model.item(row, TITLE).flags() == Qt.ItemFlag.NoItemFlags


def test_without_approval_add_is_disabled_with_the_reason(
    qtbot: QtBot, ctx: AppContext, study: Study
) -> None:
    case = study.new_case(approved=False)
    picker = _picker(qtbot, ctx, study, case)
    picker.select_entries([study.at("research")])
    assert len(picker.selected()) == 1
    assert not picker.add_button.isEnabled()
    assert picker.blocked.text() == "Needs an ethics approval first (Approval…)."
    # Had it been clicked anyway (the approval removed meanwhile), the service refuses
    # and the dialog shows its message.
    picker.loaded, picker.study = True, None
    picker._update()
    picker.add_selected()
    wait_writes(qtbot, ctx)
    assert picker.error_box is not None and "ethics approval" in picker.error_box.text()
    assert study.researcher.case_studies.items(case) == []


def test_the_filter_matches_student_title_template_and_cohort(
    qtbot: QtBot, ctx: AppContext, study: Study
) -> None:
    r = study.researcher
    r.cohorts.create("Sección Norte", [study.student_at_researcher])
    picker = _picker(qtbot, ctx, study, study.new_case())
    shown = lambda: picker.proxy.rowCount()  # noqa: E731
    picker.filter.setText("observacion")  # without its accent
    assert shown() == 1
    picker.filter.setText("VALENTINA")
    assert shown() == 3
    picker.filter.setText("norte")  # the cohort
    assert shown() == 3
    picker.filter.setText("gibbs")  # the template's name
    assert shown() == 3
    picker.filter.setText("nadie")
    assert shown() == 0 and "0 of 3 entries shown" in picker.count.text()


def test_many_entries_are_added_in_batches_with_progress(
    qtbot: QtBot, ctx: AppContext, study: Study, tmp_path: Path
) -> None:
    r = study.researcher
    students = make_students(3)
    add_contacts(r, students, verify=False)
    me = r.identity.public()
    rnd = random.Random(7)
    per = BATCH // 2 + 1  # three students: more than one batch in all
    for n, student in enumerate(students):
        files = {card_path(student.key_id): student.card}
        consent = {}
        for k in range(per):
            entry_id, more = _entry(
                rnd, f"Semana {k}", 20, student.journal_id, None, student.key_id
            )
            files.update(more)
            consent[entry_id] = Consent.RESEARCH
        meta = BundleMeta(BundleKind.JOURNAL, entry_consent=consent)
        path = tmp_path / f"b{n}.rdbundle"
        path.write_bytes(build_bundle(student.identity, [me], files, meta))
        r.imports.import_bundle(path)
    case = study.new_case()
    picker = _picker(qtbot, ctx, study, case)
    picker.table.selectAll()
    chosen = picker.selected()
    assert len(chosen) == 3 * per + 2  # the read-only one is not selectable
    seen: list[int] = []
    picker.progress.valueChanged.connect(seen.append)
    picker.add_selected()
    assert picker.progress.isVisible()
    wait_writes(qtbot, ctx)
    assert len(r.case_studies.items(case)) == len(chosen)
    assert seen and seen[-1] == len(chosen)
