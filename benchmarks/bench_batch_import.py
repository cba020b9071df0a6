"""Benchmark: a cohort's bundles imported at once (issue 14, point 1), and SIGKILLs.

The cohort: N bundles (default 500) from N students, each with E entries (default 50)
of ~W words (default 600), every 10th entry with a 200 KB image; sealed to one tutor,
who has every student as a verified contact. Built once in ``benchmarks/out/`` (never
committed) and reused: the students' bundles and a template copy of the tutor's vault.

Measured, each in a fresh child process on a fresh copy of the tutor's vault:

* **import**: ``vault.batch_import.run([folder])`` wall time, and the child's peak RSS
  (``os.wait4``) and its opening process's (the worker that opens bundles on the second
  core); targets <= 20 s and <= 600 MB (the two together) at 500 bundles;
* **again**: the same folder once more (every file already imported: one read and one
  SHA-256 each, looked up in ``seen_files``; nothing decrypted); target <= 3 s;
* the CPU time of each (all threads of the child): on this shared 2-core machine the
  wall time depends on the other work running; the CPU time much less;
* **where the time goes**: the import's calls timed in the child (read and hash,
  age decryption, the minisign signature, the other checks of ``open_bundle`` (file
  hashes, JSON, schemas, card signatures), the plan, the SQLite transaction, the index).
  The next bundle is opened on a second thread while one is stored, so the shares
  overlap (they add up to more than 100 %; ``RD_BATCH_PREFETCH=0`` turns that off);
* ``--scale 50,500``: the same at several sizes (the first N bundles of the folder).

``--kills K``: K SIGKILLs at random moments of a batch import of a smaller cohort
(``--kill-bundles``, default 40 bundles of 5 entries); after each, the vault must pass
``integrity_check``, hold every bundle the child reported imported, and hold no bundle
in part; a last run must complete it.

Run: ``nice -n -5 .venv/bin/python benchmarks/bench_batch_import.py [--bundles 500]
[--entries 50] [--words 600] [--scale 50,500] [--kills 50] [--gui 100]``.

``--gui N``: the real window imports N bundles of the cohort through the batch dialog
while a 5 ms timer records the GUI thread's gaps (target: no block over 50 ms).
"""

from __future__ import annotations

import argparse
import functools
import json
import multiprocessing
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "src"))

from reflectdesk.crypto.kdf import KdfParams
from reflectdesk.domain.model import Role
from reflectdesk.services.vault import NewProfile, Vault
from tests.services.test_batch_import import kill_at_random

OUT = REPO / "benchmarks" / "out"
PASSPHRASE = "benchmark passphrase 2026"
KILL_SCRIPT = REPO / "tests" / "support_scripts" / "crash_batch_import.py"


# --- building the cohort ------------------------------------------------------------------
def _build_one(args: tuple[int, bytes, str, dict[str, Any]]) -> None:
    from reflectdesk.bundles import Identity, PublicIdentity
    from tests.services.batch_helpers import Student, student_bundle

    i, identity_bytes, recipient_json, opts = args
    rec = json.loads(recipient_json)
    tutor = PublicIdentity.from_b64(rec["age"], rec["sign"])
    info = json.loads((Path(opts["folder"]) / "students" / f"{i:04d}.json").read_text())
    student = Student(
        Identity.from_bytes(identity_bytes), info["name"], info["card"].encode(), info["journal"]
    )
    data = student_bundle(
        student,
        [tutor],
        entries=opts["entries"],
        words=opts["words"],
        image_every=10,
        seed=i,
    )
    dest = Path(opts["folder"]) / "bundles" / f"grupo-{i % 10}" / f"{i:04d}.rdbundle"
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(data)


