"""What every screen is given: paths, preferences, the task runner, translations, theme.

Passed explicitly (no global main-window singleton). Tests build one with a
temporary data folder and *light* key-derivation parameters; in production
``kdf_params`` returns ``None``, which makes the core calibrate Argon2id.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reflectdesk.gui.autosave import utc_now
from reflectdesk.gui.i18n import Translations
from reflectdesk.gui.prefs import Prefs, PrefsStore
from reflectdesk.gui.tasks import TaskRunner
from reflectdesk.gui.theme import ThemeManager
from reflectdesk.location import VaultLocation, locate_vault

if TYPE_CHECKING:
    from reflectdesk.services.vault import KdfParams


def calibrated_kdf() -> KdfParams | None:
    """The production choice: ``None`` lets the core calibrate (~0.75 s on this machine)."""
    return None


@dataclass
class AppContext:
    data_dir: Path
    prefs_store: PrefsStore
    prefs: Prefs
    runner: TaskRunner
    translations: Translations
    theme: ThemeManager
    kdf_params: Callable[[], KdfParams | None] = calibrated_kdf
    # Tests shorten auto-lock to milliseconds; ``None`` uses the minutes in the prefs.
    idle_timeout_ms: int | None = None
    # The pause after typing before an autosave.
    autosave_ms: int = 1500
    # What time it is, for editing sessions (gui/autosave.py): tests pass a clock they
    # move by minutes instead of sleeping.
    clock: Callable[[], datetime] = utc_now
    # Shared with the crash handler; set by the app.
    extras: dict[str, Any] = field(default_factory=dict)
    # ``reflectdesk --vault DIR``: the vault folder itself (the CLI's option means the same).
    vault_override: Path | None = None

    @property
    def location(self) -> VaultLocation:
        """Asked each time: the first-run wizard may have just made the vault."""
        return locate_vault(self.vault_override, self.data_dir)

    @property
    def vault_dir(self) -> Path:
        return self.location.path

    def has_vault(self) -> bool:
        return self.location.exists

    def update_prefs(self, **changes: Any) -> Prefs:
        self.prefs = replace(self.prefs, **changes).validated()
        self.prefs_store.save(self.prefs)
        return self.prefs

    @property
    def language(self) -> str:
        return self.translations.language

    def autolock_ms(self) -> int:
        if self.idle_timeout_ms is not None:
            return self.idle_timeout_ms
        return self.prefs.autolock_minutes * 60_000
