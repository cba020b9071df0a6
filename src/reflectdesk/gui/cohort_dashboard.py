"""The tutor's cohort dashboard (issue 14, point 3): a page of the main window.

Pick a cohort (or every student who sent you entries), filter by course or journal
title, template and a date range, and see per student: entries, last activity,
templates used, feedback and sign-offs (a sortable table), entries per ISO week (a
chart) and the MBE standards her entries name (a heatmap with the count in each cell).
A double click on a student, a heatmap cell or a bar opens those entries in the entry
list (``open_entries`` carries the list's filters). The chart exports as PNG and SVG,
the table as CSV (atomic writes; the folder is remembered for the session).

The facts are read once per cohort on a worker (``vault.dashboard.load``); a filter
change is aggregated here in memory (``DashboardData.view``), no vault read.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.atomic_files import atomic_write
from reflectdesk.domain.dashboard import (
    DashboardData,
    DashboardFilters,
    DashboardView,
    StudentRow,
    view_csv,
    week_end,
)
from reflectdesk.domain.model import SearchFilters
from reflectdesk.errors import FileUnwritable, ReflectDeskError
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.catalog import Catalog
from reflectdesk.gui.dashboard_filters import DashboardFilterBar
from reflectdesk.gui.dashboard_models import (
    CODE_ROLE,
    COL_ENTRIES,
    COL_FEEDBACK,
    COL_LAST,
    COL_NAME,
    COL_SIGNOFFS,
    COL_TEMPLATES,
    CONTACT_ROLE,
    HeatmapModel,
    StudentTableModel,
)
from reflectdesk.gui.dialogs import report_error
from reflectdesk.gui.tasks import TaskRunner
from reflectdesk.progress import CancelToken, ProgressSink

if TYPE_CHECKING:
    from reflectdesk.gui.dashboard_chart import WeeklyChart
    from reflectdesk.services.vault import Vault

log = logging.getLogger(__name__)

EXPORT_DIR = "dashboard_export_dir"  # AppContext.extras: the folder last exported to


def ask_export_path(
    parent: QWidget, folder: Path, title: str, name: str, pattern: str, suffix: str
) -> Path | None:
    """Where to save an export (a save dialog in ``folder``, ``name`` proposed), with
    ``suffix`` added when the user left it out; None: cancelled."""
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(folder / name), pattern)
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    return path


def write_export(
    runner: TaskRunner,
    owner: QWidget,
    dest: Path,
    data: bytes | Callable[[], bytes],
    on_written: Callable[[Path], None],
    name: str = "export",
) -> None:
    """Write ``data`` to ``dest`` on a worker, atomically (owner-only permissions);
    ``on_written(dest)`` after, an error in a message box on ``owner``. ``data`` may be
    a function making the bytes (a large CSV is then made on the worker too; it must
    not touch widgets)."""

    def job(_p: ProgressSink, _c: CancelToken) -> Path:
        payload = data() if callable(data) else data
        atomic_write(dest, payload, mode=0o600, error=FileUnwritable)
        return dest

    runner.submit(
        job,
        on_result=on_written,
        on_error=lambda exc: report_error(owner, exc),
        name=name,
        owner=owner,
    )


class CohortDashboard(QWidget):
    facts_shown = Signal()  # the first paint: everything but feedback and sign-offs
    loaded = Signal()  # the cohort is shown whole (feedback and sign-offs included)
    shown = Signal()  # a view (after a load or a filter change) is in the widgets
    open_entries = Signal(object)  # SearchFilters: the entry list filtered to them
    exported = Signal(object)  # the Path written

    def __init__(self, ctx: AppContext, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cohortDashboard")
        self.ctx = ctx
        self.vault = vault
        self.data: DashboardData | None = None
        self.view: DashboardView | None = None
        self.cohort_id: str | None = None
        self.last_opened: list[str] = []  # the entry ids behind the last click-through
        # Seconds (benchmarks): "load" (the facts), "review", "view" (the last filter).
        self.timings: dict[str, float] = {}
        self._seq = 0
        self._catalog = Catalog.for_vault(vault)
        self._template_names: dict[str, str] = {}
        self._sized = False  # the numeric columns fitted to their contents once

        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.status = QLabel()
        self.status.setObjectName("dashboardStatus")
        self.status.setWordWrap(True)
        self.status.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

        self.bar = DashboardFilterBar()
        self.bar.cohort_changed.connect(self._cohort_chosen)
        self.bar.changed.connect(self.apply_filters)
        # The bar's widgets, by the names the tests and the benchmark use.
        self.cohort, self.title, self.template = self.bar.cohort, self.bar.title, self.bar.template
        self.from_check, self.to_check = self.bar.from_check, self.bar.to_check
        self.from_date, self.to_date = self.bar.from_date, self.bar.to_date

        self.students = StudentTableModel(self._template_name, self)
        self.table = QTableView()
        self.table.setObjectName("dashboardTable")
        self.table.setModel(self.students)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        # Fitting the numeric columns (once) looks at 100 rows, not all 500 of a
        # programme: Qt asks every row for its text and font (a third of a cold first
        # paint's GUI work at 500 students).
        self.table.horizontalHeader().setResizeContentsPrecision(100)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TEMPLATES, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicatorShown(True)
        header.resizeSection(COL_NAME, self.fontMetrics().horizontalAdvance("M" * 16))
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("M" * 4))
        self.table.doubleClicked.connect(self._student_activated)
        self.table.activated.connect(self._student_activated)
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)

        # The chart (Qt Charts, ~0.2 s to load the first time in a process) is made in
        # the event-loop turn after the first paint, or when first asked for (``chart``):
        # the table and the heatmap come first.
        self._chart: WeeklyChart | None = None
        self._chart_pending = False
        self.chart_holder = QWidget()
        self.chart_holder.setObjectName("dashboardChartHolder")
        self._chart_layout = QVBoxLayout(self.chart_holder)
        self._chart_layout.setContentsMargins(0, 0, 0, 0)
        self.heat = HeatmapModel(self)
        self.heatmap = QTableView()
        self.heatmap.setObjectName("dashboardHeatmap")
        self.heatmap.setModel(self.heat)
        self.heatmap.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.heatmap.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.heatmap.setTabKeyNavigation(False)
        self.heatmap.horizontalHeader().setDefaultSectionSize(
            self.fontMetrics().horizontalAdvance("D12") + 22
        )
        self.heatmap.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.heatmap.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.heatmap.doubleClicked.connect(self._cell_activated)
        self.heatmap.activated.connect(self._cell_activated)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("dashboardTabs")
        self.tabs.addTab(self.chart_holder, "")
        self.tabs.addTab(self.heatmap, "")

        self.png_button = QPushButton()
        self.png_button.setObjectName("dashboardPng")
        self.png_button.clicked.connect(lambda: self.save_chart("png"))
        self.svg_button = QPushButton()
        self.svg_button.setObjectName("dashboardSvg")
        self.svg_button.clicked.connect(lambda: self.save_chart("svg"))
        self.csv_button = QPushButton()
        self.csv_button.setObjectName("dashboardCsv")
        self.csv_button.clicked.connect(lambda: self.save_csv())
        self.open_button = QPushButton()
        self.open_button.setObjectName("dashboardOpen")
        self.open_button.clicked.connect(self._open_current)
        buttons = QHBoxLayout()
        for b in (self.open_button, self.csv_button, self.png_button, self.svg_button):
            buttons.addWidget(b)
        buttons.addStretch(1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("dashboardSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.table.setMinimumHeight(90)
        self.tabs.setMinimumHeight(200)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addWidget(self.heading)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)

        self.retranslate_ui()
        self.fill_cohorts()  # nothing read yet: set_cohort or refresh (the window's show)

    def _template_name(self, template_id: str) -> str:
        name = self._template_names.get(template_id)
        if name is None:
            name = self._catalog.name(template_id, self.ctx.language)
            self._template_names[template_id] = name
        return name

    # -- the public face (the window, the journey test) ----------------------------------------
    def fill_cohorts(self) -> None:
        """The cohort picker again (after cohorts changed); the choice is kept."""
        try:
            cohorts = self.vault.cohorts.list()
        except ReflectDeskError:
            return  # locked meanwhile
        self.bar.set_cohorts([(c.id, f"{c.name} ({c.size})") for c in cohorts])

    def set_cohort(self, cohort_id: str | None, load: bool = True) -> None:
        """Show a cohort (None: everyone who sent you entries); reads on a worker and
        emits ``facts_shown``, then ``loaded``. ``load=False``: only choose it (the next
        :meth:`refresh` reads it)."""
        if not self.bar.choose_cohort(cohort_id) and cohort_id is not None:
            self.fill_cohorts()
            self.bar.choose_cohort(cohort_id)
        self.cohort_id = self.bar.cohort_id()
        if load:
            self.refresh()

    def refresh(self) -> None:
        """Read the current cohort's facts again (after an import, a review change)."""
        self.fill_cohorts()
        self.cohort_id = self.bar.cohort_id()
        self._seq += 1
        seq = self._seq
        cohort_id = self.cohort_id
        service = self.vault.dashboard
        started = time.perf_counter()
        self.status.setText(self.tr("Reading the cohort…"))

        def job(_p: ProgressSink, cancel: CancelToken) -> DashboardData:
            return service.load_facts(cohort_id, cancel)

        self.ctx.runner.submit(
            job,
            on_result=lambda data: self._loaded(seq, data, started),
            on_error=lambda exc: self._failed(seq, exc),
            name="dashboard",
            owner=self,
        )

    def _read_review(self, seq: int, data: DashboardData) -> None:
        """Feedback and sign-offs, second (each review record is checked)."""
        service = self.vault.dashboard
        started = time.perf_counter()

        def job(_p: ProgressSink, cancel: CancelToken) -> dict[str, tuple[int, int]]:
            return service.review_counts(data, cancel)

        def done(counts: dict[str, tuple[int, int]]) -> None:
            if seq != self._seq:
                return
            data.set_review(counts)
            self.timings["review"] = time.perf_counter() - started
            self.apply_filters()
            self.loaded.emit()

        self.ctx.runner.submit(
            job,
            on_result=done,
            on_error=lambda exc: self._failed(seq, exc),
            name="dashboard-review",
            owner=self,
        )

    def filters(self) -> DashboardFilters:
        return self.bar.filters()

    def set_filters(self, f: DashboardFilters) -> None:
        self.bar.set_filters(f)  # shown through the bar's ``changed``

    def reset_filters(self) -> None:
        self.set_filters(DashboardFilters())

    def student_rows(self) -> list[StudentRow]:
        """The table's rows in the order shown (tests)."""
        return list(self.students.rows)

    def selected_student(self) -> str | None:
        index = self.table.currentIndex()
        return str(index.data(CONTACT_ROLE)) if index.isValid() else None

    def select_student(self, contact_id: str | None) -> None:
        for r, row in enumerate(self.students.rows):
            if row.contact_id == contact_id:
                self.table.setCurrentIndex(self.students.index(r, 0))
                return
        self.table.clearSelection()
        self.table.setCurrentIndex(QModelIndex())

    # -- data ------------------------------------------------------------------------------------
    def _loaded(self, seq: int, data: DashboardData, started: float) -> None:
        if seq != self._seq:
            return
        self.timings["load"] = time.perf_counter() - started
        self.data = data
        self._fill_filter_options(data)
        self.apply_filters()
        self.facts_shown.emit()
        self._read_review(seq, data)

    def _failed(self, seq: int, exc: BaseException) -> None:
        if seq != self._seq:
            return
        # Logged and said on the page, no dialog: a lock while it reads ends up here too
        # (as the triad view does).
        log.warning("dashboard not read: %s", type(exc).__name__)
        self.status.setText(self.tr("The cohort could not be read."))

    def _fill_filter_options(self, data: DashboardData) -> None:
        templates = sorted(
            ((t, self._template_name(t)) for t in data.templates_used()),
            key=lambda o: o[1].casefold(),
        )
        self.bar.set_options(data.titles(), templates, data.date_span())

    def _cohort_chosen(self) -> None:
        self.cohort_id = self.bar.cohort_id()
        self.refresh()

    def apply_filters(self) -> None:
        """Aggregate the loaded facts under the filters and show them (no vault read)."""
        data = self.data
        if data is None:
            return
        started = time.perf_counter()
        view = data.view(self.filters())
        self.view = view
        selected = self.selected_student()
        self.students.set_rows(list(view.students), view.review_read)
        if not self._sized and view.students:
            self._sized = True
            for column in (COL_ENTRIES, COL_LAST, COL_FEEDBACK, COL_SIGNOFFS):
                self.table.resizeColumnToContents(column)
        self.heat.set_view(view, self._standard_titles())
        self.select_student(selected)
        self._show_chart()
        self._show_status()
        self._update_buttons()
        self.timings["view"] = time.perf_counter() - started
        self.shown.emit()

    def _standard_titles(self) -> dict[str, str]:
        taxonomy = self._catalog.taxonomy()
        if taxonomy is None:
            return {}
        lang = self.ctx.language
        out = {d.code: d.title.get(lang) for d in taxonomy.domains}
        out.update({s.code: s.title.get(lang) for d in taxonomy.domains for s in d.standards})
        return out

    def _show_status(self) -> None:
        view = self.view
        if view is None:
            return
        if not view.students:
            self.status.setText(
                self.tr("Nobody here has sent you entries yet. Import their bundles first.")
            )
            return
        self.status.setText(
            self.tr(
                "%1 students, %2 entries shown. Double-click a student, a cell or a bar "
                "to open the entries."
            )
            .replace("%1", str(len(view.students)))
            .replace("%2", str(view.entries))
        )

    # -- the chart, made after the first paint -------------------------------------------------
    @property
    def chart(self) -> WeeklyChart:
        """The entries-per-week chart, made now if it was not yet."""
        if self._chart is None:
            from reflectdesk.gui.dashboard_chart import WeeklyChart

            chart = WeeklyChart()
            chart.bar_clicked.connect(self.open_week)
            self._chart_layout.addWidget(chart)
            self._chart = chart
            self._chart_texts()
            chart.show_view(self.view, self.selected_student())
        return self._chart

    def _show_chart(self) -> None:
        """The view in the chart; before the chart exists, it is made next turn."""
        if self._chart is not None:
            self._chart.show_view(self.view, self.selected_student())
        elif not self._chart_pending:
            self._chart_pending = True
            QTimer.singleShot(0, self._make_chart)

    def _make_chart(self) -> None:
        self._chart_pending = False
        if self._chart is None:
            _ = self.chart  # made, and the current view shown

    def _chart_texts(self) -> None:
        chart = self._chart
        if chart is None:
            return
        chart.set_texts(self.tr("Entries per week"), self.tr("ISO week"), self.tr("Entries"))
        chart.redraw()
        chart.chart_view.setAccessibleName(self.tr("Entries per week"))

    def _selection_changed(self, *_args: object) -> None:
        self._show_chart()
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.view is not None and bool(self.view.students)
        self.open_button.setEnabled(self.selected_student() is not None)
        for b in (self.csv_button, self.png_button, self.svg_button):
            b.setEnabled(has)

    # -- click-through ---------------------------------------------------------------------------
    def _entry_filters(
        self, contact_id: str, standard: str | None = None, week: date | None = None
    ) -> SearchFilters | None:
        """The entry list's filters for a student's entries (on a standard, in a week),
        under the dashboard's filters."""
        data, view = self.data, self.view
        if data is None or view is None:
            return None
        row = view.student(contact_id)
        if row is None or not row.journal_ids:
            return None
        f = view.filters
        date_from, date_to = f.date_from, f.date_to
        if week is not None:
            date_from = max(week, date_from) if date_from else week
            date_to = min(week_end(week), date_to) if date_to else week_end(week)
        self.last_opened = data.entries_of(
            DashboardFilters(f.journal_title, f.template_id, date_from, date_to),
            contact_id,
            standard if standard and len(standard) > 1 else None,
        )
        if standard is not None and len(standard) == 1:  # a domain: its standards' entries
            codes = [
                c for c, d in zip(data.standard_codes, data.standard_domain, strict=True)
                if d >= 0 and data.domain_codes[d] == standard
            ]  # fmt: skip
            wanted = {e for c in codes for e in data.entries_of(f, contact_id, c)}
            self.last_opened = [e for e in self.last_opened if e in wanted]
            standard = None  # the list filters by one standard; the domain opens them all
        return SearchFilters(
            # Of her journals (one per course), the one those entries are in.
            journal_id=data.journal_of(self.last_opened, row.journal_ids),
            template_id=f.template_id,
            standard=standard,
            date_from=date_from,
            date_to=date_to,
        )

    def open_student(self, contact_id: str) -> None:
        found = self._entry_filters(contact_id)
        if found is not None:
            self.open_entries.emit(found)

    def open_cell(self, contact_id: str, code: str) -> None:
        found = self._entry_filters(contact_id, standard=code)
        if found is not None:
            self.open_entries.emit(found)

    def open_week(self, week: int, contact_id: str = "") -> None:
        view = self.view
        if view is None or not 0 <= week < len(view.weeks):
            return
        who = contact_id or self.selected_student()
        if not who:
            return  # a bar of several students: the list shows one journal at a time
        found = self._entry_filters(who, week=view.weeks[week])
        if found is not None:
            self.open_entries.emit(found)

    def _student_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_student(str(index.data(CONTACT_ROLE)))

    def _cell_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_cell(str(index.data(CONTACT_ROLE)), str(index.data(CODE_ROLE)))

    def _open_current(self) -> None:
        who = self.selected_student()
        if who is not None:
            self.open_student(who)

    # -- exports ---------------------------------------------------------------------------------
    def _ask_path(self, title: str, name: str, pattern: str, suffix: str) -> Path | None:
        folder = Path(str(self.ctx.extras.get(EXPORT_DIR) or Path.home()))
        return ask_export_path(self, folder, title, name, pattern, suffix)

    def _write(self, dest: Path, data: bytes) -> None:
        """Write on a worker, atomically; remember the folder."""
        self.ctx.extras[EXPORT_DIR] = str(dest.parent)
        write_export(self.ctx.runner, self, dest, data, self._written, "dashboard-export")

    def _written(self, path: Path) -> None:
        self.status.setText(self.tr("Saved: %1").replace("%1", path.name))
        self.exported.emit(path)

    def save_chart(self, fmt: str, dest: Path | None = None) -> None:
        """The chart as PNG or SVG (``fmt``), to ``dest`` or where the user chooses."""
        if self.view is None:
            return
        if dest is None:
            if fmt == "svg":
                pattern = self.tr("SVG images (*.svg)")
            else:
                pattern = self.tr("PNG images (*.png)")
            dest = self._ask_path(
                self.tr("Export the chart"), self.tr("entries-per-week") + "." + fmt, pattern,
                "." + fmt,
            )  # fmt: skip
            if dest is None:
                return
        data = self.chart.svg_bytes() if fmt == "svg" else self.chart.png_bytes()
        self._write(dest, data)

    def csv_header(self) -> list[str]:
        return [
            str(self.students.headerData(c, Qt.Orientation.Horizontal))
            for c in range(COL_NAME, COL_SIGNOFFS + 1)
        ]

    def save_csv(self, dest: Path | None = None) -> None:
        view = self.view
        if view is None:
            return
        if dest is None:
            dest = self._ask_path(
                self.tr("Export the table"),
                self.tr("cohort") + ".csv",
                self.tr("CSV files (*.csv)"),
                ".csv",
            )
            if dest is None:
                return
        self._write(dest, view_csv(view, self.csv_header(), self._template_name))

    # -- text --------------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Cohort dashboard"))
        self.students.set_headers(
            [
                self.tr("Student"),
                self.tr("Entries"),
                self.tr("Last activity"),
                self.tr("Templates"),
                self.tr("Feedback"),
                self.tr("Sign-offs"),
            ]
        )
        self.table.setAccessibleName(self.tr("Students"))
        self.heatmap.setAccessibleName(self.tr("Standards covered per student"))
        self.tabs.setTabText(0, self.tr("Entries per week"))
        self.tabs.setTabText(1, self.tr("Standards (MBE)"))
        self._chart_texts()
        self.open_button.setText(self.tr("&Show her entries"))
        self.csv_button.setText(self.tr("Ta&ble as CSV…"))
        self.png_button.setText(self.tr("Chart as &PNG…"))
        self.svg_button.setText(self.tr("Chart as S&VG…"))
        self.tabs.setAccessibleName(self.tr("Chart and standards"))
        for button in (
            self.open_button,
            self.csv_button,
            self.png_button,
            self.svg_button,
        ):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
        self._show_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() == QEvent.Type.PaletteChange and self._chart is not None:
            self._chart.redraw()
        super().changeEvent(event)
