"""Withdrawing research consent from the GUI, and the sharing screens translated,
accessible and fitting a small window, between real vaults."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import (
    QCoreApplication,
    QPoint,
)
from pytestqt.qtbot import QtBot

from reflectdesk.bundles import DATED_NAME_RE
from reflectdesk.domain.model import (
    Consent,
    ExportRequest,
)
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.contacts_page import ContactsPage
from reflectdesk.gui.withdraw_dialog import PAGE_DONE, PAGE_FORM, WithdrawDialog
from tests.gui.screens import settle
from tests.gui.sharing import (
    REJECT,
    Pair,
    check_screen,
    click_role,
    exchange_cards,
    folder,
    import_with_dialog,
    mentor_vault,
    select_entries,
    windows,
)


def test_withdraw_consent_from_the_entry_list(
    qtbot: QtBot,
    pair: Pair,
    make_ctx: Callable[..., AppContext],
    tmp_path: Path,
) -> None:
    _sctx, student, _mctx, mentor = pair
    sw, mw = windows(qtbot, pair)
    exchange_cards(qtbot, sw, mw, tmp_path)
    rosa = student.contacts.list()[0]
    # Pedro got one of the entries too, and was revoked since.
    pedro_vault = mentor_vault(make_ctx(data_dir=tmp_path / "pedro"), "Pedro Soto")
    pedro = student.contacts.import_card(pedro_vault.identity.card()).contact
    assert pedro is not None
    ids = [s.id for s in student.entries.list()][:2]
    sent = student.exports.export(
        ExportRequest(recipients=(rosa.id,), entry_ids=tuple(ids), consent=Consent.RESEARCH),
        folder(tmp_path, "sent"),
    )
    student.exports.export(
        ExportRequest(recipients=(pedro.id,), entry_ids=(ids[0],)), folder(tmp_path, "to-pedro")
    )
    student.contacts.revoke(pedro.id)
    mentor.imports.import_bundle(sent.path)

    # The student chooses the two entries in the list; the context menu offers it.
    sw.sidebar.select("all", "")
    qtbot.waitUntil(lambda: sw.model.rowCount() == 3)
    select_entries(sw, ids)
    sw._list_menu(QPoint(5, 5))
    menu = sw.dialogs["entry-menu"]
    assert (
        sw.menu_actions.withdraw_action in menu.actions()
        and sw.menu_actions.withdraw_action.isEnabled()
    )
    assert sw.menu_actions.withdraw_action in sw.menu_actions.file_menu.actions()
    menu.close()
    sw.menu_actions.withdraw_action.trigger()
    dialog = sw.dialogs["withdraw"]
    assert isinstance(dialog, WithdrawDialog)
    titles = {dialog.entries.item(r).text().split("  ")[-1] for r in range(dialog.entries.count())}
    assert titles == {student.entries.get(i).content.title for i in ids}
    assert dialog.recipient_ids() == [rosa.id]  # the same people as before, minus Pedro
    assert "Pedro Soto" in dialog.recipients_note.text()
    dialog.recipients.model.set_checked(pedro.id, True)  # revoked: cannot be chosen
    assert dialog.recipient_ids() == [rosa.id]
    assert not dialog.write_button.isEnabled()  # no folder yet
    out = folder(tmp_path, "usb")
    dialog.ask_folder = lambda: str(out)  # type: ignore[method-assign]
    dialog.choose.click()
    assert dialog.write_button.isEnabled()
    dialog.write_button.click()
    qtbot.waitUntil(lambda: dialog.result_ is not None, timeout=10_000)
    result = dialog.result_
    assert result is not None and list(out.glob("*.rdbundle")) == [result.path]
    assert dialog.stack.currentIndex() == PAGE_DONE and dialog.close_button.isVisible()
    assert dialog.done_page.bundle_path() == result.path
    assert DATED_NAME_RE.fullmatch(result.path.name)
    assert dialog.done_page.saved_to.text() == f"Saved to {out}"
    text = dialog.done_page.text.text()
    assert "Research consent withdrawn for 2 entries" in text and "Rosa Díaz" in text
    dialog.accept()

    # Rosa opens it: the preview counts the withdrawals, and they are recorded.
    received = import_with_dialog(qtbot, mw, result.path)
    assert "2 entries whose research consent is withdrawn" in received.counts.text()
    assert received.result_ is not None and received.result_.withdrawals == 2
    camila = mentor.contacts.list()[0]
    for entry_id in ids:
        consent = mentor.bundle_log.current_consent(
            mentor.imports.received_entry_id(camila.id, entry_id)
        )
        assert consent is not None and consent.withdrawn
    received.accept()

    # Received (read-only) entries cannot be chosen: the action is disabled for them.
    mw.sidebar.select("all", "")
    qtbot.waitUntil(lambda: mw.model.rowCount() == 3)
    received_ids = [mw.model.summary(r).id for r in range(3)]  # type: ignore[union-attr]
    mine = {mentor.imports.received_entry_id(camila.id, i) for i in ids}
    received_ids = [i for i in received_ids if i in mine]
    assert len(received_ids) == 2
    select_entries(mw, received_ids)
    mw._list_menu(QPoint(5, 5))
    assert not mw.menu_actions.withdraw_action.isEnabled()
    mw.dialogs["entry-menu"].close()
    pedro_vault.close()
    sw.prepare_to_close()
    mw.prepare_to_close()


def test_withdrawal_errors_show_message_and_hint(qtbot: QtBot, pair: Pair, tmp_path: Path) -> None:
    sctx, student, _mctx, _mentor = pair
    sw, mw = windows(qtbot, pair)
    exchange_cards(qtbot, sw, mw, tmp_path)
    rosa = student.contacts.list()[0]
    entry = student.entries.list()[0].id
    student.exports.export(
        ExportRequest(recipients=(rosa.id,), entry_ids=(entry,)), folder(tmp_path, "sent")
    )
    dialog = WithdrawDialog(sctx, student, [entry])
    qtbot.addWidget(dialog)
    dialog.show()
    out = folder(tmp_path, "usb")
    dialog.folder.setText(str(out))
    student.contacts.revoke(rosa.id)  # while the dialog is open
    dialog.write_button.click()
    qtbot.waitUntil(lambda: dialog.error_box is not None, timeout=10_000)
    box = dialog.error_box
    assert box is not None and box.text() and box.informativeText()
    assert "Traceback" not in box.text() + box.informativeText()
    assert box.text() in dialog.status.text()
    assert dialog.stack.currentIndex() == PAGE_FORM and dialog.write_button.isEnabled()
    assert list(out.iterdir()) == []  # nothing written
    box.close()
    dialog.reject()
    sw.prepare_to_close()
    mw.prepare_to_close()


@pytest.mark.parametrize("language", ["en", "es"])
def test_screens_are_translated_accessible_and_fit_a_small_window(
    qtbot: QtBot, pair: Pair, tmp_path: Path, language: str
) -> None:
    sctx, student, _mctx, _mentor = pair
    sw, mw = windows(qtbot, pair)
    exchange_cards(qtbot, sw, mw, tmp_path)
    sctx.translations.set_language(language)
    QCoreApplication.processEvents()
    sw.resize(900, 600)
    sw.show_sharing("contacts")
    page = sw.page("contacts")
    assert isinstance(page, ContactsPage)
    settle(qtbot)
    problems = {"contacts": check_screen(sw)}

    page.my_card.new_keys_button.click()
    box = page.my_card.last_box
    assert box is not None
    spanish = language == "es"
    assert (box.text() == "¿Crear un nuevo par de claves?") == spanish
    click_role(box, REJECT)
    assert (page.revoke_contact_button.text() == "Revocar &contacto…") == spanish

    sw.sidebar.select("all", "")
    select_entries(sw, [s.id for s in student.entries.list()][:2])
    sw.withdraw_consent()
    dialog = sw.dialogs["withdraw"]
    assert isinstance(dialog, WithdrawDialog)
    settle(qtbot)
    assert (dialog.windowTitle() == "Retirar el consentimiento de investigación") == spanish
    problems["withdraw"] = check_screen(dialog)
    dialog.recipients.model.set_checked(student.contacts.list()[0].id, True)  # never sent
    dialog.folder.setText(str(folder(tmp_path, "usb")))
    dialog.write_button.click()
    qtbot.waitUntil(lambda: dialog.result_ is not None, timeout=10_000)
    settle(qtbot)
    problems["withdraw-done"] = check_screen(dialog)
    assert ("Paquete guardado" in dialog.done_page.title()) == spanish  # the reused page
    dialog.accept()
    sctx.translations.set_language("en")
    sw.prepare_to_close()
    mw.prepare_to_close()
    assert {k: v for k, v in problems.items() if v} == {}
