"""Your own keys (a new key pair, a revocation), revoking a contact, and withdrawing
research consent from the GUI, between real vaults."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QPoint
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from reflectdesk.domain.model import CardAction, Consent, EntryContent, ExportRequest
from reflectdesk.gui.contacts_page import ContactsPage, key_id_text
from reflectdesk.gui.context import AppContext
from reflectdesk.gui.import_dialog import ImportDialog
from reflectdesk.gui.main_window import MainWindow
from reflectdesk.gui.withdraw_dialog import PAGE_DONE, PAGE_FORM, WithdrawDialog
from reflectdesk.services.vault import Vault
from tests.gui.conftest import add_samples, create_vault
from tests.gui.helpers import clipped_texts, unnamed_controls
from tests.gui.screens import settle
from tests.gui.test_sharing import (
    click_role,
    close_box,
    drop,
    exchange_cards,
    mentor_vault,
    mnemonics,
    windows,
)

Pair = tuple[AppContext, Vault, AppContext, Vault]
ACCEPT = QMessageBox.ButtonRole.AcceptRole
REJECT = QMessageBox.ButtonRole.RejectRole


@pytest.fixture
def pair(make_ctx: Callable[..., AppContext], tmp_path: Path) -> Iterator[Pair]:
    """A student with three entries and a mentor with one entry of her own."""
    sctx = make_ctx(data_dir=tmp_path / "student")
    student, _ = create_vault(sctx)
    add_samples(student)
    mctx = make_ctx(data_dir=tmp_path / "mentor")
    mentor = mentor_vault(mctx)
    journal = mentor.journals.create("Retroalimentación")
    mentor.entries.add(
        journal.id,
        EntryContent(title="Comentarios a Camila", sections={"body": "…"}, template_id="free"),
    )
    yield sctx, student, mctx, mentor
    for ctx, vault in ((sctx, student), (mctx, mentor)):
        ctx.runner.wait(10_000)
        vault.close()


def folder(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.mkdir()
    return path


def save_as(page: ContactsPage, path: Path) -> list[str]:
    """Answer the page's save dialogs with ``path``; returns the names it suggested."""
    suggested: list[str] = []

    def ask(_title: str, name: str, _filters: str) -> str:
        suggested.append(name)
        return str(path)

    page.ask_save_path = ask  # type: ignore[method-assign]
    return suggested


def wait_for_message(qtbot: QtBot, page: ContactsPage, after: QMessageBox | None) -> QMessageBox:
    """The result box the page shows once the key work on the runner is done."""
    qtbot.waitUntil(
        lambda: page.last_box is not after and page.last_box.objectName() == "messageBox",  # type: ignore[union-attr]
        timeout=10_000,
    )
    assert page.last_box is not None
    return page.last_box


def import_with_dialog(qtbot: QtBot, window: MainWindow, path: Path) -> ImportDialog:
    window.open_bundle(path)
    dialog = window.dialogs["import"]
    assert isinstance(dialog, ImportDialog)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.result_ is not None, timeout=10_000)
    return dialog


def select_entries(window: MainWindow, entry_ids: list[str]) -> None:
    selection = window.list.selectionModel()
    selection.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for entry_id in entry_ids:
        selection.select(window.model.index(window.model.row_of(entry_id), 0), flags)


