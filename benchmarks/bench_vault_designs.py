"""Issue 11: today's vault against the designs that scale, side by side.

    .venv/bin/python benchmarks/bench_vault_designs.py --sizes 10000,30000,120000 --repeat 3

Needs packages beyond the project's (installed by hand; designs whose package is missing
are skipped with a note). ``sqlcipher3-wheels`` provides the same ``sqlcipher3`` module as
``sqlcipher3-binary``, and so does ``sqlcipher3`` itself: each goes into a folder of its
own that only its child sees::

    .venv/bin/pip install sqlcipher3-binary apsw-sqlite3mc
    .venv/bin/pip install --no-deps --target benchmarks/out/sqlcipher3-wheels sqlcipher3-wheels
    .venv/bin/pip install --no-deps --target benchmarks/out/sqlcipher3-pypi sqlcipher3

For each size the corpus vault is built through the real services (``corpus.py``, reused
when it exists under ``benchmarks/out/``, never committed) and every design's files are
derived from it (``vault_designs.py``: the migration itself, timed). Then, ``--repeat``
rounds, each running every design once in a fresh child process, the design order
rotated between rounds so load from other jobs hits all alike:

- unlock → search ready: from the data key (Argon2id measured and subtracted, as in
  ``bench_vault.py``) to the first query's hits, "reflexion", 50 hits with snippets;
- search p50 / p95: the 20 ``corpus.QUERIES`` × ``--reps``, limit 50 with snippets;
- save p50 / p95: ``--saves`` edits of existing entries (a new revision, committed
  durably with ``synchronous=FULL``, index updated);
- peak RSS of the child (``ru_maxrss``) before and after lock; lock time;
- file size of the vault folder after the run.

Each figure is the median over the rounds. Results go to stdout (a Markdown table) and
``--json`` (default ``benchmarks/out/designs.json``).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import PASSPHRASE, QUERIES, build, make_content
from vault_designs import (
    DESIGNS,
    PAGE_DESIGNS,
    PageVault,
    SnapshotVault,
    dir_size,
    migrate_to_pages,
    prepare_snapshot,
    unwrap_dek,
)

OUT = Path(__file__).resolve().parent / "out"
WHEELS_DIR = OUT / "sqlcipher3-wheels"  # sqlcipher3-wheels, installed with --target
PYPI_DIR = OUT / "sqlcipher3-pypi"  # sqlcipher3 (upstream, with wheels since 0.6), same
# The bounded search ranks only the newest NEWEST matches (design "c").
NEWEST = 10_000
NEEDS = {"sqlcipher": "sqlcipher3", "mc-chacha20": "apsw", "mc-aegis": "apsw"}
PATHS = {"sqlcipher-wheels": WHEELS_DIR, "sqlcipher-pypi": PYPI_DIR}


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(p / 100 * (len(values) - 1))))
    return values[k]


def maxrss_mb() -> float:
    """Peak RSS of this process since exec (VmHWM). ``ru_maxrss`` is not used: Linux
    carries it across exec, so a child would report its parent's peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- child: one design, one fresh process ----------------------------------------------------
