"""The one way the GUI leaves its thread: run a core callable on a worker.

A job is ``fn(progress, cancel) -> result`` (the core's own signature for long work).
:class:`TaskRunner` runs it on a thread pool, and the returned :class:`Task` delivers
progress, the result or the error back on the GUI thread through Qt signals.

Jobs that change the vault (saves, unlock, lock, passphrase changes) go to the
*writer* queue: one thread, first in first out, so writes never race and a lock
queued after a save happens after it. Reads (search, images) use the shared pool.
Widgets never start threads themselves; they call :meth:`TaskRunner.submit`.
"""

from __future__ import annotations

import logging
import time
import weakref
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from reflectdesk.errors import Cancelled
from reflectdesk.progress import CancelToken, Progress, ProgressSink

log = logging.getLogger(__name__)

T = TypeVar("T")
Job = Callable[[ProgressSink, CancelToken], T]

PROGRESS_INTERVAL_S = 0.04  # at most ~25 progress updates a second reach the GUI


class Task(QObject, Generic[T]):
    """A handle on one job, living on the GUI thread."""

    progressed = Signal(object)  # Progress
    succeeded = Signal(object)  # the job's result
    failed = Signal(object)  # the exception
    finished = Signal()  # after succeeded or failed

    def __init__(self, name: str, writer: bool = False) -> None:
        super().__init__()
        self.name = name
        self.writer = writer
        self.cancel_token = CancelToken()
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None

    def cancel(self) -> None:
        self.cancel_token.cancel()


class _Relay(QObject):
    """Created on the GUI thread, emitted from the worker: Qt queues the calls across."""

    progress = Signal(object)
    result = Signal(object)
    error = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, job: Job[Any], relay: _Relay, token: CancelToken) -> None:
        super().__init__()
        # Freed by Python on the GUI thread, never by the pool on the worker thread:
        # PySide's wrapper must not be torn down without the GIL.
        self.setAutoDelete(False)
        self._job = job
        self._relay = relay
        self._token = token
        self._last = 0.0

    def _progress(self, report: Progress) -> None:
        now = time.monotonic()
        final = report.total and report.done >= report.total
        if final or now - self._last >= PROGRESS_INTERVAL_S:
            self._last = now
            self._relay.progress.emit(report)

    def run(self) -> None:
        try:
            value = self._job(self._progress, self._token)
        except BaseException as exc:  # handed to the GUI thread, never swallowed
            self._relay.error.emit(exc)
        else:
            self._relay.result.emit(value)


class TaskRunner(QObject):
    """Runs jobs off the GUI thread; one serial queue for writes, a pool for reads."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max(2, min(4, QThreadPool.globalInstance().maxThreadCount())))
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._active: set[Task[Any]] = set()
        self._relays: dict[Task[Any], _Relay] = {}
        self._runnables: dict[Task[Any], _Runnable] = {}
        # Called with errors of jobs submitted without ``on_error`` (set by the app).
        self.error_handler: Callable[[BaseException], None] | None = None

    def submit(
        self,
        job: Job[T],
        *,
        on_result: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[Progress], None] | None = None,
        writer: bool = False,
        name: str = "task",
        owner: QObject | None = None,
    ) -> Task[T]:
        """Run ``job``; the callbacks run on the GUI thread. With ``owner``, they are
        skipped once that object is destroyed (a window closed while a search ran)."""
        task: Task[T] = Task(name, writer)
        relay = _Relay(self)  # owned by the runner until delivered, then deleteLater
        self._active.add(task)
        self._relays[task] = relay
        # The relay's slots must not keep the runner alive: the runner owns the relay.
        runner_ref = weakref.ref(self)

        def finish() -> None:
            runner = runner_ref()
            if runner is not None:
                runner._finish(task)
            else:
                task.done = True

        def alive() -> bool:
            return owner is None or shiboken6.isValid(owner)

        def deliver_progress(report: object) -> None:
            if isinstance(report, Progress) and alive():
                task.progressed.emit(report)
                if on_progress is not None:
                    on_progress(report)

        def deliver_result(value: object) -> None:
            finish()
            task.result = value
            try:
                if on_result is not None and alive():
                    on_result(value)  # type: ignore[arg-type]
                task.succeeded.emit(value)
            finally:
                task.finished.emit()

        def deliver_error(exc: object) -> None:
            finish()
            assert isinstance(exc, BaseException)
            task.error = exc
            try:
                if on_error is not None:
                    if alive():
                        on_error(exc)
                else:
                    runner = runner_ref()
                    if runner is not None:
                        runner._default_error(exc)
                task.failed.emit(exc)
            finally:
                task.finished.emit()

        relay.progress.connect(deliver_progress)
        relay.result.connect(deliver_result)
        relay.error.connect(deliver_error)
        runnable = _Runnable(job, relay, task.cancel_token)
        self._runnables[task] = runnable
        (self._writer if writer else self._pool).start(runnable)
        return task

    def _finish(self, task: Task[Any]) -> None:
        task.done = True
        self._active.discard(task)
        self._runnables.pop(task, None)
        relay = self._relays.pop(task, None)
        if relay is not None:
            relay.deleteLater()

    def _default_error(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            return
        if self.error_handler is not None:
            self.error_handler(exc)
        else:
            log.error("task failed: %s", type(exc).__name__)

    @property
    def pending(self) -> int:
        return len(self._active)

    def pending_writes(self) -> bool:
        return any(t.writer for t in self._active)

    def wait(self, msecs: int = -1) -> bool:
        """Block until every job ran and its result was delivered (shutdown, tests)."""
        ok = self._writer.waitForDone(msecs) and self._pool.waitForDone(msecs)
        deadline = time.monotonic() + (msecs / 1000 if msecs >= 0 else 3600)
        while self._active and time.monotonic() < deadline:
            QCoreApplication.sendPostedEvents()
            QCoreApplication.processEvents()
        return ok and not self._active

    def after_writes(self, then: Callable[[], None], owner: QObject | None = None) -> None:
        """Call ``then`` here, on the GUI thread, once every write queued so far is done,
        without waiting for them: an import ahead in the queue may take minutes."""
        if not self.pending_writes():
            then()
            return
        self.submit(
            lambda _p, _c: None,
            on_result=lambda _r: then(),
            writer=True,
            name="after-writes",
            owner=owner,
        )

    def wait_for_writes(self, msecs: int = 30_000) -> bool:
        """Block until queued writes ran (results are delivered later by the event loop)."""
        return self._writer.waitForDone(msecs)

    def cancel_all(self) -> None:
        for task in list(self._active):
            task.cancel()
