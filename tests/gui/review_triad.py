"""Three real vaults for the review GUI tests: a student with two entries marked ready,
shared with her mentor and the university tutor (real bundles, real crypto); the
feedback helpers reuse tests/services/review_helpers.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reflectdesk.domain.model import EntryContent, ExportRequest, Role
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.main_window import MainWindow
from reflectdesk.review.records import Verdict
from reflectdesk.services.vault import Vault
from tests.services.bundle_helpers import exchange_cards, new_vault
from tests.services.review_helpers import TEXT, Triad


def send(t: Triad, to: tuple[str, ...] = ("mentor", "tutor")) -> None:
    """The student's journal bundle (her entries and their review records) to ``to``."""
    request = ExportRequest(
        recipients=tuple(t.ids[f"{who}@student"] for who in to), journal_id=t.journal
    )
    path = t.student.exports.export(request, t.tmp).path
    for who in to:
        getattr(t, who).imports.import_bundle(path)
    path.unlink()


def feedback(t: Triad) -> tuple[str, str]:
    """The mentor comments on the first entry, replies to herself and signs C7 off."""
    m = t.mentor
    here = t.at("mentor")
    comment = m.review.add_comment(here, "description", "¿Por qué pizzas?", quote="pizzas")
    m.review.reply(comment.id, "Y ¿regletas?")
    signed = m.review.sign_off(here, {"C7": (Verdict.MET, "Preguntas abiertas.")}, note="Bien.")
    return comment.id, signed.id


def feedback_to_student(t: Triad) -> Path:
    """The mentor's feedback bundle to the student; the student imports it."""
    (result,) = t.mentor.exports.export_feedback([t.ids["student@mentor"]], t.tmp)
    path = result.path
    t.student.imports.import_bundle(path)
    return path


@pytest.fixture
def gui_triad(tmp_path: Path) -> Iterator[Triad]:
    student = new_vault(tmp_path / "student", "Camila Pérez", Role.STUDENT)
    mentor = new_vault(tmp_path / "mentor", "Ana Mentor", Role.MENTOR)
    tutor = new_vault(tmp_path / "tutor", "Tomás Tutor", Role.EDUCATOR)
    people = {"student": student, "mentor": mentor, "tutor": tutor}
    ids: dict[str, str] = {}
    for a, b in (("student", "mentor"), ("student", "tutor"), ("mentor", "tutor")):
        ids[f"{b}@{a}"], ids[f"{a}@{b}"] = exchange_cards(people[a], people[b])
    journal = student.journals.create("Práctica II")
    first = student.entries.add(
        journal.id,
        EntryContent(
            title="Fracciones", sections={"description": TEXT, "analysis": "Funcionó."},
            template_id="gibbs", standards=("C7",),
        ),
    )  # fmt: skip
    second = student.entries.add(
        journal.id,
        EntryContent(title="Evaluación", sections={"body": "Una prueba corta."},
                     template_id="free"),
    )  # fmt: skip
    student.review.submit(first.id)
    student.review.submit(second.id)
    out = tmp_path / "out"
    out.mkdir()
    dirs = {who: tmp_path / who for who in people}
    t = Triad(student, mentor, tutor, dirs, ids, journal.id, first.id, out)
    t.ids["second"] = second.id
    send(t)
    yield t
    for vault in people.values():
        vault.close()


def window(qtbot: QtBot, ctx: AppContext, vault: Vault) -> MainWindow:
    """A main window over ``vault``, shown, with its first badges read."""
    w = MainWindow(ctx, vault)
    qtbot.addWidget(w)
    w.show()
    settle(qtbot, w)
    return w


def settle(qtbot: QtBot, w: MainWindow) -> None:
    """Wait for the work the window queued (badges, pages, writes) and the debounce."""
    qtbot.wait(80)
    qtbot.waitUntil(lambda: w.ctx.runner.pending == 0, timeout=10_000)
    qtbot.wait(80)
    qtbot.waitUntil(lambda: w.ctx.runner.pending == 0, timeout=10_000)
