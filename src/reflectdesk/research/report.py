"""A case study's report as Markdown or HTML (issue 15, point 7): the project and its
approval, the cohort, excerpts grouped by code with their pseudonym and section, the code
tables and a bar chart of code frequencies.

Pure functions over :class:`ReportData`, which the case-study service fills with
pseudonymised text only. Headings are research data in the project's language ("es" or
"en"), like the pseudonyms, not interface text. The HTML is one self-contained file (no
script, no external resource; inline CSS only) with every value escaped.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

_LABELS: dict[str, dict[str, str]] = {
    "es": {
        "report": "Informe del estudio de caso",
        "question": "Pregunta de investigación",
        "description": "Descripción",
        "approval": "Aprobación ética",
        "committee": "Comité",
        "reference": "Referencia",
        "expires": "Vence",
        "cohorts": "Cohortes",
        "items": "Entradas",
        "students": "Estudiantes (seudónimos)",
        "codebook": "Libro de códigos",
        "code": "Código",
        "count": "Pasajes",
        "excerpts": "Extractos por código",
        "by_student": "Frecuencia por estudiante",
        "by_section": "Frecuencia por sección",
        "cooccurrence": "Coocurrencia de códigos",
        "memos": "Memos del proyecto",
        "cases": "Estudiantes y sus atributos",
        "pseudonym": "Seudónimo",
        "cohort": "Cohorte",
        "school_type": "Tipo de establecimiento",
        "templates": "Plantillas",
        "standards": "Estándares MBE",
        "section": "sección",
        "generated": "Generado",
        "none": "(ninguno)",
        "notice": (
            "Datos seudonimizados: siguen siendo datos personales mientras exista la "
            "clave de seudónimos, que queda cifrada en el espacio de ReflectDesk de "
            "quien investiga."
        ),
    },
    "en": {
        "report": "Case study report",
        "question": "Research question",
        "description": "Description",
        "approval": "Ethics approval",
        "committee": "Committee",
        "reference": "Reference",
        "expires": "Expires",
        "cohorts": "Cohorts",
        "items": "Entries",
        "students": "Students (pseudonyms)",
        "codebook": "Codebook",
        "code": "Code",
        "count": "Passages",
        "excerpts": "Excerpts by code",
        "by_student": "Frequency per student",
        "by_section": "Frequency per section",
        "cooccurrence": "Code co-occurrence",
        "memos": "Project memos",
        "cases": "Students and their attributes",
        "pseudonym": "Pseudonym",
        "cohort": "Cohort",
        "school_type": "School type",
        "templates": "Templates",
        "standards": "MBE standards",
        "section": "section",
        "generated": "Generated",
        "none": "(none)",
        "notice": (
            "Pseudonymised data: they remain personal data while the pseudonym key exists; "
            "it stays encrypted in the researcher's vault."
        ),
    },
}


@dataclass(frozen=True, slots=True)
class ReportCode:
    id: str
    name: str
    parent: str | None = None
    color: str | None = None
    description: str = ""


@dataclass(frozen=True, slots=True)
class ReportExcerpt:
    code: str  # ReportCode.id
    pseudonym: str
    section: str
    day: date | None
    text: str


@dataclass(frozen=True, slots=True)
class ReportCase:
    """One student pseudonym and its case attributes (the school type already in the
    report's language)."""

    pseudonym: str
    cohorts: tuple[str, ...] = ()
    school_type: str = ""
    templates: tuple[str, ...] = ()
    standards: tuple[str, ...] = ()
    items: int = 0


@dataclass(frozen=True, slots=True)
class ReportData:
    title: str
    language: str = "es"
    question: str = ""
    description: str = ""
    committee: str = ""
    reference: str = ""
    expires: date | None = None
    cohorts: tuple[str, ...] = ()
    items: int = 0
    students: tuple[str, ...] = ()
    codes: tuple[ReportCode, ...] = ()
    excerpts: tuple[ReportExcerpt, ...] = ()
    by_student: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    by_section: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    cooccurrence: Mapping[tuple[str, str], int] = field(default_factory=dict)
    memos: tuple[str, ...] = ()
    generated: datetime | None = None
    cases: tuple[ReportCase, ...] = ()


def _case_cells(case: ReportCase) -> list[str]:
    return [
        case.pseudonym,
        ", ".join(case.cohorts),
        case.school_type,
        ", ".join(case.templates),
        ", ".join(case.standards),
        str(case.items),
    ]


_CASE_HEADS = ("pseudonym", "cohort", "school_type", "templates", "standards", "items")


def _labels(language: str) -> dict[str, str]:
    return _LABELS.get(language, _LABELS["es"])


def _ordered_codes(codes: tuple[ReportCode, ...]) -> list[tuple[int, ReportCode]]:
    """Codes depth-first by the tree, with their depth."""
    children: dict[str | None, list[ReportCode]] = {}
    ids = {c.id for c in codes}
    for c in codes:
        children.setdefault(c.parent if c.parent in ids else None, []).append(c)
    out: list[tuple[int, ReportCode]] = []

    def walk(parent: str | None, depth: int) -> None:
        for c in children.get(parent, []):
            out.append((depth, c))
            walk(c.id, depth + 1)

    walk(None, 0)
    return out


def _totals(data: ReportData) -> dict[str, int]:
    totals: dict[str, int] = {}
    for e in data.excerpts:
        totals[e.code] = totals.get(e.code, 0) + 1
    return totals


def _md_cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def _matrix_md(
    title: str, rows: Mapping[str, Mapping[str, int]], codes: list[ReportCode], lab: dict[str, str]
) -> list[str]:
    out = [f"## {title}", ""]
    if not rows:
        return [*out, lab["none"], ""]
    out.append("| | " + " | ".join(_md_cell(c.name) for c in codes) + " |")
    out.append("|---" * (len(codes) + 1) + "|")
    for name in sorted(rows):
        cells = [str(rows[name].get(c.id, 0)) for c in codes]
        out.append(f"| {_md_cell(name)} | " + " | ".join(cells) + " |")
    return [*out, ""]


def render_markdown(data: ReportData) -> str:
    lab = _labels(data.language)
    codes = [c for _, c in _ordered_codes(data.codes)]
    names = {c.id: c.name for c in data.codes}
    totals = _totals(data)
    out = [f"# {lab['report']}: {data.title}", "", f"_{lab['notice']}_", ""]
    if data.question:
        out += [f"## {lab['question']}", "", data.question, ""]
    if data.description:
        out += [f"## {lab['description']}", "", data.description, ""]
    if data.committee or data.expires:
        out += [
            f"## {lab['approval']}",
            "",
            f"- {lab['committee']}: {data.committee}",
            f"- {lab['reference']}: {data.reference}",
            f"- {lab['expires']}: {data.expires.isoformat() if data.expires else ''}",
            "",
        ]
    out += [
        f"- {lab['cohorts']}: {', '.join(data.cohorts) or lab['none']}",
        f"- {lab['items']}: {data.items}",
        f"- {lab['students']}: {', '.join(data.students) or lab['none']}",
        "",
    ]
    if data.cases:
        out += [f"## {lab['cases']}", ""]
        out.append("| " + " | ".join(lab[h] for h in _CASE_HEADS) + " |")
        out.append("|---" * len(_CASE_HEADS) + "|")
        for case in data.cases:
            out.append("| " + " | ".join(_md_cell(c) for c in _case_cells(case)) + " |")
        out.append("")
    out += [
        f"## {lab['codebook']}",
        "",
        f"| {lab['code']} | {lab['count']} |",
        "|---|---|",
    ]
    for depth, c in _ordered_codes(data.codes):
        out.append(f"| {'— ' * depth}{_md_cell(c.name)} | {totals.get(c.id, 0)} |")
    out += ["", f"## {lab['excerpts']}", ""]
    for c in codes:
        excerpts = [e for e in data.excerpts if e.code == c.id]
        if not excerpts:
            continue
        out += [f"### {c.name}", ""]
        for e in excerpts:
            day = f", {e.day.isoformat()}" if e.day else ""
            out.append(f"> {' '.join(e.text.split())}")
            out += ["", f"— {e.pseudonym}, {lab['section']} {e.section}{day}", ""]
    out += _matrix_md(lab["by_student"], data.by_student, codes, lab)
    out += _matrix_md(lab["by_section"], data.by_section, codes, lab)
    out += [f"## {lab['cooccurrence']}", ""]
    if data.cooccurrence:
        for (a, b), n in sorted(data.cooccurrence.items()):
            out.append(f"- {names.get(a, a)} × {names.get(b, b)}: {n}")
    else:
        out.append(lab["none"])
    out.append("")
    if data.memos:
        out += [f"## {lab['memos']}", ""]
        for memo in data.memos:
            out += [memo, ""]
    if data.generated:
        out += [f"{lab['generated']}: {data.generated.isoformat()}", ""]
    return "\n".join(out)


_CSS = (
    "body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.45;color:#222}"
    "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #bbb;padding:.2em .5em}"
    "blockquote{border-left:4px solid #888;margin:.5em 0;padding:.2em .8em;background:#f5f5f5}"
    ".bar{letter-spacing:-1px;white-space:nowrap}.who{color:#555;font-size:.9em}"
    ".notice{font-style:italic;color:#555}"
)


BAR_BLOCKS = 20  # the longest bar (the most frequent code), in block characters


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _matrix_html(
    title: str, rows: Mapping[str, Mapping[str, int]], codes: list[ReportCode], lab: dict[str, str]
) -> list[str]:
    out = [f"<h2>{_e(title)}</h2>"]
    if not rows:
        return [*out, f"<p>{_e(lab['none'])}</p>"]
    out.append("<table><tr><th></th>" + "".join(f"<th>{_e(c.name)}</th>" for c in codes) + "</tr>")
    for name in sorted(rows):
        cells = "".join(f"<td>{rows[name].get(c.id, 0)}</td>" for c in codes)
        out.append(f"<tr><th>{_e(name)}</th>{cells}</tr>")
    return [*out, "</table>"]


def render_html(data: ReportData) -> str:
    lab = _labels(data.language)
    codes = [c for _, c in _ordered_codes(data.codes)]
    names = {c.id: c.name for c in data.codes}
    totals = _totals(data)
    peak = max(totals.values(), default=0) or 1
    title = f"{lab['report']}: {data.title}"
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(data.language)}"><head><meta charset="utf-8">',
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
        f'<p class="notice">{_e(lab["notice"])}</p>',
    ]
    if data.question:
        out += [f"<h2>{_e(lab['question'])}</h2>", f"<p>{_e(data.question)}</p>"]
    if data.description:
        out += [f"<h2>{_e(lab['description'])}</h2>", f"<p>{_e(data.description)}</p>"]
    if data.committee or data.expires:
        expires = data.expires.isoformat() if data.expires else ""
        out += [
            f"<h2>{_e(lab['approval'])}</h2><ul>",
            f"<li>{_e(lab['committee'])}: {_e(data.committee)}</li>",
            f"<li>{_e(lab['reference'])}: {_e(data.reference)}</li>",
            f"<li>{_e(lab['expires'])}: {_e(expires)}</li>",
            "</ul>",
        ]
    out += [
        "<ul>",
        f"<li>{_e(lab['cohorts'])}: {_e(', '.join(data.cohorts) or lab['none'])}</li>",
        f"<li>{_e(lab['items'])}: {data.items}</li>",
        f"<li>{_e(lab['students'])}: {_e(', '.join(data.students) or lab['none'])}</li>",
        "</ul>",
    ]
    if data.cases:
        out.append(f"<h2>{_e(lab['cases'])}</h2>")
        out.append("<table><tr>" + "".join(f"<th>{_e(lab[h])}</th>" for h in _CASE_HEADS) + "</tr>")
        for case in data.cases:
            out.append("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in _case_cells(case)) + "</tr>")
        out.append("</table>")
    out += [
        f"<h2>{_e(lab['codebook'])}</h2>",
        f"<table><tr><th>{_e(lab['code'])}</th><th>{_e(lab['count'])}</th><th></th></tr>",
    ]
    for depth, c in _ordered_codes(data.codes):
        n = totals.get(c.id, 0)
        # A bar of block characters: drawn alike by browsers and by Qt's PDF writer.
        blocks = "█" * round(BAR_BLOCKS * n / peak)
        colour = _e(c.color or "#44AA77")
        out.append(
            f'<tr><td style="padding-left:{0.5 + depth * 1.5}em">{_e(c.name)}</td><td>{n}</td>'
            f'<td><span class="bar" style="color:{colour}">{blocks}</span></td></tr>'
        )
    out += ["</table>", f"<h2>{_e(lab['excerpts'])}</h2>"]
    for c in codes:
        excerpts = [e for e in data.excerpts if e.code == c.id]
        if not excerpts:
            continue
        out.append(f"<h3>{_e(c.name)}</h3>")
        for e in excerpts:
            day = f", {e.day.isoformat()}" if e.day else ""
            out.append(
                f"<blockquote>{_e(e.text)}<div class='who'>— {_e(e.pseudonym)}, "
                f"{_e(lab['section'])} {_e(e.section)}{_e(day)}</div></blockquote>"
            )
    out += _matrix_html(lab["by_student"], data.by_student, codes, lab)
    out += _matrix_html(lab["by_section"], data.by_section, codes, lab)
    out.append(f"<h2>{_e(lab['cooccurrence'])}</h2>")
    if data.cooccurrence:
        out.append("<ul>")
        for (a, b), n in sorted(data.cooccurrence.items()):
            out.append(f"<li>{_e(names.get(a, a))} × {_e(names.get(b, b))}: {n}</li>")
        out.append("</ul>")
    else:
        out.append(f"<p>{_e(lab['none'])}</p>")
    if data.memos:
        out.append(f"<h2>{_e(lab['memos'])}</h2>")
        out += [f"<p>{_e(m)}</p>" for m in data.memos]
    if data.generated:
        out.append(f"<p class='who'>{_e(lab['generated'])}: {_e(data.generated.isoformat())}</p>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
