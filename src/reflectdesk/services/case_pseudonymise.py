"""Pseudonymisation of a case study (issue 15, point 3): ``vault.case_studies.pseudonymise``.

The study's map (who "Estudiante A" is) is sealed in the study's record, never exported
and never in a bundle: the item authors, every contact by role, you, and the terms the
researcher adds. :meth:`CasePseudonymiseService.propose` returns the proposals of every
item's sections for review one by one; :meth:`CasePseudonymiseService.apply` makes the
accepted ones in the stored texts (the originals are not kept in the study), moves the
coded passages and marks the items reviewed; the audit log counts kinds, never names.

:meth:`CasePseudonymiseService.review` is what a review screen needs in one read (the
proposals with their texts, items and map). An item whose consent asks for
pseudonymisation and where the researcher skipped a proposal stays unreviewed, so
exports wait for it (:func:`blocked_items` says which, before and after ``apply``).
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, replace

from reflectdesk.errors import CaseFieldInvalid, CaseItemNotFound
from reflectdesk.progress import NEVER_CANCELLED, CancelToken, ProgressSink, ignore_progress
from reflectdesk.research import guids
from reflectdesk.research import pseudonymise as ps
from reflectdesk.research.model import CodedSelection
from reflectdesk.services import case_audit
from reflectdesk.services.case_common import (
    ITEM_KIND,
    KIND_OF_ROLE,
    SECTION_SEP,
    CaseContext,
    CaseItem,
    clean_text,
    item_doc,
    pmap_of,
    source_id,
    study_of,
    with_contacts,
)

# What a front end shows of the research core, without importing it.
Replacement = ps.Replacement
PseudonymMap = ps.PseudonymMap
NAME_KINDS = ps.NAME_KINDS
PATTERN_KINDS = (ps.RUT, ps.EMAIL, ps.PHONE)
AMBIGUOUS = ps.AMBIGUOUS


@dataclass(frozen=True, slots=True)
class Review:
    """Everything a review of the proposals shows: they, the texts they were found in
    (source id → text), the study's items by id and its map. It names people: keep it
    in memory, never on disk or in a log."""

    proposals: builtins.list[ps.Replacement]
    texts: dict[str, str]
    items: dict[str, CaseItem]
    pmap: ps.PseudonymMap


def item_of_source(source: str) -> str:
    """The item id of a proposal's source ("<item id>#<section>")."""
    return source.split(SECTION_SEP, 1)[0]


def blocked_items(items: Iterable[CaseItem], skipped: Iterable[ps.Replacement]) -> set[str]:
    """The items exports will still wait for when ``skipped`` are left out: consented
    as research-pseudonymised, not reviewed yet, and holding a skipped proposal (a name
    left in the text of an author who asked for pseudonyms)."""
    with_skips = {item_of_source(r.source) for r in skipped}
    return {
        i.id
        for i in items
        if i.needs_pseudonymisation and not i.pseudonymised and i.id in with_skips
    }


