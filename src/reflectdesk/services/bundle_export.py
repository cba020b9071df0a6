"""Export bundles: entries to contacts, and the withdrawal of research consent.

Entries (by id or a whole journal; own entries only), with or without their
attachments and history, go to chosen contacts (you are always a recipient), with a
consent per bundle and per entry; the author's card travels in ``cards/`` so an
unknown receiver can add you. One file, written atomically; in a folder it is named by
the day and a short random id (``reflectdesk-2026-12-03-7f3a.rdbundle``), never by who or
what is inside.
Logged in ``bundle_log`` ("out") with the consent given per entry, in the same
transaction that commits the file: a failed write logs nothing.
"""

from __future__ import annotations

import json
import logging
import re
import secrets
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime
from pathlib import Path

from reflectdesk.atomic_files import AtomicFile
from reflectdesk.bundles import (
    BundleKind,
    BundleMeta,
    RecordType,
    attachment_path,
    card_path,
    dated_bundle_file_name,
    entry_path,
    journal_record,
    record_path,
    write_bundle,
)
from reflectdesk.bundles.canonical import JsonObject, format_timestamp
from reflectdesk.domain.merge import is_automatic
from reflectdesk.domain.model import Consent, Contact, ExportRequest, ExportResult, Space
from reflectdesk.domain.titles import clean_title
from reflectdesk.errors import (
    EntryNotExportable,
    EntryNotFound,
    FeedbackThroughAuthor,
    FileUnwritable,
    InvalidValue,
    NoFeedbackToSend,
)
from reflectdesk.ids import uuid7
from reflectdesk.progress import (
    NEVER_CANCELLED,
    CancelToken,
    Progress,
    ProgressSink,
    ignore_progress,
)
from reflectdesk.services.bundle_common import WITHDRAW_BODY, workers
from reflectdesk.services.contacts import ContactService, public_of
from reflectdesk.services.entries import check_own_authorship
from reflectdesk.services.identity import load_or_create_identity, profile_card
from reflectdesk.services.review import ReviewService
from reflectdesk.services.unlocked_state import UnlockedState
from reflectdesk.storage.bundle_log import OUT
from reflectdesk.storage.consents import NewConsent
from reflectdesk.storage.entries import ExportedEntry

log = logging.getLogger(__name__)


def free_bundle_path(folder: Path, day: date) -> Path:
    """A dated name not yet taken in ``folder``: two bundles made the same day clash on
    the 4-digit id once in 65,536; then another id, and after a few tries a longer one.
    An existing file is never replaced."""
    for attempt in range(24):
        short = secrets.token_hex(2 if attempt < 16 else 8)
        path = folder / dated_bundle_file_name(day, short)
        if not path.exists():
            return path
    raise FileUnwritable(str(folder))


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


def feedback_files(records: Sequence[JsonObject], author: str) -> dict[str, bytes]:
    """Review records as bundle records of type ``feedback``: the body is the signed
    review record verbatim (it is verified on its own at the receiver, whoever forwards
    it); ``refs`` names the entry in its author's ids."""
    files: dict[str, bytes] = {}
    for review in records:
        record_id = uuid7()
        entry = review.get("entry")
        ref = entry.get("entry_id") if isinstance(entry, dict) else None
        doc: JsonObject = {
            "format": "reflectdesk-record",
            "version": 1,
            "id": record_id,
            "type": RecordType.FEEDBACK.value,
            "created_at": format_timestamp(datetime.now(UTC), millis=True),
            "author": author,
            "refs": [ref] if isinstance(ref, str) and _UUID.fullmatch(ref) else [],
            "body": review,
        }
        files[record_path(record_id)] = json.dumps(doc, ensure_ascii=False).encode("utf-8")
    return files


def journal_files(st: UnlockedState, journal_ids: set[str], author: str) -> dict[str, bytes]:
    """A ``journal`` record per journal (its id as the entry documents carry it, its
    title cleaned as a receiver would store it); none for an untitled journal."""
    files: dict[str, bytes] = {}
    now = datetime.now(UTC)
    for journal_id in sorted(journal_ids):
        title = clean_title(st.journals.get(journal_id).title)
        if title:
            path, data = journal_record(uuid7(), journal_id, title, author, now)
            files[path] = data
    return files


_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


