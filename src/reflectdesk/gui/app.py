"""``reflectdesk [--vault DIR] [--version] [FILE.rdbundle | FILE.rdcard …]``: the app.

Shows the first window as early as possible: only Qt and tiny modules are imported
here. ``REFLECTDESK_HOME`` overrides the data folder and ``--vault`` names the vault
folder, as in the CLI (``reflectdesk.location`` decides for both).
``REFLECTDESK_BENCH_EXIT_ON_SHOWN=1`` prints ``REFLECTDESK_SHOWN <unix time>`` when the
first window (unlock or wizard) is painted and quits (the startup benchmark uses it).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from reflectdesk import __version__
from reflectdesk.gui import dialogs
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.i18n import Translations, system_language
from reflectdesk.gui.prefs import PrefsStore
from reflectdesk.gui.tasks import TaskRunner
from reflectdesk.gui.theme import ThemeManager
from reflectdesk.location import data_dir as default_data_dir

APP_ID = "cl.reflectdesk.ReflectDesk"


def icon_dir() -> Path:
    from reflectdesk.resources import resource_dir

    return resource_dir() / "icons"


def app_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        path = icon_dir() / f"reflectdesk-{size}.png"
        if path.is_file():
            icon.addFile(str(path))
    return icon


def create_application(argv: Sequence[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # Workers (search, the entry list, key derivation) run Python too; hand the GIL back
    # to the GUI thread within 1 ms instead of Python's default 5 ms, so painting a list
    # while a search runs stays smooth.
    sys.setswitchinterval(0.001)
    app = QApplication(list(argv))
    app.setApplicationName("ReflectDesk")
    app.setApplicationDisplayName("ReflectDesk")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("ReflectDesk")
    app.setOrganizationDomain("reflectdesk.cl")
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    return app


def build_context(
    app: QApplication,
    data_dir: Path | None = None,
    qm_dir: Path | None = None,
    vault_dir: Path | None = None,
) -> AppContext:
    """Everything a window needs; language and theme applied from the settings file."""
    from reflectdesk.gui import gc_guard, qtcompat

    if not hasattr(app, "_singleton_guard"):
        app._singleton_guard = qtcompat.install(app)  # type: ignore[attr-defined]
    gc_guard.install(app)  # Qt objects in cycles must die on this thread
    data_dir = data_dir or default_data_dir()
    store = PrefsStore(data_dir)
    prefs = store.load()
    translations = Translations(qm_dir)
    translations.set_language(prefs.language or system_language())
    theme = ThemeManager(app)
    theme.apply(prefs.theme, prefs.font_size)
    runner = TaskRunner(app)
    runner.error_handler = lambda exc: dialogs.report_error(QApplication.activeWindow(), exc)
    return AppContext(
        data_dir=data_dir,
        prefs_store=store,
        prefs=prefs,
        runner=runner,
        translations=translations,
        theme=theme,
        vault_override=vault_dir,
    )


def files_to_open(args: Sequence[str]) -> list[Path]:
    """Files named on the command line (the desktop file passes ``%F``).

    Any file, not only ``.rdbundle``/``.rdcard``: the app looks inside and says what a
    file is not, rather than ignoring it silently.
    """
    files: list[Path] = []
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg == "--vault":
            skip = True
        elif not arg.startswith("-"):
            files.append(Path(arg))
    return files


def vault_option(args: Sequence[str]) -> Path | None:
    """``--vault DIR`` or ``--vault=DIR``: the vault folder, as in the CLI."""
    for i, arg in enumerate(args):
        if arg == "--vault" and i + 1 < len(args):
            return Path(args[i + 1]).expanduser()
        if arg.startswith("--vault="):
            return Path(arg.split("=", 1)[1]).expanduser()
    return None


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv if argv is None else argv)
    if "--version" in args[1:]:
        if sys.stdout is not None:  # a windowed Windows build has no console
            sys.stdout.write(f"ReflectDesk {__version__}\n")
        return 0
    logging.basicConfig(
        level=os.environ.get("REFLECTDESK_LOG", "WARNING").upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    bench = os.environ.get("REFLECTDESK_BENCH_EXIT_ON_SHOWN") == "1"
    app = create_application(args)
    ctx = build_context(app, vault_dir=vault_option(app.arguments()[1:]))

    from reflectdesk.gui.controller import AppController

    if not bench:
        from reflectdesk.gui.crash import CrashHandler

        crash = CrashHandler(app)
        crash.install()
        dialogs.unexpected_handler = crash.report_exception
    # ``reflectdesk FILE.rdbundle`` (a double click): the import preview after unlock.
    files = files_to_open(app.arguments()[1:])
    from reflectdesk.gui.single_instance import InstanceServer, hand_off, server_name

    name = server_name(ctx.vault_dir)
    if not bench and hand_off(name, files):
        return 0  # the running ReflectDesk shows the files (or just comes to the front)
    ctx.extras["open_files"] = files
    controller = AppController(ctx, bench_exit=bench)
    if not bench:
        instance = InstanceServer(name, app)
        instance.files_received.connect(controller.open_files)
    app.aboutToQuit.connect(controller.shutdown)
    controller.start()
    from reflectdesk.gui import gc_guard

    gc_guard.freeze_when_started(app)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
