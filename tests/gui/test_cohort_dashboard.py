"""The cohort dashboard page (issue 14, point 3) on a real tutor vault with a small cohort
whose numbers are known (tests/services/dashboard_helpers.py): rows and counts, a filter
change, click-through to the entries, and the PNG, SVG and CSV exports."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reflectdesk.crypto.kdf import KdfParams
from reflectdesk.domain.dashboard import DashboardFilters
from reflectdesk.domain.model import Role, SearchFilters
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.cohort_dashboard import CohortDashboard
from reflectdesk.gui.dashboard_models import COL_ENTRIES, CONTACT_ROLE
from reflectdesk.gui.widgets import stacked
from reflectdesk.ids import uuid7
from reflectdesk.services.vault import NewProfile, Vault
from tests.gui.conftest import PASSPHRASE
from tests.services.batch_helpers import add_contacts, make_students
from tests.services.dashboard_helpers import AT, W11, SmallCohort, Spec, send, small_cohort


@pytest.fixture
def tutor(ctx: AppContext) -> Iterator[Vault]:
    """Tutora Ruiz's new vault (light key derivation); closed after the tasks ran."""
    tutor, _key = Vault.create(
        ctx.vault_dir,
        PASSPHRASE,
        NewProfile("Tutora Ruiz", Role.EDUCATOR, "es"),
        kdf_params=KdfParams.insecure_for_tests(),
    )
    yield tutor
    ctx.runner.wait(10_000)
    tutor.close()


@pytest.fixture
def cohort(tutor: Vault, tmp_path: Path) -> Iterator[SmallCohort]:
    yield small_cohort(tutor, tmp_path / "bundles")


def dashboard(qtbot: QtBot, ctx: AppContext, c: SmallCohort) -> CohortDashboard:
    page = CohortDashboard(ctx, c.tutor)
    qtbot.addWidget(page)
    page.resize(1024, 600)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.set_cohort(c.cohort_id)
    return page


def test_the_students_with_their_counts(qtbot: QtBot, ctx: AppContext, cohort: SmallCohort) -> None:
    page = dashboard(qtbot, ctx, cohort)
    rows = page.student_rows()
    assert [r.name for r in rows] == ["Ana Rojas", "Bea Soto", "Carla Díaz"]
    ana, bea, carla = rows
    assert (ana.entries, ana.feedback, ana.sign_offs) == (3, 2, 1)
    assert dict(ana.templates) == {"gibbs": 2, "free": 1}
    assert (bea.entries, carla.entries, carla.last_activity) == (1, 0, None)
    # What the table shows (the display role), not only the rows behind it.
    model = page.table.model()
    assert model.index(0, COL_ENTRIES).data() == "3"
    assert "Gibbs" in model.index(0, 3).data()
    # The heatmap: A1 twice for Ana, domain A counted once per entry.
    heat = page.heat
    codes = [code for code, _d in heat.columns]
    assert heat.index(0, codes.index("A1")).data() == "2"
    assert heat.index(0, codes.index("A")).data() == "2"
    assert heat.index(1, codes.index("D")).data() == "1"
    assert heat.index(2, codes.index("A1")).data() == "0"
    # Everyone who sent entries: Dora too, Carla (nothing sent) not.
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.set_cohort(None)
    assert [r.name for r in page.student_rows()] == ["Ana Rojas", "Bea Soto", "Dora Silva"]


def test_sorting_and_a_filter_change(qtbot: QtBot, ctx: AppContext, cohort: SmallCohort) -> None:
    page = dashboard(qtbot, ctx, cohort)
    page.table.sortByColumn(COL_ENTRIES, Qt.SortOrder.DescendingOrder)
    assert [r.entries for r in page.student_rows()] == [3, 1, 0]
    page.table.sortByColumn(COL_ENTRIES, Qt.SortOrder.AscendingOrder)
    assert [r.name for r in page.student_rows()] == ["Carla Díaz", "Bea Soto", "Ana Rojas"]
    template = page.template.findData("gibbs")
    assert template > 0
    page.template.setCurrentIndex(template)  # the user picks "Gibbs"
    assert {r.name: r.entries for r in page.student_rows()} == {
        "Ana Rojas": 2,
        "Bea Soto": 0,
        "Carla Díaz": 0,
    }
    page.set_filters(DashboardFilters(date_from=date(2026, 3, 12)))
    assert {r.name: r.entries for r in page.student_rows()} == {
        "Ana Rojas": 1,
        "Bea Soto": 1,
        "Carla Díaz": 0,
    }
    assert page.timings["view"] < 1.0


