"""Fixtures of the service tests: a mentor vault, a student–mentor pair, a trio (bundles);
three vaults that review one entry (review); a WebDAV server and two vaults that sync
(sync); an in-memory document store and a template service over it (templates)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reflectdesk.domain.model import EntryContent, Role
from reflectdesk.services.vault import Vault
from tests.services.bundle_helpers import Pair, Trio, exchange_cards, new_vault
from tests.services.review_helpers import TEXT, Triad
from tests.services.sync_helpers import Duo, make_duo
from tests.sync.conftest import dav
from tests.templates.conftest import service, store

# Fixtures of other folders: the template service (test_templates.py), the WebDAV server
# (the sync tests).
__all__ = ["dav", "service", "store"]


@pytest.fixture
def mentor(tmp_path: Path) -> Iterator[Vault]:
    vault = new_vault(tmp_path / "mentor", "Ana Mentor")
    yield vault
    vault.close()


@pytest.fixture
def pair(vault: Vault, mentor: Vault, tmp_path: Path) -> Pair:
    to_mentor, to_student = exchange_cards(vault, mentor)
    journal = vault.journals.create("Práctica II")
    out = tmp_path / "out"
    out.mkdir()
    return Pair(vault, mentor, tmp_path / "mentor", to_mentor, to_student, journal.id, out)


@pytest.fixture
def trio(tmp_path: Path) -> Iterator[Trio]:
    s = new_vault(tmp_path / "s", "Student S", Role.STUDENT)
    m = new_vault(tmp_path / "m", "Mentor M")
    c = new_vault(tmp_path / "c", "Colleague C")
    m_at_s, s_at_m = exchange_cards(s, m)
    c_at_s, _ = exchange_cards(s, c)
    c_at_m, _ = exchange_cards(m, c)
    out = tmp_path / "out"
    out.mkdir()
    yield Trio(s, m, c, s_at_m, c_at_m, m_at_s, c_at_s, out)
    for v in (s, m, c):
        v.close()


@pytest.fixture
def triad(vault: Vault, tmp_path: Path) -> Iterator[Triad]:
    mentor = new_vault(tmp_path / "mentor", "Ana Mentor")
    tutor = new_vault(tmp_path / "tutor", "Tomás Tutor", Role.MENTOR)
    ids: dict[str, str] = {}
    people = {"student": vault, "mentor": mentor, "tutor": tutor}
    for a, b in (("student", "mentor"), ("student", "tutor"), ("mentor", "tutor")):
        b_at_a, a_at_b = exchange_cards(people[a], people[b])
        ids[f"{b}@{a}"], ids[f"{a}@{b}"] = b_at_a, a_at_b
    journal = vault.journals.create("Práctica II")
    entry = vault.entries.add(
        journal.id,
        EntryContent(
            title="Fracciones", sections={"description": TEXT, "analysis": "Funcionó."},
            template_id="gibbs", standards=("C7",),
        ),
    )  # fmt: skip
    out = tmp_path / "out"
    out.mkdir()
    dirs = {
        "student": tmp_path / "vault",
        "mentor": tmp_path / "mentor",
        "tutor": tmp_path / "tutor",
    }
    yield Triad(vault, mentor, tutor, dirs, ids, journal.id, entry.id, out)
    mentor.close()
    tutor.close()


@pytest.fixture
def duo(tmp_path: Path) -> Iterator[Duo]:
    d = make_duo(tmp_path)
    yield d
    d.student.close()
    d.mentor.close()


@pytest.fixture
def tutor(tmp_path: Path) -> Iterator[Vault]:
    """A mentor's (tutor's) vault, as the batch and cohort tests use."""
    vault = new_vault(tmp_path / "tutor", "Teresa Tutora", Role.MENTOR)
    yield vault
    vault.close()
