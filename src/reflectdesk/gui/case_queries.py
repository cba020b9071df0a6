"""The case study's Queries tab (issue 15, point 4): four questions a researcher asks of
her coded passages, chosen from a segmented control.

1. **Passages by code**: one or more codes (a parent holds its sub-codes), optionally a
   student pseudonym, a template section and a date range → a table of passages (code,
   pseudonym, date, section, the passage elided) and the whole passage, in its context,
   in a pane below; a double click (or "Show in Coding") asks the workspace to open it
   in the Coding tab (``open_passage``: item id, passage id).
2. **Code frequencies** per student pseudonym or per template section: a table and a
   stacked bar chart.
3. **Co-occurrence**: code × code, how many times passages of two codes overlap.
4. **Code × MBE standard**: passages of each code in items tagged with each standard.

One read on the task runner (``vault.case_studies.coding``: passages, then the
frequencies, co-occurrence and standards matrix over the same passages), so a study of
10,000 passages keeps the window responsive; the filters of the passages query work in
memory. Each query exports as CSV, the chart as PNG and SVG, with the dashboard's
helpers (atomic writes on the runner). Students appear by their pseudonym only.
"""

from __future__ import annotations

import html
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QPainter,
    QPalette,
    QPixmap,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QTextBrowser,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.domain.dashboard import csv_bytes
from reflectdesk.errors import Cancelled
from reflectdesk.gui.case_common_view import record_table, ui_language
from reflectdesk.gui.catalog import Catalog
from reflectdesk.gui.cohort_dashboard import ask_export_path, write_export
from reflectdesk.gui.dashboard_chart import (
    STACK_COLOURS,
    ExportableChart,
    nice_scale,
    png_of,
    svg_of,
)
from reflectdesk.gui.dashboard_models import CENTER, SortedTableModel, heat_colour
from reflectdesk.gui.dates import date_range_edits, show_date, widest_date
from reflectdesk.gui.dialogs import report_error
from reflectdesk.gui.standard_labels import ElidedLabel, StandardLabels
from reflectdesk.gui.tasks import Task, TaskRunner
from reflectdesk.gui.widgets import wrap
from reflectdesk.progress import CancelToken, ProgressSink
from reflectdesk.services.case_coding import CodeView, Frequencies
from reflectdesk.services.case_common import CaseItem, Passage

if TYPE_CHECKING:
    from reflectdesk.services.vault import Vault

log = logging.getLogger(__name__)

PASSAGES, FREQUENCIES, COOCCURRENCE, STANDARDS = range(4)
LANGUAGES = ("es", "en")
QUERY_NAMES = (
    "caseQueryPassages",
    "caseQueryFrequencies",
    "caseQueryCooccurrence",
    "caseQueryStandards",
)
COL_CODE, COL_STUDENT, COL_DATE, COL_SECTION, COL_TEXT = range(5)
PASSAGE_COLUMNS = 5
ELIDE_AT = 160  # characters of a passage in its table cell (the pane shows it all)
CONTEXT = 240  # characters of the section shown around a passage in the pane
LEGEND_MAX = 8  # codes named in the chart's legend (more: the table's swatches are the key)

Index = QModelIndex | QPersistentModelIndex


