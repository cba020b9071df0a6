"""Pseudonymisation of a case study (issue 15, point 3): terms, proposals reviewed one by
one, applied to the stored text with coded passages moved; exports wait for the review."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reflectdesk.errors import (
    CaseFieldInvalid,
    CaseItemNotFound,
    CasePseudonymisationRequired,
    PseudonymisationStale,
)
from reflectdesk.research.pseudonymise import Matcher, Replacement, fold
from reflectdesk.services.case_pseudonymise import blocked_items
from tests.services.case_helpers import CANARIES, PUPIL, SCHOOL, Study, close, make_study


@pytest.fixture
def study(tmp_path: Path) -> Iterator[Study]:
    s = make_study(tmp_path)
    yield s
    close(s)


def test_pseudonymisation_is_reviewed_and_moves_coded_passages(
    study: Study, tmp_path: Path
) -> None:
    cs = study.researcher.case_studies
    case = study.new_case()
    item = cs.add(case, study.at("research"))
    pseudo = cs.add(case, study.at("pseudo"))
    assert cs.pseudonymise.add_term(case, "pupil", PUPIL) == "Alumno/a 1"
    assert cs.pseudonymise.add_term(case, "school", SCHOOL) == "Escuela 1"
    assert cs.pseudonymise.add_term(case, "pupil", PUPIL) == "Alumno/a 1"  # stable
    code = cs.coding.add_code(case, "Regletas")
    segment = cs.coding.apply_quote(
        case, item.id, "description", "le expliqué con regletas", code.id
    )
    # An item consented as research-pseudonymised cannot leave before its review.
    with pytest.raises(CasePseudonymisationRequired) as info:
        cs.exports.export(case, "qdpx", tmp_path / "x.qdpx")
    assert info.value.params == {"count": 1}
    proposals = cs.pseudonymise.propose(case)
    originals = {p.original for p in proposals}
    assert {PUPIL, SCHOOL, "Martina", "Valentina", "12.345.678-5", "vrojas@example.cl"} <= originals
    assert all(p.source.split("#")[0] in (item.id, pseudo.id) for p in proposals)
    # Skip one: it stays; accept the rest.
    skipped = next(p for p in proposals if p.original == "Valentina")
    accepted = [p for p in proposals if p is not skipped]
    assert cs.pseudonymise.apply(case, accepted) == len(accepted)
    text = cs.item(case, item.id).text("description") or ""
    assert PUPIL not in text and SCHOOL not in text and "Alumno/a 1" in text
    assert "Valentina" in text  # skipped at review
    assert cs.item(case, pseudo.id).pseudonymised
    (passage,) = cs.coding.passages(case, code.id)
    assert passage.segment_id == segment and passage.text == "le expliqué con regletas"
    # A proposal made before the change no longer matches: refused, nothing changed.
    with pytest.raises(PseudonymisationStale):
        cs.pseudonymise.apply(case, [proposals[0]])
    # Pseudonyms never name anyone; the audit log counts kinds, never names.
    event = cs.audit.events(case)[-1]
    assert event.event == "pseudonymisation-accepted" and event.data["accepted"] == len(accepted)
    assert not any(c in repr(e.data) for e in cs.audit.events(case) for c in CANARIES)
    cs.exports.export(case, "qdpx", tmp_path / "x.qdpx")  # reviewed: allowed


def test_a_replacement_for_an_unknown_item_is_refused(study: Study) -> None:
    cs = study.researcher.case_studies
    case = study.new_case()
    cs.add(case, study.at("research"))
    bogus = Replacement("nope#description", 0, 3, "Hoy", "X", "other")
    with pytest.raises(CaseItemNotFound):
        cs.pseudonymise.apply(case, [bogus])


def test_the_map_knows_the_contacts_you_and_the_terms_and_keeps_pseudonyms(study: Study) -> None:
    cs = study.researcher.case_studies
    case = study.new_case()
    cs.add(case, study.at("research"))
    assert cs.pseudonymise.add_term(case, "school", SCHOOL) == "Escuela 1"
    pmap = cs.pseudonymise.pseudonym_map(case)
    kinds = {p.pseudonym: p.kind for p in pmap.people}
    assert kinds["Estudiante A"] == "student" and kinds["Escuela 1"] == "school"
    assert "Supervisor/a A" in kinds  # you, an educator
    again = cs.pseudonymise.pseudonym_map(case)
    assert [(p.id, p.pseudonym) for p in again.people] == [(p.id, p.pseudonym) for p in pmap.people]
    with pytest.raises(CaseFieldInvalid):
        cs.pseudonymise.add_term(case, "planet", "Marte")


def test_review_gives_the_proposals_with_their_texts_items_and_map(study: Study) -> None:
    cs = study.researcher.case_studies
    case = study.new_case()
    item = cs.add(case, study.at("research"))
    cs.pseudonymise.add_term(case, "pupil", PUPIL)
    review = cs.pseudonymise.review(case)
    assert review.proposals == cs.pseudonymise.propose(case)
    assert set(review.items) == {item.id}
    for p in review.proposals:
        assert review.texts[p.source][p.start : p.end] == p.original
    assert {p.pseudonym for p in review.pmap.people} >= {"Estudiante A", "Alumno/a 1"}


def test_a_skip_in_a_pseudonymised_only_item_keeps_exports_waiting(
    study: Study, tmp_path: Path
) -> None:
    cs = study.researcher.case_studies
    case = study.new_case()
    research = cs.add(case, study.at("research"))
    pseudo = cs.add(case, study.at("pseudo"))
    review = cs.pseudonymise.review(case)
    # A skip in the research item blocks nothing; one in the research-pseudonymised does.
    in_research = next(p for p in review.proposals if p.source.startswith(research.id))
    in_pseudo = next(p for p in review.proposals if p.original == "vrojas@example.cl")
    assert blocked_items(review.items.values(), [in_research]) == set()
    assert blocked_items(review.items.values(), [in_research, in_pseudo]) == {pseudo.id}
    skipped = [in_research, in_pseudo]
    accepted = [p for p in review.proposals if p not in skipped]
    cs.pseudonymise.apply(case, accepted, skipped=skipped)
    assert cs.item(case, research.id).pseudonymised
    assert not cs.item(case, pseudo.id).pseudonymised
    assert "vrojas@example.cl" in (cs.item(case, pseudo.id).text("description") or "")
    with pytest.raises(CasePseudonymisationRequired):
        cs.exports.export(case, "qdpx", tmp_path / "x.qdpx")
    # Reviewed again with everything accepted: exports may go.
    again = cs.pseudonymise.review(case)
    assert blocked_items(again.items.values(), []) == set()
    cs.pseudonymise.apply(case, again.proposals, skipped=[])
    assert cs.item(case, pseudo.id).pseudonymised
    cs.exports.export(case, "qdpx", tmp_path / "x.qdpx")


def test_a_term_for_a_place_is_not_split_into_words(study: Study) -> None:
    cs = study.researcher.case_studies
    case = study.new_case()
    cs.add(case, study.at("research"))
    cs.pseudonymise.add_term(case, "school", SCHOOL)
    cs.pseudonymise.add_term(case, "pupil", "María de los Ángeles Soto")
    pmap = cs.pseudonymise.pseudonym_map(case)
    school = pmap.get(f"term:{fold(SCHOOL)}")
    pupil = pmap.get(f"term:{fold('María de los Ángeles Soto')}")
    assert school is not None and school.names == (SCHOOL,)
    assert pupil is not None and "los" not in {n.casefold() for n in pupil.names}
    found = {p.original for p in cs.pseudonymise.propose(case)}
    assert SCHOOL in found and not {"Escuela", "Los", "Aromos"} & found
    # Nor in what the researcher writes and the export scrubs (a code's name).
    found = Matcher(pmap).find("code", "Los alumnos de los Aromos")
    assert found == []
