"""A strict, line-aware YAML reader for hand-written template and standards files.

Files are read with PyYAML's *compose* API (``SafeLoader``) so that every node keeps
its line, and are then checked here with typed accessors. On top of YAML itself the
reader refuses what a hand-written data file never needs and an attacker might use:

* files larger than :data:`MAX_BYTES`, text that is not UTF-8, more than one document;
* anchors and aliases (so no "billion laughs" and no cycles), explicit tags (``!!python``,
  ``!foo``, even ``!!str``);
* nesting deeper than :data:`MAX_DEPTH`, duplicate keys, keys that are not plain text.

Every problem is a :class:`YamlProblem` with the 1-based ``line``, the dotted ``field``
path (``prompts[2].title.en``) and a ``reason`` code; the loaders turn it into a
:class:`reflectdesk.errors.TemplateInvalid` or :class:`~reflectdesk.errors.TaxonomyInvalid`
whose ``detail`` reads ``file:line: field: reason``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import yaml
from yaml.events import (
    AliasEvent,
    Event,
    MappingStartEvent,
    SequenceStartEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from reflectdesk.errors import InputError

log = logging.getLogger(__name__)

MAX_BYTES = 256 * 1024
MAX_DEPTH = 16
MAX_LIST = 500

ROOT = "(root)"
FILE_FIELD = "(file)"
SYNTAX_FIELD = "(syntax)"

_INT_RE = re.compile(r"[0-9]{1,9}")
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_NULL_TAG = "tag:yaml.org,2002:null"


class YamlProblem(Exception):
    """One precise problem in a file: where it is, which field, and a reason code."""

    def __init__(self, line: int, field: str, reason: str) -> None:
        super().__init__(f"{line}: {field or ROOT}: {reason}")
        self.line = line
        self.field = field or ROOT
        self.reason = reason

    def to_error(self, source_name: str, error_cls: type[InputError]) -> InputError:
        """The user-facing error: ``detail`` is ``file:line: field: reason``."""
        return error_cls(
            f"{source_name}:{self.line}: {self.field}: {self.reason}",
            file=source_name,
            line=self.line,
            field=self.field,
            reason=self.reason,
        )


def line_of(node: Node) -> int:
    mark = node.start_mark
    return int(mark.line) + 1 if mark is not None else 1


def join(path: str, name: str | int) -> str:
    if isinstance(name, int):
        return f"{path}[{name}]"
    return f"{path}.{name}" if path else name


class _StrictComposer(yaml.composer.Composer):
    """A composer that refuses anchors, aliases, tags and deep nesting."""

    def __init__(self) -> None:
        yaml.composer.Composer.__init__(self)
        self._paths: list[str] = []

    if TYPE_CHECKING:  # the parser mixed in beside this class provides it

        def peek_event(self) -> Event: ...

    def _path_for(self, parent: Node | None, index: object) -> str:
        base = self._paths[-1] if self._paths else ""
        if parent is None:
            return base
        if isinstance(index, int):
            return join(base, index)
        if isinstance(index, ScalarNode):
            return join(base, str(index.value))
        return base  # a mapping key: report the mapping that holds it

    def compose_node(self, parent: Node | None, index: object) -> Node | None:
        path = self._path_for(parent, index)
        event = self.peek_event()
        line = int(event.start_mark.line) + 1 if event.start_mark is not None else 1
        if isinstance(event, AliasEvent):
            raise YamlProblem(line, path, "alias_not_allowed")
        if getattr(event, "anchor", None) is not None:
            raise YamlProblem(line, path, "anchor_not_allowed")
        if getattr(event, "tag", None) is not None:
            raise YamlProblem(line, path, "tag_not_allowed")
        nested = isinstance(event, MappingStartEvent | SequenceStartEvent)
        if nested and len(self._paths) + 1 > MAX_DEPTH:
            raise YamlProblem(line, path, "too_deep")
        self._paths.append(path)
        try:
            return yaml.composer.Composer.compose_node(self, parent, index)  # type: ignore[arg-type]
        finally:
            self._paths.pop()


if yaml.__with_libyaml__:
    from yaml.cyaml import CParser  # type: ignore[attr-defined]

    class _FastStrictLoader(  # type: ignore[misc]  # the stubs type peek_event loosely
        CParser,  # libyaml's scanner and parser, in C
        _StrictComposer,
        yaml.constructor.SafeConstructor,
        yaml.resolver.Resolver,
    ):
        """The same strict composer fed by libyaml's events: about eight times faster on a
        template, which the editor may parse on the GUI thread the first time it opens an
        entry. Any problem is reported by re-reading with the pure-Python loader, so a
        malformed file gets the same line and reason either way."""

        def __init__(self, text: str) -> None:
            CParser.__init__(self, text)
            _StrictComposer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

        # CParser defines these in C over its own composer; ours must win.
        get_single_node = yaml.composer.Composer.get_single_node
        compose_document = yaml.composer.Composer.compose_document

        def compose_scalar_node(self, anchor: dict[Any, Node]) -> ScalarNode:
            node = yaml.composer.Composer.compose_scalar_node(self, anchor)
            if node.style == "":  # libyaml's "plain"; PyYAML's is None
                node.style = None
            return node


class _StrictLoader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    _StrictComposer,
    yaml.constructor.SafeConstructor,
    yaml.resolver.Resolver,
):
    """``SafeLoader`` with the strict composer: the reference reading, and its errors."""

    def __init__(self, text: str) -> None:
        yaml.reader.Reader.__init__(self, text)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        _StrictComposer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)


def _decode(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise YamlProblem(1, FILE_FIELD, "too_large")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise YamlProblem(data[: exc.start].count(b"\n") + 1, FILE_FIELD, "not_utf8") from exc


def compose(data: bytes) -> Node:
    """Parse ``data`` into one YAML node tree, or raise :class:`YamlProblem`."""
    text = _decode(data)
    if yaml.__with_libyaml__:
        fast = _FastStrictLoader(text)
        try:
            node = fast.get_single_node()
        except Exception:
            log.debug("libyaml refused a file; re-reading it to name the problem")
        else:
            if node is not None:
                return node
        finally:
            fast.dispose()
    loader: _StrictLoader | None = None
    try:
        loader = _StrictLoader(text)  # the reader refuses control characters here
        node = loader.get_single_node()
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = int(mark.line) + 1 if mark is not None else 1
        if isinstance(exc, yaml.composer.ComposerError) and "single document" in str(
            exc.context or ""
        ):
            raise YamlProblem(line, ROOT, "multiple_documents") from exc
        raise YamlProblem(line, SYNTAX_FIELD, "syntax") from exc
    except yaml.reader.ReaderError as exc:
        position = int(exc.position)
        raise YamlProblem(text[:position].count("\n") + 1, FILE_FIELD, "bad_character") from exc
    except yaml.YAMLError as exc:  # pragma: no cover - every PyYAML error is one of the above
        raise YamlProblem(1, SYNTAX_FIELD, "syntax") from exc
    finally:
        if loader is not None:
            loader.dispose()
    if node is None:
        raise YamlProblem(1, ROOT, "empty")
    return node


# --- typed accessors -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Field:
    """A mapping entry: its key's line and its value node."""

    name: str
    key_line: int
    value: Node
    path: str


