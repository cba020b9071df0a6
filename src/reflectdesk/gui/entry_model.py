"""The entry list as a Qt table model over ``vault.entries.list`` summaries.

Rows are :class:`EntrySummary` (no body text, no decryption): the index serves them.
One query fetches the whole ordered list (for 10,000 entries about 0.2 s, so a
``loader`` runs it on a worker when the vault is large); the view is then given rows
a page at a time through ``canFetchMore``/``fetchMore``, which costs no query, and
display strings are made only for rows that are painted.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, Protocol

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from reflectdesk.domain.model import EntrySummary, SearchFilters
from reflectdesk.gui.dates import show_date

COL_DATE, COL_TITLE, COL_TEMPLATE, COL_TAGS, COL_REVIEW = range(5)
HEADERS = (
    QT_TRANSLATE_NOOP("EntryTableModel", "Date"),
    QT_TRANSLATE_NOOP("EntryTableModel", "Title"),
    QT_TRANSLATE_NOOP("EntryTableModel", "Template"),
    QT_TRANSLATE_NOOP("EntryTableModel", "Tags"),
    # The review badge (ready, new feedback, signed off…): words, from the review service.
    QT_TRANSLATE_NOOP("EntryTableModel", "Review"),
)
SORT_KEYS = {COL_DATE: "date", COL_TITLE: "title"}
ID_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE = 200

Index = QModelIndex | QPersistentModelIndex
Fetch = Callable[[], list[EntrySummary]]
#: ``loader(fetch, deliver)`` runs ``fetch`` somewhere and calls ``deliver`` with the rows
#: on the GUI thread; ``None`` means: right here.
Loader = Callable[[Fetch, Callable[[list[EntrySummary]], None]], None]


class ListSource(Protocol):
    def __call__(
        self,
        filters: SearchFilters | None = ...,
        sort: str = ...,
        descending: bool = ...,
        limit: int | None = ...,
        offset: int = ...,
    ) -> list[EntrySummary]: ...


def entry_date(summary: EntrySummary) -> date:
    return summary.event_date or summary.created_at.astimezone().date()


class EntryTableModel(QAbstractTableModel):
    #: Emitted on the GUI thread each time a (re)load has been applied.
    loaded = Signal()

    def __init__(
        self,
        source: ListSource,
        template_name: Callable[[str], str] = lambda template_id: template_id,
        page: int = PAGE,
        loader: Callable[[], Loader | None] = lambda: None,
    ) -> None:
        super().__init__()
        self._source = source
        self._template_name = template_name
        self._page = page
        self._loader = loader
        self._all: list[EntrySummary] = []
        self._row_of: dict[str, int] = {}
        self._cells: dict[int, tuple[str, str, str, str]] = {}
        self._badges: dict[str, tuple[str, str]] = {}  # entry id -> (text, tooltip)
        self._shown = 0
        self._generation = 0
        self._fetching = False  # views and testers may ask again from inside a signal
        self.loading = False
        self.filters = SearchFilters()
        self.sort_column = COL_DATE
        self.descending = True

    # -- loading -------------------------------------------------------------------------
    def _cells_of(self, row: int) -> tuple[str, str, str, str]:
        cells = self._cells.get(row)
        if cells is None:
            s = self._all[row]
            d = entry_date(s)
            shown = show_date(d)
            title = s.title or QCoreApplication.translate("EntryTableModel", "(untitled)")
            cells = (shown, title, self._template_name(s.template_id), ", ".join(s.tags))
            self._cells[row] = cells
        return cells

    def reload(self, keep_loaded: bool = True) -> None:
        """Query again with the current filters and sort; applied when the rows arrive
        (at once without a loader). ``keep_loaded`` keeps as many rows exposed."""
        self._generation += 1
        generation = self._generation
        filters, sort, descending = (
            self.filters,
            SORT_KEYS.get(self.sort_column, "date"),
            self.descending,
        )
        keep = self._shown if keep_loaded else 0
        source = self._source

        def fetch() -> list[EntrySummary]:
            return source(filters, sort, descending, None, 0)

        def deliver(rows: list[EntrySummary]) -> None:
            if generation == self._generation:
                self._apply(rows, keep)

        loader = self._loader()
        if loader is None:
            deliver(fetch())
        else:
            self.loading = True
            loader(fetch, deliver)

    def _apply(self, rows: list[EntrySummary], keep: int) -> None:
        self.loading = False
        self.beginResetModel()
        self._all = rows
        self._row_of = {s.id: i for i, s in enumerate(rows)}
        self._cells = {}
        self._shown = min(len(rows), max(self._page, keep))
        self._end_reset()
        self.loaded.emit()

    def _end_reset(self) -> None:
        # Nobody may fetch from inside the reset notification; views fetch right after.
        self._fetching = True
        try:
            self.endResetModel()
        finally:
            self._fetching = False

    def clear(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self._all = []
        self._row_of = {}
        self._cells = {}
        self._shown = 0
        self._end_reset()

    def set_filters(self, filters: SearchFilters) -> None:
        self.filters = filters
        self.reload(keep_loaded=False)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._fetching and self._shown < len(self._all)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._fetching or self._shown >= len(self._all):
            return
        self._fetching = True
        try:
            first = self._shown
            last = min(len(self._all), first + self._page) - 1
            self.beginInsertRows(QModelIndex(), first, last)
            self._shown = last + 1
            self.endInsertRows()
        finally:
            self._fetching = False

    def show_row(self, row: int) -> None:
        """Expose rows up to ``row`` (to select an entry not scrolled to yet), in one step."""
        if not (self._shown <= row < len(self._all)) or self._fetching:
            return
        self._fetching = True
        try:
            last = min(len(self._all), row + 1 + self._page) - 1
            self.beginInsertRows(QModelIndex(), self._shown, last)
            self._shown = last + 1
            self.endInsertRows()
        finally:
            self._fetching = False

    def update_summary(self, summary: EntrySummary) -> bool:
        """Refresh one row in place; False if the entry is not in the list."""
        row = self._row_of.get(summary.id)
        if row is None:
            return False
        self._all[row] = summary
        self._cells.pop(row, None)
        if row < self._shown:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))
        return True

    def retranslate(self) -> None:
        """Dates and template names follow the language."""
        self._cells = {}
        if self._shown:
            self.dataChanged.emit(self.index(0, 0), self.index(self._shown - 1, len(HEADERS) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)

    def set_badges(self, badges: dict[str, tuple[str, str]]) -> None:
        """The review column: entry id -> (short text, tooltip); others show nothing."""
        if badges == self._badges:
            return
        self._badges = dict(badges)
        if self._shown:
            self.dataChanged.emit(
                self.index(0, COL_REVIEW), self.index(self._shown - 1, COL_REVIEW)
            )

    def badge(self, entry_id: str) -> str:
        return self._badges.get(entry_id, ("", ""))[0]

    # -- lookups -------------------------------------------------------------------------
    def row_of(self, entry_id: str) -> int:
        """The row of an entry in the (whole) list, -1 if it is not in it."""
        return self._row_of.get(entry_id, -1)

    def summary(self, row: int) -> EntrySummary | None:
        return self._all[row] if 0 <= row < len(self._all) else None

    def total(self) -> int:
        """Rows in the list, exposed to the view or not yet."""
        return len(self._all)

    def loaded_ids(self) -> set[str]:
        return set(self._row_of)

    # -- Qt model ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < self._shown):
            return None
        col = index.column()
        if col == COL_REVIEW:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return self._badges.get(self._all[index.row()].id, ("", ""))[0]
            if role == Qt.ItemDataRole.ToolTipRole:
                # The badge itself first: a narrow column cuts it (issue 16.1).
                text, tip = self._badges.get(self._all[index.row()].id, ("", ""))
                return "\n".join(t for t in (text, tip) if t) or None
            if role == ID_ROLE:
                return self._all[index.row()].id
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._cells_of(index.row())[col]
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_TITLE, COL_TAGS, COL_TEMPLATE):
            return self._cells_of(index.row())[col]
        if role == ID_ROLE:
            return self._all[index.row()].id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not (0 <= section < len(HEADERS)):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return QCoreApplication.translate("EntryTableModel", str(HEADERS[section]))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in SORT_KEYS:
            return
        self.sort_column = column
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload(keep_loaded=False)
