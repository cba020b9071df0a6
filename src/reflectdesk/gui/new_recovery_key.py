"""Settings → "New recovery key…": replace the recovery key (``Vault.rotate_recovery_key``).

Asks for the passphrase (someone at an unlocked, unattended computer must not walk
away with a key to the vault), then shows the new key once, with Save as PDF and
Print as in the first-run wizard. The old key stops opening this vault; copies of
the vault made before (backups) still open with it, and the dialog says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.passphrase import fit_height, kdf_busy_bar, show_inline_error
from reflectdesk.gui.recovery_sheet import KeyGrid, SheetButtons
from reflectdesk.progress import CancelToken, ProgressSink

if TYPE_CHECKING:
    from reflectdesk.services.vault import Vault

PAGE_ASK, PAGE_KEY = range(2)


class NewRecoveryKeyDialog(QDialog):
    def __init__(self, ctx: AppContext, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newRecoveryKeyDialog")
        self.ctx = ctx
        self.vault = vault
        self.key = ""  # the new key, while this dialog shows it
        # -- ask ------------------------------------------------------------------------------
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.current = QLineEdit()
        self.current.setObjectName("currentPassphrase")
        self.current.setEchoMode(QLineEdit.EchoMode.Password)
        self.current_label = QLabel()
        self.current_label.setBuddy(self.current)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.hide()
        self.busy = kdf_busy_bar()
        form = QFormLayout()
        form.addRow(self.current_label, self.current)
        ask = QWidget()
        ask_layout = QVBoxLayout(ask)
        ask_layout.addWidget(self.intro)
        ask_layout.addLayout(form)
        ask_layout.addWidget(self.busy)
        ask_layout.addWidget(self.error)
        ask_layout.addStretch(1)
        # -- the new key ----------------------------------------------------------------------
        self.shown = QLabel()
        self.shown.setWordWrap(True)
        self.key_view = KeyGrid()
        # Laid out with a stand-in of the real size, so the dialog is sized for the key
        # page from the start (its labels are made only when the key arrives).
        self.key_view.set_key("-".join(["WWWW"] * 14))
        self.sheet = SheetButtons(lambda: self.key)
        self.saved = QCheckBox()
        self.saved.setObjectName("keySaved")
        shown = QWidget()
        shown_layout = QVBoxLayout(shown)
        shown_layout.addWidget(self.shown)
        shown_layout.addWidget(self.key_view)
        shown_layout.addWidget(self.sheet)
        shown_layout.addWidget(self.saved)
        shown_layout.addStretch(1)
        self.stack = QStackedWidget()
        self.stack.addWidget(ask)
        self.stack.addWidget(shown)
        # -- buttons --------------------------------------------------------------------------
        self.buttons = QDialogButtonBox()
        self.make_button = QPushButton()
        self.make_button.setObjectName("makeRecoveryKey")
        self.make_button.setDefault(True)
        self.buttons.addButton(self.make_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.make_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        self.close_button.clicked.connect(self.accept)
        self.current.textChanged.connect(self._update)
        self.saved.toggled.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.retranslate_ui()
        self._update()

    def _update(self) -> None:
        asking = self.stack.currentIndex() == PAGE_ASK
        self.make_button.setVisible(asking)
        self.cancel_button.setVisible(asking)
        self.close_button.setVisible(not asking)
        self.make_button.setEnabled(asking and bool(self.current.text()) and self.busy.isHidden())
        self.close_button.setEnabled(self.saved.isChecked())

    def submit(self) -> None:
        if not self.make_button.isEnabled():
            return
        passphrase = self.current.text()
        vault = self.vault

        def job(progress: ProgressSink, cancel: CancelToken) -> str:
            return vault.rotate_recovery_key(passphrase, progress)

        self.busy.show()
        self.error.hide()
        self._update()
        self.ctx.runner.submit(
            job,
            on_result=self._made,
            on_error=self._failed,
            writer=True,
            name="write:rotate-recovery-key",
            owner=self,
        )

    def _made(self, key: str) -> None:
        self.busy.hide()
        self.current.clear()
        self.key = key
        self.key_view.set_key(key)
        self.stack.setCurrentIndex(PAGE_KEY)
        self._update()
        fit_height(self)

    def _failed(self, exc: BaseException) -> None:
        self.busy.hide()
        self._update()
        show_inline_error(self, self.error, self.current, exc)

    def done(self, result: int) -> None:
        self.current.clear()
        self.key = ""  # shown once: not kept once the dialog closes
        self.key_view.clear()
        self.sheet.clear()
        super().done(result)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("New recovery key"))
        self.intro.setText(
            self.tr(
                "A new recovery key replaces the one you saved: the old key stops opening "
                "this vault. Do this if someone may have seen or found your recovery key. "
                "Copies of the vault made before now (backups) still open with the old key."
            )
        )
        self.current_label.setText(self.tr("C&urrent passphrase:"))
        self.current.setAccessibleName(self.tr("Current passphrase"))
        self.shown.setText(
            self.tr(
                "Your new recovery key, shown only now. Save it as a PDF or print it, and "
                "destroy the old one."
            )
        )
        self.saved.setText(self.tr("I &saved or wrote down the new recovery key"))
        self.key_view.setAccessibleName(self.tr("Recovery key"))
        self.make_button.setText(self.tr("&Make a new key"))
        self.make_button.setAccessibleName(self.tr("Make a new recovery key"))
        for button in (self.cancel_button, self.close_button):
            if button is not None:
                button.setAccessibleName(button.text().replace("&", ""))
        self.busy.setAccessibleName(self.tr("Progress"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
