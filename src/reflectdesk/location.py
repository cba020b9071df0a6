"""Where the data folder and the vault are: one answer for the CLI and the app.

- ``--vault DIR`` (both front ends) names the vault folder itself.
- Otherwise the data folder is ``$REFLECTDESK_HOME`` or the platform's per-user data
  folder, and the vault is its ``vault/`` subfolder; the app's settings file sits beside
  it in the data folder.
- Earlier versions of the CLI kept the vault in the data folder itself. A vault found
  there is opened where it is (never moved, never hidden); when both places hold one,
  the ``vault/`` one is opened and the other is reported so the front end can say so.

Kept free of heavy imports: the app asks this before its first window.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

#: The vault header's file name (``reflectdesk.vault.header`` has the same; a test
#: keeps them equal without importing cryptography here).
HEADER_NAME = "vault.rdh"
VAULT_DIR_NAME = "vault"
HOME_ENV = "REFLECTDESK_HOME"


class Source(StrEnum):
    OPTION = "option"  # --vault
    ENV = "env"  # $REFLECTDESK_HOME
    DEFAULT = "default"  # the platform's user data folder


@dataclass(frozen=True, slots=True)
class VaultLocation:
    path: Path  # the vault folder to open or create
    data_dir: Path  # where settings live
    source: Source
    legacy: bool = False  # a vault kept in the data folder itself (by an earlier CLI)
    others: tuple[Path, ...] = ()  # other vaults found that this one does not open

    @property
    def exists(self) -> bool:
        return has_vault(self.path)


def has_vault(path: Path) -> bool:
    return (path / HEADER_NAME).is_file()


def data_dir() -> Path:
    """``$REFLECTDESK_HOME`` or the platform's per-user data folder."""
    home = os.environ.get(HOME_ENV, "").strip()
    if home:
        return Path(home).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("ReflectDesk", appauthor=False))


def locate_vault(explicit: Path | str | None = None, data: Path | None = None) -> VaultLocation:
    """The vault a front end opens (or creates) given ``--vault`` and the environment."""
    if data is None:
        source = Source.ENV if os.environ.get(HOME_ENV, "").strip() else Source.DEFAULT
        data = data_dir()
    else:
        source = Source.DEFAULT
    if explicit:
        return VaultLocation(Path(explicit).expanduser(), data, Source.OPTION)
    primary = data / VAULT_DIR_NAME
    if has_vault(primary):
        others = (data,) if has_vault(data) else ()
        return VaultLocation(primary, data, source, others=others)
    if has_vault(data):
        return VaultLocation(data, data, source, legacy=True)
    return VaultLocation(primary, data, source)
