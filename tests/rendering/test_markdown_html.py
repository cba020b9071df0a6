from __future__ import annotations

import threading

import cmarkgfm  # type: ignore[import-untyped]
import pytest
from cmarkgfm.cmark import Options  # type: ignore[import-untyped]
from hypothesis import given, settings
from hypothesis import strategies as st

from reflectdesk.rendering.markdown_html import (
    escape_raw_html,
    markdown_to_safe_html,
    safe_markdown_source,
    sanitize_html,
)
from tests.rendering.html_audit import audit
from tests.rendering.xss_vectors import ALL_VECTORS


def test_common_markdown() -> None:
    html = markdown_to_safe_html(
        "Texto **fuerte**, *énfasis* y `código`.\n\n"
        "- uno\n- dos\n\n"
        "3. tres\n4. cuatro\n\n"
        "> cita\n\n"
        "| a | b |\n|:--|--:|\n| 1 | 2 |\n\n"
        "```\nx < y\n```\n"
    )
    assert "<strong>fuerte</strong>" in html
    assert "<em>énfasis</em>" in html
    assert "<code>código</code>" in html
    assert "<ul>" in html and "<li>uno</li>" in html
    assert '<ol start="3">' in html
    assert "<blockquote>" in html
    assert '<th align="left">a</th>' in html
    assert "x &lt; y" in html


def test_raw_html_is_shown_as_text() -> None:
    assert markdown_to_safe_html("a <b>b</b>") == "<p>a &lt;b&gt;b&lt;/b&gt;</p>"


def test_headings_can_be_shifted_down() -> None:
    assert markdown_to_safe_html("# Uno", heading_offset=2) == "<h3>Uno</h3>"
    assert markdown_to_safe_html("###### Seis", heading_offset=3) == "<h6>Seis</h6>"
    assert markdown_to_safe_html("# Uno") == "<h1>Uno</h1>"


def test_empty_text() -> None:
    assert markdown_to_safe_html("   \n") == ""


def test_links_get_safe_rel_and_relative_urls_are_dropped() -> None:
    html = markdown_to_safe_html("[a](https://a.cl) [b](/local) [c](#frag)")
    assert html.count('rel="noopener noreferrer nofollow"') == 3
    assert 'href="https://a.cl"' in html
    assert "/local" not in html
    assert "#frag" not in html


def test_sanitize_keeps_only_the_allow_list() -> None:
    assert sanitize_html('<p class="x" style="color:red" id="y">t</p>') == "<p>t</p>"
    assert sanitize_html("<script>alert(1)</script>ok") == "ok"
    assert sanitize_html('<th align="justify">x</th>') in ("<th>x</th>", "x")


def test_thread_safe() -> None:
    results: list[str] = []

    def work(n: int) -> None:
        for _ in range(30):
            results.append(markdown_to_safe_html(f"# T{n}\n\n**{n}**", heading_offset=n % 3))

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 120
    for n in range(4):
        expected = f"<h{1 + n % 3}>T{n}</h{1 + n % 3}>\n<p><strong>{n}</strong></p>"
        assert results.count(expected) == 30


def test_placeholders_and_tags_typed_as_text_are_never_lost() -> None:
    assert markdown_to_safe_html("Escribe <nombre del estudiante> aquí") == (
        "<p>Escribe &lt;nombre del estudiante&gt; aquí</p>"
    )
    html = markdown_to_safe_html("<table>\n<tr><td>x</td></tr>\n</table>")
    assert "&lt;table&gt;" in html and "&lt;td&gt;x&lt;/td&gt;" in html
    assert markdown_to_safe_html("x < y, 3<4") == "<p>x &lt; y, 3&lt;4</p>"


def test_code_keeps_its_angle_brackets_verbatim() -> None:
    assert escape_raw_html("`<b>` and ``a ` <i> ``") == "`<b>` and ``a ` <i> ``"
    fenced = "```html\n<div class=x>\n```\n<p>"
    assert escape_raw_html(fenced) == "```html\n<div class=x>\n```\n\\<p>"
    html = markdown_to_safe_html(fenced)
    assert "<pre><code>&lt;div class=x&gt;\n</code></pre>" in html
    assert html.endswith("<p>&lt;p&gt;</p>")
    indented = "Texto.\n\n    <code indentado>\n\nMás."
    assert "<pre><code>&lt;code indentado&gt;\n</code></pre>" in markdown_to_safe_html(indented)


def test_list_continuations_are_text_not_code() -> None:
    html = markdown_to_safe_html("- item\n\n    <b>continúa</b>")
    assert "<p>&lt;b&gt;continúa&lt;/b&gt;</p>" in html


def test_autolinks_still_work_but_not_for_unsafe_schemes() -> None:
    html = markdown_to_safe_html("<https://www.cpeip.cl> <ana@uni.cl> <javascript:alert(1)>")
    assert 'href="https://www.cpeip.cl"' in html
    assert 'href="mailto:ana@uni.cl"' in html
    assert "&lt;javascript:alert(1)&gt;" in html
    assert 'href="javascript' not in html


def test_gfm_extras() -> None:
    html = markdown_to_safe_html("~~tachado~~ y www.mineduc.cl")
    assert "<del>tachado</del>" in html
    assert 'href="http://www.mineduc.cl"' in html


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("<>/`*_[]()!#\\-~|:=\"' \n\tabcjsvrpt0123456789&;.@")),
        max_size=120,
    )
)
def test_any_text_renders_safely(text: str) -> None:
    assert audit(markdown_to_safe_html(text)) == []


