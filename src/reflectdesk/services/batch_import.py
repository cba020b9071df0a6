"""Import many bundles at once: files and folders, each bundle on its own (issue 14).

``vault.batch_import``. The tutor drops a folder of a cohort's bundles; each one is
read once, checked and imported **in its own transaction** through the same steps as
a single import (:class:`~reflectdesk.services.bundle_import.BundleImportService`:
``open_data`` then ``import_opened``), so a refused bundle never stops the batch and a
crash or a cancel leaves every bundle either whole or absent.

1. **collect** (:mod:`~reflectdesk.services.batch_collect`) — the paths given, folders
   walked recursively; links leaving the folder, FIFOs, files over the cap and files
   without the age magic line are refused there without being read.
2. **already seen** — each file is read once into memory and hashed (SHA-256). A file
   whose hash is in ``seen_files`` (a keyed hash of it, written after its bundle's
   transaction committed) is "already had" *without being decrypted*: the same folder
   imported again costs one read and one hash per file.
3. **check and import** — the bytes are opened against one table of known authors per
   batch (rebuilt after a contact is added), then imported; ``UnknownSender`` is not a
   refusal here: the sender's card is collected into :attr:`BatchReport.unknown_senders`
   with the safety number, to verify all at once, and :meth:`BatchImportService.import_senders`
   imports their bundles in a second pass.
4. **report** (:mod:`~reflectdesk.services.batch_report`) — per file: imported, already
   had, refused with the error's code, waiting for the sender's check, or not done
   (cancelled, or the batch stopped because the disk is full); ``write_report_csv``
   keeps it as CSV (file, result, reason), written atomically where the user chooses;
   no journal text, no names.

Progress is data (:class:`BatchProgress`: done/total, the file, the current sender's
display name for the front end; names never go to the log). Cancel is checked
between bundles and while a bundle is being decrypted (nothing stored yet); a bundle
being stored finishes (one short transaction).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeout
from dataclasses import dataclass, field, replace
from pathlib import Path

from reflectdesk.bundles import (
    Identity,
    KnownAuthors,
    OpenedBundle,
    read_bundle_file,
    recheck_author,
    safety_number,
)
from reflectdesk.bundles.limits import DEFAULT_LIMITS, BundleLimits
from reflectdesk.domain.index_doc import IndexDoc
from reflectdesk.domain.model import AuthorStatus, Changes
from reflectdesk.domain.names import name_skeleton
from reflectdesk.errors import (
    BundleSenderCardMissing,
    Cancelled,
    ReflectDeskError,
    StorageUnwritable,
    UnknownSender,
    VaultError,
)
from reflectdesk.progress import NEVER_CANCELLED, CancelToken
from reflectdesk.services import batch_ahead, batch_open
from reflectdesk.services.batch_ahead import NOTHING, Ahead
from reflectdesk.services.batch_collect import Collected, collect
from reflectdesk.services.batch_report import (
    BatchItem,
    BatchOutcome,
    BatchProgress,
    BatchReport,
    BatchSink,
    UnknownSenderInfo,
    ignore_batch_progress,
    refused,
    report_csv,
    write_report_csv,
)
from reflectdesk.services.bundle_import import BundleImportService
from reflectdesk.services.contacts import ContactService
from reflectdesk.services.identity import load_or_create_identity
from reflectdesk.services.unlocked_state import UnlockedState
from reflectdesk.storage.seen_files import SeenFileRepo
from reflectdesk.vault.cipher import RecordCipher

log = logging.getLogger(__name__)

SEEN_FLUSH = 50  # bundles indexed and files noted as seen in one transaction per this many
INDEX_EVERY_S = 2.0  # ... or after this long: search finds a batch's entries soon
GROUP_BUNDLES = 64  # bundles per transaction at most
GROUP_BYTES = 96 * 1024 * 1024  # ... bundle bytes held for one transaction
GROUP_SECONDS = 1.5  # ... or this long: the write lock is held for one group
GROUP_CACHE_MB = 96  # SQLite page cache of the group's connection (default 2 MB)
PREFETCH = 12  # bundles opened ahead of the one being stored
PREFETCH_BYTES = 64 * 1024 * 1024  # ... and bytes of their files, beyond the next one
_WAIT_SLICE_S = 0.2  # how often a wait for the next bundle looks at the cancel
AUTHORS_MAX_AGE_S = 30.0  # the table of known authors is taken again after this long


def _fatal(err: ReflectDeskError) -> bool:
    """Errors of this vault or this computer, not of one bundle: the batch stops."""
    return isinstance(err, StorageUnwritable | VaultError)


@dataclass(frozen=True, slots=True)
class _Opened:
    """What the second thread made of one file."""

    digest: str
    opened: OpenedBundle | None
    version: int  # of the table of known authors it was opened against
    error: ReflectDeskError | None
    seen_before: bool = False
    ahead: Ahead = NOTHING  # ids and revision rows computed on the opening side


class _Opener:
    """The batch's worker process (:mod:`~reflectdesk.services.batch_open`), started
    at the batch's first file not seen before; while it starts (or if it is gone, or the
    batch is too small for it) ``ready`` is False and the caller opens bundles on its
    own thread."""

    def __init__(
        self,
        keys: tuple[Identity, ...],
        limits: BundleLimits,
        wanted: bool,
        cipher: RecordCipher,
        seen: SeenFileRepo,
    ) -> None:
        self._keys = keys
        self._limits = limits
        self._wanted = wanted
        self._cipher = cipher
        self._seen = seen
        self._process: batch_open.ProcessOpener | None = None
        self._lock = threading.Lock()  # two opening threads may start it

    @property
    def wanted(self) -> bool:
        return self._wanted

    def start(self) -> None:
        """Start the worker (in the background), if wanted and not started: at the
        batch's first file not seen before (a folder imported again never starts it)."""
        if not self._wanted or self._process is not None:
            return
        try:
            with self._lock:
                if self._process is None:
                    self._process = batch_open.ProcessOpener(
                        self._keys, self._limits, self._cipher, self._seen.keys()
                    )
        except batch_open.WorkerGone:
            self._wanted = False  # the rest of the batch opens on the thread

    def ready(self) -> bool:
        """Whether the worker has started and can take a file now."""
        process = self._process
        return self._wanted and process is not None and process.ready()

    def open_file(
        self, path: Path, table: KnownAuthors, version: int
    ) -> tuple[str, OpenedBundle | None, Ahead] | None:
        """The file read, hashed and (unless seen before) opened in the worker: see
        :meth:`~reflectdesk.services.batch_open.ProcessOpener.open_file`; None if the
        worker is gone (the caller opens it itself)."""
        process = self._process
        if process is None or not self._wanted:
            return None
        try:
            return process.open_file(path, table, version=version)
        except batch_open.WorkerGone:
            self._wanted = False
            return None

    def abort(self) -> None:
        """End the worker now; the batch opens on its own thread from here on."""
        self._wanted = False
        if self._process is not None:
            self._process.abort()

    def close(self) -> None:
        if self._process is not None:
            self._process.close()
            self._process = None


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # gone: reading it says so
        return 0


