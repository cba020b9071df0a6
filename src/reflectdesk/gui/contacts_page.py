"""The contacts page: the people you exchange with, the safety number to compare, and
importing cards (file dialog or drag and drop); your own card and keys are its
right-hand panel (``my_card_panel.py``).

The service decides what a card does (new, renewal, key change…) and the page asks
before anything that needs a confirmation, on the GUI thread (a preview reads, it never
waits for the write lock). Card imports, "mark as verified" and "revoke contact" write:
they run on the task runner's writer queue, behind an import that may hold the vault's
write lock, and the page shows their outcome when they are done.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.domain.model import CardAction, CardImportResult, CardPreview, Contact
from reflectdesk.errors import ReflectDeskError
from reflectdesk.gui.cohorts_panel import CohortsPanel
from reflectdesk.gui.contact_model import (
    REVOKED,
    VOUCHED,
    ContactTableModel,
    role_text,
    state_icon,
    state_text,
    trust_state,
)
from reflectdesk.gui.dialogs import ask_question, message_box, show_error
from reflectdesk.gui.my_card_panel import CARD_SUFFIX, MyCardPanel, key_id_text
from reflectdesk.gui.qr_view import SafetyNumberLabel
from reflectdesk.gui.tasks import TaskRunner
from reflectdesk.gui.widgets import local_paths, named_button, wrap

if TYPE_CHECKING:
    from collections.abc import Callable

    from reflectdesk.services.vault import Vault

__all__ = ["CARD_SUFFIX", "ContactsPage", "key_id_text"]


class ContactsPage(QWidget):
    contacts_changed = Signal()
    open_dashboard = Signal(str)  # a cohort's id (the cohorts box's button)

    def __init__(
        self, vault: Vault, parent: QWidget | None = None, runner: TaskRunner | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contactsPage")
        self.vault = vault
        # The app's runner (its writer queue orders writes after pending saves);
        # a page made on its own (tests) gets a private one.
        self.runner = runner if runner is not None else TaskRunner(self)
        self.setAcceptDrops(True)
        self.last_box: QMessageBox | None = None
        self.writing = 0  # this page's writes queued or running on the writer
        self._safety_numbers: dict[tuple[str, str], str] = {}  # (their key, mine) -> digits

        # -- the list ------------------------------------------------------------------
        self.heading = QLabel()
        self.heading.setObjectName("contactsHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.intro = wrap(QLabel())
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
        self.empty = wrap(QLabel())
        self.empty.setObjectName("contactsEmpty")
        self.import_button = named_button("importCard", self.choose_card)
        left = QVBoxLayout()
        left.addWidget(self.heading)
        left.addWidget(self.intro)
        left.addWidget(self.table, 1)
        left.addWidget(self.empty)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        left.addLayout(buttons)
        # Cohorts: named groups of these contacts (issue 14).
        self.cohorts = CohortsPanel(vault, self.runner, self.current_contact)
        self.cohorts.open_dashboard.connect(self.open_dashboard)
        left.addWidget(self.cohorts)

        # -- the selected contact --------------------------------------------------------
        self.detail = QGroupBox()
        self.detail.setObjectName("contactDetail")
        self.detail_name = QLabel()
        self.detail_name.setObjectName("contactName")
        name_font = self.detail_name.font()
        name_font.setPointSizeF(name_font.pointSizeF() * 1.2)
        name_font.setBold(True)
        self.detail_name.setFont(name_font)
        wrap(self.detail_name)
        self.detail_role = wrap(QLabel())
        self.state_icon = QLabel()
        self.state_label = wrap(QLabel())
        self.state_label.setObjectName("contactState")
        self.detail_key = wrap(QLabel())
        self.detail_key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.safety_title = wrap(QLabel())
        self.safety = SafetyNumberLabel()
        self.safety_help = wrap(QLabel())
        self.verify_button = named_button("verifyContact", self.confirm_verify)
        self.new_card_button = named_button("replaceCard", self.choose_replacement_card)
        self.revoke_contact_button = named_button("revokeContact", self.confirm_revoke_contact)
        self.no_selection = wrap(QLabel())
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

        # -- my card and keys ------------------------------------------------------------
        self.my_card = MyCardPanel(vault, self.runner)
        self.my_card.keys_changed.connect(self.refresh)  # every safety number changed

        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addLayout(left, 5)
        layout.addWidget(self.detail, 4)
        layout.addWidget(self.my_card, 3)

        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_a: self.cohorts.update_buttons()
        )
        self.retranslate_ui()
        self.refresh()

    # -- data ----------------------------------------------------------------------------
    def refresh(self) -> None:
        current = self.current_contact()
        try:
            contacts = self.vault.contacts.list()
        except ReflectDeskError:
            return  # locked meanwhile: the page is going away
        self.model.set_contacts(contacts)
        self.empty.setVisible(not contacts)
        if current is not None:
            self.select_contact(current.id)
        elif contacts:
            self.table.selectRow(0)
        self._show_contact()
        self.my_card.show_card()
        self.cohorts.refresh(contacts)

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
            self.safety.set_digits(self._safety_number(contact))
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

    def _safety_number(self, contact: Contact) -> str:
        """Computed once per pair of keys (~10 ms of hashing each): the page is redrawn
        on every change to the vault, an import's included."""
        key = (contact.key_id, self.vault.identity.info().key_id)
        digits = self._safety_numbers.get(key)
        if digits is None:
            digits = self.vault.contacts.safety_number(contact.id)
            self._safety_numbers[key] = digits
        return digits

    # -- importing cards ------------------------------------------------------------------
    def ask_open_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a contact card"),
            str(Path.home()),
            self.tr("Contact cards (*.rdcard)"),
        )
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
        contacts = self.vault.contacts
        self.write(
            lambda: contacts.import_card(
                data, replaces=replaces, confirm=confirm, accept_rename=accept_rename
            ),
            self._card_imported,
            "write:import-card",
        )

    def _card_imported(self, result: CardImportResult) -> None:
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
        """A write on one contact (verify, revoke); then the list shows its new state."""

        def changed(_result: object) -> None:
            self.refresh()
            self.select_contact(contact_id)
            self.contacts_changed.emit()

        self.write(lambda: change(contact_id), changed, "write:contact")

    def write(self, job: Callable[[], Any], done: Callable[[Any], None], name: str) -> None:
        """``job`` on the writer queue (after pending saves, behind an import holding the
        write lock), never here on the GUI thread; ``done`` runs here with its result."""
        self.writing += 1

        def succeeded(result: object) -> None:
            self.writing -= 1
            done(result)

        def failed(exc: BaseException) -> None:
            self.writing -= 1
            self.last_box = show_error(self, exc)

        self.runner.submit(
            lambda _p, _c: job(),
            on_result=succeeded,
            on_error=failed,
            writer=True,
            name=name,
            owner=self,
        )

    # -- questions -------------------------------------------------------------------------
    def ask(
        self,
        name: str,
        icon: QMessageBox.Icon,
        texts: tuple[str, str, str],
        accept_text: str,
        on_accept: Callable[[], None],
        **options: Any,
    ) -> QMessageBox:
        """A window-modal question whose default is Cancel (``dialogs.ask_question``)."""
        self.last_box = ask_question(self, name, icon, texts, accept_text, on_accept, **options)
        return self.last_box

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
        self.revoke_contact_button.setText(self.tr("Revoke &contact…"))
        self.revoke_contact_button.setAccessibleName(self.tr("Revoke this contact"))
        self.model.retranslate()
        if self.isVisible() or self.model.rowCount():
            self._show_contact()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def current_index(self) -> QModelIndex:
        return self.table.currentIndex()
