"""Coding a case study (issue 15, point 4): ``vault.case_studies.coding``.

A hierarchical codebook (name, colour, description), coded passages with code-point
offsets into an item's section (end exclusive, as in ``research/offsets.py``; the GUI
converts Qt's UTF-16 positions with ``review.anchor.from_utf16``), memos on the project,
a code, an item or a passage, and the queries: passages by code, code frequencies per
student pseudonym and per template section, co-occurrence, code × MBE standard.
Applying a code reads one item and one code and writes one row: its cost does not grow
with the passages a project holds.
"""

from __future__ import annotations

import builtins
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reflectdesk.domain.model import ms_to_datetime
from reflectdesk.errors import (
    CaseCodeNotFound,
    CaseFieldInvalid,
    CaseItemNotFound,
    CaseMemoNotFound,
    CaseSegmentInvalid,
    RecordTampered,
)
from reflectdesk.ids import uuid7
from reflectdesk.research.qdpx_read import read_codebook
from reflectdesk.services.case_common import (
    MAX_LONG_TEXT,
    CaseContext,
    CaseItem,
    Passage,
    clean_text,
    item_of,
    now_iso,
)
from reflectdesk.storage.case_studies import StoredCode, StoredMemo, StoredSegment

_COLOR = re.compile(r"#[0-9A-Fa-f]{6}")
PROJECT = "project"
CODE = "code"
ITEM = "item"
SEGMENT = "segment"
MEMO_TARGETS = (PROJECT, CODE, ITEM, SEGMENT)


@dataclass(frozen=True, slots=True)
class CodeView:
    id: str
    name: str
    parent_id: str | None
    color: str | None
    description: str
    codable: bool
    created_at: datetime


@dataclass(frozen=True, slots=True)
class MemoView:
    id: str
    target: str  # "project" | "code" | "item" | "segment"
    ref: str | None  # the code, item or passage id
    title: str
    text: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class Frequencies:
    """How often each code (by id) was applied, per student pseudonym and per section."""

    by_student: dict[str, dict[str, int]]
    by_section: dict[str, dict[str, int]]
    totals: dict[str, int]


def code_of(row: StoredCode) -> CodeView:
    d = row.doc
    try:
        return CodeView(
            row.id,
            str(d["name"]),
            row.parent_id,
            d.get("color"),
            str(d.get("description", "")),
            bool(d.get("codable", True)),
            ms_to_datetime(row.created_at),
        )
    except (KeyError, TypeError):
        raise RecordTampered("codes.shape") from None


def memo_of(row: StoredMemo) -> MemoView:
    d = row.doc
    try:
        return MemoView(
            row.id,
            str(d["target"]),
            d.get("ref"),
            str(d.get("title", "")),
            str(d["text"]),
            ms_to_datetime(row.created_at),
            ms_to_datetime(row.updated_at),
        )
    except (KeyError, TypeError):
        raise RecordTampered("memos.shape") from None


def _span(row: StoredSegment) -> tuple[str, int, int]:
    try:
        return str(row.doc["section"]), int(row.doc["start"]), int(row.doc["end"])
    except (KeyError, TypeError, ValueError):
        raise RecordTampered("coded_segments.shape") from None