def test_escaping_respects_backslashes_already_written() -> None:
    assert escape_raw_html(r"a \<b> c") == r"a \<b> c"  # already escaped by the writer
    assert escape_raw_html(r"a \\<b> c") == r"a \\\<b> c"  # an escaped backslash, then a tag
    assert markdown_to_safe_html(r"a \\<b> c") == "<p>a \\&lt;b&gt; c</p>"
    # Same rules on the slower path used when a code span is present.
    assert escape_raw_html(r"`x` \<b> \\<i>") == r"`x` \<b> \\\<i>"


# --- Markdown source safe to open elsewhere (issue 10, point 10a) ----------------------------
def _viewer(markdown: str) -> str:
    """What a permissive Markdown viewer shows: raw HTML and any link pass through."""
    html: str = cmarkgfm.markdown_to_html_with_extensions(
        markdown, options=Options.CMARK_OPT_UNSAFE, extensions=["table", "autolink"]
    )
    return html


@pytest.mark.parametrize("vector", ALL_VECTORS)
def test_safe_markdown_source_is_safe_in_a_permissive_viewer(vector: str) -> None:
    assert audit(_viewer(safe_markdown_source(vector))) == []


@pytest.mark.parametrize(
    "link",
    [
        "[x](javascript:alert(1))",
        "[x]( javascript:alert(1))",
        "[x](<javascript:alert(1)>)",
        "[x](&#106;avascript:alert(1))",
        "[x](java\\script:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "[x](file:///etc/passwd)",
        "[x](vbscript:msgbox)",
        "[a [b] c](javascript:alert(1))",
        "[r]: javascript:alert(1)\n\n[r]",
        "[r]:\n  javascript:alert(1)\n\n[r]",
        "![p](https://tracker.example/pixel.png)",
        "![p](//tracker.example/pixel.png)",
        "[![p](https://tracker.example/p.png)](https://ok.example)",
        "<a href='javascript:alert(1)'>x</a>",
        "<javascript:alert(1)>",
        # Found by attacking the first version: definitions inside containers, and
        # images by reference (the definition itself being an ordinary web link).
        "> [r]: javascript:alert(1)\n\n[r]",
        "- [r]: javascript:alert(1)\n\n[r]",
        "1. [r]: data:text/html,x\n\n[r]",
        "![p][r]\n\n[r]: https://tracker.example/p.png",
        "![r]\n\n[r]: https://tracker.example/p.png",
        "![r][]\n\n[r]: https://tracker.example/p.png",
        "![p](https://x.example/a.png)\n\n[p]: https://tracker.example/p.png",
        "| a |\n|---|\n| [x](javascript:alert(1)) |",
        # attack-trust FINDING: the rewriting modelled CommonMark with regular expressions
        # and missed precedence: a backtick inside an autolink or a bare URL (which CommonMark
        # reads first) hid a link behind a "code span" that never was, and a bare URL
        # swallowed the backslash that escaped "<", leaving raw HTML.
        "<http://a`b>[x](javascript:alert(1))`",
        "www.a`b.c [x](javascript:alert(1))`",
        "http://a`b [x](javascript:alert(1))`",
        "see www.example.org<img src=x onerror=alert(1)>",
        "www.a.b<script>alert(1)</script>",
        "www.a.b\\<img src=x onerror=alert(1)>",
        "<http://a<!-->",
    ],
)
def test_dangerous_links_become_text(link: str) -> None:
    assert audit(_viewer(link)), "the vector must be dangerous as raw Markdown"
    shown = _viewer(safe_markdown_source(link))
    assert audit(shown) == [], shown


def test_safe_links_code_and_attachment_images_are_kept() -> None:
    text = (
        "[web](https://example.org) [mail](mailto:ana@example.org) ![foto](attachment:01a2-b3)\n\n"
        "[ref]\n\n[ref]: https://example.org/ref\n\n"
        "`[code](javascript:x)` and\n\n```\n<b>[y](javascript:y)</b>\n```"
    )
    assert safe_markdown_source(text) == text
    shown = _viewer(text)
    assert '<a href="https://example.org">web</a>' in shown
    assert '<img src="attachment:01a2-b3" alt="foto" />' in shown


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=list("[]()<>!:`\\ \n\tjavscriptdaJ/#&;=\"'x"), max_size=60))
def test_no_text_makes_a_script_link_or_remote_image(text: str) -> None:
    problems = audit(_viewer(safe_markdown_source(text)))
    # "#x" anchors and relative-looking text are harmless; schemes, tags and images are not.
    assert [p for p in problems if not p.startswith("href not http(s)/mailto: '#")] == []


_SOURCE_PIECES = [
    "[x]", "[", "]", "(", ")", "](", "javascript:alert(1)", "<http://a", ">", "`", "``",
    "\\", "!", "[r]: ", "[r]", "<a title='", "'>", "<!--", "-->", "\n", "\n\n", " ",
    "    ", "> ", "- ", "<", "a@b.c", "www.a.b", "http://ok", "\"", "'", "*", "_", "|",
    "<?", "?>", "&#96;", "<b>", "</b>", "<img src=x onerror=alert(1)>", "```", "~~~",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_SOURCE_PIECES), max_size=14).map("".join))
def test_any_markdown_source_is_safe_in_a_permissive_viewer(text: str) -> None:
    """attack-trust: what the regular expressions miss, the check with the parser catches."""
    shown = _viewer(safe_markdown_source(text))
    assert [p for p in audit(shown) if "class on <code>" not in p] == [], shown
