"""The one place Markdown becomes HTML.

Journal text is Markdown. It becomes HTML here and nowhere else, in two steps:

1. Python-Markdown converts it with raw HTML switched off: ``<b>`` or ``<script>``
   typed in an answer is shown as text, never interpreted.
2. ``nh3`` (ammonia) sanitises the result against a small allow-list, as a second
   wall: no scripts, event handlers, styles, frames, objects, forms or SVG; links
   only to ``http(s)``/``mailto`` and marked ``noopener noreferrer nofollow``;
   images only from ``attachment:<id>`` (the entry's own attachments), so nothing
   is ever loaded from the network.

The GUI's live preview calls :func:`markdown_to_safe_html`; the entry renderer uses
it for every answer.
"""

from __future__ import annotations

import re
import threading
import xml.etree.ElementTree as ET

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

ALLOWED_TAGS: frozenset[str] = frozenset(
    {
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
        "strong", "em", "b", "i", "del", "sup", "sub", "code", "pre", "blockquote",
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


class _HeadingShift(Treeprocessor):
    """Moves headings written in an answer below the heading of the prompt they answer."""

    offset = 0

    def run(self, root: ET.Element) -> None:
        if not self.offset:
            return
        for element in root.iter():
            tag = element.tag
            if isinstance(tag, str) and len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
                element.tag = f"h{min(6, int(tag[1]) + self.offset)}"


class _NoRawHtml(Extension):
    """Raw HTML in the text is escaped and shown, not passed through."""

    def __init__(self, shifter: _HeadingShift) -> None:
        super().__init__()
        self._shifter = shifter

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(self._shifter, "reflectdesk_heading_shift", 1)


class _Converter:
    def __init__(self) -> None:
        self.shifter = _HeadingShift()
        self.md = markdown.Markdown(
            extensions=["tables", "fenced_code", "sane_lists", _NoRawHtml(self.shifter)],
            extension_configs={"tables": {"use_align_attribute": True}},
            output_format="html",
        )

    def convert(self, text: str, heading_offset: int) -> str:
        self.shifter.offset = heading_offset
        try:
            return self.md.reset().convert(text)
        finally:
            self.shifter.offset = 0


_local = threading.local()


def _converter() -> _Converter:
    converter: _Converter | None = getattr(_local, "converter", None)
    if converter is None:
        converter = _Converter()
        _local.converter = converter
    return converter


def markdown_to_safe_html(text: str, *, heading_offset: int = 0) -> str:
    """Markdown → sanitised HTML fragment. Safe to show in any HTML view.

    ``heading_offset`` pushes the text's own headings down (``# x`` becomes ``<h3>``
    with an offset of 2), so an answer cannot out-rank the prompt it answers.
    """
    if not text.strip():
        return ""
    html = _converter().convert(text.replace("\x00", "\ufffd"), max(0, heading_offset))
    return sanitize_html(html)
