"""Validate a REFI-QDA project (``project.qde`` and its files) or a codebook (``.qdc``).

Two layers, both run on every export (before anything is written) and every import:

1. the XSD (``Project-mrt2019.xsd``, ``Codebook.xsd``, shipped in
   ``reflectdesk._resources/refi-qda/``) with libxml2 through ``lxml``;
2. what the schema cannot say: GUIDs unique; every reference resolves to an element
   of the right kind (code, note, source, selection, variable, user); every
   ``internal://`` file is in the archive and nothing else is; text files are UTF-8
   without a BOM with LF line endings; coded passages lie inside their text (code
   points), start before end.

Each failure raises its own :class:`~reflectdesk.errors.ResearchExchangeError`; its
``detail`` names the element (path, GUID or file name), never text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass

from lxml import etree

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
)
from reflectdesk.resources import resource_path
from reflectdesk.xmlsafe import hardened_parser

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
PROJECT_FILE = "project.qde"
INTERNAL = "internal://"
SOURCE_DIR = "sources/"
_MEMBER = re.compile(r"sources/[^/]+")

_SOURCE_KINDS = frozenset(
    {"TextSource", "PictureSource", "PDFSource", "AudioSource", "VideoSource"}
)
_SELECTION_KINDS = frozenset(
    {
        "PlainTextSelection",
        "PictureSelection",
        "PDFSelection",
        "AudioSelection",
        "VideoSelection",
        "TranscriptSelection",
    }
)
# Reference element → the kinds of element its targetGUID may name.
_REF_TARGETS: dict[str, frozenset[str]] = {
    "CodeRef": frozenset({"Code"}),
    "MemberCode": frozenset({"Code"}),
    "NoteRef": frozenset({"Note"}),
    "MemberNote": frozenset({"Note"}),
    "SourceRef": _SOURCE_KINDS,
    "MemberSource": _SOURCE_KINDS,
    "SelectionRef": _SELECTION_KINDS,
    "VariableRef": frozenset({"Variable"}),
}
_USER_ATTRIBUTES = (
    "creatingUser",
    "modifyingUser",
    "creatingUserGUID",
    "modifyingUserGUID",
)
_PATH_ATTRIBUTES = ("plainTextPath", "richTextPath", "path")
_ATTRIBUTE_IN_MESSAGE = re.compile(r"attribute '([A-Za-z]+)'")


@dataclass(frozen=True, slots=True)
class ValidProject:
    """A project that passed every check, with the decoded text of each text file."""

    root: etree._Element
    texts: dict[str, str]  # archive member name → text


def _parser() -> etree.XMLParser:
    # No DTD, no entities, no network: an .qde is data, never instructions to fetch.
    return hardened_parser(keep_comments=True)


@functools.cache
def _schema(name: str) -> etree.XMLSchema:
    path = resource_path("refi-qda", name)
    return etree.XMLSchema(etree.parse(str(path), _parser()))


def project_schema() -> etree.XMLSchema:
    return _schema("Project-mrt2019.xsd")


def codebook_schema() -> etree.XMLSchema:
    return _schema("Codebook.xsd")


def parse_xml(data: bytes) -> etree._Element:
    """Parse ``data`` as XML without a DOCTYPE; :class:`QdpxXmlInvalid` if it is not."""
    try:
        tree = etree.fromstring(data, _parser()).getroottree()
    except etree.XMLSyntaxError as exc:
        raise QdpxXmlInvalid(f"line {exc.lineno}") from None
    if tree.docinfo.doctype:
        raise QdpxXmlInvalid("DOCTYPE")
    return tree.getroot()


def _check_schema(root: etree._Element, schema: etree.XMLSchema) -> None:
    if schema.validate(root):
        return
    entry = schema.error_log[0]
    # Where and what kind of error only: libxml2's messages quote values (names, memos).
    where = entry.path or "?"
    found: object = None
    if entry.path:
        try:
            found = root.getroottree().xpath(entry.path)
        except etree.XPathError:
            found = None
    if isinstance(found, list) and found and isinstance(found[0], etree._Element):
        element = found[0]
        where = "/".join(_local(e) for e in [*reversed(list(element.iterancestors())), element])
    attribute = _ATTRIBUTE_IN_MESSAGE.search(entry.message)
    if attribute:
        where += f"@{attribute.group(1)}"
    raise QdpxSchemaInvalid(f"line {entry.line}: {where}: {entry.type_name}")


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def norm_guid(value: str) -> str:
    """GUIDs compare case-insensitively, with or without braces."""
    return value.strip().strip("{}").lower()


def _index_guids(root: etree._Element, skip: str = "") -> dict[str, str]:
    kinds: dict[str, str] = {}
    for element in root.iter(etree.Element):
        raw = element.get("guid")
        if raw is None or _local(element) == skip:
            continue
        key = norm_guid(raw)
        if key in kinds:
            raise QdpxDuplicateGuid(key)
        kinds[key] = _local(element)
    return kinds


def _check_references(root: etree._Element, kinds: Mapping[str, str]) -> None:
    def need(element: etree._Element, value: str, allowed: frozenset[str] | None) -> None:
        kind = kinds.get(norm_guid(value))
        if kind is None or (allowed is not None and kind not in allowed):
            raise QdpxDanglingReference(f"{_local(element)} → {norm_guid(value)}")

    users = frozenset({"User"})
    for element in root.iter(etree.Element):
        name = _local(element)
        allowed = _REF_TARGETS.get(name)
        if allowed is not None:
            need(element, element.get("targetGUID", ""), allowed)
        for attribute in _USER_ATTRIBUTES:
            value = element.get(attribute)
            if value is not None:
                need(element, value, users)
        if name == "Link":
            for attribute in ("originGUID", "targetGUID"):
                value = element.get(attribute)
                if value is not None:
                    need(element, value, None)
        elif name in ("Vertex", "Edge") and element.get("representedGUID") is not None:
            need(element, element.get("representedGUID", ""), None)
        if name == "Edge":
            for attribute in ("sourceVertex", "targetVertex"):
                need(element, element.get(attribute, ""), frozenset({"Vertex"}))
        elif name == "TranscriptSelection":
            for attribute in ("fromSyncPoint", "toSyncPoint"):
                value = element.get(attribute)
                if value is not None:
                    need(element, value, frozenset({"SyncPoint"}))


def member_name(path: str) -> str | None:
    """The archive member an ``internal://`` path names, or None for an external path."""
    if not path.startswith(INTERNAL):
        return None
    rest = path[len(INTERNAL) :]
    if not rest or "/" in rest or "\\" in rest or rest in (".", ".."):
        raise QdpxArchiveInvalid("internal path is not a flat file name")
    return SOURCE_DIR + rest


