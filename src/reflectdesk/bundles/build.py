"""Build ``.rdbundle`` files: sign, zip, encrypt (:mod:`reflectdesk.bundles.container`
describes the layers)."""

from __future__ import annotations

import logging
import re
import secrets
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import TypeVar

from reflectdesk.bundles import age_io, minisign
from reflectdesk.bundles.canonical import (
    Blob,
    format_timestamp,
)
from reflectdesk.bundles.container import (
    BUNDLE_EXTENSION,
    Hashing,
    cross_check,
    load_contents,
    quick_gil_handoff,
    sha256_hex,
)
from reflectdesk.bundles.keys import Identity, PublicIdentity
from reflectdesk.bundles.limits import DEFAULT_LIMITS, BundleLimits
from reflectdesk.bundles.manifest import (
    ATTACHMENT_PATH_RE,
    CONTENT_PATH_RE,
    ENTRY_PATH_RE,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    BundleMeta,
    FileRecord,
    Manifest,
    RecipientRecord,
    new_manifest,
)
from reflectdesk.bundles.zipwrite import stored_zip
from reflectdesk.errors import (
    BundleBuildInvalid,
    BundleError,
    BundleFileTooLarge,
    BundleJsonTooLarge,
    BundleTooLarge,
    BundleTooManyFiles,
    BundleTooManyRecipients,
)
from reflectdesk.progress import (
    NEVER_CANCELLED,
    CancelToken,
    Progress,
    ProgressSink,
    ignore_progress,
)

log = logging.getLogger(__name__)

_PLACEHOLDER_SHA256 = "0" * 64


def bundle_file_name() -> str:
    """A random name that tells couriers nothing: 32 hex digits + ``.rdbundle``. Used for
    the files exchange points carry (the sync outbox and inbox), which no person sees."""
    return f"{secrets.token_hex(16)}{BUNDLE_EXTENSION}"


DATED_NAME_RE = re.compile(r"reflectdesk-\d{4}-\d{2}-\d{2}-[0-9a-f]{4,16}\.rdbundle")


def dated_bundle_file_name(day: date, short_id: str | None = None) -> str:
    """The name of a bundle a person saves in a folder: ``reflectdesk-2026-12-03-7f3a.rdbundle``.

    The day it was made and a short random id, so a person can tell two files apart;
    never a name, a title or a count (the file may lie in a shared folder or travel by
    mail). ``short_id``: 4 to 16 lowercase hex digits (random when not given)."""
    short = secrets.token_hex(2) if short_id is None else short_id
    if not re.fullmatch(r"[0-9a-f]{4,16}", short):
        raise ValueError("short_id: 4 to 16 lowercase hex digits")
    return f"reflectdesk-{day.isoformat()}-{short}{BUNDLE_EXTENSION}"


def _trusted_comment(manifest: Manifest) -> str:
    stamp = int(manifest.created.timestamp())
    return f"timestamp:{stamp}\tfile:{MANIFEST_NAME}\tbundle:{manifest.bundle_id}"


def _untrusted_comment(manifest: Manifest) -> str:
    return f"ReflectDesk bundle manifest, signed {format_timestamp(manifest.created)}"


# --- build -------------------------------------------------------------------------------
def _unique_recipients(
    author: Identity, recipients: Sequence[PublicIdentity], limits: BundleLimits
) -> list[PublicIdentity]:
    unique: dict[str, PublicIdentity] = {}
    for recipient in recipients:
        if recipient.age_recipient == author.public.age_recipient:
            continue  # the author is always a recipient of the age layer
        known = unique.get(recipient.age_recipient)
        if known is not None and known.signing_key != recipient.signing_key:
            raise BundleBuildInvalid("one age key listed with two signing keys")
        unique[recipient.age_recipient] = recipient
    # Leave room for the author's stanza and the grease stanza other age tools add.
    limit = min(limits.max_recipients, limits.max_stanzas - 2)
    if len(unique) > limit:
        raise BundleTooManyRecipients(f"{len(unique)} recipients", limit=limit)
    return list(unique.values())


