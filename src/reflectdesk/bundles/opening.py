"""Open ``.rdbundle`` files: every check, in order, all in memory.

:func:`open_bundle` runs the import checks in this order and raises a specific
:class:`~reflectdesk.errors.BundleError` at the first failure:
size cap → age header pre-parse → decrypt → ZIP read with caps → manifest parsed →
signature → author's pinned key → reader among the signed recipients → every file's
hash and size, nothing unlisted or missing → JSON size caps and schemas.
It takes values (the reader's key pairs, a table of known authors) and returns
values (:class:`OpenedBundle` with typed contents); it never calls back.
"""

from __future__ import annotations

import logging
import os
import stat
import struct
from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from types import MappingProxyType

from reflectdesk.bundles import age_io, minisign
from reflectdesk.bundles.age_header import AgeHeader, parse_header
from reflectdesk.bundles.canonical import (
    Blob,
    format_timestamp,
)
from reflectdesk.bundles.cards import Card
from reflectdesk.bundles.container import (
    PARALLEL_MIN_BYTES,
    Contents,
    Hashing,
    cross_check,
    load_contents,
    quick_gil_handoff,
    readonly,
    sha256_hex,
)
from reflectdesk.bundles.contents import BundledEntry, BundledRecord
from reflectdesk.bundles.keys import Identity, PublicIdentity
from reflectdesk.bundles.limits import DEFAULT_LIMITS, BundleLimits
from reflectdesk.bundles.manifest import (
    ARCHIVE_NAME_RE,
    ATTACHMENT_PATH_RE,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    FileRecord,
    Manifest,
)
from reflectdesk.bundles.zipsafe import STORED_ONLY, ZipMember, ZipPolicy, read_zip
from reflectdesk.domain.model import AuthorStatus as AuthorStatus  # re-exported
from reflectdesk.errors import (
    BundleAuthorKeyMismatch,
    BundleAuthorKeyReplaced,
    BundleAuthorKeyRevokedInChain,
    BundleAuthorRevoked,
    BundleError,
    BundleFileMissing,
    BundleFileUnlisted,
    BundleHashMismatch,
    BundleManifestMissing,
    BundleNotAddressedToYou,
    BundleSignatureInvalid,
    BundleTooLarge,
    FileUnreadable,
    NotABundle,
)
from reflectdesk.progress import (
    NEVER_CANCELLED,
    CancelToken,
    Progress,
    ProgressSink,
    ignore_progress,
)

log = logging.getLogger(__name__)

_LOCAL_HEADER = struct.Struct("<4s5H3L2H")  # a ZIP local file header's fixed part


# --- public values -------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PinnedKey:
    """What the contact store knows of a signing key (the lead's service fills it)."""

    signing_key: bytes
    age_recipient: str | None = None  # checked against the manifest's author when set
    revoked: bool = False
    verified: bool = False  # safety number compared
    contact_id: str | None = None
    # Bundles dated at or after this are refused: the key was revoked (or reached by
    # a revocation through its rotation chain) or replaced then.
    refused_from: datetime | None = None
    revoked_in_chain: bool = False  # refused_from comes from a revocation
    revoked_on: datetime | None = None  # that revocation's date, for the message


# Signing key -> what the vault knows of it: every key of every contact's rotation chain
# and keys revoked before anyone here knew them. A table handed down, not a callback: the
# importer looks the author up here, and bundles/ never calls back into a service.
KnownAuthors = Mapping[bytes, PinnedKey]


@dataclass(frozen=True, slots=True)
class OpenedBundle:
    """A bundle that passed every check. Views are read-only slices of one buffer."""

    manifest: Manifest
    author_status: AuthorStatus
    pinned: PinnedKey | None
    reader: PublicIdentity  # the reader's key pair it was opened with
    entries: Mapping[str, BundledEntry]  # entry id -> checked entry
    records: Mapping[str, BundledRecord]  # record id -> checked record
    cards: Mapping[str, Card]  # key id (hex) -> verified card
    attachments: Mapping[str, memoryview]  # attachment id -> bytes (read-only view)
    size: int  # of the encrypted file
    trusted_comment: str

    @property
    def author(self) -> PublicIdentity:
        return self.manifest.author

    @property
    def bundle_id(self) -> str:
        return self.manifest.bundle_id

    @property
    def sender_card(self) -> Card | None:
        """The author's own card in ``cards/``, if it carries exactly the signing keys."""
        card = self.cards.get(self.manifest.author.key_id_hex)
        return card if card is not None and card.public == self.manifest.author else None


@dataclass(frozen=True, slots=True)
class BundleInspection:
    """What can be told about a bundle; the second half only with a reader's key."""

    size: int
    header_bytes: int
    stanza_count: int
    stanza_types: tuple[str, ...]
    x25519_stanzas: int
    manifest: Manifest | None = None  # signature-checked against its own author key
    addressed_to_reader: bool | None = None
    files: tuple[FileRecord, ...] = field(default=())


