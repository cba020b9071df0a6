"""Attachments as sealed chunks inside the SQLite file.

Each 1 MiB chunk is sealed on its own (the STREAM pattern used by age and Tink):
the associated data names the attachment, the chunk index and whether it is the
last chunk, so reordering, dropping or truncating chunks fails to open. The file
is read from the user's disk chunk by chunk; no plaintext copy is ever written.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from sqlalchemy import select

from reflectdesk.domain.model import AttachmentInfo, ms_to_datetime, now_ms
from reflectdesk.errors import (
    AttachmentNotFound,
    AttachmentTooLarge,
    EntryNotFound,
    FileUnreadable,
    RecordTampered,
)
from reflectdesk.ids import uuid7
from reflectdesk.storage import schema as t
from reflectdesk.storage.database import Database
from reflectdesk.vault.cipher import RecordCipher

CHUNK_SIZE = 1024 * 1024
MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024
META_TABLE = "attachments"
CHUNK_TABLE = "attachment_chunks"


def chunk_revision(idx: int, last: bool) -> str:
    """The revision a chunk is sealed under: its index and whether it is the last one."""
    return f"{idx}:{'last' if last else 'more'}"


def attachment_meta(entry_id: str, filename: str, media_type: str, sha256: str) -> dict[str, str]:
    """The sealed part of an attachment row. ``entry_id`` repeats the plaintext column
    so that moving an attachment to another entry by editing the file is detected."""
    return {"filename": filename, "media_type": media_type, "sha256": sha256, "entry": entry_id}


def attachment_info(
    att_id: str, entry_id: str, size: int, created_ms: int, doc: dict[str, Any]
) -> AttachmentInfo:
    """An attachment row and its opened metadata, checked against each other."""
    sealed_entry = doc.get("entry")
    # Rows written before 0.2 carry no sealed entry id (docs/threat-model.md).
    if sealed_entry is not None and sealed_entry != entry_id:
        raise RecordTampered("attachments.placement")
    return AttachmentInfo(
        id=att_id,
        entry_id=entry_id,
        filename=str(doc["filename"]),
        media_type=str(doc["media_type"]),
        size=size,
        sha256=str(doc["sha256"]),
        created_at=ms_to_datetime(created_ms),
    )


class AttachmentRepo:
    def __init__(self, db: Database, cipher: RecordCipher) -> None:
        self._db = db
        self._cipher = cipher

    def _info(self, row: t.Attachment) -> AttachmentInfo:
        doc = self._cipher.open_json(META_TABLE, row.id, row.chunk_count, row.blob)
        return attachment_info(row.id, row.entry_id, row.size, row.created_at, doc)

    def add(
        self,
        entry_id: str,
        stream: BinaryIO,
        filename: str,
        media_type: str,
        max_bytes: int = MAX_ATTACHMENT_BYTES,
        attachment_id: str | None = None,
    ) -> AttachmentInfo:
        """Seal ``stream`` chunk by chunk in one transaction: all of it or nothing."""
        att_id = attachment_id or uuid7()
        digest = hashlib.sha256()
        size = 0
        limit_mb = max_bytes // (1024 * 1024)
        with self._db.session() as s:
            entry = s.get(t.Entry, entry_id)
            if entry is None or entry.deleted:
                raise EntryNotFound(entry_id)
            # The parent row first (chunks reference it); its sealed metadata is set
            # once the chunk count and hash are known.
            row = t.Attachment(
                id=att_id,
                entry_id=entry_id,
                created_at=now_ms(),
                size=0,
                chunk_count=0,
                complete=0,
                deleted=0,
                blob=b"",
            )
            s.add(row)
            s.flush()
            try:
                current = stream.read(CHUNK_SIZE)
                idx = 0
                while True:
                    nxt = stream.read(CHUNK_SIZE) if current else b""
                    size += len(current)
                    if size > max_bytes:
                        raise AttachmentTooLarge(filename, limit_mb=limit_mb)
                    digest.update(current)
                    last = not nxt
                    s.add(
                        t.AttachmentChunk(
                            attachment_id=att_id,
                            idx=idx,
                            blob=self._cipher.seal_bytes(
                                CHUNK_TABLE, att_id, chunk_revision(idx, last), current
                            ),
                        )
                    )
                    idx += 1
                    if idx % 8 == 0:
                        s.flush()  # bounded memory: at most a few sealed chunks pending
                    if last:
                        break
                    current = nxt
            except OSError as exc:
                raise FileUnreadable(filename) from exc
            row.size = size
            row.chunk_count = idx
            row.complete = 1
            row.blob = self._cipher.seal_json(
                META_TABLE,
                att_id,
                idx,
                attachment_meta(entry_id, filename, media_type, digest.hexdigest()),
            )
        return self._info(row)

    def list(self, entry_id: str) -> list[AttachmentInfo]:
        with self._db.session() as s:
            rows = s.scalars(
                select(t.Attachment)
                .where(
                    t.Attachment.entry_id == entry_id,
                    t.Attachment.deleted == 0,
                    t.Attachment.complete == 1,
                )
                .order_by(t.Attachment.created_at)
            ).all()
            return [self._info(r) for r in rows]

    def info(self, attachment_id: str) -> AttachmentInfo:
        with self._db.session() as s:
            row = s.get(t.Attachment, attachment_id)
            if row is None or row.deleted or not row.complete:
                raise AttachmentNotFound(attachment_id)
            return self._info(row)

    def read_chunks(self, attachment_id: str) -> Iterator[bytes]:
        """Plaintext chunks in order; the hash is checked at the end."""
        info = self.info(attachment_id)
        with self._db.session() as s:
            count = s.get(t.Attachment, attachment_id)
            total = count.chunk_count if count else 0
        digest = hashlib.sha256()
        for idx in range(total):
            with self._db.session() as s:
                chunk = s.get(t.AttachmentChunk, (attachment_id, idx))
                if chunk is None:
                    raise RecordTampered("attachment_chunks.missing")
                blob = chunk.blob
            data = self._cipher.open_bytes(
                CHUNK_TABLE, attachment_id, chunk_revision(idx, idx == total - 1), blob
            )
            digest.update(data)
            yield data
        if digest.hexdigest() != info.sha256:
            raise RecordTampered("attachments.sha256")

    def read_all(self, attachment_id: str) -> bytes:
        return b"".join(self.read_chunks(attachment_id))

    def delete(self, attachment_id: str) -> None:
        with self._db.session() as s:
            row = s.get(t.Attachment, attachment_id)
            if row is None or row.deleted:
                raise AttachmentNotFound(attachment_id)
            row.deleted = 1
            for chunk in s.scalars(
                select(t.AttachmentChunk).where(t.AttachmentChunk.attachment_id == attachment_id)
            ):
                s.delete(chunk)
