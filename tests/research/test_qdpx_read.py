"""Reading .qdpx archives: zip safety first, then what other programs write."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from reflectdesk.errors import (
    QdpxArchiveInvalid,
    QdpxTooLarge,
    QdpxUnsupportedContent,
)
from reflectdesk.research.model import Project
from reflectdesk.research.qdpx import build_qdpx, zip_members
from reflectdesk.research.qdpx_read import QdpxLimits, read_members, read_qdpx, read_qdpx_bytes

G = [f"{n:08x}-0000-4000-8000-{n:012x}" for n in range(1, 20)]


def _zip(files: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_reads_our_export(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "p.qdpx"
    path.write_bytes(zip_members(build_qdpx(project)))
    assert len(read_qdpx(path).selections) == len(project.selections)


@pytest.mark.parametrize(
    "name", ["../evil.txt", "/etc/passwd", "sources/../../x.txt", "C:/x.txt", "a\\b.txt"]
)
def test_names_that_could_escape_are_refused(project: Project, name: str) -> None:
    members = build_qdpx(project)
    with pytest.raises(QdpxArchiveInvalid):
        read_members(_zip({**members, name: b"x"}))


def test_duplicate_names_after_case_folding_are_refused(project: Project) -> None:
    members = build_qdpx(project)
    with pytest.raises(QdpxArchiveInvalid):
        read_members(_zip({**members, "PROJECT.qde": b"x"}))


def test_a_compression_bomb_is_refused_before_it_is_inflated() -> None:
    bomb = _zip({"project.qde": b"<a/>", "sources/x.txt": b"\0" * (8 * 1024 * 1024)})
    assert len(bomb) < 100_000
    with pytest.raises(QdpxTooLarge):
        read_members(bomb, QdpxLimits(max_ratio=100, ratio_floor=1024 * 1024))
    with pytest.raises(QdpxTooLarge):
        read_members(bomb, QdpxLimits(max_file_bytes=1024 * 1024))
    with pytest.raises(QdpxTooLarge):
        read_members(bomb, QdpxLimits(max_total_bytes=4 * 1024 * 1024))


def test_a_header_that_understates_the_size_cannot_amplify() -> None:
    data = bytearray(_zip({"project.qde": b"<Project/>" * 1000}))
    # Patch both headers' uncompressed size (10,000) down to 10: reading must stop there.
    real = (10_000).to_bytes(4, "little")
    assert data.count(real) == 2
    data = data.replace(real, (10).to_bytes(4, "little"))
    with pytest.raises(QdpxArchiveInvalid):
        read_members(bytes(data))


def test_too_many_files_and_not_a_zip_are_refused() -> None:
    with pytest.raises(QdpxTooLarge):
        read_members(_zip({f"sources/{i}.txt": b"x" for i in range(5)}), QdpxLimits(max_files=4))
    with pytest.raises(QdpxArchiveInvalid):
        read_members(b"PK\x03\x04 not really a zip")
    with pytest.raises(QdpxTooLarge):
        read_members(b"x" * 2000, QdpxLimits(max_archive_bytes=1000))


def test_a_directory_entry_from_another_writer_is_accepted(project: Project) -> None:
    members = build_qdpx(project)
    data = _zip({"sources/": b"", **members})
    assert len(read_qdpx_bytes(data).sources) == 2


def _foreign(sources: str, notes: str = "", extra: dict[str, bytes] | None = None) -> bytes:
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Foreign" origin="Other program">
 <CodeBook><Codes>
  <Code guid="{{{G[0].upper()}}}" name="A" isCodable="true" color="#f00"/>
  <Code guid="{G[1]}" name="B" isCodable="false">
   <Code guid="{G[2]}" name="B1" isCodable="true"/>
  </Code>
 </Codes></CodeBook>
 <Sources>{sources}</Sources>
 {notes}
</Project>"""
    return _zip({"project.qde": qde.encode(), **(extra or {})})


def test_what_other_programs_write_is_read() -> None:
    sources = f"""
  <TextSource guid="{G[3]}" name="Inline">
   <PlainTextContent>Texto en línea con dos códigos</PlainTextContent>
   <PlainTextSelection guid="{G[4]}" startPosition="0" endPosition="5">
    <Coding guid="{G[5]}"><CodeRef targetGUID="{G[0]}"/></Coding>
    <Coding guid="{G[6]}"><CodeRef targetGUID="{G[2]}"/></Coding>
    <NoteRef targetGUID="{G[7]}"/>
   </PlainTextSelection>
  </TextSource>"""
    notes = f"""<Notes>
  <Note guid="{G[7]}" name="on the passage"><PlainTextContent>memo 1</PlainTextContent></Note>
  <Note guid="{G[8]}" name="loose"><PlainTextContent>memo 2</PlainTextContent></Note>
 </Notes>"""
    project = read_qdpx_bytes(_foreign(sources, notes))
    assert [c.name for c in project.codes] == ["A", "B", "B1"]
    assert project.codes[0].color == "#ff0000" and project.codes[0].id == G[0]
    assert project.codes[2].parent == G[1] and not project.codes[1].codable
    assert project.sources[0].text == "Texto en línea con dos códigos"
    first, second = project.selections
    assert (first.code, second.code) == (G[0], G[2])
    assert [m.text for m in first.memos] == ["memo 1"] and second.memos == ()
    assert [m.text for m in project.memos] == ["memo 2"]  # a loose note is not dropped


def test_picture_or_pdf_sources_are_refused_whole() -> None:
    sources = f"""<PDFSource guid="{G[3]}" name="scan" path="internal://{G[3]}.pdf"/>"""
    with pytest.raises(QdpxUnsupportedContent):
        read_qdpx_bytes(_foreign(sources, extra={f"sources/{G[3]}.pdf": b"%PDF-1.4"}))