class YMap:
    """A checked YAML mapping: plain-text keys, no duplicates, only known fields."""

    def __init__(
        self,
        node: Node,
        path: str,
        *,
        required: tuple[str, ...],
        optional: tuple[str, ...] = (),
        unknown_reason: str = "unknown_field",
        missing_reason: str = "missing",
    ) -> None:
        if not isinstance(node, MappingNode):
            raise YamlProblem(line_of(node), path, "not_mapping")
        self.node = node
        self.path = path
        self.line = line_of(node)
        self._fields: dict[str, Field] = {}
        allowed = set(required) | set(optional)
        for key_node, value_node in node.value:
            key_line = line_of(key_node)
            if not isinstance(key_node, ScalarNode) or key_node.style is not None:
                raise YamlProblem(key_line, path, "bad_key")
            name = str(key_node.value)
            field_path = join(path, name)
            if name in self._fields:
                raise YamlProblem(key_line, field_path, "duplicate_key")
            if name not in allowed:
                raise YamlProblem(key_line, field_path, unknown_reason)
            self._fields[name] = Field(name, key_line, value_node, field_path)
        for name in required:
            if name not in self._fields or is_null(self._fields[name].value):
                where = self._fields[name].key_line if name in self._fields else self.line
                raise YamlProblem(where, join(path, name), missing_reason)

    def __contains__(self, name: str) -> bool:
        field = self._fields.get(name)
        return field is not None and not is_null(field.value)

    def field(self, name: str) -> Field:
        return self._fields[name]

    def get(self, name: str) -> Field | None:
        field = self._fields.get(name)
        if field is None or is_null(field.value):
            return None
        return field

    def line_map(self) -> Iterator[tuple[str, int]]:
        for field in self._fields.values():
            yield field.path, field.key_line


