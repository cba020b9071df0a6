"""Desktop integration: the .desktop file, AppStream metainfo, icons and app id agree."""

from __future__ import annotations

import configparser
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from reflectdesk.gui.app import APP_ID, app_icon

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "resources" / "desktop"


def test_ids_match() -> None:
    desktop = PACKAGING / f"{APP_ID}.desktop"
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(desktop, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "reflectdesk"
    assert entry["Icon"] == APP_ID
    assert entry["Categories"].endswith(";")

    root = ET.parse(PACKAGING / f"{APP_ID}.metainfo.xml").getroot()  # noqa: S314
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == desktop.name
    assert root.findtext("icon") == APP_ID
    assert root.findtext("project_license") == "AGPL-3.0-or-later"
    assert root.find("./provides/binary").text == "reflectdesk"  # type: ignore[union-attr]
    assert {
        el.get("{http://www.w3.org/XML/1998/namespace}lang") for el in root.iter("summary")
    } == {
        None,
        "es",
    }


def test_icons_exist(qapp: object) -> None:
    icons = REPO / "resources" / "icons"
    assert (icons / f"{APP_ID}.svg").is_file()
    for size in (16, 32, 48, 64, 128, 256):
        assert (icons / f"reflectdesk-{size}.png").is_file()
    assert not app_icon().isNull()


def test_bundle_and_card_types_are_registered() -> None:
    desktop = PACKAGING / f"{APP_ID}.desktop"
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(desktop, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Exec"] == "reflectdesk %F"
    declared = {t for t in entry["MimeType"].split(";") if t}
    ns = "{http://www.freedesktop.org/standards/shared-mime-info}"
    root = ET.parse(PACKAGING / f"{APP_ID}.mime.xml").getroot()  # noqa: S314
    globs = {
        m.get("type"): {g.get("pattern") for g in m.iter(f"{ns}glob")}
        for m in root.iter(f"{ns}mime-type")
    }
    assert globs == {
        "application/x-reflectdesk-bundle": {"*.rdbundle"},
        "application/x-reflectdesk-card": {"*.rdcard"},
    }
    assert declared == set(globs)


def test_files_on_the_command_line() -> None:
    from reflectdesk.gui.app import files_to_open

    # Every file is handed to the app, which says what one is not (services/openable.py).
    found = files_to_open(["--vault", "/v", "x.rdbundle", "notes.txt", "/tmp/A.RDCARD"])
    assert [p.name for p in found] == ["x.rdbundle", "notes.txt", "A.RDCARD"]


def test_desktop_file_validates() -> None:
    """desktop-file-validate (Debian's desktop-file-utils) accepts the shipped entry."""
    result = subprocess.run(
        ["desktop-file-validate", str(PACKAGING / f"{APP_ID}.desktop")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout


def test_metainfo_validates() -> None:
    """appstreamcli (Debian's appstream) accepts the metainfo, pedantic infos aside."""
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(PACKAGING / f"{APP_ID}.metainfo.xml")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
