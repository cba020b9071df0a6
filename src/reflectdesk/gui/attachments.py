"""An entry's attachments: images shown inline, other files saved out only on request.

Saving a copy writes plaintext outside the vault, so it is never done silently: the
user is told the copy is not encrypted and chooses where it goes. Attaching a file
that is too large or unreadable shows the core's message; the entry stays unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.domain.model import AttachmentInfo
from reflectdesk.gui.autosave import EntryRef
from reflectdesk.gui.dialogs import message_box, report_error
from reflectdesk.gui.tasks import TaskRunner
from reflectdesk.progress import CancelToken, ProgressSink

if TYPE_CHECKING:
    from reflectdesk.services.vault import Vault


THUMB_WIDTH = 360


def is_image(info: AttachmentInfo) -> bool:
    return info.media_type in {"image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp"}


class AttachmentRow(QFrame):
    save_requested = Signal(object)
    remove_requested = Signal(object)

    def __init__(self, info: AttachmentInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = info
        self.setObjectName("attachmentRow")
        self.name = QLabel()
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name.setWordWrap(True)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveAttachment")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("removeAttachment")
        self.image = QLabel()
        self.image.setObjectName("attachmentImage")
        self.image.hide()
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.name, 1)
        top.addWidget(self.save_button)
        top.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addLayout(top)
        layout.addWidget(self.image)
        self.save_button.clicked.connect(lambda: self.save_requested.emit(self.info))
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self.info))
        self.retranslate_ui()

    def set_image(self, image: QImage) -> None:
        if image.isNull():
            return
        self.image.setPixmap(QPixmap.fromImage(image))
        self.image.setAccessibleName(self.info.filename)
        self.image.show()

    def retranslate_ui(self) -> None:
        size = QLocale().formattedDataSize(self.info.size)
        self.name.setText(f"{self.info.filename} ({size})")
        self.save_button.setText(self.tr("Save a copy…"))
        self.remove_button.setText(self.tr("Remove"))
        self.save_button.setAccessibleName(
            self.tr("Save a copy of %1").replace("%1", self.info.filename)
        )
        self.remove_button.setAccessibleName(self.tr("Remove %1").replace("%1", self.info.filename))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class AttachmentsPanel(QWidget):
    changed = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        vault: Vault,
        ensure_entry: Callable[[], EntryRef | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentsPanel")
        self._runner = runner
        self._vault = vault
        self._ensure_entry = ensure_entry
        self.rows: dict[str, AttachmentRow] = {}
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.attach_button = QPushButton()
        self.attach_button.setObjectName("attachButton")
        self.attach_button.clicked.connect(self.choose_file)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.list_layout = QVBoxLayout()
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.attach_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addLayout(self.list_layout)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Attachments"))
        self.attach_button.setText(self.tr("Attach a fi&le…"))
        self.attach_button.setAccessibleName(self.tr("Attach a file"))
        self.empty.setText(self.tr("No attachments. Photos appear here; files stay encrypted."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- showing ---------------------------------------------------------------------
    def set_attachments(self, infos: tuple[AttachmentInfo, ...] | list[AttachmentInfo]) -> None:
        self.clear()
        for info in infos:
            self._add_row(info)
        self.empty.setVisible(not self.rows)

    def clear(self) -> None:
        for row in self.rows.values():
            row.setParent(None)
            row.deleteLater()
        self.rows.clear()
        self.empty.show()

    def _add_row(self, info: AttachmentInfo) -> None:
        row = AttachmentRow(info)
        row.save_requested.connect(self.save_copy)
        row.remove_requested.connect(self.remove)
        self.rows[info.id] = row
        self.list_layout.addWidget(row)
        self.empty.hide()
        if is_image(info):
            self._load_image(info)

    def _load_image(self, info: AttachmentInfo) -> None:
        vault = self._vault

        def job(progress: ProgressSink, cancel: CancelToken) -> QImage:
            image = QImage.fromData(vault.entries.attachment_bytes(info.id))
            if not image.isNull() and image.width() > THUMB_WIDTH:
                image = image.scaledToWidth(THUMB_WIDTH, Qt.TransformationMode.SmoothTransformation)
            return image

        def show(image: QImage) -> None:
            row = self.rows.get(info.id)
            if row is not None:
                row.set_image(image)

        self._runner.submit(job, on_result=show, on_error=lambda _e: None, owner=self)

    # -- actions (ask_* are methods so tests can answer for the user) ------------------
    def ask_open_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Attach a file"))
        return path

    def ask_save_path(self, filename: str) -> str:
        # Only the last component: a received name such as "/../.bashrc" must not
        # steer the suggested path out of the home folder.
        safe = Path(filename.replace("\\", "/")).name or "attachment"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save a copy"), str(Path.home() / safe))
        return path

    def confirm_plaintext_copy(self, filename: str) -> bool:
        answer = QMessageBox.warning(
            self,
            self.tr("Save an unencrypted copy?"),
            self.tr(
                "The copy of “%1” will NOT be encrypted: anyone with access to the folder you "
                "choose can open it. Inside ReflectDesk the attachment stays encrypted."
            ).replace("%1", filename),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Save

    def confirm_remove(self, filename: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Remove attachment?"),
            self.tr("Remove “%1” from this entry?").replace("%1", filename),
        )
        return answer == QMessageBox.StandardButton.Yes

    def choose_file(self) -> None:
        path = self.ask_open_path()
        if path:
            self.attach(Path(path))

    def attach(self, path: Path) -> None:
        ref = self._ensure_entry()
        if ref is None:
            return
        vault = self._vault

        def job(progress: ProgressSink, cancel: CancelToken) -> AttachmentInfo:
            # Queued after the save that creates the entry: the id is set by then.
            from reflectdesk.errors import EntryNotFound

            if ref.entry_id is None:
                raise EntryNotFound("unsaved")
            return vault.entries.attach(ref.entry_id, path)

        def attached(info: AttachmentInfo) -> None:
            self._add_row(info)
            self.changed.emit()

        self._runner.submit(
            job,
            on_result=attached,
            on_error=lambda exc: report_error(self, exc),
            writer=True,
            name="write:attach",
            owner=self,
        )

    def save_copy(self, info: AttachmentInfo) -> None:
        if not self.confirm_plaintext_copy(info.filename):
            return
        path = self.ask_save_path(info.filename)
        if not path:
            return
        vault = self._vault
        dest = Path(path)

        def job(progress: ProgressSink, cancel: CancelToken) -> AttachmentInfo:
            return vault.entries.save_attachment_as(info.id, dest)

        def saved(_info: AttachmentInfo) -> None:
            message_box(
                self,
                self.tr("Copy saved"),
                self.tr("Saved “%1”. Remember: this copy is not encrypted.").replace(
                    "%1", dest.name
                ),
                icon=QMessageBox.Icon.Information,
            )

        self._runner.submit(
            job,
            on_result=saved,
            on_error=lambda exc: report_error(self, exc),
            name="save-attachment",
            owner=self,
        )

    def remove(self, info: AttachmentInfo) -> None:
        if not self.confirm_remove(info.filename):
            return
        vault = self._vault

        def job(progress: ProgressSink, cancel: CancelToken) -> None:
            vault.entries.remove_attachment(info.id)

        def removed(_: object) -> None:
            row = self.rows.pop(info.id, None)
            if row is not None:
                row.setParent(None)
                row.deleteLater()
            self.empty.setVisible(not self.rows)
            self.changed.emit()

        self._runner.submit(
            job,
            on_result=removed,
            on_error=lambda exc: report_error(self, exc),
            writer=True,
            name="write:remove-attachment",
            owner=self,
        )
