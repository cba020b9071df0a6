from __future__ import annotations

from reflectdesk.domain.cohorts import MAX_COHORT_NAME, cohort_name, with_members, without_members


def test_a_name_is_normalised_and_checked() -> None:
    assert cohort_name("  Práctica Profesional II —\t2026  — Sección 2 ") == (
        "Práctica Profesional II — 2026 — Sección 2"
    )
    assert cohort_name("Pra\u0301ctica") == "Práctica"  # NFC
    assert cohort_name("   ") is None
    assert cohort_name("a" * (MAX_COHORT_NAME + 1)) is None
    assert cohort_name("Sección\u200b2") is None  # zero-width space
    assert cohort_name("Sección\u202e2") is None  # bidi override


def test_members_are_kept_once_in_order() -> None:
    assert with_members(("a", "b"), ("c", "a", "c")) == ("a", "b", "c")
    assert without_members(("a", "b", "c"), ("b", "x")) == ("a", "c")