@dataclass(slots=True)
class _Group:
    """The files of one transaction, reported once it committed."""

    started: float
    failed_at: int  # the file being stored (where a fatal error is reported)
    items: list[tuple[BatchItem, str]] = field(default_factory=list)  # (result, its hash)
    docs: list[IndexDoc] = field(default_factory=list)  # to index once committed
    changes: list[Changes] = field(default_factory=list)  # to emit once committed
    size: int = 0  # bytes of the bundles held in it


@dataclass(slots=True)
class _RunState:
    """One run's results so far (only committed ones)."""

    items: list[BatchItem] = field(default_factory=list)
    unknown: dict[str, tuple[UnknownSenderInfo, list[Path]]] = field(default_factory=dict)
    to_record: list[str] = field(default_factory=list)  # hashes to note as seen
    docs: list[IndexDoc] = field(default_factory=list)  # committed, not indexed yet
    indexed_at: float = field(default_factory=time.monotonic)
    cancelled: bool = False
    stopped: str = ""


class _Authors:
    """The table of known authors (and contact names) for one batch, taken when first
    needed (a folder already imported never needs it), again after the batch added a
    contact, and at least every ``AUTHORS_MAX_AGE_S``. Shared by both threads."""

    def __init__(
        self, contacts: ContactService, st: UnlockedState, keys: tuple[Identity, ...]
    ) -> None:
        self._contacts = contacts
        self._st = st
        self.keys = keys  # this vault's key pairs, taken before the batch
        self._lock = threading.Lock()
        self._table: KnownAuthors | None = None
        self._names: dict[str, str] | None = None
        self._version = 0
        self._taken = 0.0

    def changed(self) -> None:
        with self._lock:
            self._table = self._names = None
            self._version += 1

    def table(self) -> tuple[KnownAuthors, int]:
        with self._lock:
            if self._table is None or time.monotonic() - self._taken > AUTHORS_MAX_AGE_S:
                self._table = self._contacts.known_authors()
                self._names = None
                self._taken = time.monotonic()
                self._version += 1
            return self._table, self._version

    def names(self) -> dict[str, str]:
        with self._lock:
            if self._names is None:
                self._names = {c.id: c.name for c in self._st.contacts.list()}
            return self._names


