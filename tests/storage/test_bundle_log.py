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


def test_listings_keep_what_the_signed_manifest_listed(vault: Vault) -> None:
    """A received bundle's row keeps its listed recipients (key id, age key) and the
    revisions per entry it carried; sealed, read back by ``listings``. Your own bundle
    imported back (no author contact) and exports are not listings."""
    log = vault._unlocked().bundle_log
    log.record("b0", OUT, author="me", kind="journal", contact_ids=["c1"], entry_ids=["e1"])
    log.record(
        "b1", IN, author="ana", kind="journal", contact_ids=["c-ana"], entry_ids=["e1", "e2"],
        recipients=[("k-tutor", "age1t"), ("k-mentor", "age1m"), ("k-tutor", "age1t")],
        revisions={"e1": ["r2", "r1"], "e2": ["r9"]},
    )  # fmt: skip
    log.record("b2", IN, author="me", kind="journal", contact_ids=[], entry_ids=["e5"])
    log.record("b3", IN, author="ana", kind="journal", contact_ids=["c-ana"], entry_ids=["e1"])
    first, older = log.listings()
    assert (first.bundle_id, first.author_contact_id) == ("b1", "c-ana")
    assert first.recipients == {("k-tutor", "age1t"), ("k-mentor", "age1m")}
    assert first.revisions == {"e1": {"r1", "r2"}, "e2": {"r9"}}
    # A row without the list (an older version wrote none) lists nobody.
    assert (older.bundle_id, older.recipients, dict(older.revisions)) == ("b3", frozenset(), {})
    assert [i.bundle_id for i in log.list(IN)] == ["b1", "b2", "b3"]
    # Read again: rows already opened are not opened again, new ones are.
    log.record("b4", IN, author="bo", kind="journal", contact_ids=["c-bo"], entry_ids=["e7"],
               recipients=[("k-tutor", "age1t")], revisions={"e7": ["r7"]})  # fmt: skip
    assert [x.bundle_id for x in log.listings()] == ["b1", "b3", "b4"]
    assert log.listings()[0] is first
