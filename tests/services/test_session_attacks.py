"""Adversary review of editing sessions (docs/history.md; attack2, 03 Dec): an amend must
never rewrite a revision that left the device, whatever the timing (an export racing the
autosaves, a wall clock stepped back), and the closed file must not take back an
amended-away revision unseen. Real vaults, real exports, real threads."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from reflectdesk.domain.model import EntryContent, ExportRequest
from reflectdesk.errors import EntryNotFound, VaultStateTampered
from reflectdesk.services.vault import Vault
from reflectdesk.storage import entries as entries_storage
from tests.support import PASSPHRASE, CreatedVault, raw_db


def _content(body: str) -> EntryContent:
    return EntryContent(title="Clase", sections={"body": body})


def test_an_export_racing_the_autosaves_never_loses_what_it_read(
    vault: Vault, tmp_path: Path
) -> None:
    """Exports on one thread, an editing session saving as fast as it can on another:
    every revision any export read is still in the history with the content it read."""
    journal = vault.journals.create("J")
    entry = vault.entries.add(journal.id, _content("0"))
    repo = vault._unlocked().entries
    read: list[tuple[str, str]] = []  # (revision id, content hash) each export carried
    stop = threading.Event()
    errors: list[BaseException] = []

    def exporting() -> None:
        try:
            while not stop.is_set():
                for item in repo.export_entries([entry.id], history=False, attachments=False):
                    head = item.entry.head
                    read.append((head.id, head.content.content_hash()))
                stop.wait(0.02)  # saves in between: some are amends, some meet an export
        except BaseException as exc:  # reported below
            errors.append(exc)

    worker = threading.Thread(target=exporting)
    worker.start()
    base = session = entry.head.id
    amended = 0
    try:
        deadline = time.monotonic() + 3
        n = 0
        while time.monotonic() < deadline:
            n += 1
            seq = vault.entries.get(entry.id).head.seq
            after, written = vault.entries.edit_from(
                entry.id, _content(str(n)), base, amend=session
            )
            amended += after.head.seq == seq  # replaced in place of the graph
            base = session = written
    finally:
        stop.set()
        worker.join()
    assert errors == [] and read and n > 5 and amended > 0
    history = {r.id: r.content.content_hash() for r in vault.entries.history(entry.id)}
    for rev_id, digest in read:
        assert history.get(rev_id) == digest, "an exported revision was amended away"


def test_a_real_bundle_export_then_a_save_keeps_the_exported_revision(
    vault: Vault, tmp_path: Path
) -> None:
    journal = vault.journals.create("J")
    entry = vault.entries.add(journal.id, _content("uno"))
    _, session = vault.entries.edit_from(entry.id, _content("dos"), entry.head.id)
    out = tmp_path / "out"
    out.mkdir()
    vault.exports.export(ExportRequest(recipients=(), entry_ids=(entry.id,)), out)
    after, written = vault.entries.edit_from(entry.id, _content("tres"), session, amend=session)
    assert written != session and after.head.parent_ids == (session,)
    assert vault.entries.revision(entry.id, session).content.sections["body"] == "dos"


def test_ready_for_feedback_after_the_clock_stepped_back_still_freezes_the_revision(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The session's revision was written while the wall clock ran 30 s fast (NTP then
    stepped it back); the "ready for feedback" record that names it is stamped earlier
    than the revision. The record still names it: the next save must not amend it."""
    journal = vault.journals.create("J")
    entry = vault.entries.add(journal.id, _content("uno"))
    real = entries_storage.now_ms
    monkeypatch.setattr(entries_storage, "now_ms", lambda: real() + 30_000)
    _, session = vault.entries.edit_from(entry.id, _content("dos"), entry.head.id)
    monkeypatch.setattr(entries_storage, "now_ms", real)  # the clock is stepped back
    record = vault.review.submit(entry.id)
    after, written = vault.entries.edit_from(entry.id, _content("tres"), session, amend=session)
    assert written != session, "the revision named by a review record was amended away"
    assert vault.entries.revision(entry.id, session).content.sections["body"] == "dos"
    assert after.head.parent_ids == (session,)
    assert record.type.value == "status"


# --- the closed vault file -----------------------------------------------------------------------
def _amended_once(created: CreatedVault) -> tuple[str, str, tuple[object, ...]]:
    vault = created.vault
    journal = vault.journals.create("J")
    entry = vault.entries.add(journal.id, _content("uno"))
    _, session = vault.entries.edit_from(entry.id, _content("dos"), entry.head.id)
    vault._unlocked().db.checkpoint()
    with raw_db(created.path) as conn:
        old = conn.execute("SELECT * FROM entry_revisions WHERE id = ?", (session,)).fetchone()
    _, now = vault.entries.edit_from(entry.id, _content("tres"), session, amend=session)
    assert now != session
    with pytest.raises(EntryNotFound):
        vault.entries.revision(entry.id, session)
    vault.close()
    return entry.id, now, tuple(old)


@pytest.mark.parametrize("how", ["put-back-beside", "dropped", "dropped-and-head-moved-back"])
def test_the_closed_file_cannot_take_back_or_drop_an_amended_revision(
    created: CreatedVault, how: str
) -> None:
    entry_id, now, old = _amended_once(created)
    with raw_db(created.path) as conn:
        marks = ", ".join("?" * len(old))
        if how == "put-back-beside":  # the old id beside its replacement, head untouched
            conn.execute(f"INSERT INTO entry_revisions VALUES ({marks})", old)  # noqa: S608
        elif how == "dropped":  # the session's revision gone, the head on its parent
            conn.execute("DELETE FROM entry_revisions WHERE id = ?", (now,))
            conn.execute(
                "UPDATE entries SET head_revision_id = (SELECT id FROM entry_revisions "
                "WHERE entry_id = ? AND seq = 1), head_seq = 1 WHERE id = ?",
                (entry_id, entry_id),
            )
        else:
            conn.execute("DELETE FROM entry_revisions WHERE id = ?", (now,))
            conn.execute(f"INSERT INTO entry_revisions VALUES ({marks})", old)  # noqa: S608
            conn.execute("UPDATE entries SET head_revision_id = ? WHERE id = ?", (old[0], entry_id))
        conn.commit()
    again = Vault.open(created.path)
    try:
        with pytest.raises(VaultStateTampered):
            again.unlock(PASSPHRASE)
    finally:
        again.close()
