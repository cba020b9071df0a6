"""Canonical JSON, a strict JSON reader and a small strict schema validator.

Canonical form (what is signed and hashed; docs/bundle-format.md §4):

* UTF-8, no byte order mark, no whitespace between tokens;
* object keys sorted by code point, no duplicate keys;
* strings as Python's ``json.dumps(ensure_ascii=False)`` writes them: ``\\"``,
  ``\\\\``, ``\\b \\f \\n \\r \\t`` and ``\\u00xx`` for the other C0 controls,
  every other character as raw UTF-8 (no lone surrogates);
* numbers are integers within ±(2**53 - 1); there are no floats at all, so NaN,
  infinities and float formatting cannot arise.

The reader caps the size *before* decoding, rejects a BOM, invalid UTF-8, duplicate
keys, floats, ``NaN``/``Infinity``, out-of-range integers and absurd nesting, and
can insist that the bytes are already canonical (the manifest and cards must be).

Schemas are plain values (:class:`Object`, :class:`Str`, ...). :func:`validate`
raises the error class it is given with a detail naming the file and the JSON path
(``entries/<id>.json:$.revisions[0].content.title: too long``), never the value.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import NoReturn, TypeAlias

from reflectdesk.errors import (
    BundleJsonInvalid,
    BundleJsonTooLarge,
    BundleSchemaInvalid,
    ReflectDeskError,
)

JsonValue: TypeAlias = "bool | int | str | list[JsonValue] | dict[str, JsonValue] | None"
JsonObject: TypeAlias = "dict[str, JsonValue]"
Blob: TypeAlias = bytes | bytearray | memoryview
ErrorClass: TypeAlias = type[ReflectDeskError]

MAX_SAFE_INT = 2**53 - 1
_MAX_INT_DIGITS = 17  # "-9007199254740991"
MAX_DEPTH = 32
_BOM = b"\xef\xbb\xbf"
_CONTROL = re.compile("[\x00-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


# --- canonical encoding -----------------------------------------------------------------
class _NotCanonicalError(ValueError):
    pass


def _check_encodable(value: object, depth: int = 0) -> None:
    if depth > MAX_DEPTH:
        raise _NotCanonicalError("nesting too deep")
    if value is None or isinstance(value, bool):
        return
    if isinstance(value, int):
        if not -MAX_SAFE_INT <= value <= MAX_SAFE_INT:
            raise _NotCanonicalError("integer out of range")
        return
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise _NotCanonicalError("lone surrogate in a string") from exc
        return
    if isinstance(value, list):
        for item in value:
            _check_encodable(item, depth + 1)
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise _NotCanonicalError("object key is not a string")
            _check_encodable(key, depth + 1)
            _check_encodable(item, depth + 1)
        return
    raise _NotCanonicalError(f"type {type(value).__name__} is not allowed")


def canonical_json(
    value: JsonValue, *, error: ErrorClass = BundleJsonInvalid, parsed: bool = False
) -> bytes:
    """The one canonical byte string of ``value`` (see the module docstring).

    ``parsed=True`` skips the type walk for values that came from :func:`parse_json`,
    which only produces allowed types and integers in range.
    """
    if not parsed:
        try:
            _check_encodable(value)
        except _NotCanonicalError as exc:
            raise error(f"canonical JSON: {exc}") from None
    text = json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        raise error("canonical JSON: lone surrogate in a string") from None


# --- strict reading ----------------------------------------------------------------------
class _RejectError(ValueError):
    pass


def _no_duplicate_keys(pairs: list[tuple[str, JsonValue]]) -> JsonObject:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise _RejectError("duplicate key")
    return out


def _reject_float(_: str) -> NoReturn:
    raise _RejectError("floating-point numbers are not allowed")


def _reject_constant(_: str) -> NoReturn:
    raise _RejectError("NaN and Infinity are not allowed")


def _bounded_int(text: str) -> int:
    if len(text) > _MAX_INT_DIGITS:
        raise _RejectError("integer out of range")
    number = int(text)
    if not -MAX_SAFE_INT <= number <= MAX_SAFE_INT:
        raise _RejectError("integer out of range")
    return number


def parse_json(
    data: Blob,
    *,
    max_bytes: int,
    name: str,
    require_canonical: bool = False,
    too_large: ErrorClass = BundleJsonTooLarge,
    invalid: ErrorClass = BundleJsonInvalid,
) -> JsonValue:
    """Decode ``data`` strictly; the size cap is checked before anything is decoded."""
    if len(data) > max_bytes:
        raise too_large(f"{name}: {len(data)} > {max_bytes} bytes")
    raw = bytes(data)
    if raw.startswith(_BOM):
        raise invalid(f"{name}: byte order mark")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise invalid(f"{name}: not UTF-8") from None
    try:
        value: JsonValue = json.loads(
            text,
            object_pairs_hook=_no_duplicate_keys,
            parse_float=_reject_float,
            parse_constant=_reject_constant,
            parse_int=_bounded_int,
        )
    except _RejectError as exc:
        raise invalid(f"{name}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise invalid(f"{name}: syntax error at line {exc.lineno} column {exc.colno}") from None
    except RecursionError:
        raise invalid(f"{name}: nesting too deep") from None
    except ValueError:  # e.g. an integer literal beyond sys.get_int_max_str_digits()
        raise invalid(f"{name}: invalid number") from None
    if require_canonical and canonical_json(value, error=invalid, parsed=True) != raw:
        raise invalid(f"{name}: not in canonical form")
    return value


# --- timestamps ----------------------------------------------------------------------------
_TIMESTAMP_RE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z", re.ASCII)
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def format_timestamp(moment: datetime, *, millis: bool = False) -> str:
    """RFC 3339 in UTC with a ``Z``: ``2025-03-01T09:30:00Z`` (or ``...00.123Z``)."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime")
    utc = moment.astimezone(UTC)
    if millis:
        return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"
    return utc.strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_timestamp(text: str) -> datetime:
    """The inverse of :func:`format_timestamp`; raises ``ValueError``."""
    if not _TIMESTAMP_RE.fullmatch(text):
        raise ValueError("not an RFC 3339 UTC timestamp")
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


