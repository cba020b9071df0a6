"""entry add | list | show | edit | history | diff | restore | versions | resolve, and
attachment get."""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from reflectdesk.cli.markdown_import import split_markdown
from reflectdesk.cli.session import CliContext
from reflectdesk.domain.merge import (
    EVENT_DATE,
    SECTION,
    TEMPLATE,
    TITLE,
    Choice,
    Origin,
    differing_fields,
)
from reflectdesk.domain.model import Entry, EntryContent, Revision, SearchFilters
from reflectdesk.errors import FileUnreadable, InvalidValue
from reflectdesk.i18n_marker import QT_TRANSLATE_NOOP
from reflectdesk.services.vault import Vault


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from None


def add_filter_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--journal", default=None, help="journal id or title")
    p.add_argument("--tag", default=None)
    p.add_argument("--template", dest="template_filter", default=None)
    p.add_argument("--standard", default=None)
    p.add_argument("--from", dest="date_from", type=parse_date, default=None)
    p.add_argument("--to", dest="date_to", type=parse_date, default=None)
    p.add_argument("--json", action="store_true")


def filters_from(args: argparse.Namespace, vault: Vault) -> SearchFilters:
    journal_id = vault.journals.resolve(args.journal).id if args.journal else None
    return SearchFilters(
        journal_id=journal_id,
        tag=args.tag,
        template_id=args.template_filter,
        standard=args.standard,
        date_from=args.date_from,
        date_to=args.date_to,
    )


def _content_args(p: argparse.ArgumentParser, editing: bool) -> None:
    p.add_argument("--title", default=None)
    p.add_argument(
        "--section", action="append", default=[], metavar="KEY=TEXT", help="a prompt's answer"
    )
    p.add_argument("--from-markdown", default=None, metavar="FILE")
    p.add_argument("--tag", action="append", default=None, dest="tags")
    p.add_argument("--standard", action="append", default=None, dest="standards")
    p.add_argument("--date", type=parse_date, default=None)
    p.add_argument("--attach", action="append", default=[], metavar="FILE")
    if editing:
        p.add_argument("--template", default=None)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("entry", help="entry commands")
    esub = p.add_subparsers(dest="entry_cmd", required=True)

    c = esub.add_parser("add", help="write a new entry and print its id")
    c.add_argument("--journal", required=True, help="journal id or title")
    c.add_argument("--template", default=None)
    _content_args(c, editing=False)
    c.set_defaults(handler=cmd_add)

    c = esub.add_parser("list", help="list entries")
    add_filter_args(c)
    c.add_argument("--sort", choices=["date", "title", "updated"], default="date")
    c.add_argument("--asc", action="store_true")
    c.set_defaults(handler=cmd_list)

    c = esub.add_parser("show", help="show an entry")
    c.add_argument("id")
    c.add_argument("--format", choices=["text", "md", "html", "json"], default="text")
    c.add_argument("--revision", default=None)
    c.set_defaults(handler=cmd_show)

    c = esub.add_parser("edit", help="change an entry (makes a new revision)")
    c.add_argument("id")
    _content_args(c, editing=True)
    c.set_defaults(handler=cmd_edit)

    c = esub.add_parser("history", help="an entry's revisions")
    c.add_argument("id")
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=cmd_history)

    c = esub.add_parser("diff", help="what changed between two revisions")
    c.add_argument("id")
    c.add_argument("old")
    c.add_argument("new")
    c.set_defaults(handler=cmd_diff)

    c = esub.add_parser("restore", help="make an old revision current again")
    c.add_argument("id")
    c.add_argument("revision")
    c.set_defaults(handler=cmd_restore)

    c = esub.add_parser("versions", help="an entry's versions not merged, side by side")
    c.add_argument("id")
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=cmd_versions)

    c = esub.add_parser("resolve", help="merge your entry's versions (docs/merge.md)")
    c.add_argument("id")
    c.add_argument(
        "--keep",
        action="append",
        default=[],
        metavar="FIELD=N",
        help="keep version N (as 'entry versions' numbers them) of a field",
    )
    c.add_argument(
        "--text",
        action="append",
        default=[],
        metavar="FIELD=TEXT",
        help="your own text for a field (\\n for a new line)",
    )
    c.set_defaults(handler=cmd_resolve)

    p = sub.add_parser("attachment", help="attachment commands")
    asub = p.add_subparsers(dest="attachment_cmd", required=True)
    c = asub.add_parser("get", help="save a decrypted copy of an attachment")
    c.add_argument("id")
    c.add_argument("-o", "--output", required=True)
    c.set_defaults(handler=cmd_attachment_get)


def _section_titles(
    vault: Vault, template_id: str, version: int | None, lang: str
) -> dict[str, str]:
    return dict(vault.templates.get(template_id, version).section_titles(lang))


