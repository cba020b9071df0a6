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

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from reflectdesk.domain.model import Consent, ExportRequest, ExportResult, Space
from reflectdesk.errors import Cancelled, ReflectDeskError
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.contact_model import (
    SEARCH_ROLE,
    CheckItem,
    CheckListModel,
    consent_text,
    role_text,
    state_text,
    trust_state,
)
from reflectdesk.gui.dialogs import show_error
from reflectdesk.gui.i18n import error_texts
from reflectdesk.gui.tasks import Task
from reflectdesk.gui.widgets import wrap
from reflectdesk.progress import CancelToken, Progress, ProgressSink

if TYPE_CHECKING:
    from reflectdesk.services.vault import Vault

log = logging.getLogger(__name__)

CONSENTS = (Consent.READ, Consent.RESEARCH, Consent.RESEARCH_PSEUDONYMISED)
PAGE_ENTRIES, PAGE_RECIPIENTS, PAGE_CONSENT, PAGE_SAVE, PAGE_DONE = range(5)


class EntriesPage(QWizardPage):
    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self.setObjectName("exportEntriesPage")
        self.w = wizard
        self.chosen_radio = QRadioButton()
        self.chosen_radio.setChecked(True)
        self.journal_radio = QRadioButton()
        self.mode = QButtonGroup(self)
        self.mode.addButton(self.chosen_radio)
        self.mode.addButton(self.journal_radio)
        self.journal = QComboBox()
        self.journal.setObjectName("exportJournal")
        self.search = QLineEdit()
        self.search.setObjectName("exportSearch")
        self.search.setClearButtonEnabled(True)
        self.model = CheckListModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.list = QListView()
        self.list.setObjectName("exportEntries")
        self.list.setModel(self.proxy)
        self.list.setUniformItemSizes(True)
        self.all_button = QPushButton()
        self.none_button = QPushButton()
        self.count = QLabel()
        self.attachments = QCheckBox()
        self.attachments.setChecked(True)
        self.history = QCheckBox()

        journal_row = QHBoxLayout()
        journal_row.addWidget(self.journal_radio)
        journal_row.addWidget(self.journal, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.all_button)
        buttons.addWidget(self.none_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chosen_radio)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addLayout(journal_row)
        layout.addWidget(self.attachments)
        layout.addWidget(self.history)

        self.search.textChanged.connect(self._filter)
        self.all_button.clicked.connect(lambda: self._tick_shown(True))
        self.none_button.clicked.connect(lambda: self._tick_shown(False))
        self.model.checked_changed.connect(self._update)
        self.mode.buttonToggled.connect(lambda *_: self._update())
        self.journal.currentIndexChanged.connect(lambda _i: self._update())

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.casefold().strip())

    def _tick_shown(self, checked: bool) -> None:
        rows = [
            self.proxy.mapToSource(self.proxy.index(r, 0)).row()
            for r in range(self.proxy.rowCount())
        ]
        self.model.set_all(checked, rows)

    def whole_journal(self) -> bool:
        return self.journal_radio.isChecked()

    def _update(self) -> None:
        whole = self.whole_journal()
        self.list.setEnabled(not whole)
        self.search.setEnabled(not whole)
        self.all_button.setEnabled(not whole)
        self.none_button.setEnabled(not whole)
        self.journal.setEnabled(whole)
        n = len(self.w.entry_ids())
        self.count.setText(self.tr("%n entries chosen", "", n))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.w.entry_ids())

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Which entries?"))
        self.setSubTitle(
            self.tr("Only your own entries can be shared. Received entries stay with you.")
        )
        self.chosen_radio.setText(self.tr("&Chosen entries:"))
        self.chosen_radio.setAccessibleName(self.tr("Chosen entries"))
        self.journal_radio.setText(self.tr("A &whole journal:"))
        self.journal_radio.setAccessibleName(self.tr("A whole journal"))
        self.journal.setAccessibleName(self.tr("Journal to share"))
        self.search.setPlaceholderText(self.tr("Filter by title or tag"))
        self.search.setAccessibleName(self.tr("Filter entries"))
        self.list.setAccessibleName(self.tr("Entries to share"))
        self.all_button.setText(self.tr("Select &all shown"))
        self.all_button.setAccessibleName(self.tr("Select all entries shown"))
        self.none_button.setText(self.tr("Select n&one"))
        self.none_button.setAccessibleName(self.tr("Select no entries"))
        self.attachments.setText(self.tr("Include a&ttachments (photos, files)"))
        self.attachments.setAccessibleName(self.tr("Include attachments"))
        self.history.setText(self.tr("Include the revision &history (not only the last version)"))
        self.history.setAccessibleName(self.tr("Include the revision history"))
        self._update()


