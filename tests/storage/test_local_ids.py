"""Nothing in a vault file links it to people's public keys or to another vault's rows
(issue 10 point 6): received ids and the bundle log are keyed hashes."""

from __future__ import annotations

import base64
from pathlib import Path

from reflectdesk.domain.model import Consent, EntryContent, ExportRequest, Role
from tests.services.bundle_helpers import exchange_cards, new_vault
from tests.support import raw_db


def _files(vault_dir: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(vault_dir.iterdir()) if p.is_file())


def test_a_seized_vault_names_no_key_and_shares_no_id(tmp_path: Path) -> None:
    s = new_vault(tmp_path / "s", "Student S", Role.STUDENT)
    m = new_vault(tmp_path / "m", "Mentor M")
    try:
        m_at_s, s_at_m = exchange_cards(s, m)
        photo = tmp_path / "foto.txt"
        photo.write_bytes(b"pizarra " * 500)
        journal = s.journals.create("J")
        entry = s.entries.add(journal.id, EntryContent(title="uno"), [photo])
        entry = s.entries.edit(entry.id, EntryContent(title="dos"))
        out = tmp_path / "out"
        out.mkdir()
        sent = s.exports.export(
            ExportRequest(
                recipients=(m_at_s,), entry_ids=(entry.id,), consent=Consent.RESEARCH, history=True
            ),
            out,
        )
        withdrawn = s.exports.withdraw_consent([entry.id], [m_at_s], out)
        m.imports.import_bundle(sent.path)
        m.imports.import_bundle(withdrawn.path)
        # The mentor's own entry goes back: the student's vault holds it scoped too.
        note = m.entries.add(m.journals.create("Notas").id, EntryContent(title="nota"))
        back = m.exports.export(ExportRequest(recipients=(s_at_m,), entry_ids=(note.id,)), out)
        s.imports.import_bundle(back.path)
        public = {
            "student": s.identity.public(),
            "mentor": m.identity.public(),
        }
        student_ids = [
            entry.id,
            *(r.id for r in s.entries.history(entry.id)),
            entry.attachments[0].id,
            sent.bundle_id,
            withdrawn.bundle_id,
        ]
        mentor_ids = [note.id, note.head.id, back.bundle_id]
        assert [i.bundle_id for i in m.bundle_log.list("in")] == [
            sent.bundle_id,
            withdrawn.bundle_id,
        ]
    finally:
        s.close()
        m.close()
    for reader, sender, ids in (("m", "student", student_ids), ("s", "mentor", mentor_ids)):
        raw = _files(tmp_path / reader)
        key = public[sender]
        needles = {
            "key id": key.key_id_hex.encode(),
            "key id bytes": key.key_id,
            "signing key": key.signing_key,
            "signing key b64": base64.b64encode(key.signing_key),
            "age recipient": key.age_recipient.encode(),
        }
        needles |= {f"id {i}": i.encode() for i in ids}
        found = [name for name, needle in needles.items() if needle in raw]
        assert found == [], (reader, found)
    # The sender's own vault holds its own ids, but only inside the encrypted pages.
    own = _files(tmp_path / "s")
    assert entry.id.encode() not in own and entry.attachments[0].id.encode() not in own
    with raw_db(tmp_path / "s") as conn:
        assert conn.execute("SELECT count(*) FROM entries WHERE id = ?", (entry.id,)).fetchone()
        assert conn.execute(
            "SELECT count(*) FROM attachments WHERE id = ?", (entry.attachments[0].id,)
        ).fetchone() == (1,)
