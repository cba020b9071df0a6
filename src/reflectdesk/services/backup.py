"""Backups: one file holding a consistent, still-encrypted copy of the vault.

``vault.backups.create(folder)`` copies ``vault-pages.db`` with SQLite's online backup
API between two SQLCipher connections keyed with the same page key, inside one read
transaction (a snapshot: saves go on meanwhile and land in the next backup). Pages are
decrypted by the source connection and encrypted again by the destination's before
they reach its file, so nothing readable is written. The copy, the header (the
passphrase and the recovery key both open it) and a manifest go into one file
(``<date>-<id>.rdbackup``), written to a temp file in the backup folder, fsynced and
renamed; the last N of this vault are kept.

:func:`verify` opens a backup without touching the live vault: in a private temp folder
(owner-only, removed after) it checks the seal over the whole file, then opens the copy
as a vault (header MAC, schema, sealed vault state, contacts), runs ``integrity_check``
and FTS5's check and opens every sealed record. :func:`restore` does the same in a new
folder beside the target and renames it into place: never over an existing vault.

File format: docs/vault-format.md, "Backup file".
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import secrets
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import orjson

from reflectdesk.atomic_files import AtomicFile, fsync_dir
from reflectdesk.errors import (
    BackupDamaged,
    FileUnreadable,
    FileUnwritable,
    NotABackup,
    NotAVault,
    RecordTampered,
    RestoreTargetExists,
    VaultCorrupt,
    VaultDamaged,
    VaultStateTampered,
    VaultTooNew,
)
from reflectdesk.progress import (
    NEVER_CANCELLED,
    CancelToken,
    Progress,
    ProgressSink,
    ignore_progress,
)
from reflectdesk.services.unlocked_state import UnlockedState
from reflectdesk.storage import pages
from reflectdesk.storage.database import DB_NAME
from reflectdesk.storage.pages import page_key
from reflectdesk.storage.record_check import open_every_record
from reflectdesk.vault.cipher import RecordCipher
from reflectdesk.vault.header import HEADER_NAME, MAX_HEADER_BYTES, VaultHeader, parse_header

log = logging.getLogger(__name__)

MAGIC = b"RDBACKUP\n"
FORMAT = 1
SUFFIX = ".rdbackup"
SEAL_TABLE = "backup"
DEFAULT_KEEP = 10
_TAGS = (b"HEAD", b"PAGE", b"MANI", b"SEAL")
_SMALL_MAX = 64 * 1024  # HEAD, MANI and SEAL; PAGE is streamed
_COPY = 4 * 1024 * 1024
_STEP_PAGES = 2048  # backup step: 8 MiB of pages between progress reports
_PARTIAL = ".rdbackup-partial-"
_CACHE_MAX_KIB = 256 * 1024  # verify's page cache: the whole file up to 256 MiB
_NAME = re.compile(r"^reflectdesk-\d{8}-\d{6}-[0-9a-f]{8}\.rdbackup$")

# Counted in the sealed manifest (counts and dates only: nothing a person wrote).
COUNTS: dict[str, str] = {
    "entries": "SELECT count(*) FROM entries WHERE deleted = 0",
    "revisions": "SELECT count(*) FROM entry_revisions",
    "attachments": "SELECT count(*) FROM attachments WHERE complete = 1 AND deleted = 0",
    "journals": "SELECT count(*) FROM journals",
    "contacts": "SELECT count(*) FROM contacts",
    "bundle_log": "SELECT count(*) FROM bundle_log",
    "review_records": "SELECT count(*) FROM review_records",
}


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """What anyone can read of a backup file without a key (its plaintext manifest)."""

    path: Path
    backup_id: str
    vault_id: str
    created: datetime
    app_version: str
    size: int


@dataclass(frozen=True, slots=True)
class BackupReport:
    """What verify found: the sealed manifest's counts, and what the checks opened."""

    info: BackupInfo
    counts: dict[str, int]
    records: dict[str, int] = field(default_factory=dict)
    schema_version: int = 0


# -- the container -----------------------------------------------------------------
def _section(out: AtomicFile, tag: bytes, body: bytes, digest: Any) -> None:
    head = tag + len(body).to_bytes(8, "big")
    out.write(head)
    out.write(body)
    digest.update(head)
    digest.update(body)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _seal_ad_revision(prefix_sha256: str) -> str:
    return f"{FORMAT}:{prefix_sha256}"


