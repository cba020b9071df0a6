"""What the bundle export and import services share: the withdrawal record's body,
the worker count for attachment work, and the key pairs a bundle can be opened with."""

from __future__ import annotations

import os
from types import MappingProxyType
from typing import Final

from reflectdesk.bundles import Identity
from reflectdesk.services.identity import load_or_create_identity, previous_identities
from reflectdesk.services.unlocked_state import UnlockedState

# The body of a ``consent-withdrawal`` record: written on export, required on import.
WITHDRAW_BODY: Final = MappingProxyType({"withdraw": "research"})


def workers() -> int:
    """Threads for attachment work: SQLite, AES-GCM and SHA-256 release the GIL."""
    return max(1, min(4, os.cpu_count() or 1))


def readers(st: UnlockedState) -> tuple[Identity, ...]:
    """This vault's key pairs, current first: a bundle sealed to a replaced one may
    still be in transit."""
    return (load_or_create_identity(st), *previous_identities(st))
