"""Startup: process start → first window painted, ReflectDesk's unlock window vs a bare
PySide6 window, side by side in one run.

    .venv/bin/python benchmarks/bench_startup.py [--runs 15] [--platform offscreen]

Both are started the same way (a fresh ``python`` process) and print the wall-clock
time of their first paint; the difference to the moment the process was launched is
the startup time. ReflectDesk runs with ``REFLECTDESK_BENCH_EXIT_ON_SHOWN=1`` against a
temporary data folder that holds a vault, so the unlock window is what shows. Runs
alternate (bare, ours, bare, ours …) after one discarded warm-up each. Target: the
median of ours ≤ 2× the bare median.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = r"""
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

class Window(QWidget):
    shown = False
    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.shown:
            self.shown = True
            sys.stdout.write(f"REFLECTDESK_SHOWN {time.time():.6f}\n")
            sys.stdout.flush()
            QTimer.singleShot(0, app.quit)

app = QApplication(sys.argv)
window = Window()
window.resize(460, 260)
window.show()
app.exec()
"""

OURS = "import sys; from reflectdesk.gui.app import main; sys.exit(main())"


def make_vault(home: Path) -> None:
    from reflectdesk.crypto.kdf import KdfParams
    from reflectdesk.domain.model import Role
    from reflectdesk.services.vault import NewProfile, Vault

    vault, _key = Vault.create(
        home / "vault",
        "bench passphrase long enough",
        NewProfile("Bench", Role.STUDENT, "es"),
        kdf_params=KdfParams.insecure_for_tests(),
    )
    vault.close()


def run_once(code: str, env: dict[str, str]) -> float:
    start = time.time()
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    for line in proc.stdout.splitlines():
        if line.startswith("REFLECTDESK_SHOWN "):
            return float(line.split()[1]) - start
    raise RuntimeError(f"no timestamp (exit {proc.returncode}): {proc.stderr[-2000:]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="reflectdesk-bench-") as tmp:
        home = Path(tmp)
        make_vault(home)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": args.platform,
            "REFLECTDESK_HOME": str(home),
            "REFLECTDESK_BENCH_EXIT_ON_SHOWN": "1",
        }
        run_once(BARE, env)  # warm-up: file cache, font cache
        run_once(OURS, env)
        bare: list[float] = []
        ours: list[float] = []
        for _ in range(args.runs):
            bare.append(run_once(BARE, env))
            ours.append(run_once(OURS, env))
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"platform: {args.platform}, runs: {args.runs} each (+1 warm-up)")
    print(f"{'':24}{'median':>10}{'min':>10}{'max':>10}")
    print(f"{'bare PySide6 window':24}{b * 1000:>8.0f}ms{min(bare) * 1000:>8.0f}ms"
          f"{max(bare) * 1000:>8.0f}ms")  # fmt: skip
    print(f"{'ReflectDesk unlock':24}{o * 1000:>8.0f}ms{min(ours) * 1000:>8.0f}ms"
          f"{max(ours) * 1000:>8.0f}ms")  # fmt: skip
    ratio = o / b
    print(f"ratio ours/bare: {ratio:.2f} (target ≤ 2.00): {'OK' if ratio <= 2 else 'OVER'}")
    return 0 if ratio <= 2 else 1


if __name__ == "__main__":
    sys.exit(main())
