"""Which window is on screen: the first-run wizard, the unlock window or the main window.

Owns the :class:`~reflectdesk.services.vault.Vault` session. Imports only Qt and tiny
modules; the services are imported on a worker after the unlock window is shown, and
the main window module only after unlock.
"""

from __future__ import annotations

import gc
import json
import logging
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QWidget

from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.dialogs import message_box, show_error
from reflectdesk.gui.i18n import error_texts
from reflectdesk.gui.idle import IdleWatcher
from reflectdesk.gui.unlock import UnlockWindow
from reflectdesk.progress import CancelToken, ProgressSink

if TYPE_CHECKING:
    from pathlib import Path

    from reflectdesk.gui.main_window import MainWindow
    from reflectdesk.gui.recover import RecoveryDialog
    from reflectdesk.gui.tasks import Task
    from reflectdesk.gui.wizard import FirstRunWizard
    from reflectdesk.services.vault import Vault

log = logging.getLogger(__name__)

# Imported on a worker while the user types the passphrase.
PRELOAD_MODULES = (
    "sqlalchemy",
    "cryptography.hazmat.primitives.kdf.argon2",
    "reflectdesk.services.vault",
    "reflectdesk.services.templates",
    "reflectdesk.rendering.markdown_html",
)


def preload_and_open(path: Path) -> Any:
    """The worker job: import the heavy modules, warm the template library, open the vault."""

    def job(progress: ProgressSink, cancel: CancelToken) -> Vault:
        import importlib

        start = time.perf_counter()
        for name in PRELOAD_MODULES:
            importlib.import_module(name)
        from reflectdesk.services.templates import TemplateService
        from reflectdesk.services.vault import Vault
        from reflectdesk.templates.descriptive import find_evaluative_words

        # Parse the built-in templates and standards, compile the hint pattern: cached,
        # so the main window does not pay for them on the GUI thread.
        TemplateService(None).standards()
        TemplateService(None).list("es")
        find_evaluative_words("warm")
        log.debug("preloaded services in %.0f ms", (time.perf_counter() - start) * 1000)
        cancel.raise_if_cancelled()
        return Vault.open(path)

    return job


