from __future__ import annotations

import json

import pytest

from reflectdesk.errors import InvalidValue, UnknownSection
from reflectdesk.templates.builtin import builtin_template
from reflectdesk.templates.model import (
    LocalizedText,
    TemplateKind,
    TemplateOrigin,
    check_section_keys,
    normalize_lang,
)


@pytest.mark.parametrize(
    ("given", "expected"),
    [("es", "es"), ("es_CL", "es"), ("es-CL", "es"), ("EN", "en"), ("en_GB", "en")],
)
def test_normalize_lang(given: str, expected: str) -> None:
    assert normalize_lang(given) == expected


def test_unknown_language_is_refused() -> None:
    with pytest.raises(InvalidValue):
        normalize_lang("fr")
    with pytest.raises(InvalidValue):
        LocalizedText("a", "b").get("de")


def test_section_keys_include_nested_keys_in_order() -> None:
    alact = builtin_template("alact")
    keys = alact.section_keys()
    assert keys[:3] == ["action", "looking-back", "teacher-want"]
    assert keys[-1] == "trial"
    assert len(keys) == len(set(keys)) == 13
    titles = dict(alact.section_titles("en"))
    assert titles["teacher-do"] == "What did I do?"


def test_check_section_keys_lists_the_valid_keys() -> None:
    rolfe = builtin_template("rolfe")
    check_section_keys(rolfe, ["what", "now-what"])
    with pytest.raises(UnknownSection) as info:
        check_section_keys(rolfe, ["what", "why"])
    err = info.value
    assert err.detail == "rolfe@1: why"
    assert err.params["valid"] == "what, so-what, now-what"
    assert "what, so-what, now-what" in err.hint.format(**err.params)


def test_summary_and_dict() -> None:
    gibbs = builtin_template("gibbs")
    summary = gibbs.summary("en")
    assert summary.name == "Gibbs' reflective cycle"
    assert summary.kind is TemplateKind.REFLECTION
    assert summary.origin is TemplateOrigin.BUILTIN
    assert summary.section_count == 6
    as_dict = gibbs.to_dict()
    json.dumps(as_dict)  # JSON-ready
    assert as_dict["prompts"][0]["title"] == {"es": "Descripción", "en": "Description"}
    assert summary.to_dict()["id"] == "gibbs"


def test_descriptive_flag_follows_kind_unless_a_prompt_says_otherwise() -> None:
    rounds = builtin_template("learning-round")
    assert rounds.is_descriptive("observations")
    assert rounds.is_descriptive("teacher")
    assert not rounds.is_descriptive("next-steps")
    incident = builtin_template("critical-incident")
    assert incident.is_descriptive("record")
    assert not incident.is_descriptive("interpret")
