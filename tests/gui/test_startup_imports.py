"""The unlock window path imports only Qt and tiny modules (it must appear fast)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

HEAVY = (
    "sqlalchemy",
    "cryptography",
    "markdown",
    "nh3",
    "yaml",
    "reflectdesk.services",
    "reflectdesk.storage.database",
    "reflectdesk.templates",
    "reflectdesk.gui.main_window",
    "PySide6.QtPrintSupport",
)

PROBE = """
import json, sys
from PySide6.QtWidgets import QApplication
from reflectdesk.gui.app import build_context, create_application
from reflectdesk.gui.controller import AppController
from reflectdesk.gui.unlock import UnlockWindow
app = create_application(["probe"])
ctx = build_context(app)
window = UnlockWindow()
window.show()
app.processEvents()
print(json.dumps(sorted(sys.modules)))
"""


def test_unlock_path_imports_nothing_heavy(tmp_path: object) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "REFLECTDESK_HOME": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, check=True
    ).stdout
    modules = json.loads(out.strip().splitlines()[-1])
    loaded = [m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY)]
    assert loaded == []
