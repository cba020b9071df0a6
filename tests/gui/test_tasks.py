"""The task helper: progress, result, error and cancel come back on the GUI thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from reflectdesk.errors import Cancelled, WrongPassphrase
from reflectdesk.gui.tasks import TaskRunner
from reflectdesk.progress import CancelToken, Progress, ProgressSink


def on_gui_thread() -> bool:
    app = QApplication.instance()
    return app is not None and QThread.currentThread() is app.thread()


def test_result_and_progress_arrive_on_gui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    seen: list[object] = []
    worker_threads: list[int] = []

    def job(progress: ProgressSink, cancel: CancelToken) -> int:
        worker_threads.append(threading.get_ident())
        progress(Progress(1, 2, "kdf"))
        progress(Progress(2, 2, "kdf"))
        return 42

    def record(value: object) -> None:
        assert on_gui_thread()
        seen.append(value)

    task = runner.submit(job, on_result=record, on_progress=record)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert worker_threads and worker_threads[0] != threading.get_ident()
    assert seen[-1] == 42
    assert Progress(2, 2, "kdf") in seen
    assert task.done and task.result == 42
    assert runner.pending == 0


def test_errors_are_handed_back(qtbot: QtBot) -> None:
    runner = TaskRunner()
    errors: list[BaseException] = []

    def job(progress: ProgressSink, cancel: CancelToken) -> None:
        raise WrongPassphrase()

    task = runner.submit(job, on_error=errors.append, writer=True)
    with qtbot.waitSignal(task.failed, timeout=5000):
        pass
    assert isinstance(errors[0], WrongPassphrase)


def test_default_error_handler_and_cancel(qtbot: QtBot) -> None:
    runner = TaskRunner()
    handled: list[BaseException] = []
    runner.error_handler = handled.append
    started = threading.Event()

    def slow(progress: ProgressSink, cancel: CancelToken) -> None:
        started.set()
        while True:
            cancel.raise_if_cancelled()
            threading.Event().wait(0.005)

    task = runner.submit(slow)
    assert started.wait(5)
    task.cancel()
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert isinstance(task.error, Cancelled)
    assert handled == []  # a cancel is not an error to show

    def broken(progress: ProgressSink, cancel: CancelToken) -> None:
        raise RuntimeError("boom")

    task = runner.submit(broken)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert isinstance(handled[0], RuntimeError)


def test_writes_run_in_order(qtbot: QtBot) -> None:
    runner = TaskRunner()
    order: list[int] = []

    def job(n: int):  # type: ignore[no-untyped-def]
        def run(progress: ProgressSink, cancel: CancelToken) -> int:
            order.append(n)
            return n

        return run

    for n in range(20):
        runner.submit(job(n), writer=True)
    assert runner.wait(5000)
    assert order == list(range(20))


def test_callbacks_skipped_when_owner_is_gone(qtbot: QtBot) -> None:
    runner = TaskRunner()
    owner = QWidget()
    called: list[object] = []
    gate = threading.Event()

    def job(progress: ProgressSink, cancel: CancelToken) -> int:
        gate.wait(5)
        return 1

    task = runner.submit(job, on_result=called.append, owner=owner)
    owner.deleteLater()
    QApplication.processEvents()
    del owner
    gate.set()
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert called == []


@pytest.mark.parametrize("writer", [False, True])
def test_wait_drains_everything(qtbot: QtBot, writer: bool) -> None:
    runner = TaskRunner()
    results: list[int] = []
    for n in range(5):
        runner.submit(lambda p, c, n=n: n, on_result=results.append, writer=writer)
    assert runner.wait(5000)
    assert sorted(results) == list(range(5))
