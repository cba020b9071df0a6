"""The plaintext settings file: atomic, validated, and free of journal data."""

from __future__ import annotations

import json
from pathlib import Path

from reflectdesk.gui.prefs import Prefs, PrefsStore


def test_round_trip_and_validation(tmp_path: Path) -> None:
    store = PrefsStore(tmp_path)
    assert store.load() == Prefs()
    store.save(Prefs(language="es", theme="dark", font_size=12, autolock_minutes=5))
    assert store.load() == Prefs("es", "dark", 12, 5)
    assert (tmp_path / "settings.json").stat().st_mode & 0o777 == 0o600
    doc = json.loads((tmp_path / "settings.json").read_text())
    assert set(doc) == {"format", "language", "theme", "font_size", "autolock_minutes",
                        "window_geometry", "window_layouts", "export_memory"}  # fmt: skip
    assert Prefs(export_memory="x" * 40_000).validated().export_memory == ""


def test_damaged_or_hostile_files_fall_back(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(b"\xff\xfe not json")
    assert PrefsStore(tmp_path).load() == Prefs()
    path.write_text(json.dumps({"language": "fr", "theme": 3, "autolock_minutes": 10**9,
                                "font_size": True, "name": "Camila"}))  # fmt: skip
    prefs = PrefsStore(tmp_path).load()
    assert prefs.language == "" and prefs.theme == "system" and prefs.font_size == 0
    assert prefs.autolock_minutes == 240
    assert not hasattr(prefs, "name")