def read_bundle_file(path: str | Path, limits: BundleLimits = DEFAULT_LIMITS) -> memoryview:
    """Read a bundle file into memory, refusing one over the size cap before reading it.

    Read, not mapped: a mapped file that shrinks underneath (a USB stick pulled, a
    sync client rewriting it) would crash the process; a short read just fails the
    checks. Read straight into one buffer of the file's size (no second copy).
    Opened without blocking and refused unless a regular file: a FIFO swapped in for
    a bundle in a shared folder (after a batch looked at it) would block for ever.
    """
    try:
        flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(path, flags | getattr(os, "O_NONBLOCK", 0))
        with open(fd, "rb", buffering=0, closefd=True) as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise NotABundle(Path(path).name)
            size = info.st_size
            if size > limits.max_bundle_bytes:
                raise BundleTooLarge(f"{size} bytes", limit_mb=limits.max_bundle_mb)
            view = memoryview(age_io.allocate(size))
            done = 0
            while done < size:
                got = handle.readinto(view[done:])
                if not got:
                    break  # shrank since fstat: what was read fails the checks
                done += got
    except OSError as exc:
        raise FileUnreadable(Path(path).name) from exc
    return view[:done].toreadonly()


# --- open --------------------------------------------------------------------------------
@dataclass(slots=True)
class _Decrypted:
    reader: Identity  # the one of the reader's key pairs it was sealed to
    header: AgeHeader
    manifest: Manifest
    signature: minisign.MinisignSignature
    content: dict[str, ZipMember]


class _StreamHasher:
    """Hashes big stored ZIP members on a worker thread while the rest is decrypted.

    Told after each chunk how much plaintext is final, it follows the local headers
    (the layout every bundle has: members back to back from offset 0) and hands
    each complete member of ``PARALLEL_MIN_BYTES`` or more to the worker. It only
    *computes*: digests are keyed by exact ``(offset, size)``, and the checks use
    one only for the member :func:`read_zip` later finds at that very range, so an
    odd archive costs time (hashing again), never correctness. It stops at anything
    unexpected and after ``max_files`` members.
    """

    def __init__(self, max_files: int) -> None:
        self._max_files = max_files
        self._view: memoryview | None = None
        self._next = 0  # the next local header's offset
        self._member: tuple[int, int] | None = None  # (data offset, size) being decrypted
        self._stopped = False
        self._seen = 0
        self._pool: ThreadPoolExecutor | None = None
        self.digests: dict[tuple[int, int], Future[str]] = {}

    def __enter__(self) -> _StreamHasher:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def __call__(self, view: memoryview, ready: int) -> None:
        try:
            self._advance(view, ready)
        except (struct.error, ValueError):  # pragma: no cover - guarded by the bounds
            self._stopped = True

    def _advance(self, view: memoryview, ready: int) -> None:
        while not self._stopped:
            if self._member is None:
                if ready < self._next + _LOCAL_HEADER.size:
                    return
                sig, _, flags, method, _, _, _, size, _, name_len, extra_len = (
                    _LOCAL_HEADER.unpack_from(view, self._next)
                )
                if sig != b"PK\x03\x04" or method != 0 or flags & 0x0008:
                    self._stopped = True  # the central directory, or not our layout
                    return
                self._seen += 1
                if self._seen > self._max_files:
                    self._stopped = True
                    return
                self._member = (self._next + _LOCAL_HEADER.size + name_len + extra_len, size)
            start, size = self._member
            if ready < start + size:
                return
            if size >= PARALLEL_MIN_BYTES:
                if self._pool is None:
                    self._pool = ThreadPoolExecutor(max_workers=1)
                blob = view[start : start + size].toreadonly()
                self.digests[(start, size)] = self._pool.submit(sha256_hex, blob)
            self._next = start + size
            self._member = None


def _reader_for(header: AgeHeader, readers: Sequence[Identity]) -> Identity:
    """The key pair a bundle was sealed to: the current one, or one it replaced (a
    bundle still in transit). If none fits, the first: decrypting reports it."""
    if len(readers) > 1:
        for reader in readers:
            if age_io.is_for(header, reader.x25519_key):
                return reader
    return readers[0]


