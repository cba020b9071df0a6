"""What every CLI command receives: secrets from a file or the environment (never a
prompt in a script), the vault opened once, progress only on a terminal."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest

from reflectdesk.cli.session import CliContext, read_secret_file
from reflectdesk.errors import FileUnreadable
from reflectdesk.i18n import Translator
from reflectdesk.progress import Progress
from reflectdesk.services.vault import Vault
from tests.support import PASSPHRASE


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def _ctx(**args: object) -> CliContext:
    return CliContext(argparse.Namespace(**args), Translator("en"), io.StringIO(), io.StringIO())


def test_secret_files_keep_inner_spaces_and_drop_the_editors_newline(tmp_path: Path) -> None:
    path = tmp_path / "pass.txt"
    path.write_text("  two  words \r\n")
    assert read_secret_file(path) == "  two  words "
    with pytest.raises(FileUnreadable) as info:
        read_secret_file(tmp_path / "missing.txt")
    assert info.value.detail == "missing.txt"  # the name, never the path's contents


def test_passphrase_from_file_before_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REFLECTDESK_PASSPHRASE", "from env")
    monkeypatch.setenv("REFLECTDESK_NEW_PASSPHRASE", "new from env")
    assert _ctx().passphrase() == "from env"
    assert _ctx().new_passphrase() == "new from env"
    (tmp_path / "p").write_text("from file\n")
    assert _ctx(passphrase_file=str(tmp_path / "p")).passphrase() == "from file"


def test_the_vault_is_opened_once_and_closed(
    vault: Vault, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault.close()
    monkeypatch.setenv("REFLECTDESK_PASSPHRASE", PASSPHRASE)
    ctx = _ctx(vault=str(vault_dir))
    opened = ctx.open_vault()
    assert opened.is_unlocked and ctx.open_vault() is opened
    ctx.close()
    assert not opened.is_unlocked


def test_progress_only_on_a_terminal_and_json_as_utf8() -> None:
    ctx = _ctx()
    ctx.progress()(Progress(1, 2, "import-entries"))
    assert ctx.err.getvalue() == ""
    ctx.err = _Tty()
    show = ctx.progress()
    show(Progress(1, 2, "import-entries"))
    show(Progress(2, 2, "import-entries"))
    assert ctx.err.getvalue() == "\rimport-entries 50%   \rimport-entries 100%   \n"
    ctx.emit_json({"title": "Canción"})
    assert ctx.out.getvalue() == '{\n  "title": "Canción"\n}\n'
