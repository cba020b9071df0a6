"""File → Share entries…: choose entries, recipients and consent; write one bundle.

The bundle is written on the task runner's writer queue (it also logs the export in
the vault), with progress and cancel. The last page says exactly what was sent, to
whom, and where the file is.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QWidget,
    QWizard,
)

from reflectdesk.domain.model import ExportRequest, ExportResult, Space
from reflectdesk.errors import Cancelled, ReflectDeskError
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.contact_model import (
    CheckItem,
    consent_text,
    role_text,
    state_text,
    trust_state,
)
from reflectdesk.gui.dialogs import show_error
from reflectdesk.gui.export_pages import (
    ConsentPage,
    DonePage,
    EntriesPage,
    RecipientsPage,
    SavePage,
)
from reflectdesk.gui.i18n import error_texts
from reflectdesk.gui.tasks import Task
from reflectdesk.progress import CancelToken, Progress, ProgressSink

if TYPE_CHECKING:
    from reflectdesk.services.vault import Vault

log = logging.getLogger(__name__)

PAGE_ENTRIES, PAGE_RECIPIENTS, PAGE_CONSENT, PAGE_SAVE, PAGE_DONE = range(5)


class ExportWizard(QWizard):
    def __init__(
        self,
        ctx: AppContext,
        vault: Vault,
        preselected: Sequence[str] = (),
        journal_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportWizard")
        self.ctx = ctx
        self.vault = vault
        self.task: Task[Any] | None = None
        self.result_: ExportResult | None = None
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.resize(760, 620)

        own = {j.id: j for j in vault.journals.list(Space.OWN)}
        self.journals = list(own.values())
        summaries = [s for s in vault.entries.list() if s.journal_id in own]
        self.titles = {s.id: s.title for s in summaries}
        self.contacts = vault.contacts.list()
        self.my_name = vault.profile.name

        self.entries_page = EntriesPage(self)
        self.recipients_page = RecipientsPage(self)
        self.consent_page = ConsentPage(self)
        self.save_page = SavePage(self)
        self.done_page = DonePage(self)
        for page_id, page in enumerate(
            (
                self.entries_page,
                self.recipients_page,
                self.consent_page,
                self.save_page,
                self.done_page,
            )
        ):
            self.setPage(page_id, page)

        wanted = set(preselected)
        self.entries_page.model.set_items(
            [
                CheckItem(
                    id=s.id,
                    text=self._entry_label(s.title, s.event_date),
                    tooltip=", ".join(s.tags),
                    checked=s.id in wanted,
                    search=" ".join(s.tags),
                )
                for s in summaries
            ]
        )
        for journal in self.journals:
            self.entries_page.journal.addItem(journal.title, journal.id)
        if journal_id is not None and journal_id in own and not wanted:
            self.entries_page.journal.setCurrentIndex(
                self.entries_page.journal.findData(journal_id)
            )
        self.recipients_page.model.set_items(
            [
                CheckItem(
                    id=c.id,
                    text=self._contact_label(c),
                    tooltip=self._contact_tip(c),
                    enabled=not c.revoked,
                    checked=False,
                    icon=trust_state(c),
                )
                for c in self.contacts
            ]
        )
        self.retranslate_ui()

    # -- labels ------------------------------------------------------------------------------
    def _entry_label(self, title: str, event_date: Any) -> str:
        title = title or self.tr("(untitled)")
        return f"{event_date.isoformat()}  {title}" if event_date else title

    def _contact_label(self, contact: Any) -> str:
        return (
            f"{contact.name} — {role_text(contact.card.role)} · {state_text(trust_state(contact))}"
        )

    def _contact_tip(self, contact: Any) -> str:
        if contact.revoked:
            return self.tr("Revoked: nothing can be sent to %1.").replace("%1", contact.name)
        if not contact.verified or contact.key_changed:
            return self.tr("Not verified: compare the safety number with %1 first.").replace(
                "%1", contact.name
            )
        return self.tr("Verified")

    # -- what was chosen ---------------------------------------------------------------------
    def journal_id(self) -> str | None:
        if not self.entries_page.whole_journal():
            return None
        value = self.entries_page.journal.currentData()
        return str(value) if value else None

    def entry_ids(self) -> list[str]:
        journal_id = self.journal_id()
        if journal_id is not None:
            return [s.id for s in self.vault.entries.list() if s.journal_id == journal_id]
        if self.entries_page.whole_journal():
            return []
        return self.entries_page.model.checked_ids()

    def recipient_ids(self) -> tuple[str, ...]:
        return tuple(self.recipients_page.model.checked_ids())

    def request(self) -> ExportRequest:
        journal_id = self.journal_id()
        ids = self.entry_ids()
        return ExportRequest(
            recipients=self.recipient_ids(),
            entry_ids=() if journal_id is not None else tuple(ids),
            journal_id=journal_id,
            consent=self.consent_page.bundle_consent(),
            entry_consent={k: v for k, v in self.consent_page.overrides().items() if k in set(ids)},
            attachments=self.entries_page.attachments.isChecked(),
            history=self.entries_page.history.isChecked(),
        )

    def recipient_names(self, ids: Sequence[str]) -> list[str]:
        by_id = {c.id: c for c in self.contacts}
        return [
            f"{by_id[i].name} ({state_text(trust_state(by_id[i])).lower()})"
            for i in ids
            if i in by_id
        ]

    def summary_text(self) -> str:
        ids = self.entry_ids()
        names = self.recipient_names(self.recipient_ids())
        lines = [
            self.tr("%n entries", "", len(ids)),
            self.tr("To: %1 and you").replace("%1", ", ".join(names)),
            self.tr("Consent: %1").replace("%1", consent_text(self.consent_page.bundle_consent())),
        ]
        if self.consent_page.overrides():
            lines.append(
                self.tr("%n entries with their own consent", "", len(self.consent_page.overrides()))
            )
        lines.append(
            self.tr("With attachments")
            if self.entries_page.attachments.isChecked()
            else self.tr("Without attachments")
        )
        lines.append(
            self.tr("With the whole revision history")
            if self.entries_page.history.isChecked()
            else self.tr("Only the current version of each entry")
        )
        return "\n".join(lines)

    def result_text(self) -> str:
        result = self.result_
        if result is None:
            return ""
        titles = [self.titles.get(e) or self.tr("(untitled)") for e in result.entry_ids]
        shown = "\n".join(f"• {t}" for t in titles[:12])
        if len(titles) > 12:
            shown += "\n" + self.tr("… and %n more", "", len(titles) - 12)
        if result.attachments:
            shown += "\n" + self.tr("With %n attachments.", "", result.attachments)
        return "\n\n".join(
            [
                self.tr("Sent %n entries:", "", len(result.entry_ids)),
                shown,
                self.tr("To: %1 and you.").replace(
                    "%1", ", ".join(self.recipient_names(result.recipients))
                ),
                self.tr("Consent: %1.").replace(
                    "%1", consent_text(self.consent_page.bundle_consent())
                ),
                self.tr("The file (%1 KB) is here:").replace(
                    "%1", str(max(1, round(result.size / 1024)))
                ),
            ]
        )

    # -- saving --------------------------------------------------------------------------------
    def ask_folder(self) -> str:
        return QFileDialog.getExistingDirectory(
            self, self.tr("Where to save the bundle"), str(Path.home())
        )

    def choose_folder(self) -> None:
        folder = self.ask_folder()
        if folder:
            self.save_page.folder.setText(folder)

    def start_export(self) -> None:
        folder = self.save_page.folder.text()
        if not folder or self.task is not None:
            return
        request = self.request()
        bundles = self.vault.exports
        dest = Path(folder)

        def job(progress: ProgressSink, cancel: CancelToken) -> ExportResult:
            return bundles.export(request, dest, progress=progress, cancel=cancel)

        page = self.save_page
        page.progress.setRange(0, 0)
        page.progress.show()
        page.cancel.show()
        page.cancel.setEnabled(True)
        page.status.setText(self.tr("Encrypting and signing…"))
        self.button(QWizard.WizardButton.BackButton).setEnabled(False)
        self.task = self.ctx.runner.submit(
            job,
            on_result=self._exported,
            on_error=self._failed,
            on_progress=self._progress,
            writer=True,
            name="write:export-bundle",
            owner=self,
        )
        page._update()

    def _progress(self, report: Progress) -> None:
        bar = self.save_page.progress
        if report.total:
            bar.setRange(0, report.total)
            bar.setValue(min(report.done, report.total))
        else:
            bar.setRange(0, 0)

    def cancel_export(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.save_page.cancel.setEnabled(False)
            self.save_page.status.setText(self.tr("Cancelling…"))

    def _finish_task(self) -> None:
        self.task = None
        page = self.save_page
        page.progress.hide()
        page.cancel.hide()
        self.button(QWizard.WizardButton.BackButton).setEnabled(True)
        page._update()

    def _exported(self, result: ExportResult) -> None:
        self._finish_task()
        self.result_ = result
        self.save_page.status.setText(self.tr("Done."))
        self.save_page.completeChanged.emit()
        log.info("bundle written")
        self.next()

    def _failed(self, exc: BaseException) -> None:
        self._finish_task()
        if isinstance(exc, Cancelled):
            self.save_page.status.setText(self.tr("Cancelled: no bundle was written."))
            return
        if isinstance(exc, ReflectDeskError):
            message, hint = error_texts(exc)
            self.save_page.status.setText(f"{message} {hint}")
        self.error_box = show_error(self, exc)

    def reject(self) -> None:
        if self.task is not None:
            self.cancel_export()
            return
        super().reject()

    # -- text ----------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Share entries"))
        for page in (
            self.entries_page,
            self.recipients_page,
            self.consent_page,
            self.save_page,
            self.done_page,
        ):
            page.retranslate_ui()
        names = {
            QWizard.WizardButton.BackButton: self.tr("Back"),
            QWizard.WizardButton.NextButton: self.tr("Next"),
            QWizard.WizardButton.FinishButton: self.tr("Finish"),
            QWizard.WizardButton.CancelButton: self.tr("Cancel"),
            QWizard.WizardButton.CommitButton: self.tr("Next"),
            QWizard.WizardButton.HelpButton: self.tr("Help"),
        }
        for which, name in names.items():
            button = self.button(which)
            if button is not None:
                button.setAccessibleName(name)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
