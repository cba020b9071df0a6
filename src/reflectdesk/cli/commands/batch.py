"""``bundle import FILE|DIR ...`` with many files or a folder: the batch report (issue 14).

Each bundle is checked and imported on its own (``vault.batch_import``); the report
lists every file with its result and, for a refusal, the reason in the user's
language. Unknown senders are listed once each with their safety number; ``--yes``
imports their bundles too (they become contacts, not verified). ``--json`` prints the
report as JSON, ``--csv FILE`` saves it as CSV. Exit 0 when every bundle was
imported or already held, 7 when any file was refused or waits for its sender, 9
when cancelled, 8 when the batch stopped because the disk is full.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from reflectdesk.cli.commands.sync import error_class
from reflectdesk.cli.session import CliContext
from reflectdesk.errors import EXIT_BUNDLE, EXIT_CANCELLED, EXIT_IO, EXIT_OK
from reflectdesk.i18n_marker import QT_TRANSLATE_NOOP
from reflectdesk.progress import Progress
from reflectdesk.services.batch_import import (
    BatchItem,
    BatchOutcome,
    BatchProgress,
    BatchReport,
    UnknownSenderInfo,
    write_report_csv,
)

OUTCOME_TEXT = {
    BatchOutcome.IMPORTED: QT_TRANSLATE_NOOP("Cli", "imported"),
    BatchOutcome.ALREADY: QT_TRANSLATE_NOOP("Cli", "already had"),
    BatchOutcome.REFUSED: QT_TRANSLATE_NOOP("Cli", "refused"),
    BatchOutcome.UNKNOWN_SENDER: QT_TRANSLATE_NOOP("Cli", "unknown sender"),
    BatchOutcome.NOT_DONE: QT_TRANSLATE_NOOP("Cli", "not done"),
}


def reason_text(ctx: CliContext, item: BatchItem) -> str:
    """The refusal's message in the user's language ("" when there is none)."""
    if not item.reason:
        return ""
    cls = error_class(item.reason)
    if cls is None:
        return item.reason
    return ctx.translate("Errors", cls.message, **item.reason_params)


def _progress(ctx: CliContext) -> Any:
    show = ctx.progress()

    def sink(p: BatchProgress) -> None:  # names are not printed: the report has the files
        show(Progress(p.done, p.total, "bundles"))

    return sink


def _item_json(ctx: CliContext, item: BatchItem) -> dict[str, Any]:
    return {
        "file": str(item.path),
        "result": item.outcome.value,
        "reason_code": item.reason or None,
        "reason": reason_text(ctx, item) or None,
        "bundle_id": item.bundle_id or None,
        "sender": item.sender or None,
        "sender_key_id": item.sender_key_id or None,
        "contact_id": item.contact_id,
        "entries_new": item.entries_new,
        "entries_updated": item.entries_updated,
    }


def _sender_json(u: UnknownSenderInfo) -> dict[str, Any]:
    return {
        "name": u.name,
        "institution": u.institution,
        "key_id": u.key_id,
        "safety_number": u.safety_number,
        "same_name_contacts": list(u.same_name_contacts),
        "files": [str(p) for p in u.paths],
    }


def report_json(ctx: CliContext, report: BatchReport) -> dict[str, Any]:
    return {
        "counts": {o.value: report.count(o) for o in BatchOutcome},
        "cancelled": report.cancelled,
        "stopped": report.stopped or None,
        "seconds": round(report.seconds, 3),
        "items": [_item_json(ctx, i) for i in report.items],
        "unknown_senders": [_sender_json(u) for u in report.unknown_senders],
        "sender_contact_ids": list(report.sender_contact_ids),
    }


def _say_senders(ctx: CliContext, senders: tuple[UnknownSenderInfo, ...]) -> None:
    ctx.say(
        "Cli",
        QT_TRANSLATE_NOOP(
            "Cli",
            "Senders who are NOT your contacts ({count}). Compare each safety number with the "
            "sender (in person or by phone) before you import their bundles:",
        ),
        count=len(senders),
    )
    for u in senders:
        ctx.out.write(f"  {u.name} ({u.key_id}) — {len(u.paths)}\n    {u.safety_number}\n")
        if u.same_name_contacts:
            ctx.say(
                "Cli",
                QT_TRANSLATE_NOOP(
                    "Cli", "    WARNING: you have a contact with this name but other keys ({ids})."
                ),
                ids=", ".join(u.same_name_contacts),
            )


def _say_report(ctx: CliContext, report: BatchReport) -> None:
    for item in report.items:
        outcome = ctx.translate("Cli", OUTCOME_TEXT[item.outcome])
        reason = reason_text(ctx, item)
        ctx.out.write(f"{outcome:<16} {item.path}" + (f"  — {reason}" if reason else "") + "\n")
    ctx.say(
        "Cli",
        QT_TRANSLATE_NOOP(
            "Cli",
            "Bundles: {imported} imported, {already} already had, {refused} refused, "
            "{unknown} from unknown senders, {not_done} not done.",
        ),
        imported=report.count(BatchOutcome.IMPORTED),
        already=report.count(BatchOutcome.ALREADY),
        refused=report.count(BatchOutcome.REFUSED),
        unknown=report.count(BatchOutcome.UNKNOWN_SENDER),
        not_done=report.count(BatchOutcome.NOT_DONE),
    )
    if report.stopped:
        ctx.say(
            "Cli",
            QT_TRANSLATE_NOOP(
                "Cli",
                "The import stopped: {reason} The bundles imported before stay; run it "
                "again to import the rest.",
            ),
            reason=reason_text(ctx, BatchItem(Path(), BatchOutcome.REFUSED, report.stopped)),
        )


def cmd_batch_import(args: argparse.Namespace, ctx: CliContext, paths: list[Path]) -> int:
    vault = ctx.open_vault()
    report = vault.batch_import.run(paths, progress=_progress(ctx))
    if report.unknown_senders and args.yes and not report.stopped:
        if not args.json:
            _say_senders(ctx, report.unknown_senders)
        keys = [u.key_id for u in report.unknown_senders]
        report = vault.batch_import.import_senders(report, keys, progress=_progress(ctx))
    if args.cohort and report.sender_contact_ids:
        from reflectdesk.cli.commands.cohorts import add_senders

        add_senders(ctx, vault, args.cohort, report.sender_contact_ids)
    if args.csv:
        write_report_csv(report, Path(args.csv), lambda item: reason_text(ctx, item))
    if args.json:
        ctx.emit_json(report_json(ctx, report))
    else:
        _say_report(ctx, report)
        if report.unknown_senders:
            _say_senders(ctx, report.unknown_senders)
            ctx.say(
                "Cli",
                QT_TRANSLATE_NOOP(
                    "Cli",
                    "Run the import again with --yes to import their bundles; they become "
                    "contacts, not verified yet.",
                ),
            )
    if report.stopped:
        return EXIT_IO
    if report.cancelled:
        return EXIT_CANCELLED
    if report.count(BatchOutcome.REFUSED) or report.unknown_senders:
        return EXIT_BUNDLE
    return EXIT_OK