# --- schemas -----------------------------------------------------------------------------
class _InvalidError(Exception):
    def __init__(self, path: str, why: str) -> None:
        super().__init__(f"{path}: {why}")
        self.path = path
        self.why = why


def _fail(path: str, why: str) -> NoReturn:
    raise _InvalidError(path, why)


def _within(prefix: str, exc: _InvalidError) -> NoReturn:
    """Re-raise a nested failure with the path of where it happened.

    Containers check their items with an empty path and add theirs only on failure,
    so the valid case (every document) never formats a path string.
    """
    raise _InvalidError(prefix + exc.path, exc.why) from None


class Spec:
    """A schema node; ``check`` raises :class:`_InvalidError` with the JSON path."""

    def check(self, value: JsonValue, path: str) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


def _is_int(value: JsonValue) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True, slots=True)
class Str(Spec):
    max_len: int
    min_len: int = 0
    pattern: re.Pattern[str] | None = None
    single_line: bool = False  # no C0 controls or DEL, so no line breaks

    def check(self, value: JsonValue, path: str) -> None:
        if not isinstance(value, str):
            _fail(path, "not a string")
        if len(value) > self.max_len:
            _fail(path, "too long")
        if len(value) < self.min_len:
            _fail(path, "too short")
        if self.pattern is not None and not self.pattern.fullmatch(value):
            _fail(path, "wrong format")
        if self.single_line and _CONTROL.search(value):
            _fail(path, "control character")
        if not value.isascii() and _SURROGATE.search(value):  # isascii() is O(1)
            _fail(path, "lone surrogate")


@dataclass(frozen=True, slots=True)
class Int(Spec):
    min: int = 0
    max: int = MAX_SAFE_INT

    def check(self, value: JsonValue, path: str) -> None:
        if not _is_int(value):
            _fail(path, "not an integer")
        assert isinstance(value, int)
        if not self.min <= value <= self.max:
            _fail(path, "out of range")


@dataclass(frozen=True, slots=True)
class Bool(Spec):
    def check(self, value: JsonValue, path: str) -> None:
        if not isinstance(value, bool):
            _fail(path, "not a boolean")


@dataclass(frozen=True, slots=True)
class Const(Spec):
    value: str | int

    def check(self, value: JsonValue, path: str) -> None:
        if type(value) is not type(self.value) or value != self.value:
            _fail(path, "unexpected value")


@dataclass(frozen=True, slots=True)
class Enum(Spec):
    values: frozenset[str]

    def check(self, value: JsonValue, path: str) -> None:
        if not isinstance(value, str) or value not in self.values:
            _fail(path, "not one of the allowed values")


@dataclass(frozen=True, slots=True)
class Timestamp(Spec):
    def check(self, value: JsonValue, path: str) -> None:
        if not isinstance(value, str):
            _fail(path, "not a timestamp")
        try:
            parse_timestamp(value)
        except ValueError:
            _fail(path, "not an RFC 3339 UTC timestamp")


