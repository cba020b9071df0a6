"""The entry list view: a plain, fast table over :class:`EntryTableModel`."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from reflectdesk.gui.dates import widest_date
from reflectdesk.gui.entry_model import (
    COL_DATE,
    COL_REVIEW,
    COL_TAGS,
    COL_TEMPLATE,
    COL_TITLE,
    SORT_KEYS,
)

# The title keeps room for about this many characters: in a narrow list (1024x600, the
# editor beside it) the tags and then the template column give way (issue 16.1: the
# title column had shrunk to "S…").
TITLE_ROOM_CHARS = 18
GIVE_WAY = {COL_TAGS: 90, COL_TEMPLATE: 120}  # in the order they give way, and widths


class EntryListView(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._gave_way: set[int] = set()
        self._review_width = 0  # the review column's width before it gave way
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
        header.resizeSection(COL_TEMPLATE, GIVE_WAY[COL_TEMPLATE])
        header.resizeSection(COL_TAGS, GIVE_WAY[COL_TAGS])
        header.setSectionResizeMode(COL_REVIEW, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_REVIEW, 130)
        # Shown once an entry has a review badge (gui/review_nav.py), next to the title.
        header.moveSection(header.visualIndex(COL_REVIEW), COL_TITLE + 1)
        self.setColumnHidden(COL_REVIEW, True)
        header.setSortIndicator(COL_DATE, Qt.SortOrder.DescendingOrder)
        self.fit_date_column()
        self.keep_title_room()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.keep_title_room()

    def set_review_width(self, width: int) -> None:
        """The review column as wide as its badges, as far as the title's room allows."""
        self._review_width = width
        self.horizontalHeader().resizeSection(COL_REVIEW, width)
        self.keep_title_room()

    def keep_title_room(self) -> None:
        """Hide the tags, then the template column while the title would be narrower
        than ``TITLE_ROOM_CHARS``; show them again when there is room."""
        model = self.model()
        if model is None:
            return
        header = self.horizontalHeader()
        want = self.fontMetrics().averageCharWidth() * TITLE_ROOM_CHARS
        others = sum(
            header.sectionSize(c)
            for c in range(model.columnCount())
            if c != COL_TITLE and not self.isColumnHidden(c)
        )
        room = self.viewport().width() - others
        for column, width in GIVE_WAY.items():
            if room < want and not self.isColumnHidden(column):
                self.setColumnHidden(column, True)
                self._gave_way.add(column)
                room += width
        for column, width in reversed(GIVE_WAY.items()):
            if column in self._gave_way and room - width >= want:
                self.setColumnHidden(column, False)
                header.resizeSection(column, width)
                self._gave_way.discard(column)
                room -= width
        # The review badges (shown by gui/review_nav.py) narrow down to a short word.
        if self.isColumnHidden(COL_REVIEW):
            return
        current = header.sectionSize(COL_REVIEW)
        floor = self.fontMetrics().averageCharWidth() * 8
        if room < want:
            header.resizeSection(COL_REVIEW, max(floor, current - (want - room)))
        elif current < self._review_width:
            header.resizeSection(COL_REVIEW, min(self._review_width, current + room - want))

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
