"""The migration that needs the data key (0.2 vaults, at their first unlock). Its whole
run on the 0.2 fixture is in tests/storage/test_migrations.py; here: running it again
changes nothing, as after a crash between its commit and the header write."""

from __future__ import annotations

import shutil
from pathlib import Path

from reflectdesk.services.vault import Vault
from reflectdesk.storage.keyed_migration import migrate_with_key
from reflectdesk.vault.header import read_header
from tests.services.bundle_helpers import table_digest
from tests.support import PASSPHRASE

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "vault_0_2"


def test_a_second_run_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "mentor"
    shutil.copytree(FIXTURE / "mentor", path)
    with Vault.open(path) as vault:
        vault.unlock(PASSPHRASE)  # the first run
        st = vault._unlocked()
        st.db.checkpoint()
        before = table_digest(path)
        with st.db.engine.begin() as conn:
            migrate_with_key(conn, st.cipher)
        st.db.checkpoint()
        assert table_digest(path) == before
        assert "Primera clase" in {e.title for e in vault.entries.list()}
    assert read_header(path).format == 3  # converted to the page file on the first unlock
    with Vault.open(path) as vault:
        vault.unlock(PASSPHRASE)  # the sealed vault state still checks
        assert len(vault.entries.list()) == 2
