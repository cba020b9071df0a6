"""The sync outbox (services/sync_outbox.py) against a real WebDAV server: upload faults
retried to exactly one file, refusals kept queued with a clear code, recovery after a
crash mid-export."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reflectdesk.domain.sync import RemoteState
from reflectdesk.errors import NoExchangePoint, NoFeedbackToSend
from reflectdesk.review.records import Verdict
from reflectdesk.sync import Retry
from tests.services.sync_helpers import (
    Duo,
    connect_folder,
    connect_webdav,
    finals,
    imported_bundles,
    on_server,
    sync_repo,
)
from tests.sync.davserver import PASSWORD, USER, DavServer

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


def test_recovery_after_a_crash_mid_export_and_mid_fetch(dav: DavServer, duo: Duo) -> None:
    connect_webdav(duo, dav.url(), USER, PASSWORD)
    repo = sync_repo(duo.student)
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
    mrepo = sync_repo(duo.mentor)
    duo.mentor.sync.sync_now()
    (rec,) = mrepo.remote()
    mrepo.save_remote(replace(rec, state=RemoteState.FETCHING, local_file="f" * 32 + ".rdbundle"))
    assert duo.mentor.sync.sync_now().skipped == 1  # fetched again: already imported
    assert imported_bundles(duo.mentor) == [bundle]


def _mentor_feedback(duo: Duo) -> str:
    """The student's entry reaches the mentor; she comments on it and signs it off."""
    entry = duo.write("Clase de fracciones", "Trabajamos fracciones con pizzas.")
    duo.send(entry)
    assert duo.student.sync.sync_now().sent == 1
    assert duo.mentor.sync.sync_now().received == 1
    at_mentor = duo.mentor.imports.received_entry_id(duo.student_at_mentor, entry)
    duo.mentor.review.add_comment(at_mentor, "body", "¿Por qué pizzas?", quote="pizzas")
    duo.mentor.review.sign_off(at_mentor, {"C7": (Verdict.MET, "Preguntas abiertas.")})
    return entry


def test_feedback_is_queued_like_a_journal_bundle_and_comes_back(tmp_path: Path, duo: Duo) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    _a, b = connect_folder(duo, shared)
    entry = _mentor_feedback(duo)
    assert duo.student.review.state(entry).threads == ()
    assert [p.id for p in duo.mentor.sync.points_for([duo.student_at_mentor])] == [b]
    (queued,) = duo.mentor.sync.queue_feedback([duo.student_at_mentor])
    assert queued.points == (b,) and queued.result.entry_ids
    assert queued.result.path.parent.name == "outbox" and queued.result.path.is_file()
    outbox = queued.result.path.parent
    assert [p.name for p in outbox.iterdir()] == [queued.result.path.name]  # no staging left
    # A staging folder a crash left behind (bundles written, never queued) is removed.
    leftover = outbox / ".staging-0123456789abcdef"
    leftover.mkdir()
    (leftover / ("a" * 32 + ".rdbundle")).write_bytes(b"never queued")
    assert duo.mentor.sync.status().pending == 1
    assert duo.mentor.sync.sync_now().sent == 1
    assert not leftover.exists()
    assert duo.student.sync.sync_now().received == 1  # a verified contact: no question
    assert queued.result.bundle_id in imported_bundles(duo.student)
    state = duo.student.review.state(entry)
    assert [t.text for t in state.threads] == ["¿Por qué pizzas?"]
    assert [s.overall for s in state.sign_offs] == [Verdict.MET]
    assert duo.mentor.sync.status().pending == 0


def test_feedback_without_an_exchange_point_or_without_records_queues_nothing(
    tmp_path: Path, duo: Duo
) -> None:
    with pytest.raises(NoExchangePoint):  # no point reaches the student
        duo.mentor.sync.queue_feedback([duo.student_at_mentor])
    assert duo.mentor.sync.points_for([duo.student_at_mentor]) == []
    shared = tmp_path / "shared"
    shared.mkdir()
    connect_folder(duo, shared)
    with pytest.raises(NoFeedbackToSend):  # nothing reviewed yet
        duo.mentor.sync.queue_feedback([duo.student_at_mentor])
    assert sync_repo(duo.mentor).outbox() == []
    outbox = duo.mentor._unlocked().db.path.parent / "outbox"
    assert not outbox.exists() or not list(outbox.iterdir())
