"""Export and import bundles: the service over :mod:`reflectdesk.bundles`.

Export
    entries (by id or a whole journal; own entries only), with or without their
    attachments and history, to chosen contacts (you are always a recipient), with a
    consent per bundle and per entry; the author's card travels in ``cards/`` so an
    unknown receiver can add you. One file with a random name, written atomically.
    Logged in ``bundle_log`` ("out") with the consent given per entry.

Import
    ``prepare`` opens the bundle (every check of ``open_bundle``, in memory) and
    says what an import would do; nothing is stored. ``import_prepared`` stores
    *those same bytes* (the file is not read again: one swapped between the preview
    and the confirmation changes nothing) in **one** SQLite transaction, after
    checking the author against the contacts again: received entries go to a
    read-only journal per author (``space=received``) with their original entry,
    revision and attachment ids, parents, author and content hash; consent is
    recorded; the bundle is logged. Any error rolls everything back. Importing the
    same bundle twice changes nothing (the bundle log, and revision ids), and any
    order of the same bundles gives the same state (heads are a function of the set
    of revisions held, see :func:`reflectdesk.storage.entries.choose_head`).
    A sender who is not a contact is refused with ``UnknownSender`` until the user
    has seen the safety number and confirms; the sender's card from the bundle is
    then added as an unverified contact.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from reflectdesk.atomic_files import AtomicFile
from reflectdesk.bundles import (
    BundleInspection,
    BundleKind,
    BundleMeta,
    Card,
    Identity,
    OpenedBundle,
    PinnedKey,
    PublicIdentity,
    RecordType,
    age_io,
    attachment_path,
    bundle_file_name,
    card_path,
    entry_path,
    inspect_bundle,
    open_bundle,
    read_bundle_file,
    recheck_author,
    record_path,
    safety_number,
    write_bundle,
)
from reflectdesk.bundles.age_header import parse_header
from reflectdesk.bundles.canonical import (
    Blob,
    JsonObject,
    as_object,
    format_timestamp,
    parse_timestamp,
)
from reflectdesk.domain.index_doc import IndexDoc
from reflectdesk.domain.model import (
    AuthorStatus,
    BundleLogItem,
    Changes,
    Consent,
    ConsentRecord,
    Contact,
    EntryContent,
    EntryImportStatus,
    ExportRequest,
    ExportResult,
    ImportPreview,
    ImportResult,
    IncomingEntry,
    Revision,
    Space,
)
from reflectdesk.domain.names import name_skeleton
from reflectdesk.errors import (
    BundleError,
    BundleForeignEntry,
    BundleIdConflict,
    BundleNotForYou,
    BundleRevisionAuthorMismatch,
    BundleSchemaInvalid,
    BundleSenderCardMissing,
    BundleSignedByYourRetiredKey,
    EntryNotExportable,
    EntryNotFound,
    FileUnwritable,
    InvalidValue,
    RevisionGraphUnsound,
    UnknownSender,
)
from reflectdesk.ids import uuid7
from reflectdesk.progress import (
    NEVER_CANCELLED,
    CancelToken,
    Progress,
    ProgressSink,
    ignore_progress,
)
from reflectdesk.services.contacts import ContactService, card_data, public_of
from reflectdesk.services.context import UnlockedState
from reflectdesk.services.entries import check_own_authorship
from reflectdesk.services.identity import (
    load_or_create_identity,
    previous_identities,
    profile_card,
    untrusted_keys,
)
from reflectdesk.storage.bundle_log import IN, OUT
from reflectdesk.storage.consents import NewConsent
from reflectdesk.storage.entries import EntryImport, EntryLocation, ExportedEntry, ImportBatch
from reflectdesk.storage.local_ids import IdScope

log = logging.getLogger(__name__)

WITHDRAW_BODY: JsonObject = {"withdraw": "research"}


def inspect_file(path: Path) -> BundleInspection:
    """What anyone can tell about a bundle without a key: size, header, stanzas."""
    return inspect_bundle(read_bundle_file(path))


def _ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def _workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


# --- planning an import ----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _AttachmentPlan:
    entry_id: str  # this vault's ids (scoped by author, see storage/local_ids.py)
    attachment_id: str
    source_id: str  # the id in the bundle
    filename: str
    media_type: str
    size: int
    sha256: str
    created_ms: int


@dataclass(slots=True)
class _EntryPlan:
    entry_id: str  # this vault's id: the bundle's, scoped by author
    source_id: str  # the id in the bundle
    journal_id: str  # the author's journal id (used for your own bundles)
    created_ms: int
    updated_ms: int
    revisions: tuple[Revision, ...]  # all in the bundle, under this vault's ids
    sources: dict[str, str]  # this vault's revision id -> the bundle's
    new_revisions: tuple[Revision, ...]
    status: EntryImportStatus
    consent: Consent
    attachments: list[_AttachmentPlan] = field(default_factory=list)
    carried_attachments: int = 0

    @property
    def newest(self) -> Revision:
        return max(self.revisions, key=lambda r: (r.seq, r.id))


@dataclass(slots=True)
class _Plan:
    opened: OpenedBundle
    contact: Contact | None
    scope: IdScope  # the author's ids in this vault
    new_contact_id: str | None  # the id an unknown sender's contact will take
    sender_card: Card | None
    entries: list[_EntryPlan]
    withdrawals: list[tuple[str, datetime]]  # (entry id, stated at)
    skipped_records: int
    omitted_attachments: int
    already_imported: bool

    @property
    def status(self) -> AuthorStatus:
        return self.opened.author_status


def _belongs_to_author(
    where: EntryLocation | None, opened: OpenedBundle, contact: Contact | None
) -> bool:
    """Whether an entry held here (``None``: not held) is the bundle author's to update:
    your own for your own bundle, else in the received journal of that contact."""
    if where is None:
        return True
    if opened.author_status is AuthorStatus.SELF:
        return where.space is Space.OWN
    return (
        contact is not None
        and where.space is Space.RECEIVED
        and where.author_contact_id == contact.id
    )


def _reader_for(data: Blob, readers: Sequence[Identity]) -> Identity:
    """The key pair a bundle was sealed to: the current one, or one it replaced (a
    bundle still in transit). Anything odd is left to ``open_bundle`` to report."""
    if len(readers) > 1:
        try:
            header = parse_header(data)
            for reader in readers:
                if age_io.is_for(header, reader.x25519_key):
                    return reader
        except BundleError:
            pass
    return readers[0]


def _revision(entry_id: str, index: int, doc: JsonObject) -> Revision:
    content = as_object(doc["content"])
    keys = [pair[0] for pair in content["sections"]]  # type: ignore[index,union-attr]
    if len(set(keys)) != len(keys):
        raise BundleSchemaInvalid(
            f"{entry_path(entry_id)}:$.revisions[{index}].content.sections: duplicate key"
        )
    return Revision(
        id=str(doc["id"]),
        entry_id=entry_id,
        seq=int(doc["seq"]),  # type: ignore[arg-type]
        parent_ids=tuple(str(p) for p in doc["parent_ids"]),  # type: ignore[union-attr]
        author=str(doc["author"]),
        created_at=parse_timestamp(str(doc["created_at"])),
        content_hash=str(doc["content_hash"]),
        content=EntryContent.from_json(content),
    )


@dataclass(frozen=True, slots=True, eq=False)
class PreparedImport:
    """A bundle read, decrypted and checked once, and what importing it would do.

    The CLI and the GUI show :attr:`preview` and, once the user confirms, pass this
    object to :meth:`BundleService.import_prepared`, which stores exactly these bytes:
    the file is never opened again by path, so a file swapped in a shared or synced
    folder (or on a USB stick) between the preview and the confirmation is not what
    gets imported. Holds the decrypted bundle in memory (about the bundle's size;
    attachments are views into it) until it is dropped.
    """

    preview: ImportPreview
    opened: OpenedBundle
    reader: PublicIdentity  # the key pair of this vault it was decrypted with
    path: Path
    file_id: tuple[int, int, int, int] | None  # the file as read; None: it changed meanwhile
    # An unknown sender's contact id, named at the preview: the ids shown are the ids stored.
    new_contact_id: str | None = None


def _file_id(path: Path) -> tuple[int, int, int, int] | None:
    """What tells a replaced or rewritten file from the one read: device, inode, size
    and modification time (``None`` if it is gone)."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def _author_check(
    st: UnlockedState, opened: OpenedBundle, contact: Contact | None
) -> Callable[[str, Revision], Revision]:
    """What a revision's ``author`` may be: the bundle's signer is the only verified fact.

    A revision may name the signer, or an earlier key of the same person: yours (your
    own bundle; retired keys stay "you") or one of the contact's rotation chain (sealed
    in her record). A revision claiming a key this vault knows as someone else's (yours,
    or another contact's) is refused. Any other claim is not believed: the revision is
    stored with the signer as its author, never the claim."""
    signer = opened.manifest.author.key_id_hex
    self_bundle = opened.author_status is AuthorStatus.SELF
    same_person = set(st.own_authors) if self_bundle else set()
    others = set() if self_bundle else set(st.own_authors)
    for c in st.contacts.list():
        keys = {link.key_id for link in c.chain} | {c.card.key_id}
        if contact is not None and c.id == contact.id:
            same_person |= keys
        else:
            others |= keys
    others -= same_person | {signer}

    def check(source_id: str, rev: Revision) -> Revision:
        if rev.author == signer or rev.author in same_person:
            return rev
        if self_bundle or rev.author in others:
            raise BundleRevisionAuthorMismatch(f"{entry_path(source_id)}:{rev.id}")
        return replace(rev, author=signer)

    return check


