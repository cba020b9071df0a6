"""Screenshots of the review status (issue 13, points 4, 5, 7): the mentor's queue, the
tutor's triad view, the student's entry list with its Review badges and "Feedback (N)",
the portfolio export dialog and the portfolio PDF's first page (rendered to PNG with
poppler's ``pdftoppm``; tools/system-deps.sh installs it).

``python tools/screenshots_review.py [DIR]`` renders only these, in Spanish and English,
light and dark, at 1366×768 and 1024×600; ``tools/screenshots.py`` calls
:func:`render_review` for the full set. Three throwaway vaults (light key derivation)
in a temporary folder: nothing is written outside it and ``DIR``.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from screenshots import PASSPHRASE, _make_vault, save, settle

from reflectdesk.gui.app_context import AppContext

log = logging.getLogger(__name__)

SIZES = {"1366": (1366, 768), "1024": (1024, 600)}
PEOPLE = {
    "es": (("Rosa Díaz", "Liceo Bicentenario de Valparaíso"), ("Tomás Vidal", "Universidad")),
    "en": (("Rosa Díaz", "Valparaíso High School"), ("Tomás Vidal", "University")),
}
COMMENTS = {
    "es": ("¿Qué observaste en quienes doblaron bien?", "Buen uso del material concreto."),
    "en": ("What did you notice in those who folded well?", "Good use of hands-on materials."),
}


def _person(folder: Path, name: str, institution: str, role: Any, lang: str) -> Any:
    from reflectdesk.crypto.kdf import KdfParams
    from reflectdesk.services.vault import NewProfile, Vault

    vault, _key = Vault.create(
        folder,
        PASSPHRASE,
        NewProfile(name, role, lang, institution),
        kdf_params=KdfParams.insecure_for_tests(),
    )
    return vault


def make_triad(ctx: AppContext, tmp: Path, lang: str) -> tuple[Any, Any, Any]:
    """The student (the sample journal), her mentor and her tutor, with a journal bundle
    to both, the mentor's comments and sign-off back to her, forwarded to the tutor."""
    from reflectdesk.domain.model import ExportRequest, Role
    from reflectdesk.review.records import Verdict

    # Its own folder: the full set (tools/screenshots.py) already made a vault in ctx's.
    student = _make_vault(SimpleNamespace(vault_dir=tmp / "student"), lang)  # type: ignore[arg-type]
    (mentor_name, school), (tutor_name, university) = PEOPLE[lang]
    mentor = _person(tmp / "mentor", mentor_name, school, Role.MENTOR, lang)
    tutor = _person(tmp / "tutor", tutor_name, university, Role.EDUCATOR, lang)
    at: dict[str, str] = {}
    for name, other in (("mentor", mentor), ("tutor", tutor)):
        found = student.contacts.import_card(other.identity.card()).contact  # type: ignore[attr-defined]
        back = other.contacts.import_card(student.identity.card()).contact  # type: ignore[attr-defined]
        at[name], at[f"student@{name}"] = found.id, back.id
    mentor.contacts.import_card(tutor.identity.card())
    tutor.contacts.import_card(mentor.identity.card())
    (journal,) = student.journals.list()  # type: ignore[attr-defined]
    entries = sorted(student.entries.list(), key=lambda s: s.event_date)  # type: ignore[attr-defined]
    for summary in entries[:3]:
        student.review.submit(summary.id)  # type: ignore[attr-defined]
    out = tmp / "out"
    out.mkdir()

    def send(to: tuple[str, ...]) -> None:
        request = ExportRequest(recipients=tuple(at[w] for w in to), journal_id=journal.id)
        path = student.exports.export(request, out).path  # type: ignore[attr-defined]
        for who in to:
            (mentor if who == "mentor" else tutor).imports.import_bundle(path)

    send(("mentor", "tutor"))
    first = student.entries.get(entries[0].id)  # type: ignore[attr-defined]
    here = mentor.imports.received_entry_id(at["student@mentor"], entries[0].id)
    action = first.content.sections["action"]
    question, praise = COMMENTS[lang]
    mentor.review.add_comment(here, "action", question, quote=action[:24])
    mentor.review.add_comment(
        here, "teacher-do", praise, quote="tiras" if lang == "es" else "strips"
    )
    mentor.review.sign_off(
        here,
        {"C7": (Verdict.MET, ""), "A1": (Verdict.PARTLY, "")},
        note="Sigue así." if lang == "es" else "Keep it up.",
    )
    (sent,) = mentor.exports.export_feedback([at["student@mentor"]], out)
    feedback = sent.path
    student.imports.import_bundle(feedback)  # type: ignore[attr-defined]
    send(("tutor",))
    return student, mentor, tutor


