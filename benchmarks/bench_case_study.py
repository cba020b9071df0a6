"""Benchmark: a case study through the service path (issue 15), on a real vault.

A researcher's vault receives, in real signed and encrypted bundles, ``--students``
students × ``--per-student`` entries of ``--words`` words (the corpus vocabulary, with the
student's own name, a pupil, a school, a commune, a RUT and an e-mail address in each),
consented ``research-pseudonymised``. Then, timed through ``vault.case_studies``:

- adding every entry to an approved case study (provenance checked, one signed audit
  record each): 100 one at a time, the rest as one picker selection (``add_many``);
- proposing pseudonymisation against a map of ``--names`` people and places (the
  contacts plus terms the researcher added) and the patterns (target ≤ 5 s for 2,000
  entries of 600 words and 500 names), then applying every proposal;
- applying ``--passages`` codes to passages one by one: p50/p95 of one application
  measured over the last 1,000, with the project already holding the others (target
  p95 ≤ 30 ms at 10,000 passages);
- exporting to ``.qdpx`` (the project built from the vault, XSD and reference checks,
  ZIP, atomic write, the audit log beside it; target ≤ 10 s), Markdown and HTML;
- exporting the PDF report the way the app does: the Exports tab (``CaseExportsTab``)
  starts it on the task runner's writer queue and Qt draws it with the app's renderer
  (``gui/case_exports.render_pdf``, laid out in pieces), timed from the click to the
  result on the GUI thread (target ≤ 30 s, with progress); then a second PDF export
  cancelled at its first progress report inside the drawing: how long Cancel takes to
  stop it, and that no file is left;
- verifying the audit log.

Run (one command, defaults are the issue's sizes):
``.venv/bin/python benchmarks/bench_case_study.py [--students 20] [--per-student 100]
[--words 600] [--names 500] [--passages 10000]``.
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "src"))

from corpus import EN, ES
from reflectdesk.bundles import BundleKind, BundleMeta, build_bundle, card_path
from reflectdesk.crypto.kdf import KdfParams
from reflectdesk.domain.model import Consent, Role
from reflectdesk.research.pseudonymise import rut_check_digit
from reflectdesk.services.vault import NewProfile, Vault
from tests.services.batch_helpers import _entry, add_contacts, make_students

PASSPHRASE = "benchmark passphrase 2026"
PUPILS = "Martina Agustín Florencia Tomás Isidora Vicente Antonia Gaspar Emilia Lucas".split()
LAST = "González Muñoz Rojas Díaz Pérez Soto Contreras Silva Sepúlveda Morales".split()


def _text(rng: random.Random, words: int, student: str, n: int) -> str:
    vocab = ES if rng.random() < 0.6 else EN
    out = [rng.choice(vocab) for _ in range(words)]
    body = str(rng.randint(5_000_000, 25_999_999))
    inserts = [
        student,
        f"{rng.choice(PUPILS)} {rng.choice(LAST)}",
        f"Escuela {n % 12}",
        f"{int(body):,}".replace(",", ".") + f"-{rut_check_digit(body)}",
        f"alumno{n}@example.cl",
    ]
    for item in inserts:
        out.insert(rng.randrange(len(out)), item)
    return " ".join(out)


def build_vault(root: Path, students: int, per: int, words: int) -> tuple[Vault, float]:
    import reflectdesk.domain.model as model

    vault, _ = Vault.create(
        root / "researcher",
        PASSPHRASE,
        NewProfile("Rita Investigadora", Role.EDUCATOR, "es"),
        kdf_params=KdfParams.insecure_for_tests(),
    )
    people = make_students(students)
    add_contacts(vault, people, verify=False)
    me = vault.identity.public()
    rng = random.Random(15)
    start = time.perf_counter()
    for s_n, student in enumerate(people):
        files = {card_path(student.key_id): student.card}
        entry_ids = []
        for n in range(per):
            entry_id, more = _entry(
                rng, f"Semana {n + 1}", 1, student.journal_id, None, student.key_id
            )
            # Replace the one-word body by the benchmark's text (the content hash follows).
            doc = model.EntryContent(
                title=f"Semana {n + 1}",
                sections={"body": _text(rng, words, student.name, s_n * per + n)},
            )
            more = _rebuild(more, entry_id, doc)
            files.update(more)
            entry_ids.append(entry_id)
        meta = BundleMeta(BundleKind.JOURNAL, consent=Consent.RESEARCH_PSEUDONYMISED)
        data = build_bundle(student.identity, [me], files, meta)
        path = root / f"s{s_n}.rdbundle"
        path.write_bytes(data)
        vault.imports.import_bundle(path)
        path.unlink()
    return vault, time.perf_counter() - start


def approved_case(vault: Vault) -> str:
    """A new study "Benchmark", approved by an ethics committee for nine more days."""
    cs = vault.case_studies
    case = cs.create("Benchmark").id
    cs.approve(case, committee="CEC", reference="1", expires=date.today() + timedelta(days=9))
    return case


def fill_map(vault: Vault, case: str, names: int, rng: random.Random) -> int:
    """Pupils, schools and communes in the study's pseudonym map until it names
    ``names`` people, then 12 schools and every pupil × surname (seeded: the same map
    each run with the same ``rng``); the number of people it names."""
    cs = vault.case_studies
    terms = 0
    while len(cs.pseudonymise.pseudonym_map(case).people) < names:
        kind = ("pupil", "school", "commune")[terms % 3]
        name = f"{rng.choice(PUPILS)} {rng.choice(LAST)} {rng.choice(LAST)}"
        if kind == "school":
            name = f"Escuela {terms}"
        elif kind == "commune":
            name = f"Comuna {rng.choice(LAST)} {terms}"
        cs.pseudonymise.add_term(case, kind, name)
        terms += 1
    for n in range(12):
        cs.pseudonymise.add_term(case, "school", f"Escuela {n}")
    for pupil in PUPILS:
        for last in LAST:
            cs.pseudonymise.add_term(case, "pupil", f"{pupil} {last}")
    return len(cs.pseudonymise.pseudonym_map(case).people)


def _rebuild(files: dict[str, bytes], entry_id: str, content: object) -> dict[str, bytes]:
    import hashlib
    import json

    from reflectdesk.bundles.canonical import canonical_json

    ((name, raw),) = files.items()
    doc = json.loads(raw)
    body = content.to_json()  # type: ignore[attr-defined]
    rev = doc["revisions"][0]
    rev["content"] = body
    rev["content_hash"] = hashlib.sha256(canonical_json(body)).hexdigest()
    return {name: canonical_json(doc)}


def pdf_figures(vault: Vault, case: str, root: Path) -> None:
    """The PDF through the Exports tab, as a click does; then one cancelled."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from reflectdesk.gui.case_exports import CaseExportsTab
    from reflectdesk.gui.tasks import TaskRunner
    from reflectdesk.progress import Progress

    app = QApplication.instance() or QApplication([])
    runner = TaskRunner()
    tab = CaseExportsTab(vault, runner)
    tab.set_case(case)
    while tab.loading:
        app.processEvents()
        time.sleep(0.001)
    tab.set_format("pdf")

    def run(dest: Path, cancel_after: int | None) -> dict[str, float | int | str]:
        reports: list[tuple[float, Progress]] = []
        marks: dict[str, float] = {}
        start = time.perf_counter()
        task = tab.start(dest)
        assert task is not None

        def seen(p: object) -> None:
            assert isinstance(p, Progress)
            reports.append((time.perf_counter(), p))
            if cancel_after is not None and p.done >= cancel_after and "cancel" not in marks:
                marks["cancel"] = time.perf_counter()
                tab.cancel()

        task.progressed.connect(seen)
        while tab.task is not None:
            app.processEvents()
            time.sleep(0.001)
        end = time.perf_counter()
        gaps = [b[0] - a[0] for a, b in itertools.pairwise(reports)]
        return {
            "seconds": end - start,
            "reports": len(reports),
            "max_gap": max(gaps, default=0.0),
            "status": tab.last_error or "done",
            "cancel_to_stop": end - marks["cancel"] if "cancel" in marks else 0.0,
        }

    done = run(root / "estudio.pdf", None)
    pages = _pdf_pages(root / "estudio.pdf")
    size = (root / "estudio.pdf").stat().st_size / 2**20
    print(
        f"export pdf through the Exports tab: {done['seconds']:.2f} s, {pages} pages, "
        f"{size:.1f} MB, {done['reports']} progress reports (longest gap "
        f"{done['max_gap']:.2f} s) (target ≤ 30 s)"
    )
    # Cancelled inside the drawing (past 10 of 100: the report is built, Qt lays it out).
    cancelled = run(root / "cancelled.pdf", 15)
    left = sorted(p.name for p in root.iterdir() if p.name.startswith(("cancelled", ".")))
    print(
        f"export pdf cancelled while Qt draws it: stopped {cancelled['cancel_to_stop']:.2f} s "
        f"after Cancel ({cancelled['status']}); files left: {left or 'none'}"
    )
    runner.wait(10_000)
    tab.deleteLater()
    app.processEvents()


