"""Many bundles at once (issue 14): files or folders chosen, or dropped on the window.

1. The batch runs on the writer queue (``vault.batch_import.run``): each bundle is
   checked and imported on its own. The dialog shows bundles done / total and the
   current sender's name (given to the GUI as data, never logged); Cancel stops
   between bundles (what was imported stays).
2. The report: one row per file with its result and, for a refusal, the reason in the
   user's language; "Save report as CSV…" writes it atomically where the user
   chooses (files and reasons, no journal text, no names).
3. Unknown senders: one list with each one's safety number and a box "compared, it
   matches"; "Import from the checked senders" adds them as verified contacts and
   imports their bundles (``import_senders``), then the report is updated.
4. "Make a cohort of these senders…": the batch's senders as a named cohort.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.dialogs import show_error
from reflectdesk.gui.i18n import error_texts
from reflectdesk.gui.screen_fit import fit_dialog
from reflectdesk.gui.sync_status import error_class_for
from reflectdesk.gui.tasks import Task
from reflectdesk.gui.widgets import wrap
from reflectdesk.progress import CancelToken, Progress, ProgressSink
from reflectdesk.services.batch_import import (
    BatchItem,
    BatchOutcome,
    BatchProgress,
    BatchReport,
    write_report_csv,
)

if TYPE_CHECKING:
    from reflectdesk.domain.cohorts import Cohort
    from reflectdesk.services.vault import Vault

PAGE_BUSY, PAGE_REPORT = range(2)
_ROOT = QModelIndex()
_DISPLAY = Qt.ItemDataRole.DisplayRole
COL_FILE, COL_RESULT, COL_REASON = range(3)
SENDER_COL_CHECK, SENDER_COL_NAME, SENDER_COL_NUMBER, SENDER_COL_FILES = range(4)


class _Latest:
    """The newest batch progress, written by the worker, read on the GUI thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._value = BatchProgress(0, 0)

    def set(self, value: BatchProgress) -> None:
        with self._lock:
            self._value = value

    def get(self) -> BatchProgress:
        with self._lock:
            return self._value


def reason_texts(item: BatchItem) -> tuple[str, str]:
    """A refusal's message and hint in the GUI's language ("" when there is none)."""
    if not item.reason:
        return "", ""
    cls = error_class_for(item.reason)
    try:
        err = cls(**item.reason_params)
    except TypeError:
        err = cls()
    return error_texts(err)


def reason_text(item: BatchItem) -> str:
    """A refusal's message in the GUI's language ("" when there is none)."""
    return reason_texts(item)[0]


