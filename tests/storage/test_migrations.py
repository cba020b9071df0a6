"""A vault written with schema v1 opens, migrates to the current schema, keeps data."""

from __future__ import annotations

import sqlite3

from sqlalchemy import create_engine, inspect

from reflectdesk.domain.model import EntryContent
from reflectdesk.services.vault import Vault
from reflectdesk.storage.schema import SCHEMA_VERSION, V1_TABLES, Base
from tests.support import PASSPHRASE, CreatedVault


def _columns(path) -> dict[str, set[str]]:  # type: ignore[no-untyped-def]
    engine = create_engine(f"sqlite:///{path}")
    insp = inspect(engine)
    out = {t: {c["name"] for c in insp.get_columns(t)} for t in insp.get_table_names()}
    engine.dispose()
    return out


def test_v1_vault_migrates_to_current(created: CreatedVault) -> None:
    j = created.vault.journals.create("Antes de migrar")
    e = created.vault.entries.add(j.id, EntryContent(title="vieja", sections={"body": "texto"}))
    created.vault.close()
    db = created.path / "vault.db"
    fresh = _columns(db)
    # Make the file what ReflectDesk 0.1 (schema v1) wrote: only the v1 tables.
    with sqlite3.connect(db) as conn:
        for table in Base.metadata.tables:
            if table not in V1_TABLES:
                conn.execute(f"DROP TABLE {table}")
        conn.execute("UPDATE meta SET value='1' WHERE key='schema_version'")
    assert set(_columns(db)) == set(V1_TABLES)

    vault = Vault.open(created.path)
    vault.unlock(PASSPHRASE)
    assert vault.entries.get(e.id).content.sections["body"] == "texto"
    assert vault.integrity_check() == "ok"
    vault.close()
    assert _columns(db) == fresh
    with sqlite3.connect(db) as conn:
        version = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0]
    assert int(version) == SCHEMA_VERSION
