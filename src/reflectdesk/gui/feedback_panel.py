"""The feedback beside the student's own entry (the editor's side panel): the sign-offs
her mentor made ("signed off on version 3; changed since") and the comment threads, in
the same margin widget the mentor reads them in, where she replies and resolves.
Read on a worker when an entry opens; hidden when the entry has no feedback."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from reflectdesk.errors import ReflectDeskError
from reflectdesk.gui.review_margin import CommentDialog, ReviewMargin, ReviewWrites
from reflectdesk.gui.signoff_panel import SignOffPanel
from reflectdesk.progress import CancelToken, ProgressSink

if TYPE_CHECKING:
    from collections.abc import Callable

    from reflectdesk.domain.model import Entry
    from reflectdesk.gui.app_context import AppContext
    from reflectdesk.gui.catalog import Catalog
    from reflectdesk.services.review_read import EntryReviewState
    from reflectdesk.services.vault import Vault


class FeedbackPanel(QScrollArea):
    """Comments and sign-offs on your own entry; ``quote_requested`` asks the editor to
    select a thread's passage (section key, code-point offsets)."""

    quote_requested = Signal(str, int, int)
    shown_changed = Signal(bool)

    def __init__(
        self,
        ctx: AppContext,
        vault: Vault,
        catalog: Catalog,
        section_title: Callable[[str], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("feedbackPanel")
        self.ctx = ctx
        self.vault = vault
        self.section_title = section_title
        self.entry: Entry | None = None
        self.state: EntryReviewState | None = None
        self._seq = 0
        self.heading = QLabel()
        self.heading.setObjectName("feedbackHeading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.signoff = SignOffPanel(ctx.runner, vault, catalog.taxonomy(), ctx.language)
        self.signoff.heading.hide()
        self.margin = ReviewMargin()
        self.writes = ReviewWrites(ctx.runner, vault, self)
        self.writes.written.connect(lambda _r: self.refresh())
        self.signoff.signed.connect(lambda _r: self.refresh())
        self.margin.reply_requested.connect(self.reply_to)
        self.margin.resolve_requested.connect(self.writes.resolve)
        self.margin.thread_activated.connect(self._activated)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.signoff)
        layout.addWidget(self.margin)
        layout.addStretch(1)
        self.setWidget(body)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(self.margin.width() + 24)
        self.hide()
        self.retranslate_ui()

    def show_entry(self, entry: Entry | None) -> None:
        """Read the review of ``entry`` (your own) on a worker; shown if there is any."""
        self.entry = entry
        self.state = None
        self._seq += 1
        if entry is None:
            self._set_shown(False)
            return
        seq, entry_id, vault, lang = self._seq, entry.id, self.vault, self.ctx.language

        def job(_p: ProgressSink, _c: CancelToken) -> EntryReviewState | None:
            try:
                return vault.review.state(entry_id, lang)
            except ReflectDeskError:
                return None  # not saved yet, or the vault is locking

        self.ctx.runner.submit(
            job,
            on_result=lambda state: self._show(seq, state),
            name="feedback",
            owner=self,
        )

    def refresh(self) -> None:
        self.show_entry(self.entry)

    def _show(self, seq: int, state: EntryReviewState | None) -> None:
        if seq != self._seq or self.entry is None:
            return
        self.state = state
        if state is None or (not state.threads and not state.sign_offs):
            self._set_shown(False)
            return
        self.margin.set_threads(state.threads, self.section_title)
        self.signoff.lang = self.ctx.language
        self.signoff.show_entry(self.entry.id, (), state.sign_offs, can_sign=False)
        self.retranslate_ui()
        self._set_shown(True)

    def _set_shown(self, shown: bool) -> None:
        if shown != self.isVisible():
            self.setVisible(shown)
            self.shown_changed.emit(shown)

    def reply_to(self, thread_id: str) -> None:
        dialog = CommentDialog("", True, self)
        dialog.accepted.connect(lambda: self.writes.reply(thread_id, dialog.text()))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _activated(self, thread_id: str) -> None:
        if self.state is None:
            return
        thread = next((t for t in self.state.threads if t.id == thread_id), None)
        if thread is not None and thread.start is not None and thread.end is not None:
            self.quote_requested.emit(thread.section, thread.start, thread.end)

    def retranslate_ui(self) -> None:
        state = self.state
        if state is not None and state.threads:
            self.heading.setText(
                self.tr("Feedback — open comments: %1").replace("%1", str(state.open_threads))
            )
        else:
            self.heading.setText(self.tr("Feedback"))
        self.setAccessibleName(self.tr("Feedback on this entry"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
