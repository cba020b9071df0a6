"""Contain a PySide6 reference-counting bug instead of crashing.

PySide6 6.12.0 on Python 3.11 returns ``None``/``True``/``False`` from many calls
without taking a reference (every ``setText``, every ``Signal.emit`` …). On Python
3.12+ these objects are immortal and nothing happens; on 3.11 their counts fall with
each call until the interpreter aborts ("deallocating None"), after some thousands of
calls: minutes of normal use. pyproject pins ``PySide6-Essentials<6.12``; if a broken
build is installed anyway, a probe at start-up detects it and a timer keeps the counts
topped up (eight bytes per leaked reference), with one warning in the log.
"""

from __future__ import annotations

import ctypes
import logging
import sys

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)

FLOOR = 200_000
CHUNK = 200_000
CHECK_MS = 250
SINGLETONS = (None, True, False)


def leaks_singletons() -> bool:
    """True when this PySide6 drops references to None/True/False (a few calls tell)."""
    if sys.version_info >= (3, 12):
        return False  # immortal: a missing reference cannot hurt
    probe = QObject()
    before = [sys.getrefcount(obj) for obj in SINGLETONS]
    for _ in range(20):
        probe.setObjectName("probe")
        probe.blockSignals(False)
    after = [sys.getrefcount(obj) for obj in SINGLETONS]
    probe.deleteLater()
    return any(a <= b - 10 for a, b in zip(after, before, strict=True))


class SingletonGuard(QObject):
    """Holds extra references to None/True/False whenever their counts run low."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bank: list[object] = []
        # The bank is never freed, not even when the interpreter shuts down: the
        # references PySide dropped are owed for the whole life of the process.
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(self.bank))
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.top_up)

    def start(self) -> None:
        self.top_up()
        self._timer.start()

    def top_up(self) -> None:
        for obj in SINGLETONS:
            if sys.getrefcount(obj) < FLOOR:
                self.bank.extend([obj] * CHUNK)


def install(app: QObject) -> SingletonGuard | None:
    """Start the guard if (and only if) the running PySide6 needs it."""
    if not leaks_singletons():
        return None
    log.warning(
        "this PySide6 build leaks references to None/True/False on Python %d.%d; "
        "compensating (install PySide6-Essentials<6.12 to avoid it)",
        *sys.version_info[:2],
    )
    guard = SingletonGuard(app)
    guard.start()
    return guard
