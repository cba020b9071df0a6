"""Exporting a case study (issue 15, point 7): ``vault.case_studies.exports``.

Formats: the REFI-QDA project (``qdpx``: sources, codes, coded passages, memos as notes,
the researcher as user, one case per student pseudonym with its attributes; validated
against the XSD and the reference checks, written only if valid), the codebook
(``qdc``), and a report (``md``, ``html``). Every export needs a current ethics approval,
and every item consented as ``research-pseudonymised`` reviewed first. Memos, code
descriptions and the project's texts pass through the study's pseudonym map on the way
out (every name and pattern found is replaced), and source names are built from the
pseudonym, the date and the section, never an entry's title. Attachments are never
exported: no consent value covers images of people yet (docs/research.md).

Beside each export the signed audit log is written (``<file>.audit.json``, without the
pseudonym map), including the record of this export; each export is recorded in the
study, and marked outdated when an item is later removed or withdrawn.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from reflectdesk.atomic_files import atomic_write
from reflectdesk.domain.model import Changes
from reflectdesk.errors import (
    CaseCodebookEmpty,
    CaseFieldInvalid,
    CasePseudonymisationRequired,
    CaseThirdPartiesUnreviewed,
    FileUnwritable,
    ReflectDeskError,
)
from reflectdesk.ids import uuid7
from reflectdesk.progress import (
    NEVER_CANCELLED,
    CancelToken,
    Progress,
    ProgressSink,
    ignore_progress,
)
from reflectdesk.research import pseudonymise as ps
from reflectdesk.research.model import (
    Attribute,
    Case,
    Code,
    Codebook,
    CodedSelection,
    Memo,
    Project,
    Source,
    User,
    case_attributes,
)
from reflectdesk.research.qdpx import build_codebook, build_qdpx, zip_members
from reflectdesk.research.qdpx_read import read_qdpx
from reflectdesk.research.qdpx_validate import validate_codebook, validate_project
from reflectdesk.research.report import (
    ReportCase,
    ReportCode,
    ReportData,
    ReportExcerpt,
    render_html,
    render_markdown,
)
from reflectdesk.services import case_audit
from reflectdesk.services.case_coding import CODE, ITEM, PROJECT, SEGMENT, CaseCodingService
from reflectdesk.services.case_common import (
    ORIGIN_QDPX,
    CaseContext,
    CaseItem,
    CaseStudy,
    ExportRecord,
    Provenance,
    item_doc,
    now_iso,
    pmap_of,
    source_id,
    study_of,
    with_contacts,
    withdrawn_sources,
)
from reflectdesk.services.case_pseudonymise import item_of_source
from reflectdesk.storage.cohorts import CohortRepo

log = logging.getLogger(__name__)

# What an unreviewed item may not carry out, whatever its author consented to.
THIRD_PARTY_KINDS = frozenset({ps.PUPIL, ps.SCHOOL, ps.COMMUNE, ps.RUT, ps.EMAIL, ps.PHONE})

FORMATS = ("qdpx", "qdc", "md", "html", "pdf")
ORIGIN = "ReflectDesk"
AUDIT_SUFFIX = ".audit.json"
IMPORTED_SECTION = "text"

# The school types of Chile's system a researcher sets per student of a study (the
# ``School type`` case attribute of the .qdpx and the report). Codes here; the value
# exported is research data in the study's language, like the pseudonyms.
SCHOOL_TYPES = ("municipal", "slep", "subvencionado", "pagado", "otro")
SCHOOL_TYPE_LABELS: dict[str, dict[str, str]] = {
    "es": {
        "municipal": "Municipal",
        "slep": "SLEP (servicio local)",
        "subvencionado": "Particular subvencionado",
        "pagado": "Particular pagado",
        "otro": "Otro",
    },
    "en": {
        "municipal": "Municipal",
        "slep": "SLEP (local public education service)",
        "subvencionado": "Private subsidised",
        "pagado": "Private fee-paying",
        "otro": "Other",
    },
}
PROGRESS_TOTAL = 100  # an export's progress, in hundredths: building, then writing
BUILT = 90  # where building ends and writing begins


class PdfRenderer(Protocol):
    """The front end's renderer of the report's HTML to PDF (Qt: the GUI on a worker,
    the CLI in a child process); progress per page or chunk, cancel between them."""

    def __call__(self, html: str, *, progress: ProgressSink, cancel: CancelToken) -> bytes: ...


@dataclass(frozen=True, slots=True)
class CaseAttributes:
    """One student pseudonym of a study and the attributes its REFI-QDA case carries."""

    pseudonym: str
    cohorts: tuple[str, ...]
    school_type: str | None  # one of SCHOOL_TYPES, set by the researcher
    templates: tuple[str, ...]
    standards: tuple[str, ...]
    items: int


def school_type_label(code: str | None, language: str) -> str:
    if not code:
        return ""
    return SCHOOL_TYPE_LABELS.get(language, SCHOOL_TYPE_LABELS["es"]).get(code, "")


def _scaled(progress: ProgressSink, low: int, high: int) -> ProgressSink:
    """A step's own progress (done of total) as the export's, between ``low`` and ``high``."""

    def report(p: Progress) -> None:
        if p.total:
            done = low + (high - low) * min(p.done, p.total) // p.total
            progress(Progress(done, PROGRESS_TOTAL, "case-export"))

    return report


@dataclass(frozen=True, slots=True)
class CaseExport:
    record: ExportRecord
    path: Path
    audit_path: Path
    sha256: str


@dataclass
class _CaseAcc:
    """One student pseudonym's attributes, gathered item by item."""

    cohorts: set[str] = field(default_factory=set)
    templates: set[str] = field(default_factory=set)
    standards: set[str] = field(default_factory=set)


