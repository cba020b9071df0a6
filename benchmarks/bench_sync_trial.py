"""Randomized trial (issue 17): two vaults exchange bundles through a faulty WebDAV server
while either client is SIGKILLed at random moments.

Each run starts one client as a real process (student or mentor, at random). It writes an
entry and queues a bundle for the other (most runs), then runs ``sync now``; the parent
injects random one-shot faults into the server (drops mid-upload and mid-download, lost
answers, 500/503/423/507, truncated downloads, delays), sometimes restarts the server
between runs, and SIGKILLs the client after a random delay (or lets it finish).

At the end both clients sync without faults until nothing changes, and the trial checks:
every bundle either side logged as exported was imported exactly once by the other side;
no bundle is on the server twice; both outboxes are empty; ``integrity_check`` passes
and both vaults unlock (the vault state MAC holds).

Run: ``.venv/bin/python benchmarks/bench_sync_trial.py --runs 200 [--seed N]``.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "src"))

from tests.sync.davserver import PASSWORD, USER, DavServer

FAULTS: list[tuple[str, str, dict[str, object]]] = [
    ("PUT", "drop", {}),
    ("PUT", "short_put", {}),
    ("PUT", "status", {"status": 503, "headers": [("Retry-After", "0")]}),
    ("PUT", "status", {"status": 500}),
    ("PUT", "status", {"status": 507}),
    ("MOVE", "drop", {}),
    ("MOVE", "drop_answer", {}),
    ("MOVE", "status", {"status": 423}),
    ("PROPFIND", "status", {"status": 500}),
    ("PROPFIND", "drop", {}),
    ("PROPFIND", "delay", {"seconds": 0.3}),
    ("GET", "truncate", {}),
    ("GET", "drop_body", {}),
]


# --- the child: one client process -------------------------------------------------------
def child(role: str, vault_dir: Path, send: bool, tag: str) -> int:
    from reflectdesk.domain.model import EntryContent, ExportRequest
    from reflectdesk.services.exchange import make_transport
    from reflectdesk.services.vault import Vault
    from reflectdesk.sync import Retry
    from tests.support import PASSPHRASE

    vault = Vault.open(vault_dir)
    vault.unlock(PASSPHRASE)
    vault.sync.retry = Retry(base=0.01, cap=0.05, max_attempts=3, max_retry_after=0.05)
    vault.sync.transport_factory = lambda p: make_transport(
        p, connect_timeout=1.0, read_timeout=2.0
    )
    try:
        if send:
            journal = next(j for j in vault.journals.list() if j.space.value == "own")
            entry = vault.entries.add(journal.id, EntryContent(title=f"trial {tag}"))
            other = vault.contacts.list()[0].id
            vault.sync.queue_export(ExportRequest(recipients=(other,), entry_ids=(entry.id,)))
        vault.sync.sync_now()
    finally:
        vault.close()
    return 0


# --- the parent ------------------------------------------------------------------------------
def setup(root: Path, url: str) -> tuple[Path, Path]:
    from tests.services.sync_helpers import connect_webdav, make_duo

    duo = make_duo(root)
    duo.mentor.journals.create("Retroalimentación")
    connect_webdav(duo, url, USER, PASSWORD)
    duo.student.close()
    duo.mentor.close()
    return root / "student", root / "mentor"


def settle(dirs: tuple[Path, Path]) -> None:
    """Sync both sides without faults until nothing moves."""
    from tests.services.sync_helpers import reopen

    for _ in range(6):
        moved = 0
        for d in dirs:
            vault = reopen(d)
            try:
                report = vault.sync.sync_now()
                moved += report.sent + report.received + report.skipped
                if report.errors or report.offline:
                    moved += 1
            finally:
                vault.close()
        if moved == 0:
            return


def check(dirs: tuple[Path, Path], dav: DavServer) -> dict[str, object]:
    from reflectdesk.storage.sync_state import SyncStateRepo
    from tests.services.sync_helpers import reopen

    student, mentor = (reopen(d) for d in dirs)
    try:
        out_s = {i.bundle_id for i in student.bundle_log.list("out")}
        out_m = {i.bundle_id for i in mentor.bundle_log.list("out")}
        in_s = [i.bundle_id for i in student.bundle_log.list("in")]
        in_m = [i.bundle_id for i in mentor.bundle_log.list("in")]
        st_s, st_m = student._unlocked(), mentor._unlocked()
        outbox = len(SyncStateRepo(st_s.db, st_s.cipher).outbox()) + len(
            SyncStateRepo(st_m.db, st_m.cipher).outbox()
        )
        finals = [n for n in os.listdir(dav.root / "exchange") if not n.startswith(".")]
        result: dict[str, object] = {
            "exported": len(out_s) + len(out_m),
            "lost": sorted((out_s - set(in_m)) | (out_m - set(in_s))),
            "duplicated_imports": len(in_m) - len(set(in_m)) + len(in_s) - len(set(in_s)),
            "server_files": len(finals),
            "imported": len(set(in_m)) + len(set(in_s)),
            "outbox_left": outbox,
            "integrity": (student.integrity_check(), mentor.integrity_check()),
        }
    finally:
        student.close()
        mentor.close()
    return result


def run(
    runs: int, seed: int, kill_rate: float = 0.6, quiet: bool = False, warmup: int = 3
) -> dict[str, object]:
    """``warmup`` first runs are never killed: they measure how long a run takes."""
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="rd-sync-trial-") as tmp:
        root = Path(tmp)
        (root / "server").mkdir()
        dav = DavServer(root / "server")
        dav.start()
        try:
            dirs = setup(root / "people", dav.url())
            kills = restarts = 0
            durations: list[float] = []
            started = time.perf_counter()
            for n in range(runs):
                dav.faults.clear()
                for _ in range(rng.randrange(0, 3)):
                    method, kind, kw = rng.choice(FAULTS)
                    dav.faults.add(method, kind, **kw)
                if rng.random() < 0.05:
                    dav.restart()
                    restarts += 1
                role = rng.choice(("student", "mentor"))
                send = rng.random() < (0.8 if role == "student" else 0.4)
                vault_dir = dirs[0] if role == "student" else dirs[1]
                cmd = [
                    sys.executable,
                    str(Path(__file__).resolve()),
                    "--child",
                    role,
                    "--vault",
                    str(vault_dir),
                    "--tag",
                    f"{seed}-{n}",
                ] + (["--send"] if send else [])
                env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
                t0 = time.perf_counter()
                proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE)
                killed = False
                if n >= warmup and rng.random() < kill_rate:
                    # Anywhere in a typical run (start-up and unlock included), as measured
                    # on the runs that were not killed.
                    typical = sorted(durations)[len(durations) // 2] if durations else 2.0
                    time.sleep(rng.uniform(0.3, 1.05) * typical)
                    if proc.poll() is None:
                        proc.send_signal(signal.SIGKILL)
                        killed = True
                        kills += 1
                _, err = proc.communicate(timeout=120)
                if not killed:
                    durations.append(time.perf_counter() - t0)
                if proc.returncode not in (0, -signal.SIGKILL):
                    raise SystemExit(f"run {n}: child failed\n{err.decode()[-3000:]}")
                if not quiet and (n + 1) % 20 == 0:
                    print(f"  {n + 1} runs, {kills} killed, {restarts} restarts", flush=True)
            dav.faults.clear()
            settle(dirs)
            result = check(dirs, dav)
            result.update(
                runs=runs,
                killed=kills,
                restarts=restarts,
                seconds=round(time.perf_counter() - started, 1),
            )
            return result
        finally:
            dav.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--child", choices=["student", "mentor"], default=None)
    parser.add_argument("--vault", type=Path, default=None)
    parser.add_argument("--send", action="store_true")
    parser.add_argument("--tag", default="")
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.vault, args.send, args.tag)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 30)
    print(f"sync SIGKILL trial: {args.runs} runs, seed {seed}", flush=True)
    result = run(args.runs, seed)
    for key, value in result.items():
        print(f"  {key}: {value}")
    ok = (
        not result["lost"]
        and result["duplicated_imports"] == 0
        and result["outbox_left"] == 0
        and result["integrity"] == ("ok", "ok")
        and result["server_files"] == result["imported"]
    )
    print("trial: PASS" if ok else "trial: FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