class CaseCodingService:
    def __init__(self, ctx: CaseContext) -> None:
        self._ctx = ctx

    # -- the codebook ---------------------------------------------------------------
    def codes(self, case_id: str) -> builtins.list[CodeView]:
        self._ctx.stored(case_id)
        return [code_of(r) for r in self._ctx.repo().codes(case_id)]

    def resolve_code(self, case_id: str, ref: str) -> CodeView:
        """A code by id, id prefix (6+) or name (case-insensitive)."""
        codes = self.codes(case_id)
        for c in codes:
            if c.id == ref:
                return c
        found = [c for c in codes if len(ref) >= 6 and c.id.startswith(ref)]
        found = found or [c for c in codes if c.name.casefold() == ref.casefold()]
        if len(found) == 1:
            return found[0]
        raise CaseCodeNotFound(ref)

    def _doc(
        self, name: str, color: str | None, description: str, codable: bool
    ) -> dict[str, object]:
        if color is not None and not _COLOR.fullmatch(color):
            raise CaseFieldInvalid("color", field="color")
        return {
            "name": clean_text(name, "name"),
            "color": color.upper() if color else None,
            "description": clean_text(
                description, "description", limit=MAX_LONG_TEXT, required=False
            ),
            "codable": codable,
        }

    def add_code(
        self,
        case_id: str,
        name: str,
        *,
        parent_id: str | None = None,
        color: str | None = None,
        description: str = "",
        codable: bool = True,
    ) -> CodeView:
        st = self._ctx.state()
        with st.write_lock:
            self._ctx.stored(case_id)
            if parent_id is not None and self._ctx.repo().code_place(parent_id) != case_id:
                raise CaseCodeNotFound(parent_id)
            code_id = uuid7()
            with self._ctx.repo().writing() as w:
                w.put_code(
                    code_id, case_id, parent_id, self._doc(name, color, description, codable)
                )
        return self.resolve_code(case_id, code_id)

    def update_code(
        self,
        case_id: str,
        code_id: str,
        *,
        name: str | None = None,
        color: str | None = None,
        description: str | None = None,
    ) -> CodeView:
        st = self._ctx.state()
        with st.write_lock:
            old = self.resolve_code(case_id, code_id)
            doc = self._doc(
                old.name if name is None else name,
                old.color if color is None else color,
                old.description if description is None else description,
                old.codable,
            )
            with self._ctx.repo().writing() as w:
                w.put_code(old.id, case_id, old.parent_id, doc)
        return self.resolve_code(case_id, code_id)

    def remove_code(self, case_id: str, code_id: str) -> None:
        """Remove a code, its sub-codes, their passages and the memos on them."""
        st = self._ctx.state()
        with st.write_lock:
            codes = self.codes(case_id)
            root = self.resolve_code(case_id, code_id).id
            doomed = {root}
            grew = True
            while grew:
                more = {c.id for c in codes if c.parent_id in doomed} - doomed
                grew = bool(more)
                doomed |= more
            repo = self._ctx.repo()
            segments = {s.id for s in repo.segments(case_id) if s.code_id in doomed}
            memos = [
                m.id
                for m in repo.memos(case_id)
                if (m.doc.get("target") == CODE and m.doc.get("ref") in doomed)
                or (m.doc.get("target") == SEGMENT and m.doc.get("ref") in segments)
            ]
            with repo.writing() as w:
                w.remove_memos(memos)
                for cid in doomed:
                    w.remove_code(cid)

    def import_codebook(self, case_id: str, path: Path) -> builtins.list[CodeView]:
        """Add the codes of a REFI-QDA ``.qdc`` (validated against Codebook.xsd), with
        their tree, colours and descriptions; returns the new codes."""
        book = read_codebook(path)
        st = self._ctx.state()
        new_ids: dict[str, str] = {}
        with st.write_lock:
            self._ctx.stored(case_id)
            pending = list(book.codes)
            with self._ctx.repo().writing() as w:
                while pending:
                    ready = [c for c in pending if c.parent is None or c.parent in new_ids]
                    if not ready:
                        raise CaseFieldInvalid("parent", field="parent")
                    for c in ready:
                        new_ids[c.id] = uuid7()
                        w.put_code(
                            new_ids[c.id],
                            case_id,
                            None if c.parent is None else new_ids[c.parent],
                            self._doc(c.name[:200], c.color, c.description, c.codable),
                        )
                    pending = [c for c in pending if c.id not in new_ids]
        return [c for c in self.codes(case_id) if c.id in set(new_ids.values())]

    # -- passages -------------------------------------------------------------------
    def apply(
        self, case_id: str, item_id: str, section: str, start: int, end: int, code_id: str
    ) -> str:
        """Code ``[start, end)`` (code points) of an item's section; returns the passage id."""
        repo = self._ctx.repo()
        row = repo.item(item_id)
        if row is None or row.case_id != case_id:
            raise CaseItemNotFound(item_id)
        if repo.code_place(code_id) != case_id:
            raise CaseCodeNotFound(code_id)
        text = item_of(row).text(section)
        if text is None or not 0 <= start < end <= len(text):
            raise CaseSegmentInvalid(f"{section}:{start}-{end}")
        segment_id = uuid7()
        st = self._ctx.state()
        with st.write_lock, repo.writing() as w:
            w.put_segment(
                segment_id,
                item_id,
                code_id,
                {"section": section, "start": start, "end": end, "created": now_iso()},
            )
        return segment_id

    def apply_quote(
        self,
        case_id: str,
        item_id: str,
        section: str,
        quote: str,
        code_id: str,
        occurrence: int = 1,
    ) -> str:
        """Code the ``occurrence``-th place where ``quote`` appears in the section."""
        row = self._ctx.repo().item(item_id)
        if row is None or row.case_id != case_id:
            raise CaseItemNotFound(item_id)
        text = item_of(row).text(section) or ""
        start = -1
        for _ in range(max(1, occurrence)):
            start = text.find(quote, start + 1)
            if start < 0 or not quote:
                raise CaseSegmentInvalid(section)
        return self.apply(case_id, item_id, section, start, start + len(quote), code_id)

    def remove_passage(self, case_id: str, segment_id: str) -> None:
        st = self._ctx.state()
        with st.write_lock:
            repo = self._ctx.repo()
            if not any(s.id == segment_id for s in repo.segments(case_id)):
                raise CaseMemoNotFound(segment_id)
            memos = [
                m.id
                for m in repo.memos(case_id)
                if m.doc.get("target") == SEGMENT and m.doc.get("ref") == segment_id
            ]
            with repo.writing() as w:
                w.remove_memos(memos)
                w.remove_segments([segment_id])

    def passages(
        self,
        case_id: str,
        code_id: str | None = None,
        *,
        with_subcodes: bool = True,
        items: Sequence[CaseItem] | None = None,
    ) -> builtins.list[Passage]:
        """Coded passages (of one code and its sub-codes, or all), with the source's
        pseudonym, date and template section, in item then text order. ``items``: the
        study's items when the caller holds them already."""
        self._ctx.stored(case_id)
        repo = self._ctx.repo()
        wanted: set[str] | None = None
        if code_id is not None:
            codes = self.codes(case_id)
            wanted = {self.resolve_code(case_id, code_id).id}
            grew = with_subcodes
            while grew:
                more = {c.id for c in codes if c.parent_id in wanted} - wanted
                grew = bool(more)
                wanted |= more
        by_id = {i.id: i for i in (self._ctx.items(case_id) if items is None else items)}
        order = {item_id: n for n, item_id in enumerate(by_id)}
        memo_refs: dict[str, list[str]] = defaultdict(list)
        for m in repo.memos(case_id):
            if m.doc.get("target") == SEGMENT:
                memo_refs[str(m.doc.get("ref"))].append(m.id)
        out = []
        for s in repo.segments(case_id):
            if wanted is not None and s.code_id not in wanted:
                continue
            item = by_id.get(s.item_id)
            if item is None:
                continue
            section, start, end = _span(s)
            text = item.text(section) or ""
            out.append(
                Passage(
                    s.id,
                    s.item_id,
                    s.code_id,
                    item.pseudonym,
                    item.event_date,
                    section,
                    start,
                    end,
                    text[start:end],
                    tuple(memo_refs.get(s.id, ())),
                )
            )
        out.sort(key=lambda p: (order.get(p.item_id, 0), p.section, p.start, p.end))
        return out

    def frequencies(self, case_id: str, passages: Sequence[Passage] | None = None) -> Frequencies:
        by_student: dict[str, Counter[str]] = defaultdict(Counter)
        by_section: dict[str, Counter[str]] = defaultdict(Counter)
        totals: Counter[str] = Counter()
        for p in self.passages(case_id) if passages is None else passages:
            by_student[p.pseudonym][p.code_id] += 1
            by_section[p.section][p.code_id] += 1
            totals[p.code_id] += 1
        return Frequencies(
            {k: dict(v) for k, v in by_student.items()},
            {k: dict(v) for k, v in by_section.items()},
            dict(totals),
        )

    def cooccurrence(
        self, case_id: str, passages: Sequence[Passage] | None = None
    ) -> dict[tuple[str, str], int]:
        """How many times two codes' passages overlap in the same item section (pairs
        of code ids, sorted; a pair counted once per pair of overlapping passages)."""
        groups: dict[tuple[str, str], list[Passage]] = defaultdict(list)
        for p in self.passages(case_id) if passages is None else passages:
            groups[(p.item_id, p.section)].append(p)
        counts: Counter[tuple[str, str]] = Counter()
        for group in groups.values():
            group.sort(key=lambda p: p.start)
            for i, a in enumerate(group):
                for b in group[i + 1 :]:
                    if b.start >= a.end:
                        break
                    if a.code_id != b.code_id:
                        first, second = sorted((a.code_id, b.code_id))
                        counts[(first, second)] += 1
        return dict(counts)

    def standards_matrix(
        self,
        case_id: str,
        passages: Sequence[Passage] | None = None,
        items: Sequence[CaseItem] | None = None,
    ) -> dict[str, dict[str, int]]:
        """code id → MBE standard code → passages of that code in items tagged with it.
        ``passages`` and ``items``: the study's, when the caller read them already (the
        queries tab reads them once for its four queries)."""
        if items is None:
            items = self._ctx.items(case_id)
        by_id = {i.id: i for i in items}
        matrix: dict[str, Counter[str]] = defaultdict(Counter)
        for p in self.passages(case_id, items=items) if passages is None else passages:
            item = by_id.get(p.item_id)
            for standard in () if item is None else item.standards:
                matrix[p.code_id][standard] += 1
        return {k: dict(v) for k, v in matrix.items()}

    # -- memos ----------------------------------------------------------------------
    def add_memo(
        self,
        case_id: str,
        text: str,
        *,
        title: str = "",
        code_id: str | None = None,
        item_id: str | None = None,
        segment_id: str | None = None,
    ) -> MemoView:
        """A memo on the project, or on one code, item or coded passage."""
        targets = [(CODE, code_id), (ITEM, item_id), (SEGMENT, segment_id)]
        chosen = [(k, v) for k, v in targets if v is not None]
        if len(chosen) > 1:
            raise CaseFieldInvalid("target", field="target")
        target, ref = chosen[0] if chosen else (PROJECT, None)
        repo = self._ctx.repo()
        self._ctx.stored(case_id)
        if target == CODE and repo.code_place(str(ref)) != case_id:
            raise CaseCodeNotFound(str(ref))
        if target == ITEM:
            row = repo.item(str(ref))
            if row is None or row.case_id != case_id:
                raise CaseItemNotFound(str(ref))
        if target == SEGMENT and not any(s.id == ref for s in repo.segments(case_id)):
            raise CaseMemoNotFound(str(ref))
        memo_id = uuid7()
        st = self._ctx.state()
        with st.write_lock, repo.writing() as w:
            w.put_memo(
                memo_id,
                case_id,
                {
                    "target": target,
                    "ref": ref,
                    "title": clean_text(title, "title", required=False),
                    "text": clean_text(text, "text", limit=MAX_LONG_TEXT),
                },
            )
        return next(m for m in self.memos(case_id) if m.id == memo_id)

    def memos(self, case_id: str) -> builtins.list[MemoView]:
        self._ctx.stored(case_id)
        return [memo_of(r) for r in self._ctx.repo().memos(case_id)]

    def update_memo(
        self, case_id: str, memo_id: str, text: str, *, title: str | None = None
    ) -> MemoView:
        """A memo's new text (and title); its target stays."""
        st = self._ctx.state()
        with st.write_lock:
            old = next((m for m in self.memos(case_id) if m.id == memo_id), None)
            if old is None:
                raise CaseMemoNotFound(memo_id)
            doc = {
                "target": old.target,
                "ref": old.ref,
                "title": clean_text(old.title if title is None else title, "title", required=False),
                "text": clean_text(text, "text", limit=MAX_LONG_TEXT),
            }
            with self._ctx.repo().writing() as w:
                w.put_memo(memo_id, case_id, doc)
        return next(m for m in self.memos(case_id) if m.id == memo_id)

    def remove_memo(self, case_id: str, memo_id: str) -> None:
        if not any(m.id == memo_id for m in self.memos(case_id)):
            raise CaseMemoNotFound(memo_id)
        st = self._ctx.state()
        with st.write_lock, self._ctx.repo().writing() as w:
            w.remove_memos([memo_id])

    def passage_count(self, case_id: str) -> int:
        return self._ctx.repo().segment_count(case_id)