def seal_input(header_raw: bytes, page_len: int, page_sha256: bytes, manifest_raw: bytes) -> str:
    """What the seal's associated data names: SHA-256 over every byte before the SEAL
    section, the database's bytes replaced by their SHA-256 (32 bytes): one pass over
    the pages gives both that and the manifest's ``page_sha256``."""
    digest = hashlib.sha256(MAGIC)
    digest.update(b"HEAD" + len(header_raw).to_bytes(8, "big") + header_raw)
    digest.update(b"PAGE" + page_len.to_bytes(8, "big") + page_sha256)
    digest.update(b"MANI" + len(manifest_raw).to_bytes(8, "big") + manifest_raw)
    return digest.hexdigest()


@dataclass
class _Parsed:
    header_raw: bytes
    manifest_raw: bytes
    manifest: dict[str, Any]
    seal: bytes
    page_offset: int
    page_len: int
    prefix_sha256: str = ""
    page_sha256: str = ""


def _read_exact(fh: IO[bytes], n: int) -> bytes:
    data = fh.read(n)
    if len(data) != n:
        raise BackupDamaged("truncated")
    return data


def _section_head(fh: IO[bytes], want: bytes, digest: Any | None) -> int:
    raw = _read_exact(fh, 12)
    if raw[:4] != want:
        raise BackupDamaged(f"section.{want.decode()}")
    if digest is not None:
        digest.update(raw)
    return int.from_bytes(raw[4:], "big")


def _small(fh: IO[bytes], tag: bytes, digest: Any | None) -> bytes:
    n = _section_head(fh, tag, digest)
    if n > _SMALL_MAX:
        raise BackupDamaged(f"section.{tag.decode()}.size")
    body = _read_exact(fh, n)
    if digest is not None:
        digest.update(body)
    return body


def _parse(
    path: Path,
    page_out: IO[bytes] | None = None,
    progress: ProgressSink = ignore_progress,
    cancel: CancelToken = NEVER_CANCELLED,
    *,
    hashed: bool = False,
) -> _Parsed:
    """Read the container. With ``page_out`` every byte is hashed (the seal's input) and
    the database copied there; with ``hashed`` every byte is hashed, nothing copied;
    without either the database is skipped (the plaintext manifest only)."""
    try:
        fh = path.open("rb")
    except FileNotFoundError:
        raise FileUnreadable(path.name) from None
    except OSError as exc:
        raise FileUnreadable(path.name) from exc
    with fh:
        magic = fh.read(len(MAGIC))
        if magic != MAGIC:
            if magic and MAGIC.startswith(magic):
                raise BackupDamaged("truncated")
            raise NotABackup(path.name)
        full = page_out is not None or hashed
        digest = hashlib.sha256(magic) if full else None
        header_raw = _small(fh, b"HEAD", digest)
        page_len = _section_head(fh, b"PAGE", digest)
        page_offset = fh.tell()
        page_digest = hashlib.sha256()
        if not full:
            fh.seek(page_len, os.SEEK_CUR)
        else:
            left = page_len
            while left:
                chunk = fh.read(min(_COPY, left))
                if not chunk:
                    raise BackupDamaged("truncated")
                page_digest.update(chunk)
                if page_out is not None:
                    page_out.write(chunk)
                left -= len(chunk)
                cancel.raise_if_cancelled()
                progress(Progress(page_len - left, page_len, "backup_read"))
        if digest is not None:
            digest.update(page_digest.digest())  # the page bytes enter by their hash
        manifest_raw = _small(fh, b"MANI", digest)
        prefix = digest.hexdigest() if digest is not None else ""
        seal = _small(fh, b"SEAL", None)
        if fh.read(1):
            raise BackupDamaged("trailing")
    try:
        manifest = orjson.loads(manifest_raw)
    except orjson.JSONDecodeError:
        raise BackupDamaged("manifest") from None
    if not isinstance(manifest, dict):
        raise BackupDamaged("manifest")
    fmt = manifest.get("format")
    if not isinstance(fmt, int) or isinstance(fmt, bool):
        raise BackupDamaged("manifest.format")
    if fmt > FORMAT:
        raise VaultTooNew(f"backup format {fmt}")
    return _Parsed(
        header_raw,
        manifest_raw,
        manifest,
        seal,
        page_offset,
        page_len,
        prefix,
        page_digest.hexdigest() if full else "",
    )


