"""Find names, RUTs, e-mail addresses and phone numbers in texts and propose pseudonyms.

The researcher reviews every :class:`Replacement` (accept or skip) before :func:`apply`
produces the pseudonymised text; coded passages move with :class:`~.offsets.OffsetMap`.

Matching rules (docs/research.md):

- **Names** from the project's :class:`PseudonymMap` match case- and accent-insensitively
  ("José" = "jose" = "JOSÉ"; compatibility forms fold too, NFKC), on word boundaries,
  with any run of white space between the words of a name. Where several names start at
  one place the longest wins ("Ana María" before "Ana"). A form that belongs to two
  people (two students called "María") is proposed as ``[nombre]``, kind ``ambiguous``:
  the researcher decides.
- **RUT**: ``12.345.678-5``, ``12345678-5``, ``123456785``, ``K`` or ``k`` check digit,
  proposed only when the check digit is right (modulo 11).
- **E-mail**: ``local@domain.tld``.
- **Chilean phone numbers**: ``+56 9 1234 5678`` and its variants (``+56912345678``,
  ``(+56) 9-1234-5678``, ``56 2 2345 6789``), and mobiles without the country code
  (``9 1234 5678``, ``09 1234 5678``).
- Overlapping candidates: the longest wins; replacements never overlap.

One compiled regular expression per kind of thing: the names as a trie (so 500 names
cost about what one costs), scanned over a length-preserving folded copy of the text.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from reflectdesk.errors import PseudonymisationOverlap, PseudonymisationStale
from reflectdesk.progress import (
    NEVER_CANCELLED,
    CancelToken,
    Progress,
    ProgressSink,
    ignore_progress,
)
from reflectdesk.research.model import CodedSelection
from reflectdesk.research.offsets import Edit, OffsetMap, apply_edits

# Kinds of map entries (people and places) and of patterns.
STUDENT = "student"
PUPIL = "pupil"
SCHOOL = "school"
COMMUNE = "commune"
COLLEAGUE = "colleague"
MENTOR = "mentor"
TUTOR = "tutor"
OTHER = "other"
RUT = "rut"
EMAIL = "email"
PHONE = "phone"
AMBIGUOUS = "ambiguous"
NAME_KINDS = (STUDENT, PUPIL, SCHOOL, COMMUNE, COLLEAGUE, MENTOR, TUTOR, OTHER)

# Pseudonyms are research data in the project's language, not interface text.
# (label, numbering): "letter" gives A, B, … Z, AA, AB…; "number" gives 1, 2, 3…
_LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "es": {
        STUDENT: ("Estudiante", "letter"),
        PUPIL: ("Alumno/a", "number"),
        SCHOOL: ("Escuela", "number"),
        COMMUNE: ("Comuna", "number"),
        COLLEAGUE: ("Colega", "letter"),
        MENTOR: ("Mentor/a", "letter"),
        TUTOR: ("Supervisor/a", "letter"),
        OTHER: ("Persona", "number"),
    },
    "en": {
        STUDENT: ("Student", "letter"),
        PUPIL: ("Pupil", "number"),
        SCHOOL: ("School", "number"),
        COMMUNE: ("Commune", "number"),
        COLLEAGUE: ("Colleague", "letter"),
        MENTOR: ("Mentor", "letter"),
        TUTOR: ("Tutor", "letter"),
        OTHER: ("Person", "number"),
    },
}
_PLACEHOLDERS: dict[str, dict[str, str]] = {
    "es": {RUT: "[RUT]", EMAIL: "[correo]", PHONE: "[teléfono]", AMBIGUOUS: "[nombre]"},
    "en": {RUT: "[ID number]", EMAIL: "[e-mail]", PHONE: "[phone]", AMBIGUOUS: "[name]"},
}
# At one start and one length, which kind is proposed (a bare 9-digit number can be both).
_PRIORITY = {RUT: 0, EMAIL: 1, PHONE: 2}


def _letters(n: int) -> str:
    out = ""
    while n > 0:
        n, rem = divmod(n - 1, 26)
        out = chr(ord("A") + rem) + out
    return out


def pseudonym_label(kind: str, n: int, language: str = "es") -> str:
    """The ``n``-th pseudonym (from 1) of ``kind``: "Estudiante A", "Escuela 1"."""
    label, numbering = _LABELS.get(language, _LABELS["es"])[kind]
    return f"{label} {_letters(n) if numbering == 'letter' else n}"


@dataclass(frozen=True, slots=True)
class Person:
    """A person or place of the map: every form it is written in, and its pseudonym."""

    id: str  # our id: a contact, a profile, or a term the researcher added
    kind: str
    names: tuple[str, ...]  # "José Pérez", "José", "Pepe"… as written
    pseudonym: str


@dataclass(frozen=True, slots=True)
class PseudonymMap:
    """The project's map. It links pseudonyms to people: kept encrypted, never exported."""

    people: tuple[Person, ...] = ()
    language: str = "es"

    def get(self, person_id: str) -> Person | None:
        return next((p for p in self.people if p.id == person_id), None)

    def add(self, person_id: str, kind: str, names: Iterable[str]) -> PseudonymMap:
        """Add a person (next free pseudonym of its kind) or more forms of a known one.

        A known person keeps its pseudonym: the same person has the same pseudonym across
        the project, whatever order entries arrive in."""
        forms = tuple(n.strip() for n in names if n.strip())
        known = self.get(person_id)
        if known is not None:
            merged = known.names + tuple(f for f in forms if f not in known.names)
            people = tuple(
                replace(p, names=merged) if p.id == person_id else p for p in self.people
            )
            return replace(self, people=people)
        if kind not in NAME_KINDS:
            raise ValueError(f"unknown kind {kind}")
        used = {p.pseudonym for p in self.people}
        n = 1
        while pseudonym_label(kind, n, self.language) in used:
            n += 1
        person = Person(person_id, kind, forms, pseudonym_label(kind, n, self.language))
        return replace(self, people=(*self.people, person))

    def to_json(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "people": [
                {"id": p.id, "kind": p.kind, "names": list(p.names), "pseudonym": p.pseudonym}
                for p in self.people
            ],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> PseudonymMap:
        return cls(
            people=tuple(
                Person(
                    str(p["id"]), str(p["kind"]), tuple(map(str, p["names"])), str(p["pseudonym"])
                )
                for p in data["people"]
            ),
            language=str(data.get("language", "es")),
        )


PLACE_KINDS = (SCHOOL, COMMUNE)
# Words of a person's name never looked for alone: particles and articles ("María de los
# Ángeles", "van der Berg"); "los" alone would turn every "los" of a text into a pseudonym.
NAME_PARTICLES = frozenset(
    {"del", "las", "los", "san", "santa", "santo", "dos", "das", "des", "der", "den", "van"}
    | {"von", "the", "and"}
)


def name_forms(full_name: str, kind: str = STUDENT) -> tuple[str, ...]:
    """A full name and its parts worth finding alone: "José Pérez" → itself, "José", "Pérez".

    A place (a school, a commune) is found only whole: "Escuela Los Aromos" is not
    "Escuela", "Los" and "Aromos". Of a person's name, parts shorter than three letters
    ("de", "la") and particles ("del", "los") are left out."""
    whole = " ".join(full_name.split())
    if not whole:
        return ()
    if kind in PLACE_KINDS:
        return (whole,)
    parts = [p for p in whole.split() if len(p) >= 3 and fold(p) not in NAME_PARTICLES]
    return tuple(dict.fromkeys([whole, *parts]))


@dataclass(frozen=True, slots=True)
class Replacement:
    """A proposal: replace ``original`` at ``[start, end)`` of ``source`` (code points)."""

    source: str
    start: int
    end: int
    original: str
    replacement: str
    kind: str
    person: str | None = None  # Person.id, for names


# --- folding: case, accents and compatibility forms, one code point for one --------------
_IRREGULAR = "\uffff"  # marks a code point whose fold is not exactly one code point


def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class _FoldTable(dict[str, str]):
    # Each non-ASCII character is folded once per process.
    def __missing__(self, char: str) -> str:
        folded = _fold_char(char)
        value = folded if len(folded) == 1 else _IRREGULAR
        self[char] = value
        return value


_TABLE = _FoldTable()
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _fold_non_ascii(match: re.Match[str]) -> str:
    return _TABLE[match.group()]


@dataclass(frozen=True, slots=True)
class _Folded:
    text: str
    index: list[int] | None  # folded position → original position; None: the same


def fold(text: str) -> str:
    """The folded form of ``text`` (lower case, no accents, NFKC-compatible)."""
    return _fold_text(text).text


def _fold_text(text: str) -> _Folded:
    # ASCII is folded by lower(); the few other characters one by one (both in C).
    folded = _NON_ASCII.sub(_fold_non_ascii, text).lower() if not text.isascii() else text.lower()
    if _IRREGULAR not in folded:
        return _Folded(folded, None)
    # Rare: decomposed accents (macOS input), ß, ligatures. Keep a position map.
    pieces: list[str] = []
    index: list[int] = []
    for i, char in enumerate(text):
        piece = _fold_char(char).lower() if ord(char) > 0x7F else char.lower()
        pieces.append(piece)
        index.extend([i] * len(piece))
    index.append(len(text))
    return _Folded("".join(pieces), index)


def _key(name: str) -> str:
    # Keys are folded exactly as texts are, so a key always matches its own form.
    folded = _fold_text(name).text
    return " ".join(folded.split())


def _trie_pattern(keys: Iterable[str]) -> str:
    trie: dict[str, Any] = {}
    for key in keys:
        node = trie
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict[str, Any]) -> str:
        branches = [
            (r"\s+" if char == " " else re.escape(char)) + render(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a name may end here: try the longer one first (greedy)
            return f"(?:{body})?"
        return body

    return render(trie)


# --- patterns ----------------------------------------------------------------------------
_RUT = re.compile(r"([0-9]{1,2}(?:\.[0-9]{3}){2}|[0-9]{7,8})(?:-|‐)?([0-9kK])(?![\w\-])")
_SEP = r"[ .\-]?"
_MOBILE = _SEP + r"[0-9]{4}" + _SEP + r"[0-9]{4}"
_WITH_CODE = r"[ .\-]*[2-9](?:" + _SEP + r"[0-9]){8}"  # after +56: nine digits
# Each alternative starts with a literal, so the regex engine skips ahead to candidates.
_PHONE = re.compile(
    r"\(\+?56\)"
    + _WITH_CODE
    + r"|\+56"
    + _WITH_CODE
    + r"|56"
    + _WITH_CODE
    + r"|\(0?9\)"
    + _MOBILE
    + r"|09"
    + _MOBILE
    + r"|9"
    + _MOBILE
)
_PHONE_END = re.compile(r"\w")
_EMAIL_LOCAL = re.compile(r"[\w.+\-]{1,64}$")
_EMAIL_DOMAIN = re.compile(r"[\w\-]+(?:\.[\w\-]+)+")


def _boundary_before(text: str, start: int, also: str) -> bool:
    if start == 0:
        return True
    before = text[start - 1]
    return not (before.isalnum() or before == "_" or before in also)


def _scan(pattern: re.Pattern[str], text: str, also: str) -> Iterable[re.Match[str]]:
    # Leftmost matches that start on a boundary; a match starting inside a word is
    # retried one character later (a lookbehind would cost a check at every position).
    pos = 0
    while (match := pattern.search(text, pos)) is not None:
        if _boundary_before(text, match.start(), also):
            yield match
            pos = match.end()
        else:
            pos = match.start() + 1


def _emails(text: str) -> Iterable[tuple[int, int]]:
    at = text.find("@")
    while at >= 0:
        local = _EMAIL_LOCAL.search(text, max(0, at - 64), at)
        domain = _EMAIL_DOMAIN.match(text, at + 1)
        if local is not None and domain is not None:
            start, end = local.start(), domain.end()
            if _boundary_before(text, start, ".+-") and (
                end == len(text) or not (text[end].isalnum() or text[end] in "_-")
            ):
                yield start, end
        at = text.find("@", at + 1)


def rut_check_digit(body: str) -> str:
    """The check digit of a RUT body (digits only): "0"-"9" or "K" (modulo 11)."""
    total = 0
    for i, digit in enumerate(reversed(body)):
        total += int(digit) * (2 + i % 6)
    value = 11 - total % 11
    return {11: "0", 10: "K"}.get(value, str(value))


def is_valid_rut(text: str) -> bool:
    """True for a well-formed RUT with the right check digit, dots and hyphen optional."""
    match = _RUT.fullmatch(text.strip())
    if match is None:
        return False
    return rut_check_digit(match.group(1).replace(".", "")) == match.group(2).upper()


class Matcher:
    """The compiled map and patterns; reuse it for every text of a project."""

    def __init__(self, pmap: PseudonymMap) -> None:
        self.language = pmap.language if pmap.language in _PLACEHOLDERS else "es"
        owners: dict[str, set[str]] = {}
        self._people = {p.id: p for p in pmap.people}
        for person in pmap.people:
            for name in person.names:
                key = _key(name)
                # A particle alone ("los", left by maps made before name_forms dropped
                # them) never names anyone: looking for it would replace every "los".
                if key and key not in NAME_PARTICLES:
                    owners.setdefault(key, set()).add(person.id)
        self._owners = owners
        pattern = _trie_pattern(owners)
        self._names = re.compile(pattern + r"(?!\w)") if pattern else None

    def _name_candidates(self, source: str, text: str) -> list[Replacement]:
        if self._names is None:
            return []
        folded = _fold_text(text)
        ftext = folded.text
        out: list[Replacement] = []
        pos = 0
        search = self._names.search
        while True:
            match = search(ftext, pos)
            if match is None:
                break
            fstart, fend = match.span()
            before = ftext[fstart - 1] if fstart else " "
            if before.isalnum() or before == "_":  # starts inside a word: look again after it
                pos = fstart + 1
                continue
            pos = fend
            if folded.index is None:
                start, end = fstart, fend
            else:
                start, end = folded.index[fstart], folded.index[fend - 1] + 1
                while end < len(text) and unicodedata.combining(text[end]):
                    end += 1
            owners = self._owners[" ".join(match.group().split())]
            if len(owners) == 1:
                person = self._people[next(iter(owners))]
                out.append(
                    Replacement(
                        source,
                        start,
                        end,
                        text[start:end],
                        person.pseudonym,
                        person.kind,
                        person.id,
                    )
                )
            else:
                placeholder = _PLACEHOLDERS[self.language][AMBIGUOUS]
                out.append(Replacement(source, start, end, text[start:end], placeholder, AMBIGUOUS))
        return out

    def _pattern_candidates(self, source: str, text: str) -> list[Replacement]:
        labels = _PLACEHOLDERS[self.language]
        out: list[Replacement] = [
            Replacement(source, start, end, text[start:end], labels[EMAIL], EMAIL)
            for start, end in _emails(text)
        ]
        for match in _scan(_RUT, text, ".-"):
            if rut_check_digit(match.group(1).replace(".", "")) == match.group(2).upper():
                out.append(Replacement(source, *match.span(), match.group(), labels[RUT], RUT))
        for match in _scan(_PHONE, text, "+"):
            end = match.end()
            if end < len(text) and _PHONE_END.match(text, end):
                continue  # runs on into a longer number or word
            out.append(Replacement(source, *match.span(), match.group(), labels[PHONE], PHONE))
        return out

    def find(self, source: str, text: str) -> list[Replacement]:
        """Non-overlapping proposals for one text, in text order; the longest wins."""
        candidates = self._pattern_candidates(source, text) + self._name_candidates(source, text)
        candidates.sort(key=lambda r: (r.start - r.end, r.start, _PRIORITY.get(r.kind, 9)))
        starts: list[int] = []
        ends: list[int] = []
        chosen: list[Replacement] = []
        for candidate in candidates:
            i = bisect.bisect_left(starts, candidate.start)
            if i > 0 and ends[i - 1] > candidate.start:
                continue
            if i < len(starts) and starts[i] < candidate.end:
                continue
            starts.insert(i, candidate.start)
            ends.insert(i, candidate.end)
            chosen.insert(i, candidate)
        return chosen


def propose(
    texts: Mapping[str, str],
    pmap: PseudonymMap,
    *,
    progress: ProgressSink = ignore_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> list[Replacement]:
    """Every proposal for ``texts`` (source id → text), source by source, in text order."""
    matcher = Matcher(pmap)
    out: list[Replacement] = []
    total = len(texts)
    for done, (source, text) in enumerate(texts.items()):
        if done % 100 == 0:
            cancel.raise_if_cancelled()
            progress(Progress(done, total, "pseudonymise"))
        out.extend(matcher.find(source, text))
    progress(Progress(total, total, "pseudonymise"))
    return out


@dataclass(frozen=True, slots=True)
class Pseudonymised:
    text: str
    offsets: OffsetMap = field(repr=False)


def apply(text: str, accepted: Sequence[Replacement]) -> Pseudonymised:
    """``text`` with the accepted replacements (all of one source) made.

    Refuses (nothing changed) a replacement that no longer matches the text
    (:class:`PseudonymisationStale`) and two that overlap (:class:`PseudonymisationOverlap`).
    Text outside the accepted spans is left exactly as it was."""
    ordered = sorted(accepted, key=lambda r: (r.start, r.end))
    edits: list[Edit] = []
    previous_end = 0
    for item in ordered:
        if (
            not 0 <= item.start < item.end <= len(text)
            or text[item.start : item.end] != item.original
        ):
            raise PseudonymisationStale(item.source)
        if item.start < previous_end:
            raise PseudonymisationOverlap(item.source)
        edits.append(Edit(item.start, item.end, item.replacement))
        previous_end = item.end
    new_text, offsets = apply_edits(text, edits)
    return Pseudonymised(new_text, offsets)


def apply_all(
    texts: Mapping[str, str], accepted: Iterable[Replacement]
) -> dict[str, Pseudonymised]:
    """:func:`apply` for every text; a text without accepted replacements is unchanged."""
    by_source: dict[str, list[Replacement]] = {source: [] for source in texts}
    for item in accepted:
        if item.source not in by_source:
            raise PseudonymisationStale(item.source)
        by_source[item.source].append(item)
    return {source: apply(texts[source], items) for source, items in by_source.items()}


def remap_selections(
    selections: Iterable[CodedSelection], results: Mapping[str, Pseudonymised]
) -> list[CodedSelection]:
    """Coded passages moved to the pseudonymised texts (same words, new offsets)."""
    out = []
    for selection in selections:
        result = results.get(selection.source)
        if result is None:
            out.append(selection)
            continue
        start, end = result.offsets.range(selection.start, selection.end)
        out.append(replace(selection, start=start, end=end))
    return out