def build_bundle(
    author: Identity,
    recipients: Sequence[PublicIdentity],
    files: Mapping[str, Blob],
    meta: BundleMeta,
    *,
    limits: BundleLimits = DEFAULT_LIMITS,
    progress: ProgressSink = ignore_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> bytearray:
    """The bundle in memory; see :func:`write_bundle` for what is checked."""

    def seal(pieces: Iterator[Blob], length: int, keys: Sequence[bytes]) -> bytearray:
        return age_io.encrypt_to_memory(pieces, length, keys, progress=progress, cancel=cancel)

    return _build(author, recipients, files, meta, limits, progress, cancel, seal)


def write_bundle(
    sink: age_io.Sink,
    author: Identity,
    recipients: Sequence[PublicIdentity],
    files: Mapping[str, Blob],
    meta: BundleMeta,
    *,
    limits: BundleLimits = DEFAULT_LIMITS,
    progress: ProgressSink = ignore_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> int:
    """Sign, zip and encrypt ``files`` (content path -> bytes) from ``author`` to ``recipients``.

    The bundle goes to ``sink`` in blocks of a few MiB as it is encrypted (nothing
    the size of the bundle is held in memory); returns its length. On an error,
    what ``sink`` received is garbage: the caller writes to a temporary file.

    Raises :class:`BundleTooManyRecipients`, :class:`BundleTooManyFiles`,
    :class:`BundleFileTooLarge`, :class:`BundleJsonTooLarge`, :class:`BundleTooLarge`
    for caps the receiver would enforce, and :class:`BundleBuildInvalid` for content
    the receiver would reject (a bug of the caller).
    """

    def seal(pieces: Iterator[Blob], length: int, keys: Sequence[bytes]) -> int:
        return age_io.encrypt(pieces, length, keys, sink=sink, progress=progress, cancel=cancel)

    return _build(author, recipients, files, meta, limits, progress, cancel, seal)


_Sealed = TypeVar("_Sealed", int, bytearray)


def _build(
    author: Identity,
    recipients: Sequence[PublicIdentity],
    files: Mapping[str, Blob],
    meta: BundleMeta,
    limits: BundleLimits,
    progress: ProgressSink,
    cancel: CancelToken,
    seal: Callable[[Iterator[Blob], int, Sequence[bytes]], _Sealed],
) -> _Sealed:
    people = _unique_recipients(author, recipients, limits)
    paths = sorted(files)
    for path in paths:
        if not CONTENT_PATH_RE.fullmatch(path):
            raise BundleBuildInvalid(f"file name not allowed in a bundle: {path!r}")
    if len(paths) + 2 > limits.max_files:
        raise BundleTooManyFiles(f"{len(paths) + 2} files", limit=limits.max_files)
    total = 0
    for path in paths:
        size = len(files[path])
        if size > limits.max_file_bytes:
            raise BundleFileTooLarge(f"{path}: {size} bytes")
        if path.endswith(".json") and size > limits.max_json_bytes:
            raise BundleJsonTooLarge(f"{path}: {size} bytes")
        total += size
    if total > limits.max_total_bytes:
        raise BundleFileTooLarge(f"total {total} bytes")
    entries = {m.group(1) for p in paths if (m := ENTRY_PATH_RE.fullmatch(p))}
    for entry_id in meta.entry_consent:
        if entry_id not in entries:
            raise BundleBuildInvalid(f"consent for an entry not in the bundle: {entry_id}")
    cancel.raise_if_cancelled()
    progress(Progress(0, total, "bundle-hash"))
    attachments = {p: files[p] for p in paths if ATTACHMENT_PATH_RE.fullmatch(p)}
    documents = {p: files[p] for p in paths if p not in attachments}
    with Hashing(zlib.crc32, attachments) as crcs:  # runs while documents are checked
        try:
            contents = load_contents(documents, limits)
        except BundleError as exc:  # the receiver would reject it: a bug of the caller
            raise BundleBuildInvalid(f"{exc.code}: {exc.detail}") from exc
        cancel.raise_if_cancelled()
        crc = {p: zlib.crc32(d) for p, d in documents.items()} | crcs.result()
        digests = {p: sha256_hex(d) for p, d in documents.items()}
    content = [(p, files[p], crc[p]) for p in paths]
    # The manifest and its signature are the ZIP's last members, so the attachments
    # are hashed on other cores while the content ahead of them is encrypted. A
    # manifest with placeholder hashes (same length: hex digits) sizes the ZIP.
    people_records = tuple(RecipientRecord.of(p) for p in people)
    draft = new_manifest(
        author.public,
        people_records,
        tuple(FileRecord(p, _PLACEHOLDER_SHA256, len(files[p])) for p in paths),
        meta,
    )
    draft_tail = _signed_manifest(draft, author, limits)
    draft_pieces = stored_zip(content + draft_tail)
    head = draft_pieces[: 2 * len(content)]
    zip_length = sum(len(piece) for piece in draft_pieces)

    def zip_pieces(hashing: Hashing[str]) -> Iterator[Blob]:
        yield from head
        records = hashing.result() | digests
        manifest = replace(
            draft, files=tuple(FileRecord(p, records[p], len(files[p])) for p in paths)
        )
        try:
            cross_check(contents, manifest)
        except BundleError as exc:
            raise BundleBuildInvalid(f"{exc.code}: {exc.detail}") from exc
        tail = _signed_manifest(manifest, author, limits)
        if [len(d) for _, d, _ in tail] != [len(d) for _, d, _ in draft_tail]:
            raise BundleBuildInvalid("manifest length changed")  # pragma: no cover
        yield from stored_zip(content + tail)[len(head) :]

    age_recipients = [author.public.x25519_public] + [p.x25519_public for p in people]
    size = age_io.ciphertext_length(age_io.header_length(len(age_recipients)), zip_length)
    if size > limits.max_bundle_bytes:
        raise BundleTooLarge(f"{size} bytes", limit_mb=limits.max_bundle_mb)
    with quick_gil_handoff(), Hashing(sha256_hex, attachments, reserve_core=True) as hashing:
        data = seal(zip_pieces(hashing), zip_length, age_recipients)
    # No bundle id, no key id: both are shared with other people (house rule: logs link
    # nothing to a person).
    log.info(
        "built a bundle: kind=%s files=%d recipients=%d bytes=%d",
        draft.kind.value,
        len(paths),
        len(people),
        size,
    )
    return data


def _signed_manifest(
    manifest: Manifest, author: Identity, limits: BundleLimits
) -> list[tuple[str, Blob, int]]:
    """The manifest and its minisign signature as ZIP members ``(name, data, crc)``."""
    try:
        manifest_bytes = Manifest.from_bytes(manifest.to_bytes(), limits).to_bytes()
    except BundleError as exc:
        raise BundleBuildInvalid(f"{exc.code}: {exc.detail}") from exc
    signature = minisign.sign(
        manifest_bytes,
        author,
        trusted_comment=_trusted_comment(manifest),
        untrusted_comment=_untrusted_comment(manifest),
    )
    return [
        (MANIFEST_NAME, manifest_bytes, zlib.crc32(manifest_bytes)),
        (SIGNATURE_NAME, signature, zlib.crc32(signature)),
    ]