def build(folder: Path, bundles: int, entries: int, words: int) -> float:
    """The cohort and the tutor's template vault in ``folder``; the seconds it took."""
    from tests.services.batch_helpers import make_students

    t0 = time.perf_counter()
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "students").mkdir(parents=True)
    tutor, _ = Vault.create(
        folder / "tutor",
        PASSPHRASE,
        NewProfile("Teresa Tutora", Role.MENTOR, "es"),
        kdf_params=KdfParams.insecure_for_tests(),
    )
    students = make_students(bundles)
    for i, s in enumerate(students):
        (folder / "students" / f"{i:04d}.json").write_text(
            json.dumps({"name": s.name, "card": s.card.decode(), "journal": s.journal_id})
        )
    for s in students:  # known and verified, as a tutor's class list would be
        contact = tutor.contacts.import_card(s.card).contact
        assert contact is not None
        tutor.contacts.verify(contact.id)
    me = tutor.identity.key_pair().public
    rec = json.dumps({"age": me.age_recipient, "sign": me.signing_key_b64})
    tutor.close()
    opts = {"folder": str(folder), "entries": entries, "words": words}
    jobs = [(i, s.identity.to_bytes(), rec, opts) for i, s in enumerate(students)]
    with multiprocessing.Pool(os.cpu_count() or 2) as pool:
        pool.map(_build_one, jobs, chunksize=8)
    (folder / "built.json").write_text(
        json.dumps({"bundles": bundles, "entries": entries, "words": words})
    )
    return time.perf_counter() - t0


def cohort(bundles: int, entries: int, words: int) -> tuple[Path, float | None]:
    folder = OUT / f"batch-cohort-{bundles}x{entries}x{words}"
    spec = {"bundles": bundles, "entries": entries, "words": words}
    marker = folder / "built.json"
    if marker.exists() and json.loads(marker.read_text()) == spec:
        return folder, None
    return folder, build(folder, bundles, entries, words)


