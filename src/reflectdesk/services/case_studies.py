"""Case studies (issue 15): ``vault.case_studies``.

A case study is planned freely (title, research question, cohorts, team); entries are
added, and anything exported, only under a current ethics approval. Only entries
received with research consent can be added, each at one revision, with its provenance
(the signing key, checked against the author's pinned keys; the bundle that carried the
consent). Pseudonymisation is reviewed proposal by proposal and applied to the item's
text in the vault (the original text is not kept in the study; the map that links
pseudonyms to people stays sealed in the vault, never exported). A consent withdrawal
that arrives removes every item of that entry, with its passages and memos, keeping
only "withdrawn on DATE, from bundle …" in the signed audit log, and marks earlier
exports outdated (docs/research.md).
"""

from __future__ import annotations

import builtins
import logging
import mimetypes
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from reflectdesk.atomic_files import atomic_write
from reflectdesk.domain.cohorts import Cohort
from reflectdesk.domain.model import Changes, SearchFilters, Space
from reflectdesk.errors import (
    CaseConsentMissing,
    CaseEntryNotReceived,
    CaseFieldInvalid,
    CaseFileTooLarge,
    CaseItemDuplicate,
    CaseItemNotFound,
    CaseStudyNotFound,
    CohortNotFound,
    ContactNotFound,
    FileUnreadable,
    FileUnwritable,
    NotFound,
)
from reflectdesk.ids import uuid7
from reflectdesk.research import guids
from reflectdesk.research import pseudonymise as ps
from reflectdesk.services import case_audit
from reflectdesk.services.bundle_log import BundleLogService
from reflectdesk.services.case_audit import CaseAuditService
from reflectdesk.services.case_coding import CaseCodingService
from reflectdesk.services.case_common import (
    ADDABLE,
    ALREADY_ADDED,
    ITEM_KIND,
    KIND_OF_ROLE,
    MAX_LONG_TEXT,
    NO_CONSENT,
    ORIGIN_ENTRY,
    READ_ONLY,
    RESEARCH_LEVELS,
    STUDY_KIND,
    WITHDRAWN,
    Approval,
    Candidate,
    CaseContext,
    CaseItem,
    CaseStudy,
    Provenance,
    clean_text,
    item_doc,
    item_of,
    now_iso,
    pmap_of,
    source_guids,
    study_of,
    with_contacts,
    withdrawn_sources,
)
from reflectdesk.services.case_export import CaseExportService
from reflectdesk.services.case_pseudonymise import CasePseudonymiseService
from reflectdesk.services.identity import load_or_create_identity
from reflectdesk.services.unlocked_state import UnlockedState
from reflectdesk.storage.bundle_log import IN
from reflectdesk.storage.cohorts import CohortRepo

log = logging.getLogger(__name__)

MAX_SHEET_BYTES = 20 * 1024 * 1024


