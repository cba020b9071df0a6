"""Screenshots of the backup screens (issue 16), es/en, light/dark.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots_backups.py [docs/screenshots]

The settings dialog with its Backups panel, the restore dialog of the unlock window, the
first-run wizard's first page (with "I have a backup"), and the main window with the
backup reminder banner at 1366×768 and 1024×600. Also called by
tools/screenshots.py (render_app) for a full run.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

log = logging.getLogger("screenshots")
SIZES = ((1366, 768), (1024, 600))


def render_backups(ctx: Any, vault: Any, out: Path, suffix: str) -> None:
    from screenshots import save, settle

    from reflectdesk.gui.backups import BackupUi, RestoreDialog, manager
    from reflectdesk.gui.main_window import MainWindow
    from reflectdesk.gui.settings import SettingsDialog

    m = manager(ctx)
    folder = Path(tempfile.gettempdir()) / "USB" / "ReflectDesk"
    m.update(folder=str(folder), mode="lock", keep=10, last=int(time.time()) - 15 * 86400)
    settings = SettingsDialog(ctx, vault)
    settings.show()
    settings.resize(settings.sizeHint())
    settle(100)
    save(settings, out, f"backup-settings-{suffix}")
    settings.close()
    restore = RestoreDialog(ctx)
    restore.file.setText(str(folder / "reflectdesk-20261130-183000-4f2a9c1e.rdbackup"))
    restore.show()
    restore.resize(restore.sizeHint())
    settle(100)
    save(restore, out, f"backup-restore-{suffix}")
    restore.close()
    from reflectdesk.gui.wizard import FirstRunWizard

    wizard = FirstRunWizard(ctx)  # its first page offers "I have a backup"
    wizard.show()
    settle(100)
    save(wizard, out, f"backup-wizard-{suffix}")
    wizard.close()
    for w, h in SIZES:
        window = MainWindow(ctx, vault)
        ui = BackupUi(window, ctx, vault)
        window.show()
        window.resize(w, h)  # after show: the window fits itself to the screen first
        settle(200)
        ui.check()
        settle(100)
        save(window, out, f"backup-reminder-{suffix}-{w}x{h}")
        window.prepare_to_close()
        ctx.runner.wait(10_000)
        window.hide()
        window.deleteLater()
        settle()


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    from PySide6.QtWidgets import QApplication
    from screenshots import _make_vault, settle

    from reflectdesk.gui.app import build_context, create_application

    app = create_application([sys.argv[0]])
    for lang in ("es", "en"):
        for theme in ("light", "dark"):
            with tempfile.TemporaryDirectory(prefix="reflectdesk-shots-") as tmp:
                ctx = build_context(app, Path(tmp))
                ctx.translations.set_language(lang)
                ctx.theme.apply(theme, 0)
                vault = _make_vault(ctx, lang)
                render_backups(ctx, vault, out, f"{lang}-{theme}")
                ctx.runner.wait(10_000)
                vault.close()  # type: ignore[attr-defined]
                for widget in QApplication.topLevelWidgets():
                    widget.close()
                settle()
    return 0


if __name__ == "__main__":
    sys.exit(main())
