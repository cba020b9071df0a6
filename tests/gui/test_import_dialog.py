"""The import preview and import, between real vaults."""

from __future__ import annotations

import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from reflectdesk.domain.model import (
    ExportRequest,
)
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.import_dialog import ImportDialog
from reflectdesk.services.vault import Vault
from tests.gui.sharing import (
    exchange_cards,
    windows,
)


def test_tampered_bundle_is_refused_and_nothing_stored(
    qtbot: QtBot, two: tuple[AppContext, Vault, AppContext, Vault], tmp_path: Path
) -> None:
    _sctx, student, mctx, mentor = two
    sw, mw = windows(qtbot, two)
    exchange_cards(qtbot, sw, mw, tmp_path)
    rosa = student.contacts.list()[0]
    ids = tuple(s.id for s in student.entries.list())
    out = tmp_path / "out"
    out.mkdir()
    result = student.exports.export(ExportRequest(recipients=(rosa.id,), entry_ids=ids), out)
    data = bytearray(result.path.read_bytes())
    data[len(data) // 2] ^= 0x01
    bad = tmp_path / "tampered.rdbundle"
    bad.write_bytes(bytes(data))

    mctx.translations.set_language("es")
    mw.open_bundle(bad)
    dialog = mw.dialogs["import"]
    assert isinstance(dialog, ImportDialog)
    qtbot.waitUntil(lambda: dialog.error_box is not None, timeout=10_000)
    box = dialog.error_box
    assert box is not None
    assert "Traceback" not in box.text() + box.informativeText()
    assert box.text() and box.informativeText()
    assert box.text() != "The bundle could not be decrypted."  # translated
    # The dialog closes itself and is deleted later; either way it is gone from view.
    assert not isValid(dialog) or not dialog.isVisible()
    assert mentor.entries.list() == [] and mentor.bundle_log.list() == []
    if isValid(box):
        box.close()

    # A truncated one, too.
    truncated = tmp_path / "truncated.rdbundle"
    truncated.write_bytes(result.path.read_bytes()[:-100])
    mw.open_bundle(truncated)
    dialog = mw.dialogs["import"]
    qtbot.waitUntil(lambda: dialog.error_box is not None, timeout=10_000)  # type: ignore[attr-defined]
    if isValid(dialog.error_box):  # type: ignore[attr-defined]
        dialog.error_box.close()  # type: ignore[attr-defined]
    assert mentor.entries.list() == []
    mctx.translations.set_language("en")
    sw.prepare_to_close()
    mw.prepare_to_close()


def test_unknown_sender_needs_the_safety_number_checkbox(
    qtbot: QtBot, two: tuple[AppContext, Vault, AppContext, Vault], tmp_path: Path
) -> None:
    _sctx, student, mctx, mentor = two
    # Only the student knows the mentor; the mentor never imported the student's card.
    student.contacts.import_card(mentor.identity.card())
    rosa = student.contacts.list()[0]
    ids = tuple(s.id for s in student.entries.list())[:1]
    out = tmp_path / "out"
    out.mkdir()
    result = student.exports.export(ExportRequest(recipients=(rosa.id,), entry_ids=ids), out)

    # ``reflectdesk FILE.rdbundle``: the preview opens once the main window is up.
    from reflectdesk.gui.controller import AppController

    mctx.extras["open_files"] = [result.path]
    controller = AppController(mctx)
    controller.vault = mentor
    controller.show_main()
    mw = controller.main_window
    assert mw is not None
    qtbot.addWidget(mw)
    qtbot.waitUntil(lambda: "import" in mw.dialogs)
    dialog = mw.dialogs["import"]
    assert isinstance(dialog, ImportDialog)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    assert dialog.sender_label.text() == "From Camila Pérez, not among your contacts"
    assert dialog.compared.isVisible() and dialog.safety.isVisible()
    assert dialog.safety.digits == mentor.identity.safety_number(student.identity.public()).replace(
        " ", ""
    )
    assert not dialog.import_button.isEnabled()
    dialog.compared.setChecked(True)
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.result_ is not None, timeout=10_000)
    assert "added to your contacts, not verified" in dialog.done_text.text()
    contacts = mentor.contacts.list()
    assert [c.name for c in contacts] == ["Camila Pérez"] and not contacts[0].verified
    mw.prepare_to_close()


def test_the_import_dialog_imports_what_it_previewed(
    qtbot: QtBot, two: tuple[AppContext, Vault, AppContext, Vault], tmp_path: Path
) -> None:
    _sctx, student, mctx, mentor = two
    rosa = student.contacts.import_card(mentor.identity.card()).contact
    assert rosa is not None
    camila = mentor.contacts.import_card(student.identity.card()).contact
    assert camila is not None
    first, second = (s.id for s in student.entries.list()[:2])
    here = mentor.imports.received_entry_id(camila.id, first)  # the mentor's id for it
    out = tmp_path / "out"
    out.mkdir()
    paths = [
        student.exports.export(ExportRequest(recipients=(rosa.id,), entry_ids=(e,)), out).path
        for e in (first, second)
    ]
    synced = tmp_path / "synced" / "de-camila.rdbundle"
    synced.parent.mkdir()
    shutil.copyfile(paths[0], synced)
    dialog = ImportDialog(mctx, mentor, synced)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.start()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    assert [e.entry_id for e in dialog.preview.entries] == [here]  # type: ignore[union-attr]
    shutil.copyfile(paths[1], synced)  # swapped while the preview is on screen
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.result_ is not None, timeout=10_000)
    assert dialog.result_ is not None and dialog.result_.entries_new == (here,)
    assert "The file changed on disk after you opened it" in dialog.done_text.text()
    assert {s.id for s in mentor.entries.list()} == {here}
    dialog.accept()
    assert dialog.prepared is None  # the decrypted bundle is not kept