def test_click_through_opens_the_entries(
    qtbot: QtBot, ctx: AppContext, cohort: SmallCohort
) -> None:
    page = dashboard(qtbot, ctx, cohort)
    opened: list[SearchFilters] = []
    page.open_entries.connect(opened.append)
    index = page.table.model().index(0, 0)
    assert index.data(CONTACT_ROLE) == cohort.contact_ids[0]
    page.table.doubleClicked.emit(index)  # Ana's row
    journal = opened[-1].journal_id
    assert journal is not None
    listed = cohort.tutor.entries.list(opened[-1])
    assert {s.id for s in listed} == set(page.last_opened) and len(listed) == 3
    # A heatmap cell: Ana × C7.
    column = [code for code, _d in page.heat.columns].index("C7")
    page.heatmap.doubleClicked.emit(page.heat.index(0, column))
    assert opened[-1].standard == "C7"
    assert [s.id for s in cohort.tutor.entries.list(opened[-1])] == [cohort.commented]
    # A bar: Ana's week 11 (two entries), with Ana selected.
    page.select_student(cohort.contact_ids[0])
    week = page.view.weeks.index(W11) if page.view else -1
    page.chart.click_bar(week)
    assert (opened[-1].date_from, opened[-1].date_to) == (date(2026, 3, 9), date(2026, 3, 15))
    assert len(cohort.tutor.entries.list(opened[-1])) == 2 == len(page.last_opened)


