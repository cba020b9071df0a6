"""Case-study exports (issue 15, point 7): the REFI-QDA project validated and read back
into a fresh study, the codebook, the reports, the audit log beside them, and the canary:
no name, RUT or e-mail of a pseudonymised project in any exported file."""

from __future__ import annotations

import unicodedata
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from reflectdesk.errors import (
    CaseAuditInvalid,
    CaseCodebookEmpty,
    CaseFieldInvalid,
    QdpxSchemaInvalid,
)
from reflectdesk.research.qdpx_read import read_qdpx
from reflectdesk.research.qdpx_validate import validate_project
from tests.services.case_helpers import CANARIES, PUPIL, SCHOOL, Study, close, make_study


@pytest.fixture
def study(tmp_path: Path) -> Iterator[Study]:
    s = make_study(tmp_path)
    yield s
    close(s)


def coded_case(study: Study, *, pseudonymise: bool = True) -> str:
    """A study with both research entries, three codes in two sections, memos everywhere
    (some naming people), pseudonymised when asked."""
    cs = study.researcher.case_studies
    case = study.new_case(title="Fracciones con Valentina Rojas")
    one = cs.add(case, study.at("research"))
    two = cs.add(case, study.at("pseudo"))
    cs.pseudonymise.add_term(case, "pupil", PUPIL)
    cs.pseudonymise.add_term(case, "school", SCHOOL)
    # Reviewed either way: every proposal accepted, or every one skipped.
    cs.pseudonymise.apply(case, cs.pseudonymise.propose(case) if pseudonymise else [])
    parent = cs.coding.add_code(case, "Didáctica", color="#336699", description="Todo lo didáctico")
    material = cs.coding.add_code(
        case, "Material concreto", parent_id=parent.id, description="Usado con Martina Soto"
    )
    question = cs.coding.add_code(case, "Preguntas", color="#AA3300")
    analysis = cs.coding.add_code(case, "Análisis")
    # After an emoji: code points, not UTF-16 units.
    s1 = cs.coding.apply_quote(case, one.id, "description", "fracciones", material.id)
    cs.coding.apply_quote(case, one.id, "description", "fracciones", question.id)
    cs.coding.apply_quote(case, one.id, "analysis", "regletas", analysis.id)
    cs.coding.apply_quote(case, two.id, "description", "fracciones", material.id)
    cs.coding.add_memo(case, "Memo del pasaje: Martina Soto otra vez", segment_id=s1)
    cs.coding.add_memo(case, "Sobre el código", code_id=material.id, title="Código")
    cs.coding.add_memo(case, "Proyecto: escribir a vrojas@example.cl", title="Proyecto")
    return case


def _files(paths: list[Path]) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for path in paths:
        data = path.read_bytes()
        out[path.name] = data
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                for name in archive.namelist():
                    out[f"{path.name}/{name}"] = archive.read(name)
    return out


def _forms(word: str) -> set[str]:
    plain = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    return {word, word.upper(), word.lower(), plain, plain.lower()}


def _leaks(files: dict[str, bytes]) -> list[str]:
    found = []
    for name, data in files.items():
        for canary in CANARIES:
            for form in _forms(canary):
                for codec in ("utf-8", "utf-16-le", "utf-16-be"):
                    if form.encode(codec) in data:
                        found.append(f"{name}: {canary} ({codec})")
    return found


def export_all(study: Study, case: str, out: Path) -> list[Path]:
    cs = study.researcher.case_studies
    paths = []
    for fmt in ("qdpx", "qdc", "md", "html"):
        result = cs.exports.export(case, fmt, out / f"estudio.{fmt}")
        paths += [result.path, result.audit_path]
    return paths


def test_canary_no_name_rut_or_email_in_any_file_of_a_pseudonymised_project(
    study: Study, tmp_path: Path
) -> None:
    case = coded_case(study)
    out = tmp_path / "export"
    out.mkdir()
    files = _files(export_all(study, case, out))
    assert len(files) > 8  # the archive's members are scanned too
    assert _leaks(files) == []
    # The same scan finds them when the project was not pseudonymised (the test can fail).
    other = coded_case(study, pseudonymise=False)
    raw = tmp_path / "raw"
    raw.mkdir()
    result = study.researcher.case_studies.exports.export(other, "qdpx", raw / "x.qdpx")
    assert _leaks(_files([result.path]))


