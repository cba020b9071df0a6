"""Small widget helpers shared by the pages and dialogs (one place, one behaviour)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)


def wrap(label: QLabel) -> QLabel:
    """A label that wraps its words and grows in height, never in width: the pages must
    fit a small window in Spanish."""
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


def scrolling(content: QWidget, name: str = "") -> QScrollArea:
    """``content`` in a frameless scroll area that resizes it: a dialog or page whose
    content is longer than a 1024x600 screen scrolls instead of clipping it (issue 16)."""
    area = QScrollArea()
    area.setObjectName(name or f"{content.objectName()}Scroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    return area


def stacked(page: QWidget) -> QWidget:
    """What a stack holds for ``page``: the scroll area made by :func:`scrolling`, or
    the page itself (``stack.setCurrentWidget(stacked(page))``)."""
    viewport = page.parentWidget()
    area = viewport.parentWidget() if viewport is not None else None
    return area if isinstance(area, QScrollArea) and area.widget() is page else page


def grow_to_fit(window: QWidget) -> None:
    """A window whose wrapped text needs more height at its width than it has (Qt
    sizes a window by its minimum, not by the height its wrapped labels need at the
    width it got): grown to that height, as far as its screen allows. Call once it is
    shown and after its text grows (an error message, another language)."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()  # a label just shown or changed is counted
    if not layout.hasHeightForWidth():
        return
    need = layout.totalHeightForWidth(window.width())
    screen = window.screen()
    room = screen.availableGeometry().height() - 48 if screen is not None else need
    height = min(need, room)
    if height > window.height():
        window.resize(window.width(), height)


def named_button(name: str, slot: Callable[[], object]) -> QPushButton:
    """A push button with its object name (tests and the theme use it) and its action."""
    button = QPushButton()
    button.setObjectName(name)
    button.clicked.connect(slot)
    return button


def local_paths(event: QDragEnterEvent | QDropEvent, suffix: str) -> list[Path]:
    """The local files a drag carries whose name ends with ``suffix`` ("" for any)."""
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [
        Path(url.toLocalFile())
        for url in mime.urls()
        if url.isLocalFile() and url.toLocalFile().lower().endswith(suffix)
    ]


def list_page_layout(
    page: QWidget,
    heading: QWidget,
    intro: QWidget,
    view: QWidget,
    empty: QWidget,
    buttons: Sequence[QWidget],
) -> QVBoxLayout:
    """The sharing and review pages' one layout: a heading, a line of what it is, the
    list (stretching), what shows when it is empty, and its buttons on the left."""
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(10, 10, 10, 10)
    layout.addWidget(heading)
    layout.addWidget(intro)
    layout.addWidget(view, 1)
    layout.addWidget(empty)
    layout.addLayout(row)
    return layout
