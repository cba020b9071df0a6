"""Benchmark: a 60-entry journal with its mentor's feedback exported to PDF (issue 13,
point 7; target <= 5 s, with progress and cancel).

A student's journal of 60 Gibbs entries (~600 words each, two standards), shared with
her mentor; the mentor comments on three passages of each entry, replies once and signs
each entry off; the feedback bundle goes back and the student imports it. Then the
student exports the whole journal as the app does: ``gui/portfolio_dialog.py``'s job on
a ``TaskRunner`` worker (the portfolio HTML made in memory by the core, drawn to an A4
PDF by Qt, one atomic owner-only write), timed from submit to the result on the GUI
thread. Reported (JSON): each run, the median and the worst; the split of one run (HTML
in the core, PDF drawing); the pages; how many progress reports reached the GUI; and
how long a cancel takes to stop the export (cancelled at the first page drawn); and the
entry list's badges (``ReviewService.badges``) for every entry and for one.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_portfolio_pdf.py
[--runs 5] [--entries 60]``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from reflectdesk.crypto.kdf import KdfParams
from reflectdesk.domain.model import EntryContent, ExportRequest, Role
from reflectdesk.review.records import Verdict
from reflectdesk.services.vault import NewProfile, Vault

PASSPHRASE = "correct horse battery staple"
WORDS = (
    "estudiantes clase fracciones reflexión evaluación pregunta grupo material concreto "
    "aprendizaje objetivo retroalimentación planificación curso mentora práctica ejemplo"
).split()
SECTIONS = ("description", "feelings", "evaluation", "analysis", "conclusion", "action-plan")


def _vault(path: Path, name: str, role: Role) -> Vault:
    vault, _ = Vault.create(
        path, PASSPHRASE, NewProfile(name, role, "es"), kdf_params=KdfParams.insecure_for_tests()
    )
    return vault


def build(root: Path, entries: int) -> tuple[Vault, str]:
    """The student's vault with the feedback imported; returns it and the journal id."""
    rng = random.Random(13)
    student = _vault(root / "student", "Camila Pérez", Role.STUDENT)
    mentor = _vault(root / "mentor", "Ana Mentor", Role.MENTOR)
    at_student = student.contacts.import_card(mentor.identity.card()).contact
    at_mentor = mentor.contacts.import_card(student.identity.card()).contact
    assert at_student is not None and at_mentor is not None
    journal = student.journals.create("Práctica profesional")
    ids = []
    for n in range(entries):
        sections = {key: " ".join(rng.choice(WORDS) for _ in range(100)) + "." for key in SECTIONS}
        entry = student.entries.add(
            journal.id,
            EntryContent(
                title=f"Clase {n + 1}", sections=sections, template_id="gibbs",
                standards=("C7", "A1"), tags=("práctica",),
            ),
        )  # fmt: skip
        ids.append(entry.id)
    sent = student.exports.export(
        ExportRequest(recipients=(at_student.id,), journal_id=journal.id), root
    )
    mentor.imports.import_bundle(sent.path)
    for entry_id in ids:
        here = mentor.imports.received_entry_id(at_mentor.id, entry_id)
        first = None
        for key in ("description", "analysis", "action-plan"):
            c = mentor.review.add_comment(here, key, "¿Puedes dar un ejemplo?", start=0, end=11)
            first = first or c
        assert first is not None
        mentor.review.reply(first.id, "Piensa en la evaluación formativa.")
        mentor.review.sign_off(
            here, {"C7": (Verdict.MET, "Buen uso."), "A1": (Verdict.PARTLY, "")}, note="Bien."
        )
    (feedback,) = mentor.exports.export_feedback([at_mentor.id], root)
    student.imports.import_bundle(feedback.path)
    mentor.close()
    return student, journal.id


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--entries", type=int, default=60)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from reflectdesk.gui.portfolio_dialog import export_portfolio
    from reflectdesk.gui.portfolio_pdf import html_to_pdf
    from reflectdesk.gui.tasks import TaskRunner
    from reflectdesk.progress import CancelToken, Progress

    app = QApplication.instance() or QApplication([])
    runner = TaskRunner()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        started = time.perf_counter()
        student, journal_id = build(root, args.entries)
        setup = time.perf_counter() - started
        out = root / "pdf"
        out.mkdir()

        def through_runner(dest: Path, cancel_at_page: bool = False) -> dict[str, Any]:
            reports: list[Progress] = []
            outcome: dict[str, Any] = {}
            holder: dict[str, Any] = {}

            def job(progress: Any, cancel: CancelToken) -> int:
                return export_portfolio(
                    student, dest, "pdf", "es", [], journal_id, progress, cancel
                )

            def on_progress(report: Progress) -> None:
                reports.append(report)
                if cancel_at_page and report.label_code == "pdf" and "cancel" not in outcome:
                    outcome["cancel"] = time.perf_counter()
                    holder["task"].cancel()

            start = time.perf_counter()
            holder["task"] = runner.submit(
                job,
                on_result=lambda n: outcome.setdefault("done", (time.perf_counter(), n)),
                on_error=lambda e: outcome.setdefault("error", (time.perf_counter(), e)),
                on_progress=on_progress,
                name="portfolio",
            )
            while "done" not in outcome and "error" not in outcome:
                app.processEvents()
                time.sleep(0.001)
            end = outcome.get("done", outcome.get("error"))[0]
            return {
                "seconds": end - start,
                "reports": len(reports),
                "outcome": "done" if "done" in outcome else type(outcome["error"][1]).__name__,
                "cancel_to_stop_s": (end - outcome["cancel"]) if "cancel" in outcome else None,
            }

        runs = [through_runner(out / f"run{i}.pdf") for i in range(args.runs)]
        times = [r["seconds"] for r in runs]
        # The split, on this thread: the core's HTML, then Qt's drawing.
        t0 = time.perf_counter()
        html, count = student.review.portfolio_document(journal_id=journal_id, lang="es")
        t1 = time.perf_counter()
        pages: list[int] = []
        data = html_to_pdf(html, progress=lambda p: pages.append(p.total))
        t2 = time.perf_counter()
        cancelled = through_runner(out / "cancelled.pdf", cancel_at_page=True)
        # The entry list's Review column: every badge (window opened, bundle imported)
        # and one entry's (after a change), best of 3.
        one = [s.id for s in student.entries.list()][:1]
        every, single = [], []
        for _ in range(3):
            t3 = time.perf_counter()
            student.review.badges()
            t4 = time.perf_counter()
            student.review.badges(one)
            every.append(t4 - t3)
            single.append(time.perf_counter() - t4)
        result = {
            "entries": count,
            "comments": 3 * count,
            "replies": count,
            "sign_offs": count,
            "pages": pages[-1],
            "pdf_bytes": len(data),
            "html_chars": len(html),
            "setup_s": round(setup, 1),
            "export_runs_s": [round(t, 3) for t in times],
            "export_median_s": round(statistics.median(times), 3),
            "export_worst_s": round(max(times), 3),
            "split_html_s": round(t1 - t0, 3),
            "split_pdf_s": round(t2 - t1, 3),
            "progress_reports": runs[0]["reports"],
            "cancelled": cancelled["outcome"],
            "cancel_to_stop_s": round(cancelled["cancel_to_stop_s"] or 0, 3),
            "cancelled_file_written": (out / "cancelled.pdf").exists(),
            "target_s": 5.0,
            "badges_every_entry_ms": round(min(every) * 1000, 1),
            "badges_one_entry_ms": round(min(single) * 1000, 1),
        }
        print(json.dumps(result, indent=1))
        runner.wait(10_000)
        student.close()
    QCoreApplication.processEvents()


if __name__ == "__main__":
    main()