def test_qdpx_validates_and_reimports_with_the_same_codes_passages_and_memos(
    study: Study, tmp_path: Path
) -> None:
    cs = study.researcher.case_studies
    case = coded_case(study)
    result = cs.exports.export(case, "qdpx", tmp_path / "estudio.qdpx")
    with zipfile.ZipFile(result.path) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    validate_project(members)  # the XSD and the reference checks, again
    project = read_qdpx(result.path)
    assert {c.name for c in project.cases} == {"Estudiante A"}
    assert all(not s.text.startswith("\ufeff") and "\r" not in s.text for s in project.sources)
    emoji_source = next(s for s in project.sources if "😀" in s.text)
    sel = next(x for x in project.selections if x.source == emoji_source.id)
    assert emoji_source.text[sel.start : sel.end] == "fracciones"
    fresh = cs.exports.import_qdpx(result.path, title="Reimportado")
    assert cs.get(fresh).status == "planning"

    def shape(case_id: str) -> tuple[object, ...]:
        codes = {c.id: c for c in cs.coding.codes(case_id)}

        def path(code_id: str | None) -> str:
            names = []
            while code_id is not None:
                names.append(codes[code_id].name)
                code_id = codes[code_id].parent_id
            return "/".join(reversed(names))

        passages = sorted(
            (path(p.code_id), p.text, p.start, p.end) for p in cs.coding.passages(case_id)
        )
        tree = sorted((path(c.id), c.color, c.description) for c in codes.values())
        memos = sorted(m.text for m in cs.coding.memos(case_id))
        return passages, tree, memos

    before, after = shape(case), shape(fresh)
    assert after[0] == before[0]  # same text at the same offsets, same codes
    assert after[1] == [
        (name, colour, desc.replace("Martina Soto", "Alumno/a 1"))
        for name, colour, desc in before[1]
    ]
    # Memos: the same, pseudonymised on the way out.
    assert after[2] == sorted(
        m.replace("Martina Soto", "Alumno/a 1").replace("vrojas@example.cl", "[correo]")
        for m in before[2]
    )
    assert [e.event for e in cs.audit.events(fresh)] == ["imported"]


