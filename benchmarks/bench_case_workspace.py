"""Benchmark: the case-study workspace (issue 15) on a study of 2,000 items, offscreen.

A researcher's vault receives ``--students`` × ``--per-student`` entries of ``--words``
words in real bundles (``bench_case_study.build_vault``), all added to an approved study.
Then, on the GUI thread, as the user meets them:

- opening the workspace (the project list and every tab's ``set_case``: the items table
  with 2,000 rows, the audit log with 2,000+ records verified): the time the GUI thread
  is held by the call, the time until every tab shows the study (their reads run on
  workers), and the longest freeze of the event loop meanwhile (a 5 ms timer's gaps);
- a refresh (what a withdrawal or another tab's change triggers), measured the same way;
- the picker: reading 2,000 candidates with their consent on a worker, then the table;
- filtering the picker (one word typed).

Run (one command): ``QT_QPA_PLATFORM=offscreen .venv/bin/python
benchmarks/bench_case_workspace.py [--students 20] [--per-student 100] [--words 600]``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from bench_case_study import approved_case, build_vault
from reflectdesk.gui.case_picker import CasePickerDialog
from reflectdesk.gui.case_workspace import CaseWorkspace
from reflectdesk.gui.tasks import TaskRunner


def _settle() -> None:
    for _ in range(3):
        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents()


def _until_idle(runner: TaskRunner) -> None:
    while runner.pending:
        _settle()
        time.sleep(0.002)
    _settle()


class _Stalls:
    """The longest gap between two ticks of a 5 ms timer: how long the GUI froze."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.worst = 0.0

    def start(self) -> None:
        self.last, self.worst = time.perf_counter(), 0.0
        self.cpu_last, self.worst_cpu = time.thread_time(), 0.0
        self.timer.start()

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        if now - self.last > self.worst:
            # The gap, and how much of it the GUI thread itself ran (the rest: waiting
            # for a core or for the interpreter lock held by a worker).
            self.worst, self.worst_cpu = now - self.last, cpu - self.cpu_last
        self.last, self.cpu_last = now, cpu

    def stop(self) -> str:
        self.timer.stop()
        self._tick()
        return f"{self.worst * 1000:.0f} ms ({self.worst_cpu * 1000:.0f} ms of its own CPU)"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--students", type=int, default=20)
    ap.add_argument("--per-student", type=int, default=100)
    ap.add_argument("--words", type=int, default=600)
    ap.add_argument("--profile", action="store_true", help="where a refresh spends its time")
    a = ap.parse_args()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    with tempfile.TemporaryDirectory() as tmp:
        vault, built = build_vault(Path(tmp), a.students, a.per_student, a.words)
        cs = vault.case_studies
        case = approved_case(vault)
        cs.add_many(case, [(c.entry_id, None) for c in cs.candidates(case) if c.addable])
        items = len(cs.items(case))
        print(f"setup: {items} items in a study ({built:.1f} s to receive them)")
        runner = TaskRunner()
        stalls = _Stalls()
        t0 = time.perf_counter()
        ws = CaseWorkspace(vault, runner)
        ws.resize(1200, 700)
        ws.show()
        _settle()
        blocked = time.perf_counter() - t0
        stalls.start()
        _until_idle(runner)
        print(
            f"open the workspace: GUI thread {blocked:.2f} s; every tab shown "
            f"({items} item rows, the audit log checked) after {time.perf_counter() - t0:.2f} s;"
            f" longest GUI stall meanwhile {stalls.stop()}"
        )
        t0 = time.perf_counter()
        ws.refresh()
        _settle()
        blocked = time.perf_counter() - t0
        stalls.start()
        _until_idle(runner)
        print(
            f"refresh every tab: GUI thread {blocked:.2f} s; shown after "
            f"{time.perf_counter() - t0:.2f} s; longest GUI stall {stalls.stop()}"
        )
        if a.profile:
            import cProfile
            import pstats

            profile = cProfile.Profile()
            profile.enable()
            ws.refresh()
            _until_idle(runner)
            profile.disable()
            pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
        t0 = time.perf_counter()
        picker = CasePickerDialog(vault, runner, case, ws)
        picker.show()
        while not picker.loaded:
            _settle()
            time.sleep(0.005)
        _settle()
        rows = picker.model.rowCount()
        print(f"picker: {rows} candidates read and shown: {time.perf_counter() - t0:.2f} s")
        t0 = time.perf_counter()
        picker.filter.setText("semana 7")
        _settle()
        print(
            f"picker filter (one word typed): {(time.perf_counter() - t0) * 1000:.0f} ms, "
            f"{picker.proxy.rowCount()} shown"
        )
        picker.close()
        ws.close()
        runner.wait(10_000)
        vault.close()
    del app


if __name__ == "__main__":
    main()
