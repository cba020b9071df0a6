"""Journal titles that travel: what a sender's title becomes on the receiver's side,
and when two titles are "the same course" for the cohort dashboard's filter.

A student's journal title ("Práctica Profesional II — Sección 2") is typed by her and
read by her tutor next to other students' titles, so before it is stored or shown:

* :func:`clean_title`: NFC (a title typed with a decomposed "á" is the same text as
  one typed with the composed letter); control characters and line or paragraph
  separators become spaces; format characters (bidi embeddings, overrides and
  isolates, zero-width characters, the BOM …) and the other invisible code points that
  :mod:`reflectdesk.domain.names` refuses in a person's name are dropped (they reorder
  or hide what is drawn: "‮IIlanoiseforP" must not pass for another course);
  white space collapsed; at most :data:`MAX_TITLE` characters.
* :func:`title_key`: :func:`~reflectdesk.domain.folding.fold` (case and accents
  ignored) of the clean title, so "Práctica II" and "PRACTICA II" are one course in
  the filter.
"""

from __future__ import annotations

import re
import unicodedata

from reflectdesk.domain.folding import fold
from reflectdesk.domain.names import _IGNORABLE_RANGES, _is_refused

MAX_TITLE = 300  # as a journal's own title (services/journals.py)

_AS_SPACE = frozenset({"Cc", "Zl", "Zp"})
# The invisible code points :mod:`reflectdesk.domain.names` refuses that str.isprintable
# lets through (combining grapheme joiner, fillers, variation selectors, blank braille).
_PRINTABLE_INVISIBLE = re.compile(
    "[" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in _IGNORABLE_RANGES) + "]"
)


def clean_title(text: str) -> str:
    """``text`` as a title to store and show: one line, nothing invisible, bounded."""
    text = unicodedata.normalize("NFC", text)
    # Printable text (no category C, Zl, Zp; spaces other than U+0020 included) without
    # the few printable invisible code points is already clean but for its spacing.
    if text.isprintable() and not _PRINTABLE_INVISIBLE.search(text):
        return " ".join(text.split())[:MAX_TITLE].rstrip()
    out = []
    for ch in text:
        if unicodedata.category(ch) in _AS_SPACE:
            out.append(" ")
        elif not _is_refused(ch):
            out.append(ch)
    text = unicodedata.normalize("NFC", " ".join("".join(out).split()))
    return text[:MAX_TITLE].rstrip()


def title_key(text: str) -> str:
    """What two titles share when they name the same course: case and accents folded
    (of a title as stored, so already clean: :func:`clean_title`)."""
    return " ".join(fold(text).split())
