"""init, status, passphrase change, recover."""

from __future__ import annotations

import argparse
from pathlib import Path

from reflectdesk.cli.session import CliContext, read_secret_file
from reflectdesk.domain.model import Role
from reflectdesk.errors import InvalidValue
from reflectdesk.i18n_marker import QT_TRANSLATE_NOOP
from reflectdesk.services.vault import KdfParams, NewProfile, Vault


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("init", help="create a new vault and profile")
    p.add_argument("--name", required=True)
    p.add_argument("--role", required=True, choices=[r.value for r in Role])
    p.add_argument("--institution", default="")
    p.add_argument("--profile-lang", dest="profile_lang", choices=["es", "en"], default=None)
    # Explicit opt-in for test suites only: weak KDF parameters. Never a default.
    p.add_argument("--insecure-test-kdf", action="store_true", help=argparse.SUPPRESS)
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("status", help="show the vault's profile and counts")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_status)

    p = sub.add_parser("passphrase", help="passphrase commands")
    psub = p.add_subparsers(dest="passphrase_cmd", required=True)
    c = psub.add_parser(
        "change",
        help="change the passphrase (re-wraps the data key)",
        description=(
            "Changes the passphrase that opens this vault. The data key stays the same: "
            "a copy of the vault made before the change (a backup, a copied folder) still "
            "opens with the old passphrase. If someone may know the old passphrase and "
            "have such a copy, it stays readable to them (docs/threat-model.md)."
        ),
    )
    c.add_argument("--new-passphrase-file", default=None)
    c.set_defaults(handler=cmd_passphrase_change)

    p = sub.add_parser(
        "recover",
        help="set a new passphrase with the recovery key; 'recover rotate': a new recovery key",
    )
    p.add_argument("--recovery-key-file", default=None, help="required unless 'rotate'")
    p.add_argument("--new-passphrase-file", default=None)
    p.set_defaults(handler=cmd_recover)
    rsub = p.add_subparsers(dest="recover_cmd", required=False)
    c = rsub.add_parser(
        "rotate",
        help="replace the recovery key: the new one is shown once, the old one stops working",
        description=(
            "Makes a new recovery key and shows it once; the old one no longer opens this "
            "vault. Asks for the passphrase. Copies of the vault made before (backups) "
            "still open with the old recovery key (docs/threat-model.md)."
        ),
    )
    c.set_defaults(handler=cmd_recover_rotate)


def cmd_init(args: argparse.Namespace, ctx: CliContext) -> int:
    passphrase = (
        ctx.new_passphrase()
        if not (args.passphrase_file or _env_has_passphrase())
        else ctx.passphrase()
    )
    kdf = KdfParams.insecure_for_tests() if args.insecure_test_kdf else None
    vault, recovery_key = Vault.create(
        ctx.vault_dir,
        passphrase,
        NewProfile(
            name=args.name,
            role=Role(args.role),
            lang=args.profile_lang or ctx.lang,
            institution=args.institution,
        ),
        kdf_params=kdf,
        progress=ctx.progress(),
    )
    vault.close()
    ctx.say("Cli", QT_TRANSLATE_NOOP("Cli", "Vault created in {path}."), path=ctx.vault_dir)
    ctx.say(
        "Cli",
        QT_TRANSLATE_NOOP(
            "Cli",
            "Your recovery key is shown only this once. Write it down or print it and keep "
            "it somewhere safe; it is the only way back in if you forget your passphrase:",
        ),
    )
    ctx.out.write(f"\n    {recovery_key}\n\n")
    return 0


def _env_has_passphrase() -> bool:
    import os

    return "REFLECTDESK_PASSPHRASE" in os.environ


def cmd_status(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    profile = vault.profile
    info = {
        "vault": str(vault.path),
        "vault_id": vault.vault_id,
        "name": profile.name,
        "role": profile.role.value,
        "lang": profile.lang,
        "journals": len(vault.journals.list()),
        "entries": vault.entries.count(),
        "kdf": {
            "memory_kib": vault.kdf_params.memory_kib,
            "iterations": vault.kdf_params.iterations,
            "lanes": vault.kdf_params.lanes,
        },
    }
    if args.json:
        ctx.emit_json(info)
    else:
        for key, value in info.items():
            ctx.out.write(f"{key}: {value}\n")
    return 0


def cmd_passphrase_change(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = Vault.open(ctx.vault_dir)
    try:
        old = ctx.passphrase()
        new = ctx.new_passphrase()
        vault.change_passphrase(old, new, progress=ctx.progress())
    finally:
        vault.close()
    ctx.say("Cli", QT_TRANSLATE_NOOP("Cli", "Passphrase changed."))
    return 0


def cmd_recover(args: argparse.Namespace, ctx: CliContext) -> int:
    if not args.recovery_key_file:
        raise InvalidValue("--recovery-key-file")
    key_text = read_secret_file(Path(args.recovery_key_file))
    vault = Vault.open(ctx.vault_dir)
    try:
        new = ctx.new_passphrase()
        vault.recover(key_text, new, progress=ctx.progress())
    finally:
        vault.close()
    ctx.say("Cli", QT_TRANSLATE_NOOP("Cli", "Vault recovered; the new passphrase is set."))
    return 0


def cmd_recover_rotate(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = Vault.open(ctx.vault_dir)
    try:
        key = vault.rotate_recovery_key(ctx.passphrase(), progress=ctx.progress())
    finally:
        vault.close()
    ctx.say(
        "Cli",
        QT_TRANSLATE_NOOP(
            "Cli",
            "Your old recovery key no longer opens this vault. The new one is shown only "
            "this once. Write it down or print it and keep it somewhere safe:",
        ),
    )
    ctx.out.write(f"\n    {key}\n\n")
    ctx.say(
        "Cli",
        QT_TRANSLATE_NOOP(
            "Cli",
            "Copies of the vault made before now (backups) still open with the old recovery key.",
        ),
    )
    return 0
