"""The practicum portfolio: entries with their comments (numbered footnotes) and the
sign-off table per entry (standard code and title, verdict, note; who signed, their key
id, the date), as one safe HTML document or Markdown.

Review text is someone's writing: in HTML it is escaped as plain text and the whole body
goes through the one sanitiser (``sanitize_html``); in Markdown it goes through
``safe_markdown_source`` like an entry's answers. The HTML document has no script, no
external resource and a Content-Security-Policy that allows none.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from reflectdesk.rendering.entry_render import escape_markdown_inline
from reflectdesk.rendering.markdown_html import safe_markdown_source, sanitize_html
from reflectdesk.templates.model import Lang, normalize_lang

_LABELS: dict[str, dict[Lang, str]] = {
    "portfolio": {"es": "Portafolio de práctica", "en": "Practicum portfolio"},
    "comments": {"es": "Comentarios", "en": "Comments"},
    "sign_offs": {"es": "Aprobaciones", "en": "Sign-offs"},
    "standard": {"es": "Estándar", "en": "Standard"},
    "verdict": {"es": "Valoración", "en": "Verdict"},
    "note": {"es": "Nota", "en": "Note"},
    "overall": {"es": "En general", "en": "Overall"},
    "signed_by": {"es": "Aprobado por", "en": "Signed off by"},
    "key": {"es": "clave", "en": "key"},
    "version": {"es": "versión", "en": "version"},
    "changed": {
        "es": "La entrada cambió después de esta aprobación.",
        "en": "The entry changed since this sign-off.",
    },
    "earlier": {"es": "en una versión anterior", "en": "on an earlier version"},
    "resolved": {"es": "resuelto", "en": "resolved"},
    "met": {"es": "logrado", "en": "met"},
    "partly": {"es": "parcialmente logrado", "en": "partly met"},
    "not-yet": {"es": "aún no logrado", "en": "not yet met"},
}

_STYLE = (
    "body{font-family:sans-serif;max-width:46em;margin:2em auto;line-height:1.5;padding:0 1em}"
    "table{border-collapse:collapse}th,td{border:1px solid #999;padding:.3em .6em;"
    "text-align:left;vertical-align:top}article{margin-bottom:3em}"
)


@dataclass(frozen=True, slots=True)
class FootnoteReply:
    author: str
    date: str
    text: str


@dataclass(frozen=True, slots=True)
class Footnote:
    section: str
    quote: str
    text: str
    author: str
    date: str
    on_earlier_version: bool
    resolved: bool
    replies: tuple[FootnoteReply, ...]


@dataclass(frozen=True, slots=True)
class SignOffRow:
    code: str
    title: str
    verdict: str  # met | partly | not-yet
    note: str


@dataclass(frozen=True, slots=True)
class SignOffTable:
    author: str
    key_id: str
    date: str
    version: int | None
    changed_since: bool
    overall: str
    note: str
    rows: tuple[SignOffRow, ...]


@dataclass(frozen=True, slots=True)
class PortfolioEntry:
    rendered: str  # the entry as render_html (a sanitised <article>) or render_markdown
    footnotes: tuple[Footnote, ...]
    sign_offs: tuple[SignOffTable, ...]


def _l(name: str, lang: Lang) -> str:
    return _LABELS[name][lang]


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _html_entry(entry: PortfolioEntry, lang: Lang) -> str:
    parts = [entry.rendered]
    for table in entry.sign_offs:
        version = f", {_l('version', lang)} {table.version}" if table.version else ""
        parts.append("<section>")
        parts.append(
            f"<h2>{_e(_l('sign_offs', lang))}</h2><p><strong>{_e(_l('signed_by', lang))}"
            f"</strong> {_e(table.author)} ({_e(_l('key', lang))} <code>{_e(table.key_id)}"
            f"</code>), {_e(table.date)}{_e(version)}</p>"
        )
        if table.changed_since:
            parts.append(f"<p><em>{_e(_l('changed', lang))}</em></p>")
        parts.append(
            f"<table><thead><tr><th>{_e(_l('standard', lang))}</th><th>"
            f"{_e(_l('verdict', lang))}</th><th>{_e(_l('note', lang))}</th></tr></thead><tbody>"
        )
        for row in table.rows:
            parts.append(
                f"<tr><td>{_e(row.title)}</td><td>{_e(_l(row.verdict, lang))}</td>"
                f"<td>{_e(row.note)}</td></tr>"
            )
        parts.append(
            f"<tr><td><strong>{_e(_l('overall', lang))}</strong></td><td>"
            f"{_e(_l(table.overall, lang))}</td><td>{_e(table.note)}</td></tr>"
        )
        parts.append("</tbody></table></section>")
    if entry.footnotes:
        parts.append(f"<section><h2>{_e(_l('comments', lang))}</h2><ol>")
        for note in entry.footnotes:
            flags = [note.section]
            if note.on_earlier_version:
                flags.append(_l("earlier", lang))
            if note.resolved:
                flags.append(_l("resolved", lang))
            parts.append(
                f"<li><p>«{_e(note.quote)}» ({_e(', '.join(flags))})</p>"
                f"<p>{_e(note.text)} — <em>{_e(note.author)}, {_e(note.date)}</em></p>"
            )
            for reply in note.replies:
                parts.append(
                    f"<blockquote><p>{_e(reply.text)} — <em>{_e(reply.author)}, "
                    f"{_e(reply.date)}</em></p></blockquote>"
                )
            parts.append("</li>")
        parts.append("</ol></section>")
    return "\n".join(parts)


def portfolio_html(title: str, entries: Sequence[PortfolioEntry], lang: str) -> str:
    """One self-contained, inert HTML document."""
    code = normalize_lang(lang)
    heading = title or _l("portfolio", code)
    body = sanitize_html(
        f"<h1>{_e(heading)}</h1>\n" + "\n".join(_html_entry(e, code) for e in entries)
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{code}"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src 'none'\">"
        f"<title>{_e(heading)}</title><style>{_STYLE}</style></head>\n"
        f"<body>\n{body}\n</body></html>\n"
    )


def _md_cell(text: str) -> str:
    """Someone's text on one line of Markdown: no raw HTML, only safe links, no cell break."""
    return safe_markdown_source(" ".join(text.split())).strip().replace("|", "\\|")


