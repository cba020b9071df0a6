"""Nothing plaintext on disk when sharing: cards, export, import, withdrawal, review.

Two vaults (student and mentor) driven through the services in a child process with
its own temp dir (``TMPDIR``), so SQLite and Python temp files land where the scan
looks. Canaries
go into names (profile and card), institutions, journal and entry titles, section
text, tags, attachment names and bytes, comments, replies, sign-off notes and quotes.
Afterwards every file under both vault dirs,
the temp dir and the bundle files themselves (encrypted) is scanned for them, raw and
UTF-16. Only the files a user exported on purpose (the contact cards, which are public
by design, and a saved attachment) may hold them.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from tests.support import PASSPHRASE, PYTHON, cli_env

CANARY = "CANARYq9Zb"
CANARIES = {
    "student": f"Camila {CANARY}student",
    "mentor": f"Ana {CANARY}mentor",
    "institution": f"Liceo {CANARY}school",
    "journal": f"Diario {CANARY}journal",
    "title": f"Título {CANARY}title",
    "section": f"Reflexión {CANARY}section ñandú",
    "tag": f"{CANARY}tag",
    "attachment": f"{CANARY}attachment-bytes",
    "filename": f"{CANARY}foto.txt",
    "mentor_title": f"Nota {CANARY}mentortitle",
    # Review (issue 13): comments, replies, sign-off notes and the quoted passage.
    "quote": f"{CANARY}section",
    "comment": f"¿Por qué {CANARY}comment?",
    "reply": f"{CANARY}reply ñandú",
    "student_reply": f"{CANARY}studentreply",
    "signoff_note": f"{CANARY}signoffnote",
}


def _needles() -> list[tuple[str, bytes]]:
    out = []
    for label, text in [*CANARIES.items(), ("canary", CANARY)]:
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            out.append((label, text.encode(encoding)))
    return out


def _scan(paths: list[Path]) -> list[str]:
    hits = []
    files = [p for root in paths for p in ([root] if root.is_file() else root.rglob("*"))]
    for path in files:
        if not path.is_file():
            continue
        data = path.read_bytes()
        hits += [f"{path.name}: {label}" for label, needle in _needles() if needle in data]
    return hits


CHILD = r"""
import json, sys
from pathlib import Path
from reflectdesk.crypto.kdf import KdfParams
from reflectdesk.domain.model import Consent, EntryContent, ExportRequest, Role
from reflectdesk.errors import BundleError
from reflectdesk.services.vault import NewProfile, Vault

args = json.loads(sys.argv[1])
c, pw = args["canaries"], args["passphrase"]
outside, courier = Path(args["outside"]), Path(args["courier"])
light = KdfParams.insecure_for_tests
s, _ = Vault.create(Path(args["student"]), pw,
                    NewProfile(c["student"], Role.STUDENT, "es", c["institution"]), light())
m, _ = Vault.create(Path(args["mentor"]), pw,
                    NewProfile(c["mentor"], Role.MENTOR, "es", c["institution"]), light())
s.identity.export_card(outside / "student.rdcard", qr_svg=outside / "student.svg")
m.identity.export_card(outside / "mentor.rdcard", qr_png=outside / "mentor.png")
mentor_id = s.contacts.import_card_file(outside / "mentor.rdcard").contact.id
student_id = m.contacts.import_card_file(outside / "student.rdcard").contact.id
s.contacts.verify(mentor_id, m.contacts.safety_number(student_id))
journal = s.journals.create(c["journal"])
attachment = outside / c["filename"]
attachment.write_text(c["attachment"] * 3000)
entry = s.entries.add(journal.id, EntryContent(
    title=c["title"], sections={"body": c["section"]}, tags=(c["tag"],)), [attachment])
s.entries.edit(entry.id, EntryContent(
    title=c["title"], sections={"body": c["section"] + " 2"}, tags=(c["tag"],)))
