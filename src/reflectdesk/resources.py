"""Where the data files shipped with ReflectDesk live, and what to say when one is broken.

They are the package ``reflectdesk._resources`` (the top-level ``resources/`` folder,
mapped by ``pyproject.toml``), found through :mod:`importlib.resources` in a wheel, an
editable install and a PyInstaller app folder alike.
"""

from __future__ import annotations

import functools
import logging
from importlib import resources
from pathlib import Path

log = logging.getLogger(__name__)

PACKAGE = "reflectdesk._resources"


@functools.cache
def resource_dir() -> Path:
    """The folder that holds ``templates/``, ``standards/``, ``i18n/``, ``icons/``, ``desktop/``."""
    root = resources.files(PACKAGE)
    # Every way ReflectDesk is installed unpacks to real files (wheels, PyInstaller's
    # one-folder build); a zipped install would need as_file() for every read.
    return Path(str(root))


def resource_path(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)


# Shipped files that failed to load in this process, by path under the resource folder
# (``templates/free.yaml``). The rest of the app keeps working without them; the front
# ends say once which file is broken and that reinstalling fixes it.
_damaged: dict[str, str] = {}


def report_damaged(relative: str, code: str) -> None:
    if relative not in _damaged:
        log.warning("installation file unusable: %s (%s)", relative, code)
    _damaged[relative] = code


def damaged_resources() -> tuple[str, ...]:
    return tuple(sorted(_damaged))


def check_not_damaged(relative: str) -> None:
    """Raise the "reinstall" error when ``relative`` is a shipped file that failed to load."""
    if relative in _damaged:
        from reflectdesk.errors import InstallationDamaged

        raise InstallationDamaged(file=relative)
