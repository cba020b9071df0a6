"""The main window's own writes go through the task runner's writer queue."""

from __future__ import annotations

import random
import resource
import shutil
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from reflectdesk.bundles import make_card
from reflectdesk.crypto.kdf import KdfParams
from reflectdesk.domain.model import EntryContent, ExportRequest, Role
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.contacts_page import ContactsPage
from reflectdesk.gui.import_dialog import ImportDialog
from reflectdesk.gui.main_window import MainWindow
from reflectdesk.services.vault import NewProfile, Vault
from tests.gui.conftest import PASSPHRASE, add_samples, create_vault
from tests.gui.helpers import written
from tests.gui.sharing import click_role, close_box


def test_a_new_journal_is_made_off_the_gui_thread_and_selected(
    qtbot: QtBot, ctx: AppContext
) -> None:
    vault, _key = create_vault(ctx)
    window = MainWindow(ctx, vault)
    qtbot.addWidget(window)
    window.show()
    threads: list[str] = []
    original = vault.journals.create

    def create(title: str, description: str = "", default_template: str = "") -> object:
        threads.append(threading.current_thread().name)
        return original(title, description, default_template)

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


# -- a large import never freezes the window (issue 12, point 5) ----------------------------
LARGE_IMPORT_ENTRIES = 2500
#: The GUI thread's longest wait: 50 ms is the target, measured on an idle machine by
#: benchmarks/bench_gui_import.py (docs/benchmarks.md). Here, on a loaded 2-core CI
#: machine, the scheduler alone holds the thread off for 100-250 ms, so the test checks
#: what our code decides: the save call returns at once, the user acts while the import
#: still holds the lock (a call that waited for it would return only after the import),
#: the GUI thread's own CPU time stays small in every gap, and no gap comes near the
#: length of the import.
#: "Own CPU time" is user time: the thread's kernel time in a gap is mostly the GIL
#: changing hands with the busy worker (perf on the GUI thread: finish_task_switch and
#: try_to_wake_up under pthread_cond_signal, ~30% of its samples while the contacts page
#: painted), which the worker's load decides, not the code the GUI thread runs.
SAVE_CALL_MS = 50
GUI_CPU_MS = 100
HEARTBEAT_GAP_MS = 500


@dataclass
class LargeImport:
    student_dir: Path
    bundle: Path
    mentor_card: Path  # a renewal of the mentor's card under a new name


@pytest.fixture(scope="session")
def large_import(tmp_path_factory: pytest.TempPathFactory) -> LargeImport:
    """A mentor sends a student a bundle of 2,500 entries; both made with the services."""
    root = tmp_path_factory.mktemp("large-import")
    light = KdfParams.insecure_for_tests()
    student, _ = Vault.create(
        root / "student", PASSPHRASE, NewProfile("Camila Pérez", Role.STUDENT, "es"), light
    )
    mentor, _ = Vault.create(
        root / "mentor", PASSPHRASE, NewProfile("Rosa Díaz", Role.MENTOR, "es"), light
    )
    add_samples(student)
    camila = mentor.contacts.import_card(student.identity.card()).contact
    student.contacts.import_card(mentor.identity.card())
    assert camila is not None
    journal = mentor.journals.create("Observaciones de Rosa")
    words = ("la", "clase", "trabajó", "en", "grupos", "con", "material", "y", "preguntas")
    rng = random.Random(12)
    for i in range(LARGE_IMPORT_ENTRIES):
        body = " ".join(rng.choice(words) for _ in range(250))
        mentor.entries.add(
            journal.id,
            EntryContent(title=f"Observación {i}", sections={"body": body}, template_id="free"),
        )
    bundle = mentor.exports.export(
        ExportRequest(recipients=(camila.id,), journal_id=journal.id), root
    ).path
    renamed = root / "rosa-renamed.rdcard"
    renamed.write_bytes(
        make_card(mentor.identity.key_pair(), name="Rosa Díaz Soto", role=Role.MENTOR)
    )
    student.close()
    mentor.close()
    return LargeImport(root / "student", bundle, renamed)


def _thread_cpu() -> tuple[float, float]:
    """This thread's user and system CPU seconds."""
    usage = resource.getrusage(resource.RUSAGE_THREAD)
    return usage.ru_utime, usage.ru_stime


