"""The mentor's queue: per student, the entries that wait for feedback or a sign-off
(``vault.review.queue()``). A click opens the entry; "Send feedback…" builds the
feedback bundle for the chosen student.

The same page serves the student (``student=True``): her own entries with feedback
received, signed off, or changed since a sign-off (``vault.review.badges()``).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.review_badges import badge_text
from reflectdesk.gui.widgets import list_page_layout
from reflectdesk.progress import CancelToken, ProgressSink

if TYPE_CHECKING:
    from reflectdesk.services.review_read import QueueItem
    from reflectdesk.services.review_status import EntryBadge
    from reflectdesk.services.vault import Vault

log = logging.getLogger(__name__)

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
CONTACT_ROLE = Qt.ItemDataRole.UserRole + 2


class ReviewQueuePage(QWidget):
    open_entry = Signal(str)  # this vault's entry id
    send_feedback = Signal(str)  # the student's contact id ("" : choose in the wizard)
    loaded = Signal()

    def __init__(
        self, ctx: AppContext, vault: Vault, *, student: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.vault = vault
        self.student_mode = student
        self.setObjectName("feedbackPage" if student else "reviewQueuePage")
        self.items: list[QueueItem] = []
        self.badges: list[tuple[str, EntryBadge]] = []  # (title, badge)
        self._seq = 0
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.tree = QTreeWidget()
        self.tree.setObjectName("reviewQueue")
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(not student)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemDoubleClicked.connect(self._activated)
        self.tree.currentItemChanged.connect(lambda *_a: self._update_buttons())
        self.empty = QLabel()
        self.empty.setObjectName("reviewQueueEmpty")
        self.empty.setWordWrap(True)
        self.open_button = QPushButton()
        self.open_button.setObjectName("openQueuedEntry")
        self.open_button.clicked.connect(lambda: self._activated(self.tree.currentItem(), 0))
        self.send_button = QPushButton()
        self.send_button.setObjectName("sendFeedback")
        self.send_button.clicked.connect(self._send)
        self.send_button.setVisible(not student)
        buttons = [self.open_button, self.send_button]
        list_page_layout(self, self.heading, self.intro, self.tree, self.empty, buttons)
        self.retranslate_ui()
        self.refresh()

    # -- data --------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the queue (or the student's feedback) on a read worker."""
        self._seq += 1
        seq = self._seq
        review, entries = self.vault.review, self.vault.entries
        student = self.student_mode

        def job(_p: ProgressSink, _c: CancelToken) -> Any:
            if not student:
                return review.queue()
            found = [b for b in review.badges().values() if b.own]
            return [(entries.get(b.entry_id).content.title, b) for b in found]

        self.ctx.runner.submit(
            job,
            on_result=lambda result: self._show(seq, result),
            on_error=lambda exc: log.warning("review queue not read: %s", type(exc).__name__),
            name="review-queue",
            owner=self,
        )

    def _show(self, seq: int, result: Any) -> None:
        if seq != self._seq:
            return
        if self.student_mode:
            self.badges = sorted(result, key=lambda tb: tb[0].casefold())
        else:
            self.items = list(result)
        self._fill()
        self.loaded.emit()

    def _fill(self) -> None:
        current = self.tree.currentItem()
        keep = current.data(0, ENTRY_ROLE) if current is not None else None
        self.tree.clear()
        untitled = self.tr("(untitled)")
        if self.student_mode:
            for title, badge in self.badges:
                item = QTreeWidgetItem([title or untitled, badge_text(badge)])
                item.setData(0, ENTRY_ROLE, badge.entry_id)
                item.setToolTip(0, title or untitled)
                item.setToolTip(1, badge_text(badge))
                self.tree.addTopLevelItem(item)
        else:
            students: dict[str, QTreeWidgetItem] = {}
            for q in self.items:
                parent = students.get(q.contact_id)
                if parent is None:
                    parent = QTreeWidgetItem([q.student, ""])
                    parent.setData(0, CONTACT_ROLE, q.contact_id)
                    font = parent.font(0)
                    font.setBold(True)
                    parent.setFont(0, font)
                    students[q.contact_id] = parent
                    self.tree.addTopLevelItem(parent)
                waiting = self.waiting_text(q.waiting_feedback, q.waiting_sign_off)
                child = QTreeWidgetItem([q.title or untitled, waiting])
                child.setData(0, ENTRY_ROLE, q.entry_id)
                child.setData(0, CONTACT_ROLE, q.contact_id)
                child.setToolTip(0, q.title or untitled)
                child.setToolTip(1, waiting)
                parent.addChild(child)
            for parent in students.values():
                count = parent.childCount()
                parent.setText(1, self.tr("%n entries waiting", "", count))
                parent.setExpanded(True)
        shown = self.tree.topLevelItemCount() > 0
        self.tree.setVisible(shown)
        self.empty.setVisible(not shown)
        if keep is not None:
            for item in self._all_items():
                if item.data(0, ENTRY_ROLE) == keep:
                    self.tree.setCurrentItem(item)
                    break
        self._update_buttons()

    def _all_items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        for row in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(row)
            if top is None:
                continue
            out.append(top)
            out += [c for c in (top.child(i) for i in range(top.childCount())) if c is not None]
        return out

    def waiting_text(self, feedback: bool, sign_off: bool) -> str:
        if feedback and sign_off:
            return self.tr("Waits for feedback and sign-off")
        if feedback:
            return self.tr("Waits for feedback")
        return self.tr("Waits for sign-off")

    # -- actions -----------------------------------------------------------------------------
    def _activated(self, item: QTreeWidgetItem | None, _column: int = 0) -> None:
        if item is None:
            return
        entry_id = item.data(0, ENTRY_ROLE)
        if entry_id:
            self.open_entry.emit(str(entry_id))

    def selected_contact(self) -> str:
        item = self.tree.currentItem()
        return str(item.data(0, CONTACT_ROLE) or "") if item is not None else ""

    def _send(self) -> None:
        self.send_feedback.emit(self.selected_contact())

    def _update_buttons(self) -> None:
        item = self.tree.currentItem()
        self.open_button.setEnabled(item is not None and bool(item.data(0, ENTRY_ROLE)))

    # -- text --------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        if self.student_mode:
            self.heading.setText(self.tr("Feedback on your entries"))
            self.intro.setText(
                self.tr(
                    "Your entries with comments or a sign-off. The feedback shows beside your "
                    "text when you open the entry; your replies travel in your next bundle."
                )
            )
            self.tree.setHeaderLabels([self.tr("Entry"), self.tr("Feedback")])
            self.empty.setText(
                self.tr(
                    "No feedback yet. Mark an entry \u201cReady for feedback\u201d and share it "
                    "with your mentor."
                )
            )
        else:
            self.heading.setText(self.tr("Waiting for your feedback"))
            self.intro.setText(
                self.tr(
                    "Per student, the entries marked ready that wait for your comments or "
                    "your sign-off on their current version. Open one to read and comment; "
                    "\u201cSend feedback\u201d builds the bundle back to the student."
                )
            )
            self.tree.setHeaderLabels([self.tr("Student and entry"), self.tr("Waiting for")])
            self.empty.setText(self.tr("Nothing waits for your feedback."))
        self.tree.setAccessibleName(self.heading.text())
        self.open_button.setText(self.tr("&Open the entry"))
        self.send_button.setText(self.tr("Send &feedback…"))
        for button in (self.open_button, self.send_button):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
