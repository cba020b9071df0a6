"""Backups (issue 16): a consistent copy while saves go on, verify, restore, tampering,
pruning, and SIGKILL during create."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from reflectdesk.domain.model import Consent, EntryContent
from reflectdesk.errors import (
    BackupDamaged,
    NotABackup,
    RestoreTargetExists,
    WrongPassphrase,
    WrongRecoveryKey,
)
from reflectdesk.services import backup
from reflectdesk.services.vault import Vault
from tests.services.bundle_helpers import Pair, export
from tests.support import PASSPHRASE, PYTHON, REPO, CreatedVault, raw_db

# The search index is written in a second transaction after each save (and caught up at
# unlock), so its tables are compared through the services, not row by row.
_NOT_COMPARED = ("search_meta", "search_docs", "search_tags", "search_std")


def raw_rows(vault_dir: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (but the search index), as SQLite returns it."""
    conn = raw_db(vault_dir, readonly=True)
    try:
        conn.execute("BEGIN")
        tables = [
            str(r[0])
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY 1")
            if not str(r[0]).startswith(_NOT_COMPARED) and str(r[0]) != "sqlite_sequence"
        ]
        out = {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall()) for t in tables}  # noqa: S608
        conn.execute("COMMIT")
        return out
    finally:
        conn.close()


def _saved_content(i: int) -> EntryContent:
    return EntryContent(title=f"Entrada {i}", sections={"body": f"Reflexión número {i} " * 30})