def portfolio_markdown(title: str, entries: Sequence[PortfolioEntry], lang: str) -> str:
    code = normalize_lang(lang)
    out = [f"# {escape_markdown_inline(title or _l('portfolio', code))}", ""]
    for entry in entries:
        # The entry's own headings one level down, under the portfolio's title.
        out += ["#" + line if line.startswith("#") else line for line in entry.rendered.split("\n")]
        for table in entry.sign_offs:
            version = f", {_l('version', code)} {table.version}" if table.version else ""
            out += [
                f"### {_l('sign_offs', code)}",
                "",
                f"**{_l('signed_by', code)}** {_md_cell(table.author)} "
                f"({_l('key', code)} `{table.key_id}`), {table.date}{version}",
                "",
            ]
            if table.changed_since:
                out += [f"*{_l('changed', code)}*", ""]
            out += [
                f"| {_l('standard', code)} | {_l('verdict', code)} | {_l('note', code)} |",
                "| --- | --- | --- |",
            ]
            out += [
                f"| {_md_cell(r.title)} | {_l(r.verdict, code)} | {_md_cell(r.note)} |"
                for r in table.rows
            ]
            out += [
                f"| **{_l('overall', code)}** | {_l(table.overall, code)} | "
                f"{_md_cell(table.note)} |",
                "",
            ]
        if entry.footnotes:
            out += [f"### {_l('comments', code)}", ""]
            for n, note in enumerate(entry.footnotes, 1):
                flags = [note.section]
                if note.on_earlier_version:
                    flags.append(_l("earlier", code))
                if note.resolved:
                    flags.append(_l("resolved", code))
                out.append(
                    f"{n}. «{_md_cell(note.quote)}» ({_md_cell(', '.join(flags))}): "
                    f"{_md_cell(note.text)} — *{_md_cell(note.author)}, {note.date}*"
                )
                for reply in note.replies:
                    out.append(
                        f"    - {_md_cell(reply.text)} — *{_md_cell(reply.author)}, {reply.date}*"
                    )
            out.append("")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