class ReportModel(QAbstractTableModel):
    """The report's rows: file, result, reason; texts made when a row is shown (the
    reason's translation once per code and parameters).

    Sorts itself (a header click): one cheap key per row (the file name, the result's
    text once per outcome, the reason's text once per code) and one ``sorted`` over
    row numbers — 5,000 rows in a few ms, where a ``QSortFilterProxyModel`` asked
    ``data()`` for every row through Python (~0.3 s on the GUI thread)."""

    def __init__(self, outcome_text: Callable[[BatchOutcome], str], parent: QObject) -> None:
        super().__init__(parent)
        self._outcome_text = outcome_text
        self._items: tuple[BatchItem, ...] = ()
        self._order: list[int] = []  # row -> index in _items
        self._sorted: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._headers = ["", "", ""]
        self._reasons: dict[tuple[str, tuple[tuple[str, str], ...]], tuple[str, str]] = {}
        self._folders: tuple[Path, ...] = ()

    def set_folders(self, folders: list[Path]) -> None:
        """The folders chosen or dropped: a file in one is shown by its path inside it
        (``semana-2/camila.rdbundle``), since a cohort's weekly sub-folders repeat names."""
        self._folders = tuple(dict.fromkeys([*folders, *(f.resolve() for f in folders)]))

    def file_text(self, path: Path) -> str:
        for folder in self._folders:
            if path.is_relative_to(folder):
                return str(path.relative_to(folder))
        return path.name

    def set_items(self, items: tuple[BatchItem, ...]) -> None:
        self.beginResetModel()
        self._items = items
        self._order = self._ordered(*self._sorted)
        self._reasons.clear()
        self.endResetModel()

    def set_headers(self, headers: list[str]) -> None:
        self.beginResetModel()  # the language changed: every text again
        self._headers = headers
        self._reasons.clear()
        self._order = self._ordered(*self._sorted)
        self.endResetModel()

    def item(self, row: int) -> BatchItem:
        return self._items[self._order[row]]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else 3

    def _reason(self, item: BatchItem, tip: bool = False) -> str:
        key = (item.reason, item.params)
        texts = self._reasons.get(key)
        if texts is None:
            texts = self._reasons[key] = reason_texts(item)
        message, hint = texts
        # On hover, the hint too: what to do about it ("ask the sender to export it
        # again. Nothing was imported.").
        return f"{message}\n{hint}" if tip and hint else message

    def _ordered(self, column: int, order: Qt.SortOrder) -> list[int]:
        rows = range(len(self._items))
        items = self._items
        if column == COL_FILE:
            names = [(self.file_text(i.path).casefold(), str(i.path)) for i in items]
            key: Callable[[int], Any] = names.__getitem__
        elif column == COL_RESULT:
            texts = {o: self._outcome_text(o).casefold() for o in {i.outcome for i in items}}
            key = lambda r: texts[items[r].outcome]  # noqa: E731
        elif column == COL_REASON:
            key = lambda r: self._reason(items[r]).casefold()  # noqa: E731
        else:
            return list(rows)  # as the batch went
        return sorted(rows, key=key, reverse=order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        rows_of = {index: self._order[index.row()] for index in before if index.isValid()}
        self._sorted = (column, order)
        self._order = self._ordered(column, order)
        where = {item: row for row, item in enumerate(self._order)}
        self.changePersistentIndexList(
            before,
            [
                self.index(where[rows_of[i]], i.column()) if i in rows_of else QModelIndex()
                for i in before
            ],
        )
        self.layoutChanged.emit()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        item = self._items[self._order[index.row()]]
        column = index.column()
        if role == Qt.ItemDataRole.UserRole:
            return item.outcome.value
        if role not in (_DISPLAY, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == COL_FILE:
            return (
                str(item.path) if role == Qt.ItemDataRole.ToolTipRole else self.file_text(item.path)
            )
        if column == COL_RESULT:
            return self._outcome_text(item.outcome)
        return self._reason(item, tip=role == Qt.ItemDataRole.ToolTipRole)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY and 0 <= section < 3:
            return self._headers[section]
        return None


class BatchImportDialog(QDialog):
    imported = Signal(object)  # BatchReport, after each pass that imported something
    cohort_made = Signal(object)  # Cohort
    running = Signal(bool)  # a pass started (True) or ended (False)

    def __init__(
        self, ctx: AppContext, vault: Vault, paths: list[Path], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("batchImportDialog")
        self.ctx = ctx
        self.vault = vault
        self.paths = list(paths)
        self.report: BatchReport | None = None
        self.task: Task[Any] | None = None
        self.latest = _Latest()
        fit_dialog(self, QSize(860, 620))

        # -- busy page -------------------------------------------------------------------------
        self.busy_label = wrap(QLabel())
        self.busy_label.setObjectName("batchBusy")
        self.sender_label = wrap(QLabel())
        self.sender_label.setObjectName("batchSender")
        self.progress = QProgressBar()
        self.progress.setObjectName("batchProgress")
        self.progress.setRange(0, 0)
        busy = QWidget()
        busy_layout = QVBoxLayout(busy)
        busy_layout.addStretch(1)
        busy_layout.addWidget(self.busy_label)
        busy_layout.addWidget(self.progress)
        busy_layout.addWidget(self.sender_label)
        busy_layout.addStretch(1)

        # -- report page -------------------------------------------------------------------------
        self.summary = wrap(QLabel())
        self.summary.setObjectName("batchSummary")
        # A model, not one widget item per cell: a folder of 5,000 other files gives a
        # report of 5,000 rows, and only the rows on screen are ever asked for text.
        self.report_model = ReportModel(self._outcome_text, self)
        self.report_model.set_folders([p for p in self.paths if p.is_dir()])
        self.table = QTableView()
        self.table.setObjectName("batchReport")
        self.table.setModel(self.report_model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        # Sorted by the model itself when a column header is clicked (cheap keys, see
        # ReportModel); showing the report asks only the rows on screen for text.
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self.report_model.sort)
        header.setSectionResizeMode(COL_FILE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_RESULT, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_REASON, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(COL_FILE, 240)
        self.table.setColumnWidth(COL_RESULT, 160)
        self.senders_title = wrap(QLabel())
        self.senders_title.setObjectName("unknownSendersTitle")
        self.senders = QTableWidget(0, 4)
        self.senders.setObjectName("unknownSenders")
        self.senders.verticalHeader().hide()
        self.senders.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.senders.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        sheader = self.senders.horizontalHeader()
        sheader.setSectionResizeMode(SENDER_COL_CHECK, QHeaderView.ResizeMode.ResizeToContents)
        sheader.setSectionResizeMode(SENDER_COL_NAME, QHeaderView.ResizeMode.ResizeToContents)
        sheader.setSectionResizeMode(SENDER_COL_NUMBER, QHeaderView.ResizeMode.Stretch)
        sheader.setSectionResizeMode(SENDER_COL_FILES, QHeaderView.ResizeMode.ResizeToContents)
        self.senders.itemChanged.connect(lambda _i: self._update_buttons())
        self.import_senders_button = QPushButton()
        self.import_senders_button.setObjectName("importCheckedSenders")
        self.import_senders_button.clicked.connect(self.import_checked_senders)
        self.csv_button = QPushButton()
        self.csv_button.setObjectName("saveReportCsv")
        # Not connected directly: ``clicked`` would pass its ``checked`` (False) as the
        # file or the name (the button used to fail with a TypeError).
        self.csv_button.clicked.connect(lambda: self.save_csv())
        self.cohort_button = QPushButton()
        self.cohort_button.setObjectName("makeCohort")
        self.cohort_button.clicked.connect(lambda: self.make_cohort())
        senders_row = QHBoxLayout()
        senders_row.addStretch(1)
        senders_row.addWidget(self.import_senders_button)
        report_buttons = QHBoxLayout()
        report_buttons.addWidget(self.csv_button)
        report_buttons.addWidget(self.cohort_button)
        report_buttons.addStretch(1)
        report = QWidget()
        report_layout = QVBoxLayout(report)
        report_layout.addWidget(self.summary)
        report_layout.addWidget(self.table, 3)
        report_layout.addLayout(report_buttons)
        report_layout.addWidget(self.senders_title)
        report_layout.addWidget(self.senders, 2)
        report_layout.addLayout(senders_row)

        self.stack = QStackedWidget()
        self.stack.addWidget(busy)
        self.stack.addWidget(report)
        self.buttons = QDialogButtonBox()
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.cancel_button.clicked.connect(self.reject)
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self._set_page(PAGE_BUSY)

    # -- the batch -------------------------------------------------------------------------------
    def start(self) -> None:
        service = self.vault.batch_import
        paths = self.paths
        latest = self.latest

        def job(progress: ProgressSink, cancel: CancelToken) -> BatchReport:
            def sink(p: BatchProgress) -> None:
                latest.set(p)
                progress(Progress(p.done, p.total, "batch-import"))

            return service.run(paths, progress=sink, cancel=cancel)

        self._submit(job, self.tr("Checking and importing the bundles…"), "write:batch-import")

    def import_checked_senders(self) -> None:
        report = self.report
        keys = self.checked_senders()
        if report is None or not keys or self.task is not None:
            return
        service = self.vault.batch_import
        latest = self.latest

        def job(progress: ProgressSink, cancel: CancelToken) -> BatchReport:
            def sink(p: BatchProgress) -> None:
                latest.set(p)
                progress(Progress(p.done, p.total, "batch-import"))

            return service.import_senders(report, keys, verified=True, progress=sink, cancel=cancel)

        self._submit(job, self.tr("Importing the bundles of the checked senders…"),
                     "write:batch-import-senders")  # fmt: skip

    def _submit(self, job: Any, text: str, name: str) -> None:
        self.busy_label.setText(text)
        self.sender_label.setText("")
        self.progress.setRange(0, 0)
        self._set_page(PAGE_BUSY)
        self.task = self.ctx.runner.submit(
            job,
            on_result=self._done,
            on_error=self._failed,
            on_progress=self._progress,
            writer=True,
            name=name,
            owner=self,
        )
        self.running.emit(True)
        self._update_buttons()

    def _progress(self, report: Progress) -> None:
        latest = self.latest.get()
        if report.total:
            self.progress.setRange(0, report.total)
            self.progress.setValue(min(report.done, report.total))
        self.busy_label.setText(
            self.tr("Bundles: %1 of %2").replace("%1", str(report.done))
            .replace("%2", str(report.total))
        )  # fmt: skip
        if latest.sender:
            self.sender_label.setText(self.tr("From: %1").replace("%1", latest.sender))

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.running.emit(False)
        parent = self.parentWidget()
        if self.report is not None:
            self._show_report(self.report)
        show_error(parent if parent is not None else self, exc)
        if self.report is None:
            self.reject()

    def _error(self, exc: BaseException) -> None:
        show_error(self, exc)

    def _done(self, report: BatchReport) -> None:
        self.task = None
        self.running.emit(False)
        self.report = report
        self._show_report(report)
        if report.count(BatchOutcome.IMPORTED):
            self.imported.emit(report)

    # -- the report --------------------------------------------------------------------------------
    def _outcome_text(self, outcome: BatchOutcome) -> str:
        return {
            BatchOutcome.IMPORTED: self.tr("Imported"),
            BatchOutcome.ALREADY: self.tr("Already had"),
            BatchOutcome.REFUSED: self.tr("Refused"),
            BatchOutcome.UNKNOWN_SENDER: self.tr("Sender to verify"),
            BatchOutcome.NOT_DONE: self.tr("Not done"),
        }[outcome]

    def _show_report(self, report: BatchReport) -> None:
        lines = [
            self.tr("%n bundles imported", "", report.count(BatchOutcome.IMPORTED)),
            self.tr("%n already had", "", report.count(BatchOutcome.ALREADY)),
            self.tr("%n refused", "", report.count(BatchOutcome.REFUSED)),
        ]
        waiting = report.count(BatchOutcome.UNKNOWN_SENDER)
        if waiting:
            lines.append(self.tr("%n from senders to verify", "", waiting))
        if report.cancelled:
            lines.append(self.tr("Cancelled: the bundles imported before stay."))
        if report.stopped:
            reason = reason_text(BatchItem(Path(), BatchOutcome.REFUSED, report.stopped))
            lines.append(
                self.tr("Stopped: %1 The bundles imported before stay; import again for the rest.")
                .replace("%1", reason)
            )  # fmt: skip
        self.summary.setText(" · ".join(lines[:4]) + "".join("\n" + x for x in lines[4:]))
        self.report_model.set_items(report.items)
        self._fill_senders(report)
        self._set_page(PAGE_REPORT)

    def _fill_senders(self, report: BatchReport) -> None:
        self.senders.blockSignals(True)
        self.senders.setRowCount(len(report.unknown_senders))
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        for row, sender in enumerate(report.unknown_senders):
            check = QTableWidgetItem(self.tr("Matches"))
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            check.setCheckState(Qt.CheckState.Unchecked)
            check.setData(Qt.ItemDataRole.UserRole, sender.key_id)
            check.setToolTip(self.tr("I compared the safety number with %1 and it matches")
                             .replace("%1", sender.name))  # fmt: skip
            name = sender.name + (f" — {sender.institution}" if sender.institution else "")
            if sender.same_name_contacts:
                name += "  ⚠"
            name_item = QTableWidgetItem(name)
            name_item.setToolTip(name)  # the column may cut a long institution (issue 16.1)
            if sender.same_name_contacts:
                name_item.setToolTip(
                    name + "\n" +
                    self.tr("Careful: you already have a contact called %1 with other keys.")
                    .replace("%1", sender.name)
                )  # fmt: skip
            digits = sender.safety_number.replace(" ", "")
            parts = [digits[i : i + 5] for i in range(0, len(digits), 5)]
            groups = " ".join(parts[:6]) + "\n" + " ".join(parts[6:])  # two lines of six
            number = QTableWidgetItem(groups)
            number.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            number.setFont(mono)
            number.setToolTip(groups)
            files = QTableWidgetItem(self.tr("%n bundles", "", len(sender.paths)))
            files.setToolTip(files.text())
            for column, cell in enumerate((check, name_item, number, files)):
                self.senders.setItem(row, column, cell)
        self.senders.resizeRowsToContents()
        self.senders.blockSignals(False)
        has = bool(report.unknown_senders)
        for widget in (self.senders_title, self.senders, self.import_senders_button):
            widget.setVisible(has)
        self._update_buttons()

    def checked_senders(self) -> list[str]:
        out = []
        for row in range(self.senders.rowCount()):
            item = self.senders.item(row, SENDER_COL_CHECK)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def set_sender_checked(self, key_id: str, checked: bool = True) -> None:
        for row in range(self.senders.rowCount()):
            item = self.senders.item(row, SENDER_COL_CHECK)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == key_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    # -- CSV and cohort ----------------------------------------------------------------------------
    def save_csv(self, dest: Path | None = None) -> None:
        report = self.report
        if report is None:
            return
        if dest is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save report as CSV"),
                str(Path.home() / self.tr("import-report.csv")),
                self.tr("CSV files (*.csv)"),
            )
            if not chosen:
                return
            dest = Path(chosen)
        # Reasons in the GUI's language, made here (translation lives on this thread).
        reasons = {i.path: reason_text(i) for i in report.items if i.reason}
        target = dest

        def job(_p: ProgressSink, _c: CancelToken) -> Path:
            write_report_csv(report, target, lambda item: reasons.get(item.path, ""))
            return target

        self.ctx.runner.submit(
            job,
            on_result=lambda path: self.summary.setText(
                self.summary.text() + "\n" + self.tr("Report saved: %1").replace("%1", path.name)
            ),
            on_error=self._error,
            name="save-batch-report",
            owner=self,
        )

    def make_cohort(self, name: str | None = None) -> None:
        report = self.report
        if report is None or not report.sender_contact_ids:
            return
        if name is None:
            text, ok = QInputDialog.getText(
                self,
                self.tr("Make a cohort"),
                self.tr("Name of the cohort (for example: Práctica II — 2026 — Sección 2):"),
            )
            if not ok or not text.strip():
                return
            name = text
        cohorts = self.vault.cohorts
        members = report.sender_contact_ids
        chosen = name

        def job(_p: ProgressSink, _c: CancelToken) -> Cohort:
            return cohorts.create(chosen, members)

        self.ctx.runner.submit(
            job,
            on_result=self._cohort_made,
            on_error=self._error,
            writer=True,
            name="write:cohort-create",
            owner=self,
        )

    def _cohort_made(self, cohort: Cohort) -> None:
        self.summary.setText(
            self.summary.text()
            + "\n"
            + self.tr("Cohort %1 made with %2 people.")
            .replace("%1", cohort.name)
            .replace("%2", str(cohort.size))
        )
        self.cohort_made.emit(cohort)

    # -- buttons, closing, text -------------------------------------------------------------
    def _set_page(self, page: int) -> None:
        self.stack.setCurrentIndex(page)
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self.task is not None
        report_page = self.stack.currentIndex() == PAGE_REPORT
        self.cancel_button.setVisible(busy)
        self.close_button.setVisible(not busy)
        self.import_senders_button.setEnabled(not busy and bool(self.checked_senders()))
        self.csv_button.setEnabled(report_page and not busy)
        has_senders = bool(self.report and self.report.sender_contact_ids)
        self.cohort_button.setEnabled(report_page and not busy and has_senders)

    def reject(self) -> None:
        if self.task is not None:
            self.task.cancel()  # stops between bundles; the report comes back
            self.busy_label.setText(self.tr("Stopping after the current bundle…"))
            return
        super().reject()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Import bundles"))
        self.report_model.set_headers([self.tr("File"), self.tr("Result"), self.tr("Reason")])
        self.table.setAccessibleName(self.tr("Import report"))
        self.senders.setHorizontalHeaderLabels(
            [self.tr("Compared"), self.tr("Sender"), self.tr("Safety number"), self.tr("Bundles")]
        )
        self.senders.setAccessibleName(self.tr("Senders who are not your contacts"))
        self.senders_title.setText(
            self.tr(
                "Senders who are not your contacts. Compare each safety number with the person "
                "(in person or by phone), tick the ones that match, then import their bundles. "
                "They are added to your contacts as verified."
            )
        )
        self.import_senders_button.setText(self.tr("&Import from the checked senders"))
        self.csv_button.setText(self.tr("&Save report as CSV…"))
        self.cohort_button.setText(self.tr("Make a &cohort of these senders…"))
        self.import_senders_button.setAccessibleName(self.tr("Import from the checked senders"))
        self.csv_button.setAccessibleName(self.tr("Save report as CSV"))
        self.cohort_button.setAccessibleName(self.tr("Make a cohort of these senders"))
        self.progress.setAccessibleName(self.tr("Progress"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        if self.report is not None:
            self._show_report(self.report)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def choose_many(window: Any, *, folder: bool) -> None:
    """File → Import many bundles… / Import a folder of bundles…: the batch dialog."""
    from PySide6.QtCore import QCoreApplication

    if folder:
        chosen = QFileDialog.getExistingDirectory(
            window,
            QCoreApplication.translate("BatchImportDialog", "Choose a folder of bundles"),
            str(Path.home()),
        )
        paths = [Path(chosen)] if chosen else []
    else:
        names, _ = QFileDialog.getOpenFileNames(
            window,
            QCoreApplication.translate("BatchImportDialog", "Choose bundles"),
            str(Path.home()),
            QCoreApplication.translate("BatchImportDialog", "Bundles (*.rdbundle);;All files (*)"),
        )
        paths = [Path(n) for n in names]
    if paths:
        window.open_batch(paths)