def test_a_backup_while_entries_are_saved_is_the_vault_at_one_moment(
    pair: Pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = pair.student
    files = tmp_path / "files"
    files.mkdir()
    first = s.entries.add(pair.journal_id, _saved_content(0))
    (files / "plan.txt").write_bytes(os.urandom(300_000))
    att = s.entries.attach(first.id, files / "plan.txt")
    s.entries.edit(first.id, _saved_content(100))
    export(pair, entry_ids=(first.id,), consent=Consent.RESEARCH)  # bundle log, consent
    assert s.bundle_log.list() and s.contacts.list()
    src_dir = tmp_path / "vault"
    # Small steps and a slow progress reader: the copy takes many steps while the other
    # thread commits between them.
    monkeypatch.setattr(backup, "_STEP_PAGES", 4)
    moments: list[dict[str, list[tuple[Any, ...]]]] = [raw_rows(src_dir)]
    stop = threading.Event()
    during = threading.Event()
    errors: list[BaseException] = []
    ids = [first.id]

    def saver() -> None:
        try:
            i = 1
            while not stop.is_set():
                if i % 3 == 0:
                    s.entries.edit(ids[i % len(ids)], _saved_content(i))
                elif i % 5 == 0:
                    (files / f"a{i}.bin").write_bytes(os.urandom(20_000))
                    s.entries.attach(ids[-1], files / f"a{i}.bin")
                else:
                    ids.append(s.entries.add(pair.journal_id, _saved_content(i)).id)
                moments.append(raw_rows(src_dir))
                if backing_up.is_set():
                    during.set()
                i += 1
        except BaseException as exc:  # pragma: no cover - shown by the assert below
            errors.append(exc)

    backing_up = threading.Event()
    thread = threading.Thread(target=saver)
    thread.start()
    try:
        while len(moments) < 4:
            time.sleep(0.01)

        def slow(_: object) -> None:
            if not backing_up.is_set():
                backing_up.set()
                # On a loaded machine the whole copy can finish before the saver's next
                # commit: hold the first step until one save has landed mid-copy.
                during.wait(30)
            time.sleep(0.002)

        info = s.backups.create(tmp_path / "backups", progress=slow)
        saved_before_end = len(moments)
        while len(moments) < saved_before_end + 3:
            time.sleep(0.01)
    finally:
        stop.set()
        thread.join()
    assert not errors
    assert during.is_set(), "no save committed while the backup was copying"

    report = backup.verify(info.path, passphrase=PASSPHRASE)
    restored_dir = tmp_path / "restored"
    backup.restore(info.path, restored_dir, passphrase=PASSPHRASE)
    restored = raw_rows(restored_dir)
    matches = [k for k, m in enumerate(moments) if m == restored]
    assert matches, "the backup is not the vault as it was at any one moment"
    k = matches[0]
    assert 3 <= k < len(moments) - 1  # taken while saves were going on
    # The manifest's counts are those of that moment.
    assert report.counts["revisions"] == len(restored["entry_revisions"])
    assert report.counts["entries"] == sum(1 for r in restored["entries"] if r[6] == 0)
    assert report.records["entry_revisions"] == len(restored["entry_revisions"])

    # Decrypted, through the services: every entry, revision, attachment, contact and
    # bundle-log row of the restored vault is the source's.
    copy = Vault.open(restored_dir)
    try:
        copy.unlock(PASSPHRASE)
        assert copy.vault_id == s.vault_id
        entry_ids = [str(r[0]) for r in restored["entries"]]
        assert first.id in entry_ids and len(entry_ids) >= 4
        for eid in entry_ids:
            assert copy.entries.get(eid).content == _head_at(s, eid, restored)
            source_history = {r.id: r for r in s.entries.history(eid)}
            for rev in copy.entries.history(eid):
                assert source_history[rev.id] == rev
        for row in restored["attachments"]:
            aid = str(row[0])
            assert copy.entries.attachment(aid) == s.entries.attachment(aid)
            assert copy.entries.attachment_bytes(aid) == s.entries.attachment_bytes(aid)
        assert copy.entries.attachment_bytes(att.id) == (files / "plan.txt").read_bytes()
        assert copy.contacts.list() == s.contacts.list()
        assert copy.bundle_log.list() == s.bundle_log.list()
        assert copy.profile == s.profile
        assert copy.identity.card() == s.identity.card()  # the same keys
        assert copy.entries.count() == len([r for r in restored["entries"] if r[6] == 0])
    finally:
        copy.close()


def _head_at(s: Vault, entry_id: str, rows: dict[str, list[tuple[Any, ...]]]) -> EntryContent:
    head = next(str(r[2]) for r in rows["entries"] if str(r[0]) == entry_id)
    return s.entries.revision(entry_id, head).content


@pytest.fixture
def one_backup(created: CreatedVault, tmp_path: Path) -> backup.BackupInfo:
    v = created.vault
    j = v.journals.create("Práctica")
    for i in range(5):
        v.entries.add(j.id, _saved_content(i))
    return v.backups.create(tmp_path / "backups")


def test_verify_opens_with_the_passphrase_or_the_recovery_key_and_not_the_live_vault(
    created: CreatedVault, one_backup: backup.BackupInfo
) -> None:
    created.vault.close()
    before = {p.name: p.stat().st_mtime_ns for p in created.path.iterdir()}
    report = backup.verify(one_backup.path, passphrase=PASSPHRASE)
    assert report.counts["entries"] == 5 and report.counts["journals"] == 1
    assert report.info.vault_id == created.vault.vault_id
    assert backup.verify(one_backup.path, recovery_key=created.recovery_key).counts == report.counts
    with pytest.raises(WrongPassphrase):
        backup.verify(one_backup.path, passphrase="not the passphrase at all")
    with pytest.raises(WrongRecoveryKey):
        backup.verify(one_backup.path, recovery_key=_other_key(created.recovery_key))
    assert {p.name: p.stat().st_mtime_ns for p in created.path.iterdir()} == before


def _other_key(key: str) -> str:
    from reflectdesk.crypto import recovery

    return recovery.format_key(recovery.generate())


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def _offsets(path: Path) -> dict[str, int]:
    """An offset inside each section's body."""
    data = path.read_bytes()
    pos = len(backup.MAGIC)
    out = {}
    while pos < len(data):
        tag = data[pos : pos + 4].decode()
        size = int.from_bytes(data[pos + 4 : pos + 12], "big")
        out[tag] = pos + 12 + size // 2
        out[f"{tag}.length"] = pos + 11
        pos += 12 + size
    return out


@pytest.mark.parametrize(
    "where", ["HEAD", "PAGE", "MANI", "SEAL", "PAGE.length", "MANI.length", "magic"]
)
def test_a_tampered_backup_fails_verify_and_restore_with_a_clear_message(
    one_backup: backup.BackupInfo, tmp_path: Path, where: str
) -> None:
    path = one_backup.path
    offset = 3 if where == "magic" else _offsets(path)[where]
    _flip(path, offset)
    expected: type[Exception] = NotABackup if where == "magic" else BackupDamaged
    with pytest.raises(expected) as caught:
        backup.verify(path, passphrase=PASSPHRASE)
    if expected is BackupDamaged:
        assert "damaged or was changed" in str(caught.value)
        assert "Do not restore from it" in caught.value.hint
    with pytest.raises(expected):
        backup.restore(path, tmp_path / "restored", passphrase=PASSPHRASE)
    assert not (tmp_path / "restored").exists()
    assert not [p for p in tmp_path.iterdir() if ".restoring-" in p.name]


def test_a_page_edited_with_the_seal_recomputed_is_caught_by_the_vault_checks(
    created: CreatedVault, one_backup: backup.BackupInfo, tmp_path: Path
) -> None:
    """Someone holding the key rebuilds the file around an older trust row: the seal is
    good, the sealed vault state inside the copy is not."""
    work = tmp_path / "work"
    work.mkdir()
    parsed_db = work / "vault-pages.db"
    with parsed_db.open("wb") as out:
        parsed = backup._parse(one_backup.path, out)
    (work / "vault.rdh").write_bytes(parsed.header_raw)
    conn = raw_db(work)
    conn.execute("DELETE FROM journals")
    conn.commit()
    conn.close()
    v = created.vault
    # Re-pack with a fresh, valid seal (what only a key holder could do).
    forged = tmp_path / "forged.rdbackup"
    _repack(v, work, forged)
    with pytest.raises(BackupDamaged) as caught:
        backup.verify(forged, passphrase=PASSPHRASE)
    assert "vault_state_tampered" in caught.value.detail


def _repack(v: Vault, work: Path, target: Path) -> None:
    import hashlib

    import orjson

    cipher = v._unlocked().cipher
    conn = raw_db(work)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    header = (work / "vault.rdh").read_bytes()
    page = (work / "vault-pages.db").read_bytes()
    manifest = {
        "format": 1,
        "id": "ab" * 16,
        "vault_id": v.vault_id,
        "created": "2026-12-01T10:00:00+00:00",
        "app_version": "0",
        "header_sha256": hashlib.sha256(header).hexdigest(),
        "page_bytes": len(page),
        "page_sha256": hashlib.sha256(page).hexdigest(),
    }
    mani = orjson.dumps(manifest)
    body = backup.MAGIC
    for tag, part in ((b"HEAD", header), (b"PAGE", page), (b"MANI", mani)):
        body += tag + len(part).to_bytes(8, "big") + part
    prefix = backup.seal_input(header, len(page), hashlib.sha256(page).digest(), mani)
    seal = cipher.seal_json(
        backup.SEAL_TABLE,
        manifest["id"],
        backup._seal_ad_revision(prefix),
        {
            "created": manifest["created"],
            "counts": {},
            "schema_version": 4,
            "page_sha256": manifest["page_sha256"],
            "header_sha256": manifest["header_sha256"],
        },
    )
    target.write_bytes(body + b"SEAL" + len(seal).to_bytes(8, "big") + seal)


def test_a_truncated_backup_is_damaged_and_another_file_is_not_a_backup(
    one_backup: backup.BackupInfo, tmp_path: Path
) -> None:
    data = one_backup.path.read_bytes()
    for cut in (5, len(backup.MAGIC) + 20, len(data) // 2, len(data) - 1):
        short = tmp_path / f"short-{cut}.rdbackup"
        short.write_bytes(data[:cut])
        with pytest.raises(BackupDamaged):
            backup.verify(short, passphrase=PASSPHRASE)
    other = tmp_path / "note.txt"
    other.write_text("hola")
    with pytest.raises(NotABackup):
        backup.verify(other, passphrase=PASSPHRASE)


def test_restore_makes_a_new_vault_folder_and_never_writes_over_one(
    created: CreatedVault, one_backup: backup.BackupInfo, tmp_path: Path
) -> None:
    with pytest.raises(RestoreTargetExists):
        backup.restore(one_backup.path, created.path, passphrase=PASSPHRASE)
    occupied = tmp_path / "occupied"
    occupied.mkdir()
    (occupied / "mine.txt").write_text("x")
    with pytest.raises(RestoreTargetExists):
        backup.restore(one_backup.path, occupied, passphrase=PASSPHRASE)
    assert [p.name for p in occupied.iterdir()] == ["mine.txt"]
    target = tmp_path / "new" / "vault"
    backup.restore(one_backup.path, target, recovery_key=created.recovery_key)
    assert (target.stat().st_mode & 0o777) == 0o700
    for p in target.iterdir():
        assert (p.stat().st_mode & 0o077) == 0, p
    copy = Vault.open(target)
    try:
        copy.unlock(PASSPHRASE)
        assert copy.entries.count() == 5
        assert copy.profile == created.vault.profile
    finally:
        copy.close()


def test_only_the_newest_backups_of_this_vault_are_kept(
    created: CreatedVault, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    foreign = folder / "reflectdesk-20200101-000000-00000000.rdbackup"
    foreign.write_bytes(b"not ours")
    made = []
    for _ in range(4):
        made.append(created.vault.backups.create(folder, keep=2))
        time.sleep(1.01)  # names and manifests are to the second
    kept = backup.list_backups(folder, created.vault.vault_id)
    assert [i.path for i in kept] == [made[3].path, made[2].path]
    assert foreign.exists()
    assert created.vault.backups.latest(folder) == kept[0]
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]


_KILLED = """
import sys
from pathlib import Path
from reflectdesk.services.vault import Vault
vault = Vault.open(Path(sys.argv[1]))
vault.unlock(sys.argv[2])
print("ready", flush=True)
while True:
    vault.backups.create(Path(sys.argv[3]), keep=100)
"""


def test_sigkill_during_create_leaves_the_previous_backup_and_no_half_one(
    created: CreatedVault, one_backup: backup.BackupInfo, tmp_path: Path
) -> None:
    v = created.vault
    j = v.journals.list()[0].id
    (tmp_path / "big.bin").write_bytes(os.urandom(3_000_000))
    v.entries.attach(v.entries.add(j, _saved_content(9)).id, tmp_path / "big.bin")
    v.close()
    folder = one_backup.path.parent
    previous = one_backup.path.read_bytes()
    for trial in range(3):
        with subprocess.Popen(
            [PYTHON, "-c", _KILLED, str(created.path), PASSPHRASE, str(folder)],
            stdout=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": str(REPO / "src")},
        ) as proc:
            assert proc.stdout is not None
            assert proc.stdout.readline().strip() == b"ready"
            time.sleep(0.05 + 0.1 * trial)
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        assert one_backup.path.read_bytes() == previous
        for path in folder.iterdir():
            if path.name.endswith(backup.SUFFIX) and not path.name.startswith("."):
                backup.verify(path, passphrase=PASSPHRASE)  # whole, or not there
            elif path.is_file():
                with pytest.raises((BackupDamaged, NotABackup)):
                    backup.verify(path, passphrase=PASSPHRASE)
    # The next create sweeps what the killed ones left.
    again = Vault.open(created.path)
    try:
        again.unlock(PASSPHRASE)
        again.backups.create(folder)
    finally:
        again.close()
    assert not [p for p in folder.iterdir() if p.name.startswith(".rdbackup-partial-")]


def test_the_seal_covers_the_file_as_documented(one_backup: backup.BackupInfo) -> None:
    """docs/vault-format.md: SHA-256 over every byte before SEAL, the pages by their hash."""
    import hashlib

    data = one_backup.path.read_bytes()
    pos, parts = len(backup.MAGIC), {}
    while pos < len(data):
        tag = data[pos : pos + 4].decode()
        size = int.from_bytes(data[pos + 4 : pos + 12], "big")
        parts[tag] = data[pos + 12 : pos + 12 + size]
        pos += 12 + size
    assert list(parts) == ["HEAD", "PAGE", "MANI", "SEAL"]
    page = parts["PAGE"]
    with open(os.devnull, "wb") as sink:
        parsed = backup._parse(one_backup.path, sink)
    assert parsed.prefix_sha256 == backup.seal_input(
        parts["HEAD"], len(page), hashlib.sha256(page).digest(), parts["MANI"]
    )
