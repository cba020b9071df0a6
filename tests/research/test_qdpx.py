"""Export a case study to .qdpx/.qdc and read it back: same codes, passages and memos."""

from __future__ import annotations

import dataclasses
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reflectdesk.errors import (
    Cancelled,
    QdpxDanglingReference,
    QdpxSchemaInvalid,
    QdpxSelectionOutOfRange,
)
from reflectdesk.progress import CancelToken
from reflectdesk.research import guids
from reflectdesk.research.model import Code, Codebook, CodedSelection, Memo, Project, Source
from reflectdesk.research.qdpx import build_qdpx, export_codebook, export_qdpx
from reflectdesk.research.qdpx_read import read_codebook, read_qdpx
from reflectdesk.research.qdpx_validate import PROJECT_NS, parse_xml
from reflectdesk.review.anchor import from_utf16, to_utf16


def _memo(memo: Memo) -> Memo:
    user = guids.guid(guids.USER, memo.user) if memo.user else None
    return dataclasses.replace(memo, id=guids.guid(guids.NOTE, memo.id), user=user)


def as_imported(project: Project) -> Project:
    """What reading the export of ``project`` must give: the same data under its GUIDs."""

    def user(value: str | None) -> str | None:
        return guids.guid(guids.USER, value) if value else None

    return dataclasses.replace(
        project,
        users=tuple(dataclasses.replace(u, id=user(u.id) or "") for u in project.users),
        codes=tuple(
            sorted(
                (
                    dataclasses.replace(
                        c,
                        id=guids.guid(guids.CODE, c.id),
                        parent=guids.guid(guids.CODE, c.parent) if c.parent else None,
                        memos=tuple(_memo(m) for m in c.memos),
                    )
                    for c in project.codes
                ),
                key=lambda c: c.id,
            )
        ),
        sources=tuple(
            dataclasses.replace(
                s,
                id=guids.guid(guids.SOURCE, s.id),
                user=user(s.user),
                memos=tuple(_memo(m) for m in s.memos),
            )
            for s in project.sources
        ),
        selections=tuple(
            dataclasses.replace(
                x,
                id=guids.guid(guids.SELECTION, x.id),
                source=guids.guid(guids.SOURCE, x.source),
                code=guids.guid(guids.CODE, x.code),
                user=user(x.user),
                memos=tuple(_memo(m) for m in x.memos),
            )
            for x in project.selections
        ),
        cases=tuple(
            dataclasses.replace(
                k,
                id=guids.guid(guids.CASE, k.id),
                sources=tuple(guids.guid(guids.SOURCE, s) for s in k.sources),
            )
            for k in project.cases
        ),
        memos=tuple(_memo(m) for m in project.memos),
        creating_user=user(project.creating_user),
    )


def _sorted_codes(project: Project) -> Project:
    return dataclasses.replace(project, codes=tuple(sorted(project.codes, key=lambda c: c.id)))


