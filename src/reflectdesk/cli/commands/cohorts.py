"""cohort create | list | add | remove | rename | delete (issue 14, point 4).

A cohort is a named group of contacts. ``bundle import DIR --cohort NAME`` makes one
(or adds to it) from the senders of a batch.
"""

from __future__ import annotations

import argparse

from reflectdesk.cli.session import CliContext
from reflectdesk.domain.cohorts import Cohort
from reflectdesk.errors import CohortNotFound
from reflectdesk.i18n_marker import QT_TRANSLATE_NOOP
from reflectdesk.services.vault import Vault


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("cohort", help="named groups of contacts (a course section)")
    csub = p.add_subparsers(dest="cohort_cmd", required=True)
    c = csub.add_parser("create", help="create a cohort and print its id")
    c.add_argument("name")
    c.add_argument("contacts", nargs="*", metavar="CONTACT")
    c.set_defaults(handler=cmd_create)
    c = csub.add_parser("list", help="list cohorts and their members")
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=cmd_list)
    c = csub.add_parser("add", help="add contacts to a cohort")
    c.add_argument("cohort")
    c.add_argument("contacts", nargs="+", metavar="CONTACT")
    c.set_defaults(handler=cmd_add)
    c = csub.add_parser("remove", help="remove contacts from a cohort (they stay contacts)")
    c.add_argument("cohort")
    c.add_argument("contacts", nargs="+", metavar="CONTACT")
    c.set_defaults(handler=cmd_remove)
    c = csub.add_parser("rename", help="rename a cohort")
    c.add_argument("cohort")
    c.add_argument("name")
    c.set_defaults(handler=cmd_rename)
    c = csub.add_parser("delete", help="delete a cohort (its contacts stay)")
    c.add_argument("cohort")
    c.set_defaults(handler=cmd_delete)


def _contacts(vault: Vault, refs: list[str]) -> list[str]:
    return [vault.contacts.resolve(ref).id for ref in refs]


def add_senders(ctx: CliContext, vault: Vault, name: str, contact_ids: tuple[str, ...]) -> Cohort:
    """The senders of a batch into the cohort ``name`` (made if there is none)."""
    try:
        cohort = vault.cohorts.add_members(vault.cohorts.resolve(name).id, contact_ids)
    except CohortNotFound:
        cohort = vault.cohorts.create(name, contact_ids)
    ctx.say(
        "Cli",
        QT_TRANSLATE_NOOP("Cli", "Cohort {name}: {count} members."),
        name=cohort.name,
        count=cohort.size,
    )
    return cohort


def cmd_create(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    cohort = vault.cohorts.create(args.name, _contacts(vault, args.contacts))
    ctx.out.write(cohort.id + "\n")
    return 0


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    cohorts = vault.cohorts.list()
    names = {c.id: c.name for c in vault.contacts.list()}
    if args.json:
        ctx.emit_json(
            [
                {
                    "id": c.id,
                    "name": c.name,
                    "created_at": c.created_at.isoformat(),
                    "members": [{"id": m, "name": names.get(m)} for m in c.member_ids],
                }
                for c in cohorts
            ]
        )
        return 0
    if not cohorts:
        ctx.say("Cli", QT_TRANSLATE_NOOP("Cli", "No cohorts yet. Create one with 'cohort create'."))
    for c in cohorts:
        ctx.out.write(f"{c.id}  {c.name}  ({c.size})\n")
        for m in c.member_ids:
            ctx.out.write(f"    {m}  {names.get(m, '?')}\n")
    return 0


def _say_members(ctx: CliContext, cohort: Cohort) -> None:
    ctx.say(
        "Cli",
        QT_TRANSLATE_NOOP("Cli", "Cohort {name}: {count} members."),
        name=cohort.name,
        count=cohort.size,
    )


def cmd_add(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    cohort = vault.cohorts.resolve(args.cohort)
    _say_members(ctx, vault.cohorts.add_members(cohort.id, _contacts(vault, args.contacts)))
    return 0


def cmd_remove(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    cohort = vault.cohorts.resolve(args.cohort)
    _say_members(ctx, vault.cohorts.remove_members(cohort.id, _contacts(vault, args.contacts)))
    return 0


def cmd_rename(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    cohort = vault.cohorts.rename(vault.cohorts.resolve(args.cohort).id, args.name)
    _say_members(ctx, cohort)
    return 0


def cmd_delete(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    vault.cohorts.delete(vault.cohorts.resolve(args.cohort).id)
    return 0
