"""The cohort dashboard's filter bar: the cohort picker, course or journal title,
template, From/To dates (``QDateEdit`` in ``MEDIUM_DATE``) and Reset filters.

It emits ``cohort_changed`` when the user picks another cohort and ``changed`` when a
filter changes (once per change, also after :meth:`set_filters`); filling it from code
(the cohorts, the options a cohort offers) emits nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from reflectdesk.domain.dashboard import DashboardFilters
from reflectdesk.gui.dates import date_range_edits

ALL = "\x00all"  # the cohort picker's "every student who sent you entries"


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def _combo(name: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(10)
    return combo


class DashboardFilterBar(QWidget):
    cohort_changed = Signal()  # the user picked another cohort
    changed = Signal()  # a filter changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardFilters")
        self._suspend = False
        self.cohort = _combo("dashboardCohort")
        self.title = _combo("dashboardTitle")
        self.template = _combo("dashboardTemplate")
        self.from_check, self.from_date, self.to_check, self.to_date = date_range_edits(
            "dashboard", self._changed
        )
        self.reset_button = QPushButton()
        self.reset_button.setObjectName("dashboardReset")
        self.reset_button.clicked.connect(lambda: self.set_filters(DashboardFilters()))
        self.labels = {k: QLabel() for k in ("cohort", "title", "template")}
        self.labels["cohort"].setBuddy(self.cohort)
        self.labels["title"].setBuddy(self.title)
        self.labels["template"].setBuddy(self.template)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.labels["cohort"], 0, 0)
        grid.addWidget(self.cohort, 0, 1, 1, 3)
        grid.addWidget(self.labels["title"], 1, 0)
        grid.addWidget(self.title, 1, 1)
        grid.addWidget(self.labels["template"], 1, 2)
        grid.addWidget(self.template, 1, 3)
        dates = QHBoxLayout()
        dates.addWidget(self.from_check)
        dates.addWidget(self.from_date)
        dates.addSpacing(8)
        dates.addWidget(self.to_check)
        dates.addWidget(self.to_date)
        dates.addStretch(1)
        dates.addWidget(self.reset_button)
        grid.addLayout(dates, 2, 0, 1, 4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        self.cohort.currentIndexChanged.connect(self._cohort_picked)
        for combo in (self.title, self.template):
            combo.currentIndexChanged.connect(self._changed)
        self.retranslate_ui()

    def _cohort_picked(self, _index: int) -> None:
        if not self._suspend:
            self.cohort_changed.emit()

    def _changed(self, *_args: object) -> None:
        if not self._suspend:
            self.changed.emit()

    # -- the cohort ----------------------------------------------------------------------------
    def set_cohorts(self, cohorts: Sequence[tuple[str, str]]) -> None:
        """(id, label) of every cohort, after "everyone"; the choice is kept."""
        current = self.cohort.currentData()
        self._suspend = True
        try:
            self.cohort.clear()
            self.cohort.addItem(self.tr("Everyone who sent you entries"), ALL)
            for cohort_id, label in cohorts:
                self.cohort.addItem(label, cohort_id)
            at = self.cohort.findData(current) if current is not None else 0
            self.cohort.setCurrentIndex(max(at, 0))
        finally:
            self._suspend = False

    def choose_cohort(self, cohort_id: str | None) -> bool:
        """Select a cohort (None: everyone) without ``cohort_changed``; False when the
        picker does not list it (then "everyone" is selected)."""
        at = self.cohort.findData(ALL if cohort_id is None else cohort_id)
        self._suspend = True
        self.cohort.setCurrentIndex(max(at, 0))
        self._suspend = False
        return at >= 0

    def cohort_id(self) -> str | None:
        value = self.cohort.currentData()
        return None if value in (None, ALL) else str(value)

    # -- the filters -----------------------------------------------------------------------------
    def filters(self) -> DashboardFilters:
        return DashboardFilters(
            journal_title=self.title.currentData(),
            template_id=self.template.currentData(),
            date_from=_pydate(self.from_date.date()) if self.from_check.isChecked() else None,
            date_to=_pydate(self.to_date.date()) if self.to_check.isChecked() else None,
        )

    def set_filters(self, f: DashboardFilters) -> None:
        """Every filter at once; ``changed`` once."""
        self._suspend = True
        try:
            for combo, value in ((self.title, f.journal_title), (self.template, f.template_id)):
                at = combo.findData(value) if value is not None else 0
                combo.setCurrentIndex(max(at, 0))
            self.from_check.setChecked(f.date_from is not None)
            self.to_check.setChecked(f.date_to is not None)
            if f.date_from is not None:
                self.from_date.setDate(_qdate(f.date_from))
            if f.date_to is not None:
                self.to_date.setDate(_qdate(f.date_to))
        finally:
            self._suspend = False
        self.changed.emit()

    def set_options(
        self,
        titles: Sequence[str],
        templates: Sequence[tuple[str, str]],
        span: tuple[date, date] | None,
    ) -> None:
        """What a cohort offers: its titles, its templates (id, name), its dates (the
        date fields start there while unticked). The choices are kept where they can be."""
        self._suspend = True
        try:
            for combo, options, everything in (
                (self.title, [(t, t) for t in titles if t], self.tr("All courses and journals")),
                (self.template, list(templates), self.tr("All templates")),
            ):
                current = combo.currentData()
                combo.clear()
                combo.addItem(everything, None)
                for value, label in options:
                    combo.addItem(label, value)
                at = combo.findData(current) if current is not None else 0
                combo.setCurrentIndex(max(at, 0))
            if span is not None and not self.from_check.isChecked():
                self.from_date.setDate(_qdate(span[0]))
            if span is not None and not self.to_check.isChecked():
                self.to_date.setDate(_qdate(span[1]))
        finally:
            self._suspend = False

    # -- text -------------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.labels["cohort"].setText(self.tr("&Cohort:"))
        self.labels["title"].setText(self.tr("C&ourse or journal:"))
        self.labels["template"].setText(self.tr("&Template:"))
        self.from_check.setText(self.tr("&From"))
        self.to_check.setText(self.tr("T&o"))
        self.from_date.setAccessibleName(self.tr("From date"))
        self.to_date.setAccessibleName(self.tr("To date"))
        self.reset_button.setText(self.tr("&Reset filters"))
        for key, widget in (
            ("cohort", self.cohort),
            ("title", self.title),
            ("template", self.template),
        ):
            widget.setAccessibleName(self.labels[key].text().replace("&", "").rstrip(":"))
        for button in (self.from_check, self.to_check, self.reset_button):
            button.setAccessibleName(button.text().replace("&", ""))
        if self.cohort.count():
            self.cohort.setItemText(0, self.tr("Everyone who sent you entries"))
        if self.title.count():
            self.title.setItemText(0, self.tr("All courses and journals"))
        if self.template.count():
            self.template.setItemText(0, self.tr("All templates"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
