"""Case studies (issue 15): projects, their items, codes, coded segments, memos, the
signed audit log and the information sheet, all sealed.

The plaintext columns are ids, foreign keys, times, sizes and the audit log's sequence
number. Everything a person wrote or is named by (titles, research questions, the ethics
approval, the pseudonym map, item texts, code names, memos, the audit records) is sealed
in one JSON document per row, bound by its associated data to the row id and to the
plaintext columns that place it (a segment cannot be moved to another item, an audit
record to another place in the chain). ``case_studies``, ``case_items`` and
``case_audit`` are in the vault state MAC (``trust_state``): a withdrawn item restored,
an approval rolled back or an audit record deleted in the closed file is caught at unlock.

The documents' shapes belong to ``services/case_studies.py``; this module stores them.
"""

from __future__ import annotations

import builtins
import contextlib
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from reflectdesk.domain.model import now_ms
from reflectdesk.errors import RecordTampered
from reflectdesk.storage import schema as t
from reflectdesk.storage.database import Database
from reflectdesk.vault.cipher import RecordCipher

STUDIES = "case_studies"
ITEMS = "case_items"
CODES = "codes"
SEGMENTS = "coded_segments"
MEMOS = "memos"
AUDIT = "case_audit"
FILES = "case_files"

Doc = dict[str, Any]


@dataclass(frozen=True, slots=True)
class StoredStudy:
    id: str
    created_at: int
    updated_at: int
    doc: Doc


@dataclass(frozen=True, slots=True)
class StoredItem:
    id: str
    case_id: str
    entry_id: str
    revision_id: str
    created_at: int
    doc: Doc


@dataclass(frozen=True, slots=True)
class StoredCode:
    id: str
    case_id: str
    parent_id: str | None
    created_at: int
    doc: Doc


@dataclass(frozen=True, slots=True)
class StoredSegment:
    id: str
    item_id: str
    code_id: str
    created_at: int
    doc: Doc


@dataclass(frozen=True, slots=True)
class StoredMemo:
    id: str
    case_id: str
    created_at: int
    updated_at: int
    doc: Doc


@dataclass(frozen=True, slots=True)
class StoredAudit:
    id: str
    case_id: str
    seq: int
    created_at: int
    doc: Doc


def _doc(value: Any, where: str) -> Doc:
    if not isinstance(value, dict):
        raise RecordTampered(f"{where}.shape")
    return value


