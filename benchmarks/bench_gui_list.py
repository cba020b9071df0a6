"""The entry list and search with 10,000 entries: the longest GUI-thread block.

    .venv/bin/python benchmarks/bench_gui_list.py [--entries 10000]

Builds (or reuses) the shared corpus with the real services and light KDF parameters
(``benchmarks/corpus.py``), unlocks it, shows the real main window offscreen, and
drives it as a person would: types a search letter by letter ("reflexion", results as
you type), clears it, changes filters, sorts by title and date, scrolls the whole list
to the bottom (rows are fetched page by page) and opens entries. A 5 ms heartbeat timer
on the GUI thread records every gap; the longest gap minus 5 ms is the longest time the
window could not respond. Target: ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).parent))
import corpus

HEARTBEAT_MS = 5
TARGET_MS = 50.0
#: Phases that open an entry in the editor: reported, but not part of the target.
OPENING = ("open results", "open entries")


class Heartbeat:
    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._beat)
        self.last = 0
        self.last_cpu = 0.0
        self.phase = "start"
        self.gaps: dict[str, list[float]] = {}
        # The GUI thread's own CPU time within each gap: tells our work apart from the
        # operating system running other processes (a busy machine) or a worker's GIL.
        self.cpu: dict[str, list[float]] = {}
        self.step = ""
        self.worst: list[tuple[float, float, str]] = []

    def start(self) -> None:
        self.clock.start()
        self.last = self.clock.nsecsElapsed()
        self.last_cpu = time.thread_time()
        self.timer.start()

    def _beat(self) -> None:
        now = self.clock.nsecsElapsed()
        cpu = time.thread_time()
        self.gaps.setdefault(self.phase, []).append((now - self.last) / 1e6)
        self.cpu.setdefault(self.phase, []).append((cpu - self.last_cpu) * 1000)
        if self.phase not in OPENING:
            self.worst.append(((now - self.last) / 1e6, (cpu - self.last_cpu) * 1000, self.step))
        self.last = now
        self.last_cpu = cpu


WAIT = -1  # a step's delay: wait until the entry list has arrived from its worker


def run_script(app: QApplication, steps: list[tuple[str, int, Callable[[], None]]],
               beat: Heartbeat, busy: Callable[[], bool]) -> None:  # fmt: skip
    """Each step runs after its delay (ms) on the event loop, like user input would.
    One timer object is reused (``QTimer.singleShot`` leaks a reference in PySide6 6.12)."""
    queue = list(steps)
    timer = QTimer(app)
    timer.setSingleShot(True)
    current: list[Callable[[], None]] = []
    labels: list[tuple[str, str]] = []

    def fire() -> None:
        if labels:  # the gaps from now on belong to this step's work
            beat.phase, beat.step = labels[0]
        if current and current[0] is _waiting:
            if busy():
                timer.start(5)
                return
        elif current:
            current[0]()
        next_step()

    def _waiting() -> None:
        pass

    def next_step() -> None:
        current.clear()
        labels.clear()
        if not queue:
            current.append(app.quit)
            timer.start(300)
            return
        phase, delay, action = queue.pop(0)
        labels.append((phase, f"{phase} #{len(steps) - len(queue)}"))
        current.append(_waiting if delay == WAIT else action)
        timer.start(5 if delay == WAIT else delay)

    timer.timeout.connect(fire)
    next_step()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=10_000)
    args = parser.parse_args()
    out = Path(__file__).parent / "out"
    vault_dir = corpus.build(out, args.entries)

    from reflectdesk.gui.app import build_context, create_application
    from reflectdesk.gui.controller import preload_and_open
    from reflectdesk.gui.main_window import MainWindow
    from reflectdesk.progress import NEVER_CANCELLED, ignore_progress

    app = create_application([sys.argv[0]])
    with tempfile.TemporaryDirectory(prefix="reflectdesk-bench-") as tmp:
        ctx = build_context(app, Path(tmp))
        ctx.translations.set_language("es")
        import gc

        # What the app does on a worker while the unlock window is up.
        vault = preload_and_open(vault_dir)(ignore_progress, NEVER_CANCELLED)
        t0 = time.perf_counter()
        vault.unlock(corpus.PASSPHRASE)  # on a worker in the app; not part of the figure
        unlock_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        window = MainWindow(ctx, vault)
        window.resize(1280, 800)
        window.show()
        QApplication.processEvents()
        open_ms = (time.perf_counter() - t0) * 1000
        while window.model.loading:  # the list arrives from a worker
            QApplication.processEvents()
        gc.collect()  # as AppController.show_main does
        gc.freeze()
        total = vault.entries.count()

        beat = Heartbeat()
        field = window.search.field
        bar = window.list.verticalScrollBar()
        steps: list[tuple[str, int, Callable[[], None]]] = []
        window.activateWindow()
        steps.append(("type search", 50, window.search.focus_search))  # Ctrl+F, as a person would
        for ch in "reflexion":
            steps.append(("type search", 110, lambda ch=ch: QTest.keyClicks(field, ch)))
        steps.append(("search results", 700, lambda: None))
        steps.append(("open results", 50, lambda: window.results.setCurrentIndex(
            window.results_model.index(0))))  # fmt: skip
        for _ in range(9):
            steps.append(("type search", 90, lambda: QTest.keyClick(field, Qt.Key.Key_Backspace)))
        steps.append(("search results", 600, lambda: None))
        tags = [window.search.tag.itemData(i) for i in range(1, window.search.tag.count())]
        loaded = ("filters", WAIT, lambda: None)
        steps.append(("filters", 150, lambda: window.search.tag.setCurrentIndex(1)))
        steps.append(loaded)
        steps.append(("filters", 150, lambda: window.search.template.setCurrentIndex(2)))
        steps.append(loaded)
        steps.append(("filters", 150, lambda: window.search.set_filter("journal", None)))
        steps.append(loaded)
        steps.append(
            ("sort", 150, lambda: window.list.sortByColumn(1, Qt.SortOrder.AscendingOrder))
        )
        steps.append(("sort", WAIT, lambda: None))
        steps.append(
            ("sort", 150, lambda: window.list.sortByColumn(0, Qt.SortOrder.DescendingOrder))
        )
        steps.append(("sort", WAIT, lambda: None))
        steps.append(("scroll", 100, lambda: window.list.scrollToTop()))

        def scroll() -> None:
            bar.setValue(bar.value() + bar.pageStep() * 3)

        for _ in range(int(total / 25 / 3) + 40):
            steps.append(("scroll", 16, scroll))
        for row in (0, 1, 2, 50, 120, 400, 1000, 5000, 9999):
            steps.append(("open entries", 120, lambda row=row: window.list.selectRow(
                min(row, window.model.rowCount() - 1))))  # fmt: skip
        gc_pauses: list[float] = []
        gc_start = [0.0]

        def on_gc(phase: str, info: dict[str, int]) -> None:
            if phase == "start":
                gc_start[0] = time.perf_counter()
            else:
                gc_pauses.append((time.perf_counter() - gc_start[0]) * 1000)

        gc.callbacks.append(on_gc)
        marks: list[str] = []
        steps.insert(0, ("start", 0, lambda: None))
        rows_loaded = [0]
        steps.append(
            ("open entries", 200, lambda: rows_loaded.__setitem__(0, window.model.rowCount()))
        )
        for phase_name in ("filters", "sort", "scroll", "open entries"):
            idx = next(i for i, st in enumerate(steps) if st[0] == phase_name)
            steps.insert(idx, (phase_name, 0, lambda p=phase_name: marks.append(
                f"{p}: rows {window.model.rowCount()} of {window.model.total()}")))  # fmt: skip
        beat.start()
        run_script(app, steps, beat, lambda: window.model.loading)
        app.exec()
        guard = getattr(app, "_singleton_guard", None)
        window.prepare_to_close()
        ctx.runner.wait(10_000)
        vault.close()

    print("\n".join(marks))
    print(f"gc: {len(gc_pauses)} collections, longest {max(gc_pauses, default=0):.1f} ms")
    # The target is about finding: typing in the search field, filtering, sorting and
    # scrolling. Opening an entry (building its editor) is reported beside it.
    finding = [g for phase, gaps in beat.gaps.items() if phase not in OPENING for g in gaps]
    worst = max(finding) - HEARTBEAT_MS
    worst_cpu = max(c for phase, cpu in beat.cpu.items() if phase not in OPENING for c in cpu)
    opening = (
        max(g for phase in OPENING for g in beat.gaps.get(phase, [HEARTBEAT_MS])) - HEARTBEAT_MS
    )
    print(
        f"entries: {total}, tags: {len(tags)}, rows shown in the list at the end: {rows_loaded[0]}"
    )
    print(f"unlock + index build (worker in the app): {unlock_s * 1000:.0f} ms;"
          f" main window built and shown: {open_ms:.0f} ms")  # fmt: skip
    print(f"{'phase':16}{'beats':>7}{'p50 gap':>10}{'p99 gap':>10}{'max block':>11}"
          f"{'max GUI CPU':>13}")  # fmt: skip
    for phase, gaps in beat.gaps.items():
        p99 = sorted(gaps)[max(0, int(len(gaps) * 0.99) - 1)]
        print(f"{phase:16}{len(gaps):>7}{statistics.median(gaps):>8.1f}ms{p99:>8.1f}ms"
              f"{max(gaps) - HEARTBEAT_MS:>9.1f}ms{max(beat.cpu[phase]):>11.1f}ms")  # fmt: skip
    if guard is not None:
        print(f"PySide6 refcount guard active: {len(guard.bank)} references banked")
    print("longest gaps while finding (wall ms / GUI CPU ms, step):",
          ", ".join(f"{w:.0f}/{c:.0f} {st}" for w, c, st in sorted(beat.worst)[-6:]))  # fmt: skip
    print(f"load average while measuring: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    print(f"opening an entry (editor built, not part of the target): {opening:.1f} ms")
    print(f"most GUI-thread CPU time in one gap while finding: {worst_cpu:.1f} ms")
    print(f"longest GUI-thread block while searching, filtering, sorting and scrolling: "
          f"{worst:.1f} ms (target ≤ {TARGET_MS:.0f} ms): "
          f"{'OK' if worst <= TARGET_MS else 'OVER'}")  # fmt: skip
    return 0 if worst <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
