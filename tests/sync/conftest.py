"""Fixtures for the sync transports: a real WebDAV server (davserver.py) and transports."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reflectdesk.sync import WebDavTransport
from tests.sync.davserver import PASSWORD, USER, DavServer


@pytest.fixture
def dav(tmp_path: Path) -> Iterator[DavServer]:
    root = tmp_path / "server"
    root.mkdir()
    server = DavServer(root)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def client(dav: DavServer) -> Iterator[WebDavTransport]:
    transport = WebDavTransport(dav.url(), USER, PASSWORD, connect_timeout=2.0, read_timeout=5.0)
    try:
        yield transport
    finally:
        transport.close()
