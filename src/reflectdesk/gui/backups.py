"""Backups in the app (issue 16): "Back up now" with progress, the backup settings panel,
automatic backups (when the vault locks, or daily), the 14-day reminder banner, and
restoring from the unlock window.

Every backup runs through the task helper on the writer queue: off the GUI thread, and
ordered with the saves and the lock (a backup asked for at lock time runs before the
keys are dropped). The settings live beside the app's settings, in ``backup.json`` in
the data folder: a folder path, a mode, a number and a time; never a name or text from
the vault.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.atomic_files import atomic_write
from reflectdesk.gui.dates import show_datetime
from reflectdesk.gui.dialogs import message_box, show_error
from reflectdesk.gui.i18n import error_texts
from reflectdesk.progress import CancelToken, Progress, ProgressSink

if TYPE_CHECKING:
    from reflectdesk.gui.app_context import AppContext
    from reflectdesk.services.backup import BackupInfo, BackupReport
    from reflectdesk.services.vault import Vault

log = logging.getLogger(__name__)

SETTINGS_NAME = "backup.json"
MODES = ("off", "lock", "daily")
KEEP_MAX = 100
REMIND_AFTER_S = 14 * 24 * 3600
DAILY_S = 24 * 3600
CHECK_MS = 10 * 60 * 1000  # how often a running app asks whether the daily one is due


@dataclass(frozen=True, slots=True)
class BackupSettings:
    folder: str = ""
    mode: str = "off"  # off | lock | daily
    keep: int = 10
    last: int = 0  # time of the last backup made here (seconds since the epoch)

    def validated(self) -> BackupSettings:
        return BackupSettings(
            folder=self.folder if len(self.folder) < 4096 else "",
            mode=self.mode if self.mode in MODES else "off",
            keep=min(max(int(self.keep), 1), KEEP_MAX),
            last=max(int(self.last), 0),
        )


class BackupSettingsStore:
    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / SETTINGS_NAME

    def load(self) -> BackupSettings:
        try:
            doc = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return BackupSettings()
        except (OSError, UnicodeDecodeError, ValueError):
            log.warning("backup settings unreadable; using defaults")
            return BackupSettings()
        if not isinstance(doc, dict):
            return BackupSettings()
        defaults = BackupSettings()
        values = {
            k: doc[k]
            for k in ("folder", "mode", "keep", "last")
            if k in doc
            and isinstance(doc[k], type(getattr(defaults, k)))
            and not isinstance(doc[k], bool)
        }
        return replace(defaults, **values).validated()

    def save(self, settings: BackupSettings) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        data = json.dumps({"format": 1, **asdict(settings.validated())}, indent=2, sort_keys=True)
        atomic_write(self.path, data.encode("utf-8") + b"\n", mode=0o600)


def progress_text(code: str) -> str:
    labels = {
        "backup_copy": QCoreApplication.translate("Backups", "Copying the encrypted vault…"),
        "backup_write": QCoreApplication.translate("Backups", "Writing the backup file…"),
        "backup_read": QCoreApplication.translate("Backups", "Reading the backup…"),
        "records": QCoreApplication.translate("Backups", "Checking every record…"),
        "kdf": QCoreApplication.translate("Backups", "Deriving the key…"),
        "index": QCoreApplication.translate("Backups", "Checking the search index…"),
    }
    return labels.get(code, QCoreApplication.translate("Backups", "Working…"))


def format_time(seconds: int) -> str:
    """The interface's one date-and-time format ("17 nov 2026, 23:17"; gui/dates.py)."""
    return show_datetime(datetime.fromtimestamp(seconds, UTC))


