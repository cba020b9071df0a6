"""Sync through a real WebDAV server (WsgiDAV on 127.0.0.1, with authentication) and a
real shared folder: outbox, inbox, status; every injected fault gives a clear status and
loses nothing; every bundle arrives exactly once."""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from reflectdesk.domain.model import ExportRequest, Role
from reflectdesk.domain.sync import RemoteState
from reflectdesk.errors import (
    ExchangeAddressInvalid,
    ExchangeFolderInvalid,
    ExchangePointBusy,
    NoExchangePoint,
)
from reflectdesk.services.vault import Vault
from reflectdesk.storage.sync_state import SyncStateRepo
from reflectdesk.sync import Retry
from tests.services.sync_helpers import (
    Duo,
    connect_folder,
    connect_webdav,
    imported_bundles,
    make_duo,
    new_vault,
    reopen,
)
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
def duo(tmp_path: Path) -> Iterator[Duo]:
    d = make_duo(tmp_path)
    yield d
    d.student.close()
    d.mentor.close()


def on_server(dav: DavServer) -> list[str]:
    folder = dav.root / "exchange"
    return sorted(os.listdir(folder)) if folder.exists() else []


def finals(dav: DavServer) -> list[str]:
    return [n for n in on_server(dav) if not n.startswith(".")]


def _repo(vault: Vault) -> SyncStateRepo:
    st = vault._unlocked()
    return SyncStateRepo(st.db, st.cipher)


def test_round_trip_through_webdav_once_and_only_once(dav: DavServer, duo: Duo) -> None:
    connect_webdav(duo, dav.url(), USER, PASSWORD)
    sent = [duo.send(duo.write(f"Clase {i}")) for i in range(2)]
    assert duo.student.sync.status().pending == 2
    report = duo.student.sync.sync_now()
    assert (report.sent, report.errors, report.offline) == (2, (), ())
    assert report.status is not None and report.status.pending == 0
    names = finals(dav)
    assert len(names) == 2 and all(len(n) == 41 and n.endswith(".rdbundle") for n in names)
    assert not list((duo.student._unlocked().db.path.parent / "outbox").iterdir())
    got = duo.mentor.sync.sync_now()
    assert (got.received, got.waiting) == (2, 0)
    assert sorted(imported_bundles(duo.mentor)) == sorted(sent)
    # Again, on both sides: nothing new, nothing twice, nothing removed from the server.
    assert duo.mentor.sync.sync_now().received == 0
    assert duo.student.sync.sync_now().received == 0  # its own uploads are skipped
    assert sorted(imported_bundles(duo.mentor)) == sorted(sent)
    assert finals(dav) == names
    # The mentor's answer back the same way (a normal bundle).
    journal = duo.mentor.journals.create("Retroalimentación")
    from reflectdesk.domain.model import EntryContent

    reply = duo.mentor.entries.add(journal.id, EntryContent(title="Comentario", sections={}))
    back = duo.reply(reply.id)
    assert duo.mentor.sync.sync_now().sent == 1
    assert duo.student.sync.sync_now().received == 1
    assert back in imported_bundles(duo.student)
    assert duo.student.integrity_check() == "ok" and duo.mentor.integrity_check() == "ok"


def test_offline_first_no_exchange_point_no_network_call(duo: Duo) -> None:
    def no_network(point: object) -> object:
        raise AssertionError("a transport was made without an exchange point")

    duo.student.sync.transport_factory = no_network  # type: ignore[assignment]
    report = duo.student.sync.sync_now()
    assert report.status is not None and not report.status.configured
    assert report.sent == report.received == 0
    with pytest.raises(NoExchangePoint):
        duo.send(duo.write("Sin punto"))
    assert not (duo.student._unlocked().db.path.parent / "outbox").exists() or not list(
        (duo.student._unlocked().db.path.parent / "outbox").iterdir()
    )
    assert _repo(duo.student).outbox() == []


def test_server_down_is_a_quiet_offline_then_sent_when_up(dav: DavServer, duo: Duo) -> None:
    connect_webdav(duo, dav.url(), USER, PASSWORD)
    dav.stop()
    bundle = duo.send(duo.write("Sin red"))
    report = duo.student.sync.sync_now()
    assert report.errors == () and len(report.offline) == 1
    status = report.status
    assert status is not None and status.offline and status.pending == 1
    assert status.points[0].last_error == "server_unreachable"
    dav.start()
    assert duo.student.sync.sync_now().sent == 1
    assert duo.student.sync.status().offline is False
    assert duo.mentor.sync.sync_now().received == 1
    assert imported_bundles(duo.mentor) == [bundle]