def qdate_of(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def pseudonym_key(name: str) -> tuple[int, str]:
    """ "Estudiante B" before "Estudiante AA" (the map's order: A…Z, then AA…)."""
    head, _, tail = name.rpartition(" ")
    return (len(tail), name) if head else (0, name)


# --- the data, read once per study on a worker --------------------------------------------
@dataclass
class QueryData:
    """What the four queries show, read in one job."""

    codes: list[CodeView]
    passages: list[Passage]
    frequencies: Frequencies
    cooccurrence: dict[tuple[str, str], int]
    standards: dict[str, dict[str, int]]
    contexts: dict[tuple[str, str], str]  # (item id, section) → the section's text
    section_titles: dict[str, dict[str, str]]  # language → section key → its title
    section_order: list[str]  # as the templates list them, first seen first
    standard_titles: dict[str, dict[str, str]]  # language → standard code → its title
    standard_order: list[str]  # the taxonomy's order
    seconds: float = 0.0
    code_by_id: dict[str, CodeView] = field(init=False)
    children: dict[str, list[str]] = field(init=False)

    def __post_init__(self) -> None:
        self._students = sorted({p.pseudonym for p in self.passages}, key=pseudonym_key)
        used = {p.section for p in self.passages}
        self._sections = [s for s in self.section_order if s in used]
        self._sections += sorted(used - set(self.section_order))
        self.code_by_id = {c.id: c for c in self.codes}
        self.children = {}
        for c in self.codes:
            if c.parent_id is not None:
                self.children.setdefault(c.parent_id, []).append(c.id)

    def code_name(self, code_id: str) -> str:
        code = self.code_by_id.get(code_id)
        return code.name if code is not None else "?"

    def code_path(self, code_id: str) -> str:
        parts: list[str] = []
        seen: set[str] = set()
        current = self.code_by_id.get(code_id)
        while current is not None and current.id not in seen:
            seen.add(current.id)
            parts.append(current.name)
            current = self.code_by_id.get(current.parent_id or "")
        return " › ".join(reversed(parts))

    def tree_order(self) -> list[tuple[CodeView, int]]:
        """Every code with its depth, parents before their sub-codes."""
        out: list[tuple[CodeView, int]] = []
        roots = [c for c in self.codes if c.parent_id not in self.code_by_id]

        def walk(code: CodeView, depth: int) -> None:
            out.append((code, depth))
            for child in self.children.get(code.id, []):
                walk(self.code_by_id[child], depth + 1)

        for root in roots:
            walk(root, 0)
        return out

    def with_subcodes(self, code_ids: Sequence[str]) -> set[str]:
        wanted = set(code_ids)
        todo = list(code_ids)
        while todo:
            for child in self.children.get(todo.pop(), []):
                if child not in wanted:
                    wanted.add(child)
                    todo.append(child)
        return wanted

    def section_title(self, key: str) -> str:
        return self.section_titles.get(ui_language(), {}).get(key) or key

    def standard_label(self, code: str) -> str:
        """ "C7 — Evalúa y monitorea…" in the interface's language (the code alone if
        the taxonomy does not know it)."""
        title = self.standard_titles.get(ui_language(), {}).get(code)
        return f"{code} — {title}" if title else code

    def students(self) -> list[str]:
        return self._students

    def sections(self) -> list[str]:
        return self._sections

    def used_standards(self) -> list[str]:
        used = {s for row in self.standards.values() for s in row}
        order = {code: n for n, code in enumerate(self.standard_order)}
        return sorted(used, key=lambda s: (order.get(s, len(order)), s))


def read_query_data(vault: Vault, case_id: str, cancel: CancelToken | None = None) -> QueryData:
    """The four queries' data in one read (a worker calls it); titles in both languages
    (a language change shows them without reading again)."""
    started = time.perf_counter()
    cs = vault.case_studies
    coding = cs.coding
    codes = coding.codes(case_id)
    items: list[CaseItem] = cs.items(case_id)
    if cancel is not None:
        cancel.raise_if_cancelled()
    passages = coding.passages(case_id, items=items)
    if cancel is not None:
        cancel.raise_if_cancelled()
    frequencies = coding.frequencies(case_id, passages)
    cooccurrence = coding.cooccurrence(case_id, passages)
    standards = coding.standards_matrix(case_id, passages, items)
    catalog = Catalog.for_vault(vault)
    section_titles: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    section_order: list[str] = []
    templates_seen: set[str] = set()
    for item in items:
        if item.template_id and item.template_id not in templates_seen:
            templates_seen.add(item.template_id)
            template = catalog.template(item.template_id)
            if template is not None:
                for lang in LANGUAGES:
                    for key, title in template.section_titles(lang):
                        section_titles[lang].setdefault(key, title)
        for key, _text in item.sections:
            if key not in section_order:
                section_order.append(key)
    standard_titles: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    standard_order: list[str] = []
    taxonomy = catalog.taxonomy()
    if taxonomy is not None:
        for standard in taxonomy.standards():
            for lang in LANGUAGES:
                standard_titles[lang][standard.code] = standard.title.get(lang)
            standard_order.append(standard.code)
    wanted = {(p.item_id, p.section) for p in passages}
    contexts = {
        (item.id, key): text
        for item in items
        for key, text in item.sections
        if (item.id, key) in wanted
    }
    return QueryData(
        codes,
        passages,
        frequencies,
        cooccurrence,
        standards,
        contexts,
        section_titles,
        section_order,
        standard_titles,
        standard_order,
        time.perf_counter() - started,
    )


# --- models -------------------------------------------------------------------------------
def swatch(colour: str | None) -> QIcon | None:
    if not colour:
        return None
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class PassageModel(SortedTableModel):
    """The passages shown (after the filters): code, pseudonym, date, section, text."""

    columns = PASSAGE_COLUMNS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.data_: QueryData | None = None
        self.rows: list[Passage] = []
        # sort_column -1: the service's order (item, then section and text)
        self._icons: dict[str, QIcon | None] = {}
        self._order: dict[str, int] = {}

    def set_rows(self, data: QueryData | None, rows: list[Passage]) -> None:
        self.beginResetModel()
        self.data_ = data
        self._icons = {}
        self.rows = rows
        self._order = {p.segment_id: n for n, p in enumerate(rows)}
        if self.sort_column >= 0:
            self.rows.sort(key=self._key, reverse=self.descending)
        self.endResetModel()

    def _key(self, p: Passage) -> Any:
        data = self.data_
        column = self.sort_column
        if column < 0:
            return self._order.get(p.segment_id, 0)
        if column == COL_CODE and data is not None:
            return data.code_name(p.code_id).casefold()
        if column == COL_STUDENT:
            return pseudonym_key(p.pseudonym)
        if column == COL_DATE:
            return p.event_date or date.min
        if column == COL_SECTION and data is not None:
            return data.section_title(p.section).casefold()
        return p.text.casefold()

    def cell_text(self, p: Passage, column: int) -> str:
        data = self.data_
        if column == COL_CODE:
            return data.code_name(p.code_id) if data is not None else ""
        if column == COL_STUDENT:
            return p.pseudonym
        if column == COL_DATE:
            return show_date(p.event_date) if p.event_date else "—"
        if column == COL_SECTION:
            return data.section_title(p.section) if data is not None else p.section
        text = " ".join(p.text.split())
        return text if len(text) <= ELIDE_AT else text[: ELIDE_AT - 1] + "…"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        p = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(p, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_CODE and self.data_:
            return self.data_.code_path(p.code_id)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_TEXT:
            return p.text if len(p.text) <= 600 else p.text[:599] + "…"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.cell_text(p, column)  # whole, where the column elides it
        if role == Qt.ItemDataRole.DecorationRole and column == COL_CODE and self.data_:
            if p.code_id not in self._icons:
                code = self.data_.code_by_id.get(p.code_id)
                self._icons[p.code_id] = swatch(code.color if code else None)
            return self._icons[p.code_id]
        if role == Qt.ItemDataRole.UserRole:
            return p.segment_id
        return None


@dataclass
class Matrix:
    """A table of counts: rows × columns, each with a label, a tooltip and maybe a
    colour; ``None`` where a cell means nothing (a code with itself); ``total`` columns
    are counted but not coloured."""

    rows: list[tuple[str, str, str | None]] = field(default_factory=list)
    columns: list[tuple[str, str, str | None]] = field(default_factory=list)
    counts: list[list[int | None]] = field(default_factory=list)
    totals: set[int] = field(default_factory=set)

    def top(self) -> int:
        return max(
            (
                n
                for row in self.counts
                for k, n in enumerate(row)
                if n is not None and k not in self.totals
            ),
            default=0,
        )

    def csv_rows(self, corner: str) -> list[list[object]]:
        out: list[list[object]] = [[corner, *(label for label, _t, _c in self.columns)]]
        for (label, _t, _c), row in zip(self.rows, self.counts, strict=True):
            out.append([label, *("" if n is None else n for n in row)])
        return out


class MatrixModel(QAbstractTableModel):
    """A :class:`Matrix` as a heatmap (the count in every cell, the colour repeats it),
    coloured as the dashboard's standards heatmap."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.matrix = Matrix()
        self._top = 0

    def set_matrix(self, matrix: Matrix) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self._top = matrix.top()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.matrix.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.matrix.columns)

    def count(self, row: int, column: int) -> int | None:
        return self.matrix.counts[row][column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        n = self.matrix.counts[row][column]
        if role == Qt.ItemDataRole.DisplayRole:
            return "—" if n is None else str(n)
        if role == Qt.ItemDataRole.ToolTipRole:
            r, c = self.matrix.rows[row], self.matrix.columns[column]
            return f"{r[1] or r[0]} · {c[1] or c[0]}: {'—' if n is None else n}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(CENTER.value)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            if column in self.matrix.totals:
                return None  # a total: the palette's own colours, in bold
            return heat_colour(role, n or 0, self._top)
        if role == Qt.ItemDataRole.FontRole and column in self.matrix.totals:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        labels = (
            self.matrix.columns if orientation == Qt.Orientation.Horizontal else self.matrix.rows
        )
        if not 0 <= section < len(labels):
            return None
        label, tip, colour = labels[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return label
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip or label
        if role == Qt.ItemDataRole.DecorationRole:
            return swatch(colour)
        return None


# --- the chart ----------------------------------------------------------------------------
class FrequencyChart(ExportableChart):
    """Passages per student (or per section), one horizontal bar each, stacked by code
    in the code's colour (or the colour-blind-safe palette)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("caseFrequencyChart", parent)
        self.chart_view.setObjectName("caseFrequencyPlot")
        self.chart_view.setMinimumHeight(110)  # the tab fits a 1024×600 window's workspace
        self.cat_axis = QBarCategoryAxis()
        self.value_axis = QValueAxis()
        self.chart.addAxis(self.cat_axis, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(self.value_axis, Qt.AlignmentFlag.AlignBottom)
        self.matrix = Matrix()
        self.value_label = ""

    def show_matrix(self, matrix: Matrix, title: str, value_label: str) -> None:
        """Rows are the bars, columns (except totals) the codes stacked in each."""
        self.matrix = matrix
        self.title = title
        self.value_label = value_label
        self.redraw()

    def redraw(self) -> None:
        _background, text, _accent, muted = self._clear_chart()
        chart = self.chart
        legend = chart.legend()
        m = self.matrix
        codes = [k for k in range(len(m.columns)) if k not in m.totals]
        if not m.rows or not codes:
            legend.setVisible(False)
            self.cat_axis.clear()
            self.value_axis.setRange(0, 1)
            return
        series = QHorizontalStackedBarSeries()
        for n, k in enumerate(codes):
            label, _tip, colour = m.columns[k]
            bar_set = QBarSet(label)
            # Bottom to top, as the table reads top to bottom.
            bar_set.append([float(row[k] or 0) for row in reversed(m.counts)])
            c = QColor(colour) if colour else QColor(STACK_COLOURS[n % len(STACK_COLOURS)])
            bar_set.setColor(c)
            bar_set.setBorderColor(c)
            series.append(bar_set)
        series.setBarWidth(0.75)
        chart.addSeries(series)
        legend.setVisible(len(codes) <= LEGEND_MAX)
        self.cat_axis.clear()
        names: list[str] = []
        for label, _t, _c in reversed(m.rows):
            while label in names:  # a category axis needs unique names
                label += "\u200b"
            names.append(label)
        self.cat_axis.append(names)
        top = max((sum(row[k] or 0 for k in codes) for row in m.counts), default=0)
        step, ticks = nice_scale(top)
        self.value_axis.setRange(0, step * (ticks - 1))
        self.value_axis.setTickCount(ticks)
        self.value_axis.setLabelFormat("%d")
        self.value_axis.setTitleText(self.value_label)
        for axis in (self.cat_axis, self.value_axis):
            axis.setLabelsColor(text)
            axis.setTitleBrush(text)
            axis.setLinePenColor(muted)
            axis.setGridLineColor(muted)
        self.cat_axis.setGridLineVisible(False)
        self.cat_axis.setTruncateLabels(False)  # "Estudiante A" whole, never "…"
        series.attachAxis(self.cat_axis)
        series.attachAxis(self.value_axis)


class MatrixPicture:
    """A :class:`Matrix` drawn as its heatmap table for an image: the title, the column
    labels, each row's label (with the code's colour) and every count in its cell,
    coloured as on screen; long labels elided. ``size`` fits it all."""

    PAD = 16

    def __init__(self, matrix: Matrix, title: str, font: QFont, notes: Sequence[str] = ()) -> None:
        self.matrix = matrix
        self.title = title
        self.notes = list(notes)  # lines under the table (the standards' titles)
        self.font = QFont(font)
        self.bold = QFont(font)
        self.bold.setBold(True)
        m = QFontMetrics(self.font)
        self.row_h = m.height() + 10
        self.swatch = m.height() - 2
        cap = m.horizontalAdvance("M" * 20)
        self.label_w = min(
            cap,
            max(
                (m.horizontalAdvance(label) + (self.swatch + 6 if colour else 0)
                 for label, _t, colour in matrix.rows),
                default=0,
            ) + 12,
        )  # fmt: skip
        self.col_w = [
            max(m.horizontalAdvance("0000"), min(m.horizontalAdvance("M" * 9),
                m.horizontalAdvance(label) + (self.swatch + 6 if colour else 0))) + 14
            for label, _t, colour in matrix.columns
        ]  # fmt: skip
        width = 2 * self.PAD + self.label_w + sum(self.col_w)
        height = 2 * self.PAD + self.row_h * (len(matrix.rows) + 2)
        height += (m.height() + 4) * len(self.notes) + (self.PAD // 2 if self.notes else 0)
        width = max(width, 2 * self.PAD + QFontMetrics(self.bold).horizontalAdvance(title))
        widest_note = max((m.horizontalAdvance(n) for n in self.notes), default=0)
        width = max(width, min(2 * self.PAD + widest_note, m.horizontalAdvance("M" * 90)))
        self.size = QSize(width, height)

    def paint(self, painter: QPainter, size: QSize) -> None:
        pal = QApplication.palette()
        base = pal.color(QPalette.ColorRole.Base)
        text = pal.color(QPalette.ColorRole.Text)
        grid = pal.color(QPalette.ColorRole.Mid)
        painter.fillRect(QRectF(0, 0, size.width(), size.height()), base)
        m = self.matrix
        top = m.top()
        metrics = QFontMetrics(self.font)
        x0, y = self.PAD, self.PAD
        painter.setFont(self.bold)
        painter.setPen(text)
        painter.drawText(
            QRectF(x0, y, size.width() - 2 * self.PAD, self.row_h),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self.title,
        )
        y += self.row_h

        def label(rect: QRectF, caption: str, colour: str | None, align: Qt.AlignmentFlag) -> None:
            left = rect.left() + 4
            if colour:
                box = QRectF(left, rect.center().y() - self.swatch / 2, self.swatch, self.swatch)
                painter.fillRect(box, QColor(colour))
                left += self.swatch + 4
            room = QRectF(left, rect.top(), rect.right() - left - 2, rect.height())
            shown = metrics.elidedText(caption, Qt.TextElideMode.ElideRight, int(room.width()))
            painter.setPen(text)
            painter.drawText(room, int(align | Qt.AlignmentFlag.AlignVCenter), shown)

        painter.setFont(self.font)
        x = x0 + self.label_w
        for (caption, _t, colour), w in zip(m.columns, self.col_w, strict=True):
            label(QRectF(x, y, w, self.row_h), caption, colour, Qt.AlignmentFlag.AlignHCenter)
            x += w
        y += self.row_h
        for (caption, _t, colour), row in zip(m.rows, m.counts, strict=True):
            label(
                QRectF(x0, y, self.label_w, self.row_h), caption, colour, Qt.AlignmentFlag.AlignLeft
            )
            x = x0 + self.label_w
            for k, (n, w) in enumerate(zip(row, self.col_w, strict=True)):
                cell = QRectF(x, y, w, self.row_h)
                total = k in m.totals
                if not total and n is not None:
                    painter.fillRect(cell, heat_colour(Qt.ItemDataRole.BackgroundRole, n, top))
                painter.setPen(grid)
                painter.drawRect(cell)
                painter.setFont(self.bold if total else self.font)
                painter.setPen(
                    text if total or n is None
                    else heat_colour(Qt.ItemDataRole.ForegroundRole, n, top)
                )  # fmt: skip
                painter.drawText(
                    cell, int(Qt.AlignmentFlag.AlignCenter), "—" if n is None else str(n)
                )
                painter.setFont(self.font)
                x += w
            y += self.row_h
        y += self.PAD // 2
        painter.setPen(text)
        for note in self.notes:
            room = QRectF(x0, y, size.width() - 2 * self.PAD, metrics.height() + 4)
            shown = metrics.elidedText(note, Qt.TextElideMode.ElideRight, int(room.width()))
            painter.drawText(
                room, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown
            )
            y += metrics.height() + 4


class SegmentButton(QToolButton):
    """One segment of the query control: its whole text when there is room, elided
    ("Code freq…") when the workspace is narrow (a 1024×600 window in a long language),
    the whole text then in its tooltip; sized by the whole text, so eliding never
    changes what the layout asks for."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full_text = ""
        self.description = ""  # what the query shows (the tooltip)
        self.setCheckable(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_full_text(self, text: str, description: str = "") -> None:
        self.full_text = text
        self.description = description
        self.setAccessibleName(text.replace("&", ""))
        self.setAccessibleDescription(description)
        self.updateGeometry()
        self._elide()

    def _padding(self) -> int:
        """Room the style takes around the text (its button margins and frame)."""
        style = self.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, self)
        frame = style.pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, self)
        return 2 * (margin + frame) + 4

    def sizeHint(self) -> QSize:
        width = self.fontMetrics().horizontalAdvance(self.full_text) + self._padding()
        return QSize(width, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        width = self.fontMetrics().horizontalAdvance("Mmmm…") + self._padding()
        return QSize(min(width, self.sizeHint().width()), super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics = self.fontMetrics()
        room = max(1, self.width() - self._padding())
        shown = self.full_text
        if metrics.horizontalAdvance(shown) > room:
            shown = metrics.elidedText(shown, Qt.TextElideMode.ElideRight, room)
        self.setText(shown)
        tip = (
            self.description if shown == self.full_text else f"{self.full_text}: {self.description}"
        )
        self.setToolTip(tip.rstrip(": "))


def heat_table(name: str, model: QAbstractTableModel) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setTabKeyNavigation(False)
    view.setMinimumHeight(60)  # it scrolls: the tab fits a 1024×600 window
    metrics = view.fontMetrics()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setTextElideMode(Qt.TextElideMode.ElideRight)
    header.setMinimumSectionSize(metrics.horizontalAdvance("0000") + 12)
    view.verticalHeader().setDefaultSectionSize(metrics.height() + 6)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    return view


def fit_columns(view: QTableView) -> None:
    """Each column as wide as its header (a count is never wider than "0000"), but a
    long code name no wider than ~9 characters (elided; the whole name in the
    header's tooltip): the matrix stays readable at 1024×600. Measured from the
    labels, not by asking every cell (``resizeColumnsToContents``)."""
    header = view.horizontalHeader()
    model = view.model()
    metrics = header.fontMetrics()
    cap = metrics.horizontalAdvance("M" * 9)
    least = metrics.horizontalAdvance("0000") + 14
    for k in range(model.columnCount()):
        text = str(model.headerData(k, Qt.Orientation.Horizontal) or "")
        icon = model.headerData(k, Qt.Orientation.Horizontal, Qt.ItemDataRole.DecorationRole)
        width = metrics.horizontalAdvance(text) + 16 + (18 if icon is not None else 0)
        header.resizeSection(k, max(least, min(cap, width)))


# --- the tab ------------------------------------------------------------------------------
class CaseQueriesTab(QWidget):
    changed = Signal()  # the contract's; queries only read, so never emitted
    open_passage = Signal(str, str)  # item id, passage (segment) id: show it in the Coding tab
    shown = Signal()  # a study's data is in the widgets (after set_case)
    exported = Signal(object)  # the Path written

    def __init__(self, vault: Vault, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseQueriesTab")
        self.vault = vault
        self.runner = runner
        self.case_id: str | None = None
        self.data: QueryData | None = None
        self.shown_rows: list[Passage] = []
        self.export_dir = Path.home()
        self.timings: dict[str, float] = {}
        self._seq = 0
        self._task: Task[QueryData] | None = None
        self._failed = False
        self._sized = False  # the filter column given its width once shown
        self._stale: set[int] = set()  # matrix pages to make again before they show
        self._pending = False  # set_case came while hidden: read when shown

        # The segmented control: four exclusive buttons.
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        segments = QHBoxLayout()
        segments.setSpacing(0)
        self.query_buttons: list[SegmentButton] = []
        for k, name in enumerate(QUERY_NAMES):
            button = SegmentButton()
            button.setObjectName(name)
            self.group.addButton(button, k)
            segments.addWidget(button)
            self.query_buttons.append(button)
        segments.addStretch(1)
        self.query_buttons[PASSAGES].setChecked(True)
        self.group.idClicked.connect(self.show_query)

        # One line, elided where narrow (the whole line in its tooltip): the tab fits
        # a 1024×600 window in every language.
        self.status = ElidedLabel()
        self.status.setObjectName("caseQueryStatus")

        self.pages = QStackedWidget()
        self.pages.setObjectName("caseQueryPages")
        self.pages.addWidget(self._passages_page())
        self.pages.addWidget(self._frequencies_page())
        self.pages.addWidget(self._cooccurrence_page())
        self.pages.addWidget(self._standards_page())

        self.empty = wrap(QLabel())
        self.empty.setObjectName("caseQueryEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.body = QStackedWidget()
        self.body.addWidget(self.empty)
        self.body.addWidget(self.pages)

        self.open_button = QPushButton()
        self.open_button.setObjectName("caseQueryOpen")
        self.open_button.clicked.connect(self.open_current)
        self.csv_button = QPushButton()
        self.csv_button.setObjectName("caseQueryCsv")
        self.csv_button.clicked.connect(lambda: self.save_csv())
        self.png_button = QPushButton()
        self.png_button.setObjectName("caseQueryPng")
        self.png_button.clicked.connect(lambda: self.save_image("png"))
        self.svg_button = QPushButton()
        self.svg_button.setObjectName("caseQuerySvg")
        self.svg_button.clicked.connect(lambda: self.save_image("svg"))
        buttons = QHBoxLayout()
        for b in (self.open_button, self.csv_button, self.png_button, self.svg_button):
            buttons.addWidget(b)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(segments)
        layout.addWidget(self.status)
        layout.addWidget(self.body, 1)
        layout.addLayout(buttons)

        self.retranslate_ui()
        self._show_empty_state()

    # -- pages -----------------------------------------------------------------------------
    def _passages_page(self) -> QWidget:
        self.code_tree = QTreeWidget()
        self.code_tree.setObjectName("caseQueryCodes")
        self.code_tree.setHeaderHidden(True)
        self.code_tree.setRootIsDecorated(True)
        self.code_tree.setIndentation(self.fontMetrics().horizontalAdvance("M") + 2)
        self.code_tree.setMinimumWidth(self.fontMetrics().horizontalAdvance("M" * 8))
        self.code_tree.itemChanged.connect(lambda *_a: self.apply_filters())

        self.student = QComboBox()
        self.student.setObjectName("caseQueryStudent")
        self.student.currentIndexChanged.connect(lambda *_a: self.apply_filters())
        self.section = QComboBox()
        self.section.setObjectName("caseQuerySection")
        self.section.currentIndexChanged.connect(lambda *_a: self.apply_filters())
        for combo in (self.student, self.section):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.from_check, self.from_date, self.to_check, self.to_date = date_range_edits(
            "caseQuery", lambda *_a: self.apply_filters()
        )
        # The filters in a column left of the table (the codes, then the rest): the
        # table keeps the width, which a 1024×600 window has little of.
        left = QWidget()
        left.setObjectName("caseQueryFilters")
        left.setMinimumWidth(self.fontMetrics().horizontalAdvance("M" * 12))
        filters = QGridLayout(left)
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.code_tree, 0, 0, 1, 2)
        filters.addWidget(self.student, 1, 0, 1, 2)
        filters.addWidget(self.section, 2, 0, 1, 2)
        filters.addWidget(self.from_check, 3, 0)
        filters.addWidget(self.from_date, 3, 1)
        filters.addWidget(self.to_check, 4, 0)
        filters.addWidget(self.to_date, 4, 1)
        filters.setRowStretch(0, 1)
        filters.setColumnStretch(1, 1)

        self.passage_model = PassageModel(self)
        self.table = QTableView()
        self.table.setObjectName("caseQueryPassages")
        self.table.setModel(self.passage_model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        record_table(self.table)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicatorShown(True)
        m = self.fontMetrics()
        header.resizeSection(COL_CODE, m.horizontalAdvance("M" * 8))
        header.resizeSection(COL_STUDENT, m.horizontalAdvance("Estudiante AA") + 16)
        header.resizeSection(COL_DATE, m.horizontalAdvance(widest_date()) + 16)
        header.resizeSection(COL_SECTION, m.horizontalAdvance("M" * 8))
        self.table.doubleClicked.connect(self._passage_activated)
        self.table.activated.connect(self._passage_activated)
        self.table.selectionModel().currentRowChanged.connect(self._passage_selected)
        self.table.viewport().installEventFilter(self)

        self.passage_text = QTextBrowser()
        self.passage_text.setObjectName("caseQueryPassageText")
        self.passage_text.setOpenLinks(False)
        self.passage_text.setMinimumHeight(m.height() * 3)

        self.passage_split = QSplitter(Qt.Orientation.Vertical)
        self.passage_split.setObjectName("caseQueryPassageSplit")
        self.passage_split.setChildrenCollapsible(False)
        self.passage_split.addWidget(self.table)
        self.passage_split.addWidget(self.passage_text)
        self.passage_split.setStretchFactor(0, 3)
        self.passage_split.setStretchFactor(1, 1)

        split = self.filter_split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("caseQueryPassagesSplit")
        split.setChildrenCollapsible(False)
        split.addWidget(left)
        split.addWidget(self.passage_split)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        return split

    def _frequencies_page(self) -> QWidget:
        self.per = QComboBox()
        self.per.setObjectName("caseQueryPer")
        self.per.addItems(["", ""])
        self.per.currentIndexChanged.connect(lambda *_a: self._show_frequencies())
        self.freq_model = MatrixModel(self)
        self.freq_table = heat_table("caseQueryFrequencyTable", self.freq_model)
        self.freq_chart = FrequencyChart()
        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("caseQueryFrequencySplit")
        split.setChildrenCollapsible(False)
        split.addWidget(self.freq_table)
        split.addWidget(self.freq_chart)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        self.freq_table.setMinimumHeight(60)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.per_label = QLabel()
        self.per_label.setBuddy(self.per)
        row.addWidget(self.per_label)
        row.addWidget(self.per)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(split, 1)
        return page

    def _cooccurrence_page(self) -> QWidget:
        self.co_model = MatrixModel(self)
        self.co_table = heat_table("caseQueryCooccurrence", self.co_model)
        self.co_note = wrap(QLabel())
        self.co_note.setObjectName("caseQueryCooccurrenceNote")
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.co_note)
        layout.addWidget(self.co_table, 1)
        return page

    def _standards_page(self) -> QWidget:
        self.std_model = MatrixModel(self)
        self.std_table = heat_table("caseQueryStandards", self.std_model)
        self.std_table.selectionModel().currentChanged.connect(self._standard_cell)
        self.std_note = wrap(QLabel())
        self.std_note.setObjectName("caseQueryStandardsNote")
        self.std_labels = StandardLabels()
        self.std_labels.setObjectName("caseQueryStandardLabels")
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.std_note)
        layout.addWidget(self.std_table, 1)
        layout.addWidget(self.std_labels)
        return page

    # -- the contract ----------------------------------------------------------------------
    def set_case(self, case_id: str | None) -> None:
        """Show this study's queries (None: the empty state); also the refresh. Reads on
        the runner and emits ``shown``."""
        self._seq += 1
        if self._task is not None and not self._task.done:
            self._task.cancel()
        self._task = None
        same = case_id == self.case_id
        self.case_id = case_id
        self._failed = False
        if case_id is not None and not self.isVisible():
            # Hidden (another tab of the workspace is shown, which refreshes every tab
            # after each coding): read when shown, not 10,000 passages per change.
            self._pending = True
            if not same:
                self.data = None
                self._fill()
            return
        self._pending = False
        if case_id is None:
            self.data = None
            self._fill()
            self.shown.emit()
            return
        seq = self._seq
        vault = self.vault
        started = time.perf_counter()
        self.status.set_full_text(self.tr("Reading the coded passages…"))

        def job(_p: ProgressSink, cancel: CancelToken) -> QueryData:
            return read_query_data(vault, case_id, cancel)

        self._task = self.runner.submit(
            job,
            on_result=lambda data: self._loaded(seq, data, started),
            on_error=lambda exc: self._not_read(seq, exc),
            name="case-queries",
            owner=self,
        )

    def refresh(self) -> None:
        self.set_case(self.case_id)

    def _loaded(self, seq: int, data: QueryData, started: float) -> None:
        if seq != self._seq:
            return
        self.timings["read"] = data.seconds
        self.data = data
        shown = time.perf_counter()
        self._fill()
        self.timings["show"] = time.perf_counter() - shown
        self.timings["total"] = time.perf_counter() - started
        self.shown.emit()

    def _not_read(self, seq: int, exc: BaseException) -> None:
        if seq != self._seq or isinstance(exc, Cancelled):
            return
        log.warning("case queries not read: %s", type(exc).__name__)
        self._failed = True
        self.data = None
        self._fill()
        if self.vault.is_unlocked:  # locked meanwhile: the page is going away, no box
            report_error(self, exc)
        self.shown.emit()

    # -- filling ---------------------------------------------------------------------------
    def _fill(self) -> None:
        data = self.data
        self._fill_codes()
        self._fill_filters()
        self.apply_filters()
        # The matrices are made when their page is first shown (a study of 10,000
        # passages: the GUI thread does only what is on screen).
        self._stale = {FREQUENCIES, COOCCURRENCE, STANDARDS}
        self._show_page(self.pages.currentIndex())
        if data is None or not data.passages:
            self._show_empty_state()
        else:
            self.body.setCurrentIndex(1)
            self._show_status()
        self._update_buttons()

    def _show_empty_state(self) -> None:
        self.body.setCurrentIndex(0)
        if self.case_id is None:
            self.empty.setText(self.tr("Choose a case study on the left to query its coding."))
        elif self._failed:
            self.empty.setText(self.tr("The coded passages could not be read."))
        elif self.data is not None and not self.data.codes:
            self.empty.setText(
                self.tr(
                    "No codes yet. Create a codebook and code some passages in the "
                    "Coding tab first; their queries appear here."
                )
            )
        else:
            self.empty.setText(
                self.tr(
                    "No coded passages yet. Code some passages in the Coding tab first; "
                    "then find them here by code, student, section and date, and see "
                    "code frequencies, co-occurrence and the code × MBE standard matrix."
                )
            )
        self.status.set_full_text("")
        self._update_buttons()

    def _fill_codes(self) -> None:
        data = self.data
        checked = set(self.checked_codes())
        tree = self.code_tree
        tree.blockSignals(True)
        tree.clear()
        if data is not None:
            totals = data.frequencies.totals
            made: dict[str, QTreeWidgetItem] = {}
            for code, _depth in data.tree_order():
                parent = made.get(code.parent_id or "")
                node = QTreeWidgetItem() if parent is None else QTreeWidgetItem(parent)
                if parent is None:
                    tree.addTopLevelItem(node)
                node.setText(0, f"{code.name} ({totals.get(code.id, 0)})")
                node.setData(0, Qt.ItemDataRole.UserRole, code.id)
                node.setToolTip(0, code.description or data.code_path(code.id))
                icon = swatch(code.color)
                if icon is not None:
                    node.setIcon(0, icon)
                node.setFlags(node.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                node.setCheckState(
                    0, Qt.CheckState.Checked if code.id in checked else Qt.CheckState.Unchecked
                )
                made[code.id] = node
            tree.expandAll()
        tree.blockSignals(False)

    def _fill_filters(self) -> None:
        data = self.data
        for combo, values, all_text in (
            (
                self.student,
                [(s, s) for s in data.students()] if data else [],
                self.tr("All students"),
            ),
            (
                self.section,
                [(s, data.section_title(s)) for s in data.sections()] if data else [],
                self.tr("All sections"),
            ),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(all_text, None)
            for value, text in values:
                combo.addItem(text, value)
            found = combo.findData(current)
            combo.setCurrentIndex(max(found, 0) if current is not None else 0)
            combo.blockSignals(False)

    # -- passages --------------------------------------------------------------------------
    def checked_codes(self) -> list[str]:
        out: list[str] = []
        stack = [self.code_tree.topLevelItem(k) for k in range(self.code_tree.topLevelItemCount())]
        while stack:
            node = stack.pop(0)
            if node is None:
                continue
            if node.checkState(0) == Qt.CheckState.Checked:
                out.append(str(node.data(0, Qt.ItemDataRole.UserRole)))
            stack.extend(node.child(k) for k in range(node.childCount()))
        return out

    def set_codes(self, code_ids: Sequence[str]) -> None:
        """Check exactly these codes (none: every code's passages)."""
        wanted = set(code_ids)
        tree = self.code_tree
        tree.blockSignals(True)
        stack = [tree.topLevelItem(k) for k in range(tree.topLevelItemCount())]
        while stack:
            node = stack.pop()
            if node is None:
                continue
            code = str(node.data(0, Qt.ItemDataRole.UserRole))
            node.setCheckState(
                0, Qt.CheckState.Checked if code in wanted else Qt.CheckState.Unchecked
            )
            stack.extend(node.child(k) for k in range(node.childCount()))
        tree.blockSignals(False)
        self.apply_filters()

    def set_filters(
        self,
        student: str | None = None,
        section: str | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
    ) -> None:
        """The passages query's other filters (tests and keyboard-free use)."""
        for w in (self.student, self.section, self.from_check, self.to_check):
            w.blockSignals(True)
        self.student.setCurrentIndex(max(self.student.findData(student), 0))
        self.section.setCurrentIndex(max(self.section.findData(section), 0))
        self.from_check.setChecked(date_from is not None)
        self.to_check.setChecked(date_to is not None)
        if date_from is not None:
            self.from_date.setDate(QDate(date_from.year, date_from.month, date_from.day))
        if date_to is not None:
            self.to_date.setDate(QDate(date_to.year, date_to.month, date_to.day))
        for w in (self.student, self.section, self.from_check, self.to_check):
            w.blockSignals(False)
        self.apply_filters()

    def filtered(self) -> list[Passage]:
        data = self.data
        if data is None:
            return []
        codes = self.checked_codes()
        wanted = data.with_subcodes(codes) if codes else None
        student = self.student.currentData()
        section = self.section.currentData()
        start = qdate_of(self.from_date.date()) if self.from_check.isChecked() else None
        end = qdate_of(self.to_date.date()) if self.to_check.isChecked() else None
        out = []
        for p in data.passages:
            if wanted is not None and p.code_id not in wanted:
                continue
            if student is not None and p.pseudonym != student:
                continue
            if section is not None and p.section != section:
                continue
            if start is not None and (p.event_date is None or p.event_date < start):
                continue
            if end is not None and (p.event_date is None or p.event_date > end):
                continue
            out.append(p)
        return out

    def apply_filters(self) -> None:
        """The passages under the filters, in memory (no vault read)."""
        started = time.perf_counter()
        self.shown_rows = self.filtered()
        self.passage_model.set_rows(self.data, list(self.shown_rows))
        self.timings["filter"] = time.perf_counter() - started
        self.passage_text.clear()
        if self.shown_rows:
            self.table.setCurrentIndex(self.passage_model.index(0, 0))
        self._show_status()
        self._update_buttons()

    def passage_rows(self) -> list[Passage]:
        """The table's rows in the order shown."""
        return list(self.passage_model.rows)

    def current_passage(self) -> Passage | None:
        index = self.table.currentIndex()
        rows = self.passage_model.rows
        return rows[index.row()] if index.isValid() and index.row() < len(rows) else None

    def _passage_selected(self, *_args: object) -> None:
        p = self.current_passage()
        data = self.data
        if p is None or data is None:
            self.passage_text.clear()
            self._update_buttons()
            return
        context = data.contexts.get((p.item_id, p.section), "")
        before = context[max(0, p.start - CONTEXT) : p.start]
        after = context[p.end : p.end + CONTEXT]
        if p.start > CONTEXT:
            before = "…" + before
        if len(context) > p.end + CONTEXT:
            after += "…"
        when = show_date(p.event_date) if p.event_date else "—"
        head = " · ".join(
            (data.code_path(p.code_id), p.pseudonym, when, data.section_title(p.section))
        )
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        self.passage_text.setHtml(
            f"<p><b>{html.escape(head)}</b></p><p>"
            f'<span style="color:{muted}">{html.escape(before)}</span>'
            f"<b>{html.escape(p.text)}</b>"
            f'<span style="color:{muted}">{html.escape(after)}</span></p>'
        )
        self._update_buttons()

    def _passage_activated(self, index: QModelIndex) -> None:
        rows = self.passage_model.rows
        if index.isValid() and index.row() < len(rows):
            p = rows[index.row()]  # the row clicked, whichever is current
            self.open_passage.emit(p.item_id, p.segment_id)

    def open_current(self) -> None:
        """Ask the workspace to show the current passage in the Coding tab."""
        p = self.current_passage()
        if p is not None and self.pages.currentIndex() == PASSAGES:
            self.open_passage.emit(p.item_id, p.segment_id)

    # -- the matrices ----------------------------------------------------------------------
    def _code_columns(self) -> list[tuple[str, str, str | None]]:
        data = self.data
        if data is None:
            return []
        return [(code.name, data.code_path(code.id), code.color) for code, _d in data.tree_order()]

    def frequency_matrix(self) -> Matrix:
        data = self.data
        if data is None or not data.passages:
            return Matrix()
        per_student = self.per.currentIndex() != 1
        codes = [code.id for code, _d in data.tree_order()]
        table = data.frequencies.by_student if per_student else data.frequencies.by_section
        keys = data.students() if per_student else data.sections()
        rows: list[tuple[str, str, str | None]] = [
            (key if per_student else data.section_title(key), "", None) for key in keys
        ]
        counts: list[list[int | None]] = []
        for key in keys:
            row: list[int | None] = [table.get(key, {}).get(c, 0) for c in codes]
            row.append(sum(n or 0 for n in row))
            counts.append(row)
        columns = [*self._code_columns(), (self.tr("Total"), "", None)]
        return Matrix(rows, columns, counts, {len(codes)})

    def cooccurrence_matrix(self) -> Matrix:
        data = self.data
        if data is None or not data.passages:
            return Matrix()
        codes = [code.id for code, _d in data.tree_order()]
        labels = self._code_columns()
        counts: list[list[int | None]] = []
        for a in codes:
            row: list[int | None] = []
            for b in codes:
                if a == b:
                    row.append(None)
                else:
                    pair = (a, b) if a < b else (b, a)
                    row.append(data.cooccurrence.get(pair, 0))
            counts.append(row)
        return Matrix(labels, list(labels), counts)

    def standards_matrix(self) -> Matrix:
        data = self.data
        if data is None or not data.passages:
            return Matrix()
        standards = data.used_standards()
        codes = [code.id for code, _d in data.tree_order()]
        columns: list[tuple[str, str, str | None]] = [
            (s, data.standard_label(s), None) for s in standards
        ]
        counts: list[list[int | None]] = [
            [data.standards.get(c, {}).get(s, 0) for s in standards] for c in codes
        ]
        return Matrix(self._code_columns(), columns, counts)

    def _show_frequencies(self) -> None:
        matrix = self.frequency_matrix()
        self.freq_model.set_matrix(matrix)
        fit_columns(self.freq_table)
        self.freq_chart.show_matrix(matrix, self._chart_title(), self.tr("Coded passages"))

    def _chart_title(self) -> str:
        if self.per.currentIndex() == 1:
            return self.tr("Coded passages per template section")
        return self.tr("Coded passages per student")

    def _show_cooccurrence(self) -> None:
        self.co_model.set_matrix(self.cooccurrence_matrix())
        fit_columns(self.co_table)
        self._show_notes()

    def _show_standards(self) -> None:
        self.std_model.set_matrix(self.standards_matrix())
        fit_columns(self.std_table)
        self._standard_cell()
        self._show_notes()

    def _show_notes(self) -> None:
        data = self.data
        no_pairs = data is not None and bool(data.passages) and not data.cooccurrence
        self.co_note.setText(
            self.tr(
                "No two codes overlap yet. Two codes co-occur where their passages "
                "overlap in the same section."
            )
        )
        self.co_note.setVisible(no_pairs)
        no_standards = data is not None and bool(data.passages) and not data.standards
        self.std_note.setText(
            self.tr(
                "The coded items name no MBE standard: the matrix fills when the "
                "entries were tagged with standards."
            )
        )
        self.std_note.setVisible(no_standards)

    def _standard_cell(self, *_args: object) -> None:
        """Below the matrix: the current column's standard with its title, or all."""
        data = self.data
        columns = self.std_model.matrix.columns
        index = self.std_table.currentIndex()
        if data is None or not columns:
            self.std_labels.set_labels([])
            return
        # One line (the tab fits a 1024×600 window): the chosen column's standard, else
        # the first one's; every title is in its column header's tooltip.
        column = index.column() if index.isValid() else 0
        self.std_labels.set_labels([columns[column][1]])

    # -- status and buttons ----------------------------------------------------------------
    def _show_page(self, which: int) -> None:
        """Make a matrix page's content if it is stale."""
        if which not in self._stale:
            return
        self._stale.discard(which)
        if which == FREQUENCIES:
            self._show_frequencies()
        elif which == COOCCURRENCE:
            self._show_cooccurrence()
        elif which == STANDARDS:
            self._show_standards()

    def show_query(self, which: int) -> None:
        self._show_page(which)
        self.pages.setCurrentIndex(which)
        button = self.query_buttons[which]
        if not button.isChecked():
            button.setChecked(True)
        self._show_status()
        self._update_buttons()

    def current_query(self) -> int:
        return self.pages.currentIndex()

    def _show_status(self) -> None:
        data = self.data
        if data is None or not data.passages:
            return
        which = self.pages.currentIndex()
        if which == PASSAGES:
            text = self.tr(
                "Passages shown: %1 of %2. Double-click one to show it in the Coding tab."
            )
            text = text.replace("%1", str(len(self.shown_rows)))
            text = text.replace("%2", str(len(data.passages)))
            if not self.shown_rows:
                text = self.tr("No passage matches these filters (coded passages: %1).")
                text = text.replace("%1", str(len(data.passages)))
        elif which == FREQUENCIES:
            text = self.tr("Coded passages: %1 · codes: %2 · students: %3.")
            text = text.replace("%1", str(len(data.passages)))
            text = text.replace("%2", str(len(data.codes)))
            text = text.replace("%3", str(len(data.students())))
        elif which == COOCCURRENCE:
            text = self.tr(
                "How many times passages of two codes overlap in the same section. "
                "Pairs of codes that overlap: %1."
            ).replace("%1", str(len(data.cooccurrence)))
        else:
            text = self.tr(
                "Coded passages of each code in entries tagged with each MBE standard. "
                "Standards named: %1."
            ).replace("%1", str(len(data.used_standards())))
        self.status.set_full_text(text)

    def _update_buttons(self) -> None:
        has = self.data is not None and bool(self.data.passages)
        which = self.pages.currentIndex()
        self.open_button.setVisible(which == PASSAGES)
        self.open_button.setEnabled(has and self.current_passage() is not None)
        self.csv_button.setEnabled(has)
        for b in (self.png_button, self.svg_button):
            b.setVisible(which != PASSAGES)
            b.setEnabled(has)

    # -- exports ---------------------------------------------------------------------------
    def _ask(self, title: str, name: str, pattern: str, suffix: str) -> Path | None:
        return ask_export_path(self, self.export_dir, title, name, pattern, suffix)

    def _write(self, dest: Path, data: bytes | Callable[[], bytes]) -> None:
        self.export_dir = dest.parent
        write_export(self.runner, self, dest, data, self._written, "case-query-export")

    def _written(self, path: Path) -> None:
        self.status.set_full_text(self.tr("Saved: %1").replace("%1", path.name))
        self.exported.emit(path)

    def csv_rows(self, which: int | None = None) -> list[list[object]]:
        """The current query (or ``which``) as rows of cells, the header first."""
        which = self.pages.currentIndex() if which is None else which
        data = self.data
        if which == PASSAGES:
            header: list[object] = [
                self.tr("Code"),
                self.tr("Student (pseudonym)"),
                self.tr("Date"),
                self.tr("Section"),
                self.tr("Start"),
                self.tr("End"),
                self.tr("Passage"),
            ]
            out: list[list[object]] = [header]
            for p in self.passage_model.rows:
                out.append(
                    [
                        data.code_path(p.code_id) if data else p.code_id,
                        p.pseudonym,
                        p.event_date.isoformat() if p.event_date else "",
                        data.section_title(p.section) if data else p.section,
                        p.start,
                        p.end,
                        p.text,
                    ]
                )
            return out
        if which == FREQUENCIES:
            corner = self.tr("Section") if self.per.currentIndex() == 1 else self.tr("Student")
            return self.frequency_matrix().csv_rows(corner)
        if which == COOCCURRENCE:
            return self.cooccurrence_matrix().csv_rows(self.tr("Code"))
        return self.standards_matrix().csv_rows(self.tr("Code"))

    def csv_name(self, which: int) -> str:
        return (
            self.tr("passages-by-code"),
            self.tr("code-frequencies"),
            self.tr("code-cooccurrence"),
            self.tr("codes-by-standard"),
        )[which]

    def save_csv(self, dest: Path | None = None) -> None:
        if self.data is None:
            return
        which = self.pages.currentIndex()
        if dest is None:
            dest = self._ask(
                self.tr("Export the query"),
                self.csv_name(which) + ".csv",
                self.tr("CSV files (*.csv)"),
                ".csv",
            )
            if dest is None:
                return
        rows = self.csv_rows(which)  # the table as shown, read here; encoded on the worker
        self._write(dest, lambda: csv_bytes(rows))

    def image_bytes(self, fmt: str, which: int | None = None) -> bytes:
        """The query shown (or ``which``) as a PNG or SVG (``fmt``) image: the frequency
        chart, or the co-occurrence or code × standard heatmap with its labels."""
        which = self.pages.currentIndex() if which is None else which
        if which == FREQUENCIES:
            self._show_page(FREQUENCIES)
            chart = self.freq_chart
            return chart.svg_bytes() if fmt == "svg" else chart.png_bytes()
        notes: list[str] = []
        if which == COOCCURRENCE:
            matrix, title = self.cooccurrence_matrix(), self.tr("Code co-occurrence")
        else:
            matrix, title = self.standards_matrix(), self.tr("Codes by MBE standard")
            notes = [tip for label, tip, _c in matrix.columns if tip != label]
        picture = MatrixPicture(matrix, title, self.font(), notes)
        if fmt == "svg":
            return svg_of(picture.size, title, picture.paint)
        return png_of(picture.size, picture.paint)

    def save_image(self, fmt: str, dest: Path | None = None) -> None:
        """The query shown as PNG or SVG (``fmt``), to ``dest`` or where the user chooses."""
        which = self.pages.currentIndex()
        if self.data is None or which == PASSAGES:
            return
        if dest is None:
            if fmt == "svg":
                pattern = self.tr("SVG images (*.svg)")
            else:
                pattern = self.tr("PNG images (*.png)")
            dest = self._ask(
                self.tr("Export the image"), self.csv_name(which) + "." + fmt, pattern,
                "." + fmt,
            )  # fmt: skip
            if dest is None:
                return
        self._write(dest, self.image_bytes(fmt, which))

    # -- text ------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        for button, text, what in zip(
            self.query_buttons,
            (
                self.tr("Passages by code"),
                self.tr("Frequencies"),
                self.tr("Co-occurrence"),
                self.tr("Code × MBE"),
            ),
            (
                self.tr("The coded passages of the codes checked, by student, section and date"),
                self.tr("How often each code was applied, per student or per template section"),
                self.tr("How many times passages of two codes overlap"),
                self.tr("Coded passages of each code in entries tagged with each MBE standard"),
            ),
            strict=True,
        ):
            button.set_full_text(text, what)
        self.passage_model.set_headers(
            [
                self.tr("Code"),
                self.tr("Student"),
                self.tr("Date"),
                self.tr("Section"),
                self.tr("Passage"),
            ]
        )
        self.code_tree.setAccessibleName(self.tr("Codes (none checked: all)"))
        self.code_tree.setToolTip(
            self.tr("Check one or more codes; a code includes its sub-codes. None: all.")
        )
        self.table.setAccessibleName(self.tr("Coded passages"))
        self.passage_text.setAccessibleName(self.tr("The whole passage in its context"))
        self.student.setAccessibleName(self.tr("Student"))
        self.section.setAccessibleName(self.tr("Template section"))
        self.from_check.setText(self.tr("From"))
        self.to_check.setText(self.tr("To"))
        self.per_label.setText(self.tr("Count &per"))
        self.per.setItemText(0, self.tr("Student"))
        self.per.setItemText(1, self.tr("Template section"))
        self.freq_table.setAccessibleName(self.tr("Code frequencies"))
        self.freq_chart.chart_view.setAccessibleName(self.tr("Code frequencies chart"))
        self.co_table.setAccessibleName(self.tr("Code co-occurrence"))
        self.std_table.setAccessibleName(self.tr("Codes by MBE standard"))
        self.open_button.setText(self.tr("Show in &Coding"))
        self.csv_button.setText(self.tr("Export C&SV…"))
        self.png_button.setText(self.tr("Image as &PNG…"))
        self.svg_button.setText(self.tr("Image as S&VG…"))
        for push in (self.open_button, self.csv_button, self.png_button, self.svg_button):
            push.setAccessibleName(push.text().replace("&", "").rstrip("…"))
        if self.data is not None:
            self._fill_filters()
            self._stale = {FREQUENCIES, COOCCURRENCE, STANDARDS}
            self._show_page(self.pages.currentIndex())
            self._passage_selected()  # its heading names the section in the new language
            self._show_status()
        if self.body.currentIndex() == 0:
            self._show_empty_state()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending:
            self.set_case(self.case_id)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._sized and self.isVisible() and self.width() > 200:
            self._sized = True
            em = self.fontMetrics().horizontalAdvance("M")
            left = min(16 * em, self.width() // 3)
            self.filter_split.setSizes([left, max(1, self.width() - left)])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_passage_columns()
        return super().eventFilter(watched, event)

    def fit_passage_columns(self) -> None:
        """The passage keeps at least a third of the table: the code and section
        columns grow with the room there is (whole names at 1366 wide), and where even
        that leaves too little the date, then the section, go (the pane below the table
        names both)."""
        m = self.fontMetrics()
        em = m.horizontalAdvance("M")
        room = self.table.viewport().width()
        student = m.horizontalAdvance("Estudiante AA") + 16
        when = m.horizontalAdvance(widest_date()) + 16
        no_date = room - student - when < 24 * em
        no_section = room - student < 26 * em
        self.table.setColumnHidden(COL_DATE, no_date)
        self.table.setColumnHidden(COL_SECTION, no_section)
        rest = room - student - (0 if no_date else when)
        column = max(5 * em, min(14 * em, rest // (4 if no_section else 5)))
        header = self.table.horizontalHeader()
        header.resizeSection(COL_STUDENT, student)
        header.resizeSection(COL_DATE, when)
        header.resizeSection(COL_CODE, column)
        header.resizeSection(COL_SECTION, column)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() == QEvent.Type.PaletteChange:
            self.freq_chart.redraw()
        super().changeEvent(event)
