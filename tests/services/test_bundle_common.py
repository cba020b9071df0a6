"""What export and import share: the key pairs a bundle may be opened with (current
first, then every replaced one, for bundles still in transit) and the worker count."""

from __future__ import annotations

import os

from reflectdesk.services.bundle_common import WITHDRAW_BODY, readers, workers
from reflectdesk.services.vault import Vault


def test_readers_are_the_current_key_then_the_replaced_ones(vault: Vault) -> None:
    st = vault._unlocked()
    (first,) = readers(st)
    assert first.public == vault.identity.public()
    vault.identity.rotate()
    current, old = readers(st)
    assert current.public == vault.identity.public()
    assert old.public == first.public  # a bundle sealed to the old key still opens


def test_workers_and_the_withdrawal_body() -> None:
    assert 1 <= workers() <= min(4, os.cpu_count() or 1)
    assert dict(WITHDRAW_BODY) == {"withdraw": "research"}
