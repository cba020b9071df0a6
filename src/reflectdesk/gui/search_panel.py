"""The search field (debounced, results as you type) and the filters beneath it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.domain.model import SearchFilters
from reflectdesk.gui.dates import date_range_edits
from reflectdesk.gui.theme import accents

DEBOUNCE_MS = 250


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class SearchPanel(QWidget):
    query_changed = Signal(str)  # after the user paused typing
    filters_changed = Signal(object)  # SearchFilters

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.field = QLineEdit()
        self.field.setObjectName("searchField")
        self.field.setClearButtonEnabled(True)
        self.filter_toggle = QToolButton()
        self.filter_toggle.setObjectName("filterToggle")
        self.filter_toggle.setCheckable(True)
        self.filter_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.message = QLabel()
        self.message.setObjectName("searchMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        self.journal = QComboBox()
        self.journal.setObjectName("filterJournal")
        self.tag = QComboBox()
        self.tag.setObjectName("filterTag")
        self.template = QComboBox()
        self.template.setObjectName("filterTemplate")
        self.standard = QComboBox()
        self.standard.setObjectName("filterStandard")
        for combo in (self.journal, self.tag, self.template, self.standard):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
        self._suspend = True  # no filter signals while the panel is built
        self.from_check, self.from_date, self.to_check, self.to_date = date_range_edits(
            "filter", self._emit_filters
        )
        self.from_date.setDate(QDate.currentDate().addMonths(-1))
        self.labels = {name: QLabel() for name in ("journal", "tag", "template", "standard")}
        self.labels["journal"].setBuddy(self.journal)
        self.labels["tag"].setBuddy(self.tag)
        self.labels["template"].setBuddy(self.template)
        self.labels["standard"].setBuddy(self.standard)

        self.filters_box = QWidget()
        self.filters_box.setObjectName("filtersBox")
        grid = QGridLayout(self.filters_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.labels["journal"], 0, 0)
        grid.addWidget(self.journal, 0, 1)
        grid.addWidget(self.labels["tag"], 1, 0)
        grid.addWidget(self.tag, 1, 1)
        grid.addWidget(self.labels["template"], 2, 0)
        grid.addWidget(self.template, 2, 1)
        grid.addWidget(self.labels["standard"], 3, 0)
        grid.addWidget(self.standard, 3, 1)
        grid.addWidget(self.from_check, 4, 0)
        grid.addWidget(self.from_date, 4, 1)
        grid.addWidget(self.to_check, 5, 0)
        grid.addWidget(self.to_date, 5, 1)
        grid.setColumnStretch(1, 1)
        self.filters_box.hide()

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.field, 1)
        top.addWidget(self.filter_toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.filters_box)
        layout.addWidget(self.message)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(lambda: self.query_changed.emit(self.text()))
        self.field.textChanged.connect(self._timer.start)
        self.field.returnPressed.connect(self.flush)
        self.filter_toggle.toggled.connect(self.filters_box.setVisible)
        for combo in (self.journal, self.tag, self.template, self.standard):
            combo.currentIndexChanged.connect(self._emit_filters)
        self._options: dict[str, list[tuple[str, str]]] = {}
        self._suspend = False
        self.retranslate_ui()

    # -- text ------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.field.setPlaceholderText(self.tr("Search entries (Ctrl+F)"))
        self.field.setAccessibleName(self.tr("Search entries"))
        self.filter_toggle.setText(self.tr("Filters"))
        self.filter_toggle.setAccessibleName(self.tr("Show filters"))
        self.filter_toggle.setToolTip(self.tr("Filter by journal, tag, template, standard or date"))
        self.labels["journal"].setText(self.tr("&Journal:"))
        self.labels["tag"].setText(self.tr("T&ag:"))
        self.labels["template"].setText(self.tr("Te&mplate:"))
        self.labels["standard"].setText(self.tr("&Standard:"))
        self.from_check.setText(self.tr("F&rom:"))
        self.to_check.setText(self.tr("T&o:"))
        self.journal.setAccessibleName(self.tr("Filter by journal"))
        self.tag.setAccessibleName(self.tr("Filter by tag"))
        self.template.setAccessibleName(self.tr("Filter by template"))
        self.standard.setAccessibleName(self.tr("Filter by standard"))
        self.from_check.setAccessibleName(self.tr("Filter from a date"))
        self.to_check.setAccessibleName(self.tr("Filter up to a date"))
        self.from_date.setAccessibleName(self.tr("From date"))
        self.to_date.setAccessibleName(self.tr("To date"))
        self._fill_all()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- options ---------------------------------------------------------------------
    def _all_label(self, kind: str) -> str:
        return {
            "journal": self.tr("All journals"),
            "tag": self.tr("All tags"),
            "template": self.tr("All templates"),
            "standard": self.tr("All standards"),
        }[kind]

    def _combo(self, kind: str) -> QComboBox:
        return {
            "journal": self.journal,
            "tag": self.tag,
            "template": self.template,
            "standard": self.standard,
        }[kind]

    def set_options(self, kind: str, options: Sequence[tuple[str, str]]) -> None:
        """``options``: (value, label) pairs for one filter; the selection is kept."""
        self._options[kind] = list(options)
        self._fill(kind)

    def _fill_all(self) -> None:
        for kind in ("journal", "tag", "template", "standard"):
            self._fill(kind)

    def _fill(self, kind: str) -> None:
        combo = self._combo(kind)
        current = combo.currentData()
        self._suspend = True
        try:
            combo.clear()
            combo.addItem(self._all_label(kind), None)
            for value, label in self._options.get(kind, []):
                combo.addItem(label, value)
            at = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(at, 0))
        finally:
            self._suspend = False

    def set_filter(self, kind: str, value: str | None) -> None:
        """Select one filter (from the sidebar); the others are reset."""
        self._suspend = True
        try:
            for other in ("journal", "tag", "template", "standard"):
                combo = self._combo(other)
                at = combo.findData(value) if other == kind and value is not None else 0
                if other == kind and value is not None and at < 0:
                    combo.addItem(value, value)
                    at = combo.count() - 1
                combo.setCurrentIndex(at)
            self.from_check.setChecked(False)
            self.to_check.setChecked(False)
        finally:
            self._suspend = False
        self._emit_filters()

    def set_filters(self, f: SearchFilters) -> None:
        """Set every filter at once (the dashboard's click-through) and show them."""
        self._suspend = True
        try:
            for kind, value in (
                ("journal", f.journal_id),
                ("tag", f.tag),
                ("template", f.template_id),
                ("standard", f.standard),
            ):
                combo = self._combo(kind)
                at = combo.findData(value) if value is not None else 0
                if value is not None and at < 0:
                    combo.addItem(value, value)
                    at = combo.count() - 1
                combo.setCurrentIndex(at)
        finally:
            self._suspend = False
        self.filter_toggle.setChecked(True)
        self.set_dates(f.date_from, f.date_to)  # emits the filters once

    def filters(self) -> SearchFilters:
        def pydate(edit: QDateEdit) -> date:
            q = edit.date()
            return date(q.year(), q.month(), q.day())

        return SearchFilters(
            journal_id=self.journal.currentData(),
            tag=self.tag.currentData(),
            template_id=self.template.currentData(),
            standard=self.standard.currentData(),
            date_from=pydate(self.from_date) if self.from_check.isChecked() else None,
            date_to=pydate(self.to_date) if self.to_check.isChecked() else None,
        )

    def _emit_filters(self) -> None:
        if not self._suspend:
            self.filters_changed.emit(self.filters())

    # -- query -----------------------------------------------------------------------
    def text(self) -> str:
        return self.field.text().strip()

    def flush(self) -> None:
        """Search now (Enter) instead of waiting for the pause."""
        self._timer.stop()
        self.query_changed.emit(self.text())

    def focus_search(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {accents().muted_text};")
        self.message.setVisible(bool(text))

    def set_dates(self, date_from: date | None, date_to: date | None) -> None:
        self._suspend = True
        try:
            self.from_check.setChecked(date_from is not None)
            self.to_check.setChecked(date_to is not None)
            if date_from is not None:
                self.from_date.setDate(_qdate(date_from))
            if date_to is not None:
                self.to_date.setDate(_qdate(date_to))
        finally:
            self._suspend = False
        self._emit_filters()