def _pdf_pages(path: Path) -> int:
    import re

    return len(re.findall(rb"/Type\s*/Page[^s]", path.read_bytes()))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--students", type=int, default=20)
    ap.add_argument("--per-student", type=int, default=100)
    ap.add_argument("--words", type=int, default=600)
    ap.add_argument("--names", type=int, default=500)
    ap.add_argument("--passages", type=int, default=10_000)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        vault, built = build_vault(root, a.students, a.per_student, a.words)
        print(f"setup: {a.students * a.per_student} entries received in {built:.1f} s")
        cs = vault.case_studies
        case = approved_case(vault)
        start = time.perf_counter()
        listed = cs.candidates(case)
        took = time.perf_counter() - start
        print(f"picker: {len(listed)} received entries with their consent in {took:.2f} s")
        candidates = [c.entry_id for c in listed if c.addable]
        start = time.perf_counter()
        items = [cs.add(case, entry_id) for entry_id in candidates[:100]]
        one = (time.perf_counter() - start) / len(items)
        start = time.perf_counter()
        items += cs.add_many(case, [(entry_id, None) for entry_id in candidates[100:]])
        many = time.perf_counter() - start
        print(
            f"add: one at a time {1000 * one:.1f} ms each (100 items); "
            f"the other {len(candidates) - 100} as one selection: {many:.2f} s"
        )
        rng = random.Random(7)
        people = fill_map(vault, case, a.names, rng)
        steps: list[int] = []
        start = time.perf_counter()
        proposals = cs.pseudonymise.propose(case, progress=lambda p: steps.append(p.done))
        proposed = time.perf_counter() - start
        print(
            f"propose: {proposed:.2f} s, {len(proposals)} proposals, map of {people} people, "
            f"{len(steps)} progress reports (target ≤ 5 s)"
        )
        start = time.perf_counter()
        cs.pseudonymise.apply(case, proposals)
        print(f"apply every proposal: {time.perf_counter() - start:.2f} s")
        codes = [cs.coding.add_code(case, f"Código {n}").id for n in range(40)]
        texts = [(i.id, cs.item(case, i.id).text("body") or "") for i in items]
        timings: list[float] = []
        start = time.perf_counter()
        for n in range(a.passages):
            item_id, text = texts[n % len(texts)]
            s = rng.randrange(max(1, len(text) - 80))
            t0 = time.perf_counter()
            cs.coding.apply(case, item_id, "body", s, s + rng.randint(5, 80), codes[n % 40])
            timings.append(time.perf_counter() - t0)
        coded = time.perf_counter() - start
        tail = sorted(timings[-1000:])
        p50 = 1000 * statistics.median(tail)
        p95 = 1000 * tail[int(0.95 * (len(tail) - 1))]
        print(
            f"code {a.passages} passages: {coded:.1f} s; one application with "
            f"{a.passages - 1000}+ passages held: p50 {p50:.1f} ms, p95 {p95:.1f} ms "
            "(target p95 ≤ 30 ms)"
        )
        for fmt in ("qdpx", "md", "html"):
            start = time.perf_counter()
            result = cs.exports.export(case, fmt, root / f"estudio.{fmt}")
            took = time.perf_counter() - start
            size = result.path.stat().st_size / 2**20
            note = " (target ≤ 10 s)" if fmt == "qdpx" else ""
            print(f"export {fmt}: {took:.2f} s, {size:.1f} MB{note}")
        pdf_figures(vault, case, root)
        start = time.perf_counter()
        check = cs.audit.verify(case)
        print(f"audit verify: {len(check.events)} records in {time.perf_counter() - start:.2f} s")
        vault.close()


if __name__ == "__main__":
    main()
