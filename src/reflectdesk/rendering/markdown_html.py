"""The one place Markdown becomes HTML.

Journal text is Markdown. It becomes HTML here and nowhere else, in three steps:

1. Raw HTML in the text is escaped first (:func:`escape_raw_html`): ``<b>``,
   ``<script>`` or a placeholder like ``<nombre>`` typed in an answer is shown as text,
   never interpreted and never silently dropped.
2. cmark-gfm (GitHub's C implementation of CommonMark, via ``cmarkgfm``; tables,
   strikethrough, bare-URL links) converts it in safe mode, which also drops raw HTML
   and ``javascript:``/``data:``-style link targets that reach it.
3. ``nh3`` (ammonia) sanitises the result against a small allow-list, as a second
   wall: no scripts, event handlers, styles, frames, objects, forms or SVG; links
   only to ``http(s)``/``mailto`` and marked ``noopener noreferrer nofollow``;
   images only from ``attachment:<id>`` (the entry's own attachments), so nothing
   is ever loaded from the network.

The GUI's live preview calls :func:`markdown_to_safe_html`; the entry renderer uses
it for every answer.
"""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser
from typing import ClassVar

import cmarkgfm  # type: ignore[import-untyped]
import nh3
from cmarkgfm.cmark import Options  # type: ignore[import-untyped]

log = logging.getLogger(__name__)

ALLOWED_TAGS: frozenset[str] = frozenset(
    {
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
        "strong", "em", "b", "i", "del", "s", "sup", "sub", "code", "pre", "blockquote",
        "ul", "ol", "li", "dl", "dt", "dd",
        "table", "thead", "tbody", "tr", "th", "td",
        "a", "img", "section", "article", "header",
    }
)  # fmt: skip

ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "title"}),
    "img": frozenset({"src", "alt", "title"}),
    "th": frozenset({"align"}),
    "td": frozenset({"align"}),
    "ol": frozenset({"start"}),
}

LINK_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto"})
ATTACHMENT_SCHEME = "attachment"
_ATTACHMENT_RE = re.compile(r"attachment:[0-9A-Za-z-]{1,64}")
_LINK_RE = re.compile(r"(?:https?://|mailto:)[^\s\x00-\x1f]+", re.IGNORECASE)

#: Elements removed together with everything inside them.
_DROP_WITH_CONTENT: frozenset[str] = frozenset(
    {"script", "style", "iframe", "object", "embed", "noscript", "template", "svg", "math",
     "textarea", "select", "title", "xmp", "noembed", "noframes", "frameset", "frame"}
)  # fmt: skip


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    """Keep only safe URLs: links to the web or mail, images from the entry's attachments."""
    if tag == "img" and attribute == "src":
        return value if _ATTACHMENT_RE.fullmatch(value) else None
    if tag == "a" and attribute == "href":
        return value if _LINK_RE.fullmatch(value) else None
    if tag == "ol" and attribute == "start":
        return value if value.isdigit() and len(value) <= 6 else None
    if attribute == "align":
        return value if value in {"left", "right", "center"} else None
    return value


_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags=set(_DROP_WITH_CONTENT),
    attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
    attribute_filter=_filter_attribute,
    strip_comments=True,
    link_rel="noopener noreferrer nofollow",
    url_schemes=set(LINK_SCHEMES | {ATTACHMENT_SCHEME}),
    url_relative="deny",
)


def sanitize_html(html: str) -> str:
    """Reduce any HTML fragment to the allow-list above."""
    return _CLEANER.clean(html)


#: GitHub-flavoured Markdown extensions used on top of CommonMark.
GFM_EXTENSIONS: tuple[str, ...] = ("table", "strikethrough", "autolink")

_HEADING_TAG_RE = re.compile(r"<(/?)h([1-6])(?=[\s>])")
_FENCE_RE = re.compile(r"^( {0,3})(`{3,}|~{3,})")
_LIST_ITEM_RE = re.compile(r"^ {0,3}(?:[-+*]|[0-9]{1,9}[.)])(?:[ \t]|$)")
_INLINE_TOKEN_RE = re.compile(r"\\[\s\S]|`+|<")
_AUTOLINK_RE = re.compile(
    r"<(?:(?:https?|mailto):[^\s<>]*"
    r"|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]{0,250}[A-Za-z0-9])?)>",
    re.IGNORECASE,
)


_BARE_LT_RE = re.compile(r"(\\*)<")