def _info(path: Path, parsed: _Parsed) -> BackupInfo:
    m = parsed.manifest
    try:
        created = datetime.fromisoformat(str(m["created"]))
        return BackupInfo(
            path=path,
            backup_id=str(m["id"]),
            vault_id=str(m["vault_id"]),
            created=created,
            app_version=str(m.get("app_version", "")),
            size=path.stat().st_size,
        )
    except (KeyError, ValueError, OSError):
        raise BackupDamaged("manifest") from None


def read_info(path: Path) -> BackupInfo:
    """The plaintext manifest (date, ids, size): no key, no check of the contents."""
    return _info(path, _parse(path))


def list_backups(folder: Path, vault_id: str | None = None) -> list[BackupInfo]:
    """Backups in ``folder`` (of one vault when ``vault_id``), newest first. Files that
    do not parse are left out (and never deleted)."""
    found: list[BackupInfo] = []
    try:
        names = sorted(p for p in folder.iterdir() if p.name.endswith(SUFFIX))
    except OSError:
        return []
    for path in names:
        try:
            info = read_info(path)
        except (BackupDamaged, NotABackup, FileUnreadable, VaultTooNew):
            continue
        if vault_id is None or info.vault_id == vault_id:
            found.append(info)
    found.sort(key=lambda i: (i.created, i.path.name), reverse=True)
    return found


# -- create ------------------------------------------------------------------------
def _alive(pid: int, path: Path) -> bool:
    """Whether the create that made ``path`` may still be running."""
    if os.name != "posix":
        # No signal 0 there (os.kill would send Ctrl+C): an hour-old folder is left over.
        try:
            return time.time() - path.stat().st_mtime < 3600
        except OSError:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _sweep_partials(folder: Path) -> None:
    """Work folders of a create that was killed (its process is gone)."""
    for path in folder.glob(f"{_PARTIAL}*"):
        try:
            pid = int(path.name[len(_PARTIAL) :].split("-")[0])
        except ValueError:
            continue
        mine = pid == os.getpid()
        if (mine and not _in_use(path)) or (not mine and not _alive(pid, path)):
            shutil.rmtree(path, ignore_errors=True)


_ACTIVE: set[str] = set()
_ACTIVE_LOCK = threading.Lock()


def _in_use(path: Path) -> bool:
    with _ACTIVE_LOCK:
        return str(path) in _ACTIVE


@contextlib.contextmanager
def _work_dir(folder: Path) -> Iterator[Path]:
    path = folder / f"{_PARTIAL}{os.getpid()}-{secrets.token_hex(4)}"
    try:
        path.mkdir(mode=0o700)
    except OSError as exc:
        raise FileUnwritable(str(folder)) from exc
    with _ACTIVE_LOCK:
        _ACTIVE.add(str(path))
    try:
        yield path
    finally:
        with _ACTIVE_LOCK:
            _ACTIVE.discard(str(path))
        shutil.rmtree(path, ignore_errors=True)


def _counts(conn: Any) -> dict[str, int]:
    return {name: int(conn.execute(sql).fetchone()[0]) for name, sql in COUNTS.items()}


def _schema_version(conn: Any) -> int:
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


