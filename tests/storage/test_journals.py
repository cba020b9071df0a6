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


def test_the_default_template_is_sealed_and_kept_by_an_update(vault: Vault) -> None:
    repo = _repo(vault)
    plain = repo.create("Sin plantilla")
    assert plain.default_template == ""
    journal = repo.create("Práctica II", "2.º semestre", default_template="gibbs")
    assert repo.get(journal.id).default_template == "gibbs"
    renamed = repo.update(journal.id, "Práctica II bis", "otro")
    assert (renamed.title, renamed.default_template) == ("Práctica II bis", "gibbs")
    cleared = repo.update(journal.id, "Práctica II bis", "otro", default_template="")
    assert cleared.default_template == "" and repo.get(journal.id).default_template == ""
