"""The unlock window converting an older vault: progress shown, cancel honoured."""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from reflectdesk.errors import Cancelled
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.controller import AppController
from reflectdesk.gui.i18n import error_texts
from reflectdesk.progress import Progress
from reflectdesk.storage import migration
from reflectdesk.vault.header import read_header
from tests.support import PASSPHRASE

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "vault-v2" / "mentor"


def test_converting_an_older_vault_shows_progress_and_can_be_cancelled(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.rmtree(ctx.vault_dir, ignore_errors=True)
    shutil.copytree(FIXTURE, ctx.vault_dir)
    # The fixture converts in a blink: slow each copy batch down (a delay, not a fault)
    # so a person could press Cancel.
    monkeypatch.setattr(migration, "_BATCH_ROWS", 1)
    real_copy = migration._copy

    def slow_copy(old: Path, partial: Path, key: bytes, progress: Any, cancel: Any) -> None:
        def slow(p: Progress) -> None:
            time.sleep(0.05)
            progress(p)

        real_copy(old, partial, key, slow, cancel)

    monkeypatch.setattr(migration, "_copy", slow_copy)
    controller = AppController(ctx)
    controller.start()
    window = controller.unlock_window
    assert window is not None
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: controller.vault is not None, timeout=10_000)
    window.passphrase.setText(PASSPHRASE)
    window.unlock_button.click()
    qtbot.waitUntil(window.cancel_button.isVisible, timeout=10_000)
    assert "Converting" in window.status.text()
    window.cancel_button.click()
    message, _ = error_texts(Cancelled())
    qtbot.waitUntil(lambda: message in window.error.text(), timeout=10_000)
    assert not window.cancel_button.isVisible()
    assert read_header(ctx.vault_dir).format == 2
    assert not (ctx.vault_dir / migration.PARTIAL_NAME).exists()
    # Unlocked again, left alone: converted, and the journal opens.
    monkeypatch.setattr(migration, "_copy", real_copy)
    window.passphrase.setText(PASSPHRASE)
    window.unlock_button.click()
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=20_000)
    assert read_header(ctx.vault_dir).format == 3
    controller.shutdown()


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_wrong_passphrase_hint_is_shown_whole(
    qtbot: QtBot, make_ctx: Any, language: str
) -> None:
    """The hint ends by naming the recovery key: the window grows to the wrapped text
    instead of cutting it ("…del teclado e", issue 16 point 2)."""
    from reflectdesk.errors import WrongPassphrase
    from reflectdesk.gui.unlock import UnlockWindow

    make_ctx(language)
    window = UnlockWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.wrong_passphrase(*error_texts(WrongPassphrase()))
    qtbot.waitUntil(
        lambda: window.error.height() >= window.error.heightForWidth(window.error.width())
    )
    label = window.error
    assert label.geometry().bottom() <= window.rect().bottom()
    assert ("recuperación" if language == "es" else "recovery key") in label.text()
