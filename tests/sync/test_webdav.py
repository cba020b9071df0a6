"""The WebDAV transport against a real WsgiDAV server on 127.0.0.1, with injected faults.

Every fault must give its own error class, leave nothing half-visible under a final name,
and a retry after it must succeed exactly once."""

from __future__ import annotations

import base64
import email.utils
import logging
import os
import re
import time
from pathlib import Path

import pytest

from reflectdesk.bundles import bundle_file_name
from reflectdesk.errors import (
    Cancelled,
    ExchangeAddressInvalid,
    RemoteFileGone,
    RemoteFileNotOwn,
    RemoteNameTaken,
    ServerConflict,
    ServerFolderNotFound,
    ServerPasswordRejected,
    ServerTrouble,
    TransferIncomplete,
)
from reflectdesk.progress import CancelToken, Progress
from reflectdesk.sync import PutReceipt, WebDavTransport
from reflectdesk.sync.transport import TEMP_PREFIX
from tests.sync.davserver import PASSWORD, USER, DavServer
from tests.sync.webdav_helpers import FAST_RETRY, final_names, inbox_file, on_server


# --- the contract on a healthy server ---------------------------------------------------
def test_round_trip_makes_the_folder_and_confirms_size_and_etag(
    dav: DavServer, client: WebDavTransport, tmp_path: Path
) -> None:
    name, data = bundle_file_name(), os.urandom(700_000)
    progress: list[Progress] = []
    receipt = client.put(name, data, progress.append)
    assert "MKCOL" in {m for m, _ in dav.faults.seen}  # the folder did not exist yet
    assert receipt.size == len(data) and receipt.etag and not receipt.already_there
    assert progress[-1].done == progress[-1].total == len(data)
    assert on_server(dav) == {name}  # the temporary name is gone
    [remote] = client.list()
    assert (remote.name, remote.size, remote.etag) == (name, len(data), receipt.etag)
    assert remote.mtime is not None and abs(remote.mtime - time.time()) < 120
    dest = inbox_file(tmp_path)
    client.get(name, dest, remote.size, remote.etag)
    assert dest.read_bytes() == data
    assert os.listdir(dest.parent) == ["got.rdbundle"]


def test_upload_from_a_file_streams_it(client: WebDavTransport, tmp_path: Path) -> None:
    source = tmp_path / "out.rdbundle"
    source.write_bytes(os.urandom(3_000_000))
    progress: list[Progress] = []
    client.put("b1.rdbundle", source, progress.append)
    assert len(progress) > 5  # reported chunk by chunk, not once at the end
    dest = inbox_file(tmp_path)
    client.get("b1.rdbundle", dest, 3_000_000)
    assert dest.read_bytes() == source.read_bytes()


def test_list_shows_only_final_names(dav: DavServer, client: WebDavTransport) -> None:
    client.put("a1.rdbundle", b"one")
    (dav.root / "exchange" / f"{TEMP_PREFIX}ffffffffffffffff-x.rdbundle").write_bytes(b"h")
    (dav.root / "exchange" / ".DS_Store").write_bytes(b"")
    (dav.root / "exchange" / "sub").mkdir()
    assert [r.name for r in client.list()] == ["a1.rdbundle"]


def test_missing_folder_on_list_and_a_missing_parent_on_put(dav: DavServer) -> None:
    with WebDavTransport(dav.url("nowhere/deeper"), USER, PASSWORD) as transport:
        with pytest.raises(ServerFolderNotFound) as caught:
            transport.list()
        assert not caught.value.retryable
        with pytest.raises(ServerConflict):  # MKCOL cannot make a folder in a missing one
            transport.put("a1.rdbundle", b"x")