def test_round_trip_reproduces_codes_passages_and_memos(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "case.qdpx"
    export_qdpx(project, path)
    back = read_qdpx(path)
    assert _sorted_codes(back) == as_imported(project)
    texts = {s.id: s.text for s in back.sources}
    for original, imported in zip(project.selections, back.selections, strict=True):
        source = next(s for s in project.sources if s.id == original.source)
        assert (
            texts[imported.source][imported.start : imported.end]
            == (source.text[original.start : original.end])
        )


def test_emoji_before_a_passage_counts_one_code_point(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "case.qdpx"
    export_qdpx(project, path)
    selection = project.selections[0]
    text = project.sources[0].text
    assert text.index("😀") < selection.start
    # The GUI hands Qt's UTF-16 positions; the file holds code points.
    u16 = to_utf16(text, selection.start)
    assert u16 == selection.start + 1 and from_utf16(text, u16) == selection.start
    root = parse_xml(zipfile.ZipFile(path).read("project.qde"))
    element = root.find(f".//{{{PROJECT_NS}}}PlainTextSelection")
    assert element is not None
    assert int(element.get("startPosition", "")) == selection.start
    stored = zipfile.ZipFile(path).read(f"sources/{guids.guid(guids.SOURCE, 's-1')}.txt")
    assert stored.decode("utf-8")[selection.start : selection.end] == "la clase de fracciones"


def test_archive_layout_is_what_other_programs_read(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "case.qdpx"
    export_qdpx(project, path)
    archive = zipfile.ZipFile(path)
    names = archive.namelist()
    assert names[0] == "project.qde"
    assert sorted(names[1:]) == sorted(
        f"sources/{guids.guid(guids.SOURCE, s.id)}.txt" for s in project.sources
    )
    root = parse_xml(archive.read("project.qde"))
    assert root.get("origin") == project.origin
    assert root.find(f"{{{PROJECT_NS}}}Sets") is None  # never an empty <Sets/>
    for source in root.iter(f"{{{PROJECT_NS}}}TextSource"):
        guid = source.get("guid")
        assert source.get("plainTextPath") == f"internal://{guid}.txt"
        assert source.find(f"{{{PROJECT_NS}}}PlainTextContent") is None
    case = root.find(f".//{{{PROJECT_NS}}}Case")
    assert case is not None and case.find(f"{{{PROJECT_NS}}}NoteRef") is None
    assert case.findtext(f"{{{PROJECT_NS}}}Description") == project.cases[0].description


def test_guids_are_stable_and_exports_repeat_byte_for_byte(
    project: Project, tmp_path: Path
) -> None:
    export_qdpx(project, tmp_path / "a.qdpx")
    export_qdpx(project, tmp_path / "b.qdpx")
    assert (tmp_path / "a.qdpx").read_bytes() == (tmp_path / "b.qdpx").read_bytes()
    assert guids.guid(guids.CODE, "c-1") != guids.guid(guids.SOURCE, "c-1")


def test_crlf_and_bom_in_a_source_become_lf_with_offsets_kept(tmp_path: Path) -> None:
    text = "\ufeffPrimera línea\r\nsegunda 😀 línea\rtercera"
    start = text.index("segunda")
    project = Project(
        name="p",
        origin="tests",
        codes=(Code("c", "Código"),),
        sources=(Source("s", "s", text),),
        selections=(CodedSelection("x", "s", start, start + len("segunda 😀 línea"), "c"),),
    )
    path = tmp_path / "p.qdpx"
    export_qdpx(project, path)
    back = read_qdpx(path)
    assert back.sources[0].text == "Primera línea\nsegunda 😀 línea\ntercera"
    x = back.selections[0]
    assert back.sources[0].text[x.start : x.end] == "segunda 😀 línea"


def test_an_export_that_fails_validation_writes_nothing(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "case.qdpx"
    path.write_bytes(b"the previous export")
    broken = dataclasses.replace(
        project,
        selections=(*project.selections, CodedSelection("x-9", "s-1", 0, 3, "no-such-code")),
    )
    with pytest.raises(QdpxDanglingReference):
        export_qdpx(broken, path)
    assert path.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.qdpx"]  # no temp file left
    past_end = dataclasses.replace(
        project, selections=(CodedSelection("x-9", "s-2", 5, 10_000, "c-1"),)
    )
    with pytest.raises(QdpxSelectionOutOfRange):
        export_qdpx(past_end, tmp_path / "new.qdpx")
    assert not (tmp_path / "new.qdpx").exists()


def test_a_code_whose_parent_is_missing_is_refused(project: Project) -> None:
    broken = dataclasses.replace(
        project, codes=(*project.codes, Code("c-9", "Huérfano", parent="gone"))
    )
    with pytest.raises(QdpxDanglingReference):
        build_qdpx(broken)


def test_codebook_round_trip(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "codes.qdc"
    export_codebook(Codebook(project.codes, "ReflectDesk (tests)"), path)
    back = read_codebook(path)
    assert back.origin == "ReflectDesk (tests)"
    by_id = {c.id: c for c in back.codes}
    for code in project.codes:
        got = by_id[guids.guid(guids.CODE, code.id)]
        assert (got.name, got.color, got.description, got.codable) == (
            code.name,
            code.color,
            code.description,
            code.codable,
        )
        assert got.parent == (guids.guid(guids.CODE, code.parent) if code.parent else None)


def test_an_empty_codebook_is_refused_by_the_schema(tmp_path: Path) -> None:
    with pytest.raises(QdpxSchemaInvalid):
        export_codebook(Codebook(()), tmp_path / "empty.qdc")
    assert not (tmp_path / "empty.qdc").exists()


def test_a_cancelled_export_writes_nothing(project: Project, tmp_path: Path) -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        export_qdpx(project, tmp_path / "case.qdpx", cancel=token)
    assert list(tmp_path.iterdir()) == []


def test_an_imported_project_exports_and_reads_again(project: Project, tmp_path: Path) -> None:
    export_qdpx(project, tmp_path / "a.qdpx")
    first = read_qdpx(tmp_path / "a.qdpx")
    export_qdpx(first, tmp_path / "b.qdpx")
    second = read_qdpx(tmp_path / "b.qdpx")
    assert [c.name for c in second.codes] == [c.name for c in first.codes]
    texts = {s.id: s.text for s in second.sources}
    assert [texts[x.source][x.start : x.end] for x in second.selections] == [
        {s.id: s.text for s in first.sources}[x.source][x.start : x.end] for x in first.selections
    ]


TEXT_CHARS = st.sampled_from([*"ab ñé😀\n\r\ufeff\u0301\t.", "José", "\r\n", "\ufeff\ufeff"])


def _normalised(part: str, at_start: bool) -> str:
    part = part.replace("\r\n", "\n").replace("\r", "\n")
    return part.lstrip("\ufeff") if at_start else part


@settings(max_examples=100, deadline=None)
@given(
    parts=st.lists(TEXT_CHARS, min_size=1, max_size=40),
    spans=st.lists(st.tuples(st.integers(0, 80), st.integers(1, 20)), min_size=1, max_size=5),
)
def test_any_text_round_trips_with_its_passages(
    parts: list[str], spans: list[tuple[int, int]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    text = "".join(parts)
    selections = tuple(
        CodedSelection(f"x{n}", "s", min(a, len(text) - 1), min(a + b, len(text)), "c")
        for n, (a, b) in enumerate(spans)
        if min(a, len(text) - 1) < min(a + b, len(text))
        # a passage made only of the leading BOM vanishes with it (refused as empty)
        and text[: min(a + b, len(text))].strip("\ufeff")
    )
    project = Project(
        name="p",
        origin="tests",
        codes=(Code("c", "Código"),),
        sources=(Source("s", "s", text),),
        selections=selections,
    )
    path = tmp_path_factory.mktemp("rt") / "p.qdpx"
    export_qdpx(project, path)
    back = read_qdpx(path)
    exported = back.sources[0].text
    assert "\r" not in exported and not exported.startswith("\ufeff")
    assert exported == _normalised(text, True)
    for original, got in zip(selections, back.selections, strict=True):
        start, end = original.start, original.end
        # A passage that starts or ends between CR and LF takes the whole line break.
        if start > 0 and text[start - 1 : start + 1] == "\r\n":
            start -= 1
        if end < len(text) and text[end - 1 : end + 1] == "\r\n":
            end += 1
        want = _normalised(text[start:end], start == 0 or not text[:start].strip("\ufeff"))
        assert exported[got.start : got.end] == want
