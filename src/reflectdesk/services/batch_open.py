"""Bundles of a batch opened in a second process, on the second core (issue 14).

A batch import is two kinds of work: *opening* a bundle (age decryption, the minisign
signature, the hashes, and the Python-heavy JSON parsing and schema checks of
:func:`reflectdesk.bundles.open_bundle`) and *storing* it (the plan, sealing, SQLite).
Both need Python's GIL, so a second thread only overlaps the parts that release it
(~15 %). :class:`ProcessOpener` opens in a worker process instead: the batch's storing
thread keeps one core and the opening gets the other.

What crosses the pipe (``multiprocessing``'s own pickler, with the reducers below for
the values it does not know: read-only mappings, memoryviews, public identities):
to the worker, this vault's key pairs and its record cipher's key (the data key and
vault id: :mod:`~reflectdesk.services.batch_ahead` makes the ids and seals the
revision and consent rows there) once, at its start, and, per bundle, the file's bytes
and the table of known authors; back, the :class:`~reflectdesk.bundles.OpenedBundle`
with what was computed ahead, or the error (its class, detail and parameters: re-raised
here as the same error). No file is written: the bytes and keys travel through the
pipe (an anonymous pipe between this process and its own child) and live in the
worker's memory only, as they do in this process. The worker is *spawned* (a fresh interpreter,
never a fork of a process with threads, such as the GUI's) and ends with the batch.

Used when the batch asks for it (``BatchImportService.processes``, off by default: see
docs/benchmarks.md) and it can pay: at least :data:`MIN_FILES` files to open, two CPUs
this process may use, and not a frozen (PyInstaller) build, where spawning needs the
launcher's cooperation; otherwise the caller opens on its thread as before. A worker
that dies or cannot start is reported as :class:`WorkerGone`; the caller opens that
bundle itself and stops using the process.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import threading
import time
import types
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.reduction import ForkingPickler
from typing import Any

from reflectdesk.bundles import (
    Identity,
    KnownAuthors,
    OpenedBundle,
    PublicIdentity,
    open_bundle,
)
from reflectdesk.bundles.limits import DEFAULT_LIMITS, BundleLimits
from reflectdesk.errors import ReflectDeskError
from reflectdesk.services import batch_ahead
from reflectdesk.services.batch_ahead import NOTHING, Ahead
from reflectdesk.vault.cipher import RecordCipher

log = logging.getLogger(__name__)

MIN_FILES = 8  # fewer: the worker's start (~0.3 s) costs more than it saves
_WATCH_S = 0.2  # how often the worker checks that the batch's process is alive


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


ForkingPickler.register(types.MappingProxyType, _reduce_mapping)
ForkingPickler.register(memoryview, _reduce_view)
ForkingPickler.register(PublicIdentity, _reduce_public)


# -- in the worker ----------------------------------------------------------------------------
_KEYS: tuple[Identity, ...] = ()
_CIPHER: RecordCipher | None = None


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
    # The batch logs each refusal itself; nothing from here reaches stderr.
    logging.getLogger().addHandler(logging.NullHandler())
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _open(
    data: bytes, authors: KnownAuthors, limits: BundleLimits
) -> tuple[OpenedBundle | None, Ahead, tuple[Any, ...] | None]:
    try:
        opened = open_bundle(data, _KEYS, authors, limits=limits)
        ahead = batch_ahead.compute(_CIPHER, opened) if _CIPHER is not None else NOTHING
        return opened, ahead, None
    except ReflectDeskError as exc:
        return None, NOTHING, (type(exc), exc.detail, dict(exc.params))


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


class ProcessOpener:
    """One worker process opening bundles, one at a time, for one batch."""

    def __init__(
        self,
        keys: tuple[Identity, ...],
        limits: BundleLimits = DEFAULT_LIMITS,
        cipher: RecordCipher | None = None,
    ) -> None:
        self._limits = limits
        secret = (cipher.key, cipher.vault_id) if cipher is not None else None
        self._pool = ProcessPoolExecutor(
            1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start,
            initargs=([k.to_bytes() for k in keys], os.getpid(), secret),
        )

    def open(self, data: bytes | memoryview, authors: KnownAuthors) -> tuple[OpenedBundle, Ahead]:
        """:func:`open_bundle` in the worker, and with this vault's cipher what
        :func:`~reflectdesk.services.batch_ahead.compute` makes of it; raises what it
        raises, or ``WorkerGone``."""
        try:
            opened, ahead, error = self._pool.submit(
                _open, bytes(data), authors, self._limits
            ).result()
        except (BrokenProcessPool, OSError, RuntimeError) as exc:
            log.warning("the batch's opening process is gone: %s", type(exc).__name__)
            raise WorkerGone from exc
        if error is not None:
            raise _error(*error)
        assert opened is not None
        return opened, ahead

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
