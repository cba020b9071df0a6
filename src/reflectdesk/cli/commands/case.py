"""case create | approve | list | show | add | remove | pseudonymise | codebook | code | memo |
query | attribute | export | import | delete | audit verify (issue 15).

Case studies from received, research-consented entries (docs/research.md, docs/cli.md).
The same service as the app: ``vault.case_studies``.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from reflectdesk.cli.commands.case_coding import item_of_ref, register_coding
from reflectdesk.cli.commands.contacts import ask
from reflectdesk.cli.commands.review import html_to_pdf
from reflectdesk.cli.session import CliContext
from reflectdesk.errors import CaseFieldInvalid, ConfirmationRequired, NotFound
from reflectdesk.i18n_marker import QT_TRANSLATE_NOOP
from reflectdesk.progress import CancelToken, ProgressSink
from reflectdesk.services.case_audit import CaseAuditService
from reflectdesk.services.case_common import CaseStudy
from reflectdesk.services.case_export import SCHOOL_TYPES, school_type_label
from reflectdesk.services.case_pseudonymise import blocked_items

FORMATS = ("qdpx", "qdc", "md", "html", "pdf")
_STATUS = {
    "planning": QT_TRANSLATE_NOOP("Cli", "planning"),
    "approved": QT_TRANSLATE_NOOP("Cli", "approved"),
    "expired": QT_TRANSLATE_NOOP("Cli", "approval expired"),
}
KINDS = ("pupil", "school", "commune", "colleague", "student", "mentor", "tutor", "other")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("case", help="case studies from consented entries (research)")
    csub = p.add_subparsers(dest="case_cmd", required=True)
    c = csub.add_parser("create", help="create a case study (planning) and print its id")
    c.add_argument("title")
    c.add_argument("--question", default="")
    c.add_argument("--description", default="")
    c.add_argument("--cohort", action="append", default=[], metavar="COHORT")
    c.add_argument("--team", action="append", default=[], metavar="CONTACT")
    c.add_argument("--language", choices=("es", "en"), default=None)
    c.set_defaults(handler=cmd_create)
    c = csub.add_parser("approve", help="record the ethics approval (committee, reference, expiry)")
    c.add_argument("case")
    c.add_argument("--committee", required=True)
    c.add_argument("--reference", required=True)
    c.add_argument("--expires", required=True, metavar="YYYY-MM-DD")
    c.add_argument("--sheet", metavar="FILE", help="the participants' information sheet")
    c.set_defaults(handler=cmd_approve)
    c = csub.add_parser("list", help="list case studies")
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=cmd_list)
    c = csub.add_parser("show", help="a case study: approval, items, codes, memos, exports")
    c.add_argument("case")
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=cmd_show)
    c = csub.add_parser("add", help="add a received entry (or --list the picker)")
    c.add_argument("case")
    c.add_argument("entry", nargs="?")
    c.add_argument("--revision", help="a revision id (default: the current one)")
    c.add_argument("--list", action="store_true", help="received entries and their consent")
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=cmd_add)
    c = csub.add_parser("remove", help="remove an item, its passages and memos")
    c.add_argument("case")
    c.add_argument("item")
    c.set_defaults(handler=cmd_remove)
    c = csub.add_parser("pseudonymise", help="review proposed replacements one by one")
    c.add_argument("case")
    c.add_argument("--term", nargs=2, action="append", default=[], metavar=("KIND", "NAME"))
    c.add_argument("--accept-all", action="store_true")
    c.add_argument("--list", action="store_true", help="show the proposals, change nothing")
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=cmd_pseudonymise)
    register_coding(csub)
    c = csub.add_parser("export", help="export as REFI-QDA (.qdpx, .qdc) or a report")
    c.add_argument("case")
    c.add_argument("output")
    c.add_argument("--format", choices=FORMATS, required=True)
    c.set_defaults(handler=cmd_export)
    c = csub.add_parser(
        "attribute", help="the students' case attributes; set a student's school type"
    )
    c.add_argument("case")
    c.add_argument("pseudonym", nargs="?", help="a student of the study, by pseudonym")
    c.add_argument("--school-type", choices=(*SCHOOL_TYPES, "none"))
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=cmd_attribute)
    c = csub.add_parser("import", help="a REFI-QDA project (.qdpx) as a new case study")
    c.add_argument("file")
    c.add_argument("--title")
    c.set_defaults(handler=cmd_import)
    c = csub.add_parser("delete", help="delete a case study and everything in it")
    c.add_argument("case")
    c.add_argument(
        "--log", metavar="FILE.audit.json", help="first save its signed log, closed by the deletion"
    )
    c.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    c.set_defaults(handler=cmd_delete)
    c = csub.add_parser("audit", help="the signed audit log")
    asub = c.add_subparsers(dest="audit_cmd", required=True)
    a = asub.add_parser("verify", help="check a study's log, or an exported .audit.json")
    a.add_argument("case", nargs="?")
    a.add_argument("--file", metavar="FILE.audit.json")
    a.add_argument("--key", action="append", default=[], metavar="KEY_ID")
    a.add_argument(
        "--project",
        metavar="FILE",
        help="with --file: the exported file the log must end on (its SHA-256)",
    )
    a.set_defaults(handler=cmd_audit_verify)


# --- helpers -----------------------------------------------------------------------------
def _date(text: str, name: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CaseFieldInvalid(name, field=name) from None


def _study_json(s: CaseStudy) -> dict[str, Any]:
    a = s.approval
    return {
        "id": s.id,
        "title": s.title,
        "question": s.question,
        "status": s.status,
        "language": s.language,
        "approval": None
        if a is None
        else {
            "committee": a.committee,
            "reference": a.reference,
            "expires": a.expires.isoformat(),
            "information_sheet": a.sheet_name,
        },
        "cohorts": list(s.cohort_ids),
        "team": list(s.team),
        "exports": [
            {
                "format": e.format,
                "at": e.at.isoformat(),
                "file": e.file_name,
                "outdated": e.outdated,
            }
            for e in s.exports
        ],
        "withdrawals": [
            {"withdrawn_on": w.withdrawn_on.isoformat(), "bundle": w.bundle_id}
            for w in s.withdrawals
        ],
    }


# --- commands ----------------------------------------------------------------------------
def cmd_create(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    case = vault.case_studies.create(
        args.title,
        question=args.question,
        description=args.description,
        cohort_ids=[vault.cohorts.resolve(c).id for c in args.cohort],
        team=[vault.contacts.resolve(c).id for c in args.team],
        language=args.language,
    )
    ctx.out.write(case.id + "\n")
    ctx.say(
        "Cli",
        QT_TRANSLATE_NOOP(
            "Cli", "Planning. Record its ethics approval with 'case approve' before adding entries."
        ),
    )
    return 0


def cmd_approve(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    case = vault.case_studies.resolve(args.case)
    vault.case_studies.approve(
        case.id,
        committee=args.committee,
        reference=args.reference,
        expires=_date(args.expires, "expires"),
        sheet=Path(args.sheet) if args.sheet else None,
    )
    ctx.say(
        "Cli",
        QT_TRANSLATE_NOOP("Cli", "Ethics approval recorded; it expires on {date}."),
        date=args.expires,
    )
    return 0


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    studies = vault.case_studies.list()
    if args.json:
        ctx.emit_json([_study_json(s) for s in studies])
        return 0
    if not studies:
        ctx.say(
            "Cli", QT_TRANSLATE_NOOP("Cli", "No case studies yet. Create one with 'case create'.")
        )
    for s in studies:
        ctx.out.write(f"{s.id}  {s.title}  [{ctx.translate('Cli', _STATUS[s.status])}]\n")
    return 0


def cmd_show(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    cs = vault.case_studies
    s = cs.resolve(args.case)
    items = cs.items(s.id)
    codes = cs.coding.codes(s.id)
    memos = cs.coding.memos(s.id)
    if args.json:
        doc = _study_json(s)
        doc["items"] = [
            {
                "id": i.id,
                "pseudonym": i.pseudonym,
                "revision": i.revision_seq,
                "date": i.event_date.isoformat() if i.event_date else None,
                "sections": [k for k, _ in i.sections],
                "consent": i.provenance.consent,
                "pseudonymised": i.pseudonymised,
                "author_key_id": i.provenance.author_key_id,
                "signature_checked": i.provenance.signature_checked,
                "bundle": i.provenance.bundle_id,
            }
            for i in items
        ]
        doc["codes"] = [
            {"id": c.id, "name": c.name, "parent": c.parent_id, "color": c.color} for c in codes
        ]
        doc["memos"] = [
            {"id": m.id, "target": m.target, "ref": m.ref, "title": m.title} for m in memos
        ]
        ctx.emit_json(doc)
        return 0
    ctx.out.write(f"{s.id}  {s.title}  [{ctx.translate('Cli', _STATUS[s.status])}]\n")
    if s.approval is not None:
        a = s.approval
        ctx.out.write(f"  {a.committee} · {a.reference} · {a.expires.isoformat()}\n")
    for i in items:
        mark = "✓" if i.pseudonymised else "·"
        sections = ", ".join(k for k, _ in i.sections)
        ctx.out.write(f"  {mark} {i.id}  {i.pseudonym}  #{i.revision_seq}  {sections}\n")
    for c in codes:
        ctx.out.write(f"  ◆ {c.id}  {c.name}\n")
    for e in s.exports:
        if e.outdated:
            ctx.say(
                "Cli",
                QT_TRANSLATE_NOOP(
                    "Cli", "Export {file} ({date}) is outdated: items were removed since."
                ),
                file=e.file_name,
                date=e.at.date().isoformat(),
            )
    for w in s.withdrawals:
        ctx.say(
            "Cli",
            QT_TRANSLATE_NOOP("Cli", "Withdrawn on {date}, from bundle {bundle}."),
            date=w.withdrawn_on.isoformat(),
            bundle=w.bundle_id,
        )
    return 0


_REASONS = {
    "addable": QT_TRANSLATE_NOOP("Cli", "can be added"),
    "read-only": QT_TRANSLATE_NOOP("Cli", "consent to read only"),
    "withdrawn": QT_TRANSLATE_NOOP("Cli", "consent withdrawn"),
    "no-consent": QT_TRANSLATE_NOOP("Cli", "no consent recorded"),
    "already-added": QT_TRANSLATE_NOOP("Cli", "already in this study"),
}


def cmd_add(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    cs = vault.case_studies
    case = cs.resolve(args.case)
    if args.list or not args.entry:
        candidates = cs.candidates(case.id)
        if args.json:
            ctx.emit_json(
                [
                    {
                        "entry": c.entry_id,
                        "revision": c.revision_id,
                        "title": c.title,
                        "author": c.author_name,
                        "consent": c.consent,
                        "reason": c.reason,
                        "addable": c.addable,
                    }
                    for c in candidates
                ]
            )
            return 0
        for c in candidates:
            reason = ctx.translate("Cli", _REASONS.get(c.reason, c.reason))
            ctx.out.write(
                f"{'+' if c.addable else '-'} {c.entry_id}  {c.author_name}  {c.title}"
                f"  ({reason})\n"
            )
        return 0
    found = [c.entry_id for c in cs.candidates(case.id) if c.entry_id == args.entry] or [
        c.entry_id
        for c in cs.candidates(case.id)
        if len(args.entry) >= 6 and c.entry_id.startswith(args.entry)
    ]
    if len(found) != 1:
        raise NotFound(args.entry)
    item = cs.add(case.id, found[0], args.revision)
    ctx.out.write(item.id + "\n")
    ctx.say(
        "Cli",
        QT_TRANSLATE_NOOP("Cli", "Added as {pseudonym}, version {seq}."),
        pseudonym=item.pseudonym,
        seq=item.revision_seq,
    )
    return 0


def cmd_remove(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    case = vault.case_studies.resolve(args.case)
    vault.case_studies.remove(case.id, item_of_ref(vault, case.id, args.item).id)
    return 0


def _ask(ctx: CliContext, line: str) -> str:
    ctx.out.write(line + " [y/N/a/q] ")
    ctx.out.flush()
    return sys.stdin.readline().strip().casefold()[:1]


def cmd_pseudonymise(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    cs = vault.case_studies
    case = cs.resolve(args.case)
    for kind, name in args.term:
        if kind not in KINDS:
            raise CaseFieldInvalid("kind", field="kind")
        pseudonym = cs.pseudonymise.add_term(case.id, kind, name)
        ctx.say("Cli", QT_TRANSLATE_NOOP("Cli", "Term added as {pseudonym}."), pseudonym=pseudonym)
    proposals = cs.pseudonymise.propose(case.id, progress=ctx.progress())
    if args.json:
        ctx.emit_json(
            [
                {
                    "item": p.source.split("#", 1)[0],
                    "section": p.source.split("#", 1)[1],
                    "start": p.start,
                    "end": p.end,
                    "original": p.original,
                    "replacement": p.replacement,
                    "kind": p.kind,
                }
                for p in proposals
            ]
        )
        if not args.accept_all:
            return 0
    interactive = not args.accept_all and not args.list and sys.stdin.isatty()
    accepted = []
    for n, p in enumerate(proposals, start=1):
        section = p.source.split("#", 1)[1]
        line = f"[{n}/{len(proposals)}] {section}: «{p.original}» → «{p.replacement}»"
        if args.accept_all:
            accepted.append(p)
        elif interactive:
            answer = _ask(ctx, line)
            if answer == "q":
                ctx.say("Cli", QT_TRANSLATE_NOOP("Cli", "Stopped: nothing was changed."))
                return 0
            if answer == "a":
                accepted += proposals[n - 1 :]
                break
            if answer in ("y", "s"):
                accepted.append(p)
        elif not args.json:
            ctx.out.write(line + "\n")
    if not (args.accept_all or interactive):
        ctx.say(
            "Cli",
            QT_TRANSLATE_NOOP(
                "Cli",
                "{count} proposals; nothing changed. Review them on a terminal or use --accept-all.",  # noqa: E501
            ),
            count=len(proposals),
        )
        return 0
    # A skip in an item consented as research-pseudonymised leaves that item unreviewed
    # (exports wait for it), as in the GUI's review.
    chosen = set(map(id, accepted))
    skipped = [p for p in proposals if id(p) not in chosen]
    blocked = blocked_items(cs.items(case.id), skipped)
    made = cs.pseudonymise.apply(case.id, accepted, skipped=skipped)
    ctx.say(
        "Cli",
        QT_TRANSLATE_NOOP("Cli", "{made} of {count} replacements made; the items are reviewed."),
        made=made,
        count=len(proposals),
    )
    if blocked:
        ctx.say(
            "Cli",
            QT_TRANSLATE_NOOP(
                "Cli",
                "{n} item(s) consented as research-pseudonymised still hold a name you skipped: "
                "they stay unreviewed and exports wait for them. Run 'case pseudonymise' again.",
            ),
            n=len(blocked),
        )
    return 0


def cmd_export(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    case = vault.case_studies.resolve(args.case)
    result = vault.case_studies.exports.export(
        case.id, args.format, Path(args.output), progress=ctx.progress(), pdf=_pdf
    )
    ctx.say(
        "Cli",
        QT_TRANSLATE_NOOP("Cli", "Exported to {file}; its signed audit log is {audit}."),
        file=str(result.path),
        audit=str(result.audit_path),
    )
    return 0


def cmd_attribute(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    exports = vault.case_studies.exports
    case = vault.case_studies.resolve(args.case)
    if args.pseudonym is not None:
        if args.school_type is None:
            raise CaseFieldInvalid("school_type", field="school_type")
        value = None if args.school_type == "none" else args.school_type
        exports.set_school_type(case.id, args.pseudonym, value)
    elif args.school_type is not None:
        raise CaseFieldInvalid("pseudonym", field="pseudonym")
    rows = exports.attributes(case.id)
    if args.json:
        ctx.emit_json(
            [
                {
                    "pseudonym": a.pseudonym,
                    "cohorts": list(a.cohorts),
                    "school_type": a.school_type,
                    "templates": list(a.templates),
                    "mbe_standards": list(a.standards),
                    "items": a.items,
                }
                for a in rows
            ]
        )
        return 0
    for a in rows:
        school = school_type_label(a.school_type, case.language) or "-"
        ctx.out.write(
            f"{a.pseudonym}  [{school}]  {', '.join(a.cohorts) or '-'}  "
            f"{', '.join(a.templates) or '-'}  {', '.join(a.standards) or '-'}\n"
        )
    return 0


def _pdf(html: str, *, progress: ProgressSink, cancel: CancelToken) -> bytes:
    """The report drawn by Qt in a child process (the portfolio's renderer)."""
    return html_to_pdf(html)


def cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    case_id = vault.case_studies.exports.import_qdpx(Path(args.file), title=args.title)
    ctx.out.write(case_id + "\n")
    return 0


def cmd_delete(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    case = vault.case_studies.resolve(args.case)
    question = ctx.translate(
        "Cli",
        QT_TRANSLATE_NOOP(
            "Cli",
            "Delete '{title}' with its items, codes, memos, pseudonym map and audit log "
            "from the vault? This cannot be undone.",
        ),
        title=case.title,
    )
    if not args.yes and not ask(ctx, question):
        raise ConfirmationRequired("--yes")
    log = Path(args.log) if args.log else None
    vault.case_studies.delete(case.id, log)
    if log is None:
        ctx.say("Cli", QT_TRANSLATE_NOOP("Cli", "Case study deleted."))
    else:
        ctx.say(
            "Cli",
            QT_TRANSLATE_NOOP(
                "Cli", "Case study deleted; its signed log, closed by the deletion, is {file}."
            ),
            file=str(log),
        )
    return 0


def cmd_audit_verify(args: argparse.Namespace, ctx: CliContext) -> int:
    project = Path(args.project) if args.project else None
    if project is not None and not args.file:
        raise CaseFieldInvalid("file", field="file")
    if args.file and args.case:
        vault = ctx.open_vault()
        case = vault.case_studies.resolve(args.case)
        check = vault.case_studies.audit.verify_copy(case.id, Path(args.file), project)
    elif args.file:
        check = CaseAuditService.verify_file(Path(args.file), args.key, project)
    else:
        if not args.case:
            raise CaseFieldInvalid("case", field="case")
        vault = ctx.open_vault()
        case = vault.case_studies.resolve(args.case)
        check = vault.case_studies.audit.verify(case.id)
    ctx.say(
        "Cli",
        QT_TRANSLATE_NOOP("Cli", "The audit log verifies: {count} records, signed by {keys}."),
        count=check.count,
        keys=", ".join(check.key_ids),
    )
    ctx.say("Cli", QT_TRANSLATE_NOOP("Cli", "Study: {study}."), study=check.study)
    end = check.export
    if args.file and end is not None:
        ctx.say(
            "Cli",
            QT_TRANSLATE_NOOP(
                "Cli",
                "It ends on record {seq}, the signed record of the {format} export of {date} "
                "(SHA-256 {sha256}).",
            ),
            seq=end.seq,
            format=end.format,
            date=end.at.isoformat(),
            sha256=end.sha256 or "-",
        )
        if project is not None:
            ctx.say(
                "Cli",
                QT_TRANSLATE_NOOP("Cli", "{file} is that export: its SHA-256 matches."),
                file=project.name,
            )
        else:
            ctx.say(
                "Cli",
                QT_TRANSLATE_NOOP(
                    "Cli", "Add --project FILE to check that FILE is the export it ends on."
                ),
            )
    if args.file and args.case:
        ctx.say(
            "Cli",
            QT_TRANSLATE_NOOP("Cli", "It is this study's log in the vault, up to that record."),
        )
    return 0
