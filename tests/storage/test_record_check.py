"""open_every_record: every sealed record of every table opens, and a record moved,
edited or swapped in any table is named by its table."""

from __future__ import annotations

import pytest

from reflectdesk.domain.model import EntryContent
from reflectdesk.errors import RecordTampered
from reflectdesk.storage.record_check import RULES, open_every_record
from tests.support import CreatedVault, raw_db


@pytest.fixture
def filled(created: CreatedVault, tmp_path: object) -> CreatedVault:
    from pathlib import Path

    v = created.vault
    j = v.journals.create("Práctica")
    e = v.entries.add(j.id, EntryContent(title="Uno", sections={"body": "texto"}))
    v.entries.edit(e.id, EntryContent(title="Uno bis", sections={"body": "más"}))
    f = Path(str(tmp_path)) / "a.bin"
    f.write_bytes(b"x" * (1024 * 1024 + 10))  # two chunks
    v.entries.attach(e.id, f)
    v._unlocked().db.checkpoint()
    return created


def _check(created: CreatedVault) -> dict[str, int]:
    conn = raw_db(created.path)
    try:
        return open_every_record(conn, created.vault._unlocked().cipher)
    finally:
        conn.close()


def test_every_sealed_record_opens_and_is_counted(filled: CreatedVault) -> None:
    counts = _check(filled)
    assert counts["entry_revisions"] == 2
    assert counts["attachments"] == 1 and counts["attachment_chunks"] == 2
    assert counts["journals"] == 1 and counts["profile"] == 1 and counts["secrets"] >= 1
    assert {r.table for r in RULES} <= counts.keys()


@pytest.mark.parametrize(
    ("table", "sql"),
    [
        # Two revisions' sealed contents swapped: each opens only under its own id.
        (
            "entry_revisions",
            "UPDATE entry_revisions SET blob = (SELECT blob FROM entry_revisions r2 "
            "WHERE r2.id != entry_revisions.id LIMIT 1)",
        ),
        # The last chunk moved forward: the STREAM revision ("0:more") no longer fits.
        (
            "attachment_chunks",
            "UPDATE attachment_chunks SET blob = (SELECT blob FROM attachment_chunks c2 "
            "WHERE c2.idx = 1) WHERE idx = 0",
        ),
        ("journals", "UPDATE journals SET rev = rev + 1"),
        ("profile", "UPDATE profile SET blob = substr(blob, 1, length(blob) - 1)"),
    ],
)
def test_a_record_out_of_place_is_named_by_its_table(
    filled: CreatedVault, table: str, sql: str
) -> None:
    conn = raw_db(filled.path)
    conn.execute(sql)
    conn.commit()
    conn.close()
    with pytest.raises(RecordTampered) as caught:
        _check(filled)
    assert caught.value.detail == table
