"""The case study's Exports tab (issue 15, point 7), on a real researcher vault with real
received entries (tests/services/case_helpers.py): the reasons it cannot export, said
before the click; a .qdpx that validates, with progress; cancel that leaves no file; the
outdated flag after a withdrawal; the school type a researcher sets, in the export."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from reflectdesk.gui.case_exports import CaseExportsTab
from reflectdesk.gui.tasks import TaskRunner
from reflectdesk.progress import Progress
from reflectdesk.research.qdpx_read import read_qdpx
from reflectdesk.research.qdpx_validate import validate_project
from tests.services.case_helpers import Study, close, make_study


@pytest.fixture
def study(tmp_path: Path) -> Iterator[Study]:
    s = make_study(tmp_path)
    yield s
    close(s)


@pytest.fixture
def runner(qapp: QApplication) -> Iterator[TaskRunner]:
    r = TaskRunner()
    yield r
    r.wait(30_000)


def _tab(qtbot: QtBot, study: Study, runner: TaskRunner, case_id: str | None) -> CaseExportsTab:
    tab = CaseExportsTab(study.researcher, runner)
    qtbot.addWidget(tab)
    tab.resize(1000, 700)
    tab.show()
    tab.set_case(case_id)
    qtbot.waitUntil(lambda: not tab.loading, timeout=10_000)
    return tab


def _ready_case(study: Study) -> str:
    cs = study.researcher.case_studies
    case = study.new_case()
    one = cs.add(case, study.at("research"))
    cs.add(case, study.at("pseudo"))
    cs.pseudonymise.apply(case, cs.pseudonymise.propose(case))
    code = cs.coding.add_code(case, "Material concreto")
    cs.coding.apply_quote(case, one.id, "description", "regletas", code.id)
    return case


def _export(qtbot: QtBot, tab: CaseExportsTab, dest: Path) -> None:
    tab.start(dest)
    qtbot.waitUntil(lambda: tab.task is None, timeout=30_000)
    qtbot.waitUntil(lambda: not tab.loading, timeout=10_000)


def test_the_reasons_it_cannot_export_are_said_before_the_click(
    qtbot: QtBot, study: Study, runner: TaskRunner
) -> None:
    cs = study.researcher.case_studies
    planning = study.new_case(approved=False)
    tab = _tab(qtbot, study, runner, planning)
    assert not tab.export_button.isEnabled()
    assert tab.reason.isVisible() and "No ethics approval" in tab.reason.text()

    # Approved, but a research-pseudonymised entry not reviewed yet.
    case = study.new_case(title="Otra")
    cs.add(case, study.at("pseudo"))
    tab.set_case(case)
    qtbot.waitUntil(lambda: not tab.loading, timeout=10_000)
    assert not tab.export_button.isEnabled()
    assert "may only be used pseudonymised" in tab.reason.text()
    # The service refuses it too: the button says what the core would.
    cs.pseudonymise.apply(case, cs.pseudonymise.propose(case))
    tab.set_case(case)
    qtbot.waitUntil(lambda: not tab.loading, timeout=10_000)
    assert tab.export_button.isEnabled() and not tab.reason.isVisible()
    # A codebook with no code cannot be exported as .qdc.
    tab.set_format("qdc")
    assert not tab.export_button.isEnabled() and "codebook is empty" in tab.reason.text()
    tab.set_format("qdpx")
    assert tab.export_button.isEnabled()

    # Expired: the date is said.
    from datetime import date, timedelta

    expired = date.today() - timedelta(days=1)
    cs.approve(case, committee="CEC", reference="1", expires=expired)
    tab.set_case(case)
    qtbot.waitUntil(lambda: not tab.loading, timeout=10_000)
    assert not tab.export_button.isEnabled()
    assert f"expired on {expired.isoformat()}" in tab.reason.text()

    tab.set_case(None)
    assert tab.empty.isVisible() and not tab.export_box.isVisible()


def test_a_qdpx_export_validates_with_progress_and_says_where_it_went(
    qtbot: QtBot, study: Study, runner: TaskRunner, tmp_path: Path
) -> None:
    case = _ready_case(study)
    tab = _tab(qtbot, study, runner, case)
    assert tab.history_empty.isVisible() and tab.history.rowCount() == 0
    assert tab.default_name().startswith("case-study-") and tab.default_name().endswith(".qdpx")
    reports: list[Progress] = []
    dest = tmp_path / "exp" / "estudio.qdpx"
    dest.parent.mkdir()
    task = tab.start(dest)
    assert task is not None
    task.progressed.connect(reports.append)
    assert tab.progress.isVisible() and tab.cancel_button.isVisible()
    assert not tab.export_button.isEnabled()
    qtbot.waitUntil(lambda: tab.task is None, timeout=30_000)
    qtbot.waitUntil(lambda: not tab.loading, timeout=10_000)
    assert tab.last_error == "" and not tab.status.isVisible(), tab.status.text()
    assert reports and reports[-1].done == reports[-1].total == 100
    # The file is there, valid, readable back; its audit log beside it.
    with zipfile.ZipFile(dest) as z:
        validate_project({n: z.read(n) for n in z.namelist()})
    project = read_qdpx(dest)
    assert len(project.sources) == 3 and len(project.selections) == 1
    assert (tmp_path / "exp" / "estudio.qdpx.audit.json").exists()
    # "Saved to ‹folder›", Open the folder / Copy the path.
    assert tab.saved.isVisible() and tab.saved.saved_to.text() == f"Saved to {dest.parent}"
    opened: list[QUrl] = []
    tab.saved.opener = lambda url: opened.append(url) is None
    tab.saved.open_folder.click()
    assert opened == [QUrl.fromLocalFile(str(dest.parent))]
    tab.saved.copy.click()
    clipboard = QApplication.clipboard()
    assert clipboard is not None and clipboard.text() == str(dest)
    assert "estudio.qdpx.audit.json" in tab.audit_name.text()
    # The list of exports: this one, current. The folder is remembered.
    assert tab.history.rowCount() == 1
    assert tab.history.item(0, 2).text() == "estudio.qdpx"
    assert tab.history.item(0, 3).text() == "Current"
    assert CaseExportsTab.last_folder == str(dest.parent)


@pytest.mark.parametrize("fmt", ["qdpx", "pdf"])
def test_cancel_leaves_no_file(
    qtbot: QtBot, study: Study, runner: TaskRunner, tmp_path: Path, fmt: str
) -> None:
    case = _ready_case(study)
    tab = _tab(qtbot, study, runner, case)
    tab.set_format(fmt)
    before = study.researcher.case_studies.get(case).exports
    dest = tmp_path / f"cancelled.{fmt}"
    # Cancelled as soon as the export reports progress (the token is checked between
    # steps and between pages: nothing is written after it).
    task = tab.start(dest)
    assert task is not None
    task.cancel()
    qtbot.waitUntil(lambda: tab.task is None, timeout=30_000)
    assert tab.status.text() == "Export cancelled: nothing was written."
    assert tab.last_error == "cancelled"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("cancelled")) == []
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp file
    assert study.researcher.case_studies.get(case).exports == before
    assert not tab.saved.isVisible() and tab.export_button.isEnabled()


def test_a_pdf_export_is_a_pdf(
    qtbot: QtBot, study: Study, runner: TaskRunner, tmp_path: Path
) -> None:
    case = _ready_case(study)
    tab = _tab(qtbot, study, runner, case)
    tab.set_format("pdf")
    dest = tmp_path / "informe.pdf"
    _export(qtbot, tab, dest)
    assert dest.read_bytes().startswith(b"%PDF-"), tab.status.text()


def test_an_export_made_before_a_withdrawal_is_flagged_outdated(
    qtbot: QtBot, study: Study, runner: TaskRunner, tmp_path: Path
) -> None:
    case = _ready_case(study)
    tab = _tab(qtbot, study, runner, case)
    tab.set_format("md")
    _export(qtbot, tab, tmp_path / "informe.md")
    assert tab.history.item(0, 3).text() == "Current" and not tab.outdated.isVisible()
    study.researcher.imports.import_bundle(study.withdraw("research"))
    tab.set_case(case)
    qtbot.waitUntil(lambda: not tab.loading, timeout=10_000)
    state = tab.history.item(0, 3)
    assert state.text() == "Outdated" and state.font().bold() and not state.icon().isNull()
    assert "withdrawn" in state.toolTip()
    assert tab.outdated.isVisible() and "an entry was withdrawn" in tab.outdated.text()


def test_the_school_type_set_here_goes_into_the_qdpx(
    qtbot: QtBot, study: Study, runner: TaskRunner, tmp_path: Path
) -> None:
    case = _ready_case(study)
    tab = _tab(qtbot, study, runner, case)
    assert tab.attributes.rowCount() == 1
    pseudonym = tab.attributes.item(0, 0).text()
    assert pseudonym and tab.attributes.item(0, 4).text() == "C7, D10"
    combo = tab.attributes.cellWidget(0, 2)
    assert isinstance(combo, QComboBox) and combo.currentData() == ""
    changed: list[None] = []
    tab.changed.connect(lambda: changed.append(None))
    combo.setCurrentIndex(combo.findData("slep"))
    qtbot.waitUntil(lambda: bool(changed), timeout=10_000)
    qtbot.waitUntil(lambda: not tab.loading, timeout=10_000)
    attrs = study.researcher.case_studies.exports.attributes(case)
    assert [(a.pseudonym, a.school_type) for a in attrs] == [(pseudonym, "slep")]
    combo = tab.attributes.cellWidget(0, 2)
    assert isinstance(combo, QComboBox) and combo.currentData() == "slep"
    dest = tmp_path / "e.qdpx"
    _export(qtbot, tab, dest)
    (case_,) = read_qdpx(dest).cases
    values = {a.name: a.value for a in case_.attributes}
    assert values["School type"] == "SLEP (servicio local)"  # the study's language: es


# --- the PDF of a long report: laid out in pieces, cancel between them ----------------
def _long_report(excerpts: int = 3000) -> str:
    from reflectdesk.research.report import ReportCode, ReportData, ReportExcerpt, render_html

    codes = tuple(ReportCode(f"c{i}", f"Código {i}") for i in range(12))
    text = "Las regletas ayudaron a explicar las fracciones equivalentes con material concreto."
    return render_html(
        ReportData(
            title="Largo",
            items=excerpts,
            codes=codes,
            excerpts=tuple(
                ReportExcerpt(f"c{n % 12}", f"Estudiante {n % 7}", "análisis", None, f"{n} {text}")
                for n in range(excerpts)
            ),
            by_student={f"Estudiante {s}": {f"c{i}": s + i for i in range(12)} for s in range(7)},
        )
    )


def test_a_long_report_is_cut_between_blocks_never_inside_a_table() -> None:
    from reflectdesk.gui.portfolio_pdf import html_chunks

    html = _long_report()
    chunks = html_chunks(html, size=4000)
    assert len(chunks) > 20
    body = html.split("<body>", 1)[1].rsplit("</body>", 1)[0]
    assert "".join(chunks) == body  # nothing lost, nothing added
    for chunk in chunks:
        assert chunk.count("<table") == chunk.count("</table>")
        assert chunk.startswith(("<h2", "<h3", "<blockquote")) or chunk is chunks[0]


def test_a_chunked_pdf_has_every_passage_and_cancels_during_layout(
    qapp: QApplication, tmp_path: Path
) -> None:
    import time

    from reflectdesk.errors import Cancelled
    from reflectdesk.gui.case_exports import render_pdf
    from reflectdesk.progress import CancelToken
    from tests.cli.commands.test_review import pdf_text

    html = _long_report(600)
    seen: list[Progress] = []
    data = render_pdf(html, progress=seen.append, cancel=CancelToken())
    assert data.startswith(b"%PDF-")
    assert [p.done for p in seen] == sorted(p.done for p in seen) and seen[-1].done == 1000
    layout = [p for p in seen if p.done <= 400]
    assert len(layout) > 3  # progress while laying out, not only per page
    path = tmp_path / "r.pdf"
    path.write_bytes(data)
    text = " ".join(pdf_text(path).split())
    assert "0 Las regletas" in text and "599 Las regletas" in text
    assert "Frecuencia por estudiante" in text

    # Cancelled at the first piece laid out: raised before the next one.
    token = CancelToken()
    at: list[float] = []

    def cancel_early(p: Progress) -> None:
        if not at:
            at.append(time.perf_counter())
            token.cancel()

    with pytest.raises(Cancelled):
        render_pdf(_long_report(), progress=cancel_early, cancel=token)
    assert time.perf_counter() - at[0] < 2.0


def test_the_save_dialog_suggests_a_dated_name_in_the_last_folder(
    qtbot: QtBot, study: Study, runner: TaskRunner, tmp_path: Path
) -> None:
    case = _ready_case(study)
    tab = _tab(qtbot, study, runner, case)
    CaseExportsTab.last_folder = str(tmp_path)
    tab.set_format("md")
    asked: list[str] = []

    def answer(suggested: str) -> str:
        asked.append(suggested)
        return str(tmp_path / "mi-informe")  # typed without its extension

    tab.ask_save_path = answer  # type: ignore[method-assign]
    tab.choose_and_export()
    qtbot.waitUntil(lambda: tab.task is None, timeout=30_000)
    assert asked == [str(tmp_path / tab.default_name())]
    assert tab.default_name().startswith("case-study-report-") and asked[0].endswith(".md")
    assert (tmp_path / "mi-informe.md").exists()  # the extension added
    # Cancelled dialog: nothing happens.
    tab.ask_save_path = lambda suggested: ""  # type: ignore[method-assign]
    tab.choose_and_export()
    assert tab.task is None
