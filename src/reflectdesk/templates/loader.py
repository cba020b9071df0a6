"""Read and validate template files (``reflectdesk/template@1``).

Validation is strict and stops at the first problem, which is reported as one
:class:`~reflectdesk.errors.TemplateInvalid` whose ``detail`` is
``file:line: field: reason`` (for example ``mine.yaml:14: prompts[2].title.en:
missing_language``). The format is described in ``docs/templates.md``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from yaml.nodes import Node, ScalarNode

from reflectdesk.errors import FileUnreadable, TemplateIdReserved, TemplateInvalid
from reflectdesk.templates import strict_yaml as sy
from reflectdesk.templates.model import (
    TEMPLATE_FORMAT,
    EvaluativeWords,
    FrameworkRef,
    LocalizedText,
    Prompt,
    Template,
    TemplateKind,
    TemplateOrigin,
)

log = logging.getLogger(__name__)

ID_RE = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
KEY_RE = re.compile(r"[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*")
STANDARD_CODE_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,31}")
URL_RE = re.compile(r"https://[^\s<>\"'`\\]{3,500}")

MAX_ID = 48
MAX_VERSION = 1_000_000
MAX_PROMPT_DEPTH = 3  # top-level prompts, sub-prompts, sub-sub-prompts
MAX_PROMPTS = 150
MAX_NAME = 120
MAX_TITLE = 200
MAX_DESCRIPTION = 2_000
MAX_GUIDANCE = 4_000
MAX_REFERENCE = 1_000
MAX_TAG = 40
MAX_WORD = 60
MAX_WORD_HINT = 20_000


@dataclass(frozen=True, slots=True)
class TemplateDocument:
    """A validated template with the exact bytes it came from and each field's line."""

    template: Template
    source: bytes
    lines: Mapping[str, int]


class _Lines:
    def __init__(self) -> None:
        self.lines: dict[str, int] = {}

    def add(self, mapping: sy.YMap) -> sy.YMap:
        self.lines.update(mapping.line_map())
        return mapping


def localized(
    node: Node, path: str, *, max_len: int, multiline: bool = False, lines: _Lines | None = None
) -> LocalizedText:
    """``{es: ..., en: ...}``: both languages present, nothing else."""
    if isinstance(node, ScalarNode):
        raise sy.YamlProblem(sy.line_of(node), path, "not_localized")
    mapping = sy.YMap(
        node,
        path,
        required=("es", "en"),
        unknown_reason="unknown_language",
        missing_reason="missing_language",
    )
    if lines is not None:
        lines.add(mapping)
    es = sy.text(
        mapping.field("es").value, sy.join(path, "es"), max_len=max_len, multiline=multiline
    )
    en = sy.text(
        mapping.field("en").value, sy.join(path, "en"), max_len=max_len, multiline=multiline
    )
    return LocalizedText(es=es, en=en)


def _framework(node: Node, path: str, lines: _Lines) -> FrameworkRef:
    mapping = lines.add(sy.YMap(node, path, required=("name", "reference"), optional=("url",)))
    name = localized(
        mapping.field("name").value, sy.join(path, "name"), max_len=MAX_NAME, lines=lines
    )
    reference = sy.text(
        mapping.field("reference").value,
        sy.join(path, "reference"),
        max_len=MAX_REFERENCE,
        multiline=True,
    )
    url_field = mapping.get("url")
    url = (
        sy.pattern(url_field.value, url_field.path, URL_RE, reason="bad_url") if url_field else None
    )
    return FrameworkRef(name=name, reference=reference, url=url)


def _words(node: Node, path: str) -> tuple[str, ...]:
    words: list[str] = []
    for index, item in enumerate(sy.sequence(node, path)):
        words.append(sy.text(item, sy.join(path, index), max_len=MAX_WORD))
    return tuple(words)


