"""The Items tab of the case-study workspace (issue 15, items 2 and 5).

The study's items (pseudonym, entry date, template, consent, revision, review state) and,
for the selected one, its provenance: the key that signed the revision, whether that key
is one the author's contact pinned, the author's status and the bundle that carried the
consent. "Add…" opens the picker (disabled, with the reason beside it, without a current
approval); "Remove" asks first. An item removed because its consent was withdrawn is
kept only as a greyed line "Withdrawn on DATE, from bundle …". The study's publication
date, the cut-off withdrawals cannot reach back past, is shown above the list.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QBrush, QPalette, QStandardItem, QStandardItemModel, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.errors import ReflectDeskError
from reflectdesk.gui.case_picker import CasePickerDialog, consent_text, ui_language
from reflectdesk.gui.case_project_dialog import blocked_reason
from reflectdesk.gui.dates import show_date, show_datetime
from reflectdesk.gui.dialogs import ask_question, show_error
from reflectdesk.gui.tasks import TaskRunner
from reflectdesk.gui.widgets import wrap

if TYPE_CHECKING:
    from reflectdesk.progress import CancelToken, ProgressSink
    from reflectdesk.services.case_common import CaseItem, CaseStudy, WithdrawalNote
    from reflectdesk.services.vault import Vault

log = logging.getLogger(__name__)

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
PSEUDONYM, DATE, TEMPLATE, CONSENT, VERSION, REVIEW = range(6)


def short_id(value: str | None, keep: int = 12) -> str:
    if not value:
        return "—"
    return value if len(value) <= keep else value[:keep] + "…"


class CaseItemsTab(QWidget):
    changed = Signal()
    pseudonymise_requested = Signal(str)  # the case id (the lead wires PseudonymiseDialog)

    def __init__(self, vault: Vault, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseItemsTab")
        self.vault = vault
        self.runner = runner
        self.case_id: str | None = None
        self.study: CaseStudy | None = None
        self.items: list[CaseItem] = []
        self.templates: dict[str, str] = {}
        self.picker: CasePickerDialog | None = None
        self.box: QMessageBox | None = None
        self.writing = 0

        self.cutoff = wrap(QLabel())
        self.cutoff.setObjectName("casePublished")
        self.model = QStandardItemModel(0, 6, self)
        self.table = QTableView()
        self.table.setObjectName("caseItemsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.empty = wrap(QLabel())
        self.empty.setObjectName("caseItemsEmpty")
        # A text box, not a label: key and bundle ids are long words that must wrap
        # anywhere in a narrow pane.
        self.details = QTextBrowser()
        self.details.setObjectName("caseItemDetails")
        self.details.setOpenLinks(False)
        self.details.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.details.setMinimumHeight(self.details.fontMetrics().lineSpacing() * 3 + 12)
        self.details_title = QLabel()
        self.details_title.setObjectName("caseItemDetailsTitle")
        font = self.details_title.font()
        font.setBold(True)
        self.details_title.setFont(font)

        self.add_button = QPushButton()
        self.add_button.setObjectName("caseAddButton")
        self.add_button.clicked.connect(self.open_picker)
        self.add_blocked = wrap(QLabel())
        self.add_blocked.setObjectName("caseAddBlocked")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("caseRemoveButton")
        self.remove_button.clicked.connect(self.confirm_remove)
        self.pseudo_button = QPushButton()
        self.pseudo_button.setObjectName("casePseudonymiseButton")
        self.pseudo_button.clicked.connect(self._pseudonymise)
        self.pseudo_note = wrap(QLabel())
        self.pseudo_note.setObjectName("casePseudonymiseNote")

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.cutoff)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.empty)
        bottom = QWidget()
        bottom.setObjectName("caseItemDetailsPane")
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 4, 0, 0)
        bottom_layout.addWidget(self.details_title)
        bottom_layout.addWidget(self.details, 1)
        # The details under the list: the workspace is narrow on a 1024x600 screen.
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.add_blocked, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.pseudo_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.pseudo_note)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._show_selected())
        self.retranslate_ui()
        self.set_case(None)

    # -- data --------------------------------------------------------------------------------
    def set_case(self, case_id: str | None) -> None:
        """Show this study's items (None: nothing); also the refresh."""
        keep = self.current_item_id() if case_id == self.case_id else None
        self.case_id = case_id
        self.study, self.items = None, []
        if case_id is not None:
            try:
                cs = self.vault.case_studies
                self.items = cs.items(case_id)  # applies a withdrawal that arrived first
                self.study = cs.get(case_id)
                self.templates = {t.id: t.name for t in self.vault.templates.list(ui_language())}
            except ReflectDeskError as exc:
                self.case_id = None
                show_error(self, exc)
        self._fill(keep)

    def _fill(self, keep: str | None) -> None:
        self.model.removeRows(0, self.model.rowCount())
        self.table.clearSpans()
        for item in self.items:
            self.model.appendRow(self._row(item))
        study = self.study
        notes = study.withdrawals if study is not None else ()
        for note in notes:
            row = self.model.rowCount()
            self.model.appendRow(self._withdrawn_row(note))
            self.table.setSpan(row, 0, 1, self.model.columnCount())
        if self.items:
            self.table.resizeColumnsToContents()
        self.empty.setVisible(study is not None and not self.items and not notes)
        self.table.setVisible(study is not None and bool(self.items or notes))
        if keep is not None:
            self.select_item(keep)
        if self.current_item_id() is None and self.items:
            self.table.selectRow(0)  # the one kept was removed (a withdrawal)
        self._show_selected()
        self._update()

    def _row(self, item: CaseItem) -> list[QStandardItem]:
        review = (
            self.tr("Reviewed")
            if item.pseudonymised
            else self.tr("Needs review")
            if item.needs_pseudonymisation
            else self.tr("Not reviewed")
        )
        texts = [
            item.pseudonym,
            show_date(item.event_date) if item.event_date else "",
            self.templates.get(item.template_id, item.template_id),
            consent_text(item.provenance.consent)
            if item.provenance.consent
            else self.tr("Imported"),
            str(item.revision_seq),
            review,
        ]
        cells = []
        for text in texts:
            cell = QStandardItem(text)
            cell.setToolTip(text)
            cells.append(cell)
        cells[PSEUDONYM].setData(item.id, ITEM_ROLE)
        return cells

    def _withdrawn_row(self, note: WithdrawalNote) -> list[QStandardItem]:
        text = self.withdrawn_text(note)
        first = QStandardItem(text)
        first.setToolTip(f"{text}\n{self.tr('Bundle: %1').replace('%1', note.bundle_id)}")
        first.setFlags(Qt.ItemFlag.NoItemFlags)  # greyed, not selectable
        grey = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        first.setForeground(QBrush(grey))
        rest = [QStandardItem("") for _ in range(self.model.columnCount() - 1)]
        for cell in rest:
            cell.setFlags(Qt.ItemFlag.NoItemFlags)
        return [first, *rest]

    def withdrawn_text(self, note: WithdrawalNote) -> str:
        return (
            self.tr("Withdrawn on %1, from bundle %2: removed with %3 passages and %4 memos.")
            .replace("%1", show_date(note.withdrawn_on))
            .replace("%2", short_id(note.bundle_id, 8))
            .replace("%3", str(note.segments))
            .replace("%4", str(note.memos))
        )

    def current_item_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        value = self.model.item(rows[0].row(), PSEUDONYM).data(ITEM_ROLE)
        return str(value) if value else None

    def current_item(self) -> CaseItem | None:
        item_id = self.current_item_id()
        return next((i for i in self.items if i.id == item_id), None)

    def select_item(self, item_id: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.item(row, PSEUDONYM).data(ITEM_ROLE) == item_id:
                self.table.selectionModel().select(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.scrollTo(self.model.index(row, 0))
                return

    # -- the details pane ---------------------------------------------------------------------
    def _show_selected(self) -> None:
        item = self.current_item()
        self.details_title.setText(self.tr("Provenance"))
        self.details.setPlainText(
            self.provenance_text(item) if item else self.tr("Select an item.")
        )
        self._update()

    def provenance_text(self, item: CaseItem) -> str:
        p = item.provenance
        lines = [
            self.tr("Pseudonym: %1").replace("%1", item.pseudonym),
            self.tr("Version %1 of the entry, added %2")
            .replace("%1", str(item.revision_seq))
            .replace("%2", show_datetime(item.added_at)),
        ]
        if p.origin != "entry":
            lines.append(self.tr("Imported from a REFI-QDA project: no signature or consent."))
            return "\n".join(lines)
        lines.append(self.tr("Author's key: %1").replace("%1", p.author_key_id or "—"))
        if p.signature_checked:
            lines.append(self.tr("Signature checked: yes, with a key pinned for the author."))
        else:
            lines.append(
                self.tr("Signature checked: no, the key is not one pinned for the author.")
            )
        status = {
            "verified": self.tr("verified in person (safety number compared)"),
            "known": self.tr("known, not verified in person"),
        }.get(p.author_status, p.author_status)
        lines.append(self.tr("Author: %1").replace("%1", status))
        lines.append(self.tr("Consent: %1").replace("%1", consent_text(p.consent)))
        lines.append(self.tr("Bundle: %1").replace("%1", p.bundle_id or "—"))
        if item.standards:
            lines.append(self.tr("Standards: %1").replace("%1", ", ".join(item.standards)))
        sections = ", ".join(k for k, _ in item.sections)
        lines.append(self.tr("Sections: %1").replace("%1", sections))
        return "\n".join(lines)

    # -- texts and state ------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Pseudonym"),
                self.tr("Date"),
                self.tr("Template"),
                self.tr("Consent"),
                self.tr("Version"),
                self.tr("Pseudonymisation"),
            ]
        )
        self.add_button.setText(self.tr("&Add…"))
        self.remove_button.setText(self.tr("&Remove"))
        self.pseudo_button.setText(self.tr("Review &pseudonyms…"))
        self.empty.setText(
            self.tr("No items yet. Add received entries whose authors consented to research.")
        )
        if self.case_id is not None:
            self._fill(self.current_item_id())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _update(self) -> None:
        study = self.study
        reason = blocked_reason(study)
        self.add_blocked.setText(reason)
        self.add_blocked.setVisible(bool(reason))
        self.add_button.setEnabled(study is not None and not reason and not self.writing)
        self.remove_button.setEnabled(self.current_item() is not None and not self.writing)
        self.pseudo_button.setEnabled(bool(self.items))
        waiting = sum(1 for i in self.items if i.needs_pseudonymisation and not i.pseudonymised)
        self.pseudo_note.setText(
            self.tr("%n items need the pseudonymisation review before any export.", "", waiting)
            if waiting
            else ""
        )
        self.pseudo_note.setVisible(bool(waiting))
        if study is None:
            self.cutoff.setText("")
        elif study.published is not None:
            self.cutoff.setText(
                self.tr(
                    "Published on %1: the cut-off date. Exports made before a withdrawal "
                    "are marked outdated."
                ).replace("%1", show_date(study.published))
            )
        else:
            self.cutoff.setText(
                self.tr(
                    "Not published yet: a consent withdrawal removes that entry's excerpts "
                    "from this study."
                )
            )
        self.cutoff.setVisible(study is not None)

    # -- acting ------------------------------------------------------------------------------
    def open_picker(self) -> None:
        if self.case_id is None:
            return
        picker = CasePickerDialog(self.vault, self.runner, self.case_id, self)
        picker.added.connect(self._added)
        picker.finished.connect(picker.deleteLater)
        self.picker = picker
        picker.open()

    def _added(self, _count: int) -> None:
        self.set_case(self.case_id)
        self.changed.emit()

    def _pseudonymise(self) -> None:
        if self.case_id is not None:
            self.pseudonymise_requested.emit(self.case_id)

    def confirm_remove(self) -> None:
        item = self.current_item()
        if item is None:
            return
        self.box = ask_question(
            self,
            "caseRemoveConfirm",
            QMessageBox.Icon.Warning,
            (
                self.tr("Remove item"),
                self.tr("Remove %1's entry from this case study?").replace("%1", item.pseudonym),
                self.tr(
                    "Its coded passages and the memos on them are removed too. The audit log "
                    "records the removal. The entry stays in your received journals."
                ),
            ),
            self.tr("Remove"),
            lambda: self.remove(item.id),
            role=QMessageBox.ButtonRole.DestructiveRole,
        )

    def remove(self, item_id: str) -> None:
        case_id = self.case_id
        if case_id is None:
            return
        cs = self.vault.case_studies

        def job(_p: ProgressSink, _c: CancelToken) -> None:
            cs.remove(case_id, item_id)

        self.writing += 1
        self._update()
        self.runner.submit(
            job,
            on_result=self._removed,
            on_error=self._remove_failed,
            writer=True,
            name="case-remove",
            owner=self,
        )

    def _removed(self, _result: Any) -> None:
        self.writing -= 1
        self.set_case(self.case_id)
        self.changed.emit()

    def _remove_failed(self, exc: BaseException) -> None:
        self.writing -= 1
        self.set_case(self.case_id)
        self.box = show_error(self, exc)
