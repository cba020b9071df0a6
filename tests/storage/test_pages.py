"""The page-encrypted file (storage/pages.py): what an attacker without the key can do
to it with ordinary file tools, and what the app says."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reflectdesk.domain.model import EntryContent
from reflectdesk.errors import RecordTampered, VaultDamaged, VaultStateTampered
from reflectdesk.services.vault import Vault
from reflectdesk.storage.database import DB_NAME
from reflectdesk.storage.pages import DB_ERRORS, page_key
from tests.support import PASSPHRASE, CreatedVault, page_key_of

PAGE = 4096  # SQLCipher 4's default page size (docs/vault-format.md)


def _pages(path: Path) -> list[bytes]:
    data = path.read_bytes()
    assert len(data) % PAGE == 0
    return [data[i : i + PAGE] for i in range(0, len(data), PAGE)]


def _write_pages(path: Path, pages: list[bytes]) -> None:
    path.write_bytes(b"".join(pages))
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def _opens_current(path: Path, entry_id: str) -> str:
    """Unlock and read everything the edit touched: 'detected' (a clear error) or
    'current' (the vault reads as after the edit); anything else fails the test."""
    vault = Vault.open(path)
    try:
        vault.unlock(PASSPHRASE)
        assert vault.entries.get(entry_id).content.title == "después"
        if [s.title for s in vault.entries.list()] != ["después"]:
            # An older page of the index's rows (search_meta) while its covering index
            # (entry_id, head) is current: the catch-up sees the right head, the list
            # shows the old title until the next save. Not a trust record; SQLite's own
            # check finds the disagreement (docs/threat-model.md).
            assert "search_meta" in vault.integrity_check()
            return "search rows"
        if [h.entry_id for h in vault.search.query("despues")] != [entry_id] or (
            vault.search.query("antes") != []
        ):
            # An older page of the FTS5 postings: matching is off for that entry (what
            # is shown, the title and snippet, comes from the current row). Not a trust
            # record; FTS5's own check finds it (docs/threat-model.md).
            with pytest.raises(DB_ERRORS):
                vault._unlocked().index.integrity_check()
            return "search postings"
        check = vault.integrity_check()
        if "index search_meta_facts" in check:
            # An older page of the dashboard's covering index: the dashboard may count
            # that entry with its older template, date or standards until it is written
            # again. Not a trust record; SQLite's own check names it (docs/threat-model.md).
            return "dashboard index"
        if check != "ok":
            # The stated gap (docs/threat-model.md): the revisions' table is not checked
            # against its indexes at unlock (the vault-state MAC reads the index), so an
            # older page of the table can hold a revision row the index no longer has;
            # the head, its text, the history and the search stay right.
            assert "index ix_rev_entry_seq_id" in check or "index ix_entry_revisions" in check, (
                check
            )
            return "revisions index"
        return "current"
    except (VaultDamaged, VaultStateTampered, RecordTampered):
        return "detected"
    finally:
        vault.close()


def test_the_page_key_comes_from_the_data_key(created: CreatedVault) -> None:
    dek = created.vault._unlocked().cipher.key
    created.vault.close()
    assert page_key_of(created.path) == page_key(dek) != dek
    raw = (created.path / DB_NAME).read_bytes()
    assert not raw.startswith(b"SQLite format 3")


def test_every_older_page_put_back_is_detected_or_harmless(
    created: CreatedVault, tmp_path: Path
) -> None:
    """SQLCipher authenticates a page and its number, not its age: an older copy of a
    page put back in its place is read without complaint (docs/threat-model.md). Every
    such page is either caught (the sealed vault state, a record's AEAD, SQLite's own
    checks) or changes nothing the app shows (a free page; an index page, which the
    unlock's catch-up rewrites from the records)."""
    v = created.vault
    entry = v.entries.add(v.journals.create("J").id, EntryContent(title="antes"))
    v.close()
    old = tmp_path / "old.db"
    shutil.copy2(created.path / DB_NAME, old)
    with Vault.open(created.path) as vault:
        vault.unlock(PASSPHRASE)
        vault.entries.edit(entry.id, EntryContent(title="después"))
    new_pages = _pages(created.path / DB_NAME)
    old_pages = _pages(old)
    changed = [
        i for i in range(min(len(old_pages), len(new_pages))) if old_pages[i] != new_pages[i]
    ]
    assert changed
    outcomes = {}
    for i in changed:
        pages = list(new_pages)
        pages[i] = old_pages[i]
        _write_pages(created.path / DB_NAME, pages)
        outcomes[i] = _opens_current(created.path, entry.id)
    assert "detected" in outcomes.values(), outcomes
    # And the file as the edit left it still opens.
    _write_pages(created.path / DB_NAME, new_pages)
    assert _opens_current(created.path, entry.id) == "current"


def test_a_page_moved_or_flipped_is_a_damaged_vault(created: CreatedVault) -> None:
    v = created.vault
    for i in range(30):
        v.entries.add(v.journals.create(f"J{i}").id, EntryContent(title=f"t{i}"))
    v.close()
    path = created.path / DB_NAME
    good = _pages(path)
    assert len(good) > 4
    swapped = list(good)
    swapped[2], swapped[3] = good[3], good[2]  # right key, wrong place: HMAC over pgno
    _write_pages(path, swapped)
    with Vault.open(created.path) as vault, pytest.raises(VaultDamaged):
        vault.unlock(PASSPHRASE)
        vault.entries.list()
        vault.integrity_check()
    flipped = list(good)
    page = bytearray(good[1])
    page[100] ^= 1
    flipped[1] = bytes(page)
    _write_pages(path, flipped)
    with Vault.open(created.path) as vault, pytest.raises(VaultDamaged):
        vault.unlock(PASSPHRASE)
        vault.integrity_check()


def test_a_truncated_wal_loses_only_uncommitted_frames(created: CreatedVault) -> None:
    """The WAL's frames are encrypted and checksummed like pages: cut in the middle of a
    frame, SQLite replays the whole transactions before the cut and drops the rest."""
    v = created.vault
    journal = v.journals.create("J").id
    first = v.entries.add(journal, EntryContent(title="primera"))
    db = v._unlocked().db
    db.checkpoint()
    wal = created.path / f"{DB_NAME}-wal"
    # Keep the WAL on close: copy it while open, after one more commit.
    second = v.entries.add(journal, EntryContent(title="segunda"))
    data = wal.read_bytes()
    v.close()
    assert data
    (created.path / f"{DB_NAME}-wal").write_bytes(data[: len(data) - 100])
    (created.path / f"{DB_NAME}-shm").unlink(missing_ok=True)
    with Vault.open(created.path) as vault:
        vault.unlock(PASSPHRASE)
        titles = {s.title for s in vault.entries.list()}
        assert "primera" in titles
        assert vault.entries.get(first.id).content.title == "primera"
        # The cut transaction is gone as a whole (entry and index), never half there.
        assert ("segunda" in titles) == (second.id in {s.id for s in vault.entries.list()})
        assert vault.integrity_check() == "ok"


def test_a_passphrase_change_keeps_the_page_key_and_the_file(created: CreatedVault) -> None:
    """The DEK does not change with the passphrase (only its wrapping), so neither does
    the page key: the database file is not touched, and the new passphrase opens it."""
    v = created.vault
    v.entries.add(v.journals.create("J").id, EntryContent(title="igual"))
    v.close()
    before_key = page_key_of(created.path)
    before = (created.path / DB_NAME).read_bytes()
    with Vault.open(created.path) as vault:
        vault.change_passphrase(PASSPHRASE, "another passphrase 2026")
    assert (created.path / DB_NAME).read_bytes() == before
    assert page_key_of(created.path, "another passphrase 2026") == before_key
    with Vault.open(created.path) as vault:
        vault.unlock("another passphrase 2026")
        assert [s.title for s in vault.entries.list()] == ["igual"]
