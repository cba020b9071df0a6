"""Import bundles: read once, preview, then store what was previewed.

``prepare`` opens the bundle (every check of ``open_bundle``, in memory) and says what
an import would do; nothing is stored. ``import_prepared`` stores *those same bytes*
(the file is not read again: one swapped between the preview and the confirmation
changes nothing) in **one** SQLite transaction, after checking the author against the
contacts again: received entries go to a read-only journal per author
(``space=received``) with their original entry, revision and attachment ids, parents,
author and content hash; consent is recorded; the bundle is logged. Any error rolls
everything back. Importing the same bundle twice changes nothing (the bundle log, and
revision ids), and any order of the same bundles gives the same state (heads are a
function of the set of revisions held, see :func:`reflectdesk.domain.merge.decide`; own
entries whose revisions forked on two computers merge section by section, docs/merge.md).
A sender who is not a contact is refused with ``UnknownSender`` until the user has seen
the safety number and confirms; the sender's card from the bundle is then added as an
unverified contact.

The walk goes one way, service → :mod:`reflectdesk.bundles` → back with values; the
bundle layer never calls into a service:

1. **read** — :func:`~reflectdesk.bundles.read_bundle_file` (size cap, one buffer);
2. **open** — :func:`~reflectdesk.bundles.open_bundle` with this vault's key pairs
   (:func:`~reflectdesk.services.bundle_common.readers`) and the table of known authors
   (:meth:`ContactService.known_authors`), both handed down as data. It runs every check
   of docs/bundle-format.md §8 and returns a typed
   :class:`~reflectdesk.bundles.OpenedBundle`: entries with their revisions as
   :class:`~reflectdesk.domain.model.Revision`, attachment references, records, the
   sender's card, and which key pair opened it;
3. **plan** — :func:`reflectdesk.services.bundle_plan.plan` checks the values against
   the vault (storage only), under the write lock; ``prepare`` stops here with the
   preview;
4. **recheck** (``import_prepared`` only) — :func:`~reflectdesk.bundles.recheck_author`
   with a fresh table: the author's standing may have changed since the preview;
5. **store** — :meth:`BundleImportService._store`: one import batch (storage), then the
   search index, then one ``Changes`` to subscribers.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from reflectdesk.bundles import (
    BundleInspection,
    Identity,
    JournalTitle,
    KnownAuthors,
    OpenedBundle,
    inspect_bundle,
    open_bundle,
    read_bundle_file,
    recheck_author,
    safety_number,
)
from reflectdesk.domain.index_doc import IndexDoc
from reflectdesk.domain.model import (
    AuthorStatus,
    Changes,
    Contact,
    EntryImportStatus,
    ImportPreview,
    ImportResult,
    IncomingEntry,
)
from reflectdesk.domain.names import name_skeleton
from reflectdesk.domain.titles import clean_title
from reflectdesk.errors import (
    BundleNotForYou,
    BundleSchemaInvalid,
    BundleSenderCardMissing,
    BundleSignedByYourRetiredKey,
    RevisionGraphUnsound,
    UnknownSender,
)
from reflectdesk.progress import (
    NEVER_CANCELLED,
    CancelToken,
    Progress,
    ProgressSink,
    ignore_progress,
)
from reflectdesk.services.batch_ahead import NOTHING, Ahead
from reflectdesk.services.bundle_common import readers, workers
from reflectdesk.services.bundle_plan import ImportPlan, plan
from reflectdesk.services.case_studies import CaseStudyService
from reflectdesk.services.contacts import ContactService, card_data
from reflectdesk.services.identity import load_or_create_identity, untrusted_keys
from reflectdesk.services.review import ReviewService
from reflectdesk.services.review_receive import CheckedRecords
from reflectdesk.services.unlocked_state import UnlockedState
from reflectdesk.storage.bundle_log import IN
from reflectdesk.storage.consents import NewConsent
from reflectdesk.storage.entry_import import EntryImport, ImportBatch, ReceivedJournal
from reflectdesk.storage.local_ids import IdScope

log = logging.getLogger(__name__)


def inspect_file(path: Path) -> BundleInspection:
    """What anyone can tell about a bundle without a key: size, header, stanzas."""
    return inspect_bundle(read_bundle_file(path))


@dataclass(frozen=True, slots=True, eq=False)
class PreparedImport:
    """A bundle read, decrypted and checked once, and what importing it would do.

    The CLI and the GUI show :attr:`preview` and, once the user confirms, pass this
    object to :meth:`BundleImportService.import_prepared`, which stores exactly these
    bytes: the file is never opened again by path, so a file swapped in a shared or
    synced folder (or on a USB stick) between the preview and the confirmation is not
    what gets imported. Holds the decrypted bundle in memory (about the bundle's size;
    attachments are views into it) until it is dropped. ``opened.reader`` is the key
    pair of this vault it was decrypted with.
    """

    preview: ImportPreview
    opened: OpenedBundle
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


def _refuse_own_retired_key(st: UnlockedState, opened: OpenedBundle) -> None:
    if opened.author.signing_key in untrusted_keys(st):
        # Your own key, but revoked or replaced as lost: whoever holds it is not you.
        raise BundleSignedByYourRetiredKey(opened.author.key_id_hex)


class BundleImportService:
    def __init__(
        self,
        state: Callable[[], UnlockedState],
        contacts: ContactService,
        case_studies: CaseStudyService,
    ) -> None:
        self._state = state
        self._contacts = contacts
        self._review = ReviewService(state, contacts)
        # The vault's own instance: its consent-row mark then knows this import's
        # withdrawals were applied, and the next read of the studies does not scan again.
        self._case_studies = case_studies

    def _check_reviews(self, p: ImportPlan) -> CheckedRecords | None:
        """The review records of the bundle through every rule of the review service;
        one refused refuses the bundle (its error). Under the write lock."""
        if not p.reviews or p.already_imported:
            return None
        return self._review.check_received(p.reviews, p.opened.manifest.author.key_id_hex)

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
        opened = self._open(st, path, progress, cancel)
        after = _file_id(path)
        with st.write_lock:
            import_plan = plan(st, self._contacts, opened)
            reviews = self._check_reviews(import_plan)  # a refusal shows at the preview
        file_id = after if after == before else None  # changed while being read
        return PreparedImport(
            self._preview(st, import_plan, reviews),
            opened,
            path,
            file_id,
            import_plan.new_contact_id,
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
        opened = self._open(self._state(), path, progress, cancel)
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

    def received_entry_id(self, contact_id: str, entry_id: str) -> str:
        """This vault's id for the entry ``entry_id`` a contact sent (ids are scoped by
        author and stored as keyed hashes; see storage/local_ids.py)."""
        return IdScope(self._state().cipher, contact_id).entry(entry_id)

    def open_data(
        self,
        data: memoryview,
        authors: KnownAuthors,
        *,
        keys: tuple[Identity, ...] | None = None,
        progress: ProgressSink = ignore_progress,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> OpenedBundle:
        """Steps 2 of a bundle already read (a batch reads and hashes each file once)
        against a table of known authors the caller took (``known_authors``).

        With ``keys`` (this vault's key pairs, :meth:`reader_keys`, taken beforehand),
        nothing here takes the vault's write lock (a batch opens on a second thread
        while its first holds the lock), and the check against your own retired keys is
        the caller's: :meth:`refuse_own_retired_key`."""
        st = self._state()
        if keys is not None:
            return open_bundle(data, keys, authors, progress=progress, cancel=cancel)
        opened = open_bundle(data, readers(st), authors, progress=progress, cancel=cancel)
        _refuse_own_retired_key(st, opened)
        return opened

    def reader_keys(self) -> tuple[Identity, ...]:
        """This vault's key pairs, current first (what bundles are opened with)."""
        return readers(self._state())

    def refuse_own_retired_key(self, opened: OpenedBundle) -> None:
        """Raises ``BundleSignedByYourRetiredKey`` for a bundle signed by your own key
        that was revoked or replaced as lost."""
        _refuse_own_retired_key(self._state(), opened)

    def import_opened(
        self,
        opened: OpenedBundle,
        *,
        confirm_unknown_sender: bool = False,
        progress: ProgressSink = ignore_progress,
        cancel: CancelToken = NEVER_CANCELLED,
        index_later: list[IndexDoc] | None = None,
        changes_later: list[Changes] | None = None,
        ahead: Ahead = NOTHING,
    ) -> ImportResult:
        """Steps 3 and 5 for a bundle :meth:`open_data` opened (the batch import).

        ``ahead``: the ids and sealed revision rows the batch computed on its opening
        side (:mod:`~reflectdesk.services.batch_ahead`), used where they match.

        With ``index_later``, the search documents are appended there instead of being
        written: the caller indexes many bundles in one transaction (a crash before it
        does is caught up at the next unlock, as for any crash between the two writes).
        With ``changes_later``, the ``Changes`` are appended there instead of being
        emitted: inside a :meth:`Database.group` nothing is committed yet, and the caller
        emits them once it is."""
        return self._import(
            opened,
            confirm_unknown_sender,
            progress,
            cancel,
            index_later=index_later,
            changes_later=changes_later,
            ahead=ahead,
        )

    # -- steps 1, 2 and 4: the bundle layer --------------------------------------------------
    def _open(
        self, st: UnlockedState, path: Path, progress: ProgressSink, cancel: CancelToken
    ) -> OpenedBundle:
        progress(Progress(0, 0, "bundle-read"))
        data = read_bundle_file(path)
        authors = self._contacts.known_authors()
        opened = open_bundle(data, readers(st), authors, progress=progress, cancel=cancel)
        _refuse_own_retired_key(st, opened)
        return opened

    def _recheck(self, st: UnlockedState, prepared: PreparedImport) -> OpenedBundle:
        """The prepared bundle against the vault as it is now: the author's standing may
        have changed since the preview (a contact revoked, added or verified, an own key
        retired), and the key pair it was opened with must still be this vault's."""
        if all(r.public != prepared.opened.reader for r in readers(st)):
            raise BundleNotForYou(prepared.opened.bundle_id)  # prepared in another vault
        opened = recheck_author(prepared.opened, self._contacts.known_authors())
        _refuse_own_retired_key(st, opened)
        return opened

    # -- step 3: what the user sees ------------------------------------------------------------
    @staticmethod
    def _preview(st: UnlockedState, p: ImportPlan, reviews: CheckedRecords | None) -> ImportPreview:
        opened = p.opened
        manifest = opened.manifest
        me = load_or_create_identity(st).public
        status = p.status
        if p.contact is not None:
            name = p.contact.name
        elif status is AuthorStatus.SELF:
            name = st.profile.get().name
        else:
            name = p.sender_card.name if p.sender_card is not None else ""
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
            contact_id=p.contact.id if p.contact is not None else None,
            safety_number=(
                safety_number(me, manifest.author) if status is AuthorStatus.UNKNOWN else None
            ),
            same_name_contacts=same_name,
            has_sender_card=p.sender_card is not None,
            consent=manifest.consent,
            entries=tuple(
                IncomingEntry(
                    entry_id=e.entry_id,
                    title=e.newest.content.title,
                    status=(EntryImportStatus.UNCHANGED if p.already_imported else e.status),
                    revisions=len(e.revisions),
                    new_revisions=0 if p.already_imported else len(e.new_revisions),
                    attachments=e.carried_attachments,
                    consent=e.consent,
                )
                for e in sorted(p.entries, key=lambda e: e.entry_id)
            ),
            attachments=len(opened.attachments),
            attachment_bytes=sum(len(v) for v in opened.attachments.values()),
            attachments_omitted=p.omitted_attachments,
            withdrawals=tuple(dict.fromkeys(e for e, _ in p.withdrawals)),
            skipped_records=p.skipped_records,
            already_imported=p.already_imported,
            comments=reviews.comments if reviews else 0,
            sign_offs=reviews.sign_offs if reviews else 0,
            review_records=len(reviews.rows) if reviews else 0,
        )

    # -- step 5: store -------------------------------------------------------------------------
    def _import(
        self,
        opened: OpenedBundle,
        confirm_unknown_sender: bool,
        progress: ProgressSink,
        cancel: CancelToken,
        new_contact_id: str | None = None,
        *,
        index_later: list[IndexDoc] | None = None,
        changes_later: list[Changes] | None = None,
        ahead: Ahead = NOTHING,
    ) -> ImportResult:
        st = self._state()
        with st.write_lock:
            p = plan(st, self._contacts, opened, new_contact_id, ahead)
            if p.already_imported:
                log.info("bundle already imported; nothing to do")
                return ImportResult(
                    bundle_id=opened.bundle_id,
                    already_imported=True,
                    contact_id=p.contact.id if p.contact else None,
                    contact_added=False,
                    journal_ids=(),
                    entries_new=(),
                    entries_updated=(),
                    entries_unchanged=len(p.entries),
                    conflicted=(),
                    revisions_added=0,
                    attachments_added=0,
                    withdrawals=0,
                )
            if p.status is AuthorStatus.UNKNOWN:
                if not confirm_unknown_sender:
                    raise UnknownSender(opened.author.key_id_hex)
                if p.sender_card is None:
                    raise BundleSenderCardMissing(opened.author.key_id_hex)
            reviews = self._check_reviews(p)  # refused: nothing stored
            result, docs = self._store(st, p, progress, cancel, self._review, reviews)
            if docs and index_later is not None:
                index_later.extend(docs)  # the batch indexes many bundles at once
            elif docs:  # committed: now the search index (under the lock, as edits do)
                st.index.add_many(docs)
        if result.withdrawals:  # issue 15: withdrawn entries leave every case study now
            self._case_studies.propagate_withdrawals()
        changes = Changes(
            entries=frozenset(result.entries_new + result.entries_updated + result.entries_moved)
            | (reviews.shown if reviews is not None and result.review_records_added else set()),
            journals=frozenset(result.journal_ids),
            contacts=frozenset(
                [result.contact_id] if result.contact_added and result.contact_id else []
            ),
            attachments=frozenset(a.attachment_id for e in p.entries for a in e.attachments),
        )
        if changes_later is not None:
            changes_later.append(changes)
        else:
            st.emit(changes)
        log.info(
            "imported a bundle: %d new, %d updated, %d unchanged entries",
            len(result.entries_new),
            len(result.entries_updated),
            result.entries_unchanged,
        )
        return result

    @staticmethod
    def _store(
        st: UnlockedState,
        p: ImportPlan,
        progress: ProgressSink,
        cancel: CancelToken,
        review: ReviewService,
        reviews: CheckedRecords | None,
    ) -> tuple[ImportResult, list[IndexDoc]]:
        opened = p.opened
        manifest = opened.manifest
        self_bundle = p.status is AuthorStatus.SELF
        total_bytes = sum(a.size for e in p.entries for a in e.attachments)
        done_bytes = 0
        contact = p.contact
        added = False
        journal_ids: set[str] = set()
        with st.entries.import_batch() as batch, ThreadPoolExecutor(workers()) as pool:
            if p.status is AuthorStatus.UNKNOWN:
                assert p.sender_card is not None
                contact = st.contacts.add(
                    card_data(p.sender_card),
                    vouched_by=p.sender_card.previous_signing_key,  # a revocation reaches it
                    batch=batch,
                    contact_id=p.new_contact_id,
                )
                added = True
            targets, moving = _targets(batch, p, contact, journal_ids)
            items = [
                EntryImport(
                    entry_id=e.entry_id,
                    journal_id=targets[e.entry_id],
                    created_ms=e.created_ms,
                    updated_ms=e.updated_ms,
                    revisions=e.new_revisions,
                    source_id=None if p.scope.own else e.source_id,
                    sources={} if p.scope.own else e.sources,
                    via=manifest.bundle_id if p.scope.own else None,
                    sealed=p.sealed.get(e.entry_id, {}),
                    move=e.entry_id in moving,
                )
                for e in p.entries
            ]
            progress(Progress(0, len(items), "import-entries"))
            try:
                # Own entries whose revisions forked merge here (docs/merge.md), as yours.
                outcomes = batch.import_entries(items, merge_author=st.author)
            except RevisionGraphUnsound as exc:  # the bundle's fault: said as the bundle's error
                raise BundleSchemaInvalid(f"entries/{exc.detail}.json: revision parents") from exc
            # Her older-style journal, emptied as her entries moved to theirs, is hidden.
            batch.retire_if_empty(o.moved_from for o in outcomes if o.moved_from)
            progress(Progress(len(items), len(items), "import-entries"))
            progress(Progress(0, total_bytes, "import-attachments"))
            for e in p.entries:
                for att in e.attachments:
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
                NewConsent(e.entry_id, e.consent, IN, manifest.bundle_id, contact_ids,
                           manifest.created)
                for e in p.entries
            ]  # fmt: skip
            if not self_bundle:
                consents += [
                    NewConsent(e, None, IN, manifest.bundle_id, contact_ids, stated)
                    for e, stated in p.withdrawals
                ]
            st.consents.add_many(consents, batch=batch, sealed=p.consent_rows)
            # In the same transaction: a failure after this stores no record either.
            received = review.store_received(reviews, batch=batch) if reviews else None
            st.bundle_log.record(
                manifest.bundle_id,
                IN,
                author=manifest.author.key_id_hex,
                kind=manifest.kind.value,
                contact_ids=contact_ids,
                entry_ids=[e.entry_id for e in p.entries],
                # What the signed manifest says about who else got it (the review rules).
                recipients=[(r.key_id, r.age_recipient) for r in manifest.recipients],
                revisions={e.entry_id: [r.id for r in e.revisions] for e in p.entries},
                batch=batch,
            )
        # Committed. Index what changed (the heads come from the bundle or the vault).
        by_id = {e.entry_id: e for e in p.entries}
        docs: list[IndexDoc] = []
        for outcome in outcomes:
            if not (
                outcome.new or outcome.revisions_added or outcome.head_changed or outcome.moved_from
            ):
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
            entries_moved=tuple(o.entry_id for o in outcomes if o.moved_from),
            conflicted=tuple(o.entry_id for o in outcomes if o.conflicted),
            revisions_added=sum(o.revisions_added for o in outcomes),
            attachments_added=sum(len(e.attachments) for e in p.entries),
            withdrawals=0 if self_bundle else len(p.withdrawals),
            review_records_added=received.added if received else 0,
        )
        return result, docs


