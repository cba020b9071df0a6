"""An exchange point that is a folder: a USB stick, a network drive, a synced folder.

Uploads are written to a temporary name in the folder, fsynced, then *linked* to the
final name: ``link`` fails if the name exists, so nothing is ever overwritten, and a
reader sees the whole file or none. Where a file system has no hard links (FAT/exFAT
sticks, some network shares) the rename is preceded by an existence check: Windows'
``rename`` refuses to overwrite on its own; elsewhere a race between two clients choosing
the same random 128-bit name in the same millisecond is the only gap.
"""

from __future__ import annotations

import builtins
import contextlib
import errno
import hashlib
import logging
import os
import stat
from pathlib import Path

from reflectdesk.atomic_files import AtomicFile, fsync_dir
from reflectdesk.errors import (
    ExchangeFolderUnavailable,
    ExchangeFolderUnwritable,
    FileUnwritable,
    RemoteFileChanged,
    RemoteFileGone,
    RemoteFileNotOwn,
    RemoteNameTaken,
    ServerFull,
    SyncTransferError,
    TransferIncomplete,
)
from reflectdesk.progress import (
    NEVER_CANCELLED,
    CancelToken,
    Progress,
    ProgressSink,
    ignore_progress,
)
from reflectdesk.sync.transport import (
    CHUNK,
    DOWNLOAD,
    TEMP_PREFIX,
    UPLOAD,
    PutReceipt,
    RemoteFile,
    Source,
    check_client_token,
    file_etag,
    is_final_name,
    new_client_token,
    temp_name,
    validate_name,
)

log = logging.getLogger(__name__)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_BINARY = getattr(os, "O_BINARY", 0)
# link() is not supported here: fall back to check-then-rename.
_NO_LINK = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS, errno.EXDEV}


def _sync_folder(folder: Path) -> None:
    """Make a rename or unlink durable. Some network and FUSE file systems cannot fsync a
    folder: the change is made all the same, only its durability is unsure."""
    try:
        fsync_dir(folder)
    except OSError as exc:
        log.warning("could not sync the exchange folder: %s", type(exc).__name__)


