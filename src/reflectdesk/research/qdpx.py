"""Write a case study as a REFI-QDA project (``.qdpx``) or codebook (``.qdc``).

A ``.qdpx`` is a ZIP with exactly one ``project.qde`` and a flat ``sources/`` folder of
``<GUID>.txt`` files (UTF-8, no BOM, LF), each named by a text source's
``plainTextPath="internal://<GUID>.txt"`` (inline ``PlainTextContent`` alone crashes
QualCoder's importer). Positions are code points (docs/research.md). GUIDs are
:func:`reflectdesk.research.guids.guid` of our ids, so a re-export keeps its identity.

Everything is built in memory, validated (:mod:`reflectdesk.research.qdpx_validate`),
and only then written, atomically: an export that fails validation writes nothing.
"""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path

from lxml import etree

from reflectdesk.atomic_files import atomic_write
from reflectdesk.errors import FileUnwritable, QdpxDanglingReference, QdpxTextEncoding
from reflectdesk.progress import (
    NEVER_CANCELLED,
    CancelToken,
    Progress,
    ProgressSink,
    ignore_progress,
)
from reflectdesk.research import guids
from reflectdesk.research.model import (
    Attribute,
    AttributeValue,
    Code,
    Codebook,
    CodedSelection,
    Memo,
    Project,
    Source,
)
from reflectdesk.research.offsets import apply_edits, newline_edits
from reflectdesk.research.qdpx_validate import (
    CODEBOOK_NS,
    INTERNAL,
    PROJECT_FILE,
    PROJECT_NS,
    SOURCE_DIR,
    validate_codebook,
    validate_project,
)

_P = f"{{{PROJECT_NS}}}"
_C = f"{{{CODEBOOK_NS}}}"
# Characters XML 1.0 cannot carry; they become U+FFFD in names, descriptions and memos.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed: the archive reveals no clock, exports repeat


def _clean(text: str) -> str:
    return _XML_ILLEGAL.sub("\ufffd", text)


