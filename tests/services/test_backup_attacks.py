"""Backups attacked (issue 16): files planted in the backup folder (a synced or shared
folder anyone with access to it can write), swapped, or someone else's."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import orjson
import pytest

from reflectdesk.crypto.kdf import KdfParams
from reflectdesk.domain.model import Role
from reflectdesk.errors import BackupDamaged, RestoreTargetExists, WrongPassphrase
from reflectdesk.services import backup
from reflectdesk.services.vault import NewProfile, Vault
from reflectdesk.vault.header import HEADER_NAME, parse_header
from tests.support import PASSPHRASE, CreatedVault


def _forge_created(real: Path, target: Path, created: str) -> None:
    """A copy of a real backup whose plaintext manifest claims another date (the bytes
    anyone can edit without a key; the seal then no longer opens)."""
    data = real.read_bytes()
    info = backup.read_info(real)
    old = orjson.dumps(info.created.isoformat())
    new = orjson.dumps(created)
    assert len(old) == len(new) and data.count(old) == 1
    target.write_bytes(data.replace(old, new))


def test_forged_future_backups_never_push_out_the_real_ones(
    created: CreatedVault, tmp_path: Path
) -> None:
    """Someone writing to the backup folder plants copies of a backup with a plaintext
    date far ahead: pruning must not delete the real backups (nor the one just made)
    for them, and "the latest backup" must not be one of them."""
    folder = tmp_path / "backups"
    vault = created.vault
    first = vault.backups.create(folder, keep=2)
    forged = []
    for n in range(3):
        path = folder / f"reflectdesk-20991231-00000{n}-0000000{n}.rdbackup"
        _forge_created(first.path, path, f"2099-12-31T00:00:0{n}+00:00")
        forged.append(path)
    time.sleep(1.01)
    second = vault.backups.create(folder, keep=2)
    assert first.path.exists() and second.path.exists(), "real backups deleted"
    latest = vault.backups.latest(folder)
    assert latest is not None and latest.path == second.path
    assert all(p.exists() for p in forged)  # not ours to delete either


def _sections(data: bytes) -> list[tuple[bytes, bytes]]:
    out, at = [], len(backup.MAGIC)
    while at < len(data):
        tag, n = data[at : at + 4], int.from_bytes(data[at + 4 : at + 12], "big")
        out.append((tag, data[at + 12 : at + 12 + n]))
        at += 12 + n
    return out


def _pack(sections: list[tuple[bytes, bytes]]) -> bytes:
    return backup.MAGIC + b"".join(t + len(b).to_bytes(8, "big") + b for t, b in sections)


def test_an_older_backup_renamed_as_new_says_its_real_date(
    created: CreatedVault, tmp_path: Path
) -> None:
    """Rollback: an older backup swapped in under the newest one's name. Restoring it
    is a rollback to its moment, and what is said is that moment (the sealed date),
    never the name's."""
    folder = tmp_path / "backups"
    vault = created.vault
    old = vault.backups.create(folder, keep=5)
    time.sleep(1.01)
    new = vault.backups.create(folder, keep=5)
    new.path.unlink()
    old.path.rename(new.path)  # the old bytes under the new name
    (only,) = vault.backups.ours(folder)
    assert only.created == old.created and only.backup_id == old.backup_id
    report = backup.restore(new.path, tmp_path / "restored", passphrase=PASSPHRASE)
    assert report.info.created == old.created != new.created


def test_a_backup_with_someone_elses_header_is_damaged(
    created: CreatedVault, tmp_path: Path
) -> None:
    """The header of another vault (whose passphrase the attacker knows) spliced into
    this vault's backup, the plain checksums redone: the seal is under this vault's
    key, so it is refused with either passphrase, and nothing is restored."""
    other, _key = Vault.create(
        tmp_path / "otra",
        "otra frase de paso larga",
        NewProfile("Otra", Role.STUDENT, "es", ""),
        kdf_params=KdfParams.insecure_for_tests(),
    )
    other.close()
    theirs = (tmp_path / "otra" / HEADER_NAME).read_bytes()
    real = created.vault.backups.create(tmp_path / "backups")
    parts = dict(_sections(real.path.read_bytes()))
    manifest = orjson.loads(parts[b"MANI"])
    manifest["header_sha256"] = hashlib.sha256(theirs).hexdigest()
    manifest["vault_id"] = parse_header(theirs).vault_id
    forged = tmp_path / "forged.rdbackup"
    forged.write_bytes(
        _pack(
            [
                (b"HEAD", theirs),
                (b"PAGE", parts[b"PAGE"]),
                (b"MANI", orjson.dumps(manifest)),
                (b"SEAL", parts[b"SEAL"]),
            ]
        )
    )
    for phrase in ("otra frase de paso larga", PASSPHRASE):
        with pytest.raises((BackupDamaged, WrongPassphrase)):
            backup.restore(forged, tmp_path / "r", passphrase=phrase)
        assert not (tmp_path / "r").exists()


def test_restore_through_a_link_to_a_folder_in_use_writes_nothing_there(
    created: CreatedVault, tmp_path: Path
) -> None:
    real = created.vault.backups.create(tmp_path / "backups")
    used = tmp_path / "en-uso"
    used.mkdir()
    (used / "nota.txt").write_text("x")
    link = tmp_path / "destino"
    link.symlink_to(used)
    with pytest.raises(RestoreTargetExists):
        backup.restore(real.path, link, passphrase=PASSPHRASE)
    assert sorted(p.name for p in used.iterdir()) == ["nota.txt"]
    dangling = tmp_path / "colgante"
    dangling.symlink_to(tmp_path / "no-existe")
    with pytest.raises(RestoreTargetExists):
        backup.restore(real.path, dangling, passphrase=PASSPHRASE)
    assert not (tmp_path / "no-existe").exists()
