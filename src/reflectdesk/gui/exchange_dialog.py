"""Set up an exchange point: a shared folder, or a WebDAV folder with an app password.

Adding makes no network call (``ExchangeService``); the password is sealed in the vault
and never shown again. A bad address or folder is said under the form, with what to do.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.domain.sync import ExchangePoint
from reflectdesk.errors import ReflectDeskError
from reflectdesk.gui.i18n import error_texts
from reflectdesk.gui.screen_fit import fit_dialog
from reflectdesk.services.vault import Vault


class ExchangeDialog(QDialog):
    added = Signal(object)  # ExchangePoint

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exchangeDialog")
        self.vault = vault
        self.point: ExchangePoint | None = None
        self.folder_kind = QRadioButton()
        self.folder_kind.setObjectName("exchangeKindFolder")
        self.webdav_kind = QRadioButton()
        self.webdav_kind.setObjectName("exchangeKindWebdav")
        self.kinds = QButtonGroup(self)
        self.kinds.addButton(self.folder_kind)
        self.kinds.addButton(self.webdav_kind)
        self.webdav_kind.setChecked(True)
        self.label = QLineEdit()
        self.label.setObjectName("exchangeLabel")
        self.folder = QLineEdit()
        self.folder.setObjectName("exchangeFolder")
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        self.url = QLineEdit()
        self.url.setObjectName("exchangeUrl")
        self.url.setPlaceholderText(
            "https://nube.universidad.cl/remote.php/dav/files/…/ReflectDesk"
        )
        self.user = QLineEdit()
        self.user.setObjectName("exchangeUser")
        self.password = QLineEdit()
        self.password.setObjectName("exchangePassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.contacts = QListWidget()
        self.contacts.setObjectName("exchangeContacts")
        for c in vault.contacts.list():
            if c.revoked:
                continue
            item = QListWidgetItem(c.name)
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.contacts.addItem(item)
        self.error = QLabel()
        self.error.setObjectName("exchangeError")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        self.note = QLabel()
        self.note.setWordWrap(True)

        kinds = QHBoxLayout()
        kinds.addWidget(self.folder_kind)
        kinds.addWidget(self.webdav_kind)
        kinds.addStretch(1)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse)
        self.form = QFormLayout()
        self.form.addRow(kinds)
        self.label_label, self.folder_label = QLabel(), QLabel()
        self.url_label, self.user_label, self.password_label = QLabel(), QLabel(), QLabel()
        self.contacts_label = QLabel()
        self.form.addRow(self.label_label, self.label)
        self.form.addRow(self.folder_label, folder_row)
        self.form.addRow(self.url_label, self.url)
        self.form.addRow(self.user_label, self.user)
        self.form.addRow(self.password_label, self.password)
        self.form.addRow(self.contacts_label, self.contacts)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.kinds.buttonToggled.connect(lambda *_: self._kind_changed())
        self.retranslate_ui()
        self._kind_changed()
        fit_dialog(self, QSize(620, 520))

    def _kind_changed(self) -> None:
        webdav = self.webdav_kind.isChecked()
        for widget in (self.url, self.user, self.password):
            self.form.setRowVisible(widget, webdav)
        self.form.setRowVisible(self.label_label, True)
        self.folder.setVisible(not webdav)
        self.browse.setVisible(not webdav)
        self.folder_label.setVisible(not webdav)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Shared folder"))
        if chosen:
            self.folder.setText(chosen)

    def chosen_contacts(self) -> list[str]:
        out = []
        for row in range(self.contacts.count()):
            item = self.contacts.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def submit(self) -> None:
        try:
            if self.webdav_kind.isChecked():
                point = self.vault.exchange.add_webdav(
                    self.label.text(),
                    self.url.text(),
                    self.user.text().strip(),
                    self.password.text(),
                    self.chosen_contacts(),
                )
            else:
                point = self.vault.exchange.add_folder(
                    self.label.text(), Path(self.folder.text().strip()), self.chosen_contacts()
                )
        except ReflectDeskError as exc:
            message, hint = error_texts(exc)
            self.error.setText(f"{message} {hint}")
            self.error.setVisible(True)
            return
        self.password.clear()
        self.point = point
        self.added.emit(point)
        self.accept()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("New exchange point"))
        self.folder_kind.setText(self.tr("Shared folder"))
        self.webdav_kind.setText(self.tr("WebDAV server (Nextcloud)"))
        self.label_label.setText(self.tr("Name:"))
        self.label.setPlaceholderText(self.tr("e.g. University — Nextcloud"))
        self.folder_label.setText(self.tr("Folder:"))
        self.browse.setText(self.tr("Choose…"))
        self.url_label.setText(self.tr("Address:"))
        self.user_label.setText(self.tr("User name:"))
        self.password_label.setText(self.tr("App password:"))
        self.contacts_label.setText(self.tr("Reached here:"))
        self.note.setText(
            self.tr(
                "Only encrypted, signed bundles go there, under random names. The server "
                "learns their sizes and times, never who wrote them or to whom. Use an app "
                "password, not your main password: it is stored encrypted in your vault."
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
