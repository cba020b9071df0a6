from __future__ import annotations

from datetime import date

from reflectdesk.domain.model import EntryContent
from reflectdesk.rendering.entry_render import (
    demote_headings,
    escape_markdown_inline,
    render_html,
    render_markdown,
)
from reflectdesk.standards.loader import mbe_2021
from reflectdesk.templates.builtin import builtin_template


def content(template_id: str, **sections: str) -> EntryContent:
    return EntryContent(
        title="Semana 6: fracciones",
        sections=sections,
        tags=("fracciones", "3.º básico"),
        standards=("A3", "C9"),
        event_date=date(2025, 4, 15),
        template_id=template_id,
        template_version=1,
    )


def test_markdown_structure_with_nested_prompts_and_skipped_optionals() -> None:
    alact = builtin_template("alact")
    text = render_markdown(
        content(
            "alact",
            action="Probar trabajo en parejas.",
            **{"teacher-do": "Repartí fichas.", "pupils-feel": "Ansiosos al inicio."},
        ),
        alact,
        "es",
        taxonomy=mbe_2021(),
    )
    assert text.startswith("# Semana 6: fracciones\n\n- **Fecha:** 2025-04-15\n")
    assert "- **Plantilla:** Modelo ALACT de Korthagen (v1)" in text
    assert "- **Etiquetas:** fracciones, 3.º básico" in text
    assert "A3 — Planificación de la enseñanza; C9 — Evaluación y retroalimentación" in text
    assert "## 1. Acción\n\nProbar trabajo en parejas.\n" in text
    assert "## 2. Mirada retrospectiva\n\n### ¿Qué quería yo?\n\n*(sin respuesta)*" in text
    assert "### ¿Qué hice?\n\nRepartí fichas.\n" in text
    assert text.index("## 1. Acción") < text.index("### ¿Qué hice?") < text.index("## 5. Ensayo")


def test_optional_empty_prompts_are_left_out() -> None:
    bitacora = builtin_template("bitacora-semanal")
    text = render_markdown(
        content("bitacora-semanal", week="Semana 6", description="Observé.", evidence="  "),
        bitacora,
        "en",
    )
    assert "## Header" in text
    assert "### Date or week\n\nSemana 6" in text
    assert "### Practicum school" not in text  # optional and empty
    assert "## Evidence" not in text  # whitespace only counts as empty
    assert "### Class and level\n\n*(no answer)*" in text  # required and empty
    assert "## Improvement commitment\n\n*(no answer)*" in text


def test_unknown_sections_follow_the_known_ones_under_their_key() -> None:
    gibbs = builtin_template("gibbs")
    c = content("gibbs", legacy="Texto antiguo.", description="Pasó algo.")
    md = render_markdown(c, gibbs, "es")
    assert md.index("## Descripción") < md.index("## legacy")
    html = render_html(c, gibbs, "es")
    assert html.index("<h2>Descripción</h2>") < html.index("<h2>legacy</h2>")


def test_no_template_renders_every_section() -> None:
    md = render_markdown(content("gone", a="Uno.", b="Dos."), None, "en")
    assert "- **Template:** gone (v1, not available)" in md
    assert "## a\n\nUno.\n\n## b\n\nDos.\n" in md


def test_html_mirrors_markdown_and_shifts_answer_headings() -> None:
    gibbs = builtin_template("gibbs")
    html = render_html(
        content("gibbs", description="# Mi título\n\nTexto *vivo*."),
        gibbs,
        "en",
        taxonomy=mbe_2021(),
    )
    assert html.startswith("<article>\n<header>\n<h1>Semana 6: fracciones</h1>")
    assert "<dt>Standards</dt><dd>A3 — Planning teaching; C9 — Assessment and feedback" in html
    assert "<h2>Description</h2>\n<h3>Mi título</h3>\n<p>Texto <em>vivo</em>.</p>" in html
    assert html.endswith("</article>")
    md = render_markdown(content("gibbs", description="# Mi título"), gibbs, "en")
    assert "## Description\n\n### Mi título" in md


def test_untitled_and_escaping_in_markdown() -> None:
    free = builtin_template("free")
    c = EntryContent(title="  ", sections={"body": "x"}, template_id="free")
    assert render_markdown(c, free, "es").startswith("# Sin título\n")
    assert escape_markdown_inline("a*b_[c]# <d>") == "a\\*b\\_\\[c\\]\\# &lt;d>"
    title = EntryContent(title="**no** <b>", sections={}, template_id="free")
    assert render_markdown(title, free, "en").startswith("# \\*\\*no\\*\\* &lt;b>")


def test_demote_headings_skips_code_fences() -> None:
    text = "# a\n```\n# not a heading\n```\n~~~\n## also not\n~~~\n## b"
    assert (
        demote_headings(text, 1) == "## a\n```\n# not a heading\n```\n~~~\n## also not\n~~~\n### b"
    )
    assert demote_headings("###### six", 2) == "###### six"
    assert demote_headings("#hashtag", 2) == "#hashtag"
