"""Coding a case study (issue 15, point 4): the codebook tree, passages at code-point
offsets (an emoji before them), memos, and the queries."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reflectdesk.errors import (
    CaseCodeNotFound,
    CaseFieldInvalid,
    CaseItemNotFound,
    CaseMemoNotFound,
    CaseSegmentInvalid,
)
from reflectdesk.review.anchor import from_utf16, to_utf16
from tests.services.case_helpers import Study, close, make_study


@pytest.fixture
def study(tmp_path: Path) -> Iterator[Study]:
    s = make_study(tmp_path)
    yield s
    close(s)


def test_codes_passages_and_memos(study: Study) -> None:
    cs = study.researcher.case_studies
    case = study.new_case()
    item = cs.add(case, study.at("research"))
    coding = cs.coding
    parent = coding.add_code(case, "Didáctica", color="#336699")
    child = coding.add_code(case, "Material", parent_id=parent.id, description="Regletas…")
    assert coding.resolve_code(case, "material").id == child.id
    with pytest.raises(CaseFieldInvalid):
        coding.add_code(case, "Rojo", color="red")
    with pytest.raises(CaseCodeNotFound):
        coding.add_code(case, "Huérfano", parent_id="nope")
    text = item.text("description") or ""
    # What the GUI holds: Qt's UTF-16 positions; the emoji before the passage counts twice.
    start16 = to_utf16(text, text.index("fracciones"))
    start = from_utf16(text, start16)
    assert start16 == start + 1
    seg = coding.apply(case, item.id, "description", start, start + len("fracciones"), child.id)
    (p,) = coding.passages(case, parent.id)  # a parent's query holds its sub-codes
    assert (p.segment_id, p.text, p.pseudonym, p.section) == (
        seg,
        "fracciones",
        "Estudiante A",
        "description",
    )
    assert p.event_date is not None and p.event_date.isoformat() == "2026-05-04"
    assert coding.passages(case, parent.id, with_subcodes=False) == []
    for bad in ((5, 5), (-1, 3), (0, len(text) + 1)):
        with pytest.raises(CaseSegmentInvalid):
            coding.apply(case, item.id, "description", *bad, child.id)
    with pytest.raises(CaseSegmentInvalid):
        coding.apply(case, item.id, "nope", 0, 1, child.id)
    with pytest.raises(CaseItemNotFound):
        coding.apply(case, "nope", "description", 0, 1, child.id)
    memo = coding.add_memo(case, "Pasaje clave", segment_id=seg)
    coding.add_memo(case, "Código", code_id=child.id)
    coding.add_memo(case, "Proyecto", title="General")
    assert (memo.target, memo.ref) == ("segment", seg)
    assert coding.passages(case)[0].memos == (memo.id,)
    with pytest.raises(CaseFieldInvalid):
        coding.add_memo(case, "dos", code_id=child.id, item_id=item.id)
    with pytest.raises(CaseMemoNotFound):
        coding.add_memo(case, "x", segment_id="nope")
    edited = coding.update_memo(case, memo.id, "Pasaje clave, revisado", title="Clave")
    assert (edited.text, edited.title, edited.ref) == ("Pasaje clave, revisado", "Clave", seg)
    coding.remove_memo(case, edited.id)
    memo = coding.add_memo(case, "Pasaje clave", segment_id=seg)
    with pytest.raises(CaseMemoNotFound):
        coding.update_memo(case, "nope", "x")
    coding.update_code(case, child.id, name="Material concreto", color="#aa0000")
    assert coding.resolve_code(case, child.id).color == "#AA0000"
    # Removing the parent removes its sub-code, their passages and memos on them.
    coding.remove_code(case, parent.id)
    assert coding.codes(case) == [] and coding.passages(case) == []
    assert [m.text for m in coding.memos(case)] == ["Proyecto"]


def test_queries_frequencies_cooccurrence_and_standards(study: Study) -> None:
    cs = study.researcher.case_studies
    case = study.new_case()
    one = cs.add(case, study.at("research"))  # standards C7
    two = cs.add(case, study.at("pseudo"))  # standards C7, D10
    cs.pseudonymise.apply(case, [])
    c = cs.coding
    a = c.add_code(case, "A")
    b = c.add_code(case, "B")
    c.apply_quote(case, one.id, "description", "trabajé con", a.id)
    c.apply_quote(case, one.id, "description", "con Martina", b.id)  # overlaps A
    c.apply_quote(case, one.id, "analysis", "regletas", a.id)
    c.apply_quote(case, two.id, "description", "fracciones", b.id)
    freq = c.frequencies(case)
    assert freq.totals == {a.id: 2, b.id: 2}
    assert freq.by_student == {"Estudiante A": {a.id: 2, b.id: 2}}
    assert freq.by_section == {"description": {a.id: 1, b.id: 2}, "analysis": {a.id: 1}}
    pair = tuple(sorted((a.id, b.id)))
    assert c.cooccurrence(case) == {pair: 1}
    assert c.standards_matrix(case) == {a.id: {"C7": 2}, b.id: {"C7": 2, "D10": 1}}
    # One read for every query (the GUI's queries tab): the same figures.
    items = cs.items(case)
    passages = c.passages(case, items=items)
    assert c.standards_matrix(case, passages, items) == c.standards_matrix(case)
    only_b = [p for p in passages if p.code_id == b.id]
    assert c.standards_matrix(case, only_b, items) == {b.id: {"C7": 2, "D10": 1}}
    seg = c.passages(case, b.id)[0].segment_id
    c.remove_passage(case, seg)
    assert c.cooccurrence(case) == {}