def test_exports(qtbot: QtBot, ctx: AppContext, cohort: SmallCohort, tmp_path: Path) -> None:
    page = dashboard(qtbot, ctx, cohort)
    out = tmp_path / "out"
    out.mkdir()
    for name, save in (
        ("chart.png", lambda p: page.save_chart("png", p)),
        ("chart.svg", lambda p: page.save_chart("svg", p)),
        ("table.csv", lambda p: page.save_csv(p)),
    ):
        with qtbot.waitSignal(page.exported, timeout=10_000):
            save(out / name)
    png = (out / "chart.png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 1000
    root = ET.fromstring((out / "chart.svg").read_bytes())  # noqa: S314 (our own file)
    assert root.tag.endswith("svg")
    text = (out / "table.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:6] == [
        "Student",
        "Entries",
        "Last activity",
        "Templates",
        "Feedback",
        "Sign-offs",
    ]
    assert rows[0][6:10] == ["A", "B", "C", "D"] and "A1" in rows[0]
    assert [r[0] for r in rows[1:]] == ["Ana Rojas", "Bea Soto", "Carla Díaz"]
    assert rows[1][1:3] == ["3", "2026-03-20"] and rows[1][4:6] == ["2", "1"]
    assert ctx.extras["dashboard_export_dir"] == str(out)  # the folder is remembered


def test_from_the_sidebar_to_the_entries(
    qtbot: QtBot, ctx: AppContext, cohort: SmallCohort
) -> None:
    """The tutor's window: Review → Cohort dashboard; a double click on a heatmap cell
    shows those entries in the entry list (its filters set and visible)."""
    from reflectdesk.gui.main_window import MainWindow
    from tests.gui.review_triad import settle

    w = MainWindow(ctx, cohort.tutor)
    qtbot.addWidget(w)
    w.show()
    settle(qtbot, w)
    assert w.sidebar._find("review", "dashboard").isValid()
    w.sidebar.select("review", "dashboard")
    board = w.review.pages["dashboard"]
    assert isinstance(board, CohortDashboard)
    assert w.main_stack.currentWidget() is stacked(board)
    settle(qtbot, w)
    with qtbot.waitSignal(board.loaded, timeout=10_000):
        board.set_cohort(cohort.cohort_id)
    column = [code for code, _d in board.heat.columns].index("A1")
    board.heatmap.doubleClicked.emit(board.heat.index(0, column))  # Ana × A1: 2 entries
    settle(qtbot, w)
    assert w.main_stack.currentWidget() is not stacked(board)
    assert w.search.filters().standard == "A1"
    assert w.search.filters_box.isVisibleTo(w)
    shown = w.model.loaded_ids()
    assert shown == set(board.last_opened) and len(shown) == 2


def test_fits_1024x600_with_longer_words_and_every_control_named(
    qtbot: QtBot, ctx: AppContext, cohort: SmallCohort
) -> None:
    """The pseudo-locale (every string 40% longer): nothing clipped on the page at
    1024×600 in the main window; every control has an accessible name."""
    from reflectdesk.gui.i18n import PseudoTranslator
    from reflectdesk.gui.main_window import MainWindow
    from tests.gui.helpers import clipped_texts, unnamed_controls
    from tests.gui.review_triad import settle

    ctx.translations.install_extra(PseudoTranslator())
    w = MainWindow(ctx, cohort.tutor)
    qtbot.addWidget(w)
    w.resize(1024, 600)
    w.show()
    settle(qtbot, w)
    w.review.show_dashboard(cohort.cohort_id)
    settle(qtbot, w)
    board = w.review.pages["dashboard"]
    assert clipped_texts(board) == []
    assert unnamed_controls(board) == []


def test_from_the_cohorts_box(qtbot: QtBot, ctx: AppContext, cohort: SmallCohort) -> None:
    """Contacts → Cohorts → "Show the cohort's dashboard": the page on that cohort."""
    from reflectdesk.gui.main_window import MainWindow
    from tests.gui.review_triad import settle

    w = MainWindow(ctx, cohort.tutor)
    qtbot.addWidget(w)
    w.show()
    settle(qtbot, w)
    w.show_sharing("contacts")
    settle(qtbot, w)
    panel = w.page("contacts").cohorts  # type: ignore[attr-defined]
    assert panel.current_cohort().id == cohort.cohort_id
    panel.dashboard_button.click()
    settle(qtbot, w)
    board = w.review.pages["dashboard"]
    assert w.main_stack.currentWidget() is stacked(board) and board.cohort_id == cohort.cohort_id
    assert [r.entries for r in board.student_rows()] == [3, 1, 0]


def test_the_chart_comes_in_the_turn_after_the_first_paint(
    qtbot: QtBot, ctx: AppContext, cohort: SmallCohort
) -> None:
    """Qt Charts is the slow part of a first open (issue 14: first paint ≤ 300 ms): the
    table and heatmap are shown first, the chart one event-loop turn later."""
    page = CohortDashboard(ctx, cohort.tutor)
    qtbot.addWidget(page)
    page.resize(1024, 600)
    page.show()
    at_first_paint: list[bool] = []
    page.facts_shown.connect(lambda: at_first_paint.append(page._chart is None))
    assert page._chart is None
    with qtbot.waitSignal(page.facts_shown, timeout=10_000):
        page.set_cohort(cohort.cohort_id)
    assert at_first_paint == [True] and len(page.student_rows()) == 3
    qtbot.waitUntil(lambda: page._chart is not None, timeout=5_000)
    assert page.chart.parent() is page.chart_holder
    assert page.chart.view is page.view  # the view shown when it was made
    # The review counts (a second job) may have come already: not a signal to wait for.
    qtbot.waitUntil(lambda: page.data is not None and page.data.review_read, timeout=20_000)


def test_the_course_filter_lists_the_students_journal_titles(
    qtbot: QtBot, ctx: AppContext, tutor: Vault, tmp_path: Path
) -> None:
    """Two students, two courses each (one course shared, typed differently): the
    filter lists each course once, and picking one counts only its entries; the click
    through opens the journal of that course."""
    ana, bea = make_students(2, seed=5)
    add_contacts(tutor, [ana, bea])
    folder = tmp_path / "in"
    day = [Spec("free", date(2026, 3, 11), ("A1",), "x")]
    send(tutor, ana, day * 2, folder, AT, title="Práctica II")
    send(tutor, ana, day, folder, AT, journal_id=uuid7(), title="Seminario")
    send(tutor, bea, day, folder, AT, title="PRACTICA II")
    send(tutor, bea, day * 3, folder, AT, journal_id=uuid7(), title="Didáctica")
    page = CohortDashboard(ctx, tutor)
    qtbot.addWidget(page)
    page.resize(1024, 600)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.set_cohort(None)
    listed = [page.title.itemText(i) for i in range(1, page.title.count())]
    assert listed[0] == "Didáctica" and listed[2] == "Seminario" and len(listed) == 3
    counts = {}
    for i in range(1, page.title.count()):
        page.title.setCurrentIndex(i)  # the user picks a course
        counts[page.title.itemText(i)] = {r.name: r.entries for r in page.student_rows()}
    assert counts["Didáctica"] == {ana.name: 0, bea.name: 3}
    assert counts[listed[1]] == {ana.name: 2, bea.name: 1}
    assert counts["Seminario"] == {ana.name: 1, bea.name: 0}
    # Bea's entries in "Didáctica": the list opens her Didáctica journal.
    page.title.setCurrentIndex(page.title.findText("Didáctica"))
    opened: list[SearchFilters] = []
    page.open_entries.connect(opened.append)
    page.open_student(next(r.contact_id for r in page.student_rows() if r.name == bea.name))
    assert tutor.journals.get(str(opened[-1].journal_id)).title == "Didáctica"
    assert len(tutor.entries.list(opened[-1])) == 3


def test_the_sidebar_names_each_received_journal_by_sender_and_title(
    qtbot: QtBot, ctx: AppContext, tutor: Vault, tmp_path: Path
) -> None:
    """Issue 14: several journals per sender: "her name — her title"; a journal still
    titled with her name (an older sender's bundle) is just her name."""
    from reflectdesk.gui.main_window import MainWindow

    ana, bea = make_students(2, seed=9)
    add_contacts(tutor, [ana, bea])
    folder = tmp_path / "in"
    day = [Spec("free", date(2026, 3, 11), ("A1",), "x")]
    send(tutor, ana, day, folder, AT, title="Práctica II")
    send(tutor, ana, day, folder, AT, journal_id=uuid7(), title="Seminario")
    send(tutor, bea, day, folder, AT)  # no title: her name
    window = MainWindow(ctx, tutor)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: len(window.sidebar._received) == 3, timeout=10_000)
    assert sorted(label for _id, label in window.sidebar._received) == sorted(
        [f"{ana.name} — Práctica II", f"{ana.name} — Seminario", bea.name]
    )
    # The editor still says whom an entry is from (her name, not the course).
    assert set(window.received.values()) == {ana.name, bea.name}
    window.prepare_to_close()
    window.close()
