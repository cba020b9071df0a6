"""The sync item of the status bar: what waits, the last sync, offline, "Retry now".

Sync runs through the task runner on the read pool (never the writer queue: an upload
must not hold back a save) and never on the GUI thread. A timer starts a run every
``interval_ms`` while the vault is unlocked; it does nothing at all (no network, no
run) until an exchange point exists — then the item shows. ``pause()`` (the vault
locks) stops the timer and cancels a run; state is in the vault, so the next unlock or
start resumes where it stopped. Offline is a quiet "Offline, N waiting", never a dialog.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from reflectdesk.domain.sync import SyncReport, SyncStatus
from reflectdesk.errors import Cancelled, ReflectDeskError, VaultLocked
from reflectdesk.gui.dates import show_moment
from reflectdesk.gui.i18n import error_texts
from reflectdesk.gui.tasks import Task, TaskRunner
from reflectdesk.progress import CancelToken, ProgressSink
from reflectdesk.services.sync import PERIOD_S
from reflectdesk.services.vault import Vault

log = logging.getLogger(__name__)

INTERVAL_MS = PERIOD_S * 1000  # a periodic run; each item waits for its own retry time
FIRST_RUN_MS = 5_000  # the first run after the window opens


def error_class_for(code: str) -> type[ReflectDeskError]:
    todo: list[type[ReflectDeskError]] = [ReflectDeskError]
    while todo:
        cls = todo.pop()
        if cls.code == code:
            return cls
        todo.extend(cls.__subclasses__())
    return ReflectDeskError


class SyncStatusItem(QWidget):
    open_requested = Signal()
    synced = Signal(object)  # SyncReport, after each run (tests, the sync page)

    def __init__(
        self,
        runner: TaskRunner,
        vault: Vault,
        parent: QWidget | None = None,
        *,
        interval_ms: int = INTERVAL_MS,
        first_run_ms: int | None = FIRST_RUN_MS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self._runner = runner
        self._vault = vault
        self._task: Task[SyncReport] | None = None
        self._again = False  # "retry now" asked during a run
        self.status: SyncStatus | None = None
        self.summary = QToolButton()
        self.summary.setObjectName("syncSummary")
        self.summary.setAutoRaise(True)
        self.summary.clicked.connect(self.open_requested.emit)
        self.retry = QToolButton()
        self.retry.setObjectName("syncRetry")
        self.retry.clicked.connect(lambda: self.sync_now(due_only=False))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.retry)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(lambda: self.sync_now(due_only=True))
        self.retranslate_ui()
        self.refresh()
        self.timer.start()
        if first_run_ms is not None:
            # Resume soon after a start or an unlock (what a crash or a quit left queued).
            QTimer.singleShot(first_run_ms, self, lambda: self.sync_now(due_only=True))

    # -- runs -------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done

    def sync_now(self, *, due_only: bool = False) -> None:
        """Start a run unless one is going (then "retry now" runs once more after it)."""
        if not self._vault.is_unlocked:
            return
        if self.running:
            self._again = self._again or not due_only
            return
        vault = self._vault

        def job(progress: ProgressSink, cancel: CancelToken) -> SyncReport:
            # Offline first: without an exchange point this opens nothing.
            return vault.sync.sync_now(due_only=due_only, progress=progress, cancel=cancel)

        self._task = self._runner.submit(
            job, on_result=self._done, on_error=self._failed, name="sync", owner=self
        )
        self._show()

    def _done(self, report: SyncReport) -> None:
        self.status = report.status
        self._show()
        self.synced.emit(report)
        if self._again:
            self._again = False
            QTimer.singleShot(0, lambda: self.sync_now(due_only=False))

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, (Cancelled, VaultLocked)):
            log.warning("sync run failed: %s", type(exc).__name__)
        self._show()

    def refresh(self) -> None:
        """Read the status on a worker (no network) and show it."""
        if not self._vault.is_unlocked:
            return
        vault = self._vault

        def job(progress: ProgressSink, cancel: CancelToken) -> SyncStatus:
            return vault.sync.status()

        self._runner.submit(job, on_result=self._status, on_error=self._failed, owner=self)

    def _status(self, status: SyncStatus) -> None:
        self.status = status
        self._show()

    def pause(self) -> None:
        """The vault locks: stop the timer and the run (it resumes at the next start)."""
        self.timer.stop()
        if self._task is not None:
            self._task.cancel()

    # -- text --------------------------------------------------------------------------------
    def text(self) -> str:
        return self.summary.text()

    def _show(self) -> None:
        status = self.status
        self.setVisible(status is not None and status.configured)
        if status is None or not status.configured:
            return
        tip = ""
        if self.running:
            text = self.tr("Syncing…")
        elif status.offline:
            text = self.tr("Offline, %n waiting", "", status.pending)
        elif status.last_error:
            message, hint = error_texts(error_class_for(status.last_error)())
            text = self.tr("Sync problem: %1").replace("%1", message)
            tip = hint
        elif status.pending:
            text = self.tr("%n waiting to be sent", "", status.pending)
        else:
            text = self.tr("Up to date")
        if status.last_sync is not None and not self.running:
            when = show_moment(status.last_sync)
            text += " · " + self.tr("last sync %1").replace("%1", when)
        if status.waiting:
            text += " · " + self.tr("%n received waiting for you", "", status.waiting)
        self.summary.setText(text)
        self.summary.setToolTip(tip or self.tr("Open the sync page"))
        self.summary.setAccessibleName(text)
        self.retry.setVisible(
            not self.running and (status.offline or bool(status.last_error) or status.pending > 0)
        )

    def retranslate_ui(self) -> None:
        self.retry.setText(self.tr("Retry now"))
        self.retry.setAccessibleName(self.tr("Retry now"))
        self.retry.setToolTip(self.tr("Send and fetch now"))
        self.summary.setAccessibleName(self.tr("Sync status"))  # its text, once shown
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
