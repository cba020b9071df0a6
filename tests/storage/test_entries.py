"""The entry repository on a real vault file: sealed, immutable revisions, heads that
move in one transaction, the unlock read path and the bulk reads of bundles."""

from __future__ import annotations

import io
import os
from datetime import date
from pathlib import Path

import pytest

from reflectdesk.domain.index_doc import IndexDoc
from reflectdesk.domain.model import EntryContent, Space
from reflectdesk.errors import EntryNotFound, JournalNotFound, RecordTampered
from reflectdesk.services.vault import Vault
from reflectdesk.storage.entries import EntryRepo, id_parts
from tests.support import PASSPHRASE, CreatedVault, raw_db

TITLE = "Clase de fracciones CANARYentry"


def _repo(vault: Vault) -> EntryRepo:
    return vault._unlocked().entries


def _content(title: str = TITLE, body: str = "hola") -> EntryContent:
    return EntryContent(
        title=title,
        sections={"body": body},
        tags=("fracciones",),
        standards=("A1",),
        event_date=date(2026, 4, 2),
    )


def test_create_revise_and_history(vault: Vault) -> None:
    repo = _repo(vault)
    journal = vault.journals.create("J")
    first = repo.create(journal.id, _content(), "autora")
    assert repo.get(first.id) == first  # what create returned is what a read gives
    same, changed = repo.revise(first.id, _content(), "autora")
    assert not changed and same.head.id == first.head.id  # no new revision for no change
    second, changed = repo.revise(first.id, _content(body="otra"), "autora")
    assert changed and second.head.seq == 2 and second.head.parent_ids == (first.head.id,)
    assert [r.seq for r in repo.history(first.id)] == [1, 2]
    assert repo.revision(first.id, first.head.id).content == _content()
    assert repo.get(first.id).head.content.sections["body"] == "otra"
    assert repo.revision_counts() == {first.id: 2}
    assert repo.count() == 1 and repo.exists(first.id) and not repo.exists("nope")


def test_missing_ids_are_specific_errors(vault: Vault) -> None:
    repo = _repo(vault)
    journal = vault.journals.create("J")
    entry = repo.create(journal.id, _content(), "autora")
    with pytest.raises(JournalNotFound):
        repo.create("no-such-journal", _content(), "autora")
    with pytest.raises(EntryNotFound):
        repo.get("no-such-entry")
    with pytest.raises(EntryNotFound):
        repo.revision(entry.id, "no-such-revision")
    with pytest.raises(JournalNotFound):
        repo.move(entry.id, "no-such-journal")


def test_move_keeps_the_entry_and_lists_it_in_the_new_journal(vault: Vault) -> None:
    repo = _repo(vault)
    a, b = vault.journals.create("A"), vault.journals.create("B")
    entry = repo.create(a.id, _content(), "autora")
    repo.move(entry.id, b.id)
    assert repo.get(entry.id).journal_id == b.id
    assert repo.ids_in_journal(a.id) == [] and repo.ids_in_journal(b.id) == [entry.id]
    assert repo.locations([entry.id])[entry.id].space is Space.OWN


def test_head_docs_are_what_the_index_builds_from_the_content(vault: Vault) -> None:
    repo = _repo(vault)
    journal = vault.journals.create("J")
    entry = repo.create(journal.id, _content(), "autora")
    entry, _ = repo.revise(entry.id, _content(body="segunda"), "autora")
    (doc,) = list(repo.iter_head_docs())
    ms = int(entry.created_at.timestamp() * 1000)
    updated = int(entry.updated_at.timestamp() * 1000)
    assert doc == IndexDoc.from_content(entry.id, journal.id, ms, updated, 2, entry.head.content)


