"""The contact repository: sealed cards, a blind key tag, plaintext flags only."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest

from reflectdesk.bundles import Identity, make_card, parse_card
from reflectdesk.domain.model import Role
from reflectdesk.errors import ContactNotFound, RecordTampered
from reflectdesk.services.contacts import card_data
from reflectdesk.services.vault import Vault
from reflectdesk.storage.contacts import ContactRepo
from tests.support import CreatedVault

NAME = "Zoë Sepúlveda CANARYcontact"


def _repo(vault: Vault) -> ContactRepo:
    return vault._unlocked().contacts


def _card(identity: Identity, name: str = NAME) -> bytes:
    return make_card(identity, name=name, role=Role.EDUCATOR, institution="Universidad X")


def test_add_get_list_and_lookup_by_key(vault: Vault) -> None:
    repo = _repo(vault)
    alice, bob = Identity.generate(), Identity.generate()
    a = repo.add(card_data(parse_card(_card(alice))))
    b = repo.add(card_data(parse_card(_card(bob, "Bob"))), verified=True)
    assert repo.get(a.id) == a
    assert [c.id for c in repo.list()] == [a.id, b.id]
    assert a.card.raw == _card_raw(a.card.raw)
    assert (a.verified, b.verified) == (False, True)
    found = repo.by_signing_key(alice.public.signing_key)
    assert found is not None and found.id == a.id
    assert repo.by_signing_key(Identity.generate().public.signing_key) is None
    with pytest.raises(ContactNotFound):
        repo.get("nope")


def _card_raw(raw: bytes) -> bytes:
    return parse_card(raw).raw


def test_replace_and_flags(vault: Vault) -> None:
    repo = _repo(vault)
    old, new = Identity.generate(), Identity.generate()
    contact = repo.add(card_data(parse_card(_card(old))))
    replaced = repo.replace_card(
        contact.id, card_data(parse_card(_card(new))), verified=False, key_changed=True
    )
    assert replaced.key_changed and replaced.card.signing_key == new.public.signing_key
    assert repo.by_signing_key(old.public.signing_key) is None
    by_new = repo.by_signing_key(new.public.signing_key)
    assert by_new is not None and by_new.id == contact.id
    flagged = repo.set_flags(contact.id, verified=True, revoked=True, key_changed=False)
    assert (flagged.verified, flagged.revoked, flagged.key_changed) == (True, True, False)
    assert repo.get(contact.id) == flagged
    assert flagged.updated_at >= contact.updated_at


def test_nothing_a_card_says_is_plaintext(created: CreatedVault) -> None:
    repo = _repo(created.vault)
    identity = Identity.generate()
    repo.add(card_data(parse_card(_card(identity))))
    created.vault.close()
    conn = sqlite3.connect(created.path / "vault.db")
    try:
        rows = conn.execute("SELECT id, key_tag, blob FROM contacts").fetchall()
        raw = b"".join(
            str(v).encode() if not isinstance(v, bytes) else v for row in rows for v in row
        )
    finally:
        conn.close()
    everything = b"".join(p.read_bytes() for p in created.path.iterdir() if p.is_file())
    for needle in (
        NAME.encode(),
        b"CANARYcontact",
        b"Universidad X",
        identity.public.signing_key,
        identity.public.signing_key_b64.encode(),
        identity.public.age_recipient.encode(),
        identity.public.key_id_hex.encode(),
    ):
        assert needle not in raw
        assert needle not in everything
    assert len(rows) == 1 and len(rows[0][1]) == 64  # an HMAC, not the key


def test_a_sealed_card_moved_to_another_row_fails(vault: Vault) -> None:
    repo = _repo(vault)
    a = repo.add(card_data(parse_card(_card(Identity.generate()))))
    b = repo.add(card_data(parse_card(_card(Identity.generate(), "Other"))))
    db = vault._unlocked().db
    with db.engine.begin() as conn:
        blob = conn.exec_driver_sql("SELECT blob FROM contacts WHERE id = ?", (a.id,)).scalar()
        conn.exec_driver_sql("UPDATE contacts SET blob = ? WHERE id = ?", (blob, b.id))
    with pytest.raises(RecordTampered):
        repo.get(b.id)


def test_card_dates_round_trip(vault: Vault) -> None:
    card = parse_card(_card(Identity.generate()))
    stored = _repo(vault).add(card_data(card))
    assert stored.card.created == card.created and stored.card.expires == card.expires
    assert stored.card.created <= datetime.now(UTC)
