"""Replace spans of a text and carry code-point offsets from the old text to the new one.

Used twice: pseudonymisation (a name becomes "Estudiante A") and the export's newline
normalisation (CR LF becomes LF). A position outside every replaced span moves by the
length change of the spans before it; a range that starts or ends inside a replaced span
grows to cover the whole replacement, so a coded passage keeps the words it was on.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``old[start:end]`` with ``text`` (code points, end exclusive)."""

    start: int
    end: int
    text: str


class OffsetMap:
    """Maps offsets of the old text to the new one; built by :func:`apply_edits`."""

    __slots__ = ("_new_ends", "_new_starts", "_old_ends", "_old_starts")

    def __init__(self, edits: Sequence[Edit]) -> None:
        self._old_starts: list[int] = []
        self._old_ends: list[int] = []
        self._new_starts: list[int] = []
        self._new_ends: list[int] = []
        delta = 0
        for edit in edits:
            self._old_starts.append(edit.start)
            self._old_ends.append(edit.end)
            self._new_starts.append(edit.start + delta)
            delta += len(edit.text) - (edit.end - edit.start)
            self._new_ends.append(edit.end + delta)

    def _locate(self, pos: int) -> tuple[int, bool]:
        # The last edit starting at or before pos, and whether pos is strictly inside it.
        i = bisect.bisect_right(self._old_starts, pos) - 1
        return i, i >= 0 and self._old_starts[i] < pos < self._old_ends[i]

    def _shift(self, pos: int) -> int:
        i = bisect.bisect_right(self._old_ends, pos) - 1  # last edit ending at or before pos
        return pos if i < 0 else self._new_ends[i] + (pos - self._old_ends[i])

    def start(self, pos: int) -> int:
        """Where a range starting at ``pos`` starts in the new text."""
        i, inside = self._locate(pos)
        return self._new_starts[i] if inside else self._shift(pos)

    def end(self, pos: int) -> int:
        """Where a range ending at ``pos`` ends in the new text."""
        i, inside = self._locate(pos)
        return self._new_ends[i] if inside else self._shift(pos)

    def range(self, start: int, end: int) -> tuple[int, int]:
        return self.start(start), self.end(end)


def apply_edits(text: str, edits: Sequence[Edit]) -> tuple[str, OffsetMap]:
    """The new text and the offset map; ``edits`` sorted by start and not overlapping.

    Raises ``ValueError`` for an edit outside the text, a reversed one or an overlap."""
    pieces: list[str] = []
    pos = 0
    for edit in edits:
        if not pos <= edit.start <= edit.end <= len(text):
            raise ValueError("edits overlap, are unsorted or fall outside the text")
        pieces.append(text[pos : edit.start])
        pieces.append(edit.text)
        pos = edit.end
    pieces.append(text[pos:])
    return "".join(pieces), OffsetMap(edits)


def newline_edits(text: str) -> list[Edit]:
    """Edits that make ``text`` exchange-safe: no leading BOM, CR LF and CR become LF."""
    edits: list[Edit] = []
    leading = len(text) - len(text.lstrip("\ufeff"))  # a second one would be a BOM again
    if leading:
        edits.append(Edit(0, leading, ""))
    if "\r" in text:
        i = text.find("\r")
        while i >= 0:
            if text.startswith("\r\n", i):
                edits.append(Edit(i, i + 2, "\n"))
            else:
                edits.append(Edit(i, i + 1, "\n"))
            i = text.find("\r", i + 1)
    return edits
