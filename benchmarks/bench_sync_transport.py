"""Benchmark: the sync transports against a local WebDAV server (issue 17).

* 500 bundles of 100 KB put to WsgiDAV on 127.0.0.1 (temp PUT, PROPFIND, MOVE
  ``Overwrite: F``, PROPFIND: four requests each, one kept-alive connection), target
  <= 20 s;
* a list with nothing new (one ``PROPFIND`` depth 1 over the 500), median of 21, target
  <= 200 ms;
* the same two on a shared folder, for reference.

The server runs in this process (a thread), as in the tests, so its CPU counts too.
Run: ``.venv/bin/python benchmarks/bench_sync_transport.py [--files N] [--kb N]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reflectdesk.bundles import bundle_file_name
from reflectdesk.sync import FolderTransport, Transport, WebDavTransport
from tests.sync.davserver import PASSWORD, USER, DavServer


def _outbox(folder: Path, files: int, size: int) -> list[tuple[str, Path]]:
    folder.mkdir()
    queued = []
    for _ in range(files):
        name = bundle_file_name()
        path = folder / name
        path.write_bytes(os.urandom(size))
        queued.append((name, path))
    return queued


def _run(label: str, transport: Transport, queued: list[tuple[str, Path]]) -> tuple[float, float]:
    start = time.perf_counter()
    for name, path in queued:
        transport.put(name, path)
    put_s = time.perf_counter() - start
    listed = len(transport.list())
    assert listed == len(queued), (listed, len(queued))
    times = []
    for _ in range(21):
        start = time.perf_counter()
        transport.list()
        times.append(time.perf_counter() - start)
    list_ms = statistics.median(times) * 1000
    print(
        f"{label}: put {len(queued)} files: {put_s:.2f} s; list with nothing new: "
        f"median {list_ms:.1f} ms (max {max(times) * 1000:.1f} ms)"
    )
    return put_s, list_ms


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--kb", type=int, default=100)
    args = parser.parse_args()
    size = args.kb * 1000
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        queued = _outbox(base / "outbox", args.files, size)
        (base / "server").mkdir()
        server = DavServer(base / "server")
        server.start()
        try:
            dav = WebDavTransport(server.url(), USER, PASSWORD)
            try:
                put_s, list_ms = _run("WebDAV", dav, queued)
            finally:
                dav.close()
        finally:
            server.stop()
        (base / "shared").mkdir()
        _run("folder", FolderTransport(base / "shared"), queued)
    ok = put_s <= 20.0 and list_ms <= 200.0
    print(f"targets (WebDAV put <= 20 s, list <= 200 ms): {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
