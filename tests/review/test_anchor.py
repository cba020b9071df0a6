"""Comments re-anchor to their quote; offsets are code points, converted for Qt."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reflectdesk.review.anchor import from_utf16, locate, make_anchor, to_utf16

TEXT = "Trabajamos fracciones con pizzas. Después, fracciones con regletas."


def test_the_same_text_keeps_the_place() -> None:
    start = TEXT.index("pizzas")
    anchor = make_anchor("description", TEXT, start, start + 6)
    assert anchor.quote == "pizzas" and locate(anchor, TEXT) == (start, start + 6)


def test_an_edit_before_the_quote_moves_it() -> None:
    start = TEXT.index("regletas")
    anchor = make_anchor("description", TEXT, start, start + 8)
    edited = "Hoy: " + TEXT
    found = locate(anchor, edited)
    assert found is not None and edited[found[0] : found[1]] == "regletas"


def test_a_repeated_quote_goes_where_its_context_matches() -> None:
    second = TEXT.index("fracciones", TEXT.index("Después"))
    anchor = make_anchor("s", TEXT, second, second + len("fracciones"))
    edited = TEXT.replace("Trabajamos", "Primero trabajamos con cuidado")
    found = locate(anchor, edited)
    assert found is not None
    assert edited[found[0] - len("Después, ") : found[0]] == "Después, "


def test_a_quote_that_is_gone_is_on_an_earlier_version() -> None:
    start = TEXT.index("pizzas")
    anchor = make_anchor("s", TEXT, start, start + 6)
    assert locate(anchor, TEXT.replace("pizzas", "tortas")) is None


def test_bad_ranges_are_refused() -> None:
    for start, end in ((5, 5), (-1, 3), (3, len(TEXT) + 1)):
        with pytest.raises(ValueError):
            make_anchor("s", TEXT, start, end)


def test_an_emoji_before_the_passage_counts_once_here_and_twice_in_qt() -> None:
    text = "🍕 Cortamos la pizza en octavos."
    start = text.index("pizza")
    assert start == 14  # "🍕" is one code point
    assert to_utf16(text, start) == 15  # and two UTF-16 units
    assert from_utf16(text, 15) == 14
    assert from_utf16(text, 1) == 0  # inside the surrogate pair: rounds down


@given(st.text(), st.data())
def test_utf16_round_trip(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(0, len(text)))
    assert from_utf16(text, to_utf16(text, offset)) == offset
    assert to_utf16(text, len(text)) == len(text.encode("utf-16-le")) // 2
