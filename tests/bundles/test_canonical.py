from __future__ import annotations

import json
import re

import pytest

from reflectdesk.bundles.canonical import (
    Array,
    Const,
    Int,
    MapOf,
    Object,
    Pair,
    Str,
    Timestamp,
    canonical_json,
    format_timestamp,
    parse_json,
    parse_timestamp,
    validate,
)
from reflectdesk.errors import BundleJsonInvalid, BundleJsonTooLarge, BundleSchemaInvalid


def test_canonical_form() -> None:
    value = {"b": [1, True, None], "a": 'ñ\n"x"', "c": {"z": 0, "y": -5}}
    assert (
        canonical_json(value) == '{"a":"ñ\\n\\"x\\"","b":[1,true,null],"c":{"y":-5,"z":0}}'.encode()
    )


@pytest.mark.parametrize(
    "value", [1.5, float("nan"), float("inf"), 2**53, -(2**53), {1: "x"}, b"x", "\ud800"]
)
def test_canonical_rejects_what_it_cannot_represent(value: object) -> None:
    with pytest.raises(BundleJsonInvalid):
        canonical_json({"v": value})  # type: ignore[dict-item]


def test_parse_accepts_canonical_and_round_trips() -> None:
    raw = canonical_json({"k": ["é", 9007199254740991, -9007199254740991]})
    assert parse_json(raw, max_bytes=100, name="x", require_canonical=True) == {
        "k": ["é", 9007199254740991, -9007199254740991]
    }


@pytest.mark.parametrize(
    "raw",
    [
        b'{"a":1,"a":2}',
        b'{"a":1.0}',
        b'{"a":1e3}',
        b'{"a":NaN}',
        b'{"a":Infinity}',
        b'{"a":-Infinity}',
        b'{"a":9007199254740992}',
        b'{"a":' + b"9" * 5000 + b"}",
        b"\xef\xbb\xbf{}",
        b'{"a":"\xff"}',
        b'{"a":',
        b"[" * 100_000 + b"]" * 100_000,
    ],
)
def test_parse_rejects(raw: bytes) -> None:
    with pytest.raises(BundleJsonInvalid):
        parse_json(raw, max_bytes=1_000_000, name="x")


def test_parse_checks_size_before_decoding() -> None:
    with pytest.raises(BundleJsonTooLarge):
        parse_json(b"{" * 101, max_bytes=100, name="x")


def test_require_canonical() -> None:
    with pytest.raises(BundleJsonInvalid, match="canonical"):
        parse_json(b'{"b":1, "a":2}', max_bytes=100, name="x", require_canonical=True)
    with pytest.raises(BundleJsonInvalid, match="canonical"):
        parse_json(b'{"a":"\\u00e9"}', max_bytes=100, name="x", require_canonical=True)


def test_timestamps() -> None:
    moment = parse_timestamp("2025-03-01T10:00:00Z")
    assert format_timestamp(moment) == "2025-03-01T10:00:00Z"
    assert format_timestamp(parse_timestamp("2025-03-01T10:00:00.123Z"), millis=True) == (
        "2025-03-01T10:00:00.123Z"
    )
    for bad in ("2025-03-01 10:00:00Z", "2025-03-01T10:00:00+01:00", "2025-02-30T10:00:00Z"):
        with pytest.raises(ValueError):
            parse_timestamp(bad)


SCHEMA = Object(
    required={
        "kind": Const("x"),
        "name": Str(10, 1, single_line=True),
        "n": Int(0, 5),
        "tags": Array(Str(5), max_items=2, unique=True),
        "pairs": Array(Pair((Str(3), Int())), max_items=3),
        "map": MapOf(Str(3, 1, re.compile("[a-z]+")), Int(), max_items=2),
        "when": Timestamp(),
    },
    optional={"note": Str(5)},
)
GOOD = {
    "kind": "x",
    "name": "Ana",
    "n": 3,
    "tags": ["a", "b"],
    "pairs": [["k", 1]],
    "map": {"ab": 1},
    "when": "2025-03-01T10:00:00Z",
}


def test_schema_accepts_valid() -> None:
    validate(GOOD, SCHEMA, name="f.json")
    validate({**GOOD, "note": "hi"}, SCHEMA, name="f.json")


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"extra": 1}, "$.extra: unknown field"),
        ({"kind": "y"}, "$.kind"),
        ({"name": ""}, "$.name: too short"),
        ({"name": "a" * 11}, "$.name: too long"),
        ({"name": "a\nb"}, "$.name: control character"),
        ({"name": "a\ud800"}, "$.name: lone surrogate"),
        ({"n": 6}, "$.n: out of range"),
        ({"n": True}, "$.n: not an integer"),
        ({"n": "1"}, "$.n: not an integer"),
        ({"tags": ["a", "a"]}, "$.tags: duplicate items"),
        ({"tags": ["a", "b", "c"]}, "$.tags: too many items"),
        ({"pairs": [["k"]]}, "$.pairs[0]"),
        ({"map": {"AB": 1}}, "$.map.<key>: wrong format"),
        ({"when": "yesterday"}, "$.when"),
        ({"note": 5}, "$.note: not a string"),
    ],
)
def test_schema_rejects_with_path(change: dict[str, object], path: str) -> None:
    doc = json.loads(json.dumps({**GOOD, **change}))
    with pytest.raises(BundleSchemaInvalid) as info:
        validate(doc, SCHEMA, name="f.json")
    assert info.value.detail.startswith("f.json:")
    assert path in info.value.detail


def test_schema_missing_field() -> None:
    doc = dict(GOOD)
    del doc["n"]
    with pytest.raises(BundleSchemaInvalid, match=r"\$\.n: missing"):
        validate(doc, SCHEMA, name="f.json")


def test_schema_errors_never_echo_values() -> None:
    secret = "my private reflection"
    with pytest.raises(BundleSchemaInvalid) as info:
        validate({**GOOD, "name": secret}, SCHEMA, name="f.json")
    assert secret not in str(info.value)
    with pytest.raises(BundleSchemaInvalid) as info:
        validate({**GOOD, secret: 1}, SCHEMA, name="f.json")
    assert secret not in str(info.value)
