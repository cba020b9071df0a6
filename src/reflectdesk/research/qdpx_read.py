"""Read a REFI-QDA project (``.qdpx``) or codebook (``.qdc``) back into plain data.

The archive is read in memory, never extracted. Its stance is the bundle reader's
(:mod:`reflectdesk.bundles.zipsafe`): caps checked before the work they bound (file
count, declared sizes, compression ratio), names checked (no absolute path, ``..``,
backslash, control character; duplicates after NFKC + case folding refused), and every
member inflated with a hard output bound, so a lying header cannot amplify. It is more
lenient on *layout* than zipsafe (directory entries, data descriptors, ZIP64 are
accepted): ``.qdpx`` files come from other programs' ZIP writers, not ours.

Then the whole project is validated (:mod:`reflectdesk.research.qdpx_validate`) before a
single object is built: a file either imports whole or raises its reason.
"""

from __future__ import annotations

import io
import logging
import unicodedata
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from lxml import etree

from reflectdesk.bundles.zipsafe import check_name_safety
from reflectdesk.errors import (
    BundleError,
    FileUnreadable,
    QdpxArchiveInvalid,
    QdpxSourceFileMissing,
    QdpxTooLarge,
    QdpxUnsupportedContent,
)
from reflectdesk.research.model import (
    Attribute,
    AttributeValue,
    Case,
    Code,
    Codebook,
    CodedSelection,
    Memo,
    Project,
    Source,
    User,
)
from reflectdesk.research.qdpx_validate import (
    CODEBOOK_NS,
    PROJECT_NS,
    ValidProject,
    member_name,
    norm_guid,
    validate_codebook,
    validate_project,
)

log = logging.getLogger(__name__)
MiB = 1024 * 1024
_P = f"{{{PROJECT_NS}}}"
_C = f"{{{CODEBOOK_NS}}}"
_UNSUPPORTED = ("PictureSource", "PDFSource", "AudioSource", "VideoSource")


@dataclass(frozen=True, slots=True)
class QdpxLimits:
    max_archive_bytes: int = 512 * MiB
    max_files: int = 20_000
    max_file_bytes: int = 64 * MiB  # one member, inflated
    max_total_bytes: int = 512 * MiB  # all members, inflated
    max_ratio: int = 200  # inflated / compressed, for members above ratio_floor
    ratio_floor: int = 1 * MiB  # small text files compress far better than 200:1 legitimately
    max_codebook_bytes: int = 16 * MiB


DEFAULT_LIMITS = QdpxLimits()


def _read_file(path: Path, cap: int) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read(cap + 1)
    except OSError as exc:
        raise FileUnreadable(path.name) from exc
    if len(data) > cap:
        raise QdpxTooLarge(f"> {cap} bytes")
    return data


def read_members(data: bytes, limits: QdpxLimits = DEFAULT_LIMITS) -> dict[str, bytes]:
    """The files of a ``.qdpx`` archive (name → bytes), read under ``limits``."""
    if len(data) > limits.max_archive_bytes:
        raise QdpxTooLarge(f"> {limits.max_archive_bytes} bytes")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        raise QdpxArchiveInvalid("not a ZIP archive") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > limits.max_files:
            raise QdpxTooLarge(f"{len(infos)} files > {limits.max_files}")
        files = []
        declared = 0
        seen: set[str] = set()
        for info in infos:
            try:
                check_name_safety(info.filename.rstrip("/") if info.is_dir() else info.filename)
            except BundleError:
                raise QdpxArchiveInvalid("unsafe file name") from None
            folded = unicodedata.normalize("NFKC", info.filename).casefold()
            if folded in seen:
                raise QdpxArchiveInvalid("the same file name twice")
            seen.add(folded)
            if info.is_dir():
                continue  # other writers add "sources/"; nothing to read
            if info.flag_bits & 0x1:
                raise QdpxArchiveInvalid("encrypted entry")
            if info.file_size > limits.max_file_bytes:
                raise QdpxTooLarge(f"a file > {limits.max_file_bytes} bytes")
            declared += info.file_size
            if declared > limits.max_total_bytes:
                raise QdpxTooLarge(f"files > {limits.max_total_bytes} bytes")
            if info.file_size > limits.ratio_floor and info.file_size > limits.max_ratio * max(
                info.compress_size, 1
            ):
                raise QdpxTooLarge("compression ratio (a possible zip bomb)")
            files.append(info)
        members: dict[str, bytes] = {}
        for info in files:
            try:
                with archive.open(info) as handle:
                    # Bounded by the declared size: a header that lies cannot amplify.
                    content = handle.read(info.file_size + 1)
            except (zipfile.BadZipFile, zlib.error, RuntimeError, NotImplementedError, OSError):
                raise QdpxArchiveInvalid("damaged or unsupported entry") from None
            if len(content) != info.file_size:
                raise QdpxArchiveInvalid("entry size differs from its header")
            members[info.filename] = content
    return members


