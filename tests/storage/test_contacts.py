"""The contact repository: sealed cards, a blind key tag, plaintext flags only."""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reflectdesk.bundles import Identity, make_card, parse_card
from reflectdesk.domain.model import Contact, EntryContent, ExportRequest, Role
from reflectdesk.errors import (
    BundleAuthorKeyRevokedInChain,
    ContactNotFound,
    RecipientRevoked,
    RecordTampered,
    VaultStateTampered,
)
from reflectdesk.services.contacts import card_data
from reflectdesk.services.vault import Vault
from reflectdesk.storage.contacts import ContactRepo
from tests.support import PASSPHRASE, CreatedVault, as_format_1, raw_db

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
    conn = raw_db(created.path)
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


# --- issue 10, point 3: the state that decides trust is sealed -----------------------------
def _sql(path: Path, statement: str, *args: object) -> list[tuple[object, ...]]:
    conn = raw_db(path)
    try:
        rows = conn.execute(statement, args).fetchall()
        conn.commit()
        return rows
    finally:
        conn.close()


@pytest.fixture
def reopen(created: CreatedVault) -> Iterator[Callable[[], Vault]]:
    """Close the vault and open it again (the fixture closes the new one)."""
    opened: list[Vault] = []

    def run() -> Vault:
        created.vault.close()
        vault = Vault.open(created.path)
        opened.append(vault)
        vault.unlock(PASSPHRASE)
        return vault

    yield run
    for vault in opened:
        vault.close()


def test_editing_the_trust_columns_of_the_closed_vault_changes_nothing(
    created: CreatedVault, reopen: Callable[[], Vault], tmp_path: Path
) -> None:
    """A revoked, verified-before contact: its row edited to verified, not revoked."""
    from tests.services.bundle_helpers import exchange_cards, new_vault, table_digest

    mentor = new_vault(tmp_path / "mentor", "Ana Mentor")
    try:
        at_me, me_at_mentor = exchange_cards(created.vault, mentor)
        created.vault.contacts.verify(at_me)
        created.vault.contacts.import_card(mentor.identity.revocation())
        assert _sql(created.path, "SELECT verified, revoked FROM contacts") == [(0, 0)]  # no leak
        journal = mentor.journals.create("Retro")
        entry = mentor.entries.add(journal.id, EntryContent(title="Nota"))
        out = tmp_path / "out"
        out.mkdir()
        bundle = mentor.exports.export(
            ExportRequest(recipients=(me_at_mentor,), entry_ids=(entry.id,)), out
        ).path
    finally:
        mentor.close()
    created.vault.close()
    _sql(created.path, "UPDATE contacts SET verified = 1, revoked = 0")
    vault = reopen()
    contact = vault.contacts.get(at_me)
    assert (contact.revoked, contact.verified) == (True, False)
    before = table_digest(created.path)
    with pytest.raises(BundleAuthorKeyRevokedInChain):
        vault.imports.import_bundle(bundle)
    with pytest.raises(RecipientRevoked):
        vault.contacts.recipients((at_me,))
    assert table_digest(created.path) == before


def test_an_edited_or_swapped_contact_record_is_caught_at_unlock(created: CreatedVault) -> None:
    repo = _repo(created.vault)
    a = repo.add(card_data(parse_card(_card(Identity.generate()))), verified=True)
    b = repo.add(card_data(parse_card(_card(Identity.generate(), "Other"))))
    created.vault.close()
    # b takes a's sealed record (and its revision): a second "verified" contact.
    _sql(
        created.path,
        "UPDATE contacts SET blob = (SELECT blob FROM contacts WHERE id = ?), "
        "rev = (SELECT rev FROM contacts WHERE id = ?) WHERE id = ?",
        a.id,
        a.id,
        b.id,
    )
    vault = Vault.open(created.path)
    try:
        # The vault-wide state sees it first (the record's own binding would next).
        with pytest.raises(VaultStateTampered) as caught:
            vault.unlock(PASSPHRASE)
        assert caught.value.detail == "contacts"
        assert not vault.is_unlocked
    finally:
        vault.close()


def test_an_old_record_from_before_sealing_put_back_is_caught_at_unlock(
    created: CreatedVault,
) -> None:
    """The one-time migration cannot be replayed to seal flags an attacker wrote."""
    repo = _repo(created.vault)
    contact = repo.add(card_data(parse_card(_card(Identity.generate()))))
    cipher = created.vault._unlocked().cipher
    old = _legacy_doc(contact)
    blob = cipher.seal_json("contacts", contact.id, 1, old)  # an old copy, from a backup
    created.vault.close()
    _sql(created.path, "UPDATE contacts SET blob = ?, rev = 1, verified = 1", blob)
    vault = Vault.open(created.path)
    try:
        with pytest.raises(VaultStateTampered):
            vault.unlock(PASSPHRASE)
    finally:
        vault.close()


def _legacy_doc(contact: Contact) -> dict[str, object]:
    card = contact.card
    return {
        "name": card.name,
        "role": card.role.value,
        "institution": card.institution,
        "age_recipient": card.age_recipient,
        "signing_key": base64.b64encode(card.signing_key).decode(),
        "key_id": card.key_id,
        "created": int(card.created.timestamp() * 1000),
        "expires": int(card.expires.timestamp() * 1000),
        "card": base64.b64encode(card.raw).decode(),
        "key_changed": False,
    }


def test_a_vault_from_before_0_3_is_sealed_at_unlock(
    created: CreatedVault, reopen: Callable[[], Vault]
) -> None:
    repo = _repo(created.vault)
    verified = repo.add(card_data(parse_card(_card(Identity.generate()))))
    revoked = repo.add(card_data(parse_card(_card(Identity.generate(), "Other"))))
    cipher = created.vault._unlocked().cipher
    rows = [
        (cipher.seal_json("contacts", c.id, 1, _legacy_doc(c)), flags, c.id)
        for c, flags in ((verified, (1, 0)), (revoked, (0, 1)))
    ]
    as_format_1(created)  # 0.2 had no sealed vault state either
    for blob, (v, r), row_id in rows:  # what 0.2 wrote: the card sealed, the flags plain
        _sql(
            created.path,
            "UPDATE contacts SET blob = ?, rev = 1, verified = ?, revoked = ? WHERE id = ?",
            blob,
            v,
            r,
            row_id,
        )
    _sql(created.path, "DELETE FROM meta WHERE key = 'contacts_trust_sealed'")
    vault = reopen()
    got = {c.id: (c.verified, c.revoked) for c in vault.contacts.list()}
    assert got == {verified.id: (True, False), revoked.id: (False, True)}
    assert _sql(created.path, "SELECT verified, revoked, rev FROM contacts") == [(0, 0, 2)] * 2
    assert _sql(created.path, "SELECT value FROM meta WHERE key = 'contacts_trust_sealed'") == [
        ("1",)
    ]
    # Every sealed record, for the vault-wide MAC (issue 10, point 3).
    sealed = _repo(vault).sealed_records()
    assert sorted(i for i, _ in sealed) == sorted((verified.id, revoked.id))
