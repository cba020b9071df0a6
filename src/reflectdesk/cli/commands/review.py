"""review queue | triad, comment add | reply | resolve | list, signoff add | withdraw,
entry submit: the mentor review through :class:`~reflectdesk.services.review.ReviewService`."""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from reflectdesk.atomic_files import atomic_write
from reflectdesk.cli.session import CliContext
from reflectdesk.errors import FileUnwritable, InvalidValue, PdfUnavailable
from reflectdesk.i18n_marker import QT_TRANSLATE_NOOP
from reflectdesk.services.review import Verdict
from reflectdesk.services.review_read import EntryReviewState

log = logging.getLogger(__name__)

_VERDICTS = {v.value: v for v in Verdict}


def _entry_subparsers(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse._SubParsersAction[argparse.ArgumentParser]:
    """The ``entry`` command's subcommands (cli/commands/entries.py registers them first)."""
    entry = sub.choices["entry"]
    for action in entry._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    raise RuntimeError("entry has no subcommands")  # a wiring bug, found by the CLI tests


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("review", help="the mentor's review")
    rsub = p.add_subparsers(dest="review_cmd", required=True)
    c = rsub.add_parser("queue", help="entries waiting for your feedback or sign-off")
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=cmd_queue)
    c = rsub.add_parser("triad", help="per student: entries, feedback, standards signed off")
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=cmd_triad)

    p = sub.add_parser("comment", help="comments on entries")
    csub = p.add_subparsers(dest="comment_cmd", required=True)
    c = csub.add_parser("add", help="comment on a passage; prints the comment id")
    c.add_argument("entry")
    c.add_argument("--section", required=True, metavar="KEY")
    c.add_argument("--quote", default=None, help="the passage (its first occurrence)")
    c.add_argument("--start", type=int, default=None, help="code-point offset in the section")
    c.add_argument("--end", type=int, default=None)
    c.add_argument("--text", required=True)
    c.set_defaults(handler=cmd_comment_add)
    c = csub.add_parser("reply", help="reply in a comment's thread")
    c.add_argument("id")
    c.add_argument("--text", required=True)
    c.set_defaults(handler=cmd_comment_reply)
    c = csub.add_parser("resolve", help="mark a thread resolved")
    c.add_argument("id")
    c.add_argument("--reopen", action="store_true")
    c.set_defaults(handler=cmd_comment_resolve)
    c = csub.add_parser("list", help="an entry's threads and sign-offs")
    c.add_argument("entry")
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=cmd_comment_list)

    p = sub.add_parser("signoff", help="sign-offs against the standards")
    ssub = p.add_subparsers(dest="signoff_cmd", required=True)
    c = ssub.add_parser("add", help="sign off the entry's current version")
    c.add_argument("entry")
    c.add_argument(
        "--standard",
        action="append",
        required=True,
        metavar="CODE=VERDICT[:NOTE]",
        help="met, partly or not-yet, e.g. C7=met or B6=partly:falta evidencia",
    )
    c.add_argument("--overall", choices=sorted(_VERDICTS), default=None)
    c.add_argument("--note", default="")
    c.set_defaults(handler=cmd_signoff_add)
    c = ssub.add_parser("withdraw", help="withdraw your sign-off")
    c.add_argument("id")
    c.add_argument("--reason", default="")
    c.set_defaults(handler=cmd_signoff_withdraw)

    esub = _entry_subparsers(sub)
    c = esub.add_parser("submit", help='mark your entry "ready for feedback"')
    c.add_argument("id")
    c.add_argument("--draft", action="store_true", help="back to draft")
    c.set_defaults(handler=cmd_submit)
    c = esub.add_parser("export", help="portfolio: entries with comments and sign-offs")
    c.add_argument("id", nargs="*", help="entry ids")
    c.add_argument("--journal", default=None, help="every entry of this journal (id or title)")
    c.add_argument("--format", choices=["html", "md", "pdf"], default="html")
    c.add_argument("-o", "--output", required=True, metavar="FILE")
    c.set_defaults(handler=cmd_export)


