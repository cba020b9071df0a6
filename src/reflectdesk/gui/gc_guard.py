"""Run Python's cyclic garbage collector on the GUI thread only.

CPython collects cycles in whichever thread happens to allocate when a threshold is
crossed. If that is a worker (the task runner, the WAL checkpointer, a hashing pool)
and the cycle holds a Qt object, its C++ destructor runs off the GUI thread and Qt
crashes (seen as a segfault "Garbage-collecting" in a worker compiling a regex).
So automatic collection is switched off and a timer on the GUI thread collects with
the same thresholds instead. Reference counting, which frees almost everything, is
unaffected; only cycles wait up to one tick.

Two more things keep a collection short, since it now runs between paints:

* what lives from start-up (modules, classes, the window) is frozen once the event
  loop runs (``gc.freeze``), so no collection walks it again;
* a full collection waits, as CPython's own does, until the old generation grew by a
  quarter since the last one: walking every long-lived object each hundredth tick
  cost the window 16-100 ms while a large import was allocating.
"""

from __future__ import annotations

import gc
import logging

from PySide6.QtCore import QCoreApplication, QObject, QTimer

log = logging.getLogger(__name__)

CHECK_MS = 500
# CPython's rule (gcmodule.c): a full collection only once long_lived_pending exceeds
# a quarter of long_lived_total.
OLD_GROWTH = 0.25
# While a worker allocates fast (an import), tick often: a young collection walks every
# object allocated since the last one, so many small ones pause the window less than
# one large one (30,000 objects cost ~17 ms at a 500 ms tick).
BUSY_MS = 50
BUSY_YOUNG = 10_000


class GuiThreadCollector(QObject):
    """Collects the generations whose counts passed their thresholds, on each tick."""

    def __init__(self, parent: QObject, interval_ms: int = CHECK_MS) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        # Our own counts of young and middle collections: gc.get_count() does not
        # advance the older generations' counters for explicit collections.
        self._young = 0
        self._middle = 0
        self._old_after_full = len(gc.get_objects(generation=2))
        self._idle_ms = interval_ms
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
        allocated = gc.get_count()[0]
        self._timer.setInterval(BUSY_MS if allocated > BUSY_YOUNG else self._idle_ms)
        if not young or allocated <= young:
            return -1
        generation = 0
        self._young += 1
        if self._young >= middle:
            self._young = 0
            self._middle += 1
            generation = 1
            if self._middle >= old:
                self._middle = 0
                if self._old_grew():
                    generation = 2
        gc.collect(generation)
        if generation == 2:
            self._old_after_full = len(gc.get_objects(generation=2))
        return generation

    def _old_grew(self) -> bool:
        # Listing the old generation is a pointer walk, far cheaper than collecting it.
        old_now = len(gc.get_objects(generation=2))
        return old_now - self._old_after_full > OLD_GROWTH * self._old_after_full


def freeze_when_started(app: QCoreApplication) -> None:
    """Once the event loop runs, move everything alive so far (modules, classes, the
    first window) out of the collector's sight: it lives as long as the app, and
    walking it again at each full collection would only pause the window. Reference
    counting still frees any of it that is dropped."""
    QTimer.singleShot(0, app, gc.freeze)


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
