"""One ReflectDesk per vault: a second start hands its files to the first and quits.

Double-clicking a bundle while ReflectDesk runs would otherwise meet the vault's
single-writer lock ("already open"). The running app listens on a local socket whose
name is derived from the user and the vault folder; a new process that can connect
sends the paths it was given (one per line, UTF-8) and exits. The socket is created
for the user only and carries file paths, never journal text; whatever arrives only
opens the import preview, which asks before storing anything.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

MAX_MESSAGE = 64 * 1024
TIMEOUT_MS = 1000


def server_name(vault_dir: Path) -> str:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "user"
    digest = hashlib.sha256(f"{user}\0{vault_dir.resolve()}".encode()).hexdigest()[:20]
    return f"reflectdesk-{digest}"


def hand_off(name: str, files: Sequence[Path]) -> bool:
    """True when another instance took the files (this one should quit)."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(TIMEOUT_MS):
        return False
    payload = "".join(f"{p.resolve()}\n" for p in files).encode("utf-8") or b"\n"
    socket.write(payload)
    socket.flush()
    socket.waitForBytesWritten(TIMEOUT_MS)
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for later starts; emits the files they were given (maybe none)."""

    files_received = Signal(list)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        if not self.server.listen(name):
            # A stale socket left by a crash: nobody answered hand_off, so remove it.
            QLocalServer.removeServer(name)
            if not self.server.listen(name):
                log.warning("single-instance socket unavailable: %s", self.server.errorString())

    def _accept(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            buffer = bytearray()

            def read(sock: QLocalSocket = socket, buf: bytearray = buffer) -> None:
                buf.extend(bytes(sock.readAll().data()))
                if len(buf) > MAX_MESSAGE:
                    sock.abort()

            def done(sock: QLocalSocket = socket, buf: bytearray = buffer) -> None:
                read(sock, buf)
                text = bytes(buf[:MAX_MESSAGE]).decode("utf-8", errors="replace")
                files = [Path(line) for line in text.splitlines() if line.strip()]
                self.files_received.emit(files)
                sock.deleteLater()

            socket.readyRead.connect(read)
            socket.disconnected.connect(done)

    def close(self) -> None:
        self.server.close()
