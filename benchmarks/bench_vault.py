"""Issue 2 and 11 figures: unlock-to-search-ready, search vs plaintext FTS5, save
latency, RSS, the one-off conversion of a format-2 vault.

    .venv/bin/python benchmarks/bench_vault.py [--entries 10000] [--no-baseline]

The corpus (corpus.py) is reused from benchmarks/out/; one built by a release before
format 3 is converted in place at its first unlock here, and that conversion is timed
("migration"). Each unlock then runs in a fresh child process (OS page cache warm,
interpreter cold): opening the page-encrypted file, checking the vault state, the
index catch-up, and the first query's 50 hits with snippets; the Argon2id step is
excluded (the corpus vault uses light KDF parameters and the KDF time is measured and
subtracted). Search: the 20 corpus queries, full ranking and the bounded first answer
(``first=True``, what the GUI shows first), limit 50 with snippets.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import PASSPHRASE, QUERIES, build, make_content

OUT = Path(__file__).resolve().parent / "out"

CHILD = r"""
import json, resource, sys, time
t0 = time.perf_counter()
from pathlib import Path
from reflectdesk.crypto import kdf
from reflectdesk.services.vault import Vault
t_import = time.perf_counter()
vault = Vault.open(Path(sys.argv[1]))
t_kdf0 = time.perf_counter()
kdf.derive_key(sys.argv[2], vault.kdf_params)
kdf_s = time.perf_counter() - t_kdf0
t1 = time.perf_counter()
vault.unlock(sys.argv[2])
hits = vault.search.query("reflexion")
t2 = time.perf_counter()
for q in json.loads(sys.argv[3]):
    vault.search.query(q)
hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM:")][0].split()[1]
print(json.dumps({
    "import_s": t_import - t0,
    "unlock_to_search_s": (t2 - t1) - kdf_s,
    "kdf_s": kdf_s,
    "entries": vault.entries.count(),
    "hits": len(hits),
    # VmHWM, not ru_maxrss (which Linux carries over from the parent across exec).
    "maxrss_mb": int(hwm) / 1024,
}))
vault.close()
"""


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(p / 100 * (len(values) - 1))))
    return values[k]


def bench_unlock(vault_dir: Path, runs: int) -> dict[str, float]:
    results = []
    for _ in range(runs):
        proc = subprocess.run(
            [sys.executable, "-c", CHILD, str(vault_dir), PASSPHRASE, json.dumps(QUERIES)],
            capture_output=True,
            text=True,
            check=True,
        )
        results.append(json.loads(proc.stdout))
    return {
        "entries": results[0]["entries"],
        "unlock_median_s": statistics.median(r["unlock_to_search_s"] for r in results),
        "unlock_max_s": max(r["unlock_to_search_s"] for r in results),
        "peak_rss_mb": max(r["maxrss_mb"] for r in results),
    }


def plaintext_index(vault_dir: Path, db_path: Path) -> sqlite3.Connection:
    """The same corpus in a plaintext on-disk FTS5 index: the baseline."""
    from reflectdesk.services.vault import Vault

    vault = Vault.open(vault_dir)
    vault.unlock(PASSPHRASE)
    rows = []
    for s in vault.entries.list():
        e = vault.entries.get(s.id)
        rows.append(
            (
                e.content.title,
                e.content.body_text,
                " ".join(e.content.tags),
                " ".join(e.content.standards),
            )
        )
    vault.close()
    conn = sqlite3.connect(db_path)
    conn.execute(
        "CREATE VIRTUAL TABLE docs USING fts5(title, body, tags, standards, "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    conn.executemany("INSERT INTO docs VALUES (?,?,?,?)", rows)
    conn.commit()
    return conn


def migrate(vault_dir: Path) -> dict[str, float]:
    """Convert a format-2 corpus in place (once) and time each step."""
    from reflectdesk.progress import Progress
    from reflectdesk.services.vault import Vault
    from reflectdesk.vault.header import read_header

    if read_header(vault_dir).pages:
        return {}
    steps: dict[str, float] = {}
    t0 = last = time.perf_counter()
    current = ["kdf"]

    def progress(p: Progress) -> None:
        nonlocal last
        if p.label_code != current[0]:
            now = time.perf_counter()
            steps[f"{current[0]}_s"] = steps.get(f"{current[0]}_s", 0.0) + now - last
            current[0], last = p.label_code, now

    vault = Vault.open(vault_dir)
    vault.unlock(PASSPHRASE, progress=progress)
    steps[f"{current[0]}_s"] = steps.get(f"{current[0]}_s", 0.0) + time.perf_counter() - last
    vault.close()
    steps["total_s"] = time.perf_counter() - t0
    return steps


def bench_search(vault_dir: Path, reps: int, baseline: bool = True) -> dict[str, float]:
    from reflectdesk.search.query import to_fts
    from reflectdesk.services.vault import Vault

    with tempfile.TemporaryDirectory() as tmp:
        plain = plaintext_index(vault_dir, Path(tmp) / "plain.db") if baseline else None
        ours_t, first_t, plain_t = [], [], []
        vault = Vault.open(vault_dir)
        vault.unlock(PASSPHRASE)
        for _ in range(reps):
            for q in QUERIES:
                t = time.perf_counter()
                vault.search.query(q, limit=50, first=True)
                first_t.append(time.perf_counter() - t)
                t = time.perf_counter()
                vault.search.query(q, limit=50)
                ours_t.append(time.perf_counter() - t)
                if plain is None:
                    continue
                # The baseline gets the same two-step plan (rank, then snippets for
                # the 50 shown), so the comparison measures encryption's cost only.
                t = time.perf_counter()
                match = to_fts(q)
                ranked = plain.execute(
                    "SELECT rowid, bm25(docs, 8.0, 1.0, 4.0, 2.0) AS r FROM docs "
                    "WHERE docs MATCH ? ORDER BY r LIMIT 50",
                    (match,),
                ).fetchall()
                if ranked:
                    marks = ",".join("?" * len(ranked))
                    plain.execute(
                        "SELECT rowid, title, snippet(docs, -1, '[', ']', '…', 16) FROM docs "
                        f"WHERE docs MATCH ? AND rowid IN ({marks})",
                        (match, *(r[0] for r in ranked)),
                    ).fetchall()
                plain_t.append(time.perf_counter() - t)
        vault.close()
        if plain is not None:
            plain.close()
    out = {
        "ours_p50_ms": 1000 * pct(ours_t, 50),
        "ours_p95_ms": 1000 * pct(ours_t, 95),
        "first_p50_ms": 1000 * pct(first_t, 50),
        "first_p95_ms": 1000 * pct(first_t, 95),
    }
    if plain_t:
        out["plain_p50_ms"] = 1000 * pct(plain_t, 50)
        out["plain_p95_ms"] = 1000 * pct(plain_t, 95)
    return out


def bench_save(vault_dir: Path, n: int) -> dict[str, float]:
    import random
    from datetime import date

    from reflectdesk.services.vault import Vault

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "v"
        shutil.copytree(vault_dir, copy)
        vault = Vault.open(copy)
        vault.unlock(PASSPHRASE)
        rng = random.Random(7)
        journal = vault.journals.list()[0].id
        ids = [s.id for s in vault.entries.list(limit=n)]
        add_t, edit_t = [], []
        for i in range(n):
            content = make_content(rng, date(2026, 5, 1))
            t = time.perf_counter()
            vault.entries.add(journal, content)
            add_t.append(time.perf_counter() - t)
            t = time.perf_counter()
            vault.entries.edit(ids[i % len(ids)], content)
            edit_t.append(time.perf_counter() - t)
        vault.close()
    return {
        "add_p50_ms": 1000 * pct(add_t, 50),
        "add_p95_ms": 1000 * pct(add_t, 95),
        "edit_p50_ms": 1000 * pct(edit_t, 50),
        "edit_p95_ms": 1000 * pct(edit_t, 95),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--reps", type=int, default=10)
    ap.add_argument("--saves", type=int, default=200)
    ap.add_argument("--no-baseline", action="store_true", help="skip the plaintext FTS5 index")
    args = ap.parse_args()
    t = time.perf_counter()
    vault_dir = build(OUT, args.entries)
    corpus_s = time.perf_counter() - t
    report: dict[str, object] = {"corpus_ready_s": corpus_s, "migration": migrate(vault_dir)}
    report["unlock"] = bench_unlock(vault_dir, args.runs)
    search = bench_search(vault_dir, reps=args.reps, baseline=not args.no_baseline)
    if "plain_p95_ms" in search:
        search["ratio_p95"] = search["ours_p95_ms"] / max(search["plain_p95_ms"], 1e-9)
    report["search"] = search
    report["save"] = bench_save(vault_dir, n=args.saves)
    report["files_mb"] = sum(p.stat().st_size for p in vault_dir.iterdir()) / 1e6
    report["load_1min"] = os.getloadavg()[0]
    print(json.dumps(report, indent=2))
    print(f"bench self maxrss: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
