"""SIGKILL at random moments of ``backup create`` (issue 16).

    .venv/bin/python benchmarks/bench_backup_kills.py [--entries 2000] [--kills 30]

Builds (or reuses) a corpus vault, makes one good backup, times a full create, then for
each trial starts a child that opens the vault and makes a backup into the same folder,
and kills it with SIGKILL at a random moment of that span (from the unlock to past the
rename). After every kill: the previous backup is byte for byte what it was; every
``.rdbackup`` file in the folder verifies (a kill after the rename leaves a whole one);
every other file there (the work folders of killed creates: the database copy, the
staged file) is refused by ``verify`` unless it is the staged file complete to its last
byte (killed between its last write and its rename: whole, inside the work folder);
the vault still unlocks. At the end, a create
sweeps what the killed ones left. Prints a JSON summary; exits 1 on any failure.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import PASSPHRASE, build

OUT = Path(__file__).resolve().parent / "out"
CHILD = """
import sys, time
from pathlib import Path
from reflectdesk.services.vault import Vault
t0 = time.perf_counter()
vault = Vault.open(Path(sys.argv[1]))
vault.unlock(sys.argv[2])
print("ready", flush=True)
vault.backups.create(Path(sys.argv[3]), keep=1000)
vault.close()
print(f"done {time.perf_counter() - t0:.3f}", flush=True)
"""


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _child(vault_dir: Path, folder: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(vault_dir), PASSPHRASE, str(folder)],
        stdout=subprocess.PIPE,
        env=env,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=2000)
    parser.add_argument("--kills", type=int, default=30)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()

    from reflectdesk.errors import BackupDamaged, FileUnreadable, NotABackup
    from reflectdesk.services import backup
    from reflectdesk.services.vault import Vault

    rng = random.Random(args.seed)
    source = build(OUT, args.entries)
    work = Path(tempfile.mkdtemp(dir=OUT, prefix="bench-backup-kills-"))
    vault_dir = work / "vault"
    shutil.copytree(source, vault_dir)
    (vault_dir / "vault.lock").unlink(missing_ok=True)
    folder = work / "backups"
    failures: list[str] = []
    outcomes = {
        "killed_before_rename": 0,
        "whole_after_kill": 0,
        "completed": 0,
        "leftovers_refused": 0,
        "leftovers_whole_unrenamed": 0,
    }
    seen_leftovers: set[str] = set()
    try:
        vault = Vault.open(vault_dir)
        vault.unlock(PASSPHRASE)
        first = vault.backups.create(folder, keep=1000)
        vault.close()
        first_sha = _sha(first.path)
        # One full run, unkilled: the span the kills are drawn from.
        proc = _child(vault_dir, folder)
        assert proc.stdout is not None
        t_ready = time.perf_counter()
        proc.stdout.readline()
        t0 = time.perf_counter()
        proc.wait()
        span = time.perf_counter() - t0
        proc.stdout.close()
        ready = t0 - t_ready
        known = {p.name for p in folder.glob("*.rdbackup")}
        verified = set(known)
        for trial in range(args.kills):
            proc = _child(vault_dir, folder)
            assert proc.stdout is not None
            proc.stdout.readline()
            delay = rng.uniform(0, span * 1.1)
            time.sleep(delay)
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            proc.stdout.close()
            if proc.returncode != -signal.SIGKILL:
                outcomes["completed"] += 1
            if _sha(first.path) != first_sha:
                failures.append(f"trial {trial}: the previous backup changed")
            names = {p.name for p in folder.glob("*.rdbackup")}
            for name in sorted(names - verified):
                try:
                    backup.verify(folder / name, passphrase=PASSPHRASE)
                    verified.add(name)
                    if proc.returncode == -signal.SIGKILL:
                        outcomes["whole_after_kill"] += 1
                except Exception as exc:
                    failures.append(f"trial {trial}: {name} does not verify: {exc!r}")
            if names == known and proc.returncode == -signal.SIGKILL:
                outcomes["killed_before_rename"] += 1
            known = names
            for leftover in folder.rglob("*"):
                if not leftover.is_file() or (leftover.parent == folder and leftover.name in names):
                    continue
                if leftover.name in seen_leftovers:
                    continue
                seen_leftovers.add(leftover.name)
                try:
                    report = backup.verify(leftover, passphrase=PASSPHRASE)
                except (BackupDamaged, NotABackup, FileUnreadable):
                    outcomes["leftovers_refused"] += 1
                    continue
                # Only a file whose every byte is there passes the seal: the staged file
                # of a create killed between its last write and its rename. It is whole,
                # not half, and sits in the work folder, never under a .rdbackup name.
                if leftover.parent == folder or report.info.size != leftover.stat().st_size:
                    failures.append(f"trial {trial}: a leftover verifies: {leftover.name}")
                else:
                    outcomes["leftovers_whole_unrenamed"] += 1
            try:
                v = Vault.open(vault_dir)
                v.unlock(PASSPHRASE)
                v.close()
            except Exception as exc:
                failures.append(f"trial {trial}: the vault does not open: {exc!r}")
        vault = Vault.open(vault_dir)
        vault.unlock(PASSPHRASE)
        vault.backups.create(folder, keep=1000)
        vault.close()
        partials = [p.name for p in folder.iterdir() if p.name.startswith(".rdbackup-partial-")]
        if partials:
            failures.append(f"work folders not swept: {partials}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    uptime = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    print(
        json.dumps(
            {
                "entries": args.entries,
                "kills": args.kills,
                "child_unlock_s": round(ready, 2),
                "create_span_s": round(span, 2),
                **outcomes,
                "failures": failures,
                "uptime": uptime,
            },
            indent=1,
        )
    )
    if failures:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
