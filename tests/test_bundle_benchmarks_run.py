"""The bundle benchmark scripts still run (tiny sizes; timings are not checked here:
figures come from the scripts themselves, docs/benchmarks.md)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
TINY = ["--entries", "20", "--attachments", "1", "--attachment-mb", "1", "--repeat", "1"]


@pytest.mark.parametrize("script", ["bench_bundle.py", "bench_bundle_vault.py"])
def test_the_script_runs_and_reports(script: str) -> None:
    # Needs the age binary, like the interop tests: .ci/run installs it.
    result = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / script), *TINY],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "peak RSS" in result.stdout and "ratio" in result.stdout
