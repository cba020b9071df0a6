"""Sync in the GUI (pytest-qt, real widgets, a real WebDAV server): the student shares
while the server is down ("Offline, 1 waiting"), the server comes up, "Retry now" sends,
the mentor's app fetches and imports without any dialog (verified contact), and the
mentor's feedback (a comment and a sign-off, sent from the feedback wizard through the
exchange point) comes back the same way and shows on the student's entry. The sync never
runs on the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from reflectdesk.domain.model import EntryContent, ExportRequest
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.exchange_dialog import ExchangeDialog
from reflectdesk.gui.export_wizard import PAGE_DONE, PAGE_SAVE, ExportWizard
from reflectdesk.gui.sync_page import SyncPage
from reflectdesk.gui.sync_status import SyncStatusItem
from reflectdesk.review.records import Verdict
from tests.services.sync_helpers import Duo, imported_bundles, make_duo
from tests.sync.davserver import PASSWORD, USER, DavServer

SHOTS = Path("/work/briefs/shots-sync")


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
def duo(tmp_path: Path, ctx: AppContext) -> Iterator[Duo]:
    d = make_duo(tmp_path / "people")
    yield d
    ctx.runner.wait(20_000)
    d.student.close()
    d.mentor.close()


def _dialogs() -> list[object]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, (QDialog, QMessageBox)) and w.isVisible()
    ]


def _shot(widget: object, name: str) -> None:
    if SHOTS.parent.exists():
        SHOTS.mkdir(exist_ok=True)
        widget.grab().save(str(SHOTS / f"{name}.png"))  # type: ignore[attr-defined]


def test_student_to_mentor_offline_then_online_no_dialog(
    qtbot: QtBot, ctx: AppContext, dav: DavServer, duo: Duo
) -> None:
    gui_thread = threading.get_ident()
    threads: list[int] = []
    factory = duo.student.sync.transport_factory

    def recording(point: object) -> object:
        threads.append(threading.get_ident())
        return factory(point)  # type: ignore[arg-type]

    duo.student.sync.transport_factory = recording  # type: ignore[assignment]
    student = SyncStatusItem(ctx.runner, duo.student, interval_ms=3_600_000, first_run_ms=None)
    mentor = SyncStatusItem(ctx.runner, duo.mentor, interval_ms=3_600_000, first_run_ms=None)
    qtbot.addWidget(student)
    qtbot.addWidget(mentor)
    student.show()
    qtbot.waitUntil(lambda: student.status is not None)
    assert not student.isVisible()  # no exchange point: nothing shown, nothing run

    # The student sets up the exchange point in the dialog.
    dialog = ExchangeDialog(duo.student)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.webdav_kind.setChecked(True)
    dialog.label.setText("Universidad — Nextcloud")
    dialog.url.setText("http://example.org/dav")  # http:// to another host: refused
    dialog.user.setText(USER)
    dialog.password.setText(PASSWORD)
    dialog.submit()
    assert dialog.error.isVisible() and "https://" in dialog.error.text()
    _shot(dialog, "setup-error-en")
    dialog.url.setText(dav.url())
    for row in range(dialog.contacts.count()):
        dialog.contacts.item(row).setCheckState(dialog.contacts.item(row).checkState().Checked)
    _shot(dialog, "setup-en")
    dialog.submit()
    assert dialog.point is not None and dialog.password.text() == ""
    duo.mentor.exchange.add_webdav(
        "Universidad — Nextcloud", dav.url(), USER, PASSWORD, [duo.student_at_mentor]
    )

    dav.stop()
    entry = duo.write("Clase de fracciones")
    bundle = duo.send(entry)
    with qtbot.waitSignal(student.synced, timeout=20_000):
        student.sync_now()
    assert student.isVisible() and student.text().startswith("Offline, 1 waiting")
    assert student.retry.isVisible()
    _shot(student, "status-offline-en")
    assert threads and gui_thread not in threads

    dav.start()
    with qtbot.waitSignal(student.synced, timeout=20_000) as sent:
        student.retry.click()
    assert sent.args[0].sent == 1
    assert student.text().startswith("Up to date")
    _shot(student, "status-up-to-date-en")

    with qtbot.waitSignal(mentor.synced, timeout=20_000) as got:
        mentor.sync_now()
    assert got.args[0].received == 1 and _dialogs() == []  # no dialog of any kind
    assert imported_bundles(duo.mentor) == [bundle]

    # The mentor's answer back the same way (a normal bundle).
    journal = duo.mentor.journals.create("Retroalimentación")
    reply = duo.mentor.entries.add(journal.id, EntryContent(title="Comentario", sections={}))
    back = duo.mentor.sync.queue_export(
        ExportRequest(recipients=(duo.student_at_mentor,), entry_ids=(reply.id,))
    ).result.bundle_id
    with qtbot.waitSignal(mentor.synced, timeout=20_000):
        mentor.sync_now()
    with qtbot.waitSignal(student.synced, timeout=20_000) as back_in:
        student.sync_now()
    assert back_in.args[0].received == 1 and _dialogs() == []
    assert back in imported_bundles(duo.student)

    # The mentor's feedback (a comment and a sign-off) comes back the same way: "Send
    # feedback" queues it through the exchange point; the student's app imports it
    # without a dialog (a verified contact) and her entry shows it.
    at_mentor = duo.mentor.imports.received_entry_id(duo.student_at_mentor, entry)
    duo.mentor.review.add_comment(at_mentor, "body", "¿Qué grado?", quote="clase")
    duo.mentor.review.sign_off(at_mentor, {"C7": (Verdict.MET, "Bien planteado.")})
    assert duo.student.review.state(entry).threads == ()
    wizard = ExportWizard(ctx, duo.mentor, kind="feedback", recipients=[duo.student_at_mentor])
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    assert wizard.currentId() == PAGE_SAVE and wizard.save_page.send_radio.isChecked()
    _shot(wizard, "feedback-destination-en")
    wizard.save_page.create_button.click()
    qtbot.waitUntil(lambda: wizard.currentId() == PAGE_DONE, timeout=20_000)
    assert wizard.done_page.text.text().startswith("Queued to send via Universidad — Nextcloud")
    assert wizard.queued_ is not None
    feedback = wizard.queued_.result.bundle_id
    wizard.accept()
    with qtbot.waitSignal(mentor.synced, timeout=20_000) as out:
        mentor.sync_now()
    assert out.args[0].sent == 1
    with qtbot.waitSignal(student.synced, timeout=20_000) as fb_in:
        student.sync_now()
    assert fb_in.args[0].received == 1 and _dialogs() == []
    assert feedback in imported_bundles(duo.student)
    state = duo.student.review.state(entry)
    assert [(t.author_name, t.quote, t.text) for t in state.threads] == [
        ("Ana Mentor", "clase", "¿Qué grado?")
    ]
    (signed,) = state.sign_offs
    assert signed.author_name == "Ana Mentor" and signed.overall is Verdict.MET
    assert [(s.code, s.verdict) for s in signed.standards] == [("C7", Verdict.MET)]

    # A refusing server: a clear problem with "Retry now", no dialog.
    duo.send(duo.write("Otra"))
    dav.faults.add("PUT", "status", status=507)
    with qtbot.waitSignal(student.synced, timeout=20_000):
        student.sync_now()
    assert "Sync problem" in student.text() and student.retry.isVisible() and _dialogs() == []
    _shot(student, "status-problem-en")

    page = SyncPage(duo.student, student)
    qtbot.addWidget(page)
    page.show()
    assert page.points.count() == 1 and page.log.rowCount() >= 4
    texts = [page.log.item(r, 1).text() for r in range(page.log.rowCount())]
    assert {"Synced", "Offline", "Error"} <= set(texts)
    _shot(page, "sync-log-en")
    student.pause()
    assert not student.timer.isActive()


def test_screens_in_spanish(qtbot: QtBot, make_ctx: object, dav: DavServer, tmp_path: Path) -> None:
    ctx = make_ctx("es")  # type: ignore[operator]
    d = make_duo(tmp_path / "es")
    try:
        d.student.exchange.add_webdav(
            "Universidad — Nextcloud", dav.url(), USER, PASSWORD, [d.mentor_at_student]
        )
        item = SyncStatusItem(ctx.runner, d.student, interval_ms=3_600_000, first_run_ms=None)
        qtbot.addWidget(item)
        item.show()
        dialog = ExchangeDialog(d.student)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Nuevo punto de intercambio"
        _shot(dialog, "setup-es")
        dav.stop()
        d.send(d.write("Clase"))
        with qtbot.waitSignal(item.synced, timeout=20_000):
            item.sync_now()
        assert item.text().startswith("Sin conexión, 1 en espera")
        _shot(item, "status-offline-es")
        dav.start()
        with qtbot.waitSignal(item.synced, timeout=20_000):
            item.retry.click()
        assert item.text().startswith("Al día")
        _shot(item, "status-up-to-date-es")
        page = SyncPage(d.student, item)
        qtbot.addWidget(page)
        page.show()
        _shot(page, "sync-log-es")
        ctx.runner.wait(20_000)
    finally:
        d.student.close()
        d.mentor.close()


def test_main_window_status_bar_item_resumes_at_start_and_pauses_on_lock(
    qtbot: QtBot, ctx: AppContext, dav: DavServer, tmp_path: Path
) -> None:
    from reflectdesk.gui.main_window import MainWindow

    d = make_duo(tmp_path / "mw")
    try:
        d.student.exchange.add_webdav(
            "Universidad — Nextcloud", dav.url(), USER, PASSWORD, [d.mentor_at_student]
        )
        d.send(d.write("Quedó en cola"))  # queued before this "start" of the app
        window = MainWindow(ctx, d.student)
        qtbot.addWidget(window)
        window.show()
        item = window.sync_status
        assert item.parent() is not None and window.menu_actions.sync_action.text()
        # The first run comes by itself a few seconds after the window opens.
        with qtbot.waitSignal(item.synced, timeout=30_000) as first:
            pass
        assert first.args[0].sent == 1 and item.isVisible()
        window.prepare_to_close()  # what a lock does first
        assert not item.timer.isActive()
        ctx.runner.wait(20_000)
    finally:
        d.student.close()
        d.mentor.close()
