"""Entries through the service: revisions, history, restore, attachments, search."""

from __future__ import annotations

import hashlib
import os
from datetime import date
from pathlib import Path

import pytest

from reflectdesk.domain.model import EntryContent, SearchFilters
from reflectdesk.errors import (
    AttachmentTooLarge,
    EntryNotFound,
    FileUnreadable,
    JournalNotFound,
)
from reflectdesk.services.vault import Vault
from reflectdesk.storage.attachments import CHUNK_SIZE


@pytest.fixture
def journal_id(vault: Vault) -> str:
    return vault.journals.create("Práctica II").id


def test_revisions_form_a_chain(vault: Vault, journal_id: str) -> None:
    e = vault.entries.add(journal_id, EntryContent(title="uno", sections={"body": "a"}))
    e2 = vault.entries.edit(e.id, EntryContent(title="dos", sections={"body": "b"}))
    e3 = vault.entries.edit(e.id, EntryContent(title="tres", sections={"body": "c"}))
    history = vault.entries.history(e.id)
    assert [r.seq for r in history] == [1, 2, 3]
    assert history[0].parent_ids == ()
    assert history[1].parent_ids == (history[0].id,)
    assert history[2].parent_ids == (e2.head.id,)
    assert e3.head.content.title == "tres"
    assert (
        history[0].content_hash == EntryContent(title="uno", sections={"body": "a"}).content_hash()
    )
    assert history[0].author == vault.identity.info().key_id  # revisions record the key


def test_unchanged_edit_makes_no_revision(vault: Vault, journal_id: str) -> None:
    content = EntryContent(title="igual", sections={"body": "x"})
    e = vault.entries.add(journal_id, content)
    vault.entries.edit(e.id, content)
    assert len(vault.entries.history(e.id)) == 1


def test_restore_is_a_new_revision(vault: Vault, journal_id: str) -> None:
    e = vault.entries.add(journal_id, EntryContent(title="original"))
    vault.entries.edit(e.id, EntryContent(title="cambiado"))
    first = vault.entries.history(e.id)[0]
    restored = vault.entries.restore(e.id, first.id)
    assert restored.head.seq == 3
    assert restored.content.title == "original"
    assert vault.search.query("original")[0].entry_id == e.id


def test_diff(vault: Vault, journal_id: str) -> None:
    e = vault.entries.add(
        journal_id, EntryContent(title="t", sections={"body": "línea 1\nlínea 2"})
    )
    vault.entries.edit(e.id, EntryContent(title="t", sections={"body": "línea 1\nlínea dos"}))
    h = vault.entries.history(e.id)
    diffs = vault.entries.diff(e.id, h[0].id, h[1].id)
    assert [d.key for d in diffs] == ["body"]
    assert "-línea 2" in diffs[0].lines and "+línea dos" in diffs[0].lines


def test_normalisation(vault: Vault, journal_id: str) -> None:
    e = vault.entries.add(
        journal_id,
        EntryContent(title="  t  ", tags=("Aula", "aula", " grupos "), standards=("a1", "A1")),
    )
    assert e.content.title == "t"
    assert e.content.tags == ("Aula", "grupos")
    assert e.content.standards == ("A1",)


def test_unknown_ids(vault: Vault, journal_id: str) -> None:
    with pytest.raises(JournalNotFound):
        vault.entries.add("01900000-0000-7000-8000-000000000000", EntryContent(title="x"))
    with pytest.raises(EntryNotFound):
        vault.entries.get("nope")
    with pytest.raises(EntryNotFound):
        vault.entries.edit("nope", EntryContent(title="x"))


def test_attachment_round_trip_in_chunks(vault: Vault, journal_id: str, tmp_path: Path) -> None:
    data = os.urandom(CHUNK_SIZE * 3 + 123)
    src = tmp_path / "foto.jpg"
    src.write_bytes(data)
    e = vault.entries.add(journal_id, EntryContent(title="con foto"), [src])
    (info,) = e.attachments
    assert info.filename == "foto.jpg" and info.media_type == "image/jpeg"
    assert info.size == len(data) and info.sha256 == hashlib.sha256(data).hexdigest()
    assert vault.entries.attachment_bytes(info.id) == data
    out = tmp_path / "copia.jpg"
    vault.entries.save_attachment_as(info.id, out)
    assert out.read_bytes() == data