_BACKSLASH_LT = "\\<"
#: What :func:`safe_markdown_source` writes for a ``<``: a GFM bare URL just before a
#: backslash escape swallows the backslash (``www.a.b\\<img …>`` leaves a raw tag), never
#: a character reference.
_ENTITY_LT = "&lt;"


def _escape_bare(match: re.Match[str], lt: str = _BACKSLASH_LT) -> str:
    slashes = match.group(1)
    if len(slashes) % 2:  # already escaped by the writer
        return match.group() if lt == _BACKSLASH_LT else slashes[:-1] + lt
    if _AUTOLINK_RE.match(match.string, match.end(1)):
        return match.group()
    return f"{slashes}{lt}"


def _escape_inline(chunk: str, lt: str = _BACKSLASH_LT) -> str:
    """Escape every ``<`` of a run of Markdown text (as ``lt``), except in code spans and
    ``<https://...>``/``<name@host>`` autolinks."""
    if "<" not in chunk:
        return chunk
    if "`" not in chunk:  # no code spans: one regex pass
        return _BARE_LT_RE.sub(lambda m: _escape_bare(m, lt), chunk)
    out: list[str] = []
    pos = 0
    for match in _INLINE_TOKEN_RE.finditer(chunk):
        start = match.start()
        if start < pos:
            continue  # inside a code span or autolink already copied
        token = match.group()
        if token.startswith("\\"):
            if token == _BACKSLASH_LT and lt != _BACKSLASH_LT:
                out.append(chunk[pos:start])
                out.append(lt)
                pos = match.end()
            continue  # an escape: copied with the text around it
        if token.startswith("`"):
            closing = re.compile(rf"(?<!`){token}(?!`)").search(chunk, match.end())
            if closing is not None:
                out.append(chunk[pos : closing.end()])
                pos = closing.end()
            continue
        autolink = _AUTOLINK_RE.match(chunk, start)
        out.append(chunk[pos:start])
        if autolink is not None:
            out.append(autolink.group())
            pos = autolink.end()
        else:
            out.append(lt)
            pos = start + 1
    out.append(chunk[pos:])
    return "".join(out)


def escape_raw_html(text: str, *, lt: str = _BACKSLASH_LT) -> str:
    """Make raw HTML in Markdown show as text: ``<b>`` becomes ``\\<b>``.

    Fenced code blocks, indented code blocks (outside lists) and code spans are left
    alone, so their ``<`` still shows as typed. Whatever this misses is dropped later
    by the parser's safe mode and by the sanitiser: it can only cost looks, never safety.
    """
    if "<" not in text:
        return text
    out: list[str] = []
    pending: list[str] = []  # lines of ordinary text, escaped together (code spans may wrap)
    fence: str | None = None
    previous_blank = True
    in_list = False
    in_indented_code = False

    def flush() -> None:
        if pending:
            out.append(_escape_inline("\n".join(pending), lt))
            pending.clear()

    for line in text.split("\n"):
        blank = not line.strip()
        if fence is not None:
            out.append(line)
            stripped = line.strip()
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                fence = None
            continue
        fence_match = _FENCE_RE.match(line)
        if fence_match is not None:
            flush()
            fence = fence_match.group(2)
            out.append(line)
            previous_blank = False
            continue
        indented = line.startswith(("    ", "\t"))
        if in_indented_code and (indented or blank):
            out.append(line)
            continue
        in_indented_code = False
        if indented and previous_blank and not in_list:
            flush()
            in_indented_code = True
            out.append(line)
            continue
        if _LIST_ITEM_RE.match(line):
            in_list = True
        elif not blank and not indented and previous_blank:
            in_list = False
        if blank:
            flush()
            out.append(line)
        else:
            pending.append(line)
        previous_blank = blank
    flush()
    return "\n".join(out)


# --- Markdown source that is safe to open elsewhere ------------------------------------------
#: Link destinations kept in Markdown output: the web, mail, the entry's own attachments
#: and anchors. Anything else (``javascript:``, ``data:``, ``file:``, relative paths,
#: entity- or escape-obfuscated schemes) is shown as text, not followed.
_SAFE_LINK_RE = re.compile(r"(?:https?://|mailto:|attachment:|#)", re.IGNORECASE)
#: Images only from the entry's attachments: a remote image is a read receipt.
_SAFE_IMAGE_RE = re.compile(r"attachment:", re.IGNORECASE)
_DEST_START_RE = re.compile(r"[ \t]*(?:\n[ \t]*)?<?")
_LINK_TOKEN_RE = re.compile(r"\\[\s\S]|`+|!\[|\]\(")
#: ``[label]:`` anywhere (inside a quote or a list item too), not itself escaped.
_REF_DEF_RE = re.compile(r"((?<!\\)(?:\\\\)*)\[((?:\\.|[^\\\[\]])+)\]:")


