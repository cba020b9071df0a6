"""What was sent and received: the bundle log and the consent statements that every
export and import records beside it."""

from __future__ import annotations

import builtins
from collections.abc import Callable

from reflectdesk.domain.model import BundleLogItem, ConsentRecord, Space
from reflectdesk.services.unlocked_state import UnlockedState
from reflectdesk.storage.bundle_log import IN, OUT


class BundleLogService:
    def __init__(self, state: Callable[[], UnlockedState]) -> None:
        self._state = state

    def list(self, direction: str | None = None) -> list[BundleLogItem]:
        """Bundles exported ("out") and imported ("in"), oldest first."""
        return self._state().bundle_log.list(direction)

    def consents(self, entry_id: str) -> builtins.list[ConsentRecord]:
        """Every consent statement about an entry (given or received), oldest first."""
        return self._state().consents.for_entry(entry_id)

    def current_consent(self, entry_id: str) -> ConsentRecord | None:
        """The consent in force for an entry: for a received one, its author's latest
        statement; for your own, your latest.

        Order-independent: by the author's time, then bundle id. ``level is None``
        means research consent was withdrawn.
        """
        st = self._state()
        where = st.entries.locations([entry_id]).get(entry_id)
        records = st.consents.for_entry(entry_id)
        if where is not None and where.space is Space.RECEIVED:
            records = [
                r for r in records if r.direction == IN and where.author_contact_id in r.contact_ids
            ]
        else:
            records = [r for r in records if r.direction == OUT]
        if not records:
            return None
        return max(records, key=lambda r: (r.stated_at, r.bundle_id))
