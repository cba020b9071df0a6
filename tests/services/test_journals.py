"""The journal service: titles checked, changes announced, found by id, prefix or title."""

from __future__ import annotations

import pytest

from reflectdesk.domain.model import Changes
from reflectdesk.errors import InvalidValue, JournalNotFound
from reflectdesk.services.vault import Vault


def test_create_rename_and_the_changes_announced(vault: Vault) -> None:
    seen: list[Changes] = []
    vault.subscribe(seen.append)
    journal = vault.journals.create("  Práctica I  ")
    assert journal.title == "Práctica I"
    renamed = vault.journals.rename(journal.id, "Práctica II")
    assert (renamed.title, renamed.description) == ("Práctica II", "")
    assert seen == [Changes(journals=frozenset({journal.id}))] * 2
    for bad in ("", "   ", "x" * 301):
        with pytest.raises(InvalidValue):
            vault.journals.create(bad)
        with pytest.raises(InvalidValue):
            vault.journals.rename(journal.id, bad)


def test_a_journal_names_its_course_and_the_template_new_entries_start_with(
    vault: Vault,
) -> None:
    journal = vault.journals.create("Práctica II", "  Práctica II, 2026  ", " gibbs ")
    assert (journal.description, journal.default_template) == ("Práctica II, 2026", "gibbs")
    assert vault.journals.get(journal.id).default_template == "gibbs"
    assert vault.journals.rename(journal.id, "Práctica 2").default_template == "gibbs"
    with pytest.raises(InvalidValue):
        vault.journals.create("Otra", "x" * 2001)
    with pytest.raises(InvalidValue):
        vault.journals.create("Otra", "", "t" * 101)
    assert [j.title for j in vault.journals.list()] == ["Práctica 2"]


def test_resolve_by_id_title_or_a_long_enough_prefix(vault: Vault) -> None:
    a = vault.journals.create("Práctica")
    b = vault.journals.create("Otra")
    assert vault.journals.resolve(a.id) == a
    assert vault.journals.resolve("práctica") == a  # titles ignore case
    assert vault.journals.resolve(b.id[:20]) == b  # the counter part makes it unique
    with pytest.raises(JournalNotFound):
        vault.journals.resolve(a.id[:3])  # too short to be an id prefix
    with pytest.raises(JournalNotFound):
        vault.journals.resolve("nada")