def test_new_key_pair_is_taken_quietly_and_old_bundles_still_open(
    qtbot: QtBot, pair: Pair, tmp_path: Path
) -> None:
    _sctx, student, _mctx, mentor = pair
    sw, mw = windows(qtbot, pair)
    spage, mpage = exchange_cards(sw, mw, tmp_path)
    camila = mentor.contacts.list()[0]
    mentor.contacts.verify(camila.id)
    mentor_entry = mentor.entries.list()[0].id
    # Rosa sends a bundle to Camila's key before Camila replaces it.
    in_transit = mentor.exports.export(
        ExportRequest(recipients=(camila.id,), entry_ids=(mentor_entry,)), folder(tmp_path, "a")
    )
    own = student.entries.list()[0].id  # written with the old key
    old_key = student.identity.info().key_id
    old_digits = spage.safety.digits
    suggested = save_as(spage, tmp_path / "camila-new")  # the suffix is added

    spage.new_keys_button.click()
    box = spage.last_box
    assert box is not None and box.objectName() == "newKeysConfirmation"
    assert "still open" in box.informativeText() and "entries stay yours" in box.informativeText()
    check = box.checkBox()
    assert check is not None and check.isChecked()  # the old key vouches by default
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    click_role(box, ACCEPT)
    done = wait_for_message(qtbot, spage, box)

    card = tmp_path / "camila-new.rdcard"
    assert card.is_file() and suggested == ["Camila-Pérez.rdcard"]
    new_key = student.identity.info().key_id
    assert new_key != old_key
    assert key_id_text(new_key) in done.text() and str(card) in done.text()
    assert "signed by your old key too" in done.informativeText()
    close_box(done)
    assert spage.my_key.text() == f"Key: {key_id_text(new_key)}"  # my card was redrawn
    assert spage.safety.digits != old_digits  # and so was the safety number
    assert spage.pending_card is None and not spage.keys_status.isVisible()

    # Rosa takes the new card without a question: a rotation, which she is told about.
    # Camila is "vouched" by her old key, no longer verified (issue 10).
    assert mentor.contacts.preview_card(card.read_bytes()).action is CardAction.ROTATION
    drop(mpage, card)
    assert "a new key, vouched by the old one" in close_box(mpage.last_box)
    rotated = mentor.contacts.get(camila.id)
    assert (rotated.verified, rotated.vouched) == (False, True)
    assert mpage.safety.digits == spage.safety.digits

    # The bundle sent to the old key still opens; her entries are still hers to share.
    dialog = import_with_dialog(qtbot, sw, in_transit.path)
    assert dialog.result_ is not None and len(dialog.result_.entries_new) == 1
    dialog.accept()
    rosa = student.contacts.list()[0]
    after = student.exports.export(
        ExportRequest(recipients=(rosa.id,), entry_ids=(own,)), folder(tmp_path, "b")
    )
    # The mentor stores it under her own keyed id for Camila's entry (storage/local_ids.py).
    assert mentor.imports.import_bundle(after.path).entries_new == (
        mentor.imports.received_entry_id(camila.id, own),
    )
    sw.prepare_to_close()
    mw.prepare_to_close()


def test_cancelled_save_keeps_the_new_card_for_save_my_card(
    qtbot: QtBot, ctx: AppContext, unlocked: Vault, tmp_path: Path
) -> None:
    page = ContactsPage(unlocked, runner=ctx.runner)
    qtbot.addWidget(page)
    page.show()
    page.ask_save_path = lambda *_a: ""  # type: ignore[method-assign]
    page.start_new_keys(vouch=True)
    assert not page.new_keys_button.isEnabled()  # busy: one key change at a time
    qtbot.waitUntil(lambda: page.task is None, timeout=10_000)
    pending = page.pending_card
    assert pending is not None and page.keys_status.isVisible()
    assert "not saved yet" in page.keys_status.text()
    save_as(page, tmp_path / "later.rdcard")
    page.save_my_card()
    assert (tmp_path / "later.rdcard").read_bytes() == pending  # the vouched card
    close_box(page.last_box)
    assert page.pending_card is None and not page.keys_status.isVisible()


def test_revoke_my_keys_then_make_new_ones_without_vouching(
    qtbot: QtBot, pair: Pair, tmp_path: Path
) -> None:
    _sctx, student, _mctx, mentor = pair
    sw, mw = windows(qtbot, pair)
    spage, mpage = exchange_cards(sw, mw, tmp_path)
    camila = mentor.contacts.list()[0]
    old_key = student.identity.info().key_id

    suggested = save_as(spage, tmp_path / "revoked")
    spage.revoke_keys_button.click()
    box = spage.last_box
    assert box is not None and box.objectName() == "revokeKeysConfirmation"
    assert "stop trusting these keys" in box.informativeText()
    click_role(box, ACCEPT)
    revocation = tmp_path / "revoked.rdcard"
    assert revocation.is_file() and suggested == ["Camila-Pérez-revocation.rdcard"]
    offer = spage.last_box
    assert offer is not None and offer.objectName() == "newKeysAfterRevocation"
    assert str(revocation) in offer.text()
    assert offer.defaultButton() is not None and offer.defaultButton().text() == "Later"
    assert student.identity.info().key_id == old_key  # nothing changed yet

    save_as(spage, tmp_path / "camila-new.rdcard")
    click_role(offer, ACCEPT)  # make the new key pair right away, not vouched
    done = wait_for_message(qtbot, spage, offer)
    assert "compare the safety number with you again" in done.informativeText()
    close_box(done)
    assert student.identity.info().key_id != old_key

    # Rosa imports the revocation like a card: Camila's old keys are revoked.
    drop(mpage, revocation)
    assert "keys are revoked" in close_box(mpage.last_box)
    assert mentor.contacts.get(camila.id).revoked
    mpage.select_contact(camila.id)
    assert mpage.state_label.text() == "Revoked"
    # The new card is not signed by the revoked key: a new contact, to verify again, and
    # under the revoked contact's name it is warned about first.
    new_card = (tmp_path / "camila-new.rdcard").read_bytes()
    preview = mentor.contacts.preview_card(new_card)
    assert preview.action is CardAction.SAME_NAME and preview.contact_id == camila.id
    sw.prepare_to_close()
    mw.prepare_to_close()


