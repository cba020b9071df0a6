"""The profile and the sealed secrets: one row each, updated in place, all or none."""

from __future__ import annotations

from reflectdesk.domain.model import Role
from reflectdesk.services.vault import Vault


def test_profile_update_keeps_what_was_not_changed(vault: Vault) -> None:
    repo = vault._unlocked().profile
    before = repo.get()
    after = repo.update(institution="Liceo A-12")
    assert (after.name, after.role, after.institution) == (before.name, Role.STUDENT, "Liceo A-12")
    assert repo.get() == after


def test_secrets_are_stored_replaced_and_found(vault: Vault) -> None:
    repo = vault._unlocked().profile
    assert repo.find_secret("test.one") is None
    repo.put_secrets({"test.one": b"1", "test.two": b"2"})
    repo.put_secret("test.one", b"uno")
    assert (repo.find_secret("test.one"), repo.find_secret("test.two")) == (b"uno", b"2")
