"""Windows that open inside the screen they are on, and a layout remembered per screen.

A 1366x768 laptop has about 1366x728 available under its panel, a 1024x600 netbook
1024x560: a window opened at a fixed 1280x800 put its status bar below the edge
(issue 16, point 1). Sizes here are what the window would like, cut to what the screen
offers; a remembered layout is keyed by the screen (its name and available size), so a
laptop that is sometimes docked to a large monitor keeps one layout for each.
"""

from __future__ import annotations

import base64
import json
import logging
from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSplitter, QWidget

log = logging.getLogger(__name__)

# Room for the title bar and the window frame, which a window does not have until the
# window manager shows it.
FRAME = QSize(16, 48)
MAX_SCREENS = 8  # layouts kept (the newest); the settings file stays small


def available(widget: QWidget) -> QRect:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 600)


def screen_key(widget: QWidget) -> str:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    area = available(widget)
    name = screen.name() if screen is not None else ""
    return f"{name}:{area.width()}x{area.height()}"


def fit_to_screen(window: QWidget, preferred: QSize) -> None:
    """Resize to ``preferred`` or the screen's available area less the frame, whichever is
    smaller (never under the window's minimum), and centre it there."""
    area = available(window)
    width = max(
        min(preferred.width(), area.width() - FRAME.width()), window.minimumSizeHint().width()
    )
    height = max(
        min(preferred.height(), area.height() - FRAME.height()),
        min(window.minimumSizeHint().height(), area.height() - FRAME.height()),
    )
    window.resize(width, height)
    window.move(
        area.x() + max(0, (area.width() - width) // 2),
        area.y() + max(0, (area.height() - height - FRAME.height()) // 2),
    )


def fit_dialog(dialog: QWidget, preferred: QSize) -> None:
    """A dialog's first size: ``preferred``, cut to the screen it will open on (its
    parent's) less the frame; the layout keeps it from going under its minimum, so what
    is long has to scroll inside (the layout test checks the minimum fits 1024x600)."""
    parent = dialog.parentWidget()
    area = available(parent.window() if parent is not None else dialog)
    dialog.resize(
        min(preferred.width(), area.width() - FRAME.width()),
        min(preferred.height(), area.height() - FRAME.height()),
    )


def keep_on_screen(window: QWidget) -> None:
    """After a restore: a geometry saved on a larger screen is cut down and moved in."""
    area = available(window)
    room = QSize(area.width() - FRAME.width(), area.height() - FRAME.height())
    if window.width() > room.width() or window.height() > room.height():
        window.resize(min(window.width(), room.width()), min(window.height(), room.height()))
    x = min(max(window.x(), area.x()), area.right() - window.width())
    y = min(max(window.y(), area.y()), area.bottom() - window.height() - FRAME.height())
    window.move(max(x, area.x()), max(y, area.y()))


def share(
    splitter: QSplitter, total: int, fractions: Sequence[float], minimums: Sequence[int]
) -> list[int]:
    """Split ``total`` pixels by fractions (not fixed pixels), each part at least its
    minimum, the last taking the rest: the same proportions on a 1024- and a 1920-pixel
    screen. ``total`` is given because a splitter not shown yet has no width."""
    room = total - splitter.handleWidth() * (len(fractions) - 1)
    sizes = [max(int(room * f), m) for f, m in zip(fractions[:-1], minimums[:-1], strict=True)]
    sizes.append(max(room - sum(sizes), minimums[-1]))
    splitter.setSizes(sizes)
    return sizes


def save_layout(stored: str, window: QWidget, splitters: Sequence[QSplitter]) -> str:
    """``stored`` (the settings' JSON map) with this screen's geometry and splitters."""
    layouts = _load(stored)
    key = screen_key(window)
    layouts.pop(key, None)
    layouts[key] = {
        "geometry": _b64(window.saveGeometry()),
        "splitters": [_b64(s.saveState()) for s in splitters],
    }
    while len(layouts) > MAX_SCREENS:
        layouts.pop(next(iter(layouts)))
    return json.dumps(layouts, separators=(",", ":"))


def restore_layout(stored: str, window: QWidget, splitters: Sequence[QSplitter]) -> bool:
    """Put back what was saved for this screen; False when nothing was (or it was bad)."""
    entry = _load(stored).get(screen_key(window))
    if not isinstance(entry, dict):
        return False
    try:
        geometry = _bytes(entry["geometry"])
        states = [_bytes(s) for s in entry.get("splitters", [])]
    except (KeyError, TypeError, ValueError):
        log.info("a stored window layout was unreadable; using the default")
        return False
    if not window.restoreGeometry(geometry):
        return False
    for splitter, state in zip(splitters, states, strict=False):
        splitter.restoreState(state)
    keep_on_screen(window)
    return True


def _load(stored: str) -> dict[str, object]:
    try:
        value = json.loads(stored) if stored else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _b64(data: QByteArray) -> str:
    return base64.b64encode(bytes(data.data())).decode("ascii")


def _bytes(text: object) -> QByteArray:
    return QByteArray(base64.b64decode(str(text), validate=True))
