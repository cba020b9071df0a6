"""Contacts through the service: the card rules, safety numbers, verification, revocation."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reflectdesk.bundles import Identity, make_card, make_revocation, safety_number
from reflectdesk.crypto.kdf import KdfParams
from reflectdesk.domain.model import CardAction, Changes, Role
from reflectdesk.errors import (
    CardExpired,
    CardInvalid,
    CardKeyRevoked,
    CardSignatureInvalid,
    ContactKeyChanged,
    ContactNotFound,
    ContactSameName,
    RecipientRevoked,
    SafetyNumberMismatch,
)
from reflectdesk.services.vault import NewProfile, Vault
from tests.support import PASSPHRASE

NOW = datetime.now(UTC).replace(microsecond=0)


def card_of(identity: Identity, name: str = "Ana Mentor", **kw: object) -> bytes:
    return make_card(identity, name=name, role=Role.MENTOR, institution="Liceo", **kw)  # type: ignore[arg-type]


@pytest.fixture
def mentor() -> Identity:
    return Identity.generate()


@pytest.fixture
def other_vault(tmp_path: Path) -> Iterator[Vault]:
    vault, _ = Vault.create(
        tmp_path / "mentor",
        PASSPHRASE,
        NewProfile("Ana Mentor", Role.MENTOR, "es", "Liceo"),
        kdf_params=KdfParams.insecure_for_tests(),
    )
    yield vault
    vault.close()


def test_new_card_then_unchanged(vault: Vault, mentor: Identity) -> None:
    changes: list[Changes] = []
    vault.subscribe(changes.append)
    card = card_of(mentor)
    preview = vault.contacts.preview_card(card)
    assert preview.action is CardAction.NEW and not preview.needs_confirmation
    assert preview.safety_number == safety_number(vault.identity.public(), mentor.public)
    assert vault.contacts.list() == []  # a preview stores nothing
    result = vault.contacts.import_card(card)
    assert result.action is CardAction.NEW and result.contact is not None
    contact = result.contact
    assert (contact.name, contact.verified, contact.revoked) == ("Ana Mentor", False, False)
    assert contact.card.signing_key == mentor.public.signing_key
    assert changes[-1] == Changes(contacts=frozenset({contact.id}))
    again = vault.contacts.import_card(card)
    assert again.action is CardAction.UNCHANGED and len(vault.contacts.list()) == 1


def test_safety_numbers_match_on_both_sides(vault: Vault, other_vault: Vault) -> None:
    mine = vault.contacts.import_card(other_vault.identity.card()).contact
    theirs = other_vault.contacts.import_card(vault.identity.card()).contact
    assert mine is not None and theirs is not None
    number = vault.contacts.safety_number(mine.id)
    assert number == other_vault.contacts.safety_number(theirs.id)
    assert len(number.replace(" ", "")) == 60
    with pytest.raises(SafetyNumberMismatch):
        vault.contacts.verify(mine.id, number[:-1] + ("1" if number[-1] != "1" else "2"))
    assert not vault.contacts.get(mine.id).verified
    assert vault.contacts.verify(mine.id, other_vault.contacts.safety_number(theirs.id)).verified
    assert not vault.contacts.unverify(mine.id).verified


def test_renewal_by_the_same_key_is_quiet_and_keeps_verified(
    vault: Vault, mentor: Identity
) -> None:
    contact = vault.contacts.import_card(card_of(mentor, now=NOW - timedelta(days=3))).contact
    assert contact is not None
    vault.contacts.verify(contact.id)
    newer = card_of(mentor, now=NOW)
    preview = vault.contacts.preview_card(newer)
    assert preview.action is CardAction.RENEWAL and not preview.needs_rename_confirmation
    renewed = vault.contacts.import_card(newer).contact
    assert renewed is not None and renewed.id == contact.id
    assert (renewed.name, renewed.verified) == ("Ana Mentor", True)
    assert renewed.card.created == NOW
    older = card_of(mentor, now=NOW - timedelta(days=10))
    assert vault.contacts.import_card(older).action is CardAction.OUTDATED
    assert vault.contacts.get(contact.id).card.created == NOW


def test_rotation_signed_by_the_old_key_makes_a_verified_contact_vouched(vault: Vault, mentor: Identity) -> None:
    contact = vault.contacts.import_card(card_of(mentor, now=NOW - timedelta(days=1))).contact
    assert contact is not None
    vault.contacts.verify(contact.id)
    new_key = Identity.generate()
    rotated = card_of(new_key, previous=mentor)
    assert vault.contacts.preview_card(rotated).action is CardAction.ROTATION
    result = vault.contacts.import_card(rotated)
    assert result.action is CardAction.ROTATION and result.contact is not None
    # Vouched by the old key, no longer "verified" until the new number is compared.
    assert result.contact.id == contact.id
    assert (result.contact.verified, result.contact.vouched) == (False, True)
    assert result.contact.card.signing_key == new_key.public.signing_key
    assert vault.contacts.by_signing_key(mentor.public.signing_key) is None
    assert len(vault.contacts.list()) == 1


def test_key_change_for_a_chosen_contact_warns_and_unverifies(
    vault: Vault, mentor: Identity
) -> None:
    contact = vault.contacts.import_card(card_of(mentor)).contact
    assert contact is not None
    vault.contacts.verify(contact.id)
    stranger_card = card_of(Identity.generate())  # not signed by the pinned key
    preview = vault.contacts.preview_card(stranger_card, replaces=contact.id)
    assert preview.action is CardAction.KEY_CHANGE and preview.needs_confirmation
    with pytest.raises(ContactKeyChanged):
        vault.contacts.import_card(stranger_card, replaces=contact.id)
    kept = vault.contacts.get(contact.id)
    assert kept.card.signing_key == mentor.public.signing_key and kept.verified  # never re-pinned
    changed = vault.contacts.import_card(stranger_card, replaces=contact.id, confirm=True).contact
    assert changed is not None and changed.id == contact.id
    assert (changed.verified, changed.key_changed) == (False, True)
    checked = vault.contacts.verify(contact.id)
    assert (checked.verified, checked.key_changed) == (True, False)


def test_same_name_with_other_keys_warns_and_adds_a_separate_contact(
    vault: Vault, mentor: Identity
) -> None:
    first = vault.contacts.import_card(card_of(mentor)).contact
    assert first is not None
    impostor = card_of(Identity.generate(), name="ana mentor")
    preview = vault.contacts.preview_card(impostor)
    assert preview.action is CardAction.SAME_NAME and preview.contact_id == first.id
    with pytest.raises(ContactSameName):
        vault.contacts.import_card(impostor)
    assert len(vault.contacts.list()) == 1
    second = vault.contacts.import_card(impostor, confirm=True).contact
    assert second is not None and second.id != first.id and not second.verified
    assert vault.contacts.get(first.id).card.signing_key == mentor.public.signing_key


def test_revocation_marks_the_contact_revoked(vault: Vault, mentor: Identity) -> None:
    contact = vault.contacts.import_card(card_of(mentor)).contact
    assert contact is not None
    revocation = make_revocation(mentor)
    assert vault.contacts.preview_card(revocation).action is CardAction.REVOCATION
    result = vault.contacts.import_card(revocation)
    assert result.action is CardAction.REVOCATION
    assert vault.contacts.get(contact.id).revoked
    with pytest.raises(CardKeyRevoked):
        vault.contacts.import_card(card_of(mentor))
    with pytest.raises(RecipientRevoked):
        vault.contacts.recipients((contact.id,))
    with pytest.raises(CardKeyRevoked):
        vault.contacts.verify(contact.id)
    unknown = vault.contacts.import_card(make_revocation(Identity.generate()))
    assert unknown.action is CardAction.REVOCATION_UNKNOWN and unknown.contact is None


def test_revoke_by_hand(vault: Vault, mentor: Identity) -> None:
    contact = vault.contacts.import_card(card_of(mentor)).contact
    assert contact is not None
    assert vault.contacts.revoke(contact.id).revoked
    pinned = vault.contacts.pinned_key(mentor.public.signing_key)
    assert pinned is not None and pinned.revoked and pinned.contact_id == contact.id


def test_bad_cards_are_refused(vault: Vault, mentor: Identity) -> None:
    with pytest.raises(CardInvalid):
        vault.contacts.import_card(vault.identity.card())  # your own
    with pytest.raises(CardInvalid):
        vault.contacts.import_card(b"not a card")
    expired = card_of(mentor, now=NOW - timedelta(days=40), valid_for=timedelta(days=10))
    with pytest.raises(CardExpired):
        vault.contacts.import_card(expired)
    tampered = card_of(mentor).replace(b"Ana Mentor", b"Eva Mentor")
    with pytest.raises(CardSignatureInvalid):
        vault.contacts.import_card(tampered)
    assert vault.contacts.list() == []


def test_resolve(vault: Vault, mentor: Identity) -> None:
    contact = vault.contacts.import_card(card_of(mentor)).contact
    assert contact is not None
    for ref in (contact.id, contact.key_id, contact.id[:-4], "ana mentor"):
        assert vault.contacts.resolve(ref).id == contact.id
    with pytest.raises(ContactNotFound):
        vault.contacts.resolve("nobody")