def _window(ctx: AppContext, vault: Any, size: tuple[int, int]) -> Any:
    from reflectdesk.gui.main_window import MainWindow

    window = MainWindow(ctx, vault)
    window.resize(*size)
    window.show()
    ctx.runner.wait(10_000)
    settle(300)
    ctx.runner.wait(10_000)
    settle(100)
    return window


def _close(ctx: AppContext, window: Any) -> None:
    window.prepare_to_close()
    ctx.runner.wait(10_000)
    window.hide()
    window.deleteLater()
    settle()


def pdf_page(pdf: Path, png: Path, page: int = 1) -> Path | None:
    """A page of the PDF as PNG (poppler's pdftoppm), or None without poppler."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        log.warning("pdftoppm not found (tools/system-deps.sh installs poppler-utils)")
        return None
    stem = png.with_suffix("")
    subprocess.run(
        [
            tool,
            "-png",
            "-r",
            "110",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(stem),
        ],
        check=True,
    )
    log.info("wrote %s", png)
    return png


def render_review(ctx: AppContext, out: Path, suffix: str, lang: str) -> None:
    """Every review screen at both sizes (``suffix``: language and theme)."""
    from reflectdesk.gui.portfolio_pdf import html_to_pdf

    with tempfile.TemporaryDirectory(prefix="reflectdesk-review-shots-") as tmp_name:
        tmp = Path(tmp_name)
        student, mentor, tutor = make_triad(ctx, tmp, lang)
        for size_name, size in SIZES.items():
            tag = f"{suffix}-{size_name}"
            # The student: badges in the list, "Feedback (N)" in the sidebar.
            window = _window(ctx, student, size)
            window.sidebar.select("journal", student.journals.list()[0].id)
            settle(200)
            window.list.selectRow(window.model.rowCount() - 1)
            settle(300)
            save(window, out, f"review-badges-{tag}")
            window.review.show_page("feedback")
            ctx.runner.wait(10_000)
            settle(200)
            save(window, out, f"review-feedback-{tag}")
            window.show_entries()
            window.review.export_portfolio()
            ctx.runner.wait(10_000)
            settle(200)
            dialog = window.dialogs["portfolio"]
            save(dialog, out, f"portfolio-dialog-{tag}")
            dialog.reject()
            _close(ctx, window)
            # The mentor's queue.
            window = _window(ctx, mentor, size)
            window.review.show_page("queue")
            ctx.runner.wait(10_000)
            settle(200)
            save(window, out, f"review-queue-{tag}")
            _close(ctx, window)
            # The tutor's triad view.
            window = _window(ctx, tutor, size)
            window.review.show_page("triad")
            ctx.runner.wait(10_000)
            settle(200)
            save(window, out, f"triad-{tag}")
            _close(ctx, window)
        # The portfolio PDF's first page (the same in either theme: paper).
        if suffix.endswith("light"):
            (journal,) = student.journals.list()
            html, _count = student.review.portfolio_document(journal_id=journal.id, lang=lang)
            pdf = tmp / "portfolio.pdf"
            pdf.write_bytes(html_to_pdf(html))
            pdf_page(pdf, out / f"portfolio-pdf-{lang}.png")
            pdf_page(pdf, out / f"portfolio-pdf-{lang}-2.png", 2)  # its sign-off and notes
        for vault in (student, mentor, tutor):
            vault.close()


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path, nargs="?", default=Path("docs/screenshots"))
    parser.add_argument("--lang", action="append", default=None)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from reflectdesk.gui.app import build_context, create_application

    app = create_application([sys.argv[0]])
    args.out.mkdir(parents=True, exist_ok=True)
    for lang in args.lang or ("es", "en"):
        for theme in ("light", "dark"):
            with tempfile.TemporaryDirectory(prefix="reflectdesk-shots-") as tmp:
                ctx = build_context(app, Path(tmp))
                ctx.translations.set_language(lang)
                ctx.theme.apply(theme, 0)
                render_review(ctx, args.out, f"{lang}-{theme}", lang)
                ctx.runner.wait(10_000)
                for widget in QApplication.topLevelWidgets():
                    widget.close()
                settle()
    return 0


if __name__ == "__main__":
    sys.exit(main())
