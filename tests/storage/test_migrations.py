"""A vault written with schema v1 opens, migrates to the current schema, keeps data."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3
from sqlalchemy import create_engine, event, inspect

from reflectdesk.domain.model import Consent, EntryContent
from reflectdesk.services.vault import Vault
from reflectdesk.storage.database import DB_NAME, LEGACY_DB_NAME
from reflectdesk.storage.pages import apply_key
from reflectdesk.storage.schema import SCHEMA_VERSION, V1_TABLES, Base
from reflectdesk.vault.header import read_header
from tests.support import PASSPHRASE, CreatedVault, page_key_of, raw_db


def _columns(path) -> dict[str, set[str]]:  # type: ignore[no-untyped-def]
    engine = create_engine(
        f"sqlite:///{path / DB_NAME}",
        module=sqlcipher3,
        connect_args={"check_same_thread": False},
    )
    event.listen(engine, "connect", lambda c, _r: apply_key(c, page_key_of(path)))
    insp = inspect(engine)
    out = {
        t: {c["name"] for c in insp.get_columns(t)}
        for t in insp.get_table_names()
        if not t.startswith("search_")
    }
    engine.dispose()
    return out


def test_v1_vault_migrates_to_current(created: CreatedVault) -> None:
    j = created.vault.journals.create("Antes de migrar")
    e = created.vault.entries.add(j.id, EntryContent(title="vieja", sections={"body": "texto"}))
    created.vault.close()
    db = created.path
    fresh = _columns(db)
    # Make the file what ReflectDesk 0.1 (schema v1) wrote: only the v1 tables.
    with raw_db(db) as conn:
        for table in Base.metadata.tables:
            if table not in V1_TABLES:
                conn.execute(f"DROP TABLE {table}")
        for table in ("search_docs", "search_meta", "search_tags", "search_std"):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("UPDATE meta SET value='1' WHERE key='schema_version'")
    assert set(_columns(db)) == set(V1_TABLES)

    vault = Vault.open(created.path)
    vault.unlock(PASSPHRASE)
    assert vault.entries.get(e.id).content.sections["body"] == "texto"
    assert vault.integrity_check() == "ok"
    vault.close()
    assert _columns(db) == fresh
    with raw_db(db) as conn:
        version = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0]
    assert int(version) == SCHEMA_VERSION


def _indexes(path: Path, table: str) -> dict[str, list[str]]:
    with raw_db(path) as conn:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                "AND sql IS NOT NULL",
                (table,),
            )
        ]
        return {n: [r[2] for r in conn.execute(f"PRAGMA index_info({n})")] for n in names}


def test_schema_4_gets_the_covering_revisions_index(created: CreatedVault) -> None:
    """v5 replaces (entry_id, seq) by (entry_id, seq, id): what the unlock's state check
    scans (storage/trust_state.py), with the history's lookups unchanged."""
    v = created.vault
    e = v.entries.add(v.journals.create("J").id, EntryContent(title="uno"))
    v.entries.edit(e.id, EntryContent(title="dos"))
    v.close()
    with raw_db(created.path) as conn:
        conn.execute("DROP INDEX ix_rev_entry_seq_id")
        conn.execute("CREATE INDEX ix_rev_entry_seq ON entry_revisions (entry_id, seq)")
        conn.execute("UPDATE meta SET value='4' WHERE key='schema_version'")
    before = _indexes(created.path, "entry_revisions")
    assert before["ix_rev_entry_seq"] == ["entry_id", "seq"]
    assert "ix_rev_entry_seq_id" not in before
    with Vault.open(created.path) as vault:
        vault.unlock(PASSPHRASE)
        assert [r.content.title for r in vault.entries.history(e.id)] == ["uno", "dos"]
        assert vault.integrity_check() == "ok"
    after = _indexes(created.path, "entry_revisions")
    assert after["ix_rev_entry_seq_id"] == ["entry_id", "seq", "id"]
    assert "ix_rev_entry_seq" not in after
    with Vault.open(created.path) as vault:
        vault.unlock(PASSPHRASE)  # the sealed state still checks through the new index


FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "vault_0_2"


def _fixture(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    path = tmp_path / "mentor"
    shutil.copytree(FIXTURE / "mentor", path)
    return path, json.loads((FIXTURE / "facts.json").read_text())


def test_a_vault_made_by_0_2_migrates_at_unlock(tmp_path: Path) -> None:
    """A mentor's vault written by 0.2 (tests/fixtures/vault_0_2/make.py): received ids
    become scoped keyed ids, consents and the bundle log are resealed, the vault state
    is sealed, the header becomes format 2; every row is still there and readable."""
    path, facts = _fixture(tmp_path)
    assert read_header(path).format == 1
    vault = Vault.open(path)
    vault.unlock(PASSPHRASE)
    try:
        contact = facts["contact_id"]
        one, two = (vault.imports.received_entry_id(contact, e) for e in facts["entries"])
        assert {e.id for e in vault.entries.list()} == {one, two}
        first = vault.entries.get(one)
        assert first.content.title == "Primera clase"
        (att,) = first.attachments
        assert vault.entries.attachment_bytes(att.id) == b"pizarra " * 1000
        history = vault.entries.history(two)
        assert [r.content.sections["body"] for r in history] == ["a", "b"]
        assert history[1].parent_ids == (history[0].id,)
        assert {r.author for r in history} == {facts["student_key_id"]}
        assert vault.entries.get(two).head.id == history[1].id
        withdrawn = vault.bundle_log.current_consent(two)
        assert withdrawn is not None and withdrawn.withdrawn
        granted = vault.bundle_log.current_consent(one)
        assert granted is not None and granted.level is Consent.RESEARCH
        assert [(i.direction, i.bundle_id) for i in vault.bundle_log.list()] == [
            ("in", b) for b in facts["bundles"]
        ]
        assert {h.entry_id for h in vault.search.query("primera")} == {one}
        # The log still knows both bundles, and the ids still match what arrives.
        for bundle in sorted((FIXTURE / "bundles").iterdir()):
            assert vault.imports.import_bundle(bundle).already_imported
        assert vault.integrity_check() == "ok"
        vault.lock()
        vault.unlock(PASSPHRASE)  # the sealed state now checks
    finally:
        vault.close()
    assert read_header(path).format == 3
    assert not (path / LEGACY_DB_NAME).exists()
    raw = b"".join(p.read_bytes() for p in path.iterdir() if p.is_file())
    shared = [facts["student_key_id"], *facts["entries"], *facts["revisions"]]
    shared += [facts["attachment"], *facts["bundles"]]
    assert [i for i in shared if i.encode() in raw] == []


def test_a_failed_migration_leaves_the_0_2_vault_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One transaction: a fault half-way (injected: the real parts cannot fail on cue)
    changes nothing, and the next unlock migrates."""
    from reflectdesk.storage import keyed_migration
    from tests.services.bundle_helpers import table_digest

    path, facts = _fixture(tmp_path)
    # The schema migrations (their own transaction, before the keyed one) are not what
    # is under test here: done first, so "as it was" is the file the keyed step sees.
    from reflectdesk.storage.database import Database

    db = Database(path / "vault.db")
    db.check_and_migrate(read_header(path).vault_id)
    db.close()
    before = table_digest(path)

    def broken(*_: object) -> None:
        raise OSError("disk pulled out")

    monkeypatch.setattr(keyed_migration, "_rehash_bundle_log", broken)
    vault = Vault.open(path)
    with pytest.raises(OSError):
        vault.unlock(PASSPHRASE)
    vault.close()
    assert table_digest(path) == before and read_header(path).format == 1
    monkeypatch.undo()
    vault = Vault.open(path)
    vault.unlock(PASSPHRASE)
    assert len(vault.entries.list()) == len(facts["entries"])
    vault.close()