def is_null(node: Node) -> bool:
    return (
        isinstance(node, ScalarNode)
        and node.style is None
        and (node.tag == _NULL_TAG or str(node.value) in _NULL)
    )


def text(
    node: Node,
    path: str,
    *,
    max_len: int,
    multiline: bool = False,
) -> str:
    """Any scalar as text (``title: 2021`` is the text "2021"), trimmed and non-empty."""
    line = line_of(node)
    if not isinstance(node, ScalarNode):
        raise YamlProblem(line, path, "not_text")
    if is_null(node):
        raise YamlProblem(line, path, "empty")
    value = str(node.value).strip()
    if not value:
        raise YamlProblem(line, path, "empty")
    if not multiline and "\n" in value:
        raise YamlProblem(line, path, "multiline_not_allowed")
    if _CONTROL_RE.search(value):
        raise YamlProblem(line, path, "control_character")
    if len(value) > max_len:
        raise YamlProblem(line, path, "too_long")
    return value


def integer(node: Node, path: str, *, low: int, high: int) -> int:
    line = line_of(node)
    if (
        not isinstance(node, ScalarNode)
        or node.style is not None
        or not _INT_RE.fullmatch(str(node.value))
    ):
        raise YamlProblem(line, path, "not_integer")
    value = int(str(node.value))
    if not low <= value <= high:
        raise YamlProblem(line, path, "out_of_range")
    return value


def boolean(node: Node, path: str) -> bool:
    line = line_of(node)
    if isinstance(node, ScalarNode) and node.style is None:
        if str(node.value) in _TRUE:
            return True
        if str(node.value) in _FALSE:
            return False
    raise YamlProblem(line, path, "not_boolean")


def sequence(node: Node, path: str, *, max_items: int = MAX_LIST, min_items: int = 0) -> list[Node]:
    line = line_of(node)
    if not isinstance(node, SequenceNode):
        raise YamlProblem(line, path, "not_list")
    items: list[Node] = list(node.value)
    if len(items) > max_items:
        raise YamlProblem(line_of(items[max_items]), join(path, max_items), "too_many")
    if len(items) < min_items:
        raise YamlProblem(line, path, "empty")
    return items


def choice(node: Node, path: str, options: tuple[str, ...]) -> str:
    value = text(node, path, max_len=64)
    if value not in options:
        raise YamlProblem(line_of(node), path, "bad_choice")
    return value


def pattern(node: Node, path: str, regex: re.Pattern[str], *, reason: str = "bad_value") -> str:
    value = text(node, path, max_len=200)
    if not regex.fullmatch(value):
        raise YamlProblem(line_of(node), path, reason)
    return value