def _targets(
    batch: ImportBatch, p: ImportPlan, contact: Contact | None, journal_ids: set[str]
) -> tuple[dict[str, str], set[str]]:
    """The journal each entry goes to, and the entries that move there: your own
    bundle's entries go to the journal they came from; a contact's to her received
    journal for the journal they are in on her side (one per sender and journal,
    titled as she titled it, issue 14). An entry held elsewhere moves when her bundle
    names its journal's title (a sender that predates titles moves nothing).
    ``journal_ids`` gathers the journals made, renamed or left."""
    targets: dict[str, str] = {}
    moving: set[str] = set()
    if p.status is AuthorStatus.SELF:
        for e in p.entries:
            named = p.titles.get(e.journal_id)
            title = clean_title(named.title) if named is not None else ""
            journal_id, created = batch.own_journal(e.journal_id, title)
            targets[e.entry_id] = journal_id
            if created:
                journal_ids.add(journal_id)
        return targets, moving
    if contact is None:
        return targets, moving
    carried = {e.journal_id for e in p.entries}
    chosen: dict[str, str] = {}
    for source in sorted(carried | set(p.titles)):
        where = _received(p, source, p.titles.get(source))
        if source not in carried and not batch.has_journal(where.journal_id):
            continue  # the title of a journal none of whose entries is here yet
        journal_id, created, renamed = batch.received_journal(contact.id, where, contact.name)
        chosen[source] = journal_id
        if created or renamed:
            journal_ids.add(journal_id)
    for e in p.entries:
        target = targets[e.entry_id] = chosen[e.journal_id]
        if e.journal_id in p.titles and e.held_journal not in (None, target):
            moving.add(e.entry_id)
            journal_ids.update((str(e.held_journal), target))
    return targets, moving


def _received(p: ImportPlan, source: str, title: JournalTitle | None) -> ReceivedJournal:
    """Her journal ``source`` under this vault's keyed id, with the title she gave it."""
    if title is None:
        return ReceivedJournal(p.scope.journal(source), source)
    return ReceivedJournal(
        p.scope.journal(source),
        source,
        clean_title(title.title) or None,
        int(title.stated_at.timestamp() * 1000),
        title.record_id,
    )
