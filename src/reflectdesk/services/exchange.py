"""Exchange points: add, list, remove; and the transport for one (sync, issue 17).

A point is a shared folder or a WebDAV folder with a user name and an app password,
stored sealed in the vault (``storage/exchange_points.py``). Adding one makes **no**
network call: the address is checked for its form only (``https://``, or ``http://``
to this computer); the first ``sync now`` finds out whether the server answers.
"""

from __future__ import annotations

import builtins
import contextlib
import logging
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from reflectdesk.domain.sync import ExchangeKind, ExchangePoint
from reflectdesk.errors import (
    ExchangeFolderInvalid,
    ExchangeLabelInvalid,
    ExchangePointBusy,
    ExchangePointNotFound,
    InvalidValue,
)
from reflectdesk.ids import uuid7
from reflectdesk.services.unlocked_state import UnlockedState
from reflectdesk.storage.exchange_points import ExchangePointRepo
from reflectdesk.storage.sync_state import SyncStateRepo
from reflectdesk.sync import FolderTransport, Transport, WebDavTransport
from reflectdesk.sync.transport import new_client_token

log = logging.getLogger(__name__)

MAX_LABEL = 80


def _label(text: str) -> str:
    label = " ".join(text.split())
    if not label or len(label) > MAX_LABEL:
        raise ExchangeLabelInvalid("label")
    return label


def make_transport(
    point: ExchangePoint, *, connect_timeout: float = 10.0, read_timeout: float = 60.0
) -> FolderTransport | WebDavTransport:
    """The transport for ``point``, with this vault's client token. No network call."""
    if point.kind is ExchangeKind.FOLDER:
        return FolderTransport(Path(point.address), client_token=point.client_token)
    return WebDavTransport(
        point.address,
        point.user,
        point.password,
        ca_file=Path(point.ca_file) if point.ca_file else None,
        connect_timeout=connect_timeout,
        read_timeout=read_timeout,
        client_token=point.client_token,
    )


class ExchangeService:
    def __init__(self, state: Callable[[], UnlockedState]) -> None:
        self._state = state

    def _repo(self) -> ExchangePointRepo:
        st = self._state()
        return ExchangePointRepo(st.db, st.cipher)

    def _contacts(self, contact_ids: Sequence[str]) -> tuple[str, ...]:
        st = self._state()
        known = {c.id for c in st.contacts.list()}
        out: list[str] = []
        for cid in contact_ids:
            if cid not in known:
                from reflectdesk.errors import ContactNotFound

                raise ContactNotFound(cid)
            if cid not in out:
                out.append(cid)
        return tuple(out)

    def add_folder(
        self, label: str, folder: Path, contact_ids: Sequence[str] = ()
    ) -> ExchangePoint:
        st = self._state()
        if not folder.is_absolute() or not folder.is_dir():
            raise ExchangeFolderInvalid(folder.name or str(folder))
        vault_dir = st.db.path.parent.resolve()
        real = folder.resolve()
        if real == vault_dir or vault_dir in real.parents or real in vault_dir.parents:
            raise ExchangeFolderInvalid("inside the vault")
        return self._add(ExchangeKind.FOLDER, label, str(real), "", "", contact_ids, None)

    def add_webdav(
        self,
        label: str,
        url: str,
        user: str,
        password: str,
        contact_ids: Sequence[str] = (),
        *,
        ca_file: Path | None = None,
    ) -> ExchangePoint:
        if not user or not password:
            raise InvalidValue("user and app password")
        if ca_file is not None and not ca_file.is_file():
            raise InvalidValue("ca_file")
        return self._add(
            ExchangeKind.WEBDAV,
            label,
            url.strip(),
            user,
            password,
            contact_ids,
            str(ca_file.resolve()) if ca_file else None,
        )

    def _add(
        self,
        kind: ExchangeKind,
        label: str,
        address: str,
        user: str,
        password: str,
        contact_ids: Sequence[str],
        ca_file: str | None,
    ) -> ExchangePoint:
        point = ExchangePoint(
            id=uuid7(),
            kind=kind,
            label=_label(label),
            address=address,
            user=user,
            password=password,
            contact_ids=self._contacts(contact_ids),
            client_token=new_client_token(),
            ca_file=ca_file,
        )
        make_transport(point).close()  # the address's form (ExchangeAddressInvalid)
        st = self._state()
        with st.write_lock:
            self._repo().add(point)
        log.info("exchange point added (%s)", kind.value)
        return self._repo().get(point.id) or point

    def set_contacts(self, point_id: str, contact_ids: Sequence[str]) -> ExchangePoint:
        from dataclasses import replace

        point = self.get(point_id)
        new = replace(point, contact_ids=self._contacts(contact_ids))
        with self._state().write_lock:
            self._repo().update(new)
        return new

    def set_password(self, point_id: str, password: str) -> ExchangePoint:
        """After a 401: the user made a new app password."""
        from dataclasses import replace

        if not password:
            raise InvalidValue("app password")
        new = replace(self.get(point_id), password=password)
        with self._state().write_lock:
            self._repo().update(new)
        return new

    def list(self) -> builtins.list[ExchangePoint]:
        return self._repo().list()

    def any(self) -> bool:
        """Whether a point exists (the offline-first gate; no record is opened)."""
        return self._repo().count() > 0

    def get(self, point_id: str) -> ExchangePoint:
        point = self._repo().get(point_id)
        if point is None:
            # A unique prefix is enough, as for other ids.
            matches = [p for p in self._repo().list() if p.id.startswith(point_id)]
            if len(point_id) >= 4 and len(matches) == 1:
                return matches[0]
            raise ExchangePointNotFound(point_id)
        return point

    def for_contacts(self, contact_ids: Sequence[str]) -> builtins.list[ExchangePoint]:
        wanted = set(contact_ids)
        return [p for p in self.list() if wanted & set(p.contact_ids)]

    def remove(self, point_id: str, *, force: bool = False) -> None:
        """Remove a point. Its queued bundles block this unless ``force`` (then they are
        dropped, not sent). Nothing on the exchange point itself is touched."""
        st = self._state()
        point = self.get(point_id)
        sync = SyncStateRepo(st.db, st.cipher)
        with st.write_lock:
            queued = [i for i in sync.outbox() if i.point_id == point.id]
            if queued and not force:
                raise ExchangePointBusy(point.id, count=len(queued))
            sync.drop_outbox(i.id for i in queued)
            self._repo().remove(point.id)
        outbox = st.db.path.parent / "outbox"
        still = {i.name for i in sync.outbox()}
        for item in queued:
            if item.name not in still:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(outbox / item.name)
        log.info("exchange point removed")


def transport_factory(point: ExchangePoint) -> Transport:
    return make_transport(point)
