"""A student and a mentor who review through real vaults and real bundles: the helpers
of the reading view, margin and sign-off tests (issue 13)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reflectdesk.domain.model import EntryContent, ExportRequest
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.main_window import MainWindow
from reflectdesk.gui.reading_view import ReadingView
from reflectdesk.gui.review_margin import CommentDialog
from reflectdesk.services.review import to_utf16
from reflectdesk.services.vault import Vault
from tests.services.bundle_helpers import exchange_cards

# An astral character (two UTF-16 units, one code point) before the passages commented.
ACTION = "Hoy 😀 probé fracciones con pizzas de cartón. Después usamos regletas 🧮 de colores."
TEACHER = "Pregunté «¿qué parte es más grande?» y escuché las respuestas."


@dataclass
class Review:
    sctx: AppContext
    student: Vault
    mctx: AppContext
    mentor: Vault
    journal: str  # the student's journal
    entry: str  # the student's entry with emoji
    second: str  # a second entry of hers
    mentor_at_student: str  # contact ids
    student_at_mentor: str
    tmp: Path

    def send(self) -> None:
        """The student's journal bundle (with history) to the mentor, imported there."""
        request = ExportRequest(
            recipients=(self.mentor_at_student,), journal_id=self.journal, history=True
        )
        path = self.student.exports.export(request, self.tmp).path
        self.mentor.imports.import_bundle(path)
        path.unlink()

    def feedback(self) -> None:
        """The mentor's feedback bundle to the student, imported there."""
        (result,) = self.mentor.exports.export_feedback([self.student_at_mentor], self.tmp)
        path = result.path
        self.student.imports.import_bundle(path)
        path.unlink()

    def at_mentor(self, entry_id: str | None = None) -> str:
        return self.mentor.imports.received_entry_id(self.student_at_mentor, entry_id or self.entry)

    def edit(self, action: str) -> None:
        self.student.entries.edit(self.entry, content(action))


def content(action: str) -> EntryContent:
    return EntryContent(
        title="Fracciones con material concreto",
        sections={"action": action, "teacher-do": TEACHER},
        tags=("fracciones",),
        standards=("A1", "C7"),
        event_date=date(2026, 4, 2),
        template_id="alact",
    )


def make_review(two: tuple[AppContext, Vault, AppContext, Vault], tmp_path: Path) -> Review:
    sctx, student, mctx, mentor = two
    m_at_s, s_at_m = exchange_cards(student, mentor)
    journal = student.journals.create("Práctica II")
    entry = student.entries.add(journal.id, content(ACTION))
    second = student.entries.add(
        journal.id,
        EntryContent(
            title="Reunión de apoderados", sections={"body": "Conversamos sobre la tarea."},
            event_date=date(2026, 4, 9), template_id="free",
        ),
    )  # fmt: skip
    out = tmp_path / "out"
    out.mkdir()
    review = Review(
        sctx, student, mctx, mentor, journal.id, entry.id, second.id, m_at_s, s_at_m, out
    )
    review.send()
    return review


def mentor_window(qtbot: QtBot, r: Review) -> MainWindow:
    window = MainWindow(r.mctx, r.mentor)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def reader_of(window: MainWindow, r: Review, entry_id: str | None = None) -> ReadingView:
    """The mentor opens the student's entry from the list: the reading view shows it."""
    at = r.at_mentor(entry_id)
    window.select_entry(at)
    window.open_entry(at)
    reader = window.reader
    assert reader is not None and window.editor_stack.currentWidget() is reader
    assert reader.entry_id == at
    return reader


def select(reader: ReadingView, section: str, quote: str) -> None:
    """Select ``quote`` in ``section`` with a QTextCursor, as a mouse drag would."""
    found = next(s for s in reader.sections if s.key == section)
    at = found.text.index(quote)
    cursor = QTextCursor(reader.text.document())
    cursor.setPosition(found.start + to_utf16(found.text, at))
    cursor.setPosition(
        found.start + to_utf16(found.text, at + len(quote)), QTextCursor.MoveMode.KeepAnchor
    )
    reader.text.setTextCursor(cursor)


def answer(qtbot: QtBot, owner: object, text: str) -> None:
    """Write ``text`` in the comment/reply box ``owner`` opened, and OK; wait for the write."""
    dialog = owner.dialog  # type: ignore[attr-defined]
    assert isinstance(dialog, CommentDialog) and dialog.isVisible()
    dialog.edit.setPlainText(text)
    dialog.accept()
    settle(qtbot, owner)


def settle(qtbot: QtBot, owner: object) -> None:
    runner = owner.ctx.runner  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not runner.pending, timeout=10_000)
    for _ in range(3):
        QApplication.processEvents()