def audit_path_of(path: Path) -> Path:
    return path.with_name(path.name + AUDIT_SUFFIX)


class _Scrubber:
    """Every name and pattern of the map, replaced (the safety net for texts the
    researcher wrote: memos, descriptions, titles)."""

    def __init__(self, pmap: ps.PseudonymMap) -> None:
        self._matcher = ps.Matcher(pmap)

    def __call__(self, text: str) -> str:
        if not text:
            return text
        found = self._matcher.find("text", text)
        return ps.apply(text, found).text if found else text


class CaseExportService:
    def __init__(self, ctx: CaseContext, before: Callable[[], int]) -> None:
        self._ctx = ctx
        self._before = before  # the withdrawal check, run before anything leaves
        self._coding = CaseCodingService(ctx)

    # -- building ---------------------------------------------------------------------
    def _section_titles(self, items: list[CaseItem], language: str) -> Callable[[str], str]:
        """A section key → its title in the study's language, as the items' templates
        name it ("description" → "Descripción"); the key where no template knows it."""
        titles: dict[str, str] = {}
        templates = self._ctx.state().templates
        for template_id in sorted({i.template_id for i in items if i.template_id}):
            try:
                pairs = templates.get(template_id).section_titles(language)
            except ReflectDeskError:
                continue  # a template this vault does not hold: keys stay
            for key, title in pairs:
                titles.setdefault(key, title)
        return lambda key: titles.get(key) or key

    def _check(self, study: CaseStudy, items: list[CaseItem]) -> None:
        self._ctx.require_approval(study)
        waiting = [i for i in items if i.needs_pseudonymisation and not i.pseudonymised]
        if waiting:
            raise CasePseudonymisationRequired(study.id, count=len(waiting))
        # An author's consent to "research" is hers, not her pupils': an item nobody
        # reviewed may not carry a pupil, a school, a commune or an identifier the map
        # or the patterns find (attack3, 03 Dec).
        unreviewed = [i for i in items if not i.pseudonymised]
        if unreviewed:
            pmap = pmap_of(self._ctx.stored(study.id).doc, study.language)
            texts = {source_id(i.id, key): text for i in unreviewed for key, text in i.sections}
            named = {
                item_of_source(r.source)
                for r in ps.propose(texts, pmap)
                if r.kind in THIRD_PARTY_KINDS
            }
            if named:
                raise CaseThirdPartiesUnreviewed(study.id, count=len(named))

    def _scrubber(self, case_id: str, study: CaseStudy) -> _Scrubber:
        st = self._ctx.state()
        pmap = pmap_of(self._ctx.stored(case_id).doc, study.language)
        pmap = with_contacts(pmap, st.contacts.list())
        profile = st.profile.get()
        pmap = pmap.add("profile", ps.OTHER, ps.name_forms(profile.name))
        return _Scrubber(pmap)

    def _cohort_names(self, study: CaseStudy, scrub: _Scrubber) -> dict[str, list[str]]:
        """contact id → names of the study's cohorts that hold it, pseudonymised (a
        cohort is named as people name it: "Práctica — Escuela Los Aromos"; attack3)."""
        st = self._ctx.state()
        out: dict[str, list[str]] = {}
        for cohort in CohortRepo(st.db, st.cipher).list():
            if cohort.id in study.cohort_ids:
                for member in cohort.member_ids:
                    out.setdefault(member, []).append(scrub(cohort.name))
        return out

    # -- case attributes --------------------------------------------------------------
    def _attributes(
        self, case_id: str, study: CaseStudy, items: list[CaseItem]
    ) -> list[CaseAttributes]:
        scrub = self._scrubber(case_id, study)
        cohort_names = self._cohort_names(study, scrub)
        school = _school_types(self._ctx.stored(case_id).doc)
        cases: dict[str, _CaseAcc] = {}
        counts: dict[str, int] = {}
        for item in items:
            who = item.pseudonym or "?"
            acc = cases.setdefault(who, _CaseAcc())
            counts[who] = counts.get(who, 0) + 1
            acc.cohorts.update(cohort_names.get(item.provenance.author_contact_id or "", []))
            if item.template_id:
                acc.templates.add(_template_label(item.template_id, scrub))
            acc.standards.update(item.standards)
        return [
            CaseAttributes(
                pseudonym=who,
                cohorts=tuple(sorted(acc.cohorts)),
                school_type=school.get(who),
                templates=tuple(sorted(acc.templates)),
                standards=tuple(sorted(acc.standards)),
                items=counts[who],
            )
            for who, acc in sorted(cases.items())
        ]

    def attributes(self, case_id: str) -> list[CaseAttributes]:
        """Per student pseudonym, the attributes its REFI-QDA case carries: cohorts,
        school type (set with :meth:`set_school_type`), templates, MBE standards."""
        self._before()
        study = self._ctx.study(case_id)
        return self._attributes(case_id, study, self._ctx.items(case_id))

    def set_school_type(self, case_id: str, pseudonym: str, school_type: str | None) -> None:
        """The school type of one student of the study (by pseudonym, as the study knows
        them; ``None`` clears it). Exported as the case's ``School type`` attribute."""
        if school_type is not None and school_type not in SCHOOL_TYPES:
            raise CaseFieldInvalid("school_type", field="school_type")
        st = self._ctx.state()
        with st.write_lock:
            stored = self._ctx.stored(case_id)
            known = {i.pseudonym for i in self._ctx.items(case_id)}
            if pseudonym not in known:
                raise CaseFieldInvalid("pseudonym", field="pseudonym")
            doc = dict(stored.doc)
            types = _school_types(doc)
            if school_type is None:
                types.pop(pseudonym, None)
            else:
                types[pseudonym] = school_type
            doc["school_types"] = dict(sorted(types.items()))
            with self._ctx.repo().writing() as w:
                w.put_study(case_id, doc)
        st.emit(Changes(case_studies=frozenset([case_id])))

    def project(self, case_id: str, items: list[CaseItem] | None = None) -> Project:
        """The study as a REFI-QDA project (pseudonymised; not yet validated)."""
        study = self._ctx.study(case_id)
        items = self._ctx.items(case_id) if items is None else items
        scrub = self._scrubber(case_id, study)
        codes = self._coding.codes(case_id)
        memos = self._coding.memos(case_id)
        passages = self._coding.passages(case_id, items=items)
        st = self._ctx.state()
        user = User("researcher", scrub(st.profile.get().name) or "researcher")

        def memo(m_id: str) -> Memo:
            m = by_id[m_id]
            return Memo(m.id, scrub(m.text), scrub(m.title), user.id, m.created_at)

        by_id = {m.id: m for m in memos}
        on: dict[tuple[str, str | None], list[str]] = {}
        for m in memos:
            on.setdefault((m.target, m.ref), []).append(m.id)
        sources: list[Source] = []
        cases: dict[str, list[str]] = {}
        for item in items:
            day = item.event_date.isoformat() if item.event_date else f"#{item.revision_seq}"
            item_memos = tuple(memo(m) for m in on.get((ITEM, item.id), []))
            for n, (key, text) in enumerate(item.sections):
                sid = source_id(item.id, key)
                attrs: list[Attribute] = [Attribute("Section", key)]
                if item.event_date:
                    attrs.append(Attribute("Date", item.event_date))
                sources.append(
                    Source(
                        id=sid,
                        name=f"{item.pseudonym} · {day} · {key}",
                        text=text,
                        attributes=tuple(attrs),
                        user=user.id,
                        created=item.added_at,
                        memos=item_memos if n == 0 else (),
                    )
                )
                cases.setdefault(item.pseudonym or "?", []).append(sid)
        selections = [
            CodedSelection(
                p.segment_id,
                source_id(p.item_id, p.section),
                p.start,
                p.end,
                p.code_id,
                user.id,
                None,
                tuple(memo(m) for m in p.memos),
            )
            for p in passages
        ]
        model_codes = [
            Code(
                c.id,
                scrub(c.name),
                c.parent_id,
                c.color,
                scrub(c.description),
                tuple(memo(m) for m in on.get((CODE, c.id), [])),
                c.codable,
            )
            for c in codes
        ]
        model_cases = [
            Case(
                id=f"{case_id}/{a.pseudonym}",
                name=a.pseudonym,
                attributes=case_attributes(
                    cohort=", ".join(a.cohorts),
                    school_type=school_type_label(a.school_type, study.language),
                    template=", ".join(a.templates),
                    mbe_standards=a.standards,
                ),
                sources=tuple(cases[a.pseudonym]),
            )
            for a in self._attributes(case_id, study, items)
        ]
        description = "\n\n".join(
            t
            for t in (
                scrub(study.question),
                scrub(study.description),
                self._approval_line(study),
            )
            if t
        )
        return Project(
            name=scrub(study.title),
            origin=ORIGIN,
            description=description,
            users=(user,),
            codes=tuple(model_codes),
            sources=tuple(sources),
            selections=tuple(selections),
            cases=tuple(model_cases),
            memos=tuple(memo(m) for m in on.get((PROJECT, None), [])),
            creating_user=user.id,
            created=study.created_at,
        )

    @staticmethod
    def _approval_line(study: CaseStudy) -> str:
        a = study.approval
        if a is None:
            return ""
        return f"Ethics approval: {a.committee}, {a.reference}, expires {a.expires.isoformat()}"

    def report(
        self,
        case_id: str,
        items: list[CaseItem] | None = None,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> ReportData:
        study = self._ctx.study(case_id)
        items = self._ctx.items(case_id) if items is None else items
        scrub = self._scrubber(case_id, study)
        codes = self._coding.codes(case_id)
        cancel.raise_if_cancelled()
        passages = self._coding.passages(case_id, items=items)
        cancel.raise_if_cancelled()
        freq = self._coding.frequencies(case_id, passages)
        memos = self._coding.memos(case_id)
        cancel.raise_if_cancelled()
        st = self._ctx.state()
        cohorts = [
            scrub(c.name) for c in CohortRepo(st.db, st.cipher).list() if c.id in study.cohort_ids
        ]
        title_of = self._section_titles(items, study.language)
        a = study.approval
        return ReportData(
            title=scrub(study.title),
            language=study.language,
            question=scrub(study.question),
            description=scrub(study.description),
            committee=a.committee if a else "",
            reference=a.reference if a else "",
            expires=a.expires if a else None,
            cohorts=tuple(cohorts),
            items=len(items),
            students=tuple(sorted({i.pseudonym for i in items if i.pseudonym})),
            codes=tuple(
                ReportCode(c.id, scrub(c.name), c.parent_id, c.color, scrub(c.description))
                for c in codes
            ),
            excerpts=tuple(
                ReportExcerpt(p.code_id, p.pseudonym, title_of(p.section), p.event_date, p.text)
                for p in passages
            ),
            by_student=freq.by_student,
            by_section={title_of(k): v for k, v in freq.by_section.items()},
            cooccurrence=self._coding.cooccurrence(case_id, passages),
            memos=tuple(scrub(m.text) for m in memos if m.target == PROJECT),
            generated=datetime.now(UTC).replace(microsecond=0),
            cases=tuple(
                ReportCase(
                    a.pseudonym,
                    a.cohorts,
                    school_type_label(a.school_type, study.language),
                    a.templates,
                    a.standards,
                    a.items,
                )
                for a in self._attributes(case_id, study, items)
            ),
        )

    # -- exporting --------------------------------------------------------------------
    def export(
        self,
        case_id: str,
        fmt: str,
        path: Path,
        *,
        progress: ProgressSink = ignore_progress,
        cancel: CancelToken = NEVER_CANCELLED,
        pdf: PdfRenderer | None = None,
    ) -> CaseExport:
        """Write the study as ``fmt`` to ``path`` and its audit log beside it. ``pdf``:
        for ``"pdf"``, the front end's renderer of the report's HTML (Qt draws it: the
        GUI on a worker, the CLI in a child process; the core never imports Qt).

        Progress in hundredths (``case-export``): building to 90, then writing. Cancel
        is honoured until the file is written; a cancelled export writes nothing (no
        file, no partial file, no record)."""
        if fmt not in FORMATS or (fmt == "pdf" and pdf is None):
            raise CaseFieldInvalid("format", field="format")
        self._before()
        study = self._ctx.study(case_id)
        items = self._ctx.items(case_id)
        self._check(study, items)
        progress(Progress(0, PROGRESS_TOTAL, "case-export"))
        cancel.raise_if_cancelled()
        if fmt == "qdpx":
            project = self.project(case_id, items)
            progress(Progress(10, PROGRESS_TOTAL, "case-export"))
            members = build_qdpx(project, progress=_scaled(progress, 10, 70), cancel=cancel)
            cancel.raise_if_cancelled()
            validate_project(members)
            progress(Progress(80, PROGRESS_TOTAL, "case-export"))
            data = zip_members(members)
        elif fmt == "qdc":
            project = self.project(case_id, items)
            if not project.codes:  # Codebook.xsd needs one code at least
                raise CaseCodebookEmpty(case_id)
            data = build_codebook(Codebook(project.codes, ORIGIN))
            validate_codebook(data)
        elif fmt == "md":
            data = render_markdown(self.report(case_id, items, cancel)).encode("utf-8")
        elif fmt == "pdf" and pdf is not None:
            html = render_html(self.report(case_id, items, cancel))
            progress(Progress(10, PROGRESS_TOTAL, "case-export"))
            cancel.raise_if_cancelled()
            data = pdf(html, progress=_scaled(progress, 10, BUILT), cancel=cancel)
        else:
            data = render_html(self.report(case_id, items, cancel)).encode("utf-8")
        cancel.raise_if_cancelled()
        progress(Progress(BUILT, PROGRESS_TOTAL, "case-export"))
        atomic_write(path, data, error=FileUnwritable)
        digest = hashlib.sha256(data).hexdigest()
        record = ExportRecord(uuid7(), fmt, datetime.now(UTC).replace(microsecond=0), path.name)
        st = self._ctx.state()
        with st.write_lock:
            # A withdrawal stored while the file was built (attack2, 03 Dec) removed an
            # item it holds: the export is outdated from the start, as the earlier ones.
            self._before()
            held = {i.id for i in self._ctx.items(case_id)}
            if any(i.id not in held for i in items):
                record = replace(record, outdated=True)
            doc = dict(self._ctx.stored(case_id).doc)
            doc["exports"] = [
                *doc.get("exports", []),
                {
                    "id": record.id,
                    "format": fmt,
                    "at": record.at.isoformat(),
                    "file": record.file_name,
                    "outdated": record.outdated,
                },
            ]
            with self._ctx.repo().writing() as w:
                w.put_study(case_id, doc)
                self._ctx.audit(
                    w,
                    case_id,
                    case_audit.EXPORTED,
                    {
                        "format": fmt,
                        "sha256": digest,
                        "items": len(items),
                        "passages": self._coding.passage_count(case_id),
                        # It holds an entry withdrawn while it was written.
                        **({"outdated": True} if record.outdated else {}),
                    },
                )
            signed = [r.doc for r in self._ctx.repo().audit(case_id)]
        audit = audit_path_of(path)
        atomic_write(audit, case_audit.file_bytes(signed), error=FileUnwritable)
        progress(Progress(PROGRESS_TOTAL, PROGRESS_TOTAL, "case-export"))
        log.info("case study exported as %s", fmt)
        return CaseExport(record, path, audit, digest)

    # -- importing --------------------------------------------------------------------
    def import_qdpx(self, path: Path, *, title: str | None = None, language: str = "es") -> str:
        """A new case study from a REFI-QDA project (validated whole first): its sources
        as items, its codes, passages (same text, same offsets) and memos. Returns the
        new study's id. The study starts in planning, as any other."""
        project = read_qdpx(path)
        st = self._ctx.state()
        withdrawn = withdrawn_sources(self._ctx.repo())
        if any(s.id in withdrawn for s in project.sources):
            # This vault's own export, made before a withdrawal: the withdrawn
            # sources (and their passages) stay out (attack3, 03 Dec).
            gone = {s.id for s in project.sources if s.id in withdrawn}
            project = replace(
                project,
                sources=tuple(s for s in project.sources if s.id not in gone),
                selections=tuple(x for x in project.selections if x.source not in gone),
                cases=tuple(
                    replace(c, sources=tuple(i for i in c.sources if i not in gone))
                    for c in project.cases
                ),
            )
        case_id = uuid7()
        code_ids = {c.id: uuid7() for c in project.codes}
        item_ids = {s.id: uuid7() for s in project.sources}
        pseudonym_of = {sid: case.name for case in project.cases for sid in case.sources}
        name = (title or project.name or path.stem)[:200].strip() or path.stem[:200]
        doc: dict[str, Any] = {
            "title": " ".join(name.split()),
            "question": project.description[:20_000],
            "description": "",
            "language": language if language in ("es", "en") else "es",
            "approval": None,
            "cohorts": [],
            "team": [],
            "pmap": ps.PseudonymMap(language=language).to_json(),
            "exports": [],
            "withdrawals": [],
        }
        with st.write_lock, self._ctx.repo().writing() as w:
            w.put_study(case_id, doc)
            for source in project.sources:
                item = CaseItem(
                    id=item_ids[source.id],
                    case_id=case_id,
                    entry_id=f"qdpx:{source.id}",
                    revision_id="qdpx",
                    revision_seq=0,
                    pseudonym=pseudonym_of.get(source.id, ""),
                    event_date=None,
                    template_id="",
                    standards=(),
                    sections=((IMPORTED_SECTION, source.text),),
                    pseudonymised=True,
                    provenance=Provenance(ORIGIN_QDPX, None, None, False, "imported", None, None),
                    added_at=datetime.now(UTC),
                )
                w.put_item(item.id, case_id, item.entry_id, "qdpx", item_doc(item))
                for m in source.memos:
                    w.put_memo(uuid7(), case_id, _memo_doc(ITEM, item.id, m))
            pending = list(project.codes)
            done: set[str] = set()
            while pending:
                ready = [c for c in pending if c.parent is None or c.parent in done]
                if not ready:
                    raise CaseFieldInvalid("parent", field="parent")
                for c in ready:
                    w.put_code(
                        code_ids[c.id],
                        case_id,
                        None if c.parent is None else code_ids[c.parent],
                        {
                            "name": c.name,
                            "color": c.color,
                            "description": c.description,
                            "codable": c.codable,
                        },
                    )
                    for m in c.memos:
                        w.put_memo(uuid7(), case_id, _memo_doc(CODE, code_ids[c.id], m))
                    done.add(c.id)
                pending = [c for c in pending if c.id not in done]
            for sel in project.selections:
                segment_id = uuid7()
                w.put_segment(
                    segment_id,
                    item_ids[sel.source],
                    code_ids[sel.code],
                    {
                        "section": IMPORTED_SECTION,
                        "start": sel.start,
                        "end": sel.end,
                        "created": now_iso(),
                    },
                )
                for m in sel.memos:
                    w.put_memo(uuid7(), case_id, _memo_doc(SEGMENT, segment_id, m))
            for m in project.memos:
                w.put_memo(uuid7(), case_id, _memo_doc(PROJECT, None, m))
            self._ctx.audit(
                w,
                case_id,
                case_audit.IMPORTED,
                {"sources": len(project.sources), "passages": len(project.selections)},
            )
        log.info("case study imported from a REFI-QDA project")
        return study_of(self._ctx.stored(case_id)).id


def _template_label(template_id: str, scrub: _Scrubber) -> str:
    """A template's id as exported: as it is, unless its words name someone or a place
    of the map ("pauta-escuela-los-aromos": its author chose it; attack3, 03 Dec), then
    those words pseudonymised ("pauta Escuela 1")."""
    words = template_id.replace("-", " ")
    scrubbed = scrub(words)
    return template_id if scrubbed == words else scrubbed


def _school_types(doc: dict[str, Any] | Any) -> dict[str, str]:
    raw = doc.get("school_types") or {}
    if not isinstance(raw, dict):
        return {}
    return {str(k): str(v) for k, v in raw.items() if v in SCHOOL_TYPES}


def _memo_doc(target: str, ref: str | None, memo: Memo) -> dict[str, object]:
    return {"target": target, "ref": ref, "title": memo.title[:200], "text": memo.text}
