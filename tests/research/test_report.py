"""The case-study report (Markdown and HTML): structure, language, escaping."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from reflectdesk.research.report import (
    ReportCode,
    ReportData,
    ReportExcerpt,
    render_html,
    render_markdown,
)

DATA = ReportData(
    title="Fracciones <b>",
    question="¿Qué material usan?",
    committee="CEC",
    reference="2026-041",
    expires=date(2027, 1, 31),
    cohorts=("Práctica II",),
    items=2,
    students=("Estudiante A",),
    codes=(ReportCode("p", "Didáctica"), ReportCode("c", "Material | concreto", parent="p")),
    excerpts=(
        ReportExcerpt("c", "Estudiante A", "description", date(2026, 5, 4), "con 😀 regletas"),
    ),
    by_student={"Estudiante A": {"c": 1}},
    by_section={"description": {"c": 1}},
    cooccurrence={("c", "p"): 2},
    memos=("<script>alert(1)</script>",),
)


def test_markdown_holds_approval_tree_excerpts_and_tables() -> None:
    md = render_markdown(DATA)
    assert md.startswith("# Informe del estudio de caso: Fracciones <b>")
    assert "- Vence: 2027-01-31" in md
    assert "| — Material \\| concreto | 1 |" in md  # a sub-code, its pipe escaped
    assert "> con 😀 regletas" in md and "— Estudiante A, sección description, 2026-05-04" in md
    assert "| Estudiante A | 0 | 1 |" in md
    assert "Material | concreto × Didáctica: 2" in md


def test_html_is_escaped_self_contained_and_in_the_projects_language() -> None:
    html = render_html(DATA)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "Fracciones &lt;b&gt;" in html and 'lang="es"' in html
    assert "src=" not in html and "http" not in html
    english = render_html(_en())
    assert "Case study report" in english and 'lang="en"' in english


def _en() -> ReportData:
    return replace(DATA, language="en")
