"""Autosave: a short pause after typing, leaving a field, switching entries, locking.

Each save is a job on the runner's writer queue, so saves are ordered and a lock or
quit queued after a save happens after it. The first save of a new entry creates it;
the id is kept in :class:`EntryRef`, which only the writer thread sets, so a second
save queued before the first finished still edits the same entry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from reflectdesk.domain.model import Entry, EntryContent
from reflectdesk.gui.tasks import TaskRunner
from reflectdesk.progress import CancelToken, ProgressSink

if TYPE_CHECKING:
    from reflectdesk.services.vault import Vault


AUTOSAVE_DELAY_MS = 1500


class SaveState(StrEnum):
    CLEAN = "clean"  # nothing typed since opening
    DIRTY = "dirty"  # changes waiting for the pause
    SAVING = "saving"
    SAVED = "saved"
    FAILED = "failed"


@dataclass
class EntryRef:
    journal_id: str
    entry_id: str | None = None
    # The revision the editor's text derives from (set by the writer thread after each
    # save): an import that moved the head meanwhile is merged, not written over.
    base: str | None = None


class AutoSaver(QObject):
    state_changed = Signal(str)
    saved = Signal(object)  # Entry
    failed = Signal(object)  # exception

    def __init__(
        self,
        runner: TaskRunner,
        vault: Vault,
        delay_ms: int = AUTOSAVE_DELAY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._vault = vault
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.flush)
        self._ref: EntryRef | None = None
        self._snapshot: Callable[[], EntryContent] | None = None
        self._dirty = False
        self._in_flight = 0
        self.state = SaveState.CLEAN

    @property
    def entry_id(self) -> str | None:
        return self._ref.entry_id if self._ref is not None else None

    @property
    def base_revision_id(self) -> str | None:
        return self._ref.base if self._ref is not None else None

    @property
    def pending(self) -> bool:
        return self._dirty or self._in_flight > 0

    def attach(
        self,
        journal_id: str,
        entry_id: str | None,
        snapshot: Callable[[], EntryContent],
        base: str | None = None,
    ) -> EntryRef:
        """Follow another entry (the previous one is flushed first); ``base``: the
        revision shown (docs/merge.md: an import under the editor is merged)."""
        self.flush()
        self._ref = EntryRef(journal_id, entry_id, base)
        self._snapshot = snapshot
        self._dirty = False
        self._set_state(SaveState.CLEAN if entry_id is None else SaveState.SAVED)
        return self._ref

    def detach(self) -> None:
        self.flush()
        self._ref = None
        self._snapshot = None
        self._set_state(SaveState.CLEAN)

    def mark_dirty(self) -> None:
        if self._ref is None:
            return
        self._dirty = True
        self._set_state(SaveState.DIRTY)
        self._timer.start()

    def flush(self) -> None:
        """Save now if anything changed (focus left, entry switched, lock, close)."""
        self._timer.stop()
        if not self._dirty or self._ref is None or self._snapshot is None:
            return
        self._dirty = False
        content = self._snapshot()
        ref = self._ref
        vault = self._vault

        def job(progress: ProgressSink, cancel: CancelToken) -> Entry:
            if ref.entry_id is None:
                entry = vault.entries.add(ref.journal_id, content)
                ref.entry_id, ref.base = entry.id, entry.head.id
                return entry
            if ref.base is None:
                entry = vault.entries.edit(ref.entry_id, content)
                ref.base = entry.head.id
                return entry
            entry, ref.base = vault.entries.edit_from(ref.entry_id, content, ref.base)
            return entry

        self._in_flight += 1
        self._set_state(SaveState.SAVING)
        self._runner.submit(
            job,
            on_result=lambda entry: self._done(ref, entry),
            on_error=lambda exc: self._failed(ref, exc),
            writer=True,
            name="write:save-entry",
            owner=self,
        )

    def _done(self, ref: EntryRef, entry: Entry) -> None:
        self._in_flight -= 1
        if ref is self._ref and not self._dirty and self._in_flight == 0:
            self._set_state(SaveState.SAVED)
        self.saved.emit(entry)

    def _failed(self, ref: EntryRef, exc: BaseException) -> None:
        self._in_flight -= 1
        if ref is self._ref:
            self._dirty = True  # the next change or flush tries again
            self._set_state(SaveState.FAILED)
        self.failed.emit(exc)

    def _set_state(self, state: SaveState) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state.value)