def test_attachment_over_limit_leaves_entry_unchanged(
    vault: Vault, journal_id: str, tmp_path: Path
) -> None:
    big = tmp_path / "video.mp4"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024 + 1)
    e = vault.entries.add(journal_id, EntryContent(title="x"))
    with pytest.raises(AttachmentTooLarge) as info:
        vault.entries.attach(e.id, big)
    assert info.value.params["limit_mb"] == 50
    assert vault.entries.get(e.id).attachments == ()
    with pytest.raises(AttachmentTooLarge):
        vault.entries.add(journal_id, EntryContent(title="nuevo"), [big])
    assert vault.entries.count() == 1


def test_attachment_growing_while_read_is_capped(vault: Vault, journal_id: str) -> None:
    import io

    from reflectdesk.storage.attachments import AttachmentRepo

    e = vault.entries.add(journal_id, EntryContent(title="x"))
    repo: AttachmentRepo = vault._unlocked().attachments
    with pytest.raises(AttachmentTooLarge):
        repo.add(e.id, io.BytesIO(b"x" * (CHUNK_SIZE + 10)), "f.bin", "x/y", max_bytes=CHUNK_SIZE)
    assert vault.entries.get(e.id).attachments == ()


def test_unreadable_attachment(vault: Vault, journal_id: str, tmp_path: Path) -> None:
    with pytest.raises(FileUnreadable):
        vault.entries.add(journal_id, EntryContent(title="x"), [tmp_path / "missing.pdf"])
    assert vault.entries.count() == 0


def test_list_and_search_filters(vault: Vault, journal_id: str) -> None:
    other = vault.journals.create("Otra").id
    vault.entries.add(
        journal_id, EntryContent(title="Reflexión", tags=("aula",), event_date=date(2026, 3, 1))
    )
    vault.entries.add(other, EntryContent(title="Reflexión dos", event_date=date(2026, 4, 1)))
    assert len(vault.entries.list()) == 2
    assert len(vault.entries.list(SearchFilters(journal_id=other))) == 1
    assert [h.title for h in vault.search.query("reflexion", SearchFilters(tag="AULA"))] == [
        "Reflexión"
    ]
    assert vault.search.tags() == [("aula", 1)]


def test_index_rebuilt_on_unlock(created, journal_id: str) -> None:  # type: ignore[no-untyped-def]
    from tests.support import PASSPHRASE

    vault = created.vault
    vault.entries.add(journal_id, EntryContent(title="persistente", sections={"body": "ñandú"}))
    vault.lock()
    vault.unlock(PASSPHRASE)
    assert vault.search.query("nandu")[0].title == "persistente"


# -- editing sessions (docs/history.md) ------------------------------------------------
def test_a_session_amends_its_revision_and_the_index_follows(vault: Vault, journal_id: str) -> None:
    from datetime import UTC, datetime, timedelta

    started = datetime.now(UTC) - timedelta(minutes=5)
    entry = vault.entries.add(journal_id, EntryContent(title="uno", sections={"body": "a"}))
    first, written = vault.entries.edit_from(
        entry.id, EntryContent(title="dos", sections={"body": "b"}), entry.head.id,
        started=started,
    )  # fmt: skip
    second, again = vault.entries.edit_from(
        entry.id, EntryContent(title="tres", sections={"body": "c"}), written, amend=written
    )
    assert again != written and second.head.id == again
    assert second.head.started_at is not None
    assert abs((second.head.started_at - started).total_seconds()) < 0.01
    assert [r.seq for r in vault.entries.history(entry.id)] == [1, 2]
    assert [s.title for s in vault.entries.list() if s.id == entry.id] == ["tres"]
    assert [h.entry_id for h in vault.search.query("tres")] == [entry.id]
    assert vault.search.query("dos") == []  # the amended-away text is not found
    assert first.head.id == written


def test_ready_for_feedback_freezes_the_sessions_revision(vault: Vault, journal_id: str) -> None:
    """A review record about the entry (here "ready for feedback", which names the head)
    may name the session's revision: the next save writes a new revision on it."""
    entry = vault.entries.add(journal_id, EntryContent(title="uno", sections={"body": "a"}))
    vault.review.submit(entry.id)
    after, written = vault.entries.edit_from(
        entry.id, EntryContent(title="dos"), entry.head.id, amend=entry.head.id
    )
    assert after.head.parent_ids == (entry.head.id,)
    assert vault.entries.revision(entry.id, entry.head.id) == entry.head
    # The next session's revision was never named: it is amended.
    third, _ = vault.entries.edit_from(entry.id, EntryContent(title="tres"), written, amend=written)
    assert len(vault.entries.history(entry.id)) == 2 and third.head.content.title == "tres"
