"""Settings: language (at once, no restart), theme, font size, auto-lock, passphrase,
a new recovery key."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.dialogs import message_box
from reflectdesk.gui.passphrase import (
    NewPassphraseFields,
    fit_height,
    kdf_busy_bar,
    show_inline_error,
)
from reflectdesk.gui.prefs import AUTOLOCK_MAX_MINUTES
from reflectdesk.gui.widgets import grow_to_fit
from reflectdesk.progress import CancelToken, ProgressSink

if TYPE_CHECKING:
    from reflectdesk.services.vault import Vault


class SettingsDialog(QDialog):
    autolock_changed = Signal()

    def __init__(self, ctx: AppContext, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.ctx = ctx
        self.vault = vault
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem("Español", "es")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(ctx.language)))
        self.theme = QComboBox()
        self.theme.setObjectName("theme")
        for value in ("system", "light", "dark"):
            self.theme.addItem("", value)
        self.theme.setCurrentIndex(max(0, self.theme.findData(ctx.prefs.theme)))
        self.font_size = QSpinBox()
        self.font_size.setObjectName("fontSize")
        self.font_size.setRange(7, 24)
        self.font_size.setValue(ctx.prefs.font_size or 7)
        self.autolock = QSpinBox()
        self.autolock.setObjectName("autolock")
        self.autolock.setRange(0, AUTOLOCK_MAX_MINUTES)
        self.autolock.setValue(ctx.prefs.autolock_minutes)
        self.passphrase_button = QPushButton()
        self.passphrase_button.setObjectName("changePassphrase")
        self.recovery_button = QPushButton()
        self.recovery_button.setObjectName("newRecoveryKey")
        self.labels = {
            k: QLabel() for k in ("language", "theme", "font", "autolock", "passphrase", "recovery")
        }
        self.labels["language"].setBuddy(self.language)
        self.labels["theme"].setBuddy(self.theme)
        self.labels["font"].setBuddy(self.font_size)
        self.labels["autolock"].setBuddy(self.autolock)
        self.labels["passphrase"].setBuddy(self.passphrase_button)
        self.labels["recovery"].setBuddy(self.recovery_button)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.labels["language"], self.language)
        form.addRow(self.labels["theme"], self.theme)
        form.addRow(self.labels["font"], self.font_size)
        form.addRow(self.labels["autolock"], self.autolock)
        form.addRow(self.labels["passphrase"], self.passphrase_button)
        form.addRow(self.labels["recovery"], self.recovery_button)
        from reflectdesk.gui.backups import BackupPanel  # issue 16

        self.backup_panel = BackupPanel(ctx, vault)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.backup_panel)
        layout.addWidget(self.note)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.language.currentIndexChanged.connect(self._language)
        self.theme.currentIndexChanged.connect(self._appearance)
        self.font_size.valueChanged.connect(self._appearance)
        self.autolock.valueChanged.connect(self._autolock)
        self.passphrase_button.clicked.connect(self.change_passphrase)
        self.recovery_button.clicked.connect(self.new_recovery_key)
        self.setMinimumWidth(460)
        self.retranslate_ui()

    def _language(self) -> None:
        language = str(self.language.currentData())
        if language == self.ctx.language:
            return
        self.ctx.translations.set_language(language)
        self.ctx.update_prefs(language=language)
        vault = self.vault

        def job(progress: ProgressSink, cancel: CancelToken) -> None:
            vault.update_profile(lang=language)

        self.ctx.runner.submit(job, writer=True, name="write:profile-language", owner=self)

    def _appearance(self) -> None:
        theme = str(self.theme.currentData())
        size = self.font_size.value()
        size = 0 if size == self.font_size.minimum() else size
        self.ctx.theme.apply(theme, size)
        self.ctx.update_prefs(theme=theme, font_size=size)

    def _autolock(self) -> None:
        self.ctx.update_prefs(autolock_minutes=self.autolock.value())
        self.autolock_changed.emit()

    def change_passphrase(self) -> None:
        dialog = ChangePassphraseDialog(self.ctx, self.vault, self)
        dialog.open()
        self.passphrase_dialog = dialog

    def new_recovery_key(self) -> None:
        from reflectdesk.gui.new_recovery_key import NewRecoveryKeyDialog

        dialog = NewRecoveryKeyDialog(self.ctx, self.vault, self)
        dialog.open()
        self.recovery_dialog = dialog

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.labels["language"].setText(self.tr("&Language:"))
        self.labels["theme"].setText(self.tr("&Appearance:"))
        self.labels["font"].setText(self.tr("&Text size:"))
        self.labels["autolock"].setText(self.tr("Loc&k automatically after:"))
        self.labels["passphrase"].setText(self.tr("Passphrase:"))
        names = {
            "system": self.tr("As the system"),
            "light": self.tr("Light"),
            "dark": self.tr("Dark"),
        }
        for i in range(self.theme.count()):
            self.theme.setItemText(i, names[str(self.theme.itemData(i))])
        self.font_size.setSpecialValueText(self.tr("As the system"))
        self.font_size.setSuffix(self.tr(" pt"))
        self.autolock.setSpecialValueText(self.tr("Never"))
        self.autolock.setSuffix(self.tr(" min"))
        self.passphrase_button.setText(self.tr("&Change passphrase…"))
        self.labels["recovery"].setText(self.tr("Recovery key:"))
        self.recovery_button.setText(self.tr("&New recovery key…"))
        self.recovery_button.setAccessibleName(self.tr("New recovery key"))
        self.note.setText(
            self.tr(
                "These settings are kept in a small unencrypted file on this computer. "
                "It holds no journal text and no names."
            )
        )
        self.language.setAccessibleName(self.tr("Language"))
        self.theme.setAccessibleName(self.tr("Appearance"))
        self.font_size.setAccessibleName(self.tr("Text size"))
        self.autolock.setAccessibleName(self.tr("Lock automatically after, in minutes"))
        self.passphrase_button.setAccessibleName(self.tr("Change passphrase"))
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setAccessibleName(close.text().replace("&", ""))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            QTimer.singleShot(0, self, lambda: grow_to_fit(self))
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Wrapped text needs more height than the window's minimum (issue 16.1).
        QTimer.singleShot(0, self, lambda: grow_to_fit(self))


class ChangePassphraseDialog(QDialog):
    changed = Signal()

    def __init__(self, ctx: AppContext, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changePassphraseDialog")
        self.ctx = ctx
        self.vault = vault
        self.current = QLineEdit()
        self.current.setObjectName("currentPassphrase")
        self.current.setEchoMode(QLineEdit.EchoMode.Password)
        self.current_label = QLabel()
        self.current_label.setBuddy(self.current)
        self.fields = NewPassphraseFields()
        self.limit = QLabel()  # what a new passphrase does not do (docs/threat-model.md)
        self.limit.setObjectName("passphraseLimit")
        self.limit.setWordWrap(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.hide()
        self.progress = kdf_busy_bar()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = QPushButton()
        self.ok.setObjectName("applyPassphrase")
        self.ok.setDefault(True)
        self.buttons.addButton(self.ok, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.current_label, self.current)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.fields)
        layout.addWidget(self.limit)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.current.textChanged.connect(self._update)
        self.fields.changed.connect(self._update)
        self.fields.changed.connect(lambda: fit_height(self))
        self.setMinimumWidth(480)
        self.retranslate_ui()
        self._update()

    def _update(self) -> None:
        self.ok.setEnabled(
            bool(self.current.text()) and self.fields.is_valid() and self.progress.isHidden()
        )

    def submit(self) -> None:
        if not self.ok.isEnabled():
            return
        old, new = self.current.text(), self.fields.value()
        vault = self.vault

        def job(progress: ProgressSink, cancel: CancelToken) -> None:
            vault.change_passphrase(old, new, progress)

        self.progress.show()
        self.error.hide()
        self._update()
        self.ctx.runner.submit(
            job,
            on_result=lambda _r: self._done(),
            on_error=self._failed,
            writer=True,
            name="write:change-passphrase",
            owner=self,
        )

    def _done(self) -> None:
        self.progress.hide()
        self.current.clear()
        self.fields.clear()
        self.changed.emit()
        parent = self.parentWidget()
        self.accept()
        message_box(
            parent,
            self.tr("Passphrase changed"),
            self.tr("Your new passphrase is set. Use it the next time you unlock."),
            icon=QMessageBox.Icon.Information,
        )

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self._update()
        show_inline_error(self, self.error, self.current, exc)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Change passphrase"))
        self.limit.setText(
            self.tr(
                "The vault is not re-encrypted: a copy of it made before now (a backup, a "
                "copied folder) still opens with the old passphrase. If someone may know your "
                "old passphrase and have such a copy, it stays readable to them."
            )
        )
        self.current_label.setText(self.tr("C&urrent passphrase:"))
        self.current.setAccessibleName(self.tr("Current passphrase"))
        self.ok.setText(self.tr("C&hange"))
        self.ok.setAccessibleName(self.tr("Change the passphrase"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            cancel.setAccessibleName(cancel.text().replace("&", ""))
        self.progress.setAccessibleName(self.tr("Progress"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def done(self, result: int) -> None:
        self.current.clear()
        self.fields.clear()
        super().done(result)
