"""A real WebDAV server for the sync tests: WsgiDAV on cheroot, on 127.0.0.1, in a thread,
over a real temporary folder, with authentication, and a small WSGI middleware that
injects the faults a real server cannot be asked to produce on cue.

Faults are one-shot and matched by method (and optionally a path fragment), in order.
"""

from __future__ import annotations

import email.utils
import errno
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cheroot import wsgi
from cheroot.ssl.builtin import BuiltinSSLAdapter
from wsgidav.wsgidav_app import WsgiDAVApp

USER = "camila"
PASSWORD = "app-pass-one-1234"
SHARE = "/dav"

Environ = dict[str, Any]
StartResponse = Callable[..., Any]


@dataclass
class Fault:
    method: str
    kind: str  # status|drop|drop_answer|drop_body|truncate|delay|short_put|before|rewrite
    path_part: str = ""
    status: int = 500
    headers: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    action: Callable[[], None] | None = None
    rewrite: Callable[[bytes], bytes] | None = None  # a hostile server's answer body


class Faults:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._plan: list[Fault] = []
        self.skew_seconds = 0.0  # added to the Date and Last-Modified headers
        self.seen: list[tuple[str, str]] = []  # (method, path) of every request

    def add(self, method: str, kind: str, **kw: Any) -> None:
        with self._lock:
            self._plan.append(Fault(method, kind, **kw))

    def clear(self) -> None:
        with self._lock:
            self._plan.clear()

    def take(self, method: str, path: str) -> Fault | None:
        with self._lock:
            self.seen.append((method, path))
            for i, fault in enumerate(self._plan):
                if fault.method == method and fault.path_part in path:
                    return self._plan.pop(i)
        return None

    @property
    def pending(self) -> int:
        with self._lock:
            return len(self._plan)


def _drop() -> ConnectionResetError:
    # cheroot closes the connection without a word on ECONNRESET from the app.
    return ConnectionResetError(errno.ECONNRESET, "fault: connection dropped")


def _read_body(environ: Environ, limit: int | None = None) -> int:
    length = int(environ.get("CONTENT_LENGTH") or 0)
    want = length if limit is None else min(length, limit)
    stream = environ["wsgi.input"]
    got = 0
    while got < want:
        chunk = stream.read(min(65536, want - got))
        if not chunk:
            break
        got += len(chunk)
    return got


class _ShortInput:
    def __init__(self, stream: Any, keep: int) -> None:
        self._stream = stream
        self._left = keep

    def read(self, size: int = -1) -> bytes:
        if self._left <= 0:
            return b""
        size = self._left if size is None or size < 0 else min(size, self._left)
        data: bytes = self._stream.read(size)
        self._left -= len(data)
        return data


