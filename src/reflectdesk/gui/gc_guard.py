"""Run Python's cyclic garbage collector on the GUI thread only.

CPython collects cycles in whichever thread happens to allocate when a threshold is
crossed. If that is a worker (the task runner, the WAL checkpointer, a hashing pool)
and the cycle holds a Qt object, its C++ destructor runs off the GUI thread and Qt
crashes (seen as a segfault "Garbage-collecting" in a worker compiling a regex).
So automatic collection is switched off and a timer on the GUI thread collects with
the same thresholds instead. Reference counting, which frees almost everything, is
unaffected; only cycles wait up to one tick.
"""

from __future__ import annotations

import gc
import logging

from PySide6.QtCore import QCoreApplication, QObject, QTimer

log = logging.getLogger(__name__)

CHECK_MS = 500


class GuiThreadCollector(QObject):
    """Collects the generations whose counts passed their thresholds, on each tick."""

    def __init__(self, parent: QObject, interval_ms: int = CHECK_MS) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        # Our own counts of young and middle collections: gc.get_count() does not
        # advance the older generations' counters for explicit collections.
        self._young = 0
        self._middle = 0
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_if_due)

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def collect_if_due(self) -> int:
        """What ``gc`` does at an allocation, done here: the youngest generation when
        its count passed the threshold, every tenth time the middle one, every
        hundredth time all. Returns the generation collected (-1: none was due)."""
        young, middle, old = (*self.thresholds, 10, 10)[:3]
        middle, old = middle or 10, old or 10  # 3.13+ may report 0 for older generations
        if not young or gc.get_count()[0] <= young:
            return -1
        generation = 0
        self._young += 1
        if self._young >= middle:
            self._young = 0
            self._middle += 1
            generation = 1
            if self._middle >= old:
                self._middle = 0
                generation = 2
        gc.collect(generation)
        return generation


def install(app: QCoreApplication) -> GuiThreadCollector:
    """Once per application: later calls return the collector already running."""
    existing = app.findChild(GuiThreadCollector)
    if isinstance(existing, GuiThreadCollector):
        return existing
    collector = GuiThreadCollector(app)
    collector.start()
    # Past the event loop nothing ticks: the interpreter collects by itself again.
    app.aboutToQuit.connect(gc.enable)
    log.debug("cyclic garbage collection moved to the GUI thread")
    return collector
