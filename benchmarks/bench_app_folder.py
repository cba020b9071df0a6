"""The app folder (`make dist`): its size, the tarball's, and process start → first window
of the built app side by side with the venv install, in one run.

    make dist
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_app_folder.py [--runs 15]

Both GUIs start the way a user starts them (``dist/ReflectDesk/reflectdesk`` and the
venv's ``reflectdesk`` script) against one temporary data folder that holds a vault,
with ``REFLECTDESK_BENCH_EXIT_ON_SHOWN=1``: the unlock window shows, and the figure is
its first paint minus the moment the process was launched. ``reflectdesk-cli
--version`` is timed too (launch → exit). Runs alternate (venv, app folder, venv …)
after one discarded warm-up each; median, min and max are printed.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench_startup import make_vault

REPO = Path(__file__).resolve().parents[1]


def first_window(argv: list[str], env: dict[str, str]) -> float:
    start = time.time()
    proc = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=60, check=False)
    for line in proc.stdout.splitlines():
        if line.startswith("REFLECTDESK_SHOWN "):
            return float(line.split()[1]) - start
    raise RuntimeError(f"no timestamp (exit {proc.returncode}): {proc.stderr[-2000:]}")


def until_exit(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, capture_output=True, env=env, timeout=60, check=True)
    return time.perf_counter() - start


def du(path: Path) -> str:
    """What `du -sh` says (disk usage, symlinks not followed)."""
    done = subprocess.run(["du", "-sh", str(path)], capture_output=True, text=True, check=True)
    return done.stdout.split()[0]


def side_by_side(
    measure: Callable[[list[str], dict[str, str]], float],
    venv: list[str],
    folder: list[str],
    env: dict[str, str],
    runs: int,
) -> tuple[list[float], list[float]]:
    measure(venv, env)  # warm-up: page cache, font cache
    measure(folder, env)
    ours_venv: list[float] = []
    ours_folder: list[float] = []
    for _ in range(runs):
        ours_venv.append(measure(venv, env))
        ours_folder.append(measure(folder, env))
    return ours_venv, ours_folder


def row(label: str, values: list[float]) -> str:
    med, low, high = statistics.median(values), min(values), max(values)
    return f"{label:40}{med * 1000:>8.0f}ms{low * 1000:>8.0f}ms{high * 1000:>8.0f}ms"


def main() -> int:
    from reflectdesk import __version__

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    parser.add_argument("--dist", type=Path, default=REPO / "dist")
    args = parser.parse_args()
    folder = args.dist / "ReflectDesk"
    tarball = args.dist / f"ReflectDesk-{__version__}-linux-{platform.machine()}.tar.gz"
    venv_bin = Path(sys.executable).parent
    if not (folder / "reflectdesk").is_file():
        print(f"no app folder at {folder}: run `make dist` first", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="reflectdesk-bench-") as tmp:
        home = Path(tmp)
        make_vault(home)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": args.platform,
            "REFLECTDESK_HOME": str(home),
            "REFLECTDESK_BENCH_EXIT_ON_SHOWN": "1",
        }
        gui = side_by_side(
            first_window,
            [str(venv_bin / "reflectdesk")],
            [str(folder / "reflectdesk")],
            env,
            args.runs,
        )
        cli = side_by_side(
            until_exit,
            [str(venv_bin / "reflectdesk-cli"), "--version"],
            [str(folder / "reflectdesk-cli"), "--version"],
            env,
            args.runs,
        )
    size = sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_dir())
    print(f"app folder {folder}: {du(folder)} (du -sh), {size / 1e6:.1f} MB of files")
    if tarball.is_file():
        print(
            f"tarball {tarball.name}: {du(tarball)} (du -sh), {tarball.stat().st_size / 1e6:.1f} MB"
        )
    print(f"platform: {args.platform}, runs: {args.runs} each (+1 warm-up), alternating")
    print(f"{'':40}{'median':>10}{'min':>10}{'max':>10}")
    print(row("unlock window, venv install", gui[0]))
    print(row("unlock window, app folder", gui[1]))
    print(row("reflectdesk-cli --version, venv", cli[0]))
    print(row("reflectdesk-cli --version, app folder", cli[1]))
    ratio = statistics.median(gui[1]) / statistics.median(gui[0])
    print(f"ratio app folder / venv (first window): {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