class BackupManager(QObject):
    """One per app: runs backups of the unlocked vault and keeps the settings."""

    started = Signal()
    progressed = Signal(object)  # Progress
    succeeded = Signal(object)  # BackupInfo
    failed = Signal(object)  # the exception
    settings_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.store = BackupSettingsStore(ctx.data_dir)
        self.settings = self.store.load()
        self.running = False

    def update(self, **changes: Any) -> BackupSettings:
        self.settings = replace(self.settings, **changes).validated()
        self.store.save(self.settings)
        self.settings_changed.emit()
        return self.settings

    def _record_last(self, when: int) -> None:
        """After a backup: the file is written (and fsynced) on a worker, never on the
        GUI thread while a backup's disk traffic may make a sync slow."""
        self.settings = replace(self.settings, last=when).validated()
        self.settings_changed.emit()
        store = self.store

        def job(progress: ProgressSink, cancel: CancelToken) -> None:
            store.save(self.settings)  # the settings as they are when it runs

        self.ctx.runner.submit(job, name="backup-settings", owner=self)

    def run(self, vault: Vault) -> bool:
        """Start a backup into the chosen folder; False when none is chosen or one runs."""
        folder, keep = self.settings.folder, self.settings.keep
        if not folder or self.running:
            return False
        self.running = True
        self.started.emit()

        def job(progress: ProgressSink, cancel: CancelToken) -> BackupInfo:
            return vault.backups.create(Path(folder), keep=keep, progress=progress, cancel=cancel)

        self.ctx.runner.submit(
            job,
            on_result=self._done,
            on_error=self._failed,
            on_progress=self.progressed.emit,
            writer=True,
            name="write:backup",
            owner=self,
        )
        return True

    def _done(self, info: BackupInfo) -> None:
        self.running = False
        self._record_last(int(info.created.timestamp()))
        self.succeeded.emit(info)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        log.warning("backup failed: %s", type(exc).__name__)
        self.failed.emit(exc)

    def daily_due(self, now: float | None = None) -> bool:
        s = self.settings
        now = time.time() if now is None else now
        return s.mode == "daily" and bool(s.folder) and now - s.last >= DAILY_S

    def reminder_due(self, vault_created: int, now: float | None = None) -> bool:
        """The last backup (or, never backed up, the vault itself) is over 14 days old."""
        now = time.time() if now is None else now
        return now - (self.settings.last or vault_created) > REMIND_AFTER_S


def manager(ctx: AppContext) -> BackupManager:
    found = ctx.extras.get("backups")
    if not isinstance(found, BackupManager):
        found = BackupManager(ctx)
        ctx.extras["backups"] = found
    return found


# -- the main window: "Back up now", progress, the reminder, the daily timer -------------
class BackupUi(QObject):
    """What a main window gets: a File-menu action, a progress bar in the status bar, a
    non-modal reminder banner and the daily check. Installed by the controller."""

    def __init__(self, window: QMainWindow, ctx: AppContext, vault: Vault) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.vault = vault
        self.manager = manager(ctx)
        self.action = QAction(window)
        self.action.setObjectName("backUpNow")
        self.action.triggered.connect(self.back_up_now)
        window.addAction(self.action)
        menu_actions = getattr(window, "menu_actions", None)
        file_menu = getattr(menu_actions, "file_menu", None)
        lock = getattr(menu_actions, "lock_action", None)
        if file_menu is not None:
            file_menu.insertAction(lock, self.action)
            file_menu.insertSeparator(lock)
        self.progress = QProgressBar()
        self.progress.setObjectName("backupProgress")
        # A fixed size and range: a progress report repaints the bar, never relayouts
        # the window (what took ~17 ms of the GUI thread at 1366×768).
        self.progress.setFixedWidth(220)
        self.progress.setRange(0, 100)
        # Its room is kept while hidden: showing it never grows the status bar, which
        # would relayout and repaint the whole window (~20 ms of the GUI thread).
        policy = self.progress.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.progress.setSizePolicy(policy)
        self.progress.hide()
        self._label = ""
        window.statusBar().addPermanentWidget(self.progress)
        self.banner = QToolBar()
        self.banner.setObjectName("backupReminder")
        self.banner.setMovable(False)
        self.banner.setFloatable(False)
        self.banner_text = QLabel()
        self.banner_text.setObjectName("backupReminderText")
        self.banner_text.setWordWrap(True)
        self.banner_button = QPushButton()
        self.banner_button.setObjectName("backupReminderRun")
        self.banner_button.clicked.connect(self.back_up_now)
        self.banner_later = QPushButton()
        self.banner_later.setObjectName("backupReminderLater")
        self.banner_later.clicked.connect(self.banner.hide)
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.banner_text, 1)
        row.addWidget(self.banner_button)
        row.addWidget(self.banner_later)
        self.banner.addWidget(holder)
        window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.banner)
        self.banner.hide()
        self.manager.started.connect(self._started)
        self.manager.progressed.connect(self._progress)
        self.manager.succeeded.connect(self._succeeded)
        self.manager.failed.connect(self._failed)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        window.installEventFilter(self)
        self.retranslate()
        QTimer.singleShot(0, self, self.check)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def check(self) -> None:
        """Run the daily backup when due; show the reminder when the last is old."""
        if self.manager.daily_due():
            self.manager.run(self.vault)
        self.banner.setVisible(self.manager.reminder_due(self.vault.created))

    def back_up_now(self) -> None:
        if not self.manager.settings.folder:
            folder = QFileDialog.getExistingDirectory(
                self.window, self.tr("Choose a folder for your backups")
            )
            if not folder:
                return
            self.manager.update(folder=folder)
        self.manager.run(self.vault)

    def _started(self) -> None:
        self.action.setEnabled(False)
        self.banner_button.setEnabled(False)
        self.progress.setValue(0)
        self._label = ""
        self.progress.show()
        self.window.statusBar().showMessage(self.tr("Backing up…"))

    def _progress(self, report: Progress) -> None:
        # setValue repaints at once (QProgressBar): only when the whole percent moves.
        value = int(100 * report.done / report.total) if report.total else 0
        if value != self.progress.value():
            self.progress.setValue(value)
        if report.label_code != self._label:
            self._label = report.label_code
            text = progress_text(report.label_code)
            self.progress.setFormat(text)
            self.progress.setToolTip(text)

    def _finish(self) -> None:
        self.action.setEnabled(True)
        self.banner_button.setEnabled(True)
        self.progress.hide()

    def _succeeded(self, info: BackupInfo) -> None:
        self._finish()
        self.banner.hide()
        self.window.statusBar().showMessage(
            self.tr("Backup saved in %1").replace("%1", str(info.path.parent)), 10_000
        )

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        self.window.statusBar().clearMessage()
        show_error(self.window, exc)

    def retranslate(self) -> None:
        self.action.setText(self.tr("&Back up now"))
        self.action.setToolTip(self.tr("Back up now"))
        self.banner.setWindowTitle(self.tr("Backup reminder"))
        last = self.manager.settings.last
        if last:
            text = self.tr(
                "Your last backup is from %1. A lost or broken laptop would take everything "
                "written since."
            ).replace("%1", format_time(last))
        else:
            text = self.tr(
                "Your journal has no backup yet. A lost or broken laptop would take all of it."
            )
        self.banner_text.setText(text)
        self.banner_button.setText(self.tr("Back &up now"))
        self.banner_later.setText(self.tr("Not now"))
        self.progress.setAccessibleName(self.tr("Backup progress"))


