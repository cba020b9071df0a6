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
