"""Issue 13, the whole triad through real widgets and three real vaults.

The student writes three entries with templates and standards and marks two ready in
her window → one bundle to her mentor and her tutor → the mentor reads the entry in the
reading view, comments on selected text in two sections, replies to her own comment and
signs off two standards → "Send feedback" (the export wizard's feedback mode) to the
student and the tutor → the student sees the comments beside her text and the sign-off
in her entry (badge and sidebar count), replies, edits the signed-off entry → her next
bundle → the mentor sees the reply and "changed since"; the tutor's triad view shows
both sides."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from reflectdesk.crypto.kdf import KdfParams
from reflectdesk.domain.model import EntryContent, ExportRequest, Role
from reflectdesk.errors import BundleNotAddressedToYou
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.export_wizard import ExportWizard
from reflectdesk.gui.main_window import MainWindow
from reflectdesk.gui.triad_view import TriadView
from reflectdesk.services.vault import NewProfile, Vault
from tests.gui.conftest import PASSPHRASE, create_vault
from tests.gui.helpers import type_text
from tests.gui.review_setup import ACTION, TEACHER, answer, select, settle
from tests.gui.sharing import mentor_vault
from tests.gui.test_review_queue import sidebar_review
from tests.services.bundle_helpers import exchange_cards


def _window(qtbot: QtBot, ctx: AppContext, vault: Vault) -> MainWindow:
    w = MainWindow(ctx, vault)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    settle(qtbot, w)
    return w


def _send_journal(student: Vault, journal: str, to: tuple[str, ...], out: Path) -> Path:
    request = ExportRequest(recipients=to, journal_id=journal, history=True)
    return student.exports.export(request, out).path


def _deliver(path: Path, *vaults: Vault) -> None:
    """Import a bundle wherever it is addressed (a feedback bundle may be per person)."""
    for vault in vaults:
        try:
            vault.imports.import_bundle(path)
        except BundleNotAddressedToYou:
            continue


def test_the_whole_triad(qtbot: QtBot, make_ctx: Callable[..., AppContext], tmp_path: Path) -> None:
    sctx = make_ctx(data_dir=tmp_path / "student")
    student, _ = create_vault(sctx)
    mctx = make_ctx(data_dir=tmp_path / "mentor")
    mentor = mentor_vault(mctx)
    tctx = make_ctx(data_dir=tmp_path / "tutor")
    tutor, _ = Vault.create(
        tctx.vault_dir,
        PASSPHRASE,
        NewProfile("Tomás Tutor", Role.EDUCATOR, "en", "Universidad"),
        kdf_params=KdfParams.insecure_for_tests(),
    )
    out = tmp_path / "out"
    out.mkdir()
    try:
        m_at_s, s_at_m = exchange_cards(student, mentor)
        t_at_s, s_at_t = exchange_cards(student, tutor)
        t_at_m, _m_at_t = exchange_cards(mentor, tutor)

        # -- the student: three entries with templates and standards, two marked ready --
        journal = student.journals.create("Práctica Profesional II").id
        first = student.entries.add(
            journal,
            EntryContent(
                title="Fracciones con material concreto",
                sections={"action": ACTION, "teacher-do": TEACHER},
                tags=("fracciones",), standards=("A1", "C7"),
                event_date=date(2026, 4, 2), template_id="alact",
            ),
        ).id  # fmt: skip
        second = student.entries.add(
            journal,
            EntryContent(
                title="Evaluación formativa", sections={"description": "Ticket de salida."},
                standards=("C9",), event_date=date(2026, 4, 9), template_id="gibbs",
            ),
        ).id  # fmt: skip
        student.entries.add(
            journal,
            EntryContent(title="Notas", sections={"body": "Borrador."}, template_id="free"),
        )
        sw = _window(qtbot, sctx, student)
        for entry in (first, second):
            sw.select_entry(entry)
            sw.open_entry(entry)
            settle(qtbot, sw)
            sw.review.ready_action.trigger()  # Edit → Ready for feedback (Ctrl+Shift+R)
            settle(qtbot, sw)
            assert sw.model.badge(entry) == "Ready"

        # -- one bundle to the mentor and the tutor --------------------------------------
        bundle = _send_journal(student, journal, (m_at_s, t_at_s), out)
        _deliver(bundle, mentor, tutor)
        bundle.unlink()

        # -- the mentor reads, comments in two sections, replies, signs off --------------
        mw = _window(qtbot, mctx, mentor)
        here = mentor.imports.received_entry_id(s_at_m, first)
        mw.select_entry(here)
        mw.open_entry(here)
        reader = mw.reader
        assert reader is not None and mw.editor_stack.currentWidget() is reader
        settle(qtbot, reader)
        assert reader.entry_id == here
        select(reader, "action", "regletas")
        reader.comment_button.click()
        answer(qtbot, reader, "¿Por qué regletas?")
        select(reader, "teacher-do", "escuché")
        reader.comment_button.click()
        answer(qtbot, reader, "Bien: escuchar las respuestas.")
        threads = mentor.review.state(here).threads
        assert {t.section for t in threads} == {"action", "teacher-do"}
        asked = next(t for t in threads if t.section == "action")
        reader.margin.card(asked.id).reply_button.click()
        answer(qtbot, reader, "Y los colores, ¿ayudan?")
        panel = reader.signoff
        assert panel.codes == ["A1", "C7"]
        panel.verdicts["C7"].setCurrentIndex(1)  # met
        panel.notes["C7"].setText("Preguntas abiertas.")
        panel.verdicts["A1"].setCurrentIndex(2)  # partly
        panel.sign_button.click()
        settle(qtbot, reader)
        (box,) = panel.boxes
        assert box.head.text().endswith("on version 1")

        # -- "Send feedback": the wizard's feedback mode, to the student and the tutor ----
        fb: Any = ExportWizard(mctx, mentor, kind="feedback", recipients=[s_at_m, t_at_m])
        qtbot.addWidget(fb)
        fb.ask_folder = lambda: str(out)
        fb.show()
        assert set(fb.recipients_page.model.checked_ids()) == {s_at_m, t_at_m}
        fb.next()
        radio = getattr(fb.save_page, "folder_radio", None)
        if radio is not None and radio.isVisible():
            radio.setChecked(True)
        fb.save_page.choose.click()
        fb.save_page.create_button.click()
        qtbot.waitUntil(lambda: fb.result_ is not None, timeout=10_000)
        fb.accept()
        feedback = sorted(out.glob("*.rdbundle"))
        assert feedback
        for path in feedback:
            _deliver(path, student, tutor)
            path.unlink()

        # -- the student sees it in her own entry; replies; edits the signed-off entry -----
        settle(qtbot, sw)
        sw.select_entry(first)
        sw.open_entry(first)
        side = sw.editor.feedback
        qtbot.waitUntil(lambda: side.isVisible(), timeout=10_000)
        assert len(side.margin.cards) == 2
        (signed,) = side.signoff.boxes
        assert "Rosa Díaz" in signed.head.text()
        # On her list and in the sidebar: signed off, three new (two comments, a reply).
        qtbot.waitUntil(lambda: sw.model.badge(first) == "Signed off · 3 new", timeout=10_000)
        assert sidebar_review(sw)["feedback"] == "Feedback (3)"
        side.margin.card(asked.id).reply_button.click()
        answer(qtbot, side, "Porque las tenían en la sala.")
        field = sw.editor.field("action")
        assert field is not None and field.edit is not None
        field.edit.moveCursor(field.edit.textCursor().MoveOperation.End)
        type_text(qtbot, field.edit, " Mañana sigo con regletas.")
        sw.editor.flush()
        settle(qtbot, sw)
        assert student.entries.get(first).head.seq == 2
        bundle = _send_journal(student, journal, (m_at_s, t_at_s), out)
        _deliver(bundle, mentor, tutor)
        bundle.unlink()

        # -- the mentor: her reply, and "changed since" the sign-off ----------------------
        qtbot.waitUntil(
            lambda: reader.entry is not None and reader.entry.head.seq == 2, timeout=10_000
        )
        settle(qtbot, reader)
        card = reader.margin.card(asked.id)
        assert any("Camila Pérez: Porque las tenían" in r.text() for r in card.replies)
        (box,) = panel.boxes
        assert box.head.text().endswith("on version 1; changed since")

        # -- the tutor's triad view: both sides -----------------------------------------
        tw = _window(qtbot, tctx, tutor)
        tw.sidebar.select("review", "triad")
        view = tw.review.pages["triad"]
        assert isinstance(view, TriadView)
        qtbot.waitUntil(lambda: bool(view.rows), timeout=10_000)
        (row,) = view.rows
        assert (row.student, row.entries, row.ready) == ("Camila Pérez", 3, 2)
        assert row.feedback_given == 3  # two comments and the mentor's reply
        assert list(row.standards_met) == ["C7"]  # A1 was "partly"
        tutor_state = tutor.review.state(tutor.imports.received_entry_id(s_at_t, first))
        assert len(tutor_state.threads) == 2 and tutor_state.sign_offs[0].changed_since
        for w in (sw, mw, tw):
            w.prepare_to_close()
    finally:
        for ctx, vault in ((sctx, student), (mctx, mentor), (tctx, tutor)):
            ctx.runner.wait(10_000)
            vault.close()
