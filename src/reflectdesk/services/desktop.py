"""Desktop integration on Linux, per user and without root (freedesktop.org standards).

Installs, from the files shipped inside the package, into ``$XDG_DATA_HOME`` (or
``~/.local/share``): the desktop entry (its ``Exec`` pointing at this installation's
``reflectdesk``), the icons in the hicolor sizes, the AppStream metainfo and the MIME
types of ``.rdbundle`` and ``.rdcard``; then refreshes the MIME and desktop databases
when their tools are present, so a double click on a bundle or a card opens ReflectDesk
(and hands the file to the running app).
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from reflectdesk.atomic_files import atomic_write
from reflectdesk.errors import FileUnwritable
from reflectdesk.resources import resource_dir

log = logging.getLogger(__name__)

APP_ID = "cl.reflectdesk.ReflectDesk"
ICON_SIZES = (16, 32, 48, 64, 128, 256)


@dataclass(frozen=True, slots=True)
class DesktopInstall:
    prefix: Path
    launcher: str  # the Exec command, without the %F
    files: tuple[Path, ...]
    refreshed: tuple[str, ...] = field(default=())  # database tools that ran


def default_prefix() -> Path:
    xdg = os.environ.get("XDG_DATA_HOME", "").strip()
    return Path(xdg) if xdg else Path.home() / ".local" / "share"


def _quote(arg: str) -> str:
    """Desktop Entry Exec quoting: double quotes around anything with a reserved character."""
    if not any(c in arg for c in " \t\n\"'\\><~|&;$*?#()`"):
        return arg
    escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
    return f'"{escaped}"'


def launcher_command() -> str:
    """How this installation starts the app: the app folder's binary, the venv's script,
    or the interpreter with ``-m`` when no script is installed."""
    here = Path(sys.executable).resolve().parent
    if getattr(sys, "frozen", False):
        return _quote(str(here / "reflectdesk"))
    beside = Path(sys.executable).parent / "reflectdesk"
    if beside.is_file():
        return _quote(str(beside.absolute()))
    found = shutil.which("reflectdesk")
    if found:
        return _quote(found)
    return f"{_quote(sys.executable)} -m reflectdesk.gui.app"


def _desktop_entry(template: str, launcher: str) -> str:
    out: list[str] = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            line = f"Exec={launcher} %F"
        elif line.startswith("TryExec="):
            program = launcher.split(" -m ")[0]
            line = f"TryExec={program.strip(chr(34))}"
        out.append(line)
    return "\n".join(out) + "\n"


def _targets(prefix: Path) -> dict[str, Path]:
    return {
        "desktop": prefix / "applications" / f"{APP_ID}.desktop",
        "metainfo": prefix / "metainfo" / f"{APP_ID}.metainfo.xml",
        "mime": prefix / "mime" / "packages" / f"{APP_ID}.xml",
        "svg": prefix / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
        **{
            f"png{n}": prefix / "icons" / "hicolor" / f"{n}x{n}" / "apps" / f"{APP_ID}.png"
            for n in ICON_SIZES
        },
    }


def _write(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FileUnwritable(str(path.parent)) from exc
    atomic_write(path, data, mode=0o644, error=FileUnwritable)


def _refresh(prefix: Path) -> tuple[str, ...]:
    ran: list[str] = []
    for tool, target in (
        ("update-mime-database", prefix / "mime"),
        ("update-desktop-database", prefix / "applications"),
        ("gtk-update-icon-cache", prefix / "icons" / "hicolor"),
    ):
        exe = shutil.which(tool)
        if exe is None:
            continue
        args = [exe, "-q", "-t", str(target)] if tool == "gtk-update-icon-cache" else [exe]
        if tool != "gtk-update-icon-cache":
            args.append(str(target))
        result = subprocess.run(args, capture_output=True, timeout=60, check=False)
        if result.returncode == 0:
            ran.append(tool)
        else:
            log.warning("%s exited with %d", tool, result.returncode)
    return tuple(ran)


def install(prefix: Path | None = None, launcher: str | None = None) -> DesktopInstall:
    prefix = prefix or default_prefix()
    launcher = launcher or launcher_command()
    source = resource_dir()
    targets = _targets(prefix)
    entry = (source / "desktop" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    _write(targets["desktop"], _desktop_entry(entry, launcher).encode("utf-8"))
    _write(targets["metainfo"], (source / "desktop" / f"{APP_ID}.metainfo.xml").read_bytes())
    _write(targets["mime"], (source / "desktop" / f"{APP_ID}.mime.xml").read_bytes())
    _write(targets["svg"], (source / "icons" / f"{APP_ID}.svg").read_bytes())
    for n in ICON_SIZES:
        _write(targets[f"png{n}"], (source / "icons" / f"reflectdesk-{n}.png").read_bytes())
    return DesktopInstall(prefix, launcher, tuple(targets.values()), _refresh(prefix))


def uninstall(prefix: Path | None = None) -> DesktopInstall:
    prefix = prefix or default_prefix()
    removed: list[Path] = []
    for path in _targets(prefix).values():
        try:
            path.unlink()
            removed.append(path)
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise FileUnwritable(str(path)) from exc
    return DesktopInstall(prefix, "", tuple(removed), _refresh(prefix))
