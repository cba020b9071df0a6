"""Benchmark: the case study's Queries tab over 10,000 coded passages (issue 15, point 4).

    nice -n 10 .venv/bin/python benchmarks/bench_case_queries.py [--students 20]
        [--per-student 100] [--passages 10000] [--runs 5]

The vault: a researcher who received, in real signed and encrypted bundles, ``--students``
students × ``--per-student`` entries (``benchmarks/corpus.py``'s text: real templates, their
sections answered, MBE standards, event dates), consented ``research``; one approved case
study holding them all (``add_many``), a codebook of 12 codes (two levels, colours) and
``--passages`` passages applied one by one through ``vault.case_studies.coding.apply``
(a quarter of them overlapping the one before, for the co-occurrence). Built once in
``benchmarks/out/case-queries-<students>x<per>x<passages>/`` (never committed) and reused.

Measured (offscreen, the real widget in this process, light KDF; the load is printed):

* **read**: ``CaseQueriesTab.set_case`` → the four queries' data read on the runner's
  worker (passages, frequencies, co-occurrence, code × standard, titles) → shown
  (``shown``); the worker's part and the GUI thread's part apart;
* **GUI stall**: the longest gap between ticks of a 5 ms timer on the GUI thread while
  that runs (the window stays responsive when it is short);
* **filter change** p95: a code, two codes, a section, a date range, a student, reset,
  each filtered in memory and painted;
* **switch query**: each of the four shown and painted;
* **CSV**: the 10,000 passages' rows (read from the table on the GUI thread) and their
  bytes (encoded on the worker that writes the file).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))

import corpus
from reflectdesk.bundles import BundleKind, BundleMeta, build_bundle, card_path, entry_path
from reflectdesk.crypto.kdf import KdfParams
from reflectdesk.domain.model import Consent, Role
from reflectdesk.services.vault import NewProfile, Vault
from tests.services.batch_helpers import Student, add_contacts, make_students

OUT = REPO / "benchmarks" / "out"
PASSPHRASE = corpus.PASSPHRASE
FIRST_DAY = date(2026, 3, 2)
# (name, parent index or None, colour): Okabe & Ito's palette and a second level.
CODEBOOK = (
    ("Didáctica", None, "#0072B2"),
    ("Material concreto", 0, "#56B4E9"),
    ("Preguntas abiertas", 0, "#009E73"),
    ("Gestión del aula", None, "#E69F00"),
    ("Normas y rutinas", 3, "#F0E442"),
    ("Evaluación", None, "#D55E00"),
    ("Retroalimentación", 5, "#CC79A7"),
    ("Reflexión sobre la práctica", None, "#999999"),
    ("Emociones", 7, "#882255"),
    ("Inclusión", None, "#117733"),
    ("Familias", None, "#44AA99"),
    ("Colaboración con la mentora", None, "#332288"),
)


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(p / 100 * (len(values) - 1))))
    return values[k]


def student_bundle(rng: random.Random, s: Student, researcher_key: object, entries: int) -> bytes:
    files: dict[str, bytes] = {card_path(s.key_id): s.card}
    for _ in range(entries):
        day = FIRST_DAY + timedelta(days=rng.randrange(16 * 7))
        content = corpus.make_content(rng, day).to_json()
        stamp = f"{day.isoformat()}T18:00:00Z"
        entry_id, data = corpus.entry_file(s.journal_id, s.key_id, stamp, content)
        files[entry_path(entry_id)] = data
    meta = BundleMeta(BundleKind.JOURNAL, consent=Consent.RESEARCH)
    return build_bundle(s.identity, [researcher_key], files, meta)  # type: ignore[list-item]


def build_study(
    where: Path, students: int, per: int, passages: int, *, quiet: bool = False
) -> tuple[Vault, str]:
    """A researcher's vault at ``where`` with one approved, coded case study; returns the
    open vault and the study's id (the screenshots use it with small numbers)."""
    t0 = time.perf_counter()
    vault, _ = Vault.create(
        where,
        PASSPHRASE,
        NewProfile("Rita Investigadora", Role.EDUCATOR, "es"),
        kdf_params=KdfParams.insecure_for_tests(),
    )
    people = make_students(students, seed=15)
    add_contacts(vault, people, verify=False)
    key = vault.identity.public()
    rng = random.Random(2026)
    for i, s in enumerate(people):
        path = where.parent / f"s{i:03d}.rdbundle"
        path.write_bytes(student_bundle(rng, s, key, per))
        vault.imports.import_bundle(path)
        path.unlink()
    t1 = time.perf_counter()
    cs = vault.case_studies
    case = cs.create("Fracciones en 4° básico", question="¿Cómo explican las fracciones?").id
    cs.approve(
        case, committee="CEC-CSAH", reference="2026-041", expires=date.today() + timedelta(days=200)
    )
    listed = [c.entry_id for c in cs.candidates(case) if c.addable]
    items = cs.add_many(case, [(e, None) for e in listed])
    codes: list[str] = []
    for name, parent, colour in CODEBOOK:
        parent_id = None if parent is None else codes[parent]
        codes.append(cs.coding.add_code(case, name, parent_id=parent_id, color=colour).id)
    spans = [
        (item.id, key, text) for item in items for key, text in item.sections if len(text) > 40
    ]
    t2 = time.perf_counter()
    last: tuple[str, str, str, int, int] | None = None
    for n in range(passages):
        if last is not None and n % 4 == 0:
            item_id, key, text, start, end = last  # overlaps the one before: co-occurrence
            s = start + (end - start) // 2
        else:
            item_id, key, text = spans[rng.randrange(len(spans))]
            s = rng.randrange(max(1, len(text) - 80))
        e = min(len(text), s + rng.randint(8, 120))
        # Whole words, as a researcher selects them.
        while 0 < s < e and text[s - 1] != " ":
            s += 1
        while s < e < len(text) and text[e] != " " and text[e - 1] not in ".,;":
            e -= 1
        if e - s < 3:
            continue
        cs.coding.apply(case, item_id, key, s, e, codes[rng.randrange(len(codes))])
        last = (item_id, key, text, s, e)
    if not quiet:
        print(
            f"built: {students * per} entries received in {t1 - t0:.0f} s, study in "
            f"{t2 - t1:.0f} s, {cs.coding.passage_count(case)} passages coded in "
            f"{time.perf_counter() - t2:.0f} s -> {where}",
            flush=True,
        )
    return vault, case