def cmd_queue(args: argparse.Namespace, ctx: CliContext) -> int:
    items = ctx.open_vault().review.queue()
    if args.json:
        ctx.emit_json(
            [
                {
                    "student": i.student,
                    "contact_id": i.contact_id,
                    "entry_id": i.entry_id,
                    "title": i.title,
                    "waiting_feedback": i.waiting_feedback,
                    "waiting_sign_off": i.waiting_sign_off,
                }
                for i in items
            ]
        )
        return 0
    if not items:
        ctx.say("Cli", QT_TRANSLATE_NOOP("Cli", "Nothing waits for your feedback."))
    feedback = ctx.translate("Cli", QT_TRANSLATE_NOOP("Cli", "feedback"))
    sign_off = ctx.translate("Cli", QT_TRANSLATE_NOOP("Cli", "sign-off"))
    for i in items:
        waiting = ", ".join(
            w for w, on in ((feedback, i.waiting_feedback), (sign_off, i.waiting_sign_off)) if on
        )
        ctx.out.write(f"{i.student}  {i.entry_id}  {i.title}  [{waiting}]\n")
    return 0


def cmd_triad(args: argparse.Namespace, ctx: CliContext) -> int:
    rows = ctx.open_vault().review.triad()
    if args.json:
        ctx.emit_json(
            [
                {
                    "student": r.student,
                    "contact_id": r.contact_id,
                    "entries": r.entries,
                    "ready": r.ready,
                    "feedback_given": r.feedback_given,
                    "standards_met": list(r.standards_met),
                }
                for r in rows
            ]
        )
        return 0
    for r in rows:
        ctx.say(
            "Cli",
            QT_TRANSLATE_NOOP(
                "Cli",
                "{student}: {entries} entries, {ready} ready, {feedback} comments and "
                "replies, standards met: {standards}",
            ),
            student=r.student,
            entries=r.entries,
            ready=r.ready,
            feedback=r.feedback_given,
            standards=", ".join(r.standards_met) or "-",
        )
    return 0


def cmd_comment_add(args: argparse.Namespace, ctx: CliContext) -> int:
    if (args.start is None) != (args.end is None) or (args.quote is None and args.start is None):
        raise InvalidValue("--quote or --start and --end")
    record = ctx.open_vault().review.add_comment(
        args.entry, args.section, args.text, quote=args.quote, start=args.start, end=args.end
    )
    ctx.out.write(record.id + "\n")
    return 0


def cmd_comment_reply(args: argparse.Namespace, ctx: CliContext) -> int:
    ctx.out.write(ctx.open_vault().review.reply(args.id, args.text).id + "\n")
    return 0


def cmd_comment_resolve(args: argparse.Namespace, ctx: CliContext) -> int:
    ctx.out.write(ctx.open_vault().review.resolve(args.id, not args.reopen).id + "\n")
    return 0


def _state_json(state: EntryReviewState) -> dict[str, Any]:
    return {
        "entry_id": state.entry_id,
        "status": state.status.value,
        "version": state.head_seq,
        "pending": state.pending,
        "threads": [
            {
                "id": t.id,
                "author": t.author_name,
                "author_key_id": t.author,
                "created_at": t.created_at.isoformat(),
                "section": t.section,
                "quote": t.quote,
                "text": t.text,
                "version": t.revision_seq,
                "start": t.start,
                "end": t.end,
                "on_earlier_version": t.on_earlier_version,
                "resolved": t.resolved,
                "replies": [
                    {
                        "id": r.id,
                        "author": r.author_name,
                        "author_key_id": r.author,
                        "created_at": r.created_at.isoformat(),
                        "text": r.text,
                    }
                    for r in t.replies
                ],
            }
            for t in state.threads
        ],
        "sign_offs": [
            {
                "id": s.id,
                "author": s.author_name,
                "author_key_id": s.author,
                "created_at": s.created_at.isoformat(),
                "version": s.revision_seq,
                "changed_since": s.changed_since,
                "withdrawn": s.withdrawn,
                "overall": s.overall.value,
                "note": s.note,
                "standards": [
                    {"code": v.code, "title": v.title, "verdict": v.verdict.value, "note": v.note}
                    for v in s.standards
                ],
            }
            for s in state.sign_offs
        ],
    }


