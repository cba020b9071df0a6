"""Adversary session attack3 (03 Dec): getting a student's, a pupil's or a school's real
name out of a pseudonymised case-study export by a way around the pseudonymisation
review (issue 15)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reflectdesk.errors import CaseThirdPartiesUnreviewed
from reflectdesk.research.qdpx_read import read_qdpx
from tests.services.case_helpers import PUPIL, SCHOOL, STUDENT, Study, close, make_study
from tests.services.test_case_export import _files, _leaks, coded_case


@pytest.fixture
def study(tmp_path: Path) -> Iterator[Study]:
    s = make_study(tmp_path)
    yield s
    close(s)


def test_a_cohort_named_after_the_school_or_the_student_is_pseudonymised_in_every_export(
    study: Study, tmp_path: Path
) -> None:
    # Attack (b): the researcher's cohorts are named as people name them ("Práctica
    # 2026 — Escuela Los Aromos", a one-student tutoring group). The cohort's name went
    # out as the REFI-QDA case attribute "Cohort" and in the reports' tables, past the
    # pseudonym map that already held the school and the student.
    r = study.researcher
    cohort = r.cohorts.create(
        f"Práctica 2026 — {SCHOOL} — tutoría {STUDENT}", [study.student_at_researcher]
    )
    case = coded_case(study)
    r.case_studies.update(case, cohort_ids=[cohort.id])
    out = tmp_path / "export"
    out.mkdir()
    paths = []
    for fmt in ("qdpx", "md", "html"):
        result = r.case_studies.exports.export(case, fmt, out / f"estudio.{fmt}")
        paths += [result.path, result.audit_path]
    assert _leaks(_files(paths)) == []
    # The cohort is still there, pseudonymised: the attribute was not simply dropped.
    (exported,) = read_qdpx(out / "estudio.qdpx").cases
    values = {a.name: a.value for a in exported.attributes}
    assert values["Cohort"].startswith("Práctica 2026 — Escuela ")


ROSTER = (
    "Ana Araya",
    "Benjamín Bravo",
    "Camila Castro",
    "Diego Díaz",
    "Elena Espinoza",
    "Felipe Fuentes",
    "Gabriela González",
    "Hugo Herrera",
    "Isidora Ibáñez",
    "Joaquín Jara",
)


def test_pseudonym_letters_do_not_follow_the_order_the_students_were_added(
    study: Study,
) -> None:
    # Attack (b) by another student of the cohort: the researcher imports the class's
    # cards in roster order (alphabetical, as a class list is). "Estudiante A" was the
    # first contact, "Estudiante B" the second…: whoever knows the roster reads the
    # real names back from the letters of a published, pseudonymised project.
    from reflectdesk.bundles import Identity, make_card
    from reflectdesk.domain.model import Role

    r = study.researcher
    ids = []
    for name in ROSTER:
        card = make_card(Identity.generate(), name=name, role=Role.STUDENT, institution="U")
        contact = r.contacts.import_card(card).contact
        assert contact is not None
        ids.append(contact.id)
    ids.insert(0, study.student_at_researcher)  # the first card of all
    case = study.new_case()
    item = r.case_studies.add(case, study.at("research"))
    pmap = r.case_studies.pseudonymise.review(case).pmap  # the map as the review saves it
    letters = []
    for contact_id in ids:
        person = pmap.get(contact_id)
        assert person is not None and person.kind == "student"
        letters.append(person.pseudonym)
    assert item.pseudonym == letters[0]
    # Chance of this order at random: 1 in 11! (40 million).
    assert letters != sorted(letters, key=lambda p: (len(p), p))
    # Stable once made: the same student keeps her pseudonym.
    again = r.case_studies.pseudonymise.pseudonym_map(case)
    assert [again.get(i).pseudonym for i in ids] == letters  # type: ignore[union-attr]
    assert r.case_studies.item(case, item.id).pseudonym == letters[0]


def test_a_template_named_after_the_school_is_not_exported_as_it_is(
    tmp_path: Path,
) -> None:
    # Attack (b): a school's own practicum template ("pauta-escuela-los-aromos", an id
    # its author chose) went out verbatim as the REFI-QDA case attribute "Template"
    # and in the reports' tables, past the map that holds the school.
    from reflectdesk.domain.model import Consent, EntryContent, ExportRequest

    s = make_study(tmp_path)
    try:
        template = "pauta-escuela-los-aromos"
        free = Path(__file__).resolve().parents[2] / "resources" / "templates" / "free.yaml"
        source = free.read_text(encoding="utf-8")
        yaml = tmp_path / "pauta.yaml"
        yaml.write_text(source.replace("id: free", f"id: {template}"), encoding="utf-8")
        s.student.templates.import_file(yaml)
        journal = s.student.journals.create("Otra")
        entry = s.student.entries.add(
            journal.id,
            EntryContent(
                title="Con pauta del colegio",
                sections={"body": "Observé la clase de matemáticas."},
                template_id=template,
            ),
        )
        bundle = s.student.exports.export(
            ExportRequest(
                recipients=(s.researcher_at_student,),
                entry_ids=(entry.id,),
                consent=Consent.RESEARCH,
            ),
            s.out,
        ).path
        s.researcher.imports.import_bundle(bundle)
        cs = s.researcher.case_studies
        case = s.new_case()
        cs.add(case, s.researcher.imports.received_entry_id(s.student_at_researcher, entry.id))
        cs.pseudonymise.add_term(case, "school", SCHOOL)
        cs.pseudonymise.apply(case, cs.pseudonymise.propose(case))
        out = tmp_path / "export"
        out.mkdir()
        paths = [
            cs.exports.export(case, fmt, out / f"estudio.{fmt}").path
            for fmt in ("qdpx", "md", "html")
        ]
        files = _files(paths)
        leaked = [
            name
            for name, data in files.items()
            if b"aromos" in data.lower() or "aromos".encode("utf-16-le") in data.lower()
        ]
        assert leaked == []
    finally:
        close(s)


# attack3: an item consented as plain "research" exported without any review, so a
# pupil's name (a minor, who consented to nothing) and the school left in clear. Now an
# unreviewed item that names one is refused (CaseThirdPartiesUnreviewed).
def test_a_pupil_named_in_a_research_consent_entry_never_leaves_unreviewed(
    study: Study, tmp_path: Path
) -> None:
    cs = study.researcher.case_studies
    case = study.new_case()
    cs.add(case, study.at("research"))  # consent "research": nobody asks for a review
    cs.pseudonymise.add_term(case, "pupil", PUPIL)  # the pupil and her school in the map
    cs.pseudonymise.add_term(case, "school", SCHOOL)
    with pytest.raises(CaseThirdPartiesUnreviewed) as refused:
        cs.exports.export(case, "qdpx", tmp_path / "e.qdpx")
    assert refused.value.params["count"] == 1
    assert not (tmp_path / "e.qdpx").exists()
    # Reviewed (every proposal accepted): it goes, and nothing of the pupil with it.
    cs.pseudonymise.apply(case, cs.pseudonymise.propose(case))
    path = cs.exports.export(case, "qdpx", tmp_path / "e.qdpx").path
    assert _leaks(_files([path])) == []


def test_an_unreviewed_item_naming_nobody_exports(study: Study, tmp_path: Path) -> None:
    cs = study.researcher.case_studies
    case = study.new_case()
    cs.add(case, study.at("research"))  # it names the pupil, but the map does not know her
    assert cs.exports.export(case, "md", tmp_path / "e.md").path.exists()
