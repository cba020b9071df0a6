"""Benchmark: render a 3,000-word entry to sanitised HTML.

The entry uses the Gibbs template (six sections of ~500 words each) with ordinary
Markdown: paragraphs, emphasis, lists, links, a table, a quote and a few ``<`` (which
take the raw-HTML escaping path). Each run calls
``render_html`` (Markdown → HTML → nh3 sanitising, per section and for the whole
article). Reported: p50 and p95 over the runs, in milliseconds (target: p95 <= 15 ms).

Run: ``.venv/bin/python benchmarks/bench_render.py [--runs N] [--words N]``.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import date

from reflectdesk.domain.model import EntryContent
from reflectdesk.rendering.entry_render import render_html
from reflectdesk.standards.loader import mbe_2021
from reflectdesk.templates.builtin import builtin_template

TARGET_P95_MS = 15.0
VOCABULARY = [
    "la", "clase", "estudiantes", "fracciones", "pregunta", "respuesta", "grupo",
    "profesora", "mentor", "evidencia", "aprendizaje", "planificación", "evaluación",
    "retroalimentación", "tarea", "pizarra", "diálogo", "reflexión", "práctica", "semana",
    "curso", "inclusión", "convivencia", "lectura", "escritura", "número", "problema",
    "estrategia", "<nombre>", "x < y",
]  # fmt: skip


def _paragraph(rng: random.Random, words: int) -> str:
    chosen = [rng.choice(VOCABULARY) for _ in range(words)]
    chosen[0] = chosen[0].capitalize()
    if words > 12:
        chosen[3] = f"**{chosen[3]}**"
        chosen[8] = f"*{chosen[8]}*"
        chosen[11] = f"[{chosen[11]}](https://www.cpeip.cl/)"
    return " ".join(chosen) + "."


def make_section(rng: random.Random, words: int) -> str:
    parts: list[str] = []
    written = 0
    while written < words:
        kind = rng.random()
        if kind < 0.15:
            items = [_paragraph(rng, 8) for _ in range(4)]
            parts.append("\n".join(f"- {item}" for item in items))
            written += 32
        elif kind < 0.2:
            parts.append("| criterio | nivel |\n|:--|--:|\n| A3 | logrado |\n| C9 | en proceso |")
            written += 8
        elif kind < 0.25:
            parts.append("> " + _paragraph(rng, 20))
            written += 20
        else:
            parts.append(_paragraph(rng, 60))
            written += 60
    return "\n\n".join(parts)


def make_entry(words: int) -> EntryContent:
    rng = random.Random(2021)
    template = builtin_template("gibbs")
    keys = template.section_keys()
    per_section = words // len(keys)
    return EntryContent(
        title="Semana 6: fracciones en 3.º básico",
        sections={key: make_section(rng, per_section) for key in keys},
        tags=("fracciones", "trabajo en grupo"),
        standards=("A3", "C9"),
        event_date=date(2025, 4, 15),
        template_id="gibbs",
        template_version=template.version,
    )


def run(runs: int, words: int) -> tuple[float, float, int]:
    template = builtin_template("gibbs")
    taxonomy = mbe_2021()
    content = make_entry(words)
    total_words = sum(len(text.split()) for text in content.sections.values())
    for _ in range(10):  # warm-up: imports, Markdown instance, caches
        render_html(content, template, "es", taxonomy=taxonomy)
    timings: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        render_html(content, template, "es", taxonomy=taxonomy)
        timings.append((time.perf_counter() - start) * 1000)
    p50 = statistics.median(timings)
    p95 = statistics.quantiles(timings, n=100, method="inclusive")[94]
    return p50, p95, total_words


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--words", type=int, default=3000)
    args = parser.parse_args(argv)
    if args.runs < 200:
        parser.error("use at least 200 runs")
    p50, p95, words = run(args.runs, args.words)
    verdict = "ok" if p95 <= TARGET_P95_MS else "SLOW"
    print(f"render_html, {words}-word entry, {args.runs} runs")
    print(f"p50 {p50:.2f} ms   p95 {p95:.2f} ms   target p95 <= {TARGET_P95_MS:.0f} ms: {verdict}")
    return 0 if p95 <= TARGET_P95_MS else 1


if __name__ == "__main__":
    sys.exit(main())
