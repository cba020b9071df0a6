"""The contacts page: card imports that ask first, revoking a contact, the sharing
screens' mnemonics, between real vaults."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from reflectdesk.domain.model import (
    Role,
)
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.contacts_page import ContactsPage
from reflectdesk.gui.main_window import MainWindow
from reflectdesk.services.vault import Vault
from tests.gui.conftest import create_vault
from tests.gui.helpers import written
from tests.gui.screens import walk_sharing
from tests.gui.sharing import (
    ACCEPT,
    REJECT,
    Pair,
    click_role,
    close_box,
    exchange_cards,
    mnemonics,
    windows,
)


def test_key_change_warning_keeps_the_contact_unverified(
    qtbot: QtBot,
    two: tuple[AppContext, Vault, AppContext, Vault],
    make_ctx: Callable[..., AppContext],
    tmp_path: Path,
) -> None:
    _sctx, student, _mctx, mentor = two
    mentor.contacts.import_card(student.identity.card())
    camila = mentor.contacts.list()[0]
    mentor.contacts.verify(camila.id)
    impostor_ctx = make_ctx(data_dir=tmp_path / "impostor")
    impostor, _ = create_vault(impostor_ctx)  # also "Camila Pérez", other keys
    card = tmp_path / "impostor.rdcard"
    impostor.identity.export_card(card)

    page = ContactsPage(mentor)
    qtbot.addWidget(page)
    page.show()
    page.select_contact(camila.id)
    page.import_card_file(card, replaces=camila.id)
    box = page.last_box
    assert box is not None and box.objectName() == "keyChangeWarning"
    assert "have changed" in box.text()
    click_role(box, QMessageBox.ButtonRole.RejectRole)
    assert mentor.contacts.get(camila.id).verified  # cancelled: nothing changed
    page.import_card_file(card, replaces=camila.id)
    click_role(page.last_box, QMessageBox.ButtonRole.AcceptRole)
    written(qtbot, page)
    close_box(page.last_box)
    changed = mentor.contacts.get(camila.id)
    assert not changed.verified and changed.key_changed
    page.select_contact(camila.id)
    assert page.state_label.text() == "Keys changed: not verified"
    assert page.verify_button.isEnabled()

    # Same name, no replacement chosen: a separate contact after a warning.
    other_ctx = make_ctx(data_dir=tmp_path / "other")
    other, _ = create_vault(other_ctx)
    other_card = tmp_path / "other.rdcard"
    other.identity.export_card(other_card)
    page.import_card_file(other_card)
    assert page.last_box is not None and "already have a contact called" in page.last_box.text()
    click_role(page.last_box, QMessageBox.ButtonRole.AcceptRole)
    written(qtbot, page)
    close_box(page.last_box)
    assert page.model.rowCount() == 2
    impostor.close()
    other.close()


def test_a_renaming_card_asks_and_a_rotation_says_vouched(
    qtbot: QtBot,
    two: tuple[AppContext, Vault, AppContext, Vault],
    tmp_path: Path,
) -> None:
    """Issue 10, points 1 and 4: the card import dialog shows old -> new and asks; a
    rotation makes a verified contact "vouched", not verified."""
    from reflectdesk.bundles import Identity, make_card

    _sctx, student, _mctx, mentor = two
    camila = mentor.contacts.import_card(student.identity.card()).contact
    assert camila is not None
    mentor.contacts.verify(camila.id)
    stolen = student.identity.key_pair()
    renamed = tmp_path / "renamed.rdcard"
    renamed.write_bytes(make_card(stolen, name="Rosa Díaz", role=Role.STUDENT))

    page = ContactsPage(mentor)
    qtbot.addWidget(page)
    page.show()
    page.import_card_file(renamed)
    box = page.last_box
    assert box is not None and box.objectName() == "renameWarning"
    assert "Camila Pérez → Rosa Díaz" in box.informativeText()
    click_role(box, QMessageBox.ButtonRole.RejectRole)  # "Keep the name I have"
    assert mentor.contacts.get(camila.id).name == "Camila Pérez"
    page.import_card_file(renamed)
    click_role(page.last_box, QMessageBox.ButtonRole.AcceptRole)
    written(qtbot, page)
    close_box(page.last_box)
    assert mentor.contacts.get(camila.id).name == "Rosa Díaz"

    rotation = tmp_path / "rotation.rdcard"
    rotation.write_bytes(
        make_card(Identity.generate(), name="Rosa Díaz", role=Role.STUDENT, previous=stolen)
    )
    page.import_card_file(rotation)
    written(qtbot, page)
    assert "vouched by the old one" in close_box(page.last_box)
    page.select_contact(camila.id)
    assert page.state_label.text() == "New key vouched by the old one: not verified"
    assert page.verify_button.isEnabled()


def test_revoke_a_contact(qtbot: QtBot, pair: Pair, tmp_path: Path) -> None:
    _sctx, _student, _mctx, mentor = pair
    sw, mw = windows(qtbot, pair)
    _spage, mpage = exchange_cards(qtbot, sw, mw, tmp_path)
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
    written(qtbot, mpage)
    assert mentor.contacts.get(camila.id).revoked
    row = mpage.model.row_of(camila.id)
    assert mpage.model.index(row, 3).data() == "Revoked"  # the list says so
    assert mpage.state_label.text() == "Revoked"
    assert not mpage.revoke_contact_button.isEnabled()
    assert not mpage.verify_button.isEnabled() and not mpage.new_card_button.isEnabled()
    sw.prepare_to_close()
    mw.prepare_to_close()


@pytest.mark.parametrize("language", ["en", "es"])
def test_sharing_screens_have_unique_mnemonics(
    qtbot: QtBot, ctx: AppContext, unlocked: Vault, language: str
) -> None:
    ctx.translations.set_language(language)
    window = MainWindow(ctx, unlocked)
    qtbot.addWidget(window)
    window.resize(1360, 860)
    window.show()
    problems: dict[str, list[str]] = {}

    def check(name: str, widget: QWidget) -> None:
        keys = mnemonics(widget)
        repeated = sorted({k for k in keys if keys.count(k) > 1})
        if repeated:
            problems[name] = repeated

    walk_sharing(qtbot, ctx, window, unlocked, check)
    window.prepare_to_close()
    assert problems == {}