def child(design: str, vault_dir: Path, reps: int, saves: int, seed: int) -> dict[str, object]:
    from reflectdesk.services.vault import Vault

    rng = random.Random(seed)
    contents = [make_content(rng, date(2026, 5, 1)) for _ in range(saves)]
    out: dict[str, object] = {"design": design, "rss_start_mb": maxrss_mb()}
    search_t: list[float] = []
    save_t: list[float] = []
    if design in ("today", "snapshot"):
        import sqlite3

        raw = sqlite3.connect(vault_dir / "vault.db")
        ids = [r[0] for r in raw.execute("SELECT id FROM entries ORDER BY id LIMIT 5000")]
        raw.close()
        cls = SnapshotVault if design == "snapshot" else Vault
        vault = cls.open(vault_dir)
        from reflectdesk.crypto import kdf

        t = time.perf_counter()
        kdf.derive_key(PASSPHRASE, vault.kdf_params)
        kdf_s = time.perf_counter() - t
        t = time.perf_counter()
        vault.unlock(PASSPHRASE)
        hits = vault.search.query("reflexion")
        out["unlock_s"] = time.perf_counter() - t - kdf_s
        out["hits"] = len(hits)
        if design == "snapshot":
            out["unlock_path"] = SnapshotVault.last_unlock
        for _ in range(reps):
            for q in QUERIES:
                t = time.perf_counter()
                vault.search.query(q, limit=50)
                search_t.append(time.perf_counter() - t)
        for content in contents:
            entry_id = rng.choice(ids)
            t = time.perf_counter()
            vault.entries.edit(entry_id, content)
            save_t.append(time.perf_counter() - t)
        out["rss_before_lock_mb"] = maxrss_mb()
        t = time.perf_counter()
        vault.close()
        out["lock_s"] = time.perf_counter() - t
    else:
        # The same steps as the real unlock: header, KDF (subtracted), unwrap, header
        # MAC, open with the page key, first hits.
        t = time.perf_counter()
        dek, vault_id, kdf_s = unwrap_dek(vault_dir, PASSPHRASE)
        pv = PageVault(vault_dir, design, dek, vault_id)
        hits2 = pv.search("reflexion")
        out["unlock_s"] = time.perf_counter() - t - kdf_s
        out["hits"] = len(hits2)
        if pv.db.apsw:
            import apsw

            out["engine"] = f"apsw {apsw.apsw_version()} / SQLite {apsw.sqlite_lib_version()}"
        else:
            import sqlcipher3

            facts = [
                pv.db.execute(f"PRAGMA {p}").fetchall()[0][0]
                for p in ("cipher_version", "cipher_provider_version")
            ]
            out["engine"] = f"{sqlcipher3.__file__} SQLCipher {facts[0]}, {facts[1]}"
        ids = pv.entry_ids(5000)
        bounded_t: list[float] = []
        overlap: list[float] = []
        for _ in range(reps):
            for q in QUERIES:
                t = time.perf_counter()
                full = pv.search(q, limit=50)
                search_t.append(time.perf_counter() - t)
                t = time.perf_counter()
                part = pv.search(q, limit=50, newest=NEWEST)
                bounded_t.append(time.perf_counter() - t)
                if full:
                    overlap.append(len({h[0] for h in full} & {h[0] for h in part}) / len(full))
        out["bounded_p50_ms"] = 1000 * pct(bounded_t, 50)
        out["bounded_p95_ms"] = 1000 * pct(bounded_t, 95)
        out["bounded_same_top50"] = statistics.mean(overlap)
        for content in contents:
            entry_id = rng.choice(ids)
            t = time.perf_counter()
            pv.edit(entry_id, content)
            save_t.append(time.perf_counter() - t)
        out["rss_before_lock_mb"] = maxrss_mb()
        t = time.perf_counter()
        pv.lock()
        out["lock_s"] = time.perf_counter() - t
    out["rss_peak_mb"] = maxrss_mb()
    out["search_p50_ms"] = 1000 * pct(search_t, 50)
    out["search_p95_ms"] = 1000 * pct(search_t, 95)
    out["search_max_ms"] = 1000 * max(search_t)
    out["per_query_p50_ms"] = {
        q: 1000 * statistics.median(search_t[i :: len(QUERIES)]) for i, q in enumerate(QUERIES)
    }
    out["save_p50_ms"] = 1000 * pct(save_t, 50)
    out["save_p95_ms"] = 1000 * pct(save_t, 95)
    out["file_mb"] = dir_size(vault_dir) / 1e6
    return out


# -- parent -----------------------------------------------------------------------------------
def prepare(size: int, designs: list[str]) -> tuple[dict[str, Path], dict[str, object]]:
    t = time.perf_counter()
    base = build(OUT, size)
    notes: dict[str, object] = {"corpus_ready_s": time.perf_counter() - t}
    dirs: dict[str, Path] = {"today": base}
    for design in designs:
        if design == "today":
            continue
        d = OUT / f"design-{design}-{size}"
        marker = d / "prepared.json"
        if marker.exists():
            notes[f"prepare_{design}"] = json.loads(marker.read_text())
        else:
            print(f"  preparing {design} at {size} …", flush=True)
            if design == "snapshot":
                steps = prepare_snapshot(base, d, PASSPHRASE)
            elif design in PATHS and (OUT / f"design-sqlcipher-{size}").exists():
                # The same file format (SQLCipher 4 defaults): a copy, not a migration.
                t0 = time.perf_counter()
                shutil.copytree(OUT / f"design-sqlcipher-{size}", d)
                (d / "prepared.json").unlink()
                steps = {"copied_from_sqlcipher_s": time.perf_counter() - t0}
            else:
                steps = migrate_to_pages(base, d, design, PASSPHRASE)
            marker.write_text(json.dumps(steps))
            notes[f"prepare_{design}"] = steps
        dirs[design] = d
    return dirs, notes