def _dt(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None  # a time another program wrote oddly is not worth refusing a project


def _attribute(value_element: etree._Element, variables: Mapping[str, str]) -> Attribute:
    ref = value_element.find(f"{_P}VariableRef")
    name = variables[norm_guid(ref.get("targetGUID", "") if ref is not None else "")]
    kinds = [child for child in value_element if etree.QName(child).localname != "VariableRef"]
    if not kinds:
        return Attribute(name, "")
    child = kinds[0]
    kind = etree.QName(child).localname
    text = (child.text or "").strip()
    value: AttributeValue
    if kind == "BooleanValue":
        value = text in ("true", "1")
    elif kind == "IntegerValue":
        value = int(text)
    elif kind == "FloatValue":
        value = float(Decimal(text))
    elif kind == "DateValue":
        value = date.fromisoformat(text)
    elif kind == "DateTimeValue":
        value = datetime.fromisoformat(text)
    else:
        value = child.text or ""
    return Attribute(name, value)


class _Reader:
    def __init__(self, valid: ValidProject) -> None:
        self.root = valid.root
        self.texts = valid.texts
        self.variables = {
            norm_guid(v.get("guid", "")): v.get("name", "") for v in self.root.iter(f"{_P}Variable")
        }
        self.notes: dict[str, Memo] = {}
        for note in self.root.iter(f"{_P}Note"):
            key = norm_guid(note.get("guid", ""))
            self.notes[key] = Memo(
                id=key,
                text=self._note_text(note),
                title=note.get("name", ""),
                user=self._user(note.get("creatingUser")),
                created=_dt(note.get("creationDateTime")),
            )
        self.used_notes: set[str] = set()

    def _note_text(self, note: etree._Element) -> str:
        path = note.get("plainTextPath")
        if path is not None:
            name = member_name(path)
            if name is None or name not in self.texts:
                raise QdpxSourceFileMissing(path if path.isascii() else "<path>")
            return self.texts[name]
        return note.findtext(f"{_P}PlainTextContent") or ""

    @staticmethod
    def _user(value: str | None) -> str | None:
        return norm_guid(value) if value else None

    def memos(self, element: etree._Element) -> tuple[Memo, ...]:
        out = []
        for ref in element.iterfind(f"{_P}NoteRef"):
            key = norm_guid(ref.get("targetGUID", ""))
            self.used_notes.add(key)
            out.append(self.notes[key])
        return tuple(out)

    def attributes(self, element: etree._Element) -> tuple[Attribute, ...]:
        return tuple(
            _attribute(value, self.variables) for value in element.iterfind(f"{_P}VariableValue")
        )

    def codes(self) -> tuple[Code, ...]:
        out: list[Code] = []
        codes = self.root.find(f"{_P}CodeBook/{_P}Codes")
        if codes is None:
            return ()
        stack: list[tuple[etree._Element, str | None]] = [
            (code, None) for code in reversed(codes.findall(f"{_P}Code"))
        ]
        while stack:
            element, parent = stack.pop()
            key = norm_guid(element.get("guid", ""))
            out.append(
                Code(
                    id=key,
                    name=element.get("name", ""),
                    parent=parent,
                    color=_color(element.get("color")),
                    description=element.findtext(f"{_P}Description") or "",
                    memos=self.memos(element),
                    codable=element.get("isCodable") in ("true", "1"),
                )
            )
            stack.extend((child, key) for child in reversed(element.findall(f"{_P}Code")))
        return tuple(out)

    def source_text(self, element: etree._Element) -> str:
        path = element.get("plainTextPath")
        if path is not None:
            name = member_name(path)
            if name is None:
                raise QdpxSourceFileMissing("external text file")
            return self.texts[name]
        content = element.find(f"{_P}PlainTextContent")
        if content is None:
            raise QdpxSourceFileMissing(norm_guid(element.get("guid", "")))
        return content.text or ""

    def sources(self) -> tuple[tuple[Source, ...], tuple[CodedSelection, ...]]:
        sources_element = self.root.find(f"{_P}Sources")
        if sources_element is None:
            return (), ()
        for kind in _UNSUPPORTED:
            if sources_element.find(f"{_P}{kind}") is not None:
                raise QdpxUnsupportedContent(kind)
        sources: list[Source] = []
        selections: list[CodedSelection] = []
        skipped = 0
        for element in sources_element.iterfind(f"{_P}TextSource"):
            key = norm_guid(element.get("guid", ""))
            text = self.source_text(element)
            for selection in element.iterfind(f"{_P}PlainTextSelection"):
                codings = selection.findall(f"{_P}Coding")
                if not codings:
                    skipped += 1
                    continue
                memos = self.memos(selection)
                for n, coding in enumerate(codings):
                    selections.append(self._selection(key, selection, coding, codings, memos, n))
            for coding in element.findall(f"{_P}Coding"):  # coding of the whole source
                selections.append(
                    CodedSelection(
                        id=norm_guid(coding.get("guid", "")),
                        source=key,
                        start=0,
                        end=len(text),
                        code=_code_ref(coding),
                        user=self._user(coding.get("creatingUser")),
                        created=_dt(coding.get("creationDateTime")),
                        memos=self.memos(coding),
                    )
                )
            sources.append(
                Source(
                    id=key,
                    name=element.get("name", ""),
                    text=text,
                    attributes=self.attributes(element),
                    description=element.findtext(f"{_P}Description") or "",
                    user=self._user(element.get("creatingUser")),
                    created=_dt(element.get("creationDateTime")),
                    memos=self.memos(element),
                )
            )
        if skipped:
            log.info("skipped %d uncoded selections (annotations) of an imported project", skipped)
        return tuple(sources), tuple(selections)

    def _selection(
        self,
        source: str,
        selection: etree._Element,
        coding: etree._Element,
        codings: list[etree._Element],
        memos: tuple[Memo, ...],
        n: int,
    ) -> CodedSelection:
        # One coding: the selection's GUID is the id (our own exports). Several codes on
        # one selection: one passage per coding; the selection's memos go with the first.
        single = len(codings) == 1
        return CodedSelection(
            id=norm_guid((selection if single else coding).get("guid", "")),
            source=source,
            start=int(selection.get("startPosition", "0")),
            end=int(selection.get("endPosition", "0")),
            code=_code_ref(coding),
            user=self._user(coding.get("creatingUser") or selection.get("creatingUser")),
            created=_dt(coding.get("creationDateTime") or selection.get("creationDateTime")),
            memos=(memos if n == 0 else ()) + self.memos(coding),
        )

    def cases(self, text_sources: set[str]) -> tuple[Case, ...]:
        out = []
        for element in self.root.iter(f"{_P}Case"):
            refs = (norm_guid(r.get("targetGUID", "")) for r in element.iterfind(f"{_P}SourceRef"))
            out.append(
                Case(
                    id=norm_guid(element.get("guid", "")),
                    name=element.get("name", ""),
                    description=element.findtext(f"{_P}Description") or "",
                    attributes=self.attributes(element),
                    sources=tuple(r for r in refs if r in text_sources),
                )
            )
        return tuple(out)

    def project(self) -> Project:
        root = self.root
        users = tuple(
            User(norm_guid(u.get("guid", "")), u.get("name", "")) for u in root.iter(f"{_P}User")
        )
        codes = self.codes()
        sources, selections = self.sources()
        cases = self.cases({source.id for source in sources})
        memos = list(self.memos(root))
        # A note nothing points to is kept as a project memo: a memo is never dropped.
        memos.extend(note for key, note in self.notes.items() if key not in self.used_notes)
        return Project(
            name=root.get("name", ""),
            origin=root.get("origin", ""),
            description=root.findtext(f"{_P}Description") or "",
            users=users,
            codes=codes,
            sources=sources,
            selections=selections,
            cases=cases,
            memos=tuple(memos),
            creating_user=self._user(root.get("creatingUserGUID")),
            created=_dt(root.get("creationDateTime")),
        )


def _code_ref(coding: etree._Element) -> str:
    ref = coding.find(f"{_P}CodeRef")
    return norm_guid(ref.get("targetGUID", "") if ref is not None else "")


def _color(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    if len(value) == 4:  # #RGB → #RRGGBB
        value = "#" + "".join(c * 2 for c in value[1:])
    return value


def read_qdpx_bytes(data: bytes, limits: QdpxLimits = DEFAULT_LIMITS) -> Project:
    """The project in ``data`` (a ``.qdpx``), validated whole before anything is built."""
    return _Reader(validate_project(read_members(data, limits))).project()


def read_qdpx(path: Path, limits: QdpxLimits = DEFAULT_LIMITS) -> Project:
    return read_qdpx_bytes(_read_file(path, limits.max_archive_bytes), limits)


def read_codebook_bytes(data: bytes, limits: QdpxLimits = DEFAULT_LIMITS) -> Codebook:
    if len(data) > limits.max_codebook_bytes:
        raise QdpxTooLarge(f"> {limits.max_codebook_bytes} bytes")
    root = validate_codebook(data)
    out: list[Code] = []
    codes = root.find(f"{_C}Codes")
    stack: list[tuple[etree._Element, str | None]] = (
        [(code, None) for code in reversed(codes.findall(f"{_C}Code"))] if codes is not None else []
    )
    while stack:
        element, parent = stack.pop()
        key = norm_guid(element.get("guid", ""))
        out.append(
            Code(
                id=key,
                name=element.get("name", ""),
                parent=parent,
                color=_color(element.get("color")),
                description=element.findtext(f"{_C}Description") or "",
                codable=element.get("isCodable") in ("true", "1"),
            )
        )
        stack.extend((child, key) for child in reversed(element.findall(f"{_C}Code")))
    return Codebook(codes=tuple(out), origin=root.get("origin", ""))


def read_codebook(path: Path, limits: QdpxLimits = DEFAULT_LIMITS) -> Codebook:
    return read_codebook_bytes(_read_file(path, limits.max_codebook_bytes), limits)
