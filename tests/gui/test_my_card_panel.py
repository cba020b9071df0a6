"""Your own card and keys (the contacts page's right-hand panel): a new key pair, a
revocation, a card saved later, between real vaults."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from reflectdesk.domain.model import CardAction, ExportRequest
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.my_card_panel import MyCardPanel, key_id_text
from reflectdesk.services.vault import Vault
from tests.gui.helpers import written
from tests.gui.sharing import (
    ACCEPT,
    Pair,
    click_role,
    close_box,
    drop,
    exchange_cards,
    folder,
    import_with_dialog,
    windows,
)


def save_as(page: MyCardPanel, path: Path) -> list[str]:
    """Answer the page's save dialogs with ``path``; returns the names it suggested."""
    suggested: list[str] = []

    def ask(_title: str, name: str, _filters: str) -> str:
        suggested.append(name)
        return str(path)

    page.ask_save_path = ask  # type: ignore[method-assign]
    return suggested


def wait_for_message(qtbot: QtBot, page: MyCardPanel, after: QMessageBox | None) -> QMessageBox:
    """The result box the page shows once the key work on the runner is done."""
    qtbot.waitUntil(
        lambda: page.last_box is not after and page.last_box.objectName() == "messageBox",  # type: ignore[union-attr]
        timeout=10_000,
    )
    assert page.last_box is not None
    return page.last_box


def test_new_key_pair_is_taken_quietly_and_old_bundles_still_open(
    qtbot: QtBot, pair: Pair, tmp_path: Path
) -> None:
    _sctx, student, _mctx, mentor = pair
    sw, mw = windows(qtbot, pair)
    spage, mpage = exchange_cards(qtbot, sw, mw, tmp_path)
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
    suggested = save_as(spage.my_card, tmp_path / "camila-new")  # the suffix is added

    spage.my_card.new_keys_button.click()
    box = spage.my_card.last_box
    assert box is not None and box.objectName() == "newKeysConfirmation"
    assert "still open" in box.informativeText() and "entries stay yours" in box.informativeText()
    check = box.checkBox()
    assert check is not None and check.isChecked()  # the old key vouches by default
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    click_role(box, ACCEPT)
    done = wait_for_message(qtbot, spage.my_card, box)

    card = tmp_path / "camila-new.rdcard"
    assert card.is_file() and suggested == ["Camila-Pérez.rdcard"]
    new_key = student.identity.info().key_id
    assert new_key != old_key
    assert key_id_text(new_key) in done.text() and str(card) in done.text()
    assert "signed by your old key too" in done.informativeText()
    close_box(done)
    assert spage.my_card.my_key.text() == f"Key: {key_id_text(new_key)}"  # my card was redrawn
    assert spage.safety.digits != old_digits  # and so was the safety number
    assert spage.my_card.pending_card is None and not spage.my_card.keys_status.isVisible()

    # Rosa takes the new card without a question: a rotation, which she is told about.
    # Camila is "vouched" by her old key, no longer verified (issue 10).
    assert mentor.contacts.preview_card(card.read_bytes()).action is CardAction.ROTATION
    drop(mpage, card)
    written(qtbot, mpage)
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
    page = MyCardPanel(unlocked, ctx.runner)
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
    spage, mpage = exchange_cards(qtbot, sw, mw, tmp_path)
    camila = mentor.contacts.list()[0]
    old_key = student.identity.info().key_id

    suggested = save_as(spage.my_card, tmp_path / "revoked")
    spage.my_card.revoke_keys_button.click()
    box = spage.my_card.last_box
    assert box is not None and box.objectName() == "revokeKeysConfirmation"
    assert "stop trusting these keys" in box.informativeText()
    click_role(box, ACCEPT)  # recorded on the writer queue, then saved
    qtbot.waitUntil(lambda: spage.my_card.task is None, timeout=10_000)
    revocation = tmp_path / "revoked.rdcard"
    assert revocation.is_file() and suggested == ["Camila-Pérez-revocation.rdcard"]
    offer = spage.my_card.last_box
    assert offer is not None and offer.objectName() == "newKeysAfterRevocation"
    assert str(revocation) in offer.text()
    assert offer.defaultButton() is not None and offer.defaultButton().text() == "Later"
    assert student.identity.info().key_id == old_key  # nothing changed yet

    save_as(spage.my_card, tmp_path / "camila-new.rdcard")
    click_role(offer, ACCEPT)  # make the new key pair right away, not vouched
    done = wait_for_message(qtbot, spage.my_card, offer)
    assert "compare the safety number with you again" in done.informativeText()
    close_box(done)
    assert student.identity.info().key_id != old_key

    # Rosa imports the revocation like a card: Camila's old keys are revoked.
    drop(mpage, revocation)
    written(qtbot, mpage)
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