class _PromptReader:
    def __init__(self, lines: _Lines) -> None:
        self.lines = lines
        self.keys: set[str] = set()
        self.count = 0

    def read_list(self, node: Node, path: str, depth: int) -> tuple[Prompt, ...]:
        items = sy.sequence(node, path, max_items=MAX_PROMPTS, min_items=1)
        return tuple(self.read(item, sy.join(path, i), depth) for i, item in enumerate(items))

    def read(self, node: Node, path: str, depth: int) -> Prompt:
        self.count += 1
        if self.count > MAX_PROMPTS:
            raise sy.YamlProblem(sy.line_of(node), path, "too_many")
        mapping = self.lines.add(
            sy.YMap(
                node,
                path,
                required=("key", "title", "guidance"),
                optional=("example", "required", "words", "descriptive", "prompts"),
            )
        )
        key_field = mapping.field("key")
        key = sy.text(key_field.value, key_field.path, max_len=MAX_ID)
        if not KEY_RE.fullmatch(key):
            raise sy.YamlProblem(sy.line_of(key_field.value), key_field.path, "bad_key")
        if key in self.keys:
            raise sy.YamlProblem(sy.line_of(key_field.value), key_field.path, "duplicate_section")
        self.keys.add(key)
        title = localized(
            mapping.field("title").value,
            sy.join(path, "title"),
            max_len=MAX_TITLE,
            lines=self.lines,
        )
        guidance = localized(
            mapping.field("guidance").value,
            sy.join(path, "guidance"),
            max_len=MAX_GUIDANCE,
            multiline=True,
            lines=self.lines,
        )
        example_field = mapping.get("example")
        example = (
            localized(
                example_field.value,
                example_field.path,
                max_len=MAX_GUIDANCE,
                multiline=True,
                lines=self.lines,
            )
            if example_field
            else None
        )
        required_field = mapping.get("required")
        required = (
            sy.boolean(required_field.value, required_field.path) if required_field else False
        )
        words_field = mapping.get("words")
        words = (
            sy.integer(words_field.value, words_field.path, low=1, high=MAX_WORD_HINT)
            if words_field
            else None
        )
        descriptive_field = mapping.get("descriptive")
        descriptive = (
            sy.boolean(descriptive_field.value, descriptive_field.path)
            if descriptive_field
            else None
        )
        subs: tuple[Prompt, ...] = ()
        sub_field = mapping.get("prompts")
        if sub_field is not None:
            if depth + 1 >= MAX_PROMPT_DEPTH:
                raise sy.YamlProblem(sub_field.key_line, sub_field.path, "too_deep")
            subs = self.read_list(sub_field.value, sub_field.path, depth + 1)
        return Prompt(
            key=key,
            title=title,
            guidance=guidance,
            example=example,
            required=required,
            words=words,
            descriptive=descriptive,
            prompts=subs,
        )


