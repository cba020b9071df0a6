"""Issue 10 figures: what the sealed vault state costs at unlock and per save.

    .venv/bin/python benchmarks/bench_vault_state.py [--entries 10000] [--saves 300]

Two A/B measurements in one process, interleaved so that the load of a shared machine
falls on both sides alike:

- unlock: the full check (read every trust row, one HMAC each, compare with the sealed
  state) on the benchmark corpus, against the unlock it is part of;
- save: an edit (new revision, one transaction, ``synchronous=FULL``) with the state
  update before the commit and without it, alternating.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import PASSPHRASE, build
from reflectdesk.domain.model import EntryContent
from reflectdesk.services.vault import Vault
from reflectdesk.storage.trust_state import TrustState

OUT = Path(__file__).resolve().parent / "out"


def _q(xs: list[float]) -> tuple[float, float]:
    return statistics.median(xs), statistics.quantiles(xs, n=20)[18]


def bench_check(vault_dir: Path, runs: int) -> dict[str, float]:
    vault = Vault.open(vault_dir)
    try:
        t0 = time.perf_counter()
        vault.unlock(PASSPHRASE)
        unlock = time.perf_counter() - t0
        st = vault._unlocked()
        trust = TrustState(st.cipher)
        checks = []
        for _ in range(runs):
            with st.db.engine.connect() as conn:
                t0 = time.perf_counter()
                trust.verify(conn)
                checks.append(time.perf_counter() - t0)
        return {
            "entries": st.entries.count(),
            "unlock_incl_kdf_s": unlock,
            "check_median_ms": statistics.median(checks) * 1000,
            "check_min_ms": min(checks) * 1000,
        }
    finally:
        vault.close()


def bench_saves(vault_dir: Path, saves: int) -> dict[str, float]:
    work = Path(tempfile.mkdtemp(prefix="rd-state-"))
    try:
        copy = work / "vault"
        shutil.copytree(vault_dir, copy, ignore=shutil.ignore_patterns("vault.lock"))
        vault = Vault.open(copy)
        vault.unlock(PASSPHRASE)
        st = vault._unlocked()
        hook = st.db.trust
        entry = vault.entries.list()[0]
        body = "palabra " * 600
        with_hook: list[float] = []
        without: list[float] = []
        for i in range(saves):
            order = ((hook, with_hook), (None, without))
            for use, out in order if i % 2 else order[::-1]:
                st.db.trust = use
                t0 = time.perf_counter()
                vault.entries.edit(
                    entry.id, EntryContent(title=f"t{i}{use is None}", sections={"body": body})
                )
                out.append((time.perf_counter() - t0) * 1000)
        st.db.trust = None  # edits made without it: this copy is thrown away
        vault.close()
        a, b = _q(without), _q(with_hook)
        return {
            "edit_without_p50_ms": a[0],
            "edit_without_p95_ms": a[1],
            "edit_with_p50_ms": b[0],
            "edit_with_p95_ms": b[1],
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--saves", type=int, default=300)
    args = ap.parse_args()
    vault_dir = build(OUT, args.entries)
    report = bench_check(vault_dir, args.runs) | bench_saves(vault_dir, args.saves)
    for key, value in report.items():
        print(f"{key:>24}: {value:.2f}" if isinstance(value, float) else f"{key:>24}: {value}")


if __name__ == "__main__":
    main()
