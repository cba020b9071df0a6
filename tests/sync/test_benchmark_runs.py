"""The sync transport benchmark still runs (tiny sizes; its figures come from the script
itself, docs/benchmarks.md)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_the_script_runs_and_reports() -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "bench_sync_transport.py"),
            "--files",
            "20",
            "--kb",
            "10",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "WebDAV: put 20 files" in result.stdout and "targets" in result.stdout
