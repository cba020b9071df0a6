"""The dialog that shows a crash report (see :mod:`reflectdesk.gui.crash`)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class CrashDialog(QDialog):
    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setObjectName("crashDialog")
        self.setMinimumWidth(520)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.privacy = QLabel()
        self.privacy.setWordWrap(True)
        self.text = QPlainTextEdit(report)
        self.text.setReadOnly(True)
        self.text.setMinimumHeight(200)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_report)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.text)
        layout.addWidget(self.privacy)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("ReflectDesk: unexpected error"))
        self.intro.setText(
            self.tr(
                "Something unexpected went wrong. Your entries are saved and encrypted. "
                "You can keep working, or restart ReflectDesk if things look wrong."
            )
        )
        self.privacy.setText(
            self.tr(
                "The report below holds no journal text: only the error type, where it "
                "happened in the program, and the versions. Copy it to send it to support."
            )
        )
        self.copy_button.setText(self.tr("Co&py report"))
        self.copy_button.setAccessibleName(self.tr("Copy report"))
        self.text.setAccessibleName(self.tr("Error report"))
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setAccessibleName(close.text().replace("&", ""))

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report)
        self.copy_button.setText(self.tr("Copied"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
