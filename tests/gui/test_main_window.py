"""The main window's own writes go through the task runner's writer queue."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from reflectdesk.gui.context import AppContext
from reflectdesk.gui.main_window import MainWindow
from reflectdesk.services.vault import Vault
from tests.gui.conftest import create_vault


def test_a_new_journal_is_made_off_the_gui_thread_and_selected(
    qtbot: QtBot, ctx: AppContext
) -> None:
    vault, _key = create_vault(ctx)
    window = MainWindow(ctx, vault)
    qtbot.addWidget(window)
    window.show()
    threads: list[str] = []
    original = vault.journals.create

    def create(title: str, description: str = "") -> object:
        threads.append(threading.current_thread().name)
        return original(title, description)

    vault.journals.create = create  # type: ignore[method-assign]  # records the thread only
    window._create_journal("Práctica profesional II")
    assert ctx.runner.wait(30_000)  # the write and its result on the GUI thread
    qtbot.waitUntil(lambda: window.current_journal_id() is not None, timeout=30_000)
    (journal,) = [j for j in vault.journals.list() if j.title == "Práctica profesional II"]
    assert window.current_journal_id() == journal.id
    assert threads and threads[0] != threading.main_thread().name
    window.close()
    ctx.runner.wait(30_000)
    vault.close()


def test_the_first_entry_makes_a_journal_without_blocking(qtbot: QtBot, ctx: AppContext) -> None:
    vault: Vault
    vault, _key = create_vault(ctx)
    window = MainWindow(ctx, vault)
    qtbot.addWidget(window)
    window.show()
    window.start_entry("gibbs")
    assert ctx.runner.wait(30_000)
    qtbot.waitUntil(
        lambda: bool(vault.journals.list()) and window.editor.saver._ref is not None,
        timeout=30_000,
    )
    assert window.editor_stack.currentWidget() is window.editor
    assert [j.title for j in vault.journals.list()] == ["My practicum journal"]
    window.close()
    ctx.runner.wait(30_000)
    vault.close()
