"""Benchmark: what sync costs while the app sits idle (issue 17, docs/benchmarks.md).

The real main window (``MainWindow``, offscreen) on an unlocked vault with one WebDAV
exchange point whose folder holds ``--files`` bundles (this vault's own earlier uploads,
every one already known), the server in a process of its own (a real server is another
machine: ``bench_sync_server.py``). The app's own sync timer runs as in the app
(``SyncStatusItem``: a first run 5 s after the window opens, then one every 60 s on the
task runner's read pool); nothing new arrives. After a warm-up of ``--warmup`` seconds the
process's CPU time (utime + stime, ``/proc/self/stat``) is sampled every minute for
``--minutes``; the figure is CPU seconds ÷ wall seconds, as a share of one core. The
server's CPU is reported apart. ``--no-point``: the same window without an exchange
point (the baseline: no run, no network).

Run: ``.venv/bin/python benchmarks/bench_sync_idle.py [--minutes 10] [--files 500]``.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO / "src"))

from bench_sync_server import ServerProcess, proc_cpu_seconds
from reflectdesk.bundles import bundle_file_name
from reflectdesk.domain.sync import OutboxState
from reflectdesk.storage.sync_state import SyncStateRepo
from tests.services.sync_helpers import make_duo
from tests.sync.davserver import PASSWORD, USER


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--warmup", type=float, default=20)
    parser.add_argument("--no-point", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QTimer

    from reflectdesk.gui.app import build_context, create_application
    from reflectdesk.gui.main_window import MainWindow

    app = create_application([sys.argv[0]])
    with tempfile.TemporaryDirectory(prefix="rd-bench-sync-idle-") as tmp:
        root = Path(tmp)
        (root / "server").mkdir()
        server = ServerProcess(root / "server")
        duo = make_duo(root / "people")
        vault = duo.student
        try:
            if not args.no_point:
                point = vault.exchange.add_webdav(
                    "Universidad — Nextcloud", server.url(), USER, PASSWORD, [duo.mentor_at_student]
                ).id
                st = vault._unlocked()
                repo = SyncStateRepo(st.db, st.cipher)
                outbox = st.db.path.parent / "outbox"
                outbox.mkdir(exist_ok=True)
                names = [bundle_file_name() for _ in range(args.files)]
                items = repo.reserve([(point, n) for n in names])
                for n in names:
                    (outbox / n).write_bytes(os.urandom(100 * 1024))
                repo.save_outbox(
                    [replace(i, state=OutboxState.QUEUED, size=100 * 1024) for i in items]
                )
                seeded = vault.sync.sync_now()
                assert seeded.sent == args.files and not seeded.errors, seeded
            ctx = build_context(app, root / "data")
            window = MainWindow(ctx, vault)
            window.resize(1366, 768)
            window.show()
            runs: list[tuple[float, int, int, tuple[object, ...]]] = []
            window.sync_status.synced.connect(
                lambda r: runs.append((time.monotonic(), r.sent, r.received, r.errors))
            )
            samples: list[tuple[float, float, float]] = []  # wall, own cpu, server cpu

            def sample() -> None:
                samples.append((time.monotonic(), proc_cpu_seconds(), server.cpu_seconds()))

            def finish() -> None:
                sample()
                app.quit()

            minute = QTimer()
            minute.setInterval(60_000)
            minute.timeout.connect(sample)

            def start() -> None:
                sample()
                minute.start()
                QTimer.singleShot(int(args.minutes * 60_000), finish)

            QTimer.singleShot(int(args.warmup * 1000), start)
            app.exec()
            window.prepare_to_close()
            ctx.runner.wait(20_000)
        finally:
            duo.student.close()
            duo.mentor.close()
            server.stop()
    (w0, c0, s0), (w1, c1, s1) = samples[0], samples[-1]
    share = 100 * (c1 - c0) / (w1 - w0)
    server_share = 100 * (s1 - s0) / (w1 - w0)
    measured = [r for r in runs if r[0] >= w0]
    what = "no exchange point" if args.no_point else f"{args.files} files on the point"
    print(
        f"sync idle ({what}), "
        f"{(w1 - w0) / 60:.1f} min after a {args.warmup:.0f} s warm-up: "
        f"app {c1 - c0:.2f} s CPU = {share:.3f} % of one core; "
        f"server process {server_share:.3f} %"
    )
    print(
        f"sync runs in the window: {len(measured)} (before it: {len(runs) - len(measured)}); "
        f"sent {sum(r[1] for r in runs)}, received {sum(r[2] for r in runs)}, "
        f"errors {sum(len(r[3]) for r in runs)}"
    )
    per_minute = [
        f"{100 * (b[1] - a[1]) / (b[0] - a[0]):.2f}" for a, b in itertools.pairwise(samples)
    ]
    print("per minute (% of one core): " + " ".join(per_minute))
    print("target: < 1 % of one core" + (" — met" if share < 1 else " — NOT met"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
