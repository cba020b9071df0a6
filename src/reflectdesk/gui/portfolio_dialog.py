"""Export to PDF/HTML…: an entry or a whole journal with its comments and sign-offs.

The portfolio is made in memory by the core (``vault.review.portfolio_document``), drawn
to PDF by Qt (``portfolio_pdf.html_to_pdf``) on a read worker with progress and cancel,
and only the finished file is written, atomically and owner-only: a plaintext copy the
user asked for, which the dialog says.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.atomic_files import atomic_write
from reflectdesk.errors import Cancelled, FileUnwritable, ReflectDeskError
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.i18n import error_texts
from reflectdesk.progress import CancelToken, Progress, ProgressSink

if TYPE_CHECKING:
    from reflectdesk.gui.tasks import Task
    from reflectdesk.services.vault import Vault

log = logging.getLogger(__name__)

FORMATS = ("pdf", "html", "md")
SUFFIX = {"pdf": ".pdf", "html": ".html", "md": ".md"}


def export_portfolio(
    vault: Vault,
    dest: Path,
    fmt: str,
    lang: str,
    entry_ids: list[str],
    journal_id: str | None,
    progress: ProgressSink,
    cancel: CancelToken,
) -> int:
    """The job: the document in memory, drawn to PDF if asked, then one atomic write.
    Progress: the entries first (half), then the pages (the other half)."""
    pdf = fmt == "pdf"

    def entries_progress(p: Progress) -> None:
        total = p.total * 2 if pdf else p.total
        progress(Progress(p.done, total, "portfolio"))

    text, count = vault.review.portfolio_document(
        entry_ids=entry_ids,
        journal_id=journal_id,
        fmt="md" if fmt == "md" else "html",
        lang=lang,
        progress=entries_progress,
        cancel=cancel,
    )
    cancel.raise_if_cancelled()
    if pdf:
        from reflectdesk.gui.portfolio_pdf import html_to_pdf, write_pdf

        def pages_progress(p: Progress) -> None:
            if p.total:
                progress(Progress(p.total + p.done, p.total * 2, "pdf"))

        data = html_to_pdf(text, progress=pages_progress, cancel=cancel)
        cancel.raise_if_cancelled()
        write_pdf(dest, data)
    else:
        atomic_write(dest, text.encode("utf-8"), mode=0o600, error=FileUnwritable)
    return count


class PortfolioDialog(QDialog):
    """Choose what (this entry or the whole journal) and the format; save; watch it."""

    def __init__(
        self,
        ctx: AppContext,
        vault: Vault,
        entry_id: str | None,
        journal: tuple[str, str] | None,  # (id, title)
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("portfolioDialog")
        self.ctx = ctx
        self.vault = vault
        self.entry_id = entry_id
        self.journal = journal
        self.task: Task[int] | None = None
        self.written: Path | None = None
        self.last_error: str = ""
        self.entry_choice = QRadioButton()
        self.entry_choice.setObjectName("portfolioEntry")
        self.journal_choice = QRadioButton()
        self.journal_choice.setObjectName("portfolioJournal")
        self.entry_choice.setEnabled(entry_id is not None)
        self.journal_choice.setEnabled(journal is not None)
        (self.entry_choice if entry_id is not None else self.journal_choice).setChecked(True)
        self.format = QComboBox()
        self.format.setObjectName("portfolioFormat")
        for _fmt in FORMATS:
            self.format.addItem("", _fmt)
        self.format_label = QLabel()
        self.format_label.setBuddy(self.format)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setObjectName("portfolioWarning")
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("portfolioStatus")
        self.buttons = QDialogButtonBox()
        self.export_button = QPushButton()
        self.export_button.setObjectName("portfolioExport")
        self.export_button.setDefault(True)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.export_button.clicked.connect(self.choose_and_export)
        self.cancel_button.clicked.connect(self.cancel_or_close)
        form = QFormLayout()
        form.addRow(self.format_label, self.format)
        layout = QVBoxLayout(self)
        self.what = QLabel()
        layout.addWidget(self.what)
        layout.addWidget(self.entry_choice)
        layout.addWidget(self.journal_choice)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.retranslate_ui()

    # -- what the user chose ---------------------------------------------------------------
    def chosen_format(self) -> str:
        return str(self.format.currentData())

    def ask_save_path(self, suggested: str) -> str:
        filters = {
            "pdf": self.tr("PDF documents (*.pdf)"),
            "html": self.tr("Web pages (*.html)"),
            "md": self.tr("Markdown (*.md)"),
        }
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to"), suggested, filters[self.chosen_format()]
        )
        return path

    def choose_and_export(self) -> None:
        if self.task is not None:
            return
        fmt = self.chosen_format()
        whole = self.journal_choice.isChecked() and self.journal is not None
        name = self.tr("portfolio") + SUFFIX[fmt]
        path = self.ask_save_path(str(Path.home() / name))
        if not path:
            return
        dest = Path(path)
        if dest.suffix.lower() != SUFFIX[fmt]:
            dest = dest.with_name(dest.name + SUFFIX[fmt])
        self.start(dest, whole)

    def start(self, dest: Path, whole_journal: bool) -> None:
        """Export to ``dest`` on a read worker (the vault is only read)."""
        fmt = self.chosen_format()
        entry_ids = [] if whole_journal or self.entry_id is None else [self.entry_id]
        journal_id = self.journal[0] if whole_journal and self.journal is not None else None
        vault, lang = self.vault, self.ctx.language

        def job(progress: ProgressSink, cancel: CancelToken) -> int:
            return export_portfolio(vault, dest, fmt, lang, entry_ids, journal_id, progress, cancel)

        self.written = None
        self.last_error = ""
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.status.setText(self.tr("Preparing the entries…"))
        self.task = self.ctx.runner.submit(
            job,
            on_result=lambda count: self._done(dest, count),
            on_error=self._failed,
            on_progress=self._progress,
            name="portfolio",
            owner=self,
        )
        self._update_buttons()

    # -- what happens ----------------------------------------------------------------------
    def _progress(self, report: Progress) -> None:
        if report.total:
            self.progress.setRange(0, report.total)
            self.progress.setValue(report.done)
        if report.label_code == "pdf":
            self.status.setText(self.tr("Drawing the pages…"))

    def _done(self, dest: Path, count: int) -> None:
        self.task = None
        self.written = dest
        self.progress.setVisible(False)
        self.status.setText(
            self.tr("%n entries with their feedback saved to %1.", "", count).replace(
                "%1", str(dest)
            )
        )
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.progress.setVisible(False)
        if isinstance(exc, Cancelled):
            self.status.setText(self.tr("Export cancelled: nothing was written."))
        elif isinstance(exc, ReflectDeskError):
            message, hint = error_texts(exc)
            self.last_error = exc.code
            self.status.setText(f"{message} {hint}")
        else:
            log.warning("portfolio export failed: %s", type(exc).__name__)
            self.last_error = type(exc).__name__
            self.status.setText(self.tr("The export failed: nothing was written."))
        self._update_buttons()

    def cancel_or_close(self) -> None:
        if self.task is not None:
            self.task.cancel()
            return
        self.reject()

    def _update_buttons(self) -> None:
        busy = self.task is not None
        self.export_button.setEnabled(not busy)
        for widget in (self.entry_choice, self.journal_choice, self.format):
            widget.setDisabled(busy)
        self.entry_choice.setEnabled(not busy and self.entry_id is not None)
        self.journal_choice.setEnabled(not busy and self.journal is not None)
        self.cancel_button.setText(self.tr("Cancel") if busy else self.tr("Close"))
        for button in (
            self.entry_choice,
            self.journal_choice,
            self.export_button,
            self.cancel_button,
        ):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Export to PDF or HTML"))
        self.what.setText(self.tr("Export with its comments and sign-offs:"))
        self.entry_choice.setText(self.tr("&This entry"))
        title = self.journal[1] if self.journal is not None else ""
        self.journal_choice.setText(
            self.tr("The whole &journal \u201c%1\u201d").replace("%1", title)
            if title
            else self.tr("The whole &journal")
        )
        self.format_label.setText(self.tr("&Format:"))
        self.format.setAccessibleName(self.tr("Format"))
        names = {
            "pdf": self.tr("PDF (to print or hand in)"),
            "html": self.tr("Web page (HTML)"),
            "md": self.tr("Markdown"),
        }
        for row, fmt in enumerate(FORMATS):
            self.format.setItemText(row, names[fmt])
        self.warning.setText(
            self.tr(
                "The exported file is not encrypted: anyone who gets it can read the entries, "
                "the comments and the sign-offs."
            )
        )
        self.export_button.setText(self.tr("&Export…"))
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
