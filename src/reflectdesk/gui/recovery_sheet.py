"""The recovery key on paper: one page, drawn with Qt's own PDF writer or printer."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)
from PySide6.QtWidgets import QWidget

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
    ).format(date=date.today().isoformat())
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
