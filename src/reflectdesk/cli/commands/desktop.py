"""desktop install | uninstall: the launcher, icons and file types, per user (no root)."""

from __future__ import annotations

import argparse
from pathlib import Path

from reflectdesk.cli.session import CliContext
from reflectdesk.i18n_marker import QT_TRANSLATE_NOOP
from reflectdesk.services import desktop


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("desktop", help="desktop integration (Linux, per user)")
    dsub = p.add_subparsers(dest="desktop_cmd", required=True)
    for name, handler, text in (
        ("install", cmd_install, "install the launcher, icons and .rdbundle/.rdcard types"),
        ("uninstall", cmd_uninstall, "remove what `desktop install` installed"),
    ):
        c = dsub.add_parser(name, help=text)
        c.add_argument(
            "--prefix", default=None, help="data folder (default: $XDG_DATA_HOME or ~/.local/share)"
        )
        c.add_argument("--json", action="store_true")
        c.set_defaults(handler=handler)


def _report(ctx: CliContext, args: argparse.Namespace, result: desktop.DesktopInstall) -> None:
    if args.json:
        ctx.emit_json(
            {
                "prefix": str(result.prefix),
                "exec": result.launcher,
                "files": [str(p) for p in result.files],
                "refreshed": list(result.refreshed),
            }
        )
        return
    for path in result.files:
        ctx.out.write(f"{path}\n")


def cmd_install(args: argparse.Namespace, ctx: CliContext) -> int:
    prefix = Path(args.prefix).expanduser() if args.prefix else None
    result = desktop.install(prefix)
    _report(ctx, args, result)
    if not args.json:
        ctx.say(
            "Cli",
            QT_TRANSLATE_NOOP(
                "Cli",
                "ReflectDesk is in the applications menu; .rdbundle and .rdcard files open "
                "with it ({count} files in {path}).",
            ),
            count=len(result.files),
            path=result.prefix,
        )
    return 0


def cmd_uninstall(args: argparse.Namespace, ctx: CliContext) -> int:
    prefix = Path(args.prefix).expanduser() if args.prefix else None
    result = desktop.uninstall(prefix)
    _report(ctx, args, result)
    if not args.json:
        ctx.say(
            "Cli",
            QT_TRANSLATE_NOOP("Cli", "Desktop integration removed ({count} files)."),
            count=len(result.files),
        )
    return 0
