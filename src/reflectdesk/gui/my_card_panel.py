"""Your own card and keys, beside the contacts: the card as a QR code and a file, a new
key pair, a revocation.

The card and its QR code are public files of a few hundred bytes, written here. A new
key pair and a revocation change the vault: they run on the task runner's writer queue
(after any pending save, and never on the GUI thread, which must not wait for an import
holding the vault's write lock).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFrame,
    QGroupBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.domain.model import KeyRotation
from reflectdesk.errors import FileUnwritable, ReflectDeskError
from reflectdesk.gui.contact_model import role_text
from reflectdesk.gui.dialogs import ask_question, message_box, show_error
from reflectdesk.gui.qr_view import QrView
from reflectdesk.gui.tasks import Task, TaskRunner
from reflectdesk.gui.widgets import named_button, wrap
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


def with_card_suffix(path: str) -> Path:
    """The chosen path, with ``.rdcard`` added if the user left it out."""
    target = Path(path)
    if target.suffix.lower() != CARD_SUFFIX:
        target = target.with_name(target.name + CARD_SUFFIX)
    return target


class MyCardPanel(QGroupBox):
    """ "My card" and "My keys" (the right-hand column of the contacts page)."""

    #: A new key pair: every safety number changed (the contacts page redraws).
    keys_changed = Signal()

    def __init__(self, vault: Vault, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("myCard")
        self.vault = vault
        self.runner = runner
        self.task: Task[Any] | None = None
        self.last_box: QMessageBox | None = None
        self._card_svg = b""
        self._card_drawn: tuple[object, ...] = ()  # what the QR code shows now
        # The card of a new key pair until it is saved (the save dialog was cancelled or
        # failed): "Save my card…" writes it, so the old key's signature is not lost.
        self.pending_card: bytes | None = None

        self.my_name = wrap(QLabel())
        name_font = self.my_name.font()
        name_font.setPointSizeF(name_font.pointSizeF() * 1.2)
        name_font.setBold(True)
        self.my_name.setFont(name_font)
        self.my_role = wrap(QLabel())
        self.my_key = wrap(QLabel())
        self.my_key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.qr = QrView()
        self.qr_help = wrap(QLabel())
        self.save_card_button = named_button("saveMyCard", self.save_my_card)
        self.save_png_button = named_button("saveQrPng", lambda: self.save_qr("png"))
        self.save_svg_button = named_button("saveQrSvg", lambda: self.save_qr("svg"))
        self.keys_title = wrap(QLabel())
        self.keys_title.setObjectName("myKeysTitle")
        self.new_keys_button = named_button("newKeyPair", self.confirm_new_keys)
        self.revoke_keys_button = named_button("revokeMyKeys", self.confirm_revoke_keys)
        self.keys_status = wrap(QLabel())
        self.keys_status.setObjectName("myKeysStatus")
        mine = QVBoxLayout(self)
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
        self.retranslate_ui()

    # -- my card ---------------------------------------------------------------------------
    def show_card(self) -> None:
        try:
            profile = self.vault.profile
            info = self.vault.identity.info()
            drawn = (info.key_id, profile.name, profile.role, profile.institution)
            # The QR code takes ~50 ms of pure Python: drawn again only when what it
            # shows changed, not on every refresh of the page (an import refreshes it).
            if drawn != self._card_drawn:
                card = self.vault.identity.card()
                self._card_svg = self.vault.identity.card_qr_svg(card)
                self.qr.set_svg(self._card_svg)
                self._card_drawn = drawn
        except ReflectDeskError as exc:
            log.info("own card unavailable: %s", type(exc).__name__)
            return
        self.my_name.setText(profile.name)
        self.my_role.setText(
            ", ".join(t for t in (role_text(profile.role), profile.institution) if t)
        )
        self.my_key.setText(self.tr("Key: %1").replace("%1", key_id_text(info.key_id)))
        self.my_key.setAccessibleName(self.my_key.text())

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
        return with_card_suffix(path) if path else None

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
        self.last_box = ask_question(
            self,
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

        def job(_progress: ProgressSink, _cancel: CancelToken) -> KeyRotation:
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

    def _new_keys_failed(self, exc: BaseException) -> None:  # or the revocation
        self.task = None
        self._show_key_status()
        self.last_box = show_error(self, exc)

    def _new_keys_made(self, rotation: KeyRotation) -> None:
        self.task = None
        card = rotation.card
        self.pending_card = card  # kept until written
        # From the service, not the box: it never lets a revoked key vouch.
        vouch = rotation.vouched
        self.show_card()  # your key id and QR code changed
        self.keys_changed.emit()  # and so did every safety number
        self._show_key_status()
        target = self.card_path(self.tr("Save my new card"), self._file_stem())
        if target is None or not self._write_card_file(target, lambda: card):
            return  # the status line says how to save it later
        self.pending_card = None
        self._show_key_status()
        key = key_id_text(rotation.key_id)  # not from the vault: it may have locked
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
        self.last_box = ask_question(
            self,
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
        """The revocation is recorded in the vault (a write: on the writer queue), then
        saved where the user chose."""
        target = self.card_path(self.tr("Save the revocation"), self._file_stem() + REVOCATION_STEM)
        if target is None or self.task is not None:
            return
        identity = self.vault.identity
        self.task = self.runner.submit(
            lambda _p, _c: identity.revocation(),
            on_result=lambda data: self._revocation_made(target, data),
            on_error=self._new_keys_failed,
            writer=True,
            name="write:revocation",
            owner=self,
        )
        self._show_key_status()

    def _revocation_made(self, target: Path, data: bytes) -> None:
        self.task = None
        self._show_key_status()
        if not self._write_card_file(target, lambda: data):
            return
        self.last_box = ask_question(
            self,
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
        if self.task is not None and self.task.name == "write:revocation":
            text = self.tr("Saving the revocation…")
        elif busy:
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

    def ask_save_path(self, title: str, name: str, filters: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / name), filters)
        return path

    # -- text ----------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("My card"))
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
        self.keys_title.setText(self.tr("My keys"))
        self.new_keys_button.setText(self.tr("New &key pair…"))
        self.new_keys_button.setAccessibleName(self.tr("Make a new key pair"))
        self.revoke_keys_button.setText(self.tr("&Revoke my keys…"))
        self.revoke_keys_button.setAccessibleName(self.tr("Revoke my keys"))
        self._show_key_status()
        if self.isVisible():
            self.show_card()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
