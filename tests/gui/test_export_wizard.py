"""File → Share entries…: a round trip between two real vaults, and who can be chosen."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import (
    Qt,
)
from PySide6.QtWidgets import (
    QMessageBox,
)
from pytestqt.qtbot import QtBot

from reflectdesk.bundles import DATED_NAME_RE
from reflectdesk.domain.model import (
    Consent,
    ExportRequest,
    Role,
)
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.contact_model import (
    safety_number_lines,
)
from reflectdesk.gui.entry_model import ID_ROLE
from reflectdesk.gui.export_pages import BADGE_ROLE
from reflectdesk.gui.export_wizard import PAGE_DONE, PAGE_RECIPIENTS, PAGE_SAVE, ExportWizard
from reflectdesk.gui.import_dialog import ImportDialog
from reflectdesk.review.records import Verdict
from reflectdesk.services.vault import Vault
from tests.gui.helpers import written
from tests.gui.sharing import (
    click_role,
    drop,
    exchange_cards,
    mentor_vault,
    windows,
)
from tests.services.sync_helpers import connect_folder, make_duo, new_vault


def test_round_trip_between_two_vaults(
    qtbot: QtBot, two: tuple[AppContext, Vault, AppContext, Vault], tmp_path: Path
) -> None:
    sctx, student, mctx, mentor = two
    sw, mw = windows(qtbot, two)
    spage, mpage = exchange_cards(qtbot, sw, mw, tmp_path)

    # Both see the same safety number, as digit groups; the QR code is drawn.
    assert mpage.model.rowCount() == 1 and spage.model.rowCount() == 1
    assert mpage.state_label.text() == "Not verified"
    assert len(mpage.safety.digits) == 60
    assert mpage.safety.digits == spage.safety.digits
    assert mpage.safety.text() == safety_number_lines(spage.safety.digits)
    assert spage.my_card.qr.is_valid() and spage.my_card.my_name.text() == "Camila Pérez"

    # Mark as verified, after the confirmation that explains how to compare.
    for page in (mpage, spage):
        page.confirm_verify()
        box = page.last_box
        assert box is not None and "in person or by phone" in box.informativeText()
        click_role(box, QMessageBox.ButtonRole.YesRole)
        written(qtbot, page)
        assert page.state_label.text() == "Verified"
        assert not page.verify_button.isEnabled()
    camila = mentor.contacts.list()[0]
    assert camila.verified
    rosa = student.contacts.list()[0]

    # The student shares two entries with the wizard, chosen in the entry list.
    sw.sidebar.select("all", "")
    assert sw.main_stack.currentWidget() is sw.work
    ids = [s.id for s in student.entries.list()][:2]
    sw.share_entries(ids)
    wizard = sw.dialogs["export"]
    assert isinstance(wizard, ExportWizard)
    assert sorted(wizard.entry_ids()) == sorted(ids)
    wizard.entries_page.search.setText("zzz-nothing")
    assert wizard.entries_page.proxy.rowCount() == 0
    wizard.entries_page.search.clear()
    wizard.next()
    assert not wizard.recipients_page.isComplete()
    wizard.recipients_page.model.set_checked(rosa.id, True)
    assert wizard.recipients_page.isComplete()
    assert not wizard.recipients_page.warning.isVisible()  # Rosa is verified
    wizard.next()
    wizard.consent_page.radios[Consent.RESEARCH].setChecked(True)
    combo = wizard.consent_page.combos[ids[0]]
    combo.setCurrentIndex(combo.findData(Consent.RESEARCH_PSEUDONYMISED.value))
    wizard.next()
    assert "Rosa Díaz" in wizard.save_page.summary.text()
    assert not wizard.save_page.send_radio.isVisible()  # no exchange point reaches her
    out = tmp_path / "usb"
    out.mkdir()
    wizard.ask_folder = lambda: str(out)  # type: ignore[method-assign]
    wizard.save_page.choose.click()
    wizard.save_page.create_button.click()
    qtbot.waitUntil(lambda: wizard.result_ is not None, timeout=10_000)
    assert wizard.currentId() == PAGE_DONE
    result = wizard.result_
    assert result is not None
    bundles = list(out.glob("*.rdbundle"))
    assert bundles == [result.path] and DATED_NAME_RE.fullmatch(result.path.name)
    text = wizard.done_page.text.text()
    assert "2 entries:" in text and "Sent" not in text and "Rosa Díaz" in text
    assert wizard.done_page.bundle_path() == result.path
    assert wizard.done_page.saved_to.text() == f"Saved to {out}"
    wizard.accept()

    # The mentor drags the bundle onto the window: the preview first.
    drop(mw, result.path)
    dialog = mw.dialogs["import"]
    assert isinstance(dialog, ImportDialog)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    assert dialog.sender_label.text() == "From Camila Pérez, verified"
    assert not dialog.compared.isVisible()
    assert "2 new entries" in dialog.counts.text()
    consents = {dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())}
    assert consents == {
        "Research only after pseudonymisation",
        "May be used in a research case study",
    }
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.result_ is not None, timeout=10_000)
    assert "2 new entries" in dialog.done_text.text()
    dialog.show_button.click()

    # Received, per author, read only.
    qtbot.waitUntil(lambda: len(mw.received) == 1)
    journal_id, author = next(iter(mw.received.items()))
    assert author == "Camila Pérez"
    assert mw.sidebar._find("journal", journal_id).isValid()
    assert mw.search.filters().journal_id == journal_id
    qtbot.waitUntil(lambda: mw.model.rowCount() == 2)
    mw.list.selectRow(0)
    # Received entries open in the reading view (issue 13), never in an editor.
    assert mw.reader is not None and mw.editor_stack.currentWidget() is mw.reader
    assert mw.reader.entry_id == mw.model.data(mw.model.index(0, 0), ID_ROLE)
    assert mw.reader.text.isReadOnly() and mw.editor.entry_id is None
    assert "From Camila Pérez" in mw.reader.text.toPlainText()

    # Importing it again changes nothing.
    before = len(mentor.entries.list())
    mw.open_bundle(result.path)
    again = mw.dialogs["import"]
    assert isinstance(again, ImportDialog)
    qtbot.waitUntil(lambda: again.preview is not None, timeout=10_000)
    assert again.preview is not None and again.preview.already_imported
    assert again.already.isVisible() and not again.import_button.isEnabled()
    again.reject()
    assert len(mentor.entries.list()) == before

    # Inbox and outbox.
    mw.show_sharing("inbox")
    inbox = mw.page("inbox")
    assert inbox.model.rowCount() == 1  # type: ignore[attr-defined]
    assert inbox.model.index(0, 1).data() == "Camila Pérez"  # type: ignore[attr-defined]
    assert inbox.model.index(0, 2).data() == "2"  # type: ignore[attr-defined]
    sw.show_sharing("outbox")
    outbox = sw.page("outbox")
    assert outbox.model.rowCount() == 1  # type: ignore[attr-defined]
    assert outbox.model.index(0, 1).data() == "Rosa Díaz"  # type: ignore[attr-defined]
    sw.prepare_to_close()
    mw.prepare_to_close()
    sctx.runner.wait(5000)
    mctx.runner.wait(5000)


def test_revoked_contacts_cannot_be_chosen_and_unverified_ones_warn(
    qtbot: QtBot,
    two: tuple[AppContext, Vault, AppContext, Vault],
    make_ctx: Callable[..., AppContext],
    tmp_path: Path,
) -> None:
    sctx, student, _mctx, mentor = two
    rosa = student.contacts.import_card(mentor.identity.card()).contact
    other_ctx = make_ctx(data_dir=tmp_path / "other")
    other = mentor_vault(other_ctx, "Pedro Soto")
    pedro = student.contacts.import_card(other.identity.card()).contact
    assert rosa is not None and pedro is not None
    student.contacts.revoke(pedro.id)
    wizard = ExportWizard(sctx, student, [student.entries.list()[0].id])
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    model = wizard.recipients_page.model
    rows = {model.index(r).data(Qt.ItemDataRole.UserRole + 1): r for r in range(model.rowCount())}
    revoked = model.index(rows[pedro.id])
    assert not (model.flags(revoked) & Qt.ItemFlag.ItemIsEnabled)
    assert revoked.data(BADGE_ROLE) == "Revoked" and "Revoked" not in revoked.data()
    model.set_checked(pedro.id, True)
    assert model.checked_ids() == [] and not wizard.recipients_page.isComplete()
    assert "Camila Pérez (you): always included" in wizard.recipients_page.me.text()
    model.set_checked(rosa.id, True)
    assert wizard.recipients_page.warning.isVisible()
    assert "Rosa Díaz" in wizard.recipients_page.warning.text()
    wizard.reject()

    # A bundle for someone else is refused with the core's message.
    out = tmp_path / "out"
    out.mkdir()
    result = student.exports.export(
        ExportRequest(recipients=(rosa.id,), entry_ids=(student.entries.list()[0].id,)), out
    )
    other.contacts.import_card(student.identity.card())
    dialog = ImportDialog(other_ctx, other, result.path)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.start()
    qtbot.waitUntil(lambda: dialog.error_box is not None, timeout=10_000)
    assert dialog.error_box is not None and "not encrypted to your key" in dialog.error_box.text()
    dialog.error_box.close()
    assert other.bundle_log.list() == []
    other_ctx.runner.wait(5000)
    other.close()


def _to_save_page(wizard: ExportWizard) -> None:
    while wizard.currentId() != PAGE_SAVE:
        wizard.next()


def test_send_through_exchange_point_and_feedback_back(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    """A journal bundle and the mentor's feedback, each queued through the exchange point
    from the wizard ("queued to send via …", never "sent"); feedback to a folder too."""
    duo = make_duo(tmp_path / "people")
    try:
        shared = tmp_path / "shared"
        shared.mkdir()
        connect_folder(duo, shared)
        entry = duo.write("Clase de fracciones", "Trabajamos fracciones con pizzas.")
        wizard = ExportWizard(ctx, duo.student, [entry], recipients=[duo.mentor_at_student])
        qtbot.addWidget(wizard)
        wizard.ask_folder = lambda: pytest.fail("no folder is asked for")  # type: ignore[method-assign]
        wizard.show()
        assert wizard.windowTitle() == "Share entries" and wizard.entry_ids() == [entry]
        _to_save_page(wizard)
        page = wizard.save_page
        assert page.send_radio.isVisible() and page.send_radio.isChecked()
        assert page.send_radio.text() == "&Send through exchange point Escuela — carpeta compartida"
        assert page.create_button.isEnabled() and not page.choose.isEnabled()
        page.create_button.click()
        qtbot.waitUntil(lambda: wizard.currentId() == PAGE_DONE, timeout=10_000)
        text = wizard.done_page.text.text()
        assert text.startswith("Queued to send via Escuela — carpeta compartida.")
        assert "Sent" not in text and "Clase de fracciones" in text
        assert not wizard.done_page.saved_to.isVisible()
        assert wizard.done_page.title() == "Bundle queued"
        assert duo.student.sync.status().pending == 1 and os.listdir(shared) == []
        wizard.accept()
        assert duo.student.sync.sync_now().sent == 1
        assert duo.mentor.sync.sync_now().received == 1

        # The mentor comments and signs off; "Send feedback" opens the feedback kind.
        at_mentor = duo.mentor.imports.received_entry_id(duo.student_at_mentor, entry)
        duo.mentor.review.add_comment(at_mentor, "body", "¿Por qué pizzas?", quote="pizzas")
        duo.mentor.review.sign_off(at_mentor, {"C7": (Verdict.MET, "Bien.")})
        usb = tmp_path / "usb"
        usb.mkdir()
        for send in (False, True):
            fb = ExportWizard(ctx, duo.mentor, kind="feedback", recipients=[duo.student_at_mentor])
            qtbot.addWidget(fb)
            fb.ask_folder = lambda: str(usb)  # type: ignore[method-assign]
            fb.show()
            assert fb.windowTitle() == "Send feedback" and fb.currentId() == PAGE_RECIPIENTS
            assert fb.recipients_page.model.checked_ids() == [duo.student_at_mentor]
            assert "sign-offs" in fb.recipients_page.subTitle()
            fb.next()
            assert fb.currentId() == PAGE_SAVE  # no entries, no consent to choose
            assert "Your feedback" in fb.save_page.summary.text()
            if not send:
                fb.save_page.folder_radio.setChecked(True)
                assert not fb.save_page.create_button.isEnabled()  # no folder yet
                fb.save_page.choose.click()
            fb.save_page.create_button.click()
            qtbot.waitUntil(lambda fb=fb: fb.currentId() == PAGE_DONE, timeout=10_000)  # type: ignore[misc]
            done = fb.done_page.text.text()
            assert "Your feedback on 1 entry:" in done and "Clase de fracciones" in done
            if send:
                assert done.startswith("Queued to send via Escuela")
            else:
                assert fb.result_ is not None and fb.result_.path.parent == usb
                assert fb.done_page.bundle_path() == fb.result_.path
                assert DATED_NAME_RE.fullmatch(fb.result_.path.name)  # not hex, no names
            fb.accept()
        assert duo.mentor.sync.status().pending == 1
        assert duo.mentor.sync.sync_now().sent == 1
        assert duo.student.sync.sync_now().received == 1
        state = duo.student.review.state(entry)
        assert [t.text for t in state.threads] == ["¿Por qué pizzas?"]
        assert [s.overall for s in state.sign_offs] == [Verdict.MET]

        # Feedback goes through exchange points only when every recipient is reached.
        tutor = new_vault(tmp_path / "tutor", "Tomás Tutor", Role.MENTOR)
        try:
            card = duo.mentor.contacts.import_card(tutor.identity.card()).contact
            assert card is not None
        finally:
            tutor.close()
        both = ExportWizard(
            ctx, duo.mentor, kind="feedback", recipients=[duo.student_at_mentor, card.id]
        )
        qtbot.addWidget(both)
        both.show()
        both.next()
        assert both.currentId() == PAGE_SAVE and not both.save_page.send_radio.isVisible()
        assert both.save_page.folder_radio.isChecked()
        both.reject()
        ctx.runner.wait(10_000)
    finally:
        duo.student.close()
        duo.mentor.close()
