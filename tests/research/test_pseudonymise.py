"""Pseudonymisation: what is found, what replaces it, and what apply() leaves alone."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reflectdesk.errors import Cancelled, PseudonymisationOverlap, PseudonymisationStale
from reflectdesk.progress import CancelToken, Progress
from reflectdesk.research.model import CodedSelection
from reflectdesk.research.pseudonymise import (
    AMBIGUOUS,
    COLLEAGUE,
    COMMUNE,
    EMAIL,
    PHONE,
    PUPIL,
    RUT,
    SCHOOL,
    STUDENT,
    Matcher,
    PseudonymMap,
    Replacement,
    apply,
    apply_all,
    is_valid_rut,
    name_forms,
    propose,
    pseudonym_label,
    remap_selections,
    rut_check_digit,
)


def _map() -> PseudonymMap:
    pmap = PseudonymMap()
    pmap = pmap.add("st-1", STUDENT, name_forms("José Pérez"))
    pmap = pmap.add("pu-1", PUPIL, ["Martina Rojas", "Martina"])
    pmap = pmap.add("sc-1", SCHOOL, ["Escuela Los Aromos", "Los Aromos"])
    pmap = pmap.add("st-2", STUDENT, ["María José Soto", "María"])
    return pmap.add("co-1", COLLEAGUE, ["María", "Ana María Díaz"])


def _found(text: str, pmap: PseudonymMap | None = None) -> list[tuple[str, str, str]]:
    return [(r.original, r.replacement, r.kind) for r in Matcher(pmap or _map()).find("s", text)]


# --- RUT ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "digit"),
    [("12345678", "5"), ("7654321", "6"), ("11111111", "1"), ("10000013", "K"), ("6", "K")],
)
def test_rut_check_digit(body: str, digit: str) -> None:
    assert rut_check_digit(body) == digit


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("12.345.678-5", True),
        ("12345678-5", True),
        ("123456785", True),
        ("10.000.013-K", True),
        ("10000013-k", True),
        ("10000013k", True),
        ("7.654.321-6", True),
        ("12.345.678-4", False),  # wrong check digit
        ("10.000.013-1", False),
        ("12.345.678", False),  # no check digit
        ("1234-5", False),  # too short
        ("12,345,678-5", False),
    ],
)
def test_rut_validity(text: str, valid: bool) -> None:
    assert is_valid_rut(text) is valid


def test_only_ruts_with_a_right_check_digit_are_proposed() -> None:
    found = _found("RUT 12.345.678-5 y 12.345.678-4, y 10000013K; teléfono 123456785.")
    assert [(o, k) for o, _, k in found] == [
        ("12.345.678-5", RUT),
        ("10000013K", RUT),
        ("123456785", RUT),
    ]


def test_a_rut_inside_a_longer_number_is_not_a_rut() -> None:
    assert _found("folio 9912345678555 y código x12345678-5") == []


# --- e-mail and phone ---------------------------------------------------------------------
def test_email_addresses() -> None:
    found = _found("Escribe a maria.jose+uc@alumnos.uc.cl o a J_Perez@mineduc.gob.cl.")
    assert [(o, r, k) for o, r, k in found] == [
        ("maria.jose+uc@alumnos.uc.cl", "[correo]", EMAIL),
        ("J_Perez@mineduc.gob.cl", "[correo]", EMAIL),
    ]


@pytest.mark.parametrize(
    "phone",
    [
        "+56 9 1234 5678",
        "+56912345678",
        "+56 9 1234-5678",
        "(+56) 9 1234 5678",
        "56 9 1234 5678",
        "+56 2 2345 6789",
        "+56 41 234 5678",
        "9 1234 5678",
        "912345678",
        "09 1234 5678",
        "9-1234-5678",
    ],
)
def test_chilean_phone_numbers(phone: str) -> None:
    found = _found(f"Llámame al {phone}, gracias.")
    assert [o for o, _, _ in found] == [phone]
    assert found[0][2] in (PHONE, RUT)  # a bare 9-digit number may also be a valid RUT


def test_other_numbers_are_not_phones() -> None:
    assert _found("Año 2026, curso 4°B, 30 estudiantes, página 912, folio 1234 5678.") == []


# --- names ----------------------------------------------------------------------------------
def test_names_match_without_case_or_accents_on_word_boundaries() -> None:
    found = _found("JOSE PEREZ llegó; josé también; Pérez no. Josefina y Perezoso no son él.")
    assert [(o, r) for o, r, _ in found] == [
        ("JOSE PEREZ", "Estudiante A"),
        ("josé", "Estudiante A"),
        ("Pérez", "Estudiante A"),
    ]


def test_decomposed_accents_and_compatibility_forms_match() -> None:
    found = _found("Jose\u0301 Pe\u0301rez y ＭＡＲＴＩＮＡ (ancho completo).")
    assert [(o, r) for o, r, _ in found] == [
        ("Jose\u0301 Pe\u0301rez", "Estudiante A"),
        ("ＭＡＲＴＩＮＡ", "Alumno/a 1"),
    ]


def test_the_longest_name_wins_and_white_space_may_vary() -> None:
    found = _found("La escuela  los\naromos recibió a Martina Rojas y a Martina.")
    assert [(o, r) for o, r, _ in found] == [
        ("escuela  los\naromos", "Escuela 1"),
        ("Martina Rojas", "Alumno/a 1"),
        ("Martina", "Alumno/a 1"),
    ]


def test_a_name_two_people_share_is_left_to_the_researcher() -> None:
    found = _found("María habló con Ana María Díaz.")
    assert found == [("María", "[nombre]", AMBIGUOUS), ("Ana María Díaz", "Colega A", COLLEAGUE)]


def test_an_email_that_contains_a_name_is_replaced_whole() -> None:
    assert _found("jose.perez@gmail.com") == [("jose.perez@gmail.com", "[correo]", EMAIL)]


# --- the map ------------------------------------------------------------------------------
def test_pseudonyms_are_stable_per_person() -> None:
    pmap = _map()
    assert [p.pseudonym for p in pmap.people] == [
        "Estudiante A",
        "Alumno/a 1",
        "Escuela 1",
        "Estudiante B",
        "Colega A",
    ]
    again = pmap.add("st-1", STUDENT, ["Pepe"])  # more forms, same person, same pseudonym
    assert again.get("st-1") is not None and again.get("st-1").pseudonym == "Estudiante A"  # type: ignore[union-attr]
    assert "Pepe" in again.get("st-1").names  # type: ignore[union-attr]
    assert PseudonymMap.from_json(again.to_json()) == again
    assert pseudonym_label(STUDENT, 27) == "Estudiante AA"
    assert pseudonym_label(SCHOOL, 3, "en") == "School 3"


def test_propose_covers_every_source() -> None:
    texts = {"a": "José Pérez", "b": "nada", "c": "Martina"}
    assert [(r.source, r.replacement) for r in propose(texts, _map())] == [
        ("a", "Estudiante A"),
        ("c", "Alumno/a 1"),
    ]


# --- apply ----------------------------------------------------------------------------------
def test_apply_refuses_stale_and_overlapping_replacements() -> None:
    text = "José Pérez y Martina"
    proposals = Matcher(_map()).find("s", text)
    with pytest.raises(PseudonymisationStale):
        apply("Otro texto distinto", proposals)
    overlap = Replacement("s", 2, 8, text[2:8], "X", STUDENT)
    with pytest.raises(PseudonymisationOverlap):
        apply(text, [*proposals, overlap])
    with pytest.raises(PseudonymisationStale):
        apply_all({"s": text}, [Replacement("other", 0, 4, "José", "X", STUDENT)])


def test_skipped_proposals_stay_and_coded_passages_follow() -> None:
    text = "Hoy 😀 José Pérez explicó fracciones a Martina en Los Aromos."
    proposals = Matcher(_map()).find("s", text)
    accepted = [p for p in proposals if p.original != "Los Aromos"]  # the researcher skips one
    start = text.index("explicó fracciones a Martina")
    coded = CodedSelection("x", "s", start, start + len("explicó fracciones a Martina"), "c")
    result = apply_all({"s": text}, accepted)["s"]
    assert result.text == "Hoy 😀 Estudiante A explicó fracciones a Alumno/a 1 en Los Aromos."
    (moved,) = remap_selections([coded], {"s": result})
    assert result.text[moved.start : moved.end] == "explicó fracciones a Alumno/a 1"


WORDS = st.sampled_from(
    [
        "José",
        "Pérez",
        "jose",
        "Martina",
        "Rojas",
        "clase",
        "la",
        "y",
        "😀",
        "María",
        "Aromos",
        "Los",
        "12.345.678-5",
        "a@b.cl",
        "+56 9 1234 5678",
        "niño",
        "escuela",
    ]
)
SEPARATORS = st.sampled_from([" ", "  ", "\n", ", ", ". "])


@st.composite
def texts_and_choices(draw: st.DrawFn) -> tuple[str, list[bool], tuple[int, int]]:
    words = draw(st.lists(WORDS, min_size=1, max_size=25))
    seps = draw(st.lists(SEPARATORS, min_size=len(words), max_size=len(words)))
    text = "".join(w + s for w, s in zip(words, seps, strict=True))
    accept = draw(st.lists(st.booleans(), min_size=30, max_size=30))
    a = draw(st.integers(0, len(text)))
    b = draw(st.integers(0, len(text)))
    return text, accept, (min(a, b), max(a, b))


@settings(max_examples=300, deadline=None)
@given(texts_and_choices())
def test_apply_changes_nothing_outside_accepted_spans(
    case: tuple[str, list[bool], tuple[int, int]],
) -> None:
    text, accept, _ = case
    proposals = Matcher(_map()).find("s", text)
    accepted = [p for p, keep in zip(proposals, accept, strict=False) if keep]
    result = apply(text, accepted)
    # Rebuild the new text from the untouched pieces and the replacements: nothing else.
    pieces, pos = [], 0
    for item in sorted(accepted, key=lambda r: r.start):
        pieces.append(text[pos : item.start])
        pieces.append(item.replacement)
        pos = item.end
    pieces.append(text[pos:])
    assert result.text == "".join(pieces)
    for item in accepted:  # every kept piece sits where the offset map says
        assert result.text[result.offsets.start(item.start) :].startswith(item.replacement)


@settings(max_examples=300, deadline=None)
@given(texts_and_choices())
def test_remapped_passages_stay_on_the_same_words(
    case: tuple[str, list[bool], tuple[int, int]],
) -> None:
    text, accept, (start, end) = case
    if start == end:
        return
    proposals = Matcher(_map()).find("s", text)
    accepted = [p for p, keep in zip(proposals, accept, strict=False) if keep]
    result = apply(text, accepted)
    new_start, new_end = result.offsets.range(start, end)
    # Expected: the same stretch of the old text, grown to whole replaced spans where it
    # started or ended inside one, with the accepted replacements made inside it.
    grown_start, grown_end = start, end
    for r in accepted:
        if r.start < start < r.end:
            grown_start = r.start
        if r.start < end < r.end:
            grown_end = r.end
    pieces, pos = [], grown_start
    for r in sorted(accepted, key=lambda r: r.start):
        if grown_start <= r.start and r.end <= grown_end:
            pieces += [text[pos : r.start], r.replacement]
            pos = r.end
    pieces.append(text[pos:grown_end])
    assert result.text[new_start:new_end] == "".join(pieces)


def test_propose_reports_progress_and_can_be_cancelled() -> None:
    reports: list[Progress] = []
    propose({f"e{i}": "José" for i in range(250)}, _map(), progress=reports.append)
    assert reports[0].done == 0 and reports[-1].done == reports[-1].total == 250
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        propose({"a": "José"}, _map(), cancel=token)


# --- the forms of a name ----------------------------------------------------------------------
def test_a_place_is_found_only_whole() -> None:
    assert name_forms("Escuela  Los Aromos", SCHOOL) == ("Escuela Los Aromos",)
    assert name_forms("Pudahuel", COMMUNE) == ("Pudahuel",)
    pmap = PseudonymMap().add("sc-9", SCHOOL, name_forms("Escuela Los Aromos", SCHOOL))
    text = "Los niños de la escuela fueron a Los Aromos; la Escuela Los Aromos abrió."
    assert _found(text, pmap) == [("Escuela Los Aromos", "Escuela 1", "school")]


def test_a_person_is_found_by_parts_but_never_by_particles() -> None:
    assert name_forms("José Pérez") == ("José Pérez", "José", "Pérez")
    forms = name_forms("María de los Ángeles San Martín", PUPIL)
    assert forms == ("María de los Ángeles San Martín", "María", "Ángeles", "Martín")
    pmap = PseudonymMap().add("pu-9", PUPIL, forms)
    found = _found("Los alumnos y María, de los más atentos, con San Pedro.", pmap)
    assert found == [("María", "Alumno/a 1", "pupil")]
    assert name_forms("  ") == ()


def test_a_particle_stored_as_a_form_is_never_looked_for() -> None:
    # A map saved before name_forms dropped particles still holds "Los" as a form.
    pmap = PseudonymMap().add("sc-9", SCHOOL, ["Escuela Los Aromos", "Escuela", "Los", "Aromos"])
    found = _found("Los niños de los cursos; Aromos.", pmap)
    assert found == [("Aromos", "Escuela 1", "school")]