class BundleService:
    def __init__(self, state: Callable[[], UnlockedState], contacts: ContactService) -> None:
        self._state = state
        self._contacts = contacts

    # -- export ------------------------------------------------------------------------------
    def _own_entries(self, st: UnlockedState, entry_ids: Sequence[str]) -> None:
        locations = st.entries.locations(entry_ids)
        for entry_id in entry_ids:
            where = locations.get(entry_id)
            if where is None:
                raise EntryNotFound(entry_id)
            if where.space is not Space.OWN:
                raise EntryNotExportable(entry_id)
        check_own_authorship(st, entry_ids)

    def _select_entries(self, st: UnlockedState, request: ExportRequest) -> list[str]:
        chosen = list(dict.fromkeys(request.entry_ids))
        if request.journal_id is not None:
            journal = st.journals.get(request.journal_id)
            if journal.space is not Space.OWN:
                raise EntryNotExportable(journal.id)
            known = set(chosen)
            chosen += [e for e in st.entries.ids_in_journal(journal.id) if e not in known]
        if not chosen:
            raise InvalidValue("entries")
        self._own_entries(st, chosen)
        for entry_id in request.entry_consent:
            if entry_id not in chosen:
                raise InvalidValue(f"consent:{entry_id}")
        return chosen

    @staticmethod
    def _entry_document(item: ExportedEntry) -> bytes:
        entry = item.entry
        doc = {
            "format": "reflectdesk-entry",
            "version": 1,
            "id": entry.id,
            "journal_id": entry.journal_id,
            "created_at": format_timestamp(entry.created_at, millis=True),
            "updated_at": format_timestamp(entry.updated_at, millis=True),
            "revisions": [
                {
                    "id": r.id,
                    "seq": r.seq,
                    "parent_ids": list(r.parent_ids),
                    "author": r.author or "unknown",
                    "created_at": format_timestamp(r.created_at, millis=True),
                    "content_hash": r.content_hash,
                    "content": r.content.to_json(),
                }
                for r in item.revisions
            ],
            "attachments": [
                {
                    "id": a.id,
                    "filename": a.filename,
                    "media_type": a.media_type,
                    "size": a.size,
                    "sha256": a.sha256,
                    "created_at": format_timestamp(a.created_at, millis=True),
                }
                for a in entry.attachments
            ],
        }
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    def _write(
        self,
        st: UnlockedState,
        *,
        files: dict[str, bytes],
        meta: BundleMeta,
        recipients: Sequence[Contact],
        dest: Path,
        entry_ids: Sequence[str],
        consents: Sequence[NewConsent],
        progress: ProgressSink,
        cancel: CancelToken,
    ) -> ExportResult:
        me = load_or_create_identity(st)
        files[card_path(me.public.key_id_hex)] = profile_card(st)  # for unknown receivers
        publics = [public_of(c) for c in recipients]
        path = dest / bundle_file_name() if dest.is_dir() else dest
        contact_ids = tuple(c.id for c in recipients)
        # Streamed as it is encrypted; removed on any error.
        with AtomicFile(path, 0o600, FileUnwritable) as out:
            size = write_bundle(
                out.write, me, publics, files, meta, progress=progress, cancel=cancel
            )
            progress(Progress(0, 1, "bundle-write"))
            with st.write_lock, st.entries.import_batch() as batch:
                st.bundle_log.record(
                    meta.bundle_id,
                    OUT,
                    author=st.author,
                    kind=meta.kind.value,
                    contact_ids=contact_ids,
                    entry_ids=entry_ids,
                    batch=batch,
                )
                st.consents.add_many(consents, batch=batch)
                out.commit()  # inside: a failed write logs nothing
        progress(Progress(1, 1, "bundle-write"))
        log.info("exported a bundle: %d entries", len(entry_ids))
        return ExportResult(
            bundle_id=meta.bundle_id,
            path=path,
            size=size,
            kind=meta.kind.value,
            entry_ids=tuple(entry_ids),
            attachments=sum(1 for p in files if p.startswith("attachments/")),
            recipients=contact_ids,
        )

    def export(
        self,
        request: ExportRequest,
        dest: Path,
        *,
        progress: ProgressSink = ignore_progress,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> ExportResult:
        """Write one bundle of the chosen entries to ``dest`` (a file, or a folder).

        Raises ``EntryNotFound``, ``EntryNotExportable`` (a received entry),
        ``ContactNotFound``, ``RecipientRevoked``, ``InvalidValue`` (no entries, or a
        consent for an entry not chosen), the bundle caps (``BundleTooLarge`` …) and
        ``StorageUnwritable``.
        """
        st = self._state()
        recipients = self._contacts.recipients(request.recipients)
        entry_ids = self._select_entries(st, request)
        total = len(entry_ids)
        progress(Progress(0, total, "export-read"))
        exported = st.entries.export_entries(
            entry_ids, history=request.history, attachments=request.attachments
        )
        files: dict[str, bytes] = {}
        # Attachments are read on worker threads (SQLite, AES-GCM and SHA-256 release the
        # GIL) while the entry documents are written here.
        pool = ThreadPoolExecutor(_workers())
        try:
            reading = {
                info.id: pool.submit(st.entries.attachment_data, info)
                for item in exported
                for info in item.entry.attachments
            }
            for done, item in enumerate(exported, 1):
                cancel.raise_if_cancelled()
                files[entry_path(item.entry.id)] = self._entry_document(item)
                if done % 100 == 0:
                    progress(Progress(done, total, "export-read"))
            for attachment_id, future in reading.items():
                cancel.raise_if_cancelled()
                files[attachment_path(attachment_id)] = future.result()
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
        progress(Progress(total, total, "export-read"))
        stated = datetime.now(UTC).replace(microsecond=0)
        meta = BundleMeta(
            kind=BundleKind.JOURNAL,
            consent=request.consent,
            entry_consent=dict(request.entry_consent),
            subject_id=request.journal_id,
            created=stated,
        )
        consents = [
            NewConsent(
                entry_id=e,
                level=Consent(request.entry_consent.get(e, request.consent)),
                direction=OUT,
                bundle_id=meta.bundle_id,
                contact_ids=tuple(c.id for c in recipients),
                stated_at=stated,
            )
            for e in entry_ids
        ]
        return self._write(
            st,
            files=files,
            meta=meta,
            recipients=recipients,
            dest=dest,
            entry_ids=entry_ids,
            consents=consents,
            progress=progress,
            cancel=cancel,
        )

    def withdraw_consent(
        self,
        entry_ids: Sequence[str],
        recipients: Sequence[str],
        dest: Path,
        *,
        progress: ProgressSink = ignore_progress,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> ExportResult:
        """A signed ``consent-withdrawal`` bundle: these entries may no longer be used
        for research. Receivers record it (and later drop the entries from case studies).
        """
        st = self._state()
        contacts = self._contacts.recipients(tuple(recipients))
        chosen = list(dict.fromkeys(entry_ids))
        if not chosen:
            raise InvalidValue("entries")
        self._own_entries(st, chosen)
        me = load_or_create_identity(st)
        now = datetime.now(UTC).replace(microsecond=0)
        record_id = uuid7()
        record: JsonObject = {
            "format": "reflectdesk-record",
            "version": 1,
            "id": record_id,
            "type": RecordType.CONSENT_WITHDRAWAL.value,
            # Whole seconds, like the manifest's time: a later bundle's consent (same
            # second) wins by its later bundle id, never by sub-second precision.
            "created_at": format_timestamp(now),
            "author": me.public.key_id_hex,
            "refs": list(chosen),
            "body": dict(WITHDRAW_BODY),
        }
        files = {record_path(record_id): json.dumps(record).encode("utf-8")}
        meta = BundleMeta(kind=BundleKind.CONSENT_WITHDRAWAL, created=now)
        consents = [
            NewConsent(e, None, OUT, meta.bundle_id, tuple(c.id for c in contacts), now)
            for e in chosen
        ]
        return self._write(
            st,
            files=files,
            meta=meta,
            recipients=contacts,
            dest=dest,
            entry_ids=chosen,
            consents=consents,
            progress=progress,
            cancel=cancel,
        )

    # -- import --------------------------------------------------------------------------------
    def _resolve(self, signing_key: bytes) -> PinnedKey | None:
        return self._contacts.pinned_key(signing_key)

    def _open(
        self, path: Path, progress: ProgressSink, cancel: CancelToken
    ) -> tuple[OpenedBundle, Identity]:
        st = self._state()
        me = load_or_create_identity(st)
        progress(Progress(0, 0, "bundle-read"))
        data = read_bundle_file(path)
        reader = _reader_for(data, (me, *previous_identities(st)))
        opened = open_bundle(data, reader, self._resolve, progress=progress, cancel=cancel)
        self._refuse_own_retired_key(st, opened)
        return opened, reader

    @staticmethod
    def _refuse_own_retired_key(st: UnlockedState, opened: OpenedBundle) -> None:
        if opened.author.signing_key in untrusted_keys(st):
            # Your own key, but revoked or replaced as lost: whoever holds it is not you.
            raise BundleSignedByYourRetiredKey(opened.author.key_id_hex)

    def _recheck(self, st: UnlockedState, prepared: PreparedImport) -> OpenedBundle:
        """The prepared bundle against the vault as it is now: the author's standing may
        have changed since the preview (a contact revoked, added or verified, an own key
        retired), and the key pair it was opened with must still be this vault's."""
        readers = (load_or_create_identity(st), *previous_identities(st))
        reader = next((r for r in readers if r.public == prepared.reader), None)
        if reader is None:  # prepared in another vault
            raise BundleNotForYou(prepared.opened.bundle_id)
        opened = recheck_author(prepared.opened, reader, self._resolve)
        self._refuse_own_retired_key(st, opened)
        return opened

    def _plan(
        self, st: UnlockedState, opened: OpenedBundle, new_contact_id: str | None = None
    ) -> _Plan:
        """Everything the import would do, checked against the vault; stores nothing."""
        manifest = opened.manifest
        contact: Contact | None = None
        if opened.author_status in (AuthorStatus.KNOWN, AuthorStatus.VERIFIED):
            assert opened.pinned is not None and opened.pinned.contact_id is not None
            contact = st.contacts.get(opened.pinned.contact_id)
        sender_card = opened.cards.get(manifest.author.key_id_hex)
        if sender_card is not None and sender_card.public != manifest.author:
            sender_card = None
        if opened.author_status is AuthorStatus.UNKNOWN and sender_card is not None:
            self._contacts.check_new_sender(sender_card)  # it would become a contact
        unknown = opened.author_status is AuthorStatus.UNKNOWN
        new_contact_id = (new_contact_id or uuid7()) if unknown else None
        if opened.author_status is AuthorStatus.SELF:
            scope = IdScope(st.cipher, None)
        else:
            scope = IdScope(st.cipher, contact.id if contact is not None else new_contact_id)
        entries = self._plan_entries(st, opened, contact, scope)
        omitted = self._plan_attachments(st, opened, entries, scope)
        withdrawals, skipped = self._plan_records(st, opened, contact, scope)
        return _Plan(
            opened=opened,
            contact=contact,
            scope=scope,
            new_contact_id=new_contact_id,
            sender_card=sender_card,
            entries=entries,
            withdrawals=withdrawals,
            skipped_records=skipped,
            omitted_attachments=omitted,
            already_imported=st.bundle_log.imported(manifest.bundle_id, manifest.author.key_id_hex),
        )

    @staticmethod
    def _plan_entries(
        st: UnlockedState, opened: OpenedBundle, contact: Contact | None, scope: IdScope
    ) -> list[_EntryPlan]:
        """Entries and revisions as the vault will hold them; who owns the ones held."""
        entries: list[_EntryPlan] = []
        all_revisions: dict[str, str] = {}
        check_author = _author_check(st, opened, contact)
        for source_id, doc in opened.entries.items():
            entry_id = scope.entry(source_id)
            bundled = tuple(
                check_author(source_id, _revision(source_id, i, as_object(r)))
                for i, r in enumerate(doc["revisions"])  # type: ignore[arg-type]
            )
            for rev in bundled:
                if all_revisions.setdefault(rev.id, source_id) != source_id:
                    raise BundleSchemaInvalid(f"{entry_path(source_id)}: revision id reused")
            # Under this vault's ids: another author's ids never meet this author's.
            revisions = tuple(
                replace(
                    rev,
                    id=scope.revision(entry_id, rev.id),
                    entry_id=entry_id,
                    parent_ids=tuple(scope.revision(entry_id, p) for p in rev.parent_ids),
                )
                for rev in bundled
            )
            entries.append(
                _EntryPlan(
                    entry_id=entry_id,
                    source_id=source_id,
                    journal_id=str(doc["journal_id"]),
                    created_ms=_ms(parse_timestamp(str(doc["created_at"]))),
                    updated_ms=_ms(parse_timestamp(str(doc["updated_at"]))),
                    revisions=revisions,
                    sources={
                        local.id: rev.id for local, rev in zip(revisions, bundled, strict=True)
                    },
                    new_revisions=(),
                    status=EntryImportStatus.NEW,
                    consent=opened.manifest.consent_for(source_id),
                )
            )
        locations = st.entries.locations([e.entry_id for e in entries])
        for plan in entries:
            if not _belongs_to_author(locations.get(plan.entry_id), opened, contact):
                raise BundleForeignEntry(plan.entry_id)
        stored = st.entries.stored_revisions([r.id for p in entries for r in p.revisions])
        for plan in entries:
            fresh = []
            for rev in plan.revisions:
                held = stored.get(rev.id)
                if held is None:
                    fresh.append(rev)
                elif held.entry_id != plan.entry_id or held.content_hash != rev.content_hash:
                    raise BundleIdConflict(rev.id)
            plan.new_revisions = tuple(fresh)
            if plan.entry_id in locations:
                plan.status = EntryImportStatus.UPDATED if fresh else EntryImportStatus.UNCHANGED
        return entries

    @staticmethod
    def _plan_attachments(
        st: UnlockedState, opened: OpenedBundle, entries: list[_EntryPlan], scope: IdScope
    ) -> int:
        """The attachments carried and listed by their entry; returns how many were not
        carried (an export without attachments)."""
        omitted = 0
        claimed: dict[str, str] = {}
        for plan in entries:
            refs = opened.entries[plan.source_id]["attachments"]
            for ref in map(as_object, refs):  # type: ignore[arg-type]
                source_id = str(ref["id"])
                if claimed.setdefault(source_id, plan.entry_id) != plan.entry_id:
                    raise BundleSchemaInvalid(f"attachments/{source_id}: listed by two entries")
                if source_id not in opened.attachments:
                    omitted += 1
                    continue
                plan.carried_attachments += 1
                plan.attachments.append(
                    _AttachmentPlan(
                        entry_id=plan.entry_id,
                        attachment_id=scope.attachment(plan.entry_id, source_id),
                        source_id=source_id,
                        filename=str(ref["filename"]),
                        media_type=str(ref["media_type"]),
                        size=int(ref["size"]),  # type: ignore[arg-type]
                        sha256=str(ref["sha256"]),
                        created_ms=_ms(parse_timestamp(str(ref["created_at"]))),
                    )
                )
        owners = st.entries.attachment_owners(
            [a.attachment_id for p in entries for a in p.attachments]
        )
        for plan in entries:
            for att in plan.attachments:
                owner = owners.get(att.attachment_id)
                if owner is not None and owner != plan.entry_id:
                    raise BundleIdConflict(att.attachment_id)
            plan.attachments = [a for a in plan.attachments if a.attachment_id not in owners]
            if plan.attachments and plan.status is EntryImportStatus.UNCHANGED:
                plan.status = EntryImportStatus.UPDATED
        return omitted

    @staticmethod
    def _plan_records(
        st: UnlockedState, opened: OpenedBundle, contact: Contact | None, scope: IdScope
    ) -> tuple[list[tuple[str, datetime]], int]:
        """Consent withdrawals (entry id, stated at), and how many records are skipped:
        types this version does not import yet (comments, sign-offs: their issue)."""
        withdrawals: list[tuple[str, datetime]] = []
        skipped = 0
        for record_id, record in opened.records.items():
            if record["type"] != RecordType.CONSENT_WITHDRAWAL.value:
                skipped += 1
                continue
            if record["body"] != WITHDRAW_BODY:
                raise BundleSchemaInvalid(f"{record_path(record_id)}:$.body: not a withdrawal")
            stated = parse_timestamp(str(record["created_at"]))
            refs = [scope.entry(str(r)) for r in record["refs"]]  # type: ignore[union-attr]
            places = st.entries.locations(refs)
            for entry_id in refs:
                # Not held yet is fine: the entries may arrive later (any order).
                if not _belongs_to_author(places.get(entry_id), opened, contact):
                    raise BundleForeignEntry(entry_id)
                withdrawals.append((entry_id, stated))
        return withdrawals, skipped

    def prepare(
        self,
        path: Path,
        *,
        progress: ProgressSink = ignore_progress,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> PreparedImport:
        """Read, open and check a bundle once and say what importing it would do;
        stores nothing. Import the result with :meth:`import_prepared`.

        Raises every ``BundleError`` of ``open_bundle`` (see docs/bundle-format.md §8)
        and ``BundleForeignEntry`` / ``BundleIdConflict`` when it clashes with the vault.
        """
        st = self._state()
        before = _file_id(path)
        opened, reader = self._open(path, progress, cancel)
        after = _file_id(path)
        with st.write_lock:
            plan = self._plan(st, opened)
        file_id = after if after == before else None  # changed while being read
        return PreparedImport(
            self._preview(st, plan), opened, reader.public, path, file_id, plan.new_contact_id
        )

    def preview(
        self,
        path: Path,
        *,
        progress: ProgressSink = ignore_progress,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> ImportPreview:
        """What importing a bundle would do (``bundle inspect``); stores nothing."""
        return self.prepare(path, progress=progress, cancel=cancel).preview

    def _preview(self, st: UnlockedState, plan: _Plan) -> ImportPreview:
        opened = plan.opened
        manifest = opened.manifest
        me = load_or_create_identity(st).public
        status = plan.status
        if plan.contact is not None:
            name = plan.contact.name
        elif status is AuthorStatus.SELF:
            name = st.profile.get().name
        else:
            name = plan.sender_card.name if plan.sender_card is not None else ""
        same_name: tuple[str, ...] = ()
        if status is AuthorStatus.UNKNOWN and name:
            skeleton = name_skeleton(name)  # look-alikes too (TR 39)
            same_name = tuple(c.id for c in st.contacts.list() if name_skeleton(c.name) == skeleton)
        return ImportPreview(
            bundle_id=manifest.bundle_id,
            kind=manifest.kind.value,
            created=manifest.created,
            size=opened.size,
            author_key_id=manifest.author.key_id_hex,
            author_name=name,
            author_status=status,
            contact_id=plan.contact.id if plan.contact is not None else None,
            safety_number=(
                safety_number(me, manifest.author) if status is AuthorStatus.UNKNOWN else None
            ),
            same_name_contacts=same_name,
            has_sender_card=plan.sender_card is not None,
            consent=manifest.consent,
            entries=tuple(
                IncomingEntry(
                    entry_id=p.entry_id,
                    title=p.newest.content.title,
                    status=(EntryImportStatus.UNCHANGED if plan.already_imported else p.status),
                    revisions=len(p.revisions),
                    new_revisions=0 if plan.already_imported else len(p.new_revisions),
                    attachments=p.carried_attachments,
                    consent=p.consent,
                )
                for p in sorted(plan.entries, key=lambda p: p.entry_id)
            ),
            attachments=len(opened.attachments),
            attachment_bytes=sum(len(v) for v in opened.attachments.values()),
            attachments_omitted=plan.omitted_attachments,
            withdrawals=tuple(dict.fromkeys(e for e, _ in plan.withdrawals)),
            skipped_records=plan.skipped_records,
            already_imported=plan.already_imported,
        )

    def import_bundle(
        self,
        path: Path,
        *,
        confirm_unknown_sender: bool = False,
        progress: ProgressSink = ignore_progress,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> ImportResult:
        """Read a bundle once and import it in one transaction, with no preview in
        between (scripts, tests). After a preview use :meth:`import_prepared`.

        Raises what :meth:`prepare` raises, ``UnknownSender`` when the author is not a
        contact and ``confirm_unknown_sender`` is false, ``BundleSenderCardMissing``
        when such a bundle has no card to add, and ``Cancelled``.
        """
        opened, _reader = self._open(path, progress, cancel)
        return self._import(opened, confirm_unknown_sender, progress, cancel)

    def import_prepared(
        self,
        prepared: PreparedImport,
        *,
        confirm_unknown_sender: bool = False,
        progress: ProgressSink = ignore_progress,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> ImportResult:
        """Import the bundle :meth:`prepare` read and the user saw previewed: the same
        bytes, never the file again. The author is checked against the contacts as they
        are now (``BundleAuthorRevoked`` if revoked meanwhile). Raises what
        :meth:`import_bundle` raises."""
        opened = self._recheck(self._state(), prepared)
        result = self._import(
            opened, confirm_unknown_sender, progress, cancel, prepared.new_contact_id
        )
        if prepared.file_id is None or _file_id(prepared.path) != prepared.file_id:
            # Not an error: what the user saw was imported. But someone may have swapped
            # the file (a synced folder): the front ends say so.
            log.warning("a bundle's file changed after the preview")  # no id: shared
            result = replace(result, file_changed=True)
        return result

    def _import(
        self,
        opened: OpenedBundle,
        confirm_unknown_sender: bool,
        progress: ProgressSink,
        cancel: CancelToken,
        new_contact_id: str | None = None,
    ) -> ImportResult:
        st = self._state()
        with st.write_lock:
            plan = self._plan(st, opened, new_contact_id)
            bundle_id = opened.bundle_id
            if plan.already_imported:
                log.info("bundle already imported; nothing to do")
                return ImportResult(
                    bundle_id=bundle_id,
                    already_imported=True,
                    contact_id=plan.contact.id if plan.contact else None,
                    contact_added=False,
                    journal_ids=(),
                    entries_new=(),
                    entries_updated=(),
                    entries_unchanged=len(plan.entries),
                    conflicted=(),
                    revisions_added=0,
                    attachments_added=0,
                    withdrawals=0,
                )
            if plan.status is AuthorStatus.UNKNOWN:
                if not confirm_unknown_sender:
                    raise UnknownSender(opened.author.key_id_hex)
                if plan.sender_card is None:
                    raise BundleSenderCardMissing(opened.author.key_id_hex)
            result, docs = self._store(st, plan, progress, cancel)
            if docs:  # committed: now the search index (under the lock, as edits do)
                st.index.add_many(docs)
        st.emit(
            Changes(
                entries=frozenset(result.entries_new + result.entries_updated),
                journals=frozenset(result.journal_ids),
                contacts=frozenset(
                    [result.contact_id] if result.contact_added and result.contact_id else []
                ),
                attachments=frozenset(a.attachment_id for p in plan.entries for a in p.attachments),
            )
        )
        log.info(
            "imported a bundle: %d new, %d updated, %d unchanged entries",
            len(result.entries_new),
            len(result.entries_updated),
            result.entries_unchanged,
        )
        return result

    def _store(
        self, st: UnlockedState, plan: _Plan, progress: ProgressSink, cancel: CancelToken
    ) -> tuple[ImportResult, list[IndexDoc]]:
        opened = plan.opened
        manifest = opened.manifest
        self_bundle = plan.status is AuthorStatus.SELF
        total_bytes = sum(a.size for p in plan.entries for a in p.attachments)
        done_bytes = 0
        contact = plan.contact
        added = False
        journal_ids: set[str] = set()
        with st.entries.import_batch() as batch, ThreadPoolExecutor(_workers()) as pool:
            if plan.status is AuthorStatus.UNKNOWN:
                assert plan.sender_card is not None
                contact = st.contacts.add(
                    card_data(plan.sender_card),
                    vouched_by=plan.sender_card.previous_signing_key,  # a revocation reaches it
                    batch=batch,
                    contact_id=plan.new_contact_id,
                )
                added = True
            targets = self._targets(batch, plan, contact, journal_ids)
            items = [
                EntryImport(
                    entry_id=p.entry_id,
                    journal_id=targets[p.entry_id],
                    created_ms=p.created_ms,
                    updated_ms=p.updated_ms,
                    revisions=p.new_revisions,
                    source_id=None if plan.scope.own else p.source_id,
                    sources={} if plan.scope.own else p.sources,
                )
                for p in plan.entries
            ]
            progress(Progress(0, len(items), "import-entries"))
            try:
                outcomes = batch.import_entries(items)
            except RevisionGraphUnsound as e:  # the bundle's fault: said as the bundle's error
                raise BundleSchemaInvalid(f"entries/{e.detail}.json: revision parents") from e
            progress(Progress(len(items), len(items), "import-entries"))
            progress(Progress(0, total_bytes, "import-attachments"))
            for p in plan.entries:
                for att in p.attachments:
                    cancel.raise_if_cancelled()
                    batch.add_attachment(
                        att.entry_id,
                        att.attachment_id,
                        filename=att.filename,
                        media_type=att.media_type,
                        created_ms=att.created_ms,
                        sha256=att.sha256,
                        data=opened.attachments[att.source_id],
                        pool=pool,
                    )
                    done_bytes += att.size
                    progress(Progress(done_bytes, total_bytes, "import-attachments"))
            cancel.raise_if_cancelled()
            contact_ids = (contact.id,) if contact is not None else ()
            consents = [
                NewConsent(p.entry_id, p.consent, IN, manifest.bundle_id, contact_ids,
                           manifest.created)
                for p in plan.entries
            ]  # fmt: skip
            if not self_bundle:
                consents += [
                    NewConsent(e, None, IN, manifest.bundle_id, contact_ids, stated)
                    for e, stated in plan.withdrawals
                ]
            st.consents.add_many(consents, batch=batch)
            st.bundle_log.record(
                manifest.bundle_id,
                IN,
                author=manifest.author.key_id_hex,
                kind=manifest.kind.value,
                contact_ids=contact_ids,
                entry_ids=[p.entry_id for p in plan.entries],
                batch=batch,
            )
        # Committed. Index what changed (the heads come from the bundle or the vault).
        by_id = {p.entry_id: p for p in plan.entries}
        docs: list[IndexDoc] = []
        for outcome in outcomes:
            if not (outcome.new or outcome.revisions_added or outcome.head_changed):
                continue
            incoming = {r.id: r for r in by_id[outcome.entry_id].revisions}
            head = incoming.get(outcome.head_revision_id)
            if head is None:
                head = st.entries.get(outcome.entry_id).head
            docs.append(
                IndexDoc.from_content(
                    entry_id=outcome.entry_id,
                    journal_id=outcome.journal_id,
                    created_ms=outcome.created_ms,
                    updated_ms=outcome.updated_ms,
                    revisions=outcome.revision_count,
                    content=head.content,
                )
            )
        result = ImportResult(
            bundle_id=manifest.bundle_id,
            already_imported=False,
            contact_id=contact.id if contact is not None else None,
            contact_added=added,
            journal_ids=tuple(sorted(journal_ids)),
            entries_new=tuple(o.entry_id for o in outcomes if o.new),
            entries_updated=tuple(
                o.entry_id
                for o in outcomes
                if not o.new and (o.revisions_added or by_id[o.entry_id].attachments)
            ),
            entries_unchanged=sum(
                1
                for o in outcomes
                if not o.new and not o.revisions_added and not by_id[o.entry_id].attachments
            ),
            conflicted=tuple(o.entry_id for o in outcomes if o.conflicted),
            revisions_added=sum(o.revisions_added for o in outcomes),
            attachments_added=sum(len(p.attachments) for p in plan.entries),
            withdrawals=0 if self_bundle else len(plan.withdrawals),
        )
        return result, docs

    @staticmethod
    def _targets(
        batch: ImportBatch, plan: _Plan, contact: Contact | None, journal_ids: set[str]
    ) -> dict[str, str]:
        """The journal each new entry goes to: the author's received journal, or (for
        your own bundle) the journal it came from."""
        targets: dict[str, str] = {}
        if not plan.entries:
            return targets
        if plan.status is AuthorStatus.SELF:
            for p in plan.entries:
                journal_id, created = batch.own_journal(p.journal_id)
                targets[p.entry_id] = journal_id
                if created:
                    journal_ids.add(journal_id)
            return targets
        assert contact is not None
        journal_id, created = batch.received_journal(contact.id, contact.name)
        if created:
            journal_ids.add(journal_id)
        return dict.fromkeys((p.entry_id for p in plan.entries), journal_id)

    # -- reads ---------------------------------------------------------------------------------
    def received_entry_id(self, contact_id: str, entry_id: str) -> str:
        """This vault's id for the entry ``entry_id`` a contact sent (ids are scoped by
        author and stored as keyed hashes; see storage/local_ids.py)."""
        return IdScope(self._state().cipher, contact_id).entry(entry_id)

    def consents(self, entry_id: str) -> list[ConsentRecord]:
        """Every consent statement about an entry (given or received), oldest first."""
        return self._state().consents.for_entry(entry_id)

    def current_consent(self, entry_id: str) -> ConsentRecord | None:
        """The consent in force for a received entry: the author's latest statement.

        Order-independent: by the author's time, then bundle id. ``level is None``
        means research consent was withdrawn.
        """
        st = self._state()
        where = st.entries.locations([entry_id]).get(entry_id)
        records = st.consents.for_entry(entry_id)
        if where is not None and where.space is Space.RECEIVED:
            records = [
                r for r in records if r.direction == IN and where.author_contact_id in r.contact_ids
            ]
        else:
            records = [r for r in records if r.direction == OUT]
        if not records:
            return None
        return max(records, key=lambda r: (r.stated_at, r.bundle_id))

    def log(self, direction: str | None = None) -> list[BundleLogItem]:
        """Bundles exported ("out") and imported ("in"), oldest first."""
        return self._state().bundle_log.list(direction)
