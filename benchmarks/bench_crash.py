"""300 SIGKILLs at random moments during saves; every returned save must survive.

    .venv/bin/python benchmarks/bench_crash.py [--runs 300] [--seed 1]
    .venv/bin/python benchmarks/bench_crash.py --amend [--runs 300]

``--amend``: the saves are an editing session's (each amends the session's revision,
docs/history.md); the last returned text must be the head and the history one chain.
Reuses the test suite's writers and checkers (tests/test_crash_safety.py).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reflectdesk.crypto.kdf import KdfParams
from reflectdesk.domain.model import Role
from reflectdesk.services.vault import NewProfile, Vault
from tests.support import PASSPHRASE
from tests.test_crash_safety import amend_kill_once, kill_once, new_amend_vault, verify


def amend_loop(runs: int, rng: random.Random) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        vault_dir = Path(tmp) / "vault"
        new_amend_vault(vault_dir)
        saves, head, revisions = 0, "inicio", 0
        t0 = time.perf_counter()
        for run in range(runs):
            done, head, revisions = amend_kill_once(vault_dir, run, rng, head)
            saves += done
            if (run + 1) % 25 == 0:
                print(f"{run + 1} kills, {saves} returned saves, all intact", flush=True)
        print(
            f"RESULT amend kills={runs} returned_saves={saves} revisions={revisions} "
            f"integrity=ok lost=0 time={time.perf_counter() - t0:.0f}s"
        )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--amend", action="store_true", help="kill during editing sessions")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    if args.amend:
        amend_loop(args.runs, rng)
        return
    with tempfile.TemporaryDirectory() as tmp:
        vault_dir = Path(tmp) / "vault"
        vault, _ = Vault.create(
            vault_dir,
            PASSPHRASE,
            NewProfile("C", Role.STUDENT),
            kdf_params=KdfParams.insecure_for_tests(),
        )
        vault.journals.create("Diario")
        vault.close()
        expected: dict[str, str] = {}
        saves = 0
        t0 = time.perf_counter()
        for run in range(args.runs):
            saved = kill_once(vault_dir, f"r{run}", rng)
            saves += len(saved)
            expected.update(saved)
            verify(vault_dir, expected)
            if (run + 1) % 25 == 0:
                print(f"{run + 1} kills, {saves} returned saves, all intact", flush=True)
        print(
            f"RESULT kills={args.runs} returned_saves={saves} entries={len(expected)} "
            f"integrity=ok lost=0 time={time.perf_counter() - t0:.0f}s"
        )


if __name__ == "__main__":
    main()
