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

import unicodedata

from reflectdesk.domain.folding import fold
from reflectdesk.domain.names import _is_refused

MAX_TITLE = 300  # as a journal's own title (services/journals.py)

_AS_SPACE = frozenset({"Cc", "Zl", "Zp"})


def clean_title(text: str) -> str:
    """``text`` as a title to store and show: one line, nothing invisible, bounded."""
    text = unicodedata.normalize("NFC", text)
    out = []
    for ch in text:
        if unicodedata.category(ch) in _AS_SPACE:
            out.append(" ")
        elif not _is_refused(ch):
            out.append(ch)
    text = unicodedata.normalize("NFC", " ".join("".join(out).split()))
    return text[:MAX_TITLE].rstrip()


def title_key(text: str) -> str:
    """What two titles share when they name the same course: case and accents folded."""
    return " ".join(fold(clean_title(text)).split())
