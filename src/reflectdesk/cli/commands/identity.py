"""identity show | export-age | export-minisign-pub | card | rotate | revocation."""

from __future__ import annotations

import argparse
from pathlib import Path

from reflectdesk.atomic_files import AtomicFile, atomic_write
from reflectdesk.cli.commands.contacts import ask
from reflectdesk.cli.session import CliContext
from reflectdesk.errors import ConfirmationRequired, FileUnwritable
from reflectdesk.i18n_marker import QT_TRANSLATE_NOOP
from reflectdesk.services.identity import DEFAULT_CARD_DAYS, RevocationReason


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("identity", help="your key pair and contact card")
    isub = p.add_subparsers(dest="identity_cmd", required=True)

    c = isub.add_parser("show", help="show your public keys")
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=cmd_show)

    c = isub.add_parser("export-age", help="write your SECRET age identity file (age -d -i)")
    c.add_argument("file")
    c.set_defaults(handler=cmd_export_age)

    c = isub.add_parser("export-minisign-pub", help="write your minisign public key file")
    c.add_argument("file")
    c.set_defaults(handler=cmd_export_minisign)

    c = isub.add_parser("card", help="write your contact card (.rdcard), optionally as QR code")
    c.add_argument("-o", "--output", required=True, metavar="FILE")
    c.add_argument("--qr-svg", default=None, metavar="FILE")
    c.add_argument("--qr-png", default=None, metavar="FILE")
    c.add_argument("--institution", default=None)
    c.add_argument("--valid-days", type=int, default=DEFAULT_CARD_DAYS)
    c.set_defaults(handler=cmd_card)

    c = isub.add_parser(
        "rotate", help="make a new key pair and write its card (old bundles still open)"
    )
    c.add_argument("-o", "--output", required=True, metavar="FILE")
    c.add_argument(
        "--no-vouch",
        action="store_true",
        help="do not sign the new card with the old key (it was lost or revoked)",
    )
    c.add_argument("--institution", default=None)
    c.add_argument("--valid-days", type=int, default=DEFAULT_CARD_DAYS)
    c.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    c.set_defaults(handler=cmd_rotate)

    c = isub.add_parser("revocation", help="write a revocation of your key pair")
    c.add_argument("-o", "--output", required=True, metavar="FILE")
    c.add_argument(
        "--reason",
        choices=[r.value for r in RevocationReason],
        default=RevocationReason.UNSPECIFIED.value,
    )
    c.set_defaults(handler=cmd_revocation)


def cmd_show(args: argparse.Namespace, ctx: CliContext) -> int:
    info = ctx.open_vault().identity.info()
    data = {
        "key_id": info.key_id,
        "age_recipient": info.age_recipient,
        "signing_key": info.signing_key,
        "minisign_key_id": info.minisign_key_id,
        "created_at": info.created_at.isoformat(),
    }
    if args.json:
        ctx.emit_json(data)
    else:
        for key, value in data.items():
            ctx.out.write(f"{key}: {value}\n")
    return 0


def cmd_export_age(args: argparse.Namespace, ctx: CliContext) -> int:
    ctx.open_vault().identity.export_age_identity(Path(args.file))
    ctx.say(
        "Cli",
        QT_TRANSLATE_NOOP(
            "Cli",
            "Wrote your secret age key to {path}. Anyone with this file can read the bundles "
            "sent to you: keep it private and delete it when you are done.",
        ),
        path=args.file,
    )
    return 0


def cmd_export_minisign(args: argparse.Namespace, ctx: CliContext) -> int:
    ctx.open_vault().identity.export_minisign_public_key(Path(args.file))
    ctx.say(
        "Cli", QT_TRANSLATE_NOOP("Cli", "Wrote your minisign public key to {path}."), path=args.file
    )
    return 0


def cmd_card(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    vault.identity.export_card(
        Path(args.output),
        institution=args.institution,
        valid_days=args.valid_days,
        qr_svg=Path(args.qr_svg) if args.qr_svg else None,
        qr_png=Path(args.qr_png) if args.qr_png else None,
    )
    ctx.say(
        "Cli",
        QT_TRANSLATE_NOOP(
            "Cli",
            "Wrote your contact card to {path}. Give it to your contacts, then compare "
            "safety numbers with them ('contact safety-number').",
        ),
        path=args.output,
    )
    return 0


def cmd_rotate(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    if not args.yes and not ask(
        ctx,
        ctx.translate(
            "Cli",
            QT_TRANSLATE_NOOP(
                "Cli",
                "Make a new key pair? Contacts will need the new card to send you bundles.",
            ),
        ),
    ):
        raise ConfirmationRequired("identity rotate")
    # The file first: a destination that cannot be written must not cost a key pair.
    with AtomicFile(Path(args.output), 0o644, FileUnwritable) as out:
        rotation = vault.identity.rotate(
            vouch=not args.no_vouch, institution=args.institution, valid_days=args.valid_days
        )
        out.write(rotation.card)
        out.commit()
    if not rotation.vouched:  # asked for, or the current key was revoked
        text = QT_TRANSLATE_NOOP(
            "Cli",
            "New key pair made; its card is in {path}. Your contacts must import it and "
            "compare safety numbers with you again. Bundles sent to your old key still open.",
        )
    else:
        text = QT_TRANSLATE_NOOP(
            "Cli",
            "New key pair made; its card, signed by your old key too, is in {path}. Give it "
            "to your contacts: they take it without checking again. Bundles sent to your old "
            "key still open.",
        )
    ctx.say("Cli", text, path=args.output)
    return 0


def cmd_revocation(args: argparse.Namespace, ctx: CliContext) -> int:
    data = ctx.open_vault().identity.revocation(RevocationReason(args.reason))
    atomic_write(Path(args.output), data, mode=0o644, error=FileUnwritable)
    ctx.say(
        "Cli",
        QT_TRANSLATE_NOOP(
            "Cli",
            "Wrote a revocation of your keys to {path}. Contacts who import it stop "
            "trusting these keys. Then make new ones with 'identity rotate --no-vouch' and "
            "give your contacts the new card.",
        ),
        path=args.output,
    )
    return 0