def _decrypt_and_verify(
    data: Blob,
    readers: Sequence[Identity],
    limits: BundleLimits,
    progress: ProgressSink,
    cancel: CancelToken,
    on_chunk: age_io.ChunkHook | None = None,
) -> _Decrypted:
    # 1. size cap, before anything else
    if len(data) > limits.max_bundle_bytes:
        raise BundleTooLarge(f"{len(data)} bytes", limit_mb=limits.max_bundle_mb)
    # 2. the age header, pre-parsed from the raw bytes
    header = parse_header(data, limits)
    reader = _reader_for(header, readers)
    # 3. decrypt in memory
    plaintext = age_io.decrypt(
        data, reader.x25519_key, header, on_chunk=on_chunk, progress=progress, cancel=cancel
    )
    # 4. the ZIP, read from memory with caps
    # Every member is covered by SHA-256 in the signed manifest (or is the manifest or
    # its signature), so the CRC-32 of stored members adds nothing and is skipped.
    # Stored members only: the app never compresses, and inflating before the
    # signature is checked would let anyone make the reader allocate 100x the file.
    policy = replace(
        ZipPolicy.from_limits(ARCHIVE_NAME_RE, limits),
        methods=STORED_ONLY,
        verify_stored_crc=False,
    )
    members = read_zip(memoryview(plaintext).toreadonly(), policy, cancel=cancel)
    manifest_member = members.pop(MANIFEST_NAME, None)
    signature_member = members.pop(SIGNATURE_NAME, None)
    if manifest_member is None or signature_member is None:
        raise BundleManifestMissing(MANIFEST_NAME if manifest_member is None else SIGNATURE_NAME)
    # 5. the manifest (size-capped, canonical, schema) and its signature
    manifest = Manifest.from_bytes(manifest_member.data, limits)
    if len(signature_member.data) > limits.max_signature_bytes:
        raise BundleSignatureInvalid("signature file too large")
    signature = minisign.verify(
        manifest_member.data,
        signature_member.data,
        minisign.MinisignPublicKey.of(manifest.author),
    )
    return _Decrypted(reader, header, manifest, signature, members)


def _check_author(
    manifest: Manifest, reader: PublicIdentity, authors: KnownAuthors
) -> tuple[AuthorStatus, PinnedKey | None]:
    author = manifest.author
    if author.signing_key == reader.signing_key:
        if author.age_recipient != reader.age_recipient:
            raise BundleAuthorKeyMismatch("signed with your key but another age key")
        return AuthorStatus.SELF, None
    pinned = authors.get(author.signing_key)
    if pinned is None:
        return AuthorStatus.UNKNOWN, None
    if pinned.revoked:
        raise BundleAuthorRevoked(author.key_id_hex)
    if pinned.refused_from is not None and manifest.created >= pinned.refused_from:
        if pinned.revoked_in_chain:
            date = format_timestamp(pinned.revoked_on or pinned.refused_from)
            raise BundleAuthorKeyRevokedInChain(author.key_id_hex, date=date)
        date = format_timestamp(pinned.refused_from)
        raise BundleAuthorKeyReplaced(author.key_id_hex, date=date)
    if pinned.signing_key != author.signing_key:
        raise BundleAuthorKeyMismatch("signing key")
    if pinned.age_recipient is not None and pinned.age_recipient != author.age_recipient:
        raise BundleAuthorKeyMismatch("age recipient")
    return (AuthorStatus.VERIFIED if pinned.verified else AuthorStatus.KNOWN), pinned


def recheck_author(opened: OpenedBundle, authors: KnownAuthors) -> OpenedBundle:
    """``opened`` with its author's standing resolved again (step 6), for a bundle
    opened earlier and imported now: the contact may have been revoked, added or
    verified meanwhile. Raises what :func:`open_bundle` raises for step 6."""
    status, pinned = _check_author(opened.manifest, opened.reader, authors)
    if status is opened.author_status and pinned == opened.pinned:
        return opened
    return replace(opened, author_status=status, pinned=pinned)


def _verify_files(
    manifest: Manifest,
    content: Mapping[str, ZipMember],
    limits: BundleLimits,
    cancel: CancelToken,
    *,
    load: bool = True,
    hashed: Mapping[tuple[int, int], Future[str]] | None = None,
) -> Contents:
    """Steps 8 and 9: hashes and sizes against the manifest, then JSON and schemas.

    Entries, records and cards are parsed only once their own hash has matched;
    attachments (never parsed) are hashed last, in parallel. Errors keep the
    documented order: a hash error wins over a JSON or schema error.
    """
    listed = {record.path: record for record in manifest.files}
    for path in content:
        if path not in listed:
            raise BundleFileUnlisted(path)
    for path in listed:
        if path not in content:
            raise BundleFileMissing(path)
    for record in manifest.files:
        if content[record.path].size != record.size:
            raise BundleHashMismatch(f"{record.path}: size")
    cancel.raise_if_cancelled()
    attachments = {p: content[p].data for p in listed if ATTACHMENT_PATH_RE.fullmatch(p)}
    documents = {p: content[p].data for p in listed if p not in attachments}
    contents = Contents()
    deferred: BundleError | None = None
    # Attachments not already hashed during decryption are hashed on worker threads
    # while the documents are hashed and parsed here; the results are checked in the
    # documented order all the same.
    early: dict[str, Future[str]] = {}
    for path in attachments:
        member = content[path]
        future = (hashed or {}).get((member.offset, member.size))
        if future is not None:
            early[path] = future
    rest = {p: d for p, d in attachments.items() if p not in early}
    with Hashing(sha256_hex, rest) as hashing:
        for path, data in documents.items():
            if sha256_hex(data) != listed[path].sha256:
                raise BundleHashMismatch(path)
        if load:
            try:
                contents = load_contents(documents, limits)
            except BundleError as exc:  # reported after the attachments' hashes
                deferred = exc
        cancel.raise_if_cancelled()
        digests = {p: f.result() for p, f in early.items()} | hashing.result()
    for path, digest in digests.items():
        if digest != listed[path].sha256:
            raise BundleHashMismatch(path)
    if deferred is not None:
        raise deferred
    if load:
        for path, data in attachments.items():
            match = ATTACHMENT_PATH_RE.fullmatch(path)
            assert match is not None
            contents.attachments[match.group(1)] = readonly(data)
        cross_check(contents, manifest)
    return contents