class RecipientsPage(QWizardPage):
    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self.setObjectName("exportRecipientsPage")
        self.w = wizard
        self.me = wrap(QLabel())
        self.me.setObjectName("exportMe")
        self.model = CheckListModel(self)
        self.list = QListView()
        self.list.setObjectName("exportRecipients")
        self.list.setModel(self.model)
        self.warning = wrap(QLabel())
        self.warning.setObjectName("unverifiedWarning")
        self.none = wrap(QLabel())
        layout = QVBoxLayout(self)
        layout.addWidget(self.me)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.none)
        layout.addWidget(self.warning)
        self.model.checked_changed.connect(self._update)

    def unverified_names(self) -> list[str]:
        chosen = set(self.model.checked_ids())
        return [c.name for c in self.w.contacts if c.id in chosen and trust_state(c) != "verified"]

    def _update(self) -> None:
        names = self.unverified_names()
        self.warning.setVisible(bool(names))
        self.warning.setText(
            self.tr(
                "Not verified yet: %1. Compare the safety number with them (Contacts) so you "
                "know the bundle can only be opened by them."
            ).replace("%1", ", ".join(names))
        )
        self.none.setVisible(not self.w.contacts)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.model.checked_ids())

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Who may open it?"))
        self.setSubTitle(
            self.tr("The bundle is encrypted to exactly these people and signed by you.")
        )
        self.me.setText(
            self.tr("%1 (you): always included, so you can open your own bundle.").replace(
                "%1", self.w.my_name
            )
        )
        self.list.setAccessibleName(self.tr("Recipients"))
        self.none.setText(
            self.tr("You have no contacts yet. Import their card on the Contacts page first.")
        )
        self._update()


class ConsentPage(QWizardPage):
    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self.setObjectName("exportConsentPage")
        self.w = wizard
        self.group = QButtonGroup(self)
        self.radios: dict[Consent, QRadioButton] = {}
        layout = QVBoxLayout(self)
        self.question = wrap(QLabel())
        layout.addWidget(self.question)
        for consent in CONSENTS:
            radio = QRadioButton()
            radio.setObjectName(f"consent_{consent.value}")
            self.group.addButton(radio)
            self.radios[consent] = radio
            layout.addWidget(radio)
        self.radios[Consent.READ].setChecked(True)
        self.overrides_label = wrap(QLabel())
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("consentOverrides")
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.overrides_label)
        layout.addWidget(self.table, 1)
        self.combos: dict[str, QComboBox] = {}

    def bundle_consent(self) -> Consent:
        for consent, radio in self.radios.items():
            if radio.isChecked():
                return consent
        return Consent.READ

    def overrides(self) -> dict[str, Consent]:
        out: dict[str, Consent] = {}
        for entry_id, combo in self.combos.items():
            value = combo.currentData()
            if value:
                out[entry_id] = Consent(value)
        return out

    def initializePage(self) -> None:
        ids = self.w.entry_ids()
        keep = self.overrides()
        self.table.setRowCount(len(ids))
        self.combos = {}
        for row, entry_id in enumerate(ids):
            title = self.w.titles.get(entry_id) or self.tr("(untitled)")
            item = QTableWidgetItem(title)
            item.setToolTip(title)
            self.table.setItem(row, 0, item)
            combo = QComboBox()
            combo.setObjectName(f"consent_{entry_id}")
            combo.addItem(self.tr("As for the bundle"), "")
            for consent in CONSENTS:
                combo.addItem(consent_text(consent), consent.value)
            if entry_id in keep:
                combo.setCurrentIndex(combo.findData(keep[entry_id].value))
            combo.setAccessibleName(self.tr("Consent for %1").replace("%1", title))
            self.table.setCellWidget(row, 1, combo)
            self.combos[entry_id] = combo
        self._headers()

    def _headers(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Entry"), self.tr("Consent")])

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("What may they do with it?"))
        self.setSubTitle(
            self.tr("Your choice travels signed with the bundle. You can withdraw it later.")
        )
        self.question.setText(self.tr("For the whole bundle:"))
        for consent, radio in self.radios.items():
            radio.setText(consent_text(consent))
            radio.setAccessibleName(consent_text(consent))
        self.overrides_label.setText(
            self.tr("Different for some entries? Choose it here (optional):")
        )
        self.table.setAccessibleName(self.tr("Consent per entry"))
        self._headers()


