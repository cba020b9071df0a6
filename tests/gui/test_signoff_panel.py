"""The sign-off panel (issue 13, point 3): per standard the student tagged (and one the
mentor adds) met / partly / not yet with a note, an overall verdict, "Sign off" bound to
the version; "signed off on version 1; changed since" after her edit, on both sides;
"Withdraw" with a reason for your own; no form on your own entry."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.main_window import MainWindow
from reflectdesk.gui.standards_picker import CODE_ROLE, StandardsPicker
from reflectdesk.review.records import Verdict
from reflectdesk.services.vault import Vault
from tests.gui.review_setup import ACTION, make_review, mentor_window, reader_of, settle


def test_sign_off_changed_since_and_withdraw(
    qtbot: QtBot, two: tuple[AppContext, Vault, AppContext, Vault], tmp_path: Path
) -> None:
    r = make_review(two, tmp_path)
    window = mentor_window(qtbot, r)
    reader = reader_of(window, r)
    settle(qtbot, reader)
    panel = reader.signoff
    assert panel.form.isVisible() and panel.none_label.isVisible()
    # The standards she tagged, with their titles; one more added by the mentor.
    assert panel.codes == ["A1", "C7"]
    assert panel.titles["C7"].text().startswith("C7 — ")
    panel.add_button.click()  # the standards picker: D10 ticked, OK
    picker = panel.picker
    assert isinstance(picker, StandardsPicker) and picker.isVisible()
    model = picker.model_
    (item,) = [
        model.item(row).child(sub)
        for row in range(model.rowCount())
        for sub in range(model.item(row).rowCount())
        if model.item(row).child(sub).data(CODE_ROLE) == "D10"
    ]
    picker.tree.activated.emit(picker.proxy.mapFromSource(item.index()))  # Enter on it
    assert picker.selected() == ["A1", "C7", "D10"]
    picker.accept()
    assert panel.codes == ["A1", "C7", "D10"]
    assert panel.titles["D10"].text().startswith("D10 — ")
    assert not panel.sign_button.isEnabled()  # nothing judged yet
    panel.verdicts["C7"].setCurrentIndex(1)  # met
    panel.notes["C7"].setText("Preguntas abiertas.")
    panel.verdicts["A1"].setCurrentIndex(2)  # partly
    assert panel.chosen() == {
        "C7": (Verdict.MET, "Preguntas abiertas."),
        "A1": (Verdict.PARTLY, ""),
    }
    panel.note.setText("Buen avance.")
    assert panel.sign_button.isEnabled()
    panel.sign_button.click()
    settle(qtbot, reader)
    (box,) = panel.boxes
    assert box.head.text().startswith("Signed off by Rosa Díaz on ")
    assert box.head.text().endswith("on version 1")
    assert box.overall.text() == "Overall: partly. Buen avance."  # the lowest given
    assert [v.text() for _t, v in box.rows] == ["partly", "met — Preguntas abiertas."]
    assert box.withdraw_button.isVisible()
    assert panel.verdicts["C7"].currentIndex() == 0  # the form is empty again

    # The student edits: "changed since" on the mentor's side …
    r.edit(ACTION + " Mañana sigo.")
    r.send()
    qtbot.waitUntil(lambda: reader.entry is not None and reader.entry.head.seq == 2)
    settle(qtbot, reader)
    (box,) = panel.boxes
    assert box.head.text().endswith("on version 1; changed since")
    # … and on hers, beside her entry, after the feedback bundle; no form there.
    r.feedback()
    sw = MainWindow(r.sctx, r.student)
    qtbot.addWidget(sw)
    sw.show()
    sw.open_entry(r.entry)
    feedback = sw.editor.feedback
    qtbot.waitUntil(lambda: feedback.isVisible(), timeout=10_000)
    (student_box,) = feedback.signoff.boxes
    assert student_box.head.text().endswith("on version 1; changed since")
    assert not feedback.signoff.form.isVisible()
    assert not student_box.withdraw_button.isVisible()  # not hers to withdraw
    sw.prepare_to_close()

    # Withdraw asks a reason; cancelled, nothing happens.
    panel.ask_reason = lambda: None  # type: ignore[method-assign]
    box.withdraw_button.click()
    settle(qtbot, reader)
    assert not r.mentor.review.state(reader.entry_id or "").sign_offs[0].withdrawn
    panel.ask_reason = lambda: "Lo revisaré con la versión nueva."  # type: ignore[method-assign]
    panel.boxes[0].withdraw_button.click()
    settle(qtbot, reader)
    (box,) = panel.boxes
    assert box.view.withdrawn and "withdrawn" in box.head.text()
    assert not box.withdraw_button.isVisible()
    window.prepare_to_close()
