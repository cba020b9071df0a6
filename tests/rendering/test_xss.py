"""Nothing that could run script or load a remote resource survives rendering."""

from __future__ import annotations

from datetime import date

import pytest

from reflectdesk.domain.model import EntryContent
from reflectdesk.rendering.entry_render import render_html
from reflectdesk.rendering.markdown_html import markdown_to_safe_html, sanitize_html
from reflectdesk.templates.model import LocalizedText, Prompt, Template, TemplateOrigin
from tests.rendering.html_audit import audit
from tests.rendering.xss_vectors import ALL_VECTORS, OWASP_VECTORS


def _template_with(text: str) -> Template:
    loc = LocalizedText(text, text)
    return Template(
        id="evil",
        version=1,
        name=loc,
        description=loc,
        origin=TemplateOrigin.CUSTOM,
        prompts=(
            Prompt(
                key="p",
                title=loc,
                guidance=loc,
                prompts=(Prompt(key="q", title=loc, guidance=loc),),
            ),
        ),
    )


def test_there_are_enough_vectors() -> None:
    assert len(OWASP_VECTORS) >= 40
    assert len(ALL_VECTORS) >= 60


def test_the_audit_catches_what_it_should() -> None:
    assert audit('<img src="http://x/y.png">')
    assert audit('<a href="javascript:alert(1)">x</a>')
    assert audit("<p onclick=x>a</p>")
    assert audit("<script>x</script>")
    assert not audit('<p><a href="https://ok.cl" rel="noopener noreferrer nofollow">x</a></p>')


@pytest.mark.parametrize("vector", ALL_VECTORS)
def test_vector_is_neutralised_everywhere(vector: str) -> None:
    outputs = {
        "sanitize_html": sanitize_html(vector),
        "markdown": markdown_to_safe_html(vector),
        "markdown_in_list": markdown_to_safe_html(f"- item\n- {vector}\n"),
        "entry": render_html(
            EntryContent(
                title=vector,
                sections={"p": vector, "q": f"texto {vector} texto", vector[:40] or "x": vector},
                tags=(vector,),
                standards=(vector[:20],),
                event_date=date(2025, 1, 1),
                template_id="evil",
            ),
            _template_with(vector),
            "es",
        ),
    }
    for where, html in outputs.items():
        problems = audit(html)
        assert not problems, f"{where}: {problems}\n{html}"


def test_safe_links_and_attachment_images_survive() -> None:
    html = markdown_to_safe_html(
        "[CPEIP](https://www.cpeip.cl) [mail](mailto:a@b.cl) ![foto](attachment:0190abcd-12)"
    )
    assert 'href="https://www.cpeip.cl"' in html
    assert 'href="mailto:a@b.cl"' in html
    assert 'src="attachment:0190abcd-12"' in html
    assert not audit(html)