class CaseWrite:
    """One transaction's writes (``CaseRepo.writing``): all of them commit, or none."""

    def __init__(self, s: Session, cipher: RecordCipher) -> None:
        self._s = s
        self._c = cipher
        # The log's head per study as this transaction left it (other connections
        # cannot see it before the commit): the next record of the same transaction
        # chains to it.
        self.pending_head: dict[str, StoredAudit] = {}

    # -- studies ------------------------------------------------------------------------
    def put_study(self, case_id: str, doc: Doc) -> None:
        now = now_ms()
        row = self._s.get(t.CaseStudy, case_id)
        blob = self._c.seal_json(STUDIES, case_id, "study", doc)
        if row is None:
            self._s.add(t.CaseStudy(id=case_id, created_at=now, updated_at=now, blob=blob))
        else:
            row.updated_at = max(now, row.updated_at + 1)
            row.blob = blob
        self._s.flush()

    # -- items --------------------------------------------------------------------------
    def put_item(
        self, item_id: str, case_id: str, entry_id: str, revision_id: str, doc: Doc
    ) -> None:
        blob = self._c.seal_json(ITEMS, item_id, f"{case_id}|{entry_id}|{revision_id}", doc)
        row = self._s.get(t.CaseItem, item_id)
        if row is None:
            self._s.add(
                t.CaseItem(
                    id=item_id,
                    case_id=case_id,
                    entry_id=entry_id,
                    revision_id=revision_id,
                    created_at=now_ms(),
                    blob=blob,
                )
            )
        else:
            if (row.case_id, row.entry_id, row.revision_id) != (case_id, entry_id, revision_id):
                raise RecordTampered("case_items.place")
            row.blob = blob
        self._s.flush()

    def remove_items(self, item_ids: Collection[str]) -> None:
        """The items, their coded segments (the memos are the caller's to remove)."""
        if not item_ids:
            return
        self._s.execute(delete(t.CodedSegment).where(t.CodedSegment.item_id.in_(item_ids)))
        self._s.execute(delete(t.CaseItem).where(t.CaseItem.id.in_(item_ids)))

    # -- codes --------------------------------------------------------------------------
    def put_code(self, code_id: str, case_id: str, parent_id: str | None, doc: Doc) -> None:
        blob = self._c.seal_json(CODES, code_id, case_id, doc)
        row = self._s.get(t.Code, code_id)
        if row is None:
            self._s.add(
                t.Code(
                    id=code_id,
                    case_id=case_id,
                    parent_id=parent_id,
                    created_at=now_ms(),
                    blob=blob,
                )
            )
        else:
            if row.case_id != case_id:
                raise RecordTampered("codes.place")
            row.parent_id = parent_id
            row.blob = blob
        self._s.flush()

    def remove_code(self, code_id: str) -> None:
        self._s.execute(delete(t.CodedSegment).where(t.CodedSegment.code_id == code_id))
        self._s.execute(delete(t.Code).where(t.Code.id == code_id))

    # -- segments -----------------------------------------------------------------------
    def put_segment(self, segment_id: str, item_id: str, code_id: str, doc: Doc) -> None:
        blob = self._c.seal_json(SEGMENTS, segment_id, f"{item_id}|{code_id}", doc)
        row = self._s.get(t.CodedSegment, segment_id)
        if row is None:
            self._s.add(
                t.CodedSegment(
                    id=segment_id, item_id=item_id, code_id=code_id, created_at=now_ms(), blob=blob
                )
            )
        else:
            if (row.item_id, row.code_id) != (item_id, code_id):
                raise RecordTampered("coded_segments.place")
            row.blob = blob

    def remove_segments(self, segment_ids: Collection[str]) -> None:
        if segment_ids:
            self._s.execute(delete(t.CodedSegment).where(t.CodedSegment.id.in_(segment_ids)))

    # -- memos --------------------------------------------------------------------------
    def put_memo(self, memo_id: str, case_id: str, doc: Doc) -> None:
        blob = self._c.seal_json(MEMOS, memo_id, case_id, doc)
        row = self._s.get(t.Memo, memo_id)
        now = now_ms()
        if row is None:
            self._s.add(
                t.Memo(id=memo_id, case_id=case_id, created_at=now, updated_at=now, blob=blob)
            )
        else:
            if row.case_id != case_id:
                raise RecordTampered("memos.place")
            row.updated_at = now
            row.blob = blob

    def remove_memos(self, memo_ids: Collection[str]) -> None:
        if memo_ids:
            self._s.execute(delete(t.Memo).where(t.Memo.id.in_(memo_ids)))

    # -- audit and files ----------------------------------------------------------------
    def append_audit(
        self, row_id: str, case_id: str, seq: int, created_ms: int, doc: Doc
    ) -> StoredAudit:
        blob = self._c.seal_json(AUDIT, row_id, f"{case_id}|{seq}", doc)
        self._s.add(
            t.CaseAuditRow(id=row_id, case_id=case_id, seq=seq, created_at=created_ms, blob=blob)
        )
        self._s.flush()
        return StoredAudit(row_id, case_id, seq, created_ms, doc)

    def put_file(self, file_id: str, case_id: str, name: str, media_type: str, data: bytes) -> None:
        # A JSON head (compact: no newline in it), a newline, then the bytes as they are.
        head = orjson.dumps({"name": name, "media_type": media_type})
        blob = self._c.seal_bytes(FILES, file_id, case_id, head + b"\n" + data)
        self._s.add(
            t.CaseFile(id=file_id, case_id=case_id, created_at=now_ms(), size=len(data), blob=blob)
        )
        self._s.flush()

    def remove_file(self, file_id: str) -> None:
        self._s.execute(delete(t.CaseFile).where(t.CaseFile.id == file_id))

    def remove_study(self, case_id: str) -> None:
        """The study and everything it holds: coded segments, items, codes, memos, files
        and its audit log (what a deletion keeps is the service's to decide)."""
        items = select(t.CaseItem.id).where(t.CaseItem.case_id == case_id)
        codes = select(t.Code.id).where(t.Code.case_id == case_id)
        self._s.execute(
            delete(t.CodedSegment).where(
                t.CodedSegment.item_id.in_(items) | t.CodedSegment.code_id.in_(codes)
            )
        )
        self._s.execute(delete(t.CaseItem).where(t.CaseItem.case_id == case_id))
        self._s.execute(delete(t.Code).where(t.Code.case_id == case_id))
        self._s.execute(delete(t.Memo).where(t.Memo.case_id == case_id))
        self._s.execute(delete(t.CaseFile).where(t.CaseFile.case_id == case_id))
        self._s.execute(delete(t.CaseAuditRow).where(t.CaseAuditRow.case_id == case_id))
        self._s.execute(delete(t.CaseStudy).where(t.CaseStudy.id == case_id))
        self._s.flush()


