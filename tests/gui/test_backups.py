"""Backups in the app (issue 16): the settings panel, "Back up now" off the GUI thread,
automatic backups on lock and daily, the 14-day reminder, restoring from the unlock
window."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.backups import (
    REMIND_AFTER_S,
    BackupPanel,
    BackupUi,
    RestoreDialog,
    manager,
)
from reflectdesk.gui.controller import AppController
from reflectdesk.gui.main_window import MainWindow
from reflectdesk.gui.settings import SettingsDialog
from reflectdesk.services import backup
from reflectdesk.services.vault import Vault
from tests.gui.conftest import PASSPHRASE, add_samples, create_vault
from tests.gui.helpers import clipped_texts, unnamed_controls
from tests.gui.test_main_window import Heartbeat


def _files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.rdbackup")) if folder.exists() else []


def test_the_settings_panel_keeps_its_choices_and_backs_up_off_the_gui_thread(
    qtbot: QtBot, ctx: AppContext, unlocked: Vault, tmp_path: Path
) -> None:
    dialog = SettingsDialog(ctx, unlocked)
    qtbot.addWidget(dialog)
    dialog.show()
    panel = dialog.backup_panel
    assert isinstance(panel, BackupPanel)
    assert "No backup yet" in panel.status.text()
    folder = tmp_path / "usb"
    panel.set_folder(str(folder))
    panel.mode.setCurrentIndex(panel.mode.findData("daily"))
    panel.keep.setValue(3)
    saved = json.loads((ctx.data_dir / "backup.json").read_text())
    assert saved["folder"] == str(folder) and saved["mode"] == "daily" and saved["keep"] == 3
    assert "Camila" not in (ctx.data_dir / "backup.json").read_text()
    t0 = time.perf_counter()
    panel.run_button.click()
    assert (time.perf_counter() - t0) < 0.05  # queued, not run here
    assert not panel.run_button.isEnabled()
    qtbot.waitUntil(lambda: not manager(ctx).running, timeout=20_000)
    assert len(_files(folder)) == 1
    assert panel.run_button.isEnabled() and "Last backup:" in panel.status.text()
    assert backup.verify(_files(folder)[0], passphrase=PASSPHRASE).counts["entries"] == 3
    assert unnamed_controls(panel) == []


def test_the_reminder_shows_when_the_last_backup_is_old_and_back_up_now_clears_it(
    qtbot: QtBot, ctx: AppContext, unlocked: Vault, tmp_path: Path
) -> None:
    m = manager(ctx)
    m.update(folder=str(tmp_path / "usb"), last=int(time.time()) - REMIND_AFTER_S - 60)
    window = MainWindow(ctx, unlocked)
    qtbot.addWidget(window)
    ui = BackupUi(window, ctx, unlocked)
    window.show()
    qtbot.waitUntil(lambda: ui.banner.isVisible())
    assert "Your last backup is from" in ui.banner_text.text()
    assert not ui.banner.isFloatable()  # part of the window, not a dialog
    assert ui.action in window.menu_actions.file_menu.actions()
    ui.banner_button.click()
    qtbot.waitUntil(lambda: not m.running, timeout=20_000)
    assert not ui.banner.isVisible()
    assert len(_files(tmp_path / "usb")) == 1
    m.update(last=int(time.time()) - 3600)
    ui.check()
    assert not ui.banner.isVisible()


def test_a_daily_backup_keeps_the_window_responsive(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    switch = sys.getswitchinterval()
    sys.setswitchinterval(0.001)  # as the app does (gui/app.py)
    request.addfinalizer(lambda: sys.setswitchinterval(switch))
    vault, _ = create_vault(ctx)
    try:
        add_samples(vault)
        journal = vault.journals.list()[0].id
        big = tmp_path / "big.bin"
        big.write_bytes(os.urandom(24_000_000))
        vault.entries.attach(vault.entries.add(journal, _content()).id, big)
        m = manager(ctx)
        m.update(folder=str(tmp_path / "usb"), mode="daily", last=int(time.time()) - 90_000)
        window = MainWindow(ctx, vault)
        qtbot.addWidget(window)
        window.show()
        beat = Heartbeat()
        beat.start()
        ui = BackupUi(window, ctx, vault)  # checks at once: the daily backup is due
        qtbot.waitUntil(lambda: m.running, timeout=5000)
        qtbot.waitUntil(lambda: not m.running, timeout=30_000)
        worst = beat.stop()
        assert len(_files(tmp_path / "usb")) == 1
        # The GUI thread's own work in any gap stays under 50 ms (the backup itself, run
        # here, would be far over it); the wall-clock gap also counts other processes on
        # this shared machine, so its bound is loose here and the 50 ms figure comes from
        # benchmarks/bench_gui_backup.py (docs/benchmarks.md).
        gui_cpu = max(user + system for _at, _gap, user, system in beat.log)
        assert gui_cpu < 50, f"the GUI thread worked {gui_cpu:.0f} ms in one go"
        assert worst < 500, f"the GUI thread froze for {worst:.0f} ms"
        assert not m.daily_due()
        del ui
    finally:
        ctx.runner.wait(10_000)
        vault.close()


def _content() -> object:
    from reflectdesk.domain.model import EntryContent

    return EntryContent(title="Con adjunto", sections={"body": "texto"}, template_id="free")


def test_locking_backs_up_first_when_asked_to(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    vault, _ = create_vault(ctx)
    add_samples(vault)
    vault.close()
    manager(ctx).update(folder=str(tmp_path / "usb"), mode="lock", last=int(time.time()))
    controller = AppController(ctx)
    controller.start()
    window = controller.unlock_window
    assert window is not None
    qtbot.waitUntil(lambda: controller.vault is not None, timeout=10_000)
    window.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(controller.main_window_shown, timeout=10_000):
        window.unlock_button.click()
    assert controller.main_window is not None
    controller.main_window.menu_actions.lock_action.trigger()
    qtbot.waitUntil(lambda: controller.vault is not None and not controller.vault.is_unlocked)
    qtbot.waitUntil(lambda: not manager(ctx).running, timeout=20_000)
    files = _files(tmp_path / "usb")
    assert len(files) == 1
    assert backup.verify(files[0], passphrase=PASSPHRASE).counts["entries"] == 3
    controller.shutdown()


def test_restore_from_the_unlock_window_makes_a_new_folder_and_opens_it(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    vault, key = create_vault(ctx)
    add_samples(vault)
    made = vault.backups.create(tmp_path / "usb")
    vault.close()
    controller = AppController(ctx)
    controller.start()
    window = controller.unlock_window
    assert window is not None
    qtbot.waitUntil(lambda: controller.vault is not None, timeout=10_000)
    assert window.restore_button.isVisible()
    window.restore_button.click()
    dialog = controller.restore_dialog
    assert isinstance(dialog, RestoreDialog)
    target = Path(dialog.target.text())
    assert target.parent == ctx.vault_dir.parent and not target.exists()
    dialog.file.setText(str(made.path))
    dialog.by_key.setChecked(True)
    assert not dialog.ok.isEnabled()
    dialog.secret.setText("AAAA-" * 13 + "AAAA")  # a wrong key: said in the dialog
    dialog.ok.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert not target.exists()
    dialog.secret.setText(key)
    dialog.ok.click()
    qtbot.waitUntil(lambda: target.exists(), timeout=20_000)
    qtbot.waitUntil(lambda: ctx.vault_dir == target, timeout=10_000)
    qtbot.waitUntil(lambda: controller.vault is not None, timeout=10_000)
    assert controller.vault is not None and controller.vault.path == target
    window.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(controller.main_window_shown, timeout=10_000):
        window.unlock_button.click()
    assert controller.vault.entries.count() == 3
    controller.shutdown()


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_backup_texts_are_translated_and_fit(
    qtbot: QtBot, make_ctx: object, lang: str, tmp_path: Path
) -> None:
    ctx = make_ctx(lang)  # type: ignore[operator]
    vault, _ = create_vault(ctx)
    try:
        dialog = SettingsDialog(ctx, vault)
        qtbot.addWidget(dialog)
        dialog.resize(dialog.sizeHint())
        dialog.show()
        qtbot.waitExposed(dialog)
        panel = dialog.backup_panel
        if lang == "es":
            assert panel.title() == "Copias de seguridad"
            assert panel.mode.itemText(panel.mode.findData("lock")) == (
                "Cada vez que tu espacio se bloquea"
            )
        assert clipped_texts(panel) == []
        restore = RestoreDialog(ctx)
        qtbot.addWidget(restore)
        restore.show()
        qtbot.waitExposed(restore)
        assert clipped_texts(restore) == []
        assert unnamed_controls(restore) == []
    finally:
        ctx.runner.wait(10_000)
        vault.close()


def test_a_backup_on_lock_that_fails_is_said_over_the_unlock_window(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QMessageBox

    vault, _ = create_vault(ctx)
    vault.close()
    not_a_folder = tmp_path / "file.txt"
    not_a_folder.write_text("x")
    manager(ctx).update(folder=str(not_a_folder), mode="lock", last=int(time.time()))
    controller = AppController(ctx)
    controller.start()
    window = controller.unlock_window
    assert window is not None
    qtbot.waitUntil(lambda: controller.vault is not None, timeout=10_000)
    window.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(controller.main_window_shown, timeout=10_000):
        window.unlock_button.click()
    assert controller.main_window is not None
    controller.main_window.menu_actions.lock_action.trigger()
    qtbot.waitUntil(lambda: bool(window.findChildren(QMessageBox)), timeout=20_000)
    box = window.findChildren(QMessageBox)[0]
    assert "could not be written" in box.text()
    qtbot.waitUntil(lambda: controller.vault is not None and not controller.vault.is_unlocked)
    controller.shutdown()


def test_a_new_computer_restores_from_the_first_run_wizard(
    qtbot: QtBot, make_ctx: object, tmp_path: Path
) -> None:
    """The laptop died: on the new one the wizard offers the backup, which goes where the
    app looks for its journal; the unlock window then opens it."""
    from PySide6.QtWidgets import QMessageBox

    old = make_ctx(data_dir=tmp_path / "old")  # type: ignore[operator]
    vault, _ = create_vault(old)
    add_samples(vault)
    made = vault.backups.create(tmp_path / "usb")
    vault.close()
    ctx = make_ctx(data_dir=tmp_path / "new")  # type: ignore[operator]
    assert not ctx.has_vault()
    controller = AppController(ctx)
    controller.start()
    wizard = controller.wizard
    assert wizard is not None
    qtbot.waitExposed(wizard)
    wizard.language_page.restore_button.click()
    dialog = controller.restore_dialog
    assert isinstance(dialog, RestoreDialog)
    assert Path(dialog.target.text()) == ctx.vault_dir
    dialog.file.setText(str(made.path))
    dialog.secret.setText(PASSPHRASE)
    dialog.ok.click()
    qtbot.waitUntil(lambda: controller.wizard is None, timeout=20_000)
    window = controller.unlock_window
    assert window is not None and window.isVisible()
    assert ctx.has_vault()
    boxes = window.findChildren(QMessageBox)
    assert boxes and "restored into" in boxes[0].text()
    qtbot.waitUntil(lambda: controller.vault is not None, timeout=10_000)
    window.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(controller.main_window_shown, timeout=10_000):
        window.unlock_button.click()
    assert controller.vault is not None and controller.vault.entries.count() == 3
    controller.shutdown()