def _closing_bracket(chunk: str, opening: int) -> int:
    """Where the ``]`` matching the ``[`` at ``opening`` is (-1 if none)."""
    depth = 0
    pos = opening
    while pos < len(chunk):
        char = chunk[pos]
        if char == "\\":
            pos += 2
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return pos
        pos += 1
    return -1


def _destination(chunk: str, after_paren: int) -> int:
    found = _DEST_START_RE.match(chunk, after_paren)
    return found.end() if found is not None else after_paren


def _safe_links_inline(chunk: str) -> str:
    """Turn unsafe links and images of a run of Markdown into text; code spans are left
    alone. An image not from an attachment loses its ``!`` (``\\![alt]…``: at most a
    link, under the link rule); a link to an unsafe destination becomes ``]\\(dest)``."""
    if "](" not in chunk and "![" not in chunk:
        return chunk
    out: list[str] = []
    pos = 0
    for match in _LINK_TOKEN_RE.finditer(chunk):
        start = match.start()
        if start < pos:
            continue
        token = match.group()
        if token.startswith("\\"):
            continue
        if token.startswith("`"):
            closing = re.compile(rf"(?<!`){token}(?!`)").search(chunk, match.end())
            if closing is not None:
                out.append(chunk[pos : closing.end()])
                pos = closing.end()
            continue
        if token.startswith("!"):  # "![": an image
            close = _closing_bracket(chunk, start + 1)
            inline = close >= 0 and chunk.startswith("(", close + 1)
            if not (inline and _SAFE_IMAGE_RE.match(chunk, _destination(chunk, close + 2))):
                out.append(chunk[pos:start])
                out.append("\\!")
                pos = start + 1
            continue
        if not _SAFE_LINK_RE.match(chunk, _destination(chunk, match.end())):
            out.append(chunk[pos : start + 1])
            out.append("\\(")
            pos = match.end()
    out.append(chunk[pos:])
    return "".join(out)


def _safe_reference_definitions(text: str) -> str:
    """``[label]: javascript:…`` becomes text (``\\[label]: …``), wherever it stands."""

    def check(match: re.Match[str]) -> str:
        if _SAFE_LINK_RE.match(text, _destination(text, match.end())):
            return match.group()
        return f"{match.group(1)}\\[{match.group(2)}]:"

    return _REF_DEF_RE.sub(check, text) if "]:" in text else text


