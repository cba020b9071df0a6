"""Builders for valid content and for hand-made (malicious) bundles."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import zipfile
import zlib
from collections.abc import Mapping, Sequence

import pyrage
import pytest

from reflectdesk.bundles import (
    BundleKind,
    BundleMeta,
    Identity,
    PublicIdentity,
    age_io,
    attachment_path,
    build_bundle,
    entry_path,
    minisign,
    record_path,
)
from reflectdesk.bundles.age_header import parse_header
from reflectdesk.bundles.canonical import JsonObject, canonical_json
from reflectdesk.bundles.zipsafe import STORED
from reflectdesk.bundles.zipwrite import stored_zip
from reflectdesk.ids import uuid7

STAMP = "2025-03-01T10:00:00Z"


def need_tool(name: str) -> str:
    """The path of a real tool the tests drive; CI installs them (.ci/run)."""
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed: apt-get install -y age minisign")
    return path


def entry_doc(
    entry_id: str | None = None,
    *,
    text: str = "Los estudiantes trabajaron en grupos; noté que la pregunta abierta funcionó.",
    attachments: Sequence[tuple[str, bytes]] = (),
) -> JsonObject:
    content: JsonObject = {
        "title": "Clase de fracciones",
        "sections": [["context", text], ["next-steps", "Probar con material concreto."]],
        "tags": ["práctica"],
        "standards": ["TS2"],
        "event_date": "2025-03-01",
        "template_id": "free",
        "template_version": 1,
    }
    return {
        "format": "reflectdesk-entry",
        "version": 1,
        "id": entry_id or uuid7(),
        "journal_id": "01890000-0000-7000-8000-000000000000",
        "created_at": STAMP,
        "updated_at": STAMP,
        "revisions": [
            {
                "id": uuid7(),
                "seq": 1,
                "parent_ids": [],
                "author": "camila",
                "created_at": STAMP,
                "content_hash": hashlib.sha256(canonical_json(content)).hexdigest(),
                "content": content,
            }
        ],
        "attachments": [
            {
                "id": att_id,
                "filename": "foto.jpg",
                "media_type": "image/jpeg",
                "size": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
                "created_at": STAMP,
            }
            for att_id, data in attachments
        ],
    }


def record_doc(record_id: str | None = None, *, refs: Sequence[str] = ()) -> JsonObject:
    return {
        "format": "reflectdesk-record",
        "version": 1,
        "id": record_id or uuid7(),
        "type": "comment",
        "created_at": STAMP,
        "author": "mentor",
        "refs": list(refs),
        "body": {"text": "Buena observación.", "section": "context"},
    }


def sample_files(
    *, entries: int = 2, attachment_bytes: int = 2000
) -> tuple[dict[str, bytes], list[str]]:
    """Content files: ``entries`` entries (the first with an attachment) and one record."""
    files: dict[str, bytes] = {}
    entry_ids: list[str] = []
    att_id = uuid7()
    attachment = bytes(range(256)) * (attachment_bytes // 256 + 1)
    attachment = attachment[:attachment_bytes]
    for index in range(entries):
        attachments = [(att_id, attachment)] if index == 0 else []
        doc = entry_doc(attachments=attachments)
        files[entry_path(str(doc["id"]))] = json.dumps(doc, ensure_ascii=False).encode()
        entry_ids.append(str(doc["id"]))
    files[attachment_path(att_id)] = attachment
    record = record_doc(refs=entry_ids[:1])
    files[record_path(str(record["id"]))] = json.dumps(record).encode()
    return files, entry_ids


def make_bundle(
    author: Identity,
    recipients: Sequence[PublicIdentity],
    files: Mapping[str, bytes] | None = None,
    meta: BundleMeta | None = None,
) -> bytes:
    if files is None:
        files, _ = sample_files()
    return build_bundle(author, recipients, files, meta or BundleMeta(BundleKind.JOURNAL))


def unpack(bundle: bytes, reader: Identity) -> dict[str, bytes]:
    """Decrypt a bundle to its ZIP members (with Python's zipfile, for tests only)."""
    plaintext = age_io.decrypt(bundle, reader.x25519_key, parse_header(bundle))
    with zipfile.ZipFile(io.BytesIO(bytes(plaintext))) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def zip_of(members: Mapping[str, bytes] | Sequence[tuple[str, bytes]]) -> bytes:
    items = list(members.items()) if isinstance(members, Mapping) else list(members)
    return b"".join(bytes(p) for p in stored_zip([(n, d, zlib.crc32(d)) for n, d in items]))


def encrypt_to(zip_bytes: bytes, recipients: Sequence[PublicIdentity]) -> bytes:
    return bytes(pyrage.encrypt(zip_bytes, [r.pyrage_recipient for r in recipients]))


def resign(members: dict[str, bytes], manifest: JsonObject, signer: Identity) -> dict[str, bytes]:
    """Replace the manifest with ``manifest`` signed (minisign) by ``signer``."""
    raw = canonical_json(manifest)
    out = dict(members)
    out["manifest.json"] = raw
    out["manifest.json.minisig"] = minisign.sign(raw, signer, trusted_comment="re-signed")
    return out


def zipfile_bytes(entries: Sequence[tuple[str, bytes]], *, compression: int = STORED) -> bytes:
    """A ZIP made by Python's zipfile (allows duplicates, deflate, odd names)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = compression
            archive.writestr(info, data)
    return buffer.getvalue()
