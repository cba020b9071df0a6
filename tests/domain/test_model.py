"""The frozen values the services hand out: entry content round trips through its sealed
JSON, its hash names the content (section order included), nothing is mutable."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reflectdesk.domain.model import (
    Consent,
    EntryContent,
    ExportRequest,
    KeyRevocation,
    ms_to_datetime,
    now_ms,
)

text = st.text(max_size=40)
contents = st.builds(
    EntryContent,
    title=text,
    sections=st.dictionaries(st.text(min_size=1, max_size=10), text, max_size=4),
    tags=st.lists(text, max_size=3).map(tuple),
    standards=st.lists(text, max_size=3).map(tuple),
    event_date=st.none() | st.dates(),
    template_id=st.text(min_size=1, max_size=10),
    template_version=st.integers(1, 50),
)


@given(contents)
def test_content_round_trips_through_its_json(content: EntryContent) -> None:
    again = EntryContent.from_json(content.to_json())
    assert again == content
    assert again.content_hash() == content.content_hash()
    assert list(again.sections) == list(content.sections)  # the template's order is kept


def test_the_hash_names_the_content() -> None:
    a = EntryContent(title="T", sections={"one": "1", "two": "2"})
    b = EntryContent(title="T", sections={"two": "2", "one": "1"})
    assert a.content_hash() != b.content_hash()  # section order is content
    same = EntryContent(title="T", sections={"one": "1", "two": "2"})
    assert a.content_hash() == same.content_hash()
    assert a.body_text == "1\n\n2" and a.word_count() == 2
    assert EntryContent.from_json({}) == EntryContent()  # old rows: defaults
    dated = EntryContent(event_date=date(2026, 4, 2))
    assert dated.to_json()["event_date"] == "2026-04-02"


def test_values_cannot_be_changed_after_the_fact() -> None:
    content = EntryContent(sections={"body": "x"})
    with pytest.raises(dataclasses.FrozenInstanceError):
        content.title = "y"  # type: ignore[misc]
    with pytest.raises(TypeError):
        content.sections["body"] = "y"  # type: ignore[index]
    request = ExportRequest(recipients=("c",), entry_consent={"e": Consent.RESEARCH})
    with pytest.raises(TypeError):
        request.entry_consent["e"] = Consent.READ  # type: ignore[index]


def test_times() -> None:
    ms = now_ms()
    assert ms_to_datetime(ms).tzinfo is UTC
    assert abs(ms_to_datetime(ms) - datetime.now(UTC)) < timedelta(seconds=5)
    stated = datetime(2030, 1, 1, tzinfo=UTC)
    imported = datetime(2026, 1, 1, tzinfo=UTC)
    # A revocation dated in the future takes effect when it was imported.
    assert KeyRevocation(b"k", stated, imported).effective == imported
