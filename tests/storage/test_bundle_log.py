"""The bundle log: one row per (author, bundle), sealed; importing your own export marks it."""

from __future__ import annotations

from reflectdesk.services.vault import Vault
from reflectdesk.storage.bundle_log import IN, OUT


def test_record_list_and_the_same_bundle_from_two_authors(vault: Vault) -> None:
    log = vault._unlocked().bundle_log
    log.record("b1", OUT, author="me", kind="journal", contact_ids=["c1"], entry_ids=["e1"])
    assert not log.imported("b1", "me")
    log.record("b1", IN, author="me", kind="journal", contact_ids=["c1"], entry_ids=["e1"])
    assert log.imported("b1", "me")  # your own export, imported back: the same row
    log.record("b1", IN, author="ana", kind="entries", contact_ids=[], entry_ids=["e9"])
    item = log.get("b1", "ana")
    assert item is not None and (item.kind, item.entry_ids, item.imported) == (
        "entries",
        ("e9",),
        True,
    )
    assert log.get("b2", "me") is None and not log.imported("b2", "me")
    assert [i.direction for i in log.list()] == [OUT, IN]
    assert [i.kind for i in log.list(IN)] == ["entries"]
    log.record("b1", IN, author="ana", kind="entries", contact_ids=[], entry_ids=["e9"])
    assert len(log.list()) == 2  # idempotent
