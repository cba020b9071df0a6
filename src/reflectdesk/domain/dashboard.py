"""The cohort dashboard's numbers (issue 14, point 3): pure aggregation, no I/O.

:class:`DashboardData` holds the small facts of every received entry of a cohort in
parallel arrays (whose entry, which journal, template, day, last change, standards,
feedback and sign-offs), read once by ``services/cohort_dashboard.py`` without opening
any entry's text. :meth:`DashboardData.view` aggregates them under a filter in memory:
a filter change is one pass over plain lists (25,000 entries in a few tens of
milliseconds), never another read of the vault.

No names or titles are logged here or anywhere on the way.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from reflectdesk.domain.titles import title_key

MAX_WEEKS = 156  # at most three years of weekly bars (the latest ones)
NO_DAY = 0  # an entry without a usable date: counted, in no week
WEEK_KEY = 1 << 20  # a week's count is keyed monday * WEEK_KEY + student (< 1M students)


@dataclass(frozen=True, slots=True)
class DashboardFilters:
    """Course or journal title (as listed; case, accents and Unicode normalisation
    ignored: :func:`~reflectdesk.domain.titles.title_key`), template id and a date range
    (inclusive, on the entry's date: its event date, else the day it was written)."""

    journal_title: str | None = None
    template_id: str | None = None
    date_from: date | None = None
    date_to: date | None = None


@dataclass(frozen=True, slots=True)
class StudentRow:
    contact_id: str
    name: str
    entries: int
    last_activity: datetime | None  # the latest change of one of her entries shown
    templates: tuple[tuple[str, int], ...]  # (template id, entries), most used first
    standards: tuple[int, ...]  # entries per standard, in ``DashboardView.standard_codes``
    domains: tuple[int, ...]  # entries per domain (an entry once per domain it touches)
    weeks: tuple[int, ...]  # entries per week, in ``DashboardView.weeks``
    feedback: int  # comments and replies by anyone but her on her entries shown
    sign_offs: int  # standing sign-offs on her entries shown
    journal_ids: tuple[str, ...]  # her received journals (to open her entries)


@dataclass(frozen=True, slots=True)
class DashboardView:
    filters: DashboardFilters
    students: tuple[StudentRow, ...]
    weeks: tuple[date, ...]  # the Monday of each ISO week, oldest first, no gaps
    standard_codes: tuple[str, ...]
    domain_codes: tuple[str, ...]
    entries: int  # entries shown (all students)
    review_read: bool = True  # False: feedback and sign-offs not read yet (shown as …)

    def student(self, contact_id: str) -> StudentRow | None:
        return next((s for s in self.students if s.contact_id == contact_id), None)


@dataclass(frozen=True, slots=True)
class Student:
    contact_id: str
    name: str
    journal_ids: tuple[str, ...]


@dataclass
class DashboardData:
    """Everything the dashboard needs, per entry in parallel arrays (index ``i`` is one
    entry). Built by the service; the arrays are never changed after that."""

    cohort_id: str | None
    students: tuple[Student, ...]  # in the order shown (by name)
    journal_ids: tuple[str, ...]
    journal_titles: tuple[str, ...]  # per journal index
    template_ids: tuple[str, ...]
    standard_codes: tuple[str, ...]  # the framework's order, unknown codes after
    domain_codes: tuple[str, ...]
    standard_domain: tuple[int, ...]  # per standard index: its domain index (-1: none)
    entry_ids: list[str] = field(default_factory=list)
    student: array[int] = field(default_factory=lambda: array("i"))
    journal: array[int] = field(default_factory=lambda: array("i"))
    template: array[int] = field(default_factory=lambda: array("i"))
    day: array[int] = field(default_factory=lambda: array("i"))  # date ordinal (NO_DAY)
    updated_ms: array[int] = field(default_factory=lambda: array("q"))
    standards: list[tuple[int, ...]] = field(default_factory=list)  # standard indexes
    # Derived at ``add``: the Monday of the entry's week (ordinal, NO_DAY) and the
    # domains its standards belong to (each once), so a view does no date arithmetic.
    monday: array[int] = field(default_factory=lambda: array("i"))
    domains: list[tuple[int, ...]] = field(default_factory=list)
    feedback: array[int] = field(default_factory=lambda: array("i"))
    sign_offs: array[int] = field(default_factory=lambda: array("i"))
    review_read: bool = False  # feedback and sign-offs are known (set_review)
    _keys: tuple[str, ...] | None = field(default=None, repr=False)  # per journal
    _unfiltered: DashboardView | None = field(default=None, repr=False)  # view() cached

    def __len__(self) -> int:
        return len(self.entry_ids)

    def add(
        self,
        entry_id: str,
        student: int,
        journal: int,
        template: int,
        day: int,
        updated_ms: int,
        standards: tuple[int, ...],
        feedback: int = 0,
        sign_offs: int = 0,
    ) -> None:
        self._unfiltered = None
        self.entry_ids.append(entry_id)
        self.student.append(student)
        self.journal.append(journal)
        self.template.append(template)
        self.day.append(day)
        self.updated_ms.append(updated_ms)
        self.standards.append(standards)
        self.feedback.append(feedback)
        self.sign_offs.append(sign_offs)
        self.monday.append(day - date.fromordinal(day).weekday() if day != NO_DAY else NO_DAY)
        dom = self.standard_domain
        self.domains.append(tuple(sorted({dom[c] for c in standards if dom[c] >= 0})))

    def extend(
        self,
        entry_ids: list[str],
        student: list[int],
        journal: list[int],
        template: list[int],
        day: list[int],
        updated_ms: list[int],
        standards: list[tuple[int, ...]],
    ) -> None:
        """Many entries at once (parallel lists): what :meth:`add` does, in bulk."""
        count = len(entry_ids)
        self._unfiltered = None
        self.entry_ids.extend(entry_ids)
        self.student.extend(student)
        self.journal.extend(journal)
        self.template.extend(template)
        self.day.extend(day)
        self.updated_ms.extend(updated_ms)
        self.standards.extend(standards)
        self.feedback.extend([0] * count)
        self.sign_offs.extend([0] * count)
        mondays: dict[int, int] = {NO_DAY: NO_DAY}
        for d in set(day):
            if d != NO_DAY:
                mondays[d] = d - date.fromordinal(d).weekday()
        self.monday.extend([mondays[d] for d in day])
        dom = self.standard_domain
        seen: dict[tuple[int, ...], tuple[int, ...]] = {}
        for codes in standards:
            if codes not in seen:
                seen[codes] = tuple(sorted({dom[c] for c in codes if dom[c] >= 0}))
        self.domains.extend([seen[c] for c in standards])

    def set_review(self, counts: dict[str, tuple[int, int]]) -> None:
        """Feedback and sign-offs per entry id (read after the facts)."""
        for i, entry_id in enumerate(self.entry_ids):
            feedback, sign_offs = counts.get(entry_id, (0, 0))
            self.feedback[i] = feedback
            self.sign_offs[i] = sign_offs
        self.review_read = True
        self._unfiltered = None

    # -- what the filters offer -----------------------------------------------------------
    def titles(self) -> list[str]:
        """The course or journal titles, each course once, sorted ignoring case and
        accents: titles with the same :func:`~reflectdesk.domain.titles.title_key`
        ("Práctica II", "PRACTICA II", a decomposed "á") are one course, shown as its
        most common spelling (ties: the first in code point order). Untitled journals
        are not offered."""
        spellings: dict[str, Counter[str]] = {}
        for title, key in zip(self.journal_titles, self._title_keys(), strict=True):
            if key:
                spellings.setdefault(key, Counter())[unicodedata.normalize("NFC", title)] += 1
        shown = {
            key: min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]
            for key, counts in spellings.items()
        }
        return [shown[k] for k in sorted(shown, key=lambda k: (k, shown[k]))]

    def _title_keys(self) -> tuple[str, ...]:
        if self._keys is None:
            self._keys = tuple(title_key(t) for t in self.journal_titles)
        return self._keys

    def journal_of(self, entry_ids: Sequence[str], among: Sequence[str]) -> str | None:
        """Of the journals ``among``, the one holding most of ``entry_ids`` (the entry
        list shows one journal at a time); the first of ``among`` if none holds any."""
        wanted = set(entry_ids)
        counts: Counter[int] = Counter(
            j for e, j in zip(self.entry_ids, self.journal, strict=True) if e in wanted
        )
        for k, _n in counts.most_common():
            if self.journal_ids[k] in among:
                return self.journal_ids[k]
        return among[0] if among else None

    def templates_used(self) -> list[str]:
        used = set(self.template)
        return [t for i, t in enumerate(self.template_ids) if i in used]

    def date_span(self) -> tuple[date, date] | None:
        days = [d for d in self.day if d != NO_DAY]
        return (date.fromordinal(min(days)), date.fromordinal(max(days))) if days else None

    # -- aggregation ---------------------------------------------------------------------------
    def _selected(self, f: DashboardFilters) -> list[int]:
        """The indexes of the entries ``f`` lets through (one pass)."""
        journals: set[int] | None = None
        if f.journal_title is not None:
            wanted = title_key(f.journal_title)
            journals = {i for i, k in enumerate(self._title_keys()) if k == wanted}
        template = -2
        if f.template_id is not None:
            template = (
                self.template_ids.index(f.template_id) if f.template_id in self.template_ids else -3
            )
        lo = f.date_from.toordinal() if f.date_from else None
        hi = f.date_to.toordinal() if f.date_to else None
        if journals is None and template == -2 and lo is None and hi is None:
            return list(range(len(self.entry_ids)))
        out = []
        for i, (j, t, d) in enumerate(zip(self.journal, self.template, self.day, strict=True)):
            if journals is not None and j not in journals:
                continue
            if template != -2 and t != template:
                continue
            if lo is not None and (d == NO_DAY or d < lo):
                continue
            if hi is not None and (d == NO_DAY or d > hi):
                continue
            out.append(i)
        return out

    def entries_of(
        self,
        f: DashboardFilters,
        contact_id: str | None = None,
        standard: str | None = None,
        week: date | None = None,
    ) -> list[str]:
        """The entry ids behind one number: a student's entries, her entries on a
        standard (a heatmap cell), in one week (a bar), under ``f``."""
        who = next((i for i, s in enumerate(self.students) if s.contact_id == contact_id), None)
        if contact_id is not None and who is None:
            return []
        code = -1
        if standard is not None:
            if standard not in self.standard_codes:
                return []
            code = self.standard_codes.index(standard)
        monday = week.toordinal() - week.weekday() if week is not None else None
        out = []
        for i in self._selected(f):
            if who is not None and self.student[i] != who:
                continue
            if code >= 0 and code not in self.standards[i]:
                continue
            d = self.day[i]
            if monday is not None and (d == NO_DAY or not monday <= d < monday + 7):
                continue
            out.append(self.entry_ids[i])
        return out

    def view(self, f: DashboardFilters | None = None) -> DashboardView:
        """Per student, the numbers under ``f`` (every entry when None)."""
        f = f or DashboardFilters()
        if f == DashboardFilters() and self._unfiltered is not None:
            return self._unfiltered  # the reset button, the first paint after the review
        view = self._view(f)
        if f == DashboardFilters():
            self._unfiltered = view
        return view

    def _view(self, f: DashboardFilters) -> DashboardView:
        chosen = self._selected(f)
        n = len(self.students)
        n_t = len(self.template_ids)
        n_std = len(self.standard_codes)
        n_dom = len(self.domain_codes)
        entries = [0] * n
        last = [0] * n
        feedback = [0] * n
        sign_offs = [0] * n
        templates = [0] * (n * n_t)  # flat: student * n_t + template
        standards = [0] * (n * n_std)
        domains = [0] * (n * n_dom)
        weeks: dict[int, int] = {}  # monday * WEEK_KEY + student -> entries
        student, template, updated = self.student, self.template, self.updated_ms
        std, dom, monday = self.standards, self.domains, self.monday
        for i in chosen:
            s = student[i]
            entries[s] += 1
            if updated[i] > last[s]:
                last[s] = updated[i]
            templates[s * n_t + template[i]] += 1
            for c in std[i]:
                standards[s * n_std + c] += 1
            for d in dom[i]:
                domains[s * n_dom + d] += 1
            m = monday[i]
            if m != NO_DAY:
                key = m * WEEK_KEY + s
                weeks[key] = weeks.get(key, 0) + 1
        fb_all, so_all = self.feedback, self.sign_offs
        if any(fb_all) or any(so_all):
            for i in chosen:
                feedback[student[i]] += fb_all[i]
                sign_offs[student[i]] += so_all[i]
        mondays = {key // WEEK_KEY for key in weeks}
        span = _week_span(mondays, f)
        index = {m: k for k, m in enumerate(span)}
        per_week = [[0] * len(span) for _ in range(n)]
        for key, count in weeks.items():
            k = index.get(key // WEEK_KEY)
            if k is not None:
                per_week[key % WEEK_KEY][k] += count
        rows = []
        for s, who in enumerate(self.students):
            counts = templates[s * n_t : (s + 1) * n_t]
            used = sorted(
                ((t, c) for t, c in enumerate(counts) if c),
                key=lambda kv: (-kv[1], self.template_ids[kv[0]]),
            )
            rows.append(
                StudentRow(
                    contact_id=who.contact_id,
                    name=who.name,
                    entries=entries[s],
                    last_activity=(
                        datetime.fromtimestamp(last[s] / 1000, tz=UTC) if last[s] else None
                    ),
                    templates=tuple((self.template_ids[t], c) for t, c in used),
                    standards=tuple(standards[s * n_std : (s + 1) * n_std]),
                    domains=tuple(domains[s * n_dom : (s + 1) * n_dom]),
                    weeks=tuple(per_week[s]),
                    feedback=feedback[s],
                    sign_offs=sign_offs[s],
                    journal_ids=who.journal_ids,
                )
            )
        return DashboardView(
            filters=f,
            students=tuple(rows),
            weeks=tuple(date.fromordinal(m) for m in span),
            standard_codes=self.standard_codes,
            domain_codes=self.domain_codes,
            entries=len(chosen),
            review_read=self.review_read,
        )


def _week_span(mondays: set[int], f: DashboardFilters) -> list[int]:
    """Every Monday from the first week to the last (the filter's range when it has one),
    without gaps, the latest ``MAX_WEEKS`` of them."""
    lo = f.date_from.toordinal() if f.date_from else (min(mondays) if mondays else None)
    hi = f.date_to.toordinal() if f.date_to else (max(mondays) if mondays else None)
    if lo is None or hi is None or hi < lo:
        return []
    first = lo - date.fromordinal(lo).weekday()
    last = hi - date.fromordinal(hi).weekday()
    first = max(first, last - 7 * (MAX_WEEKS - 1))
    return list(range(first, last + 1, 7))


def iso_week_label(monday: date) -> str:
    """``2026-W09``: the ISO year and week of a Monday."""
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


def week_end(monday: date) -> date:
    return monday + timedelta(days=6)


def domain_index(
    codes: Sequence[str], domains: Sequence[tuple[str, Sequence[str]]]
) -> tuple[int, ...]:
    """Per standard code, the index of the domain that lists it (-1: none)."""
    where = {code: k for k, (_d, members) in enumerate(domains) for code in members}
    return tuple(where.get(c, -1) for c in codes)


def csv_cell(text: str) -> str:
    """A name someone chose could start with ``=``: never a formula in a sheet."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_bytes(rows: Iterable[Sequence[object]]) -> bytes:
    """Rows as CSV as the dashboard writes it: UTF-8 with a BOM (so spreadsheets read
    the accents), CRLF; every text cell through :func:`csv_cell` (numbers as they are)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    for row in rows:
        writer.writerow([csv_cell(v) if isinstance(v, str) else v for v in row])
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")


def view_csv(
    view: DashboardView, header: Sequence[str], template_name: Callable[[str], str]
) -> bytes:
    """The student table as CSV (UTF-8 with a BOM, so spreadsheets read the accents):
    ``header`` names the first six columns in the front end's language (student,
    entries, last activity, templates, feedback, sign-offs); then one column per domain
    and per standard. Dates in ISO 8601."""
    rows: list[Sequence[object]] = [[*header[:6], *view.domain_codes, *view.standard_codes]]
    for s in view.students:
        last = s.last_activity.date().isoformat() if s.last_activity else ""
        templates = "; ".join(f"{template_name(t)} ({n})" for t, n in s.templates)
        rows.append(
            [s.name, s.entries, last, templates, s.feedback, s.sign_offs, *s.domains, *s.standards]
        )
    return csv_bytes(rows)
