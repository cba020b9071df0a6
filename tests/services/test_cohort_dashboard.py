"""vault.dashboard (issue 14, point 3) on a real tutor vault that received real bundles
from a small cohort whose numbers are known (tests/services/dashboard_helpers.py):
weeks, templates, standards, feedback, sign-offs, members who sent nothing, filters,
and an unknown cohort."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from reflectdesk.crypto.kdf import KdfParams
from reflectdesk.domain.dashboard import DashboardFilters, iso_week_label
from reflectdesk.domain.model import Role
from reflectdesk.errors import CohortNotFound
from reflectdesk.review.records import Verdict
from reflectdesk.services.vault import NewProfile, Vault
from tests.services.dashboard_helpers import SmallCohort, small_cohort
from tests.support import PASSPHRASE


@pytest.fixture
def cohort(tmp_path: Path) -> Iterator[SmallCohort]:
    tutor, _key = Vault.create(
        tmp_path / "tutor",
        PASSPHRASE,
        NewProfile("Tutora Ruiz", Role.EDUCATOR, "es"),
        kdf_params=KdfParams.insecure_for_tests(),
    )
    yield small_cohort(tutor, tmp_path / "bundles")
    tutor.close()


def test_counts_are_exact(cohort: SmallCohort) -> None:
    view = cohort.tutor.dashboard.view(cohort.cohort_id)
    assert [s.name for s in view.students] == ["Ana Rojas", "Bea Soto", "Carla Díaz"]
    assert [iso_week_label(w) for w in view.weeks] == ["2026-W10", "2026-W11", "2026-W12"]
    ana, bea, carla = view.students
    assert ana.weeks == (1, 2, 0) and bea.weeks == (0, 0, 1) and carla.weeks == (0, 0, 0)
    assert ana.templates == (("gibbs", 2), ("free", 1)) and bea.templates == (("kolb", 1),)
    codes = view.standard_codes
    assert codes[:12] == ("A1", "A2", "A3", "A4", "B5", "B6", "C7", "C8", "C9", "D10", "D11", "D12")
    assert dict(zip(codes, ana.standards, strict=True))["A1"] == 2
    assert dict(zip(codes, ana.standards, strict=True))["C7"] == 1
    assert sum(ana.standards) == 3 and ana.domains == (2, 0, 1, 0)
    assert bea.domains == (0, 0, 0, 1) and sum(bea.standards) == 2
    # Two comments (a comment and a reply by the tutor) and one sign-off, on one entry.
    assert (ana.feedback, ana.sign_offs) == (2, 1) and (bea.feedback, bea.sign_offs) == (0, 0)
    assert ana.last_activity is not None and ana.last_activity.date() == date(2026, 3, 20)
    assert bea.last_activity is not None and bea.last_activity.date() == date(2026, 3, 27)
    assert (carla.entries, carla.last_activity, carla.journal_ids) == (0, None, ())
    assert view.entries == 4


def test_everyone_who_sent_entries(cohort: SmallCohort) -> None:
    view = cohort.tutor.dashboard.view(None)
    assert [s.name for s in view.students] == ["Ana Rojas", "Bea Soto", "Dora Silva"]
    assert view.entries == 5


def test_filters(cohort: SmallCohort) -> None:
    data = cohort.tutor.dashboard.load(cohort.cohort_id)
    assert data.templates_used() == ["free", "gibbs", "kolb"]
    gibbs = data.view(DashboardFilters(template_id="gibbs"))
    assert [s.entries for s in gibbs.students] == [2, 0, 0]
    assert (gibbs.students[0].feedback, gibbs.students[0].sign_offs) == (2, 1)
    ranged = data.view(DashboardFilters(date_from=date(2026, 3, 12), date_to=date(2026, 3, 31)))
    assert [s.entries for s in ranged.students] == [1, 1, 0]
    assert [s.feedback for s in ranged.students] == [0, 0, 0]  # the commented one is out
    # Bundles that name no journal title (an older sender's): titled by the sender.
    assert data.titles() == ["Ana Rojas", "Bea Soto"]
    by_title = data.view(DashboardFilters(journal_title="Bea Soto"))
    assert [s.entries for s in by_title.students] == [0, 1, 0]
    behind = data.entries_of(DashboardFilters(), cohort.contact_ids[0], standard="C7")
    assert behind == [cohort.commented]


def test_a_withdrawn_sign_off_no_longer_counts(cohort: SmallCohort) -> None:
    tutor = cohort.tutor
    state = tutor.review.state(cohort.commented)
    tutor.review.withdraw_sign_off(state.sign_offs[0].id, "Me equivoqué.")
    tutor.review.sign_off(cohort.commented, {"A1": (Verdict.PARTLY, "")})
    tutor.review.sign_off(cohort.commented, {"C7": (Verdict.MET, "")})
    ana = tutor.dashboard.view(cohort.cohort_id).students[0]
    assert ana.sign_offs == 2


def test_an_unknown_cohort(cohort: SmallCohort) -> None:
    with pytest.raises(CohortNotFound):
        cohort.tutor.dashboard.load("no-such-cohort")
