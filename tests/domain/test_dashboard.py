"""domain/dashboard.py: the dashboard's aggregation over known facts, filters, the
entries behind a number, the week span and the CSV."""

from __future__ import annotations

import csv
import io
import time
from datetime import UTC, date, datetime

from reflectdesk.domain.dashboard import (
    MAX_WEEKS,
    NO_DAY,
    DashboardData,
    DashboardFilters,
    Student,
    csv_bytes,
    domain_index,
    iso_week_label,
    view_csv,
)

CODES = ("A1", "A2", "C7", "X9")
DOMAINS = [("A", ["A1", "A2"]), ("C", ["C7"])]


def data() -> DashboardData:
    d = DashboardData(
        cohort_id="c1",
        students=(Student("s1", "=Ana", ("j1",)), Student("s2", "Bea", ("j2", "j3"))),
        journal_ids=("j1", "j2", "j3"),
        journal_titles=("Práctica I", "Práctica I", "Práctica II"),
        template_ids=("free", "gibbs"),
        standard_codes=CODES,
        domain_codes=("A", "C"),
        standard_domain=domain_index(CODES, DOMAINS),
    )
    day = date(2026, 3, 2).toordinal()  # Monday, week 10
    ms = int(datetime(2026, 3, 20, tzinfo=UTC).timestamp() * 1000)
    d.add("e1", 0, 0, 0, day, ms, (0, 1), feedback=2, sign_offs=1)  # A1, A2: domain A once
    d.add("e2", 0, 0, 1, day + 8, ms + 1000, (2, 3))  # week 11, C7 and unknown X9
    d.add("e3", 1, 1, 1, day + 15, ms, ())  # week 12
    d.add("e4", 1, 2, 0, NO_DAY, ms + 5, (2,))  # no date: counted, in no week
    return d


def test_the_view_counts_everything() -> None:
    view = data().view()
    ana, bea = view.students
    assert (ana.entries, ana.feedback, ana.sign_offs) == (2, 2, 1)
    assert ana.standards == (1, 1, 1, 1) and ana.domains == (1, 1)
    assert ana.templates == (("free", 1), ("gibbs", 1))
    assert ana.last_activity == datetime(2026, 3, 20, 0, 0, 1, tzinfo=UTC)
    assert [iso_week_label(w) for w in view.weeks] == ["2026-W10", "2026-W11", "2026-W12"]
    assert ana.weeks == (1, 1, 0) and bea.weeks == (0, 0, 1)
    assert bea.entries == 2 and bea.standards == (0, 0, 1, 0) and bea.domains == (0, 1)
    assert view.entries == 4 and view.student("s2") is bea


def test_filters() -> None:
    d = data()
    assert {
        s.contact_id: s.entries for s in d.view(DashboardFilters(template_id="gibbs")).students
    } == {"s1": 1, "s2": 1}
    assert d.view(DashboardFilters(template_id="kolb")).entries == 0
    by_title = d.view(DashboardFilters(journal_title="Práctica I"))
    assert [s.entries for s in by_title.students] == [2, 1]
    ranged = d.view(DashboardFilters(date_from=date(2026, 3, 9), date_to=date(2026, 3, 15)))
    assert [s.entries for s in ranged.students] == [1, 0]  # the undated entry is out
    assert [iso_week_label(w) for w in ranged.weeks] == ["2026-W11"]
    assert d.titles() == ["Práctica I", "Práctica II"]
    assert d.templates_used() == ["free", "gibbs"]
    assert d.date_span() == (date(2026, 3, 2), date(2026, 3, 17))


