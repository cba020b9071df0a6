from __future__ import annotations

import re
from pathlib import Path

import pytest

from reflectdesk.errors import (
    FileUnreadable,
    InputError,
    TaxonomyInvalid,
    TemplateIdReserved,
    TemplateInvalid,
)
from reflectdesk.services.templates import TemplateService
from reflectdesk.templates import strict_yaml
from reflectdesk.templates.loader import load_template_file, parse_template
from reflectdesk.templates.model import TemplateKind, TemplateOrigin
from tests.templates.conftest import FIXTURES
from tests.templates.memory_store import MemoryDocumentStore

BAD = FIXTURES / "bad_templates"
EXPECT_RE = re.compile(r"# expect: line=(\d+) field=(\S+) reason=(\S+)")

VALID = """\
format: reflectdesk/template@1
id: uni-demo
version: 3
kind: observation
name: {es: Demo, en: Demo}
description:
  es: Una plantilla de prueba.
  en: A test template.
framework:
  name: {es: Marco, en: Framework}
  reference: Autor, A. (2020). Un libro.
  url: https://example.org/framework
tags:
  - {es: prueba, en: test}
standards: [A1, C9]
evaluative_words:
  es: [chévere]
prompts:
  - key: what
    title: {es: Qué, en: What}
    guidance:
      es: |
        Describe lo que pasó.
        Con detalle.
      en: Describe what happened.
    example: {es: Un ejemplo., en: An example.}
    required: true
    words: 120
    prompts:
      - key: detail
        title: {es: Detalle, en: Detail}
        guidance: {es: Más., en: More.}
        descriptive: false
  - key: next
    title: {es: "Próximo: paso", en: "Next: step"}
    guidance: {es: Luego., en: Then.}
"""


def _cases() -> list[tuple[Path, int, str, str]]:
    cases = []
    for path in sorted(BAD.glob("*.yaml")):
        first = path.read_bytes().split(b"\n", 1)[0].decode("ascii")
        match = EXPECT_RE.fullmatch(first)
        assert match, f"{path.name} lacks an '# expect:' header"
        cases.append((path, int(match.group(1)), match.group(2), match.group(3)))
    return cases


CASES = _cases()


def test_there_are_enough_malformed_fixtures() -> None:
    templates = [c for c in CASES if not c[0].name.startswith("taxonomy-")]
    taxonomies = [c for c in CASES if c[0].name.startswith("taxonomy-")]
    assert len(templates) >= 25
    assert len(taxonomies) >= 5
    # Every kind of problem the brief names is covered.
    reasons = {c[3] for c in CASES}
    for needed in (
        "syntax",
        "missing_language",
        "duplicate_key",
        "unknown_field",
        "not_integer",
        "too_deep",
        "anchor_not_allowed",
        "alias_not_allowed",
        "tag_not_allowed",
        "reserved_id",
        "not_utf8",
    ):
        assert needed in reasons, needed


@pytest.mark.parametrize(("path", "line", "field", "reason"), CASES, ids=[c[0].name for c in CASES])
def test_malformed_file_gives_one_precise_error_and_stores_nothing(
    path: Path, line: int, field: str, reason: str
) -> None:
    store = MemoryDocumentStore()
    service = TemplateService(store)
    error: InputError
    if path.name.startswith("taxonomy-"):
        with pytest.raises(TaxonomyInvalid) as taxonomy_info:
            service.load_taxonomy_file(path)
        error = taxonomy_info.value
    else:
        with pytest.raises(TemplateInvalid) as template_info:
            service.import_file(path)
        error = template_info.value
        with pytest.raises(TemplateInvalid):
            service.validate_file(path)
    assert error.detail == f"{path.name}:{line}: {field}: {reason}"
    assert error.params == {"file": path.name, "line": line, "field": field, "reason": reason}
    assert store.docs == []
    assert store.puts == 0


def test_id_clash_with_builtin_is_its_own_error(service: TemplateService) -> None:
    with pytest.raises(TemplateIdReserved) as info:
        service.import_file(BAD / "id-clash-builtin.yaml")
    assert info.value.code == "template_id_reserved"
    assert "id-clash-builtin.yaml:3: id" in info.value.detail


