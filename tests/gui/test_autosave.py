"""Autosaves coalesced into one revision per editing session (issue 16.6,
docs/history.md): the real editor and AutoSaver typing over simulated minutes (a clock
the test moves, never a sleep), real vaults, real exports."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from reflectdesk.domain.model import EntryContent, ExportRequest
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.autosave import SESSION_IDLE, SESSION_MAX, AutoSaver, SaveState
from reflectdesk.gui.main_window import MainWindow
from reflectdesk.services.vault import Vault
from tests.gui.helpers import type_text


class Clock:
    """The time the editor sees: moved by the test."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def _window(qtbot: QtBot, ctx: AppContext, vault: Vault, clock: Clock) -> MainWindow:
    ctx.clock = clock
    ctx.autosave_ms = 60_000  # the test decides when a save happens (the pause, a focus)
    window = MainWindow(ctx, vault)
    qtbot.addWidget(window)
    window.show()
    return window


def _type_and_save(qtbot: QtBot, window: MainWindow, clock: Clock, text: str) -> None:
    editor = window.editor
    type_text(qtbot, editor.title, text)
    clock.advance(seconds=10)
    editor.flush()  # what the pause after typing, or leaving a field, does
    qtbot.waitUntil(lambda: editor.saver.state == SaveState.SAVED, timeout=5000)


def _revisions(vault: Vault, entry_id: str) -> int:
    return len(vault.entries.history(entry_id))


def test_two_minutes_of_typing_make_one_revision_and_leaving_starts_another(
    qtbot: QtBot, ctx: AppContext, unlocked: Vault
) -> None:
    clock = Clock()
    window = _window(qtbot, ctx, unlocked, clock)
    editor = window.editor
    entry_id = unlocked.entries.list()[0].id
    editor.open_entry(unlocked.entries.get(entry_id))
    assert _revisions(unlocked, entry_id) == 1
    for i in range(12):  # 12 autosaves over two minutes: one revision
        _type_and_save(qtbot, window, clock, f" {i}")
    history = unlocked.entries.history(entry_id)
    assert len(history) == 2
    session = history[-1]
    assert session.content.title.endswith(" 10 11") and session.parent_ids == (history[0].id,)
    assert session.started_at is not None and session.started_at < session.created_at

    other = unlocked.entries.list()[1].id  # leaving the entry ends the session
    editor.open_entry(unlocked.entries.get(other))
    editor.open_entry(unlocked.entries.get(entry_id))
    _type_and_save(qtbot, window, clock, " vuelta")
    _type_and_save(qtbot, window, clock, " y más")
    assert _revisions(unlocked, entry_id) == 3
    assert unlocked.entries.get(entry_id).content.title.endswith(" vuelta y más")
    window.prepare_to_close()


def test_a_long_pause_or_a_long_session_starts_a_new_revision(
    qtbot: QtBot, ctx: AppContext, unlocked: Vault
) -> None:
    clock = Clock()
    window = _window(qtbot, ctx, unlocked, clock)
    entry_id = unlocked.entries.list()[0].id
    window.editor.open_entry(unlocked.entries.get(entry_id))
    _type_and_save(qtbot, window, clock, " a")
    clock.advance(seconds=SESSION_IDLE.total_seconds() - 20)  # a pause, not long enough
    _type_and_save(qtbot, window, clock, " b")
    assert _revisions(unlocked, entry_id) == 2
    clock.advance(seconds=SESSION_IDLE.total_seconds() + 1)  # away for longer
    _type_and_save(qtbot, window, clock, " c")
    assert _revisions(unlocked, entry_id) == 3
    # Writing without pause for longer than SESSION_MAX: a revision at least per hour.
    for _ in range(int(SESSION_MAX.total_seconds() // 300) + 1):
        clock.advance(minutes=5)
        _type_and_save(qtbot, window, clock, ".")
    assert _revisions(unlocked, entry_id) == 4
    window.prepare_to_close()


def test_an_exported_revision_is_never_amended(
    qtbot: QtBot, ctx: AppContext, unlocked: Vault, tmp_path: Path
) -> None:
    clock = Clock()
    window = _window(qtbot, ctx, unlocked, clock)
    editor = window.editor
    entry_id = unlocked.entries.list()[0].id
    editor.open_entry(unlocked.entries.get(entry_id))
    _type_and_save(qtbot, window, clock, " antes")
    exported = unlocked.entries.get(entry_id).head
    # Mid-session, the entry leaves the device (a bundle to a file: her other computer
    # may import it) ...
    unlocked.exports.export(ExportRequest(recipients=(), entry_ids=(entry_id,)), tmp_path)
    _type_and_save(qtbot, window, clock, " después")
    _type_and_save(qtbot, window, clock, " y más")
    history = unlocked.entries.history(entry_id)
    # ... so the revision it carried stays as it was, and the edits after it are a new
    # revision on top of it (itself amended by the session's later saves).
    assert unlocked.entries.revision(entry_id, exported.id) == exported
    assert len(history) == 3 and history[-1].parent_ids == (exported.id,)
    assert history[-1].content.title.endswith(" antes después y más")
    window.prepare_to_close()


def test_a_new_entry_written_in_one_session_is_one_first_version(
    qtbot: QtBot, ctx: AppContext, unlocked: Vault
) -> None:
    clock = Clock()
    started = clock.now
    saver = AutoSaver(ctx.runner, unlocked, 60_000, clock=clock)
    journal = unlocked.journals.list()[0].id
    content = {"title": ""}
    saver.attach(journal, None, lambda: EntryContent(title=content["title"]))
    for word in ("Una", " clase", " de", " fracciones"):
        content["title"] += word
        saver.mark_dirty()
        clock.advance(seconds=30)
        saver.flush()
    assert ctx.runner.wait_for_writes(10_000)
    entry_id = saver.entry_id
    assert entry_id is not None
    (only,) = unlocked.entries.history(entry_id)
    assert only.content.title == "Una clase de fracciones" and only.parent_ids == ()
    assert only.started_at is not None
    assert abs((only.started_at - started).total_seconds()) < 1
    saver.detach()