class FaultMiddleware:
    def __init__(self, app: Callable[[Environ, StartResponse], Iterable[bytes]], faults: Faults):
        self.app = app
        self.faults = faults
        self.requests: list[tuple[str, str, str]] = []  # method, path, Depth (tests read it)

    def _skewed(self, start_response: StartResponse) -> StartResponse:
        skew = self.faults.skew_seconds
        if not skew:
            return start_response

        def shifted(status: str, headers: list[tuple[str, str]], *rest: Any) -> Any:
            out = []
            for key, value in headers:
                if key.lower() in ("date", "last-modified"):
                    when = email.utils.parsedate_to_datetime(value).timestamp() + skew
                    value = email.utils.formatdate(when, usegmt=True)
                out.append((key, value))
            if not any(k.lower() == "date" for k, _ in out):
                out.append(("Date", email.utils.formatdate(time.time() + skew, usegmt=True)))
            return start_response(status, out, *rest)

        return shifted

    def __call__(self, environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
        method = environ["REQUEST_METHOD"]
        self.requests.append((method, environ.get("PATH_INFO", ""), environ.get("HTTP_DEPTH", "")))
        fault = self.faults.take(method, environ.get("PATH_INFO", ""))
        start_response = self._skewed(start_response)
        if fault is None:
            return self.app(environ, start_response)
        if fault.kind == "before":
            assert fault.action is not None
            fault.action()
            return self.app(environ, start_response)
        if fault.kind == "status":
            _read_body(environ)
            headers = [("Content-Length", "0"), *fault.headers]
            start_response(f"{fault.status} Fault", headers)
            return [b""]
        if fault.kind == "drop":
            _read_body(environ, int(environ.get("CONTENT_LENGTH") or 0) // 2)
            raise _drop()
        if fault.kind == "drop_answer":
            # The server does the work, then the connection dies before the answer.
            for _ in self.app(environ, lambda *a: lambda _d: None):
                pass
            raise _drop()
        if fault.kind == "delay":
            time.sleep(fault.seconds)
            return self.app(environ, start_response)
        if fault.kind == "short_put":
            length = int(environ.get("CONTENT_LENGTH") or 0)
            environ["wsgi.input"] = _ShortInput(environ["wsgi.input"], length // 2)
            environ["CONTENT_LENGTH"] = str(length // 2)
            result = self.app(environ, start_response)
            rest = {
                "CONTENT_LENGTH": length - length // 2,
                "wsgi.input": environ["wsgi.input"]._stream,
            }
            _read_body(rest)  # drain what the server was not given, as a proxy would
            return result
        if fault.kind in ("drop_body", "truncate"):
            return self._cut(environ, start_response, fault.kind)
        if fault.kind == "rewrite":
            assert fault.rewrite is not None
            return self._rewrite(environ, start_response, fault.rewrite)
        raise AssertionError(fault.kind)

    def _rewrite(
        self, environ: Environ, start_response: StartResponse, fn: Callable[[bytes], bytes]
    ) -> Iterator[bytes]:
        captured: dict[str, Any] = {}

        def capture(status: str, headers: list[tuple[str, str]], *rest: Any) -> Any:
            captured["status"], captured["headers"] = status, headers
            return lambda _data: None

        body = fn(b"".join(self.app(environ, capture)))
        headers = [(k, v) for k, v in captured["headers"] if k.lower() != "content-length"]
        headers.append(("Content-Length", str(len(body))))
        start_response(captured["status"], headers)
        yield body

    def _cut(self, environ: Environ, start_response: StartResponse, kind: str) -> Iterator[bytes]:
        captured: dict[str, Any] = {}

        def capture(status: str, headers: list[tuple[str, str]], *rest: Any) -> Any:
            captured["status"], captured["headers"] = status, headers
            return lambda _data: None

        body = b"".join(self.app(environ, capture))
        half = body[: len(body) // 2]
        headers = captured["headers"]
        if kind == "truncate":
            # A well-formed answer that is simply shorter (a broken proxy, a quota cut).
            headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
            headers.append(("Content-Length", str(len(half))))
            start_response(captured["status"], headers)
            yield half
            return
        start_response(captured["status"], headers)
        yield half
        raise _drop()


class DavServer:
    """WsgiDAV over ``root``, served at ``http(s)://127.0.0.1:<port>/dav/``."""

    def __init__(
        self,
        root: Path,
        *,
        digest: bool = False,
        tls: tuple[Path, Path] | None = None,
    ) -> None:
        self.root = root
        self.faults = Faults()
        self.user_mapping: dict[str, Any] = {"*": {USER: {"password": PASSWORD}}}
        config = {
            "host": "127.0.0.1",
            "port": 0,
            "provider_mapping": {SHARE: str(root)},
            "http_authenticator": {
                "domain_controller": None,
                "accept_basic": not digest,
                "accept_digest": True,
                "default_to_digest": digest,
            },
            "simple_dc": {"user_mapping": self.user_mapping},
            "verbose": 1,
            "logging": {"enable": False},
            "dir_browser": {"enable": False},
            "lock_storage": True,
            "property_manager": None,
        }
        self.app = FaultMiddleware(WsgiDAVApp(config), self.faults)
        self.tls = tls
        self.port = 0
        self._server: wsgi.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def scheme(self) -> str:
        return "https" if self.tls else "http"

    def url(self, folder: str = "exchange", host: str = "127.0.0.1") -> str:
        return f"{self.scheme}://{host}:{self.port}{SHARE}/{folder}"

    def set_password(self, password: str) -> None:
        self.user_mapping["*"][USER]["password"] = password

    def start(self) -> None:
        if not self.port:
            # A free port chosen once, so a restart comes back on the same one
            # (SO_REUSEPORT: the old connections may still be closing).
            with socket.socket() as probe:
                probe.bind(("127.0.0.1", 0))
                self.port = probe.getsockname()[1]
        server = wsgi.Server(
            ("127.0.0.1", self.port), self.app, numthreads=4, timeout=5, reuse_port=True
        )
        if self.tls:
            server.ssl_adapter = BuiltinSSLAdapter(str(self.tls[0]), str(self.tls[1]))
        server.prepare()
        self.port = server.bind_addr[1]
        self._server = server
        self._thread = threading.Thread(target=server.serve, name="davserver", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None

    def restart(self) -> None:
        self.stop()
        self.start()  # same port, same files
