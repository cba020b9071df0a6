import pytest

from reflectdesk.errors import InvalidQuery
from reflectdesk.search.query import to_fts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("reflexión", '"reflexión"'),
        ("clase aula", '"clase" AND "aula"'),
        ('"trabajo en grupo"', '"trabajo en grupo"'),
        ("evalu*", '"evalu"*'),
        ("a OR b", '"a" OR "b"'),
        ("a NOT b", '"a" NOT "b"'),
        ("a Y b", '"a" AND "b"'),
        ("(a OR b) c", '( "a" OR "b" ) AND "c"'),
        ("title:secret", '"title" AND "secret"'),
        ("and", '"and"'),
    ],
)
def test_translation(text: str, expected: str) -> None:
    assert to_fts(text) == expected


@pytest.mark.parametrize(
    "text", ['"open', "(a", "a)", "OR a", "a AND", "", "   ", "NOT a", "()", "a (OR b)"]
)
def test_malformed(text: str) -> None:
    with pytest.raises(InvalidQuery):
        to_fts(text)


def test_overlong_queries_are_refused_quickly() -> None:
    with pytest.raises(InvalidQuery) as info:
        to_fts("palabra " * 200)
    assert info.value.detail == "too_long"
    with pytest.raises(InvalidQuery):
        to_fts("x" * 5000)
