"""Benchmark: the sync service over a local WebDAV server (issue 17).

* **send**: 500 queued bundles of 100 KB, one ``sync now`` (upload, confirm, leave the
  outbox in one transaction each, list), target <= 20 s. The queued files are random
  bytes of a bundle's size (what is measured is the outbox and the transfer, not the
  export, which has its own benchmark);
* **nothing new**: ``sync now`` when nothing is queued and nothing arrived, the point
  holding the 500 files, ``--runs`` (>= 20) runs each: median and p95, target p95
  <= 200 ms. Two cases: the folder unchanged since its last full listing (one
  ``PROPFIND`` depth 0 for the folder's stamp: the usual run) and a full listing (one
  ``PROPFIND`` depth 1 of the 500, every id known: after a change, and every 10
  minutes). With the CPU time of one usual run (idle cost = that ÷ the app's 60 s
  period; the sampled figure over 10 minutes of the real app is ``bench_sync_idle.py``);
* **receive**: the other vault fetches and imports ``--real`` real bundles (one entry
  each, written and queued by the student, sent by her ``sync now``) in one ``sync now``;
  the wall time is split into listing, transfer (``get``: download, size/ETag check,
  rename) and import (every check of a manual import, then the one transaction).

The server runs in a process of its own (``bench_sync_server.py``: a real exchange point
is another machine) unless ``--server-in-process`` (a thread here, as in the tests: its
CPU and the GIL it takes then count against the client).
Run: ``.venv/bin/python benchmarks/bench_sync.py [--bundles 500] [--kb 100] [--real 500]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO / "src"))

from bench_sync_server import ServerProcess
from reflectdesk.bundles import bundle_file_name
from reflectdesk.domain.sync import OutboxState
from reflectdesk.services.exchange import make_transport
from reflectdesk.services.sync import PERIOD_S
from reflectdesk.storage.sync_state import SyncStateRepo
from tests.services.sync_helpers import connect_webdav, imported_bundles, make_duo
from tests.sync.davserver import PASSWORD, USER, DavServer


class _Timed:
    """Seconds spent in some calls (wrapped on instances, the code itself unchanged)."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = {}

    def wrap(self, label: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kw: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return fn(*args, **kw)
            finally:
                self.spent[label] = self.spent.get(label, 0.0) + time.perf_counter() - t0

        return timed


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bundles", type=int, default=500)
    parser.add_argument("--kb", type=int, default=100)
    parser.add_argument("--real", type=int, default=500)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--server-in-process", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="rd-bench-sync-") as tmp:
        root = Path(tmp)
        (root / "server").mkdir()
        if args.server_in_process:
            dav = DavServer(root / "server")
            dav.start()
            url: Callable[[str], str] = dav.url
            stop = dav.stop
        else:
            server = ServerProcess(root / "server")
            url, stop = server.url, server.stop
        duo = make_duo(root / "people")
        try:
            st = duo.student._unlocked()
            repo = SyncStateRepo(st.db, st.cipher)
            # The load goes to a folder of its own (the mentor does not fetch random bytes).
            point = duo.student.exchange.add_webdav("Carga", url("load"), USER, PASSWORD).id
            outbox = st.db.path.parent / "outbox"
            outbox.mkdir(exist_ok=True)
            names = [bundle_file_name() for _ in range(args.bundles)]
            items = repo.reserve([(point, n) for n in names])
            for n in names:
                (outbox / n).write_bytes(os.urandom(args.kb * 1024))
            repo.save_outbox(
                [replace(i, state=OutboxState.QUEUED, size=args.kb * 1024) for i in items]
            )
            t0 = time.perf_counter()
            report = duo.student.sync.sync_now()
            send_s = time.perf_counter() - t0
            assert report.sent == args.bundles and not report.errors, report
            assert len(make_transport(duo.student.exchange.get(point)).list()) == args.bundles
            # The folder's Last-Modified must be 5 s old before its stamp is relied on.
            time.sleep(6)
            duo.student.sync.sync_now(due_only=True)  # a full listing; the stamp remembered
            sync = duo.student.sync
            measured: dict[str, tuple[list[float], list[float]]] = {}
            for label, forget in (("folder unchanged", False), ("full listing", True)):
                times, cpu = [], []
                for _ in range(args.runs):
                    if forget:  # what a run does every 10 minutes or after a change
                        sync._listed.clear()
                    c0, t0 = time.process_time(), time.perf_counter()
                    nothing = sync.sync_now(due_only=True)  # as the app's timer runs it
                    times.append(time.perf_counter() - t0)
                    cpu.append(time.process_time() - c0)
                    assert nothing.sent == nothing.received == 0 and not nothing.errors
                measured[label] = (times, cpu)
            times, cpu = measured["folder unchanged"]
            idle_cpu = statistics.median(cpu)
            share = 100 * idle_cpu / PERIOD_S

            # Receive: real bundles from the student, fetched and imported by the mentor.
            duo.student.exchange.remove(point)
            connect_webdav(duo, url("exchange"), USER, PASSWORD)
            sent = []
            t0 = time.perf_counter()
            for i in range(args.real):
                entry = duo.write(f"Clase {i}", body="Observé una clase. " * 40)
                sent.append(duo.send(entry))
            queue_s = time.perf_counter() - t0
            t0 = time.perf_counter()
            up = duo.student.sync.sync_now()
            up_s = time.perf_counter() - t0
            assert up.sent == args.real, up
            timed = _Timed()
            factory = duo.mentor.sync.transport_factory

            def instrumented(p: Any) -> Any:
                transport = factory(p)
                transport.list = timed.wrap("list", transport.list)  # type: ignore[method-assign]
                transport.get = timed.wrap("transfer", transport.get)  # type: ignore[method-assign]
                return transport

            duo.mentor.sync.transport_factory = instrumented
            importer = duo.mentor.sync._importer
            importer.check = timed.wrap("import: open and check", importer.check)  # type: ignore[method-assign]
            importer.store = timed.wrap("import: store", importer.store)  # type: ignore[method-assign]
            t0 = time.perf_counter()
            got = duo.mentor.sync.sync_now()
            recv_s = time.perf_counter() - t0
            assert got.received == args.real, got
            assert set(sent) <= set(imported_bundles(duo.mentor))
            size = sum(p.stat().st_size for p in (root / "server" / "exchange").iterdir())
        finally:
            duo.student.close()
            duo.mentor.close()
            stop()
    where = "in this process" if args.server_in_process else "in its own process"
    print(f"WebDAV server {where}")
    print(f"WebDAV sync: sent {args.bundles} queued bundles of {args.kb} KB in {send_s:.1f} s")
    for label, (ts, cs) in measured.items():
        print(
            f"nothing-new sync (over {args.bundles} files; {label}), {args.runs} runs: median "
            f"{statistics.median(ts) * 1000:.0f} ms, p95 {p95(ts) * 1000:.0f} ms, "
            f"max {max(ts) * 1000:.0f} ms; CPU {statistics.median(cs) * 1000:.0f} ms a run"
        )
    print(
        f"idle cost: {idle_cpu * 1000:.0f} ms CPU per run every {PERIOD_S} s "
        f"= {share:.3f} % of one core (computed; sampled: bench_sync_idle.py)"
    )
    print(
        f"receive: {args.real} real bundles ({size / args.real / 1024:.1f} KB each; written "
        f"and queued in {queue_s:.1f} s, sent in {up_s:.1f} s) fetched and imported in "
        f"{recv_s:.1f} s: "
        + ", ".join(f"{k} {v:.1f} s" for k, v in timed.spent.items())
        + f", the rest (state rows, log) {recv_s - sum(timed.spent.values()):.1f} s"
    )
    print("targets: send <= 20 s, nothing new p95 <= 200 ms, idle < 1 %")
    ok = send_s <= 20 and p95(times) <= 0.2 and share < 1
    print("targets met" if ok else "targets NOT met")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