class Heartbeat:
    """A 5 ms timer on the GUI thread: its longest gap is the longest the window froze.
    Each gap is logged with the GUI thread's user and system CPU time in it."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._beat)
        self.last = time.perf_counter()
        self.cpu = _thread_cpu()
        self.gaps: list[float] = []
        self.log: list[tuple[float, float, float, float]] = []

    def _beat(self) -> None:
        now = time.perf_counter()
        cpu = _thread_cpu()
        user, system = ((cpu[i] - self.cpu[i]) * 1000 for i in (0, 1))
        self.gaps.append((now - self.last) * 1000)
        self.log.append((now, (now - self.last) * 1000, user, system))
        self.last = now
        self.cpu = cpu

    def start(self) -> None:
        self.last = time.perf_counter()
        self.cpu = _thread_cpu()
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return max(self.gaps, default=0.0)


@pytest.mark.slow
def test_the_window_answers_while_a_large_import_holds_the_write_lock(
    qtbot: QtBot,
    ctx: AppContext,
    large_import: LargeImport,
    tmp_path: Path,
    request: pytest.FixtureRequest,
) -> None:
    """The user edits an entry and accepts a contact's new name while 2,500 entries are
    imported: both writes queue behind the import on the writer thread; the GUI thread
    never waits for the vault's write lock, which the import holds throughout."""
    # As the app does (gui/app.py): workers hand the GIL back to the GUI within 1 ms.
    switch = sys.getswitchinterval()
    sys.setswitchinterval(0.001)
    request.addfinalizer(lambda: sys.setswitchinterval(switch))
    vault_dir = tmp_path / "student"
    shutil.copytree(large_import.student_dir, vault_dir)
    vault = Vault.open(vault_dir)
    vault.unlock(PASSPHRASE)
    lock = vault._unlocked().write_lock
    window = MainWindow(ctx, vault)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    own = next(s for s in vault.entries.list() if s.title == "Observación de aula")

    def held_by_another_thread() -> bool:
        if lock.acquire(blocking=False):  # never waits: a probe
            lock.release()
            return False
        return True

    # The user looked at the contacts page before (it is built, laid out and painted
    # once), then went back to the journal.
    window.show_sharing("contacts")
    qtbot.wait(50)
    window.show_entries()
    # ... and read her entry earlier in the session, then another one: the editor has
    # built its template's fields once (a one-time cost of the first opening, measured
    # idle by benchmarks/bench_gui_list.py, not what an import may add to).
    other = next(s for s in vault.entries.list() if s.id != own.id)
    for entry_id in (own.id, other.id):
        window.select_entry(entry_id)
        window.open_entry(entry_id)
        qtbot.wait(50)
    beat = Heartbeat()
    window.open_bundle(large_import.bundle)
    dialog = window.dialogs["import"]
    assert isinstance(dialog, ImportDialog)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=60_000)
    beat.start()
    dialog.import_button.click()
    qtbot.waitUntil(held_by_another_thread, timeout=30_000)

    # The user edits an entry (the keys reach the editor as they would from the keyboard)
    # and leaves it: the save is queued, not waited for. Each step is one user input,
    # with the event loop running in between as it does between keystrokes.
    window.select_entry(own.id)
    window.open_entry(own.id)
    qtbot.wait(30)
    qtbot.keyClicks(window.editor.title, " (revisada)")
    qtbot.wait(30)
    t0 = time.perf_counter()
    window.editor.flush()
    save_ms = (time.perf_counter() - t0) * 1000
    qtbot.wait(30)
    # Rosa's renewed card, under a new name, is opened (File → Open, a double click):
    # the page previews it here and asks; accepting queues the write.
    t0 = time.perf_counter()
    window.open_file(large_import.mentor_card)
    preview_ms = (time.perf_counter() - t0) * 1000
    qtbot.wait(30)
    page = window.page("contacts")
    assert isinstance(page, ContactsPage)
    qtbot.waitUntil(lambda: page.last_box is not None)  # the card is checked next turn
    box = page.last_box
    assert box is not None and box.objectName() == "renameWarning"
    t0 = time.perf_counter()
    click_role(box, QMessageBox.ButtonRole.AcceptRole)
    rename_ms = (time.perf_counter() - t0) * 1000
    qtbot.wait(30)
    still_importing = held_by_another_thread()

    qtbot.waitUntil(lambda: dialog.result_ is not None, timeout=120_000)
    t_done = time.perf_counter()
    written(qtbot, page)
    qtbot.waitUntil(lambda: not window.editor.saver.pending, timeout=30_000)
    longest_gap = beat.stop()
    worst = ", ".join(
        f"{gap:.0f} ms (GUI CPU {user:.0f} ms user, {system:.0f} ms system) "
        f"at {1000 * (at - t_done):+.0f} ms from the end"
        for at, gap, user, system in sorted(beat.log, key=lambda b: -max(b[1], 3 * b[2]))[:3]
    )
    assert still_importing, "the import ended before the user acted: make it larger"
    assert len(dialog.result_.entries_new) == LARGE_IMPORT_ENTRIES
    assert vault.entries.get(own.id).content.title == "Observación de aula (revisada)"
    assert [c.name for c in vault.contacts.list()] == ["Rosa Díaz Soto"]
    assert save_ms < SAVE_CALL_MS, f"saving took {save_ms:.0f} ms on the GUI thread"
    assert rename_ms < SAVE_CALL_MS, f"accepting took {rename_ms:.0f} ms on the GUI thread"
    # Showing the page and previewing the card (reads: the key pair, the contacts).
    assert preview_ms < HEARTBEAT_GAP_MS, f"the preview took {preview_ms:.0f} ms"
    assert longest_gap < HEARTBEAT_GAP_MS, f"the window froze: {worst}"
    assert max(user for _at, _gap, user, _system in beat.log) < GUI_CPU_MS, worst
    close_box(page.last_box)
    dialog.accept()
    window.close()
    ctx.runner.wait(30_000)
    vault.close()
