"""`desktop install`: per user, no root, and what freedesktop tools make of it."""

from __future__ import annotations

import configparser
import subprocess
from pathlib import Path

from reflectdesk.services import desktop


def read_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_install_registers_the_app_for_bundles_and_cards(tmp_path: Path) -> None:
    prefix = tmp_path / "share"
    launcher = str(tmp_path / "Mis Programas" / "reflectdesk")
    result = desktop.install(prefix, launcher=desktop._quote(launcher))
    entry_path = prefix / "applications" / f"{desktop.APP_ID}.desktop"
    entry = read_entry(entry_path)
    assert entry["Exec"] == f'"{launcher}" %F'  # quoted: the path has a space
    assert entry["TryExec"] == launcher
    validated = subprocess.run(
        ["desktop-file-validate", str(entry_path)], capture_output=True, text=True, check=False
    )
    assert validated.returncode == 0, validated.stdout
    # The MIME database now maps the globs and the magic to our types...
    assert "update-mime-database" in result.refreshed
    globs = (prefix / "mime" / "globs2").read_text(encoding="utf-8")
    assert "application/x-reflectdesk-bundle:*.rdbundle" in globs
    assert "application/x-reflectdesk-card:*.rdcard" in globs
    assert b"age-encryption.org/v1" in (prefix / "mime" / "magic").read_bytes()
    # ...and the desktop database says ReflectDesk opens them.
    assert "update-desktop-database" in result.refreshed
    cache = (prefix / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
    for mime in ("application/x-reflectdesk-bundle", "application/x-reflectdesk-card"):
        assert f"{mime}={desktop.APP_ID}.desktop;" in cache
    for n in desktop.ICON_SIZES:
        assert (
            prefix / "icons" / "hicolor" / f"{n}x{n}" / "apps" / f"{desktop.APP_ID}.png"
        ).is_file()
    assert (prefix / "metainfo" / f"{desktop.APP_ID}.metainfo.xml").is_file()

    removed = desktop.uninstall(prefix)
    assert set(removed.files) == set(result.files)
    assert not entry_path.exists()


def test_the_launcher_is_this_installation(tmp_path: Path) -> None:
    command = desktop.launcher_command()
    program = command.split(" -m ")[0].strip('"')
    assert Path(program).is_absolute()
