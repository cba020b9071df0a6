"""The dashboard's two tables as Qt models: the students (sortable on each column's
value, numbers and dates, not the text shown; sorted in Python) and the standards
heatmap (student × domain and standard; the count is always written in the cell, the
colour only repeats it, in the light and the dark palette)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from reflectdesk.domain.dashboard import DashboardView, StudentRow
from reflectdesk.gui.dates import show_date

CONTACT_ROLE = Qt.ItemDataRole.UserRole + 2
CODE_ROLE = Qt.ItemDataRole.UserRole + 3  # the heatmap column's standard or domain code

COL_NAME, COL_ENTRIES, COL_LAST, COL_TEMPLATES, COL_FEEDBACK, COL_SIGNOFFS = range(6)
STUDENT_COLUMNS = 6
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter

Index = QModelIndex | QPersistentModelIndex


def blend(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved ``t`` (0–1) of the way to ``b``."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )


def heat_colour(role: int, n: int, top: int) -> QColor:
    """A heatmap cell's background (``BackgroundRole``) or text colour (any other role)
    for the count ``n`` out of the column's or table's ``top``: the accent, stronger as
    the count grows, from the palette (light and dark); a zero stays the base colour
    with a muted text."""
    t = n / top if top else 0.0
    pal = QApplication.palette()
    base = pal.color(QPalette.ColorRole.Base)
    if role == Qt.ItemDataRole.BackgroundRole:
        return blend(base, pal.color(QPalette.ColorRole.Highlight), 0.15 + 0.85 * t) if n else base
    if n == 0:
        return pal.color(QPalette.ColorRole.PlaceholderText)
    strong = t > 0.55
    return pal.color(QPalette.ColorRole.HighlightedText if strong else QPalette.ColorRole.Text)


class SortedTableModel(QAbstractTableModel):
    """A table of ``rows`` sorted here, in Python, on each column's value (``_key``, not
    its text): a proxy would ask for every row's sort value through Qt tens of thousands
    of times. ``columns`` columns titled ``headers``. The dashboard's students and the
    case study's passages."""

    columns = 0

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []
        self.headers = [""] * self.columns
        self.sort_column = -1
        self.descending = False

    def _key(self, row: Any) -> Any:  # pragma: no cover - each model sorts its own
        raise NotImplementedError

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column = column
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        self.rows.sort(key=self._key, reverse=self.descending)
        self.layoutChanged.emit()

    def set_headers(self, headers: list[str]) -> None:
        self.headers = headers
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columns - 1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.columns

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return None


class StudentTableModel(SortedTableModel):
    columns = STUDENT_COLUMNS

    def __init__(self, template_name: Callable[[str], str], parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[StudentRow] = []
        self.review_read = True
        self.sort_column = COL_NAME
        self.template_name = template_name

    def set_rows(self, rows: list[StudentRow], review_read: bool = True) -> None:
        self.beginResetModel()
        self.rows = sorted(rows, key=self._key, reverse=self.descending)
        self.review_read = review_read
        self.endResetModel()

    def _key(self, row: StudentRow) -> Any:
        column = self.sort_column
        if column == COL_NAME:
            return row.name.casefold()
        if column == COL_ENTRIES:
            return (row.entries, row.name.casefold())
        if column == COL_LAST:
            return (row.last_activity.timestamp() if row.last_activity else 0.0, row.name)
        if column == COL_TEMPLATES:
            return (len(row.templates), row.name.casefold())
        if column == COL_FEEDBACK:
            return (row.feedback, row.name.casefold())
        return (row.sign_offs, row.name.casefold())

    def templates_text(self, row: StudentRow) -> str:
        return ", ".join(f"{self.template_name(t)} ({n})" for t, n in row.templates)

    def cell_text(self, row: StudentRow, column: int) -> str:
        if column == COL_NAME:
            return row.name
        if column == COL_ENTRIES:
            return str(row.entries)
        if column == COL_LAST:
            if row.last_activity is None:
                return "—"
            return show_date(row.last_activity.astimezone().date())
        if column == COL_TEMPLATES:
            return self.templates_text(row) or "—"
        if not self.review_read:
            return "…"  # still being read
        if column == COL_FEEDBACK:
            return str(row.feedback)
        return str(row.sign_offs)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cell_text(row, column)
        if role == CONTACT_ROLE:
            return row.contact_id
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            COL_ENTRIES,
            COL_FEEDBACK,
            COL_SIGNOFFS,
        ):
            return int(RIGHT.value)
        return None


class HeatmapModel(QAbstractTableModel):
    """Rows: students; columns: the domains (A–D, bold) then the standards. A cell is
    how many of her entries (under the filters) name that standard (or a standard of
    that domain)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.view: DashboardView | None = None
        self.rows: list[StudentRow] = []
        self.columns: list[tuple[str, bool]] = []  # (code, is a domain)
        self.titles: dict[str, str] = {}  # code -> its title (tooltips)
        self.top = 1

    def set_view(self, view: DashboardView | None, titles: dict[str, str]) -> None:
        self.beginResetModel()
        self.view = view
        self.titles = titles
        self.rows = [] if view is None else list(view.students)
        self.columns = (
            []
            if view is None
            else [(d, True) for d in view.domain_codes] + [(c, False) for c in view.standard_codes]
        )
        self.top = max(
            (max((*r.standards, 0)) for r in self.rows),
            default=0,
        )
        self.top_domain = max((max((*r.domains, 0)) for r in self.rows), default=0)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def count(self, row: int, column: int) -> int:
        r = self.rows[row]
        n_dom = len(self.view.domain_codes) if self.view else 0
        return r.domains[column] if column < n_dom else r.standards[column - n_dom]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        code, is_domain = self.columns[column]
        n = self.count(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(n)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{self.rows[row].name} · {code} {self.titles.get(code, '')}: {n}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(CENTER.value)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            return heat_colour(role, n, self.top_domain if is_domain else self.top)
        if role == Qt.ItemDataRole.FontRole and is_domain:
            font = QFont()
            font.setBold(True)
            return font
        if role == CONTACT_ROLE:
            return self.rows[row].contact_id
        if role == CODE_ROLE:
            return code
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self.columns):
                return None
            code, is_domain = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return code
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{code} {self.titles.get(code, '')}".strip()
            if role == Qt.ItemDataRole.FontRole and is_domain:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.rows):
            return self.rows[section].name
        return None