def build(students: int, per: int, passages: int) -> tuple[Path, str]:
    where = OUT / f"case-queries-{students}x{per}x{passages}"
    done = where / "built.json"
    if done.exists():
        return where / "vault", json.loads(done.read_text())["case"]
    shutil.rmtree(where, ignore_errors=True)
    where.mkdir(parents=True)
    vault, case = build_study(where / "vault", students, per, passages)
    vault.close()
    done.write_text(json.dumps({"case": case}))
    return where / "vault", case


def measure(vault_dir: Path, case: str, runs: int) -> dict[str, object]:
    from PySide6.QtCore import QEventLoop, QTimer

    from reflectdesk.gui.app import build_context, create_application

    app = create_application([sys.argv[0]])
    data_dir = OUT / "case-queries-gui-data"
    shutil.rmtree(data_dir, ignore_errors=True)
    ctx = build_context(app, data_dir)
    ctx.translations.set_language("es")
    vault = Vault.open(vault_dir)
    vault.unlock(PASSPHRASE)

    from reflectdesk.domain.dashboard import csv_bytes
    from reflectdesk.gui.case_queries import CaseQueriesTab

    tab = CaseQueriesTab(vault, ctx.runner)
    tab.resize(1100, 620)
    tab.show()

    gaps: list[float] = []
    last_tick = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last_tick[0])
        last_tick[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)

    def load() -> float:
        loop = QEventLoop()
        tab.shown.connect(loop.quit)
        QTimer.singleShot(120_000, loop.quit)
        gaps.clear()
        last_tick[0] = time.perf_counter()
        timer.start()
        t = time.perf_counter()
        tab.set_case(case)
        loop.exec()
        tab.repaint()
        took = time.perf_counter() - t
        timer.stop()
        tab.shown.disconnect(loop.quit)
        return took

    cold = load()
    totals, reads, shows, stalls = [], [], [], []
    for _ in range(runs):
        totals.append(load())
        reads.append(tab.timings["read"])
        shows.append(tab.timings["show"])
        stalls.append(max(gaps, default=0.0))
    data = tab.data
    assert data is not None
    n_passages = len(data.passages)
    codes = [c.id for c in data.codes]
    sections = data.sections()
    students = data.students()
    filters: list[float] = []
    for _ in range(runs):
        for step in (
            lambda: tab.set_codes(codes[:1]),
            lambda: tab.set_codes(codes[3:5]),
            lambda: tab.set_filters(section=sections[0]),
            lambda: tab.set_filters(date_from=FIRST_DAY + timedelta(days=30)),
            lambda: tab.set_filters(student=students[0]),
            lambda: tab.set_filters(),
            lambda: tab.set_codes([]),
        ):
            t = time.perf_counter()
            step()
            tab.repaint()
            filters.append(time.perf_counter() - t)
    switches: list[float] = []
    for _ in range(runs):
        for which in (1, 2, 3, 0):
            t = time.perf_counter()
            tab.show_query(which)
            tab.repaint()
            switches.append(time.perf_counter() - t)
    t = time.perf_counter()
    rows = tab.csv_rows(0)
    csv_rows_s = time.perf_counter() - t
    t = time.perf_counter()
    raw = csv_bytes(rows)
    csv_bytes_s = time.perf_counter() - t
    ctx.runner.wait(10_000)
    vault.close()
    return {
        "passages": n_passages,
        "codes": len(codes),
        "students": len(students),
        "cold_s": cold,
        "load_median_s": statistics.median(totals),
        "load_max_s": max(totals),
        "worker_read_median_s": statistics.median(reads),
        "gui_fill_median_s": statistics.median(shows),
        "gui_stall_max_ms": 1000 * max(stalls),
        "filter_p95_ms": 1000 * pct(filters, 95),
        "filter_median_ms": 1000 * statistics.median(filters),
        "switch_p95_ms": 1000 * pct(switches, 95),
        "csv_rows_gui_s": csv_rows_s,
        "csv_bytes_worker_s": csv_bytes_s,
        "csv_mb": len(raw) / 2**20,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--students", type=int, default=20)
    ap.add_argument("--per-student", type=int, default=100)
    ap.add_argument("--passages", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    vault_dir, case = build(a.students, a.per_student, a.passages)
    print("load average before:", os.getloadavg(), flush=True)
    figures = measure(vault_dir, case, a.runs)
    print("load average after:", os.getloadavg())
    for k, v in figures.items():
        print(f"{k}: {v:.3f}" if isinstance(v, float) else f"{k}: {v}")


if __name__ == "__main__":
    main()
