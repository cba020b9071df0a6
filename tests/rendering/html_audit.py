"""Parse rendered HTML and list anything that could run script or load a resource."""

from __future__ import annotations

import re
from html.parser import HTMLParser

FORBIDDEN_TAGS = {
    "script", "iframe", "object", "embed", "style", "form", "svg", "meta", "link", "base",
    "math", "frame", "frameset", "input", "button", "textarea", "select", "video", "audio",
    "source", "applet", "bgsound", "isindex", "marquee", "details", "template", "noscript",
    "body", "html", "head", "title",
}  # fmt: skip
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "background", "poster", "data",
                  "dynsrc", "lowsrc", "srcset", "xlink:href", "cite", "longdesc"}  # fmt: skip
ALLOWED_ATTRIBUTES = {"href", "title", "src", "alt", "align", "start", "rel"}
ALLOWED_HREF = re.compile(r"(https?://|mailto:)\S+", re.IGNORECASE)
ALLOWED_SRC = re.compile(r"attachment:[0-9A-Za-z-]+")
BAD_SCHEME = re.compile(r"^(javascript|vbscript|data|livescript|mocha):", re.IGNORECASE)


class _Audit(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"tag <{tag}>")
        for name, raw in attrs:
            value = raw or ""
            squeezed = re.sub(r"[\s\x00-\x20]+", "", value)
            if name.startswith("on"):
                self.problems.append(f"event handler {name}")
            if name in {"style", "srcdoc", "formaction", "srcset"}:
                self.problems.append(f"attribute {name}")
            if name not in ALLOWED_ATTRIBUTES:
                self.problems.append(f"unexpected attribute {name} on <{tag}>")
            if name in URL_ATTRIBUTES and BAD_SCHEME.match(squeezed):
                self.problems.append(f"dangerous URL in {name}: {value!r}")
            if name == "href" and not ALLOWED_HREF.fullmatch(value):
                self.problems.append(f"href not http(s)/mailto: {value!r}")
            if name == "src" and not ALLOWED_SRC.fullmatch(value):
                self.problems.append(f"remote or unsafe src: {value!r}")
            if tag == "a" and name == "rel":
                assert {"noopener", "noreferrer", "nofollow"} <= set(value.split())

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def audit(html: str) -> list[str]:
    parser = _Audit()
    parser.feed(html)
    parser.close()
    lowered = html.lower()
    # Raw tag openings cannot hide in escaped text ("&lt;script" is text, and fine);
    # attributes are checked on the parsed markup above, never as substrings of text.
    for needle in ("<script", "<iframe", "<object", "<embed", "<style", "<form", "<svg",
                   "<meta", "<link", "<base", "<!--"):  # fmt: skip
        if needle in lowered:
            parser.problems.append(f"substring {needle!r}")
    return parser.problems