def _apply(args: argparse.Namespace, vault: Vault, base: EntryContent, lang: str) -> EntryContent:
    sections = dict(base.sections)
    title = base.title
    template_id = base.template_id
    version: int | None = base.template_version
    if getattr(args, "template", None) and args.template != base.template_id:
        template_id, version = args.template, None
    titles = _section_titles(vault, template_id, version, lang)
    if args.from_markdown:
        try:
            text = Path(args.from_markdown).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise FileUnreadable(Path(args.from_markdown).name) from exc
        default_key = "body" if "body" in titles else None
        md_title, md_sections = split_markdown(text, titles, default_key)
        title = md_title or title
        sections.update(md_sections)
    for item in args.section:
        key, sep, text = item.partition("=")
        if not sep or not key.strip():
            raise InvalidValue(f"--section {item[:40]}")
        sections[key.strip()] = text.replace("\\n", "\n")
    if args.title is not None:
        title = args.title
    version = vault.templates.get(template_id, version).version
    return replace(
        base,
        title=title,
        sections=sections,
        tags=tuple(args.tags) if args.tags is not None else base.tags,
        standards=tuple(args.standards) if args.standards is not None else base.standards,
        event_date=args.date or base.event_date,
        template_id=template_id,
        template_version=version or 1,
    )


