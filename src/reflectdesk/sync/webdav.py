"""An exchange point on a WebDAV server (Nextcloud, ownCloud, Apache mod_dav, WsgiDAV…).

Standard library HTTP (``http.client`` + ``ssl``): verified TLS from the system's CA store
(or a CA file the caller names), separate connect and read timeouts, request bodies
streamed from disk in chunks with progress and cancel between chunks, and every failure
mapped to one error class (docs/sync.md §4; the mapping, the connections and digest
authentication are sync/webdav_http.py). One kept-alive connection per transport; calls
are serialised by a lock.

Upload: ``PUT`` to ``.rdtmp-<token>-<name>``, ``PROPFIND`` it (full size?), ``MOVE`` it
to the final name with ``Overwrite: F`` (never replaces a file), ``PROPFIND`` the final
name for its size and ETag. Only then is the upload reported done.
"""

from __future__ import annotations

import base64
import builtins
import contextlib
import hashlib
import http.client
import logging
import ssl
import threading
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from reflectdesk.atomic_files import AtomicFile
from reflectdesk.errors import (
    Cancelled,
    ExchangeAddressInvalid,
    FileUnwritable,
    RemoteFileChanged,
    RemoteFileGone,
    RemoteFileNotOwn,
    RemoteNameTaken,
    ServerConflict,
    ServerFolderNotFound,
    ServerProtocolError,
    ServerTimeout,
    ServerTlsFailed,
    ServerUnreachable,
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
from reflectdesk.sync.davxml import (
    PROPFIND_BODY,
    DavEntry,
    http_date,
    normalize_etag,
    parse_multistatus,
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
    is_final_name,
    new_client_token,
    temp_name,
    validate_name,
)
from reflectdesk.sync.webdav_http import (
    Answer,
    Digest,
    HttpConnection,
    HttpsConnection,
    auth_challenge,
    connect_error,
    status_error,
    transfer_error,
)

log = logging.getLogger(__name__)

LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1"})
MAX_XML = 32 * 1024 * 1024  # a PROPFIND answer for tens of thousands of files
MAX_SMALL = 1024 * 1024  # any other answer body we read whole
STAMP_MARGIN_S = 5.0  # a folder's Last-Modified is relied on only when this much older
_STALE = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)
_XML = {"Content-Type": 'application/xml; charset="utf-8"'}


