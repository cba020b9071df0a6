"""The sync benchmarks still run: a few runs of the SIGKILL trial (both clients killed at
random moments, faults injected) must end with every bundle imported exactly once, and
the performance script runs at a small size (its figures: docs/benchmarks.md)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "benchmarks"))

import bench_sync_trial  # noqa: E402


def test_a_few_sigkill_trial_runs_lose_and_duplicate_nothing() -> None:
    result = bench_sync_trial.run(runs=9, seed=7, kill_rate=0.8, quiet=True)
    assert result["lost"] == [] and result["duplicated_imports"] == 0
    assert result["outbox_left"] == 0 and result["integrity"] == ("ok", "ok")
    assert result["server_files"] == result["imported"]
    assert result["killed"] and result["exported"]


def test_the_performance_script_runs() -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "bench_sync.py"),
            "--bundles",
            "20",
            "--kb",
            "10",
            "--real",
            "3",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "nothing-new sync" in done.stdout and "targets" in done.stdout
