"""Strict YAML for files users bring: one document, no anchors, aliases or tags, plain
keys once each, and every problem said with its line and field."""

from __future__ import annotations

import pytest

from reflectdesk.errors import TemplateInvalid
from reflectdesk.templates.strict_yaml import MAX_BYTES, YamlProblem, YMap, compose, integer


def _problem(data: bytes) -> YamlProblem:
    with pytest.raises(YamlProblem) as info:
        compose(data)
    return info.value


@pytest.mark.parametrize(
    ("data", "line", "reason"),
    [
        (b"a: &x 1\nb: *x\n", 1, "anchor_not_allowed"),
        (b"a: !!python/object:os.system ls\n", 1, "tag_not_allowed"),
        (b"a: 1\n---\nb: 2\n", 2, "multiple_documents"),
        (b"a: [1\n", 2, "syntax"),
        (b"a: 1\n\xff\n", 2, "not_utf8"),
        (b"", 1, "empty"),
        (b"x: " + b"[" * 20 + b"]" * 20 + b"\n", 1, "too_deep"),
        (b"#" * (MAX_BYTES + 1), 1, "too_large"),
    ],
)
def test_refused_with_line_and_reason(data: bytes, line: int, reason: str) -> None:
    problem = _problem(data)
    assert (problem.line, problem.reason) == (line, reason)


def test_mappings_check_their_keys() -> None:
    node = compose(b"\xef\xbb\xbfid: t\nversion: 3\n")  # a BOM is fine
    fields = YMap(node, "", required=("id",), optional=("version",))
    assert "version" in fields and integer(fields.field("version").value, "version", low=1,
                                           high=9) == 3  # fmt: skip
    for data, field, reason in [
        (b"id: a\nid: b\n", "id", "duplicate_key"),
        (b"id: a\nextra: 1\n", "extra", "unknown_field"),
        (b"version: 1\n", "id", "missing"),
        (b"'id': a\n", "(root)", "bad_key"),
    ]:
        with pytest.raises(YamlProblem) as info:
            YMap(compose(data), "", required=("id",), optional=("version",))
        assert (info.value.field, info.value.reason) == (field, reason), data


def test_a_problem_becomes_the_users_error() -> None:
    err = YamlProblem(3, "prompts[0].title", "missing").to_error("mine.yaml", TemplateInvalid)
    assert isinstance(err, TemplateInvalid)
    assert err.detail == "mine.yaml:3: prompts[0].title: missing"
