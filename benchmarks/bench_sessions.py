"""Issue 16.6: what an editing session's save costs: a save that amends the session's
revision (docs/history.md) against one that writes a new revision, on the corpus vault.

    .venv/bin/python benchmarks/bench_sessions.py [--entries 10000] [--saves 200]

Each save is the editor's (``vault.entries.edit_from``) of a changed text, alternating
the two kinds on the same entries so load spikes hit both alike; timed end to end (the
checks that the revision has not left the device, seal, one transaction, the index row).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import PASSPHRASE, build, make_content

OUT = Path(__file__).resolve().parent / "out"


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    from reflectdesk.services.vault import Vault

    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=10_000)
    ap.add_argument("--saves", type=int, default=200)
    args = ap.parse_args()
    vault_dir = build(OUT, args.entries)
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "v"
        shutil.copytree(vault_dir, copy)
        vault = Vault.open(copy)
        vault.unlock(PASSPHRASE)
        rng = random.Random(16)
        ids = [s.id for s in vault.entries.list(limit=20)]
        new_base = {i: vault.entries.get(i).head.id for i in ids[:10]}
        session = {i: vault.entries.get(i).head.id for i in ids[10:]}
        for eid in session:  # each a session's first save: its revision to amend
            content = make_content(rng, date(2026, 5, 1))
            _e, session[eid] = vault.entries.edit_from(
                eid, content, session[eid], started=datetime.now(UTC)
            )
        new_t: list[float] = []
        amend_t: list[float] = []
        revisions_before = sum(len(vault.entries.history(i)) for i in session)
        for n in range(args.saves):
            content = make_content(rng, date(2026, 5, 1))
            eid = ids[n % 10]
            t = time.perf_counter()
            _e, new_base[eid] = vault.entries.edit_from(eid, content, new_base[eid])
            new_t.append(time.perf_counter() - t)
            eid = ids[10 + n % 10]
            t = time.perf_counter()
            _e, session[eid] = vault.entries.edit_from(
                eid, content, session[eid], amend=session[eid]
            )
            amend_t.append(time.perf_counter() - t)
        revisions_after = sum(len(vault.entries.history(i)) for i in session)
        vault.close()
    assert revisions_after == revisions_before  # every save amended
    print(
        json.dumps(
            {
                "entries": args.entries,
                "saves_each": args.saves,
                "new_revision_p50_ms": round(1000 * statistics.median(new_t), 2),
                "new_revision_p95_ms": round(1000 * pct(new_t, 95), 2),
                "amend_p50_ms": round(1000 * statistics.median(amend_t), 2),
                "amend_p95_ms": round(1000 * pct(amend_t, 95), 2),
                "load_1min": os.getloadavg()[0],
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
