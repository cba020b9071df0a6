"""The case study's Exports tab (issue 15, point 7): export the study, see past exports,
set the students' case attributes.

Choose a format (the REFI-QDA project ``.qdpx``, the codebook ``.qdc``, the report as
HTML, PDF or Markdown), choose where (the folder is remembered for the session), and the
export runs on the task runner's writer queue (it records the export in the study and
the signed audit log) with a progress bar and Cancel: a cancelled export writes nothing.
Then "Saved to ‹folder›" with Open the folder / Copy the path (the export wizard's own
block, :class:`~reflectdesk.gui.export_pages.SavedFile`).

The tab says *before* the click why nothing can be exported (no approval, approval
expired, entries waiting for their pseudonyms, an empty codebook for ``.qdc``): the
service refuses the same cases.

Below, the exports made (format, date, file), each made before a withdrawal or removal
flagged "outdated"; and the case attributes per student pseudonym as the ``.qdpx``
exports them (cohort, school type, templates, MBE standards), where the researcher sets
the school type.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.errors import (
    Cancelled,
    CaseApprovalExpired,
    CaseApprovalMissing,
    CaseCodebookEmpty,
    CasePseudonymisationRequired,
    ReflectDeskError,
)
from reflectdesk.gui.dialogs import report_error
from reflectdesk.gui.export_pages import SavedFile
from reflectdesk.gui.i18n import error_texts
from reflectdesk.gui.widgets import scrolling, wrap
from reflectdesk.progress import CancelToken, Progress, ProgressSink
from reflectdesk.services.case_common import CaseStudy, ExportRecord
from reflectdesk.services.case_export import SCHOOL_TYPES, CaseAttributes, CaseExport

if TYPE_CHECKING:
    from reflectdesk.gui.tasks import Task, TaskRunner
    from reflectdesk.services.vault import Vault

log = logging.getLogger(__name__)

FORMATS = ("qdpx", "qdc", "html", "pdf", "md")
SUFFIX = {"qdpx": ".qdpx", "qdc": ".qdc", "html": ".html", "pdf": ".pdf", "md": ".md"}


def render_pdf(html: str, *, progress: ProgressSink, cancel: CancelToken) -> bytes:
    """The report's PDF as the app draws it (Qt, on the worker that runs the export):
    laid out in pieces, so Cancel is honoured within a fraction of a second even for
    2,000 items and 10,000 passages (benchmarks/bench_case_study.py)."""
    from reflectdesk.gui.portfolio_pdf import html_to_pdf

    return html_to_pdf(html, progress=progress, cancel=cancel, chunked=True)


@dataclass(frozen=True, slots=True)
class CaseExportView:
    """What the tab shows of a study, read on a worker."""

    study: CaseStudy
    waiting: int  # research-pseudonymised items not reviewed yet
    codes: int
    attributes: tuple[CaseAttributes, ...]


def load_view(vault: Vault, case_id: str) -> CaseExportView:
    cs = vault.case_studies
    study = cs.get(case_id)
    items = cs.items(case_id)
    return CaseExportView(
        study,
        sum(1 for i in items if i.needs_pseudonymisation and not i.pseudonymised),
        len(cs.coding.codes(case_id)),
        tuple(cs.exports.attributes(case_id)),
    )


class CaseExportsTab(QWidget):
    """Exports / Exportaciones: see the module's docstring."""

    changed = Signal()
    # The folder the last export went to, for this session (every study, every tab).
    last_folder: ClassVar[str] = ""

    def __init__(self, vault: Vault, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseExportsTab")
        self.vault = vault
        self.runner = runner
        self.case_id: str | None = None
        self.view: CaseExportView | None = None
        self.task: Task[CaseExport] | None = None
        self.written: CaseExport | None = None
        self.last_error = ""
        self._loading = 0  # the generation of the latest read: older results are dropped
        self._shown = 0  # the generation shown

        # -- export ---------------------------------------------------------------------
        self.export_box = QGroupBox()
        self.format = QComboBox()
        self.format.setObjectName("caseExportFormat")
        for fmt in FORMATS:
            self.format.addItem("", fmt)
        self.format.currentIndexChanged.connect(self._update)
        self.format_label = QLabel()
        self.format_label.setBuddy(self.format)
        self.format_hint = wrap(QLabel())
        self.format_hint.setObjectName("caseExportFormatHint")
        self.export_button = QPushButton()
        self.export_button.setObjectName("caseExportButton")
        self.export_button.clicked.connect(self.choose_and_export)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("caseExportCancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.reason = wrap(QLabel())
        self.reason.setObjectName("caseExportReason")
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning = wrap(QLabel())
        self.warning.setObjectName("caseExportWarning")
        self.progress = QProgressBar()
        self.progress.setObjectName("caseExportProgress")
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.status = wrap(QLabel())
        self.status.setObjectName("caseExportStatus")
        self.saved = SavedFile()
        self.saved.hide()
        self.audit_name = wrap(QLabel())
        self.audit_name.setObjectName("caseExportAuditFile")
        self.audit_name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.audit_name.hide()

        form = QFormLayout()
        form.addRow(self.format_label, self.format)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(0)
        box = QVBoxLayout(self.export_box)
        box.addLayout(form)
        box.addWidget(self.format_hint)
        box.addWidget(self.warning)
        box.addWidget(self.reason)
        box.addLayout(buttons)
        box.addWidget(self.status)
        box.addWidget(self.saved)
        box.addWidget(self.audit_name)

        # -- past exports ---------------------------------------------------------------
        self.history_box = QGroupBox()
        self.history = QTableWidget(0, 4)
        self.history.setObjectName("caseExportsTable")
        self._table_defaults(self.history, stretch=(2,))  # the file name gives way
        self.history_empty = wrap(QLabel())
        self.history_empty.setObjectName("caseExportsEmpty")
        self.outdated = wrap(QLabel())
        self.outdated.setObjectName("caseExportsOutdated")
        history = QVBoxLayout(self.history_box)
        history.addWidget(self.history_empty)
        history.addWidget(self.history)
        history.addWidget(self.outdated)

        # -- case attributes ------------------------------------------------------------
        self.attributes_box = QGroupBox()
        self.attributes = QTableWidget(0, 5)
        self.attributes.setObjectName("caseAttributesTable")
        self._table_defaults(self.attributes, stretch=(1, 4))
        self.attributes_note = wrap(QLabel())
        self.attributes_note.setObjectName("caseAttributesNote")
        attributes = QVBoxLayout(self.attributes_box)
        attributes.addWidget(self.attributes_note)
        attributes.addWidget(self.attributes)

        self.empty = wrap(QLabel())
        self.empty.setObjectName("caseExportsNoStudy")
        body = QWidget()
        body.setObjectName("caseExportsBody")
        layout = QVBoxLayout(body)
        layout.addWidget(self.empty)
        layout.addWidget(self.export_box)
        layout.addWidget(self.history_box)
        layout.addWidget(self.attributes_box)
        layout.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(body))
        self.retranslate_ui()
        self.set_case(None)

    @staticmethod
    def _table_defaults(table: QTableWidget, stretch: tuple[int, ...]) -> None:
        """Read-only rows; columns as wide as their contents but ``stretch``, which share
        what is left and elide (the tab fits a 1024×600 window without a side scroll)."""
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        table.setProperty("stretch", list(stretch))

    @staticmethod
    def _keep_headers_whole(table: QTableWidget) -> None:
        """A column that gives way still shows its whole header: every column is at
        least as wide as the widest header of those that stretch (the table scrolls
        sideways before a header is cut)."""
        header = table.horizontalHeader()
        metrics = header.fontMetrics()
        widest = 0
        for column in table.property("stretch") or []:
            item = table.horizontalHeaderItem(int(column))
            if item is not None:
                widest = max(widest, metrics.horizontalAdvance(item.text()))
        header.setMinimumSectionSize(widest + 24)
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.setWordWrap(False)

    @staticmethod
    def _fit_height(table: QTableWidget, most: int = 8) -> None:
        """As tall as its rows, up to ``most`` of them (then it scrolls): the page
        scrolls as one, without empty table space."""
        rows = min(table.rowCount(), most)
        height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
        height += sum(table.rowHeight(r) for r in range(rows))
        if table.rowCount() > most:
            height += table.rowHeight(0) // 2  # a part of the next row: there is more
        table.setFixedHeight(height)

    # -- the contract ---------------------------------------------------------------------
    def set_case(self, case_id: str | None) -> None:
        """Show ``case_id`` (None: nothing chosen); also the refresh after a change."""
        if case_id != self.case_id:
            self.written = None
            self.saved.hide()
            self.audit_name.hide()
            self.status.clear()
            self.view = None
        self.case_id = case_id
        self._loading += 1
        if case_id is None:
            self.view = None
            self._show()
            return
        generation = self._loading
        vault = self.vault

        def job(_p: ProgressSink, _c: CancelToken) -> CaseExportView:
            return load_view(vault, case_id)

        self.runner.submit(
            job,
            on_result=lambda view: self._loaded(generation, view),
            on_error=lambda exc: self._load_failed(generation, exc),
            name="case-exports-view",
            owner=self,
        )

    @property
    def loading(self) -> bool:
        """A read of the study is on its way (tests wait for it)."""
        return self.case_id is not None and self._shown != self._loading

    def _loaded(self, generation: int, view: CaseExportView) -> None:
        if generation != self._loading:
            return
        self.view = view
        self._shown = generation
        self._show()

    def _load_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._loading:
            self._shown = generation
            report_error(self, exc)

    # -- why not --------------------------------------------------------------------------
    def chosen_format(self) -> str:
        return str(self.format.currentData())

    def set_format(self, fmt: str) -> None:
        self.format.setCurrentIndex(FORMATS.index(fmt))

    def why_not(self) -> str:
        """Why the chosen export cannot be made now ("" when it can)."""
        if self.view is None:
            return ""
        study = self.view.study
        if study.approval is None:
            return self.tr("No ethics approval: record it (Approval…) before exporting anything.")
        if study.status == "expired":
            return self.tr(
                "The ethics approval expired on %1: record the renewed approval (Approval…) "
                "before exporting."
            ).replace("%1", study.approval.expires.isoformat())
        if self.view.waiting:
            return self.tr(
                "%n entries may only be used pseudonymised and are not reviewed yet: review "
                "their pseudonyms (Items tab, Review pseudonyms…) before exporting.",
                "",
                self.view.waiting,
            )
        if self.chosen_format() == "qdc" and not self.view.codes:
            return self.tr("The codebook is empty: add a code before exporting it.")
        return ""

    def _update(self) -> None:
        busy = self.task is not None
        why = self.why_not()
        self.reason.setText(why)
        self.reason.setVisible(bool(why))
        self.export_button.setEnabled(self.view is not None and not why and not busy)
        self.format.setEnabled(not busy)
        self.cancel_button.setVisible(busy)
        self.progress.setVisible(busy)
        self.status.setVisible(bool(self.status.text()))
        self._hint()

    # -- exporting ------------------------------------------------------------------------
    def default_name(self) -> str:
        fmt = self.chosen_format()
        base = {
            "qdpx": self.tr("case-study"),
            "qdc": self.tr("codebook"),
        }.get(fmt, self.tr("case-study-report"))
        return f"{base}-{date.today().isoformat()}{SUFFIX[fmt]}"

    def ask_save_path(self, suggested: str) -> str:
        filters = {
            "qdpx": self.tr("REFI-QDA projects (*.qdpx)"),
            "qdc": self.tr("REFI-QDA codebooks (*.qdc)"),
            "html": self.tr("Web pages (*.html)"),
            "pdf": self.tr("PDF documents (*.pdf)"),
            "md": self.tr("Markdown (*.md)"),
        }
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the case study to"), suggested, filters[self.chosen_format()]
        )
        return path

    def choose_and_export(self) -> None:
        if self.task is not None or self.case_id is None or self.why_not():
            return
        folder = Path(CaseExportsTab.last_folder or Path.home())
        chosen = self.ask_save_path(str(folder / self.default_name()))
        if not chosen:
            return
        dest = Path(chosen)
        suffix = SUFFIX[self.chosen_format()]
        if dest.suffix.lower() != suffix:
            dest = dest.with_name(dest.name + suffix)
        self.start(dest)

    def start(self, dest: Path) -> Task[CaseExport] | None:
        """Export the study to ``dest`` on the writer queue (it records the export and
        appends to the audit log), with progress and cancel."""
        if self.task is not None or self.case_id is None:
            return None
        CaseExportsTab.last_folder = str(dest.parent)
        fmt, case_id, vault = self.chosen_format(), self.case_id, self.vault

        def job(progress: ProgressSink, cancel: CancelToken) -> CaseExport:
            return vault.case_studies.exports.export(
                case_id, fmt, dest, progress=progress, cancel=cancel, pdf=render_pdf
            )

        self.written = None
        self.last_error = ""
        self.saved.hide()
        self.audit_name.hide()
        self.progress.setValue(0)
        self.status.setText(self.tr("Exporting…"))
        self.task = self.runner.submit(
            job,
            on_result=lambda result: self._done(case_id, result),
            on_error=self._failed,
            on_progress=self._progress,
            writer=True,
            name="case-export",
            owner=self,
        )
        self._update()
        return self.task

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.status.setText(self.tr("Cancelling…"))
            self._update()

    def _progress(self, report: Progress) -> None:
        if report.total:
            self.progress.setRange(0, report.total)
            self.progress.setValue(report.done)

    def _done(self, case_id: str, result: CaseExport) -> None:
        self.task = None
        if case_id != self.case_id:  # another study is shown now: its list will say it
            self._update()
            self.changed.emit()
            return
        self.written = result
        size = result.path.stat().st_size if result.path.exists() else 0
        self.saved.set_file(result.path, size)
        self.saved.show()
        self.audit_name.setText(
            self.tr("Its signed audit log is beside it: %1").replace("%1", result.audit_path.name)
        )
        self.audit_name.show()
        self.status.clear()  # the block says it: "Saved to ‹folder›"
        self._update()
        self.changed.emit()
        self.set_case(self.case_id)  # the new export in the list

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        if isinstance(exc, Cancelled):
            self.last_error = exc.code
            self.status.setText(self.tr("Export cancelled: nothing was written."))
        elif isinstance(exc, ReflectDeskError):
            message, hint = error_texts(exc)
            self.last_error = exc.code
            self.status.setText(f"{message} {hint}")
            if isinstance(
                exc,
                CaseApprovalMissing
                | CaseApprovalExpired
                | CasePseudonymisationRequired
                | CaseCodebookEmpty,
            ):
                self.set_case(self.case_id)  # the study changed under us: say why now
        else:
            log.warning("case export failed: %s", type(exc).__name__)
            self.last_error = type(exc).__name__
            self.status.setText(self.tr("The export failed: nothing was written."))
        self._update()

    # -- school type ----------------------------------------------------------------------
    def set_school_type(self, pseudonym: str, school_type: str | None) -> None:
        if self.case_id is None:
            return
        case_id, vault = self.case_id, self.vault

        def job(_p: ProgressSink, _c: CancelToken) -> None:
            vault.case_studies.exports.set_school_type(case_id, pseudonym, school_type)

        def done(_: None) -> None:
            self.changed.emit()
            self.set_case(self.case_id)

        self.runner.submit(
            job,
            on_result=done,
            on_error=lambda exc: report_error(self, exc),
            writer=True,
            name="case-school-type",
            owner=self,
        )

    def _school_combo(self, pseudonym: str, current: str | None) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName("caseSchoolType")
        combo.addItem(self.tr("(not set)"), "")
        for code in SCHOOL_TYPES:
            combo.addItem(self._school_label(code), code)
        combo.setCurrentIndex(max(0, combo.findData(current or "")))
        combo.setAccessibleName(self.tr("School type of %1").replace("%1", pseudonym))

        def chosen(_index: int) -> None:
            value = str(combo.currentData()) or None
            self.set_school_type(pseudonym, value)

        combo.currentIndexChanged.connect(chosen)
        return combo

    def _school_label(self, code: str) -> str:
        return {
            "municipal": self.tr("Municipal"),
            "slep": self.tr("SLEP (local public education service)"),
            "subvencionado": self.tr("Private subsidised"),
            "pagado": self.tr("Private fee-paying"),
            "otro": self.tr("Other"),
        }[code]

    # -- showing --------------------------------------------------------------------------
    def _show(self) -> None:
        has_case = self.case_id is not None
        self.empty.setVisible(not has_case)
        for box in (self.export_box, self.history_box, self.attributes_box):
            box.setVisible(has_case)
        self._fill_history()
        self._fill_attributes()
        self._update()

    def outdated_text(self) -> str:
        return self.tr("Outdated")

    def outdated_note(self) -> str:
        return self.tr(
            "Outdated: an entry was withdrawn or removed after the export was made, so the "
            "file still holds it. Export again for a copy without it, and delete the old one."
        )

    def _fill_history(self) -> None:
        exports: tuple[ExportRecord, ...] = self.view.study.exports if self.view else ()
        rows = sorted(exports, key=lambda e: e.at, reverse=True)
        self.history.setRowCount(len(rows))
        warn = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for row, record in enumerate(rows):
            when = record.at.astimezone().strftime("%Y-%m-%d %H:%M")
            cells = [
                QTableWidgetItem(self._format_name(record.format)),
                QTableWidgetItem(when),
                QTableWidgetItem(record.file_name),
                QTableWidgetItem(self.outdated_text() if record.outdated else self.tr("Current")),
            ]
            if record.outdated:
                cells[3].setIcon(warn)
                cells[3].setToolTip(self.outdated_note())
                font = cells[3].font()
                font.setBold(True)
                cells[3].setFont(font)
            for col, cell in enumerate(cells):
                self.history.setItem(row, col, cell)
        self._fit_height(self.history)
        self.history.setVisible(bool(rows))
        self.history_empty.setVisible(not rows)
        self.outdated.setVisible(any(r.outdated for r in rows))

    def _fill_attributes(self) -> None:
        attrs = self.view.attributes if self.view else ()
        self.attributes.setRowCount(len(attrs))
        for row, a in enumerate(attrs):
            cells = [a.pseudonym, ", ".join(a.cohorts), None, ", ".join(a.templates)]
            cells.append(", ".join(a.standards))
            for col, text in enumerate(cells):
                if text is None:
                    self.attributes.setCellWidget(
                        row, col, self._school_combo(a.pseudonym, a.school_type)
                    )
                else:
                    self.attributes.setItem(row, col, QTableWidgetItem(text))
        self._fit_height(self.attributes, 12)
        self.attributes.setVisible(bool(attrs))

    def _format_name(self, fmt: str) -> str:
        return {
            "qdpx": self.tr("REFI-QDA project (.qdpx)"),
            "qdc": self.tr("Codebook (.qdc)"),
            "html": self.tr("Report, web page (.html)"),
            "pdf": self.tr("Report, PDF (.pdf)"),
            "md": self.tr("Report, Markdown (.md)"),
        }.get(fmt, fmt)

    def _hint(self) -> str:
        hint = {
            "qdpx": self.tr(
                "The whole project — texts, codes, coded passages, memos, one case per "
                "student — for QualCoder, NVivo, ATLAS.ti or MAXQDA. Checked against the "
                "REFI-QDA schema before it is written."
            ),
            "qdc": self.tr("The codebook only: codes, colours and descriptions."),
            "html": self.tr(
                "The report: the project and its approval, excerpts by code, the code tables."
            ),
            "pdf": self.tr("The report as a PDF, to print or hand in."),
            "md": self.tr("The report as Markdown text."),
        }.get(self.chosen_format(), "")
        self.format_hint.setText(hint)
        return hint

    def retranslate_ui(self) -> None:
        self.export_box.setTitle(self.tr("Export"))
        self.history_box.setTitle(self.tr("Exports made"))
        self.attributes_box.setTitle(self.tr("Case attributes"))
        self.format_label.setText(self.tr("&Format:"))
        self.format.setAccessibleName(self.tr("Format"))
        for row, fmt in enumerate(FORMATS):
            self.format.setItemText(row, self._format_name(fmt))
        self.export_button.setText(self.tr("&Export…"))
        self.export_button.setAccessibleName(self.tr("Export"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.warning.setText(
            self.tr(
                "The exported file is not encrypted. It holds only pseudonymised text, never "
                "the pseudonym key; its signed audit log is saved beside it."
            )
        )
        self.history.setHorizontalHeaderLabels(
            [self.tr("Format"), self.tr("Date"), self.tr("File"), self.tr("State")]
        )
        self._keep_headers_whole(self.history)
        self.history_empty.setText(self.tr("Nothing exported yet."))
        self.outdated.setText(self.outdated_note())
        self.attributes.setHorizontalHeaderLabels(
            [
                self.tr("Pseudonym"),
                self.tr("Cohort"),
                self.tr("School type"),
                self.tr("Templates"),
                self.tr("MBE standards"),
            ]
        )
        self._keep_headers_whole(self.attributes)
        self.attributes_note.setText(
            self.tr(
                "Each student is a case of the REFI-QDA project with these attributes; the "
                "report lists them too. Set the school type here."
            )
        )
        self.empty.setText(self.tr("Choose a case study to export it."))
        if self.view is not None:
            self._show()
        else:
            self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
