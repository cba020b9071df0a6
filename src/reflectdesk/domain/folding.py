"""Text folded for matching what a person types: case and accents ignored.

"bitacora" finds "Bitácora", "schon" finds "Schön", "GIBBS" finds "Gibbs". One rule for
every filter box (templates, standards, the passphrase checker's word lists), so they
agree with each other and with the search index's ``remove_diacritics 2``.
"""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Casefolded, decomposed, combining marks dropped (ñ → n, ü → u, ß → ss)."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def matches(needle: str, *haystacks: str) -> bool:
    """Whether every word of ``needle`` is in one of ``haystacks``, folded."""
    words = fold(needle).split()
    folded = " ".join(fold(h) for h in haystacks)
    return all(w in folded for w in words)