def test_a_foreign_file_under_the_name_is_never_overwritten(
    dav: DavServer, client: WebDavTransport
) -> None:
    client.ensure_folder()
    (dav.root / "exchange" / "taken.rdbundle").write_bytes(b"someone else's")
    with pytest.raises(RemoteNameTaken):
        client.put("taken.rdbundle", b"mine, and different")
    assert (dav.root / "exchange" / "taken.rdbundle").read_bytes() == b"someone else's"
    assert on_server(dav) == {"taken.rdbundle"}  # our temporary file was removed
    assert "GET" not in {m for m, _ in dav.faults.seen}  # another size: not downloaded
    with pytest.raises(RemoteNameTaken):  # same size, other bytes: compared by hash
        client.put("taken.rdbundle", b"someone ELSE's")
    assert (dav.root / "exchange" / "taken.rdbundle").read_bytes() == b"someone else's"
    assert on_server(dav) == {"taken.rdbundle"}


def test_delete_own_removes_only_what_this_client_put(
    dav: DavServer, client: WebDavTransport
) -> None:
    mine = client.put("mine.rdbundle", b"mine")
    replaced = client.put("replaced.rdbundle", b"old")
    path = dav.root / "exchange" / "replaced.rdbundle"
    path.unlink()
    path.write_bytes(b"new content by someone")  # another inode, size: another ETag
    (dav.root / "exchange" / "theirs.rdbundle").write_bytes(b"theirs")
    with pytest.raises(RemoteFileNotOwn):
        client.delete_own(replaced)
    with pytest.raises(RemoteFileNotOwn):
        client.delete_own(PutReceipt("theirs.rdbundle", 6, None))
    with pytest.raises(RemoteFileNotOwn):
        client.delete_own(PutReceipt("theirs.rdbundle", 6, "guessed"))
    client.delete_own(mine)
    client.delete_own(mine)  # already gone: fine
    assert on_server(dav) == {"replaced.rdbundle", "theirs.rdbundle"}


def test_cancel_mid_upload_and_mid_download_leaves_nothing(
    dav: DavServer, client: WebDavTransport, tmp_path: Path
) -> None:
    token = CancelToken()
    with pytest.raises(Cancelled):
        client.put("c1.rdbundle", os.urandom(2_000_000), lambda _p: token.cancel(), token)
    assert final_names(dav) == set()
    client.put("c2.rdbundle", os.urandom(2_000_000))
    token = CancelToken()
    dest = inbox_file(tmp_path)
    with pytest.raises(Cancelled):
        client.get("c2.rdbundle", dest, 2_000_000, None, lambda _p: token.cancel(), token)
    assert os.listdir(dest.parent) == []
    client.get("c2.rdbundle", dest, 2_000_000)  # the connection recovers
    assert dest.stat().st_size == 2_000_000


# --- addresses, TLS, authentication -----------------------------------------------------
@pytest.mark.parametrize(
    "url",
    [
        "http://cloud.example.org/remote.php/dav/files/c/ReflectDesk",
        "http://10.0.0.5/dav",
        "https://camila:secret@cloud.example.org/dav",
        "ftp://cloud.example.org/dav",
        "https:///nohost",
        "https://cloud.example.org/dav?x=1",
        "https://cloud.example.org:99999/dav",
    ],
)
def test_unsafe_addresses_are_refused(url: str) -> None:
    with pytest.raises(ExchangeAddressInvalid):
        WebDavTransport(url, USER, PASSWORD)


def test_plain_http_is_allowed_to_this_computer_only() -> None:
    for host in ("localhost", "127.0.0.1", "[::1]"):
        WebDavTransport(f"http://{host}:8080/dav", USER, PASSWORD).close()


