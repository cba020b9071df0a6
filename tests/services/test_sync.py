"""Sync through a real WebDAV server (WsgiDAV on 127.0.0.1, with authentication) and a
real shared folder: the run, offline first, status and log; every bundle arrives
exactly once and nothing secret is kept or logged."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from reflectdesk.errors import (
    ExchangeAddressInvalid,
    ExchangeFolderInvalid,
    ExchangePointBusy,
    NoExchangePoint,
)
from tests.services.sync_helpers import (
    Duo,
    connect_folder,
    connect_webdav,
    finals,
    imported_bundles,
    make_duo,
    reopen,
    sync_repo,
)
from tests.sync.davserver import PASSWORD, USER, DavServer


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
    assert sync_repo(duo.student).outbox() == []


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


def test_clock_skew_changes_nothing(dav: DavServer, duo: Duo) -> None:
    connect_webdav(duo, dav.url(), USER, PASSWORD)
    dav.faults.skew_seconds = -6 * 3600
    bundle = duo.send(duo.write("Reloj"))
    assert duo.student.sync.sync_now().sent == 1
    dav.faults.skew_seconds = 9 * 3600
    assert duo.mentor.sync.sync_now().received == 1
    assert imported_bundles(duo.mentor) == [bundle]


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
    assert sync_repo(duo.student).outbox() == []
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
