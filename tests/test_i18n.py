"""The CLI's translations come from the same .ts files as the GUI's."""

from __future__ import annotations

import pytest

from reflectdesk.i18n import Translator, detect_language


def test_spanish_and_english_from_the_ts() -> None:
    text = "The passphrase is not correct."
    assert Translator("es")("Errors", text) == "La frase de contraseña no es correcta."
    assert Translator("en")("Errors", text) == text
    assert Translator("fr").lang == "es"  # not shipped: the default language
    assert Translator("es")("Errors", "A sentence nobody marked.") == "A sentence nobody marked."


def test_language_from_option_then_environment_then_locale(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for var in ("REFLECTDESK_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert detect_language() == "en"
    monkeypatch.setenv("REFLECTDESK_LANG", "es")
    assert detect_language() == "es"
    assert detect_language("en-GB") == "en"
    monkeypatch.setenv("REFLECTDESK_LANG", "fr")  # not shipped: the locale decides
    monkeypatch.setenv("LANG", "es_CL.UTF-8")
    assert detect_language() == "es"
