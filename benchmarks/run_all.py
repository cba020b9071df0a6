"""Run every benchmark in turn (``make bench``); each prints its own figures.

The figures recorded in docs/benchmarks.md come from these scripts, run one by one
on an otherwise idle machine.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = [
    ["bench_render.py"],
    ["bench_vault.py"],
    ["bench_startup.py", "--runs", "15"],
    ["bench_gui_list.py"],
    ["bench_bundle.py"],
    ["bench_bundle_vault.py"],
    ["bench_pseudonymise.py"],
    ["bench_qdpx_export.py"],
    ["bench_sync_transport.py"],
    ["bench_crash.py", "--runs", "300"],
    ["bench_crash.py", "--amend", "--runs", "300"],
    ["bench_sessions.py"],
]


def main() -> int:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    failed = 0
    for script in SCRIPTS:
        if not (HERE / script[0]).exists():
            continue
        print(f"== {' '.join(script)}", flush=True)
        failed += (
            subprocess.run([sys.executable, str(HERE / script[0]), *script[1:]], env=env).returncode
            != 0
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
