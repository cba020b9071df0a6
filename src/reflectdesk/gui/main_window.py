"""The main window: sidebar, search and entry list, editor; menus, shortcuts, status."""

from __future__ import annotations

import contextlib
import gc
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QLabel,
    QListView,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.domain.model import (
    Changes,
    Entry,
    EntrySummary,
    Journal,
    SearchFilters,
    SearchHit,
    Space,
)
from reflectdesk.errors import InvalidQuery, ReflectDeskError, VaultLocked
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.catalog import Catalog
from reflectdesk.gui.dialogs import report_error, show_error
from reflectdesk.gui.editor import EntryEditor
from reflectdesk.gui.entry_list import EntryListView
from reflectdesk.gui.entry_model import ID_ROLE, EntryTableModel
from reflectdesk.gui.i18n import error_texts
from reflectdesk.gui.main_actions import MainActions
from reflectdesk.gui.screen_fit import fit_to_screen, restore_layout, save_layout, share
from reflectdesk.gui.search_model import ID_ROLE as HIT_ID_ROLE
from reflectdesk.gui.search_model import SearchResultsModel, SnippetDelegate
from reflectdesk.gui.search_panel import SearchPanel
from reflectdesk.gui.sidebar import Sidebar, received_label
from reflectdesk.gui.sync_status import SyncStatusItem
from reflectdesk.gui.widgets import local_paths, scrolling, stacked
from reflectdesk.progress import CancelToken, ProgressSink
from reflectdesk.services.openable import FileKind, kind_of

if TYPE_CHECKING:
    from reflectdesk.gui.reading_view import ReadingView
    from reflectdesk.services.vault import Vault

log = logging.getLogger(__name__)
# Changed entries beyond this are reloaded with the list, not read one by one.
MANY_CHANGES = 50
# Journals, contact names by id, tags with counts: what the sidebar is filled from.
_SidebarData = tuple[list[Journal], dict[str, str], list[tuple[str, int]]]

SEARCH_LIMIT = 100
#: Up to this many entries the list is fetched on the GUI thread (a few ms); above, on a
#: worker, so that 10,000 entries never freeze the window.
SYNC_LIST_LIMIT = 1500
DEFAULT_TEMPLATE = "alact"


def summary_of(entry: Entry) -> EntrySummary:
    c = entry.content
    return EntrySummary(
        id=entry.id,
        journal_id=entry.journal_id,
        title=c.title,
        template_id=c.template_id,
        tags=c.tags,
        standards=c.standards,
        event_date=c.event_date,
        created_at=entry.created_at,
        updated_at=entry.updated_at,
        revision_count=entry.head.seq,
    )


class _ChangeRelay(QObject):
    """The vault calls subscribers on whichever thread wrote; this hops to the GUI."""

    changed = Signal(object)