def open_bundle(
    data: Blob,
    readers: Identity | Sequence[Identity],
    authors: KnownAuthors,
    *,
    limits: BundleLimits = DEFAULT_LIMITS,
    progress: ProgressSink = ignore_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> OpenedBundle:
    """Decrypt and check a bundle; see the module docstring for the order of checks.

    ``readers``: the reader's key pairs, current first (a bundle sealed to a replaced
    one may still be in transit); :attr:`OpenedBundle.reader` says which opened it.
    ``authors`` maps a signing key to its pinned key; an author not in it is *not* an
    error (``author_status`` is ``UNKNOWN``), a revoked or mismatching one is. Nothing
    is stored; the caller imports the result.
    """
    keys = [readers] if isinstance(readers, Identity) else list(readers)
    try:
        with quick_gil_handoff(), _StreamHasher(limits.max_files) as hasher:
            opened = _decrypt_and_verify(data, keys, limits, progress, cancel, hasher)
            manifest = opened.manifest
            reader = opened.reader.public
            # 6. the author's pinned key
            status, pinned = _check_author(manifest, reader, authors)
            # 7. this reader is among the signed recipients (else: re-encrypted)
            if not manifest.is_addressed_to(reader):
                raise BundleNotAddressedToYou(manifest.bundle_id)
            # 8. every file's hash and size, nothing unlisted or missing;
            # 9. JSON size caps and schemas
            contents = _verify_files(
                manifest, opened.content, limits, cancel, hashed=hasher.digests
            )
    except BundleError as exc:
        log.warning("bundle rejected: %s (%s)", exc.code, exc.detail)
        raise
    progress(Progress(1, 1, "bundle-open"))
    log.info(
        "opened a bundle: kind=%s status=%s files=%d",
        manifest.kind.value,
        status.value,
        len(manifest.files),
    )
    return OpenedBundle(
        manifest=manifest,
        author_status=status,
        pinned=pinned,
        reader=reader,
        entries=MappingProxyType(contents.entries),
        records=MappingProxyType(contents.records),
        cards=MappingProxyType(contents.cards),
        attachments=MappingProxyType(contents.attachments),
        size=len(data),
        trusted_comment=opened.signature.trusted_comment,
    )


def inspect_bundle(
    data: Blob,
    reader: Identity | None = None,
    *,
    limits: BundleLimits = DEFAULT_LIMITS,
    cancel: CancelToken = NEVER_CANCELLED,
) -> BundleInspection:
    """What a bundle reveals: without a key, its header; with one, its signed manifest.

    Raises the same errors as :func:`open_bundle` for the steps it runs, except that
    not being addressed to ``reader`` is reported, not raised; no author is resolved.
    """
    if len(data) > limits.max_bundle_bytes:
        raise BundleTooLarge(f"{len(data)} bytes", limit_mb=limits.max_bundle_mb)
    header = parse_header(data, limits)
    base = BundleInspection(
        size=len(data),
        header_bytes=header.header_length,
        stanza_count=len(header.stanzas),
        stanza_types=header.stanza_types,
        x25519_stanzas=header.x25519_count,
    )
    if reader is None:
        return base
    opened = _decrypt_and_verify(data, [reader], limits, ignore_progress, cancel)
    _verify_files(opened.manifest, opened.content, limits, cancel, load=False)
    return BundleInspection(
        size=base.size,
        header_bytes=base.header_bytes,
        stanza_count=base.stanza_count,
        stanza_types=base.stanza_types,
        x25519_stanzas=base.x25519_stanzas,
        manifest=opened.manifest,
        addressed_to_reader=opened.manifest.is_addressed_to(reader.public),
        files=opened.manifest.files,
    )