def test_huge_file_is_refused_unread(tmp_path: Path, service: TemplateService) -> None:
    path = tmp_path / "huge.yaml"
    filler = "# " + "x" * 78 + "\n"
    path.write_text(VALID + filler * (strict_yaml.MAX_BYTES // len(filler) + 10), "utf-8")
    assert path.stat().st_size > strict_yaml.MAX_BYTES
    with pytest.raises(TemplateInvalid) as info:
        service.import_file(path)
    assert info.value.detail == "huge.yaml:1: (file): too_large"
    assert service.list("es")[-1].id == "triad-meeting"  # nothing was added


def test_missing_file_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(FileUnreadable):
        load_template_file(tmp_path / "nope.yaml")


def test_valid_template_reads_every_field() -> None:
    doc = parse_template(VALID.encode(), "demo.yaml")
    t = doc.template
    assert (t.id, t.version, t.kind, t.origin) == (
        "uni-demo",
        3,
        TemplateKind.OBSERVATION,
        TemplateOrigin.CUSTOM,
    )
    assert t.name.es == "Demo"
    assert t.framework is not None
    assert t.framework.url == "https://example.org/framework"
    assert t.tags[0].en == "test"
    assert t.standards == ("A1", "C9")
    assert t.evaluative_words.es == ("chévere",)
    what = t.prompts[0]
    assert what.guidance.es == "Describe lo que pasó.\nCon detalle."
    assert what.required is True
    assert what.words == 120
    assert what.example is not None
    assert what.prompts[0].key == "detail"
    assert what.prompts[0].descriptive is False
    assert t.prompts[1].title.en == "Next: step"
    assert t.prompts[1].required is False
    assert t.section_keys() == ["what", "detail", "next"]
    assert doc.source == VALID.encode()
    # Every field has its line, for editors that jump to it.
    assert doc.lines["version"] == 3
    assert doc.lines["prompts[0].prompts[0].descriptive"] == 33


def test_scalars_that_yaml_would_coerce_stay_text() -> None:
    text = VALID.replace("{es: Qué, en: What}", "{es: 2021, en: no}")
    template = parse_template(text.encode(), "demo.yaml").template
    assert template.prompts[0].title.es == "2021"
    assert template.prompts[0].title.en == "no"


def test_byte_order_mark_is_accepted() -> None:
    template = parse_template(b"\xef\xbb\xbf" + VALID.encode(), "bom.yaml").template
    assert template.id == "uni-demo"


@pytest.mark.parametrize(
    ("old", "new", "field", "reason"),
    [
        ("words: 120", "words: 0", "prompts[0].words", "out_of_range"),
        ("words: 120", "words: 1.5", "prompts[0].words", "not_integer"),
        ("required: true", "required: 1", "prompts[0].required", "not_boolean"),
        ("standards: [A1, C9]", "standards: [A1, A1]", "standards[1]", "duplicate_code"),
        ("standards: [A1, C9]", "standards: [A 1]", "standards[0]", "bad_code"),
        ("url: https://example.org/framework", "url: http://x.org", "framework.url", "bad_url"),
        ("  - key: next\n", "  - key: what\n", "prompts[1].key", "duplicate_section"),
    ],
)
def test_field_rules(old: str, new: str, field: str, reason: str) -> None:
    assert old in VALID
    with pytest.raises(TemplateInvalid) as info:
        parse_template(VALID.replace(old, new, 1).encode(), "demo.yaml")
    assert info.value.params["field"] == field
    assert info.value.params["reason"] == reason


def test_too_many_prompts() -> None:
    prompts = "".join(
        f"  - key: p{i}\n    title: {{es: T, en: T}}\n    guidance: {{es: G, en: G}}\n"
        for i in range(200)
    )
    head = VALID.split("prompts:\n", 1)[0]
    with pytest.raises(TemplateInvalid) as info:
        parse_template((head + "prompts:\n" + prompts).encode(), "many.yaml")
    assert info.value.params["reason"] == "too_many"


def test_billion_laughs_is_refused_at_the_first_anchor() -> None:
    text = 'a: &a ["lol","lol"]\nb: &b [*a,*a,*a]\nc: [*b,*b,*b]\n'
    with pytest.raises(TemplateInvalid) as info:
        parse_template(text.encode(), "lol.yaml")
    assert info.value.detail == "lol.yaml:1: a: anchor_not_allowed"
