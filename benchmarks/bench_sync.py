"""Benchmark: the sync service over a local WebDAV server (issue 17).

* **send**: 500 queued bundles of 100 KB, one ``sync now`` (upload, confirm, leave the
  outbox in one transaction each, list), target <= 20 s. The queued files are random
  bytes of a bundle's size (what is measured is the outbox and the transfer, not the
  export, which has its own benchmark);
* **nothing new**: ``sync now`` when nothing is queued and nothing arrived (one listing of
  the 500 files, every id known), median of 11, target <= 200 ms;
* **receive**: the other vault fetches and imports N real bundles (default 100) in one
  ``sync now``;
* **idle cost**: the CPU time of one nothing-new run (this process: client *and* server)
  divided by the app's 60 s period, as a share of one core; target < 1 %.

The server runs in this process (a thread), as in the tests, so its CPU counts too.
Run: ``.venv/bin/python benchmarks/bench_sync.py [--bundles 500] [--kb 100] [--real 100]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "src"))

from reflectdesk.bundles import bundle_file_name
from reflectdesk.domain.sync import OutboxState
from reflectdesk.services.sync import PERIOD_S
from reflectdesk.storage.sync_state import SyncStateRepo
from tests.services.sync_helpers import connect_webdav, imported_bundles, make_duo
from tests.sync.davserver import PASSWORD, USER, DavServer


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bundles", type=int, default=500)
    parser.add_argument("--kb", type=int, default=100)
    parser.add_argument("--real", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="rd-bench-sync-") as tmp:
        root = Path(tmp)
        (root / "server").mkdir()
        dav = DavServer(root / "server")
        dav.start()
        duo = make_duo(root / "people")
        try:
            st = duo.student._unlocked()
            repo = SyncStateRepo(st.db, st.cipher)
            # The load goes to a folder of its own (the mentor does not fetch random bytes).
            point = duo.student.exchange.add_webdav("Carga", dav.url("load"), USER, PASSWORD).id
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
            assert len(os.listdir(dav.root / "load")) == args.bundles
            times, cpu = [], []
            for _ in range(11):
                c0, t0 = time.process_time(), time.perf_counter()
                duo.student.sync.sync_now()
                times.append(time.perf_counter() - t0)
                cpu.append(time.process_time() - c0)
            idle_ms = statistics.median(times) * 1000
            idle_cpu = statistics.median(cpu)
            share = 100 * idle_cpu / PERIOD_S

            # Receive: real bundles from the student, fetched and imported by the mentor.
            duo.student.exchange.remove(point)
            connect_webdav(duo, dav.url(), USER, PASSWORD)
            sent = []
            for i in range(args.real):
                entry = duo.write(f"Clase {i}", body="Observé una clase. " * 40)
                sent.append(duo.send(entry))
            duo.student.sync.sync_now()
            t0 = time.perf_counter()
            got = duo.mentor.sync.sync_now()
            recv_s = time.perf_counter() - t0
            assert got.received == args.real, got
            assert set(sent) <= set(imported_bundles(duo.mentor))
        finally:
            duo.student.close()
            duo.mentor.close()
            dav.stop()
    print(f"WebDAV sync: sent {args.bundles} queued bundles of {args.kb} KB in {send_s:.1f} s")
    print(f"nothing-new sync (over {args.bundles} files): median {idle_ms:.0f} ms")
    print(
        f"idle cost: {idle_cpu * 1000:.0f} ms CPU per run every {PERIOD_S} s "
        f"= {share:.2f} % of one core"
    )
    print(f"received and imported {args.real} real bundles in {recv_s:.1f} s")
    print("targets: send <= 20 s, nothing new <= 200 ms, idle < 1 %")
    ok = send_s <= 20 and idle_ms <= 200 and share < 1
    print("targets met" if ok else "targets NOT met")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