@dataclass(frozen=True, slots=True)
class Date(Spec):
    def check(self, value: JsonValue, path: str) -> None:
        if not isinstance(value, str) or not _DATE_RE.fullmatch(value):
            _fail(path, "not a date")
        try:
            date.fromisoformat(value)
        except ValueError:
            _fail(path, "not a date")


@dataclass(frozen=True, slots=True)
class Nullable(Spec):
    inner: Spec

    def check(self, value: JsonValue, path: str) -> None:
        if value is not None:
            self.inner.check(value, path)


@dataclass(frozen=True, slots=True)
class Array(Spec):
    item: Spec
    max_items: int
    min_items: int = 0
    unique: bool = False

    def check(self, value: JsonValue, path: str) -> None:
        if not isinstance(value, list):
            _fail(path, "not an array")
        if len(value) > self.max_items:
            _fail(path, "too many items")
        if len(value) < self.min_items:
            _fail(path, "too few items")
        check = self.item.check
        for index, item in enumerate(value):
            try:
                check(item, "")
            except _InvalidError as exc:
                _within(f"{path}[{index}]", exc)
        if self.unique:
            seen = {
                item if isinstance(item, str) else json.dumps(item, sort_keys=True)
                for item in value
            }
            if len(seen) != len(value):
                _fail(path, "duplicate items")


@dataclass(frozen=True, slots=True)
class Pair(Spec):
    """A fixed-length array such as ``[key, text]``."""

    items: tuple[Spec, ...]

    def check(self, value: JsonValue, path: str) -> None:
        if not isinstance(value, list) or len(value) != len(self.items):
            _fail(path, f"not an array of {len(self.items)} items")
        for index, (spec, item) in enumerate(zip(self.items, value, strict=True)):
            try:
                spec.check(item, "")
            except _InvalidError as exc:
                _within(f"{path}[{index}]", exc)


@dataclass(frozen=True, slots=True)
class Object(Spec):
    required: Mapping[str, Spec]
    optional: Mapping[str, Spec] = field(default_factory=dict)

    def check(self, value: JsonValue, path: str) -> None:
        if not isinstance(value, dict):
            _fail(path, "not an object")
        for key in value:
            if key not in self.required and key not in self.optional:
                _fail(f"{path}.{_safe_key(key)}", "unknown field")
        for key, spec in self.required.items():
            if key not in value:
                _fail(f"{path}.{key}", "missing")
            try:
                spec.check(value[key], "")
            except _InvalidError as exc:
                _within(f"{path}.{key}", exc)
        for key, spec in self.optional.items():
            if key in value:
                try:
                    spec.check(value[key], "")
                except _InvalidError as exc:
                    _within(f"{path}.{key}", exc)


@dataclass(frozen=True, slots=True)
class MapOf(Spec):
    key: Str
    value: Spec
    max_items: int

    def check(self, value: JsonValue, path: str) -> None:
        if not isinstance(value, dict):
            _fail(path, "not an object")
        if len(value) > self.max_items:
            _fail(path, "too many items")
        for key, item in value.items():
            try:
                self.key.check(key, "")
            except _InvalidError as exc:
                _within(f"{path}.<key>", exc)
            try:
                self.value.check(item, "")
            except _InvalidError as exc:
                _within(f"{path}.{_safe_key(key)}", exc)


@dataclass(frozen=True, slots=True)
class AnyObject(Spec):
    """A free-form JSON object (checked later by its consumer) of bounded depth."""

    max_depth: int = 8

    def check(self, value: JsonValue, path: str) -> None:
        if not isinstance(value, dict):
            _fail(path, "not an object")
        try:
            _check_encodable(value, MAX_DEPTH - self.max_depth)
        except _NotCanonicalError as exc:
            _fail(path, str(exc))


_SAFE_KEY = re.compile(r"[A-Za-z0-9_.-]{1,64}", re.ASCII)


def _safe_key(key: str) -> str:
    # Keys of free maps could be text; only echo ones that look like identifiers.
    return key if _SAFE_KEY.fullmatch(key) else "<key>"


def validate(
    value: JsonValue, spec: Spec, *, name: str, error: ErrorClass = BundleSchemaInvalid
) -> None:
    """Check ``value`` against ``spec``; raise ``error`` naming the file and JSON path."""
    try:
        spec.check(value, "$")
    except _InvalidError as exc:
        raise error(f"{name}:{exc.path}: {exc.why}") from None


def as_object(value: JsonValue) -> JsonObject:
    """Narrow a validated value to an object (for the type checker)."""
    if not isinstance(value, dict):
        raise TypeError("not an object")
    return value
