"""The contacts page: your own card (with its QR code), the people you exchange with,
the safety number to compare, and importing cards (file dialog or drag and drop).

Card imports, "mark as verified" and "revoke contact" are tiny writes (a few ms) and run
here; the service decides what a card does (new, renewal, key change…) and the page asks
before anything that needs a confirmation. A new key pair is made on the task runner's
writer queue (after any pending save); its card and a revocation are a few hundred bytes,
written here like "Save my card…".
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.domain.model import CardAction, CardPreview, Contact
from reflectdesk.errors import FileUnwritable, ReflectDeskError
from reflectdesk.gui.contact_model import (
    REVOKED,
    VOUCHED,
    ContactTableModel,
    role_text,
    state_icon,
    state_text,
    trust_state,
)
from reflectdesk.gui.dialogs import message_box, show_error
from reflectdesk.gui.qr_view import QrView, SafetyNumberLabel
from reflectdesk.gui.tasks import Task, TaskRunner
from reflectdesk.progress import CancelToken, ProgressSink

if TYPE_CHECKING:
    from collections.abc import Callable

    from reflectdesk.services.vault import Vault

log = logging.getLogger(__name__)

CARD_SUFFIX = ".rdcard"
# Contacts import a revocation through the same card import (file dialog filter, drag and
# drop, double click), so it is saved with the card's extension.
REVOCATION_STEM = "-revocation"


def key_id_text(key_id: str) -> str:
    """16 hex digits in groups of four, easier to read aloud."""
    return " ".join(key_id[i : i + 4] for i in range(0, len(key_id), 4))


def local_paths(event: QDragEnterEvent | QDropEvent, suffix: str) -> list[Path]:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [
        Path(url.toLocalFile())
        for url in mime.urls()
        if url.isLocalFile() and url.toLocalFile().lower().endswith(suffix)
    ]


def _button(name: str, slot: Callable[[], object]) -> QPushButton:
    """A push button with its object name (tests and the theme use it) and its action."""
    button = QPushButton()
    button.setObjectName(name)
    button.clicked.connect(slot)
    return button


def _wrap(label: QLabel) -> QLabel:
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


def _with_suffix(path: str) -> Path:
    """The chosen path, with ``.rdcard`` added if the user left it out."""
    target = Path(path)
    if target.suffix.lower() != CARD_SUFFIX:
        target = target.with_name(target.name + CARD_SUFFIX)
    return target


class ContactsPage(QWidget):
    contacts_changed = Signal()

    def __init__(
        self, vault: Vault, parent: QWidget | None = None, runner: TaskRunner | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contactsPage")
        self.vault = vault
        # The app's runner (its writer queue orders the key change after pending saves);
        # a page made on its own (tests) gets a private one.
        self.runner = runner if runner is not None else TaskRunner(self)
        self.task: Task[Any] | None = None
        self.setAcceptDrops(True)
        self.last_box: QMessageBox | None = None
        self._card_svg = b""
        # The card of a new key pair until it is saved (the save dialog was cancelled or
        # failed): "Save my card…" writes it, so the old key's signature is not lost.
        self.pending_card: bytes | None = None

        # -- the list ------------------------------------------------------------------
        self.heading = QLabel()
        self.heading.setObjectName("contactsHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.intro = _wrap(QLabel())
        self.model = ContactTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("contactsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.empty = _wrap(QLabel())
        self.empty.setObjectName("contactsEmpty")
        self.import_button = _button("importCard", self.choose_card)
        left = QVBoxLayout()
        left.addWidget(self.heading)
        left.addWidget(self.intro)
        left.addWidget(self.table, 1)
        left.addWidget(self.empty)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        left.addLayout(buttons)

        # -- the selected contact --------------------------------------------------------
        self.detail = QGroupBox()
        self.detail.setObjectName("contactDetail")
        self.detail_name = QLabel()
        self.detail_name.setObjectName("contactName")
        name_font = self.detail_name.font()
        name_font.setPointSizeF(name_font.pointSizeF() * 1.2)
        name_font.setBold(True)
        self.detail_name.setFont(name_font)
        _wrap(self.detail_name)
        self.detail_role = _wrap(QLabel())
        self.state_icon = QLabel()
        self.state_label = _wrap(QLabel())
        self.state_label.setObjectName("contactState")
        self.detail_key = _wrap(QLabel())
        self.detail_key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.safety_title = _wrap(QLabel())
        self.safety = SafetyNumberLabel()
        self.safety_help = _wrap(QLabel())
        self.verify_button = _button("verifyContact", self.confirm_verify)
        self.new_card_button = _button("replaceCard", self.choose_replacement_card)
        self.revoke_contact_button = _button("revokeContact", self.confirm_revoke_contact)
        self.no_selection = _wrap(QLabel())
        state_row = QHBoxLayout()
        state_row.addWidget(self.state_icon)
        state_row.addWidget(self.state_label, 1)
        # Stacked, not side by side: the page must fit a 900-pixel window in Spanish.
        detail_buttons = QVBoxLayout()
        detail_buttons.addWidget(self.verify_button)
        detail_buttons.addWidget(self.new_card_button)
        detail_buttons.addStretch(1)
        revoke_row = QHBoxLayout()
        revoke_row.addWidget(self.revoke_contact_button)
        revoke_row.addStretch(1)
        self.detail_body = QWidget()
        body = QVBoxLayout(self.detail_body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.detail_name)
        body.addWidget(self.detail_role)
        body.addLayout(state_row)
        body.addWidget(self.detail_key)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        body.addWidget(line)
        body.addWidget(self.safety_title)
        body.addWidget(self.safety)
        body.addWidget(self.safety_help)
        body.addLayout(detail_buttons)
        body.addLayout(revoke_row)
        body.addStretch(1)
        detail_layout = QVBoxLayout(self.detail)
        detail_layout.addWidget(self.no_selection)
        detail_layout.addWidget(self.detail_body)

        # -- my card -----------------------------------------------------------------------
        self.my_card = QGroupBox()
        self.my_card.setObjectName("myCard")
        self.my_name = _wrap(QLabel())
        self.my_name.setFont(name_font)
        self.my_role = _wrap(QLabel())
        self.my_key = _wrap(QLabel())
        self.my_key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.qr = QrView()
        self.qr_help = _wrap(QLabel())
        self.save_card_button = _button("saveMyCard", self.save_my_card)
        self.save_png_button = _button("saveQrPng", lambda: self.save_qr("png"))
        self.save_svg_button = _button("saveQrSvg", lambda: self.save_qr("svg"))
        self.keys_title = _wrap(QLabel())
        self.keys_title.setObjectName("myKeysTitle")
        self.new_keys_button = _button("newKeyPair", self.confirm_new_keys)
        self.revoke_keys_button = _button("revokeMyKeys", self.confirm_revoke_keys)
        self.keys_status = _wrap(QLabel())
        self.keys_status.setObjectName("myKeysStatus")
        mine = QVBoxLayout(self.my_card)
        mine.addWidget(self.my_name)
        mine.addWidget(self.my_role)
        mine.addWidget(self.my_key)
        mine.addWidget(self.qr, 1)
        mine.addWidget(self.qr_help)
        # One per row: the card column is narrow at small window sizes.
        mine.addWidget(self.save_card_button)
        mine.addWidget(self.save_png_button)
        mine.addWidget(self.save_svg_button)
        keys_line = QFrame()
        keys_line.setFrameShape(QFrame.Shape.HLine)
        mine.addWidget(keys_line)
        mine.addWidget(self.keys_title)
        mine.addWidget(self.new_keys_button)
        mine.addWidget(self.revoke_keys_button)
        mine.addWidget(self.keys_status)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addLayout(left, 5)
        layout.addWidget(self.detail, 4)
        layout.addWidget(self.my_card, 3)

        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.retranslate_ui()
        self.refresh()

    # -- data ----------------------------------------------------------------------------
    def refresh(self) -> None:
        current = self.current_contact()
        try:
            contacts = self.vault.contacts.list()
        except ReflectDeskError as exc:
            log.info("contacts unavailable: %s", type(exc).__name__)
            return
        self.model.set_contacts(contacts)
        self.empty.setVisible(not contacts)
        if current is not None:
            self.select_contact(current.id)
        elif contacts:
            self.table.selectRow(0)
        self._show_contact()
        self._show_my_card()

    def _show_my_card(self) -> None:
        try:
            profile = self.vault.profile
            info = self.vault.identity.info()
            card = self.vault.identity.card()
        except ReflectDeskError as exc:
            log.info("own card unavailable: %s", type(exc).__name__)
            return
        self._card_svg = self.vault.identity.card_qr_svg(card)
        self.qr.set_svg(self._card_svg)
        self.my_name.setText(profile.name)
        self.my_role.setText(
            ", ".join(t for t in (role_text(profile.role), profile.institution) if t)
        )
        self.my_key.setText(self.tr("Key: %1").replace("%1", key_id_text(info.key_id)))
        self.my_key.setAccessibleName(self.my_key.text())

    def current_contact(self) -> Contact | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.contact(rows[0].row()) if rows else None

    def select_contact(self, contact_id: str) -> None:
        row = self.model.row_of(contact_id)
        if row >= 0:
            self.table.selectRow(row)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_contact()

    def _show_contact(self) -> None:
        contact = self.current_contact()
        self.no_selection.setVisible(contact is None)
        self.detail_body.setVisible(contact is not None)
        if contact is None:
            return
        state = trust_state(contact)
        self.detail_name.setText(contact.name)
        self.detail_role.setText(
            ", ".join(t for t in (role_text(contact.card.role), contact.card.institution) if t)
        )
        self.state_icon.setPixmap(state_icon(state).pixmap(20, 20))
        self.state_label.setText(state_text(state))
        self.state_label.setAccessibleName(state_text(state))
        self.detail_key.setText(self.tr("Key: %1").replace("%1", key_id_text(contact.key_id)))
        try:
            self.safety.set_digits(self.vault.contacts.safety_number(contact.id))
        except ReflectDeskError as exc:
            show_error(self, exc)
        self.safety.setAccessibleName(self.tr("Safety number with %1").replace("%1", contact.name))
        if state == REVOKED:
            self.safety_help.setText(
                self.tr(
                    "This contact's keys were revoked: bundles signed with them are refused "
                    "and nothing can be sent to them."
                )
            )
        elif state == VOUCHED:
            self.safety_help.setText(
                self.tr(
                    "%1's new key was vouched for by their old, verified key. Whoever holds "
                    "the old key could have done that: compare this new safety number with "
                    "%1 in person or by phone to mark them verified again."
                ).replace("%1", contact.name)
            )
        elif contact.verified:
            self.safety_help.setText(
                self.tr("You compared this safety number with %1. It is verified.").replace(
                    "%1", contact.name
                )
            )
        else:
            self.safety_help.setText(
                self.tr(
                    "%1 sees the same 60 digits on their screen. Compare them in person or by "
                    "phone, then mark the contact as verified."
                ).replace("%1", contact.name)
            )
        self.verify_button.setEnabled(state != REVOKED and not contact.verified)
        self.new_card_button.setEnabled(state != REVOKED)
        self.revoke_contact_button.setEnabled(state != REVOKED)

    # -- importing cards ------------------------------------------------------------------
    def ask_open_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a contact card"),
            str(Path.home()),
            self.tr("Contact cards (*.rdcard)"),
        )
        return path

    def ask_save_path(self, title: str, name: str, filters: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / name), filters)
        return path

    def choose_card(self) -> None:
        path = self.ask_open_path()
        if path:
            self.import_card_file(Path(path))

    def choose_replacement_card(self) -> None:
        contact = self.current_contact()
        path = self.ask_open_path()
        if path and contact is not None:
            self.import_card_file(Path(path), replaces=contact.id)

    def import_card_file(self, path: Path, replaces: str | None = None) -> None:
        from reflectdesk.services.contacts import read_card_file

        try:
            data = read_card_file(path)
            preview = self.vault.contacts.preview_card(data, replaces=replaces)
        except ReflectDeskError as exc:
            self.last_box = show_error(self, exc)
            return
        if preview.needs_confirmation:
            self._confirm_card(data, preview, replaces)
            return
        if preview.needs_rename_confirmation:
            self._confirm_rename(data, preview, replaces)
            return
        self._import_card(data, replaces, confirm=False)

    def _confirm_rename(self, data: bytes, preview: CardPreview, replaces: str | None) -> None:
        """A renewal or rotation that changes the name, role or institution: ask."""
        assert preview.renamed_from is not None
        old_name, old_role, old_institution = preview.renamed_from
        lines = [
            f"{before} → {after}"
            for before, after in (
                (old_name, preview.name),
                (role_text(old_role), role_text(preview.role)),
                (old_institution, preview.institution),
            )
            if before != after
        ]
        info = self.tr(
            "This card is signed by the contact's key, but it changes what you confirmed:\n"
            "%1\nAccept it only if the person told you about the change. Otherwise keep "
            "the name you have: nothing is changed."
        ).replace("%1", "\n".join(lines))
        if preview.look_alike:
            info += "\n\n" + self.tr("The new name looks like that of your contact %1.").replace(
                "%1", preview.look_alike
            )
        self.ask(
            "renameWarning",
            QMessageBox.Icon.Warning,
            (
                self.tr("Check this card"),
                self.tr("%1 has a new name").replace("%1", old_name),
                info,
            ),
            self.tr("Accept the new name"),
            lambda: self._import_card(data, replaces, confirm=False, accept_rename=True),
            cancel_text=self.tr("Keep the name I have"),
        )

    def _confirm_card(self, data: bytes, preview: CardPreview, replaces: str | None) -> None:
        if preview.action is CardAction.KEY_CHANGE:
            text = self.tr("The keys of %1 have changed").replace("%1", preview.name)
            info = self.tr(
                "This card has other keys than the ones you have for %1, and it is not signed "
                "by them. Someone may be pretending to be them. If you accept it, the contact "
                "stays not verified until you compare the new safety number in person or by "
                "phone."
            ).replace("%1", preview.name)
        else:
            text = self.tr("You already have a contact called %1").replace(
                "%1", preview.look_alike or preview.name
            )
            info = self.tr(
                "This card has other keys. A name proves nothing: it will be added as a "
                "separate, not verified contact. Compare the safety number with the person "
                "before you trust it."
            )
        self.ask(
            "keyChangeWarning",
            QMessageBox.Icon.Warning,
            (self.tr("Check this card"), text, info),
            self.tr("Accept, not verified"),
            lambda: self._import_card(data, replaces, confirm=True),
            detail=preview.safety_number,
        )

    def _import_card(
        self, data: bytes, replaces: str | None, confirm: bool, accept_rename: bool = False
    ) -> None:
        try:
            result = self.vault.contacts.import_card(
                data, replaces=replaces, confirm=confirm, accept_rename=accept_rename
            )
        except ReflectDeskError as exc:
            self.last_box = show_error(self, exc)
            return
        self.refresh()
        if result.contact is not None:
            self.select_contact(result.contact.id)
        self.contacts_changed.emit()
        name = result.contact.name if result.contact is not None else ""
        texts = {
            CardAction.NEW: self.tr(
                "%1 was added. Compare the safety number with them before you trust it."
            ),
            CardAction.SAME_NAME: self.tr(
                "%1 was added as a separate contact, not verified. Compare the safety number."
            ),
            CardAction.UNCHANGED: self.tr("You already have this card of %1."),
            CardAction.RENEWAL: self.tr("%1's card was renewed (signed by their key)."),
            CardAction.ROTATION: self.tr(
                "%1 has a new key, vouched by the old one (their previous key signed it). "
                "Whoever holds the old key could have made it: compare the new safety number "
                "with %1 to mark them verified."
            ),
            CardAction.OUTDATED: self.tr("You already have a newer card of %1; nothing changed."),
            CardAction.KEY_CHANGE: self.tr(
                "%1's new keys were saved, not verified: compare the safety number again."
            ),
            CardAction.REVOCATION: self.tr(
                "%1's keys are revoked: their bundles are refused and nothing is sent to them."
            ),
            CardAction.REVOCATION_UNKNOWN: self.tr(
                "This revocation is for a key none of your contacts has. It is kept: a card "
                "or bundle with that key, or vouched for by it, will be refused."
            ),
        }
        text = texts.get(result.action, "").replace("%1", name)
        if text:
            self.last_box = message_box(
                self, self.tr("Contact card"), text, icon=QMessageBox.Icon.Information
            )

    # -- verifying -----------------------------------------------------------------------
    def confirm_verify(self) -> None:
        contact = self.current_contact()
        if contact is None:
            return
        info = (
            self.tr(
                "Compare the safety number with %1 in person or by phone (not by e-mail or "
                "chat: someone could change both). Mark as verified only if every digit "
                "matches.\n\n%2"
            )
            .replace("%1", contact.name)
            .replace("%2", self.safety.text())
        )
        contact_id = contact.id
        self.ask(
            "verifyConfirmation",
            QMessageBox.Icon.Question,
            (
                self.tr("Mark as verified"),
                self.tr("Do you see exactly the same digits as %1?").replace("%1", contact.name),
                info,
            ),
            self.tr("They match: mark as verified"),
            lambda: self.verify(contact_id),
            role=QMessageBox.ButtonRole.YesRole,
        )

    def verify(self, contact_id: str) -> None:
        self._change_contact(contact_id, self.vault.contacts.verify)

    def confirm_revoke_contact(self) -> None:
        contact = self.current_contact()
        if contact is None or contact.revoked:
            return
        contact_id = contact.id
        self.ask(
            "revokeContactConfirmation",
            QMessageBox.Icon.Warning,
            (
                self.tr("Revoke contact"),
                self.tr("Stop trusting the keys of %1?").replace("%1", contact.name),
                self.tr(
                    "Bundles signed with these keys will be refused and you cannot send %1 "
                    "anything more. Do this if %1 tells you their keys were lost or stolen, or "
                    "if you no longer share with them.\n\nThis cannot be undone: to share "
                    "again, %1 makes new keys and gives you the new card."
                ).replace("%1", contact.name),
            ),
            self.tr("Revoke"),
            lambda: self.revoke_contact(contact_id),
        )

    def revoke_contact(self, contact_id: str) -> None:
        self._change_contact(contact_id, self.vault.contacts.revoke)

    def _change_contact(self, contact_id: str, change: Callable[[str], object]) -> None:
        """A tiny write on one contact (verify, revoke); then the list shows its new state."""
        try:
            change(contact_id)
        except ReflectDeskError as exc:
            self.last_box = show_error(self, exc)
            return
        self.refresh()
        self.select_contact(contact_id)
        self.contacts_changed.emit()

    # -- questions -------------------------------------------------------------------------
    def ask(
        self,
        name: str,
        icon: QMessageBox.Icon,
        texts: tuple[str, str, str],
        accept_text: str,
        on_accept: Callable[[], None],
        *,
        role: QMessageBox.ButtonRole = QMessageBox.ButtonRole.AcceptRole,
        cancel_text: str = "",
        detail: str = "",
        check: QCheckBox | None = None,
    ) -> QMessageBox:
        """A window-modal question (title, text, explanation) whose default is Cancel.

        Shown with ``open()``, never ``exec()``: the event loop keeps running.
        """
        title, text, info = texts
        box = QMessageBox(icon, title, text)
        box.setParent(self, box.windowFlags())
        box.setObjectName(name)
        box.setInformativeText(info)
        if detail:
            box.setDetailedText(detail)
        if check is not None:
            box.setCheckBox(check)
        accept = box.addButton(accept_text, role)
        if cancel_text:
            cancel = box.addButton(cancel_text, QMessageBox.ButtonRole.RejectRole)
        else:
            cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        for button in (accept, cancel):
            button.setAccessibleName(button.text().replace("&", ""))
        box.setAccessibleName(text)

        def done() -> None:
            if box.clickedButton() is accept:
                on_accept()

        box.finished.connect(done)
        box.open()
        self.last_box = box
        return box

    # -- my card ---------------------------------------------------------------------------
    def _file_stem(self) -> str:
        try:
            name = self.vault.profile.name
        except ReflectDeskError:
            name = "card"
        safe = "".join(ch if ch.isalnum() else "-" for ch in name).strip("-")
        return safe or "card"

    def card_path(self, title: str, stem: str) -> Path | None:
        """Where to save a card or a revocation (the page's save dialog), as ``.rdcard``."""
        path = self.ask_save_path(title, stem + CARD_SUFFIX, self.tr("Contact cards (*.rdcard)"))
        return _with_suffix(path) if path else None

    def _write_card_file(self, target: Path, data: Callable[[], bytes]) -> bool:
        """A public file of a few hundred bytes, written here; errors are shown."""
        from reflectdesk.atomic_files import atomic_write

        try:
            atomic_write(target, data(), mode=0o644, error=FileUnwritable)
        except ReflectDeskError as exc:
            self.last_box = show_error(self, exc)
            return False
        return True

    def save_my_card(self) -> None:
        target = self.card_path(self.tr("Save my card"), self._file_stem())
        if target is None:
            return
        pending = self.pending_card
        if not self._write_card_file(target, lambda: pending or self.vault.identity.card()):
            return
        self.pending_card = None
        self._show_key_status()
        self.last_box = message_box(
            self,
            self.tr("Save my card"),
            self.tr("Your card was saved to %1.").replace("%1", str(target)),
            self.tr(
                "Give this file to the people you will share with (USB stick, e-mail). It "
                "holds only public keys. Then compare the safety number with each of them."
            ),
            icon=QMessageBox.Icon.Information,
        )

    def save_qr(self, kind: str) -> None:
        filters = self.tr("PNG image (*.png)") if kind == "png" else self.tr("SVG image (*.svg)")
        path = self.ask_save_path(
            self.tr("Save my QR code"), f"{self._file_stem()}-qr.{kind}", filters
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != f".{kind}":
            target = target.with_name(f"{target.name}.{kind}")
        try:
            self.vault.identity.export_card_qr(target, "png" if kind == "png" else "svg")
        except ReflectDeskError as exc:
            self.last_box = show_error(self, exc)
        except OSError:
            from reflectdesk.errors import StorageUnwritable

            self.last_box = show_error(self, StorageUnwritable(target.name))

    # -- my keys ---------------------------------------------------------------------------
    def confirm_new_keys(self) -> None:
        vouch = QCheckBox(self.tr("My old key &vouches for the new card (recommended)"))
        vouch.setObjectName("vouchForNewKeys")
        vouch.setChecked(True)
        vouch.setAccessibleName(self.tr("My old key vouches for the new card"))
        self.ask(
            "newKeysConfirmation",
            QMessageBox.Icon.Question,
            (
                self.tr("New key pair"),
                self.tr("Make a new key pair?"),
                self.tr(
                    "Your contacts need your new card to send you bundles: you save it next "
                    "and give it to them. Bundles sent to your old key still open, and your "
                    "entries stay yours.\n\nLeave the box ticked so that your old key signs "
                    "the new card: your contacts then take it without checking again. Untick "
                    "it only if your old key was lost or someone else may have it; your "
                    "contacts must then compare the safety number with you again."
                ),
            ),
            self.tr("Make new keys"),
            lambda: self.start_new_keys(vouch=vouch.isChecked()),
            check=vouch,
        )

    def start_new_keys(self, *, vouch: bool) -> None:
        """``identity.rotate`` on the writer queue (after any pending save), then save."""
        if self.task is not None:
            return
        identity = self.vault.identity

        def job(_progress: ProgressSink, _cancel: CancelToken) -> bytes:
            return identity.rotate(vouch=vouch)

        self.task = self.runner.submit(
            job,
            on_result=self._new_keys_made,
            on_error=self._new_keys_failed,
            writer=True,
            name="write:new-key-pair",
            owner=self,
        )
        self._show_key_status()

    def _new_keys_failed(self, exc: BaseException) -> None:
        self.task = None
        self._show_key_status()
        self.last_box = show_error(self, exc)

    def _new_keys_made(self, card: bytes) -> None:
        self.task = None
        self.pending_card = card  # kept until written
        parsed = self.vault.contacts.read_card(card)
        # From the card, not the box: the service never lets a revoked key vouch.
        vouch = parsed.previous_signing_key is not None
        self.refresh()  # your key id and QR code changed, and so did every safety number
        self._show_key_status()
        target = self.card_path(self.tr("Save my new card"), self._file_stem())
        if target is None or not self._write_card_file(target, lambda: card):
            return  # the status line says how to save it later
        self.pending_card = None
        self._show_key_status()
        key = key_id_text(parsed.key_id_hex)  # not from the vault: it may have locked
        if vouch:
            info = self.tr(
                "The card is signed by your old key too: give it to your contacts and they "
                "take it without checking again. Bundles sent to your old key still open, and "
                "your entries stay yours."
            )
        else:
            info = self.tr(
                "Give the card to your contacts: they must compare the safety number with you "
                "again. Bundles sent to your old key still open, and your entries stay yours."
            )
        self.last_box = message_box(
            self,
            self.tr("New key pair"),
            self.tr("Your new keys (%1) are ready. Their card was saved to %2.")
            .replace("%1", key)
            .replace("%2", str(target)),
            info,
            icon=QMessageBox.Icon.Information,
        )

    def confirm_revoke_keys(self) -> None:
        self.ask(
            "revokeKeysConfirmation",
            QMessageBox.Icon.Warning,
            (
                self.tr("Revoke my keys"),
                self.tr("Revoke your keys?"),
                self.tr(
                    "This writes a revocation of your current keys. Give it to your contacts: "
                    "when they import it (like a card), they stop trusting these keys, refuse "
                    "bundles signed with them and send you nothing more with them. Do this if "
                    "your keys were lost or someone else may have them.\n\nThen make a new "
                    "key pair, not vouched for by the old key, and give your contacts its "
                    "card: they compare the safety number with you again."
                ),
            ),
            self.tr("Save the revocation…"),
            self.save_revocation,
        )

    def save_revocation(self) -> None:
        target = self.card_path(self.tr("Save the revocation"), self._file_stem() + REVOCATION_STEM)
        if target is None or not self._write_card_file(target, self.vault.identity.revocation):
            return
        self.ask(
            "newKeysAfterRevocation",
            QMessageBox.Icon.Question,
            (
                self.tr("Revoke my keys"),
                self.tr("The revocation was saved to %1.").replace("%1", str(target)),
                self.tr(
                    "Give it to your contacts: they import it like a card. Make a new key "
                    "pair now? Its card is not signed by the revoked keys, so your contacts "
                    "compare the safety number with you again."
                ),
            ),
            self.tr("Make a new key pair"),
            lambda: self.start_new_keys(vouch=False),
            cancel_text=self.tr("Later"),
        )

    def _show_key_status(self) -> None:
        busy = self.task is not None
        if busy:
            text = self.tr("Making a new key pair…")
        elif self.pending_card is not None:
            text = self.tr(
                "Your new card is not saved yet. Save it with “Save my card…” and give it to "
                "your contacts."
            )
        else:
            text = ""
        self.keys_status.setText(text)
        self.keys_status.setVisible(bool(text))
        self.new_keys_button.setEnabled(not busy)
        self.revoke_keys_button.setEnabled(not busy)

    # -- drag and drop ----------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_paths(event, CARD_SUFFIX):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_paths(event, CARD_SUFFIX)
        if not paths:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        for path in paths:
            self.import_card_file(path)

    # -- text ----------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Contacts"))
        self.intro.setText(
            self.tr(
                "The people you share entries with. Import their card (a .rdcard file: drop "
                "it here), then compare the safety number with them once."
            )
        )
        self.empty.setText(
            self.tr("No contacts yet. Import the card of your mentor or your student.")
        )
        self.import_button.setText(self.tr("&Import a card…"))
        self.import_button.setAccessibleName(self.tr("Import a contact card"))
        self.table.setAccessibleName(self.tr("Contacts"))
        self.detail.setTitle(self.tr("Selected contact"))
        self.no_selection.setText(self.tr("Choose a contact to see their safety number."))
        self.safety_title.setText(self.tr("Safety number"))
        self.verify_button.setText(self.tr("&Mark as verified…"))
        self.verify_button.setAccessibleName(self.tr("Mark as verified"))
        self.new_card_button.setText(self.tr("&New card for this contact…"))
        self.new_card_button.setAccessibleName(self.tr("Import a new card for this contact"))
        self.my_card.setTitle(self.tr("My card"))
        self.qr_help.setText(
            self.tr("Your card as a QR code: it holds your name, role and public keys.")
        )
        self.qr.setAccessibleName(self.tr("QR code of my card"))
        self.save_card_button.setText(self.tr("&Save my card…"))
        self.save_card_button.setAccessibleName(self.tr("Save my card"))
        self.save_png_button.setText(self.tr("QR as &PNG…"))
        self.save_png_button.setAccessibleName(self.tr("Save the QR code as PNG"))
        self.save_svg_button.setText(self.tr("QR as SV&G…"))
        self.save_svg_button.setAccessibleName(self.tr("Save the QR code as SVG"))
        self.revoke_contact_button.setText(self.tr("Revoke &contact…"))
        self.revoke_contact_button.setAccessibleName(self.tr("Revoke this contact"))
        self.keys_title.setText(self.tr("My keys"))
        self.new_keys_button.setText(self.tr("New &key pair…"))
        self.new_keys_button.setAccessibleName(self.tr("Make a new key pair"))
        self.revoke_keys_button.setText(self.tr("&Revoke my keys…"))
        self.revoke_keys_button.setAccessibleName(self.tr("Revoke my keys"))
        self._show_key_status()
        self.model.retranslate()
        if self.isVisible() or self.model.rowCount():
            self._show_contact()
            self._show_my_card()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def current_index(self) -> QModelIndex:
        return self.table.currentIndex()
