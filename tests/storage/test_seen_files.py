"""Files a batch import has seen: keyed hashes, recorded once."""

from __future__ import annotations

import hashlib

from reflectdesk.storage.seen_files import SeenFileRepo
from tests.support import CreatedVault, raw_db


def test_seen_files_are_keyed_hashes_recorded_once(created: CreatedVault) -> None:
    st = created.vault._unlocked()
    repo = SeenFileRepo(st.db, st.cipher)
    a, b = (hashlib.sha256(x).hexdigest() for x in (b"uno", b"dos"))
    assert not repo.seen(a)
    repo.record([a, a])
    repo.record([a, b])
    assert repo.seen(a) and repo.seen(b)
    assert repo.seen_keys([a, b, "0" * 64]) == {a, b}
    repo.record([])
    with raw_db(created.path) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM seen_files")]
    assert len(ids) == 2 and a not in ids and b not in ids  # not the plain hash
