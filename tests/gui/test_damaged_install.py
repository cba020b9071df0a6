"""A deleted or truncated shipped file: one message naming it and "reinstall"; the vault
still opens. (The installed-wheel test does it to a real install; this checks the window.)"""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from reflectdesk import resources
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.controller import AppController
from tests.gui.conftest import create_vault
from tests.gui.test_bad_input import message_boxes


def test_the_unlock_window_names_the_damaged_file(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, _key = create_vault(ctx)
    vault.close()
    monkeypatch.setattr(resources, "_damaged", {})
    resources.report_damaged("i18n/reflectdesk_es.qm", "unreadable")
    controller = AppController(ctx)
    controller.start()
    window = controller.unlock_window
    assert window is not None
    qtbot.waitUntil(
        lambda: bool([b for b in message_boxes() if b.parent() is window]), timeout=10_000
    )
    (box,) = [b for b in message_boxes() if b.parent() is window]
    assert "i18n/reflectdesk_es.qm" in box.text()
    assert "Reinstall ReflectDesk" in box.informativeText() + box.text()
    box.close()
    assert window.unlock_button.isVisible()  # the vault can still be opened
    controller.report_damaged_install(window)  # said once
    assert not [b for b in message_boxes() if b.parent() is window and b.isVisible()]
    controller.shutdown()
