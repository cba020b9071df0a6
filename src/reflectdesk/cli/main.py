"""Entry point of ``reflectdesk-cli`` (and ``python -m reflectdesk.cli``).

Exit codes (docs/cli.md): 0 ok, 1 internal error, 2 usage, 3 wrong passphrase or
recovery key, 4 not found, 5 vault problem, 6 invalid input, 7 bundle or contact,
8 file or disk, 9 cancelled, 10 network.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reflectdesk import __version__
from reflectdesk.errors import (
    EXIT_CANCELLED,
    EXIT_INTERNAL,
    EXIT_USAGE,
    InstallationDamaged,
    ReflectDeskError,
)
from reflectdesk.i18n import Translator, detect_language
from reflectdesk.i18n_marker import QT_TRANSLATE_NOOP
from reflectdesk.resources import damaged_resources

if TYPE_CHECKING:
    from reflectdesk.cli.session import CliContext

log = logging.getLogger("reflectdesk.cli")


def _command_modules() -> list[object]:
    from reflectdesk.cli.commands import entries, journals, search, vault

    modules: list[object] = [vault, journals, entries, search]
    for name in (
        "templates",
        "identity",
        "contacts",
        "bundles",
        "cohorts",
        "case",
        "review",
        "sync",
        "desktop",
        "backup",
    ):
        try:
            modules.append(__import__(f"reflectdesk.cli.commands.{name}", fromlist=["register"]))
        except ModuleNotFoundError as exc:
            if exc.name != f"reflectdesk.cli.commands.{name}":
                raise
    return modules


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # argparse's own wording, exit code 2, no traceback.
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: {message}\n")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reflectdesk-cli",
        description="ReflectDesk: encrypted practicum reflection journals.",
    )
    parser.add_argument("--version", action="version", version=f"ReflectDesk {__version__}")
    parser.add_argument(
        "--vault",
        default=None,
        help="vault folder (default: vault/ in $REFLECTDESK_HOME or in the user data folder)",
    )
    parser.add_argument(
        "--passphrase-file",
        default=None,
        help="read the passphrase from this file (or $REFLECTDESK_PASSPHRASE)",
    )
    parser.add_argument("--lang", default=None, choices=["es", "en"], help="message language")
    parser.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for module in _command_modules():
        module.register(sub)  # type: ignore[attr-defined]
    return parser


def report_error(ctx: CliContext, err: ReflectDeskError) -> None:
    message = ctx.translate("Errors", err.message, **err.params)
    hint = ctx.translate("Errors", err.hint, **err.params)
    label = ctx.translate("Cli", QT_TRANSLATE_NOOP("Cli", "Error"))
    detail = f" ({err.detail})" if err.detail else ""
    ctx.err.write(f"{label}: {message}{detail}\n{hint}\n")


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    if given == ["--version"]:
        # Answered before the command modules (and the services they import) load.
        sys.stdout.write(f"ReflectDesk {__version__}\n")
        return 0
    from reflectdesk.cli.session import CliContext  # imports the services: not for --version

    parser = build_parser()
    args = parser.parse_args(given)
    # Users read the translated message and hint; log lines (codes and ids only) are
    # for --debug, so a refused bundle is not reported twice.
    level = logging.DEBUG if args.debug else logging.ERROR
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    lang = detect_language(args.lang)
    ctx = CliContext(args=args, translate=Translator(lang), lang=lang)
    said: set[str] = set()
    try:
        code: int = args.handler(args, ctx)
        return code
    except ReflectDeskError as err:
        log.debug("command failed: %s", err.code)
        report_error(ctx, err)
        if isinstance(err, InstallationDamaged):
            said.add(str(err.params.get("file", "")))
        return err.exit_code
    except KeyboardInterrupt:
        return EXIT_CANCELLED
    except Exception as exc:
        # Never a traceback for users; the type name only (messages may hold text).
        if args.debug:
            raise
        ctx.err.write(
            ctx.translate(
                "Cli",
                QT_TRANSLATE_NOOP(
                    "Cli", "Internal error ({kind}). Nothing was changed; please report it."
                ),
                kind=type(exc).__name__,
            )
            + "\n"
        )
        return EXIT_INTERNAL
    finally:
        ctx.close()
        report_damaged_install(ctx, said)


def report_damaged_install(ctx: CliContext, said: set[str]) -> None:
    """A broken install (a deleted or truncated shipped file) is named once, with the fix."""
    for name in damaged_resources():
        if name not in said:
            err = InstallationDamaged(file=name)
            message = ctx.translate("Errors", err.message, **err.params)
            hint = ctx.translate("Errors", err.hint, **err.params)
            label = ctx.translate("Cli", QT_TRANSLATE_NOOP("Cli", "Warning"))
            ctx.err.write(f"{label}: {message}\n{hint}\n")


if __name__ == "__main__":
    sys.exit(main())
