"""The case study's Queries tab (issue 15, point 4) on a real researcher vault
(tests/services/case_helpers.py: real bundles, mixed consent): an approved study, two
items, a small codebook and passages applied through the services; each query shows
the services' numbers, exports its CSV (and the chart its PNG and SVG), says what to do
when there is nothing to show, reads on the runner, and names students by pseudonym."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.case_queries import (
    COL_DATE,
    COL_SECTION,
    COL_STUDENT,
    COOCCURRENCE,
    FREQUENCIES,
    PASSAGES,
    STANDARDS,
    CaseQueriesTab,
)
from reflectdesk.gui.i18n import PseudoTranslator
from reflectdesk.services.case_coding import CodeView
from tests.services.case_helpers import EMAIL, RUT, STUDENT, Study, close, make_study


@dataclass
class Coded:
    study: Study
    case: str
    items: tuple[str, str]  # (the research entry's item, the pseudonymised one's)
    didactics: CodeView  # with a sub-code
    material: CodeView  # under didactics
    assessment: CodeView
    segments: dict[str, str]  # label → passage id


@pytest.fixture
def coded(tmp_path: Path) -> Iterator[Coded]:
    study = make_study(tmp_path)
    cs = study.researcher.case_studies
    case = study.new_case()
    one = cs.add(case, study.at("research"))  # 2026-05-04, C7, description + analysis
    two = cs.add(case, study.at("pseudo"))  # 2026-05-11, C7 + D10, description
    cs.pseudonymise.add_term(case, "pupil", "Martina Soto")
    cs.pseudonymise.add_term(case, "school", "Escuela Los Aromos")
    cs.pseudonymise.apply(case, cs.pseudonymise.propose(case))
    c = cs.coding
    didactics = c.add_code(case, "Didáctica", color="#0072B2", description="Cómo enseña")
    material = c.add_code(case, "Material", parent_id=didactics.id, color="#E69F00")
    assessment = c.add_code(case, "Evaluación", color="#009E73")
    segments = {
        "worked": c.apply_quote(case, one.id, "description", "trabajé con", didactics.id),
        "overlap": c.apply_quote(case, one.id, "description", "con", assessment.id),
        "rods": c.apply_quote(case, one.id, "analysis", "regletas", material.id),
        "fractions": c.apply_quote(case, two.id, "description", "fracciones", assessment.id),
        "class": c.apply_quote(case, two.id, "description", "observó la clase", didactics.id),
    }
    yield Coded(study, case, (one.id, two.id), didactics, material, assessment, segments)
    close(study)


def make_tab(
    qtbot: QtBot, ctx: AppContext, coded: Coded, case: str | None = None
) -> CaseQueriesTab:
    tab = CaseQueriesTab(coded.study.researcher, ctx.runner)
    qtbot.addWidget(tab)
    tab.resize(1000, 560)
    tab.show()
    with qtbot.waitSignal(tab.shown, timeout=10_000):
        tab.set_case(coded.case if case is None else case)
    return tab


def column(tab: CaseQueriesTab, col: int) -> list[str]:
    model = tab.table.model()
    return [str(model.index(r, col).data()) for r in range(model.rowCount())]


def test_passages_by_code_with_the_filters(qtbot: QtBot, ctx: AppContext, coded: Coded) -> None:
    tab = make_tab(qtbot, ctx, coded)
    coding = coded.study.researcher.case_studies.coding
    every = coding.passages(coded.case)
    assert [p.segment_id for p in tab.passage_rows()] == [p.segment_id for p in every]
    assert len(every) == 5 and tab.body.currentIndex() == 1
    assert "Passages shown: 5 of 5" in tab.status.text()
    # The table: code name, pseudonym, a date, the template's section title.
    assert set(column(tab, COL_STUDENT)) == {"Estudiante A"}
    assert "Analysis" in column(tab, COL_SECTION) and "Description" in column(tab, COL_SECTION)
    assert "4 May 2026" in column(tab, COL_DATE)
    # A parent code holds its sub-code's passages, as the service's query does.
    tab.set_codes([coded.didactics.id])
    expected = coding.passages(coded.case, coded.didactics.id)
    assert {p.segment_id for p in tab.passage_rows()} == {p.segment_id for p in expected}
    assert coded.segments["rods"] in {p.segment_id for p in expected}
    assert len(expected) == 3
    # Two codes: their union.
    tab.set_codes([coded.material.id, coded.assessment.id])
    assert {p.segment_id for p in tab.passage_rows()} == {
        coded.segments[k] for k in ("rods", "overlap", "fractions")
    }
    # A section, then a date range (the second entry is dated 11 May).
    tab.set_codes([])
    tab.set_filters(section="analysis")
    assert [p.segment_id for p in tab.passage_rows()] == [coded.segments["rods"]]
    tab.set_filters(date_from=date(2026, 5, 10))
    assert {p.item_id for p in tab.passage_rows()} == {coded.items[1]}
    tab.set_filters(date_to=date(2026, 5, 10))
    assert {p.item_id for p in tab.passage_rows()} == {coded.items[0]}
    tab.set_filters(student="Estudiante B")  # nobody: the whole list again (no such option)
    assert len(tab.passage_rows()) == 5
    tab.set_filters(date_from=date(2027, 1, 1))
    assert tab.passage_rows() == [] and "No passage matches" in tab.status.text()
    tab.set_filters()
    # The whole passage, in its context, in the pane below.
    row = next(
        r for r, p in enumerate(tab.passage_rows()) if p.segment_id == coded.segments["class"]
    )
    tab.table.setCurrentIndex(tab.passage_model.index(row, 0))
    pane = tab.passage_text.toPlainText()
    assert "observó la clase" in pane and "Didáctica" in pane and "profesora guía" in pane
    # Double-click (and the button) ask the workspace to open it in the Coding tab.
    with qtbot.waitSignal(tab.open_passage, timeout=2_000) as blocker:
        tab.table.doubleClicked.emit(tab.passage_model.index(row, 1))
    assert blocker.args == [coded.items[1], coded.segments["class"]]
    with qtbot.waitSignal(tab.open_passage, timeout=2_000) as blocker:
        tab.open_button.click()
    assert blocker.args == [coded.items[1], coded.segments["class"]]
    # A double click opens the row clicked, whichever row is current.
    first = tab.passage_rows()[0]
    assert first.segment_id != coded.segments["class"]
    with qtbot.waitSignal(tab.open_passage, timeout=2_000) as blocker:
        tab.table.doubleClicked.emit(tab.passage_model.index(0, 4))
    assert blocker.args == [first.item_id, first.segment_id]


def test_sorting_passages_by_date(qtbot: QtBot, ctx: AppContext, coded: Coded) -> None:
    tab = make_tab(qtbot, ctx, coded)
    tab.table.sortByColumn(COL_DATE, Qt.SortOrder.DescendingOrder)
    dates = [p.event_date for p in tab.passage_rows()]
    assert dates == sorted(dates, reverse=True)  # type: ignore[type-var]
    assert dates[0] == date(2026, 5, 11)


def test_frequencies_cooccurrence_and_standards_match_the_service(
    qtbot: QtBot, ctx: AppContext, coded: Coded
) -> None:
    tab = make_tab(qtbot, ctx, coded)
    coding = coded.study.researcher.case_studies.coding
    freq = coding.frequencies(coded.case)
    d, m, a = coded.didactics.id, coded.material.id, coded.assessment.id
    order = [d, m, a]  # the codebook's tree: a parent, its sub-code, then the next root
    tab.show_query(FREQUENCIES)
    model = tab.freq_model
    headers = [model.headerData(k, Qt.Orientation.Horizontal) for k in range(model.columnCount())]
    assert headers == ["Didáctica", "Material", "Evaluación", "Total"]
    assert model.headerData(0, Qt.Orientation.Vertical) == "Estudiante A"
    assert [model.index(0, k).data() for k in range(4)] == [
        str(freq.by_student["Estudiante A"].get(c, 0)) for c in order
    ] + ["5"]
    assert freq.by_student["Estudiante A"] == {d: 2, m: 1, a: 2}
    # Per template section.
    tab.per.setCurrentIndex(1)
    rows = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert rows == ["Description", "Analysis"]  # the template's order
    for r, key in enumerate(("description", "analysis")):
        cells = [model.index(r, k).data() for k in range(3)]
        assert cells == [str(freq.by_section[key].get(c, 0)) for c in order]
    # The chart: one bar per section, one stacked set per code in its colour.
    series = tab.freq_chart.chart.series()
    assert len(series) == 1
    sets = series[0].barSets()  # type: ignore[attr-defined]
    assert [s.label() for s in sets] == ["Didáctica", "Material", "Evaluación"]
    assert sets[0].color().name().upper() == "#0072B2"
    assert tab.freq_chart.cat_axis.categories() == ["Analysis", "Description"]  # bottom up
    # Co-occurrence: "con" overlaps "trabajé con" (Didáctica × Evaluación), symmetric.
    tab.show_query(COOCCURRENCE)
    co = coding.cooccurrence(coded.case)
    assert co == {tuple(sorted((d, a))): 1}
    cm = tab.co_model
    assert cm.index(0, 2).data() == "1" and cm.index(2, 0).data() == "1"
    assert cm.index(0, 0).data() == "—" and cm.index(0, 1).data() == "0"
    assert "overlap: 1" in tab.status.text()
    # Code × MBE standard: the items' standards as columns, the service's counts.
    tab.show_query(STANDARDS)
    sm = tab.std_model
    std = coding.standards_matrix(coded.case)
    codes = [sm.headerData(k, Qt.Orientation.Horizontal) for k in range(sm.columnCount())]
    assert codes == ["C7", "D10"]
    for r, code in enumerate(order):
        assert [sm.index(r, k).data() for k in range(2)] == [
            str(std.get(code, {}).get(s, 0)) for s in ("C7", "D10")
        ]
    assert std[a] == {"C7": 2, "D10": 1}
    # The standard's title (gui/standard_labels.py) for the column chosen.
    tab.std_table.setCurrentIndex(sm.index(0, 1))
    assert tab.std_labels.labels and tab.std_labels.labels[0].startswith("D10 — ")
    tip = sm.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("C7 — ") and len(tip) > 8


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def test_csv_png_and_svg_exports(
    qtbot: QtBot, ctx: AppContext, coded: Coded, tmp_path: Path
) -> None:
    tab = make_tab(qtbot, ctx, coded)
    out = tmp_path / "exports"
    out.mkdir()

    def export(save: Callable[[Path], None], name: str) -> Path:
        with qtbot.waitSignal(tab.exported, timeout=10_000):
            save(out / name)
        return out / name

    tab.set_codes([coded.assessment.id])
    rows = read_csv(export(tab.save_csv, "passages.csv"))
    assert rows[0] == ["Code", "Student (pseudonym)", "Date", "Section", "Start", "End", "Passage"]
    # Code-point offsets, as the service (and the .qdpx) count them: the emoji is one.
    first, second = coded.study.researcher.case_studies.coding.passages(
        coded.case, coded.assessment.id
    )
    assert (first.start, first.end) == (14, 17)
    second_span = [str(second.start), str(second.end)]
    assert rows[1:] == [
        ["Evaluación", "Estudiante A", "2026-05-04", "Description", "14", "17", "con"],
        ["Evaluación", "Estudiante A", "2026-05-11", "Description", *second_span, "fracciones"],
    ]
    tab.show_query(FREQUENCIES)
    rows = read_csv(export(tab.save_csv, "freq.csv"))
    assert rows == [
        ["Student", "Didáctica", "Material", "Evaluación", "Total"],
        ["Estudiante A", "2", "1", "2", "5"],
    ]
    png = export(lambda p: tab.save_image("png", p), "freq.png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 2_000
    svg = ET.fromstring(export(lambda p: tab.save_image("svg", p), "freq.svg").read_bytes())  # noqa: S314
    assert svg.tag.endswith("svg")
    tab.show_query(COOCCURRENCE)
    rows = read_csv(export(tab.save_csv, "co.csv"))
    assert rows[0] == ["Code", "Didáctica", "Material", "Evaluación"]
    assert rows[1] == ["Didáctica", "", "0", "1"] and rows[3] == ["Evaluación", "1", "0", ""]
    co_png = export(lambda p: tab.save_image("png", p), "co.png").read_bytes()
    assert co_png.startswith(b"\x89PNG\r\n\x1a\n")
    tab.show_query(STANDARDS)
    std_svg = export(lambda p: tab.save_image("svg", p), "std.svg").read_text("utf-8")
    # The heatmap as a picture: its title, labels and counts are text in the SVG.
    for word in ("Codes by MBE standard", "Didáctica", "Evaluación", "C7", "D10"):
        assert word in std_svg, word
    rows = read_csv(export(tab.save_csv, "std.csv"))
    assert rows == [
        ["Code", "C7", "D10"],
        ["Didáctica", "2", "1"],
        ["Material", "1", "0"],
        ["Evaluación", "2", "1"],
    ]
    # Pseudonyms only: the student's name, RUT and e-mail are in none of the files.
    for f in out.iterdir():
        text = f.read_bytes().decode("utf-8", "replace")
        for canary in (STUDENT, "Valentina", "Rojas", RUT, EMAIL):
            assert canary not in text, (f.name, canary)
    assert all(f.stat().st_mode & 0o077 == 0 for f in out.iterdir())


def test_the_empty_states_say_what_to_do(qtbot: QtBot, ctx: AppContext, coded: Coded) -> None:
    tab = make_tab(qtbot, ctx, coded, case=coded.study.new_case(title="Vacío"))
    assert tab.body.currentIndex() == 0
    assert "No codes yet" in tab.empty.text() and "Coding tab" in tab.empty.text()
    assert not tab.csv_button.isEnabled()
    cs = coded.study.researcher.case_studies
    empty = coded.study.new_case(title="Sin pasajes")
    cs.coding.add_code(empty, "Algo")
    with qtbot.waitSignal(tab.shown, timeout=10_000):
        tab.set_case(empty)
    assert "Code some passages in the Coding tab first" in tab.empty.text()
    with qtbot.waitSignal(tab.shown, timeout=10_000):
        tab.set_case(None)
    assert tab.body.currentIndex() == 0 and "Choose a case study" in tab.empty.text()
    # The refresh after the Coding tab coded something: the queries appear.
    with qtbot.waitSignal(tab.shown, timeout=10_000):
        tab.set_case(coded.case)
    assert tab.body.currentIndex() == 1 and len(tab.passage_rows()) == 5


def test_the_read_runs_on_the_runner(qtbot: QtBot, ctx: AppContext, coded: Coded) -> None:
    tab = CaseQueriesTab(coded.study.researcher, ctx.runner)
    qtbot.addWidget(tab)
    # Hidden (another workspace tab is shown, and the workspace refreshes every tab
    # after each coding): nothing is read until the tab is shown.
    tab.set_case(coded.case)
    assert ctx.runner.pending == 0 and tab.data is None
    with qtbot.waitSignal(tab.shown, timeout=10_000):
        tab.show()
    assert tab.data is not None and len(tab.data.passages) == 5
    tab.set_case(coded.case)
    # set_case returned before anything was read: the GUI thread never waits for it.
    assert ctx.runner.pending >= 1 and "Reading" in tab.status.text()
    # A second study chosen meanwhile wins; the first one's result is dropped.
    other = coded.study.new_case(title="Otro")
    with qtbot.waitSignal(tab.shown, timeout=10_000):
        tab.set_case(other)
    ctx.runner.wait(10_000)
    assert tab.case_id == other and tab.data is not None and tab.data.passages == []


def test_spanish_labels(qtbot: QtBot, make_ctx: Callable[..., AppContext], coded: Coded) -> None:
    ctx = make_ctx("es")
    tab = make_tab(qtbot, ctx, coded)
    texts = [b.text() for b in tab.query_buttons]
    assert texts == ["Pasajes por código", "Frecuencias", "Co-ocurrencia", "Código × MBE"]
    assert "estándar MBE" in tab.query_buttons[STANDARDS].toolTip()
    assert "Descripción" in column(tab, COL_SECTION)
    assert "4 may 2026" in column(tab, COL_DATE)
    assert tab.passage_model.headerData(0, Qt.Orientation.Horizontal) == "Código"
    assert "Pasajes mostrados: 5 de 5" in tab.status.text()
    tab.show_query(FREQUENCIES)
    assert tab.freq_model.headerData(3, Qt.Orientation.Horizontal) == "Total"
    assert tab.csv_button.text().replace("&", "") == "Exportar CSV…"
    with qtbot.waitSignal(tab.shown, timeout=10_000):
        tab.set_case(None)
    assert "Elige un estudio de caso" in tab.empty.text()
    assert tab.current_query() == FREQUENCIES and PASSAGES == 0
    assert isinstance(tab.table.currentIndex(), QModelIndex)


def test_fits_the_workspace_at_1024x600_and_follows_a_language_change(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], coded: Coded
) -> None:
    ctx = make_ctx("en")
    tab = make_tab(qtbot, ctx, coded)
    for lang in ("en", "es"):
        ctx.translations.set_language(lang)
        qtbot.wait(20)  # the LanguageChange event
        for which in (PASSAGES, FREQUENCIES, COOCCURRENCE, STANDARDS):
            tab.show_query(which)
            hint = tab.minimumSizeHint()
            # The workspace gives a tab ~640×360 of a 1024×600 window (sidebar, project
            # list, the study's header and its tab bar around it).
            assert hint.width() <= 620 and hint.height() <= 340, (lang, which, hint)
    # The +40 % pseudo-locale (the layout test's): the segments give way, eliding.
    ctx.translations.set_language("en")
    ctx.translations.install_extra(PseudoTranslator())
    qtbot.wait(20)
    hint = tab.minimumSizeHint()
    assert hint.width() <= 560, hint
    tab.resize(560, 400)
    qtbot.wait(20)
    button = tab.query_buttons[STANDARDS]
    assert button.text() != button.full_text and button.text().endswith("…")
    assert button.toolTip().startswith(button.full_text + ": ")
    ctx.translations.set_language("es")
    tab.resize(1000, 560)
    qtbot.wait(20)
    # The switch to Spanish showed the section titles in Spanish without a new read.
    data = tab.data
    tab.show_query(PASSAGES)
    assert tab.data is data and "Descripción" in column(tab, COL_SECTION)
    assert tab.query_buttons[0].text() == "Pasajes por código"
    ctx.translations.set_language("en")
    qtbot.wait(20)
    assert "Description" in column(tab, COL_SECTION)
    assert tab.query_buttons[0].text() == "Passages by code"


def test_a_study_that_cannot_be_read_says_so(qtbot: QtBot, ctx: AppContext, coded: Coded) -> None:
    tab = make_tab(qtbot, ctx, coded)
    with qtbot.waitSignal(tab.shown, timeout=10_000):
        tab.set_case("no-such-study")
    assert tab.body.currentIndex() == 0 and tab.data is None
    assert "could not be read" in tab.empty.text()
    boxes = [b for b in tab.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1 and boxes[0].text()  # the error's translated message
    assert not tab.csv_button.isEnabled()
    boxes[0].close()


def test_in_the_workspace_it_reads_when_shown_and_opens_the_coding_tab(
    qtbot: QtBot, ctx: AppContext, coded: Coded
) -> None:
    from reflectdesk.gui.case_coding_view import CaseCodingTab
    from reflectdesk.gui.case_workspace import CaseWorkspace

    ws = CaseWorkspace(coded.study.researcher, ctx.runner)
    qtbot.addWidget(ws)
    ws.resize(1000, 560)
    ws.show()
    ws.select_case(coded.case)
    tab = ws.tab(CaseQueriesTab)
    assert tab.case_id == coded.case and tab.data is None  # hidden: nothing read yet
    with qtbot.waitSignal(tab.shown, timeout=10_000):
        ws.tabs.setCurrentWidget(tab)
    assert len(tab.passage_rows()) == 5
    coding = ws.tab(CaseCodingTab)
    qtbot.waitUntil(lambda: not coding.busy and bool(coding.passages), timeout=10_000)
    rows = [p.segment_id for p in tab.passage_rows()]
    row = rows.index(coded.segments["class"])
    tab.table.doubleClicked.emit(tab.passage_model.index(row, 4))
    assert ws.tabs.currentWidget() is coding
    # (The Coding tab may read again as it is shown: it selects the passage after.)
    qtbot.waitUntil(lambda: coding.item_id == coded.items[1], timeout=10_000)
    qtbot.waitUntil(
        lambda: coding.text.textCursor().selectedText() == "observó la clase", timeout=10_000
    )


def test_the_passage_keeps_its_room_at_any_width(
    qtbot: QtBot, ctx: AppContext, coded: Coded
) -> None:
    tab = make_tab(qtbot, ctx, coded)
    for width, hidden in ((1300, False), (560, True)):
        tab.resize(width, 560)
        qtbot.wait(30)
        view = tab.table
        assert view.isColumnHidden(COL_DATE) is hidden
        text = view.columnWidth(4)
        assert text >= view.viewport().width() // 3, (width, text, view.viewport().width())


def test_a_lock_while_it_reads_shows_no_box(qtbot: QtBot, ctx: AppContext, coded: Coded) -> None:
    tab = make_tab(qtbot, ctx, coded)
    coded.study.researcher.lock()
    with qtbot.waitSignal(tab.shown, timeout=10_000):
        tab.set_case(coded.case)
    assert tab.data is None and "could not be read" in tab.empty.text()
    assert [b for b in tab.findChildren(QMessageBox) if b.isVisible()] == []