def test_revoke_a_contact(qtbot: QtBot, pair: Pair, tmp_path: Path) -> None:
    _sctx, _student, _mctx, mentor = pair
    sw, mw = windows(qtbot, pair)
    _spage, mpage = exchange_cards(sw, mw, tmp_path)
    camila = mentor.contacts.list()[0]
    mpage.select_contact(camila.id)
    assert mpage.revoke_contact_button.isEnabled()

    mpage.revoke_contact_button.click()
    box = mpage.last_box
    assert box is not None and box.objectName() == "revokeContactConfirmation"
    assert "Camila Pérez" in box.text() and "cannot be undone" in box.informativeText()
    click_role(box, REJECT)
    assert not mentor.contacts.get(camila.id).revoked  # cancelled: nothing changed

    mpage.revoke_contact_button.click()
    click_role(mpage.last_box, ACCEPT)
    assert mentor.contacts.get(camila.id).revoked
    row = mpage.model.row_of(camila.id)
    assert mpage.model.index(row, 3).data() == "Revoked"  # the list says so
    assert mpage.state_label.text() == "Revoked"
    assert not mpage.revoke_contact_button.isEnabled()
    assert not mpage.verify_button.isEnabled() and not mpage.new_card_button.isEnabled()
    sw.prepare_to_close()
    mw.prepare_to_close()


def test_withdraw_consent_from_the_entry_list(
    qtbot: QtBot,
    pair: Pair,
    make_ctx: Callable[..., AppContext],
    tmp_path: Path,
) -> None:
    _sctx, student, _mctx, mentor = pair
    sw, mw = windows(qtbot, pair)
    exchange_cards(sw, mw, tmp_path)
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
    assert sw.withdraw_action in menu.actions() and sw.withdraw_action.isEnabled()
    assert sw.withdraw_action in sw.file_menu.actions()
    menu.close()
    sw.withdraw_action.trigger()
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
    assert dialog.done_page.path.text() == str(result.path)
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
    assert not mw.withdraw_action.isEnabled()
    mw.dialogs["entry-menu"].close()
    pedro_vault.close()
    sw.prepare_to_close()
    mw.prepare_to_close()


def test_withdrawal_errors_show_message_and_hint(qtbot: QtBot, pair: Pair, tmp_path: Path) -> None:
    sctx, student, _mctx, _mentor = pair
    sw, mw = windows(qtbot, pair)
    exchange_cards(sw, mw, tmp_path)
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


def check_screen(root: QWidget) -> list[str]:
    """Mnemonics repeated, controls without a name, clipped texts."""
    keys = mnemonics(root)
    problems = [f"mnemonic {k!r} repeated" for k in sorted({k for k in keys if keys.count(k) > 1})]
    return problems + unnamed_controls(root) + clipped_texts(root)


@pytest.mark.parametrize("language", ["en", "es"])
def test_screens_are_translated_accessible_and_fit_a_small_window(
    qtbot: QtBot, pair: Pair, tmp_path: Path, language: str
) -> None:
    sctx, student, _mctx, _mentor = pair
    sw, mw = windows(qtbot, pair)
    exchange_cards(sw, mw, tmp_path)
    sctx.translations.set_language(language)
    QCoreApplication.processEvents()
    sw.resize(900, 600)
    sw.show_sharing("contacts")
    page = sw.page("contacts")
    assert isinstance(page, ContactsPage)
    settle(qtbot)
    problems = {"contacts": check_screen(sw)}

    page.new_keys_button.click()
    box = page.last_box
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
    assert ("Paquete creado" in dialog.done_page.title()) == spanish  # the reused page
    dialog.accept()
    sctx.translations.set_language("en")
    sw.prepare_to_close()
    mw.prepare_to_close()
    assert {k: v for k, v in problems.items() if v} == {}
