"""bundle export | withdraw-consent | inspect | import | log."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from reflectdesk.cli.commands.contacts import ask
from reflectdesk.cli.session import CliContext
from reflectdesk.domain.model import (
    AuthorStatus,
    Consent,
    EntryImportStatus,
    ExportRequest,
    ExportResult,
    ImportPreview,
)
from reflectdesk.errors import ConfirmationRequired, InvalidValue, UnknownSender
from reflectdesk.i18n_marker import QT_TRANSLATE_NOOP
from reflectdesk.services.bundle_import import inspect_file
from reflectdesk.services.vault import Vault

CONSENTS = [c.value for c in Consent]

STATUS_TEXT = {
    AuthorStatus.SELF: QT_TRANSLATE_NOOP("Cli", "From: you ({key_id})"),
    AuthorStatus.VERIFIED: QT_TRANSLATE_NOOP("Cli", "From: {name}, verified ({key_id})"),
    AuthorStatus.KNOWN: QT_TRANSLATE_NOOP(
        "Cli", "From: {name}, a contact NOT verified yet ({key_id})"
    ),
    AuthorStatus.UNKNOWN: QT_TRANSLATE_NOOP(
        "Cli", "From: {name}, who is NOT one of your contacts ({key_id})"
    ),
}


def _consent(text: str) -> Consent:
    try:
        return Consent(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"one of: {', '.join(CONSENTS)}") from None


def _entry_consent(text: str) -> tuple[str, Consent]:
    entry_id, sep, level = text.partition("=")
    if not sep or not entry_id:
        raise argparse.ArgumentTypeError("ID=LEVEL")
    return entry_id.strip(), _consent(level.strip())


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("bundle", help="share entries as encrypted, signed bundles")
    bsub = p.add_subparsers(dest="bundle_cmd", required=True)

    c = bsub.add_parser("export", help="write a bundle of entries for some contacts")
    c.add_argument("--to", nargs="+", action="extend", default=[], metavar="CONTACT")
    what = c.add_mutually_exclusive_group(required=True)
    what.add_argument("--entries", nargs="+", action="extend", metavar="ID")
    what.add_argument("--journal", metavar="JOURNAL", help="every entry of this journal")
    what.add_argument(
        "--feedback",
        action="store_true",
        help="your comments, replies and sign-offs on the entries shared with them",
    )
    c.add_argument("--consent", type=_consent, default=Consent.READ, help=", ".join(CONSENTS))
    c.add_argument(
        "--entry-consent",
        type=_entry_consent,
        nargs="+",
        action="extend",
        default=[],
        metavar="ID=LEVEL",
    )
    c.add_argument("--no-attachments", action="store_true")
    c.add_argument("--with-history", action="store_true")
    c.add_argument("-o", "--output", default=None, metavar="FILE_OR_DIR")
    c.add_argument(
        "--send",
        action="store_true",
        help="queue it for the recipients' exchange points instead of writing a file",
    )
    c.set_defaults(handler=cmd_export)

    c = bsub.add_parser("withdraw-consent", help="send a signed withdrawal of research consent")
    c.add_argument("--to", nargs="+", action="extend", default=[], metavar="CONTACT")
    c.add_argument("--entries", nargs="+", action="extend", required=True, metavar="ID")
    c.add_argument("-o", "--output", required=True, metavar="FILE_OR_DIR")
    c.set_defaults(handler=cmd_withdraw)

    c = bsub.add_parser("inspect", help="what a bundle holds, without importing it")
    c.add_argument("file")
    c.add_argument("--json", action="store_true")
    c.add_argument(
        "--header-only", action="store_true", help="do not unlock the vault: header facts only"
    )
    c.set_defaults(handler=cmd_inspect)

    c = bsub.add_parser(
        "import",
        help="import bundles: one file (shows what it holds first), or many files and "
        "folders at once (each on its own, with a report)",
    )
    c.add_argument("paths", nargs="+", metavar="FILE|DIR")
    c.add_argument(
        "--yes",
        action="store_true",
        help="import without asking; in a batch, also the bundles of unknown senders "
        "(after their safety numbers are shown)",
    )
    c.add_argument("--json", action="store_true", help="the batch report as JSON")
    c.add_argument("--csv", default=None, metavar="FILE", help="also save the report as CSV")
    c.add_argument(
        "--cohort", default=None, metavar="NAME", help="put the batch's senders in this cohort"
    )
    c.set_defaults(handler=cmd_import)

    c = bsub.add_parser("log", help="bundles exported and imported")
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=cmd_log)


def _recipients(vault: Vault, refs: list[str]) -> tuple[str, ...]:
    return tuple(vault.contacts.resolve(ref).id for ref in refs)


def _say_exported(ctx: CliContext, result: ExportResult) -> None:
    ctx.say(
        "Cli",
        QT_TRANSLATE_NOOP(
            "Cli", "Wrote a bundle to {path} (entries: {entries}, attachments: {attachments})."
        ),
        entries=len(result.entry_ids),
        attachments=result.attachments,
        path=result.path,
    )
    ctx.out.write(str(result.path) + "\n")


def cmd_export(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    if args.feedback:
        if args.send:  # the same rule as a journal bundle: queued for the exchange points
            from reflectdesk.cli.commands.sync import say_queued

            for queued in vault.sync.queue_feedback(
                _recipients(vault, args.to), progress=ctx.progress()
            ):
                say_queued(ctx, queued)
            return 0
        if not args.output:
            raise InvalidValue("--output or --send")
        results = vault.exports.export_feedback(
            _recipients(vault, args.to), Path(args.output), progress=ctx.progress()
        )
        # One bundle per set of records its recipients can accept (often one for all).
        names = {c.id: c.name for c in vault.contacts.list()}
        for result in results:
            ctx.say(
                "Cli",
                QT_TRANSLATE_NOOP(
                    "Cli", "Wrote a feedback bundle for {names} to {path} (entries: {entries})."
                ),
                names=", ".join(names.get(c, c) for c in result.recipients),
                entries=len(result.entry_ids),
                path=result.path,
            )
            ctx.out.write(str(result.path) + "\n")
        return 0
    journal_id = vault.journals.resolve(args.journal).id if args.journal else None
    entry_consent = dict(args.entry_consent)
    if len(entry_consent) != len(args.entry_consent):
        raise InvalidValue("--entry-consent")
    request = ExportRequest(
        recipients=_recipients(vault, args.to),
        entry_ids=tuple(args.entries or ()),
        journal_id=journal_id,
        consent=args.consent,
        entry_consent=entry_consent,
        attachments=not args.no_attachments,
        history=args.with_history,
    )
    if args.send:  # sync (issue 17): the outbox, sent by 'sync now' or the app
        from reflectdesk.cli.commands.sync import say_queued

        say_queued(ctx, vault.sync.queue_export(request, progress=ctx.progress()))
        return 0
    if not args.output:
        raise InvalidValue("--output or --send")
    result = vault.exports.export(request, Path(args.output), progress=ctx.progress())
    _say_exported(ctx, result)
    return 0


def cmd_withdraw(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    result = vault.exports.withdraw_consent(
        args.entries, _recipients(vault, args.to), Path(args.output), progress=ctx.progress()
    )
    ctx.say(
        "Cli",
        QT_TRANSLATE_NOOP(
            "Cli",
            "Wrote the withdrawal of research consent to {path} (entries: {entries}). "
            "Send it to the same people as before.",
        ),
        entries=len(result.entry_ids),
        path=result.path,
    )
    ctx.out.write(str(result.path) + "\n")
    return 0


def preview_json(preview: ImportPreview) -> dict[str, Any]:
    return {
        "bundle_id": preview.bundle_id,
        "kind": preview.kind,
        "created": preview.created.isoformat(),
        "size": preview.size,
        "author": {
            "name": preview.author_name,
            "key_id": preview.author_key_id,
            "status": preview.author_status.value,
            "contact_id": preview.contact_id,
            "safety_number": preview.safety_number,
            "same_name_contacts": list(preview.same_name_contacts),
        },
        "consent": preview.consent.value,
        "entries": [
            {
                "id": e.entry_id,
                "title": e.title,
                "status": e.status.value,
                "revisions": e.revisions,
                "new_revisions": e.new_revisions,
                "attachments": e.attachments,
                "consent": e.consent.value,
            }
            for e in preview.entries
        ],
        "counts": {s.value: preview.count(s) for s in EntryImportStatus},
        "attachments": preview.attachments,
        "attachment_bytes": preview.attachment_bytes,
        "attachments_omitted": preview.attachments_omitted,
        "withdrawals": list(preview.withdrawals),
        "comments": preview.comments,
        "sign_offs": preview.sign_offs,
        "review_records": preview.review_records,
        "skipped_records": preview.skipped_records,
        "already_imported": preview.already_imported,
    }


def say_preview(ctx: CliContext, preview: ImportPreview) -> None:
    ctx.say(
        "Cli",
        STATUS_TEXT[preview.author_status],
        name=preview.author_name or "?",
        key_id=preview.author_key_id,
    )
    if preview.safety_number is not None:
        ctx.say(
            "Cli",
            QT_TRANSLATE_NOOP(
                "Cli",
                "Compare this safety number with the sender (in person or by phone) before "
                "you import:",
            ),
        )
        ctx.out.write(f"    {preview.safety_number}\n")
    if preview.same_name_contacts:
        ctx.say(
            "Cli",
            QT_TRANSLATE_NOOP(
                "Cli",
                "WARNING: you have a contact with this name but other keys ({ids}).",
            ),
            ids=", ".join(preview.same_name_contacts),
        )
    if preview.entries or not (preview.withdrawals or preview.review_records):
        ctx.say(
            "Cli",
            QT_TRANSLATE_NOOP(
                "Cli",
                "Bundle {bundle_id} ({kind}). Entries: {new} new, {updated} updated, "
                "{unchanged} unchanged. Attachments: {attachments}. Consent: {consent}.",
            ),
            bundle_id=preview.bundle_id,
            kind=preview.kind,
            new=preview.count(EntryImportStatus.NEW),
            updated=preview.count(EntryImportStatus.UPDATED),
            unchanged=preview.count(EntryImportStatus.UNCHANGED),
            attachments=preview.attachments,
            consent=preview.consent.value,
        )
    else:  # a withdrawal-only bundle carries no consent of its own
        ctx.say(
            "Cli",
            QT_TRANSLATE_NOOP("Cli", "Bundle {bundle_id} ({kind})."),
            bundle_id=preview.bundle_id,
            kind=preview.kind,
        )
    for e in preview.entries:
        ctx.out.write(f"  {e.status.value:<9} {e.entry_id}  {e.consent.value:<22} {e.title}\n")
    if preview.withdrawals:
        ctx.say(
            "Cli",
            QT_TRANSLATE_NOOP("Cli", "Research consent withdrawn (entries: {count})."),
            count=len(preview.withdrawals),
        )
    if preview.review_records:
        ctx.say(
            "Cli",
            QT_TRANSLATE_NOOP(
                "Cli",
                "Feedback: {comments} comments, {sign_offs} sign-offs ({records} records).",
            ),
            comments=preview.comments,
            sign_offs=preview.sign_offs,
            records=preview.review_records,
        )
    if preview.already_imported:
        ctx.say("Cli", QT_TRANSLATE_NOOP("Cli", "This bundle was already imported."))


def cmd_inspect(args: argparse.Namespace, ctx: CliContext) -> int:
    facts = inspect_file(Path(args.file))
    header = {
        "size": facts.size,
        "header_bytes": facts.header_bytes,
        "stanzas": facts.stanza_count,
        "stanza_types": list(facts.stanza_types),
        "x25519_stanzas": facts.x25519_stanzas,
    }

    def preview() -> ImportPreview | None:
        if args.header_only or not Vault.exists(ctx.vault_dir):
            return None
        return ctx.open_vault().imports.preview(Path(args.file), progress=ctx.progress())

    if args.json:
        found = preview()
        ctx.emit_json({"header": header, "preview": preview_json(found) if found else None})
        return 0
    # What anyone can see comes first, so it is shown even if the preview is refused
    # (a bundle not meant for you, a revoked author).
    ctx.say(
        "Cli",
        QT_TRANSLATE_NOOP(
            "Cli",
            "{size} bytes, encrypted to {x25519} keys ({stanzas} header stanzas).",
        ),
        size=facts.size,
        x25519=facts.x25519_stanzas,
        stanzas=facts.stanza_count,
    )
    found = preview()
    if found is not None:
        say_preview(ctx, found)
    return 0


def cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    paths = [Path(p) for p in args.paths]
    if len(paths) > 1 or paths[0].is_dir() or args.json or args.csv or args.cohort:
        from reflectdesk.cli.commands.batch import cmd_batch_import

        return cmd_batch_import(args, ctx, paths)
    vault = ctx.open_vault()
    # Read once: what is imported is what was previewed, even if the file is replaced
    # while the question waits for an answer (a synced folder, a USB stick).
    prepared = vault.imports.prepare(paths[0], progress=ctx.progress())
    preview = prepared.preview
    say_preview(ctx, preview)
    if preview.already_imported:
        return 0
    if preview.needs_confirmation and not args.yes:
        # An unknown sender: only with --yes, after the safety number was shown.
        raise UnknownSender(preview.author_key_id)
    if not args.yes and not ask(ctx, ctx.translate("Cli", QT_TRANSLATE_NOOP("Cli", "Import it?"))):
        raise ConfirmationRequired(preview.bundle_id)
    result = vault.imports.import_prepared(
        prepared, confirm_unknown_sender=preview.needs_confirmation, progress=ctx.progress()
    )
    ctx.say(
        "Cli",
        QT_TRANSLATE_NOOP(
            "Cli",
            "Imported. Entries: {new} new, {updated} updated. Attachments: {attachments}.",
        ),
        new=len(result.entries_new),
        updated=len(result.entries_updated),
        attachments=result.attachments_added,
    )
    if result.file_changed:
        ctx.say(
            "Cli",
            QT_TRANSLATE_NOOP(
                "Cli",
                "WARNING: the file changed on disk after the preview. What you saw was "
                "imported, not the file there now. If you did not change it, someone or "
                "something with access to that folder did.",
            ),
        )
    if result.contact_added:
        ctx.say(
            "Cli",
            QT_TRANSLATE_NOOP(
                "Cli",
                "The sender was added as a contact ({id}), not verified yet.",
            ),
            id=result.contact_id,
        )
    if result.conflicted:
        ctx.say(
            "Cli",
            QT_TRANSLATE_NOOP(
                "Cli", "Entries that now hold concurrent versions (both kept): {count}."
            ),
            count=len(result.conflicted),
        )
    return 0


def cmd_log(args: argparse.Namespace, ctx: CliContext) -> int:
    items = ctx.open_vault().bundle_log.list()
    rows = [
        {
            "bundle_id": i.bundle_id,
            "direction": i.direction,
            "kind": i.kind,
            "at": i.at.isoformat(),
            "contacts": list(i.contact_ids),
            "entries": len(i.entry_ids),
            "imported": i.imported,
        }
        for i in items
    ]
    if args.json:
        ctx.emit_json(rows)
        return 0
    for r in rows:
        ctx.out.write(
            f"{r['at']}  {r['direction']:<3}  {r['bundle_id']}  {r['kind']}  {r['entries']}\n"
        )
    return 0
