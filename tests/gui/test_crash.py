"""The crash report: type, frames and versions; never messages, locals or source."""

from __future__ import annotations

import sys
import threading

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reflectdesk.errors import RecordTampered
from reflectdesk.gui.crash import CrashHandler, build_report
from reflectdesk.gui.crash_dialog import CrashDialog

SECRET = "Hoy Martina lloró en la sala"


def _fail_with_journal_text() -> None:
    journal_text = SECRET  # a local that must not leak
    try:
        int(journal_text)
    except ValueError as exc:
        raise RecordTampered(journal_text) from exc


def test_report_has_no_journal_text() -> None:
    try:
        _fail_with_journal_text()
    except RecordTampered:
        exc_type, exc, tb = sys.exc_info()
    assert exc_type is not None
    report = build_report(exc_type, exc, tb)
    assert "Martina" not in report
    assert "reflectdesk.errors.RecordTampered" in report
    assert "Code: record_tampered" in report
    assert "_fail_with_journal_text" in report
    assert "Caused by: ValueError" in report
    assert "ReflectDesk " in report and "Python " in report and "Platform " in report
    assert "/home/" not in report


def test_hooks_show_a_dialog(qtbot: QtBot) -> None:
    handler = CrashHandler()
    saved = sys.excepthook, threading.excepthook
    try:
        handler.install()
        try:
            _fail_with_journal_text()
        except RecordTampered:
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]

        def worker() -> None:
            raise ValueError(SECRET)

        thread = threading.Thread(target=worker)
        thread.start()
        thread.join()
        qtbot.waitUntil(lambda: handler._dialog is not None)
        dialog = handler._dialog
        assert isinstance(dialog, CrashDialog)
        qtbot.waitUntil(lambda: "ValueError" in dialog.report)
        assert SECRET not in dialog.report
        dialog.copy_button.click()
        assert QApplication.clipboard().text() == dialog.report
        dialog.close()
    finally:
        sys.excepthook, threading.excepthook = saved