def run_child(design: str, path: Path, args: argparse.Namespace, seed: int) -> dict[str, object]:
    env = dict(os.environ)
    if design in PATHS:
        env["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(PATHS[design]), env.get("PYTHONPATH")])
        )
    proc = subprocess.run(
        [
            sys.executable,
            __file__,
            "--child",
            design,
            str(path),
            "--reps",
            str(args.reps),
            "--saves",
            str(args.saves),
            "--seed",
            str(seed),
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    if proc.returncode != 0:
        print(proc.stderr[-3000:], file=sys.stderr)
        raise SystemExit(f"{design} failed")
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


FIGURES = [
    ("unlock_s", "unlock→ready s", 2),
    ("search_p50_ms", "search p50 ms", 1),
    ("search_p95_ms", "search p95 ms", 1),
    ("bounded_p50_ms", "newest-10k p50 ms", 1),
    ("bounded_p95_ms", "newest-10k p95 ms", 1),
    ("bounded_same_top50", "same top 50", 2),
    ("save_p50_ms", "save p50 ms", 1),
    ("save_p95_ms", "save p95 ms", 1),
    ("rss_before_lock_mb", "RSS MB", 0),
    ("rss_peak_mb", "RSS incl. lock MB", 0),
    ("lock_s", "lock s", 2),
    ("file_mb", "file MB", 0),
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,30000,120000")
    ap.add_argument("--designs", default=",".join(DESIGNS))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--reps", type=int, default=5, help="passes over the 20 queries per run")
    ap.add_argument("--saves", type=int, default=100)
    # Each run edits with fresh content (an edit equal to the head is a no-op).
    ap.add_argument("--seed", type=int, default=int(time.time()))
    ap.add_argument("--json", type=Path, default=OUT / "designs.json")
    ap.add_argument("--prepare-only", action="store_true")
    ap.add_argument("--child", nargs=2, metavar=("DESIGN", "DIR"))
    args = ap.parse_args()
    if args.child:
        print(
            json.dumps(child(args.child[0], Path(args.child[1]), args.reps, args.saves, args.seed))
        )
        return
    designs = []
    for d in args.designs.split(","):
        need = NEEDS.get(d)
        if need and importlib.util.find_spec(need) is None:
            print(f"skipping {d}: `pip install` the package that provides {need}")
            continue
        if d in PATHS and not PATHS[d].is_dir():
            print(f"skipping {d}: install it into {PATHS[d]} (see the module docstring)")
            continue
        designs.append(d)
    report: dict[str, object] = {
        "load_before": os.getloadavg(),
        "started": time.strftime("%Y-%m-%d %H:%M:%S"),
    }
    for size in (int(s) for s in args.sizes.split(",")):
        dirs, notes = prepare(size, designs)
        if args.prepare_only:
            print(json.dumps(notes))
            continue
        runs: dict[str, list[dict[str, object]]] = {d: [] for d in designs}
        loads = []
        for r in range(args.repeat):
            order = designs[r % len(designs) :] + designs[: r % len(designs)]
            for d in order:
                loads.append(os.getloadavg()[0])
                runs[d].append(run_child(d, dirs[d], args, seed=args.seed * 1000 + r))
                print(f"  {size} round {r + 1} {d}: {json.dumps(runs[d][-1])[:160]}", flush=True)
        med = {
            d: {
                k: statistics.median(float(x.get(k, "nan")) for x in rs)  # type: ignore[arg-type]
                for k, _, _ in FIGURES
            }
            for d, rs in runs.items()
        }
        report[str(size)] = {"notes": notes, "median": med, "runs": runs, "load_1min": loads}
        print(
            f"\n## {size} entries (median of {args.repeat}; load {min(loads):.1f}–{max(loads):.1f})"
        )
        print("| design | " + " | ".join(label for _, label, _ in FIGURES) + " |")
        print("| --- " * (len(FIGURES) + 1) + "|")
        for d in designs:
            cells = [f"{med[d][k]:.{nd}f}" for k, _, nd in FIGURES]
            print(f"| {d} | " + " | ".join(cells) + " |")
        OUT.mkdir(exist_ok=True)
        args.json.write_text(json.dumps(report, indent=1))
    print(f"\nload after: {os.getloadavg()}; page designs: {', '.join(PAGE_DESIGNS)}")


if __name__ == "__main__":
    main()
