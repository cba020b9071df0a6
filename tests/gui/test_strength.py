"""The passphrase-strength estimator (Qt-free) and its advice codes."""

from __future__ import annotations

import pytest

from reflectdesk.gui import strength


@pytest.mark.parametrize(
    ("passphrase", "advice"),
    [
        ("", strength.TOO_SHORT),
        ("password", strength.COMMON),
        ("contraseña2024", strength.YEAR),
        ("qwertyuiop12", strength.COMMON),
        ("aaaaaaaaaaaa", strength.REPEAT),
        ("Camila2001!", strength.PERSONAL),
        ("p4ssw0rd123", strength.COMMON),
    ],
)
def test_weak_passphrases_get_advice(passphrase: str, advice: str) -> None:
    result = strength.estimate(passphrase, ["Camila Pérez"])
    assert result.score <= 1
    assert advice in result.advice
    assert not result.acceptable


@pytest.mark.parametrize(
    "passphrase",
    ["caballo bateria grapa correcto", "mesa-lluvia-cerro-azul", "x8#Lq9!vZ2@pK"],
)
def test_strong_passphrases(passphrase: str) -> None:
    result = strength.estimate(passphrase)
    assert result.score >= 3
    assert result.advice == (strength.GOOD,)
    assert result.acceptable


def test_more_words_raise_the_score() -> None:
    scores = [
        strength.estimate(p).bits
        for p in ("nube tetera", "nube tetera lámpara", "nube tetera lámpara bicicleta")
    ]
    assert scores == sorted(scores)
    assert strength.MORE_WORDS in strength.estimate("nube tetera").advice


def test_min_length_matches_the_core() -> None:
    from reflectdesk.services.vault import MIN_PASSPHRASE

    assert strength.MIN_LENGTH == MIN_PASSPHRASE
