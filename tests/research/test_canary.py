"""Canary: names, a RUT and an e-mail placed in entries never reach a pseudonymised export."""

from __future__ import annotations

import dataclasses
import unicodedata
import zipfile
from pathlib import Path

from reflectdesk.research.model import (
    Case,
    Code,
    Codebook,
    CodedSelection,
    Memo,
    Project,
    Source,
    case_attributes,
)
from reflectdesk.research.pseudonymise import (
    PUPIL,
    SCHOOL,
    STUDENT,
    Matcher,
    PseudonymMap,
    apply,
    name_forms,
    remap_selections,
    rut_check_digit,
)
from reflectdesk.research.qdpx import export_codebook, export_qdpx

STUDENT_NAME = "Josefa Millán"
PUPIL_NAME = "Tomás Quezada"
SCHOOL_NAME = "Liceo Bicentenario Ñuñoa"
RUT_BODY = "15222333"
RUT = f"15.222.333-{rut_check_digit(RUT_BODY)}"
EMAIL = "josefa.millan@alumnos.example.cl"
NEEDLES = [
    STUDENT_NAME,
    "Josefa",
    "Millán",
    PUPIL_NAME,
    "Quezada",
    SCHOOL_NAME,
    RUT,
    RUT_BODY,
    EMAIL,
    "josefa.millan",
]


def _variants(needle: str) -> set[bytes]:
    plain = "".join(
        c for c in unicodedata.normalize("NFKD", needle) if not unicodedata.combining(c)
    )
    forms = {needle, needle.lower(), needle.upper(), plain, plain.lower()}
    out = set()
    for form in forms:
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            out.add(form.encode(encoding))
    out.add(unicodedata.normalize("NFD", needle).encode("utf-8"))
    return out


def _leaks(path: Path) -> list[str]:
    with zipfile.ZipFile(path) if zipfile.is_zipfile(path) else _single(path) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    return [
        f"{needle!r} in {name}"
        for name, data in files.items()
        for needle in NEEDLES
        if any(v in data for v in _variants(needle))
    ]


class _single:
    """A plain file seen as a one-member archive."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> _single:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def namelist(self) -> list[str]:
        return [self.path.name]

    def read(self, _: str) -> bytes:
        return self.path.read_bytes()


def _raw_project() -> Project:
    text = (
        f"Hoy {STUDENT_NAME} (RUT {RUT}, {EMAIL}) hizo su clase en el {SCHOOL_NAME}. "
        f"{PUPIL_NAME.upper()} preguntó por las fracciones y josefa respondió con calma."
    )
    start = text.index("preguntó")
    return Project(
        name="Caso de fracciones",
        origin="ReflectDesk (tests)",
        description="Pregunta de investigación",
        codes=(Code("c", "Preguntas"),),
        sources=(Source("s", f"Entrada de {STUDENT_NAME}", text),),
        selections=(
            CodedSelection(
                "x",
                "s",
                start,
                text.index(" con calma"),
                "c",
                memos=(Memo("m", f"Aquí {STUDENT_NAME} responde a {PUPIL_NAME}"),),
            ),
        ),
        cases=(
            Case(
                "k",
                STUDENT_NAME,
                f"Memo: {STUDENT_NAME} escribe a {EMAIL}",
                case_attributes(cohort="2026"),
                ("s",),
            ),
        ),
        memos=(Memo("p", f"Contacto: {EMAIL}"),),
    )


def _pseudonymise(project: Project, pmap: PseudonymMap) -> Project:
    """Every proposal accepted, in every text of the project (as the review would)."""
    matcher = Matcher(pmap)

    def clean(text: str) -> str:
        return apply(text, matcher.find("t", text)).text

    results = {s.id: apply(s.text, matcher.find(s.id, s.text)) for s in project.sources}

    def memo(m: Memo) -> Memo:
        return dataclasses.replace(m, text=clean(m.text), title=clean(m.title))

    return dataclasses.replace(
        project,
        sources=tuple(
            dataclasses.replace(s, name=clean(s.name), text=results[s.id].text)
            for s in project.sources
        ),
        selections=tuple(
            dataclasses.replace(x, memos=tuple(memo(m) for m in x.memos))
            for x in remap_selections(project.selections, results)
        ),
        cases=tuple(
            dataclasses.replace(k, name=pmap.people[0].pseudonym, description=clean(k.description))
            for k in project.cases
        ),
        memos=tuple(memo(m) for m in project.memos),
    )


def _map() -> PseudonymMap:
    pmap = PseudonymMap().add("student", STUDENT, name_forms(STUDENT_NAME))
    pmap = pmap.add("pupil", PUPIL, name_forms(PUPIL_NAME))
    return pmap.add("school", SCHOOL, [SCHOOL_NAME])


def test_the_canary_sees_names_in_an_export_that_was_not_pseudonymised(tmp_path: Path) -> None:
    path = tmp_path / "raw.qdpx"
    export_qdpx(_raw_project(), path)
    leaks = _leaks(path)
    assert any(STUDENT_NAME in leak for leak in leaks) and any(EMAIL in leak for leak in leaks)


def test_no_name_rut_or_email_reaches_a_pseudonymised_export(tmp_path: Path) -> None:
    project = _pseudonymise(_raw_project(), _map())
    qdpx = tmp_path / "case.qdpx"
    qdc = tmp_path / "codes.qdc"
    export_qdpx(project, qdpx)
    export_codebook(Codebook(project.codes), qdc)
    assert _leaks(qdpx) == []
    assert _leaks(qdc) == []
    text = project.sources[0].text
    x = project.selections[0]
    assert text[x.start : x.end].startswith("preguntó por las fracciones")
    assert "Estudiante A" in text and "Alumno/a 1" in text and "[RUT]" in text
