"""Ciphertexts are bound to their row: swapping or editing them is detected."""

from __future__ import annotations

from pathlib import Path

import pytest

from reflectdesk.domain.model import EntryContent
from reflectdesk.errors import RecordTampered, VaultStateTampered
from reflectdesk.services.vault import Vault
from tests.support import PASSPHRASE, CreatedVault, raw_db


def _reopen(created: CreatedVault) -> Vault:
    created.vault.close()
    vault = Vault.open(created.path)
    return vault


def test_swapping_two_revisions_is_detected(created: CreatedVault) -> None:
    j = created.vault.journals.create("J")
    a = created.vault.entries.add(j.id, EntryContent(title="A", sections={"body": "alpha"}))
    b = created.vault.entries.add(j.id, EntryContent(title="B", sections={"body": "beta"}))
    created.vault.close()
    with raw_db(created.path) as conn:
        blob_a = conn.execute(
            "SELECT blob FROM entry_revisions WHERE id=?", (a.head.id,)
        ).fetchone()[0]
        blob_b = conn.execute(
            "SELECT blob FROM entry_revisions WHERE id=?", (b.head.id,)
        ).fetchone()[0]
        conn.execute("UPDATE entry_revisions SET blob=? WHERE id=?", (blob_b, a.head.id))
        conn.execute("UPDATE entry_revisions SET blob=? WHERE id=?", (blob_a, b.head.id))
    vault = Vault.open(created.path)
    vault.unlock(PASSPHRASE)  # unlock reads no head since the index is kept (format 3)
    with pytest.raises(RecordTampered):
        vault.entries.get(a.id)
    with pytest.raises(RecordTampered):
        vault.entries.get(b.id)
    vault.close()


def test_swapping_revisions_of_one_entry_is_detected(created: CreatedVault) -> None:
    j = created.vault.journals.create("J")
    e = created.vault.entries.add(j.id, EntryContent(title="v1"))
    e2 = created.vault.entries.edit(e.id, EntryContent(title="v2"))
    first = created.vault.entries.history(e.id)[0]
    created.vault.close()
    with raw_db(created.path) as conn:
        old = conn.execute("SELECT blob FROM entry_revisions WHERE id=?", (first.id,)).fetchone()
        # Roll the head back by copying the old ciphertext over it.
        conn.execute("UPDATE entry_revisions SET blob=? WHERE id=?", (old[0], e2.head.id))
    vault = Vault.open(created.path)
    vault.unlock(PASSPHRASE)
    with pytest.raises(RecordTampered):
        vault.entries.get(e.id)
    vault.close()


def test_swapping_journal_titles_is_detected(created: CreatedVault) -> None:
    j1 = created.vault.journals.create("Uno")
    j2 = created.vault.journals.create("Dos")
    created.vault.close()
    with raw_db(created.path) as conn:
        b1 = conn.execute("SELECT blob FROM journals WHERE id=?", (j1.id,)).fetchone()[0]
        conn.execute("UPDATE journals SET blob=? WHERE id=?", (b1, j2.id))
    vault = Vault.open(created.path)
    # Journals are trust records (space, author): the sealed vault state sees it first.
    with pytest.raises(VaultStateTampered):
        vault.unlock(PASSPHRASE)
    vault.close()


def test_reordered_attachment_chunks_detected(created: CreatedVault, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from reflectdesk.storage.attachments import CHUNK_SIZE

    src = tmp_path / "photo.jpg"
    src.write_bytes(b"a" * CHUNK_SIZE + b"b" * CHUNK_SIZE + b"c" * 10)
    j = created.vault.journals.create("J")
    e = created.vault.entries.add(j.id, EntryContent(title="x"), [src])
    att = e.attachments[0].id
    created.vault.close()
    with raw_db(created.path) as conn:
        c0 = conn.execute(
            "SELECT blob FROM attachment_chunks WHERE attachment_id=? AND idx=0", (att,)
        ).fetchone()[0]
        c1 = conn.execute(
            "SELECT blob FROM attachment_chunks WHERE attachment_id=? AND idx=1", (att,)
        ).fetchone()[0]
        conn.execute(
            "UPDATE attachment_chunks SET blob=? WHERE attachment_id=? AND idx=0", (c1, att)
        )
        conn.execute(
            "UPDATE attachment_chunks SET blob=? WHERE attachment_id=? AND idx=1", (c0, att)
        )
    vault = Vault.open(created.path)
    vault.unlock(PASSPHRASE)
    with pytest.raises(RecordTampered):
        vault.entries.attachment_bytes(att)
    vault.close()


def test_truncated_attachment_detected(created: CreatedVault, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from reflectdesk.storage.attachments import CHUNK_SIZE

    src = tmp_path / "doc.pdf"
    src.write_bytes(b"z" * (CHUNK_SIZE * 2 + 5))
    j = created.vault.journals.create("J")
    e = created.vault.entries.add(j.id, EntryContent(title="x"), [src])
    att = e.attachments[0].id
    created.vault.close()
    with raw_db(created.path) as conn:
        conn.execute("DELETE FROM attachment_chunks WHERE attachment_id=? AND idx=2", (att,))
        conn.execute("UPDATE attachments SET chunk_count=2 WHERE id=?", (att,))
    vault = Vault.open(created.path)
    vault.unlock(PASSPHRASE)
    with pytest.raises(RecordTampered):
        vault.entries.attachment_bytes(att)
    vault.close()


def test_moving_an_attachment_to_another_entry_is_detected(
    created: CreatedVault, tmp_path: Path
) -> None:
    """attachments.entry_id is a plaintext column; the sealed metadata repeats it."""
    j = created.vault.journals.create("J")
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(b"\xff\xd8 not really a photo")
    a = created.vault.entries.add(j.id, EntryContent(title="A"), [photo])
    b = created.vault.entries.add(j.id, EntryContent(title="B"))
    (att,) = created.vault.entries.get(a.id).attachments
    created.vault.close()
    with raw_db(created.path) as conn:
        conn.execute("UPDATE attachments SET entry_id=? WHERE id=?", (b.id, att.id))
    vault = Vault.open(created.path)
    # Attachments are trust records too: the sealed vault state refuses the unlock
    # before the sealed metadata's own check (on every read) is reached.
    with pytest.raises(VaultStateTampered) as caught:
        vault.unlock(PASSPHRASE)
    assert caught.value.detail == "attachments"
    vault.close()
    del b
