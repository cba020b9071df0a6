"""An entry and its template → clean Markdown, or sanitised HTML.

Prompt titles become headings with the answers beneath; sub-prompts nest one level
deeper; optional prompts left empty are left out, required ones show "no answer".
Sections the template does not know (because the template changed or is gone) are
still rendered, after the known ones, under their key. Pass the template the entry
was *written with* (``TemplateService.get(id, version)``) and an old entry reads the
same forever.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from reflectdesk.rendering.markdown_html import (
    markdown_to_html_unsanitized,
    safe_markdown_source,
    sanitize_html,
)
from reflectdesk.standards.model import Taxonomy
from reflectdesk.templates.model import Lang, Prompt, Template, normalize_lang


class EntryContentLike(Protocol):
    """What the renderer reads from an entry (``reflectdesk.domain.model.EntryContent``)."""

    @property
    def title(self) -> str: ...
    @property
    def sections(self) -> Mapping[str, str]: ...
    @property
    def tags(self) -> tuple[str, ...]: ...
    @property
    def standards(self) -> tuple[str, ...]: ...
    @property
    def event_date(self) -> date | None: ...
    @property
    def template_id(self) -> str: ...
    @property
    def template_version(self) -> int: ...


_LABELS: dict[str, dict[Lang, str]] = {
    "untitled": {"es": "Sin título", "en": "Untitled"},
    "date": {"es": "Fecha", "en": "Date"},
    "template": {"es": "Plantilla", "en": "Template"},
    "tags": {"es": "Etiquetas", "en": "Tags"},
    "standards": {"es": "Estándares", "en": "Standards"},
    "no_answer": {"es": "(sin respuesta)", "en": "(no answer)"},
    "unavailable": {"es": "no disponible", "en": "not available"},
}

_MD_SPECIAL = re.compile(r"([\\`*_\[\]#])")


def _label(name: str, lang: Lang) -> str:
    return _LABELS[name][lang]


def escape_markdown_inline(text: str) -> str:
    """``text`` as literal Markdown (a heading or list item that shows exactly ``text``)."""
    flat = " ".join(text.split())
    return _MD_SPECIAL.sub(r"\\\1", flat).replace("<", "&lt;")


_ATX_RE = re.compile(r"^( {0,3})(#{1,6})(?=[ \t]|$)")
_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def demote_headings(text: str, offset: int) -> str:
    """Push the ATX headings (``# x``) of an answer ``offset`` levels down, at most to 6.

    Fenced code blocks are left alone. Mirrors the heading shift of the HTML rendering.
    """
    if offset <= 0 or "#" not in text:
        return text
    out: list[str] = []
    fence: str | None = None
    for line in text.split("\n"):
        fence_match = _FENCE_RE.match(line)
        if fence_match:
            marker = fence_match.group(1)
            if fence is None:
                fence = marker[0] * len(marker)
            elif marker.startswith(fence):
                fence = None
        elif fence is None:
            match = _ATX_RE.match(line)
            if match:
                hashes = "#" * min(6, len(match.group(2)) + offset)
                line = f"{match.group(1)}{hashes}{line[match.end() :]}"
        out.append(line)
    return "\n".join(out)


@dataclass(frozen=True, slots=True)
class _Block:
    level: int  # heading level, 2 for top-level prompts
    key: str
    title: str
    body: str | None  # None: required but unanswered


def _answer(sections: Mapping[str, str], key: str) -> str:
    value = sections.get(key, "")
    return value.strip() if isinstance(value, str) else ""


def _prompt_blocks(
    prompt: Prompt, level: int, sections: Mapping[str, str], lang: Lang
) -> list[_Block]:
    children: list[_Block] = []
    for sub in prompt.prompts:
        children.extend(_prompt_blocks(sub, level + 1, sections, lang))
    answer = _answer(sections, prompt.key)
    if not answer and not children and not prompt.required:
        return []
    body: str | None = answer if answer or children else None
    return [_Block(min(level, 6), prompt.key, prompt.title.get(lang), body), *children]


def _blocks(content: EntryContentLike, template: Template | None, lang: Lang) -> Iterator[_Block]:
    known: set[str] = set()
    if template is not None:
        known = set(template.section_keys())
        for prompt in template.prompts:
            yield from _prompt_blocks(prompt, 2, content.sections, lang)
    for key, value in content.sections.items():
        if key not in known and isinstance(value, str) and value.strip():
            yield _Block(2, key, key, value.strip())


def _meta(
    content: EntryContentLike, template: Template | None, lang: Lang, taxonomy: Taxonomy | None
) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    if content.event_date is not None:
        rows.append((_label("date", lang), content.event_date.isoformat()))
    if template is not None:
        rows.append((_label("template", lang), f"{template.name.get(lang)} (v{template.version})"))
    else:
        rows.append(
            (
                _label("template", lang),
                f"{content.template_id} (v{content.template_version}, "
                f"{_label('unavailable', lang)})",
            )
        )
    if content.tags:
        rows.append((_label("tags", lang), ", ".join(content.tags)))
    if content.standards:
        labels = [taxonomy.label(c, lang) if taxonomy else c for c in content.standards]
        rows.append((_label("standards", lang), "; ".join(labels)))
    return rows


def render_markdown(
    content: EntryContentLike,
    template: Template | None,
    lang: str,
    *,
    taxonomy: Taxonomy | None = None,
) -> str:
    """The entry as Markdown: ``# title``, a metadata list, then one heading per answer.

    Answers go through :func:`safe_markdown_source`: raw HTML shows as text and only
    safe links survive, as in the HTML rendering, so the file is safe to open in any
    Markdown viewer."""
    code = normalize_lang(lang)
    title = content.title.strip() or _label("untitled", code)
    lines = [f"# {escape_markdown_inline(title)}", ""]
    for name, value in _meta(content, template, code, taxonomy):
        lines.append(f"- **{name}:** {escape_markdown_inline(value)}")
    lines.append("")
    for block in _blocks(content, template, code):
        lines.append(f"{'#' * block.level} {escape_markdown_inline(block.title)}")
        lines.append("")
        if block.body is None:
            lines.extend([f"*{_label('no_answer', code)}*", ""])
        elif block.body:
            # Received text is someone else's: no raw HTML, no javascript: links.
            lines.extend([safe_markdown_source(demote_headings(block.body, block.level)), ""])
    return "\n".join(lines).rstrip() + "\n"


def render_html(
    content: EntryContentLike,
    template: Template | None,
    lang: str,
    *,
    taxonomy: Taxonomy | None = None,
) -> str:
    """The entry as a sanitised HTML fragment (an ``<article>``), same structure as Markdown."""
    code = normalize_lang(lang)
    title = content.title.strip() or _label("untitled", code)
    parts = ["<article>", "<header>", f"<h1>{html.escape(title)}</h1>"]
    meta = _meta(content, template, code, taxonomy)
    if meta:
        parts.append("<dl>")
        for name, value in meta:
            parts.append(f"<dt>{html.escape(name)}</dt><dd>{html.escape(value)}</dd>")
        parts.append("</dl>")
    parts.append("</header>")
    for block in _blocks(content, template, code):
        parts.append(f"<h{block.level}>{html.escape(block.title)}</h{block.level}>")
        if block.body is None:
            parts.append(f"<p><em>{html.escape(_label('no_answer', code))}</em></p>")
        elif block.body:
            parts.append(markdown_to_html_unsanitized(block.body, heading_offset=block.level))
    parts.append("</article>")
    # The one sanitising pass for the whole article: answers and the assembly alike.
    return sanitize_html("\n".join(parts))