def test_the_password_is_never_logged_nor_shown(
    dav: DavServer, client: WebDavTransport, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client.put("l1.rdbundle", b"x")
    dav.faults.add("PROPFIND", "status", status=503)
    with pytest.raises(ServerTrouble) as caught:
        client.list()
    dav.set_password("changed")
    with pytest.raises(ServerPasswordRejected) as rejected:
        client.list()
    secret_forms = [PASSWORD, base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()]
    shown = [caplog.text, repr(client), str(caught.value), str(rejected.value)]
    shown += [caught.value.detail, rejected.value.detail]
    for text in shown:
        for secret in secret_forms:
            assert secret not in text
    assert USER not in repr(client)


# --- injected faults ---------------------------------------------------------------------
def test_connection_dropped_mid_upload(dav: DavServer, client: WebDavTransport) -> None:
    client.ensure_folder()
    data = os.urandom(4_000_000)
    # A drop on a kept-alive connection may be a stale connection: sent again once, on a
    # fresh one. A second drop is reported.
    dav.faults.add("PUT", "drop")
    dav.faults.add("PUT", "drop")
    with pytest.raises(TransferIncomplete) as caught:
        client.put("u1.rdbundle", data)
    assert caught.value.retryable
    assert final_names(dav) == set()
    dav.faults.add("PUT", "drop")
    dav.faults.add("PUT", "drop")
    receipt = FAST_RETRY.call(lambda: client.put("u1.rdbundle", data))
    assert receipt.size == len(data) and dav.faults.pending == 0
    assert on_server(dav) == {"u1.rdbundle"}
    assert (dav.root / "exchange" / "u1.rdbundle").read_bytes() == data


def test_server_stores_a_short_upload_and_says_201(dav: DavServer, client: WebDavTransport) -> None:
    client.ensure_folder()
    dav.faults.add("PUT", "short_put")
    with pytest.raises(TransferIncomplete):
        client.put("s1.rdbundle", os.urandom(500_000))
    assert final_names(dav) == set()  # the short copy never got the final name


def test_connection_dropped_mid_download_and_a_truncated_download(
    dav: DavServer, client: WebDavTransport, tmp_path: Path
) -> None:
    data = os.urandom(1_500_000)
    client.put("g1.rdbundle", data)
    dest = inbox_file(tmp_path)
    for kind in ("drop_body", "truncate"):
        dav.faults.add("GET", kind)
        with pytest.raises(TransferIncomplete) as caught:
            client.get("g1.rdbundle", dest, len(data))
        assert caught.value.retryable, kind
        assert os.listdir(dest.parent) == [], kind  # no partial file, not even a temp
    dav.faults.add("GET", "truncate")
    FAST_RETRY.call(lambda: client.get("g1.rdbundle", dest, len(data)))
    assert dest.read_bytes() == data


def test_a_file_deleted_between_list_and_get(
    dav: DavServer, client: WebDavTransport, tmp_path: Path
) -> None:
    client.put("del.rdbundle", b"soon gone")
    [remote] = client.list()
    (dav.root / "exchange" / "del.rdbundle").unlink()  # someone else removed it
    dest = inbox_file(tmp_path)
    with pytest.raises(RemoteFileGone) as caught:
        client.get(remote.name, dest, remote.size, remote.etag)
    assert not caught.value.retryable
    assert os.listdir(dest.parent) == []


def test_restart_between_put_and_move_leaves_only_a_hidden_temp_then_retry_once(
    dav: DavServer, client: WebDavTransport
) -> None:
    client.ensure_folder()
    data = os.urandom(300_000)
    # The server goes away right after the PUT: the MOVE and our clean-up both fail.
    for method in ("MOVE", "MOVE", "DELETE"):
        dav.faults.add(method, "drop")
    with pytest.raises(TransferIncomplete):
        client.put("m1.rdbundle", data)
    assert dav.faults.pending == 0
    dav.restart()
    leftovers = on_server(dav)
    assert len(leftovers) == 1 and next(iter(leftovers)).startswith(TEMP_PREFIX)
    assert client.list() == []  # a reader never sees it
    receipt = FAST_RETRY.call(lambda: client.put("m1.rdbundle", data))
    assert not receipt.already_there
    assert on_server(dav) == {"m1.rdbundle"}  # the retry reused and moved its temp


def test_lost_answer_to_move_the_retry_finds_its_own_file(
    dav: DavServer, client: WebDavTransport
) -> None:
    client.ensure_folder()
    data = os.urandom(200_000)
    # The MOVE happens but its answer is lost; the MOVE sent again finds the name taken,
    # by our own bytes: the upload is complete, exactly once.
    dav.faults.add("MOVE", "drop_answer")
    receipt = client.put("n1.rdbundle", data)
    assert receipt.already_there and receipt.etag
    assert on_server(dav) == {"n1.rdbundle"}  # exactly once, temp removed
    # Both answers lost: reported; the next try finds its file.
    dav.faults.add("MOVE", "drop_answer")
    dav.faults.add("MOVE", "drop_answer")
    with pytest.raises(TransferIncomplete):
        client.put("n2.rdbundle", data)
    assert final_names(dav) == {"n1.rdbundle", "n2.rdbundle"}
    again = client.put("n2.rdbundle", data)
    assert again.already_there
    assert on_server(dav) == {"n1.rdbundle", "n2.rdbundle"}
    client.delete_own(receipt)  # the receipt of a found upload still proves ownership
    assert on_server(dav) == {"n2.rdbundle"}


def test_clock_skew_changes_nothing_and_retry_after_dates_use_the_server_clock(
    dav: DavServer, client: WebDavTransport, tmp_path: Path
) -> None:
    skew = 3 * 3600.0
    dav.faults.skew_seconds = skew
    receipt = client.put("k1.rdbundle", b"skewed")
    [remote] = client.list()
    assert remote.etag == receipt.etag
    client.get("k1.rdbundle", inbox_file(tmp_path), 6, remote.etag)
    now = time.time()
    dav.faults.add(
        "PROPFIND",
        "status",
        status=503,
        headers=[
            ("Date", email.utils.formatdate(now, usegmt=True)),  # shifted by the skew
            ("Retry-After", email.utils.formatdate(now + skew + 5, usegmt=True)),
        ],
    )
    with pytest.raises(ServerTrouble) as caught:
        client.list()
    assert caught.value.retry_after is not None
    assert 3.0 <= caught.value.retry_after <= 6.0  # 5 s by the server's clock, not 3 h


def test_a_failed_confirmation_is_retried_into_exactly_one_file(
    dav: DavServer, client: WebDavTransport
) -> None:
    client.ensure_folder()
    data = os.urandom(120_000)
    # The MOVE went through but the PROPFIND that confirms it fails: not reported done.
    dav.faults.add("PROPFIND", "status", status=500, path_part="/exchange/c9.rdbundle")
    with pytest.raises(ServerTrouble):
        client.put("c9.rdbundle", data)
    assert on_server(dav) == {"c9.rdbundle"}  # complete: it was moved whole
    receipt = FAST_RETRY.call(lambda: client.put("c9.rdbundle", data))
    assert receipt.already_there and receipt.size == len(data)
    assert on_server(dav) == {"c9.rdbundle"}


def test_folder_stamp_is_given_only_when_it_can_be_relied_on(
    dav: DavServer, client: WebDavTransport
) -> None:
    client.put(bundle_file_name(), b"x" * 100)
    assert client.folder_stamp() is None  # changed within the last seconds: no stamp
    folder = dav.root / "exchange"
    old = time.time() - 60
    os.utime(folder, (old, old))
    stamp = client.folder_stamp()
    assert stamp is not None and stamp.startswith("mtime:")
    assert client.folder_stamp() == stamp  # nothing changed: the same
    client.put(bundle_file_name(), b"y" * 100)
    os.utime(folder, (old + 10, old + 10))
    assert client.folder_stamp() not in (None, stamp)  # a new file: another stamp

    # A server that gives folders an ETag (Nextcloud): that is the stamp.
    def with_etag(body: bytes) -> bytes:
        ok = re.search(rb"<(\w+):prop>(?:(?!propstat>).)*?HTTP/1\.1 200", body, re.S)
        assert ok is not None
        tag = ok.group(1)
        etag = b"<" + tag + b':getetag>"f-1"</' + tag + b":getetag>"
        return (
            body[: ok.end(0) - len(ok.group(0))]
            + ok.group(0).replace(b"<" + tag + b":prop>", b"<" + tag + b":prop>" + etag, 1)
            + body[ok.end(0) :]
        )

    dav.faults.add("PROPFIND", "rewrite", rewrite=with_etag)
    assert client.folder_stamp() == "etag:f-1"