def run_on_lock(ctx: AppContext, vault: Vault, parent: QWidget | None = None) -> None:
    """Called by the controller before it queues the lock: the backup goes first. The
    main window is gone by then, so a failure is said over ``parent`` (the unlock
    window)."""
    m = ctx.extras.get("backups")
    if not (isinstance(m, BackupManager) and m.settings.mode == "lock" and m.settings.folder):
        return
    if not m.run(vault):
        return

    def failed(exc: BaseException) -> None:
        show_error(parent, exc)

    def done(_value: object) -> None:
        m.failed.disconnect(failed)
        m.succeeded.disconnect(done)
        m.failed.disconnect(done)

    m.failed.connect(failed)
    m.succeeded.connect(done)
    m.failed.connect(done)


# -- the settings panel --------------------------------------------------------------------
class BackupPanel(QGroupBox):
    """Backup folder, automatic backups, how many to keep, "Back up now", the last one."""

    def __init__(self, ctx: AppContext, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupPanel")
        self.ctx = ctx
        self.vault = vault
        self.manager = manager(ctx)
        s = self.manager.settings
        self.folder = QLineEdit(s.folder)
        self.folder.setObjectName("backupFolder")
        self.folder.setReadOnly(True)
        self.choose = QPushButton()
        self.choose.setObjectName("chooseBackupFolder")
        self.choose.clicked.connect(self.choose_folder)
        self.mode = QComboBox()
        self.mode.setObjectName("backupMode")
        for value in MODES:
            self.mode.addItem("", value)
        self.mode.setCurrentIndex(max(0, self.mode.findData(s.mode)))
        self.keep = QSpinBox()
        self.keep.setObjectName("backupKeep")
        self.keep.setRange(1, KEEP_MAX)
        self.keep.setValue(s.keep)
        self.run_button = QPushButton()
        self.run_button.setObjectName("backupNow")
        self.run_button.clicked.connect(self.run)
        self.status = QLabel()
        self.status.setObjectName("backupStatus")
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("backupPanelProgress")
        self.progress.hide()
        self.labels = {k: QLabel() for k in ("folder", "mode", "keep")}
        self.labels["folder"].setBuddy(self.choose)
        self.labels["mode"].setBuddy(self.mode)
        self.labels["keep"].setBuddy(self.keep)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.labels["folder"], folder_row)
        form.addRow(self.labels["mode"], self.mode)
        form.addRow(self.labels["keep"], self.keep)
        run_row = QHBoxLayout()
        run_row.addWidget(self.run_button)
        run_row.addWidget(self.progress, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(run_row)
        layout.addWidget(self.status)
        self.mode.currentIndexChanged.connect(
            lambda: self.manager.update(mode=str(self.mode.currentData()))
        )
        self.keep.valueChanged.connect(lambda v: self.manager.update(keep=int(v)))
        self.manager.started.connect(self._started)
        self.manager.progressed.connect(self._progress)
        self.manager.succeeded.connect(self._ended)
        self.manager.failed.connect(self._ended)
        self.retranslate_ui()

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a folder for your backups"), self.folder.text()
        )
        if folder:
            self.set_folder(folder)

    def set_folder(self, folder: str) -> None:
        self.manager.update(folder=folder)
        self.folder.setText(folder)
        self.retranslate_ui()

    def run(self) -> None:
        if not self.manager.settings.folder:
            self.choose_folder()
        self.manager.run(self.vault)

    def _started(self) -> None:
        self.run_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()

    def _progress(self, report: Progress) -> None:
        if report.total:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * report.done / report.total))
        self.progress.setFormat(progress_text(report.label_code))

    def _ended(self, _value: object) -> None:
        self.run_button.setEnabled(True)
        self.progress.hide()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Backups"))
        self.labels["folder"].setText(self.tr("Backup &folder:"))
        self.labels["mode"].setText(self.tr("Back up a&utomatically:"))
        self.labels["keep"].setText(self.tr("&Keep the last:"))
        self.folder.setPlaceholderText(self.tr("A USB stick or a synced folder"))
        self.folder.setAccessibleName(self.tr("Backup folder"))
        self.choose.setText(self.tr("C&hoose…"))
        self.choose.setAccessibleName(self.tr("Choose the backup folder"))
        names = {
            "off": self.tr("Only when I ask"),
            "lock": self.tr("Every time the journal locks"),
            "daily": self.tr("Once a day"),
        }
        for i in range(self.mode.count()):
            self.mode.setItemText(i, names[str(self.mode.itemData(i))])
        self.mode.setAccessibleName(self.tr("Back up automatically"))
        self.keep.setSuffix(self.tr(" backups"))
        self.keep.setAccessibleName(self.tr("How many backups to keep"))
        self.run_button.setText(self.tr("&Back up now"))
        self.run_button.setAccessibleName(self.tr("Back up now"))
        self.progress.setAccessibleName(self.tr("Backup progress"))
        last = self.manager.settings.last
        when = (
            self.tr("Last backup: %1.").replace("%1", format_time(last))
            if last
            else self.tr("No backup yet.")
        )
        self.status.setText(
            when
            + " "
            + self.tr("A backup is encrypted: your passphrase or your recovery key opens it.")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


# -- restoring, from the unlock window ---------------------------------------------------
class RestoreDialog(QDialog):
    """Pick a backup and a new folder, open it with the passphrase or the recovery key;
    the restore is checked in full before the folder appears. ``restored`` gives the
    new vault folder."""

    restored = Signal(object)  # Path

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, target: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.ctx = ctx
        self.file = QLineEdit()
        self.file.setObjectName("restoreFile")
        self.file.setReadOnly(True)
        self.choose_file = QPushButton()
        self.choose_file.setObjectName("restoreChooseFile")
        self.choose_file.clicked.connect(self._pick_file)
        self.target = QLineEdit()
        self.target.setObjectName("restoreTarget")
        self.target.setText(str(target or self._default_target()))
        self.choose_target = QPushButton()
        self.choose_target.setObjectName("restoreChooseTarget")
        self.choose_target.clicked.connect(self._pick_target)
        self.by_passphrase = QRadioButton()
        self.by_passphrase.setObjectName("restoreByPassphrase")
        self.by_passphrase.setChecked(True)
        self.by_key = QRadioButton()
        self.by_key.setObjectName("restoreByRecoveryKey")
        group = QButtonGroup(self)
        group.addButton(self.by_passphrase)
        group.addButton(self.by_key)
        self.secret = QLineEdit()
        self.secret.setObjectName("restoreSecret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.by_key.toggled.connect(
            lambda on: self.secret.setEchoMode(
                QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
            )
        )
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("restoreError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.progress = QProgressBar()
        self.progress.setObjectName("restoreProgress")
        self.progress.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = QPushButton()
        self.ok.setObjectName("restoreRun")
        self.ok.setDefault(True)
        self.buttons.addButton(self.ok, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.labels = {k: QLabel() for k in ("file", "target", "secret")}
        self.labels["file"].setBuddy(self.choose_file)
        self.labels["target"].setBuddy(self.target)
        self.labels["secret"].setBuddy(self.secret)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.choose_file)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target, 1)
        target_row.addWidget(self.choose_target)
        how = QHBoxLayout()
        how.addWidget(self.by_passphrase)
        how.addWidget(self.by_key)
        how.addStretch(1)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.labels["file"], file_row)
        form.addRow(self.labels["target"], target_row)
        form.addRow(how)
        form.addRow(self.labels["secret"], self.secret)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        for edit in (self.file, self.target, self.secret):
            edit.textChanged.connect(self._update)
        self.setMinimumWidth(600)
        self.retranslate_ui()
        self._update()

    def _default_target(self) -> Path:
        base = self.ctx.vault_dir
        stamp = time.strftime("%Y-%m-%d")
        candidate = base.with_name(f"{base.name}-restored-{stamp}")
        n = 2
        while candidate.exists():
            candidate = base.with_name(f"{base.name}-restored-{stamp}-{n}")
            n += 1
        return candidate

    def _pick_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a backup"), "", self.tr("ReflectDesk backups (*.rdbackup)")
        )
        if name:
            self.file.setText(name)

    def _pick_target(self) -> None:
        parent = QFileDialog.getExistingDirectory(
            self, self.tr("Where the restored journal goes"), str(Path(self.target.text()).parent)
        )
        if parent:
            self.target.setText(str(Path(parent) / Path(self.target.text()).name))

    def _update(self) -> None:
        self.ok.setEnabled(
            bool(self.file.text() and self.target.text() and self.secret.text())
            and self.progress.isHidden()
        )

    def submit(self) -> None:
        if not self.ok.isEnabled():
            return
        from reflectdesk.services import backup

        path, target, secret = Path(self.file.text()), Path(self.target.text()), self.secret.text()
        by_key = self.by_key.isChecked()

        def job(progress: ProgressSink, cancel: CancelToken) -> BackupReport:
            if by_key:
                return backup.restore(
                    path, target, recovery_key=secret, progress=progress, cancel=cancel
                )
            return backup.restore(path, target, passphrase=secret, progress=progress, cancel=cancel)

        self.error.hide()
        self.progress.setRange(0, 0)
        self.progress.show()
        self._update()
        self.ctx.runner.submit(
            job,
            on_result=lambda _r: self._done(target),
            on_error=self._failed,
            on_progress=self._progress,
            name="restore-backup",
            owner=self,
        )

    def _progress(self, report: Progress) -> None:
        if report.total:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * report.done / report.total))
        self.progress.setFormat(progress_text(report.label_code))

    def _done(self, target: Path) -> None:
        self.progress.hide()
        self.secret.clear()
        self.accept()
        self.restored.emit(target)  # the controller switches to it and says so

    def show_done(self, parent: QWidget | None, target: Path) -> QMessageBox:
        """The word that the restore worked, over ``parent`` (the unlock window)."""
        return message_box(
            parent,
            self.tr("Journal restored"),
            self.tr("The backup was checked and restored into %1.").replace("%1", str(target)),
            self.tr("It opens with the passphrase it had when the backup was made."),
            icon=QMessageBox.Icon.Information,
        )

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self._update()
        from reflectdesk.errors import ReflectDeskError

        if not isinstance(exc, ReflectDeskError):
            show_error(self, exc)
            return
        message, hint = error_texts(exc)
        self.error.setText(f"<b>{_escape(message)}</b><br>{_escape(hint)}")
        self.error.show()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.labels["file"].setText(self.tr("&Backup:"))
        self.labels["target"].setText(self.tr("Restore &into:"))
        self.labels["secret"].setText(self.tr("&Passphrase or key:"))
        self.choose_file.setText(self.tr("C&hoose…"))
        self.choose_file.setAccessibleName(self.tr("Choose a backup"))
        self.choose_target.setText(self.tr("Choose &folder…"))
        self.choose_target.setAccessibleName(self.tr("Choose where the restored journal goes"))
        self.by_passphrase.setText(self.tr("With the passphrase"))
        self.by_key.setText(self.tr("With the recovery key"))
        self.by_passphrase.setAccessibleName(self.tr("With the passphrase"))
        self.by_key.setAccessibleName(self.tr("With the recovery key"))
        self.ok.setAccessibleName(self.tr("Restore"))
        self.secret.setAccessibleName(self.tr("Passphrase or recovery key"))
        self.file.setAccessibleName(self.tr("Backup file"))
        self.target.setAccessibleName(self.tr("New folder for the restored journal"))
        self.note.setText(
            self.tr(
                "The backup is checked in full first. It goes into a new folder: your "
                "current journal is not touched."
            )
        )
        self.ok.setText(self.tr("&Restore"))
        self.progress.setAccessibleName(self.tr("Restore progress"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            cancel.setAccessibleName(cancel.text().replace("&", ""))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
