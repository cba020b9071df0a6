"""The cohort dashboard (issue 14, point 3): ``vault.dashboard``.

:meth:`CohortDashboardService.load` reads, once, the small facts of every entry a
cohort's students sent you (or of every received entry): whose, which journal, the
template, the entry's date, its last change and its standards, straight from the
search index's leading columns (``SearchIndex.facts``: no entry text is opened, no
record decrypted), plus the feedback and sign-offs counted from the review records.
The GUI runs it on a worker; every filter after that is
:meth:`~reflectdesk.domain.dashboard.DashboardData.view`, in memory.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection
from datetime import date

from reflectdesk.domain.dashboard import (
    NO_DAY,
    DashboardData,
    DashboardFilters,
    DashboardView,
    Student,
    domain_index,
)
from reflectdesk.domain.model import Space
from reflectdesk.progress import NEVER_CANCELLED, CancelToken
from reflectdesk.review.records import RecordType
from reflectdesk.review.state import fold_entry
from reflectdesk.services.cohorts import CohortService
from reflectdesk.services.contacts import ContactService
from reflectdesk.services.review_rules import ReviewRules, contact_of
from reflectdesk.services.unlocked_state import UnlockedState
from reflectdesk.standards.loader import mbe_2021

__all__ = ["CohortDashboardService", "DashboardData", "DashboardFilters", "DashboardView"]

log = logging.getLogger(__name__)


class _ReviewCounts(ReviewRules):
    """Feedback and standing sign-offs per received entry, from the review records
    that pass the rules now (as the triad view counts them)."""

    def counts(self, student_of: dict[str, str]) -> dict[str, tuple[int, int]]:
        """``student_of``: entry id → its author's contact id. Returns entry id →
        (comments and replies by anyone but her, standing sign-offs)."""
        st = self._state()
        ctx = self._context(st)
        # Where each entry is, known already (a received entry, her journal): the
        # context would otherwise ask storage once per entry.
        ctx._places.update(
            {entry_id: (Space.RECEIVED, contact_id) for entry_id, contact_id in student_of.items()}
        )
        grouped = {e: stored for e, stored in self._by_entry(ctx).items() if e in student_of}
        # Their revisions and contents in one read (the rules look at each record's
        # revision and a comment's quote), not a query or two per entry.
        for entry_id, held in ctx.repo().revisions_many(grouped).items():
            ctx._revisions[entry_id] = [ref for ref, _content in held]
            ctx._texts.update({(entry_id, ref.local_id): content for ref, content in held})
        out: dict[str, tuple[int, int]] = {}
        for entry_id, stored in grouped.items():
            contact_id = student_of.get(entry_id)
            if contact_id is None:
                continue
            records, _waiting = self._admitted(ctx, stored)
            if not records:
                continue
            feedback = 0
            for r in records:
                if r.type in (RecordType.COMMENT, RecordType.REPLY):
                    holder = contact_of(ctx, r.author)  # None: you
                    feedback += holder is None or holder.id != contact_id
            out[entry_id] = (feedback, len(fold_entry(records).signed_off))
        return out


class CohortDashboardService:
    def __init__(self, state: Callable[[], UnlockedState], contacts: ContactService) -> None:
        self._state = state
        self._review = _ReviewCounts(state, contacts)

    def load(
        self, cohort_id: str | None = None, cancel: CancelToken = NEVER_CANCELLED
    ) -> DashboardData:
        """:meth:`load_facts` then :meth:`review_counts`, in one call (the CLI, tests)."""
        data = self.load_facts(cohort_id, cancel)
        data.set_review(self.review_counts(data, cancel))
        return data

    def review_counts(
        self, data: DashboardData, cancel: CancelToken = NEVER_CANCELLED
    ) -> dict[str, tuple[int, int]]:
        """Per entry of ``data`` with review records: (comments and replies by anyone
        but its author, standing sign-offs), from the records that pass the review's
        rules now (as the triad view counts them). Slower than the facts (each record
        is checked against its version), so the GUI asks for it second."""
        cancel.raise_if_cancelled()
        students = data.students
        student_of = {
            e: students[s].contact_id for e, s in zip(data.entry_ids, data.student, strict=True)
        }
        return self._review.counts(student_of) if student_of else {}

    def load_facts(
        self, cohort_id: str | None = None, cancel: CancelToken = NEVER_CANCELLED
    ) -> DashboardData:
        """The facts of a cohort's received entries (``cohort_id``), or of every
        received entry (None): one read, on a worker, no entry text and no review
        record opened (feedback and sign-offs are 0 until :meth:`review_counts`).
        Members who sent nothing are rows with zeros."""
        st = self._state()
        contacts = {c.id: c for c in st.contacts.list()}
        journals = st.journals.list(Space.RECEIVED)
        by_contact: dict[str, list[str]] = {}
        for j in journals:
            if j.author_contact_id is not None:
                by_contact.setdefault(j.author_contact_id, []).append(j.id)
        if cohort_id is None:
            members: Collection[str] = list(by_contact)
        else:
            members = CohortService(self._state).get(cohort_id).member_ids
        people = sorted(
            (
                Student(cid, contacts[cid].name, tuple(sorted(by_contact.get(cid, ()))))
                for cid in dict.fromkeys(members)
                if cid in contacts
            ),
            key=lambda s: (s.name.casefold(), s.contact_id),
        )
        student_at = {s.contact_id: k for k, s in enumerate(people)}
        title_of = {j.id: j.title for j in journals}
        journal_ids = tuple(jid for s in people for jid in s.journal_ids)
        journal_at = {jid: k for k, jid in enumerate(journal_ids)}
        student_of_journal = {
            jid: student_at[s.contact_id] for s in people for jid in s.journal_ids
        }
        cancel.raise_if_cancelled()
        rows = st.index.facts(journal_ids)
        cancel.raise_if_cancelled()

        taxonomy = mbe_2021()
        codes = list(taxonomy.codes())
        known = set(codes)
        joined = {r[5] for r in rows}
        named = {text: _codes(text) for text in joined}
        codes += sorted({c for cs in named.values() for c in cs} - known)
        code_at = {c: k for k, c in enumerate(codes)}
        as_codes = {text: tuple(sorted({code_at[c] for c in cs})) for text, cs in named.items()}
        domains = [(d.code, [s.code for s in d.standards]) for d in taxonomy.domains]
        template_ids = sorted({r[2] for r in rows})
        template_at = {t: k for k, t in enumerate(template_ids)}
        data = DashboardData(
            cohort_id=cohort_id,
            students=tuple(people),
            journal_ids=journal_ids,
            journal_titles=tuple(title_of.get(j, "") for j in journal_ids),
            template_ids=tuple(template_ids),
            standard_codes=tuple(codes),
            domain_codes=tuple(d for d, _m in domains),
            standard_domain=domain_index(codes, domains),
        )
        ordinal = _ordinals()
        data.extend(
            [r[0] for r in rows],
            [student_of_journal[r[1]] for r in rows],
            [journal_at[r[1]] for r in rows],
            [template_at[r[2]] for r in rows],
            [ordinal(r[3]) for r in rows],
            [int(r[4]) for r in rows],
            [as_codes[r[5]] for r in rows],
        )
        log.info("dashboard: %d students, %d entries", len(people), len(data))
        return data

    def view(
        self, cohort_id: str | None = None, filters: DashboardFilters | None = None
    ) -> DashboardView:
        """Load and aggregate in one call (the CLI, tests)."""
        return self.load(cohort_id).view(filters)


def _codes(text: str) -> list[str]:
    """Standard codes as the index keeps them (newline-joined), as the search reads them."""
    return [c.strip().upper() for c in text.split("\n") if c.strip()] if text else []


def _ordinals() -> Callable[[str], int]:
    """ISO date text → ordinal, remembered (25,000 entries share a few hundred days)."""
    seen: dict[str, int] = {}

    def ordinal(text: str) -> int:
        value = seen.get(text)
        if value is None:
            try:
                value = date.fromisoformat(text).toordinal()
            except (TypeError, ValueError):
                value = NO_DAY
            seen[text] = value
        return value

    return ordinal
