"""The unlock window: small, shown first, importing nothing heavy.

Startup cost matters here (the window must appear within 2x of a bare Qt window), so
this module avoids even ``PySide6.QtCore.Qt``: touching that namespace builds every
one of its enums (~40 ms).

It only collects the passphrase and shows progress or errors; the controller opens
the vault (after a worker has imported the services) and unlocks it on a worker.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPaintEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.gui.theme import accents
from reflectdesk.gui.widgets import grow_to_fit, wrap
from reflectdesk.progress import Progress


def progress_label(code: str) -> str:
    """The translated name of a core progress step."""
    from PySide6.QtCore import QCoreApplication

    labels = {
        "calibrate": QCoreApplication.translate("Progress", "Measuring this computer's speed…"),
        "kdf": QCoreApplication.translate("Progress", "Deriving the key from your passphrase…"),
        "create": QCoreApplication.translate("Progress", "Creating your encrypted vault…"),
        "index": QCoreApplication.translate("Progress", "Preparing search…"),
        "migrate": QCoreApplication.translate(
            "Progress", "Converting the vault to the new encrypted format (once)…"
        ),
        "verify": QCoreApplication.translate("Progress", "Checking the converted vault…"),
        "open": QCoreApplication.translate("Progress", "Opening the vault…"),
    }
    return labels.get(code, QCoreApplication.translate("Progress", "Working…"))


class UnlockWindow(QWidget):
    unlock_requested = Signal(str)
    recover_requested = Signal()
    restore_requested = Signal()  # "Restore from a backup…" (issue 16)
    retry_requested = Signal()
    cancel_requested = Signal()  # stop the one-off conversion (the old vault stays)
    first_painted = Signal(float)  # time.time() of the first paint (startup benchmark)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlockWindow")
        self._painted = False
        self._vault_error = False
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.label = QLabel()
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setMinimumWidth(280)
        self.label.setBuddy(self.passphrase)
        self.unlock_button = QPushButton()
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.setAutoDefault(True)
        self.forgot_button = QPushButton()
        self.forgot_button.setObjectName("forgotButton")
        self.forgot_button.setFlat(True)
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("restoreBackupButton")
        self.restore_button.setFlat(True)
        self.retry_button = QPushButton()
        self.retry_button.setObjectName("retryButton")
        self.retry_button.hide()
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelConversionButton")
        self.cancel_button.hide()
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.error = wrap(QLabel())
        self.error.setObjectName("error")
        self.error.hide()
        # Another vault in the data folder (one an older CLI made): named, never hidden.
        self.other_vaults = QLabel()
        self.other_vaults.setObjectName("otherVaults")
        self.other_vaults.setWordWrap(True)
        self.other_vaults.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.other_vaults.hide()
        self._others: tuple[str, ...] = ()

        row = QHBoxLayout()
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.unlock_button)
        buttons = QHBoxLayout()
        links = QVBoxLayout()  # one above the other: each keeps its whole text
        links.addWidget(self.forgot_button, 0, Qt.AlignmentFlag.AlignLeft)
        links.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignLeft)
        buttons.addLayout(links)
        buttons.addStretch(1)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addSpacing(6)
        layout.addWidget(self.label)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(self.other_vaults)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(460)
        # The window grows to the wrapped height of what it says (a long hint in Spanish
        # was cut off at "…del teclado e", right where it names the recovery key).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)

        self.unlock_button.clicked.connect(self._submit)
        self.passphrase.returnPressed.connect(self._submit)
        self.forgot_button.clicked.connect(self.recover_requested)
        self.restore_button.clicked.connect(self.restore_requested)
        self.retry_button.clicked.connect(self.retry_requested)
        self.cancel_button.clicked.connect(self.cancel_requested)
        QShortcut(QKeySequence("F1"), self, self.recover_requested.emit)
        self.setTabOrder(self.passphrase, self.unlock_button)
        self.setTabOrder(self.unlock_button, self.forgot_button)
        self.setTabOrder(self.forgot_button, self.restore_button)
        self.setTabOrder(self.restore_button, self.retry_button)
        self.retranslate_ui()

    # -- text ------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("ReflectDesk: unlock"))
        self.heading.setText(self.tr("Welcome back"))
        self.intro.setText(self.tr("Your journal is encrypted. Enter your passphrase to open it."))
        self.label.setText(self.tr("&Passphrase:"))
        self.unlock_button.setText(self.tr("&Unlock"))
        self.forgot_button.setText(self.tr("&Forgot your passphrase?"))
        self.retry_button.setText(self.tr("&Try again"))
        self.cancel_button.setText(self.tr("&Cancel"))
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.other_vaults.setText(
            "\n".join(
                self.tr(
                    "Another journal is in %1. To open it, start ReflectDesk with --vault %1."
                ).replace("%1", path)
                for path in self._others
            )
        )
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.forgot_button.setAccessibleName(self.tr("Forgot your passphrase?"))
        self.restore_button.setText(self.tr("&Restore from a backup…"))
        self.restore_button.setAccessibleName(self.tr("Restore from a backup"))
        self.retry_button.setAccessibleName(self.tr("Try again"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the conversion"))
        self.progress.setAccessibleName(self.tr("Progress"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            QTimer.singleShot(0, self, lambda: grow_to_fit(self))
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Wrapped text needs more height than the window's minimum (issue 16.1).
        QTimer.singleShot(0, self, lambda: grow_to_fit(self))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit(time.time())

    # -- state -----------------------------------------------------------------------
    def _submit(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        text = self.passphrase.text()
        if not text:
            self.show_error(self.tr("Enter your passphrase."), "")
            return
        self.unlock_requested.emit(text)

    def set_busy(self, busy: bool, label_code: str = "") -> None:
        enabled = not busy and not self._vault_error
        self.passphrase.setEnabled(not busy and not self._vault_error)
        self.unlock_button.setEnabled(enabled)
        self.forgot_button.setEnabled(enabled)
        self.progress.setVisible(busy)
        self.cancel_button.hide()
        if busy:
            self.error.hide()
            self.progress.setRange(0, 0)
            self.status.setText(progress_label(label_code or "open"))
        else:
            self.status.setText("")

    def set_progress(self, report: Progress) -> None:
        self.status.setText(progress_label(report.label_code))
        # Only the one-off conversion of an older vault is long enough to cancel.
        self.cancel_button.setVisible(
            report.label_code in ("migrate", "verify")
            or (report.label_code == "index" and report.total > 1)
        )
        if report.total:
            self.progress.setRange(0, report.total)
            self.progress.setValue(report.done)
        else:
            self.progress.setRange(0, 0)

    def show_error(self, message: str, hint: str) -> None:
        self.error.setText(f"<b>{_escape(message)}</b><br>{_escape(hint)}" if hint else message)
        self.error.setStyleSheet(f"color: {accents().error_text};")
        self.error.setAccessibleName(message)
        self.error.show()
        # The hint ends with what to do (the recovery key): never cut off (issue 16.2).
        grow_to_fit(self)

    def wrong_passphrase(self, message: str, hint: str) -> None:
        self.set_busy(False)
        self.show_error(message, hint)
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def set_vault_error(self, message: str, hint: str) -> None:
        """The vault cannot be opened at all (in use, damaged…): explain, offer a retry."""
        self._vault_error = True
        self.set_busy(False)
        self.show_error(message, hint)
        self.retry_button.show()
        self.retry_button.setFocus()

    def clear_vault_error(self) -> None:
        self._vault_error = False
        self.retry_button.hide()
        self.error.hide()
        self.set_busy(False)

    def set_other_vaults(self, paths: tuple[str, ...]) -> None:
        self._others = paths
        self.retranslate_ui()
        self.other_vaults.setVisible(bool(paths))
        if self.isVisible():
            grow_to_fit(self)

    def reset(self) -> None:
        """Forget the passphrase typed and any message (after unlock, on lock)."""
        self.passphrase.clear()
        self.error.hide()
        self.set_busy(False)
        self.passphrase.setFocus()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
