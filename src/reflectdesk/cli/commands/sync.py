"""exchange add | list | remove | password;  sync now | status | log | waiting | accept."""

from __future__ import annotations

import argparse
import getpass
import os
from pathlib import Path
from typing import Any

from reflectdesk import errors
from reflectdesk.cli.commands.bundles import say_preview
from reflectdesk.cli.commands.contacts import ask
from reflectdesk.cli.session import CliContext, read_secret_file
from reflectdesk.domain.sync import ExchangePoint, SyncReport, SyncStatus
from reflectdesk.errors import EXIT_NETWORK, ConfirmationRequired, InvalidValue
from reflectdesk.i18n_marker import QT_TRANSLATE_NOOP
from reflectdesk.services.sync_outbox import QueuedExport

PASSWORD_ENV = "REFLECTDESK_EXCHANGE_PASSWORD"  # noqa: S105 (a variable name)


def error_class(code: str) -> type[errors.ReflectDeskError] | None:
    """The error class with this stable code (sync state keeps codes, not exceptions)."""
    todo: list[type[errors.ReflectDeskError]] = [errors.ReflectDeskError]
    while todo:
        cls = todo.pop()
        if cls.code == code:
            return cls
        todo.extend(cls.__subclasses__())
    return None


def error_text(ctx: CliContext, code: str) -> str:
    cls = error_class(code)
    if cls is None:
        return code
    return ctx.translate("Errors", cls.message) + " " + ctx.translate("Errors", cls.hint)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("exchange", help="exchange points: shared folders and WebDAV servers")
    esub = p.add_subparsers(dest="exchange_cmd", required=True)
    c = esub.add_parser("add", help="add a shared folder or a WebDAV folder")
    c.add_argument("label", help='a name for it, e.g. "Universidad — Nextcloud"')
    where = c.add_mutually_exclusive_group(required=True)
    where.add_argument("--folder", metavar="PATH", help="a shared folder (full path)")
    where.add_argument("--url", metavar="URL", help="a WebDAV folder (https://…)")
    c.add_argument("--user", default="", help="WebDAV user name")
    c.add_argument(
        "--password-file",
        dest="exchange_password_file",
        default=None,
        metavar="FILE",
        help=f"read the app password from this file (or ${PASSWORD_ENV}, or asked)",
    )
    c.add_argument("--ca-file", default=None, metavar="FILE", help="trust this CA certificate")
    c.add_argument(
        "--contact",
        nargs="+",
        action="extend",
        default=[],
        metavar="CONTACT",
        help="contacts reached through it",
    )
    c.set_defaults(handler=cmd_add)

    c = esub.add_parser("list", help="list exchange points")
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=cmd_list)

    c = esub.add_parser("remove", help="remove an exchange point (files on it stay)")
    c.add_argument("id")
    c.add_argument("--force", action="store_true", help="also drop bundles waiting to be sent")
    c.set_defaults(handler=cmd_remove)

    c = esub.add_parser("password", help="store a new app password for a WebDAV point")
    c.add_argument("id")
    c.add_argument("--password-file", dest="exchange_password_file", default=None)
    c.set_defaults(handler=cmd_password)

    c = esub.add_parser("contacts", help="set the contacts reached through a point")
    c.add_argument("id")
    c.add_argument("contacts", nargs="*", metavar="CONTACT")
    c.set_defaults(handler=cmd_contacts)

    p = sub.add_parser("sync", help="send what waits, fetch what arrived")
    ssub = p.add_subparsers(dest="sync_cmd", required=True)
    c = ssub.add_parser("now", help="sync every exchange point now")
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=cmd_now)
    c = ssub.add_parser("status", help="what waits and when the last sync was")
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=cmd_status)
    c = ssub.add_parser("log", help="what each sync did")
    c.add_argument("--point", default=None, metavar="ID")
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=cmd_log)
    c = ssub.add_parser("waiting", help="received bundles waiting for you (not verified)")
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=cmd_waiting)
    c = ssub.add_parser("accept", help="import a waiting bundle after seeing who sent it")
    c.add_argument("id")
    c.add_argument("--yes", action="store_true", help="import without asking")
    c.set_defaults(handler=cmd_accept)
    c = ssub.add_parser("decline", help="drop a waiting bundle (the file on the server stays)")
    c.add_argument("id")
    c.set_defaults(handler=cmd_decline)


