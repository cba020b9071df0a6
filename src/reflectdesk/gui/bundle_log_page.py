"""Inbox and outbox: the bundles imported and exported (the vault's bundle log)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QWidget,
)

from reflectdesk.errors import ReflectDeskError
from reflectdesk.gui.contact_model import BundleLogModel
from reflectdesk.gui.widgets import list_page_layout

if TYPE_CHECKING:
    from reflectdesk.services.vault import Vault

log = logging.getLogger(__name__)


class BundleLogPage(QWidget):
    action_requested = Signal()  # inbox: open a bundle; outbox: share entries

    def __init__(self, vault: Vault, direction: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.direction = direction
        self.setObjectName("inboxPage" if direction == "in" else "outboxPage")
        self.vault = vault
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.model = BundleLogModel(direction, self)
        self.table = QTableView()
        self.table.setObjectName("bundleLog")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.action = QPushButton()
        self.action.setObjectName("openBundle" if direction == "in" else "shareEntries")
        self.action.clicked.connect(self.action_requested)
        list_page_layout(self, self.heading, self.intro, self.table, self.empty, [self.action])
        self.retranslate_ui()
        self.refresh()

    def refresh(self) -> None:
        try:
            items = self.vault.bundle_log.list(self.direction)
            names = {c.id: c.name for c in self.vault.contacts.list()}
            me = self.tr("you")
        except ReflectDeskError as exc:
            log.info("bundle log unavailable: %s", type(exc).__name__)
            return
        self.model.set_items(items, names, me)
        self.empty.setVisible(not items)

    def retranslate_ui(self) -> None:
        if self.direction == "in":
            self.heading.setText(self.tr("Inbox"))
            self.intro.setText(
                self.tr("Bundles you imported: when, from whom and how many entries.")
            )
            self.empty.setText(
                self.tr("Nothing imported yet. Open a bundle, or drop a .rdbundle file here.")
            )
            self.action.setText(self.tr("&Open a bundle…"))
            self.action.setAccessibleName(self.tr("Open a bundle"))
            self.table.setAccessibleName(self.tr("Bundles received"))
        else:
            self.heading.setText(self.tr("Outbox"))
            self.intro.setText(self.tr("Bundles you made: when, for whom and how many entries."))
            self.empty.setText(self.tr("Nothing shared yet."))
            self.action.setText(self.tr("&Share entries…"))
            self.action.setAccessibleName(self.tr("Share entries"))
            self.table.setAccessibleName(self.tr("Bundles sent"))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self.refresh()
        super().changeEvent(event)
