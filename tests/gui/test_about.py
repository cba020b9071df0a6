"""Help → About: what a bug report needs."""

from __future__ import annotations

import sqlite3

import cryptography
import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QApplication

from reflectdesk import __version__
from reflectdesk.gui.about import about_text


def test_about_names_every_version(qapp: QApplication) -> None:
    text = about_text()
    assert f"ReflectDesk {__version__}" in text
    assert f"Qt {qVersion()}" in text
    assert f"PySide6 {PySide6.__version__}" in text
    assert f"SQLite {sqlite3.sqlite_version}" in text
    assert f"cryptography {cryptography.__version__}" in text
