"""Helpers the bundle benchmarks share: best-of timing and fsync of a finished file."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path


def best_of(repeat: int, **steps: Callable[[], object]) -> dict[str, float]:
    """Best wall time of each step; the steps alternate, so load spikes hit all alike."""
    best = dict.fromkeys(steps, float("inf"))
    for _ in range(repeat):
        for name, step in steps.items():
            start = time.perf_counter()
            step()
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def fsync(path: Path) -> None:
    """Make ``path`` durable, as our own atomic writes do (for a fair ``age`` figure)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