def test_bulk_reads_for_bundles(vault: Vault, tmp_path: Path) -> None:
    repo = _repo(vault)
    journal = vault.journals.create("J")
    entry = repo.create(journal.id, _content(), "autora")
    entry, _ = repo.revise(entry.id, _content(body="dos"), "autora")
    data = os.urandom(1024 * 1024 + 5)  # two sealed chunks
    info = vault._unlocked().attachments.add(entry.id, io.BytesIO(data), "a.bin", "x/y")
    assert repo.head_authors([entry.id]) == {entry.id: "autora"}
    stored = repo.stored_revisions([entry.head.id, "unknown"])
    assert list(stored) == [entry.head.id] and stored[entry.head.id].entry_id == entry.id
    assert repo.attachment_owners([info.id, "unknown"]) == {info.id: entry.id}
    (head_only,) = repo.export_entries([entry.id], history=False, attachments=False)
    assert [r.seq for r in head_only.revisions] == [2] and head_only.entry.attachments == ()
    (full,) = repo.export_entries([entry.id], history=True, attachments=True)
    assert [r.seq for r in full.revisions] == [1, 2] and full.entry.attachments == (info,)
    assert repo.attachment_data(info) == data
    with pytest.raises(EntryNotFound):
        repo.export_entries(["missing"], history=False, attachments=False)


def test_a_chunk_removed_from_the_file_is_caught(created: CreatedVault) -> None:
    vault = created.vault
    repo = _repo(vault)
    entry = repo.create(vault.journals.create("J").id, _content(), "autora")
    info = vault._unlocked().attachments.add(
        entry.id, io.BytesIO(os.urandom(1024 * 1024 + 5)), "a.bin", "x/y"
    )
    # A second writer on the file, as someone with the disk would be.
    with raw_db(created.path) as conn:
        conn.execute("DELETE FROM attachment_chunks WHERE attachment_id = ? AND idx = 1", [info.id])
    with pytest.raises(RecordTampered):
        repo.attachment_data(info)


def test_ids_are_queried_in_bounded_slices() -> None:
    ids = [str(n) for n in range(1201)]
    parts = list(id_parts(ids))
    assert [len(p) for p in parts] == [500, 500, 201]
    assert [i for p in parts for i in p] == ids


# -- editing sessions: amending the session's revision (docs/history.md) -------------------
def test_amend_replaces_the_sessions_revision_in_place_of_the_graph(vault: Vault) -> None:
    repo = _repo(vault)
    journal = vault.journals.create("J")
    first = repo.create(journal.id, _content(), vault._unlocked().author, started=1_000)
    assert first.head.started_at is not None and first.head.started_at.year == 1970
    author = vault._unlocked().author
    second, _ = repo.revise_from(first.id, first.head.id, _content(body="dos"), author, 2_000)
    amended = repo.amend(first.id, second.head.id, _content(body="dos y tres"), author)
    assert amended is not None
    new = amended.head
    assert new.id != second.head.id  # a new id: the index and the vault state see the change
    assert (new.seq, new.parent_ids) == (2, (first.head.id,))
    assert new.started_at == second.head.started_at  # the session's start is kept
    assert [r.id for r in repo.history(first.id)] == [first.head.id, new.id]
    assert repo.get(first.id) == amended
    with pytest.raises(EntryNotFound):
        repo.revision(first.id, second.head.id)  # the replaced revision is gone
    # The same content again: nothing written.
    same = repo.amend(first.id, new.id, _content(body="dos y tres"), author)
    assert same is not None and same.head.id == new.id


def test_amend_refuses_what_is_not_the_sessions_head(vault: Vault) -> None:
    repo = _repo(vault)
    author = vault._unlocked().author
    journal = vault.journals.create("J")
    entry = repo.create(journal.id, _content(), author)
    second, _ = repo.revise(entry.id, _content(body="dos"), author)
    assert repo.amend(entry.id, entry.head.id, _content(body="x"), author) is None  # not head
    assert repo.amend(entry.id, second.head.id, _content(body="x"), "someone") is None
    assert repo.get(entry.id).head.id == second.head.id


