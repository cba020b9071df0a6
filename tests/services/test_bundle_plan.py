"""Planning an import against the vault: whose entries a bundle may touch, which
authors a revision may claim, and what is skipped; refused before anything is stored."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from reflectdesk.bundles import (
    entry_path,
    record_path,
)
from reflectdesk.bundles.canonical import canonical_json
from reflectdesk.domain.model import (
    EntryContent,
    ExportRequest,
    Role,
)
from reflectdesk.errors import (
    BundleForeignEntry,
    BundleIdConflict,
    BundleRevisionAuthorMismatch,
    ReadOnlyEntry,
    VaultStateTampered,
)
from reflectdesk.services.vault import Vault
from tests.bundles.helpers import unpack
from tests.services.bundle_helpers import (
    Pair,
    Trio,
    craft,
    entry_file,
    exchange_cards,
    new_vault,
    received,
    rid,
    table_digest,
)
from tests.support import PASSPHRASE, raw_db


def test_an_entry_of_someone_else_cannot_be_changed(pair: Pair, tmp_path: Path) -> None:
    s, m = pair.student, pair.mentor
    own = m.journals.create("Mío")
    mine = m.entries.add(own.id, EntryContent(title="del mentor"))
    # A contact naming your entry and revision ids reaches only her own scope: a
    # separate received entry, yours untouched (ids are scoped by author).
    path = tmp_path / "foreign.rdbundle"
    doc = entry_file(mine.id, [(rid(7), 9, [mine.head.id], "robado")], own.id)
    path.write_bytes(craft(s, [m.identity.public()], {entry_path(mine.id): doc}))
    result = m.imports.import_bundle(path)
    assert result.entries_new == (received(pair, mine.id),) != (mine.id,)
    clash = entry_file(rid(8), [(mine.head.id, 1, [], "x")], own.id)
    path.write_bytes(craft(s, [m.identity.public()], {entry_path(rid(8)): clash}))
    assert m.imports.import_bundle(path).entries_new == (received(pair, rid(8)),)
    assert m.entries.get(mine.id).content.title == "del mentor"
    assert [r.id for r in m.entries.history(mine.id)] == [mine.head.id]
    # Your own bundle naming a received entry (its id here) is still refused.
    here = received(pair, mine.id)
    me = m.identity.info().key_id
    doc = entry_file(here, [(rid(9), 9, [], "robado")], own.id, me)
    path.write_bytes(craft(m, [m.identity.public()], {entry_path(here): doc}))
    before = table_digest(pair.mentor_dir)
    with pytest.raises(BundleForeignEntry):
        m.imports.import_bundle(path)
    # And a revision id of your own already held for another entry.
    clash = entry_file(rid(10), [(mine.head.id, 1, [], "x")], own.id, me)
    path.write_bytes(craft(m, [m.identity.public()], {entry_path(rid(10)): clash}))
    with pytest.raises(BundleIdConflict):
        m.imports.import_bundle(path)
    assert table_digest(pair.mentor_dir) == before


def test_records_this_version_does_not_import_are_counted(pair: Pair, tmp_path: Path) -> None:
    s, m = pair.student, pair.mentor
    record_id = rid(11)
    record = {
        "format": "reflectdesk-record",
        "version": 1,
        "id": record_id,
        "type": "comment",
        "created_at": "2025-03-01T10:00:00Z",
        "author": "x",
        "refs": [],
        "body": {"text": "hola"},
    }
    path = tmp_path / "r.rdbundle"
    files = {record_path(record_id): json.dumps(record).encode()}
    path.write_bytes(craft(s, [m.identity.public()], files))
    assert m.imports.preview(path).skipped_records == 1
    m.imports.import_bundle(path)
    assert m.imports.import_bundle(path).already_imported


def test_a_received_entry_moved_into_an_own_journal_is_caught(tmp_path: Path) -> None:
    """The journal placement is a plaintext column; editing it must not turn another
    author's entry into the owner's (to edit or to re-export as their own work)."""
    s = new_vault(tmp_path / "s", "Student S", Role.STUDENT)
    m = new_vault(tmp_path / "m", "Mentor M")
    try:
        m_at_s, _ = exchange_cards(s, m)
        entry = s.entries.add(s.journals.create("J").id, EntryContent(title="by S"))
        out = tmp_path / "out"
        out.mkdir()
        m.imports.import_bundle(
            s.exports.export(ExportRequest(recipients=(m_at_s,), entry_ids=(entry.id,)), out).path
        )
        own = m.journals.create("Mine")
        here = m.imports.received_entry_id(m.contacts.list()[0].id, entry.id)
        m.close()
        with raw_db(tmp_path / "m") as db:
            db.execute("UPDATE entries SET journal_id=? WHERE id=?", (own.id, here))
        db.close()
        m = Vault.open(tmp_path / "m")
        # Placement is covered by the sealed vault state: caught before anything is shown.
        with pytest.raises(VaultStateTampered) as caught:
            m.unlock(PASSPHRASE)
        assert caught.value.detail == "entries"
        assert not m.is_unlocked
    finally:
        s.close()
        m.close()


def test_a_revision_claiming_another_persons_key_is_refused(trio: Trio, tmp_path: Path) -> None:
    """A contact may not pass off text as someone else's: neither another contact's nor
    yours (which would then be edited and exported as your own work)."""
    m_dir = tmp_path / "m"
    path = tmp_path / "claim.rdbundle"
    for victim in (trio.s.identity.info().key_id, trio.m.identity.info().key_id):
        eid = rid(0x21)
        doc = entry_file(eid, [(rid(0x22), 1, [], "no es mío")], rid(0x23), victim)
        path.write_bytes(craft(trio.c, [trio.m.identity.public()], {entry_path(eid): doc}))
        before = table_digest(m_dir)
        with pytest.raises(BundleRevisionAuthorMismatch) as caught:
            trio.m.imports.preview(path)
        assert rid(0x22) in caught.value.detail
        with pytest.raises(BundleRevisionAuthorMismatch):
            trio.m.imports.import_bundle(path)
        assert table_digest(m_dir) == before
    assert trio.m.entries.count() == 0


def test_a_received_revision_keeps_the_signer_never_the_claim(trio: Trio, tmp_path: Path) -> None:
    """A key id this vault does not know (a contact's key from before her rotation) is
    not believed either: the verified signer is what is sealed as the author."""
    eid = rid(0x31)
    doc = entry_file(eid, [(rid(0x32), 1, [], "texto")], rid(0x33), "0123456789abcdef")
    path = tmp_path / "claim.rdbundle"
    path.write_bytes(craft(trio.c, [trio.m.identity.public()], {entry_path(eid): doc}))
    (here,) = trio.m.imports.import_bundle(path).entries_new
    assert [r.author for r in trio.m.entries.history(here)] == [trio.c.identity.info().key_id]
    with pytest.raises(ReadOnlyEntry):
        trio.m.entries.edit(here, EntryContent(title="mío"))


def test_your_own_bundle_may_only_carry_your_keys(pair: Pair, tmp_path: Path) -> None:
    s = pair.student
    eid = rid(0x41)
    doc = entry_file(eid, [(rid(0x42), 1, [], "x")], pair.journal_id, "fedcba9876543210")
    path = tmp_path / "self.rdbundle"
    path.write_bytes(craft(s, [s.identity.public()], {entry_path(eid): doc}))
    with pytest.raises(BundleRevisionAuthorMismatch):
        s.imports.import_bundle(path)
    assert not s.entries.list()


def test_a_co_recipient_cannot_squat_an_authors_entry(trio: Trio, tmp_path: Path) -> None:
    """The colleague re-signs the author's entry under its own key, same ids, and
    delivers it first: the reader keeps the two apart and takes the genuine bundle."""
    s, m, c = trio.s, trio.m, trio.c
    entry = s.entries.add(s.journals.create("J").id, EntryContent(title="de S", sections={}))
    genuine = s.exports.export(
        ExportRequest(recipients=(trio.m_at_s, trio.c_at_s), entry_ids=(entry.id,)), trio.out
    ).path
    # The colleague opens its copy and re-signs the same entry document as its own.
    members = unpack(genuine.read_bytes(), c.identity.key_pair())
    stolen = json.loads(members[entry_path(entry.id)])
    stolen["revisions"][0]["content"]["title"] = "de C"
    content = stolen["revisions"][0]["content"]
    stolen["revisions"][0]["content_hash"] = hashlib.sha256(canonical_json(content)).hexdigest()
    stolen["revisions"][0]["author"] = c.identity.info().key_id
    squat = tmp_path / "squat.rdbundle"
    squat.write_bytes(
        craft(c, [m.identity.public()], {entry_path(entry.id): json.dumps(stolen).encode()})
    )
    first = m.imports.import_bundle(squat)
    second = m.imports.import_bundle(genuine)  # not refused
    assert first.entries_new == (m.imports.received_entry_id(trio.c_at_m, entry.id),)
    assert second.entries_new == (m.imports.received_entry_id(trio.s_at_m, entry.id),)
    assert first.entries_new != second.entries_new
    real = m.entries.get(second.entries_new[0])
    assert real.content.title == "de S"
    assert m.journals.get(real.journal_id).author_contact_id == trio.s_at_m
    assert m.entries.get(first.entries_new[0]).content.title == "de C"
    # Later revisions from the author go on updating her entry, not the squatter's.
    s.entries.edit(entry.id, EntryContent(title="de S, v2"))
    m.imports.import_bundle(
        s.exports.export(
            ExportRequest(recipients=(trio.m_at_s,), entry_ids=(entry.id,)), trio.out
        ).path
    )
    assert m.entries.get(second.entries_new[0]).content.title == "de S, v2"
    assert m.entries.get(first.entries_new[0]).content.title == "de C"
