"""The review status in the main window, kept apart from it (issue 13, points 4 and 5):

- the entry list's **Review** column (ready, new feedback, signed off, changed since),
  read with ``vault.review.badges()`` on a read worker after every change;
- the sidebar's **Review** section: for a mentor or tutor "Waiting for feedback (N)"
  (the queue, ``gui/review_queue.py``) and "Triad overview" (``gui/triad_view.py``); for
  a student "Feedback (N)" (her entries with feedback);
- the commands: **Ready for feedback** (a toggle on your own entry, Edit menu and the
  entry list's context menu, ``vault.review.submit`` on the writer queue), **Send
  feedback…** (File menu and the queue; the export wizard in feedback mode) and
  **Export to PDF/HTML…** (File menu and the context menu; ``gui/portfolio_dialog.py``).

The window creates one :class:`ReviewNav` and calls :meth:`refresh` when the vault
changes and :meth:`extend_entry_menu` when it builds the entry list's context menu.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from reflectdesk.domain.model import Role, SearchFilters, Space
from reflectdesk.errors import ReflectDeskError
from reflectdesk.gui.dialogs import report_error
from reflectdesk.gui.entry_model import COL_REVIEW
from reflectdesk.gui.review_badges import badge_text, badge_tooltip
from reflectdesk.gui.sidebar import VALUE_ROLE, received_label
from reflectdesk.gui.widgets import scrolling, stacked
from reflectdesk.progress import CancelToken, ProgressSink
from reflectdesk.services.review_status import Status

if TYPE_CHECKING:
    from reflectdesk.gui.main_window import MainWindow
    from reflectdesk.services.review_status import EntryBadge

log = logging.getLogger(__name__)

REVIEWERS = (Role.MENTOR, Role.EDUCATOR)


class ReviewNav(QObject):
    badges_loaded = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.vault = window.vault
        self.ctx = window.ctx
        try:
            role = self.vault.profile.role
        except ReflectDeskError:
            role = Role.STUDENT
        self.reviewer = role in REVIEWERS
        self.badges: dict[str, EntryBadge] = {}
        self.queue_count = 0
        self.pages: dict[str, QWidget] = {}
        self._seq = 0

        self.ready_action = QAction(window)
        self.ready_action.setObjectName("readyForFeedback")
        self.ready_action.setCheckable(True)
        self.ready_action.setShortcut("Ctrl+Shift+R")
        self.ready_action.triggered.connect(self.toggle_ready)
        window.addAction(self.ready_action)
        self.send_action = QAction(window)
        self.send_action.setObjectName("sendFeedback")
        self.send_action.triggered.connect(lambda: self.send_feedback(""))
        self.portfolio_action = QAction(window)
        self.portfolio_action.setObjectName("exportPortfolio")
        self.portfolio_action.triggered.connect(self.export_portfolio)
        actions = window.menu_actions
        actions.file_menu.insertActions(
            actions.open_bundle_action, [self.send_action, self.portfolio_action]
        )
        self.send_action.setVisible(self.reviewer)
        actions.edit_menu.insertAction(actions.history_action, self.ready_action)
        actions.edit_menu.aboutToShow.connect(self.update_actions)
        actions.file_menu.aboutToShow.connect(self.update_actions)
        window.sidebar.review_selected.connect(self.show_page)
        window.editor.saved.connect(lambda _e: self.update_actions())
        self.retranslate()
        self.refresh()

    # -- the badges and the sidebar ------------------------------------------------------
    def refresh(self, entry_ids: Collection[str] | None = None) -> None:
        """Read the badges on a read worker and apply them here: of ``entry_ids`` only
        (the entries a change touched), or of every entry (None)."""
        ids = None if entry_ids is None else list(entry_ids)
        if ids == []:
            return
        if ids is None:
            self._seq += 1  # only the newest full read is applied
        seq = self._seq
        review = self.vault.review

        def job(_p: ProgressSink, _c: CancelToken) -> Any:
            return review.badges(ids)

        self.ctx.runner.submit(
            job,
            on_result=lambda result: self._apply(seq, ids, result),
            on_error=lambda exc: log.warning("review badges not read: %s", type(exc).__name__),
            name="review-badges",
            owner=self.window,
        )
        for page in self.pages.values():
            refresh = getattr(page, "refresh", None)
            if refresh is not None and page.isVisible():
                refresh()

    def _apply(self, seq: int, ids: list[str] | None, result: dict[str, EntryBadge]) -> None:
        if self.window._closing:
            return
        if ids is None:
            if seq != self._seq:
                return  # a newer full read is on its way
            self.badges = dict(result)
        else:
            for entry_id in ids:
                self.badges.pop(entry_id, None)
            self.badges.update(result)
        self.queue_count = sum(1 for b in self.badges.values() if not b.own and b.queued)
        shown = {k: (badge_text(b), badge_tooltip(b)) for k, b in self.badges.items()}
        shown = {k: v for k, v in shown.items() if v[0]}
        self.window.model.set_badges(shown)
        view = self.window.list
        view.setColumnHidden(COL_REVIEW, not shown)
        if shown:  # as wide as the longest badge (and the header), within reason
            metrics = view.fontMetrics()
            header = str(self.window.model.headerData(COL_REVIEW, Qt.Orientation.Horizontal))
            widest = max(metrics.horizontalAdvance(t) for t, _tip in shown.values())
            title = view.horizontalHeader().fontMetrics().horizontalAdvance(header) + 24
            view.set_review_width(min(max(widest + 16, title), 170))
        self.update_sidebar()
        self.update_actions()
        self.badges_loaded.emit()

    def new_feedback(self) -> int:
        return sum(b.new_feedback for b in self.badges.values() if b.own)

    def update_sidebar(self) -> None:
        if self.reviewer:
            self.window.sidebar.set_review(
                QCoreApplication.translate("ReviewNav", "Review"),
                [
                    (
                        "queue",
                        QCoreApplication.translate(
                            "ReviewNav", "Waiting for feedback (%1)"
                        ).replace("%1", str(self.queue_count)),
                    ),
                    ("triad", QCoreApplication.translate("ReviewNav", "Triad overview")),
                    ("dashboard", QCoreApplication.translate("ReviewNav", "Cohort dashboard")),
                ],
            )
        else:
            self.window.sidebar.set_review(
                QCoreApplication.translate("ReviewNav", "Review"),
                [
                    (
                        "feedback",
                        QCoreApplication.translate("ReviewNav", "Feedback (%1)").replace(
                            "%1", str(self.new_feedback())
                        ),
                    )
                ],
            )

    # -- pages ---------------------------------------------------------------------------
    def page(self, key: str) -> QWidget:
        page = self.pages.get(key)
        if page is None:
            if key == "dashboard":
                from reflectdesk.gui.cohort_dashboard import CohortDashboard

                board = CohortDashboard(self.ctx, self.vault)
                board.open_entries.connect(self.show_filtered)
                page = board
            elif key == "triad":
                from reflectdesk.gui.triad_view import TriadView

                triad = TriadView(self.ctx, self.vault)
                triad.show_student.connect(self.show_student)
                page = triad
            else:
                from reflectdesk.gui.review_queue import ReviewQueuePage

                queue = ReviewQueuePage(self.ctx, self.vault, student=key == "feedback")
                queue.open_entry.connect(self.open_entry)
                queue.send_feedback.connect(self.send_feedback)
                page = queue
            self.pages[key] = page
            # The dashboard's table, chart and filters need more height than 1024x600
            # leaves: it scrolls there instead of making the window taller (issue 16.1).
            self.window.main_stack.addWidget(scrolling(page) if key == "dashboard" else page)
        return page

    def show_page(self, key: str) -> None:
        self.window.editor.flush()
        page = self.page(key)
        refresh = getattr(page, "refresh", None)
        if refresh is not None:
            refresh()
        self.window.main_stack.setCurrentWidget(stacked(page))
        sidebar = self.window.sidebar
        if sidebar.currentIndex().data(VALUE_ROLE) != key:
            sidebar.blockSignals(True)
            sidebar.select("review", key)
            sidebar.blockSignals(False)

    def open_entry(self, entry_id: str) -> None:
        """From the queue or the feedback page: the entry in the list and the editor."""
        w = self.window
        w.show_entries()
        if w.model.row_of(entry_id) < 0:
            w.sidebar.select("all", "")
        w.open_entry(entry_id)
        w.select_entry(entry_id)

    def show_dashboard(self, cohort_id: str | None = None) -> None:
        """The cohort dashboard, on ``cohort_id`` (None: as it was)."""
        if cohort_id is not None:
            board = self.page("dashboard")
            set_cohort = getattr(board, "set_cohort", None)
            if set_cohort is not None:
                set_cohort(cohort_id, load=False)  # read once, by show_page's refresh
        self.show_page("dashboard")

    def show_filtered(self, filters: SearchFilters) -> None:
        """From the dashboard: the entry list filtered to the entries behind a number."""
        w = self.window
        w.show_entries()
        w.sidebar.blockSignals(True)
        if filters.journal_id is not None:
            w.sidebar.select("journal", filters.journal_id)
        w.sidebar.blockSignals(False)
        w.search.set_filters(filters)

    def show_student(self, contact_id: str) -> None:
        """From the triad view: the student's received journal (of several, one per
        course, the one her latest bundle touched)."""
        hers = [
            j for j in self.vault.journals.list(Space.RECEIVED) if j.author_contact_id == contact_id
        ]
        if hers:
            journal = max(hers, key=lambda j: (j.updated_at, j.id))
            self.window.show_entries()
            self.window.sidebar.select("journal", journal.id)

    # -- commands --------------------------------------------------------------------------
    def current_own_entry(self) -> str | None:
        w = self.window
        entry_id = w.editor.entry_id
        if entry_id is None or w.editor.read_only or not w._is_own_entry(entry_id):
            return None
        return entry_id

    def update_actions(self) -> None:
        own = self.current_own_entry()
        self.ready_action.setEnabled(own is not None)
        badge = self.badges.get(own) if own is not None else None
        self.ready_action.setChecked(badge is not None and badge.status is Status.READY)
        self.portfolio_action.setEnabled(
            self.window.editor.entry_id is not None or self._journal() is not None
        )

    def toggle_ready(self, _checked: bool = False) -> None:
        """Mark your entry ready for feedback (or back to draft: the toggle follows the
        entry's status, not the action's last state), on the writer queue, after its
        pending save."""
        entry_id = self.current_own_entry()
        if entry_id is None:
            return
        badge = self.badges.get(entry_id)
        checked = badge is None or badge.status is not Status.READY
        self.ready_action.setChecked(checked)
        self.window.editor.flush()
        review = self.vault.review
        self.ctx.runner.submit(
            lambda _p, _c: review.submit(entry_id, ready=checked),
            on_result=lambda _r: self._submitted(checked, entry_id),
            on_error=lambda exc: report_error(self.window, exc),
            writer=True,
            name="write:submit",
            owner=self.window,
        )

    def _submitted(self, ready: bool, entry_id: str) -> None:
        text = (
            QCoreApplication.translate("ReviewNav", "Marked ready for feedback.")
            if ready
            else QCoreApplication.translate("ReviewNav", "Marked as draft.")
        )
        self.window.statusBar().showMessage(text, 4000)
        self.refresh([entry_id])

    def extend_entry_menu(self, menu: QMenu) -> None:
        """The entry list's context menu: the toggle and the export."""
        self.update_actions()
        menu.addSeparator()
        menu.addAction(self.ready_action)
        menu.addAction(self.portfolio_action)

    def _journal(self) -> tuple[str, str] | None:
        w = self.window
        journal_id = w.search.filters().journal_id
        if journal_id is None and w.editor.entry is not None:
            journal_id = w.editor.entry.journal_id
        if journal_id is None:
            return None
        for journal in self.vault.journals.list():
            if journal.id == journal_id:
                if journal.id in w.received:
                    return journal.id, received_label(w.received[journal.id], journal.title)
                title = journal.title
                return journal.id, title
        return None

    def export_portfolio(self) -> None:
        from reflectdesk.gui.portfolio_dialog import PortfolioDialog

        w = self.window
        w.editor.flush()
        entry_id = w.editor.entry_id

        def open_dialog() -> None:
            if w._closing:
                return
            dialog = PortfolioDialog(self.ctx, self.vault, entry_id, self._journal(), w)
            dialog.finished.connect(dialog.deleteLater)
            w.dialogs["portfolio"] = dialog
            dialog.open()

        # The save just queued must be in the export (as History and Share do).
        self.ctx.runner.after_writes(open_dialog, owner=w)

    def send_feedback(self, contact_id: str = "") -> None:
        """The export wizard in feedback mode, the student preselected."""
        from reflectdesk.gui.export_wizard import ExportWizard

        w = self.window
        recipients = [contact_id] if contact_id else []
        wizard = ExportWizard(
            self.ctx, self.vault, parent=w, kind="feedback", recipients=recipients
        )
        wizard.finished.connect(lambda _r: self._feedback_done())
        wizard.finished.connect(wizard.deleteLater)
        w.dialogs["feedback"] = wizard
        wizard.open()

    def _feedback_done(self) -> None:
        self.window.refresh_pages()
        self.refresh()

    # -- text ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.ready_action.setText(QCoreApplication.translate("ReviewNav", "&Ready for feedback"))
        self.ready_action.setToolTip(
            QCoreApplication.translate(
                "ReviewNav",
                "Mark this entry ready for your mentor's feedback (it travels in your bundle)",
            )
        )
        self.send_action.setText(QCoreApplication.translate("ReviewNav", "Send &feedback…"))
        self.portfolio_action.setText(
            QCoreApplication.translate("ReviewNav", "E&xport to PDF/HTML…")
        )
        self.update_sidebar()
        for page in self.pages.values():
            retranslate = getattr(page, "retranslate_ui", None)
            if retranslate is not None:
                retranslate()