class BatchImportService:
    def __init__(
        self,
        state: Callable[[], UnlockedState],
        contacts: ContactService,
        imports: BundleImportService,
    ) -> None:
        self._state = state
        self._contacts = contacts
        self._imports = imports
        self.limits = DEFAULT_LIMITS
        self.prefetch = True  # open the next bundle on a second thread (benchmarks: False)
        # Open bundles in a worker process (the second core) in batches big enough
        # (batch_open.usable), where the ids and rows of batch_ahead are made too: the
        # batch's own process keeps its GIL for the storing thread. On since the fifth
        # round (the worker reads the files itself and keeps the table of authors);
        # docs/benchmarks.md.
        self.processes = True
        # One transaction stores up to this many bundles, bytes of bundles, or seconds of
        # work (each bundle in its own SAVEPOINT): one fsync and one vault-state reseal
        # per group, and the B-tree pages the bundles share written once.
        self.group_bundles = GROUP_BUNDLES
        self.group_bytes = GROUP_BYTES
        self.group_seconds = GROUP_SECONDS
        self._index_behind = False  # a flush failed (a full disk): catch up next time

    def _seen(self) -> SeenFileRepo:
        st = self._state()
        return SeenFileRepo(st.db, st.cipher)

    def run(
        self,
        paths: Sequence[Path],
        *,
        progress: BatchSink = ignore_batch_progress,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> BatchReport:
        """Import every bundle found in ``paths`` (files and folders), each on its own.
        Unknown senders are collected, not imported (see :meth:`import_senders`)."""
        t0 = time.perf_counter()
        found = collect(paths, self.limits)
        progress(BatchProgress(0, len(found.candidates)))
        report = self._run(found.candidates, set(), progress, cancel)
        report = replace(
            report,
            items=tuple(found.refused) + report.items,
            seconds=time.perf_counter() - t0,
        )
        log.info(
            "batch import: %d imported, %d already, %d refused, %d from unknown senders",
            report.count(BatchOutcome.IMPORTED),
            report.count(BatchOutcome.ALREADY),
            report.count(BatchOutcome.REFUSED),
            report.count(BatchOutcome.UNKNOWN_SENDER),
        )
        return report

    def import_senders(
        self,
        report: BatchReport,
        key_ids: Iterable[str],
        *,
        verified: bool = False,
        progress: BatchSink = ignore_batch_progress,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> BatchReport:
        """The second pass: the user compared the safety numbers of these unknown
        senders (``verified``: and they matched) and accepts them; each is added as a
        contact from the card in their bundle and their waiting files are imported.
        Returns ``report`` with those files' new results."""
        t0 = time.perf_counter()
        chosen = set(key_ids)
        senders = [u for u in report.unknown_senders if u.key_id in chosen]
        files = [p for u in senders for p in u.paths]
        progress(BatchProgress(0, len(files)))
        second = self._run(files, chosen, progress, cancel)
        if verified:
            for item in second.items:
                if item.contact_added and item.contact_id:
                    self._contacts.verify(item.contact_id)
        by_path = {i.path: i for i in second.items}
        items = tuple(by_path.get(i.path, i) for i in report.items)
        still = {u.key_id for u in second.unknown_senders}
        unknown = tuple(
            u for u in report.unknown_senders if u.key_id not in chosen or u.key_id in still
        )
        return BatchReport(
            items,
            unknown,
            cancelled=second.cancelled,
            stopped=second.stopped,
            seconds=report.seconds + time.perf_counter() - t0,
        )

    # -- the loop ----------------------------------------------------------------------------
    def _run(
        self,
        files: Sequence[Path],
        confirm: set[str],
        progress: BatchSink,
        cancel: CancelToken,
    ) -> BatchReport:
        """Each file in turn, the bundles stored in groups: one transaction (one
        ``Database.group``) holds up to ``group_bundles`` bundles or ``group_seconds``
        of work, each bundle in its own SAVEPOINT (a refused one is rolled back alone).
        A file's result is reported only once its group COMMITTED. While one bundle is
        stored, the next is read, hashed and opened on a second thread (reading,
        SHA-256 and age decryption release the GIL)."""
        st = self._state()
        if self._index_behind:
            self._catch_up_index(st)
        seen = self._seen()
        # Taken here, on this thread: the second thread must never need the write
        # lock, which this one holds for each group while it waits for it.
        authors = _Authors(self._contacts, st, self._imports.reader_keys())
        run = _RunState()
        total = len(files)
        opener = _Opener(
            authors.keys, self.limits, self.processes and batch_open.usable(total), st.cipher, seen
        )
        # The worker process (if any) ends after the threads that use it. With one, two
        # opening threads keep two requests in its pipe, so it starts the next file as
        # soon as it has answered one (one thread waited for each round trip, and the
        # storing thread for it: 6.8 s of 200 bundles' 18 s).
        with (
            contextlib.closing(opener),
            ThreadPoolExecutor(2 if opener.wanted else 1, thread_name_prefix="batch-open") as pool,
        ):
            # Files k, k+1, ... submitted in order to the opening threads: up to PREFETCH
            # bundles, or PREFETCH_BYTES of files, opened ahead of the one being stored
            # (bounded memory: a folder of bundles near the size cap holds one ahead).
            ahead: dict[int, Future[_Opened]] = {}
            sizes: dict[int, int] = {}

            def opened_at(k: int) -> _Opened:
                depth = PREFETCH if self.prefetch else 0
                for j in range(k, min(total, k + 1 + depth)):
                    if j in ahead:
                        continue
                    size = _size(files[j])
                    if j > k and sum(sizes.values()) + size > PREFETCH_BYTES:
                        break
                    sizes[j] = size
                    ahead[j] = pool.submit(self._open, files[j], seen, authors, cancel, opener)
                future = ahead.pop(k)
                sizes.pop(k, None)
                # In slices: a cancel is heard even while the worker is stuck on a file
                # (a hung network share), which is then ended, not waited for.
                while True:
                    try:
                        return future.result(timeout=_WAIT_SLICE_S)
                    except FuturesTimeout:
                        if cancel.cancelled:
                            opener.abort()

            i = 0
            try:
                while i < total and not run.cancelled and not run.stopped:
                    group = _Group(time.monotonic(), failed_at=i)
                    try:
                        with st.write_lock, st.db.group(cache_mb=GROUP_CACHE_MB):
                            i = self._fill_group(
                                files, i, group, run, opened_at, authors, confirm, progress,
                                cancel,
                            )  # fmt: skip
                    except ReflectDeskError as exc:  # the group rolled back: none of it is
                        if not _fatal(exc):  # stored (its files are "not done")
                            raise
                        run.stopped = exc.code
                        log.error("batch import stopped: %s", exc.code)
                        i = max(i, group.failed_at + 1)
                        self._abandon(group, exc, run, files[group.failed_at])
                    else:
                        self._committed(group, run, authors, st, seen, progress, total)
                    if run.stopped or run.cancelled:
                        run.items.extend(BatchItem(p, BatchOutcome.NOT_DONE) for p in files[i:])
            finally:
                for waiting in ahead.values():
                    waiting.cancel()
                if any(not waiting.done() for waiting in ahead.values()):
                    opener.abort()  # what it still opens is not wanted: end it now
                self._flush(seen, run.to_record, run.docs)
        senders = tuple(replace(info, paths=tuple(ps)) for info, ps in run.unknown.values())
        return BatchReport(tuple(run.items), senders, cancelled=run.cancelled, stopped=run.stopped)

    def _fill_group(
        self,
        files: Sequence[Path],
        i: int,
        group: _Group,
        run: _RunState,
        opened_at: Callable[[int], _Opened],
        authors: _Authors,
        confirm: set[str],
        progress: BatchSink,
        cancel: CancelToken,
    ) -> int:
        """Store files from ``i`` on in the open group until it is full; returns the
        index of the next file. A fatal error is raised (the group rolls back) with
        ``group.failed_at`` set; a bundle's own error refuses that bundle only."""
        total = len(files)
        while i < total:
            if cancel.cancelled:
                run.cancelled = True
                return i
            path = files[i]
            progress(BatchProgress(len(run.items), total, path))
            ready = opened_at(i)
            group.failed_at = i
            # The bundle's bytes count towards the group's cap whatever becomes of it.
            group.size += ready.opened.size if ready.opened is not None else 0
            try:
                item, digest, opened = self._one(
                    path, ready, authors, confirm, progress, len(run.items), total, group
                )
            except Cancelled:  # that bundle rolled back in its savepoint; the rest stays
                run.cancelled = True
                return i
            except ReflectDeskError as exc:
                if _fatal(exc):
                    raise
                item, digest, opened = refused(path, exc), "", None
                log.info("a bundle of the batch was refused: %s", exc.code)
            if item.outcome is BatchOutcome.UNKNOWN_SENDER and opened is not None:
                self._collect_unknown(run.unknown, opened, path)
            group.items.append((item, digest))
            i += 1
            if item.contact_added:
                # Committed before the next bundle: the table of known authors (taken on
                # the other thread too) must see her as a contact.
                return i
            if (
                len(group.items) >= self.group_bundles
                or group.size >= self.group_bytes
                or time.monotonic() - group.started >= self.group_seconds
            ):
                return i
        return i

    def _committed(
        self,
        group: _Group,
        run: _RunState,
        authors: _Authors,
        st: UnlockedState,
        seen: SeenFileRepo,
        progress: BatchSink,
        total: int,
    ) -> None:
        """The group is committed: its results are true now. Report them, emit its
        changes, and index / note as seen (every ``SEEN_FLUSH`` files or
        ``INDEX_EVERY_S``)."""
        if any(item.contact_added for item, _ in group.items):
            authors.changed()  # her next bundles are a contact's
        for changes in group.changes:
            st.emit(changes)
        run.docs.extend(group.docs)
        for item, digest in group.items:
            if digest:
                run.to_record.append(digest)
            run.items.append(item)
            progress(BatchProgress(len(run.items), total, item.path, item.sender, item))
        if len(run.to_record) >= SEEN_FLUSH or (
            run.docs and time.monotonic() - run.indexed_at > INDEX_EVERY_S
        ):
            self._flush(seen, run.to_record, run.docs)
            run.indexed_at = time.monotonic()

    @staticmethod
    def _abandon(group: _Group, exc: ReflectDeskError, run: _RunState, failed: Path) -> None:
        """The group rolled back (a full disk, an unwritable vault): what it stored is
        not there, so those files are "not done"; refusals stay; the file it failed on
        carries the reason (the group's first stored file if the COMMIT failed)."""
        base = len(run.items)
        for item, _ in group.items:
            stored = item.outcome in (BatchOutcome.IMPORTED, BatchOutcome.ALREADY)
            run.items.append(BatchItem(item.path, BatchOutcome.NOT_DONE) if stored else item)
        if all(item.path != failed for item, _ in group.items):
            run.items.append(refused(failed, exc))  # failed while being stored
            return
        for k in range(base, len(run.items)):
            if run.items[k].outcome is BatchOutcome.NOT_DONE:
                run.items[k] = refused(run.items[k].path, exc)
                return

    def _flush(self, seen: SeenFileRepo, digests: list[str], docs: list[IndexDoc]) -> None:
        """Index what the last bundles stored (one transaction; the newest document of an
        entry wins), then note their files as seen: a file is noted only once its
        bundle is committed and indexed."""
        st = self._state()
        with st.write_lock:
            try:
                if docs:
                    st.index.add_many(docs)  # the newest document of an entry wins
                if digests:
                    seen.record(digests)
            except Exception as exc:  # the records are committed already
                # The index is caught up by the next batch or at the next unlock; files
                # not noted are checked again next time (and found in the bundle log).
                log.warning("could not index or note the last bundles: %s", type(exc).__name__)
                self._index_behind = True
            finally:
                docs.clear()
                digests.clear()

    def _catch_up_index(self, st: UnlockedState) -> None:
        """What an earlier flush could not index (the unlock would do it otherwise)."""
        try:
            with st.write_lock:
                st.index.catch_up(lambda ids: st.entries.iter_head_docs(ids))
            self._index_behind = False
        except Exception as exc:  # still failing: the next unlock catches up
            log.warning("could not catch the search index up: %s", type(exc).__name__)

    def _open(
        self,
        path: Path,
        seen: SeenFileRepo,
        authors: _Authors,
        cancel: CancelToken,
        opener: _Opener | None = None,
    ) -> _Opened:
        """Read, hash and (unless already seen) open one file; errors are kept, not
        raised, and raised again where the file's turn comes. On the second thread,
        which hands the opening to the worker process when there is one."""
        version = 0
        try:
            if opener is not None and opener.ready():
                # The worker reads, hashes and (unless seen before) opens the file: this
                # process neither reads nor hashes it, and the GIL stays with the storing
                # thread (docs/benchmarks.md, sixth round).
                table, version = authors.table()
                cancel.raise_if_cancelled()
                done = opener.open_file(path, table, version)
                if done is not None:
                    digest, opened_there, ahead = done
                    if opened_there is None:
                        return _Opened(digest, None, 0, None, seen_before=True)
                    return _Opened(digest, opened_there, version, None, ahead=ahead)
            cancel.raise_if_cancelled()  # the worker was ended by a cancel: read nothing
            data = read_bundle_file(path, self.limits)
            digest = hashlib.sha256(data).hexdigest()
            if seen.seen(digest):
                return _Opened(digest, None, 0, None, seen_before=True)
            table, version = authors.table()
            cancel.raise_if_cancelled()
            if opener is not None:
                opener.start()  # it takes the next files once it runs
            opened = self._imports.open_data(data, table, keys=authors.keys, cancel=cancel)
            # The storing thread's keyed hashes and revision seals, made here instead.
            ahead = batch_ahead.compute(self._state().cipher, opened)
            return _Opened(digest, opened, version, None, ahead=ahead)
        except ReflectDeskError as exc:
            return _Opened("", None, version, exc)

    def _one(
        self,
        path: Path,
        ready: _Opened,
        authors: _Authors,
        confirm: set[str],
        progress: BatchSink,
        done: int,
        total: int,
        group: _Group,
    ) -> tuple[BatchItem, str, OpenedBundle | None]:
        """One file: (its result, its hash to note as seen or "", the opened bundle of
        an unknown sender)."""
        if ready.error is not None:
            if ready.version and ready.version != authors.table()[1]:
                # Refused against an older table of authors (the batch added a contact
                # since): open it again against the current one.
                ready = self._open(path, self._seen(), authors, NEVER_CANCELLED)
            if ready.error is not None:
                raise ready.error
            if ready.seen_before:
                return BatchItem(path, BatchOutcome.ALREADY), "", None
        if ready.seen_before:
            return BatchItem(path, BatchOutcome.ALREADY), "", None
        opened = ready.opened
        assert opened is not None
        self._imports.refuse_own_retired_key(opened)  # on this thread: it may take the lock
        table, version = authors.table()
        if version != ready.version:  # a contact was added since it was opened
            opened = recheck_author(opened, table)
        sender = self._sender_name(opened, authors)
        key_id = opened.author.key_id_hex
        progress(BatchProgress(done, total, path, sender))
        try:
            result = self._imports.import_opened(
                opened,
                confirm_unknown_sender=key_id in confirm,
                index_later=group.docs,
                changes_later=group.changes,
                ahead=ready.ahead,
            )
        except UnknownSender:
            if opened.sender_card is None:
                raise BundleSenderCardMissing(key_id) from None
            return (
                BatchItem(
                    path,
                    BatchOutcome.UNKNOWN_SENDER,
                    UnknownSender.code,
                    opened.bundle_id,
                    sender,
                    key_id,
                ),
                "",
                opened,
            )
        outcome = BatchOutcome.ALREADY if result.already_imported else BatchOutcome.IMPORTED
        return (
            BatchItem(
                path,
                outcome,
                "",
                opened.bundle_id,
                sender,
                key_id,
                result.contact_id,
                len(result.entries_new),
                len(result.entries_updated),
                result.contact_added,
            ),
            ready.digest,
            None,
        )

    def _sender_name(self, opened: OpenedBundle, authors: _Authors) -> str:
        if opened.author_status is AuthorStatus.SELF:
            return self._state().profile.get().name
        pinned = opened.pinned
        names = authors.names()
        if pinned is not None and pinned.contact_id in names:
            return names[pinned.contact_id]
        card = opened.sender_card
        return card.name if card is not None else ""

    def _collect_unknown(
        self,
        unknown: dict[str, tuple[UnknownSenderInfo, list[Path]]],
        opened: OpenedBundle,
        path: Path,
    ) -> None:
        key_id = opened.author.key_id_hex
        if key_id in unknown:
            unknown[key_id][1].append(path)
            return
        card = opened.sender_card
        assert card is not None
        st = self._state()
        me = load_or_create_identity(st).public
        skeleton = name_skeleton(card.name)
        same = tuple(c.id for c in st.contacts.list() if name_skeleton(c.name) == skeleton)
        info = UnknownSenderInfo(
            key_id=key_id,
            name=card.name,
            institution=card.institution,
            safety_number=safety_number(me, opened.author),
            same_name_contacts=same,
            paths=(),
        )
        unknown[key_id] = (info, [path])


__all__ = [
    "BatchImportService",
    "BatchItem",
    "BatchOutcome",
    "BatchProgress",
    "BatchReport",
    "Collected",
    "UnknownSenderInfo",
    "collect",
    "ignore_batch_progress",
    "report_csv",
    "write_report_csv",
]
