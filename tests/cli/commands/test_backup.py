"""`backup create`, `backup verify`, `backup restore`, `backup list` through the real CLI,
in English and Spanish, with their exit codes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.support import CliResult

Cli = Callable[..., CliResult]


def _recovery_key(out: str) -> str:
    return next(line.strip() for line in out.splitlines() if line.count("-") == 13)


def _setup(cli: Cli) -> str:
    r = cli("init", "--name", "Camila", "--role", "student", "--insecure-test-kdf")
    assert r.code == 0, r.err
    jid = cli("journal", "create", "Práctica").out.strip()
    for i in range(3):
        assert cli("entry", "add", "--journal", jid, "--title", f"Entrada {i}").code == 0
    return _recovery_key(r.out)


def test_create_verify_restore_and_list(cli: Cli, tmp_path: Path) -> None:
    key = _setup(cli)
    folder = tmp_path / "usb"
    made = cli("backup", "create", str(folder), "--json")
    assert made.code == 0, made.err
    file = Path(json.loads(made.out)["file"])
    assert file.parent == folder and file.name.endswith(".rdbackup")

    checked = cli("backup", "verify", str(file))
    assert checked.code == 0, checked.err
    assert "3 entries, 3 revisions, 0 attachments, 0 contacts, 0 bundle-log rows" in checked.out
    assert "every record opens" in checked.out

    key_file = tmp_path / "key.txt"
    key_file.write_text(key + "\n")
    by_key = cli(
        "backup", "verify", str(file), "--recovery-key-file", str(key_file), "--json",
        env={"REFLECTDESK_PASSPHRASE": "wrong"},
    )  # fmt: skip
    assert by_key.code == 0, by_key.err
    assert json.loads(by_key.out)["counts"]["entries"] == 3

    target = tmp_path / "restored"
    restored = cli("backup", "restore", str(file), "--to", str(target))
    assert restored.code == 0, restored.err
    assert "Restored into" in restored.out
    listed = cli("--vault", str(target), "entry", "list", "--json")
    assert listed.code == 0 and len(json.loads(listed.out)) == 3

    again = cli("backup", "restore", str(file), "--to", str(target))
    assert again.code == 6 and "already exists" in again.err

    rows = json.loads(cli("backup", "list", str(folder), "--json").out)
    assert [r["file"] for r in rows] == [str(file)]


def test_errors_have_their_exit_codes_and_spanish_messages(cli: Cli, tmp_path: Path) -> None:
    _setup(cli)
    folder = tmp_path / "usb"
    file = Path(json.loads(cli("backup", "create", str(folder), "--json").out)["file"])
    wrong = cli("backup", "verify", str(file), env={"REFLECTDESK_PASSPHRASE": "nope nope nope"})
    assert wrong.code == 3
    data = bytearray(file.read_bytes())
    data[len(data) // 2] ^= 0x40
    file.write_bytes(bytes(data))
    damaged = cli("backup", "verify", str(file))
    assert damaged.code == 5
    assert "damaged or was changed" in damaged.err and "Do not restore from it" in damaged.err
    es = cli("--lang", "es", "backup", "verify", str(file))
    assert es.code == 5 and "dañada" in es.err
    note = tmp_path / "note.txt"
    note.write_text("hola")
    other = cli("--lang", "es", "backup", "verify", str(note))
    assert other.code == 6 and "no es una copia de seguridad" in other.err
    fine = cli("--lang", "es", "backup", "create", str(folder))
    assert fine.code == 0 and "Copia de seguridad escrita" in fine.out
