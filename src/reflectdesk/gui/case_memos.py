"""The case study's memos (issue 15, point 4): memos on the project, on a code, on an
item and on a coded passage (the service's targets), listed with their target and date,
and a plain-text editor to add, change and delete them. Passage memos are also written
beside the text in the coding view (gui/case_coding_view.py)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.gui.case_common_view import TabReads
from reflectdesk.gui.dates import show_date, show_datetime
from reflectdesk.gui.dialogs import ask_question, show_error
from reflectdesk.gui.widgets import named_button, wrap
from reflectdesk.services.case_coding import CODE, ITEM, PROJECT, SEGMENT

if TYPE_CHECKING:
    from reflectdesk.gui.tasks import TaskRunner
    from reflectdesk.progress import CancelToken, ProgressSink
    from reflectdesk.services.case_coding import CodeView, MemoView
    from reflectdesk.services.case_common import CaseItem, Passage
    from reflectdesk.services.vault import Vault

log = logging.getLogger(__name__)

ID_ROLE = Qt.ItemDataRole.UserRole
FILTERS = ("", PROJECT, CODE, ITEM, SEGMENT)  # "" = every memo


@dataclass(frozen=True, slots=True)
class MemoData:
    case_id: str
    memos: list[MemoView]
    codes: list[CodeView]
    items: list[CaseItem]
    passages: dict[str, Passage]  # the passages memos are on, by id


def _short(text: str, limit: int = 50) -> str:
    one = " ".join(text.split())
    return one if len(one) <= limit else one[: limit - 1] + "…"


class CaseMemosTab(QWidget):
    changed = Signal()  # after this tab changed the study
    loaded = Signal()
    # A passage memo double-clicked: (item id, passage id), to show it in the Coding tab.
    open_passage = Signal(str, str)

    def __init__(self, vault: Vault, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseMemosTab")
        self.vault = vault
        self.runner = runner
        self.case_id: str | None = None
        self.memos: dict[str, MemoView] = {}
        self.codes: dict[str, CodeView] = {}
        self.items: dict[str, CaseItem] = {}
        self.passages: dict[str, Passage] = {}
        self.editing: str | None = None  # the memo in the editor; None: a new one
        self.last_box: QMessageBox | None = None
        self.reads = TabReads(self, runner, self._failed)

        # -- the list --------------------------------------------------------------------
        self.filter = QComboBox()
        self.filter.setObjectName("caseMemosFilter")
        self.filter.currentIndexChanged.connect(lambda _i: self._fill())
        self.filter_label = QLabel()
        self.filter_label.setBuddy(self.filter)
        self.memo_list = QTreeWidget()
        self.memo_list.setObjectName("caseMemosList")
        self.memo_list.setColumnCount(3)
        self.memo_list.setRootIsDecorated(False)
        self.memo_list.setUniformRowHeights(True)
        self.memo_list.setAlternatingRowColors(True)
        header = self.memo_list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.memo_list.setColumnWidth(1, 130)
        self.memo_list.currentItemChanged.connect(self._memo_chosen)
        self.memo_list.itemDoubleClicked.connect(self._memo_double_clicked)
        self.empty = wrap(QLabel())
        self.empty.setObjectName("caseMemosEmpty")
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.filter_label)
        row.addWidget(self.filter, 1)
        lv.addLayout(row)
        lv.addWidget(self.memo_list, 1)
        lv.addWidget(self.empty)

        # -- the editor ------------------------------------------------------------------
        self.target = QComboBox()
        self.target.setObjectName("caseMemoTarget")
        self.target.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.target.setMinimumContentsLength(16)
        self.target_value = wrap(QLabel())
        self.target_value.setObjectName("caseMemoTargetText")
        self.title = QLineEdit()
        self.title.setObjectName("caseMemoTitle")
        self.title.setMaxLength(200)
        self.text = QPlainTextEdit()
        self.text.setObjectName("caseMemoText")
        self.text.setTabChangesFocus(True)
        self.dates = wrap(QLabel())
        self.dates.setObjectName("caseMemoDates")
        self.new_button = named_button("caseMemoNew", self.new_memo)
        self.save_button = named_button("caseMemoSave", self.save)
        self.delete_button = named_button("caseMemoDelete", self.confirm_delete)
        self.target_label = QLabel()
        self.title_label = QLabel()
        self.title_label.setBuddy(self.title)
        form = QFormLayout()
        target_box = QVBoxLayout()
        target_box.addWidget(self.target)
        target_box.addWidget(self.target_value)
        form.addRow(self.target_label, target_box)
        form.addRow(self.title_label, self.title)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addLayout(form)
        rv.addWidget(self.text, 1)
        rv.addWidget(self.dates)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.save_button)
        rv.addLayout(buttons)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("caseMemosSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.no_case = wrap(QLabel())
        self.no_case.setObjectName("caseMemosNoCase")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.no_case)
        layout.addWidget(self.splitter, 1)
        self.text.textChanged.connect(self._update_buttons)
        self.retranslate_ui()
        self.set_case(None)

    # -- loading ---------------------------------------------------------------------------
    def set_case(self, case_id: str | None) -> None:
        """Show this study's memos (None: the empty state); also the refresh."""
        if case_id != self.case_id:
            self.editing = None
        self.case_id = case_id
        if case_id is None:
            self.memos, self.codes, self.items, self.passages = {}, {}, {}, {}
            self.memo_list.clear()
            self.no_case.show()
            self.splitter.hide()
            self._update_buttons()
            return
        self.no_case.hide()
        self.splitter.show()
        vault = self.vault

        def job(_progress: ProgressSink, _cancel: CancelToken) -> MemoData:
            cs = vault.case_studies
            memos = cs.coding.memos(case_id)
            items = cs.items(case_id)
            on = {m.ref for m in memos if m.target == SEGMENT}
            passages = (
                {
                    p.segment_id: p
                    for p in cs.coding.passages(case_id, items=items)
                    if p.segment_id in on
                }
                if on
                else {}
            )
            return MemoData(case_id, memos, cs.coding.codes(case_id), items, passages)

        self.reads.read(
            job,
            self._loaded,
            lambda data: self.set_case(data.case_id),
            "case-memos-load",
        )

    def _failed(self, exc: BaseException) -> None:
        self.last_box = show_error(self, exc)

    @property
    def busy(self) -> bool:
        return self.reads.busy

    def _loaded(self, data: MemoData) -> None:
        if data.case_id != self.case_id:
            return
        self.memos = {m.id: m for m in data.memos}
        self.codes = {c.id: c for c in data.codes}
        self.items = {i.id: i for i in data.items}
        self.passages = data.passages
        self._fill_targets()
        self._fill()
        self.loaded.emit()

    def _fill_targets(self) -> None:
        keep = self.target.currentData()
        self.target.blockSignals(True)
        self.target.clear()
        self.target.addItem(self.tr("The project"), (PROJECT, None))
        for code in self.codes.values():
            self.target.addItem(self.tr("Code: %1").replace("%1", code.name), (CODE, code.id))
        for item in self.items.values():
            self.target.addItem(
                self.tr("Item: %1").replace("%1", self._item_text(item)), (ITEM, item.id)
            )
        index = self.target.findData(keep) if keep is not None else -1
        self.target.setCurrentIndex(max(0, index))
        self.target.blockSignals(False)

    def _item_text(self, item: CaseItem) -> str:
        when = show_date(item.event_date) if item.event_date else ""
        return " · ".join(x for x in (item.pseudonym, when) if x)

    def describe(self, memo: MemoView) -> str:
        """What a memo is on, in words."""
        if memo.target == PROJECT:
            return self.tr("The project")
        if memo.target == CODE:
            code = self.codes.get(memo.ref or "")
            return self.tr("Code: %1").replace("%1", code.name if code else "?")
        if memo.target == ITEM:
            item = self.items.get(memo.ref or "")
            return self.tr("Item: %1").replace("%1", self._item_text(item) if item else "?")
        p = self.passages.get(memo.ref or "")
        if p is None:
            return self.tr("A coded passage")
        code = self.codes.get(p.code_id)
        return (
            self.tr("Passage: «%1» (%2, %3)")
            .replace("%1", _short(p.text, 40))
            .replace("%2", code.name if code else "?")
            .replace("%3", p.pseudonym)
        )

    def _fill(self) -> None:
        wanted = FILTERS[max(0, self.filter.currentIndex())]
        keep = self.editing
        self.memo_list.blockSignals(True)
        self.memo_list.clear()
        rows: dict[str, QTreeWidgetItem] = {}
        for memo in sorted(self.memos.values(), key=lambda m: m.updated_at, reverse=True):
            if wanted and memo.target != wanted:
                continue
            row = QTreeWidgetItem(
                [
                    self.describe(memo),
                    memo.title or _short(memo.text),
                    show_datetime(memo.updated_at),
                ]
            )
            row.setData(0, ID_ROLE, memo.id)
            tip = "\n".join(
                x for x in (self.describe(memo), memo.title, _short(memo.text, 300)) if x
            )
            for column in range(3):
                row.setToolTip(column, tip + "\n" + show_datetime(memo.updated_at))
            rows[memo.id] = row
        self.memo_list.addTopLevelItems(list(rows.values()))
        self.memo_list.blockSignals(False)
        self.empty.setVisible(not rows)
        if keep in rows:
            self.memo_list.setCurrentItem(rows[keep])
        else:
            self._show(None)

    # -- the editor ----------------------------------------------------------------------
    def _memo_chosen(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        self._show(None if current is None else self.memos.get(str(current.data(0, ID_ROLE))))

    def _memo_double_clicked(self, row: QTreeWidgetItem, _column: int) -> None:
        memo = self.memos.get(str(row.data(0, ID_ROLE)))
        passage = self.passages.get(memo.ref or "") if memo and memo.target == SEGMENT else None
        if passage is not None:
            self.open_passage.emit(passage.item_id, passage.segment_id)

    def select_memo(self, memo_id: str) -> None:
        for n in range(self.memo_list.topLevelItemCount()):
            row = self.memo_list.topLevelItem(n)
            if row is not None and row.data(0, ID_ROLE) == memo_id:
                self.memo_list.setCurrentItem(row)

    def _show(self, memo: MemoView | None) -> None:
        self.editing = None if memo is None else memo.id
        self.target.setVisible(memo is None)
        self.target_value.setVisible(memo is not None)
        self.title.setText(memo.title if memo else "")
        self.text.setPlainText(memo.text if memo else "")
        if memo is not None:
            self.target_value.setText(self.describe(memo))
            self.dates.setText(
                self.tr("Written %1 · changed %2")
                .replace("%1", show_datetime(memo.created_at))
                .replace("%2", show_datetime(memo.updated_at))
            )
        else:
            self.dates.setText(self.tr("A new memo"))
        self._update_buttons()

    def new_memo(self) -> None:
        self.memo_list.blockSignals(True)
        self.memo_list.setCurrentIndex(self.memo_list.rootIndex())
        self.memo_list.clearSelection()
        self.memo_list.blockSignals(False)
        self._show(None)
        self.text.setFocus()

    def _update_buttons(self) -> None:
        has_case = self.case_id is not None
        self.new_button.setEnabled(has_case)
        self.save_button.setEnabled(has_case and bool(self.text.toPlainText().strip()))
        self.delete_button.setEnabled(self.editing is not None)

    def save(self) -> None:
        case_id, vault = self.case_id, self.vault
        text, title = self.text.toPlainText(), self.title.text()
        if case_id is None or not text.strip():
            return
        memo_id = self.editing
        target, ref = self.target.currentData() or (PROJECT, None)

        def job(_progress: ProgressSink, _cancel: CancelToken) -> MemoView:
            coding = vault.case_studies.coding
            if memo_id is not None:
                return coding.update_memo(case_id, memo_id, text, title=title)
            return coding.add_memo(
                case_id,
                text,
                title=title,
                code_id=ref if target == CODE else None,
                item_id=ref if target == ITEM else None,
            )

        def done(memo: MemoView) -> None:
            self.memos[memo.id] = memo
            self.editing = memo.id
            self._fill()
            self.changed.emit()

        self.reads.write(job, done, "case-memo-save")

    def confirm_delete(self) -> None:
        memo = self.memos.get(self.editing or "")
        if memo is None:
            return
        self.last_box = ask_question(
            self,
            "caseDeleteMemo",
            QMessageBox.Icon.Question,
            (
                self.tr("Delete memo"),
                self.tr("Delete the memo on %1?").replace("%1", self.describe(memo)),
                self.tr("Its text is gone for good."),
            ),
            self.tr("Delete"),
            lambda: self.delete(memo.id),
            role=QMessageBox.ButtonRole.DestructiveRole,
        )

    def delete(self, memo_id: str) -> None:
        case_id, vault = self.case_id, self.vault
        if case_id is None:
            return

        def job(_progress: ProgressSink, _cancel: CancelToken) -> None:
            vault.case_studies.coding.remove_memo(case_id, memo_id)

        def done(_result: object) -> None:
            self.memos.pop(memo_id, None)
            self.editing = None
            self._fill()
            self.changed.emit()

        self.reads.write(job, done, "case-memo-delete")

    # -- language --------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.filter_label.setText(self.tr("&Show:"))
        names = (
            self.tr("All memos"),
            self.tr("On the project"),
            self.tr("On codes"),
            self.tr("On items"),
            self.tr("On coded passages"),
        )
        index = max(0, self.filter.currentIndex())
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.addItems(list(names))
        self.filter.setCurrentIndex(index)
        self.filter.blockSignals(False)
        self.memo_list.setHeaderLabels([self.tr("On"), self.tr("Title"), self.tr("Changed")])
        self.memo_list.setAccessibleName(self.tr("Memos"))
        self.target_label.setText(self.tr("On:"))
        self.title_label.setText(self.tr("&Title:"))
        self.title.setPlaceholderText(self.tr("Optional"))
        self.text.setPlaceholderText(self.tr("Write the memo here."))
        self.text.setAccessibleName(self.tr("Memo text"))
        self.new_button.setText(self.tr("&New memo"))
        self.save_button.setText(self.tr("&Save memo"))
        self.delete_button.setText(self.tr("&Delete…"))
        self.empty.setText(
            self.tr(
                "No memos yet. Write one on the project, a code or an item here, or on a "
                "coded passage in the Coding tab."
            )
        )
        self.no_case.setText(self.tr("Choose a case study to see its memos."))
        if self.case_id is not None:
            self._fill_targets()
            self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
