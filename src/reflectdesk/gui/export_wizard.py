"""File → Share entries…: choose entries, recipients and consent; write one bundle.

Two kinds (``kind=``):

- ``"journal"`` (File → Share entries…): entries, recipients, consent, destination.
- ``"feedback"`` ("Send feedback"): your review records (comments, replies, sign-offs)
  on the entries shared with the recipients (``vault.exports.export_feedback``, see
  docs/review.md "The feedback bundle"): recipients (preselected), destination. Open it
  with ``ExportWizard(ctx, vault, kind="feedback", recipients=[contact_id], parent=w)``.

The destination is a folder, or — when an exchange point reaches one of the recipients —
"Send through exchange point …": the bundle is queued in the sync outbox
(``vault.sync.queue_export`` / ``queue_feedback``) and leaves with the next sync.

The bundle is written on the task runner's writer queue (it also logs the export in
the vault), with progress and cancel. The last page says exactly what was written, to
whom, and where the file was saved (nothing is sent by saving it) or through which
exchange point it is queued.

The last folder and, for the journal kind, the last recipients are remembered per vault
(``gui/export_memory.py``: the folder and hashes of key ids in the settings file, never
names) and chosen again the next time. The window fits the screen (a 1024×600 netbook
too): every page scrolls.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import (
    QFileDialog,
    QWidget,
    QWizard,
)

from reflectdesk.domain.model import ExportRequest, ExportResult, Space
from reflectdesk.domain.sync import ExchangePoint
from reflectdesk.errors import Cancelled, ReflectDeskError
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.contact_model import (
    CheckItem,
    consent_text,
    role_text,
    state_text,
    trust_state,
)
from reflectdesk.gui.dates import show_date
from reflectdesk.gui.dialogs import show_error
from reflectdesk.gui.export_memory import recall, recipient_token, remember
from reflectdesk.gui.export_pages import (
    ConsentPage,
    DonePage,
    EntriesPage,
    RecipientsPage,
    SavePage,
    usable_folder,
)
from reflectdesk.gui.i18n import error_texts
from reflectdesk.gui.screen_fit import fit_to_screen
from reflectdesk.gui.sync_status import SyncStatusItem
from reflectdesk.gui.tasks import Task
from reflectdesk.progress import CancelToken, Progress, ProgressSink

if TYPE_CHECKING:
    from reflectdesk.services.sync_outbox import QueuedExport
    from reflectdesk.services.vault import Vault

log = logging.getLogger(__name__)

PAGE_ENTRIES, PAGE_RECIPIENTS, PAGE_CONSENT, PAGE_SAVE, PAGE_DONE = range(5)

ExportKind = Literal["journal", "feedback"]
# What the export job gives back: feedback may need one bundle per group of recipients.
Outcome: TypeAlias = "ExportResult | QueuedExport | list[ExportResult] | list[QueuedExport]"


class ExportWizard(QWizard):
    """``ExportWizard(ctx, vault, preselected_entry_ids, journal_id, parent)`` shares
    entries; ``ExportWizard(ctx, vault, kind="feedback", recipients=[contact_id, …],
    parent=…)`` sends your feedback (the recipients preselected; ``recipients`` also
    preselects in the journal kind)."""

    def __init__(
        self,
        ctx: AppContext,
        vault: Vault,
        preselected: Sequence[str] = (),
        journal_id: str | None = None,
        parent: QWidget | None = None,
        *,
        kind: ExportKind = "journal",
        recipients: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("feedbackWizard" if kind == "feedback" else "exportWizard")
        self.ctx = ctx
        self.vault = vault
        self.kind: ExportKind = kind
        self.task: Task[Any] | None = None
        self.result_: ExportResult | None = None
        self.queued_: QueuedExport | None = None
        self.bundles = 0  # how many bundles the last export wrote or queued
        self.points: list[ExchangePoint] = []  # reach the chosen recipients (save page)
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)

        own = {j.id: j for j in vault.journals.list(Space.OWN)}
        self.journals = list(own.values())
        summaries = [s for s in vault.entries.list() if s.journal_id in own]
        self.titles = {s.id: s.title for s in summaries}
        if kind == "feedback":  # feedback is about received entries too
            self.titles = {s.id: s.title for s in vault.entries.list()}
        self.contacts = vault.contacts.list()
        self.my_name = vault.profile.name
        self.vault_id = vault.vault_id
        self.remembered = recall(ctx.prefs.export_memory, self.vault_id)
        if not recipients and kind == "journal":  # the people chosen last time
            tokens = set(self.remembered.recipients)
            recipients = [
                c.id for c in self.contacts if recipient_token(self.vault_id, c.key_id) in tokens
            ]

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
                    checked=c.id in set(recipients) and not c.revoked,
                    icon=trust_state(c),
                )
                for c in self.contacts
            ]
        )
        if kind == "feedback":
            self.setStartId(PAGE_RECIPIENTS)
        self.save_page.set_folder(self.remembered.folder)
        self.retranslate_ui()
        fit_to_screen(self, QSize(760, 620))

    def nextId(self) -> int:
        """The feedback kind has no entries or consent to choose: recipients, then where."""
        if self.kind == "feedback" and self.currentId() == PAGE_RECIPIENTS:
            return PAGE_SAVE
        return super().nextId()

    # -- labels ------------------------------------------------------------------------------
    def _entry_label(self, title: str, event_date: Any) -> str:
        title = title or self.tr("(untitled)")
        return f"{show_date(event_date)}  {title}" if event_date else title

    def _contact_label(self, contact: Any) -> str:
        return f"{contact.name} — {role_text(contact.card.role)}"  # the state: a badge

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

    def point_labels(self) -> str:
        return ", ".join(p.label for p in self.points)

    def summary_text(self) -> str:
        names = self.recipient_names(self.recipient_ids())
        if self.kind == "feedback":
            return "\n".join(
                [
                    self.tr(
                        "Your feedback: your comments, replies and sign-offs on the entries "
                        "you share with them."
                    ),
                    self.tr("To: %1 and you").replace("%1", ", ".join(names)),
                ]
            )
        ids = self.entry_ids()
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
        to = self.tr("To: %1 and you.").replace(
            "%1", ", ".join(self.recipient_names(result.recipients))
        )
        if self.kind == "feedback":
            parts = [self.tr("Your feedback on %n entries:", "", len(result.entry_ids)), shown, to]
        else:
            parts = [
                self.tr("%n entries:", "", len(result.entry_ids)),
                shown,
                to,
                self.tr("Consent: %1.").replace(
                    "%1", consent_text(self.consent_page.bundle_consent())
                ),
            ]
        if self.queued_ is not None:
            parts.insert(0, self.tr("Queued to send via %1.").replace("%1", self.point_labels()))
            parts.append(
                self.tr(
                    "It leaves with the next sync: at once if the exchange point can be "
                    "reached, otherwise as soon as it can. The status bar shows what is "
                    "still waiting."
                )
            )
        elif self.bundles > 1:
            parts.append(
                self.tr(
                    "%n bundles, one for each group of recipients who can accept the "
                    "same feedback, in the same folder.",
                    "",
                    self.bundles,
                )
            )
        return "\n\n".join(parts)

    # -- saving --------------------------------------------------------------------------------
    def ask_folder(self) -> str:
        start = self.save_page.folder.path()
        return QFileDialog.getExistingDirectory(
            self,
            self.tr("Where to save the bundle"),
            start if usable_folder(start) else str(Path.home()),
        )

    def choose_folder(self) -> None:
        folder = self.ask_folder()
        if folder:
            self.save_page.set_folder(folder)

    def _remember(self, folder: str | None) -> None:
        """Keep this run's folder (when one was used) and, for the journal kind, its
        recipients for the next wizard on this vault."""
        tokens = None
        if self.kind == "journal":
            by_id = {c.id: c for c in self.contacts}
            tokens = [
                recipient_token(self.vault_id, by_id[i].key_id)
                for i in self.recipient_ids()
                if i in by_id
            ]
        stored = remember(
            self.ctx.prefs.export_memory, self.vault_id, folder=folder, recipients=tokens
        )
        self.ctx.update_prefs(export_memory=stored)

    def sending(self) -> bool:
        """The destination chosen is "send through the exchange point(s)"."""
        return bool(self.points) and self.save_page.send_radio.isChecked()

    def start_export(self) -> None:
        sending = self.sending()
        folder = self.save_page.folder.path()
        if (not usable_folder(folder) and not sending) or self.task is not None:
            self.save_page._update()
            return
        exports, sync = self.vault.exports, self.vault.sync
        recipients = self.recipient_ids()
        dest = Path(folder)
        feedback = self.kind == "feedback"
        request = None if feedback else self.request()

        def job(progress: ProgressSink, cancel: CancelToken) -> Outcome:
            if request is None:  # the feedback kind
                if sending:
                    return sync.queue_feedback(recipients, progress=progress, cancel=cancel)
                return exports.export_feedback(recipients, dest, progress=progress, cancel=cancel)
            if sending:
                return sync.queue_export(request, progress=progress, cancel=cancel)
            return exports.export(request, dest, progress=progress, cancel=cancel)

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

    def _exported(self, outcome: Outcome) -> None:
        self._finish_task()
        items = outcome if isinstance(outcome, list) else [outcome]
        results = [i if isinstance(i, ExportResult) else i.result for i in items]
        queued = [i for i in items if not isinstance(i, ExportResult)]
        self.bundles = len(results)
        first = results[0]
        # Feedback may take one bundle per group of recipients: shown as one outcome.
        self.result_ = replace(
            first,
            entry_ids=tuple(dict.fromkeys(e for r in results for e in r.entry_ids)),
            recipients=tuple(dict.fromkeys(c for r in results for c in r.recipients)),
            size=sum(r.size for r in results),
            attachments=sum(r.attachments for r in results),
        )
        if queued:
            self.queued_ = queued[0]
            log.info("%d bundle(s) queued", len(queued))
            self._sync_soon()
        else:
            log.info("%d bundle(s) written", len(results))
        self._remember(None if queued else str(first.path.parent))
        self.save_page.status.setText(self.tr("Done."))
        self.save_page.completeChanged.emit()
        self.next()

    def _sync_soon(self) -> None:
        """Ask the window's sync item (if any) for a run now, so a queued bundle leaves
        at once when online; otherwise the item's periodic run sends it."""
        parent = self.parentWidget()
        item = parent.findChild(SyncStatusItem) if parent is not None else None
        if item is not None:
            item.sync_now(due_only=True)

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
    def _relabel_recipients(self) -> None:
        """The people's roles and tooltips in the current language (the choice kept)."""
        by_id = {c.id: c for c in self.contacts}
        model = self.recipients_page.model
        items = [
            replace(
                i, text=self._contact_label(by_id[i.id]), tooltip=self._contact_tip(by_id[i.id])
            )
            for i in model.items()
            if i.id in by_id
        ]
        if items != model.items():
            model.set_items(items)

    def retranslate_ui(self) -> None:
        self._relabel_recipients()
        self.setWindowTitle(
            self.tr("Send feedback") if self.kind == "feedback" else self.tr("Share entries")
        )
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