class BundleExportService:
    def __init__(self, state: Callable[[], UnlockedState], contacts: ContactService) -> None:
        self._state = state
        self._contacts = contacts
        # The records that travel, chosen by the review rules (who shared what with whom).
        self._review = ReviewService(state, contacts)

    def export_feedback(
        self,
        recipients: Sequence[str],
        dest: Path,
        *,
        progress: ProgressSink = ignore_progress,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> list[ExportResult]:
        """``feedback`` bundles: the review records (comments, replies, resolutions,
        sign-offs, withdrawals, statuses) each of ``recipients`` can accept from you
        (``ReviewService.feedback_for``): on your entries you sent her, on her entries,
        on a third author's entries she and the signer were both listed on. One bundle
        per distinct set of records (one for all when they can all accept the same), in
        ``dest`` (a folder; a file name only when one bundle is enough).

        Raises ``ContactNotFound``, ``RecipientRevoked``, ``NoFeedbackToSend`` when
        there is nothing for anyone, ``FeedbackThroughAuthor`` (naming her) when one
        chosen recipient could accept nothing, ``InvalidValue("--output")`` when
        several bundles are needed and ``dest`` is not a folder."""
        st = self._state()
        contacts = self._contacts.recipients(tuple(recipients))
        if not contacts:
            raise InvalidValue("--to")
        per = self._review.feedback_for([c.id for c in contacts])
        if not any(s.records for s in per.values()):
            raise NoFeedbackToSend()
        for c in contacts:
            if not per[c.id].records:
                raise FeedbackThroughAuthor(c.id[:8], name=c.name)
        groups: dict[frozenset[str], list[Contact]] = {}
        for c in contacts:
            groups.setdefault(frozenset(r.id for r in per[c.id].records), []).append(c)
        if len(groups) > 1 and not dest.is_dir():
            raise InvalidValue("--output")
        me = load_or_create_identity(st)
        results: list[ExportResult] = []
        for members in groups.values():
            chosen = per[members[0].id]
            files = feedback_files([r.to_json() for r in chosen.records], me.public.key_id_hex)
            meta = BundleMeta(
                kind=BundleKind.FEEDBACK, created=datetime.now(UTC).replace(microsecond=0)
            )
            results.append(
                self._write(
                    st,
                    files=files,
                    meta=meta,
                    recipients=members,
                    dest=dest,
                    entry_ids=list(chosen.entry_ids),
                    consents=[],
                    progress=progress,
                    cancel=cancel,
                )
            )
        return results

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
        pool = ThreadPoolExecutor(workers())
        try:
            reading = {
                info.id: pool.submit(st.entries.attachment_data, info)
                for item in exported
                for info in item.entry.attachments
            }
            for done, item in enumerate(exported, 1):
                cancel.raise_if_cancelled()
                files[entry_path(item.entry.id)] = _entry_document(item)
                if done % 100 == 0:
                    progress(Progress(done, total, "export-read"))
            for attachment_id, future in reading.items():
                cancel.raise_if_cancelled()
                files[attachment_path(attachment_id)] = future.result()
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
        progress(Progress(total, total, "export-read"))
        # Her own review records (her status, her replies, feedback she forwards) travel
        # with her entries.
        records, _about = self._review.travelling([c.id for c in recipients], entry_ids)
        author = load_or_create_identity(st).public.key_id_hex
        files.update(feedback_files(records, author))
        # Each journal's title, so her tutor can tell her courses apart (issue 14).
        files.update(journal_files(st, {item.entry.journal_id for item in exported}, author))
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
            merges={
                item.entry.id: [
                    r.id
                    for r in item.revisions
                    if is_automatic(item.entry.id, r.id, r.parent_ids, r.content_hash)
                ]
                for item in exported
            },
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

    # -- the parts ---------------------------------------------------------------------------
    @staticmethod
    def _own_entries(st: UnlockedState, entry_ids: Sequence[str]) -> None:
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
    def _write(
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
        merges: Mapping[str, Sequence[str]] | None = None,
    ) -> ExportResult:
        me = load_or_create_identity(st)
        files[card_path(me.public.key_id_hex)] = profile_card(st)  # for unknown receivers
        publics = [public_of(c) for c in recipients]
        path = free_bundle_path(dest, datetime.now().astimezone().date()) if dest.is_dir() else dest
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
                    merges=merges,
                    batch=batch,
                )
                st.consents.add_many(consents, batch=batch)
                out.commit()  # inside: a failed write logs nothing
        progress(Progress(1, 1, "bundle-write"))
        log.info("exported a %s bundle: %d entries", meta.kind.value, len(entry_ids))
        return ExportResult(
            bundle_id=meta.bundle_id,
            path=path,
            size=size,
            kind=meta.kind.value,
            entry_ids=tuple(entry_ids),
            attachments=sum(1 for p in files if p.startswith("attachments/")),
            recipients=contact_ids,
        )
