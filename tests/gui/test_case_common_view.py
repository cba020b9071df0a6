"""The case study tabs' shared reads (gui/case_common_view.py) on a real TaskRunner: only
the newest read is shown, a read begun before one of the tab's writes is read again,
and a failed read is no longer counted as under way."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView
from pytestqt.qtbot import QtBot

from reflectdesk.gui.case_common_view import HeadedTableModel, TabReads, record_table
from reflectdesk.gui.tasks import TaskRunner
from reflectdesk.progress import CancelToken, ProgressSink


def test_only_the_newest_read_is_shown(qtbot: QtBot) -> None:
    owner, runner = QObject(), TaskRunner()
    errors: list[BaseException] = []
    reads = TabReads(owner, runner, errors.append)
    shown: list[str] = []
    again: list[str] = []
    release = threading.Event()

    def slow(_p: ProgressSink, _c: CancelToken) -> str:
        release.wait(10)
        return "old"

    def fast(_p: ProgressSink, _c: CancelToken) -> str:
        return "new"

    reads.read(slow, shown.append, again.append, "slow")
    reads.read(fast, shown.append, again.append, "fast")
    assert reads.busy
    qtbot.waitUntil(lambda: shown == ["new"], timeout=10_000)
    release.set()
    qtbot.waitUntil(lambda: not reads.busy, timeout=10_000)
    assert shown == ["new"] and again == [] and errors == []


def test_a_read_begun_before_a_write_is_read_again(qtbot: QtBot) -> None:
    owner, runner = QObject(), TaskRunner()
    errors: list[BaseException] = []
    reads = TabReads(owner, runner, errors.append)
    shown: list[str] = []
    again: list[str] = []
    done: list[object] = []
    release = threading.Event()

    def read(_p: ProgressSink, _c: CancelToken) -> str:
        release.wait(10)
        return "before the write"

    reads.read(read, shown.append, again.append, "read")
    reads.write(lambda _p, _c: 7, done.append, "write")
    qtbot.waitUntil(lambda: done == [7], timeout=10_000)
    assert reads.writes == 1
    release.set()
    qtbot.waitUntil(lambda: not reads.busy, timeout=10_000)
    assert shown == [] and again == ["before the write"] and errors == []


def test_a_failed_read_ends(qtbot: QtBot) -> None:
    owner, runner = QObject(), TaskRunner()
    errors: list[BaseException] = []
    reads = TabReads(owner, runner, errors.append)

    def broken(_p: ProgressSink, _c: CancelToken) -> str:
        raise ValueError("no")

    reads.read(broken, lambda d: None, lambda d: None, "broken")
    qtbot.waitUntil(lambda: not reads.busy, timeout=10_000)
    assert len(errors) == 1 and isinstance(errors[0], ValueError)


def test_a_record_table_and_its_headers(qtbot: QtBot) -> None:
    table = QTableView()
    qtbot.addWidget(table)
    record_table(table, measured_rows=100)
    assert table.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert not table.showGrid() and not table.wordWrap()
    assert table.verticalHeader().isHidden()
    assert table.horizontalHeader().resizeContentsPrecision() == 100
    model = HeadedTableModel(table)
    model.set_headers(["Date", "Event"])
    assert model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == "Event"
    assert model.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) is None
    assert model.headerData(0, Qt.Orientation.Vertical, Qt.ItemDataRole.DisplayRole) is None
