"""Test helpers: typing any Unicode text, and walking widgets."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Like ``qtbot.keyClicks`` but for any character (QTest only knows ASCII keys)."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


# -- walking screens ---------------------------------------------------------------------
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSlider,
    QTextEdit,
)

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QTextEdit,
    QPlainTextEdit,
    QSlider,
)
# Parts of composite widgets, named through their owner.
COMPOSITE = (QAbstractSpinBox, QComboBox, QLineEdit, QAbstractItemView, QCalendarWidget, QMenu)


def _is_internal(widget: QWidget, root: QWidget) -> bool:
    if widget.objectName().startswith("qt_"):
        return True
    parent = widget.parentWidget()
    while parent is not None and parent is not root.parentWidget():
        if isinstance(parent, COMPOSITE):
            return True
        parent = parent.parentWidget()
    return False


def describe(widget: QWidget) -> str:
    parent = widget.parentWidget()
    return (
        f"{type(widget).__name__}#{widget.objectName()} "
        f"in {type(parent).__name__ if parent else None}#{parent.objectName() if parent else ''}"
    )


def unnamed_controls(root: QWidget) -> list[str]:
    """Interactive widgets under ``root`` (itself included) without an accessible name."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or _is_internal(widget, root):
            continue
        if not widget.accessibleName().strip():
            found.append(describe(widget))
    return found


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def clipped_texts(root: QWidget) -> list[str]:
    """Visible labels and buttons whose text does not fit the space they were given."""
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or _is_internal(widget, root):
            continue
        if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            rect = widget.contentsRect()
            margin = (
                widget.margin() * 2 + widget.indent()
                if widget.indent() > 0
                else widget.margin() * 2
            )
            if widget.wordWrap():
                need = widget.heightForWidth(widget.width())
                if need > widget.height() + 1:
                    problems.append(f"{describe(widget)}: {need}px > {widget.height()}px high")
            elif widget.textFormat() != Qt.TextFormat.RichText and "<" not in widget.text():
                metrics = widget.fontMetrics()
                need = max(
                    metrics.horizontalAdvance(line) for line in _plain(widget.text()).split("\n")
                )
                if need > rect.width() - margin + 1:
                    problems.append(f"{describe(widget)}: {need}px > {rect.width()}px wide")
        elif isinstance(widget, QAbstractButton) and widget.text():
            hint = widget.sizeHint()
            if hint.width() > widget.width() + 1:
                problems.append(f"{describe(widget)}: {hint.width()}px > {widget.width()}px wide")
    return problems


def written(qtbot: QtBot, page: QWidget) -> None:
    """Wait until the writes a page queued on the writer (``page.writing``) are done and
    their outcome is shown: pages never write on the GUI thread (issue 12, point 5)."""
    qtbot.waitUntil(lambda: getattr(page, "writing", 0) == 0, timeout=10_000)
