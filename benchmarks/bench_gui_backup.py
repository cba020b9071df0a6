"""The GUI thread during an automatic backup of the 10,000-entry vault (issue 16).

    .venv/bin/python benchmarks/bench_gui_backup.py [--entries 10000] [--runs 3]

Unlocks the corpus vault (benchmarks/corpus.py), shows the real main window offscreen
with its backup UI (gui/backups.py), sets the daily backup as due and lets the window's
own check start it (on the writer queue, off the GUI thread). A 5 ms heartbeat timer on
the GUI thread records every gap until the backup has finished; the longest gap minus
5 ms is the longest the window could not answer (target ≤ 50 ms). The GUI thread's own
CPU time within that gap is printed beside it (a gap with little of it is the machine or
a worker's GIL, not our work on the GUI thread), and the same figures for 2 s of the
same window with no backup come first (``idle_2s``: the baseline on a shared machine).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).parent))
import corpus

HEARTBEAT_MS = 5
TARGET_MS = 50.0


class _Idle:
    """No backup: the same heartbeat for ``seconds`` (the machine's and the window's own
    baseline on this shared computer)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.until = 0.0

    @property
    def running(self) -> bool:
        return time.monotonic() < self.until

    def check(self) -> None:
        self.until = time.monotonic() + self.seconds


def _one_backup(app: Any, ui: Any, m: Any) -> dict[str, float]:
    clock = QElapsedTimer()
    gaps: list[tuple[float, float]] = []
    state = {"last": 0.0, "cpu": 0.0}

    def beat() -> None:
        now, cpu = float(clock.nsecsElapsed()), time.thread_time()
        gaps.append(((now - state["last"]) / 1e6, (cpu - state["cpu"]) * 1000))
        state["last"], state["cpu"] = now, cpu

    timer = QTimer()
    timer.setInterval(HEARTBEAT_MS)
    timer.timeout.connect(beat)
    clock.start()
    state["last"], state["cpu"] = float(clock.nsecsElapsed()), time.thread_time()
    timer.start()
    t0 = time.perf_counter()
    ui.check()  # the daily backup is due: started on the writer queue
    assert m.running
    while m.running:
        app.processEvents()
        time.sleep(0.001)
    took = time.perf_counter() - t0
    timer.stop()
    worst = max(gaps, default=(0.0, 0.0))
    return {
        "backup_s": round(took, 2),
        "longest_block_ms": round(worst[0] - HEARTBEAT_MS, 1),
        "gui_cpu_in_it_ms": round(worst[1], 1),
        "beats": len(gaps),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from reflectdesk.gui.app import build_context, create_application
    from reflectdesk.gui.backups import BackupUi, manager
    from reflectdesk.gui.main_window import MainWindow
    from reflectdesk.services.vault import Vault

    app = create_application([sys.argv[0]])
    sys.setswitchinterval(0.001)  # as the app does (gui/app.py)
    vault_dir = corpus.build(Path(__file__).parent / "out", args.entries)
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-gui-backup-", dir=vault_dir.parent) as tmp:
        ctx = build_context(app, Path(tmp) / "data")
        vault = Vault.open(vault_dir)
        vault.unlock(corpus.PASSPHRASE)
        window = MainWindow(ctx, vault)
        window.resize(1366, 768)
        window.show()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            app.processEvents()
        # As the controller does once the main window is up (gui/controller.py).
        gc.collect()
        gc.freeze()
        m = manager(ctx)
        ui = BackupUi(window, ctx, vault)
        idle = _Idle(2.0)
        baseline = _one_backup(app, idle, idle)
        for _ in range(args.runs):
            # Due (over a day old), not yet reminded about (under 14 days).
            last = int(time.time()) - 25 * 3600
            m.update(folder=str(Path(tmp) / "usb"), mode="daily", keep=1, last=last)
            results.append(_one_backup(app, ui, m))
        window.prepare_to_close()
        ctx.runner.wait(30_000)
        window.close()
        vault.close()
    uptime = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    baseline.pop("backup_s")
    report = {"entries": args.entries, "idle_2s": baseline, "runs": results, "uptime": uptime}
    print(json.dumps(report, indent=1))
    if max(r["longest_block_ms"] for r in results) > TARGET_MS:
        print(f"over {TARGET_MS} ms")
        raise SystemExit(1)
    QApplication.quit()


if __name__ == "__main__":
    main()
