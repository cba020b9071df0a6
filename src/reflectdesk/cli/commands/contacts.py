"""contact import | list | show | safety-number | verify | revoke."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from reflectdesk.cli.session import CliContext
from reflectdesk.domain.model import CardAction, CardPreview, Contact
from reflectdesk.errors import ConfirmationRequired
from reflectdesk.i18n_marker import QT_TRANSLATE_NOOP
from reflectdesk.services.contacts import read_card_file

# What an import of a card does, said to the user (keys: CardAction values).
ACTION_TEXT = {
    CardAction.NEW: QT_TRANSLATE_NOOP("Cli", "New contact (not verified yet)."),
    CardAction.UNCHANGED: QT_TRANSLATE_NOOP("Cli", "You already have this card."),
    CardAction.RENEWAL: QT_TRANSLATE_NOOP("Cli", "A newer card of a contact, signed by their key."),
    CardAction.ROTATION: QT_TRANSLATE_NOOP(
        "Cli",
        "New key, vouched by the old one: the contact's previous key signed this card. "
        "Whoever holds the old key could have made it, so the contact is not verified "
        "until you compare the new safety number with the person.",
    ),
    CardAction.OUTDATED: QT_TRANSLATE_NOOP(
        "Cli", "You already have a newer card for this contact; nothing changes."
    ),
    CardAction.KEY_CHANGE: QT_TRANSLATE_NOOP(
        "Cli",
        "WARNING: other keys for this contact, not signed by the keys you have. Compare the "
        "safety number with the person before you accept them.",
    ),
    CardAction.SAME_NAME: QT_TRANSLATE_NOOP(
        "Cli",
        "WARNING: you already have a contact with this name but other keys. It will be added "
        "as a separate contact; compare the safety number with the person first.",
    ),
    CardAction.REVOKED_KEY: QT_TRANSLATE_NOOP(
        "Cli", "The key on this card, or the key that vouched for it, was revoked."
    ),
    CardAction.RETIRED_KEY: QT_TRANSLATE_NOOP(
        "Cli", "This card is for, or signed by, a key this contact has already replaced."
    ),
    CardAction.REVOCATION: QT_TRANSLATE_NOOP(
        "Cli",
        "A revocation: this key, and every newer key it vouched for, will no longer be "
        "trusted; bundles they signed from the revocation's date on are refused.",
    ),
    CardAction.REVOCATION_UNKNOWN: QT_TRANSLATE_NOOP(
        "Cli",
        "A revocation of a key none of your contacts has. It is kept: a card or bundle with "
        "that key, or vouched for by it, will be refused.",
    ),
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("contact", help="contacts: cards, safety numbers, verification")
    csub = p.add_subparsers(dest="contact_cmd", required=True)

    c = csub.add_parser("import", help="import a contact card or a key revocation")
    c.add_argument("card")
    c.add_argument("--replaces", default=None, metavar="CONTACT", help="a new card of this contact")
    c.add_argument("--yes", action="store_true", help="accept a warning without asking")
    c.add_argument(
        "--accept-rename",
        action="store_true",
        help="accept a new name, role or institution for a contact you have",
    )
    c.set_defaults(handler=cmd_import)

    c = csub.add_parser("list", help="list contacts")
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=cmd_list)

    c = csub.add_parser("show", help="show a contact")
    c.add_argument("id")
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=cmd_show)

    c = csub.add_parser("safety-number", help="the safety number to compare with a contact")
    c.add_argument("id")
    c.set_defaults(handler=cmd_safety_number)

    c = csub.add_parser("verify", help="mark a contact verified after comparing safety numbers")
    c.add_argument("id")
    c.add_argument(
        "--safety-number", default=None, metavar="DIGITS", help="what the contact's screen shows"
    )
    c.add_argument("--yes", action="store_true", help="the numbers match; do not ask")
    c.set_defaults(handler=cmd_verify)

    c = csub.add_parser("revoke", help="stop trusting a contact's key")
    c.add_argument("id")
    c.set_defaults(handler=cmd_revoke)


def ask(ctx: CliContext, question: str) -> bool:
    """A yes/no question on a terminal; False (and no question) otherwise."""
    if not sys.stdin.isatty():
        return False
    ctx.out.write(question + " [y/N] ")
    ctx.out.flush()
    answer = sys.stdin.readline().strip().casefold()
    return answer in ("y", "yes", "s", "si", "sí")


def contact_json(c: Contact) -> dict[str, Any]:
    return {
        "id": c.id,
        "name": c.name,
        "role": c.card.role.value,
        "institution": c.card.institution,
        "key_id": c.key_id,
        "age_recipient": c.card.age_recipient,
        "verified": c.verified,
        "vouched": c.vouched,
        "revoked": c.revoked,
        "key_changed": c.key_changed,
        "card_created": c.card.created.isoformat(),
        "card_expires": c.card.expires.isoformat(),
    }


def _say_preview(ctx: CliContext, preview: CardPreview) -> None:
    if preview.name:
        role = preview.role.value if preview.role else ""
        ctx.out.write(
            f"{preview.name}  ({role}{', ' + preview.institution if preview.institution else ''})\n"
        )
    ctx.say("Cli", QT_TRANSLATE_NOOP("Cli", "Key id: {key_id}"), key_id=preview.key_id)
    ctx.say("Cli", QT_TRANSLATE_NOOP("Cli", "Safety number:"))
    ctx.out.write(f"    {preview.safety_number}\n")
    ctx.say("Cli", ACTION_TEXT[preview.action])
    if preview.vouched:
        ctx.say(
            "Cli",
            QT_TRANSLATE_NOOP(
                "Cli", "The contact was verified; it will be 'vouched' (not verified) now."
            ),
        )
    if preview.renamed_from is not None:
        old_name, old_role, old_institution = preview.renamed_from
        ctx.say(
            "Cli",
            QT_TRANSLATE_NOOP(
                "Cli", "WARNING: this card changes what you confirmed about this contact:"
            ),
        )
        role = preview.role.value if preview.role else ""
        for before, after in (
            (old_name, preview.name),
            (old_role.value, role),
            (old_institution, preview.institution),
        ):
            if before != after:
                ctx.out.write(f"    {before} -> {after}\n")
    if preview.look_alike:
        ctx.say(
            "Cli",
            QT_TRANSLATE_NOOP("Cli", "WARNING: this name looks like that of your contact {name}."),
            name=preview.look_alike,
        )


def cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    data = read_card_file(Path(args.card))
    replaces = vault.contacts.resolve(args.replaces).id if args.replaces else None
    preview = vault.contacts.preview_card(data, replaces=replaces)
    _say_preview(ctx, preview)
    confirm = args.yes
    if preview.needs_confirmation and not confirm:
        confirm = ask(ctx, ctx.translate("Cli", QT_TRANSLATE_NOOP("Cli", "Accept this card?")))
    result = vault.contacts.import_card(
        data, replaces=replaces, confirm=confirm, accept_rename=args.accept_rename
    )
    if result.contact is not None and result.action not in (
        CardAction.UNCHANGED,
        CardAction.OUTDATED,
    ):
        ctx.out.write(result.contact.id + "\n")
    return 0


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    contacts = ctx.open_vault().contacts.list()
    if args.json:
        ctx.emit_json([contact_json(c) for c in contacts])
        return 0
    if not contacts:
        ctx.say(
            "Cli", QT_TRANSLATE_NOOP("Cli", "No contacts yet. Import a card with 'contact import'.")
        )
    for c in contacts:
        flags = []
        if c.verified:
            flags.append(ctx.translate("Cli", QT_TRANSLATE_NOOP("Cli", "verified")))
        if c.vouched:
            flags.append(ctx.translate("Cli", QT_TRANSLATE_NOOP("Cli", "vouched by an old key")))
        if c.revoked:
            flags.append(ctx.translate("Cli", QT_TRANSLATE_NOOP("Cli", "revoked")))
        if c.key_changed:
            flags.append(ctx.translate("Cli", QT_TRANSLATE_NOOP("Cli", "keys changed")))
        ctx.out.write(f"{c.id}  {c.key_id}  {c.name}  [{', '.join(flags)}]\n".replace("  []", ""))
    return 0


def cmd_show(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    contact = vault.contacts.resolve(args.id)
    data = contact_json(contact)
    data["safety_number"] = vault.contacts.safety_number(contact.id)
    if args.json:
        ctx.emit_json(data)
    else:
        for key, value in data.items():
            ctx.out.write(f"{key}: {value}\n")
    return 0


def cmd_safety_number(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    contact = vault.contacts.resolve(args.id)
    ctx.out.write(vault.contacts.safety_number(contact.id) + "\n")
    return 0


def cmd_verify(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    contact = vault.contacts.resolve(args.id)
    if args.safety_number is None:
        ctx.say(
            "Cli",
            QT_TRANSLATE_NOOP(
                "Cli",
                "Compare this safety number with the one {name} sees (in person or by phone):",
            ),
            name=contact.name,
        )
        ctx.out.write(f"    {vault.contacts.safety_number(contact.id)}\n")
        if not args.yes and not ask(
            ctx, ctx.translate("Cli", QT_TRANSLATE_NOOP("Cli", "Do the numbers match exactly?"))
        ):
            raise ConfirmationRequired(contact.id)
    vault.contacts.verify(contact.id, args.safety_number)
    ctx.say("Cli", QT_TRANSLATE_NOOP("Cli", "{name} is verified."), name=contact.name)
    return 0


def cmd_revoke(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    contact = vault.contacts.revoke(vault.contacts.resolve(args.id).id)
    ctx.say(
        "Cli",
        QT_TRANSLATE_NOOP(
            "Cli",
            "{name}'s keys are revoked: their bundles are refused and nothing is sent to them.",
        ),
        name=contact.name,
    )
    return 0
