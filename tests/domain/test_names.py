"""Look-alike names (a TR 39 skeleton after NFKC) and the characters refused in names."""

from __future__ import annotations

import pytest

from reflectdesk.domain.names import (
    check_person_name,
    name_skeleton,
    names_look_alike,
    refused_characters,
)
from reflectdesk.errors import CardNameInvalid


@pytest.mark.parametrize(
    "other",
    [
        "\u0410na Mentor",  # Cyrillic capital A
        "Ana M\u0435ntor",  # Cyrillic small ie
        "\uff21\uff4e\uff41 Mentor",  # full width
        "Ana rnentor",  # rn for m
        "Ana Ment0r",  # zero for o
        "ANA   MENTOR",
    ],
)
def test_look_alikes_share_a_skeleton(other: str) -> None:
    assert names_look_alike("Ana Mentor", other)


@pytest.mark.parametrize("other", ["Ana Méntor", "Ana Mentora", "Ana Meritor", "Eva Mentor"])
def test_different_names_do_not(other: str) -> None:
    assert not names_look_alike("Ana Mentor", other)


def test_invisible_and_bidi_characters_are_named_and_refused() -> None:
    assert refused_characters("Ana\u200b \u202eMentor\u200d") == ["U+200B", "U+202E", "U+200D"]
    with pytest.raises(CardNameInvalid) as caught:
        check_person_name("Ana Mentor\u2066")
    assert caught.value.detail == "U+2066"
    check_person_name("José Ñúñez-O'Higgins")  # ordinary accents and punctuation pass


def test_the_skeleton_ignores_what_is_refused_elsewhere() -> None:
    assert name_skeleton("Ana\u00a0Mentor") == name_skeleton("ana mentor")  # no-break space
