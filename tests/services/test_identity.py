"""The profile's key pair: made with the vault, sealed in it, exported on request."""

from __future__ import annotations

from pathlib import Path

import pytest

from reflectdesk.bundles import Identity, parse_card, parse_revocation
from reflectdesk.domain.model import EntryContent, Role
from reflectdesk.errors import FileUnwritable, InvalidValue
from reflectdesk.services.vault import Vault
from tests.support import PASSPHRASE, CreatedVault, as_format_1, raw_db


def test_created_with_the_vault_and_stable_across_unlocks(created: CreatedVault) -> None:
    vault = created.vault
    info = vault.identity.info()
    assert len(info.key_id) == 16 and info.age_recipient.startswith("age1")
    vault.lock()
    vault.unlock(PASSPHRASE)
    assert vault.identity.info() == info
    assert vault.identity.public().key_id_hex == info.key_id


def test_private_keys_are_sealed_in_the_vault(created: CreatedVault) -> None:
    secret = created.vault.identity.key_pair()
    seed_and_age = secret.to_bytes()[13:]
    age_secret = secret.export_age_identity_text().splitlines()[-1].encode()
    created.vault.close()
    for path in created.path.iterdir():
        data = path.read_bytes()
        assert seed_and_age[:32] not in data
        assert age_secret not in data
        assert age_secret.lower() not in data


def test_an_older_vault_gets_a_key_pair_at_unlock(created: CreatedVault) -> None:
    as_format_1(created)
    with raw_db(created.path) as conn:  # as before identities existed
        conn.execute("DELETE FROM secrets WHERE id = 'identity'")
    conn.close()
    vault = Vault.open(created.path)
    try:
        vault.unlock(PASSPHRASE)
        first = vault.identity.info()
        vault.lock()
        vault.unlock(PASSPHRASE)
        assert vault.identity.info() == first  # stored the first time, not made again
    finally:
        vault.close()


def test_revisions_record_the_signing_key_id(vault: Vault) -> None:
    journal = vault.journals.create("Práctica")
    entry = vault.entries.add(journal.id, EntryContent(title="uno"))
    edited = vault.entries.edit(entry.id, EntryContent(title="dos"))
    key_id = vault.identity.info().key_id
    assert [r.author for r in vault.entries.history(edited.id)] == [key_id, key_id]


def test_exports(vault: Vault, tmp_path: Path) -> None:
    age_file = tmp_path / "id.txt"
    vault.identity.export_age_identity(age_file)
    assert age_file.stat().st_mode & 0o777 == 0o600
    text = age_file.read_text()
    assert vault.identity.info().age_recipient in text and "AGE-SECRET-KEY-1" in text
    pub = tmp_path / "pub.key"
    vault.identity.export_minisign_public_key(pub)
    assert pub.read_text().startswith(
        f"untrusted comment: minisign public key {vault.identity.info().minisign_key_id}\n"
    )


def test_card_carries_the_profile_and_both_keys(vault: Vault, tmp_path: Path) -> None:
    out = tmp_path / "me.rdcard"
    raw = vault.identity.export_card(
        out, institution="UC", valid_days=30, qr_svg=tmp_path / "q.svg", qr_png=tmp_path / "q.png"
    )
    card = parse_card(out.read_bytes())
    assert raw == out.read_bytes()
    assert (card.name, card.role, card.institution) == ("Camila Pérez", Role.STUDENT, "UC")
    assert card.public == vault.identity.public()
    assert (card.expires - card.created).days == 30
    assert (tmp_path / "q.svg").read_text().startswith("<svg")
    assert (tmp_path / "q.png").read_bytes().startswith(b"\x89PNG")
    assert parse_card(vault.identity.card()).institution == "Liceo Bicentenario"
    with pytest.raises(InvalidValue):
        vault.identity.card(valid_days=0)


def test_revocation_is_signed_by_the_key(vault: Vault) -> None:
    revocation = parse_revocation(vault.identity.revocation())
    assert revocation.public == vault.identity.public()
    assert isinstance(vault.identity.key_pair(), Identity)


def test_card_qr_codes_are_written_whole(created: CreatedVault, tmp_path: Path) -> None:
    vault = created.vault
    tmp_path = tmp_path / "qr"
    tmp_path.mkdir()
    card = vault.identity.card()
    svg = vault.identity.card_qr_svg(card)
    assert svg.lstrip().startswith(b"<svg") and svg.rstrip().endswith(b"</svg>")
    vault.identity.export_card_qr(tmp_path / "c.png", "png", card)
    vault.identity.export_card_qr(tmp_path / "c.svg", "svg", card)
    assert (tmp_path / "c.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert (tmp_path / "c.svg").read_bytes() == svg
    assert (tmp_path / "c.png").stat().st_mode & 0o777 == 0o644  # a public file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.png", "c.svg"]  # no temp left
    with pytest.raises(FileUnwritable):
        vault.identity.export_card_qr(tmp_path / "missing" / "c.png", "png")


def test_reading_your_keys_never_waits_for_the_write_lock(vault: Vault) -> None:
    """Issue 12, point 5: an import holds the vault's write lock for its whole length;
    your card, key id and safety numbers (shown on the GUI thread) must not wait for it."""
    import threading

    holding, release = threading.Event(), threading.Event()
    state = vault._unlocked()

    def writer() -> None:  # what a long import does with the lock
        with state.write_lock:
            holding.set()
            release.wait(10)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert holding.wait(5)
        done: list[object] = []
        reader = threading.Thread(
            target=lambda: done.extend([vault.identity.info(), vault.identity.card()])
        )
        reader.start()
        reader.join(2)
        assert len(done) == 2, "reading the key pair waited for the write lock"
        assert parse_card(done[1]).key_id_hex == vault.identity.info().key_id  # type: ignore[arg-type]
    finally:
        release.set()
        thread.join()


def test_rotate_says_whether_the_old_key_vouched(vault: Vault) -> None:
    old = vault.identity.info().key_id
    rotation = vault.identity.rotate()
    assert rotation.vouched and rotation.key_id == vault.identity.info().key_id != old
    assert parse_card(rotation.card).previous_signing_key is not None
    vault.identity.revocation()
    rotation = vault.identity.rotate()  # asked to vouch, but the key was revoked
    assert not rotation.vouched and parse_card(rotation.card).previous_signing_key is None
