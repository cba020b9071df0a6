"""Issue 11, design (c) for search: bound the ranking so it stops growing with the vault.

    .venv/bin/python benchmarks/bench_search_window.py --sizes 10000,30000,120000 \
        --designs mc-aegis,sqlcipher-wheels

Runs on the page-design files that ``bench_vault_designs.py`` prepared (run it first).
Per size and design, in a fresh child process, after unlock: the 20 ``corpus.QUERIES`` ×
``--reps`` three ways, alternating so load hits all alike —

- ``full``: every match ranked (what the page designs do today in the prototype);
- ``newest-10k``: only the 10,000 newest *matches* ranked;
- ``window``: only the matches among the 20,000 newest *entries* ranked, the window
  growing ×4 until 50 hits are found (or it covers the vault);

and reports p50 / p95 and how many of the full ranking's top 50 each variant returns
(1.00 = the same 50 entries).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_vault_designs import OUT, PATHS, pct
from corpus import PASSPHRASE, QUERIES
from vault_designs import PageVault, unwrap_dek

WINDOW = 20_000
NEWEST = 10_000


def child(design: str, vault_dir: Path, reps: int) -> dict[str, object]:
    dek, vault_id, _ = unwrap_dek(vault_dir, PASSPHRASE)
    pv = PageVault(vault_dir, design, dek, vault_id)
    times: dict[str, list[float]] = {"full": [], "newest-10k": [], "window": []}
    same: dict[str, list[float]] = {"newest-10k": [], "window": []}
    variants = {
        "full": lambda q: pv.search(q),
        "newest-10k": lambda q: pv.search(q, newest=NEWEST),
        "window": lambda q: pv.search(q, window=WINDOW),
    }
    names = list(variants)
    for rep in range(reps):
        for i, q in enumerate(QUERIES):
            hits = {}
            # Rotate who goes first: the first one reads the cold pages.
            for name in names[(rep + i) % 3 :] + names[: (rep + i) % 3]:
                t = time.perf_counter()
                hits[name] = {h[0] for h in variants[name](q)}
                times[name].append(time.perf_counter() - t)
            if hits["full"]:
                for name in same:
                    same[name].append(len(hits["full"] & hits[name]) / len(hits["full"]))
    pv.lock()
    out: dict[str, object] = {}
    for name, ts in times.items():
        out[f"{name}_p50_ms"] = 1000 * pct(ts, 50)
        out[f"{name}_p95_ms"] = 1000 * pct(ts, 95)
    for name, s in same.items():
        out[f"{name}_same_top50"] = statistics.mean(s)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,30000,120000")
    ap.add_argument("--designs", default="mc-aegis,sqlcipher-wheels")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--child", nargs=2, metavar=("DESIGN", "DIR"))
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], Path(args.child[1]), args.reps)))
        return
    report: dict[str, object] = {}
    for size in args.sizes.split(","):
        for design in args.designs.split(","):
            d = OUT / f"design-{design}-{size}"
            if not d.is_dir():
                print(f"skipping {design} at {size}: run bench_vault_designs.py first")
                continue
            env = dict(os.environ)
            if design in PATHS:
                env["PYTHONPATH"] = str(PATHS[design])
            load = os.getloadavg()[0]
            proc = subprocess.run(
                [sys.executable, __file__, "--child", design, str(d), "--reps", str(args.reps)],
                capture_output=True,
                text=True,
                env=env,
                check=True,
            )
            result = json.loads(proc.stdout.strip().splitlines()[-1])
            result["load_1min"] = load
            report[f"{size} {design}"] = result
            print(f"{size} {design}: " + ", ".join(f"{k} {v:.2f}" for k, v in result.items()))
    (OUT / "search_window.json").write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
