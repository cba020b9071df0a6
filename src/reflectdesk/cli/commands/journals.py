"""journal create | list."""

from __future__ import annotations

import argparse

from reflectdesk.cli.session import CliContext
from reflectdesk.domain.model import Journal, Space
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


def _label(title: str, sender: str | None) -> str:
    """A received journal names its sender first, as the sidebar does: its title is the
    sender's to choose, and may be another student's name (attack3, 03 Dec)."""
    if sender is None or title.strip() in ("", sender):
        return title if sender is None else sender
    return f"{sender} — {title}"


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    journals = vault.journals.list()
    names = {c.id: c.name for c in vault.contacts.list()}

    def sender(j: Journal) -> str | None:
        if j.space is not Space.RECEIVED:
            return None
        return names.get(j.author_contact_id or "", "?")

    if args.json:
        ctx.emit_json(
            [
                {
                    "id": j.id,
                    "title": j.title,
                    "description": j.description,
                    "space": j.space.value,
                    "sender": sender(j),
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
        ctx.out.write(f"{j.id}  {_label(j.title, sender(j))}\n")
    return 0
