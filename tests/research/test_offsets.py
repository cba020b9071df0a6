"""Offsets from a text to the text with some spans replaced."""

from __future__ import annotations

import pytest

from reflectdesk.research.offsets import Edit, apply_edits, newline_edits


def test_positions_move_by_the_length_change_before_them() -> None:
    text = "ab José cd Pérez ef"
    new, offsets = apply_edits(text, [Edit(3, 7, "Estudiante A"), Edit(11, 16, "X")])
    assert new == "ab Estudiante A cd X ef"
    assert offsets.start(0) == 0 and offsets.end(2) == 2
    assert offsets.range(8, 10) == (16, 18)  # "cd"
    assert new[slice(*offsets.range(17, 19))] == "ef"


def test_a_range_that_cuts_into_a_replaced_span_covers_all_of_it() -> None:
    text = "ab José cd"
    new, offsets = apply_edits(text, [Edit(3, 7, "Estudiante A")])
    assert new[slice(*offsets.range(5, 10))] == "Estudiante A cd"
    assert new[slice(*offsets.range(0, 5))] == "ab Estudiante A"
    assert new[slice(*offsets.range(4, 6))] == "Estudiante A"


def test_overlapping_or_outside_edits_are_refused() -> None:
    with pytest.raises(ValueError):
        apply_edits("abcdef", [Edit(0, 3, "x"), Edit(2, 4, "y")])
    with pytest.raises(ValueError):
        apply_edits("abc", [Edit(2, 9, "x")])


def test_newline_edits_make_lf_without_bom() -> None:
    text = "\ufeffuno\r\ndos\rtres\n"
    new, offsets = apply_edits(text, newline_edits(text))
    assert new == "uno\ndos\ntres\n"
    assert new[slice(*offsets.range(text.index("dos"), text.index("dos") + 3))] == "dos"
    assert newline_edits("ya está bien\n") == []
