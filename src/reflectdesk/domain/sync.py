"""What the sync services hand out: exchange points, queued and remote files, status.

Plain data (no Qt, no ORM). Passwords never appear in ``repr``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class ExchangeKind(StrEnum):
    FOLDER = "folder"  # a shared folder: USB stick, network drive, a synced folder
    WEBDAV = "webdav"  # Nextcloud, ownCloud, any RFC 4918 server


class OutboxState(StrEnum):
    WRITING = "writing"  # the row exists, the bundle file is being written
    QUEUED = "queued"  # the bundle file is complete; waiting to be uploaded


class RemoteState(StrEnum):
    SENT = "sent"  # our own upload, confirmed at full size
    FETCHING = "fetching"  # being downloaded (a crash leaves it here: fetched again)
    IMPORTED = "imported"  # imported (or was already)
    WAITING = "waiting"  # from someone not verified: waits for the user
    NOT_FOR_YOU = "not_for_you"  # addressed to other people (a cohort's shared folder)
    REJECTED = "rejected"  # failed a check of the import; kept as a code only


@dataclass(frozen=True, slots=True)
class ExchangePoint:
    id: str
    kind: ExchangeKind
    label: str
    address: str  # the folder path, or the WebDAV folder's URL
    user: str
    password: str = field(repr=False)
    contact_ids: tuple[str, ...] = ()
    client_token: str = ""
    ca_file: str | None = None
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class OutboxItem:
    id: str
    point_id: str
    name: str  # random: the bundle's file name in the vault's outbox folder
    remote: str  # random: its name on the exchange point (a new one if the name was taken)
    state: OutboxState
    size: int
    bundle_id: str
    attempts: int
    next_attempt_ms: int
    last_error: str  # an error code, "" if none
    created_ms: int


@dataclass(frozen=True, slots=True)
class RemoteRecord:
    id: str
    point_id: str
    name: str
    size: int
    etag: str | None
    state: RemoteState
    local_file: str  # a file in the vault's inbox folder ("" when none is kept)
    bundle_id: str
    error: str
    at_ms: int
    attempts: int = 0  # failed downloads so far (a file that never arrives whole)


@dataclass(frozen=True, slots=True)
class SyncLogEntry:
    id: str
    point_id: str
    at: datetime
    event: str  # "sync" | "offline" | "error"
    code: str  # error code, "" when none
    sent: int = 0
    received: int = 0
    waiting: int = 0


@dataclass(frozen=True, slots=True)
class PointStatus:
    point_id: str
    label: str
    pending: int
    waiting: int
    last_sync: datetime | None
    last_error: str  # code of the last run's error; "" when the last run went well
    offline: bool


@dataclass(frozen=True, slots=True)
class SyncStatus:
    pending: int  # bundles waiting to be sent (per exchange point)
    waiting: int  # received bundles waiting for the user
    points: tuple[PointStatus, ...]
    running: bool = False

    @property
    def configured(self) -> bool:
        return bool(self.points)

    @property
    def offline(self) -> bool:
        return bool(self.points) and all(p.offline for p in self.points)

    @property
    def last_sync(self) -> datetime | None:
        times = [p.last_sync for p in self.points if p.last_sync is not None]
        return max(times) if times else None

    @property
    def last_error(self) -> str:
        return next((p.last_error for p in self.points if p.last_error and not p.offline), "")


@dataclass(frozen=True, slots=True)
class SyncReport:
    """What one ``sync now`` did."""

    sent: int = 0
    received: int = 0  # imported automatically
    waiting: int = 0  # new ones put on the "waiting for you" list
    skipped: int = 0  # not for you, already imported, or refused by a check
    offline: tuple[str, ...] = ()  # point ids that could not be reached
    errors: tuple[tuple[str, str], ...] = ()  # (point id, error code)
    status: SyncStatus | None = None
