"""Help → About: the version, and what a bug report needs (Qt, PySide6, SQLite, cryptography)."""

from __future__ import annotations

import PySide6
from PySide6.QtCore import QCoreApplication, qVersion

from reflectdesk import __version__
from reflectdesk.services.installation import component_versions


def versions() -> dict[str, str]:
    found = component_versions()
    found["Qt"] = qVersion()
    found["PySide6"] = PySide6.__version__
    return found


def about_text() -> str:
    lines = [
        QCoreApplication.translate("About", "ReflectDesk %1").replace("%1", __version__),
        "",
        QCoreApplication.translate(
            "About",
            "Encrypted, offline-first practicum reflection journals for initial teacher education.",
        ),
        "",
        QCoreApplication.translate("About", "For a bug report:"),
    ]
    shown = ("Qt", "PySide6", "SQLite", "cryptography", "SQLAlchemy", "Python", "platform")
    all_versions = versions()
    lines += [f"{name} {all_versions[name]}" for name in shown]
    return "\n".join(lines)