class SavePage(QWizardPage):
    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self.setObjectName("exportSavePage")
        self.w = wizard
        self.summary = wrap(QLabel())
        self.summary.setObjectName("exportSummary")
        self.folder_label = wrap(QLabel())
        self.folder = QLineEdit()
        self.folder.setObjectName("exportFolder")
        self.folder.setReadOnly(True)
        self.choose = QPushButton()
        self.choose.setObjectName("chooseFolder")
        self.create_button = QPushButton()
        self.create_button.setObjectName("createBundle")
        self.create_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.progress = QProgressBar()
        self.progress.setObjectName("exportProgress")
        self.progress.hide()
        self.cancel = QPushButton()
        self.cancel.setObjectName("cancelExport")
        self.cancel.hide()
        self.status = wrap(QLabel())
        self.status.setObjectName("exportStatus")
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose)
        run_row = QHBoxLayout()
        run_row.addWidget(self.create_button)
        run_row.addWidget(self.progress, 1)
        run_row.addWidget(self.cancel)
        run_row.addStretch(0)  # keeps the button on the left while no progress is shown
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        layout.addWidget(self.folder_label)
        layout.addLayout(folder_row)
        layout.addLayout(run_row)
        layout.addWidget(self.status)
        self.choose.clicked.connect(self.w.choose_folder)
        self.create_button.clicked.connect(self.w.start_export)
        self.cancel.clicked.connect(self.w.cancel_export)
        self.folder.textChanged.connect(lambda _t: self._update())

    def initializePage(self) -> None:
        self.summary.setText(self.w.summary_text())
        self.status.clear()
        self._update()

    def _update(self) -> None:
        busy = self.w.task is not None
        self.create_button.setEnabled(bool(self.folder.text()) and not busy)
        self.choose.setEnabled(not busy)

    def isComplete(self) -> bool:
        return self.w.result_ is not None

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Save the bundle"))
        self.setSubTitle(
            self.tr(
                "Choose a folder (a USB stick, a shared folder…). The file gets a random name "
                "that says nothing about what is inside."
            )
        )
        self.folder_label.setText(self.tr("&Folder:"))
        self.folder_label.setBuddy(self.folder)
        self.folder.setAccessibleName(self.tr("Folder for the bundle"))
        self.choose.setText(self.tr("C&hoose…"))
        self.choose.setAccessibleName(self.tr("Choose a folder"))
        self.create_button.setText(self.tr("C&reate the bundle"))
        self.create_button.setAccessibleName(self.tr("Create the bundle"))
        self.cancel.setText(self.tr("Cancel"))
        self.cancel.setAccessibleName(self.tr("Cancel creating the bundle"))
        self.progress.setAccessibleName(self.tr("Progress"))
        if self.w.task is None and self.isVisible():
            self.summary.setText(self.w.summary_text())


class DonePage(QWizardPage):
    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self.setObjectName("exportDonePage")
        self.w = wizard
        self.text = wrap(QLabel())
        self.text.setObjectName("exportResult")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.path = QLineEdit()
        self.path.setObjectName("bundlePath")
        self.path.setReadOnly(True)
        self.open_folder = QPushButton()
        self.open_folder.setObjectName("openFolder")
        self.copy = QPushButton()
        self.copy.setObjectName("copyPath")
        self.open_folder.clicked.connect(self._open_folder)
        self.copy.clicked.connect(self._copy)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_folder)
        buttons.addWidget(self.copy)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.path)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.text.setText(self.w.result_text())
        result = self.w.result_
        self.path.setText(str(result.path) if result is not None else "")

    def _open_folder(self) -> None:
        result = self.w.result_
        if result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path.parent)))

    def _copy(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.path.text())

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Bundle created"))
        self.setSubTitle(
            self.tr("Send this file any way you like: only the recipients can open it.")
        )
        self.path.setAccessibleName(self.tr("Where the bundle is"))
        self.open_folder.setText(self.tr("&Open the folder"))
        self.open_folder.setAccessibleName(self.tr("Open the folder"))
        self.copy.setText(self.tr("Co&py the path"))
        self.copy.setAccessibleName(self.tr("Copy the path"))
        if self.w.result_ is not None:
            self.text.setText(self.w.result_text())


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
        bundles = self.vault.bundles
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