UPLOAD_FAULTS = [
    ("PUT", "status", {"status": 500}),
    ("PUT", "status", {"status": 503, "headers": [("Retry-After", "0")]}),
    ("PUT", "drop", {}),
    ("PUT", "short_put", {}),
    ("MOVE", "drop", {}),
    ("MOVE", "drop_answer", {}),
    ("PROPFIND", "delay", {"seconds": 1.6}),
]


@pytest.mark.parametrize(("method", "kind", "kw"), UPLOAD_FAULTS)
def test_upload_faults_are_retried_and_give_exactly_one_file(
    dav: DavServer, duo: Duo, method: str, kind: str, kw: dict[str, object]
) -> None:
    connect_webdav(duo, dav.url(), USER, PASSWORD)
    bundle = duo.send(duo.write("Falla"))
    duo.student.sync.transport_factory = _short_timeouts
    dav.faults.add(method, kind, **kw)
    report = duo.student.sync.sync_now()
    if report.sent == 0:  # the fault outlasted the run's retries: stays queued, said so
        assert report.status is not None and report.status.pending == 1
        assert report.status.points[0].last_error
        report = duo.student.sync.sync_now()
    assert report.sent == 1 and len(finals(dav)) == 1
    assert not [n for n in on_server(dav) if n.startswith(".rdtmp-")]
    assert duo.mentor.sync.sync_now().received == 1
    assert imported_bundles(duo.mentor) == [bundle]


def _short_timeouts(point: object) -> object:
    from reflectdesk.services.exchange import make_transport

    return make_transport(point, connect_timeout=1.0, read_timeout=1.0)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("status", "code"), [(507, "server_full"), (403, "server_forbidden"), (409, "server_conflict")]
)
def test_a_refusing_server_keeps_the_bundle_queued_with_a_clear_code(
    dav: DavServer, duo: Duo, status: int, code: str
) -> None:
    connect_webdav(duo, dav.url(), USER, PASSWORD)
    duo.send(duo.write("Lleno"))
    dav.faults.add("PUT", "status", status=status)
    report = duo.student.sync.sync_now()
    assert report.sent == 0 and [c for _, c in report.errors] == [code]
    assert report.status is not None and report.status.pending == 1
    assert report.status.last_error == code and not report.status.offline
    assert duo.student.sync.log()[0].code == code
    assert duo.student.sync.sync_now().sent == 1  # freed: sent, once
    assert len(finals(dav)) == 1


def test_401_after_a_password_change_then_the_new_app_password(dav: DavServer, duo: Duo) -> None:
    point, _ = connect_webdav(duo, dav.url(), USER, PASSWORD)
    duo.send(duo.write("Clave"))
    dav.set_password("new-app-password-5678")
    report = duo.student.sync.sync_now()
    assert [c for _, c in report.errors] == ["server_password_rejected"]
    assert report.status is not None and report.status.pending == 1
    duo.student.exchange.set_password(point, "new-app-password-5678")
    assert duo.student.sync.sync_now().sent == 1


@pytest.mark.parametrize("kind", ["truncate", "drop_body"])
def test_download_faults_are_retried_and_imported_once(dav: DavServer, duo: Duo, kind: str) -> None:
    connect_webdav(duo, dav.url(), USER, PASSWORD)
    bundle = duo.send(duo.write("Descarga"))
    duo.student.sync.sync_now()
    dav.faults.add("GET", kind)
    dav.faults.add("GET", kind)
    dav.faults.add("GET", kind)  # more than one run's retries: the next run fetches it
    first = duo.mentor.sync.sync_now()
    assert first.received == 0 and [c for _, c in first.errors] == ["transfer_incomplete"]
    assert not list((duo.mentor._unlocked().db.path.parent / "inbox").glob("*.rdbundle*"))
    assert duo.mentor.sync.sync_now().received == 1
    assert imported_bundles(duo.mentor) == [bundle]


def test_restart_between_put_and_move_then_one_file(dav: DavServer, duo: Duo) -> None:
    connect_webdav(duo, dav.url(), USER, PASSWORD)
    duo.student.sync.retry = Retry(base=0.01, cap=0.02, max_attempts=1)
    duo.send(duo.write("Reinicio"))
    # The server goes away right after the PUT: the MOVE (sent twice) and the clean-up fail.
    for method in ("MOVE", "MOVE", "DELETE"):
        dav.faults.add(method, "drop")
    report = duo.student.sync.sync_now()
    assert report.sent == 0 and report.status is not None and report.status.pending == 1
    assert [n for n in on_server(dav) if n.startswith(".rdtmp-")]  # the temp, hidden
    dav.restart()
    assert duo.student.sync.sync_now().sent == 1
    assert len(finals(dav)) == 1 and not [n for n in on_server(dav) if n.startswith(".")]