class AppController(QObject):
    main_window_shown = Signal(object)
    locked = Signal()

    def __init__(self, ctx: AppContext, bench_exit: bool = False) -> None:
        super().__init__()
        self.ctx = ctx
        self.bench_exit = bench_exit
        self.vault: Vault | None = None
        self.unlock_window: UnlockWindow | None = None
        self.main_window: MainWindow | None = None
        self.wizard: FirstRunWizard | None = None
        self.recovery: RecoveryDialog | None = None
        self.idle = IdleWatcher(0, self)
        self.idle.idle.connect(self.auto_lock)
        self._opening = False
        self._pending_unlock: str | None = None
        self._unlock_task: Task[None] | None = None
        self._shutting_down = False
        self._filtering = False

    # -- start ------------------------------------------------------------------------
    def start(self) -> None:
        if self.ctx.has_vault():
            self.show_unlock()
        else:
            self.show_wizard()

    def show_wizard(self) -> None:
        from reflectdesk.gui.wizard import FirstRunWizard

        self.wizard = FirstRunWizard(self.ctx)
        self.wizard.vault_ready.connect(self._wizard_done)
        self.wizard.rejected.connect(self._wizard_rejected)
        self.wizard.show()
        if self.bench_exit:
            wizard = self.wizard
            QTimer.singleShot(0, lambda: self._bench_shown(wizard, time.time()))

    def _wizard_done(self, vault: Vault) -> None:
        self.vault = vault
        if self.wizard is not None:
            self.wizard.hide()
            self.wizard.deleteLater()
            self.wizard = None
        self.show_main()

    def _wizard_rejected(self) -> None:
        if self.vault is None:
            QCoreApplication.quit()

    # -- unlock -----------------------------------------------------------------------
    def show_unlock(self) -> None:
        if self.unlock_window is None:
            window = UnlockWindow()
            window.unlock_requested.connect(self.unlock)
            window.recover_requested.connect(self.show_recovery)
            window.retry_requested.connect(self.open_vault)
            window.cancel_requested.connect(self._cancel_unlock)
            window.first_painted.connect(self._first_painted)
            self.unlock_window = window
        self.unlock_window.reset()
        self.unlock_window.set_other_vaults(tuple(str(p) for p in self.ctx.location.others))
        self.unlock_window.show()
        self.unlock_window.raise_()
        self.unlock_window.activateWindow()
        if self.vault is None and self._painted:
            self.open_vault()

    _painted = False

    def _bench_shown(self, window: QWidget, when: float) -> None:
        """Start-up benchmark and install tests: when, and what the first window says."""
        buttons = [
            b.text() for b in window.findChildren(QAbstractButton) if b.isVisible() and b.text()
        ]
        described = json.dumps({"title": window.windowTitle(), "buttons": buttons})
        if sys.stdout is not None:  # a windowed Windows build has no console
            sys.stdout.write(f"REFLECTDESK_SHOWN {when:.6f}\nREFLECTDESK_WINDOW {described}\n")
            sys.stdout.flush()
        QTimer.singleShot(0, QCoreApplication.quit)

    def _first_painted(self, when: float) -> None:
        if self.bench_exit and self.unlock_window is not None:
            self._bench_shown(self.unlock_window, when)
            return
        self._painted = True
        if self.unlock_window is not None:
            self.report_damaged_install(self.unlock_window)
        # After the first frame is on screen: import the services while the user types.
        QTimer.singleShot(0, self.open_vault)

    _damage_said: frozenset[str] = frozenset()

    def report_damaged_install(self, parent: QWidget, load: bool = False) -> None:
        """A deleted or truncated shipped file, named once with "reinstall"; the app goes on."""
        from reflectdesk.errors import InstallationDamaged
        from reflectdesk.services.installation import damaged_files

        new = [name for name in damaged_files(load) if name not in self._damage_said]
        if new:
            self._damage_said = self._damage_said | set(new)
            files = ", ".join(new)
            show_error(parent, InstallationDamaged(file=files))

    def open_vault(self) -> None:
        if self.vault is not None or self._opening or self._shutting_down:
            return
        self._opening = True
        if self.unlock_window is not None:
            self.unlock_window.clear_vault_error()
        self.ctx.runner.submit(
            preload_and_open(self.ctx.vault_dir),
            on_result=self._opened,
            on_error=self._open_failed,
            writer=True,
            name="write:open-vault",
        )

    def _opened(self, vault: Vault) -> None:
        self._opening = False
        if self._shutting_down:  # quit while it was opening: release the lock at once
            vault.close()
            return
        self.vault = vault
        pending, self._pending_unlock = self._pending_unlock, None
        if pending is not None:
            self.unlock(pending)

    def _open_failed(self, exc: BaseException) -> None:
        self._opening = False
        self._pending_unlock = None
        from reflectdesk.errors import ReflectDeskError

        if not isinstance(exc, ReflectDeskError):
            show_error(self.unlock_window, exc)
            exc = ReflectDeskError()
        message, hint = error_texts(exc)
        if self.unlock_window is not None:
            self.unlock_window.set_vault_error(message, hint)

    def unlock(self, passphrase: str) -> None:
        window = self.unlock_window
        if window is not None:
            window.set_busy(True, "kdf" if self.vault is not None else "open")
        if self.vault is None:
            self._pending_unlock = passphrase
            self.open_vault()
            return
        vault = self.vault

        def job(progress: ProgressSink, cancel: CancelToken) -> None:
            vault.unlock(passphrase, progress, cancel)

        task = self.ctx.runner.submit(
            job,
            on_result=lambda _: self._unlocked(),
            on_error=self._unlock_failed,
            on_progress=window.set_progress if window is not None else None,
            writer=True,
            name="write:unlock",
        )
        # The one-off conversion of an older vault checks its token between batches.
        self._unlock_task = task

    def _cancel_unlock(self) -> None:
        if self._unlock_task is not None and not self._unlock_task.done:
            self._unlock_task.cancel()

    def _unlock_failed(self, exc: BaseException) -> None:
        from reflectdesk.errors import ReflectDeskError

        if self.unlock_window is None:
            return
        if not isinstance(exc, ReflectDeskError):
            self.unlock_window.set_busy(False)
            show_error(self.unlock_window, exc)
            return
        message, hint = error_texts(exc)
        self.unlock_window.wrong_passphrase(message, hint)

    def _unlocked(self) -> None:
        if self.unlock_window is not None:
            self.unlock_window.reset()
            self.unlock_window.hide()
        self.show_main()

    # -- recovery -----------------------------------------------------------------------
    def show_recovery(self) -> None:
        from reflectdesk.gui.recover import RecoveryDialog

        dialog = RecoveryDialog(self.unlock_window)
        dialog.submitted.connect(self._recover)
        self.recovery = dialog
        dialog.open()

    def _recover(self, key: str, passphrase: str) -> None:
        dialog = self.recovery
        if dialog is None:
            return
        dialog.set_busy(True)
        if self.vault is None:
            self.open_vault()
        self.ctx.runner.submit(
            self._recover_job(key, passphrase),
            on_result=lambda _: self._recovered(),
            on_error=self._recover_failed,
            writer=True,
            name="write:recover",
        )

    def _recover_job(self, key: str, passphrase: str) -> Any:
        def job(progress: ProgressSink, cancel: CancelToken) -> None:
            # Runs after the open job on the same writer queue.
            from reflectdesk.errors import VaultNotFound

            if self.vault is None:
                raise VaultNotFound(str(self.ctx.vault_dir))
            self.vault.recover(key, passphrase, progress, cancel)

        return job

    def _recover_failed(self, exc: BaseException) -> None:
        from reflectdesk.errors import ReflectDeskError

        if self.recovery is None:
            return
        if not isinstance(exc, ReflectDeskError):
            self.recovery.set_busy(False)
            show_error(self.recovery, exc)
            return
        message, hint = error_texts(exc)
        self.recovery.show_error(message, hint)

    def _recovered(self) -> None:
        if self.recovery is not None:
            self.recovery.accept()
            self.recovery.deleteLater()
            self.recovery = None
        self._unlocked()
        if self.main_window is not None:
            message_box(
                self.main_window,
                self.tr("ReflectDesk"),
                self.tr("Your new passphrase is set."),
                self.tr("Use it from now on. Your recovery key still works, too."),
                QMessageBox.Icon.Information,  # good news, not a warning (issue 16.8)
            )

    # -- main window and locking -----------------------------------------------------------
    def show_main(self) -> None:
        from reflectdesk.gui.main_window import MainWindow

        assert self.vault is not None
        window = MainWindow(self.ctx, self.vault)
        window.lock_requested.connect(self.lock)
        window.closed.connect(self._main_closed)
        window.autolock_changed.connect(self._apply_autolock)
        self.main_window = window
        window.restore_geometry()
        window.show()
        window.raise_()
        window.activateWindow()
        self._apply_autolock()
        # Modules, templates and the index are built for good: move them out of the
        # garbage collector's way so that its pauses stay short while someone types.
        gc.collect()
        gc.freeze()
        self.main_window_shown.emit(window)
        QTimer.singleShot(0, window, lambda: self.report_damaged_install(window, load=True))
        # Files given on the command line open once, after the first unlock.
        for path in self.ctx.extras.pop("open_files", None) or []:
            QTimer.singleShot(0, window, lambda p=path: window.open_file(p))

    def open_files(self, paths: list[Path]) -> None:
        """Files handed over by a second start: open them now, or after unlock."""
        files = list(paths)  # the window says what a file is, or what it is not
        window = self.main_window
        if window is not None:
            for path in files:
                QTimer.singleShot(0, window, lambda p=path: window.open_file(p))
            target: QWidget | None = window
        else:
            pending = self.ctx.extras.setdefault("open_files", [])
            pending.extend(files)
            target = self.unlock_window
        if target is not None:
            target.show()
            target.raise_()
            target.activateWindow()

    def _apply_autolock(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._filtering:
            # Installed once something is unlocked: every event passes through it.
            app.installEventFilter(self.idle)
            self._filtering = True
        self.idle.set_timeout(self.ctx.autolock_ms() if self.main_window is not None else 0)

    def auto_lock(self) -> None:
        if self.main_window is not None:
            log.info("locking after inactivity")
            self.lock()

    def lock(self) -> None:
        """Save what is pending, drop the main window, then drop the keys (in that order)."""
        window, self.main_window = self.main_window, None
        self.idle.stop()
        if window is not None:
            window.prepare_to_close()
            window.hide()
            window.deleteLater()
        vault = self.vault
        if vault is not None:

            def job(progress: ProgressSink, cancel: CancelToken) -> None:
                vault.lock()

            self.ctx.runner.submit(job, writer=True, name="write:lock")
        self.show_unlock()
        self.locked.emit()

    def _main_closed(self) -> None:
        if self.main_window is None:
            return
        self.main_window = None
        self.idle.stop()
        QCoreApplication.quit()

    def shutdown(self) -> None:
        """On quit: finish pending saves, then lock and release the vault."""
        if self._shutting_down:
            return
        self._shutting_down = True
        if self.main_window is not None:
            self.main_window.prepare_to_close()
        self.ctx.runner.wait(30_000)
        if self.vault is not None:
            try:
                self.vault.close()
            except Exception:  # closing must not turn quitting into a crash
                log.exception("closing the vault failed")
            self.vault = None