class CasePseudonymiseService:
    def __init__(
        self, ctx: CaseContext, before: Callable[[], int], changed: Callable[[str], None]
    ) -> None:
        self._ctx = ctx
        self._before = before  # the withdrawal check, run before proposals are made
        self._changed = changed

    def pseudonym_map(self, case_id: str) -> ps.PseudonymMap:
        """The study's map with everyone it should know: the authors of its items, the
        contacts (students, mentors, tutors), you, and the terms you added. It stays in
        the vault: never exported, never in a bundle."""
        st = self._ctx.state()
        stored = self._ctx.stored(case_id)
        study = study_of(stored)
        pmap = pmap_of(stored.doc, study.language)
        pmap = with_contacts(pmap, st.contacts.list())
        profile = st.profile.get()
        pmap = pmap.add(
            "profile", KIND_OF_ROLE.get(profile.role, ps.OTHER), ps.name_forms(profile.name)
        )
        return pmap

    def _save_map(self, case_id: str, pmap: ps.PseudonymMap) -> None:
        doc = dict(self._ctx.stored(case_id).doc)
        if doc.get("pmap") == pmap.to_json():
            return
        doc["pmap"] = pmap.to_json()
        with self._ctx.repo().writing() as w:
            w.put_study(case_id, doc)

    def add_term(self, case_id: str, kind: str, name: str, *, forms: Iterable[str] = ()) -> str:
        """A person or place the researcher adds (a pupil, a school, a commune, a
        colleague); returns its pseudonym. ``forms``: more ways it is written. A place is
        found only whole; a person also by the parts of the name (:func:`ps.name_forms`)."""
        if kind not in ps.NAME_KINDS:
            raise CaseFieldInvalid("kind", field="kind")
        text = clean_text(name, "name")
        st = self._ctx.state()
        with st.write_lock:
            pmap = pmap_of(self._ctx.stored(case_id).doc, self._ctx.study(case_id).language)
            term_id = f"term:{ps.fold(text)}"
            pmap = pmap.add(term_id, kind, [*ps.name_forms(text, kind), *forms])
            self._save_map(case_id, pmap)
        person = pmap.get(term_id)
        assert person is not None
        return person.pseudonym

    def propose(
        self,
        case_id: str,
        *,
        progress: ProgressSink = ignore_progress,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> builtins.list[ps.Replacement]:
        """Proposals over every item's text (``source`` is "<item id>#<section>"), for
        review one by one; nothing changes until :meth:`apply_pseudonymisation`."""
        return self.review(case_id, progress=progress, cancel=cancel).proposals

    def review(
        self,
        case_id: str,
        *,
        progress: ProgressSink = ignore_progress,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> Review:
        """:meth:`propose` with what a reviewer shows beside the proposals: the texts,
        the items (their pseudonym, date, consent) and the map."""
        self._before()
        st = self._ctx.state()
        with st.write_lock:
            pmap = self.pseudonym_map(case_id)
            self._save_map(case_id, pmap)
        items = {item.id: item for item in self._ctx.items(case_id)}
        texts = {
            source_id(item.id, key): text for item in items.values() for key, text in item.sections
        }
        proposals = ps.propose(texts, pmap, progress=progress, cancel=cancel)
        return Review(proposals, texts, items, pmap)

    def apply(
        self,
        case_id: str,
        accepted: Sequence[ps.Replacement],
        *,
        reviewed: Collection[str] | None = None,
        skipped: Sequence[ps.Replacement] = (),
    ) -> int:
        """Make the accepted replacements in the items' texts and move their coded
        passages; mark ``reviewed`` items (default: every item) as pseudonymised, except
        those :func:`blocked_items` names for the ``skipped`` proposals (the reviewer
        left something out of an item consented as research-pseudonymised).
        Returns how many replacements were made. Refused whole, nothing changed, if a
        replacement no longer matches (:class:`PseudonymisationStale`)."""
        st = self._ctx.state()
        with st.write_lock:
            items = {i.id: i for i in self._ctx.items(case_id)}
            texts: dict[str, str] = {}
            for item in items.values():
                for key, text in item.sections:
                    texts[source_id(item.id, key)] = text
            for r in accepted:
                if r.source not in texts:
                    raise CaseItemNotFound(r.source.split(SECTION_SEP, 1)[0])
            results = ps.apply_all({s: texts[s] for s in {r.source for r in accepted}}, accepted)
            repo = self._ctx.repo()
            segments = repo.segments(case_id)
            moved = ps.remap_selections(
                [
                    CodedSelection(
                        s.id,
                        source_id(s.item_id, str(s.doc["section"])),
                        int(s.doc["start"]),
                        int(s.doc["end"]),
                        s.code_id,
                    )
                    for s in segments
                ],
                results,
            )
            marked = set(items) if reviewed is None else set(reviewed)
            marked -= blocked_items(items.values(), skipped)
            by_kind: dict[str, int] = {}
            for r in accepted:
                by_kind[r.kind] = by_kind.get(r.kind, 0) + 1
            with repo.writing() as w:
                for item in items.values():
                    sections = tuple(
                        (k, results[source_id(item.id, k)].text)
                        if source_id(item.id, k) in results
                        else (k, v)
                        for k, v in item.sections
                    )
                    changed = sections != item.sections
                    now_reviewed = item.pseudonymised or item.id in marked
                    if changed or now_reviewed != item.pseudonymised:
                        new = replace(item, sections=sections, pseudonymised=now_reviewed)
                        w.put_item(item.id, case_id, item.entry_id, item.revision_id, item_doc(new))
                by_id = {s.id: s for s in segments}
                for sel in moved:
                    old = by_id[sel.id]
                    if (sel.start, sel.end) != (old.doc["start"], old.doc["end"]):
                        w.put_segment(
                            sel.id,
                            old.item_id,
                            old.code_id,
                            dict(old.doc, start=sel.start, end=sel.end),
                        )
                self._ctx.audit(
                    w,
                    case_id,
                    case_audit.PSEUDONYMISED,
                    {
                        "items": sorted(guids.guid(ITEM_KIND, i) for i in marked if i in items),
                        "accepted": len(accepted),
                        "kinds": by_kind,
                    },
                )
        self._changed(case_id)
        return len(accepted)