class CaseStudyService:
    def __init__(self, state: Callable[[], UnlockedState]) -> None:
        self._state = state
        self._ctx = CaseContext(state)
        self._consents = BundleLogService(state)
        self._consents_seen: int | None = None  # consent rows at the last withdrawal check
        self.coding = CaseCodingService(self._ctx)
        self.exports = CaseExportService(self._ctx, self.propagate_withdrawals)
        self.audit = CaseAuditService(state, self._signed, self._append_audit)
        self.pseudonymise = CasePseudonymiseService(
            self._ctx, self.propagate_withdrawals, self._changed
        )

    def _signed(self, case_id: str) -> list[dict[str, Any]]:
        self._ctx.stored(case_id)
        return [r.doc for r in self._ctx.repo().audit(case_id)]

    def _append_audit(self, case_id: str, event: str, data: dict[str, Any]) -> None:
        st = self._state()
        with st.write_lock:
            self._ctx.stored(case_id)
            with self._ctx.repo().writing() as w:
                self._ctx.audit(w, case_id, event, data)

    def _changed(self, case_id: str) -> None:
        self._state().emit(Changes(case_studies=frozenset([case_id])))

    # -- projects -------------------------------------------------------------------
    def _check_refs(self, cohort_ids: Sequence[str], team: Sequence[str]) -> None:
        st = self._state()
        known_cohorts = {c.id for c in _cohorts(st)}
        for cid in cohort_ids:
            if cid not in known_cohorts:
                raise CohortNotFound(cid)
        known = {c.id for c in st.contacts.list()}
        for cid in team:
            if cid not in known:
                raise ContactNotFound(cid)

    def create(
        self,
        title: str,
        *,
        question: str = "",
        description: str = "",
        cohort_ids: Sequence[str] = (),
        team: Sequence[str] = (),
        language: str | None = None,
    ) -> CaseStudy:
        """A new case study, in planning until its approval is recorded."""
        st = self._state()
        self._check_refs(cohort_ids, team)
        lang = language or st.profile.get().lang
        if lang not in ("es", "en"):
            raise CaseFieldInvalid("language", field="language")
        doc = {
            "title": clean_text(title, "title"),
            "question": clean_text(question, "question", limit=MAX_LONG_TEXT, required=False),
            "description": clean_text(
                description, "description", limit=MAX_LONG_TEXT, required=False
            ),
            "language": lang,
            "approval": None,
            "cohorts": list(dict.fromkeys(cohort_ids)),
            "team": list(dict.fromkeys(team)),
            "pmap": ps.PseudonymMap(language=lang).to_json(),
            "exports": [],
            "withdrawals": [],
        }
        case_id = uuid7()
        with st.write_lock, self._ctx.repo().writing() as w:
            w.put_study(case_id, doc)
            self._ctx.audit(w, case_id, case_audit.CREATED, {})
        self._changed(case_id)
        return self._ctx.study(case_id)

    def update(
        self,
        case_id: str,
        *,
        title: str | None = None,
        question: str | None = None,
        description: str | None = None,
        cohort_ids: Sequence[str] | None = None,
        team: Sequence[str] | None = None,
        published: date | None = None,
    ) -> CaseStudy:
        st = self._state()
        with st.write_lock:
            doc = dict(self._ctx.stored(case_id).doc)
            if title is not None:
                doc["title"] = clean_text(title, "title")
            if question is not None:
                doc["question"] = clean_text(
                    question, "question", limit=MAX_LONG_TEXT, required=False
                )
            if description is not None:
                doc["description"] = clean_text(
                    description, "description", limit=MAX_LONG_TEXT, required=False
                )
            self._check_refs(cohort_ids or (), team or ())
            if cohort_ids is not None:
                doc["cohorts"] = list(dict.fromkeys(cohort_ids))
            if team is not None:
                doc["team"] = list(dict.fromkeys(team))
            if published is not None:
                doc["published"] = published.isoformat()
            with self._ctx.repo().writing() as w:
                w.put_study(case_id, doc)
        self._changed(case_id)
        return self._ctx.study(case_id)

    def approve(
        self,
        case_id: str,
        *,
        committee: str,
        reference: str,
        expires: date,
        sheet: Path | None = None,
    ) -> CaseStudy:
        """Record (or renew) the ethics approval; ``sheet``: the information sheet given to
        participants, stored sealed in the vault."""
        st = self._state()
        data: bytes | None = None
        if sheet is not None:
            try:
                size = sheet.stat().st_size
                if size > MAX_SHEET_BYTES:
                    raise CaseFileTooLarge(sheet.name, limit_mb=MAX_SHEET_BYTES // 2**20)
                data = sheet.read_bytes()
            except OSError as exc:
                raise FileUnreadable(sheet.name) from exc
            if len(data) > MAX_SHEET_BYTES:
                raise CaseFileTooLarge(sheet.name, limit_mb=MAX_SHEET_BYTES // 2**20)
        with st.write_lock:
            stored = self._ctx.stored(case_id)
            old = study_of(stored).approval
            approval = Approval(
                clean_text(committee, "committee"),
                clean_text(reference, "reference"),
                expires,
                old.sheet_file_id if old else None,
                old.sheet_name if old else None,
            )
            doc = dict(stored.doc)
            with self._ctx.repo().writing() as w:
                if sheet is not None and data is not None:
                    if old is not None and old.sheet_file_id:
                        w.remove_file(old.sheet_file_id)
                    file_id = uuid7()
                    media = mimetypes.guess_type(sheet.name)[0] or "application/octet-stream"
                    w.put_file(file_id, case_id, sheet.name, media, data)
                    approval = replace(approval, sheet_file_id=file_id, sheet_name=sheet.name)
                doc["approval"] = approval.to_json()
                w.put_study(case_id, doc)
                self._ctx.audit(
                    w,
                    case_id,
                    case_audit.APPROVED,
                    {"expires": expires.isoformat(), "sheet": approval.sheet_file_id is not None},
                )
        self._changed(case_id)
        return self._ctx.study(case_id)

    def information_sheet(self, case_id: str) -> tuple[str, str, bytes]:
        """(file name, media type, bytes) of the study's information sheet."""
        approval = self._ctx.study(case_id).approval
        found = None
        if approval is not None and approval.sheet_file_id:
            found = self._ctx.repo().file(approval.sheet_file_id)
        if found is None:
            raise NotFound("information sheet")
        return found

    def list(self) -> builtins.list[CaseStudy]:
        self.propagate_withdrawals()
        return [study_of(r) for r in self._ctx.repo().studies()]

    def get(self, case_id: str) -> CaseStudy:
        self.propagate_withdrawals()
        return self._ctx.study(case_id)

    def resolve(self, ref: str) -> CaseStudy:
        """A case study by id, id prefix (6+ characters) or title (for the CLI)."""
        studies = self.list()
        for s in studies:
            if ref == s.id:
                return s
        if len(ref) >= 6:
            found = [s for s in studies if s.id.startswith(ref)]
            if len(found) == 1:
                return found[0]
        found = [s for s in studies if s.title.casefold() == ref.casefold()]
        if len(found) == 1:
            return found[0]
        raise CaseStudyNotFound(ref)

    def delete(self, case_id: str, log_path: Path | None = None) -> case_audit.AuditCheck | None:
        """Delete a case study and everything it holds from the vault: items (their
        texts), codes, coded passages, memos, the pseudonym map, the information sheet and
        its audit log. With ``log_path``, the signed log is first written there, closed by
        a signed ``deleted`` record (what was removed, as counts: the record of
        destruction an ethics committee asks for); nothing is deleted if that file cannot
        be written. Exports already made are files outside the vault: not touched."""
        st = self._state()
        check: case_audit.AuditCheck | None = None
        with st.write_lock:
            stored = self._ctx.stored(case_id)
            repo = self._ctx.repo()
            if log_path is not None:
                signed = [r.doc for r in repo.audit(case_id)]
                counts = {
                    "items": sum(1 for _, c, _e in repo.item_places() if c == case_id),
                    "codes": len(repo.codes(case_id)),
                    "segments": repo.segment_count(case_id),
                    "memos": len(repo.memos(case_id)),
                    "files": repo.file_count(case_id),
                    "exports": len(stored.doc.get("exports", [])),
                }
                final = case_audit.sign(
                    load_or_create_identity(st),
                    study=guids.guid(STUDY_KIND, case_id),
                    seq=len(signed) + 1,
                    event=case_audit.DELETED,
                    data=counts,
                    previous=signed[-1] if signed else None,
                )
                self.audit.verify(case_id)  # whole and signed by you before it is copied
                check = case_audit.verify([*signed, final])
                data = case_audit.file_bytes([*signed, final])
                atomic_write(log_path, data, error=FileUnwritable)
            with repo.writing() as w:
                w.remove_study(case_id)
        log.info("case study deleted")
        self._consents_seen = None
        self._changed(case_id)
        return check

    def items(self, case_id: str) -> builtins.list[CaseItem]:
        self.propagate_withdrawals()
        self._ctx.stored(case_id)
        return self._ctx.items(case_id)

    def item(self, case_id: str, item_id: str) -> CaseItem:
        row = self._ctx.repo().item(item_id)
        if row is None or row.case_id != case_id:
            raise CaseItemNotFound(item_id)
        return item_of(row)

    # -- the picker and adding ------------------------------------------------------
    def _consent(
        self, entry_id: str, author_contact_id: str | None = None
    ) -> tuple[str | None, str | None, str]:
        """(consent value, bundle id, reason code) of a received entry: its author's
        latest statement (as ``bundle_log.current_consent``; the author given by a caller
        that knows it saves a lookup)."""
        if author_contact_id is None:
            record = self._consents.current_consent(entry_id)
        else:
            records = [
                r
                for r in self._state().consents.for_entry(entry_id)
                if r.direction == IN and author_contact_id in r.contact_ids
            ]
            record = max(records, key=lambda r: (r.stated_at, r.bundle_id)) if records else None
        if record is None:
            return None, None, NO_CONSENT
        if record.level is None:
            return None, record.bundle_id, WITHDRAWN
        if record.level not in RESEARCH_LEVELS:
            return record.level.value, record.bundle_id, READ_ONLY
        return record.level.value, record.bundle_id, ADDABLE

    def candidates(self, case_id: str) -> builtins.list[Candidate]:
        """Every received entry with its consent: addable ones, and the others with the
        reason they cannot be added (read-only, withdrawn, no consent, already added).
        Titles and dates come from the search index; nothing is decrypted but the
        consent statements."""
        st = self._state()
        study_id = self._ctx.study(case_id).id
        repo = self._ctx.repo()
        held = {e for _, c, e in repo.item_places() if c == study_id}
        names = {c.id: c.name for c in st.contacts.list()}
        out: list[Candidate] = []
        for journal in st.journals.list(Space.RECEIVED):
            author = journal.author_contact_id
            summaries = {
                s.id: s
                for s in st.index.summaries(SearchFilters(journal_id=journal.id), descending=False)
            }
            ids = st.entries.ids_in_journal(journal.id)
            heads = repo.heads(ids)
            for entry_id in ids:
                if entry_id not in heads:
                    continue
                summary = summaries.get(entry_id)
                level, _bundle, reason = self._consent(entry_id, author)
                if reason == ADDABLE and entry_id in held:
                    reason = ALREADY_ADDED
                head, seq = heads[entry_id]
                out.append(
                    Candidate(
                        entry_id=entry_id,
                        revision_id=head,
                        revision_seq=seq,
                        title=summary.title if summary else "",
                        author_contact_id=author,
                        author_name=names.get(author or "", ""),
                        consent=level,
                        reason=reason,
                        event_date=summary.event_date if summary else None,
                        template_id=summary.template_id if summary else "",
                    )
                )
        return out

    def add(self, case_id: str, entry_id: str, revision_id: str | None = None) -> CaseItem:
        """Add a received, research-consented entry at ``revision_id`` (default: its
        current revision), with its provenance; refused without a current approval."""
        (item,) = self.add_many(case_id, [(entry_id, revision_id)])
        return item

    def add_many(
        self, case_id: str, entries: Sequence[tuple[str, str | None]]
    ) -> builtins.list[CaseItem]:
        """Add several (entry id, revision id or None) in one transaction (the picker's
        selection): all are checked first, and all are added or none."""
        st = self._state()
        self.propagate_withdrawals()
        with st.write_lock:
            stored = self._ctx.stored(case_id)
            study = study_of(stored)
            self._ctx.require_approval(study)
            held = {e for _, c, e in self._ctx.repo().item_places() if c == case_id}
            pmap = pmap_of(stored.doc, study.language)
            items: list[CaseItem] = []
            for entry_id, revision_id in entries:
                if entry_id in held:
                    raise CaseItemDuplicate(entry_id)
                item, pmap = self._new_item(st, case_id, pmap, entry_id, revision_id)
                held.add(entry_id)
                items.append(item)
            doc = dict(stored.doc)
            doc["pmap"] = pmap.to_json()
            with self._ctx.repo().writing() as w:
                for item in items:
                    w.put_item(item.id, case_id, item.entry_id, item.revision_id, item_doc(item))
                    self._ctx.audit(
                        w,
                        case_id,
                        case_audit.ADDED,
                        {
                            "item": guids.guid(ITEM_KIND, item.id),
                            "revision": item.revision_seq,
                            "consent": item.provenance.consent,
                            "bundle": item.provenance.bundle_id,
                            "signature_checked": item.provenance.signature_checked,
                        },
                    )
                w.put_study(case_id, doc)
        log.info("case items added: %d", len(items))
        self._changed(case_id)
        return [self.item(case_id, item.id) for item in items]

    def _new_item(
        self,
        st: UnlockedState,
        case_id: str,
        pmap: ps.PseudonymMap,
        entry_id: str,
        revision_id: str | None,
    ) -> tuple[CaseItem, ps.PseudonymMap]:
        where = st.entries.locations([entry_id]).get(entry_id)
        if where is None or where.space is not Space.RECEIVED or not where.author_contact_id:
            raise CaseEntryNotReceived(entry_id)
        level, bundle_id, reason = self._consent(entry_id)
        if reason != ADDABLE:
            raise CaseConsentMissing(reason)
        revision = (
            st.entries.get(entry_id).head
            if revision_id is None
            else st.entries.revision(entry_id, revision_id)
        )
        contact = st.contacts.get(where.author_contact_id)
        pinned = {link.key_id for link in contact.chain} | {contact.key_id}
        if pmap.get(contact.id) is None:
            # Everyone at once, in a random order: the order items are added in (the
            # picker's, by name) must not give the letters (attack3).
            pmap = with_contacts(pmap, st.contacts.list(), author=contact.id)
        pmap = pmap.add(
            contact.id,
            KIND_OF_ROLE.get(contact.card.role, ps.STUDENT),
            ps.name_forms(contact.name),
        )
        person = pmap.get(contact.id)
        assert person is not None
        content = revision.content
        item = CaseItem(
            id=uuid7(),
            case_id=case_id,
            entry_id=entry_id,
            revision_id=revision.id,
            revision_seq=revision.seq,
            pseudonym=person.pseudonym,
            event_date=content.event_date,
            template_id=content.template_id,
            standards=tuple(content.standards),
            sections=tuple((k, v) for k, v in content.sections.items() if v.strip()),
            pseudonymised=False,
            provenance=Provenance(
                origin=ORIGIN_ENTRY,
                author_contact_id=contact.id,
                author_key_id=revision.author,
                signature_checked=revision.author in pinned,
                author_status="verified" if contact.verified else "known",
                bundle_id=bundle_id,
                consent=level,
            ),
            added_at=datetime.now(UTC),
        )
        return item, pmap

    def remove(self, case_id: str, item_id: str) -> None:
        """Remove an item with its passages and their memos (logged)."""
        st = self._state()
        with st.write_lock:
            item = self.item(case_id, item_id)
            self._remove_items(case_id, [item], case_audit.REMOVED, {})
        self._changed(case_id)

    def _remove_items(
        self,
        case_id: str,
        items: Sequence[CaseItem],
        event: str,
        extra: dict[str, Any],
        note: dict[str, Any] | None = None,
    ) -> tuple[int, int]:
        repo = self._ctx.repo()
        ids = {i.id for i in items}
        segments = [s for s in repo.segments(case_id) if s.item_id in ids]
        segment_ids = {s.id for s in segments}
        memos = [
            m.id
            for m in repo.memos(case_id)
            if (m.doc.get("target") == "segment" and m.doc.get("ref") in segment_ids)
            or (m.doc.get("target") == "item" and m.doc.get("ref") in ids)
        ]
        doc = dict(self._ctx.stored(case_id).doc)
        doc["exports"] = [dict(e, outdated=True) for e in doc.get("exports", [])]
        if note is not None:
            doc["withdrawals"] = [
                *doc.get("withdrawals", []),
                dict(note, segments=len(segments), memos=len(memos)),
            ]
        with repo.writing() as w:
            w.remove_memos(memos)
            w.remove_items(ids)
            w.put_study(case_id, doc)
            for item in items:
                self._ctx.audit(
                    w,
                    case_id,
                    event,
                    {
                        "item": guids.guid(ITEM_KIND, item.id),
                        "segments": sum(1 for s in segments if s.item_id == item.id),
                        "memos": len(memos),
                        **extra,
                    },
                )
        return len(segments), len(memos)

    # -- withdrawal -----------------------------------------------------------------
    def propagate_withdrawals(self) -> int:
        """Remove every item whose entry's research consent was withdrawn since it was
        added (from every case study); returns how many. Called by every read of the
        case studies and after each import, so a withdrawal that arrived by any path
        (a bundle, a batch, a sync) takes effect before anything is shown or exported."""
        st = self._state()
        repo = self._ctx.repo()
        seen = repo.consent_rows()
        if seen == self._consents_seen:
            return 0  # no consent statement arrived since the last check
        places = repo.item_places()
        if not places:
            self._consents_seen = seen
            return 0
        removed = 0
        decided: dict[str, tuple[str | None, str | None, str]] = {}
        for item_id, case_id, entry_id in places:
            if entry_id not in decided:
                decided[entry_id] = (
                    self._consent(entry_id)
                    if not entry_id.startswith("qdpx:")
                    else (None, None, ADDABLE)
                )
            if decided[entry_id][2] == ADDABLE:
                continue
            with st.write_lock:
                row = repo.item(item_id)
                if row is None:
                    continue
                item = item_of(row)
                if item.provenance.origin != ORIGIN_ENTRY:
                    continue
                record = self._consents.current_consent(entry_id)
                on = record.stated_at.date() if record is not None else datetime.now(UTC).date()
                bundle = record.bundle_id if record is not None else ""
                reason = decided[entry_id][2]
                note = {
                    "on": on.isoformat(),
                    "bundle": bundle,
                    "at": now_iso(),
                    "sources": source_guids(item),
                }
                self._remove_items(
                    case_id,
                    [item],
                    case_audit.WITHDRAWN,
                    {"withdrawn_on": on.isoformat(), "bundle": bundle, "reason": reason},
                    note,
                )
            log.info("case item removed: consent %s", reason)
            removed += 1
            self._changed(case_id)
        removed += self._remove_withdrawn_copies()
        self._consents_seen = seen
        return removed

    def _remove_withdrawn_copies(self) -> int:
        """Items imported from a .qdpx (this vault's own export) that are copies of a
        withdrawn item leave too: the withdrawal reaches a study sent round through a
        file (attack3, 03 Dec)."""
        st = self._state()
        repo = self._ctx.repo()
        withdrawn = withdrawn_sources(repo)
        copies = [
            (item_id, case_id)
            for item_id, case_id, entry_id in repo.item_places()
            if entry_id.startswith("qdpx:") and entry_id.removeprefix("qdpx:") in withdrawn
        ]
        for item_id, case_id in copies:
            with st.write_lock:
                row = repo.item(item_id)
                if row is None:
                    continue
                today = datetime.now(UTC).date().isoformat()
                self._remove_items(
                    case_id,
                    [item_of(row)],
                    case_audit.WITHDRAWN,
                    {"withdrawn_on": today, "bundle": "", "reason": "withdrawn"},
                    {"on": today, "bundle": "", "at": now_iso()},
                )
            log.info("case item removed: a copy of a withdrawn item")
            self._changed(case_id)
        return len(copies)


def _cohorts(st: UnlockedState) -> builtins.list[Cohort]:
    return CohortRepo(st.db, st.cipher).list()