class MainWindow(QMainWindow):
    lock_requested = Signal()
    closed = Signal()
    autolock_changed = Signal()

    def __init__(self, ctx: AppContext, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.ctx = ctx
        self.vault = vault
        self.catalog = Catalog.for_vault(vault)
        self._closing = False
        self._search_seq = 0
        self._pending_changes: set[str] = set()
        self._journals_changed = False
        self._last_template = DEFAULT_TEMPLATE
        self.dialogs: dict[str, QWidget] = {}
        # Received journals: journal id → the name of the person who sent them.
        self.received: dict[str, str] = {}
        self.pages: dict[str, QWidget] = {}
        # Received entries open in the reading view (issue 13), made the first time.
        self.reader: ReadingView | None = None
        self._open_first_on_load = False

        # -- widgets ------------------------------------------------------------------------
        self.sidebar = Sidebar()
        self.search = SearchPanel()
        self.model = EntryTableModel(vault.entries.list, self._template_name, loader=self._loader)
        self.list = EntryListView()
        self.list.setModel(self.model)
        self.list.configure_columns()
        # Several entries can be chosen to share them (context menu).
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.results_model = SearchResultsModel()
        self.results = QListView()
        self.results.setObjectName("searchResults")
        self.results.setModel(self.results_model)
        self.results.setItemDelegate(SnippetDelegate(self.results))
        self.results.setUniformItemSizes(True)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.list)
        self.list_stack.addWidget(self.results)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(6, 6, 6, 6)
        middle_layout.addWidget(self.search)
        middle_layout.addWidget(self.list_stack, 1)
        middle_layout.addWidget(self.count_label)
        self.list_pane = middle  # hidden while reading received work full width

        self.editor = EntryEditor(ctx, vault, self.catalog)
        self.placeholder = QLabel()
        self.placeholder.setObjectName("editorPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setMargin(24)
        self.editor_stack = QStackedWidget()
        self.editor_stack.addWidget(self.placeholder)
        self.editor_stack.addWidget(self.editor)

        # The entries (list + editor) or a sharing page (contacts, inbox, outbox).
        self.work = QSplitter(Qt.Orientation.Horizontal)
        self.work.setObjectName("workSplitter")
        self.work.addWidget(middle)
        self.work.addWidget(self.editor_stack)
        self.work.setStretchFactor(0, 2)
        self.work.setStretchFactor(1, 4)
        self.work.setChildrenCollapsible(False)
        self.work.setSizes([470, 720])
        self.main_stack = QStackedWidget()
        self.main_stack.setObjectName("mainStack")
        self.main_stack.addWidget(self.work)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.main_stack)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([210, 1190])
        self.setCentralWidget(self.splitter)
        self.setAcceptDrops(True)

        self.menu_actions = MainActions(self)
        # Review status, queue, triad, send feedback, portfolio (gui/review_nav.py).
        from reflectdesk.gui.review_nav import ReviewNav

        self.review = ReviewNav(self)
        # Sync (issue 17): the status-bar item runs the sync on a worker; hidden until an
        # exchange point exists.
        self.sync_status = SyncStatusItem(ctx.runner, vault, self)
        self.sync_status.open_requested.connect(self.show_sync_page)
        self.statusBar().addPermanentWidget(self.sync_status)

        # -- wiring -------------------------------------------------------------------------
        self.relay = _ChangeRelay(self)
        self.relay.changed.connect(self._on_changes, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe = vault.subscribe(self.relay.changed.emit)
        self._changes_timer = QTimer(self)
        self._changes_timer.setSingleShot(True)
        self._changes_timer.setInterval(50)
        self._changes_timer.timeout.connect(self._apply_changes)
        # While a batch import runs, its changes are applied once at the end (issue 14):
        # a refresh per bundle would block the window for each of hundreds of bundles.
        self._changes_held = False
        self._after_batch = False  # the next refresh follows a batch: populate on a worker
        self.sidebar.filter_selected.connect(self._sidebar_filter)
        self.sidebar.sharing_selected.connect(self.show_sharing)
        self.list.customContextMenuRequested.connect(self._list_menu)
        self.search.query_changed.connect(self.run_search)
        self.search.filters_changed.connect(self._filters_changed)
        self.search.field.installEventFilter(self)
        self.list.selectionModel().currentRowChanged.connect(self._list_current)
        self.list.activated.connect(lambda _i: self.focus_editor())
        self.results.selectionModel().currentChanged.connect(self._result_current)
        self.results.activated.connect(lambda _i: self.focus_editor())
        self.editor.history_requested.connect(self.show_history)
        self.editor.saved.connect(self._entry_saved)
        self.model.loaded.connect(self._list_loaded)

        self.retranslate_ui()
        self.populate()
        fit_to_screen(self, QSize(1280, 800))
        self._share_on_show = True  # the splitters get their widths once laid out
        self._first_load = True
        self.model.reload()
        self.list.setFocus()
        # The pinned templates' YAML is read on a worker now, not on the GUI thread at
        # the first opening of an entry (10-90 ms each).
        self.ctx.runner.submit(
            lambda _p, _c: self.vault.templates.warm(),
            on_error=lambda exc: log.info("templates not read ahead: %s", type(exc).__name__),
            name="templates-warm",
            owner=self,
        )

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("ReflectDesk"))
        self.menu_actions.retranslate()
        self.review.retranslate()
        self.placeholder.setText(
            self.tr(
                "Choose an entry on the left, or start a new one with Ctrl+N.\n\n"
                "Ctrl+F searches, Ctrl+L locks."
            )
        )
        self.list.setAccessibleName(self.tr("Entries"))
        self.results.setAccessibleName(self.tr("Search results"))
        self.model.retranslate()
        self.list.fit_date_column()
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:
        if (
            event.type() == QEvent.Type.LanguageChange
            and not self._closing
            and self.vault.is_unlocked
        ):
            self.catalog.invalidate()
            self.retranslate_ui()
            self.populate()
        super().changeEvent(event)

    # -- data --------------------------------------------------------------------------------
    def _template_name(self, template_id: str) -> str:
        return self.catalog.name(template_id, self.ctx.language)

    def _populate_data(self) -> _SidebarData:
        """What :meth:`populate` shows, read from the vault (any thread: reads only)."""
        journals = self.vault.journals.list()
        names = {c.id: c.name for c in self.vault.contacts.list()}
        return journals, names, self.vault.search.tags()

    def populate(self) -> None:
        """Sidebar and filter options from the vault (journals, tags, templates, standards)."""
        self._populate_apply(self._populate_data())

    def populate_later(self) -> None:
        """:meth:`populate` with the vault reads on a worker: after a batch import they
        open every contact and journal (500 students: ~50 ms of the GUI thread); the
        widgets are filled when they arrive."""

        def failed(exc: BaseException) -> None:  # locked meanwhile: the unlock repopulates
            log.info("sidebar refresh skipped: %s", type(exc).__name__)

        self.ctx.runner.submit(
            lambda _p, _c: self._populate_data(),
            on_result=self._populate_apply,
            on_error=failed,
            name="populate",
            owner=self,
        )

    def _populate_apply(self, data: _SidebarData) -> None:
        if self._closing:
            return
        lang = self.ctx.language
        all_journals, names, tags = data
        journals = [(j.id, j.title) for j in all_journals if j.space is Space.OWN]
        self.received = {
            j.id: names.get(j.author_contact_id or "", j.title)
            for j in all_journals
            if j.space is Space.RECEIVED
        }
        # A sender may have several journals (issue 14: one per course): each is
        # "her name — her title"; a journal still titled with her name (an older
        # sender's) is just her name.
        shown = {
            j.id: received_label(self.received[j.id], j.title)
            for j in all_journals
            if j.id in self.received
        }
        every_journal = journals + [
            (jid, self.tr("%1 (received)").replace("%1", label)) for jid, label in shown.items()
        ]
        templates = [(s.id, s.name) for s in self.catalog.summaries(lang)]
        taxonomy = self.catalog.taxonomy()
        domains = []
        standards: list[tuple[str, str]] = []
        if taxonomy is not None:
            for domain in taxonomy.domains:
                children = [(s.code, s.title.get(lang)) for s in domain.standards]
                domains.append((domain.code, domain.title.get(lang), children))
                standards += [(code, f"{code} {title}") for code, title in children]
        # The course or practicum on hover (issue 16.8: the New journal dialog asks it).
        courses = {
            j.id: f"{j.title}\n{j.description}" for j in all_journals if j.description.strip()
        }
        self.sidebar.set_journals(journals, courses)
        self.sidebar.set_received(list(shown.items()))
        self.sidebar.set_tags(tags)
        self.sidebar.set_templates(templates)
        self.sidebar.set_standards(domains)
        self.search.set_options("journal", every_journal)
        self.search.set_options("tag", [(t, t) for t, _n in tags])
        self.search.set_options("template", templates)
        self.search.set_options("standard", standards)
        self.editor.set_known_tags([t for t, _n in tags])

    def _loader(self) -> Any:
        """How the entry list is fetched: here when small, on a worker when large."""
        if self._closing or self.vault.entries.count() <= SYNC_LIST_LIMIT:
            return None

        def load(fetch: Any, deliver: Any) -> None:
            self.ctx.runner.submit(
                lambda _p, _c: fetch(), on_result=deliver, name="list-entries", owner=self
            )

        return load

    def _list_loaded(self) -> None:
        self._update_count()
        current = self.current_entry_id()
        if self._open_first_on_load and self.model.rowCount():
            # "Show the received entries": the first of them, not what was open before.
            first = self.model.data(self.model.index(0, 0), ID_ROLE)
            self.list.selectRow(0)
            if first:
                self.open_entry(str(first))
        elif current is not None:
            self.select_entry(current)
        elif self._first_load and self.model.rowCount():
            self.list.selectRow(0)
        if self._first_load and self.model.total() > SYNC_LIST_LIMIT:
            # A large list arrived after the window: keep it out of the collector's way
            # too (see AppController.show_main).
            gc.freeze()
        self._first_load = False
        self._open_first_on_load = False
        journal = self.search.filters().journal_id
        if journal is not None and journal in self.received:
            self.reading_view().read_ahead_journal(journal)  # a student's entries listed

    def _update_count(self) -> None:
        try:
            total = self.vault.entries.count()
        except VaultLocked:
            return
        self.count_label.setText(self.tr("%n entries in total", "", total))

    # -- list and selection ------------------------------------------------------------------
    def _list_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry_id = self.model.data(self.model.index(current.row(), 0), ID_ROLE)
        if entry_id:
            self.open_entry(str(entry_id))

    def _result_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry_id = current.data(HIT_ID_ROLE)
        if entry_id:
            self.open_entry(str(entry_id))

    def open_entry(self, entry_id: str) -> None:
        if self.current_entry_id() == entry_id:
            return
        try:
            entry = self.vault.entries.get(entry_id)
        except ReflectDeskError as exc:
            show_error(self, exc)
            return
        if entry.journal_id in self.received:
            self.show_reading(entry)
            return
        self.leave_reading()
        self.editor.open_entry(entry, self.received.get(entry.journal_id))
        self.editor_stack.setCurrentWidget(self.editor)

    # -- reading received work (issue 13; the view is gui/reading_view.py) -----------------
    def current_entry_id(self) -> str | None:
        """The entry on screen: in the editor, or in the reading view."""
        if self.editor.entry_id is not None:
            return self.editor.entry_id
        return self.reader.entry_id if self.reader is not None else None

    def reading_view(self) -> ReadingView:
        if self.reader is None:
            from reflectdesk.gui.reading_view import ReadingView

            reader = ReadingView(self.ctx, self.vault, self.catalog)
            reader.open_requested.connect(self._read_other)
            reader.list_toggled.connect(lambda shown: self.list_pane.setVisible(shown))
            self.editor_stack.addWidget(reader)
            self.reader = reader
        return self.reader

    def show_reading(self, entry: Entry) -> None:
        """A received entry in the reading view, full width (the list on request)."""
        self.editor.flush()
        self.editor.clear()
        reader = self.reading_view()
        reader.open_entry(entry, self.received.get(entry.journal_id, ""))
        self.editor_stack.setCurrentWidget(reader)
        focused = QApplication.focusWidget()
        had_focus = focused is not None and self.list_pane.isAncestorOf(focused)
        # Full width to read, unless the list is kept (Entry list) or the window has
        # just opened (the first entry is shown, the list must be seen).
        self.list_pane.setVisible(reader.list_button.isChecked() or self._first_load)
        if had_focus and not self.list_pane.isVisible():
            reader.text.setFocus()  # the list went away under the keyboard: read on

    def leave_reading(self) -> None:
        if self.reader is not None and self.reader.entry is not None:
            self.reader.clear()
        self.list_pane.setVisible(True)

    def _read_other(self, entry_id: str) -> None:
        self.open_entry(entry_id)
        self.select_entry(entry_id)

    def _review_changed(self, ids: set[str]) -> None:
        """A bundle or a write changed entries: the one on screen shows it."""
        reader = self.reader
        if reader is not None:
            reader.invalidate(ids)
        if reader is not None and reader.entry_id in ids and reader.entry_id is not None:
            try:
                entry = self.vault.entries.get(reader.entry_id)
            except ReflectDeskError:
                return
            reader.open_entry(entry, self.received.get(entry.journal_id, ""))
        elif self.editor.entry_id in ids:
            self.editor.refresh_feedback()

    def select_entry(self, entry_id: str) -> None:
        row = self.model.row_of(entry_id)
        if row >= 0:
            self.model.show_row(row)
            self.list.selectionModel().blockSignals(True)
            self.list.selectRow(row)
            self.list.selectionModel().blockSignals(False)
            self.list.scrollTo(self.model.index(row, 0))

    def focus_list(self) -> None:
        (self.results if self.list_stack.currentWidget() is self.results else self.list).setFocus()

    def focus_editor(self) -> None:
        if self.reader is not None and self.editor_stack.currentWidget() is self.reader:
            self.reader.text.setFocus()  # Ctrl+3 / Enter in the list: read on
            return
        if self.editor_stack.currentWidget() is not self.editor:
            return
        for field in self.editor.fields:
            if field.edit is not None:
                field.edit.setFocus()
                return
        self.editor.title.setFocus()

    def focus_search(self) -> None:
        self.search.focus_search()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search.field and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key == Qt.Key.Key_Down:
                self.focus_list()
                view = (
                    self.results if self.list_stack.currentWidget() is self.results else self.list
                )
                if not view.currentIndex().isValid() and view.model().rowCount():
                    view.setCurrentIndex(view.model().index(0, 0))
                return True
            if key == Qt.Key.Key_Escape:
                self.search.field.clear()
                self.search.flush()
                self.focus_list()
                return True
        return super().eventFilter(watched, event)

    # -- new entries and journals ---------------------------------------------------------
    def current_journal_id(self) -> str | None:
        journal_id = self.search.filters().journal_id
        if journal_id and journal_id not in self.received:
            return journal_id
        if self.editor.entry is not None and self.editor.entry.journal_id not in self.received:
            return self.editor.entry.journal_id
        journals = self.vault.journals.list(Space.OWN)
        return journals[0].id if journals else None

    def new_entry(self) -> None:
        from reflectdesk.gui.template_chooser import TemplateChooser

        chooser = TemplateChooser(
            self.catalog.summaries(self.ctx.language), self.template_to_offer(), self
        )
        chooser.accepted.connect(lambda: self.start_entry(chooser.selected_id() or "free"))
        chooser.finished.connect(chooser.deleteLater)
        self.dialogs["templates"] = chooser
        chooser.open()

    def template_to_offer(self) -> str:
        """The template the chooser starts on: the current journal's own, if it names one
        (issue 16.8), else the one used last."""
        journal_id = self.current_journal_id()
        if journal_id is not None:
            try:
                default = self.vault.journals.get(journal_id).default_template
            except ReflectDeskError:
                default = ""
            if default and self.catalog.template(default) is not None:
                return default
        return self._last_template

    def start_entry(self, template_id: str) -> None:
        """Open an empty entry of ``template_id``; it is created on the first save."""
        template = self.catalog.template(template_id)
        if template is None:
            return
        journal_id = self.current_journal_id()
        if journal_id is not None:
            self._open_new_entry(journal_id, template_id)
            return
        # No journal yet: make one on the writer thread (the GUI never waits on the
        # write lock, which an import may hold), then open the entry.
        title = self.tr("My practicum journal")
        vault = self.vault
        self.ctx.runner.submit(
            lambda _p, _c: vault.journals.create(title).id,
            on_result=lambda journal: self._open_new_entry(journal, template_id),
            on_error=lambda exc: report_error(self, exc),
            writer=True,
            name="create-journal",
            owner=self,
        )

    def _open_new_entry(self, journal_id: str, template_id: str) -> None:
        template = self.catalog.template(template_id)
        if template is None:
            return
        self._last_template = template_id
        self.list.selectionModel().blockSignals(True)
        self.list.clearSelection()
        self.list.selectionModel().blockSignals(False)
        self.editor.new_entry(journal_id, template)
        self.leave_reading()
        self.editor_stack.setCurrentWidget(self.editor)

    def new_journal(self) -> None:
        """Name, course or practicum, template for new entries (issue 16.8)."""
        from reflectdesk.gui.new_journal import NewJournalDialog

        own = self.vault.journals.list(Space.OWN)
        dialog = NewJournalDialog(
            self.catalog.summaries(self.ctx.language), [j.title for j in own], self
        )
        dialog.create_requested.connect(self._create_journal)
        dialog.finished.connect(dialog.deleteLater)
        self.dialogs["journal"] = dialog
        dialog.open()

    def _create_journal(self, title: str, course: str = "", template_id: str = "") -> None:
        if not title.strip():
            return
        vault = self.vault
        self.ctx.runner.submit(
            lambda _p, _c: vault.journals.create(title, course, template_id).id,
            on_result=self._journal_created,
            on_error=lambda exc: report_error(self, exc),
            writer=True,
            name="create-journal",
            owner=self,
        )

    def _journal_created(self, journal_id: str) -> None:
        """Show the new journal at once, selected (not after the change debounce)."""
        if self._closing:
            return
        self.populate()
        self.sidebar.select("journal", journal_id)
        self.sidebar.scrollTo(self.sidebar.currentIndex())

    # -- search and filters ------------------------------------------------------------------
    def _sidebar_filter(self, kind: str, value: str | None) -> None:
        self.main_stack.setCurrentWidget(self.work)
        if kind == "all":
            self.search.set_filter("journal", None)
        else:
            self.search.set_filter(kind, value)

    def _filters_changed(self, filters: SearchFilters) -> None:
        self.model.set_filters(filters)
        if self.search.text():
            self.run_search(self.search.text())

    def run_search(self, text: str) -> None:
        self._search_seq += 1
        seq = self._search_seq
        self.search.show_message("")
        if not text:
            self.list_stack.setCurrentWidget(self.list)
            self.results_model.set_hits([])
            return
        filters = self.search.filters()
        search = self.vault.search

        # Two answers, both on the worker: first the best among the newest entries (its
        # cost does not grow with the vault), then, in a large vault, the full ranking
        # replaces it. The GUI thread never waits for either (docs/benchmarks.md).
        def first(progress: ProgressSink, cancel: CancelToken) -> tuple[list[SearchHit], bool]:
            return search.query_first(text, filters, SEARCH_LIMIT)

        def full(progress: ProgressSink, cancel: CancelToken) -> list[SearchHit]:
            return search.query(text, filters, SEARCH_LIMIT)

        def first_shown(answer: tuple[list[SearchHit], bool]) -> None:
            hits, complete = answer
            self._show_hits(seq, hits)
            if complete or seq != self._search_seq or self._closing:
                return
            self.ctx.runner.submit(
                full,
                on_result=lambda hits: self._show_hits(seq, hits),
                on_error=lambda exc: self._search_failed(seq, exc),
                name="search",
                owner=self,
            )

        self.ctx.runner.submit(
            first,
            on_result=first_shown,
            on_error=lambda exc: self._search_failed(seq, exc),
            name="search",
            owner=self,
        )

    def _show_hits(self, seq: int, hits: list[SearchHit]) -> None:
        if seq != self._search_seq or self._closing:
            return
        self.results_model.set_hits(hits)
        self.list_stack.setCurrentWidget(self.results)
        if not hits:
            self.search.show_message(self.tr("No entries match."))
        else:
            self.search.show_message(self.tr("%n results", "", len(hits)))

    def _search_failed(self, seq: int, exc: BaseException) -> None:
        if seq != self._search_seq or self._closing or isinstance(exc, VaultLocked):
            return
        if isinstance(exc, InvalidQuery):
            message, hint = error_texts(exc)
            self.search.show_message(f"{message} {hint}")
            return
        show_error(self, exc)

    # -- changes from the vault ---------------------------------------------------------------
    def _on_changes(self, changes: Changes) -> None:
        if self._closing or changes.locked:
            return
        self._pending_changes |= set(changes.entries)
        self._journals_changed |= bool(changes.journals) or bool(changes.contacts)
        self._changes_timer.start()

    def _apply_changes(self) -> None:
        if self._closing or not self.vault.is_unlocked or self._changes_held:
            return
        ids, self._pending_changes = self._pending_changes, set()
        after_batch, self._after_batch = self._after_batch, False
        journals, self._journals_changed = self._journals_changed, False
        # Many at once (an import that moved a sender's entries into her course's
        # journal): one reload on a worker, not a read per entry on the GUI thread.
        reload = len(ids) > MANY_CHANGES
        for entry_id in () if reload else ids:
            if self.model.row_of(entry_id) < 0:
                reload = True
                continue
            try:
                self.model.update_summary(summary_of(self.vault.entries.get(entry_id)))
            except ReflectDeskError:
                reload = True
        if self.editor.entry_id in ids:  # an import moved its head, or forked it
            self.editor.refresh_from_vault()
        if reload:
            self.model.reload()  # the selection follows in _list_loaded
        if ids or journals:
            if after_batch:  # hundreds of contacts and journals: read on a worker
                self.populate_later()
            else:
                self.populate()
            self._update_count()
            self.refresh_pages()
            self.review.refresh(None if journals else ids)
        if ids and self.search.text():
            self.run_search(self.search.text())
        if ids:
            self._review_changed(ids)

    def _entry_saved(self, entry: Entry) -> None:
        if self.model.row_of(entry.id) < 0:
            self._pending_changes.add(entry.id)
            self._changes_timer.start()

    # -- dialogs -------------------------------------------------------------------------------
    def section_title(self, key: str) -> str:
        fixed = {
            "title": self.tr("Title"),
            "tags": self.tr("Tags"),
            "standards": self.tr("Standards"),
        }
        if key in fixed:
            return fixed[key]
        template = self.editor.template
        prompt = template.prompt(key) if template is not None else None
        return prompt.title.get(self.ctx.language) if prompt is not None else key

    def show_history(self) -> None:
        self.editor.flush()
        # The save just queued must be in the history: open it once the writes queued so
        # far are done (never waiting for them here: an import may be ahead of the save).
        self.ctx.runner.after_writes(self._open_history, owner=self)

    def _open_history(self) -> None:
        from reflectdesk.gui.history import HistoryDialog

        entry_id = self.editor.entry_id
        if entry_id is None or self._closing:
            return
        dialog = HistoryDialog(self.ctx, self.vault, entry_id, self.section_title, self)
        dialog.restored.connect(self._restored)
        dialog.finished.connect(dialog.deleteLater)
        self.dialogs["history"] = dialog
        dialog.open()

    def _restored(self, entry: Entry) -> None:
        if self.editor.entry_id == entry.id:
            self.editor.saver.detach()
            self.editor.open_entry(entry)

    def show_settings(self) -> None:
        from reflectdesk.gui.settings import SettingsDialog

        dialog = SettingsDialog(self.ctx, self.vault, self)
        dialog.autolock_changed.connect(self.autolock_changed)
        dialog.finished.connect(dialog.deleteLater)
        self.dialogs["settings"] = dialog
        dialog.open()

    def show_sync_page(self) -> None:
        from reflectdesk.gui.sync_page import SyncPage

        page = self.dialogs.get("sync")
        if page is None:
            page = SyncPage(self.vault, self.sync_status, self)
            self.dialogs["sync"] = page
        page.show()
        page.raise_()

    def show_about(self) -> None:
        from reflectdesk.gui.about import about_text

        # Not QMessageBox.about (a nested event loop): opened like the other dialogs.
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("About ReflectDesk"),
            about_text(),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("aboutBox")
        box.setIconPixmap(self.windowIcon().pixmap(64, 64))
        box.finished.connect(box.deleteLater)
        self.dialogs["about"] = box
        box.open()

    # -- sharing ---------------------------------------------------------------------------
    def page(self, key: str) -> QWidget:
        """The contacts, inbox, outbox or case-studies page (made the first time it is
        shown)."""
        page = self.pages.get(key)
        if page is None:
            if key == "case_studies":
                from reflectdesk.gui.case_workspace import CaseWorkspace

                page = CaseWorkspace(self.vault, self.ctx.runner)
            elif key == "contacts":
                from reflectdesk.gui.contacts_page import ContactsPage

                contacts = ContactsPage(self.vault, runner=self.ctx.runner)
                contacts.contacts_changed.connect(self.populate)
                contacts.open_dashboard.connect(lambda cid: self.review.show_dashboard(cid))
                page = contacts
            else:
                from reflectdesk.gui.bundle_log_page import BundleLogPage

                log_page = BundleLogPage(self.vault, "in" if key == "inbox" else "out")
                log_page.action_requested.connect(
                    self.choose_bundle if key == "inbox" else self.share_entries
                )
                page = log_page
            self.pages[key] = page
            # Its three columns need more than a 1024x600 screen gives in Spanish: they
            # scroll there, never clip (issue 16.1).
            self.main_stack.addWidget(scrolling(page) if key == "contacts" else page)
        return page

    def show_sharing(self, key: str) -> None:
        if key not in ("contacts", "inbox", "outbox", "case_studies"):
            return
        self.editor.flush()
        page = self.page(key)
        refresh = getattr(page, "refresh", None)
        if refresh is not None:
            refresh()
        self.main_stack.setCurrentWidget(stacked(page))
        if self.sidebar.currentIndex().data(Qt.ItemDataRole.UserRole + 2) != key:
            self.sidebar.blockSignals(True)
            self.sidebar.select("sharing", key)
            self.sidebar.blockSignals(False)

    def show_entries(self) -> None:
        self.main_stack.setCurrentWidget(self.work)

    def refresh_pages(self) -> None:
        for page in self.pages.values():
            refresh = getattr(page, "refresh", None)
            if refresh is not None:
                refresh()

    def selected_entry_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.list.selectionModel().selectedRows()})
        ids = [self.model.data(self.model.index(r, 0), ID_ROLE) for r in rows]
        return [str(i) for i in ids if i and self._is_own_entry(str(i))]

    def _is_own_entry(self, entry_id: str) -> bool:
        summary = next(
            (self.model.summary(r) for r in [self.model.row_of(entry_id)] if r >= 0),
            None,
        )
        return summary is None or summary.journal_id not in self.received

    def _list_menu(self, pos: QPoint) -> None:
        menu = QMenu(self.list)
        menu.setObjectName("entryMenu")
        menu.addAction(self.menu_actions.share_selected_action)
        menu.addAction(self.menu_actions.withdraw_action)
        self.menu_actions.share_selected_action.setEnabled(bool(self.selected_entry_ids()))
        self._update_withdraw_action()
        self.review.extend_entry_menu(menu)
        self.dialogs["entry-menu"] = menu
        menu.popup(self.list.viewport().mapToGlobal(pos))

    def share_selected(self) -> None:
        self.share_entries(self.selected_entry_ids())

    def share_entries(self, preselected: list[str] | None = None) -> None:
        self.editor.flush()
        # What is shared includes the save just queued (see show_history).
        self.ctx.runner.after_writes(lambda: self._open_export(preselected), owner=self)

    def _open_export(self, preselected: list[str] | None) -> None:
        from reflectdesk.gui.export_wizard import ExportWizard

        if self._closing:
            return
        if preselected is None or isinstance(preselected, bool):
            current = self.editor.entry_id
            preselected = [current] if current and self._is_own_entry(current) else []
        journal = self.search.filters().journal_id
        wizard = ExportWizard(
            self.ctx,
            self.vault,
            preselected,
            journal if journal not in self.received else None,
            self,
        )
        wizard.finished.connect(lambda _r: self.refresh_pages())
        wizard.finished.connect(wizard.deleteLater)
        self.dialogs["export"] = wizard
        wizard.open()

    def withdrawable_entry_ids(self) -> list[str]:
        """The selected own entries; with no selection, the own entry in the editor.
        Received entries are never included: only their author can withdraw consent."""
        if self.list.selectionModel().hasSelection():
            return self.selected_entry_ids()
        current = self.editor.entry_id
        own = bool(current) and not self.editor.read_only and self._is_own_entry(str(current))
        return [str(current)] if own else []

    def _update_withdraw_action(self) -> None:
        self.menu_actions.withdraw_action.setEnabled(bool(self.withdrawable_entry_ids()))

    def withdraw_consent(self) -> None:
        from reflectdesk.gui.withdraw_dialog import WithdrawDialog

        ids = self.withdrawable_entry_ids()
        if not ids:
            return
        dialog = WithdrawDialog(self.ctx, self.vault, ids, self)
        dialog.finished.connect(lambda _r: self.refresh_pages())  # the outbox shows it
        dialog.finished.connect(dialog.deleteLater)
        self.dialogs["withdraw"] = dialog
        dialog.open()

    def ask_bundle_path(self) -> str:
        filters = ";;".join(
            (
                self.tr("Bundles and contact cards (*.rdbundle *.rdcard)"),
                self.tr("Bundles (*.rdbundle)"),
                self.tr("Contact cards (*.rdcard)"),
                self.tr("All files (*)"),
            )
        )
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open"), str(Path.home()), filters)
        return path

    def choose_bundle(self) -> None:
        """File → Open: a bundle or a contact card (told apart by their content)."""
        path = self.ask_bundle_path()
        if path:
            self.open_file(Path(path))

    def open_bundle(self, path: Path) -> None:
        """The import preview for ``path`` (menu, drag and drop, or the command line)."""
        from reflectdesk.gui.import_dialog import ImportDialog

        self.editor.flush()
        dialog = ImportDialog(self.ctx, self.vault, Path(path), self)
        dialog.imported.connect(lambda _r: self._bundle_imported())
        dialog.show_received.connect(self._show_received)
        dialog.finished.connect(dialog.deleteLater)
        self.dialogs["import"] = dialog
        dialog.open()
        dialog.start()

    def open_file(self, path: Path) -> None:
        """A bundle or a card from File → Open, a drop or the command line, by content.

        Anything else gets a message saying what the file is not and what the app opens.
        """
        path = Path(path)
        try:
            kind = kind_of(path)
        except ReflectDeskError as exc:
            show_error(self, exc)
            return
        if kind is FileKind.CARD:
            self.show_sharing("contacts")
            page = self.page("contacts")
            # The page paints first; the card's check and its question come on the next
            # turn of the loop, so the window answers in between (a click does both).
            QTimer.singleShot(0, page, lambda: page.import_card_file(path))  # type: ignore[attr-defined]
        else:
            self.open_bundle(path)

    def _hold_changes(self, hold: bool) -> None:
        self._changes_held = hold
        if not hold:
            self._after_batch = True
            self._changes_timer.start()  # what the batch changed, once

    def _bundle_imported(self) -> None:
        self.populate()
        self.refresh_pages()
        self._update_count()
        self.review.refresh()

    def _show_received(self, journal_id: str) -> None:
        self.populate()
        if journal_id and journal_id in self.received:
            # What was open before is not among them: the first received entry opens.
            self.editor.flush()
            self.editor.clear()
            self.leave_reading()
            self.editor_stack.setCurrentWidget(self.placeholder)
            self._open_first_on_load = True
            self.sidebar.select("journal", journal_id)
            if self._open_first_on_load and not self.model.loading:
                self._list_loaded()  # the filter was already this journal: no reload
        self.show_entries()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        # Any local file: a renamed bundle still opens, anything else is told what it is not.
        if local_paths(event, ""):
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_paths(event, "")
        if not paths:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        folders = [p for p in paths if p.is_dir()]
        files = [p for p in paths if not p.is_dir()]
        bundles: list[Path] = []
        for path in files:
            try:
                kind = kind_of(path)
            except ReflectDeskError as exc:
                if len(files) == 1 and not folders:
                    show_error(self, exc)
                else:  # in a batch, the report names it
                    bundles.append(path)
                continue
            if kind is FileKind.CARD:
                self.show_sharing("contacts")
                self.page("contacts").import_card_file(path)  # type: ignore[attr-defined]
            else:
                bundles.append(path)
        if folders or len(bundles) > 1:  # many at once: the batch dialog (issue 14)
            self.open_batch([*folders, *bundles])
        elif bundles:
            self.open_bundle(bundles[0])

    def open_batch(self, paths: list[Path]) -> None:
        """Many bundles, or folders of them, each imported on its own with a report."""
        from reflectdesk.gui.batch_import import BatchImportDialog

        self.editor.flush()
        dialog = BatchImportDialog(self.ctx, self.vault, paths, self)
        dialog.running.connect(self._hold_changes)
        dialog.finished.connect(lambda _r: self._hold_changes(False))
        dialog.finished.connect(dialog.deleteLater)
        self.dialogs["batch-import"] = dialog
        dialog.open()
        dialog.start()

    def _toggle_preview(self, checked: bool) -> None:
        self.editor.set_preview_visible(checked)

    # -- closing and locking ------------------------------------------------------------------
    def prepare_to_close(self) -> None:
        """Queue the pending save, then wipe what is on screen (lock or quit)."""
        if self._closing:
            return
        self._closing = True
        self.sync_status.pause()
        self._unsubscribe()
        self.editor.flush()
        self.editor.clear()
        if self.reader is not None:
            self.reader.clear()
        self.results_model.set_hits([])
        self.model.clear()
        for dialog in list(self.dialogs.values()):
            with contextlib.suppress(RuntimeError):  # already deleted
                dialog.close()
        self.dialogs.clear()

    def _share_splitters(self) -> None:
        # Proportions, not pixels: the list keeps room for its titles at 1024 wide.
        _sidebar, rest = share(self.splitter, self.width(), (0.17, 0.83), (170, 600))
        share(self.work, rest, (0.38, 0.62), (300, 380))

    def save_geometry(self) -> None:
        self.list_pane.setVisible(True)  # hidden while reading: not a size to remember
        layouts = save_layout(self.ctx.prefs.window_layouts, self, (self.splitter, self.work))
        try:
            self.ctx.update_prefs(window_layouts=layouts)
        except ReflectDeskError:
            log.warning("window geometry not saved")

    def restore_geometry(self) -> None:
        """This screen's layout if one was saved on it, else the window fitted to it."""
        restored = restore_layout(self.ctx.prefs.window_layouts, self, (self.splitter, self.work))
        self._share_on_show = not restored
        if not restored:
            fit_to_screen(self, QSize(1280, 800))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._share_on_show:
            self._share_on_show = False
            QTimer.singleShot(0, self._share_splitters)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_geometry()
        self.prepare_to_close()
        # A pending save completes before the window goes away.
        self.ctx.runner.wait_for_writes(30_000)
        super().closeEvent(event)
        self.closed.emit()