class _PermissiveViewerCheck(HTMLParser):
    """Whether the HTML a permissive viewer makes of some Markdown is harmless: only
    the tags Markdown itself makes, links to the web, mail, attachments or anchors,
    images from attachments, and no raw HTML (comments and declarations included)."""

    _ATTRIBUTES: ClassVar[dict[str, frozenset[str]]] = {
        **ALLOWED_ATTRIBUTES,
        "code": frozenset({"class"}),  # "language-x" of a fenced block
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.safe = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS and tag != "input":
            self.safe = False
        for name, value in attrs:
            if name not in self._ATTRIBUTES.get(tag, frozenset()):
                if not (tag == "input" and name in {"type", "checked", "disabled"}):
                    self.safe = False
            elif tag == "a" and name == "href":
                self.safe &= _SAFE_LINK_RE.match(value or "") is not None
            elif tag == "img" and name == "src":
                self.safe &= _SAFE_IMAGE_RE.match(value or "") is not None

    def handle_endtag(self, tag: str) -> None:
        if tag not in ALLOWED_TAGS:
            self.safe = False

    def handle_comment(self, data: str) -> None:
        self.safe = False

    def handle_decl(self, decl: str) -> None:
        self.safe = False

    def handle_pi(self, data: str) -> None:
        self.safe = False

    def unknown_decl(self, data: str) -> None:
        self.safe = False


def _safe_in_a_permissive_viewer(markdown: str) -> bool:
    html: str = cmarkgfm.markdown_to_html_with_extensions(
        markdown, options=Options.CMARK_OPT_UNSAFE, extensions=list(GFM_EXTENSIONS)
    )
    # The parser escapes every "<" of text, so any other "<" is raw HTML (a comment, a
    # declaration, an unfinished tag that HTMLParser would hold back unreported).
    for start in (m.start() for m in re.finditer("<", html)):
        tag = _MARKDOWN_TAG_RE.match(html, start)
        if tag is None or tag.group(1) not in ALLOWED_TAGS | {"input"}:
            return False
    check = _PermissiveViewerCheck()
    check.feed(html)
    check.close()
    return check.safe


_MARKDOWN_TAG_RE = re.compile(r"</?([a-z][a-z0-9]*)(?=[ />\n])")


#: Every character that can start Markdown inline syntax a viewer could turn into a
#: link, an image, raw HTML or a code span. As character references they are text in
#: every CommonMark viewer (a backslash escape is not: a GFM bare-URL link swallows it).
_INERT = str.maketrans({ch: f"&#{ord(ch)};" for ch in "&<>[]()!`\\"})


def safe_markdown_source(text: str) -> str:
    """Markdown that shows the same in any Markdown viewer as in ReflectDesk; see
    :func:`_safe_markdown_source`. The result is checked with the parser itself in
    permissive mode (raw HTML and every link kept): the rewriting above models
    CommonMark with regular expressions and can miss a precedence rule (a code span
    against an autolink, a bare URL that swallows a backslash escape). If the check
    fails, every character that starts inline syntax becomes a character reference:
    the text shows the same, with no link, image, HTML or code span left."""
    safe = _safe_markdown_source(text)
    if _safe_in_a_permissive_viewer(safe):
        return safe
    log.warning("Markdown source: the link rewriting missed something; all made inert")
    return text.translate(_INERT)


def _safe_markdown_source(text: str) -> str:
    """Markdown that shows the same in any Markdown viewer as in ReflectDesk: raw HTML
    (``<script>``, ``<img onerror>``…) escaped to show as text (:func:`escape_raw_html`),
    links to anything but the web, mail, attachments or anchors and images from
    anywhere but the entry's attachments (inline or by reference) turned into plain
    text or, for an image, a plain link. Fenced code is left as typed. Used by
    ``entry show --format md`` for every answer, since a received entry's text was
    written by someone else (docs/bundle-format.md §4)."""
    if "](" not in text and "]:" not in text and "![" not in text:
        return escape_raw_html(text, lt=_ENTITY_LT)
    out: list[str] = []
    pending: list[str] = []
    fence: str | None = None

    def flush() -> None:
        if pending:
            out.append(_safe_reference_definitions(_safe_links_inline("\n".join(pending))))
            pending.clear()

    for line in text.split("\n"):
        if fence is not None:
            out.append(line)
            stripped = line.strip()
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                fence = None
            continue
        fence_match = _FENCE_RE.match(line)
        if fence_match is not None:
            flush()
            fence = fence_match.group(2)
            out.append(line)
            continue
        if not line.strip():
            flush()
            out.append(line)
        else:
            pending.append(line)
    flush()
    return escape_raw_html("\n".join(out), lt=_ENTITY_LT)


def _shift_headings(html: str, offset: int) -> str:
    # Raw HTML never reaches the output, so every <hN> here is a Markdown heading.
    return _HEADING_TAG_RE.sub(lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + offset)}", html)


def _to_html(text: str) -> str:
    """CommonMark + GFM in cmark-gfm's safe mode (raw HTML and unsafe URLs dropped)."""
    html: str = cmarkgfm.markdown_to_html_with_extensions(
        text, options=0, extensions=list(GFM_EXTENSIONS)
    )
    return html


def markdown_to_html_unsanitized(text: str, *, heading_offset: int = 0) -> str:
    """Steps 1 and 2 only. The caller MUST pass the result through :func:`sanitize_html`
    (the entry renderer sanitises a whole article once instead of every answer)."""
    if not text.strip():
        return ""
    html = _to_html(escape_raw_html(text.replace("\x00", "\ufffd")))
    if heading_offset > 0:
        html = _shift_headings(html, heading_offset)
    return html.strip()


def markdown_to_safe_html(text: str, *, heading_offset: int = 0) -> str:
    """Markdown → sanitised HTML fragment. Safe to show in any HTML view.

    ``heading_offset`` pushes the text's own headings down (``# x`` becomes ``<h3>``
    with an offset of 2), so an answer cannot out-rank the prompt it answers.
    """
    html = markdown_to_html_unsanitized(text, heading_offset=heading_offset)
    return sanitize_html(html).strip() if html else ""
