"""Moving finished bundles to and from an exchange point (docs/sync.md).

Transports only: a shared folder (:class:`FolderTransport`) and WebDAV
(:class:`WebDavTransport`), one contract (:class:`Transport`), and the retry policy
(:class:`Retry`). What is queued, fetched or acknowledged is the caller's state, not theirs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reflectdesk.sync.folder import FolderTransport
from reflectdesk.sync.retry import Retry
from reflectdesk.sync.transport import PutReceipt, RemoteFile, Transport, validate_name
from reflectdesk.sync.webdav import WebDavTransport

__all__ = [
    "FolderTransport",
    "PutReceipt",
    "RemoteFile",
    "Retry",
    "Transport",
    "WebDavTransport",
    "validate_name",
]

if TYPE_CHECKING:  # mypy checks that both transports keep the contract

    def _conforms(folder: FolderTransport, dav: WebDavTransport) -> tuple[Transport, Transport]:
        return folder, dav
