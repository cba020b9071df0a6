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

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QPalette, QTextOption
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

from reflectdesk.gui.case_common_view import HeadedTableModel, record_table, ui_language
from reflectdesk.gui.case_picker import CasePickerDialog, consent_text
from reflectdesk.gui.case_project_dialog import blocked_reason
from reflectdesk.gui.dates import show_date, show_datetime
from reflectdesk.gui.dialogs import ask_question, show_error
from reflectdesk.gui.tasks import TaskRunner
from reflectdesk.gui.widgets import wrap
from reflectdesk.services.case_common import CaseItem

if TYPE_CHECKING:
    from reflectdesk.progress import CancelToken, ProgressSink
    from reflectdesk.services.case_common import CaseStudy, WithdrawalNote
    from reflectdesk.services.vault import Vault

log = logging.getLogger(__name__)

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
PSEUDONYM, DATE, TEMPLATE, CONSENT, VERSION, REVIEW = range(6)
COLUMNS = 6
_ROOT = QModelIndex()


def short_id(value: str | None, keep: int = 12) -> str:
    if not value:
        return "—"
    return value if len(value) <= keep else value[:keep] + "…"


class ItemsModel(HeadedTableModel):
    """The items and the lines withdrawals left, texts made only for the rows shown (a
    study of 2,000 items fills at once)."""

    def __init__(self, tab: CaseItemsTab) -> None:
        super().__init__(tab)
        self.tab = tab
        self.rows: list[CaseItem | WithdrawalNote] = []

    def set_rows(self, rows: list[CaseItem | WithdrawalNote]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else COLUMNS

    def item_id(self, row: int) -> str | None:
        found = self.rows[row] if 0 <= row < len(self.rows) else None
        return found.id if isinstance(found, CaseItem) else None

    def text(self, row: int, column: int) -> str:
        found = self.rows[row]
        if isinstance(found, CaseItem):
            return self.tab.cell_text(found, column)
        return self.tab.withdrawn_text(found) if column == 0 else ""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            found = self.rows[row]
            text = self.text(row, column)
            if isinstance(found, CaseItem) or not text:
                return text or None
            return f"{text}\n{self.tab.tr('Bundle: %1').replace('%1', found.bundle_id)}"
        if role == ITEM_ROLE:
            return self.item_id(row)
        if role == Qt.ItemDataRole.ForegroundRole and not isinstance(self.rows[row], CaseItem):
            palette = self.tab.palette()
            return QBrush(palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if index.isValid() and isinstance(self.rows[index.row()], CaseItem):
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.NoItemFlags  # a withdrawal's line: greyed, not selectable


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
        self.loading = False  # the items are being read on a worker
        self.waiting = 0  # items whose pseudonymisation review is due
        self._seq = 0  # the latest read asked for (an older result is dropped)

        self.cutoff = wrap(QLabel())
        self.cutoff.setObjectName("casePublished")
        self.model = ItemsModel(self)
        self.table = QTableView()
        self.table.setObjectName("caseItemsTable")
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        record_table(self.table, measured_rows=100)  # widths from 100 rows, not 2,000
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
        """Show this study's items (None: nothing); also the refresh. The items are read
        (and decrypted) on a worker: 2,000 of them take a second, and every change in
        another tab refreshes this one."""
        if case_id != self.case_id:
            self.study, self.items = None, []
            self._fill(None)
        self.case_id = case_id
        self._seq += 1
        if case_id is None:
            self.study, self.items = None, []
            self.loading = False
            self._fill(None)
            return
        seq = self._seq
        cs = self.vault.case_studies
        templates = self.vault.templates
        lang = ui_language()

        def job(_p: ProgressSink, _c: CancelToken) -> tuple[Any, Any, dict[str, str]]:
            items = cs.items(case_id)  # applies a withdrawal that arrived first
            return cs.get(case_id), items, {t.id: t.name for t in templates.list(lang)}

        self.loading = True
        self._update()
        self.runner.submit(
            job,
            on_result=lambda result: self._loaded(seq, result),
            on_error=lambda exc: self._load_failed(seq, exc),
            name="case-items",
            owner=self,
        )

    def _loaded(self, seq: int, result: Any) -> None:
        if seq != self._seq:
            return  # another study, or a newer refresh, was asked for meanwhile
        self.loading = False
        keep = self.current_item_id()
        self.study, self.items, self.templates = result
        self._fill(keep)

    def _load_failed(self, seq: int, exc: BaseException) -> None:
        if seq != self._seq:
            return
        self.loading = False
        self.case_id, self.study, self.items = None, None, []
        self._fill(None)
        self.box = show_error(self, exc)

    def _fill(self, keep: str | None) -> None:
        self.waiting = sum(
            1 for i in self.items if not i.pseudonymised and i.needs_pseudonymisation
        )
        study = self.study
        notes = list(study.withdrawals) if study is not None else []
        self.table.clearSpans()
        self.model.set_rows([*self.items, *notes])
        for row in range(len(self.items), len(self.items) + len(notes)):
            self.table.setSpan(row, 0, 1, COLUMNS)
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

    def cell_text(self, item: CaseItem, column: int) -> str:
        if column == PSEUDONYM:
            return item.pseudonym
        if column == DATE:
            return show_date(item.event_date) if item.event_date else ""
        if column == TEMPLATE:
            return self.templates.get(item.template_id, item.template_id)
        if column == CONSENT:
            consent = item.provenance.consent
            return consent_text(consent) if consent else self.tr("Imported")
        if column == VERSION:
            return str(item.revision_seq)
        if item.pseudonymised:
            return self.tr("Reviewed")
        return self.tr("Needs review") if item.needs_pseudonymisation else self.tr("Not reviewed")

    def withdrawn_text(self, note: WithdrawalNote) -> str:
        return (
            self.tr("Withdrawn on %1, from bundle %2: removed with %3 and %4.")
            .replace("%1", show_date(note.withdrawn_on))
            .replace("%2", short_id(note.bundle_id, 8))
            .replace("%3", self.tr("%n passage(s)", "", note.segments))
            .replace("%4", self.tr("%n memo(s)", "", note.memos))
        )

    def current_item_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.item_id(rows[0].row())

    def current_item(self) -> CaseItem | None:
        item_id = self.current_item_id()
        return next((i for i in self.items if i.id == item_id), None)

    def select_item(self, item_id: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.item_id(row) == item_id:
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
        self.model.set_headers(
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
        self.add_button.setEnabled(
            study is not None and not reason and not self.writing and not self.loading
        )
        self.remove_button.setEnabled(self.current_item() is not None and not self.writing)
        self.pseudo_button.setEnabled(bool(self.items))
        waiting = self.waiting
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
