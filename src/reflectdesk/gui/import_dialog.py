"""File → Open bundle… (or a dropped ``.rdbundle``): check it, preview it, then import.

1. The bundle is read once, opened and checked on a worker (``vault.imports.prepare``):
   nothing is stored; the dialog keeps what was read. Any failure (tampered,
   truncated, not for you…) is shown as the core's translated message and hint, and
   the dialog closes.
2. The preview: from whom (verified or not; for an unknown sender the safety number
   and a checkbox "I compared it" that Import waits for), how many entries are new,
   updated or unchanged, attachments, consent per entry, "already imported".
3. Import runs on the writer queue with progress and cancel (``import_prepared``:
   the very bytes that were previewed, never the file again, so a file swapped in a
   synced folder meanwhile changes nothing); then what changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.domain.model import AuthorStatus, EntryImportStatus, ImportPreview, ImportResult
from reflectdesk.errors import Cancelled
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.contact_model import (
    CHANGED,
    UNVERIFIED,
    VERIFIED,
    consent_text,
    format_date,
    state_icon,
)
from reflectdesk.gui.dialogs import show_error
from reflectdesk.gui.qr_view import SafetyNumberLabel
from reflectdesk.gui.screen_fit import fit_dialog
from reflectdesk.gui.tasks import Task
from reflectdesk.gui.widgets import wrap
from reflectdesk.progress import CancelToken, Progress, ProgressSink

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from reflectdesk.services.bundle_import import PreparedImport
    from reflectdesk.services.vault import Vault


BUNDLE_SUFFIX = ".rdbundle"
PAGE_BUSY, PAGE_PREVIEW, PAGE_DONE = range(3)


class ImportDialog(QDialog):
    imported = Signal(object)  # ImportResult
    show_received = Signal(str)  # the journal to show

    def __init__(
        self, ctx: AppContext, vault: Vault, path: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.ctx = ctx
        self.vault = vault
        self.path = path
        self.preview: ImportPreview | None = None
        self.prepared: PreparedImport | None = None  # the bundle as read and previewed
        self.result_: ImportResult | None = None
        self.task: Task[Any] | None = None
        self.error_box: QMessageBox | None = None
        fit_dialog(self, QSize(700, 600))

        # -- busy page ---------------------------------------------------------------------
        self.busy_label = wrap(QLabel())
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setRange(0, 0)
        busy = QWidget()
        busy_layout = QVBoxLayout(busy)
        busy_layout.addStretch(1)
        busy_layout.addWidget(self.busy_label)
        busy_layout.addWidget(self.progress)
        busy_layout.addStretch(1)

        # -- preview page --------------------------------------------------------------------
        self.sender_icon = QLabel()
        self.sender_label = wrap(QLabel())
        self.sender_label.setObjectName("importSender")
        font = self.sender_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.sender_label.setFont(font)
        self.sender_note = wrap(QLabel())
        self.sender_note.setObjectName("importSenderNote")
        self.safety_title = wrap(QLabel())
        self.safety = SafetyNumberLabel()
        self.compared = QCheckBox()
        self.compared.setObjectName("comparedSafetyNumber")
        self.already = wrap(QLabel())
        self.already.setObjectName("alreadyImported")
        self.counts = wrap(QLabel())
        self.counts.setObjectName("importCounts")
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("importEntries")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        sender_row = QHBoxLayout()
        sender_row.addWidget(self.sender_icon, 0, Qt.AlignmentFlag.AlignTop)
        sender_row.addWidget(self.sender_label, 1)
        preview = QWidget()
        preview_layout = QVBoxLayout(preview)
        preview_layout.addLayout(sender_row)
        preview_layout.addWidget(self.sender_note)
        preview_layout.addWidget(self.safety_title)
        preview_layout.addWidget(self.safety)
        preview_layout.addWidget(self.compared)
        preview_layout.addWidget(self.already)
        preview_layout.addWidget(self.counts)
        preview_layout.addWidget(self.table, 1)

        # -- result page ---------------------------------------------------------------------
        self.done_text = wrap(QLabel())
        self.done_text.setObjectName("importResult")
        self.show_button = QPushButton()
        self.show_button.setObjectName("showReceived")
        self.show_button.clicked.connect(self._show_received)
        done = QWidget()
        done_layout = QVBoxLayout(done)
        done_layout.addWidget(self.done_text)
        done_buttons = QHBoxLayout()
        done_buttons.addWidget(self.show_button)
        done_buttons.addStretch(1)
        done_layout.addLayout(done_buttons)
        done_layout.addStretch(1)

        self.stack = QStackedWidget()
        for page in (busy, preview, done):
            self.stack.addWidget(page)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importButton")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self.reject)
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.buttons)
        self.compared.toggled.connect(lambda _c: self._update_buttons())
        self.retranslate_ui()
        self._set_page(PAGE_BUSY)

    # -- flow ----------------------------------------------------------------------------------
    def start(self) -> None:
        """Open and check the bundle on a worker; the preview follows."""
        bundles = self.vault.imports
        path = self.path

        def job(progress: ProgressSink, cancel: CancelToken) -> PreparedImport:
            return bundles.prepare(path, progress=progress, cancel=cancel)

        self.busy_label.setText(self.tr("Checking the bundle…"))
        self.task = self.ctx.runner.submit(
            job,
            on_result=self._previewed,
            on_error=self._failed,
            on_progress=self._progress,
            name="bundle-preview",
            owner=self,
        )

    def _set_page(self, page: int) -> None:
        self.stack.setCurrentIndex(page)
        self._update_buttons()

    def _update_buttons(self) -> None:
        page = self.stack.currentIndex()
        busy = self.task is not None
        preview = self.preview
        self.import_button.setVisible(page == PAGE_PREVIEW)
        can_import = (
            page == PAGE_PREVIEW
            and not busy
            and preview is not None
            and not preview.already_imported
            and (not preview.needs_confirmation or self.compared.isChecked())
        )
        self.import_button.setEnabled(can_import)
        self.cancel_button.setVisible(page != PAGE_DONE)
        self.close_button.setVisible(
            page == PAGE_DONE or bool(preview and preview.already_imported)
        )

    def _progress(self, report: Progress) -> None:
        if report.total:
            self.progress.setRange(0, report.total)
            self.progress.setValue(min(report.done, report.total))
        else:
            self.progress.setRange(0, 0)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        if isinstance(exc, Cancelled):
            if self.preview is not None:
                self._set_page(PAGE_PREVIEW)
                self.counts.setText(self.tr("Import cancelled: nothing was stored."))
            else:
                self.reject()
            return
        parent = self.parentWidget()
        self.hide()
        self.error_box = show_error(parent if parent is not None else self, exc)
        self.reject()

    def _previewed(self, prepared: PreparedImport) -> None:
        self.task = None
        self.prepared = prepared
        preview = self.preview = prepared.preview
        self._fill(preview)
        self._set_page(PAGE_PREVIEW)

    def _status_state(self, preview: ImportPreview) -> str:
        if preview.author_status in (AuthorStatus.VERIFIED, AuthorStatus.SELF):
            return VERIFIED
        if preview.author_status is AuthorStatus.KNOWN:
            return UNVERIFIED
        return CHANGED

    def _fill(self, preview: ImportPreview) -> None:
        name = preview.author_name or self.tr("Someone unknown")
        status = preview.author_status
        self.sender_icon.setPixmap(state_icon(self._status_state(preview)).pixmap(24, 24))
        sender = {
            AuthorStatus.SELF: self.tr("From you (%1)"),
            AuthorStatus.VERIFIED: self.tr("From %1, verified"),
            AuthorStatus.KNOWN: self.tr("From %1, not verified"),
            AuthorStatus.UNKNOWN: self.tr("From %1, not among your contacts"),
        }[status].replace("%1", name)
        self.sender_label.setText(sender)
        self.sender_label.setAccessibleName(sender)
        created = format_date(preview.created)
        notes = {
            AuthorStatus.SELF: self.tr("A bundle you made on %1."),
            AuthorStatus.VERIFIED: self.tr(
                "Signed by %2 on %1, with the keys you verified. Nothing was altered."
            ),
            AuthorStatus.KNOWN: self.tr(
                "Signed by %2 on %1, nothing was altered. You have not compared the safety "
                "number with %2 yet (Contacts)."
            ),
            AuthorStatus.UNKNOWN: self.tr(
                "Signed on %1 by keys you do not have. Before you import it, compare this "
                "safety number with %2 in person or by phone. Importing adds %2 to your "
                "contacts, not verified."
            ),
        }
        self.sender_note.setText(notes[status].replace("%1", created).replace("%2", name))
        unknown = preview.needs_confirmation
        if unknown and preview.same_name_contacts:
            self.sender_note.setText(
                self.sender_note.text()
                + "\n\n"
                + self.tr(
                    "Careful: you already have a contact called %1 with other keys. This may "
                    "be someone else."
                ).replace("%1", name)
            )
        for widget in (self.safety_title, self.safety, self.compared):
            widget.setVisible(unknown)
        if unknown and preview.safety_number:
            self.safety.set_digits(preview.safety_number)
            self.safety.setAccessibleName(self.tr("Safety number with %1").replace("%1", name))
        self.compared.setChecked(False)
        self.already.setVisible(preview.already_imported)
        new = preview.count(EntryImportStatus.NEW)
        updated = preview.count(EntryImportStatus.UPDATED)
        unchanged = preview.count(EntryImportStatus.UNCHANGED)
        feedback_only = not preview.entries and preview.review_records > 0
        lines = (
            []
            if feedback_only
            else [
                self.tr("%n new entries", "", new),
                self.tr("%n updated entries", "", updated),
                self.tr("%n unchanged entries", "", unchanged),
                self.tr("%n attachments", "", preview.attachments),
            ]
        )
        if preview.review_records:
            # Feedback (issue 13): what the review records bring, then all of them.
            lines += [
                self.tr("%n comments", "", preview.comments),
                self.tr("%n sign-offs", "", preview.sign_offs),
                self.tr(
                    "%n review records in all (replies, statuses and resolutions included)",
                    "",
                    preview.review_records,
                ),
            ]
        if preview.attachments_omitted:
            lines.append(
                self.tr(
                    "%n attachments not included by the sender", "", preview.attachments_omitted
                )
            )
        if preview.withdrawals:
            lines.append(
                self.tr(
                    "%n entries whose research consent is withdrawn", "", len(preview.withdrawals)
                )
            )
        if preview.skipped_records:
            lines.append(
                self.tr(
                    "%n comments or sign-offs this version cannot import yet",
                    "",
                    preview.skipped_records,
                )
            )
        if preview.entries:  # a withdrawal-only bundle carries no consent of its own
            lines.append(
                self.tr("Consent for the bundle: %1").replace("%1", consent_text(preview.consent))
            )
        self.counts.setText("\n".join(lines))
        statuses = {
            EntryImportStatus.NEW: self.tr("New"),
            EntryImportStatus.UPDATED: self.tr("Updated"),
            EntryImportStatus.UNCHANGED: self.tr("Unchanged"),
        }
        self.table.setRowCount(len(preview.entries))
        for row, entry in enumerate(preview.entries):
            title = entry.title or self.tr("(untitled)")
            cells = (title, statuses[entry.status], consent_text(entry.consent))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self._headers()
        self._update_buttons()

    def start_import(self) -> None:
        preview, prepared = self.preview, self.prepared
        if preview is None or prepared is None or self.task is not None:
            return
        if preview.needs_confirmation and not self.compared.isChecked():
            return
        bundles = self.vault.imports
        confirm = preview.needs_confirmation

        def job(progress: ProgressSink, cancel: CancelToken) -> ImportResult:
            return bundles.import_prepared(
                prepared, confirm_unknown_sender=confirm, progress=progress, cancel=cancel
            )

        self.busy_label.setText(self.tr("Importing…"))
        self.progress.setRange(0, 0)
        self._set_page(PAGE_BUSY)
        self.task = self.ctx.runner.submit(
            job,
            on_result=self._imported,
            on_error=self._failed,
            on_progress=self._progress,
            writer=True,
            name="write:import-bundle",
            owner=self,
        )
        self._update_buttons()

    def _imported(self, result: ImportResult) -> None:
        self.task = None
        self.result_ = result
        self.prepared = None  # stored: the decrypted bundle can go
        preview = self.preview
        name = preview.author_name if preview is not None else ""
        if result.already_imported:
            text = self.tr("This bundle was already imported. Nothing changed.")
        else:
            counts = [
                self.tr("%n new entries", "", len(result.entries_new))
                if result.entries_new
                else "",
                self.tr("%n updated entries", "", len(result.entries_updated))
                if result.entries_updated
                else "",
                self.tr("%n unchanged entries", "", result.entries_unchanged)
                if result.entries_unchanged
                else "",
                self.tr("%n attachments", "", result.attachments_added)
                if result.attachments_added
                else "",
                self.tr("%n comments, replies or sign-offs", "", result.review_records_added)
                if result.review_records_added
                else "",
            ]
            parts = [self.tr("Imported from %1:").replace("%1", name)]
            parts += [f"• {c}" for c in counts if c]
            if result.conflicted:
                parts.append(
                    self.tr(
                        "%n entries now have two versions side by side (edited in two places)",
                        "",
                        len(result.conflicted),
                    )
                )
            if result.contact_added:
                parts.append(
                    self.tr("%1 was added to your contacts, not verified.").replace("%1", name)
                )
            if result.file_changed:
                parts.append(
                    self.tr(
                        "The file changed on disk after you opened it. What you saw was "
                        "imported, not the file there now. If you did not change it, "
                        "someone or something with access to that folder did."
                    )
                )
            if result.journal_ids or result.entries_new or result.entries_updated:
                parts.append(
                    self.tr("You find them under Received in the sidebar. They are read-only.")
                )
            else:
                parts.append(
                    self.tr("The feedback shows in the entries it is about, beside their text.")
                )
            text = "\n".join(parts[:-1]) + "\n\n" + parts[-1]
        self.done_text.setText(text)
        self.show_button.setVisible(bool(result.journal_ids) or bool(result.entries_new))
        self._set_page(PAGE_DONE)
        self.imported.emit(result)

    def _show_received(self) -> None:
        result = self.result_
        if result is not None and result.journal_ids:
            self.show_received.emit(result.journal_ids[0])
        elif result is not None and result.contact_id:
            self.show_received.emit("")
        self.accept()

    def reject(self) -> None:
        if self.task is not None:
            self.task.cancel()
            if self.preview is not None and self.task.writer:
                return  # the import rolls back; _failed shows the preview again
        super().reject()

    def done(self, result: int) -> None:
        self.prepared = None  # the decrypted bundle is not kept once the dialog closes
        super().done(result)

    # -- text ----------------------------------------------------------------------------------
    def _headers(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Entry"), self.tr("Status"), self.tr("Consent")]
        )

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Open a bundle"))
        self.safety_title.setText(self.tr("Safety number"))
        self.compared.setText(
            self.tr("I &compared the safety number with the sender and it matches")
        )
        self.compared.setAccessibleName(self.tr("I compared the safety number"))
        self.already.setText(
            self.tr("You already imported this bundle. Importing it again changes nothing.")
        )
        self.table.setAccessibleName(self.tr("Entries in the bundle"))
        self.progress.setAccessibleName(self.tr("Progress"))
        self.import_button.setText(self.tr("&Import"))
        self.import_button.setAccessibleName(self.tr("Import"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self.show_button.setText(self.tr("&Show the received entries"))
        self.show_button.setAccessibleName(self.tr("Show the received entries"))
        self._headers()
        if self.preview is not None:
            self._fill(self.preview)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
