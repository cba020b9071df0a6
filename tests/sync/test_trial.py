"""A randomized trial at the transport level: a writer puts files through a server that
injects random faults, while a reader lists and fetches concurrently. Names carry the
hash of their content, so a reader that ever saw part of a file under a final name would
notice. At the end every file is there exactly once, whole, and no temporary is left."""

from __future__ import annotations

import hashlib
import os
import random
import threading
from pathlib import Path

import pytest

from reflectdesk.errors import SyncTransferError
from reflectdesk.sync import Retry, WebDavTransport
from tests.sync.davserver import PASSWORD, USER, DavServer

FAULTS = [
    ("PUT", "drop", {}),
    ("PUT", "short_put", {}),
    ("PUT", "status", {"status": 503, "headers": [("Retry-After", "0")]}),
    ("PUT", "status", {"status": 500}),
    ("MOVE", "drop", {}),
    ("MOVE", "drop_answer", {}),
    ("MOVE", "status", {"status": 423}),
    ("PROPFIND", "status", {"status": 500}),
    ("PROPFIND", "drop", {}),
    ("GET", "truncate", {}),
    ("GET", "drop_body", {}),
]


def _name(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:32] + ".rdbundle"


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_faults_never_show_a_partial_file_and_never_duplicate(
    dav: DavServer, tmp_path: Path, seed: int
) -> None:
    rng = random.Random(seed)
    retry = Retry(base=0.005, cap=0.02, max_attempts=12, max_retry_after=0.02, rng=rng)
    files = [os.urandom(rng.randrange(1_000, 400_000)) for _ in range(12)]
    writer = WebDavTransport(dav.url(), USER, PASSWORD, read_timeout=5.0)
    writer.ensure_folder()
    done = threading.Event()
    seen_bad: list[str] = []
    fetched: set[str] = set()

    def read_loop() -> None:
        reader = WebDavTransport(dav.url(), USER, PASSWORD, read_timeout=5.0)
        dest = tmp_path / "reader" / "got"
        dest.parent.mkdir()
        try:
            while not done.is_set():
                try:
                    listing = reader.list()
                except SyncTransferError:
                    continue
                for remote in listing:
                    if remote.name in fetched:
                        continue
                    try:
                        reader.get(remote.name, dest, remote.size, remote.etag)
                    except SyncTransferError:
                        continue  # a fault: try again on the next round
                    if _name(dest.read_bytes()) != remote.name:
                        seen_bad.append(remote.name)
                    fetched.add(remote.name)
        finally:
            reader.close()

    thread = threading.Thread(target=read_loop)
    thread.start()
    try:
        for data in files:
            for _ in range(rng.randrange(0, 3)):
                method, kind, kw = rng.choice(FAULTS)
                dav.faults.add(method, kind, **kw)
            retry.call(lambda data=data: writer.put(_name(data), data))  # type: ignore[misc]
        dav.faults.clear()
        while len(fetched) < len(files) and thread.is_alive():
            thread.join(timeout=0.05)
    finally:
        done.set()
        thread.join()
        writer.close()
    assert seen_bad == []
    on_server = sorted(os.listdir(dav.root / "exchange"))
    finals = sorted(n for n in on_server if not n.startswith("."))
    assert finals == sorted(_name(d) for d in files)  # each exactly once
    for name in finals:
        assert _name((dav.root / "exchange" / name).read_bytes()) == name
    assert fetched == set(finals)
    # Temporaries a crash-like fault left behind are the writer's own and hidden.
    assert all(n.startswith(f".rdtmp-{writer.token}-") for n in on_server if n.startswith("."))
