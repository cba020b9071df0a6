from __future__ import annotations

import unicodedata

from reflectdesk.templates.builtin import builtin_template
from reflectdesk.templates.descriptive import (
    CODE_EVALUATIVE,
    EVALUATIVE_WORDS_EN,
    EVALUATIVE_WORDS_ES,
    DescriptiveHint,
    descriptive_hints,
    find_evaluative_words,
    fold,
)


def words(text: str) -> list[str]:
    return [h.word for h in find_evaluative_words(text)]


def test_lists_are_bilingual_and_contain_the_usual_suspects() -> None:
    assert {"excelente", "mal", "bien"} <= set(EVALUATIVE_WORDS_ES)
    assert {"poor", "great", "excellent"} <= set(EVALUATIVE_WORDS_EN)


def test_positions_and_code() -> None:
    text = "La clase fue excelente y la pregunta, mal planteada."
    hints = find_evaluative_words(text)
    assert hints == [
        DescriptiveHint(13, 22, "excelente", CODE_EVALUATIVE),
        DescriptiveHint(38, 41, "mal", CODE_EVALUATIVE),
    ]
    for hint in hints:
        assert text[hint.start : hint.end] == hint.word


def test_case_and_accent_insensitive() -> None:
    assert words("PÉSIMO manejo") == ["PÉSIMO"]
    assert words("fue pesimo") == ["pesimo"]
    assert words("Fantastico, GREAT job") == ["Fantastico", "GREAT"]


def test_decomposed_accents_keep_original_positions() -> None:
    text = unicodedata.normalize("NFD", "Una clase pésima, sin duda.")
    hints = find_evaluative_words(text)
    assert len(hints) == 1
    hint = hints[0]
    assert text[hint.start : hint.end] == hint.word
    assert unicodedata.normalize("NFC", hint.word) == "pésima"


def test_word_boundaries() -> None:
    assert words("Es normal que también lo hagan bienintencionadamente.") == []
    assert words("goodbye, goods, poorest") == []
    assert words("bien.") == ["bien"]
    assert words("(mal)") == ["mal"]
    assert words("¡Excelente!") == ["Excelente"]


def test_phrases_match_across_whitespace_and_win_over_words() -> None:
    assert words("Lo hizo muy   bien hoy") == ["muy   bien"]
    assert words("It was very\ngood") == ["very\ngood"]


def test_descriptive_text_has_no_hints() -> None:
    text = (
        "La docente pregunta: '¿Qué fracción es mayor?'. Tres estudiantes levantan la mano. "
        "Una responde 3/4 y dibuja dos rectángulos en la pizarra."
    )
    assert find_evaluative_words(text) == []
    assert find_evaluative_words("") == []


def test_observation_template_adds_its_own_words_and_respects_prompts() -> None:
    rounds = builtin_template("learning-round")
    text = "La profesora debería esperar más. Fue genial."
    flagged = [h.word for h in descriptive_hints(text, rounds, "observations")]
    assert flagged == ["debería", "genial"]
    # Next steps may judge and prescribe.
    assert descriptive_hints(text, rounds, "next-steps") == []
    # Whole-entry check for an observation template.
    assert len(descriptive_hints(text, rounds)) == 2


def test_reflection_templates_are_not_policed_except_descriptive_prompts() -> None:
    gibbs = builtin_template("gibbs")
    assert descriptive_hints("Fue excelente", gibbs, "evaluation") == []
    assert descriptive_hints("Fue excelente", gibbs) == []
    incident = builtin_template("critical-incident")
    assert [h.word for h in descriptive_hints("Fue excelente", incident, "record")] == ["excelente"]


def test_fold() -> None:
    assert fold("Ñandú PÉSIMO") == "nandu pesimo"