def test_file_deleted_by_someone_else_between_list_and_get(dav: DavServer, duo: Duo) -> None:
    connect_webdav(duo, dav.url(), USER, PASSWORD)
    duo.send(duo.write("Borrado"))
    duo.student.sync.sync_now()
    (name,) = finals(dav)
    dav.faults.add("GET", "before", action=lambda: os.unlink(dav.root / "exchange" / name))
    report = duo.mentor.sync.sync_now()
    assert report.errors == () and report.received == 0
    assert [r.error for r in _repo(duo.mentor).remote()] == ["remote_file_gone"]
    assert imported_bundles(duo.mentor) == []


def test_clock_skew_changes_nothing(dav: DavServer, duo: Duo) -> None:
    connect_webdav(duo, dav.url(), USER, PASSWORD)
    dav.faults.skew_seconds = -6 * 3600
    bundle = duo.send(duo.write("Reloj"))
    assert duo.student.sync.sync_now().sent == 1
    dav.faults.skew_seconds = 9 * 3600
    assert duo.mentor.sync.sync_now().received == 1
    assert imported_bundles(duo.mentor) == [bundle]


def test_unverified_sender_waits_for_you_then_accept(dav: DavServer, tmp_path: Path) -> None:
    d = make_duo(tmp_path, verify=False)
    try:
        connect_webdav(d, dav.url(), USER, PASSWORD)
        bundle = d.send(d.write("Espera"))
        d.student.sync.sync_now()
        report = d.mentor.sync.sync_now()
        assert (report.received, report.waiting) == (0, 1)
        assert imported_bundles(d.mentor) == []
        (item,) = d.mentor.sync.waiting()
        assert item.preview.author_name == "Camila Pérez"
        assert d.mentor.sync.status().waiting == 1
        assert d.mentor.sync.sync_now().waiting == 0  # not listed twice
        d.mentor.sync.accept(item.id)
        assert imported_bundles(d.mentor) == [bundle]
        assert d.mentor.sync.waiting() == [] and d.mentor.sync.status().waiting == 0
    finally:
        d.student.close()
        d.mentor.close()


