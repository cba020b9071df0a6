"""journal create | list."""

from __future__ import annotations

import argparse

from reflectdesk.cli.session import CliContext
from reflectdesk.i18n_marker import QT_TRANSLATE_NOOP


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("journal", help="journal commands")
    jsub = p.add_subparsers(dest="journal_cmd", required=True)
    c = jsub.add_parser("create", help="create a journal and print its id")
    c.add_argument("title")
    c.add_argument("--description", default="", help="the course or practicum")
    c.add_argument("--template", default="", help="the template new entries start with")
    c.set_defaults(handler=cmd_create)
    c = jsub.add_parser("list", help="list journals")
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=cmd_list)


def cmd_create(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    if args.template:
        vault.templates.get(args.template)  # an unknown id is refused before anything
    journal = vault.journals.create(args.title, args.description, args.template)
    ctx.out.write(journal.id + "\n")
    return 0


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    journals = ctx.open_vault().journals.list()
    if args.json:
        ctx.emit_json(
            [
                {
                    "id": j.id,
                    "title": j.title,
                    "description": j.description,
                    "space": j.space.value,
                    "default_template": j.default_template,
                    "created_at": j.created_at.isoformat(),
                }
                for j in journals
            ]
        )
        return 0
    if not journals:
        ctx.say(
            "Cli", QT_TRANSLATE_NOOP("Cli", "No journals yet. Create one with 'journal create'.")
        )
    for j in journals:
        ctx.out.write(f"{j.id}  {j.title}\n")
    return 0