def test_the_audit_log_exports_beside_and_fails_after_one_changed_byte(
    study: Study, tmp_path: Path
) -> None:
    cs = study.researcher.case_studies
    case = coded_case(study)
    result = cs.exports.export(case, "html", tmp_path / "informe.html")
    check = cs.audit.verify_file(result.audit_path)
    assert check.events[-1].event == "exported"
    assert check.events[-1].data["sha256"] == result.sha256
    assert check.head == cs.audit.verify(case).head
    me = study.researcher.identity.public().key_id_hex
    assert check.key_ids == (me,)
    cs.audit.verify_file(result.audit_path, key_ids=[me])
    with pytest.raises(CaseAuditInvalid):
        cs.audit.verify_file(result.audit_path, key_ids=["0" * 16])
    data = result.audit_path.read_bytes()
    assert b"pmap" not in data and b"Estudiante A" not in data  # no map, no pseudonyms
    for position in (len(data) // 3, len(data) // 2, len(data) - 40, 5):
        changed = bytearray(data)
        changed[position] ^= 0x01
        tampered = tmp_path / f"t{position}.json"
        tampered.write_bytes(bytes(changed))
        with pytest.raises(CaseAuditInvalid):
            cs.audit.verify_file(tampered)


def test_reports_hold_the_approval_excerpts_and_tables(study: Study, tmp_path: Path) -> None:
    cs = study.researcher.case_studies
    case = coded_case(study)
    md = cs.exports.export(case, "md", tmp_path / "r.md").path.read_text(encoding="utf-8")
    assert "CEC-CSAH" in md and "2026-041" in md
    assert "### Material concreto" in md and "Estudiante A" in md
    assert "Frecuencia por estudiante" in md and "Coocurrencia" in md
    html = cs.exports.export(case, "html", tmp_path / "r.html").path.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<script" not in html
    assert 'class="bar"' in html and "Material concreto" in html
    exports = cs.get(case).exports
    assert [e.format for e in exports] == ["md", "html"] and not any(e.outdated for e in exports)


def test_an_empty_study_exports_and_an_empty_codebook_is_refused(
    study: Study, tmp_path: Path
) -> None:
    cs = study.researcher.case_studies
    case = study.new_case()
    for fmt in ("qdpx", "md", "html"):
        assert cs.exports.export(case, fmt, tmp_path / f"e.{fmt}").path.exists()
    with pytest.raises(CaseCodebookEmpty):
        cs.exports.export(case, "qdc", tmp_path / "e.qdc")
    assert not (tmp_path / "e.qdc").exists()
    fresh = cs.exports.import_qdpx(tmp_path / "e.qdpx")
    assert cs.items(fresh) == [] and cs.get(fresh).title == "Fracciones"


def test_codebook_round_trip_and_an_unknown_format(study: Study, tmp_path: Path) -> None:
    cs = study.researcher.case_studies
    case = coded_case(study)
    qdc = cs.exports.export(case, "qdc", tmp_path / "libro.qdc").path
    other = study.new_case(approved=False, title="Otro")
    imported = cs.coding.import_codebook(other, qdc)
    assert sorted(c.name for c in imported) == sorted(c.name for c in cs.coding.codes(case))
    child = next(c for c in imported if c.name == "Material concreto")
    assert next(c for c in imported if c.id == child.parent_id).name == "Didáctica"
    with pytest.raises(CaseFieldInvalid):
        cs.exports.export(case, "pdf", tmp_path / "x.pdf")
    bad = tmp_path / "bad.qdc"
    bad.write_bytes(b'<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"/>')
    with pytest.raises(QdpxSchemaInvalid):
        cs.coding.import_codebook(other, bad)


# --- case attributes: the school type the researcher sets ------------------------------
def test_the_school_type_is_a_case_attribute_of_the_qdpx_and_the_report(
    study: Study, tmp_path: Path
) -> None:
    cs = study.researcher.case_studies
    case = coded_case(study)
    (before,) = cs.exports.attributes(case)
    assert before.school_type is None and before.items == 2
    assert before.templates == ("gibbs",) and before.standards == ("C7", "D10")
    with pytest.raises(CaseFieldInvalid):
        cs.exports.set_school_type(case, before.pseudonym, "privado")  # not one of ours
    with pytest.raises(CaseFieldInvalid):
        cs.exports.set_school_type(case, "Estudiante Z", "municipal")  # nobody of the study
    cs.exports.set_school_type(case, before.pseudonym, "subvencionado")
    (after,) = cs.exports.attributes(case)
    assert after.school_type == "subvencionado"
    path = cs.exports.export(case, "qdpx", tmp_path / "e.qdpx").path
    (exported,) = read_qdpx(path).cases
    values = {a.name: a.value for a in exported.attributes}
    assert values["School type"] == "Particular subvencionado"  # the study is in Spanish
    assert values["MBE standards"] == "C7, D10" and values["Template"] == "gibbs"
    md = cs.exports.export(case, "md", tmp_path / "r.md").path.read_text(encoding="utf-8")
    assert "## Estudiantes y sus atributos" in md
    assert f"| {after.pseudonym} |  | Particular subvencionado | gibbs | C7, D10 | 2 |" in md
    html = cs.exports.export(case, "html", tmp_path / "r.html").path.read_text(encoding="utf-8")
    assert "<td>Particular subvencionado</td>" in html
    cs.exports.set_school_type(case, before.pseudonym, None)  # cleared
    assert cs.exports.attributes(case)[0].school_type is None
    path = cs.exports.export(case, "qdpx", tmp_path / "e2.qdpx").path
    assert "School type" not in {a.name for a in read_qdpx(path).cases[0].attributes}


# --- progress and cancel ---------------------------------------------------------------
def test_an_export_reports_progress_to_the_end_and_a_cancelled_one_writes_nothing(
    study: Study, tmp_path: Path
) -> None:
    from reflectdesk.errors import Cancelled
    from reflectdesk.progress import CancelToken, Progress, ProgressSink

    cs = study.researcher.case_studies
    case = coded_case(study)
    seen: list[Progress] = []
    folder = tmp_path / "exports"
    folder.mkdir()
    cs.exports.export(case, "qdpx", folder / "e.qdpx", progress=seen.append)
    assert [p.done for p in seen] == sorted(p.done for p in seen)
    assert seen[0].done == 0 and seen[-1].done == seen[-1].total == 100
    events = len(cs.audit.events(case))
    exports = cs.get(case).exports

    # A PDF renderer that is cancelled while it draws (as the GUI's Cancel does).
    token = CancelToken()
    drawn: list[Progress] = []

    def renderer(html: str, *, progress: ProgressSink, cancel: CancelToken) -> bytes:
        assert "<h1>" in html and cancel is token
        progress(Progress(1, 2, "pdf"))
        token.cancel()
        return b"%PDF-1.4 half a document"

    dest = folder / "informe.pdf"
    with pytest.raises(Cancelled):
        cs.exports.export(case, "pdf", dest, progress=drawn.append, cancel=token, pdf=renderer)
    assert drawn[-1].done == 50  # a page of two: half of building (10 → 90)
    assert sorted(p.name for p in folder.iterdir()) == ["e.qdpx", "e.qdpx.audit.json"]
    assert len(cs.audit.events(case)) == events and cs.get(case).exports == exports


def test_the_report_names_sections_by_their_titles_not_their_keys(
    study: Study, tmp_path: Path
) -> None:
    case = coded_case(study)
    path = study.researcher.case_studies.exports.export(case, "md", tmp_path / "r.md").path
    text = path.read_text(encoding="utf-8")
    gibbs = study.researcher.templates.get("gibbs").section_titles("es")
    description = dict(gibbs)["description"]
    assert description != "description"
    assert f"sección {description}" in text
    assert "sección description" not in text and "sección analysis" not in text
