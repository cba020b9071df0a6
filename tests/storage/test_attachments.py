"""Attachments as sealed 1 MiB chunks: whole or nothing, read back hash-checked."""

from __future__ import annotations

import io
import os

import pytest

from reflectdesk.domain.model import EntryContent
from reflectdesk.errors import AttachmentNotFound, AttachmentTooLarge, EntryNotFound
from reflectdesk.services.vault import Vault
from reflectdesk.storage.attachments import CHUNK_SIZE, chunk_revision


def test_add_read_and_delete(vault: Vault) -> None:
    st = vault._unlocked()
    entry = st.entries.create(vault.journals.create("J").id, EntryContent(title="x"), "a")
    data = os.urandom(2 * CHUNK_SIZE + 3)
    info = st.attachments.add(entry.id, io.BytesIO(data), "foto.jpg", "image/jpeg")
    assert (info.size, info.filename, info.entry_id) == (len(data), "foto.jpg", entry.id)
    assert [len(c) for c in st.attachments.read_chunks(info.id)] == [CHUNK_SIZE, CHUNK_SIZE, 3]
    assert st.attachments.read_all(info.id) == data
    assert st.attachments.list(entry.id) == [info] and st.attachments.info(info.id) == info
    empty = st.attachments.add(entry.id, io.BytesIO(b""), "vacío.txt", "text/plain")
    assert st.attachments.read_all(empty.id) == b""
    st.attachments.delete(info.id)
    assert st.attachments.list(entry.id) == [empty]
    with pytest.raises(AttachmentNotFound):
        st.attachments.info(info.id)
    with pytest.raises(AttachmentNotFound):
        st.attachments.delete(info.id)


def test_too_large_or_no_entry_stores_nothing(vault: Vault) -> None:
    st = vault._unlocked()
    entry = st.entries.create(vault.journals.create("J").id, EntryContent(title="x"), "a")
    with pytest.raises(AttachmentTooLarge) as info:
        st.attachments.add(
            entry.id, io.BytesIO(os.urandom(CHUNK_SIZE + 1)), "big", "x/y", max_bytes=CHUNK_SIZE
        )
    assert info.value.params == {"limit_mb": 1}
    assert st.attachments.list(entry.id) == []
    with pytest.raises(EntryNotFound):
        st.attachments.add("no-entry", io.BytesIO(b"x"), "a", "x/y")


def test_the_last_chunk_is_sealed_as_last() -> None:
    # Truncating an attachment after a middle chunk must fail to open: "more" != "last".
    assert chunk_revision(1, True) != chunk_revision(1, False)
    assert chunk_revision(0, False) == "0:more"
