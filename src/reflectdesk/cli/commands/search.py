"""search QUERY [filters]."""

from __future__ import annotations

import argparse

from reflectdesk.cli.commands.entries import add_filter_args, filters_from
from reflectdesk.cli.session import CliContext
from reflectdesk.domain.model import HIGHLIGHT_END, HIGHLIGHT_START
from reflectdesk.i18n_marker import QT_TRANSLATE_NOOP


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("search", help="full-text search (accent- and case-insensitive)")
    p.add_argument("query")
    add_filter_args(p)
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(handler=cmd_search)


def cmd_search(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = ctx.open_vault()
    hits = vault.search.query(args.query, filters_from(args, vault), limit=args.limit)
    if args.json:
        ctx.emit_json(
            [
                {
                    "id": h.entry_id,
                    "journal_id": h.journal_id,
                    "title": h.title,
                    "snippet": h.snippet.replace(HIGHLIGHT_START, "[").replace(HIGHLIGHT_END, "]"),
                    "rank": h.rank,
                    "date": h.event_date.isoformat() if h.event_date else None,
                }
                for h in hits
            ]
        )
        return 0
    if not hits:
        ctx.say("Cli", QT_TRANSLATE_NOOP("Cli", "No entries match."))
    tty = ctx.out.isatty()
    start, end = ("\x1b[1m", "\x1b[0m") if tty else ("[", "]")
    for h in hits:
        snippet = h.snippet.replace(HIGHLIGHT_START, start).replace(HIGHLIGHT_END, end)
        snippet = " ".join(snippet.split())
        ctx.out.write(f"{h.entry_id}  {h.title or '—'}\n    {snippet}\n")
    return 0
