"""Journals: titles sealed per revision, spaces apart, missing ids said."""

from __future__ import annotations

import pytest

from reflectdesk.domain.model import Space
from reflectdesk.errors import JournalNotFound
from reflectdesk.services.vault import Vault
from reflectdesk.storage.journals import JournalRepo


def _repo(vault: Vault) -> JournalRepo:
    return vault._unlocked().journals


def test_create_update_get_and_list_by_space(vault: Vault) -> None:
    repo = _repo(vault)
    own = repo.create("Práctica I", "desc")
    received = repo.create("De Ana", space=Space.RECEIVED, author_contact_id="c1")
    assert repo.get(own.id) == own and repo.exists(own.id) and not repo.exists("nope")
    renamed = repo.update(own.id, "Práctica II", "otra")
    assert (renamed.title, renamed.description) == ("Práctica II", "otra")
    assert repo.get(own.id).title == "Práctica II"
    assert [j.id for j in repo.list(Space.OWN)] == [own.id]
    assert [j.id for j in repo.list(Space.RECEIVED)] == [received.id]
    assert received.author_contact_id == "c1"
    assert [j.id for j in repo.list()] == [own.id, received.id]
    with pytest.raises(JournalNotFound):
        repo.get("nope")
    with pytest.raises(JournalNotFound):
        repo.update("nope", "t", "")
