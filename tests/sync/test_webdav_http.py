"""HTTP for the WebDAV transport (sync/webdav_http.py): each HTTP status and failure gives
its error class, Retry-After is honoured, timeouts, TLS verification and digest
authentication, through a real WsgiDAV server on 127.0.0.1."""

from __future__ import annotations

import email.utils
import http.client
import os
import socket
from pathlib import Path

import pytest

from reflectdesk.errors import (
    RemoteFileChanged,
    RemoteFileGone,
    RemoteNameTaken,
    ServerConflict,
    ServerFolderNotFound,
    ServerForbidden,
    ServerFull,
    ServerLocked,
    ServerPasswordRejected,
    ServerProtocolError,
    ServerTimeout,
    ServerTlsFailed,
    ServerTrouble,
    ServerUnreachable,
    SyncTransferError,
)
from reflectdesk.sync import Retry, WebDavTransport
from reflectdesk.sync.webdav_http import MAX_RETRY_AFTER, status_error
from tests.sync.davserver import PASSWORD, USER, DavServer
from tests.sync.tlscerts import make_ca_and_server
from tests.sync.webdav_helpers import FAST_RETRY, final_names, on_server


def test_tls_is_verified(tmp_path: Path) -> None:
    ca, cert, key = make_ca_and_server(tmp_path)
    root = tmp_path / "server"
    root.mkdir()
    dav = DavServer(root, tls=(cert, key))
    dav.start()
    try:
        trusted = WebDavTransport(dav.url(), USER, PASSWORD, ca_file=ca)
        trusted.put("t1.rdbundle", b"over TLS")
        assert [r.name for r in trusted.list()] == ["t1.rdbundle"]
        trusted.close()
        # The system store does not know the test CA.
        with pytest.raises(ServerTlsFailed) as caught, WebDavTransport(dav.url(), USER, "p") as t:
            t.list()
        assert not caught.value.retryable
        # The certificate names 127.0.0.1, not localhost.
        wrong_host = WebDavTransport(dav.url(host="localhost"), USER, PASSWORD, ca_file=ca)
        with pytest.raises(ServerTlsFailed), wrong_host:
            wrong_host.list()
    finally:
        dav.stop()


def test_digest_authentication(tmp_path: Path) -> None:
    root = tmp_path / "server"
    root.mkdir()
    dav = DavServer(root, digest=True)
    dav.start()
    try:
        transport = WebDavTransport(dav.url(), USER, PASSWORD)
        transport.put("d1.rdbundle", os.urandom(200_000))
        transport.put("d2.rdbundle", b"second, same nonce")
        assert sorted(r.name for r in transport.list()) == ["d1.rdbundle", "d2.rdbundle"]
        transport.close()
        with pytest.raises(ServerPasswordRejected), WebDavTransport(dav.url(), USER, "x") as bad:
            bad.list()
    finally:
        dav.stop()


def test_401_after_a_password_change_says_so_and_is_not_retried(
    dav: DavServer, client: WebDavTransport
) -> None:
    client.put("p1.rdbundle", b"before")
    dav.set_password("a-new-app-password")
    calls = 0

    def step() -> object:
        nonlocal calls
        calls += 1
        return client.list()

    with pytest.raises(ServerPasswordRejected) as caught:
        FAST_RETRY.call(step)
    assert calls == 1 and not caught.value.retryable
    assert "password" in str(caught.value).lower()
    renewed = WebDavTransport(dav.url(), USER, "a-new-app-password")
    assert [r.name for r in renewed.list()] == ["p1.rdbundle"]
    renewed.close()


def test_unreachable_server_is_offline_and_retryable(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again: nothing listens there
    transport = WebDavTransport(f"http://127.0.0.1:{port}/dav/x", USER, PASSWORD)
    with pytest.raises(ServerUnreachable) as caught:
        transport.list()
    assert caught.value.retryable


@pytest.mark.parametrize(
    ("status", "error", "retryable"),
    [
        (500, ServerTrouble, True),
        (503, ServerTrouble, True),
        (507, ServerFull, False),
        (403, ServerForbidden, False),
        (423, ServerLocked, True),
        (409, ServerConflict, False),
    ],
)
def test_http_errors_on_upload_map_to_their_class_and_leave_nothing_visible(
    dav: DavServer,
    client: WebDavTransport,
    status: int,
    error: type[SyncTransferError],
    retryable: bool,
) -> None:
    client.ensure_folder()
    dav.faults.add("PUT", "status", status=status)
    with pytest.raises(error) as caught:
        client.put("f1.rdbundle", os.urandom(100_000))
    assert type(caught.value) is error and caught.value.retryable is retryable
    assert caught.value.message and caught.value.hint
    assert final_names(dav) == set()
    assert client.list() == []
    receipt = client.put("f1.rdbundle", b"after the fault")
    assert on_server(dav) == {"f1.rdbundle"} and not receipt.already_there


def test_503_with_retry_after_is_honoured_and_then_succeeds_once(
    dav: DavServer, client: WebDavTransport
) -> None:
    client.ensure_folder()
    dav.faults.add("MOVE", "status", status=503, headers=[("Retry-After", "7")])
    with pytest.raises(ServerTrouble) as caught:
        client.put("r1.rdbundle", b"payload")
    assert caught.value.retry_after == 7.0
    assert Retry(base=0.1).delay(1, caught.value) >= 7.0
    assert final_names(dav) == set()
    dav.faults.add("MOVE", "status", status=503, headers=[("Retry-After", "1")])
    receipt = FAST_RETRY.call(lambda: client.put("r1.rdbundle", b"payload"))
    assert receipt.size == 7 and on_server(dav) == {"r1.rdbundle"}


def test_a_slow_server_times_out(dav: DavServer) -> None:
    transport = WebDavTransport(dav.url(), USER, PASSWORD, read_timeout=1.0)
    transport.ensure_folder()
    dav.faults.add("PROPFIND", "delay", seconds=2.2)
    with pytest.raises(ServerTimeout) as caught:
        transport.list()
    assert caught.value.retryable
    assert transport.list() == []  # a fresh connection works
    transport.close()


def _headers(**values: str) -> http.client.HTTPMessage:
    message = http.client.HTTPMessage()
    for name, value in values.items():
        message[name.replace("_", "-")] = value
    return message


@pytest.mark.parametrize(
    ("status", "target", "error"),
    [
        (401, "folder", ServerPasswordRejected),
        (404, "file", RemoteFileGone),
        (404, "folder", ServerFolderNotFound),
        (412, "move", RemoteNameTaken),
        (412, "file", RemoteFileChanged),
        (429, "folder", ServerTrouble),
        (418, "folder", ServerProtocolError),
    ],
)
def test_each_status_names_its_error_by_what_was_asked(
    status: int, target: str, error: type[SyncTransferError]
) -> None:
    assert type(status_error(status, _headers(), target)) is error


def test_retry_after_in_seconds_or_by_the_server_clock_and_capped() -> None:
    assert status_error(503, _headers(Retry_After="7"), "file").retry_after == 7.0
    capped = status_error(503, _headers(Retry_After=str(10**9)), "file").retry_after
    assert capped == MAX_RETRY_AFTER
    server_now = 1_000_000_000.0
    dated = _headers(
        Date=email.utils.formatdate(server_now, usegmt=True),
        Retry_After=email.utils.formatdate(server_now + 90, usegmt=True),
    )
    assert status_error(423, dated, "file").retry_after == 90.0
    assert status_error(503, _headers(Retry_After="soon"), "file").retry_after is None