def xml_datetime(value: datetime) -> str:
    """xsd:dateTime in UTC, whole seconds; a naive time is taken as UTC."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _variable_type(value: AttributeValue) -> str:
    if isinstance(value, bool):
        return "Boolean"
    if isinstance(value, int):
        return "Integer"
    if isinstance(value, float):
        return "Float"
    if isinstance(value, datetime):
        return "DateTime"
    if isinstance(value, date):
        return "Date"
    return "Text"


def _value_text(value: AttributeValue, kind: str) -> str:
    if kind == "Text":
        return _clean(str(value))
    if kind == "Boolean":
        return "true" if value else "false"
    if kind == "DateTime" and isinstance(value, datetime):
        return xml_datetime(value)
    if kind == "Date" and isinstance(value, date):
        return value.isoformat()
    if kind == "Float" and isinstance(value, float):
        return format(value, "f")  # xsd:decimal has no exponent
    return str(value)


def _variables(groups: Iterable[Sequence[Attribute]]) -> dict[str, str]:
    """Attribute name → REFI-QDA variable type; a name used with two types is Text."""
    types: dict[str, str] = {}
    for attributes in groups:
        for attribute in attributes:
            kind = _variable_type(attribute.value)
            previous = types.setdefault(attribute.name, kind)
            if previous != kind:
                types[attribute.name] = "Text"
    return types


def _sub(parent: etree._Element, tag: str, **attributes: str | None) -> etree._Element:
    element = etree.SubElement(parent, tag)
    for key, value in attributes.items():
        if value is not None:
            element.set(key, _clean(value))
    return element


def _stamp(
    element: etree._Element, user: str | None, created: datetime | None, *, attr: str
) -> None:
    if user is not None:
        element.set(attr, guids.guid(guids.USER, user))
    if created is not None:
        element.set("creationDateTime", xml_datetime(created))


def _text_element(parent: etree._Element, tag: str, text: str) -> None:
    if text:
        etree.SubElement(parent, tag).text = _clean(text)


def _variable_values(
    parent: etree._Element, attributes: Sequence[Attribute], types: dict[str, str]
) -> None:
    for attribute in attributes:
        kind = types[attribute.name]
        value = _sub(parent, f"{_P}VariableValue")
        _sub(value, f"{_P}VariableRef", targetGUID=guids.guid(guids.VARIABLE, attribute.name))
        etree.SubElement(value, f"{_P}{kind}Value").text = _value_text(attribute.value, kind)


def _code_tree(codes: Sequence[Code]) -> dict[str | None, list[Code]]:
    ids = {code.id for code in codes}
    children: dict[str | None, list[Code]] = {}
    for code in codes:
        if code.parent is not None and code.parent not in ids:
            raise QdpxDanglingReference(f"Code parent → {guids.guid(guids.CODE, code.parent)}")
        children.setdefault(code.parent, []).append(code)
    return children


def _add_codes(
    parent: etree._Element,
    children: dict[str | None, list[Code]],
    ns: str,
    *,
    with_notes: bool,
) -> int:
    count = 0
    stack: list[tuple[etree._Element, Code]] = [
        (parent, code) for code in reversed(children.get(None, []))
    ]
    while stack:
        where, code = stack.pop()
        element = _sub(
            where,
            f"{ns}Code",
            guid=guids.guid(guids.CODE, code.id),
            name=code.name,
            isCodable="true" if code.codable else "false",
            color=code.color,
        )
        _text_element(element, f"{ns}Description", code.description)
        if with_notes:
            _note_refs(element, code.memos)
        stack.extend((element, child) for child in reversed(children.get(code.id, [])))
        count += 1
    return count


def _note_refs(parent: etree._Element, memos: Sequence[Memo]) -> None:
    for memo in memos:
        _sub(parent, f"{_P}NoteRef", targetGUID=guids.guid(guids.NOTE, memo.id))


def _add_note(notes: etree._Element, memo: Memo) -> None:
    note = _sub(notes, f"{_P}Note", guid=guids.guid(guids.NOTE, memo.id), name=memo.title or None)
    _stamp(note, memo.user, memo.created, attr="creatingUser")
    etree.SubElement(note, f"{_P}PlainTextContent").text = _clean(memo.text)


def _source_file(
    source: Source, selections: list[CodedSelection]
) -> tuple[str, list[CodedSelection]]:
    """The exchange text of a source (no BOM, LF) and its selections moved to match."""
    edits = newline_edits(source.text)
    if not edits:
        return source.text, selections
    text, offsets = apply_edits(source.text, edits)
    moved = [
        dataclasses.replace(s, start=offsets.start(s.start), end=offsets.end(s.end))
        for s in selections
    ]
    return text, moved


def build_qdpx(
    project: Project,
    *,
    progress: ProgressSink = ignore_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> dict[str, bytes]:
    """The members of the ``.qdpx`` of ``project`` (not yet validated)."""
    root = etree.Element(f"{_P}Project", nsmap={None: PROJECT_NS})
    root.set("name", _clean(project.name))
    root.set("origin", _clean(project.origin or "ReflectDesk"))
    if project.creating_user is not None:
        root.set("creatingUserGUID", guids.guid(guids.USER, project.creating_user))
    if project.created is not None:
        root.set("creationDateTime", xml_datetime(project.created))

    if project.users:
        users = _sub(root, f"{_P}Users")
        for user in project.users:
            _sub(users, f"{_P}User", guid=guids.guid(guids.USER, user.id), name=user.name)
    if project.codes:
        codes = _sub(_sub(root, f"{_P}CodeBook"), f"{_P}Codes")
        if _add_codes(codes, _code_tree(project.codes), _P, with_notes=True) != len(project.codes):
            raise QdpxDanglingReference("Code parent → a cycle")
    types = _variables(
        [case.attributes for case in project.cases]
        + [source.attributes for source in project.sources]
    )
    if types:
        variables = _sub(root, f"{_P}Variables")
        for name, kind in types.items():
            _sub(
                variables,
                f"{_P}Variable",
                guid=guids.guid(guids.VARIABLE, name),
                name=name,
                typeOfVariable=kind,
            )
    if project.cases:
        cases = _sub(root, f"{_P}Cases")
        for case in project.cases:
            element = _sub(cases, f"{_P}Case", guid=guids.guid(guids.CASE, case.id), name=case.name)
            _text_element(element, f"{_P}Description", case.description)  # the case memo
            _variable_values(element, case.attributes, types)
            for source_id in case.sources:
                _sub(element, f"{_P}SourceRef", targetGUID=guids.guid(guids.SOURCE, source_id))

    members: dict[str, bytes] = {}
    by_source: dict[str, list[CodedSelection]] = {}
    for selection in project.selections:
        by_source.setdefault(selection.source, []).append(selection)
    known_sources = {source.id for source in project.sources}
    for source_id, orphans in by_source.items():
        if source_id not in known_sources:
            raise QdpxDanglingReference(
                f"PlainTextSelection {guids.guid(guids.SELECTION, orphans[0].id)} → "
                f"{guids.guid(guids.SOURCE, source_id)}"
            )
    notes: list[Memo] = list(project.memos)
    if project.sources:
        sources = _sub(root, f"{_P}Sources")
        total = len(project.sources)
        for done, source in enumerate(project.sources):
            cancel.raise_if_cancelled()
            source_guid = guids.guid(guids.SOURCE, source.id)
            text, selections = _source_file(source, by_source.get(source.id, []))
            try:
                members[f"{SOURCE_DIR}{source_guid}.txt"] = text.encode("utf-8")
            except UnicodeEncodeError:
                raise QdpxTextEncoding(source_guid) from None
            element = _sub(
                sources,
                f"{_P}TextSource",
                guid=source_guid,
                name=source.name,
                plainTextPath=f"{INTERNAL}{source_guid}.txt",
            )
            _stamp(element, source.user, source.created, attr="creatingUser")
            _text_element(element, f"{_P}Description", source.description)
            for selection in selections:
                _add_selection(element, selection)
                notes.extend(selection.memos)
            _note_refs(element, source.memos)
            notes.extend(source.memos)
            _variable_values(element, source.attributes, types)
            if done % 200 == 0:
                progress(Progress(done, total, "research-export"))
    for code in project.codes:
        notes.extend(code.memos)
    if notes:
        parent = _sub(root, f"{_P}Notes")
        for memo in notes:
            _add_note(parent, memo)
    _text_element(root, f"{_P}Description", project.description)
    _note_refs(root, project.memos)
    members[PROJECT_FILE] = etree.tostring(root, xml_declaration=True, encoding="utf-8")
    return members


def _add_selection(source: etree._Element, selection: CodedSelection) -> None:
    element = _sub(
        source,
        f"{_P}PlainTextSelection",
        guid=guids.guid(guids.SELECTION, selection.id),
        startPosition=str(selection.start),
        endPosition=str(selection.end),
    )
    _stamp(element, selection.user, selection.created, attr="creatingUser")
    coding = _sub(element, f"{_P}Coding", guid=guids.guid(guids.CODING, selection.id))
    _stamp(coding, selection.user, selection.created, attr="creatingUser")
    _sub(coding, f"{_P}CodeRef", targetGUID=guids.guid(guids.CODE, selection.code))
    _note_refs(element, selection.memos)


def zip_members(members: dict[str, bytes]) -> bytes:
    """A deterministic ZIP: ``project.qde`` first, then the sources by name, deflated."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in [PROJECT_FILE, *sorted(n for n in members if n != PROJECT_FILE)]:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16
            archive.writestr(info, members[name])
    return buffer.getvalue()


def export_qdpx(
    project: Project,
    path: Path,
    *,
    progress: ProgressSink = ignore_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> None:
    """Build, validate, then atomically write ``path``; nothing is written if a check fails."""
    members = build_qdpx(project, progress=progress, cancel=cancel)
    validate_project(members)
    cancel.raise_if_cancelled()
    atomic_write(path, zip_members(members), error=FileUnwritable)


def build_codebook(codebook: Codebook) -> bytes:
    """The ``.qdc`` XML of ``codebook`` (not yet validated)."""
    root = etree.Element(f"{_C}CodeBook", nsmap={None: CODEBOOK_NS})
    root.set("origin", _clean(codebook.origin or "ReflectDesk"))
    codes = _sub(root, f"{_C}Codes")
    if _add_codes(codes, _code_tree(codebook.codes), _C, with_notes=False) != len(codebook.codes):
        raise QdpxDanglingReference("Code parent → a cycle")
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")


def export_codebook(codebook: Codebook, path: Path) -> None:
    """Build, validate, then atomically write the ``.qdc``."""
    data = build_codebook(codebook)
    validate_codebook(data)
    atomic_write(path, data, error=FileUnwritable)
