"""The pages of File → Share entries… and Send feedback (``export_wizard.py``): entries,
recipients, consent, where it goes (a folder, or an exchange point's outbox), and what
was written. ``RecipientsPage`` and ``DonePage`` also serve the withdrawal dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
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
    QWizardPage,
)

from reflectdesk.domain.model import Consent
from reflectdesk.gui.contact_model import (
    SEARCH_ROLE,
    CheckListModel,
    consent_text,
    trust_state,
)
from reflectdesk.gui.widgets import wrap

if TYPE_CHECKING:
    from reflectdesk.gui.export_wizard import ExportWizard

CONSENTS = (Consent.READ, Consent.RESEARCH, Consent.RESEARCH_PSEUDONYMISED)


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
        if getattr(self.w, "kind", "") == "feedback":
            self.setSubTitle(
                self.tr(
                    "Your comments, replies and sign-offs on the entries you share with "
                    "them, in one bundle encrypted to exactly these people and signed by you."
                )
            )
        else:
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
    """Where the bundle goes: "Send through exchange point …" (queued in the sync
    outbox; offered when an exchange point reaches one of the recipients, and then
    chosen first) or a folder the user picks."""

    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self.setObjectName("exportSavePage")
        self.w = wizard
        self.summary = wrap(QLabel())
        self.summary.setObjectName("exportSummary")
        self.send_radio = QRadioButton()
        self.send_radio.setObjectName("sendThroughExchange")
        self.send_note = wrap(QLabel())
        self.send_note.setObjectName("sendNote")
        self.send_note.setIndent(24)
        self.folder_radio = QRadioButton()
        self.folder_radio.setObjectName("saveToFolder")
        self.folder_radio.setChecked(True)
        self.destination = QButtonGroup(self)
        self.destination.addButton(self.send_radio)
        self.destination.addButton(self.folder_radio)
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
        layout.addSpacing(16)
        layout.addWidget(self.send_radio)
        layout.addWidget(self.send_note)
        layout.addWidget(self.folder_radio)
        layout.addWidget(self.folder_label)
        layout.addLayout(folder_row)
        layout.addSpacing(8)
        layout.addLayout(run_row)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.choose.clicked.connect(self.w.choose_folder)
        self.create_button.clicked.connect(self.w.start_export)
        self.cancel.clicked.connect(self.w.cancel_export)
        self.folder.textChanged.connect(lambda _t: self._update())
        self.destination.buttonToggled.connect(lambda *_: self._update())

    def initializePage(self) -> None:
        self.summary.setText(self.w.summary_text())
        self.status.clear()
        sync, chosen = self.w.vault.sync, self.w.recipient_ids()
        self.w.points = sync.points_for(chosen)
        if self.w.kind == "feedback" and not all(sync.points_for([c]) for c in chosen):
            self.w.points = []  # feedback is queued only when every recipient is reached
        self.send_radio.setVisible(bool(self.w.points))
        self.send_note.setVisible(bool(self.w.points))
        self.folder_radio.setVisible(bool(self.w.points))
        if self.w.points:
            self.send_radio.setChecked(True)
        else:
            self.folder_radio.setChecked(True)
        self._texts()
        self._update()

    def _update(self) -> None:
        busy = self.w.task is not None
        sending = self.w.sending()
        self.folder.setEnabled(not sending)
        self.folder_label.setEnabled(not sending)
        self.create_button.setEnabled((sending or bool(self.folder.text())) and not busy)
        self.choose.setEnabled(not busy and not sending)
        self.send_radio.setEnabled(not busy)
        self.folder_radio.setEnabled(not busy)
        self.create_button.setText(
            self.tr("&Queue it to send") if sending else self.tr("C&reate the bundle")
        )
        self.create_button.setAccessibleName(
            self.tr("Queue it to send") if sending else self.tr("Create the bundle")
        )

    def isComplete(self) -> bool:
        return self.w.result_ is not None

    def _texts(self) -> None:
        if self.w.points:
            self.setTitle(self.tr("Where does it go?"))
            self.setSubTitle(
                self.tr(
                    "Send it through an exchange point, or save it in a folder (a USB stick, "
                    "a shared folder…). The file gets a random name that says nothing about "
                    "what is inside."
                )
            )
        else:
            self.setTitle(self.tr("Save the bundle"))
            self.setSubTitle(
                self.tr(
                    "Choose a folder (a USB stick, a shared folder…). The file gets a random "
                    "name that says nothing about what is inside."
                )
            )
        labels = self.w.point_labels()
        self.send_radio.setText(self.tr("&Send through exchange point %1").replace("%1", labels))
        self.send_radio.setAccessibleName(
            self.tr("Send through exchange point %1").replace("%1", labels)
        )
        self.send_note.setText(
            self.tr(
                "The bundle waits in the outbox and leaves with the next sync, when the "
                "exchange point can be reached. Only the recipients can open it."
            )
        )

    def retranslate_ui(self) -> None:
        self.folder_radio.setText(self.tr("Save it in a &folder:"))
        self.folder_radio.setAccessibleName(self.tr("Save it in a folder"))
        self.folder_label.setText(self.tr("Folder:"))
        self.folder_label.setBuddy(self.folder)
        self.folder.setAccessibleName(self.tr("Folder for the bundle"))
        self.choose.setText(self.tr("C&hoose…"))
        self.choose.setAccessibleName(self.tr("Choose a folder"))
        self.cancel.setText(self.tr("Cancel"))
        self.cancel.setAccessibleName(self.tr("Cancel creating the bundle"))
        self.progress.setAccessibleName(self.tr("Progress"))
        self._texts()
        self._update()
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
        queued = getattr(self.w, "queued_", None) is not None
        self.path.setText(str(result.path) if result is not None and not queued else "")
        for widget in (self.path, self.open_folder, self.copy):
            widget.setVisible(not queued)
        self.retranslate_ui()

    def _open_folder(self) -> None:
        result = self.w.result_
        if result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path.parent)))

    def _copy(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.path.text())

    def retranslate_ui(self) -> None:
        if getattr(self.w, "queued_", None) is not None:
            self.setTitle(self.tr("Bundle queued"))
            self.setSubTitle(
                self.tr("It waits in the outbox until it is sent: only the recipients can open it.")
            )
        else:
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