def cmd_add(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    journal = vault.journals.resolve(args.journal)
    base = EntryContent(template_id=args.template or "free", event_date=date.today())
    content = _apply(args, vault, base, ctx.lang)
    entry = vault.entries.add(journal.id, content, [Path(a) for a in args.attach])
    ctx.out.write(entry.id + "\n")
    return 0


def cmd_edit(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    current = vault.entries.get(args.id)
    content = _apply(args, vault, current.content, ctx.lang)
    entry = vault.entries.edit(args.id, content)
    for path in args.attach:
        vault.entries.attach(entry.id, Path(path))
    ctx.say("Cli", QT_TRANSLATE_NOOP("Cli", "Saved revision {seq}."), seq=entry.head.seq)
    return 0


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    rows = vault.entries.list(filters_from(args, vault), sort=args.sort, descending=not args.asc)
    if args.json:
        ctx.emit_json(
            [
                {
                    "id": r.id,
                    "journal_id": r.journal_id,
                    "title": r.title,
                    "template": r.template_id,
                    "tags": list(r.tags),
                    "standards": list(r.standards),
                    "date": r.event_date.isoformat() if r.event_date else None,
                    "updated_at": r.updated_at.isoformat(),
                    "revisions": r.revision_count,
                }
                for r in rows
            ]
        )
        return 0
    for r in rows:
        day = (r.event_date or r.created_at.date()).isoformat()
        tags = " ".join(f"#{t}" for t in r.tags)
        ctx.out.write(
            f"{r.id}  {day}  {r.title or '—'}  [{r.template_id}] {tags}\n".rstrip() + "\n"
        )
    return 0


def entry_json(entry: Entry, revision: Revision) -> dict[str, Any]:
    c = revision.content
    return {
        "id": entry.id,
        "journal_id": entry.journal_id,
        "revision": {"id": revision.id, "seq": revision.seq, "hash": revision.content_hash},
        **c.to_json(),
        "attachments": [
            {"id": a.id, "filename": a.filename, "media_type": a.media_type, "size": a.size}
            for a in entry.attachments
        ],
    }


def cmd_show(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    entry = vault.entries.get(args.id)
    revision = vault.entries.revision(args.id, args.revision) if args.revision else entry.head
    content = revision.content
    if args.format == "json":
        ctx.emit_json(entry_json(entry, revision))
    elif args.format == "html":
        ctx.out.write(vault.templates.html(content, ctx.lang) + "\n")
    else:
        ctx.out.write(vault.templates.markdown(content, ctx.lang))
    if args.format in ("text",):
        meta = [
            f"id: {entry.id}",
            f"revision: {revision.seq} ({revision.id})",
            f"template: {content.template_id} v{content.template_version}",
        ]
        if content.event_date:
            meta.append(f"date: {content.event_date.isoformat()}")
        if content.tags:
            meta.append("tags: " + ", ".join(content.tags))
        if content.standards:
            meta.append("standards: " + ", ".join(content.standards))
        for a in entry.attachments:
            meta.append(f"attachment: {a.id}  {a.filename}  {a.size} B")
        ctx.out.write("\n" + "\n".join(meta) + "\n")
    return 0


def cmd_history(args: argparse.Namespace, ctx: CliContext) -> int:
    revisions = ctx.open_vault().entries.history(args.id)
    if args.json:
        ctx.emit_json(
            [
                {
                    "id": r.id,
                    "seq": r.seq,
                    "parents": list(r.parent_ids),
                    "author": r.author,
                    "created_at": r.created_at.isoformat(),
                    # when the editing session that wrote it began (docs/history.md)
                    "started_at": r.started_at.isoformat() if r.started_at else None,
                    "hash": r.content_hash,
                    "title": r.content.title,
                    "words": r.content.word_count(),
                }
                for r in revisions
            ]
        )
        return 0
    for r in revisions:
        ctx.out.write(
            f"{r.seq:>3}  {r.id}  {r.created_at.isoformat(timespec='seconds')}  "
            f"{r.content.word_count()}w  {r.content_hash[:12]}\n"
        )
    return 0


def cmd_diff(args: argparse.Namespace, ctx: CliContext) -> int:
    diffs = ctx.open_vault().entries.diff(args.id, args.old, args.new)
    for d in diffs:
        ctx.out.write(f"## {d.key}\n")
        for line in d.lines:
            ctx.out.write(line + "\n")
    return 0


def cmd_restore(args: argparse.Namespace, ctx: CliContext) -> int:
    entry = ctx.open_vault().entries.restore(args.id, args.revision)
    ctx.say("Cli", QT_TRANSLATE_NOOP("Cli", "Saved revision {seq}."), seq=entry.head.seq)
    return 0


def cmd_attachment_get(args: argparse.Namespace, ctx: CliContext) -> int:
    info = ctx.open_vault().entries.save_attachment_as(args.id, Path(args.output))
    ctx.say(
        "Cli",
        QT_TRANSLATE_NOOP("Cli", "Saved {name} to {path}. This copy is not encrypted."),
        name=info.filename,
        path=args.output,
    )
    return 0


_ORIGINS = {
    Origin.THIS_COMPUTER: QT_TRANSLATE_NOOP("Cli", "this computer"),
    Origin.OTHER_COMPUTER: QT_TRANSLATE_NOOP("Cli", "another computer"),
    Origin.MERGED: QT_TRANSLATE_NOOP("Cli", "merged automatically"),
    Origin.AUTHOR: QT_TRANSLATE_NOOP("Cli", "its author"),
}


def _field(name: str) -> str:
    """A field as typed: ``title``, ``event_date``, ``template`` or a section's key."""
    name = name.strip()
    return (
        name
        if name in (TITLE, EVENT_DATE, TEMPLATE) or name.startswith(SECTION)
        else (SECTION + name)
    )


def cmd_versions(args: argparse.Namespace, ctx: CliContext) -> int:
    conflict = ctx.open_vault().entries.conflict(args.id)
    fields = (
        conflict.merged.conflicts
        if conflict.resolvable
        else differing_fields([v.content for v in conflict.versions])
    )
    if args.json:
        ctx.emit_json(
            {
                "entry": conflict.entry_id,
                "resolvable": conflict.resolvable,
                "versions": [
                    {
                        "n": n,
                        "revision": v.revision_id,
                        "origin": v.origin.value,
                        "created_at": v.created_at.isoformat(),
                    }
                    for n, v in enumerate(conflict.versions, 1)
                ],
                "fields": [
                    {"field": f.field, "base": f.base, "values": list(f.values)} for f in fields
                ],
            }
        )
        return 0
    for n, v in enumerate(conflict.versions, 1):
        origin = ctx.translate("Cli", _ORIGINS[v.origin])
        when = v.created_at.isoformat(timespec="seconds")
        ctx.out.write(f"[{n}] {origin}  {when}  {v.revision_id}\n")
    for f in fields:
        ctx.out.write(f"\n## {f.field}\n")
        for n, value in enumerate(f.values, 1):
            ctx.out.write(f"[{n}] {value if value is not None else '-'}\n")
    if conflict.resolvable:
        ctx.say(
            "Cli",
            QT_TRANSLATE_NOOP(
                "Cli", "Resolve with: entry resolve {id} --keep FIELD=N or --text FIELD=TEXT"
            ),
            id=conflict.entry_id,
        )
    return 0


def cmd_resolve(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    conflict = vault.entries.conflict(args.id)
    choices: dict[str, Choice] = {}
    for item in args.keep:
        name, sep, number = item.partition("=")
        if not sep or not number.strip().isdigit():
            raise InvalidValue(f"--keep {item[:40]}")
        choices[_field(name)] = int(number) - 1
    for item in args.text:
        name, sep, text = item.partition("=")
        if not sep or not name.strip():
            raise InvalidValue(f"--text {item[:40]}")
        choices[_field(name)] = text.replace("\\n", "\n")
    entry = vault.entries.resolve_conflict(args.id, conflict.tips, choices)
    ctx.say("Cli", QT_TRANSLATE_NOOP("Cli", "Saved revision {seq}."), seq=entry.head.seq)
    return 0
