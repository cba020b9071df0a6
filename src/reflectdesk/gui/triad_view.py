"""The tutor's triad view: per student whose entries you received, how many entries,
how many are marked ready, the feedback given on them (comments and replies by anyone
but the student: the mentor's, forwarded, and yours) and the standards signed off "met"
(``vault.review.triad()``). A student's row opens her entries."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.catalog import Catalog
from reflectdesk.gui.widgets import list_page_layout
from reflectdesk.progress import CancelToken, ProgressSink

if TYPE_CHECKING:
    from reflectdesk.services.review_read import TriadRow
    from reflectdesk.services.vault import Vault

log = logging.getLogger(__name__)

CONTACT_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = 5


class TriadView(QWidget):
    show_student = Signal(str)  # the student's contact id: her received entries
    loaded = Signal()

    def __init__(self, ctx: AppContext, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.vault = vault
        self.setObjectName("triadView")
        self.rows: list[TriadRow] = []
        self._titles: dict[str, str] = {}
        self._seq = 0
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setObjectName("triadTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.cellActivated.connect(lambda row, _c: self._open(row))
        self.table.cellDoubleClicked.connect(lambda row, _c: self._open(row))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.empty = QLabel()
        self.empty.setObjectName("triadEmpty")
        self.empty.setWordWrap(True)
        self.open_button = QPushButton()
        self.open_button.setObjectName("openStudentEntries")
        self.open_button.clicked.connect(lambda: self._open(self.table.currentRow()))
        list_page_layout(self, self.heading, self.intro, self.table, self.empty, [self.open_button])
        self.retranslate_ui()
        self.refresh()

    def refresh(self) -> None:
        """Read the triad summary on a read worker."""
        self._seq += 1
        seq = self._seq
        review = self.vault.review

        def job(_p: ProgressSink, _c: CancelToken) -> Any:
            return review.triad()

        self.ctx.runner.submit(
            job,
            on_result=lambda result: self._show(seq, result),
            on_error=lambda exc: log.warning("triad not read: %s", type(exc).__name__),
            name="triad",
            owner=self,
        )

    def _show(self, seq: int, result: Any) -> None:
        if seq != self._seq:
            return
        self.rows = list(result)
        taxonomy = Catalog.for_vault(self.vault).taxonomy()
        lang = self.ctx.language
        if taxonomy is not None:
            self._titles = {
                s.code: s.title.get(lang) for domain in taxonomy.domains for s in domain.standards
            }
        self._fill()
        self.loaded.emit()

    def _fill(self) -> None:
        self.table.setRowCount(len(self.rows))
        for row, r in enumerate(self.rows):
            met = ", ".join(r.standards_met) or "—"
            cells = (r.student, str(r.entries), str(r.ready), str(r.feedback_given), met)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(CONTACT_ROLE, r.contact_id)
                if column in (1, 2, 3):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                item.setToolTip(text)
                self.table.setItem(row, column, item)
            tip = "\n".join(f"{c} {self._titles.get(c, '')}".strip() for c in r.standards_met)
            standards = self.table.item(row, 4)
            if standards is not None:
                standards.setToolTip(tip or self.tr("No standard signed off yet."))
        shown = bool(self.rows)
        self.table.setVisible(shown)
        self.empty.setVisible(not shown)
        self.table.resizeRowsToContents()
        self._update_buttons()

    def _open(self, row: int) -> None:
        item = self.table.item(row, 0) if row >= 0 else None
        if item is not None:
            self.show_student.emit(str(item.data(CONTACT_ROLE)))

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.table.currentRow() >= 0 and bool(self.rows))

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Triad overview"))
        self.intro.setText(
            self.tr(
                "Per student whose entries you received: her entries, those marked ready, "
                "the feedback given on them (comments and replies by her mentor and by you) "
                "and the standards signed off as met."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Student"),
                self.tr("Entries"),
                self.tr("Ready"),
                self.tr("Feedback given"),
                self.tr("Standards signed off (met)"),
            ]
        )
        self.table.setAccessibleName(self.heading.text())
        self.empty.setText(
            self.tr("No student has shared entries with you yet. Open her bundle (Ctrl+O).")
        )
        self.open_button.setText(self.tr("&Show her entries"))
        self.open_button.setAccessibleName(self.open_button.text().replace("&", ""))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
