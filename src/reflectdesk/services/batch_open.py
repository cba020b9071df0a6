"""Bundles of a batch opened in a second process, on the second core (issue 14).

A batch import is two kinds of work: *opening* a bundle (age decryption, the minisign
signature, the hashes, and the Python-heavy JSON parsing and schema checks of
:func:`reflectdesk.bundles.open_bundle`) and *storing* it (the plan, sealing, SQLite).
Both need Python's GIL, so a second thread only overlaps the parts that release it
(~15 %). :class:`ProcessOpener` opens in a worker process instead: the batch's storing
thread keeps one core and the opening gets the other.

What crosses the pipes (``multiprocessing``'s own pickler, with the reducers below for
the values it does not know: read-only mappings, memoryviews, public identities, and
a quicker one for the frozen dataclasses a bundle is made of). To the worker, once, at
its start: this vault's key pairs, its record cipher's key (the data key and vault id:
:mod:`~reflectdesk.services.batch_ahead` makes the ids and seals the revision and
consent rows there) and the keyed hashes of the files the vault has already seen
(:mod:`~reflectdesk.storage.seen_files`); the table of known authors once per version
of it (the worker keeps the last one); and per bundle the file's *path*: the worker
reads the file once, hashes what it read, and opens exactly those bytes unless the
hash is one already seen (tests send bytes instead). Back: the file's SHA-256 and the
:class:`~reflectdesk.bundles.OpenedBundle` with what was computed ahead, or the error
(its class, detail and parameters: re-raised here as the same error). The batch's own
process is the busier one (the one SQLite writer and the GIL it shares with its other
threads), so what the worker can do for it, it does: reading and hashing the files,
unpickling the table once instead of per bundle. No file is written: the keys and the
opened bundles travel through the pipes (anonymous pipes between this process and its
own child) and live in the worker's memory only, as they do in this process. The
worker is *spawned* (a fresh interpreter, never a fork of a process with threads, such
as the GUI's) and ends with the batch (or with this process, even if it is killed).

Used when the batch asks for it (``BatchImportService.processes``, on by default: see
docs/benchmarks.md) and it can pay: at least :data:`MIN_FILES` files to open, two CPUs
this process may use, and not a frozen (PyInstaller) build, where spawning needs the
launcher's cooperation; otherwise the caller opens on its thread as before. A worker
that dies or cannot start is reported as :class:`WorkerGone`; the caller opens that
bundle itself and stops using the process.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import logging
import multiprocessing
import os
import queue
import signal
import sys
import threading
import time
import types
from collections.abc import Mapping
from concurrent.futures import Future
from multiprocessing.connection import Connection
from multiprocessing.reduction import ForkingPickler
from typing import Any

from reflectdesk.bundles import (
    Identity,
    KnownAuthors,
    OpenedBundle,
    PublicIdentity,
    open_bundle,
    read_bundle_file,
)
from reflectdesk.bundles.cards import Card
from reflectdesk.bundles.contents import AttachmentRef, BundledEntry
from reflectdesk.bundles.limits import DEFAULT_LIMITS, BundleLimits
from reflectdesk.bundles.manifest import FileRecord, Manifest, RecipientRecord
from reflectdesk.bundles.opening import PinnedKey
from reflectdesk.domain.model import EntryContent, Revision
from reflectdesk.errors import ReflectDeskError
from reflectdesk.services import batch_ahead
from reflectdesk.services.batch_ahead import NOTHING, Ahead
from reflectdesk.storage.consents import NewConsent
from reflectdesk.storage.entry_import import SealedRevision
from reflectdesk.storage.seen_files import seen_key
from reflectdesk.vault.cipher import RecordCipher

log = logging.getLogger(__name__)

MIN_FILES = 8  # fewer: the worker's start (~0.5 s) costs more than it saves
_WATCH_S = 0.2  # how often the worker checks that the batch's process is alive
_PIPE_BYTES = 1 << 20  # Linux's default /proc/sys/fs/pipe-max-size
_CLOSE_S = 5.0  # how long the worker has to end after the batch before it is killed
# The requests' and answers' shapes. The worker is spawned from the code on disk, which
# an upgrade may have replaced under a running app: it says its version first, and a
# worker of another is not used.
_PROTOCOL = 2


class WorkerGone(Exception):
    """The worker process died or could not start (not a bundle's fault)."""


# -- pickling the values multiprocessing's pickler does not know ---------------------------
def _mapping(items: dict[Any, Any]) -> Mapping[Any, Any]:
    return types.MappingProxyType(items)


def _public(age_recipient: str, signing_key: bytes) -> PublicIdentity:
    return PublicIdentity(age_recipient, signing_key)


def _error(cls: type[ReflectDeskError], detail: str, params: dict[str, object]) -> Exception:
    """The worker's error, the same class with the same detail and parameters (its
    ``__init__`` may take other arguments: it is not called)."""
    err = cls.__new__(cls)
    Exception.__init__(err, detail or cls.code)
    err.detail = detail
    err.params = params
    return err


def _reduce_mapping(m: types.MappingProxyType[Any, Any]) -> tuple[Any, ...]:
    return (_mapping, (dict(m),))


def _reduce_view(v: memoryview) -> tuple[Any, ...]:
    return (memoryview, (v.tobytes(),))


def _reduce_public(p: PublicIdentity) -> tuple[Any, ...]:
    return (_public, (p.age_recipient, p.signing_key))


def _rebuild(cls: type[Any], values: tuple[Any, ...]) -> Any:
    """A frozen dataclass from its fields' values, as it was pickled (no ``__init__``:
    it was checked where it was made)."""
    obj = object.__new__(cls)
    for name, value in zip(_FIELDS[cls], values, strict=True):
        object.__setattr__(obj, name, value)
    return obj


def _reduce_dataclass(obj: Any) -> tuple[Any, ...]:
    cls = type(obj)
    return (_rebuild, (cls, tuple(getattr(obj, name) for name in _FIELDS[cls])))


# The dataclasses a bundle is made of (~320 objects per bundle of 50 entries). With
# slots, a dataclass pickles through ``__getstate__``/``__setstate__``, which look its
# fields up again for every object: this reducer takes about half the time, on both
# sides of the pipe.
_FIELDS: dict[type[Any], tuple[str, ...]] = {
    cls: tuple(f.name for f in dataclasses.fields(cls))
    for cls in (
        FileRecord,
        BundledEntry,
        Revision,
        EntryContent,
        SealedRevision,
        NewConsent,
        AttachmentRef,
        OpenedBundle,
        Manifest,
        RecipientRecord,
        PinnedKey,
        Card,
        Ahead,
    )
}

ForkingPickler.register(types.MappingProxyType, _reduce_mapping)
ForkingPickler.register(memoryview, _reduce_view)
ForkingPickler.register(PublicIdentity, _reduce_public)
for _cls in _FIELDS:
    ForkingPickler.register(_cls, _reduce_dataclass)


# -- in the worker ----------------------------------------------------------------------------
_KEYS: tuple[Identity, ...] = ()
_CIPHER: RecordCipher | None = None
_TABLE: tuple[int, KnownAuthors] | None = None  # the last table sent, and its version
_SEEN: frozenset[str] = frozenset()  # the vault's seen-file keys when the batch began

# What the worker answers instead of a bundle or its error:
_NEED_TABLE = "need_table"  # its table is not that version (send it again)


def _watch_parent(parent: int) -> None:
    """End this worker once the batch's process is gone (killed, even with SIGKILL):
    ``multiprocessing``'s queues never tell a worker so, and an orphan would keep the
    parent's stdout and the keys alive."""
    while os.getppid() == parent:
        time.sleep(_WATCH_S)
    os._exit(0)


def _start(keys: list[bytes], parent: int, cipher: tuple[bytes, str] | None = None) -> None:
    global _KEYS, _CIPHER
    _KEYS = tuple(Identity.from_bytes(k) for k in keys)
    _CIPHER = RecordCipher(*cipher) if cipher is not None else None
    # Ctrl-C in a terminal reaches the whole process group: the batch decides (and
    # cancels); the worker ends when its pipe closes, without a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The batch logs each refusal itself; nothing from here reaches stderr.
    logging.getLogger().addHandler(logging.NullHandler())
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _open(
    source: bytes | str,
    version: int,
    authors: KnownAuthors | None,
    limits: BundleLimits,
) -> tuple[OpenedBundle | None, Ahead, tuple[Any, ...] | str | None, str, bool]:
    """One request. ``source``: the bundle's bytes, or a file's path: read and hashed
    here, and not opened if this vault has already seen a file with that hash.
    ``authors``: the table of known authors of that ``version``, or None if the worker
    has it.

    Returns (the opened bundle, what was computed ahead, the error or what the worker
    needs instead, the file's SHA-256 if read here, whether it was seen before)."""
    global _TABLE
    if authors is not None:
        _TABLE = (version, authors)
    elif _TABLE is None or _TABLE[0] != version:
        return None, NOTHING, _NEED_TABLE, "", False
    table = _TABLE[1]
    digest = ""
    try:
        if isinstance(source, bytes):
            data: bytes | memoryview = source
        else:
            data = read_bundle_file(source, limits)
            digest = hashlib.sha256(data).hexdigest()
            if _CIPHER is not None and seen_key(_CIPHER, digest) in _SEEN:
                return None, NOTHING, None, digest, True
        opened = open_bundle(data, _KEYS, table, limits=limits)
        ahead = batch_ahead.compute(_CIPHER, opened) if _CIPHER is not None else NOTHING
        return opened, ahead, None, digest, False
    except ReflectDeskError as exc:
        return None, NOTHING, (type(exc), exc.detail, dict(exc.params)), digest, False


# -- in the batch -----------------------------------------------------------------------------
def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def usable(files: int) -> bool:
    """Whether a batch of ``files`` files should open them in a worker process: enough
    files, a second CPU this process may run on (pinned to one, the worker would only
    take turns with the batch), and not a frozen build."""
    return files >= MIN_FILES and _cpus() >= 2 and not getattr(sys, "frozen", False)


def _widen(conn: Connection) -> None:
    """Let one opened bundle (~1.5 MB) through the result pipe in a few reads instead
    of one per 64 KB (Linux's default pipe size): each read gives up the GIL and takes
    it back, and every time it is taken back the batch's storing thread has to stop for
    it. Best effort: elsewhere than on Linux, or beyond ``/proc/sys/fs/pipe-max-size``,
    it stays as it is."""
    try:
        import fcntl  # not on Windows

        fcntl.fcntl(conn.fileno(), fcntl.F_SETPIPE_SZ, _PIPE_BYTES)
    except (ImportError, AttributeError, OSError, ValueError):
        log.debug("the result pipe keeps its size")


class ProcessOpener:
    """One worker process opening bundles, in the order asked, for one batch.

    Its own two pipes, not an executor's queues: an opening thread writes its request
    straight into the worker's pipe (a request waits there, not in a queue of two that
    a manager thread refills), the worker answers from a thread of its own (it opens
    the next bundle while the last answer is still being read), and one thread here
    reads the answers and hands each to the thread that asked (docs/benchmarks.md,
    sixth round: the worker waited ~11 ms for every request behind
    ``ProcessPoolExecutor``'s hand-offs)."""

    def __init__(
        self,
        keys: tuple[Identity, ...],
        limits: BundleLimits = DEFAULT_LIMITS,
        cipher: RecordCipher | None = None,
        seen: frozenset[str] = frozenset(),
    ) -> None:
        """``seen``: the vault's seen-file keys (see :meth:`open_file`)."""
        self._limits = limits
        self._send_lock = threading.Lock()  # requests in order with the table's version
        self._lock = threading.Lock()  # the waiting requests
        self._sent = 0  # the version of the table the worker has (0: none)
        self._next = 0
        self._waiting: dict[int, Future[Any]] = {}
        self._gone = False
        self._started = threading.Event()
        # Sent with the first request, once the worker reads its pipe: 20,000 keys as a
        # start argument held the batch ~0.5 s while the worker was still importing.
        self._seen: frozenset[str] | None = seen
        secret = (cipher.key, cipher.vault_id) if cipher is not None else None
        ctx = multiprocessing.get_context("spawn")
        requests_in, self._requests = ctx.Pipe(duplex=False)
        self._results, results_out = ctx.Pipe(duplex=False)
        _widen(self._results)
        # Started now, in the background: the interpreter and its imports take ~0.5 s,
        # while the batch opens its first bundles itself (see ``ready``).
        self._process = ctx.Process(
            target=_serve,
            args=(requests_in, results_out, [k.to_bytes() for k in keys], os.getpid(), secret),
            name="reflectdesk-batch-open",
            daemon=True,
        )
        try:
            self._process.start()
        except (OSError, RuntimeError, ValueError) as exc:
            self._requests.close()
            self._results.close()
            raise WorkerGone from exc
        finally:
            requests_in.close()  # the worker's ends: the pipes break when it dies
            results_out.close()
        self._reader = threading.Thread(target=self._read, name="batch-open-results", daemon=True)
        self._reader.start()

    @property
    def pid(self) -> int | None:
        return self._process.pid

    def ready(self) -> bool:
        """Whether the worker has started (or failed to: ``open`` then says so)."""
        return self._started.is_set()

    def open(
        self, data: bytes | memoryview, authors: KnownAuthors, *, version: int = 0
    ) -> tuple[OpenedBundle, Ahead]:
        """:func:`open_bundle` of ``data`` in the worker, and with this vault's cipher
        what :func:`~reflectdesk.services.batch_ahead.compute` makes of it; raises what
        it raises, or ``WorkerGone``. With a ``version`` (> 0) of the table, the table
        is sent only when the worker does not have that version."""
        source = bytes(data)
        for _ in range(3):
            opened, ahead, error, _, _ = self._round(source, authors, version)
            if not self._retry(error):
                assert opened is not None
                return opened, ahead
        raise WorkerGone("the worker did not take the bundle")

    def open_file(
        self, path: str | os.PathLike[str], authors: KnownAuthors, *, version: int = 0
    ) -> tuple[str, OpenedBundle | None, Ahead]:
        """The file at ``path`` read and hashed in the worker, and opened there unless
        its hash is one of the ``seen`` keys this opener was made with: (its SHA-256,
        the opened bundle or None if seen before, what was computed ahead). This
        process neither reads nor hashes the file, and what is opened is exactly what
        was hashed (one read). Raises the bundle's error (an unreadable or oversized
        file's too), or ``WorkerGone``."""
        for _ in range(3):
            opened, ahead, error, digest, seen = self._round(os.fspath(path), authors, version)
            if not self._retry(error):
                assert opened is not None or seen
                return digest, opened, ahead
        raise WorkerGone("the worker did not take the bundle")

    def _retry(self, error: Any) -> bool:
        """Whether to ask again (the worker lacked the table); raises the error of the
        answer, if any."""
        if error == _NEED_TABLE:  # not expected (requests are in order): resend
            with self._send_lock:
                self._sent = 0
            return True
        if isinstance(error, BaseException):  # not a bundle's error: as it was raised
            raise error
        if error is not None:
            assert isinstance(error, tuple)
            raise _error(*error)
        return False

    def _round(
        self, source: bytes | str, authors: KnownAuthors, version: int
    ) -> tuple[OpenedBundle | None, Ahead, Any, str, bool]:
        future: Future[Any] = Future()
        with self._send_lock:  # the table goes with the first request of its version
            with self._lock:
                if self._gone:
                    raise WorkerGone("the worker is gone")
                self._next += 1
                request_id = self._next
                self._waiting[request_id] = future
            send = authors if not version or version != self._sent else None
            try:
                if self._seen is not None:
                    self._send((0, self._seen))
                    self._seen = None
                self._send((request_id, source, version, send, self._limits))
            except (OSError, ValueError) as exc:
                with self._lock:
                    self._waiting.pop(request_id, None)
                log.warning("the batch's opening process is gone: %s", type(exc).__name__)
                raise WorkerGone from exc
            self._sent = version
        result: tuple[OpenedBundle | None, Ahead, Any, str, bool] = future.result()
        return result

    def _send(self, request: tuple[Any, ...]) -> None:
        self._requests.send(request)

    def _read(self) -> None:
        """The answers, each to the thread that asked, until the worker is gone (or says
        something this batch does not understand: then it is ended)."""
        try:
            while True:
                message = self._results.recv()
                if not (isinstance(message, tuple) and len(message) == 2):
                    raise ValueError("not an answer")
                request_id, answer = message
                if request_id == 0:
                    if answer != _PROTOCOL:
                        raise ValueError("another version of the worker")
                    self._started.set()
                    continue
                if not (isinstance(answer, tuple) and len(answer) == 5):
                    raise ValueError("not an answer")
                with self._lock:
                    future = self._waiting.pop(request_id, None)
                if future is not None:
                    future.set_result(answer)
        except (EOFError, OSError):  # the worker is gone
            pass
        except Exception as exc:  # an answer that does not unpickle or is not one
            log.warning("an answer of the opening process was unreadable: %s", type(exc).__name__)
            with contextlib.suppress(OSError, ValueError, AttributeError):
                self._process.kill()
        with self._lock:
            self._gone = True
            waiting = list(self._waiting.values())
            self._waiting.clear()
        self._started.set()  # ``open`` says so now
        if waiting:
            log.warning("the batch's opening process is gone")
        for future in waiting:
            future.set_exception(WorkerGone("the worker is gone"))

    def abort(self) -> None:
        """End the worker now (a cancel, or a batch that stops): whoever waits for it
        gets ``WorkerGone`` at once, even while it is stuck on one file."""
        with contextlib.suppress(OSError, ValueError, AttributeError):
            self._process.kill()

    def close(self) -> None:
        with self._send_lock, contextlib.suppress(OSError, ValueError):
            self._requests.send(None)  # the worker's loop ends
        self._process.join(_CLOSE_S)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()
        self._requests.close()
        self._reader.join(_CLOSE_S)
        self._results.close()
        self._process.close()


def _serve(
    requests: Connection,
    results: Connection,
    keys: list[bytes],
    parent: int,
    cipher: tuple[bytes, str] | None,
) -> None:
    """The worker's loop: each request opened in turn; the answers written by a thread
    of their own, so the next bundle is opened while the last one's answer is read."""
    global _SEEN
    _start(keys, parent, cipher)
    answers: queue.SimpleQueue[memoryview | None] = queue.SimpleQueue()

    def write() -> None:
        try:
            while (answer := answers.get()) is not None:
                results.send_bytes(answer)
        except OSError:  # the batch is gone
            os._exit(0)

    writer = threading.Thread(target=write, name="answers", daemon=True)
    writer.start()
    answers.put(ForkingPickler.dumps((0, _PROTOCOL)))  # started
    while True:
        try:
            request = requests.recv()
        except (EOFError, OSError):
            break
        if request is None:
            break
        if request[0] == 0:  # the vault's seen-file keys, before the first file
            _SEEN = request[1]
            continue
        request_id, source, version, authors, limits = request
        try:
            answer: Any = _open(source, version, authors, limits)
        except Exception as exc:  # not a bundle's error: raised in the batch as it was here
            answer = (None, NOTHING, _picklable(exc), "", False)
        answers.put(ForkingPickler.dumps((request_id, answer)))
    answers.put(None)
    writer.join()


def _picklable(exc: Exception) -> BaseException:
    try:
        ForkingPickler.dumps(exc)
    except Exception:  # any error of pickling it: say what it was
        return RuntimeError(f"{type(exc).__name__} in the opening process")
    return exc