class CaseRepo:
    def __init__(self, db: Database, cipher: RecordCipher) -> None:
        self._db = db
        self._c = cipher

    @contextlib.contextmanager
    def writing(self) -> Iterator[CaseWrite]:
        with self._db.session() as s:
            yield CaseWrite(s, self._c)

    # -- reads --------------------------------------------------------------------------
    def _study(self, row: t.CaseStudy) -> StoredStudy:
        doc = _doc(self._c.open_json(STUDIES, row.id, "study", row.blob), STUDIES)
        return StoredStudy(row.id, row.created_at, row.updated_at, doc)

    def study(self, case_id: str) -> StoredStudy | None:
        with self._db.session() as s:
            row = s.get(t.CaseStudy, case_id)
            return None if row is None else self._study(row)

    def studies(self) -> builtins.list[StoredStudy]:
        with self._db.session() as s:
            rows = s.scalars(
                select(t.CaseStudy).order_by(t.CaseStudy.created_at, t.CaseStudy.id)
            ).all()
            return [self._study(r) for r in rows]

    def _item(self, row: t.CaseItem) -> StoredItem:
        ad = f"{row.case_id}|{row.entry_id}|{row.revision_id}"
        doc = _doc(self._c.open_json(ITEMS, row.id, ad, row.blob), ITEMS)
        return StoredItem(row.id, row.case_id, row.entry_id, row.revision_id, row.created_at, doc)

    def items(self, case_id: str | None = None) -> builtins.list[StoredItem]:
        """The items of one case study (or of all), oldest first."""
        c = t.CaseItem
        q = select(c.id, c.case_id, c.entry_id, c.revision_id, c.created_at, c.blob).order_by(
            c.created_at, c.id
        )
        if case_id is not None:
            q = q.where(c.case_id == case_id)
        with self._db.session() as s:
            rows = s.execute(q).all()
        out = []
        for item_id, case, entry, revision, created, blob in rows:
            doc = self._c.open_json(ITEMS, item_id, f"{case}|{entry}|{revision}", blob)
            out.append(StoredItem(item_id, case, entry, revision, created, _doc(doc, ITEMS)))
        return out

    def item(self, item_id: str) -> StoredItem | None:
        with self._db.session() as s:
            row = s.get(t.CaseItem, item_id)
            return None if row is None else self._item(row)

    def code_place(self, code_id: str) -> str | None:
        """The case study a code belongs to (its plaintext column), or None."""
        with self._db.session() as s:
            row = s.get(t.Code, code_id)
            return None if row is None else row.case_id

    def item_places(self) -> builtins.list[tuple[str, str, str]]:
        """(item id, case id, entry id) of every item: the withdrawal check, unsealed."""
        with self._db.session() as s:
            rows = s.execute(select(t.CaseItem.id, t.CaseItem.case_id, t.CaseItem.entry_id))
            return [(str(a), str(b), str(c)) for a, b, c in rows]

    def codes(self, case_id: str) -> builtins.list[StoredCode]:
        with self._db.session() as s:
            rows = s.scalars(
                select(t.Code)
                .where(t.Code.case_id == case_id)
                .order_by(t.Code.created_at, t.Code.id)
            ).all()
            return [
                StoredCode(
                    r.id,
                    r.case_id,
                    r.parent_id,
                    r.created_at,
                    _doc(self._c.open_json(CODES, r.id, r.case_id, r.blob), CODES),
                )
                for r in rows
            ]

    def segments(self, case_id: str) -> builtins.list[StoredSegment]:
        seg = t.CodedSegment
        q = (
            select(seg.id, seg.item_id, seg.code_id, seg.created_at, seg.blob)
            .join(t.CaseItem, t.CaseItem.id == seg.item_id)
            .where(t.CaseItem.case_id == case_id)
            .order_by(seg.created_at, seg.id)
        )
        with self._db.session() as s:
            rows = s.execute(q).all()
        out = []
        for seg_id, item_id, code_id, created, blob in rows:
            doc = self._c.open_json(SEGMENTS, seg_id, f"{item_id}|{code_id}", blob)
            out.append(StoredSegment(seg_id, item_id, code_id, created, _doc(doc, SEGMENTS)))
        return out

    def segment_count(self, case_id: str) -> int:
        with self._db.session() as s:
            q = (
                select(func.count())
                .select_from(t.CodedSegment)
                .join(t.CaseItem, t.CaseItem.id == t.CodedSegment.item_id)
                .where(t.CaseItem.case_id == case_id)
            )
            return int(s.scalar(q) or 0)

    def memos(self, case_id: str) -> builtins.list[StoredMemo]:
        with self._db.session() as s:
            rows = s.scalars(
                select(t.Memo)
                .where(t.Memo.case_id == case_id)
                .order_by(t.Memo.created_at, t.Memo.id)
            ).all()
            return [
                StoredMemo(
                    r.id,
                    r.case_id,
                    r.created_at,
                    r.updated_at,
                    _doc(self._c.open_json(MEMOS, r.id, r.case_id, r.blob), MEMOS),
                )
                for r in rows
            ]

    def audit(self, case_id: str) -> builtins.list[StoredAudit]:
        with self._db.session() as s:
            rows = s.scalars(
                select(t.CaseAuditRow)
                .where(t.CaseAuditRow.case_id == case_id)
                .order_by(t.CaseAuditRow.seq, t.CaseAuditRow.id)
            ).all()
            return [
                StoredAudit(
                    r.id,
                    r.case_id,
                    r.seq,
                    r.created_at,
                    _doc(self._c.open_json(AUDIT, r.id, f"{r.case_id}|{r.seq}", r.blob), AUDIT),
                )
                for r in rows
            ]

    def audit_head(self, case_id: str) -> StoredAudit | None:
        """The last record of a study's log (the next one chains to it)."""
        with self._db.session() as s:
            r = s.scalars(
                select(t.CaseAuditRow)
                .where(t.CaseAuditRow.case_id == case_id)
                .order_by(t.CaseAuditRow.seq.desc(), t.CaseAuditRow.id.desc())
                .limit(1)
            ).first()
            if r is None:
                return None
            doc = self._c.open_json(AUDIT, r.id, f"{r.case_id}|{r.seq}", r.blob)
            return StoredAudit(r.id, r.case_id, r.seq, r.created_at, _doc(doc, AUDIT))

    def heads(self, entry_ids: Collection[str]) -> dict[str, tuple[str, int]]:
        """(head revision id, its number) of each live entry: plain columns, nothing
        opened (the picker lists thousands)."""
        out: dict[str, tuple[str, int]] = {}
        ids = list(entry_ids)
        with self._db.session() as s:
            for n in range(0, len(ids), 500):
                q = select(t.Entry.id, t.Entry.head_revision_id, t.Entry.head_seq).where(
                    t.Entry.id.in_(ids[n : n + 500]), t.Entry.deleted == 0
                )
                for entry_id, head, seq in s.execute(q):
                    if head is not None:
                        out[str(entry_id)] = (str(head), int(seq))
        return out

    def consent_rows(self) -> int:
        """How many consent statements the vault holds: a withdrawal adds one, so the
        case studies recheck their items only when this changes."""
        with self._db.session() as s:
            return int(s.scalar(select(func.count()).select_from(t.Consent)) or 0)

    def file_count(self, case_id: str) -> int:
        with self._db.session() as s:
            q = select(func.count()).select_from(t.CaseFile).where(t.CaseFile.case_id == case_id)
            return int(s.scalar(q) or 0)

    def file(self, file_id: str) -> tuple[str, str, bytes] | None:
        """(name, media type, bytes) of a case study's file."""
        with self._db.session() as s:
            row = s.get(t.CaseFile, file_id)
            if row is None:
                return None
            raw = self._c.open_bytes(FILES, row.id, row.case_id, row.blob)
            head, _, data = raw.partition(b"\n")
            try:
                doc = _doc(orjson.loads(head), FILES)
                return str(doc["name"]), str(doc["media_type"]), data
            except (KeyError, orjson.JSONDecodeError):
                raise RecordTampered("case_files.shape") from None
