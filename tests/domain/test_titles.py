"""Journal titles from other people: cleaned before they are stored or shown, and
folded when the dashboard groups them by course."""

from __future__ import annotations

import unicodedata

from reflectdesk.domain.titles import MAX_TITLE, clean_title, title_key


def test_a_plain_title_is_kept() -> None:
    assert clean_title("Práctica Profesional II — Sección 2") == (
        "Práctica Profesional II — Sección 2"
    )


def test_direction_overrides_and_invisible_characters_are_dropped() -> None:
    # "‮" (RIGHT-TO-LEFT OVERRIDE) would draw the rest of the title backwards.
    assert clean_title("Práctica\u202e II") == "Práctica II"
    assert clean_title("\ufeffSemi\u200bnario\u2066 I\u2069") == "Seminario I"
    assert clean_title("Práctica\u2800II") == "PrácticaII"  # the blank braille pattern


def test_control_characters_and_line_breaks_become_one_space() -> None:
    assert clean_title("Práctica\nII\r\n\tSección\x00 2\u2028") == "Práctica II Sección 2"
    assert clean_title("  \n\u202e ") == ""


def test_composed_and_decomposed_accents_are_the_same_title() -> None:
    decomposed = unicodedata.normalize("NFD", "Práctica")
    assert decomposed != "Práctica"
    assert clean_title(decomposed) == "Práctica"


def test_a_long_title_is_cut() -> None:
    assert len(clean_title("a" * 10_000_000)) == MAX_TITLE
    assert clean_title("a" * (MAX_TITLE - 1) + " b") == "a" * (MAX_TITLE - 1)


def test_the_key_ignores_case_accents_spacing_and_normalisation() -> None:
    key = title_key("Práctica Profesional II")
    assert key == title_key("PRACTICA  profesional ii")
    assert key == title_key(unicodedata.normalize("NFD", "Práctica Profesional II"))
    assert key == title_key(clean_title("Práctica\u202e Profesional II"))  # as stored
    assert key != title_key("Práctica Profesional I")


def test_printable_invisible_characters_do_not_slip_through_the_fast_way() -> None:
    """Most titles are printable text and skip the per-character pass; the invisible
    code points str.isprintable() accepts must still go."""
    assert clean_title("a\u034fb") == "ab"  # combining grapheme joiner
    assert clean_title("x\u2800y") == "xy"  # blank braille pattern
    assert clean_title("Semi\ufe0fnario") == "Seminario"  # variation selector
    assert clean_title("Práctica\u00a0\u00a0II") == "Práctica II"  # no-break spaces
