"""The portfolio document: footnotes and sign-off tables, inert whatever the review text."""

from __future__ import annotations

import re

import pytest

from reflectdesk.rendering.portfolio import (
    Footnote,
    FootnoteReply,
    PortfolioEntry,
    SignOffRow,
    SignOffTable,
    portfolio_html,
    portfolio_markdown,
)
from tests.rendering.html_audit import audit

NASTY = [
    '<img src=x onerror="alert(1)">',
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    '"><svg onload=alert(1)>',
    "| a | b |\n# heading",
    "<a href='javascript:alert(1)'>x</a>",
]


def _entry(text: str) -> PortfolioEntry:
    return PortfolioEntry(
        rendered="<article><h1>Fracciones</h1><p>Texto.</p></article>",
        footnotes=(
            Footnote(
                "description",
                text,
                text,
                text,
                "2026-12-02",
                False,
                True,
                (FootnoteReply(text, "2026-12-03", text),),
            ),
            Footnote("analysis", "pizzas", "¿Por qué?", "Ana", "2026-12-02", True, False, ()),
        ),
        sign_offs=(
            SignOffTable(
                text,
                "0123456789abcdef",
                "2026-12-02",
                1,
                True,
                "partly",
                text,
                (SignOffRow("C7", "C7 — Estrategias", "met", text),),
            ),
        ),
    )


def _body(document: str) -> str:
    match = re.search(r"<body>(.*)</body>", document, re.S)
    assert match is not None
    return match.group(1)


@pytest.mark.parametrize("text", NASTY)
def test_html_is_inert_whatever_the_review_text(text: str) -> None:
    document = portfolio_html("Diario", [_entry(text)], "es")
    assert audit(_body(document)) == []
    assert document.startswith("<!DOCTYPE html>") and "default-src 'none'" in document


@pytest.mark.parametrize("text", NASTY)
def test_markdown_has_no_raw_html_or_script_links(text: str) -> None:
    md = portfolio_markdown("Diario", [_entry(text).__class__(
        rendered="# Fracciones\n\nTexto.", footnotes=_entry(text).footnotes,
        sign_offs=_entry(text).sign_offs)], "en")  # fmt: skip
    assert "<img" not in md and "<script" not in md and "<svg" not in md
    # A link needs "](" unescaped: every javascript: target here is text.
    assert not re.search(r"(?<!\\)\]\(javascript:", md)


def test_the_parts_a_university_asks_for() -> None:
    document = portfolio_html("Diario", [_entry("Bien.")], "es")
    body = _body(document)
    assert "<table>" in body and "C7 — Estrategias" in body and "logrado" in body
    assert "0123456789abcdef" in body and "2026-12-02" in body
    assert body.count("<li>") == 2 and "en una versión anterior" in body
    assert "La entrada cambió después de esta aprobación." in body
    md = portfolio_markdown("Diario", [_entry("Bien.")], "en")
    assert "| C7 — Estrategias | met | Bien. |" in md and "1. «Bien.»" in md
    assert "2. «pizzas» (analysis, on an earlier version)" in md
    assert "## Fracciones" not in md or md.index("# Diario") == 0
