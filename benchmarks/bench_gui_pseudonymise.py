"""Benchmark: the pseudonymisation review dialog on a large case study (issue 15, point 3).

The vault of ``bench_case_study.py`` (a researcher receives ``--students`` × ``--per-student``
entries of ``--words`` words in real signed bundles, consented research-pseudonymised), all
added to an approved case study, the map grown to ``--names`` people and places. Then the
real ``PseudonymiseDialog`` (offscreen) on the app's ``TaskRunner``:

- open → proposals shown: the search runs on the writer queue (target for the search
  itself ≤ 5 s), the grouping and the list on the GUI thread;
- the longest the GUI thread did not answer meanwhile (a 10 ms timer's largest gap):
  the dialog must not block it;
- "Accept all", a whole term ticked, one occurrence shown before/after;
- Apply (on the writer queue) until the dialog is accepted, and the longest gap then.

Run (one command, defaults are the issue's sizes):
``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui_pseudonymise.py
[--students 20] [--per-student 100] [--words 600] [--names 500]``.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))

from bench_case_study import approved_case, build_vault, fill_map


class Gaps:
    """The largest interval between ticks of a 10 ms timer: how long the GUI thread
    was busy without answering."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.start()
        self.timer.stop()

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        if now - self.last > self.largest:
            self.largest, self.cpu = now - self.last, cpu - self.last_cpu
        self.last, self.last_cpu = now, cpu

    def start(self) -> None:
        self.last, self.last_cpu = time.perf_counter(), time.thread_time()
        self.largest = self.cpu = 0.0
        self.timer.start()

    def stop(self) -> str:
        """The largest gap, and the GUI thread's own CPU time in it (the rest: waiting
        for the GIL or for a core on a busy machine)."""
        self.timer.stop()
        return f"{1000 * self.largest:.0f} ms ({1000 * self.cpu:.0f} ms of it GUI-thread CPU)"


def wait(condition: object, timeout: float = 600.0) -> None:
    from PySide6.QtWidgets import QApplication

    deadline = time.perf_counter() + timeout
    while not condition():  # type: ignore[operator]
        if time.perf_counter() > deadline:
            raise TimeoutError
        QApplication.processEvents()
        time.sleep(0.002)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--students", type=int, default=20)
    ap.add_argument("--per-student", type=int, default=100)
    ap.add_argument("--words", type=int, default=600)
    ap.add_argument("--names", type=int, default=500)
    a = ap.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from reflectdesk.gui.case_pseudonymise_dialog import PseudonymiseDialog
    from reflectdesk.gui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([sys.argv[0]])
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        vault, built = build_vault(root, a.students, a.per_student, a.words)
        cs = vault.case_studies
        case = approved_case(vault)
        added = cs.add_many(case, [(c.entry_id, None) for c in cs.candidates(case) if c.addable])
        people = fill_map(vault, case, a.names, random.Random(7))
        print(f"setup: {len(added)} items, map of {people}, built in {built:.1f} s", flush=True)

        runner = TaskRunner()
        gaps = Gaps()
        gaps.start()
        start = time.perf_counter()
        dialog = PseudonymiseDialog(vault, runner, case)
        dialog.resize(1008, 552)
        dialog.show()
        wait(lambda: not dialog.busy() and dialog.model.review is not None)
        shown = time.perf_counter() - start
        stall = gaps.stop()
        model = dialog.model
        print(
            f"open → {len(model.proposals())} proposals in {len(model.terms)} terms shown: "
            f"{shown:.2f} s; GUI thread's longest gap {stall}",
            flush=True,
        )
        start = time.perf_counter()
        dialog.accept_all.click()
        app.processEvents()
        all_ = time.perf_counter() - start
        dialog.skip_all.click()
        start = time.perf_counter()
        dialog.accept_all.click()
        app.processEvents()
        all_ = min(all_, time.perf_counter() - start)
        biggest = max(range(len(model.terms)), key=lambda t: len(model.terms[t].rows))
        start = time.perf_counter()
        model.toggle(model.index(biggest, 0))  # the largest term: all skipped
        model.toggle(model.index(biggest, 0))  # and accepted again
        app.processEvents()
        term = (time.perf_counter() - start) / 2
        start = time.perf_counter()
        dialog.select_proposal(model.terms[biggest].rows[-1])
        app.processEvents()
        one = time.perf_counter() - start
        print(
            f"accept all: {1000 * all_:.0f} ms; a term of {len(model.terms[biggest].rows)} "
            f"ticked: {1000 * term:.0f} ms; one occurrence before/after: {1000 * one:.0f} ms",
            flush=True,
        )
        gaps.start()
        start = time.perf_counter()
        dialog.apply_button.click()
        wait(lambda: dialog.result() == 1)
        applied = time.perf_counter() - start
        stall = gaps.stop()
        print(
            f"apply {dialog.made} replacements → accepted: {applied:.2f} s; "
            f"GUI thread's longest gap {stall}",
            flush=True,
        )
        runner.wait(60_000)
        dialog.deleteLater()
        vault.close()


if __name__ == "__main__":
    main()
