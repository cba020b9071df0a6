"""The import batch: revisions from bundles stored in one transaction, all or nothing."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from reflectdesk.domain.model import EntryContent, Revision
from reflectdesk.errors import RevisionGraphUnsound
from reflectdesk.ids import uuid7
from reflectdesk.services.vault import Vault
from reflectdesk.storage.entry_import import EntryImport

WHEN = datetime(2025, 3, 1, 10, tzinfo=UTC)


def _rev(entry_id: str, rev_id: str, seq: int, parents: tuple[str, ...]) -> Revision:
    content = EntryContent(title=f"v{seq}", sections={"body": "texto"})
    return Revision(rev_id, entry_id, seq, parents, "autor", WHEN, content.content_hash(), content)


def _item(journal_id: str, entry_id: str, *revisions: Revision) -> EntryImport:
    return EntryImport(entry_id, journal_id, 1, 2, revisions)


def test_revisions_making_a_cycle_are_a_storage_error_and_nothing_is_kept(vault: Vault) -> None:
    repo = vault._unlocked().entries
    journal = vault.journals.create("J")
    eid, a, b, fine = uuid7(), uuid7(), uuid7(), uuid7()
    with repo.import_batch() as batch:
        batch.import_entries([_item(journal.id, eid, _rev(eid, a, 2, (b,)))])
    before = repo.history(eid)
    with pytest.raises(RevisionGraphUnsound) as info, repo.import_batch() as batch:
        batch.import_entries([_item(journal.id, fine, _rev(fine, fine, 1, ()))])
        batch.import_entries([_item(journal.id, eid, _rev(eid, b, 3, (a,)))])  # b -> a -> b
    assert info.value.detail == eid
    assert repo.history(eid) == before  # the cycle's second half was rolled back
    assert not repo.exists(fine)  # and so was everything else in the batch
