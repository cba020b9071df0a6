"""Desktop integration: the .desktop file, AppStream metainfo, icons and app id agree."""

from __future__ import annotations

import configparser
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

    found = files_to_open(["-style", "x.rdbundle", "notes.txt", "/tmp/A.RDCARD"])
    assert [p.name for p in found] == ["x.rdbundle", "A.RDCARD"]
