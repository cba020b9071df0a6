"""vault.cohorts: create, rename, members, list, delete (issue 14, point 4)."""

from __future__ import annotations

import pytest

from reflectdesk.domain.model import Changes
from reflectdesk.errors import (
    CohortNameInvalid,
    CohortNameTaken,
    CohortNotFound,
    ContactNotFound,
)
from reflectdesk.services.vault import Vault
from tests.services.batch_helpers import add_contacts, make_students

NAME = "Práctica Profesional II — 2026 — Sección 2"


def test_a_cohort_by_hand(vault: Vault) -> None:
    ids = add_contacts(vault, make_students(3), verify=False)
    changes: list[Changes] = []
    vault.subscribe(changes.append)
    c = vault.cohorts.create(NAME, ids[:2])
    assert c.member_ids == tuple(ids[:2]) and changes[-1].cohorts == {c.id}
    c = vault.cohorts.add_members(c.id, [ids[2], ids[0]])
    assert c.member_ids == tuple(ids)
    c = vault.cohorts.remove_members(c.id, [ids[1]])
    assert c.member_ids == (ids[0], ids[2])
    c = vault.cohorts.rename(c.id, "  Práctica II  — Sección 1 ")
    assert c.name == "Práctica II — Sección 1" and c.rev == 4
    assert vault.cohorts.resolve("práctica ii — sección 1").id == c.id
    assert vault.cohorts.resolve(c.id[:8]).id == c.id
    other = vault.cohorts.create("Otra")
    assert [x.name for x in vault.cohorts.list()] == ["Otra", "Práctica II — Sección 1"]
    vault.cohorts.delete(other.id)
    with pytest.raises(CohortNotFound):
        vault.cohorts.get(other.id)
    assert vault.contacts.get(ids[1]).id == ids[1]  # removing a member keeps the contact


def test_bad_cohort_input(vault: Vault) -> None:
    with pytest.raises(CohortNameInvalid):
        vault.cohorts.create("   ")
    c = vault.cohorts.create(NAME)
    with pytest.raises(CohortNameTaken):
        vault.cohorts.create(NAME.upper())
    with pytest.raises(ContactNotFound):
        vault.cohorts.add_members(c.id, ["nadie"])
    with pytest.raises(CohortNotFound):
        vault.cohorts.resolve("no existe")
    with pytest.raises(CohortNotFound):
        vault.cohorts.rename("nadie", "x")
    assert vault.cohorts.rename(c.id, NAME).name == NAME  # its own name is not "taken"
