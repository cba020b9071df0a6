"""A QR code drawn from the service's SVG, and the safety number in big digit groups."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QImage, QPainter, QPaintEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from reflectdesk.gui.contact_model import safety_number_lines


class QrView(QWidget):
    """Draws an SVG QR code square, on white (scanners need the light quiet zone, also
    in the dark theme)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qrView")
        self.renderer = QSvgRenderer(self)
        self.svg = b""
        self._drawn: QImage | None = None  # the code at the current size, drawn once
        self.setMinimumSize(180, 180)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_svg(self, svg: bytes) -> None:
        if svg == self.svg:
            return
        self.svg = svg
        self._drawn = None
        self.renderer.load(QByteArray(svg))
        self.update()

    def clear(self) -> None:
        self.svg = b""
        self._drawn = None
        self.renderer.load(QByteArray(b""))
        self.update()

    def is_valid(self) -> bool:
        return bool(self.svg) and self.renderer.isValid()

    def sizeHint(self) -> QSize:
        return QSize(220, 220)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def _square(self) -> QRectF:
        side = min(self.width(), self.height())
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.is_valid():
            return
        square = self._square()
        side = round(square.width() * self.devicePixelRatioF())
        if self._drawn is None or self._drawn.width() != side:
            # Rendering the SVG's hundreds of modules costs milliseconds on the GUI
            # thread; a repaint (a scroll, a tooltip) only copies the image.
            self._drawn = self.image(side)
            self._drawn.setDevicePixelRatio(self.devicePixelRatioF())
        painter = QPainter(self)
        painter.drawImage(square.topLeft(), self._drawn)
        painter.end()

    def image(self, side: int = 600) -> QImage:
        """The code as an image (with a white quiet zone), e.g. to save as PNG."""
        image = QImage(side, side, QImage.Format.Format_RGB32)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        margin = side * 0.04
        self.renderer.render(painter, QRectF(margin, margin, side - 2 * margin, side - 2 * margin))
        painter.end()
        return image


class SafetyNumberLabel(QLabel):
    """60 digits, three lines of four groups of five, large and monospaced, selectable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("safetyNumber")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.3)
        font.setWeight(QFont.Weight.DemiBold)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
        self.setFont(font)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.digits = ""

    def set_digits(self, digits: str) -> None:
        self.digits = "".join(ch for ch in digits if ch.isdigit())
        self.setText(safety_number_lines(self.digits))
        # Screen readers read the groups one by one.
        self.setAccessibleDescription(" , ".join(self.text().split()))