# --- the child: one timed batch -----------------------------------------------------------
class Timers:
    def __init__(self) -> None:
        self.total: dict[str, float] = {}

    def wrap(self, owner: Any, name: str, bucket: str) -> None:
        original = getattr(owner, name)
        is_static = isinstance(owner.__dict__.get(name), staticmethod)

        @functools.wraps(original)
        def timed(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.total[bucket] = self.total.get(bucket, 0.0) + time.perf_counter() - t0

        setattr(owner, name, staticmethod(timed) if is_static else timed)


def _runqueue_wait() -> float:
    """Seconds this thread has waited on a run queue (Linux schedstat; 0 elsewhere)."""
    try:
        return int(Path("/proc/thread-self/schedstat").read_text().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


def child(vault_dir: Path, folder: Path, limit: int, profile: bool) -> None:
    import hashlib

    from reflectdesk.bundles import age_io, minisign, opening
    from reflectdesk.search.index import SearchIndex
    from reflectdesk.services import batch_import, bundle_import

    timers = Timers()
    if profile:
        real_sha = hashlib.sha256

        class _Hash:  # the batch's whole-file hash only (it calls batch_import.hashlib)
            @staticmethod
            def sha256(data: Any) -> Any:
                t0 = time.perf_counter()
                try:
                    return real_sha(data)
                finally:
                    timers.total["read+hash"] = (
                        timers.total.get("read+hash", 0.0) + time.perf_counter() - t0
                    )

        batch_import.hashlib = _Hash  # type: ignore[assignment]
        timers.wrap(batch_import, "read_bundle_file", "read+hash")
        timers.wrap(age_io, "decrypt", "decryption (age)")
        timers.wrap(minisign, "verify", "signature (minisign)")
        timers.wrap(opening, "_verify_files", "other checks (hashes, JSON, schemas, cards)")
        timers.wrap(bundle_import, "plan", "plan (vault lookups)")
        timers.wrap(bundle_import.BundleImportService, "_store", "SQLite transaction")
        timers.wrap(SearchIndex, "add_many", "indexing")
    files = sorted(folder.rglob("*.rdbundle"))[:limit]
    vault = Vault.open(vault_dir)
    vault.unlock(PASSPHRASE)
    vault.batch_import.prefetch = os.environ.get("RD_BATCH_PREFETCH", "1") == "1"
    # RD_BATCH_PROCESS=0: open on the second thread (the default: in a worker process).
    if os.environ.get("RD_BATCH_PROCESS"):
        vault.batch_import.processes = os.environ["RD_BATCH_PROCESS"] == "1"
    # RD_BATCH_INDEX=50,2: index every 50 bundles or 2 s (before the fourth round).
    if os.environ.get("RD_BATCH_INDEX"):
        every, seconds = os.environ["RD_BATCH_INDEX"].split(",")
        batch_import.SEEN_FLUSH, batch_import.INDEX_EVERY_S = int(every), float(seconds)
    # RD_BATCH_GROUP=1: one bundle per transaction (as before the groups).
    if os.environ.get("RD_BATCH_GROUP"):
        vault.batch_import.group_bundles = int(os.environ["RD_BATCH_GROUP"])
    t0, c0, m0 = time.perf_counter(), time.process_time(), time.thread_time()
    q0 = _runqueue_wait()
    report = vault.batch_import.run(files)
    first, first_cpu = time.perf_counter() - t0, time.process_time() - c0
    # The storing thread (this one): the one SQLite writer, the batch's critical path.
    # Its wall time is its CPU + the time it waited for a CPU (the machine's load) +
    # the time it was blocked (the GIL, fsync, waiting for the next bundle opened).
    storing_cpu = time.thread_time() - m0
    storing_runq = _runqueue_wait() - q0
    timers_first = dict(timers.total)
    t0, c0 = time.perf_counter(), time.process_time()
    again = vault.batch_import.run(files)
    second, second_cpu = time.perf_counter() - t0, time.process_time() - c0
    import resource

    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = {
        "worker_cpu_s": workers.ru_utime + workers.ru_stime,  # the opening process
        "worker_peak_rss_mb": workers.ru_maxrss / 1024,
        "files": len(files),
        "imported": sum(1 for i in report.items if i.outcome.value == "imported"),
        "already_again": sum(1 for i in again.items if i.outcome.value == "already"),
        "refused": [i.reason for i in report.items if i.reason],
        "import_s": first,
        "import_cpu_s": first_cpu,
        "storing_thread_cpu_s": storing_cpu,
        "storing_thread_waiting_for_cpu_s": storing_runq,
        "storing_thread_blocked_s": first - storing_cpu - storing_runq,
        "again_s": second,
        "again_cpu_s": second_cpu,
        "buckets": timers_first,
        "entries": vault.entries.count(),
        "integrity": vault.integrity_check(),
    }
    vault.close()
    sys.stdout.write(json.dumps(out) + "\n")


def measure(folder: Path, limit: int, profile: bool) -> dict[str, Any]:
    run_dir = OUT / "batch-run"
    shutil.rmtree(run_dir, ignore_errors=True)
    shutil.copytree(folder / "tutor", run_dir)
    cmd = [sys.executable, __file__, "--child", str(run_dir), str(folder / "bundles"), str(limit)]
    if profile:
        cmd.append("--profile")
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    assert proc.stdout is not None
    text = proc.stdout.read()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"child failed ({proc.returncode})")
    result: dict[str, Any] = json.loads(text.strip().splitlines()[-1])
    result["peak_rss_mb"] = usage.ru_maxrss / 1024
    shutil.rmtree(run_dir, ignore_errors=True)
    return result


# --- SIGKILLs -------------------------------------------------------------------------------
def _run_until_killed(vault_dir: Path, folder: Path, rng: random.Random) -> list[str]:
    env = dict(os.environ, PYTHONPATH=f"{REPO}:{REPO / 'src'}")
    with subprocess.Popen(
        [sys.executable, str(KILL_SCRIPT), str(vault_dir), PASSPHRASE, str(folder)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    ) as proc:
        return kill_at_random(proc, rng, within=(0.0, 2.5))


def kills(n: int, bundles: int, entries: int) -> dict[str, Any]:
    folder, _ = cohort(bundles, entries, 120)
    vault_dir = OUT / "batch-kills"
    shutil.rmtree(vault_dir, ignore_errors=True)
    shutil.copytree(folder / "tutor", vault_dir)
    rng = random.Random(14)
    imported: set[tuple[str, str]] = set()
    lost = half = bad = 0
    finished_runs = 0
    t0 = time.perf_counter()
    for _ in range(n):
        lines = _run_until_killed(vault_dir, folder / "bundles", rng)
        finished_runs += any(line.startswith("done ") for line in lines)
        for line in lines:
            if line.startswith("imported "):
                _, bundle_id, key_id, _ = line.split(" ", 3)
                imported.add((bundle_id, key_id))
        vault = Vault.open(vault_dir)
        vault.unlock(PASSPHRASE)
        try:
            bad += vault.integrity_check() != "ok"
            st = vault._unlocked()
            lost += sum(not st.bundle_log.imported(b, k) for b, k in imported)
            half += vault.entries.count() != entries * len(vault.bundle_log.list("in"))
        finally:
            vault.close()
        if finished_runs:  # everything imported: start again on a fresh copy
            shutil.rmtree(vault_dir)
            shutil.copytree(folder / "tutor", vault_dir)
            imported.clear()
            finished_runs = 0
    vault = Vault.open(vault_dir)
    vault.unlock(PASSPHRASE)
    report = vault.batch_import.run([folder / "bundles"])
    complete = vault.entries.count() == entries * bundles
    vault.close()
    return {
        "kills": n,
        "lost": lost,
        "half_stored_checks_failed": half,
        "integrity_not_ok": bad,
        "last_run_complete": complete,
        "last_run_items": len(report.items),
        "seconds": time.perf_counter() - t0,
    }


# --- the GUI thread during a batch -----------------------------------------------------------
def gui(folder: Path, limit: int) -> dict[str, Any]:
    """The real main window and batch dialog import ``limit`` bundles while a 5 ms timer
    on the GUI thread records every gap (as ``bench_gui_list.py`` does); the longest gap
    minus the timer's 5 ms is the longest time the window could not respond, and the GUI
    thread's own CPU time in that gap tells its work apart from other processes."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from reflectdesk.gui.app import build_context, create_application
    from reflectdesk.gui.main_window import MainWindow
    from reflectdesk.services.batch_import import BatchOutcome

    app = create_application([sys.argv[0]])
    run_dir = OUT / "batch-gui"
    shutil.rmtree(run_dir, ignore_errors=True)
    shutil.copytree(folder / "tutor", run_dir / "vault")
    ctx = build_context(app, run_dir / "data", vault_dir=run_dir / "vault")
    vault = Vault.open(run_dir / "vault")
    vault.unlock(PASSPHRASE)
    # As the app does (the worker process) unless RD_BATCH_PROCESS says otherwise.
    if os.environ.get("RD_BATCH_PROCESS"):
        vault.batch_import.processes = os.environ["RD_BATCH_PROCESS"] == "1"
    window = MainWindow(ctx, vault)
    window.resize(1366, 768)
    window.show()
    files = sorted((folder / "bundles").rglob("*.rdbundle"))[:limit]
    clock = QElapsedTimer()
    gaps: list[tuple[float, float]] = []
    phases: dict[str, list[tuple[float, float]]] = {"batch": [], "report and refresh": []}
    phase = ["batch"]
    last = [0, 0.0]

    def beat() -> None:
        now, cpu = clock.nsecsElapsed(), time.thread_time()
        gap = ((now - last[0]) / 1e6, (cpu - last[1]) * 1000)
        gaps.append(gap)
        phases[phase[0]].append(gap)
        last[0], last[1] = now, cpu

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(beat)
    for _ in range(20):
        app.processEvents()
    clock.start()
    last[0], last[1] = clock.nsecsElapsed(), time.thread_time()
    timer.start()
    t0 = time.perf_counter()
    window.open_batch(files)
    dialog = window.dialogs["batch-import"]
    while dialog.report is None:
        app.processEvents()
        time.sleep(0.001)
    wall = time.perf_counter() - t0
    phase[0] = "report and refresh"
    end = time.perf_counter() + 1.0  # the window's one refresh after the batch
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    worst = max(gaps)
    out = {
        "bundles": len(files),
        "wall_s": wall,
        "beats": len(gaps),
        "longest_block_ms": worst[0] - 5,
        "gui_cpu_in_it_ms": worst[1],
        "p99_gap_ms": sorted(g for g, _ in gaps)[int(len(gaps) * 0.99) - 1],
        "by_phase": {
            name: {
                "longest_block_ms": max(p)[0] - 5 if p else 0,
                "gui_cpu_in_it_ms": max(p)[1] if p else 0,
                "most_gui_cpu_in_a_gap_ms": max(c for _, c in p) if p else 0,
            }
            for name, p in phases.items()
        },
        "imported": dialog.report.count(BatchOutcome.IMPORTED),
    }
    dialog.accept()
    window.prepare_to_close()
    window.close()
    ctx.runner.wait(10_000)
    vault.close()
    QApplication.processEvents()
    return out


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]), "--profile" in sys.argv)
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bundles", type=int, default=500)
    parser.add_argument("--entries", type=int, default=50)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--scale", default="", help="comma-separated bundle counts, e.g. 50,500")
    parser.add_argument("--no-profile", action="store_true", help="no timers in the child")
    parser.add_argument("--kills", type=int, default=0)
    parser.add_argument("--kill-bundles", type=int, default=40)
    parser.add_argument(
        "--gui", type=int, default=0, metavar="N", help="the GUI thread while N bundles import"
    )
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    if args.kills:
        print(json.dumps(kills(args.kills, args.kill_bundles, 5), indent=2))
        return 0
    folder, built = cohort(args.bundles, args.entries, args.words)
    if args.gui:
        print(json.dumps(gui(folder, args.gui), indent=2))
        return 0
    size = sum(p.stat().st_size for p in (folder / "bundles").rglob("*.rdbundle"))
    print(
        f"cohort: {args.bundles} bundles x {args.entries} entries x ~{args.words} words, "
        f"{size / 1e6:.0f} MB" + (f", built in {built:.1f} s" if built is not None else " (reused)")
    )
    sizes = [int(x) for x in args.scale.split(",") if x] or [args.bundles]
    for n in sizes:
        r = measure(folder, n, not args.no_profile)
        print(
            f"{n} bundles: import {r['import_s']:.2f} s wall / {r['import_cpu_s']:.2f} s CPU "
            f"({r['imported']} imported, {r['entries']} entries), again {r['again_s']:.2f} s "
            f"wall / {r['again_cpu_s']:.2f} s CPU "
            f"({r['already_again']} already), peak RSS {r['peak_rss_mb']:.0f} MB "
            f"(+ {r['worker_peak_rss_mb']:.0f} MB the opening process), "
            f"integrity {r['integrity']}; the storing thread: {r['storing_thread_cpu_s']:.2f} s "
            f"CPU, {r['storing_thread_waiting_for_cpu_s']:.2f} s waiting for a CPU, "
            f"{r['storing_thread_blocked_s']:.2f} s blocked (GIL, fsync, the next bundle); "
            f"the opening process: {r['worker_cpu_s']:.2f} s CPU"
        )
        if r["refused"]:
            print("  refused:", r["refused"][:5])
        for bucket, secs in sorted(r["buckets"].items(), key=lambda kv: -kv[1]):
            print(f"  {bucket:<45} {secs:6.2f} s  {100 * secs / r['import_s']:5.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
