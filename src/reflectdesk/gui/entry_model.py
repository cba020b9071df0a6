"""The entry list as a Qt table model, fetched in pages from ``vault.entries.list``.

Rows are :class:`EntrySummary` (no body text, no decryption): the index serves them.
Qt asks for more rows as the view scrolls (``canFetchMore``/``fetchMore``), so 10,000
entries cost one page of work at a time. Sorting by date or title re-queries the index.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from reflectdesk.domain.model import EntrySummary, SearchFilters

COL_DATE, COL_TITLE, COL_TEMPLATE, COL_TAGS = range(4)
HEADERS = (
    QT_TRANSLATE_NOOP("EntryTableModel", "Date"),
    QT_TRANSLATE_NOOP("EntryTableModel", "Title"),
    QT_TRANSLATE_NOOP("EntryTableModel", "Template"),
    QT_TRANSLATE_NOOP("EntryTableModel", "Tags"),
)
SORT_KEYS = {COL_DATE: "date", COL_TITLE: "title"}
ID_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE = 200

Index = QModelIndex | QPersistentModelIndex


class ListSource(Protocol):
    def __call__(
        self,
        filters: SearchFilters | None = ...,
        sort: str = ...,
        descending: bool = ...,
        limit: int | None = ...,
        offset: int = ...,
    ) -> list[EntrySummary]: ...


@dataclass(slots=True)
class _Row:
    summary: EntrySummary
    cells: tuple[str, str, str, str]


def entry_date(summary: EntrySummary) -> date:
    return summary.event_date or summary.created_at.astimezone().date()


class EntryTableModel(QAbstractTableModel):
    def __init__(
        self,
        source: ListSource,
        template_name: Callable[[str], str] = lambda template_id: template_id,
        page: int = PAGE,
    ) -> None:
        super().__init__()
        self._source = source
        self._template_name = template_name
        self._page = page
        self._rows: list[_Row] = []
        self._by_id: dict[str, int] = {}
        self._exhausted = False
        self._fetching = False  # views and testers may ask again from inside a signal
        self.filters = SearchFilters()
        self.sort_column = COL_DATE
        self.descending = True

    # -- loading -------------------------------------------------------------------------
    def _cells(self, s: EntrySummary) -> tuple[str, str, str, str]:
        d = entry_date(s)
        shown = QLocale().toString(QDate(d.year, d.month, d.day), QLocale.FormatType.ShortFormat)
        title = s.title or QCoreApplication.translate("EntryTableModel", "(untitled)")
        return (shown, title, self._template_name(s.template_id), ", ".join(s.tags))

    def _fetch(self, offset: int, limit: int) -> list[EntrySummary]:
        return self._source(
            self.filters,
            SORT_KEYS.get(self.sort_column, "date"),
            self.descending,
            limit,
            offset,
        )

    def reload(self, keep_loaded: bool = True) -> None:
        """Start over with the current filters and sort (as many rows as were loaded)."""
        wanted = max(self._page, len(self._rows) if keep_loaded else 0)
        self.beginResetModel()
        summaries = self._fetch(0, wanted)
        self._rows = [_Row(s, self._cells(s)) for s in summaries]
        self._by_id = {r.summary.id: i for i, r in enumerate(self._rows)}
        self._exhausted = len(summaries) < wanted
        self._end_reset()

    def _end_reset(self) -> None:
        # Nobody may fetch from inside the reset notification; views fetch right after.
        self._fetching = True
        try:
            self.endResetModel()
        finally:
            self._fetching = False

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._by_id = {}
        self._exhausted = True
        self._end_reset()

    def set_filters(self, filters: SearchFilters) -> None:
        self.filters = filters
        self.reload(keep_loaded=False)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self._fetching

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted or self._fetching:
            return
        self._fetching = True
        try:
            summaries = self._fetch(len(self._rows), self._page)
            self._exhausted = len(summaries) < self._page
            fresh = [s for s in summaries if s.id not in self._by_id]
            if not fresh:
                return
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            for s in fresh:
                self._by_id[s.id] = len(self._rows)
                self._rows.append(_Row(s, self._cells(s)))
            self.endInsertRows()
        finally:
            self._fetching = False

    def update_summary(self, summary: EntrySummary) -> bool:
        """Refresh one loaded row in place; False if it is not loaded."""
        row = self._by_id.get(summary.id)
        if row is None:
            return False
        self._rows[row] = _Row(summary, self._cells(summary))
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))
        return True

    def retranslate(self) -> None:
        """Dates and template names follow the language."""
        for row in self._rows:
            row.cells = self._cells(row.summary)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 3))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)

    # -- lookups -------------------------------------------------------------------------
    def row_of(self, entry_id: str) -> int:
        return self._by_id.get(entry_id, -1)

    def summary(self, row: int) -> EntrySummary | None:
        return self._rows[row].summary if 0 <= row < len(self._rows) else None

    def loaded_ids(self) -> set[str]:
        return set(self._by_id)

    # -- Qt model ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.cells[col]
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_TITLE, COL_TAGS):
            return row.cells[col]
        if role == ID_ROLE:
            return row.summary.id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not (0 <= section < len(HEADERS)):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return QCoreApplication.translate("EntryTableModel", HEADERS[section])
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
