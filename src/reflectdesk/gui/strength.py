"""A small, offline passphrase-strength estimator (Qt-free, no network, no word lists
beyond a few hundred very common passwords).

It estimates the number of guesses an attacker who knows common patterns would need,
in bits, by splitting the passphrase into pieces and charging each piece what its
pattern costs: a common password a few bits, a year seven, a keyboard run or a repeat
almost nothing, a lowercase word about as much as a word drawn from a large
dictionary, random characters their full alphabet. Advice comes back as codes that
the GUI translates.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from reflectdesk.domain.folding import fold

MIN_LENGTH = 10  # the core refuses shorter passphrases (services.vault.MIN_PASSPHRASE)

# Advice codes (the GUI maps them to sentences).
TOO_SHORT = "too_short"
COMMON = "common"
SEQUENCE = "sequence"
REPEAT = "repeat"
YEAR = "year"
PERSONAL = "personal"
MORE_WORDS = "more_words"
GOOD = "good"

COMMON_PASSWORDS = frozenset(
    [
        "123456",
        "1234567",
        "12345678",
        "123456789",
        "1234567890",
        "password",
        "passw0rd",
        "contraseña",
        "contrasena",
        "clave",
        "clave123",
        "qwerty",
        "qwertyuiop",
        "asdf",
        "asdfgh",
        "asdfghjkl",
        "zxcvbnm",
        "abc123",
        "abcd1234",
        "111111",
        "000000",
        "123123",
        "654321",
        "666666",
        "121212",
        "admin",
        "administrador",
        "root",
        "letmein",
        "welcome",
        "bienvenido",
        "bienvenida",
        "iloveyou",
        "teamo",
        "teamomucho",
        "amor",
        "amorcito",
        "corazon",
        "princesa",
        "princess",
        "dragon",
        "monkey",
        "mono",
        "shadow",
        "sunshine",
        "master",
        "football",
        "futbol",
        "soccer",
        "baseball",
        "superman",
        "batman",
        "hola",
        "hello",
        "holamundo",
        "chile",
        "chilena",
        "chileno",
        "santiago",
        "valparaiso",
        "concepcion",
        "temuco",
        "colocolo",
        "universidad",
        "uchile",
        "puc",
        "profesor",
        "profesora",
        "profe",
        "docente",
        "escuela",
        "colegio",
        "liceo",
        "practica",
        "practicum",
        "reflexion",
        "reflection",
        "diario",
        "journal",
        "reflectdesk",
        "estudiante",
        "alumno",
        "alumna",
        "mentor",
        "guia",
        "pedagogia",
        "educacion",
        "matematica",
        "lenguaje",
        "historia",
        "ciencias",
        "familia",
        "mama",
        "papa",
        "hijo",
        "hija",
        "perro",
        "gato",
        "pokemon",
        "naruto",
        "starwars",
        "minecraft",
        "fortnite",
        "google",
        "facebook",
        "instagram",
        "whatsapp",
        "internet",
        "computador",
        "secret",
        "secreto",
        "nuevo",
        "nueva",
    ]
)

_LEET = str.maketrans("0134578@$!", "oieastbasi")
_SEPARATORS = frozenset(" -_.,;:/+")
_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjklñ", "zxcvbnm", "1234567890", "abcdefghijklmnopqrstuvwxyz")
_YEAR = re.compile(r"(19|20)\d\d")
_PIECES = re.compile(r"[^\W\d_]+|\d+|[\W_]+", re.UNICODE)

WORD_BITS = 15.0  # a word from a ~30,000-word dictionary
COMMON_BITS = math.log2(len(COMMON_PASSWORDS) or 1)


@dataclass(frozen=True, slots=True)
class Strength:
    score: int  # 0 (very weak) … 4 (very strong)
    bits: float
    advice: tuple[str, ...]

    @property
    def acceptable(self) -> bool:
        """Long enough for the core and not trivially guessable."""
        return TOO_SHORT not in self.advice and self.score >= 2


def _alphabet(piece: str) -> int:
    size = 0
    if any(c.islower() for c in piece):
        size += 26
    if any(c.isupper() for c in piece):
        size += 26
    if any(c.isdigit() for c in piece):
        size += 10
    if any(not c.isalnum() and c.isascii() for c in piece):
        size += 33
    if any(not c.isascii() for c in piece):
        size += 60
    return max(size, 10)


def _is_run(piece: str) -> bool:
    """A keyboard row or alphabet run, forwards or backwards (``qwer``, ``4321``)."""
    low = fold(piece)
    if len(low) < 3:
        return False
    return any(low in row or low in row[::-1] for row in _KEYBOARD_ROWS)


def _is_repeat(piece: str) -> bool:
    """``aaaa``, ``abab``, ``123123``: a short unit repeated."""
    for unit in range(1, len(piece) // 2 + 1):
        if len(piece) % unit == 0 and piece[:unit] * (len(piece) // unit) == piece:
            return True
    return False


def _piece_bits(piece: str, personal: Sequence[str], advice: set[str]) -> float:
    folded = fold(piece)
    if folded in COMMON_PASSWORDS or folded.rstrip("0123456789") in COMMON_PASSWORDS:
        advice.add(COMMON)
        return COMMON_BITS
    if piece.isalpha():
        for common in COMMON_PASSWORDS:
            if len(common) >= 4 and folded != common and folded.startswith(common):
                advice.add(COMMON)
                rest = piece[len(common) :]
                return COMMON_BITS + len(rest) * math.log2(_alphabet(rest))
    if any(p and len(p) >= 3 and p in folded for p in personal):
        advice.add(PERSONAL)
        return 3.0
    if len(piece) >= 3 and _is_repeat(piece):
        advice.add(REPEAT)
        return math.log2(_alphabet(piece)) + math.log2(len(piece))
    if _is_run(piece):
        advice.add(SEQUENCE)
        return 4.0 + math.log2(len(piece))
    if piece.isdigit() and len(piece) == 4 and _YEAR.fullmatch(piece):
        advice.add(YEAR)
        return 7.0
    raw = len(piece) * math.log2(_alphabet(piece))
    if piece.isalpha() and len(piece) >= 3:
        # Probably a dictionary word: charge it as one, plus a bit for capitals.
        caps = 1.0 if piece[0].isupper() and piece[1:].islower() else 0.0
        if not (piece.islower() or piece[1:].islower()):
            caps = len(piece) * 0.5  # mixed case inside a word
        return min(raw, WORD_BITS + caps)
    return raw


def _bits(passphrase: str, personal: Sequence[str], advice: set[str]) -> tuple[float, int]:
    pieces = _PIECES.findall(passphrase)
    bits = 0.0
    seen: set[str] = set()
    words = 0
    for piece in pieces:
        if not piece.isalnum() and all(c in _SEPARATORS for c in piece):
            bits += float(len(piece))  # separators between words cost little
            continue
        folded = fold(piece)
        if folded in seen:
            advice.add(REPEAT)
            bits += 1.0
            continue
        seen.add(folded)
        if piece.isalpha() and len(piece) >= 3:
            words += 1
        bits += _piece_bits(piece, personal, advice)
    return bits, words


def estimate(passphrase: str, personal: Sequence[str] = ()) -> Strength:
    """How hard ``passphrase`` is to guess; ``personal``: names etc. to penalise."""
    if not passphrase:
        return Strength(0, 0.0, (TOO_SHORT,))
    personal_folded = [fold(w) for p in personal for w in p.split() if w.strip()]
    advice: set[str] = set()
    bits, words = _bits(passphrase, personal_folded, advice)
    unleet = passphrase.translate(_LEET)
    if unleet != passphrase:
        # An attacker tries "p4ssw0rd" right after "password": charge the substitutions only.
        leet_advice: set[str] = set()
        leet_bits, leet_words = _bits(unleet, personal_folded, leet_advice)
        leet_bits += sum(1 for a, b in zip(passphrase, unleet, strict=True) if a != b)
        if leet_bits < bits:
            bits, words, advice = leet_bits, leet_words, leet_advice
    if len(passphrase) < MIN_LENGTH:
        advice.add(TOO_SHORT)
    score = 0 if bits < 28 else 1 if bits < 40 else 2 if bits < 52 else 3 if bits < 64 else 4
    if TOO_SHORT in advice:
        score = min(score, 1)
    if score < 3 and words < 4:
        advice.add(MORE_WORDS)
    if score >= 3 and not advice - {MORE_WORDS}:
        advice = {GOOD}
    order = (TOO_SHORT, COMMON, PERSONAL, SEQUENCE, REPEAT, YEAR, MORE_WORDS, GOOD)
    return Strength(score, round(bits, 1), tuple(code for code in order if code in advice))
