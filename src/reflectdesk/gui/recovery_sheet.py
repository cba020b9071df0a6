"""The recovery key on screen and on paper: the numbered groups, and one page drawn with
Qt's own PDF writer or printer ("Save as PDF…" and "Print…", in the first-run wizard and
in Settings → "New recovery key…")."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.gui.dates import show_date
from reflectdesk.gui.dialogs import message_box
from reflectdesk.gui.theme import accents

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


def key_groups(key: str) -> list[str]:
    return [group for group in key.split("-") if group]


def draw_sheet(painter: QPainter, page: QRectF, key: str) -> None:
    """Title, instructions and the key in numbered groups, large and monospaced."""
    painter.save()
    y = page.top()
    width = page.width()

    title_font = QFont(painter.font())
    title_font.setPointSizeF(20)
    title_font.setBold(True)
    painter.setFont(title_font)
    title = QCoreApplication.translate("RecoverySheet", "ReflectDesk recovery key")
    rect = painter.boundingRect(QRectF(page.left(), y, width, 1e6), Qt.TextFlag.TextWordWrap, title)
    painter.drawText(rect, Qt.TextFlag.TextWordWrap, title)
    y = rect.bottom() + 20

    body_font = QFont(painter.font())
    body_font.setPointSizeF(11)
    body_font.setBold(False)
    painter.setFont(body_font)
    intro = QCoreApplication.translate(
        "RecoverySheet",
        "This key opens your ReflectDesk vault if you forget your passphrase. Anyone who has "
        "it and your computer can read your journal: keep this page somewhere safe, away "
        "from the computer, and do not photograph it or send it by e-mail.",
    )
    rect = painter.boundingRect(QRectF(page.left(), y, width, 1e6), Qt.TextFlag.TextWordWrap, intro)
    painter.drawText(rect, Qt.TextFlag.TextWordWrap, intro)
    y = rect.bottom() + 30

    mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    mono.setPointSizeF(18)
    small = QFont(body_font)
    small.setPointSizeF(8)
    groups = key_groups(key)
    per_row = 4
    cell_w = width / per_row
    painter.setFont(mono)
    row_h = painter.fontMetrics().height() * 1.2
    for index, group in enumerate(groups):
        row, col = divmod(index, per_row)
        x = page.left() + col * cell_w
        top = y + row * (row_h * 1.8)
        painter.setFont(small)
        painter.drawText(QRectF(x, top, cell_w, row_h * 0.6), str(index + 1))
        painter.setFont(mono)
        painter.drawText(QRectF(x, top + row_h * 0.55, cell_w, row_h), group)
    rows = (len(groups) + per_row - 1) // per_row
    y += rows * row_h * 1.8 + 30

    painter.setFont(body_font)
    footer = QCoreApplication.translate(
        "RecoverySheet", "Written on {date}. Spaces and dashes do not matter when you type it."
    ).format(date=show_date(date.today()))
    rect = painter.boundingRect(
        QRectF(page.left(), y, width, 1e6), Qt.TextFlag.TextWordWrap, footer
    )
    painter.drawText(rect, Qt.TextFlag.TextWordWrap, footer)
    painter.restore()


def _paint(device: QPdfWriter | QPrinter, key: str) -> None:
    painter = QPainter(device)
    try:
        layout = device.pageLayout()
        page = QRectF(layout.paintRectPixels(device.resolution()))
        draw_sheet(painter, QRectF(0, 0, page.width(), page.height()), key)
    finally:
        painter.end()


def save_pdf(path: Path, key: str) -> None:
    writer = QPdfWriter(str(path))
    writer.setTitle(QCoreApplication.translate("RecoverySheet", "ReflectDesk recovery key"))
    writer.setCreator("ReflectDesk")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.Letter),
            QPageLayout.Orientation.Portrait,
            QMarginsF(20, 20, 20, 20),
            QPageLayout.Unit.Millimeter,
        )
    )
    _paint(writer, key)


def print_sheet(parent: QWidget | None, key: str) -> bool:
    """Ask for a printer and print; False if the user cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("RecoverySheet", "Print the recovery key"))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    _paint(printer, key)
    return True


class KeyGrid(QFrame):
    """The key's groups in two rows of seven, each numbered (the user types two back)."""

    COLUMNS = 7

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryKey")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(16, 12, 16, 12)
        self.grid.setHorizontalSpacing(18)
        self.grid.setVerticalSpacing(2)
        self.groups: list[QLabel] = []

    def set_key(self, key: str) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # deleted later; not drawn under the new key meanwhile
                widget.deleteLater()
        self.groups = []
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(max(mono.pointSizeF(), 10) * 1.35)
        for index, group in enumerate(key_groups(key)):
            row, col = divmod(index, self.COLUMNS)
            number = QLabel(str(index + 1))
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            number.setStyleSheet(f"color: {accents().muted_text};")
            number.setContentsMargins(0, 10 if row else 0, 0, 0)  # a gap between the rows
            label = QLabel(group)
            label.setFont(mono)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.grid.addWidget(number, row * 2, col)
            self.grid.addWidget(label, row * 2 + 1, col)
            self.groups.append(label)
        self.setAccessibleDescription(" ".join(key_groups(key)))

    def clear(self) -> None:
        self.set_key("")
        self.setAccessibleDescription("")


class SheetButtons(QWidget):
    """ "Save as PDF…" and "Print…" for the key ``key()`` returns, and what became of it."""

    def __init__(self, key: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._key = key
        self.pdf_button = QPushButton()
        self.pdf_button.setObjectName("savePdf")
        self.print_button = QPushButton()
        self.print_button.setObjectName("printKey")
        self.saved_label = QLabel()
        self.saved_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.saved_label)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_key)
        self.retranslate_ui()

    def ask_pdf_path(self) -> str:
        """The file to write (a method so that tests can answer for the user)."""
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the recovery key"),
            str(Path.home() / "reflectdesk-recovery-key.pdf"),
            self.tr("PDF files (*.pdf)"),
        )
        return path

    def save_pdf(self) -> None:
        key = self._key()
        path = self.ask_pdf_path() if key else ""
        if not path:
            return
        try:
            save_pdf(Path(path), key)
        except OSError:
            message_box(self, self.tr("ReflectDesk"), self.tr("The PDF could not be written."))
            return
        self.saved_label.setText(
            self.tr("Saved to %1. Print it, keep it safe, and delete the file.").replace(
                "%1", Path(path).name
            )
        )

    def print_key(self) -> None:
        key = self._key()
        if key and print_sheet(self, key):
            self.saved_label.setText(self.tr("Sent to the printer."))

    def clear(self) -> None:
        self.saved_label.clear()

    def retranslate_ui(self) -> None:
        self.pdf_button.setText(self.tr("Save as &PDF…"))
        self.print_button.setText(self.tr("P&rint…"))
        self.pdf_button.setAccessibleName(self.tr("Save the recovery key as PDF"))
        self.print_button.setAccessibleName(self.tr("Print the recovery key"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
