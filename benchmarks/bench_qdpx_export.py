"""Benchmark: export a case study to .qdpx, validation included (issue 15, target ≤ 10 s).

2,000 items of about 600 words (the corpus vocabulary), 10,000 coded passages over 40
codes in a two-level tree, a memo on every tenth passage, 200 cases with their
attributes. Timed: :func:`reflectdesk.research.qdpx.export_qdpx` (build the XML and
the source files, XSD and reference checks, ZIP, atomic write), then reading it back
(:func:`reflectdesk.research.qdpx_read.read_qdpx`, which validates again), best of
``--repeat`` runs.

Run: ``.venv/bin/python benchmarks/bench_qdpx_export.py [--items N] [--passages N]
[--repeat N]``.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from corpus import EN, ES
from reflectdesk.research.model import (
    Case,
    Code,
    CodedSelection,
    Memo,
    Project,
    Source,
    User,
    case_attributes,
)
from reflectdesk.research.qdpx import export_qdpx
from reflectdesk.research.qdpx_read import read_qdpx


def build(items: int, passages: int, rng: random.Random) -> Project:
    codes = []
    for parent in range(8):
        codes.append(Code(f"p{parent}", f"Tema {parent}", color=f"#{rng.randrange(1 << 24):06X}"))
        for child in range(4):
            codes.append(
                Code(f"c{parent}.{child}", f"Código {parent}.{child}", parent=f"p{parent}")
            )
    sources = []
    for i in range(items):
        vocab = ES if rng.random() < 0.6 else EN
        text = " ".join(rng.choice(vocab) for _ in range(600))
        sources.append(Source(f"s{i}", f"Entrada {i}", text, case_attributes(template="gibbs")))
    selections = []
    for n in range(passages):
        source = sources[rng.randrange(items)]
        start = rng.randrange(len(source.text) - 200)
        memos = (Memo(f"m{n}", "Memo del pasaje"),) if n % 10 == 0 else ()
        code = rng.choice(codes)
        selections.append(
            CodedSelection(
                f"x{n}", source.id, start, start + rng.randint(20, 200), code.id, "u", memos=memos
            )
        )
    cases = tuple(
        Case(
            f"k{k}",
            f"Estudiante {k}",
            "Memo del caso",
            case_attributes(cohort="2026", school_type="Municipal", mbe_standards=("A1", "C7")),
            tuple(f"s{i}" for i in range(k, items, 200)),
        )
        for k in range(200)
    )
    return Project(
        name="Benchmark",
        origin="ReflectDesk benchmark",
        users=(User("u", "Investigadora"),),
        codes=tuple(codes),
        sources=tuple(sources),
        selections=tuple(selections),
        cases=cases,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--passages", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    project = build(args.items, args.passages, random.Random(2026))
    best_export = best_read = float("inf")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "case.qdpx"
        for _ in range(args.repeat):
            start = time.perf_counter()
            export_qdpx(project, path)
            best_export = min(best_export, time.perf_counter() - start)
            start = time.perf_counter()
            read_qdpx(path)
            best_read = min(best_read, time.perf_counter() - start)
        size = path.stat().st_size
    print(f"{args.items} items, {args.passages:,} coded passages; .qdpx of {size / 1e6:.1f} MB")
    print(f"export with validation (best of {args.repeat}): {best_export:.2f} s  (target <= 10 s)")
    print(f"read back with validation (best of {args.repeat}): {best_read:.2f} s")


if __name__ == "__main__":
    main()
