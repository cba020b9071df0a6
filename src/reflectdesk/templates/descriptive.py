"""Keep observation notes descriptive: find evaluative words in a text.

Learning rounds ask observers to write down only what they see and hear, "no
evaluative comments". The core finds judgement words (``excelente``, ``mal``,
``great``, ``poor`` ...) and returns their positions; the GUI underlines them.
Matching ignores case and accents (``pésimo`` = ``PESIMO``) and respects word
boundaries (``mal`` is not found inside ``normal``). Positions are indices into the
original string, so ``text[hint.start:hint.end] == hint.word``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from reflectdesk.templates.model import Template

CODE_EVALUATIVE = "evaluative_word"

#: Judgement words that have no place in an observation note, in Spanish (with
#: Chilean usage) and English. Phrases are allowed; they match across any whitespace.
EVALUATIVE_WORDS_ES: tuple[str, ...] = (
    "excelente", "excelentes", "excelentemente",
    "bien", "muy bien", "bueno", "buena", "buenos", "buenas",
    "mal", "malo", "mala", "malos", "malas", "malísimo", "malísima",
    "mejor", "mejores", "peor", "peores",
    "pésimo", "pésima", "pésimos", "pésimas",
    "terrible", "terribles", "horrible", "horribles", "desastroso", "desastrosa", "desastre",
    "genial", "geniales", "fantástico", "fantástica", "maravilloso", "maravillosa",
    "estupendo", "estupenda", "magnífico", "magnífica", "increíble", "increíbles",
    "perfecto", "perfecta", "perfectos", "perfectas", "perfectamente",
    "brillante", "brillantes", "impecable", "impecables", "destacado", "destacada",
    "deficiente", "deficientes", "insuficiente", "insuficientes", "mediocre", "mediocres",
    "pobre", "pobremente", "lamentable", "lamentables", "decepcionante",
    "adecuado", "adecuada", "adecuadamente", "inadecuado", "inadecuada", "inadecuadamente",
    "apropiado", "apropiada", "inapropiado", "inapropiada",
    "acertado", "acertada", "desacertado", "desacertada",
    "correcto", "correcta", "correctamente", "incorrecto", "incorrecta", "incorrectamente",
    "exitoso", "exitosa", "fracaso", "fracasó",
    "óptimo", "óptima", "ideal", "satisfactorio", "satisfactoria", "insatisfactorio",
    "aburrido", "aburrida", "flojo", "floja", "descuidado", "descuidada", "caótico", "caótica",
    "fome", "penca", "bacán", "la raja", "espectacular",
)  # fmt: skip

EVALUATIVE_WORDS_EN: tuple[str, ...] = (
    "excellent", "excellently", "outstanding", "superb", "great", "brilliant", "brilliantly",
    "good", "very good", "nice", "nicely", "lovely", "wonderful", "wonderfully",
    "amazing", "amazingly", "fantastic", "perfect", "perfectly", "impressive", "impressively",
    "bad", "badly", "poor", "poorly", "terrible", "terribly", "awful", "awfully",
    "horrible", "dreadful", "disappointing", "disastrous", "mediocre", "weak",
    "best", "worst", "better", "worse",
    "adequate", "adequately", "inadequate", "inadequately", "appropriate", "appropriately",
    "inappropriate", "inappropriately", "acceptable", "unacceptable",
    "correct", "correctly", "incorrect", "incorrectly", "wrong", "wrongly",
    "effective", "effectively", "ineffective", "ineffectively",
    "successful", "successfully", "unsuccessful", "failure", "failed",
    "satisfactory", "unsatisfactory", "ideal", "boring", "lazy", "careless", "sloppy",
    "chaotic", "messy",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class DescriptiveHint:
    """``text[start:end]`` is ``word``, flagged with ``code`` (for the GUI to explain)."""

    start: int
    end: int
    word: str
    code: str = CODE_EVALUATIVE


def fold(text: str) -> str:
    """Case- and accent-insensitive form of ``text`` (``Pésimo`` → ``pesimo``)."""
    return _fold_with_map(text)[0]


def _fold_with_map(text: str) -> tuple[str, list[int]]:
    """The folded text, and for each folded character the index it came from."""
    if text.isascii():
        return text.lower(), list(range(len(text)))
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if char.isascii():
            folded = char.lower()
        else:
            base = "".join(
                c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)
            )
            folded = base.casefold()
        for piece in folded:
            out.append(piece)
            origin.append(index)
    return "".join(out), origin


def _pattern_for(extra_words: Iterable[str]) -> re.Pattern[str] | None:
    """The pattern of both languages' evaluative words and a template's own."""
    return _pattern(EVALUATIVE_WORDS_ES + EVALUATIVE_WORDS_EN + tuple(extra_words))


@functools.lru_cache(maxsize=64)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    alternatives = sorted({fold(w.strip()) for w in words if w.strip()}, key=len, reverse=True)
    if not alternatives:
        return None
    body = "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in alternatives)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


def find_evaluative_words(text: str, extra_words: Iterable[str] = ()) -> list[DescriptiveHint]:
    """Every evaluative word or phrase in ``text`` (both languages), in text order."""
    pattern = _pattern_for(extra_words)
    if pattern is None or not text:
        return []
    folded, origin = _fold_with_map(text)
    hints: list[DescriptiveHint] = []
    for match in pattern.finditer(folded):
        start = origin[match.start()]
        end = origin[match.end() - 1] + 1
        # Keep combining marks written after the last letter (decomposed text).
        while end < len(text) and unicodedata.combining(text[end]):
            end += 1
        hints.append(DescriptiveHint(start, end, text[start:end]))
    return hints


def prepare(template: Template) -> None:
    """Compile the pattern :func:`descriptive_hints` uses for ``template`` now (a worker
    does it after the unlock: ~50 ms of regex compiling the GUI thread would otherwise
    spend at the first hint check)."""
    if template.has_descriptive():
        _pattern_for(template.evaluative_words.all())


def descriptive_hints(
    text: str, template: Template, section_key: str | None = None
) -> list[DescriptiveHint]:
    """Hints for an answer to ``template`` (in ``section_key``), or none if it need not be
    descriptive: observation templates are, unless a prompt says ``descriptive: false``;
    other templates are not, unless a prompt says ``descriptive: true``."""
    if section_key is not None:
        if not template.is_descriptive(section_key):
            return []
    elif not template.has_descriptive():
        return []
    return find_evaluative_words(text, template.evaluative_words.all())