def test_what_an_export_read_is_never_amended(vault: Vault, tmp_path: Path) -> None:
    repo = _repo(vault)
    author = vault._unlocked().author
    journal = vault.journals.create("J")
    entry = repo.create(journal.id, _content(), author)
    # An export reading it (the bundle log is written later): frozen from the read on.
    repo.export_entries([entry.id], history=False, attachments=False)
    assert repo.amend(entry.id, entry.head.id, _content(body="x"), author) is None
    # A new revision after it is the next session's, and may be amended.
    second, _ = repo.revise(entry.id, _content(body="dos"), author)
    assert repo.amend(entry.id, second.head.id, _content(body="tres"), author) is not None


def test_a_revision_logged_as_sent_is_never_amended_even_after_a_restart(
    created: CreatedVault, tmp_path: Path
) -> None:
    from reflectdesk.domain.model import ExportRequest

    vault = created.vault
    journal = vault.journals.create("J")
    entry = vault.entries.add(journal.id, _content())
    vault.exports.export(ExportRequest(recipients=(), entry_ids=(entry.id,)), tmp_path)
    vault.lock()
    vault.unlock(PASSPHRASE)  # a fresh repository: nothing in memory, the bundle log says it
    repo = _repo(vault)
    author = vault._unlocked().author
    assert repo.amend(entry.id, entry.head.id, _content(body="x"), author) is None
    assert repo.get(entry.id).head.id == entry.head.id


def test_an_amended_revision_put_back_with_its_head_is_caught_at_unlock(
    created: CreatedVault,
) -> None:
    """Why an amend writes a new id: the replaced revision's row and the head that named
    it are an older copy of trust rows, which the sealed vault state sees put back (an
    amend in place, same id, would let an older blob of it be put back unseen)."""
    from reflectdesk.errors import VaultStateTampered

    vault = created.vault
    repo = _repo(vault)
    author = vault._unlocked().author
    journal = vault.journals.create("J")
    entry = repo.create(journal.id, _content(), author, started=1)
    conn = raw_db(created.path)
    old_row = conn.execute(
        "SELECT id, entry_id, seq, created_at, size, blob FROM entry_revisions WHERE id = ?",
        (entry.head.id,),
    ).fetchone()
    conn.close()
    amended = repo.amend(entry.id, entry.head.id, _content(body="después"), author)
    assert amended is not None
    vault.lock()
    vault.unlock(PASSPHRASE)  # the amend kept the sealed state current
    assert vault.entries.get(entry.id).content.sections["body"] == "después"
    vault.close()
    conn = raw_db(created.path)
    conn.execute("INSERT INTO entry_revisions VALUES (?, ?, ?, ?, ?, ?)", old_row)
    conn.execute("UPDATE entries SET head_revision_id = ? WHERE id = ?", (old_row[0], entry.id))
    conn.execute("DELETE FROM entry_revisions WHERE id = ?", (amended.head.id,))
    conn.commit()
    conn.close()
    again = Vault.open(created.path)
    try:
        with pytest.raises(VaultStateTampered):
            again.unlock(PASSPHRASE)
    finally:
        again.close()


def test_an_export_still_writing_its_bundle_freezes_what_it_read(vault: Vault) -> None:
    """The window between an export's read and its bundle log row: the amend (on the
    writer thread) must not replace what the export (on another thread) is writing."""
    import threading

    repo = _repo(vault)
    author = vault._unlocked().author
    journal = vault.journals.create("J")
    entry = repo.create(journal.id, _content(), author)
    real = repo._export_entries
    read, release = threading.Event(), threading.Event()

    def reading(*args: object, **kwargs: object) -> object:
        out = real(*args, **kwargs)  # type: ignore[arg-type]
        read.set()
        release.wait(10)  # the bundle being encrypted and written
        return out

    repo._export_entries = reading  # type: ignore[method-assign]
    exporting = threading.Thread(
        target=repo.export_entries,
        args=([entry.id],),
        kwargs={"history": False, "attachments": False},
    )
    exporting.start()
    try:
        assert read.wait(10)
        assert repo.amend(entry.id, entry.head.id, _content(body="x"), author) is None
    finally:
        release.set()
        exporting.join(10)
    assert repo.amend(entry.id, entry.head.id, _content(body="x"), author) is None
    assert repo.get(entry.id).head.id == entry.head.id
