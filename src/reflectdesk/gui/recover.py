"""Forgot the passphrase: unlock with the recovery key and set a new passphrase."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.gui.passphrase import NewPassphraseFields, fit_height, kdf_busy_bar
from reflectdesk.gui.theme import accents


class RecoveryDialog(QDialog):
    submitted = Signal(str, str)  # recovery key text, new passphrase

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.setMinimumWidth(520)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.key_label = QLabel()
        self.key = QLineEdit()
        self.key.setObjectName("recoveryKeyInput")
        self.key.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.key.setPlaceholderText("XXXX-XXXX-XXXX-…")
        self.key_label.setBuddy(self.key)
        self.fields = NewPassphraseFields()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.progress = kdf_busy_bar()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.recover_button = QPushButton()
        self.recover_button.setObjectName("recoverButton")
        self.recover_button.setDefault(True)
        self.buttons.addButton(self.recover_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.key_label)
        layout.addWidget(self.key)
        layout.addSpacing(8)
        layout.addWidget(self.fields)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.key.textChanged.connect(self._update)
        self.fields.changed.connect(self._update)
        self.fields.changed.connect(lambda: fit_height(self))
        self.retranslate_ui()
        self._update()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Recover with your recovery key"))
        self.intro.setText(
            self.tr(
                "Type the recovery key you saved or printed when you created your vault, then "
                "choose a new passphrase. Your entries stay as they are."
            )
        )
        self.key_label.setText(self.tr("Recovery &key:"))
        self.key.setAccessibleName(self.tr("Recovery key"))
        self.recover_button.setText(self.tr("Re&cover"))
        self.recover_button.setAccessibleName(self.tr("Recover"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            cancel.setAccessibleName(self.tr("Cancel"))
        self.progress.setAccessibleName(self.tr("Progress"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _update(self) -> None:
        key_chars = sum(ch.isalnum() for ch in self.key.text())
        self.recover_button.setEnabled(
            key_chars >= 50 and self.fields.is_valid() and not self.progress.isVisible()
        )

    def _submit(self) -> None:
        if not self.recover_button.isEnabled():
            return
        self.error.hide()
        self.submitted.emit(self.key.text(), self.fields.value())

    def set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.key.setEnabled(not busy)
        self.fields.setEnabled(not busy)
        self._update()

    def show_error(self, message: str, hint: str) -> None:
        self.set_busy(False)
        self.error.setText(f"{message} {hint}".strip())
        self.error.setStyleSheet(f"color: {accents().error_text};")
        self.error.show()
        fit_height(self)
        self.key.setFocus()

    def done(self, result: int) -> None:
        self.key.clear()
        self.fields.clear()
        super().done(result)
