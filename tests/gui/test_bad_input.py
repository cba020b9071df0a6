"""What bad input gets: explanations, never tracebacks; entries left unchanged."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from reflectdesk.errors import (
    AttachmentTooLarge,
    FileUnreadable,
    VaultCorrupt,
    VaultInUse,
    VaultStateTampered,
)
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.controller import AppController
from reflectdesk.gui.i18n import error_texts
from reflectdesk.gui.main_window import MainWindow
from reflectdesk.services.vault import Vault
from reflectdesk.storage.attachments import MAX_ATTACHMENT_BYTES
from tests.gui.conftest import PASSPHRASE, create_vault
from tests.gui.helpers import type_text
from tests.support import raw_db


def message_boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def start_locked(qtbot: QtBot, ctx: AppContext) -> AppController:
    controller = AppController(ctx)
    controller.start()
    assert controller.unlock_window is not None
    qtbot.waitExposed(controller.unlock_window)
    return controller


def test_damaged_vault_is_explained(qtbot: QtBot, ctx: AppContext) -> None:
    vault, _key = create_vault(ctx)
    vault.close()
    (ctx.vault_dir / "vault.rdh").write_bytes(b"RDVAULT\n{not json")
    controller = start_locked(qtbot, ctx)
    window = controller.unlock_window
    assert window is not None
    qtbot.waitUntil(lambda: window.retry_button.isVisible(), timeout=10_000)
    message, hint = error_texts(VaultCorrupt())
    assert message in window.error.text() and hint in window.error.text()
    assert "Traceback" not in window.error.text()
    assert not window.unlock_button.isEnabled()
    controller.shutdown()


def test_vault_open_elsewhere_is_explained(
    qtbot: QtBot, make_ctx: Callable[..., AppContext]
) -> None:
    ctx = make_ctx("es")
    vault, _key = create_vault(ctx)  # this "other window" keeps the single-writer lock
    try:
        controller = start_locked(qtbot, ctx)
        window = controller.unlock_window
        assert window is not None
        qtbot.waitUntil(lambda: window.retry_button.isVisible(), timeout=10_000)
        message, _hint = error_texts(VaultInUse())
        assert message in window.error.text()
        assert message != VaultInUse.message  # shown in Spanish
        vault.close()
        window.retry_button.click()  # the other window closed: now it opens
        qtbot.waitUntil(lambda: controller.vault is not None, timeout=10_000)
        assert window.unlock_button.isEnabled()
        controller.shutdown()
    finally:
        vault.close()


def test_a_vault_edited_while_closed_is_explained(
    qtbot: QtBot, make_ctx: Callable[..., AppContext]
) -> None:
    """A trust record changed outside the app (here: an own key's revocation deleted):
    the unlock window says so in Spanish, with what to do, and nothing opens."""

    ctx = make_ctx("es")
    vault, _key = create_vault(ctx)
    vault.identity.revocation()
    vault.close()
    conn = raw_db(ctx.vault_dir, PASSPHRASE)
    with conn:
        conn.execute("DELETE FROM secrets WHERE id = 'identity-untrusted'")
    conn.close()
    controller = start_locked(qtbot, ctx)
    window = controller.unlock_window
    assert window is not None
    type_text(qtbot, window.passphrase, PASSPHRASE)
    window.unlock_button.click()
    qtbot.waitUntil(lambda: window.error.isVisible(), timeout=10_000)
    message, hint = error_texts(VaultStateTampered())
    assert message in window.error.text() and hint in window.error.text()
    assert "copia anterior" in message and "Traceback" not in window.error.text()
    assert controller.main_window is None
    controller.shutdown()


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext, unlocked: Vault) -> MainWindow:
    window = MainWindow(ctx, unlocked)
    qtbot.addWidget(window)
    window.show()
    window.list.selectRow(0)
    return window


def test_attachment_too_large_or_unreadable(
    qtbot: QtBot, window: MainWindow, unlocked: Vault, tmp_path: Path
) -> None:
    entry_id = window.editor.entry_id
    assert entry_id is not None
    before = unlocked.entries.get(entry_id)
    big = tmp_path / "video.mp4"
    with big.open("wb") as fh:
        fh.truncate(MAX_ATTACHMENT_BYTES + 1)  # sparse: costs no disk
    window.editor.attachments.attach(big)
    qtbot.waitUntil(lambda: bool(message_boxes()), timeout=5000)
    box = message_boxes()[0]
    assert box.text() == error_texts(AttachmentTooLarge("x", limit_mb=50))[0]
    assert "50" in box.text()
    box.close()
    window.editor.attachments.attach(tmp_path / "missing.jpg")
    qtbot.waitUntil(lambda: bool(message_boxes()), timeout=5000)
    assert message_boxes()[0].text() == error_texts(FileUnreadable())[0]
    message_boxes()[0].close()
    after = unlocked.entries.get(entry_id)
    assert after.attachments == before.attachments == ()
    assert after.head.id == before.head.id


def png_bytes() -> bytes:
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def test_image_inline_and_plaintext_copy_only_on_request(
    qtbot: QtBot, window: MainWindow, unlocked: Vault, tmp_path: Path
) -> None:
    photo = tmp_path / "pizarra.png"
    photo.write_bytes(png_bytes())
    panel = window.editor.attachments
    panel.attach(photo)
    qtbot.waitUntil(lambda: len(panel.rows) == 1, timeout=5000)
    row = next(iter(panel.rows.values()))
    qtbot.waitUntil(lambda: row.image.isVisible(), timeout=5000)  # shown inline
    assert row.image.pixmap().width() == 40

    out = tmp_path / "copy.png"
    asked: list[str] = []
    panel.confirm_plaintext_copy = lambda name: asked.append(name) or False  # type: ignore[method-assign]
    panel.ask_save_path = lambda name: str(out)  # type: ignore[method-assign]
    row.save_button.click()
    assert asked == ["pizarra.png"] and not out.exists()  # declined: nothing written
    panel.confirm_plaintext_copy = lambda name: True  # type: ignore[method-assign]
    row.save_button.click()
    qtbot.waitUntil(out.exists, timeout=5000)
    assert out.read_bytes() == photo.read_bytes()
    assert os.stat(out).st_mode & 0o777 == 0o600
    qtbot.waitUntil(lambda: bool(message_boxes()), timeout=5000)
    message_boxes()[0].close()


def test_closing_with_a_pending_save_saves_first(
    qtbot: QtBot, ctx: AppContext, unlocked: Vault
) -> None:
    ctx.autosave_ms = 60_000  # the timer would never fire in this test
    window = MainWindow(ctx, unlocked)
    window.show()
    window.list.selectRow(0)
    entry_id = window.editor.entry_id
    assert entry_id is not None
    first = next(f for f in window.editor.fields if f.edit is not None)
    first.edit.setFocus()  # type: ignore[union-attr]
    type_text(qtbot, first.edit, " Última línea.")  # type: ignore[arg-type]
    assert window.editor.saver.pending
    window.close()
    assert "Última línea." in unlocked.entries.get(entry_id).content.sections[first.key]


def test_auto_lock_after_idle(qtbot: QtBot, make_ctx: Callable[..., AppContext]) -> None:
    ctx = make_ctx()
    create_vault(ctx)[0].close()
    ctx.idle_timeout_ms = 300
    controller = start_locked(qtbot, ctx)
    assert controller.unlock_window is not None
    type_text(qtbot, controller.unlock_window.passphrase, PASSPHRASE)
    with qtbot.waitSignal(controller.main_window_shown, timeout=10_000):
        controller.unlock_window.unlock_button.click()
    with qtbot.waitSignal(controller.locked, timeout=5000):
        pass  # no input for 300 ms
    assert controller.main_window is None
    qtbot.waitUntil(lambda: controller.vault is not None and not controller.vault.is_unlocked)
    controller.shutdown()
