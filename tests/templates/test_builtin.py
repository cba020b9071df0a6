from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

import pytest

from reflectdesk.errors import TemplateInvalid
from reflectdesk.standards.loader import mbe_2021
from reflectdesk.templates.builtin import (
    BUILTIN_IDS,
    builtin_documents,
    builtin_template,
    builtin_templates,
    templates_dir,
)
from reflectdesk.templates.loader import parse_template
from reflectdesk.templates.model import LocalizedText, TemplateKind, TemplateOrigin

STABLE_IDS = {
    "gibbs",
    "rolfe",
    "alact",
    "brookfield",
    "kolb",
    "schon",
    "spiral-inquiry",
    "lesson-study",
    "learning-round",
    "critical-incident",
    "bitacora-semanal",
    "triad-meeting",
    "free",
}


def _localized(obj: object, path: str = "") -> Iterator[tuple[str, LocalizedText]]:
    """Every LocalizedText reachable from a template, with where it is."""
    if isinstance(obj, LocalizedText):
        yield path, obj
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            yield from _localized(getattr(obj, f.name), f"{path}.{f.name}")
    elif isinstance(obj, tuple):
        for i, item in enumerate(obj):
            yield from _localized(item, f"{path}[{i}]")


def test_every_builtin_validates_with_the_stable_ids() -> None:
    assert set(BUILTIN_IDS) == STABLE_IDS
    files = {p.stem for p in templates_dir().glob("*.yaml")}
    assert files == STABLE_IDS
    for template in builtin_templates():
        assert template.origin is TemplateOrigin.BUILTIN
        assert template.version >= 1
        assert template.prompts


@pytest.mark.parametrize("template_id", BUILTIN_IDS)
def test_every_user_visible_text_exists_in_es_and_en(template_id: str) -> None:
    template = builtin_template(template_id)
    texts = list(_localized(template))
    assert len(texts) >= 4
    for where, text in texts:
        assert text.es.strip(), f"{template_id}{where}.es"
        assert text.en.strip(), f"{template_id}{where}.en"
    # Guidance is really translated, not copied.
    for _, prompt in template.walk():
        assert prompt.guidance.es != prompt.guidance.en, f"{template_id}:{prompt.key}"
    if template.framework is not None:
        assert template.framework.reference.strip()


@pytest.mark.parametrize("template_id", ["gibbs", "alact", "bitacora-semanal"])
def test_dropping_any_english_text_is_caught(template_id: str) -> None:
    """Mutation check: remove each inline ``en:`` in turn; the loader must refuse it."""
    source = builtin_documents()[template_id].source.decode()
    lines = source.split("\n")
    inline = [
        i
        for i, line in enumerate(lines)
        if re.match(r"^\s+en: (?![>|])\S", line) or re.search(r", en: [^}]+}", line)
    ]
    assert len(inline) >= 3
    for i in inline:
        mutated = lines.copy()
        if mutated[i].lstrip().startswith("en:"):
            del mutated[i]
        else:
            mutated[i] = re.sub(r", en: [^}]+}", "}", mutated[i])
        with pytest.raises(TemplateInvalid) as info:
            parse_template("\n".join(mutated).encode(), f"{template_id}.yaml")
        assert info.value.params["reason"] == "missing_language", mutated[i]
        assert info.value.params["field"].endswith(".en")


def test_suggested_standards_exist_in_mbe() -> None:
    codes = set(mbe_2021().codes())
    for template in builtin_templates():
        assert set(template.standards) <= codes, template.id


def test_alact_has_the_eight_questions_as_sub_prompts() -> None:
    alact = builtin_template("alact")
    looking_back = alact.prompt("looking-back")
    assert looking_back is not None
    keys = [p.key for p in looking_back.prompts]
    assert keys == [
        f"{who}-{what}" for who in ("teacher", "pupils") for what in ("want", "do", "think", "feel")
    ]
    assert [p.key for p in alact.prompts] == [
        "action",
        "looking-back",
        "essential-aspects",
        "alternatives",
        "trial",
    ]


def test_bitacora_has_the_chilean_log_parts() -> None:
    bitacora = builtin_template("bitacora-semanal")
    assert [p.key for p in bitacora.prompts] == [
        "header",
        "description",
        "evidence",
        "dialogues",
        "critical-incident",
        "reflection",
        "mbe-self-assessment",
        "improvement-commitment",
    ]
    header = bitacora.prompt("header")
    assert header is not None
    assert [p.key for p in header.prompts] == [
        "week",
        "course",
        "subject",
        "school",
        "mentor",
        "supervisor",
    ]
    commitment = bitacora.prompt("improvement-commitment")
    assert commitment is not None
    assert commitment.title.es == "Compromiso de mejora"


def test_kinds_and_special_templates() -> None:
    assert builtin_template("learning-round").kind is TemplateKind.OBSERVATION
    assert builtin_template("triad-meeting").kind is TemplateKind.MEETING
    triad = builtin_template("triad-meeting")
    assert {"agreements", "next-steps", "student-teacher", "mentor", "supervisor"} <= set(
        triad.section_keys()
    )
    free = builtin_template("free")
    assert free.section_keys() == ["body"]
    rolfe = builtin_template("rolfe")
    assert rolfe.section_keys() == ["what", "so-what", "now-what"]
    gibbs = builtin_template("gibbs")
    assert gibbs.section_keys() == [
        "description",
        "feelings",
        "evaluation",
        "analysis",
        "conclusion",
        "action-plan",
    ]