def test_titles_are_grouped_ignoring_case_accents_and_normalisation() -> None:
    """Issue 14: the filter lists each course once (sorted as a reader would, accents
    ignored), however each student typed it, and picks all of its journals."""
    d = DashboardData(
        cohort_id=None,
        students=(Student("s1", "Ana", ("j1", "j2")), Student("s2", "Bea", ("j3", "j4", "j5"))),
        journal_ids=("j1", "j2", "j3", "j4", "j5"),
        journal_titles=(
            "Práctica II",
            "Seminario",
            "PRACTICA II",
            "Pra\u0301ctica II",  # decomposed "á"
            "",  # an untitled journal: counted, not offered
        ),
        template_ids=("free",),
        standard_codes=CODES,
        domain_codes=("A", "C"),
        standard_domain=domain_index(CODES, DOMAINS),
    )
    day = date(2026, 3, 2).toordinal()
    for n, (student, journal) in enumerate([(0, 0), (0, 1), (1, 2), (1, 3), (1, 4)]):
        d.add(f"e{n}", student, journal, 0, day, 0, ())
    assert d.titles() == ["Práctica II", "Seminario"]  # the most common spelling
    for typed in ("Práctica II", "practica ii", "PRACTICA II"):
        view = d.view(DashboardFilters(journal_title=typed))
        assert [s.entries for s in view.students] == [1, 2]
    assert d.view(DashboardFilters(journal_title="Seminario")).entries == 1
    assert d.view(DashboardFilters(journal_title="Otro")).entries == 0
    # The entry list opens one journal: the one holding the entries behind the number.
    assert d.journal_of(["e3"], ("j3", "j4", "j5")) == "j4"
    assert d.journal_of(["e2", "e3", "e4"], ("j4", "j5")) in ("j4", "j5")
    assert d.journal_of([], ("j3", "j4")) == "j3"


def test_the_entries_behind_a_number() -> None:
    d = data()
    everything = DashboardFilters()
    assert d.entries_of(everything, "s1") == ["e1", "e2"]
    assert d.entries_of(everything, "s1", standard="C7") == ["e2"]
    assert d.entries_of(everything, "s2", standard="C7") == ["e4"]
    assert d.entries_of(everything, "s1", week=date(2026, 3, 11)) == ["e2"]
    assert d.entries_of(everything, "nobody") == [] and d.entries_of(everything, standard="Z") == []


def test_weeks_are_capped() -> None:
    d = data()
    d.add("e5", 0, 0, 0, date(2010, 1, 4).toordinal(), 0, ())
    view = d.view()
    assert len(view.weeks) == MAX_WEEKS and view.weeks[-1] == date(2026, 3, 16)


def test_csv() -> None:
    text = view_csv(data().view(), ["S", "E", "L", "T", "F", "O"], str.upper).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["S", "E", "L", "T", "F", "O", "A", "C", "A1", "A2", "C7", "X9"]
    assert rows[1][:6] == ["'=Ana", "2", "2026-03-20", "FREE (1); GIBBS (1)", "2", "1"]


def test_a_filter_change_over_25000_entries_is_fast() -> None:
    """The budget is 100 ms in the GUI; here plain Python on a loaded machine."""
    students = tuple(Student(f"s{i}", f"N{i}", (f"j{i}",)) for i in range(500))
    d = DashboardData(
        None, students, tuple(f"j{i}" for i in range(500)), ("T",) * 500, ("free", "gibbs"),
        CODES, ("A", "C"), domain_index(CODES, DOMAINS),
    )  # fmt: skip
    first = date(2026, 3, 2).toordinal()
    for n in range(25_000):
        d.add(f"e{n}", n % 500, n % 500, n % 2, first + n % 90, n, ((n % 4,) if n % 3 else ()))
    started = time.perf_counter()
    view = d.view(DashboardFilters(template_id="gibbs", date_from=date(2026, 3, 10)))
    elapsed = time.perf_counter() - started
    assert sum(s.entries for s in view.students) == view.entries > 0
    assert elapsed < 1.0, elapsed


def test_csv_bytes_guards_every_text_cell_and_keeps_numbers() -> None:
    raw = csv_bytes([["code", "n"], ["=SUM(A1)", 3], ["-dash", 0], ["ñandú 😀", 12]])
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows == [["code", "n"], ["'=SUM(A1)", "3"], ["'-dash", "0"], ["ñandú 😀", "12"]]