class BackupService:
    """``vault.backups``: make a backup of the unlocked vault, list and prune them."""

    def __init__(
        self,
        state: Callable[[], UnlockedState],
        vault_path: Callable[[], Path],
        header_bytes: Callable[[], bytes],
    ) -> None:
        self._state = state
        self._vault_path = vault_path
        self._header_bytes = header_bytes
        # (device, inode, size, mtime) of files whose seal opened with this vault's key
        self._sealed: dict[tuple[int, int, int, int], bool] = {}

    def create(
        self,
        folder: Path,
        keep: int = DEFAULT_KEEP,
        progress: ProgressSink = ignore_progress,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> BackupInfo:
        """A new backup file in ``folder`` (made if missing); then only the newest
        ``keep`` backups of this vault stay there."""
        st = self._state()
        key = st.db.page_key
        assert key is not None, "a format-3 vault is page-encrypted"
        cipher = st.cipher
        header_raw = self._header_bytes()
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise FileUnwritable(str(folder)) from exc
        _sweep_partials(folder)
        created = datetime.now(UTC).replace(microsecond=0)
        backup_id = secrets.token_hex(16)
        name = f"reflectdesk-{created:%Y%m%d-%H%M%S}-{backup_id[:8]}{SUFFIX}"
        target = folder / name
        with _work_dir(folder) as work:
            copy_path = work / DB_NAME
            counts, schema = self._snapshot(
                self._vault_path() / DB_NAME, copy_path, key, progress, cancel
            )
            cancel.raise_if_cancelled()
            page_len = copy_path.stat().st_size
            digest = hashlib.sha256(MAGIC)
            page_digest = hashlib.sha256()
            staged = work / name
            with AtomicFile(staged, error=FileUnwritable) as out:
                out.write(MAGIC)
                _section(out, b"HEAD", header_raw, digest)
                head = b"PAGE" + page_len.to_bytes(8, "big")
                out.write(head)
                digest.update(head)
                with copy_path.open("rb") as src:
                    done = 0
                    while chunk := src.read(_COPY):
                        out.write(chunk)
                        page_digest.update(chunk)
                        done += len(chunk)
                        cancel.raise_if_cancelled()
                        progress(Progress(done, page_len, "backup_write"))
                if done != page_len:
                    raise FileUnwritable(str(folder))
                digest.update(page_digest.digest())  # one pass over the pages, not two
                manifest = {
                    "format": FORMAT,
                    "id": backup_id,
                    "vault_id": cipher.vault_id,
                    "created": created.isoformat(),
                    "app_version": _app_version(),
                    "header_sha256": _sha(header_raw),
                    "page_bytes": page_len,
                    "page_sha256": page_digest.hexdigest(),
                }
                manifest_raw = orjson.dumps(manifest, option=orjson.OPT_SORT_KEYS)
                _section(out, b"MANI", manifest_raw, digest)
                sealed = cipher.seal_json(
                    SEAL_TABLE,
                    backup_id,
                    _seal_ad_revision(digest.hexdigest()),
                    {
                        "created": manifest["created"],
                        "counts": counts,
                        "schema_version": schema,
                        "page_sha256": manifest["page_sha256"],
                        "header_sha256": manifest["header_sha256"],
                    },
                )
                _section(out, b"SEAL", sealed, hashlib.sha256())
                out.commit()
            # Whole and synced in the work folder (same file system): one rename makes
            # it appear. A kill before leaves only the work folder, swept next time.
            try:
                os.rename(staged, target)
                fsync_dir(folder)
            except OSError as exc:
                raise FileUnwritable(str(folder)) from exc
        log.info("backup written (%d bytes)", page_len)
        self.prune(folder, keep)
        return read_info(target)

    @staticmethod
    def _snapshot(
        source: Path, copy: Path, key: bytes, progress: ProgressSink, cancel: CancelToken
    ) -> tuple[dict[str, int], int]:
        """Copy the database as of one read transaction; the counts are read in it too."""
        os.close(os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        src = pages.connect(source, key)
        try:
            dst = pages.connect(copy, key)
            try:
                # A scratch file in the work folder: no journal and no sync of its own
                # (the backup file made from it is synced; a crash leaves only the work
                # folder, swept later).
                dst.execute("PRAGMA journal_mode=OFF")
                dst.execute("PRAGMA synchronous=OFF")
                src.execute("BEGIN")
                counts = _counts(src)
                schema = _schema_version(src)

                def step(_status: int, remaining: int, total: int) -> None:
                    cancel.raise_if_cancelled()
                    progress(Progress(total - remaining, total, "backup_copy"))

                src.backup(dst, pages=_STEP_PAGES, progress=step)
                src.execute("COMMIT")
            finally:
                dst.close()
        except pages.DB_ERRORS as exc:
            if pages.is_damage(exc):
                raise VaultDamaged(DB_NAME) from None
            raise
        finally:
            src.close()
        return counts, schema

    def _is_sealed(self, path: Path, cipher: RecordCipher) -> bool:
        """Whether the file's seal opens with this vault's key (every byte read and
        hashed once; remembered by device, inode, size and modification time). The
        plaintext manifest is anyone's to edit: a copy with a date far ahead would
        otherwise count as the newest and push the real backups out."""
        try:
            st = path.stat()
        except OSError:
            return False
        stamp = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
        known = self._sealed.get(stamp)
        if known is not None:
            return known
        try:
            parsed = _parse(path, hashed=True)
            doc = cipher.open_json(
                SEAL_TABLE,
                str(parsed.manifest.get("id")),
                _seal_ad_revision(parsed.prefix_sha256),
                parsed.seal,
            )
            ok = isinstance(doc, dict) and doc.get("created") == parsed.manifest.get("created")
        except (RecordTampered, BackupDamaged, NotABackup, FileUnreadable, VaultTooNew):
            ok = False
        self._sealed[stamp] = ok
        return ok

    def ours(self, folder: Path) -> list[BackupInfo]:
        """This vault's backups in ``folder``, newest first: only those whose seal opens
        with its key (a file planted with a forged plaintext manifest is not one)."""
        cipher = self._state().cipher
        return [i for i in list_backups(folder, cipher.vault_id) if self._is_sealed(i.path, cipher)]

    def prune(self, folder: Path, keep: int) -> list[Path]:
        """Delete this vault's backups beyond the newest ``keep``; returns what went.
        Only sealed backups of this vault count and are deleted (:meth:`ours`)."""
        removed: list[Path] = []
        for info in self.ours(folder)[max(1, keep) :]:
            with contextlib.suppress(OSError):
                info.path.unlink()
                removed.append(info.path)
        if removed:
            with contextlib.suppress(OSError):
                fsync_dir(folder)
        return removed

    def latest(self, folder: Path) -> BackupInfo | None:
        found = self.ours(folder)
        return found[0] if found else None


def _app_version() -> str:
    from reflectdesk import __version__

    return __version__


# -- verify and restore ------------------------------------------------------------
def _unwrap(header: VaultHeader, passphrase: str | None, recovery_key: str | None) -> bytes:
    from reflectdesk.services.vault import unwrap_passphrase, unwrap_recovery

    if recovery_key is not None:
        return unwrap_recovery(header, recovery_key)
    if passphrase is None:
        raise ValueError("a passphrase or a recovery key")
    return unwrap_passphrase(header, passphrase)


def _open_seal(parsed: _Parsed, dek: bytes, header: VaultHeader) -> dict[str, Any]:
    m = parsed.manifest
    if str(m.get("vault_id")) != header.vault_id:
        raise BackupDamaged("manifest.vault_id")
    cipher = RecordCipher(dek, header.vault_id)
    try:
        doc = cipher.open_json(
            SEAL_TABLE, str(m.get("id")), _seal_ad_revision(parsed.prefix_sha256), parsed.seal
        )
    except RecordTampered:
        raise BackupDamaged("seal") from None
    finally:
        cipher.wipe()
    if not isinstance(doc, dict) or not isinstance(doc.get("counts"), dict):
        raise BackupDamaged("seal")
    # The seal covers every byte before it already; these say which check failed.
    if doc.get("page_sha256") != parsed.page_sha256 or m.get("page_sha256") != parsed.page_sha256:
        raise BackupDamaged("page_sha256")
    if doc.get("header_sha256") != _sha(parsed.header_raw):
        raise BackupDamaged("header_sha256")
    if doc.get("created") != m.get("created"):
        raise BackupDamaged("manifest.created")
    return doc


def _extract_and_check(
    path: Path,
    into: Path,
    passphrase: str | None,
    recovery_key: str | None,
    progress: ProgressSink,
    cancel: CancelToken,
) -> BackupReport:
    """Write the backup's vault into the empty folder ``into`` and check it all."""
    from reflectdesk.services.vault import Vault

    db_path = into / DB_NAME
    fd = os.open(db_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        parsed = _parse(path, out, progress, cancel)  # synced by restore, not by verify
    # Plain checksums first: a damaged copy (a bad USB stick) is named as such before
    # any key is asked for; the seal, checked next, is what an attacker cannot redo.
    m = parsed.manifest
    if parsed.page_len != m.get("page_bytes") or parsed.page_sha256 != m.get("page_sha256"):
        raise BackupDamaged("page_sha256")
    if _sha(parsed.header_raw) != m.get("header_sha256"):
        raise BackupDamaged("header_sha256")
    try:
        header = parse_header(parsed.header_raw)
    except (VaultCorrupt, NotAVault):
        raise BackupDamaged("header") from None
    if len(parsed.header_raw) > MAX_HEADER_BYTES:
        raise BackupDamaged("header")
    progress(Progress(0, 1, "kdf"))
    dek = _unwrap(header, passphrase, recovery_key)
    sealed = _open_seal(parsed, dek, header)
    fd = os.open(into / HEADER_NAME, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(parsed.header_raw)
    info = _info(path, parsed)
    counts = {str(k): int(v) for k, v in sealed["counts"].items()}
    # Two halves at once (SQLite lets the GIL go): on a thread of its own, a read-only
    # pass: integrity_check over the whole file, then every sealed record opened, with
    # a page cache holding the file (each page decrypted once; freed at close). Here,
    # the copy opened as a vault (header MAC, schema, sealed vault state, contacts, the
    # index's catch-up, which may write), then FTS5's check (a write statement, so
    # after the catch-up, never beside it).
    key = page_key(dek)
    cipher = RecordCipher(dek, header.vault_id)
    found: dict[str, int] = {}
    records: dict[str, int] = {}
    schema: list[int] = []
    page_error: list[BaseException] = []

    def page_pass() -> None:
        try:
            conn = pages.connect(db_path, key)
            try:
                cache_kib = min(parsed.page_len // 1024 + 1024, _CACHE_MAX_KIB)
                conn.execute(f"PRAGMA cache_size = -{cache_kib}")
                conn.execute("BEGIN")
                if str(conn.execute("PRAGMA integrity_check").fetchone()[0]) != "ok":
                    raise BackupDamaged("integrity_check")
                found.update(_counts(conn))
                records.update(open_every_record(conn, cipher, progress, cancel))
                schema.append(_schema_version(conn))
                conn.execute("COMMIT")
            finally:
                conn.close()
        except BaseException as exc:
            page_error.append(exc)

    worker = threading.Thread(target=page_pass, name="reflectdesk-verify-pages")
    worker.start()
    vault: Vault | None = None
    try:
        try:
            vault = Vault.open(into)
            vault.unlock_with_data_key(dek, progress, cancel)
            vault._unlocked().index.integrity_check()
        except (VaultDamaged, VaultCorrupt, NotAVault) as exc:
            raise BackupDamaged(f"pages: {exc.code}") from None
        except (VaultStateTampered, RecordTampered) as exc:
            raise BackupDamaged(f"{exc.code}: {exc.detail}") from None
        except pages.DB_ERRORS:
            raise BackupDamaged("search_index") from None
    finally:
        worker.join()
        if vault is not None:
            vault.close()
        cipher.wipe()
    if page_error:
        failure = page_error[0]
        if isinstance(failure, RecordTampered | VaultDamaged):
            raise BackupDamaged(f"{failure.code}: {failure.detail}") from None
        if isinstance(failure, pages.DB_ERRORS):
            raise BackupDamaged(f"pages: {type(failure).__name__}") from None
        raise failure
    if found != counts:
        raise BackupDamaged("counts")
    return BackupReport(info, counts, records, schema[0])


def verify(
    path: Path,
    *,
    passphrase: str | None = None,
    recovery_key: str | None = None,
    progress: ProgressSink = ignore_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> BackupReport:
    """Check a backup with its passphrase or recovery key, in a private temp folder;
    the live vault is never opened. Raises ``BackupDamaged`` (which check, in
    ``detail``), ``NotABackup``, ``WrongPassphrase`` / ``WrongRecoveryKey``."""
    tmp = Path(tempfile.mkdtemp(prefix="reflectdesk-verify-"))  # 0700
    try:
        return _extract_and_check(path, tmp, passphrase, recovery_key, progress, cancel)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def restore(
    path: Path,
    to: Path,
    *,
    passphrase: str | None = None,
    recovery_key: str | None = None,
    progress: ProgressSink = ignore_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> BackupReport:
    """A new vault folder ``to`` from a backup, checked as :func:`verify` checks it
    before it is renamed into place. Never writes over anything: ``to`` must not
    exist, or be an empty folder (``RestoreTargetExists``)."""
    to = to.absolute()
    if to.exists() and (not to.is_dir() or any(to.iterdir())):
        raise RestoreTargetExists(str(to))
    parent = to.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{to.name}.restoring-", dir=parent))
    except OSError as exc:
        raise FileUnwritable(str(parent)) from exc
    try:
        report = _extract_and_check(path, staging, passphrase, recovery_key, progress, cancel)
        (staging / "vault.lock").unlink(missing_ok=True)
        for leftover in staging.iterdir():
            with contextlib.suppress(OSError):
                fd = os.open(leftover, os.O_RDONLY)
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
        fsync_dir(staging)
        if to.exists():
            if any(to.iterdir()):
                raise RestoreTargetExists(str(to))
            to.rmdir()
        try:
            staging.rename(to)
        except OSError as exc:
            raise RestoreTargetExists(str(to)) from exc
        fsync_dir(parent)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    log.info("backup restored into a new vault folder")
    return report
