"""Withdraw research consent for entries already sent: a signed bundle for the recipients.

The recipients start as "the same people as before": every contact an earlier bundle
of these entries went to (their consent history), minus revoked ones, which cannot be
chosen. The bundle is written by ``bundles.withdraw_consent`` on the task runner's
writer queue (it also logs the withdrawal). The recipient list and the result reuse
the export wizard's pages, so both say who gets a bundle and where it is the same way.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.domain.model import Contact, EntrySummary, ExportResult, Space
from reflectdesk.errors import Cancelled, ReflectDeskError, StorageUnwritable
from reflectdesk.gui.contact_model import CheckItem, role_text, trust_state
from reflectdesk.gui.dates import show_date
from reflectdesk.gui.dialogs import show_error
from reflectdesk.gui.export_pages import DonePage, RecipientsPage
from reflectdesk.gui.i18n import error_texts
from reflectdesk.gui.screen_fit import fit_dialog
from reflectdesk.gui.tasks import Task
from reflectdesk.gui.widgets import scrolling, wrap
from reflectdesk.progress import CancelToken, ProgressSink

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from reflectdesk.gui.app_context import AppContext
    from reflectdesk.services.vault import Vault

log = logging.getLogger(__name__)

SENT = "out"  # ConsentRecord.direction of a statement you sent
PAGE_FORM, PAGE_DONE = range(2)
MAX_TITLES = 12  # in the result text; the rest are counted
SECTION_GAP = 8  # px between the form's parts


def previous_recipients(vault: Vault, entry_ids: Iterable[str]) -> list[str]:
    """Every contact that any bundle of these entries went to (consents and
    withdrawals you sent), first sent first."""
    found: dict[str, None] = {}
    for entry_id in entry_ids:
        for record in vault.bundle_log.consents(entry_id):
            if record.direction == SENT:
                found.update(dict.fromkeys(record.contact_ids))
    return list(found)


def _no_margins(page: QWidget) -> None:
    layout = page.layout()
    if layout is not None:
        layout.setContentsMargins(0, 0, 0, 0)


class WithdrawDialog(QDialog):
    withdrawn = Signal(object)  # ExportResult

    def __init__(
        self,
        ctx: AppContext,
        vault: Vault,
        entry_ids: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("withdrawDialog")
        self.ctx = ctx
        self.vault = vault
        self.task: Task[Any] | None = None
        self.result_: ExportResult | None = None
        self.error_box: QMessageBox | None = None
        fit_dialog(self, QSize(660, 560))

        # Only own entries: received ones cannot be withdrawn (``EntryNotExportable``).
        own = {j.id for j in vault.journals.list(Space.OWN)}
        wanted = set(entry_ids)
        summaries = [s for s in vault.entries.list() if s.id in wanted and s.journal_id in own]
        self.titles = {s.id: s.title for s in summaries}
        # Read by the reused export pages (RecipientsPage: contacts, my_name).
        self.contacts = vault.contacts.list()
        self.my_name = vault.profile.name
        self.before = previous_recipients(vault, self.titles)

        self.stack = QStackedWidget()
        # The form scrolls on a small screen (1024x600) rather than clip (issue 16.1).
        self.stack.addWidget(scrolling(self._build_form(summaries), "withdrawFormScroll"))
        self.stack.addWidget(self._build_result())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addLayout(self._build_buttons())
        self.recipients.model.checked_changed.connect(self._update)
        self.folder.textChanged.connect(lambda _t: self._update())
        self.recipients.model.set_items([self._recipient(c) for c in self.contacts])
        self.retranslate_ui()
        self._update()

    # -- building ----------------------------------------------------------------------------
    def _build_form(self, summaries: Sequence[EntrySummary]) -> QWidget:
        """The entries, who gets the withdrawal (the export wizard's list), the folder."""
        self.heading = wrap(QLabel())
        self.heading.setObjectName("withdrawHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.intro = wrap(QLabel())
        self.intro.setObjectName("withdrawIntro")
        self.entries_label = QLabel()
        self.entries = QListWidget()
        self.entries.setObjectName("withdrawEntries")
        self.entries.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.entries.addItems([self._entry_label(s.title, s.event_date) for s in summaries])
        # Up to four rows high: the recipients matter more; more entries scroll.
        row = max(self.entries.sizeHintForRow(0), self.entries.fontMetrics().height())
        self.entries.setMaximumHeight(row * min(max(len(summaries), 1), 4) + 8)
        self.recipients_label = QLabel()
        self.recipients = RecipientsPage(self)  # type: ignore[arg-type]  # duck-typed wizard
        self.recipients.setObjectName("withdrawRecipientsPage")
        self.recipients.list.setObjectName("withdrawRecipients")
        _no_margins(self.recipients)
        self.recipients_note = wrap(QLabel())
        self.recipients_note.setObjectName("withdrawRecipientsNote")
        self.folder_label = QLabel()
        self.folder = QLineEdit()
        self.folder.setObjectName("withdrawFolder")
        self.folder.setReadOnly(True)
        self.choose = QPushButton()
        self.choose.setObjectName("withdrawChooseFolder")
        self.choose.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose)
        form = QWidget()
        form_layout = QVBoxLayout(form)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addWidget(self.heading)
        form_layout.addWidget(self.intro)
        form_layout.addSpacing(SECTION_GAP)
        form_layout.addWidget(self.entries_label)
        form_layout.addWidget(self.entries)
        form_layout.addSpacing(SECTION_GAP)
        form_layout.addWidget(self.recipients_label)
        form_layout.addWidget(self.recipients_note)  # why these are ticked, before the list
        form_layout.addWidget(self.recipients, 1)
        form_layout.addSpacing(SECTION_GAP)
        form_layout.addWidget(self.folder_label)
        form_layout.addLayout(folder_row)
        return form

    def _build_result(self) -> QWidget:
        """The export wizard's last page: what was sent, to whom, and where the file is."""
        self.done_heading = wrap(QLabel())
        self.done_heading.setObjectName("withdrawDoneHeading")
        self.done_heading.setFont(self.heading.font())
        self.done_note = wrap(QLabel())
        self.done_page = DonePage(self)  # type: ignore[arg-type]  # reads result_, result_text
        self.done_page.setObjectName("withdrawDonePage")
        _no_margins(self.done_page)
        done = QWidget()
        done_layout = QVBoxLayout(done)
        done_layout.setContentsMargins(0, 0, 0, 0)
        done_layout.addWidget(self.done_heading)
        done_layout.addWidget(self.done_note)
        done_layout.addSpacing(SECTION_GAP)
        done_layout.addWidget(self.done_page, 1)
        return done

    def _build_buttons(self) -> QHBoxLayout:
        # The status sits beside the buttons, so a message never makes the window taller
        # (Qt grows a window to fit and never shrinks it back). No progress bar: a
        # withdrawal is a few KB, written in milliseconds.
        self.status = wrap(QLabel())
        self.status.setObjectName("withdrawStatus")
        self.buttons = QDialogButtonBox()
        self.write_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.write_button.setObjectName("writeWithdrawal")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.write_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.reject)
        self.close_button.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.buttons)
        return bottom

    # -- labels ----------------------------------------------------------------------------
    def _entry_label(self, title: str, event_date: Any) -> str:
        title = title or self.tr("(untitled)")
        return f"{show_date(event_date)}  {title}" if event_date else title

    def _recipient(self, contact: Contact) -> CheckItem:
        state = trust_state(contact)
        return CheckItem(
            id=contact.id,
            text=f"{contact.name} — {role_text(contact.card.role)}",  # the state: a badge
            tooltip=self._recipient_tip(contact),
            enabled=not contact.revoked,
            checked=contact.id in self.before and not contact.revoked,
            icon=state,
        )

    def _recipient_tip(self, contact: Contact) -> str:
        if contact.revoked:
            return self.tr("Revoked: nothing can be sent to %1.").replace("%1", contact.name)
        if contact.id in self.before:
            return self.tr("%1 received these entries from you.").replace("%1", contact.name)
        return ""

    def _recipients_note(self) -> str:
        revoked = [c.name for c in self.contacts if c.id in self.before and c.revoked]
        if not self.before:
            text = self.tr(
                "You have not sent these entries to anyone from this app. Tick who should get "
                "the withdrawal."
            )
        else:
            text = self.tr(
                "Ticked: the people who received these entries from you. You can add or "
                "remove people."
            )
        if revoked:
            text += " " + self.tr("Not ticked, because their keys were revoked: %1.").replace(
                "%1", ", ".join(revoked)
            )
        return text

    def recipient_names(self, ids: Sequence[str]) -> list[str]:
        by_id = {c.id: c for c in self.contacts}
        return [by_id[i].name for i in ids if i in by_id]

    def result_text(self) -> str:
        """What was sent, to whom: shown by the reused result page."""
        result = self.result_
        if result is None:
            return ""
        titles = [self.titles.get(e) or self.tr("(untitled)") for e in result.entry_ids]
        shown = "\n".join(f"• {t}" for t in titles[:MAX_TITLES])
        if len(titles) > MAX_TITLES:
            shown += "\n" + self.tr("… and %n more", "", len(titles) - MAX_TITLES)
        return "\n\n".join(
            [
                self.tr("Research consent withdrawn for %n entries:", "", len(titles)),
                shown,
                self.tr("To: %1 and you.").replace(
                    "%1", ", ".join(self.recipient_names(result.recipients))
                ),
            ]
        )

    # -- flow ------------------------------------------------------------------------------
    def entry_ids(self) -> list[str]:
        return list(self.titles)

    def recipient_ids(self) -> list[str]:
        return self.recipients.model.checked_ids()

    def _update(self) -> None:
        busy = self.task is not None
        done = self.result_ is not None
        self.stack.setCurrentIndex(PAGE_DONE if done else PAGE_FORM)
        self.write_button.setVisible(not done)
        self.write_button.setEnabled(
            not busy and bool(self.entry_ids() and self.recipient_ids() and self.folder.text())
        )
        self.cancel_button.setVisible(not done)
        self.close_button.setVisible(done)
        self.choose.setEnabled(not busy)
        self.recipients.list.setEnabled(not busy)

    def ask_folder(self) -> str:
        return QFileDialog.getExistingDirectory(
            self, self.tr("Where to save the withdrawal"), str(Path.home())
        )

    def choose_folder(self) -> None:
        folder = self.ask_folder()
        if folder:
            self.folder.setText(folder)

    def start(self) -> None:
        if self.task is not None or not self.write_button.isEnabled():
            return
        dest = Path(self.folder.text())
        if not dest.is_dir():  # removed since it was chosen: never write a file in its place
            self._failed(StorageUnwritable(dest.name))
            return
        entry_ids, recipients = self.entry_ids(), self.recipient_ids()
        bundles = self.vault.exports

        def job(progress: ProgressSink, cancel: CancelToken) -> ExportResult:
            return bundles.withdraw_consent(
                entry_ids, recipients, dest, progress=progress, cancel=cancel
            )

        self.status.setText(self.tr("Signing and encrypting…"))
        self.task = self.ctx.runner.submit(
            job,
            on_result=self._written,
            on_error=self._failed,
            writer=True,
            name="write:withdraw-consent",
            owner=self,
        )
        self._update()

    def _written(self, result: ExportResult) -> None:
        self.task = None
        self.result_ = result
        self.status.setText("")
        log.info("consent withdrawal written")
        self.done_page.initializePage()
        self._update()
        self.close_button.setFocus()
        self.withdrawn.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self._update()
        if isinstance(exc, Cancelled):
            self.status.setText(self.tr("Cancelled: nothing was written."))
            return
        if isinstance(exc, ReflectDeskError):
            message, hint = error_texts(exc)
            self.status.setText(f"{message} {hint}")
        self.error_box = show_error(self, exc)

    def reject(self) -> None:
        if self.task is not None:  # the write is atomic: a cancel leaves nothing behind
            self.task.cancel()
            self.status.setText(self.tr("Cancelling…"))
            return
        super().reject()

    # -- text ------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Withdraw research consent"))
        self.heading.setText(
            self.tr("Withdraw research consent for %n entries", "", len(self.titles))
        )
        self.intro.setText(
            self.tr(
                "This writes a bundle signed by you for the people who received these entries. "
                "Once they import it, they may no longer use the entries for research or case "
                "studies (they can still read them)."
            )
        )
        self.entries_label.setText(self.tr("&Entries:"))
        self.entries_label.setBuddy(self.entries)
        self.entries.setAccessibleName(self.tr("Entries whose research consent you withdraw"))
        self.recipients_label.setText(self.tr("Send it &to:"))
        self.recipients_label.setBuddy(self.recipients.list)
        self.recipients.retranslate_ui()
        self.recipients.list.setAccessibleName(self.tr("Recipients of the withdrawal"))
        self.recipients_note.setText(self._recipients_note())
        self.folder_label.setText(self.tr("&Folder:"))
        self.folder_label.setBuddy(self.folder)
        self.folder.setAccessibleName(self.tr("Folder for the withdrawal"))
        self.choose.setText(self.tr("C&hoose…"))
        self.choose.setAccessibleName(self.tr("Choose a folder"))
        self.write_button.setText(self.tr("&Save the withdrawal"))
        self.write_button.setAccessibleName(self.tr("Save the withdrawal"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        # The wizard page's own title and subtitle ("Bundle created", how to send it).
        self.done_page.retranslate_ui()
        self.done_heading.setText(self.done_page.title())
        self.done_note.setText(self.done_page.subTitle())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
