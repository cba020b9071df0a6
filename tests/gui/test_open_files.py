"""File → Open, drag and drop and the command line take bundles and contact cards alike,
told apart by content; anything else is told what it is not (issue 9)."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from reflectdesk.errors import NotABundle, NotOpenable
from reflectdesk.gui.contacts_page import ContactsPage
from reflectdesk.gui.i18n import error_texts
from reflectdesk.gui.import_dialog import ImportDialog
from reflectdesk.gui.main_window import MainWindow
from reflectdesk.services.vault import Vault
from tests.gui.helpers import written
from tests.gui.sharing import close_box, drop, windows
from tests.gui.test_bad_input import message_boxes


def mentor_card(mw: MainWindow, tmp_path: Path) -> Path:
    mw.show_sharing("contacts")
    page = mw.page("contacts")
    assert isinstance(page, ContactsPage)
    page.my_card.ask_save_path = lambda *_a: str(tmp_path / "rosa.rdcard")  # type: ignore[method-assign]
    page.my_card.save_my_card()
    close_box(page.my_card.last_box)
    return tmp_path / "rosa.rdcard"


def test_file_open_takes_a_contact_card(
    qtbot: QtBot, two: tuple[object, Vault, object, Vault], tmp_path: Path
) -> None:
    sw, mw = windows(qtbot, two)  # type: ignore[arg-type]
    card = mentor_card(mw, tmp_path)
    sw.ask_bundle_path = lambda: str(card)  # type: ignore[method-assign]
    sw.choose_bundle()  # File → Open…
    page = sw.page("contacts")
    assert isinstance(page, ContactsPage)
    assert sw.main_stack.currentWidget() is page or page.isVisible()
    qtbot.waitUntil(lambda: page.last_box is not None)  # checked on the next turn
    written(qtbot, page)
    assert "added" in close_box(page.last_box)
    assert [c.name for c in two[1].contacts.list()] == ["Rosa Díaz"]


def test_a_renamed_card_and_a_dropped_card_open_as_cards(
    qtbot: QtBot, two: tuple[object, Vault, object, Vault], tmp_path: Path
) -> None:
    sw, mw = windows(qtbot, two)  # type: ignore[arg-type]
    card = mentor_card(mw, tmp_path)
    renamed = tmp_path / "tarjeta de Rosa.json"
    shutil.copy(card, renamed)
    drop(sw, renamed)  # dropped on the window, not on the contacts page
    page = sw.page("contacts")
    assert isinstance(page, ContactsPage)
    qtbot.waitUntil(lambda: page.last_box is not None)  # checked on the next turn
    written(qtbot, page)
    assert "added" in close_box(page.last_box)
    assert [c.name for c in two[1].contacts.list()] == ["Rosa Díaz"]


def test_a_file_that_is_neither_is_told_so(
    qtbot: QtBot, two: tuple[object, Vault, object, Vault], tmp_path: Path
) -> None:
    sw, _mw = windows(qtbot, two)  # type: ignore[arg-type]
    notes = tmp_path / "notas.txt"
    notes.write_text("no soy un paquete", encoding="utf-8")
    sw.ask_bundle_path = lambda: str(notes)  # type: ignore[method-assign]
    sw.choose_bundle()
    boxes = [b for b in message_boxes() if b.parent() is sw]
    assert len(boxes) == 1
    message, hint = error_texts(NotOpenable())
    assert message in boxes[0].text()
    assert ".rdbundle" in hint and ".rdcard" in hint
    assert hint in boxes[0].informativeText() + boxes[0].text()
    boxes[0].close()
    assert not any(isinstance(d, ImportDialog) for d in sw.dialogs.values() if d.isVisible())
    # A damaged file named .rdbundle keeps the "not a bundle" message.
    fake = tmp_path / "paquete.rdbundle"
    fake.write_bytes(b"PK\x03\x04 not age")
    sw.open_file(fake)
    (box,) = [b for b in message_boxes() if b.parent() is sw]
    assert error_texts(NotABundle())[0] in box.text()
    box.close()
    assert isinstance(box, QMessageBox)
