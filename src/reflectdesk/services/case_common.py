"""What the case-study services share (issue 15): the values they return, the sealed
documents' shapes, the approval gate and the signed audit log's append.

``vault.case_studies`` (:mod:`reflectdesk.services.case_studies`) holds projects, items,
pseudonymisation and withdrawal; its ``coding`` (:mod:`.case_coding`) the codebook,
passages, memos and queries; its ``exports`` (:mod:`.case_export`) the REFI-QDA and
report exports and the re-import; its ``audit`` (:mod:`.case_audit`) the log's checks.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from reflectdesk.domain.model import Consent, Role, ms_to_datetime
from reflectdesk.errors import (
    CaseApprovalExpired,
    CaseApprovalMissing,
    CaseFieldInvalid,
    CaseStudyNotFound,
    RecordTampered,
)
from reflectdesk.ids import uuid7
from reflectdesk.research import guids
from reflectdesk.research import pseudonymise as ps
from reflectdesk.research.pseudonymise import PseudonymMap
from reflectdesk.services import case_audit
from reflectdesk.services.identity import load_or_create_identity
from reflectdesk.services.unlocked_state import UnlockedState
from reflectdesk.storage.case_studies import CaseRepo, CaseWrite, StoredItem, StoredStudy

log = logging.getLogger(__name__)

MAX_TEXT = 200  # titles, names, committee, reference
MAX_LONG_TEXT = 20_000  # research question, description, memos
RESEARCH_LEVELS = (Consent.RESEARCH, Consent.RESEARCH_PSEUDONYMISED)

# Why an entry can or cannot be added (the picker's reason codes).
ADDABLE = "addable"
READ_ONLY = "read-only"
WITHDRAWN = "withdrawn"
NO_CONSENT = "no-consent"
ALREADY_ADDED = "already-added"

# Where an item came from.
ORIGIN_ENTRY = "entry"  # a received entry, with its consent and provenance
ORIGIN_QDPX = "qdpx"  # a source of an imported REFI-QDA project

# Which kind of person of the pseudonym map a contact's role is.
KIND_OF_ROLE = {Role.STUDENT: ps.STUDENT, Role.MENTOR: ps.MENTOR, Role.EDUCATOR: ps.TUTOR}
SECTION_SEP = "#"  # a pseudonymisation source id: "<item id>#<section key>"


def source_id(item_id: str, section: str) -> str:
    return f"{item_id}{SECTION_SEP}{section}"


# Guid kinds the audit log names things by (ours never leave the vault).
STUDY_KIND = "case-study"
ITEM_KIND = "case-item"


def clean_text(value: str, name: str, *, limit: int = MAX_TEXT, required: bool = True) -> str:
    text = " ".join(value.split()) if limit == MAX_TEXT else value.strip()
    if (required and not text) or len(text) > limit:
        raise CaseFieldInvalid(name, field=name)
    return text


@dataclass(frozen=True, slots=True)
class Approval:
    """The ethics approval of a case study."""

    committee: str
    reference: str
    expires: date
    sheet_file_id: str | None = None
    sheet_name: str | None = None

    def current(self, today: date | None = None) -> bool:
        """Current through its expiry day, a calendar date where the researcher is
        (the computer's local date), as the committee wrote it."""
        return (today or date.today()) <= self.expires

    def to_json(self) -> dict[str, Any]:
        return {
            "committee": self.committee,
            "reference": self.reference,
            "expires": self.expires.isoformat(),
            "sheet": self.sheet_file_id,
            "sheet_name": self.sheet_name,
        }

    @classmethod
    def from_json(cls, doc: Mapping[str, Any]) -> Approval:
        return cls(
            str(doc["committee"]),
            str(doc["reference"]),
            date.fromisoformat(str(doc["expires"])),
            None if doc.get("sheet") is None else str(doc["sheet"]),
            None if doc.get("sheet_name") is None else str(doc["sheet_name"]),
        )


@dataclass(frozen=True, slots=True)
class ExportRecord:
    """An export made of a case study; ``outdated`` once an item was removed after it."""

    id: str
    format: str
    at: datetime
    file_name: str
    outdated: bool = False


@dataclass(frozen=True, slots=True)
class WithdrawalNote:
    """All a case study keeps of a withdrawn item: when, and from which bundle."""

    withdrawn_on: date
    bundle_id: str
    removed_at: datetime
    segments: int
    memos: int


@dataclass(frozen=True, slots=True)
class CaseStudy:
    id: str
    title: str
    question: str
    description: str
    language: str  # of the pseudonyms and the report ("es" | "en")
    approval: Approval | None
    cohort_ids: tuple[str, ...]
    team: tuple[str, ...]  # contact ids
    created_at: datetime
    updated_at: datetime
    exports: tuple[ExportRecord, ...] = ()
    withdrawals: tuple[WithdrawalNote, ...] = ()
    published: date | None = None  # the cut-off a withdrawal cannot reach back past

    @property
    def status(self) -> str:
        """ "planning" (no approval), "approved" or "expired"."""
        if self.approval is None:
            return "planning"
        return "approved" if self.approval.current() else "expired"


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where an item came from, kept beside it."""

    origin: str  # ORIGIN_ENTRY | ORIGIN_QDPX
    author_contact_id: str | None
    author_key_id: str | None  # the key that signed the revision
    signature_checked: bool  # that key is one the author's contact pinned
    author_status: str  # "verified" | "known" | "imported"
    bundle_id: str | None  # the bundle that carried the consent
    consent: str | None  # Consent value at the time of adding


@dataclass(frozen=True, slots=True)
class CaseItem:
    id: str
    case_id: str
    entry_id: str
    revision_id: str
    revision_seq: int
    pseudonym: str  # the author's pseudonym in this study
    event_date: date | None
    template_id: str
    standards: tuple[str, ...]
    sections: tuple[tuple[str, str], ...]  # (section key, text), pseudonymised once reviewed
    pseudonymised: bool  # its proposals were reviewed (accepted or skipped)
    provenance: Provenance
    added_at: datetime

    @property
    def needs_pseudonymisation(self) -> bool:
        return self.provenance.consent == Consent.RESEARCH_PSEUDONYMISED.value

    def text(self, section: str) -> str | None:
        return next((t for k, t in self.sections if k == section), None)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A received entry as the picker shows it."""

    entry_id: str
    revision_id: str
    revision_seq: int
    title: str
    author_contact_id: str | None
    author_name: str
    consent: str | None  # the Consent value in force, None: none or withdrawn
    reason: str  # ADDABLE | READ_ONLY | WITHDRAWN | NO_CONSENT | ALREADY_ADDED
    event_date: date | None
    template_id: str = ""  # of its current revision (the picker's filter)

    @property
    def addable(self) -> bool:
        return self.reason == ADDABLE


# --- documents ---------------------------------------------------------------------------
def study_of(row: StoredStudy) -> CaseStudy:
    d = row.doc
    try:
        approval = None if d.get("approval") is None else Approval.from_json(d["approval"])
        return CaseStudy(
            id=row.id,
            title=str(d["title"]),
            question=str(d.get("question", "")),
            description=str(d.get("description", "")),
            language=str(d.get("language", "es")),
            approval=approval,
            cohort_ids=tuple(str(c) for c in d.get("cohorts", [])),
            team=tuple(str(c) for c in d.get("team", [])),
            created_at=ms_to_datetime(row.created_at),
            updated_at=ms_to_datetime(row.updated_at),
            exports=tuple(
                ExportRecord(
                    str(e["id"]),
                    str(e["format"]),
                    datetime.fromisoformat(str(e["at"])),
                    str(e["file"]),
                    bool(e.get("outdated", False)),
                )
                for e in d.get("exports", [])
            ),
            withdrawals=tuple(
                WithdrawalNote(
                    date.fromisoformat(str(w["on"])),
                    str(w["bundle"]),
                    datetime.fromisoformat(str(w["at"])),
                    int(w["segments"]),
                    int(w["memos"]),
                )
                for w in d.get("withdrawals", [])
            ),
            published=None if not d.get("published") else date.fromisoformat(str(d["published"])),
        )
    except (KeyError, ValueError, TypeError):
        raise RecordTampered("case_studies.shape") from None


def item_of(row: StoredItem) -> CaseItem:
    d = row.doc
    try:
        p = d["provenance"]
        return CaseItem(
            id=row.id,
            case_id=row.case_id,
            entry_id=row.entry_id,
            revision_id=row.revision_id,
            revision_seq=int(d.get("seq", 0)),
            pseudonym=str(d.get("pseudonym", "")),
            event_date=None if not d.get("event_date") else date.fromisoformat(d["event_date"]),
            template_id=str(d.get("template", "")),
            standards=tuple(str(s) for s in d.get("standards", [])),
            sections=tuple((str(k), str(v)) for k, v in d["sections"]),
            pseudonymised=bool(d.get("pseudonymised", False)),
            provenance=Provenance(
                origin=str(p["origin"]),
                author_contact_id=p.get("contact"),
                author_key_id=p.get("key"),
                signature_checked=bool(p.get("signature_checked", False)),
                author_status=str(p.get("status", "")),
                bundle_id=p.get("bundle"),
                consent=p.get("consent"),
            ),
            added_at=ms_to_datetime(row.created_at),
        )
    except (KeyError, ValueError, TypeError):
        raise RecordTampered("case_items.shape") from None


def item_doc(item: CaseItem) -> dict[str, Any]:
    p = item.provenance
    return {
        "seq": item.revision_seq,
        "pseudonym": item.pseudonym,
        "event_date": item.event_date.isoformat() if item.event_date else None,
        "template": item.template_id,
        "standards": list(item.standards),
        "sections": [[k, v] for k, v in item.sections],
        "pseudonymised": item.pseudonymised,
        "provenance": {
            "origin": p.origin,
            "contact": p.author_contact_id,
            "key": p.author_key_id,
            "signature_checked": p.signature_checked,
            "status": p.author_status,
            "bundle": p.bundle_id,
            "consent": p.consent,
        },
    }


def with_contacts(
    pmap: PseudonymMap,
    contacts: Sequence[Any],
    *,
    default: str = ps.OTHER,
    author: str | None = None,
) -> PseudonymMap:
    """``pmap`` with every contact (kind by role, else ``default``; ``author``'s
    default is a student). Those it did not know yet get their pseudonyms in a random
    order: letters given in the order the cards were imported (a class list, in
    alphabetical order) let whoever knows the roster read the names back (attack3,
    03 Dec). Known people keep theirs."""
    new = [c for c in contacts if pmap.get(c.id) is None]
    random.SystemRandom().shuffle(new)
    for contact in [*new, *(c for c in contacts if pmap.get(c.id) is not None)]:
        kind = ps.STUDENT if contact.id == author else default
        pmap = pmap.add(
            contact.id, KIND_OF_ROLE.get(contact.card.role, kind), ps.name_forms(contact.name)
        )
    return pmap


def source_guids(item: CaseItem) -> list[str]:
    """The GUIDs an item's sections have as sources of an exported .qdpx."""
    return [guids.guid(guids.SOURCE, source_id(item.id, key)) for key, _text in item.sections]


def withdrawn_sources(repo: CaseRepo) -> set[str]:
    """The source GUIDs of every item withdrawn from any study of this vault: a .qdpx
    exported before the withdrawal and imported again must not bring them back
    (attack3, 03 Dec)."""
    out: set[str] = set()
    for stored in repo.studies():
        for note in stored.doc.get("withdrawals", []):
            out.update(str(g) for g in note.get("sources", []))
    return out


def pmap_of(doc: Mapping[str, Any], language: str) -> PseudonymMap:
    raw = doc.get("pmap")
    if not raw:
        return PseudonymMap(language=language)
    try:
        return PseudonymMap.from_json(raw)
    except (KeyError, ValueError, TypeError):
        raise RecordTampered("case_studies.pmap") from None


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class CaseContext:
    """The unlocked state, the repository and the shared steps of every case service."""

    def __init__(self, state: Callable[[], UnlockedState]) -> None:
        self.state = state

    def repo(self) -> CaseRepo:
        st = self.state()
        return CaseRepo(st.db, st.cipher)

    def stored(self, case_id: str) -> StoredStudy:
        row = self.repo().study(case_id)
        if row is None:
            raise CaseStudyNotFound(case_id)
        return row

    def study(self, case_id: str) -> CaseStudy:
        return study_of(self.stored(case_id))

    def items(self, case_id: str) -> list[CaseItem]:
        return [item_of(r) for r in self.repo().items(case_id)]

    @staticmethod
    def require_approval(study: CaseStudy) -> Approval:
        if study.approval is None:
            raise CaseApprovalMissing(study.id)
        if not study.approval.current():
            raise CaseApprovalExpired(study.id, date=study.approval.expires.isoformat())
        return study.approval

    # -- the audit log ----------------------------------------------------------------
    def audit(self, w: CaseWrite, case_id: str, event: str, data: dict[str, Any]) -> None:
        """Append one signed record to ``case_id``'s log, in ``w``'s transaction. The
        caller holds the write lock (so the chain's head cannot move under it)."""
        st = self.state()
        head = w.pending_head.get(case_id) or self.repo().audit_head(case_id)
        seq = 1 if head is None else head.seq + 1
        identity = load_or_create_identity(st)
        signed = case_audit.sign(
            identity,
            study=guids.guid(STUDY_KIND, case_id),
            seq=seq,
            event=event,
            data=data,
            previous=None if head is None else head.doc,
        )
        created = int(datetime.fromisoformat(signed["record"]["at"]).timestamp() * 1000)
        w.pending_head[case_id] = w.append_audit(uuid7(), case_id, seq, created, signed)
        log.info("case audit: %s", event)


@dataclass(frozen=True, slots=True)
class Passage:
    """A coded passage as the queries return it."""

    segment_id: str
    item_id: str
    code_id: str
    pseudonym: str
    event_date: date | None
    section: str
    start: int
    end: int
    text: str
    memos: tuple[str, ...] = field(default=())  # memo ids on this passage