def test_shared_folder_attacks_swap_replay_huge_foreign(duo: Duo, tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    connect_folder(duo, share)
    first = duo.send(duo.write("Primera"))
    duo.student.sync.sync_now()
    (name,) = os.listdir(share)
    assert duo.mentor.sync.sync_now().received == 1
    # A co-user replays the old bundle under a new name: already imported, nothing new.
    shutil.copy(share / name, share / ("a" * 32 + ".rdbundle"))
    # … swaps garbage in under another name, and plants a huge (sparse) file.
    (share / ("b" * 32 + ".rdbundle")).write_bytes(os.urandom(5000))
    with open(share / ("c" * 32 + ".rdbundle"), "wb") as huge:
        huge.truncate(600 * 1024 * 1024)
    # A third person's bundle for someone else in the same folder.
    third = new_vault(tmp_path / "third", "Otra Persona", Role.STUDENT)
    try:
        to_student = third.contacts.import_card(duo.student.identity.card()).contact
        assert to_student is not None
        j = third.journals.create("Otro")
        from reflectdesk.domain.model import EntryContent

        e = third.entries.add(j.id, EntryContent(title="Ajeno", sections={}))
        third.exports.export(ExportRequest(recipients=(to_student.id,), entry_ids=(e.id,)), share)
    finally:
        third.close()
    report = duo.mentor.sync.sync_now()
    assert (report.received, report.waiting, report.errors) == (0, 0, ())
    states = sorted((r.state.value, r.error) for r in _repo(duo.mentor).remote())
    assert ("rejected", "bundle_too_large") in states
    assert ("not_for_you", "bundle_not_for_you") in states
    assert sum(1 for s, _ in states if s == "imported") == 2  # the first, and its replay
    assert any(s == "rejected" and e not in ("", "bundle_too_large") for s, e in states)
    assert imported_bundles(duo.mentor) == [first]
    # Nothing it did not put there was removed or changed.
    assert len(os.listdir(share)) == 5 and (share / ("c" * 32 + ".rdbundle")).stat().st_size
    assert duo.mentor.sync.sync_now().skipped == 0  # each file looked at once


def test_a_file_replaced_under_the_same_name_is_looked_at_again(duo: Duo, tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    connect_folder(duo, share)
    duo.send(duo.write("Uno"))
    duo.student.sync.sync_now()
    (name,) = os.listdir(share)
    assert duo.mentor.sync.sync_now().received == 1
    (share / name).write_bytes(os.urandom(3000))  # swapped in place by someone
    report = duo.mentor.sync.sync_now()
    assert report.received == 0 and report.skipped == 1
    assert len(imported_bundles(duo.mentor)) == 1


def test_exchange_point_rules(duo: Duo, tmp_path: Path) -> None:
    ex = duo.student.exchange
    with pytest.raises(ExchangeAddressInvalid):
        ex.add_webdav("X", "http://example.org/dav", "u", "p")
    with pytest.raises(ExchangeAddressInvalid):
        ex.add_webdav("X", "https://u:p@example.org/dav", "u", "p")
    with pytest.raises(ExchangeFolderInvalid):
        ex.add_folder("X", Path("relative/folder"))
    with pytest.raises(ExchangeFolderInvalid):
        ex.add_folder("X", duo.student._unlocked().db.path.parent)
    share = tmp_path / "share"
    share.mkdir()
    point, _ = connect_folder(duo, share)
    assert ex.get(point).password == ""
    web = ex.add_webdav("Nube", "https://cloud.example.org/dav/x", "camila", "secreto-1")
    assert "secreto-1" not in repr(ex.get(web.id))
    duo.send(duo.write("Pendiente"))
    with pytest.raises(ExchangePointBusy):
        ex.remove(point)
    ex.remove(point, force=True)
    assert _repo(duo.student).outbox() == []
    assert not list((duo.student._unlocked().db.path.parent / "outbox").iterdir())


def test_restart_resumes_where_it_stopped(dav: DavServer, tmp_path: Path) -> None:
    d = make_duo(tmp_path)
    connect_webdav(d, dav.url(), USER, PASSWORD)
    bundle = d.send(d.write("Reanudar"))
    student_dir = tmp_path / "student"
    d.student.close()
    student = reopen(student_dir)
    try:
        assert student.sync.status().pending == 1
        assert student.sync.sync_now().sent == 1
    finally:
        student.close()
    assert d.mentor.sync.sync_now().received == 1
    assert imported_bundles(d.mentor) == [bundle]
    d.mentor.close()


def test_recovery_after_a_crash_mid_export_and_mid_fetch(dav: DavServer, duo: Duo) -> None:
    connect_webdav(duo, dav.url(), USER, PASSWORD)
    repo = _repo(duo.student)
    point = duo.student.exchange.list()[0].id
    outbox = duo.student._unlocked().db.path.parent / "outbox"
    outbox.mkdir(exist_ok=True)
    # A row reserved, its file never written (killed before): dropped.
    repo.reserve([(point, "d" * 32 + ".rdbundle")])
    # A file written, the row left "writing" (killed before marking it queued): sent.
    bundle = duo.send(duo.write("Completo"))
    (item,) = [i for i in repo.outbox() if i.bundle_id == bundle]
    from dataclasses import replace

    from reflectdesk.domain.sync import OutboxState

    repo.save_outbox([replace(item, state=OutboxState.WRITING)])
    (outbox / ("e" * 32 + ".rdbundle")).write_bytes(b"orphan")  # no row: removed
    # A file in place whose export never logged (killed between the rename and the
    # commit of its bundle-log row): not sent, removed. (Here: a bundle from elsewhere.)
    stray = "9" * 32 + ".rdbundle"
    shutil.copy(duo.student._unlocked().db.path, outbox / stray)
    repo.reserve([(point, stray)])
    assert duo.student.sync.sync_now().sent == 1
    assert repo.outbox() == [] and not list(outbox.iterdir())
    # The mentor was killed mid-download: the row says "fetching"; fetched again.
    mrepo = _repo(duo.mentor)
    duo.mentor.sync.sync_now()
    (rec,) = mrepo.remote()
    mrepo.save_remote(replace(rec, state=RemoteState.FETCHING, local_file="f" * 32 + ".rdbundle"))
    assert duo.mentor.sync.sync_now().skipped == 1  # fetched again: already imported
    assert imported_bundles(duo.mentor) == [bundle]


def test_nothing_secret_in_sync_state_or_logs(
    dav: DavServer, duo: Duo, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    canary = "CANARY-observación-Zanahoria-7731"
    connect_webdav(duo, dav.url(), USER, PASSWORD)
    duo.send(duo.write(canary, body=canary))
    dav.stop()
    duo.student.sync.sync_now()
    dav.start()
    duo.student.sync.sync_now()
    d = make_duo(dav.root.parent / "unverified", verify=False)
    duo.mentor.sync.sync_now()
    secrets_ = [canary, "Camila", "Ana Mentor", PASSWORD, USER, "Universidad", dav.url()]
    for vault in (duo.student, duo.mentor):
        vault._unlocked().db.checkpoint()
        folder = vault._unlocked().db.path.parent
        for path in folder.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                for s in secrets_:
                    assert s.encode() not in data, (path.name, s)
                    assert s.encode("utf-16-le") not in data, (path.name, s)
    for s in secrets_:
        assert s not in caplog.text
    d.student.close()
    d.mentor.close()


def test_a_file_that_never_arrives_whole_does_not_block_the_others(
    dav: DavServer, duo: Duo
) -> None:
    connect_webdav(duo, dav.url(), USER, PASSWORD)
    bundles = [duo.send(duo.write(f"Archivo {i}")) for i in range(3)]
    duo.student.sync.sync_now()
    bad = finals(dav)[0]
    for _ in range(30):  # the server keeps cutting this one file short (it lies)
        dav.faults.add("GET", "truncate", path_part=bad)
    first = duo.mentor.sync.sync_now()
    assert first.received == 2 and [c for _, c in first.errors] == ["transfer_incomplete"]
    for _ in range(6):
        duo.mentor.sync.sync_now()
    states = {r.name: (r.state, r.error) for r in _repo(duo.mentor).remote()}
    assert states[bad] == (RemoteState.REJECTED, "transfer_incomplete")
    assert len(imported_bundles(duo.mentor)) == 2 and set(imported_bundles(duo.mentor)) < set(
        bundles
    )
    last = duo.mentor.sync.sync_now()  # set aside: no more errors, nothing lost silently
    assert last.errors == () and duo.mentor.sync.log()[1].code in ("", "transfer_incomplete")
    assert bad in os.listdir(dav.root / "exchange")  # and never deleted


def test_hostile_listing_hrefs_never_reach_the_disk(
    dav: DavServer, duo: Duo, tmp_path: Path
) -> None:
    import re

    connect_webdav(duo, dav.url(), USER, PASSWORD)
    bundle = duo.send(duo.write("Lista"))
    duo.student.sync.sync_now()
    (name,) = finals(dav)
    hostile = [
        "/dav/exchange/../../../../tmp/escape.rdbundle",
        "/dav/exchange/..%2F..%2Fescape2.rdbundle",
        "/dav/exchange/sub/inner.rdbundle",
        "/dav/other/elsewhere.rdbundle",
        "http://evil.example/dav/exchange/remote.rdbundle",
        "/dav/exchange/%2e%2e",
        "/dav/exchange/.hidden.rdbundle",
    ]

    served: list[int] = []

    def add_entries(body: bytes) -> bytes:
        text = body.decode()
        block = re.search(
            r"<(\w+:)?response>((?!response>).)*?" + re.escape(name) + r".*?</(\w+:)?response>",
            text,
            re.S,
        )
        if block is None:  # the folder's own PROPFIND (depth 0): left as it is
            return body
        served.append(1)
        extra = "".join(block.group(0).replace(f"/dav/exchange/{name}", h) for h in hostile)
        return text.replace(block.group(0), block.group(0) + extra).encode()

    for _ in range(2):
        dav.faults.add("PROPFIND", "rewrite", rewrite=add_entries)
    report = duo.mentor.sync.sync_now()
    assert served  # the hostile listing was served
    assert report.received == 1 and report.errors == ()
    assert imported_bundles(duo.mentor) == [bundle]
    # An absolute href is legal WebDAV: its host is ignored, the name is only ever asked
    # of the configured server (which has no such file: set aside, nothing fetched).
    seen = {r.name: (r.state, r.error) for r in _repo(duo.mentor).remote()}
    assert seen == {
        name: (RemoteState.IMPORTED, ""),
        "remote.rdbundle": (RemoteState.REJECTED, "remote_file_gone"),
    }
    assert not (Path("/tmp") / "escape.rdbundle").exists()
    inbox = duo.mentor._unlocked().db.path.parent / "inbox"
    assert list(inbox.iterdir()) == []
