"""What the reader last read: per entry, the revision she had in front of her when she
last opened it, so the reading view can say "new", "updated since you last read" or
nothing, and show what changed since.

Kept in the vault's sealed documents (``storage/documents.py``, kind ``read-mark``: the
entry id and the revision are inside the sealed blob, nothing in clear but the kind).
A mark is written only when it moves, and read once per unlock into memory (this vault
is the only writer of its marks)."""

from __future__ import annotations

import json
import weakref
from dataclasses import dataclass
from enum import StrEnum

from reflectdesk.services.review_rules import ReviewRules
from reflectdesk.services.unlocked_state import UnlockedState

READ_MARK_DOCUMENT = "read-mark"


class ReadState(StrEnum):
    NEW = "new"  # never opened
    UPDATED = "updated"  # opened, and a newer version arrived since
    READ = "read"  # the current version was read


@dataclass(frozen=True, slots=True)
class ReadMark:
    entry_id: str
    revision_id: str  # this vault's id of the revision last read
    seq: int


class ReviewReadMarks(ReviewRules):
    """``mark_read`` when an entry is shown; ``read_state`` / ``read_mark`` for the view."""

    _marks_cache: tuple[weakref.ref[UnlockedState], dict[str, ReadMark]] | None = None

    def _marks(self, st: UnlockedState) -> dict[str, ReadMark]:
        cached = self._marks_cache
        if cached is not None and cached[0]() is st:
            return cached[1]
        marks: dict[str, ReadMark] = {}
        for payload in st.documents.payloads(READ_MARK_DOCUMENT):  # oldest first
            doc = json.loads(payload)
            mark = ReadMark(str(doc["entry"]), str(doc["revision"]), int(doc["seq"]))
            marks[mark.entry_id] = mark
        self._marks_cache = (weakref.ref(st), marks)
        return marks

    def read_mark(self, entry_id: str) -> ReadMark | None:
        """The revision of ``entry_id`` you last read, or None (never opened)."""
        return self._marks(self._state()).get(entry_id)

    def read_state(self, entry_id: str, head_seq: int = 0) -> ReadState:
        """New, updated since you last read, or read. Read means the revision you last
        read *is* the current head: numbers do not say it (a bundle with the head only
        leaves fewer versions held than the head's number; concurrent versions share
        one). ``head_seq`` (an entry summary's ``revision_count``) is no longer used."""
        del head_seq
        st = self._state()
        mark = self._marks(st).get(entry_id)
        if mark is None:
            return ReadState.NEW
        head = st.entries.head_id(entry_id)
        return ReadState.READ if mark.revision_id == head else ReadState.UPDATED

    def mark_read(self, entry_id: str) -> ReadMark:
        """The entry's current version is read; written only when the mark moves (a
        write: the GUI runs it on the writer queue)."""
        st = self._state()
        with st.write_lock:
            head = st.entries.get(entry_id).head
            marks = self._marks(st)
            known = marks.get(entry_id)
            if known is not None and known.revision_id == head.id:
                return known
            mark = ReadMark(entry_id, head.id, head.seq)
            payload = json.dumps(
                {"entry": entry_id, "revision": head.id, "seq": head.seq}, sort_keys=True
            ).encode()
            st.documents.put(READ_MARK_DOCUMENT, "mark", payload)
            marks[entry_id] = mark
            return mark
