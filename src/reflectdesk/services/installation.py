"""The health of this installation's shipped files, and the versions a bug report needs."""

from __future__ import annotations

import platform
import sqlite3
from importlib import metadata

from reflectdesk import __version__
from reflectdesk.resources import damaged_resources


def damaged_files(load: bool = True) -> tuple[str, ...]:
    """Shipped files (``templates/free.yaml``) that are missing or damaged.

    ``load`` reads every built-in template and standard first: they are otherwise read
    lazily, and a broken one would only show when it is chosen.
    """
    if load:
        from reflectdesk.standards.loader import builtin_taxonomy_documents
        from reflectdesk.templates.builtin import builtin_documents

        builtin_documents()
        builtin_taxonomy_documents()
    return damaged_resources()


def _dist_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "?"


def component_versions() -> dict[str, str]:
    """ReflectDesk and what it runs on (Qt's own versions are added by the GUI)."""
    return {
        "ReflectDesk": __version__,
        "Python": platform.python_version(),
        "SQLite": sqlite3.sqlite_version,
        "cryptography": _dist_version("cryptography"),
        "SQLAlchemy": _dist_version("SQLAlchemy"),
        "platform": platform.platform(terse=True),
    }
