"""backup create, verify, restore, list (issue 16)."""

from __future__ import annotations

import argparse
from pathlib import Path

from reflectdesk.cli.session import CliContext, read_secret_file
from reflectdesk.i18n_marker import QT_TRANSLATE_NOOP
from reflectdesk.services import backup
from reflectdesk.services.backup import DEFAULT_KEEP, BackupReport


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("backup", help="back up the vault, check a backup, restore one")
    bsub = p.add_subparsers(dest="backup_cmd", required=True)
    c = bsub.add_parser(
        "create",
        help="write a backup of the vault into a folder (keeps the newest N there)",
        description=(
            "Writes one .rdbackup file into DIR: a consistent copy of the vault, still "
            "encrypted, with its header (the passphrase and the recovery key open it). "
            "Safe while the app is open. Older backups of this vault beyond --keep are "
            "deleted from DIR."
        ),
    )
    c.add_argument("dir")
    c.add_argument("--keep", type=int, default=DEFAULT_KEEP)
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=cmd_create)

    for name, helptext in (
        ("verify", "check a backup with the passphrase or the recovery key"),
        ("restore", "make a new vault folder from a backup (never over an existing one)"),
    ):
        c = bsub.add_parser(name, help=helptext)
        c.add_argument("file")
        c.add_argument(
            "--recovery-key-file", default=None, help="open it with the recovery key instead"
        )
        c.add_argument("--json", action="store_true")
        if name == "restore":
            c.add_argument("--to", required=True, help="the new vault folder")
            c.set_defaults(handler=cmd_restore)
        else:
            c.set_defaults(handler=cmd_verify)

    c = bsub.add_parser("list", help="the backups of any vault in a folder, newest first")
    c.add_argument("dir")
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=cmd_list)


def cmd_create(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    info = vault.backups.create(Path(args.dir), keep=args.keep, progress=ctx.progress())
    if args.json:
        ctx.emit_json(
            {"file": str(info.path), "created": info.created.isoformat(), "bytes": info.size}
        )
    else:
        ctx.say("Cli", QT_TRANSLATE_NOOP("Cli", "Backup written: {path}"), path=info.path)
    return 0


def _secrets(args: argparse.Namespace, ctx: CliContext) -> tuple[str | None, str | None]:
    """(passphrase, recovery key): one of them."""
    if args.recovery_key_file:
        return None, read_secret_file(Path(args.recovery_key_file))
    return ctx.passphrase(), None


def _report(ctx: CliContext, report: BackupReport, as_json: bool, **extra: object) -> None:
    if as_json:
        ctx.emit_json(
            {
                "file": str(report.info.path),
                "created": report.info.created.isoformat(),
                "vault_id": report.info.vault_id,
                "counts": report.counts,
                "records_opened": sum(report.records.values()),
                **extra,
            }
        )
        return
    c = report.counts
    ctx.say(
        "Cli",
        QT_TRANSLATE_NOOP(
            "Cli",
            "Backup of {date}: {entries} entries, {revisions} revisions, {attachments} "
            "attachments, {contacts} contacts, {bundles} bundle-log rows.",
        ),
        date=report.info.created.isoformat(),
        entries=c.get("entries", 0),
        revisions=c.get("revisions", 0),
        attachments=c.get("attachments", 0),
        contacts=c.get("contacts", 0),
        bundles=c.get("bundle_log", 0),
    )


def cmd_verify(args: argparse.Namespace, ctx: CliContext) -> int:
    passphrase, key = _secrets(args, ctx)
    report = backup.verify(
        Path(args.file), passphrase=passphrase, recovery_key=key, progress=ctx.progress()
    )
    _report(ctx, report, args.json, ok=True)
    if not args.json:
        ctx.say(
            "Cli",
            QT_TRANSLATE_NOOP(
                "Cli",
                "The backup is whole: every record opens and the vault checks pass.",
            ),
        )
    return 0


def cmd_restore(args: argparse.Namespace, ctx: CliContext) -> int:
    to = Path(args.to)
    passphrase, key = _secrets(args, ctx)
    report = backup.restore(
        Path(args.file), to, passphrase=passphrase, recovery_key=key, progress=ctx.progress()
    )
    _report(ctx, report, args.json, restored_to=str(to.absolute()))
    if not args.json:
        ctx.say(
            "Cli",
            QT_TRANSLATE_NOOP("Cli", "Restored into {path}. Open it with --vault {path}."),
            path=to.absolute(),
        )
    return 0


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    found = backup.list_backups(Path(args.dir))
    if args.json:
        ctx.emit_json(
            [
                {
                    "file": str(i.path),
                    "created": i.created.isoformat(),
                    "vault_id": i.vault_id,
                    "bytes": i.size,
                }
                for i in found
            ]
        )
    else:
        for i in found:
            ctx.out.write(f"{i.created.isoformat()}  {i.size:>12}  {i.path.name}\n")
    return 0
