"""Where a comment sits in a section's text, and where it sits after the text changed.

Offsets count **Unicode code points** (Python ``str`` indices), in files and in the
core. Qt's text widgets count UTF-16 code units; the GUI converts at its boundary with
:func:`to_utf16` / :func:`from_utf16` (an emoji before the passage is one code point but
two UTF-16 units).

A comment keeps the quoted text and a little context on each side. On a later revision
:func:`locate` finds the quote again: at the same place when it is still there, else the
occurrence whose context matches best (nearest the old place on a tie). When the quote
is gone the comment is shown "on an earlier version" with its quote; it is never lost.
"""

from __future__ import annotations

from dataclasses import dataclass

CONTEXT_CHARS = 32
MAX_QUOTE_CHARS = 2_000


@dataclass(frozen=True, slots=True)
class Anchor:
    section: str
    quote: str
    start: int  # code points
    end: int
    prefix: str = ""  # up to CONTEXT_CHARS before the quote
    suffix: str = ""  # up to CONTEXT_CHARS after it


def make_anchor(section: str, text: str, start: int, end: int) -> Anchor:
    """The anchor of ``text[start:end]``; raises ``ValueError`` for an empty or bad range."""
    if not 0 <= start < end <= len(text):
        raise ValueError("range outside the text")
    if end - start > MAX_QUOTE_CHARS:
        raise ValueError("quote too long")
    return Anchor(
        section=section,
        quote=text[start:end],
        start=start,
        end=end,
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
    )


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def locate(anchor: Anchor, text: str) -> tuple[int, int] | None:
    """Where ``anchor`` sits in ``text`` (code points), or ``None`` when its quote is gone."""
    quote = anchor.quote
    if not quote:
        return None
    if text[anchor.start : anchor.end] == quote:
        return anchor.start, anchor.end
    best: tuple[int, int, int] | None = None  # (-context score, distance, start)
    at = text.find(quote)
    while at != -1:
        before = text[max(0, at - CONTEXT_CHARS) : at]
        after = text[at + len(quote) : at + len(quote) + CONTEXT_CHARS]
        score = _common_suffix(before, anchor.prefix) + _common_prefix(after, anchor.suffix)
        key = (-score, abs(at - anchor.start), at)
        if best is None or key < best:
            best = key
        at = text.find(quote, at + 1)
    if best is None:
        return None
    return best[2], best[2] + len(quote)


def to_utf16(text: str, offset: int) -> int:
    """A code-point offset as Qt counts it (UTF-16 code units)."""
    # The codec counts in C: the reading view converts every quote of every thread.
    return len(text[:offset].encode("utf-16-le", "surrogatepass")) // 2


def from_utf16(text: str, offset: int) -> int:
    """A Qt (UTF-16) offset as a code-point offset; one inside a surrogate pair rounds down."""
    units = 0
    for index, ch in enumerate(text):
        width = 2 if ord(ch) > 0xFFFF else 1
        if units + width > offset:
            return index
        units += width
    return len(text)
