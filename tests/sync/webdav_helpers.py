"""What the WebDAV tests share: a quick retry policy and what is on the test server."""

from __future__ import annotations

import os
from pathlib import Path

from reflectdesk.sync import Retry
from tests.sync.davserver import DavServer

FAST_RETRY = Retry(base=0.01, cap=0.05, max_attempts=4, max_retry_after=0.05)


def on_server(dav: DavServer) -> set[str]:
    folder = dav.root / "exchange"
    return set(os.listdir(folder)) if folder.exists() else set()


def final_names(dav: DavServer) -> set[str]:
    return {n for n in on_server(dav) if not n.startswith(".")}


def inbox_file(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir(exist_ok=True)
    return folder / "got.rdbundle"
