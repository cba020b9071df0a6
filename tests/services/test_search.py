"""The search service asks the index the unlocked vault keeps current."""

from __future__ import annotations

import pytest

from reflectdesk.domain.model import EntryContent, SearchFilters
from reflectdesk.errors import VaultLocked
from reflectdesk.services.vault import Vault


def test_a_saved_entry_is_found_and_a_locked_vault_says_so(vault: Vault) -> None:
    a = vault.journals.create("A")
    b = vault.journals.create("B")
    one = vault.entries.add(a.id, EntryContent(title="Evaluación", sections={"body": "rúbrica"}))
    vault.entries.add(b.id, EntryContent(title="Otra", sections={"body": "rubrica también"}))
    assert len(vault.search.query("rubrica")) == 2
    hits = vault.search.query("rubrica", SearchFilters(journal_id=a.id))
    assert [h.entry_id for h in hits] == [one.id]
    assert len(vault.search.query("rubrica", limit=1)) == 1
    vault.lock()
    with pytest.raises(VaultLocked):
        vault.search.query("rubrica")