def _password(args: argparse.Namespace, ctx: CliContext) -> str:
    if args.exchange_password_file:
        return read_secret_file(Path(args.exchange_password_file))
    env = os.environ.get(PASSWORD_ENV)
    if env is not None:
        return env
    return getpass.getpass(ctx.translate("Cli", QT_TRANSLATE_NOOP("Cli", "App password: ")))


def point_json(p: ExchangePoint) -> dict[str, Any]:
    return {  # never the password
        "id": p.id,
        "kind": p.kind.value,
        "label": p.label,
        "address": p.address,
        "user": p.user,
        "contacts": list(p.contact_ids),
    }


def cmd_add(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    contacts = [vault.contacts.resolve(c).id for c in args.contact]
    if args.folder:
        point = vault.exchange.add_folder(args.label, Path(args.folder).expanduser(), contacts)
    else:
        if not args.user:
            raise InvalidValue("--user")
        point = vault.exchange.add_webdav(
            args.label,
            args.url,
            args.user,
            _password(args, ctx),
            contacts,
            ca_file=Path(args.ca_file) if args.ca_file else None,
        )
    ctx.say(
        "Cli",
        QT_TRANSLATE_NOOP(
            "Cli", "Exchange point added. Nothing is sent until you run 'sync now' or the app does."
        ),
    )
    ctx.out.write(point.id + "\n")
    return 0


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    points = vault.exchange.list()
    if args.json:
        ctx.emit_json([point_json(p) for p in points])
        return 0
    if not points:
        ctx.say(
            "Cli",
            QT_TRANSLATE_NOOP(
                "Cli", "No exchange points: nothing is ever sent. Add one with 'exchange add'."
            ),
        )
    names = {c.id: c.name for c in vault.contacts.list()}
    for p in points:
        who = ", ".join(names.get(c, c) for c in p.contact_ids) or "-"
        ctx.out.write(f"{p.id}  {p.label}  [{p.kind.value}] {p.address}\n    {who}\n")
    return 0


def cmd_remove(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    vault.exchange.remove(vault.exchange.get(args.id).id, force=args.force)
    ctx.say(
        "Cli",
        QT_TRANSLATE_NOOP("Cli", "Exchange point removed. Files on it were left as they are."),
    )
    return 0


def cmd_password(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    vault.exchange.set_password(vault.exchange.get(args.id).id, _password(args, ctx))
    ctx.say("Cli", QT_TRANSLATE_NOOP("Cli", "The new app password is stored (encrypted)."))
    return 0


def cmd_contacts(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    contacts = [vault.contacts.resolve(c).id for c in args.contacts]
    vault.exchange.set_contacts(vault.exchange.get(args.id).id, contacts)
    return 0


def status_json(status: SyncStatus) -> dict[str, Any]:
    return {
        "configured": status.configured,
        "pending": status.pending,
        "waiting": status.waiting,
        "offline": status.offline,
        "last_sync": status.last_sync.isoformat() if status.last_sync else None,
        "last_error": status.last_error or None,
        "points": [
            {
                "id": p.point_id,
                "label": p.label,
                "pending": p.pending,
                "waiting": p.waiting,
                "last_sync": p.last_sync.isoformat() if p.last_sync else None,
                "last_error": p.last_error or None,
                "offline": p.offline,
            }
            for p in status.points
        ],
    }


def say_status(ctx: CliContext, status: SyncStatus) -> None:
    if not status.configured:
        ctx.say(
            "Cli",
            QT_TRANSLATE_NOOP(
                "Cli", "No exchange points: nothing is ever sent. Add one with 'exchange add'."
            ),
        )
        return
    for p in status.points:
        when = p.last_sync.astimezone().strftime("%Y-%m-%d %H:%M") if p.last_sync else "-"
        if p.offline:
            line = ctx.translate(
                "Cli",
                QT_TRANSLATE_NOOP("Cli", "{label}: offline, {count} waiting"),
                label=p.label,
                count=p.pending,
            )
        else:
            line = ctx.translate(
                "Cli",
                QT_TRANSLATE_NOOP("Cli", "{label}: {count} waiting to be sent"),
                label=p.label,
                count=p.pending,
            )
        last = ctx.translate("Cli", QT_TRANSLATE_NOOP("Cli", "last sync: {when}"), when=when)
        ctx.out.write(f"{line}; {last}\n")
        if p.last_error and not p.offline:
            ctx.out.write("    " + error_text(ctx, p.last_error) + "\n")
    if status.waiting:
        ctx.say(
            "Cli",
            QT_TRANSLATE_NOOP(
                "Cli",
                "Received from people not verified, waiting for you: {count} ('sync waiting').",
            ),
            count=status.waiting,
        )


def report_json(report: SyncReport) -> dict[str, Any]:
    return {
        "sent": report.sent,
        "received": report.received,
        "waiting": report.waiting,
        "skipped": report.skipped,
        "offline": list(report.offline),
        "errors": [{"point": p, "code": c} for p, c in report.errors],
        "status": status_json(report.status) if report.status else None,
    }


def cmd_now(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    report = vault.sync.sync_now(progress=ctx.progress())
    if args.json:
        ctx.emit_json(report_json(report))
    else:
        if report.status is not None and report.status.configured:
            ctx.say(
                "Cli",
                QT_TRANSLATE_NOOP(
                    "Cli", "Sent: {sent}. Imported: {received}. Waiting for you: {waiting}."
                ),
                sent=report.sent,
                received=report.received,
                waiting=report.waiting,
            )
        if report.status is not None:
            say_status(ctx, report.status)
    # Offline is not an error (it is sent later); a server refusing is.
    return EXIT_NETWORK if report.errors else 0


def cmd_status(args: argparse.Namespace, ctx: CliContext) -> int:
    status = ctx.open_vault().sync.status()
    if args.json:
        ctx.emit_json(status_json(status))
    else:
        say_status(ctx, status)
    return 0


def cmd_log(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    point = vault.exchange.get(args.point).id if args.point else None
    entries = vault.sync.log(point)
    if args.json:
        ctx.emit_json(
            [
                {
                    "at": e.at.isoformat(),
                    "point": e.point_id,
                    "event": e.event,
                    "code": e.code or None,
                    "sent": e.sent,
                    "received": e.received,
                    "waiting": e.waiting,
                }
                for e in entries
            ]
        )
        return 0
    for e in entries:
        when = e.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        ctx.out.write(
            f"{when}  {e.point_id[:8]}  {e.event}  {e.code or ''}  "
            f"+{e.sent} / -{e.received} / ?{e.waiting}\n"
        )
    return 0


def cmd_waiting(args: argparse.Namespace, ctx: CliContext) -> int:
    from reflectdesk.cli.commands.bundles import preview_json

    items = ctx.open_vault().sync.waiting()
    if args.json:
        ctx.emit_json(
            [
                {
                    "id": w.id,
                    "point": w.point_id,
                    "at": w.at.isoformat(),
                    "preview": preview_json(w.preview),
                }
                for w in items
            ]
        )
        return 0
    if not items:
        ctx.say("Cli", QT_TRANSLATE_NOOP("Cli", "Nothing is waiting for you."))
    for w in items:
        ctx.out.write(w.id + "\n")
        say_preview(ctx, w.preview)
    return 0


def cmd_accept(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    item = next((w for w in vault.sync.waiting() if w.id.startswith(args.id)), None)
    if item is None:
        raise errors.WaitingBundleNotFound(args.id)
    say_preview(ctx, item.preview)
    if not args.yes and not ask(
        ctx, ctx.translate("Cli", QT_TRANSLATE_NOOP("Cli", "Import this bundle?"))
    ):
        raise ConfirmationRequired("--yes")
    vault.sync.accept(item.id)
    ctx.say("Cli", QT_TRANSLATE_NOOP("Cli", "Imported."))
    return 0


def cmd_decline(args: argparse.Namespace, ctx: CliContext) -> int:
    ctx.open_vault().sync.decline(args.id)
    return 0


def say_queued(ctx: CliContext, queued: QueuedExport) -> None:
    ctx.say(
        "Cli",
        QT_TRANSLATE_NOOP(
            "Cli",
            "Queued a bundle for {points} exchange point(s) (entries: {entries}). It is sent "
            "by 'sync now', or by the app when it is open and online.",
        ),
        points=len(queued.points),
        entries=len(queued.result.entry_ids),
    )
    ctx.out.write(queued.result.bundle_id + "\n")