class WebDavTransport:
    """``url``: the folder (``https://…/remote.php/dav/files/<user>/ReflectDesk``).
    ``password``: an app password, kept in memory only and never logged or shown.
    ``ca_file``: trust this CA instead of the system store (tests, private CAs)."""

    def __init__(
        self,
        url: str,
        user: str,
        password: str,
        *,
        ca_file: Path | None = None,
        connect_timeout: float = 10.0,
        read_timeout: float = 60.0,
        client_token: str | None = None,
    ) -> None:
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError as exc:
            raise ExchangeAddressInvalid("url") from exc
        host = parts.hostname or ""
        if parts.scheme not in ("https", "http") or not host:
            raise ExchangeAddressInvalid("scheme")
        if parts.scheme == "http" and host not in LOOPBACK:
            raise ExchangeAddressInvalid("http:// is only for this computer")
        if parts.username is not None or parts.password is not None:
            raise ExchangeAddressInvalid("credentials in the address")
        if parts.query or parts.fragment:
            raise ExchangeAddressInvalid("query")
        self._scheme = parts.scheme
        self._host = host
        self._port = port
        self._origin = f"{parts.scheme}://{parts.netloc}"
        self._folder_plain = unquote(parts.path).rstrip("/")
        self._folder = quote(self._folder_plain, safe="/")
        self._user = user
        self._password = password
        self._basic = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
        self._digest: Digest | None = None
        self._connect_timeout = connect_timeout
        self._read_timeout = read_timeout
        self._ssl: ssl.SSLContext | None = None
        if parts.scheme == "https":
            self._ssl = ssl.create_default_context(
                cafile=str(ca_file) if ca_file is not None else None
            )
            self._ssl.minimum_version = ssl.TLSVersion.TLSv1_2
        self.token = check_client_token(client_token or new_client_token())
        self._conn: http.client.HTTPConnection | None = None
        self._lock = threading.RLock()
        self._folder_ok = False

    def __repr__(self) -> str:  # never the password, nor the user name
        return f"WebDavTransport({self._host!r})"

    def close(self) -> None:
        with self._lock:
            self._drop()

    def __enter__(self) -> WebDavTransport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- one HTTP exchange ---------------------------------------------------------
    def _drop(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
            self._conn = None

    def _connection(self) -> tuple[http.client.HTTPConnection, bool]:
        if self._conn is not None:
            return self._conn, True
        conn: http.client.HTTPConnection
        if self._ssl is not None:
            conn = HttpsConnection(
                self._host, self._port, timeout=self._connect_timeout, context=self._ssl
            )
        else:
            conn = HttpConnection(self._host, self._port, timeout=self._connect_timeout)
        conn.read_timeout = self._read_timeout
        try:
            conn.connect()
        except (OSError, ssl.CertificateError) as exc:
            conn.close()
            raise connect_error(exc) from exc
        self._conn = conn
        return conn, False

    def _auth(self, method: str, path: str) -> str:
        if self._digest is not None:
            return self._digest.header(self._user, self._password, method, path)
        return self._basic

    def _write(
        self,
        conn: http.client.HTTPConnection,
        method: str,
        path: str,
        headers: dict[str, str],
        body: bytes | Source | None,
        progress: ProgressSink,
        cancel: CancelToken,
    ) -> None:
        conn.putrequest(method, path, skip_accept_encoding=True)
        conn.putheader("Authorization", self._auth(method, path))
        size = 0 if body is None else (len(body) if isinstance(body, bytes) else body.size)
        if body is not None or method in ("PUT", "PROPFIND"):
            conn.putheader("Content-Length", str(size))
        for key, value in headers.items():
            conn.putheader(key, value)
        conn.endheaders()
        if isinstance(body, bytes):
            if body:
                conn.send(body)
        elif body is not None:
            done = 0
            for chunk in body.chunks():
                cancel.raise_if_cancelled()
                conn.send(chunk)
                done += len(chunk)
                progress(Progress(done, size, UPLOAD))

    def _open(
        self,
        method: str,
        path: str,
        headers: dict[str, str] | None = None,
        body: bytes | Source | None = None,
        progress: ProgressSink = ignore_progress,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> http.client.HTTPResponse:
        """Send one request and return the answer with its body unread. Sends again once
        on a kept-alive connection the server had closed, and once to answer a digest
        challenge."""
        headers = headers or {}
        tried_digest = False
        stale_retry = True
        while True:
            conn, reused = self._connection()
            try:
                sent = False
                try:
                    self._write(conn, method, path, headers, body, progress, cancel)
                    sent = True
                except (BrokenPipeError, ConnectionResetError):
                    # The server may have answered early (401, 507…) and closed: read it.
                    if not body:
                        raise
                resp = conn.getresponse()
                if not sent and resp.status < 300:
                    raise TransferIncomplete("upload cut off")
            except Cancelled:
                self._drop()
                raise
            except SyncTransferError:
                self._drop()
                raise
            except _STALE as exc:
                self._drop()
                if reused and stale_retry:
                    stale_retry = False
                    continue
                raise transfer_error(exc) from exc
            except (OSError, http.client.HTTPException) as exc:
                self._drop()
                raise transfer_error(exc) from exc
            if resp.status == 401 and not tried_digest and self._digest is None:
                challenge = auth_challenge(resp.headers, "digest")
                if challenge is not None:
                    self._discard(resp)
                    self._digest = Digest(challenge)
                    tried_digest = True
                    continue
            if resp.status == 401 and self._digest is not None and not tried_digest:
                challenge = auth_challenge(resp.headers, "digest")
                if challenge is not None and "stale=true" in challenge.lower().replace(" ", ""):
                    self._discard(resp)
                    self._digest = Digest(challenge)
                    tried_digest = True
                    continue
            log.debug("%s -> %d", method, resp.status)
            return resp

    def _discard(self, resp: http.client.HTTPResponse) -> None:
        try:
            resp.read(MAX_SMALL)
        except (OSError, http.client.HTTPException):
            self._drop()
            return
        if resp.will_close or not resp.isclosed():
            self._drop()

    def _call(
        self,
        method: str,
        path: str,
        headers: dict[str, str] | None = None,
        body: bytes | Source | None = None,
        limit: int = MAX_SMALL,
        progress: ProgressSink = ignore_progress,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> Answer:
        resp = self._open(method, path, headers, body, progress, cancel)
        try:
            data = resp.read(limit + 1)
        except (OSError, http.client.HTTPException) as exc:
            self._drop()
            raise transfer_error(exc) from exc
        if len(data) > limit:
            self._drop()
            raise ServerProtocolError("answer too large")
        if resp.will_close or not resp.isclosed():
            self._drop()
        return Answer(resp.status, resp.headers, data)

    # --- paths ------------------------------------------------------------------------
    def _path(self, name: str) -> str:
        return f"{self._folder}/{name}"  # names are from a URL-safe set: no quoting

    def _children(self) -> list[tuple[str, DavEntry]]:
        answer = self._call(
            "PROPFIND", self._folder + "/", {"Depth": "1", **_XML}, PROPFIND_BODY, MAX_XML
        )
        if answer.status != 207:
            raise status_error(answer.status, answer.headers, "folder")
        children: list[tuple[str, DavEntry]] = []
        for entry in parse_multistatus(answer.body):
            parent, _, name = entry.path.rpartition("/")
            if parent == self._folder_plain and name and not entry.is_collection:
                children.append((name, entry))
        return children

    def _stat(self, name: str) -> DavEntry | None:
        answer = self._call("PROPFIND", self._path(name), {"Depth": "0", **_XML}, PROPFIND_BODY)
        if answer.status == 404:
            return None
        if answer.status != 207:
            raise status_error(answer.status, answer.headers, "file")
        entries = [e for e in parse_multistatus(answer.body) if not e.is_collection]
        return entries[0] if entries else None

    # --- the contract ----------------------------------------------------------------
    def ensure_folder(self) -> None:
        """Make the exchange folder if it is missing (its parent must exist)."""
        with self._lock:
            answer = self._call(
                "PROPFIND", self._folder + "/", {"Depth": "0", **_XML}, PROPFIND_BODY
            )
            if answer.status == 404:
                made = self._call("MKCOL", self._folder + "/")
                # 405: someone made it meanwhile.
                if made.status not in (200, 201, 405):
                    raise status_error(made.status, made.headers, "folder")
            elif answer.status != 207:
                raise status_error(answer.status, answer.headers, "folder")
            self._folder_ok = True

    def folder_stamp(self) -> str | None:
        """What the folder itself says about its contents, with one ``PROPFIND`` depth 0
        (not a listing): its ETag when the server gives folders one (Nextcloud and
        ownCloud change it whenever anything inside changes), else its Last-Modified —
        but only when that is at least ``STAMP_MARGIN_S`` older than the answer's own
        ``Date``, so that a file added after this answer must move it (a server's
        clock has one-second steps). ``None``: nothing to rely on, list the folder.
        Both times are the server's: no clock of this computer is compared."""
        with self._lock:
            answer = self._call(
                "PROPFIND", self._folder + "/", {"Depth": "0", **_XML}, PROPFIND_BODY
            )
            if answer.status != 207:
                raise status_error(answer.status, answer.headers, "folder")
            folders = [e for e in parse_multistatus(answer.body) if e.is_collection]
            if len(folders) != 1:
                return None
            folder = folders[0]
            if folder.etag:
                return "etag:" + folder.etag
            answered = http_date(answer.headers.get("Date"))
            if folder.mtime is None or answered is None:
                return None
            if folder.mtime > answered - STAMP_MARGIN_S:
                return None  # changed just now: a later change may carry the same second
            return f"mtime:{folder.mtime:.0f}"

    def list(self) -> builtins.list[RemoteFile]:
        with self._lock:
            return [
                RemoteFile(name, entry.size, entry.etag, entry.mtime)
                for name, entry in self._children()
                if is_final_name(name) and entry.size is not None
            ]

    def put(
        self,
        name: str,
        source: Path | bytes,
        progress: ProgressSink = ignore_progress,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> PutReceipt:
        validate_name(name)
        data = Source(source)
        with self._lock:
            if not self._folder_ok:
                self.ensure_folder()
            tmp = temp_name(self.token, name)
            try:
                self._upload(tmp, data, progress, cancel)
                moved = self._call(
                    "MOVE",
                    self._path(tmp),
                    {"Destination": self._origin + self._path(name), "Overwrite": "F"},
                )
                if moved.status in (412, 404):
                    # 412: the name exists: our own earlier upload, or someone else's file.
                    # 404: our temporary file is gone: maybe an earlier MOVE whose answer
                    # was lost already put it in place.
                    return self._existing(name, tmp, data, moved.status)
                if moved.status not in (200, 201, 204):
                    raise status_error(moved.status, moved.headers, "move")
            except SyncTransferError as exc:
                if isinstance(exc, ServerFolderNotFound | ServerConflict):
                    self._folder_ok = False  # look again next time
                if not isinstance(exc, ServerUnreachable | ServerTimeout | ServerTlsFailed):
                    self._remove_quietly(tmp)
                raise
            final = self._stat(name)
            if final is None or final.size != data.size:
                raise TransferIncomplete("size after MOVE")
            return PutReceipt(name, data.size, final.etag)

    def _upload(self, tmp: str, data: Source, progress: ProgressSink, cancel: CancelToken) -> None:
        answer = self._call(
            "PUT",
            self._path(tmp),
            {"Content-Type": "application/octet-stream"},
            data,
            progress=progress,
            cancel=cancel,
        )
        if answer.status not in (200, 201, 204):
            raise status_error(answer.status, answer.headers, "folder")
        uploaded = self._stat(tmp)
        if uploaded is None or uploaded.size != data.size:
            raise TransferIncomplete("uploaded size")

    def _existing(self, name: str, tmp: str, data: Source, status: int) -> PutReceipt:
        """The final name is taken (412) or our temp is gone (404): is the file under the
        name our own earlier upload? Compared by size, then by SHA-256 of its bytes (read
        only when the size matches, so a large foreign file is never downloaded)."""
        current = self._stat(name)
        if current is None:
            # Gone again (404: the temp was lost, e.g. a restart; 412: removed meanwhile).
            raise TransferIncomplete("temporary file lost" if status == 404 else "name freed")
        if current.size != data.size:
            self._remove_quietly(tmp)
            raise RemoteNameTaken(name)
        digest = hashlib.sha256()
        try:
            self._stream(name, data.size, digest.update, NEVER_CANCELLED, ignore_progress)
        except (RemoteFileChanged, RemoteFileGone):
            raise TransferIncomplete("changed while compared") from None
        if digest.digest() != data.sha256():
            self._remove_quietly(tmp)
            raise RemoteNameTaken(name)
        self._remove_quietly(tmp)
        log.info("upload was already complete on the exchange server")
        return PutReceipt(name, data.size, current.etag, already_there=True)

    def _remove_quietly(self, tmp: str) -> None:
        """Best effort: remove our own temporary file (a retry would overwrite it anyway)."""
        with contextlib.suppress(SyncTransferError):
            self._call("DELETE", self._path(tmp))

    def _stream(
        self,
        name: str,
        expected_size: int | None,
        sink: Callable[[bytes], object],
        cancel: CancelToken,
        progress: ProgressSink,
        etag: str | None = None,
    ) -> int:
        resp = self._open("GET", self._path(name), cancel=cancel)
        try:
            if resp.status != 200:
                self._discard(resp)
                raise status_error(resp.status, resp.headers, "file")
            got_etag = normalize_etag(resp.headers.get("ETag"))
            if etag is not None and got_etag is not None and got_etag != etag:
                raise RemoteFileChanged(name)
            if expected_size is not None and resp.length is not None:
                if resp.length > expected_size:
                    raise RemoteFileChanged(name)
                if resp.length < expected_size:
                    raise TransferIncomplete("truncated download")
            total = expected_size or resp.length or 0
            done = 0
            while True:
                cancel.raise_if_cancelled()
                want = CHUNK if expected_size is None else min(CHUNK, expected_size + 1 - done)
                chunk = resp.read(want)
                if not chunk:
                    break
                done += len(chunk)
                if expected_size is not None and done > expected_size:
                    raise RemoteFileChanged(name)
                sink(chunk)
                progress(Progress(done, total, DOWNLOAD))
            if expected_size is not None and done != expected_size:
                raise TransferIncomplete("truncated download")
        except (OSError, http.client.HTTPException) as exc:
            self._drop()
            raise transfer_error(exc) from exc
        except BaseException:
            self._drop()
            raise
        if resp.will_close or not resp.isclosed():
            self._drop()
        return done

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
        with self._lock, AtomicFile(dest, error=FileUnwritable) as out:
            self._stream(name, expected_size, out.write, cancel, progress, normalize_etag(etag))
            out.commit()

    def delete_own(self, receipt: PutReceipt) -> None:
        """Remove a file this client put there, only while its ETag is still the one the
        upload confirmed (``If-Match``, and a ``PROPFIND`` first for servers that ignore it)."""
        validate_name(receipt.name)
        if receipt.etag is None:
            raise RemoteFileNotOwn(receipt.name)
        with self._lock:
            current = self._stat(receipt.name)
            if current is None:
                return  # already gone
            if current.etag != receipt.etag or current.size != receipt.size:
                raise RemoteFileNotOwn(receipt.name)
            answer = self._call(
                "DELETE", self._path(receipt.name), {"If-Match": f'"{receipt.etag}"'}
            )
            if answer.status == 412:
                raise RemoteFileNotOwn(receipt.name)
            if answer.status not in (200, 204, 404):
                raise status_error(answer.status, answer.headers, "file")

    def sweep_own_temporaries(self) -> int:
        """Remove this client's leftover temporary files; never anyone else's."""
        prefix = f"{TEMP_PREFIX}{self.token}-"
        with self._lock:
            mine = [name for name, _ in self._children() if name.startswith(prefix)]
            for name in mine:
                self._remove_quietly(name)
            return len(mine)
