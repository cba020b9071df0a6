"""Helpers for the sharing tests: two real vaults, their windows, cards exchanged through
the contacts pages, and answers to the message boxes."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import (
    QItemSelectionModel,
    QMimeData,
    QPointF,
    Qt,
    QUrl,
)
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QMainWindow,
    QMessageBox,
    QToolBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from reflectdesk.crypto.kdf import KdfParams
from reflectdesk.domain.model import (
    Role,
)
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.contacts_page import ContactsPage
from reflectdesk.gui.import_dialog import ImportDialog
from reflectdesk.gui.main_window import MainWindow
from reflectdesk.services.vault import NewProfile, Vault
from tests.gui.conftest import PASSPHRASE
from tests.gui.helpers import clipped_texts, unnamed_controls, written


def mentor_vault(ctx: AppContext, name: str = "Rosa Díaz") -> Vault:
    vault, _key = Vault.create(
        ctx.vault_dir,
        PASSPHRASE,
        NewProfile(name, Role.MENTOR, "es", "Liceo Bicentenario"),
        kdf_params=KdfParams.insecure_for_tests(),
    )
    return vault


def drop(widget: QWidget, path: Path) -> None:
    """What a file manager's drag and drop delivers."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    widget.dropEvent(event)


def click_role(box: QMessageBox | None, role: QMessageBox.ButtonRole) -> None:
    assert box is not None
    for button in box.buttons():
        if box.buttonRole(button) == role:
            button.click()
            return
    raise AssertionError(f"no button with role {role}")


def close_box(box: QMessageBox | None) -> str:
    assert box is not None
    text = box.text()
    box.close()
    return text


def windows(
    qtbot: QtBot, two: tuple[AppContext, Vault, AppContext, Vault]
) -> tuple[MainWindow, MainWindow]:
    sctx, student, mctx, mentor = two
    sw = MainWindow(sctx, student)
    mw = MainWindow(mctx, mentor)
    for w in (sw, mw):
        qtbot.addWidget(w)
        w.show()
    return sw, mw


def exchange_cards(
    qtbot: QtBot, sw: MainWindow, mw: MainWindow, tmp_path: Path, *, both: bool = True
) -> tuple[ContactsPage, ContactsPage]:
    sw.show_sharing("contacts")
    mw.show_sharing("contacts")
    spage = sw.page("contacts")
    mpage = mw.page("contacts")
    assert isinstance(spage, ContactsPage) and isinstance(mpage, ContactsPage)
    card = tmp_path / "camila.rdcard"
    spage.my_card.ask_save_path = lambda *_a: str(tmp_path / "camila")  # type: ignore[method-assign]
    spage.my_card.save_my_card()
    assert card.is_file()
    close_box(spage.my_card.last_box)
    drop(mpage, card)  # the mentor drops the student's card on the contacts page
    written(qtbot, mpage)
    assert "added" in close_box(mpage.last_box)
    if both:
        mpage.my_card.ask_save_path = lambda *_a: str(tmp_path / "rosa.rdcard")  # type: ignore[method-assign]
        mpage.my_card.save_my_card()
        close_box(mpage.my_card.last_box)
        spage.ask_open_path = lambda: str(tmp_path / "rosa.rdcard")  # type: ignore[method-assign]
        spage.choose_card()
        written(qtbot, spage)
        close_box(spage.last_box)
    return spage, mpage


def mnemonics(root: QWidget) -> list[str]:
    """The Alt+letter keys of what is on screen (buttons, labels with a buddy, menus)."""
    texts = []
    if isinstance(root, QMainWindow):
        texts += [a.text() for a in root.menuBar().actions()]
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or isinstance(widget.parentWidget(), QToolBar):
            continue
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            texts.append(widget.text())
    keys = []
    for text in texts:
        found = re.search(r"&(\w)", text.replace("&&", ""))
        if found:
            keys.append(found.group(1).casefold())
    return keys


Pair = tuple[AppContext, Vault, AppContext, Vault]
ACCEPT = QMessageBox.ButtonRole.AcceptRole
REJECT = QMessageBox.ButtonRole.RejectRole


def folder(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.mkdir()
    return path


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


def check_screen(root: QWidget) -> list[str]:
    """Mnemonics repeated, controls without a name, clipped texts."""
    keys = mnemonics(root)
    problems = [f"mnemonic {k!r} repeated" for k in sorted({k for k in keys if keys.count(k) > 1})]
    return problems + unnamed_controls(root) + clipped_texts(root)
