"""The portfolio as PDF (issue 13, point 7): drawn by Qt in memory from the core's HTML,
A4 with page numbers, comments as numbered notes and the sign-off table with the
mentor's name, key id and date; the Export dialog from the main window, on a worker,
with progress and cancel, writing only the file asked for (owner-only)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reflectdesk.errors import Cancelled
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.portfolio_dialog import PortfolioDialog, export_portfolio
from reflectdesk.gui.portfolio_pdf import html_to_pdf
from reflectdesk.progress import CancelToken, Progress
from tests.cli.commands.test_review import pdf_text
from tests.gui.review_triad import feedback, feedback_to_student, gui_triad, settle, window
from tests.services.review_helpers import Triad

__all__ = ["gui_triad"]


@pytest.fixture
def with_feedback(gui_triad: Triad) -> Triad:
    feedback(gui_triad)
    feedback_to_student(gui_triad)
    return gui_triad


def test_the_pdf_carries_the_comments_and_the_sign_off(with_feedback: Triad) -> None:
    t = with_feedback
    html, count = t.student.review.portfolio_document(journal_id=t.journal, lang="es")
    seen: list[Progress] = []
    data = html_to_pdf(html, progress=seen.append)
    assert count == 2 and data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    pages = seen[-1].total
    assert pages >= 1 and [p.done for p in seen] == list(range(pages + 1))
    pdf = t.tmp / "p.pdf"
    pdf.write_bytes(data)
    text = pdf_text(pdf)
    key_id = t.mentor.identity.public().key_id_hex
    for expected in (
        "Práctica II",
        "Fracciones",
        "Evaluación",
        "1. «pizzas»",  # the comment, a numbered note with its quote
        "¿Por qué pizzas?",
        "Y ¿regletas?",  # the reply
        "Aprobado por Ana Mentor",
        key_id,
        "C7 — Estrategias",
        "logrado",
        "Preguntas abiertas.",
        f"1 / {pages}",
    ):
        assert expected.replace(" / ", "/") in text.replace(" / ", "/"), expected
    # Cancel between pages: nothing comes back.
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        html_to_pdf(html, cancel=token)


def test_the_export_job_writes_only_the_file_asked_for(with_feedback: Triad) -> None:
    t = with_feedback
    out = t.tmp / "export"
    out.mkdir()
    dest = out / "portafolio.pdf"
    seen: list[Progress] = []
    count = export_portfolio(
        t.student, dest, "pdf", "en", [t.entry], None, seen.append, CancelToken()
    )
    assert count == 1 and [p.name for p in out.iterdir()] == ["portafolio.pdf"]
    assert dest.stat().st_mode & 0o777 == 0o600
    assert {p.label_code for p in seen} == {"portfolio", "pdf"}
    assert seen[-1].done == seen[-1].total  # one bar: the entries, then the pages
    assert "Signed off by Ana Mentor" in pdf_text(dest)
    token = CancelToken()
    token.cancel()
    again = out / "otra.pdf"
    with pytest.raises(Cancelled):
        export_portfolio(t.student, again, "pdf", "en", [t.entry], None, seen.append, token)
    assert [p.name for p in out.iterdir()] == ["portafolio.pdf"]


def test_export_from_the_main_window(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], with_feedback: Triad, tmp_path: Path
) -> None:
    t = with_feedback
    w = window(qtbot, make_ctx(data_dir=tmp_path / "app"), t.student)
    w.sidebar.select("journal", t.journal)
    settle(qtbot, w)
    w.open_entry(t.entry)
    w.review.update_actions()
    assert w.review.portfolio_action.isEnabled()
    w.review.portfolio_action.trigger()
    qtbot.waitUntil(lambda: "portfolio" in w.dialogs, timeout=10_000)
    dialog = w.dialogs["portfolio"]
    assert isinstance(dialog, PortfolioDialog)
    assert dialog.entry_choice.isChecked() and dialog.journal_choice.isEnabled()
    assert "Práctica II" in dialog.journal_choice.text()
    assert "not encrypted" in dialog.warning.text()
    out = tmp_path / "saved"
    out.mkdir()
    # The whole journal as PDF, through the Save dialog (answered here).
    dialog.journal_choice.setChecked(True)
    dialog.format.setCurrentIndex(0)
    dialog.ask_save_path = lambda _s: str(out / "diario")  # type: ignore[method-assign]
    dialog.export_button.click()
    assert not dialog.export_button.isEnabled() and dialog.cancel_button.text() == "Cancel"
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=20_000)
    pdf = out / "diario.pdf"  # the suffix added
    assert dialog.written == pdf and pdf.stat().st_mode & 0o777 == 0o600
    assert "2 entries with their feedback saved to" in dialog.status.text()
    text = pdf_text(pdf)
    assert "Fracciones" in text and "Evaluación" in text and "¿Por qué pizzas?" in text
    # HTML too.
    dialog.format.setCurrentIndex(1)
    dialog.start(out / "diario.html", whole_journal=False)
    qtbot.waitUntil(lambda: dialog.written == out / "diario.html", timeout=20_000)
    page = (out / "diario.html").read_text(encoding="utf-8")
    assert "<table>" in page and "Evaluación" not in page and "Preguntas abiertas." in page
    # Cancel: nothing written.
    dialog.format.setCurrentIndex(0)
    dialog.start(out / "cancelled.pdf", whole_journal=True)
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20_000)
    assert dialog.status.text() == "Export cancelled: nothing was written."
    assert sorted(p.name for p in out.iterdir()) == ["diario.html", "diario.pdf"]
    dialog.cancel_button.click()  # now "Close"
    assert not dialog.isVisible()


def test_the_dialog_in_spanish(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], with_feedback: Triad, tmp_path: Path
) -> None:
    ctx = make_ctx(language="es", data_dir=tmp_path / "app")
    dialog = PortfolioDialog(ctx, with_feedback.student, None, ("j", "Práctica II"))
    qtbot.addWidget(dialog)
    assert not dialog.entry_choice.isEnabled() and dialog.journal_choice.isChecked()
    assert dialog.journal_choice.text() == "Todo el &diario «Práctica II»"
    assert dialog.format.itemText(0) == "PDF (para imprimir o entregar)"
    assert dialog.cancel_button.text() == "Cerrar"