def cmd_comment_list(args: argparse.Namespace, ctx: CliContext) -> int:
    state = ctx.open_vault().review.state(args.entry, ctx.lang)
    if args.json:
        ctx.emit_json(_state_json(state))
        return 0
    for t in state.threads:
        where = (
            ctx.translate("Cli", QT_TRANSLATE_NOOP("Cli", "on an earlier version"))
            if t.on_earlier_version
            else f"{t.section} {t.start}-{t.end}"
        )
        resolved = (
            " " + ctx.translate("Cli", QT_TRANSLATE_NOOP("Cli", "(resolved)")) if t.resolved else ""
        )
        ctx.out.write(f"{t.id[:12]}  {t.author_name}  [{where}]{resolved}\n")
        ctx.out.write(f"    «{t.quote}»\n    {t.text}\n")
        for r in t.replies:
            ctx.out.write(f"    ↳ {r.id[:12]}  {r.author_name}: {r.text}\n")
    for s in state.sign_offs:
        if s.withdrawn:
            continue
        ctx.say(
            "Cli",
            QT_TRANSLATE_NOOP("Cli", "Signed off by {name} on version {version}: {overall}"),
            name=s.author_name,
            version=s.revision_seq or "?",
            overall=s.overall.value,
        )
        if s.changed_since:
            ctx.say("Cli", QT_TRANSLATE_NOOP("Cli", "The entry changed since this sign-off."))
        for v in s.standards:
            ctx.out.write(f"    {v.title}: {v.verdict.value}  {v.note}\n")
    if state.pending:
        ctx.say(
            "Cli",
            QT_TRANSLATE_NOOP("Cli", "{count} records wait for a version not received yet."),
            count=state.pending,
        )
    return 0


def _standard(text: str) -> tuple[str, Verdict, str]:
    code, _, rest = text.partition("=")
    verdict, _, note = rest.partition(":")
    if not code or verdict not in _VERDICTS:
        raise InvalidValue(f"--standard {text[:40]}")
    return code, _VERDICTS[verdict], note


def cmd_signoff_add(args: argparse.Namespace, ctx: CliContext) -> int:
    standards = {}
    for item in args.standard:
        code, verdict, note = _standard(item)
        standards[code] = (verdict, note)
    overall = _VERDICTS[args.overall] if args.overall else None
    record = ctx.open_vault().review.sign_off(
        args.entry, standards, overall=overall, note=args.note
    )
    ctx.out.write(record.id + "\n")
    return 0


def cmd_signoff_withdraw(args: argparse.Namespace, ctx: CliContext) -> int:
    ctx.out.write(ctx.open_vault().review.withdraw_sign_off(args.id, args.reason).id + "\n")
    return 0


def cmd_submit(args: argparse.Namespace, ctx: CliContext) -> int:
    ctx.open_vault().review.submit(args.id, ready=not args.draft)
    if args.draft:
        ctx.say("Cli", QT_TRANSLATE_NOOP("Cli", "Marked as draft."))
    else:
        ctx.say("Cli", QT_TRANSLATE_NOOP("Cli", "Marked ready for feedback."))
    return 0


def html_to_pdf(html: str) -> bytes:
    """The PDF of the portfolio HTML, drawn by Qt in a child process: the CLI never
    imports PySide6 (front ends never import each other). The HTML goes in on standard
    input and the PDF comes back on standard output: no temporary file."""
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "reflectdesk.gui.portfolio_pdf"],
            input=html.encode("utf-8"),
            capture_output=True,
            timeout=600,
            # The child draws; it needs no secret (the passphrase stays here).
            env={
                **{k: v for k, v in os.environ.items() if k != "REFLECTDESK_PASSPHRASE"},
                "QT_QPA_PLATFORM": "offscreen",
            },
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PdfUnavailable(type(exc).__name__) from exc
    if proc.returncode != 0 or not proc.stdout.startswith(b"%PDF-"):
        last = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:]
        log.warning("portfolio PDF: the renderer exited %d: %s", proc.returncode, last)
        raise PdfUnavailable(f"exit {proc.returncode}")
    return proc.stdout


def cmd_export(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    journal_id = vault.journals.resolve(args.journal).id if args.journal else None
    if not args.id and journal_id is None:
        raise InvalidValue("ID or --journal")
    if args.format == "pdf":
        html, count = vault.review.portfolio_document(
            entry_ids=args.id, journal_id=journal_id, fmt="html", lang=ctx.lang
        )
        atomic_write(Path(args.output), html_to_pdf(html), mode=0o600, error=FileUnwritable)
    else:
        count = vault.review.export_portfolio(
            Path(args.output), entry_ids=args.id, journal_id=journal_id, fmt=args.format,
            lang=ctx.lang,
        )  # fmt: skip
    ctx.say(
        "Cli",
        QT_TRANSLATE_NOOP(
            "Cli",
            "Wrote {count} entries with their feedback to {path}. This copy is not encrypted.",
        ),
        count=count,
        path=args.output,
    )
    return 0