def _os_error(exc: OSError) -> SyncTransferError:
    """What an OS error on the shared folder means to the user."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return ServerFull("folder")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ExchangeFolderUnwritable("folder")
    return ExchangeFolderUnavailable(type(exc).__name__)


class FolderTransport:
    """``client_token``: 16 hex digits, stable for this client and exchange point (the
    caller stores it), so a retry after a crash reuses its own temporary name."""

    def __init__(self, folder: Path, client_token: str | None = None) -> None:
        self.folder = folder
        self.token = check_client_token(client_token or new_client_token())

    def close(self) -> None:
        """Nothing to release; part of the contract."""

    def __enter__(self) -> FolderTransport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _check_folder(self) -> None:
        try:
            st = os.stat(self.folder)
        except OSError as exc:
            raise ExchangeFolderUnavailable("folder") from exc
        if not stat.S_ISDIR(st.st_mode):
            raise ExchangeFolderUnavailable("not a folder")

    # --- list ------------------------------------------------------------------------
    def list(self) -> builtins.list[RemoteFile]:
        self._check_folder()
        found: builtins.list[RemoteFile] = []
        try:
            with os.scandir(self.folder) as entries:
                for entry in entries:
                    if not is_final_name(entry.name):
                        continue  # temporary, hidden or foreign names (ours and others')
                    try:
                        st = entry.stat(follow_symlinks=False)
                    except FileNotFoundError:
                        continue  # vanished while we looked: another client or a sync
                    if not stat.S_ISREG(st.st_mode):
                        continue  # no symlinks (they could point out of the folder), no dirs
                    found.append(RemoteFile(entry.name, st.st_size, file_etag(st), st.st_mtime))
        except OSError as exc:
            raise _os_error(exc) from exc
        return found

    # --- put -------------------------------------------------------------------------
    def put(
        self,
        name: str,
        source: Path | bytes,
        progress: ProgressSink = ignore_progress,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> PutReceipt:
        validate_name(name)
        data = Source(source)
        self._check_folder()
        final = self.folder / name
        tmp = self.folder / temp_name(self.token, name)
        try:
            tmp_st = self._write_temp(tmp, data, progress, cancel)
            try:
                self._publish(tmp, final)
            except FileExistsError:
                return self._existing(final, tmp, data)
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)  # the link made it a second name; the rename path moved it
            _sync_folder(self.folder)
            st = os.stat(final, follow_symlinks=False)
        except OSError as exc:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise _os_error(exc) from exc
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        if st.st_ino != tmp_st.st_ino or st.st_size != data.size:
            raise TransferIncomplete("size after publish")
        return PutReceipt(name, st.st_size, file_etag(st))

    def _write_temp(
        self, tmp: Path, data: Source, progress: ProgressSink, cancel: CancelToken
    ) -> os.stat_result:
        # Our own temporary name: truncate a leftover of an earlier crash; never through
        # a symlink someone planted there.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | _NOFOLLOW | _BINARY, 0o644)
        try:
            done = 0
            for chunk in data.chunks():
                cancel.raise_if_cancelled()
                view = memoryview(chunk)
                while view:
                    view = view[os.write(fd, view) :]
                done += len(chunk)
                progress(Progress(done, data.size, UPLOAD))
            os.fsync(fd)
            st = os.fstat(fd)
        finally:
            os.close(fd)
        if st.st_size != data.size:
            raise TransferIncomplete("size of temporary file")
        return st

    def _publish(self, tmp: Path, final: Path) -> None:
        try:
            os.link(tmp, final, follow_symlinks=False)
            return
        except FileExistsError:
            raise
        except OSError as exc:
            if exc.errno not in _NO_LINK:
                raise
        if os.name != "nt" and os.path.lexists(final):
            raise FileExistsError(errno.EEXIST, "exists", str(final))
        os.rename(tmp, final)  # on Windows this refuses an existing name by itself

    def _existing(self, final: Path, tmp: Path, data: Source) -> PutReceipt:
        """The name is taken: ours from an earlier try (same bytes), or someone else's."""
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        try:
            fd = os.open(final, os.O_RDONLY | _NOFOLLOW | _BINARY)
        except OSError as exc:
            raise RemoteNameTaken(final.name) from exc
        try:
            st = os.fstat(fd)
            same = stat.S_ISREG(st.st_mode) and st.st_size == data.size
            if same:
                digest = hashlib.sha256()
                with os.fdopen(os.dup(fd), "rb") as stream:
                    while chunk := stream.read(CHUNK):
                        digest.update(chunk)
                same = digest.digest() == data.sha256()
        finally:
            os.close(fd)
        if not same:
            raise RemoteNameTaken(final.name)
        log.info("upload was already complete on the exchange folder")
        return PutReceipt(final.name, st.st_size, file_etag(st), already_there=True)

    # --- get -------------------------------------------------------------------------
    def get(
        self,
        name: str,
        dest: Path,
        expected_size: int,
        etag: str | None = None,
        progress: ProgressSink = ignore_progress,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> None:
        validate_name(name)
        self._check_folder()
        try:
            fd = os.open(self.folder / name, os.O_RDONLY | _NOFOLLOW | _BINARY)
        except FileNotFoundError as exc:
            raise RemoteFileGone(name) from exc
        except OSError as exc:
            if exc.errno == errno.ELOOP:  # a symlink: never followed out of the folder
                raise RemoteFileGone(name) from exc
            raise _os_error(exc) from exc
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise RemoteFileGone(name)
            if etag is not None and file_etag(st) != etag:
                raise RemoteFileChanged(name)
            if st.st_size != expected_size:
                raise TransferIncomplete(name)
            with AtomicFile(dest, error=FileUnwritable) as out:
                done = 0
                while done < expected_size:
                    cancel.raise_if_cancelled()
                    try:
                        chunk = os.read(fd, min(CHUNK, expected_size - done))
                    except OSError as exc:
                        raise _os_error(exc) from exc
                    if not chunk:
                        raise TransferIncomplete(name)  # shrank while we read it
                    out.write(chunk)
                    done += len(chunk)
                    progress(Progress(done, expected_size, DOWNLOAD))
                out.commit()
        finally:
            os.close(fd)

    # --- delete ----------------------------------------------------------------------
    def delete_own(self, receipt: PutReceipt) -> None:
        """Remove a file this client put there, if it is still exactly that file."""
        validate_name(receipt.name)
        if receipt.etag is None:
            raise RemoteFileNotOwn(receipt.name)
        self._check_folder()
        path = self.folder / receipt.name
        try:
            st = os.stat(path, follow_symlinks=False)
        except FileNotFoundError:
            return  # already gone: the goal is reached
        except OSError as exc:
            raise _os_error(exc) from exc
        if not stat.S_ISREG(st.st_mode) or file_etag(st) != receipt.etag:
            raise RemoteFileNotOwn(receipt.name)
        try:
            os.unlink(path)
            _sync_folder(self.folder)
        except FileNotFoundError:
            return
        except OSError as exc:
            raise _os_error(exc) from exc

    def sweep_own_temporaries(self) -> int:
        """Remove this client's leftover temporary files (after crashes); never others'."""
        prefix = f"{TEMP_PREFIX}{self.token}-"
        removed = 0
        self._check_folder()
        with os.scandir(self.folder) as entries:
            for entry in entries:
                if entry.name.startswith(prefix) and entry.is_file(follow_symlinks=False):
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(entry.path)
                        removed += 1
        return removed