sent = s.exports.export(ExportRequest(recipients=(mentor_id,), journal_id=journal.id,
                                      consent=Consent.RESEARCH, history=True), courier)
assert m.imports.preview(sent.path).entries[0].title == c["title"]
m.imports.import_bundle(sent.path)
m.imports.import_bundle(sent.path)
assert m.search.query("reflexion")
att = m.entries.get(m.imports.received_entry_id(student_id, entry.id)).attachments[0]
m.entries.save_attachment_as(att.id, outside / "copy.txt")
# Review records: written, sent (as they travel), received, refused when altered.
from reflectdesk.errors import ReviewRecordForged
from reflectdesk.review.records import Verdict
here = m.imports.received_entry_id(student_id, entry.id)
comment = m.review.add_comment(here, "body", c["comment"], quote=c["quote"])
m.review.reply(comment.id, c["reply"])
m.review.sign_off(here, {"C7": (Verdict.PARTLY, c["signoff_note"])}, note=c["signoff_note"])
mentor_key = m.identity.public().key_id_hex
s.review.receive(m.review.records(), mentor_key)
s.review.reply(comment.id, c["student_reply"])
m.review.receive(s.review.records([entry.id]), s.identity.public().key_id_hex)
assert len(m.review.state(here).threads[0].replies) == 2
altered = m.review.records()
altered[0]["body"]["text" if "text" in altered[0]["body"] else "note"] = c["comment"] + "!"
try:
    s.review.receive(altered, mentor_key)
except ReviewRecordForged:
    pass
else:
    raise AssertionError("took an altered record")
withdrawal = s.exports.withdraw_consent([entry.id], [mentor_id], courier / "w.rdbundle")
m.imports.import_bundle(withdrawal.path)
notes = m.journals.create("Notas")
note = m.entries.add(notes.id, EntryContent(title=c["mentor_title"]))
back = m.exports.export(ExportRequest(recipients=(student_id,), entry_ids=(note.id,)),
                        courier / "back.rdbundle")
s.imports.import_bundle(back.path)
damaged = bytearray(sent.path.read_bytes())
damaged[-1] ^= 1  # the last STREAM chunk: everything before it decrypts first
(courier / "damaged.rdbundle").write_bytes(bytes(damaged))
try:  # a failing import must not spill either
    m.imports.import_bundle(courier / "damaged.rdbundle")
except BundleError:
    pass
else:
    raise AssertionError("imported a damaged bundle")
s.close()
m.close()
"""


def test_sharing_leaves_no_plaintext_on_disk(tmp_path: Path) -> None:
    student_dir, mentor_dir = tmp_path / "student", tmp_path / "mentor"
    tmp_dir, outside, courier = tmp_path / "tmp", tmp_path / "outside", tmp_path / "usb"
    for d in (tmp_dir, outside, courier):
        d.mkdir()
    args = {
        "canaries": CANARIES,
        "passphrase": PASSPHRASE,
        "student": str(student_dir),
        "mentor": str(mentor_dir),
        "outside": str(outside),
        "courier": str(courier),
    }
    env = cli_env(student_dir, TMPDIR=str(tmp_dir), TEMP=str(tmp_dir), TMP=str(tmp_dir))
    proc = subprocess.run(
        [PYTHON, "-c", CHILD, json.dumps(args)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    if os.name == "posix":
        for vault_dir in (student_dir, mentor_dir):
            modes = {p.name: p.stat().st_mode & 0o777 for p in vault_dir.iterdir()}
            assert all(m == 0o600 for m in modes.values()), modes
    assert {"back.rdbundle", "w.rdbundle", "damaged.rdbundle"} <= {
        p.name for p in courier.iterdir()
    }
    assert _scan([student_dir, mentor_dir, tmp_dir, courier]) == []
    # The scan finds what it looks for: the cards (public by design) and the saved copy.
    found = _scan([outside])
    assert any("student.rdcard" in hit for hit in found)
    assert any("copy.txt" in hit for hit in found)
