"""Autosave: a short pause after typing, leaving a field, switching entries, locking.

Each save is a job on the runner's writer queue, so saves are ordered and a lock or
quit queued after a save happens after it. The first save of a new entry creates it;
the id is kept in :class:`EntryRef`, which only the writer thread sets, so a second
save queued before the first finished still edits the same entry.

Saves are coalesced into one revision per **editing session** (docs/history.md): the
session's first save writes a revision, each later one amends it. A session ends when
the editor leaves the entry (another entry, lock, quit: :meth:`AutoSaver.attach` and
:meth:`AutoSaver.detach` start afresh), after :data:`SESSION_IDLE` without a save, after
:data:`SESSION_MAX`, or when its revision has left the device (the vault then writes a
new revision, which starts the next session).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from reflectdesk.domain.model import Entry, EntryContent
from reflectdesk.gui.tasks import TaskRunner
from reflectdesk.progress import CancelToken, ProgressSink

if TYPE_CHECKING:
    from reflectdesk.services.vault import Vault


AUTOSAVE_DELAY_MS = 1500
SESSION_IDLE = timedelta(minutes=10)  # a longer pause between saves starts a new revision
SESSION_MAX = timedelta(minutes=60)  # a revision at least every hour of writing

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


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
    # The editing session (set by the writer thread): the revision it wrote (the next
    # save amends it), when it began and when it last saved.
    session: str | None = None
    session_start: datetime | None = None
    last_save: datetime | None = None

    def amendable(self, now: datetime) -> str | None:
        """The session's revision, if the session is still open at ``now``."""
        if self.session is None or self.session_start is None or self.last_save is None:
            return None
        if now - self.last_save > SESSION_IDLE or now - self.session_start > SESSION_MAX:
            return None
        return self.session


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
        clock: Clock = utc_now,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._vault = vault
        self._clock = clock
        self._dirty_since: datetime | None = None  # the first change not saved yet
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
        self._dirty_since = None
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
        if self._dirty_since is None:
            self._dirty_since = self._clock()
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
        now = self._clock()
        since = min(self._dirty_since or now, now)
        self._dirty_since = None

        def job(progress: ProgressSink, cancel: CancelToken) -> Entry:
            before, amend = ref.base, ref.amendable(now)
            if ref.entry_id is None:
                entry = vault.entries.add(ref.journal_id, content, started=since)
                written: str = entry.head.id
            elif ref.base is None:
                entry = vault.entries.edit(ref.entry_id, content)
                written, amend = entry.head.id, None
            else:
                entry, written = vault.entries.edit_from(
                    ref.entry_id, content, ref.base, amend=amend, started=since
                )
            ref.entry_id, ref.base = entry.id, written
            if written == before:
                return entry  # nothing changed: the session stays as it was
            if written != entry.head.id or entry.head.started_at is None:
                # Merged with an import (or not a session's revision): the next save
                # starts a new revision.
                ref.session = ref.session_start = ref.last_save = None
            elif amend is not None and amend not in entry.head.parent_ids:
                ref.session, ref.last_save = written, now  # amended: the session goes on
            else:  # a new revision: a new session
                ref.session, ref.session_start, ref.last_save = written, since, now
            return entry

        self._in_flight += 1
        self._set_state(SaveState.SAVING)
        self._runner.submit(
            job,
            on_result=lambda entry: self._done(ref, entry),
            on_error=lambda exc: self._failed(ref, exc, since),
            writer=True,
            name="write:save-entry",
            owner=self,
        )

    def _done(self, ref: EntryRef, entry: Entry) -> None:
        self._in_flight -= 1
        if ref is self._ref and not self._dirty and self._in_flight == 0:
            self._set_state(SaveState.SAVED)
        self.saved.emit(entry)

    def _failed(self, ref: EntryRef, exc: BaseException, since: datetime) -> None:
        self._in_flight -= 1
        if ref is self._ref:
            self._dirty = True  # the next change or flush tries again
            self._dirty_since = min(since, self._dirty_since or since)
            self._set_state(SaveState.FAILED)
        self.failed.emit(exc)

    def _set_state(self, state: SaveState) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state.value)
