"""Settings needed before unlock, in a small plaintext JSON file in the data folder.

Only presentation choices live here (language, theme, font size, auto-lock, window
geometry, and per vault the export wizard's last folder and recipients as keyed hashes
of their key ids, ``gui/export_memory.py``): never journal text, names or anything
readable from inside the vault. The file is
replaced atomically, so a crash leaves the old or the new settings, never half.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

SETTINGS_NAME = "settings.json"
LANGUAGES = ("es", "en")
THEMES = ("system", "light", "dark")
FONT_SIZES = (0, *range(8, 25))  # 0: the system's size
AUTOLOCK_MAX_MINUTES = 240


@dataclass(frozen=True, slots=True)
class Prefs:
    language: str = ""  # "" until chosen: the system language is used
    theme: str = "system"
    font_size: int = 0
    autolock_minutes: int = 10  # 0: never
    window_geometry: str = ""  # base64 of QWidget.saveGeometry() (before 0.7)
    # JSON: per screen (name and available size), the main window's geometry and
    # splitters (gui/screen_fit.py).
    window_layouts: str = ""
    # JSON: per vault id, the export wizard's last folder and recipients (hashes of key
    # ids, never names: gui/export_memory.py).
    export_memory: str = ""

    def validated(self) -> Prefs:
        language = self.language if self.language in LANGUAGES else ""
        theme = self.theme if self.theme in THEMES else "system"
        font_size = self.font_size if self.font_size in FONT_SIZES else 0
        minutes = min(max(int(self.autolock_minutes), 0), AUTOLOCK_MAX_MINUTES)
        geometry = self.window_geometry if len(self.window_geometry) < 4096 else ""
        layouts = self.window_layouts if len(self.window_layouts) < 32_768 else ""
        memory = self.export_memory if len(self.export_memory) < 32_768 else ""
        return replace(
            self,
            language=language,
            theme=theme,
            font_size=font_size,
            autolock_minutes=minutes,
            window_geometry=geometry,
            window_layouts=layouts,
            export_memory=memory,
        )

    @classmethod
    def from_json(cls, doc: Any) -> Prefs:
        if not isinstance(doc, dict):
            return cls()
        known = {f.name: f.type for f in fields(cls)}
        values: dict[str, Any] = {}
        defaults = cls()
        for name in known:
            if name not in doc:
                continue
            value = doc[name]
            if isinstance(value, type(getattr(defaults, name))) and not isinstance(value, bool):
                values[name] = value
        return replace(defaults, **values).validated()


class PrefsStore:
    """Loads and saves :class:`Prefs`; a damaged file falls back to the defaults."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / SETTINGS_NAME

    def load(self) -> Prefs:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return Prefs()
        except OSError:
            log.warning("settings file unreadable; using defaults")
            return Prefs()
        try:
            return Prefs.from_json(json.loads(raw.decode("utf-8")))
        except (UnicodeDecodeError, json.JSONDecodeError, TypeError, ValueError):
            log.warning("settings file damaged; using defaults")
            return Prefs()

    def save(self, prefs: Prefs) -> None:
        from reflectdesk.atomic_files import atomic_write  # not needed to start up

        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        data = json.dumps(
            {"format": 1, **asdict(prefs.validated())}, indent=2, sort_keys=True
        ).encode("utf-8")
        atomic_write(self.path, data + b"\n", mode=0o600)
