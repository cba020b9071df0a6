"""HTTP for the WebDAV transport: the error class of an HTTP status or a failed
connection or transfer (docs/sync.md §4), ``Retry-After`` measured by the server's
clock, connections with separate connect and read timeouts, and RFC 7616 digest
authentication."""

from __future__ import annotations

import hashlib
import http.client
import secrets
import ssl
import time
import urllib.request
from dataclasses import dataclass

from reflectdesk.errors import (
    RemoteFileChanged,
    RemoteFileGone,
    RemoteNameTaken,
    ServerConflict,
    ServerFolderNotFound,
    ServerForbidden,
    ServerFull,
    ServerLocked,
    ServerPasswordRejected,
    ServerProtocolError,
    ServerTimeout,
    ServerTlsFailed,
    ServerTrouble,
    ServerUnreachable,
    SyncTransferError,
    TransferIncomplete,
)
from reflectdesk.sync.davxml import http_date

MAX_RETRY_AFTER = 24 * 3600.0


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes


def retry_after(headers: http.client.HTTPMessage) -> float | None:
    """Seconds to wait, from ``Retry-After`` as seconds or as a date. A date is measured
    against the server's own ``Date`` header, so a server clock that is off by hours
    does not turn "in 2 minutes" into "in 3 hours" (or "now")."""
    value = (headers.get("Retry-After") or "").strip()
    if not value:
        return None
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER)
    when = http_date(value)
    if when is None:
        return None
    now = http_date(headers.get("Date")) or time.time()
    return max(0.0, min(when - now, MAX_RETRY_AFTER))


def status_error(status: int, headers: http.client.HTTPMessage, target: str) -> SyncTransferError:
    """The error for an HTTP status; ``target`` is "folder", "file" or "move"."""
    detail = f"HTTP {status}"
    if status == 401:
        return ServerPasswordRejected(detail)
    if status == 403:
        return ServerForbidden(detail)
    if status == 404:
        return RemoteFileGone(detail) if target == "file" else ServerFolderNotFound(detail)
    if status == 409:
        return ServerConflict(detail)
    if status == 412:
        return RemoteNameTaken(detail) if target == "move" else RemoteFileChanged(detail)
    if status == 423:
        return ServerLocked(detail, retry_after=retry_after(headers))
    if status == 507:
        return ServerFull(detail)
    if status == 429 or 500 <= status <= 599:
        return ServerTrouble(detail, retry_after=retry_after(headers))
    return ServerProtocolError(detail)


def connect_error(exc: BaseException) -> SyncTransferError:
    if isinstance(exc, ssl.SSLError | ssl.CertificateError):
        return ServerTlsFailed(type(exc).__name__)
    if isinstance(exc, TimeoutError):
        return ServerTimeout("connect")
    return ServerUnreachable(type(exc).__name__)


def transfer_error(exc: BaseException) -> SyncTransferError:
    if isinstance(exc, TimeoutError):
        return ServerTimeout("read")
    if isinstance(exc, http.client.IncompleteRead | ConnectionError | ssl.SSLEOFError):
        return TransferIncomplete(type(exc).__name__)
    if isinstance(exc, ssl.SSLError):
        return ServerTlsFailed(type(exc).__name__)
    if isinstance(exc, http.client.HTTPException):
        return ServerProtocolError(type(exc).__name__)
    return TransferIncomplete(type(exc).__name__)


class HttpConnection(http.client.HTTPConnection):
    read_timeout: float = 60.0

    def connect(self) -> None:
        super().connect()  # under self.timeout, the connect timeout
        assert self.sock is not None
        self.sock.settimeout(self.read_timeout)


class HttpsConnection(http.client.HTTPSConnection):
    read_timeout: float = 60.0

    def connect(self) -> None:
        super().connect()  # TCP and the TLS handshake under the connect timeout
        assert self.sock is not None
        self.sock.settimeout(self.read_timeout)


class Digest:
    """RFC 7616 digest (MD5 or SHA-256, qop=auth), for servers that ask for it."""

    def __init__(self, challenge: str) -> None:
        items = urllib.request.parse_keqv_list(urllib.request.parse_http_list(challenge))
        self.realm = items.get("realm", "")
        self.nonce = items.get("nonce", "")
        self.opaque = items.get("opaque")
        self.qop = "auth" if "auth" in (items.get("qop") or "").split(",") else None
        algorithm = (items.get("algorithm") or "MD5").upper()
        if algorithm not in ("MD5", "SHA-256") or not self.nonce:
            raise ServerProtocolError("digest challenge")
        self.algorithm = algorithm
        self.nc = 0

    def _h(self, text: str) -> str:
        data = text.encode("utf-8")
        if self.algorithm == "SHA-256":
            return hashlib.sha256(data).hexdigest()
        return hashlib.md5(data, usedforsecurity=False).hexdigest()  # what the RFC names

    def header(self, user: str, password: str, method: str, uri: str) -> str:
        self.nc += 1
        ha1 = self._h(f"{user}:{self.realm}:{password}")
        ha2 = self._h(f"{method}:{uri}")
        fields = {
            "username": user,
            "realm": self.realm,
            "nonce": self.nonce,
            "uri": uri,
            "algorithm": self.algorithm,
        }
        if self.qop:
            cnonce = secrets.token_hex(8)
            nc = f"{self.nc:08x}"
            fields["response"] = self._h(f"{ha1}:{self.nonce}:{nc}:{cnonce}:auth:{ha2}")
            text = ", ".join(f'{k}="{v}"' for k, v in fields.items())
            text += f', qop=auth, nc={nc}, cnonce="{cnonce}"'
        else:
            fields["response"] = self._h(f"{ha1}:{self.nonce}:{ha2}")
            text = ", ".join(f'{k}="{v}"' for k, v in fields.items())
        if self.opaque is not None:
            text += f', opaque="{self.opaque}"'
        return "Digest " + text


def auth_challenge(headers: http.client.HTTPMessage, scheme: str) -> str | None:
    for value in headers.get_all("WWW-Authenticate") or []:
        if value.strip().lower().startswith(scheme + " "):
            return value.strip()[len(scheme) + 1 :]
    return None
