"""Auto-lock: an application-wide event filter notes the last user input."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.InputMethod,
    }
)


class IdleWatcher(QObject):
    """Emits ``idle`` once after ``timeout_ms`` without keyboard, mouse or touch input.

    The filter only stores a timestamp (cheap on every event); one single-shot timer
    checks it when the timeout could have passed, and re-arms itself for the rest.
    """

    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timeout_ms = 0
        self._last = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check)
        self.set_timeout(timeout_ms)

    @property
    def timeout_ms(self) -> int:
        return self._timeout_ms

    def set_timeout(self, timeout_ms: int) -> None:
        """``0`` switches auto-lock off."""
        self._timeout_ms = max(0, timeout_ms)
        self._last = time.monotonic()
        if self._timeout_ms:
            self._timer.start(self._timeout_ms)
        else:
            self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self._last = time.monotonic()
        return False

    def touch(self) -> None:
        self._last = time.monotonic()

    def stop(self) -> None:
        self._timer.stop()
        self._timeout_ms = 0

    def _check(self) -> None:
        if not self._timeout_ms:
            return
        elapsed_ms = (time.monotonic() - self._last) * 1000
        remaining = self._timeout_ms - elapsed_ms
        if remaining <= 0:
            self.idle.emit()
        else:
            self._timer.start(max(1, int(remaining) + 1))
