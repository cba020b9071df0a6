"""Sealed case-study storage (issue 15): every document bound to its row and place, the
information sheet sealed, schema 7 made at unlock from a schema-6 file."""

from __future__ import annotations

import pytest

from reflectdesk.errors import RecordTampered, VaultStateTampered
from reflectdesk.services.vault import Vault
from reflectdesk.storage.case_studies import CaseRepo
from reflectdesk.storage.schema import SCHEMA_VERSION
from tests.support import PASSPHRASE, CreatedVault, raw_db


def _repo(vault: Vault) -> CaseRepo:
    st = vault._unlocked()
    return CaseRepo(st.db, st.cipher)


def _filled(vault: Vault) -> CaseRepo:
    repo = _repo(vault)
    with repo.writing() as w:
        w.put_study("c1", {"title": "Estudio de Valentina"})
        w.put_study("c2", {"title": "Otro"})
        w.put_item("i1", "c1", "e1", "r1", {"sections": [["a", "texto de Martina"]]})
        w.put_item("i2", "c1", "e2", "r2", {"sections": [["a", "otro texto"]]})
        w.put_code("k1", "c1", None, {"name": "Código"})
        w.put_segment("s1", "i1", "k1", {"section": "a", "start": 0, "end": 5})
        w.put_memo("m1", "c1", {"target": "project", "text": "memo de Martina"})
        w.append_audit("a1", "c1", 1, 1000, {"record": {"seq": 1}})
        w.put_file("f1", "c1", "hoja.pdf", "application/pdf", b"%PDF\n\x00binario\n")
    return repo


def test_documents_round_trip_and_nothing_is_plaintext(created: CreatedVault) -> None:
    repo = _filled(created.vault)
    assert repo.study("c1") is not None and repo.study("c1").doc["title"] == "Estudio de Valentina"  # type: ignore[union-attr]
    assert [i.id for i in repo.items("c1")] == ["i1", "i2"]
    assert repo.segments("c1")[0].doc["end"] == 5
    assert repo.memos("c1")[0].doc["text"] == "memo de Martina"
    assert repo.audit("c1")[0].seq == 1
    assert repo.file("f1") == ("hoja.pdf", "application/pdf", b"%PDF\n\x00binario\n")
    assert sorted(repo.item_places()) == [("i1", "c1", "e1"), ("i2", "c1", "e2")]
    created.vault.close()
    with raw_db(created.path) as conn:
        everything = b"".join(
            bytes(row[0])
            for table in ("case_studies", "case_items", "codes", "coded_segments", "memos")
            for row in conn.execute(f"SELECT blob FROM {table}")  # noqa: S608
        )
        sheet = bytes(conn.execute("SELECT blob FROM case_files").fetchone()[0])
    for word in (b"Valentina", b"Martina", b"texto"):
        assert word not in everything
    assert b"binario" not in sheet and b"hoja.pdf" not in sheet


@pytest.mark.parametrize(
    ("table", "sql"),
    [
        # A segment moved to another item, an item to another study, a blob swapped.
        ("coded_segments", "UPDATE coded_segments SET item_id = 'i2'"),
        ("case_items", "UPDATE case_items SET blob = (SELECT blob FROM case_items WHERE id='i2') "
         "WHERE id = 'i1'"),
        ("memos", "UPDATE memos SET case_id = 'c2'"),
    ],
)  # fmt: skip
def test_a_moved_or_swapped_record_fails_its_seal(
    created: CreatedVault, table: str, sql: str
) -> None:
    repo = _filled(created.vault)
    created.vault._unlocked().db.checkpoint()
    with raw_db(created.path) as conn:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute(sql)
        conn.commit()
    with pytest.raises(RecordTampered):
        if table == "coded_segments":
            repo.segments("c1")
        elif table == "case_items":
            repo.items("c1")
        else:
            repo.memos("c2")


def test_a_restored_item_is_caught_at_unlock(created: CreatedVault) -> None:
    _filled(created.vault)
    created.vault.close()
    with raw_db(created.path) as conn:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("DELETE FROM case_items WHERE id = 'i2'")
        conn.commit()
    vault = Vault.open(created.path)
    with pytest.raises(VaultStateTampered):
        vault.unlock(PASSPHRASE)
    vault.close()


def test_a_schema_6_vault_gains_the_case_tables(created: CreatedVault) -> None:
    created.vault.close()
    with raw_db(created.path) as conn:
        conn.execute("DROP TABLE case_audit")
        conn.execute("DROP TABLE case_files")
        conn.execute("UPDATE meta SET value='6' WHERE key='schema_version'")
        conn.commit()
    with Vault.open(created.path) as vault:
        vault.unlock(PASSPHRASE)
        case = vault.case_studies.create("Después de migrar")
        assert [e.event for e in vault.case_studies.audit.events(case.id)] == ["created"]
    with raw_db(created.path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        version = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0]
    assert {"case_audit", "case_files"} <= tables and int(version) == SCHEMA_VERSION == 7


def test_a_backups_deep_check_opens_every_case_record(created: CreatedVault) -> None:
    from reflectdesk.storage.record_check import open_every_record

    _filled(created.vault)
    cipher = created.vault._unlocked().cipher
    created.vault._unlocked().db.checkpoint()
    with raw_db(created.path) as conn:
        counts = open_every_record(conn, cipher)
    assert counts["case_studies"] == 2 and counts["case_items"] == 2
    assert counts["codes"] == counts["coded_segments"] == counts["memos"] == 1
    assert counts["case_audit"] == counts["case_files"] == 1
    with raw_db(created.path) as conn:
        conn.execute("UPDATE case_audit SET seq = 2")
        conn.commit()
        with pytest.raises(RecordTampered) as info:
            open_every_record(conn, cipher)
    assert info.value.detail == "case_audit"
