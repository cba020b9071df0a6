"""Cyclic garbage is collected on the GUI thread, never by a worker's allocation."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from reflectdesk.gui import gc_guard


class _Cycle:
    def __init__(self) -> None:
        self.me = self
        self.widget = QObject()  # a Qt object inside a cycle: must die on the GUI thread


def test_installed_once_and_the_interpreter_does_not_collect_by_itself(
    qapp: QApplication,
) -> None:
    collector = gc_guard.install(qapp)
    assert gc_guard.install(qapp) is collector
    assert collector.active and not gc.isenabled()


def test_every_generation_is_collected_in_turn(qapp: QApplication) -> None:
    collector = gc_guard.GuiThreadCollector(qapp)
    young, middle, old = collector.thresholds
    cycle = _Cycle()
    dead = weakref.ref(cycle)
    gc.collect(0)  # it survives a young collection first, like long-lived garbage
    del cycle
    generations = []
    kept: list[list[object]] = []
    for _ in range(middle * old):
        kept += [[] for _ in range(young + 1)]  # a young collection is due
        generations.append(collector.collect_if_due())
        if dead() is None:
            break
    assert dead() is None  # reached by an older generation's collection
    assert set(generations) <= {0, 1, 2} and generations[-1] in (1, 2)
    collector.deleteLater()


def test_a_full_collection_waits_until_the_old_generation_grew_by_a_quarter(
    qapp: QApplication,
) -> None:
    """As CPython decides: walking every long-lived object each hundredth tick paused
    the window while a large import allocated; now only growth of a quarter calls for it."""
    collector = gc_guard.GuiThreadCollector(qapp)
    young, middle, old = collector.thresholds
    long_lived = [[i] for i in range(500_000)]  # the conftest froze the rest
    gc.collect()
    collector._old_after_full = len(gc.get_objects(generation=2))

    def ticks_until_full() -> list[int]:
        generations: list[int] = []
        kept: list[list[object]] = []
        for _ in range(middle * old):
            kept += [[] for _ in range(young + 1)]  # a young collection is due
            generations.append(collector.collect_if_due())
        assert generations.count(-1) == 0
        return generations

    # What one round keeps (young + 1 per tick) stays under a quarter of what lives.
    assert middle * old * (young + 1) < 0.25 * len(long_lived)
    assert 2 not in ticks_until_full()
    gc.collect()
    collector._old_after_full = len(gc.get_objects(generation=2))
    grown = [[i] for i in range(int(collector._old_after_full * 0.3) + 1)]
    gc.collect(1)  # they reach the old generation, as long-lived objects do
    assert 2 in ticks_until_full()
    assert collector._old_after_full >= len(grown) + len(long_lived)
    collector.deleteLater()


def test_the_app_freezes_what_lives_from_start_up_once_the_loop_runs(
    qapp: QApplication,
) -> None:
    gc.unfreeze()
    before = gc.get_freeze_count()
    try:
        gc_guard.freeze_when_started(qapp)
        assert gc.get_freeze_count() == before  # not before the loop turns
        QApplication.processEvents()
        assert gc.get_freeze_count() > before
    finally:
        gc.unfreeze()
        gc.freeze()  # the conftest froze the earlier tests' objects; keep it so


def test_it_ticks_often_while_much_is_allocated_and_rarely_when_idle(
    qapp: QApplication,
) -> None:
    collector = gc_guard.GuiThreadCollector(qapp)
    gc.collect()
    collector.collect_if_due()
    assert collector._timer.interval() == gc_guard.CHECK_MS
    burst = [[] for _ in range(gc_guard.BUSY_YOUNG + 1)]  # a worker importing
    assert collector.collect_if_due() >= 0
    assert collector._timer.interval() == gc_guard.BUSY_MS
    del burst
    collector.collect_if_due()
    assert collector._timer.interval() == gc_guard.CHECK_MS
    collector.deleteLater()
