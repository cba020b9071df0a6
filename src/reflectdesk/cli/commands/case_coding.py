"""case codebook | code | memo | query (issue 15): coding a case study from the command
line; registered under ``case`` by :mod:`reflectdesk.cli.commands.case`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from reflectdesk.cli.session import CliContext
from reflectdesk.errors import CaseFieldInvalid, CaseItemNotFound
from reflectdesk.i18n_marker import QT_TRANSLATE_NOOP
from reflectdesk.services.case_common import CaseItem
from reflectdesk.services.vault import Vault


def register_coding(csub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    c = csub.add_parser("codebook", help="add, list or import (.qdc) codes")
    c.add_argument("case")
    c.add_argument("--add", metavar="NAME")
    c.add_argument("--parent")
    c.add_argument("--color", metavar="#RRGGBB")
    c.add_argument("--description", default="")
    c.add_argument("--import", dest="import_file", metavar="FILE.qdc")
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=cmd_codebook)
    c = csub.add_parser("code", help="code a passage of an item's section")
    c.add_argument("case")
    c.add_argument("code")
    c.add_argument("item")
    c.add_argument("section")
    c.add_argument("--quote", help="the passage's text (its first occurrence)")
    c.add_argument("--occurrence", type=int, default=1)
    c.add_argument("--start", type=int, help="code points from 0")
    c.add_argument("--end", type=int, help="code points, exclusive")
    c.set_defaults(handler=cmd_code)
    c = csub.add_parser("memo", help="a memo on the project, a code, an item or a passage")
    c.add_argument("case")
    c.add_argument("text")
    c.add_argument("--title", default="")
    target = c.add_mutually_exclusive_group()
    target.add_argument("--code")
    target.add_argument("--item")
    target.add_argument("--passage")
    c.set_defaults(handler=cmd_memo)
    c = csub.add_parser("query", help="passages by code, frequencies, co-occurrence, standards")
    c.add_argument("case")
    c.add_argument("what", choices=("passages", "frequencies", "cooccurrence", "standards"))
    c.add_argument("code", nargs="?")
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=cmd_query)


def item_of_ref(vault: Vault, case_id: str, ref: str) -> CaseItem:
    items = vault.case_studies.items(case_id)
    found = [i for i in items if i.id == ref] or [
        i for i in items if len(ref) >= 6 and i.id.startswith(ref)
    ]
    if len(found) != 1:
        raise CaseItemNotFound(ref)
    return found[0]


def cmd_codebook(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    coding = vault.case_studies.coding
    case = vault.case_studies.resolve(args.case)
    if args.import_file:
        added = coding.import_codebook(case.id, Path(args.import_file))
        ctx.say("Cli", QT_TRANSLATE_NOOP("Cli", "{count} codes imported."), count=len(added))
    if args.add:
        parent = coding.resolve_code(case.id, args.parent).id if args.parent else None
        code = coding.add_code(
            case.id, args.add, parent_id=parent, color=args.color, description=args.description
        )
        ctx.out.write(code.id + "\n")
        return 0
    codes = coding.codes(case.id)
    if args.json:
        ctx.emit_json(
            [
                {
                    "id": c.id,
                    "name": c.name,
                    "parent": c.parent_id,
                    "color": c.color,
                    "description": c.description,
                }
                for c in codes
            ]
        )
        return 0
    depth: dict[str, int] = {}
    for c in codes:
        depth[c.id] = depth.get(c.parent_id or "", -1) + 1
        ctx.out.write(f"{'  ' * depth[c.id]}{c.id}  {c.name}  {c.color or ''}\n")
    return 0


def cmd_code(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    cs = vault.case_studies
    case = cs.resolve(args.case)
    code = cs.coding.resolve_code(case.id, args.code)
    item = item_of_ref(vault, case.id, args.item)
    if args.quote is not None:
        segment = cs.coding.apply_quote(
            case.id, item.id, args.section, args.quote, code.id, args.occurrence
        )
    elif args.start is not None and args.end is not None:
        segment = cs.coding.apply(case.id, item.id, args.section, args.start, args.end, code.id)
    else:
        raise CaseFieldInvalid("quote", field="--quote / --start --end")
    ctx.out.write(segment + "\n")
    return 0


def cmd_memo(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    cs = vault.case_studies
    case = cs.resolve(args.case)
    memo = cs.coding.add_memo(
        case.id,
        args.text,
        title=args.title,
        code_id=cs.coding.resolve_code(case.id, args.code).id if args.code else None,
        item_id=item_of_ref(vault, case.id, args.item).id if args.item else None,
        segment_id=args.passage,
    )
    ctx.out.write(memo.id + "\n")
    return 0


def cmd_query(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    coding = vault.case_studies.coding
    case = vault.case_studies.resolve(args.case)
    names = {c.id: c.name for c in coding.codes(case.id)}
    result: Any
    if args.what == "passages":
        code = coding.resolve_code(case.id, args.code).id if args.code else None
        passages = coding.passages(case.id, code)
        result = [
            {
                "code": names.get(p.code_id),
                "pseudonym": p.pseudonym,
                "date": p.event_date.isoformat() if p.event_date else None,
                "section": p.section,
                "start": p.start,
                "end": p.end,
                "text": p.text,
            }
            for p in passages
        ]
        if not args.json:
            for r in result:
                ctx.out.write(
                    f"[{r['code']}] {r['pseudonym']} · {r['date'] or ''} · {r['section']}: "
                    f"{r['text']}\n"
                )
            return 0
    elif args.what == "frequencies":
        f = coding.frequencies(case.id)
        result = {
            "by_student": {k: {names[c]: n for c, n in v.items()} for k, v in f.by_student.items()},
            "by_section": {k: {names[c]: n for c, n in v.items()} for k, v in f.by_section.items()},
            "totals": {names[c]: n for c, n in f.totals.items()},
        }
    elif args.what == "cooccurrence":
        result = [
            {"a": names[a], "b": names[b], "count": n}
            for (a, b), n in sorted(coding.cooccurrence(case.id).items())
        ]
    else:
        result = {names[c]: row for c, row in sorted(coding.standards_matrix(case.id).items())}
    ctx.emit_json(result)  # tables: JSON is how they read best on a terminal too
    return 0
