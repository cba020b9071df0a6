"""Strict YAML for files users bring: one document, no anchors, aliases or tags, plain
keys once each, and every problem said with its line and field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from yaml.nodes import Node, ScalarNode, SequenceNode

from reflectdesk.errors import TemplateInvalid
from reflectdesk.templates import strict_yaml
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
        (b"a: 1\nb: \x07\n", 2, "bad_character"),
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


# --- libyaml and the pure-Python reading agree -----------------------------------------------

_ROOT = Path(__file__).resolve().parents[2]
_YAML_FILES = sorted(
    [*(_ROOT / "resources").rglob("*.yaml"), *(_ROOT / "tests" / "fixtures").rglob("*.yaml")]
)


def _shape(node: Node) -> object:
    mark = (node.start_mark.line, node.start_mark.column)
    if isinstance(node, ScalarNode):
        return ("scalar", node.tag, node.value, node.style, mark)
    if isinstance(node, SequenceNode):
        return ("seq", node.tag, mark, [_shape(child) for child in node.value])
    return ("map", node.tag, mark, [(_shape(k), _shape(v)) for k, v in node.value])


def _read(loader: type, text: str) -> object:
    try:
        node = loader(text).get_single_node()
        return None if node is None else _shape(node)
    except (YamlProblem, yaml.YAMLError) as exc:
        return ("refused", type(exc).__name__)


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML built without libyaml")
def test_libyaml_reads_every_shipped_and_fixture_file_as_the_reference_does() -> None:
    """The fast reading (libyaml's events, our composer) is only a speed-up: every file
    the app ships and every fixture, good or bad, gives the same nodes, styles and lines."""
    assert len(_YAML_FILES) > 40
    compared = 0
    for path in _YAML_FILES:
        try:
            text = strict_yaml._decode(path.read_bytes())
        except YamlProblem:
            continue  # refused before either parser sees it
        fast = _read(strict_yaml._FastStrictLoader, text)
        assert fast == _read(strict_yaml._StrictLoader, text), path.name
        compared += 1
    assert compared > 40


@pytest.mark.parametrize(
    "data",
    [
        b"a: &x 1\nb: *x\n",
        b"a: !!str 1\n",
        b"a: 1\n---\nb: 2\n",
        b"a: [1\n",
        b"a:\tb\n\tc: 1\n",
        b"a: 1\na: 2\n",
        b"a: \x07\n",
        b"x: " + b"[" * 20 + b"]" * 20 + b"\n",
    ],
)
def test_a_refused_file_gets_the_reference_readings_line_and_reason(data: bytes) -> None:
    """Whatever libyaml says about a bad file, the user is told what the pure-Python
    reading says: the same line and reason as before the speed-up."""
    text = strict_yaml._decode(data)
    try:
        expected: object = _shape(strict_yaml._StrictLoader(text).get_single_node())
    except YamlProblem as exc:
        expected = (exc.line, exc.field, exc.reason)
    except yaml.YAMLError:
        expected = "syntax"
    try:
        got: object = _shape(compose(data))
    except YamlProblem as exc:
        got = (exc.line, exc.field, exc.reason)
        if expected == "syntax":
            assert exc.reason in {"syntax", "multiple_documents", "bad_character"}
            return
    assert got == expected