def _template(
    root: Node, reserved_ids: Collection[str], origin: TemplateOrigin, lines: _Lines
) -> Template:
    top = lines.add(
        sy.YMap(
            root,
            "",
            required=("format", "id", "version", "name", "description", "prompts"),
            optional=("kind", "framework", "tags", "standards", "evaluative_words"),
        )
    )
    fmt = top.field("format")
    if sy.text(fmt.value, fmt.path, max_len=64) != TEMPLATE_FORMAT:
        raise sy.YamlProblem(sy.line_of(fmt.value), fmt.path, "bad_format")

    id_field = top.field("id")
    template_id = sy.text(id_field.value, id_field.path, max_len=MAX_ID)
    if len(template_id) < 2 or not ID_RE.fullmatch(template_id):
        raise sy.YamlProblem(sy.line_of(id_field.value), id_field.path, "bad_id")
    if template_id in reserved_ids:
        raise sy.YamlProblem(sy.line_of(id_field.value), id_field.path, "reserved_id")

    version_field = top.field("version")
    version = sy.integer(version_field.value, version_field.path, low=1, high=MAX_VERSION)
    name = localized(top.field("name").value, "name", max_len=MAX_NAME, lines=lines)
    description = localized(
        top.field("description").value,
        "description",
        max_len=MAX_DESCRIPTION,
        multiline=True,
        lines=lines,
    )

    kind_field = top.get("kind")
    kind = (
        TemplateKind(
            sy.choice(kind_field.value, kind_field.path, tuple(k.value for k in TemplateKind))
        )
        if kind_field
        else TemplateKind.REFLECTION
    )
    framework_field = top.get("framework")
    framework = _framework(framework_field.value, "framework", lines) if framework_field else None

    tags: list[LocalizedText] = []
    tags_field = top.get("tags")
    if tags_field:
        for i, item in enumerate(sy.sequence(tags_field.value, "tags", max_items=50)):
            tags.append(localized(item, sy.join("tags", i), max_len=MAX_TAG, lines=lines))

    standards: list[str] = []
    standards_field = top.get("standards")
    if standards_field:
        for i, item in enumerate(sy.sequence(standards_field.value, "standards", max_items=100)):
            code = sy.pattern(item, sy.join("standards", i), STANDARD_CODE_RE, reason="bad_code")
            if code in standards:
                raise sy.YamlProblem(sy.line_of(item), sy.join("standards", i), "duplicate_code")
            standards.append(code)

    evaluative = EvaluativeWords()
    words_field = top.get("evaluative_words")
    if words_field:
        if kind is not TemplateKind.OBSERVATION:
            raise sy.YamlProblem(words_field.key_line, words_field.path, "observation_only")
        words_map = lines.add(
            sy.YMap(
                words_field.value,
                words_field.path,
                required=(),
                optional=("es", "en"),
                unknown_reason="unknown_language",
            )
        )
        es = words_map.get("es")
        en = words_map.get("en")
        evaluative = EvaluativeWords(
            es=_words(es.value, es.path) if es else (),
            en=_words(en.value, en.path) if en else (),
        )

    prompts = _PromptReader(lines).read_list(top.field("prompts").value, "prompts", 0)
    return Template(
        id=template_id,
        version=version,
        name=name,
        description=description,
        prompts=prompts,
        kind=kind,
        framework=framework,
        tags=tuple(tags),
        standards=tuple(standards),
        evaluative_words=evaluative,
        origin=origin,
    )


def _error(problem: sy.YamlProblem, source_name: str) -> TemplateInvalid:
    cls = TemplateIdReserved if problem.reason == "reserved_id" else TemplateInvalid
    error = problem.to_error(source_name, cls)
    assert isinstance(error, TemplateInvalid)
    return error


def parse_template(
    data: bytes,
    source_name: str,
    *,
    reserved_ids: Collection[str] = (),
    origin: TemplateOrigin = TemplateOrigin.CUSTOM,
) -> TemplateDocument:
    """Validate ``data``; raise :class:`TemplateInvalid` (or a subclass) on the first problem.

    ``source_name`` names the file in errors; ``reserved_ids`` are ids the template may not
    take (the built-in ones, when a university imports its own).
    """
    lines = _Lines()
    try:
        root = sy.compose(data)
        template = _template(root, reserved_ids, origin, lines)
    except sy.YamlProblem as problem:
        log.info("template %s rejected: %s", source_name, problem)
        raise _error(problem, source_name) from None
    return TemplateDocument(template, bytes(data), MappingProxyType(lines.lines))


def read_limited(path: Path) -> bytes:
    """The bytes of ``path`` (at most one byte over the size cap, so huge files stay unread)."""
    try:
        with path.open("rb") as handle:
            return handle.read(sy.MAX_BYTES + 1)
    except OSError as exc:
        raise FileUnreadable(path.name) from exc


def load_template_file(
    path: Path,
    *,
    reserved_ids: Collection[str] = (),
    origin: TemplateOrigin = TemplateOrigin.CUSTOM,
) -> TemplateDocument:
    """Read and validate a template file; errors name the file by its base name."""
    data = read_limited(path)
    return parse_template(data, path.name, reserved_ids=reserved_ids, origin=origin)
