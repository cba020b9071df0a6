"""The sync page: each exchange point with what waits and its log; add and remove points;
"Sync now"; received bundles waiting for you (from people not verified).

Reads go through the task runner's pool; the page never touches the network itself
(the status item runs the sync).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.domain.sync import SyncLogEntry, SyncStatus
from reflectdesk.errors import ReflectDeskError
from reflectdesk.gui.dates import show_datetime
from reflectdesk.gui.dialogs import show_error
from reflectdesk.gui.exchange_dialog import ExchangeDialog
from reflectdesk.gui.i18n import error_texts
from reflectdesk.gui.screen_fit import fit_dialog
from reflectdesk.gui.sync_status import SyncStatusItem, error_class_for
from reflectdesk.services.vault import Vault


class SyncPage(QDialog):
    def __init__(self, vault: Vault, item: SyncStatusItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncPage")
        self.vault = vault
        self.item = item
        self.points = QListWidget()
        self.points.setObjectName("syncPoints")
        self.points.currentRowChanged.connect(lambda _r: self._show_point())
        self.details = QLabel()
        self.details.setObjectName("syncDetails")
        self.details.setWordWrap(True)
        self.log = QTableWidget(0, 3)
        self.log.setObjectName("syncLog")
        self.log.verticalHeader().setVisible(False)
        self.log.horizontalHeader().setStretchLastSection(True)
        self.log.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.waiting_label = QLabel()
        self.waiting = QListWidget()
        self.waiting.setObjectName("syncWaiting")
        self.add_button = QPushButton()
        self.add_button.setObjectName("syncAdd")
        self.add_button.clicked.connect(self.add_point)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_point)
        self.sync_button = QPushButton()
        self.sync_button.setObjectName("syncNow")
        self.sync_button.clicked.connect(lambda: self.item.sync_now(due_only=False))
        self.accept_button = QPushButton()
        self.accept_button.clicked.connect(self.accept_waiting)
        left = QVBoxLayout()
        left.addWidget(self.points, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        left.addLayout(row)
        right = QVBoxLayout()
        right.addWidget(self.details)
        right.addWidget(self.log, 2)
        right.addWidget(self.waiting_label)
        right.addWidget(self.waiting, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sync_button)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 3)
        self.item.synced.connect(lambda _r: self.reload())
        self.retranslate_ui()
        self.reload()
        fit_dialog(self, QSize(900, 560))

    def reload(self) -> None:
        current = self.points.currentRow()
        self.status: SyncStatus = self.vault.sync.status()
        self.entries: list[SyncLogEntry] = self.vault.sync.log(limit=500)
        self.addresses = {p.id: p for p in self.vault.exchange.list()}
        self.points.clear()
        for p in self.status.points:
            item = QListWidgetItem(p.label)
            item.setData(Qt.ItemDataRole.UserRole, p.point_id)
            self.points.addItem(item)
        if self.points.count():
            self.points.setCurrentRow(max(0, min(current, self.points.count() - 1)))
        self._show_point()
        self.waiting.clear()
        for w in self.vault.sync.waiting():
            entries = len(w.preview.entries)
            text = self.tr("%1 (not verified): %n entries", "", entries).replace(
                "%1", w.preview.author_name or "?"
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, w.id)
            item.setToolTip(w.preview.safety_number or "")
            self.waiting.addItem(item)
        self.accept_button.setEnabled(self.waiting.count() > 0)

    def _current_point(self) -> str | None:
        item = self.points.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _show_point(self) -> None:
        point_id = self._current_point()
        self.remove_button.setEnabled(point_id is not None)
        self.log.setRowCount(0)
        if point_id is None:
            self.details.setText(self.tr("No exchange points yet: nothing is ever sent."))
            return
        p = next(s for s in self.status.points if s.point_id == point_id)
        state = self.tr("offline") if p.offline else self.tr("online")
        point = self.addresses.get(point_id)
        line = self.tr("%1 · %2 waiting to be sent").replace("%1", state)
        line = line.replace("%2", str(p.pending))
        if point is not None:
            names = {c.id: c.name for c in self.vault.contacts.list()}
            who = ", ".join(names.get(c, "?") for c in point.contact_ids) or "-"
            line = f"{point.address}\n{line}\n" + self.tr("Reached here: %1").replace("%1", who)
        self.details.setText(line)
        rows = [e for e in self.entries if e.point_id == point_id]
        self.log.setRowCount(len(rows))
        for r, e in enumerate(rows):
            when = show_datetime(e.at)
            if e.event == "sync":
                what = self.tr("Synced")
                detail = self.tr("sent %1, received %2, waiting %3")
                detail = detail.replace("%1", str(e.sent)).replace("%2", str(e.received))
                detail = detail.replace("%3", str(e.waiting))
            else:
                what = self.tr("Offline") if e.event == "offline" else self.tr("Error")
                detail = error_texts(error_class_for(e.code)())[0]
            for c, text in enumerate((when, what, detail)):
                self.log.setItem(r, c, QTableWidgetItem(text))
        self.log.resizeColumnsToContents()
        self.log.horizontalHeader().setStretchLastSection(True)

    def add_point(self) -> None:
        dialog = ExchangeDialog(self.vault, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.item.refresh()
            self.reload()

    def remove_point(self) -> None:
        point_id = self._current_point()
        if point_id is None:
            return
        try:
            self.vault.exchange.remove(point_id)
        except ReflectDeskError as exc:
            show_error(self, exc)
            return
        self.item.refresh()
        self.reload()

    def accept_waiting(self) -> None:
        item = self.waiting.currentItem() or self.waiting.item(0)
        if item is None:
            return
        text = self.tr(
            "Import this bundle? Compare the safety number with the person first:\n%1"
        ).replace("%1", item.toolTip() or "-")
        if QMessageBox.question(self, self.tr("Received bundle"), text) != (
            QMessageBox.StandardButton.Yes
        ):
            return
        try:
            self.vault.sync.accept(str(item.data(Qt.ItemDataRole.UserRole)))
        except ReflectDeskError as exc:
            show_error(self, exc)
        self.item.refresh()
        self.reload()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Sync"))
        self.add_button.setText(self.tr("Add…"))
        self.remove_button.setText(self.tr("Remove"))
        self.sync_button.setText(self.tr("Sync now"))
        self.accept_button.setText(self.tr("Import…"))
        self.waiting_label.setText(self.tr("Received, waiting for you:"))
        self.log.setHorizontalHeaderLabels([self.tr("When"), self.tr("What"), self.tr("Details")])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
