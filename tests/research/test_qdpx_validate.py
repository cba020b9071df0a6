"""The validator refuses each kind of invalid project, with its own reason."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from reflectdesk.errors import (
    QdpxArchiveInvalid,
    QdpxDanglingReference,
    QdpxDuplicateGuid,
    QdpxSchemaInvalid,
    QdpxSelectionEmpty,
    QdpxSelectionOutOfRange,
    QdpxSourceFileMissing,
    QdpxTextBom,
    QdpxTextEncoding,
    QdpxTextLineEndings,
    QdpxUnexpectedFile,
    QdpxXmlInvalid,
    ReflectDeskError,
)
from reflectdesk.research import guids
from reflectdesk.research.model import Codebook, Project
from reflectdesk.research.qdpx import build_codebook, build_qdpx
from reflectdesk.research.qdpx_validate import validate_codebook, validate_project
from reflectdesk.resources import resource_path

Members = dict[str, bytes]


def _qde(members: Members, edit: Callable[[str], str]) -> Members:
    text = members["project.qde"].decode("utf-8")
    changed = edit(text)
    assert changed != text, "the edit did not apply"
    return {**members, "project.qde": changed.encode("utf-8")}


def _source_name(source_id: str) -> str:
    return f"sources/{guids.guid(guids.SOURCE, source_id)}.txt"


def _dangling_code(m: Members) -> Members:
    code = guids.guid(guids.CODE, "c-3")
    return _qde(
        m,
        lambda t: t.replace(
            f'CodeRef targetGUID="{code}"',
            f'CodeRef targetGUID="{"0" * 8}-0000-0000-0000-{"0" * 12}"',
            1,
        ),
    )


def _code_ref_to_a_note(m: Members) -> Members:
    code = guids.guid(guids.CODE, "c-3")
    note = guids.guid(guids.NOTE, "m-p")
    return _qde(
        m, lambda t: t.replace(f'CodeRef targetGUID="{code}"', f'CodeRef targetGUID="{note}"', 1)
    )


def _dangling_user(m: Members) -> Members:
    user = guids.guid(guids.USER, "u-2")
    return _qde(m, lambda t: t.replace(f'<User guid="{user}" name="Ayudante"/>', ""))


def _past_end(m: Members) -> Members:
    return _qde(m, lambda t: re.sub(r'endPosition="\d+"', 'endPosition="100000"', t, count=1))


def _reversed(m: Members) -> Members:
    return _qde(m, lambda t: re.sub(r'startPosition="\d+"', 'startPosition="90"', t, count=1))


def _duplicate_guid(m: Members) -> Members:
    first = guids.guid(guids.CODE, "c-2")
    second = guids.guid(guids.CODE, "c-root")
    return _qde(m, lambda t: t.replace(f'guid="{first}"', f'guid="{second.upper()}"'))


def _missing_file(m: Members) -> Members:
    return {k: v for k, v in m.items() if k != _source_name("s-2")}


def _extra_file(m: Members) -> Members:
    return {**m, "sources/notes.txt": b"left over"}


def _nested_file(m: Members) -> Members:
    return {**m, "sources/deeper/x.txt": b"x"}


def _bom(m: Members) -> Members:
    return {**m, _source_name("s-1"): b"\xef\xbb\xbf" + m[_source_name("s-1")]}


def _crlf(m: Members) -> Members:
    return {**m, _source_name("s-1"): m[_source_name("s-1")].replace(b"\n", b"\r\n")}


def _latin1(m: Members) -> Members:
    return {**m, _source_name("s-2"): m[_source_name("s-2")].decode().encode("latin-1")}


def _bad_colour(m: Members) -> Members:
    return _qde(m, lambda t: t.replace('color="#FF0000"', 'color="red"'))


def _doctype(m: Members) -> Members:
    return _qde(
        m,
        lambda t: t.replace(
            "<Project ",
            '<!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><Project ',
            1,
        ),
    )


def _no_project_file(m: Members) -> Members:
    return {k: v for k, v in m.items() if k != "project.qde"}


CASES: list[tuple[str, Callable[[Members], Members], type[ReflectDeskError]]] = [
    ("dangling code reference", _dangling_code, QdpxDanglingReference),
    ("code reference to a note", _code_ref_to_a_note, QdpxDanglingReference),
    ("user that is not listed", _dangling_user, QdpxDanglingReference),
    ("offset past the end", _past_end, QdpxSelectionOutOfRange),
    ("start after end", _reversed, QdpxSelectionEmpty),
    ("duplicate GUID", _duplicate_guid, QdpxDuplicateGuid),
    ("missing source file", _missing_file, QdpxSourceFileMissing),
    ("extra file", _extra_file, QdpxUnexpectedFile),
    ("file in a subfolder", _nested_file, QdpxUnexpectedFile),
    ("BOM", _bom, QdpxTextBom),
    ("CRLF", _crlf, QdpxTextLineEndings),
    ("not UTF-8", _latin1, QdpxTextEncoding),
    ("schema: colour", _bad_colour, QdpxSchemaInvalid),
    ("DOCTYPE and entities", _doctype, QdpxXmlInvalid),
    ("no project.qde", _no_project_file, QdpxArchiveInvalid),
]


def test_the_valid_project_passes(project: Project) -> None:
    valid = validate_project(build_qdpx(project))
    assert set(valid.texts) == {_source_name("s-1"), _source_name("s-2")}


@pytest.mark.parametrize(("what", "corrupt", "error"), CASES, ids=[c[0] for c in CASES])
def test_each_invalid_project_is_refused_with_its_reason(
    project: Project,
    what: str,
    corrupt: Callable[[Members], Members],
    error: type[ReflectDeskError],
) -> None:
    with pytest.raises(error) as info:
        validate_project(corrupt(build_qdpx(project)))
    assert type(info.value) is error, what  # the specific reason, not a parent class
    assert info.value.message and info.value.hint


def test_schema_errors_name_the_place_not_the_text(project: Project) -> None:
    members = _qde(build_qdpx(project), lambda t: t.replace('color="#FF0000"', 'color="Pérez"'))
    with pytest.raises(QdpxSchemaInvalid) as info:
        validate_project(members)
    assert "Pérez" not in str(info.value)
    assert "Project/CodeBook/Codes/Code/Code@color" in info.value.detail


def test_the_schemas_ship_with_the_package() -> None:
    for name in ("Project-mrt2019.xsd", "Codebook.xsd"):
        assert resource_path("refi-qda", name).is_file()


def test_codebook_member_code_must_name_a_code(project: Project) -> None:
    data = build_codebook(Codebook(project.codes)).decode()
    code = guids.guid(guids.CODE, "c-1")
    set_guid = guids.guid("set", "1")
    sets = f'<Sets><Set guid="{set_guid}" name="s"><MemberCode guid="{code}"/></Set></Sets>'
    validate_codebook(data.replace("</Codes>", "</Codes>" + sets).encode())
    dangling = sets.replace(code, guids.guid(guids.CODE, "gone"))
    with pytest.raises(QdpxDanglingReference):
        validate_codebook(data.replace("</Codes>", "</Codes>" + dangling).encode())