def decode_text(name: str, data: bytes) -> str:
    """A text file as the exchange wants it: UTF-8, no BOM, LF only."""
    if data.startswith(b"\xef\xbb\xbf"):
        raise QdpxTextBom(name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise QdpxTextEncoding(name) from None
    if "\r" in text:
        raise QdpxTextLineEndings(name)
    return text


def _check_files(root: etree._Element, members: Mapping[str, bytes]) -> dict[str, str]:
    referenced: set[str] = set()
    texts: dict[str, str] = {}
    for element in root.iter(etree.Element):
        for attribute in _PATH_ATTRIBUTES:
            value = element.get(attribute)
            if value is None:
                continue
            name = member_name(value)
            if name is None:
                continue
            if name not in members:
                raise QdpxSourceFileMissing(name)
            referenced.add(name)
            if attribute == "plainTextPath":
                texts[name] = decode_text(name, members[name])
    for name in members:
        if name != PROJECT_FILE and name not in referenced:
            raise QdpxUnexpectedFile(name)
    return texts


def _text_of(source: etree._Element, texts: Mapping[str, str]) -> str | None:
    path = source.get("plainTextPath")
    if path is not None:
        name = member_name(path)
        return texts.get(name) if name is not None else None
    content = source.find(f"{{{PROJECT_NS}}}PlainTextContent")
    return None if content is None else (content.text or "")


def _check_selections(root: etree._Element, texts: Mapping[str, str]) -> None:
    for source in root.iter(f"{{{PROJECT_NS}}}TextSource"):
        text = _text_of(source, texts)
        length = None if text is None else len(text)
        for selection in source.iterfind(f"{{{PROJECT_NS}}}PlainTextSelection"):
            start = int(selection.get("startPosition", "0"))
            end = int(selection.get("endPosition", "0"))
            where = norm_guid(selection.get("guid", ""))
            if not start < end:
                raise QdpxSelectionEmpty(where)
            if start < 0 or (length is not None and end > length):
                raise QdpxSelectionOutOfRange(where)


def check_members(members: Mapping[str, bytes]) -> None:
    """The archive layout: exactly one ``project.qde`` and a flat ``sources/`` folder."""
    if PROJECT_FILE not in members:
        raise QdpxArchiveInvalid("no project.qde")
    for name in members:
        if name != PROJECT_FILE and not _MEMBER.fullmatch(name):
            raise QdpxUnexpectedFile(name if name.isascii() else "<name>")


def validate_project(members: Mapping[str, bytes]) -> ValidProject:
    """Validate the members of a ``.qdpx`` (name → bytes); raises the first failure."""
    check_members(members)
    root = parse_xml(members[PROJECT_FILE])
    _check_schema(root, project_schema())
    kinds = _index_guids(root)
    _check_references(root, kinds)
    texts = _check_files(root, members)
    _check_selections(root, texts)
    return ValidProject(root, texts)


def validate_codebook(data: bytes) -> etree._Element:
    """Validate a ``.qdc`` file; returns its root element."""
    root = parse_xml(data)
    _check_schema(root, codebook_schema())
    kinds = _index_guids(root, skip="MemberCode")  # its guid attribute is a reference
    for member in root.iter(f"{{{CODEBOOK_NS}}}MemberCode"):
        if kinds.get(norm_guid(member.get("guid", ""))) != "Code":
            raise QdpxDanglingReference(f"MemberCode → {norm_guid(member.get('guid', ''))}")
    return root
