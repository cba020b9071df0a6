"""The entry list view: a plain, fast table over :class:`EntryTableModel`."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from reflectdesk.gui.dates import widest_date
from reflectdesk.gui.entry_model import COL_DATE, COL_TAGS, COL_TEMPLATE, COL_TITLE, SORT_KEYS


class EntryListView(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entryList")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.setSortingEnabled(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vertical = self.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionsClickable(True)
        header.sortIndicatorChanged.connect(self._keep_sortable)
        self._last_sort = (COL_DATE, Qt.SortOrder.DescendingOrder)

    def configure_columns(self) -> None:
        header = self.horizontalHeader()
        # Not ResizeToContents: that measures up to 1,000 rows on every reset.
        header.setSectionResizeMode(COL_DATE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_TEMPLATE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TAGS, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_TEMPLATE, 120)
        header.resizeSection(COL_TAGS, 90)
        header.setSortIndicator(COL_DATE, Qt.SortOrder.DescendingOrder)
        self.fit_date_column()

    def fit_date_column(self) -> None:
        """Wide enough for any date in the current language, and for the header."""
        sample = widest_date()
        header = self.horizontalHeader()
        model = self.model()
        title = str(model.headerData(COL_DATE, Qt.Orientation.Horizontal)) if model else ""
        width = max(
            self.fontMetrics().horizontalAdvance(sample) + 16,
            header.fontMetrics().horizontalAdvance(title) + 36,  # room for the sort arrow
        )
        header.resizeSection(COL_DATE, width)

    def _keep_sortable(self, column: int, order: Qt.SortOrder) -> None:
        """Only date and title sort; a click elsewhere puts the indicator back."""
        if column in SORT_KEYS:
            self._last_sort = (column, order)
            return
        header = self.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(*self._last_sort)
        header.blockSignals(False)
