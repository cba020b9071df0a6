"""The reading view for received work: an entry rendered like a document (title, date,
template, each prompt as a heading with the answer, tags, standards with their titles,
attachments), a comfortable line length, the comments in a margin beside their text,
what changed since you last read it, next / previous through the same student's
entries, and the sign-off panel under the text.

Section texts are laid into one ``QTextDocument`` as they were written (no Markdown
rendering), so a selection maps back to a section and its offsets exactly: Qt positions
are UTF-16 units, the core's offsets code points, converted here with
``review.anchor.to_utf16`` / ``from_utf16``."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QImage,
    QKeySequence,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextImageFormat,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.domain.model import Entry, SearchFilters
from reflectdesk.errors import ReflectDeskError
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.catalog import Catalog
from reflectdesk.gui.conflict_view import ConflictBanner, ConflictDialog
from reflectdesk.gui.dialogs import show_error
from reflectdesk.gui.reading_document import (
    LINE_CHARS,
    MAX_IMAGE_BYTES,
    DocumentText,
    Section,
    build_document,
    changed_ranges,
    removed_at,
)
from reflectdesk.gui.review_margin import (
    CommentDialog,
    NewComment,
    ReviewMargin,
    ReviewWrites,
)
from reflectdesk.gui.signoff_panel import SignOffPanel
from reflectdesk.gui.theme import accents
from reflectdesk.progress import CancelToken, ProgressSink
from reflectdesk.services.review import from_utf16, to_utf16
from reflectdesk.services.review_marks import ReadState
from reflectdesk.templates.model import Template

if TYPE_CHECKING:
    from reflectdesk.services.review_read import EntryReviewState, ThreadView
    from reflectdesk.services.vault import Vault

log = logging.getLogger(__name__)

READ_AHEAD_MS = 150  # after the first paint: the reader reads for seconds anyway
AHEAD_MAX = 60  # entries of the student whose review is read ahead


class ReadingView(QWidget):
    """A received entry to read, comment on and sign off."""

    open_requested = Signal(str)  # next / previous: the main window opens it
    list_toggled = Signal(bool)  # show or hide the entry list (full width reading)
    changed = Signal(str)  # the entry's review changed here (a comment, a sign-off)

    def __init__(
        self, ctx: AppContext, vault: Vault, catalog: Catalog, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("readingView")
        self.ctx = ctx
        self.vault = vault
        self.catalog = catalog
        self.entry: Entry | None = None
        self.author_name = ""
        self.state: EntryReviewState | None = None
        self.read_state = ReadState.READ
        self.read_seq: int | None = None  # the version last read, when updated since
        self.read_revision: str | None = None
        self.sections: list[Section] = []
        self.siblings: list[str] = []
        self.changes: list[tuple[int, int]] = []  # document positions (UTF-16)
        self.removals: list[tuple[int, int]] = []  # the character where words went
        self._image_seq = 0
        self._doc: QTextDocument | None = None  # the document made for the entry shown
        self._building = False  # one layout pass per open, not one per change
        self._ranges: dict[str, tuple[int, int] | None] = {}
        # The review of the entries next to this one, read ahead on a worker; dropped
        # for an entry when it changes (``invalidate``) and on clear (lock).
        self._cache: dict[tuple[str, str], EntryReviewState] = {}
        self._generation: dict[str, int] = {}
        self._siblings: dict[str, list[str]] = {}  # journal -> its entries, oldest first
        self._heads: dict[str, int] = {}  # entry -> its current version (from the list)
        self._ahead: list[str] = []  # entries whose review is still to read ahead
        self._ahead_round = 0
        self._ahead_timer = QTimer(self)
        self._ahead_timer.setSingleShot(True)
        self._ahead_timer.setInterval(READ_AHEAD_MS)
        self._ahead_timer.timeout.connect(self._read_ahead)

        self.comment_action = QAction(self)
        self.comment_action.setObjectName("commentAction")
        self.comment_action.setShortcut(QKeySequence("Ctrl+Alt+M"))
        self.comment_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.comment_action.triggered.connect(self.comment_on_selection)
        self.addAction(self.comment_action)

        # -- the bar above the document ----------------------------------------------------
        self.list_button = QPushButton()
        self.list_button.setObjectName("toggleEntryList")
        self.list_button.setCheckable(True)
        self.list_button.toggled.connect(self.list_toggled)
        self.prev_button = QPushButton()
        self.prev_button.setObjectName("previousEntry")
        self.prev_button.clicked.connect(lambda: self.go(-1))
        self.next_button = QPushButton()
        self.next_button.setObjectName("nextEntry")
        self.next_button.clicked.connect(lambda: self.go(1))
        self.position = QLabel()
        self.position.setObjectName("readingPosition")
        self.position.setWordWrap(True)  # never wider than the window
        self.comment_button = QPushButton()
        self.comment_button.setObjectName("commentButton")
        self.comment_button.clicked.connect(self.comment_on_selection)
        bar = QHBoxLayout()
        bar.addWidget(self.list_button)
        bar.addWidget(self.prev_button)
        bar.addWidget(self.position, 1)
        bar.addWidget(self.next_button)
        bar.addSpacing(12)
        bar.addWidget(self.comment_button)
        self.read_banner = QLabel()
        self.read_banner.setObjectName("readStateBanner")
        self.read_banner.setWordWrap(True)
        self.read_banner.setMargin(6)
        self.changes_button = QPushButton()
        self.changes_button.setObjectName("showChanges")
        self.changes_button.clicked.connect(self.show_changes)
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.read_banner, 1)
        banner_row.addWidget(self.changes_button, 0, Qt.AlignmentFlag.AlignVCenter)
        # Versions her author has not merged (two computers): shown side by side on request.
        self.conflict_banner = ConflictBanner()
        self.conflict_banner.open_requested.connect(self.show_conflict)
        self.conflict_dialog: ConflictDialog | None = None

        # -- the page: the document with its margin, the sign-off panel under it -----------
        self.text = DocumentText(self.comment_action)
        self.text.document().documentLayout().documentSizeChanged.connect(
            lambda _s: self._layout_changed()
        )
        self.text.selectionChanged.connect(self._selection_changed)
        self.margin = ReviewMargin()
        self.writes = ReviewWrites(ctx.runner, vault, self)
        self.writes.written.connect(lambda _r: self._written())
        self.margin.reply_requested.connect(self.reply_to)
        self.margin.resolve_requested.connect(self.writes.resolve)
        self.margin.thread_activated.connect(self.select_thread)
        self.signoff = SignOffPanel(ctx.runner, vault, catalog.taxonomy(), ctx.language)
        self.signoff.signed.connect(lambda _r: self._written())
        column = QWidget()
        column.setObjectName("readingColumn")
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.addWidget(self.text)
        self.rule = QFrame()
        self.rule.setFrameShape(QFrame.Shape.HLine)
        column_layout.addSpacing(12)
        column_layout.addWidget(self.rule)
        column_layout.addWidget(self.signoff)
        column_layout.addStretch(1)
        self.column = column
        page = QWidget()
        page.setObjectName("readingPage")
        page_layout = QHBoxLayout(page)
        page_layout.setContentsMargins(12, 12, 12, 24)
        page_layout.addStretch(1)
        page_layout.addWidget(column, 100, Qt.AlignmentFlag.AlignTop)  # up to its maximum
        page_layout.addWidget(self.margin, 0, Qt.AlignmentFlag.AlignTop)
        page_layout.addStretch(1)
        self.page = page
        self.scroller = QScrollArea()
        self.scroller.setObjectName("readingScroll")
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidget(page)
        self.scroller.verticalScrollBar().valueChanged.connect(
            lambda _v: self.margin.reveal(self._visible_bottom())
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addLayout(banner_row)
        layout.addWidget(self.conflict_banner)
        layout.addWidget(self.scroller, 1)
        self._set_column_width()
        self.retranslate_ui()

    # -- opening --------------------------------------------------------------------------
    @property
    def entry_id(self) -> str | None:
        return self.entry.id if self.entry is not None else None

    @property
    def lang(self) -> str:
        return self.ctx.language

    def open_entry(self, entry: Entry, author_name: str) -> None:
        """Show ``entry`` (received from ``author_name``) and mark it read."""
        same = self.entry is not None and self.entry.id == entry.id
        moved = not same or self.entry is None or self.entry.head.id != entry.head.id
        self.entry = entry
        self.author_name = author_name
        if moved:  # another entry, or a newer version of this one arrived
            mark = self.vault.review.read_mark(entry.id)
            if mark is None:
                self.read_state, self.read_seq, self.read_revision = ReadState.NEW, None, None
            elif mark.seq < entry.head.seq:
                self.read_state = ReadState.UPDATED
                self.read_seq, self.read_revision = mark.seq, mark.revision_id
            else:
                self.read_state, self.read_seq, self.read_revision = ReadState.READ, None, None
        if not same:
            siblings = self._siblings.get(entry.journal_id)
            if siblings is None or entry.id not in siblings:
                siblings = self._load_siblings(entry.journal_id)
            self.siblings = siblings
            self.scroller.verticalScrollBar().setValue(0)
        self._building = True
        try:
            self._build_document(entry)
            self.reload_review(fresh=False)
            self._update_bar()
            self.conflict_banner.show_for(self.vault.entries.has_conflict(entry.id), own=False)
        finally:
            self._building = False
        self._layout_changed()
        self._load_images(entry)
        # The neighbours' review is read once this one is painted, not while it paints.
        self._ahead_timer.start()
        known = self.vault.review.read_mark(entry.id)
        if known is None or known.revision_id != entry.head.id:
            vault, entry_id = self.vault, entry.id
            self.ctx.runner.submit(
                lambda _p, _c: vault.review.mark_read(entry_id),
                on_error=lambda exc: log.info("read mark not saved: %s", type(exc).__name__),
                writer=True,
                name="write:read-mark",
                owner=self,
            )

    def _written(self) -> None:
        if self.entry is not None:
            self.invalidate({self.entry.id})
        self.reload_review()

    # -- reading ahead: next / previous open without waiting for the vault -------------
    def invalidate(self, entry_ids: set[str]) -> None:
        """These entries changed (a bundle, a write): their review is read again."""
        for key in [k for k in self._cache if k[0] in entry_ids]:
            del self._cache[key]
        for entry_id in entry_ids:
            self._generation[entry_id] = self._generation.get(entry_id, 0) + 1
        if entry_ids:
            self._siblings.clear()  # an entry may have arrived or moved in the order
            self._heads.clear()
            entry = self.entry
            if entry is not None and not self._building:
                # Another of her entries changed: the counts in the bar follow.
                self.siblings = self._load_siblings(entry.journal_id)
                self._update_bar()

    def _read_ahead(self) -> None:
        """The review of the student's other entries, one at a time on a read worker:
        the next and previous first, then outwards, so a click on any of them opens
        without reading the vault. Restarted at every open; stops at ``AHEAD_MAX``."""
        entry = self.entry
        if entry is None or entry.id not in self.siblings:
            return
        at = self.siblings.index(entry.id)
        order = sorted(
            (i for i in range(len(self.siblings)) if i != at), key=lambda i: (abs(i - at), i)
        )
        lang = self.lang
        self._ahead = [
            self.siblings[i]
            for i in order[:AHEAD_MAX]
            if (self.siblings[i], lang) not in self._cache
        ]
        self._ahead_round += 1
        self._read_next_ahead(self._ahead_round)

    def read_ahead_journal(self, journal_id: str) -> None:
        """A student's entries are listed (her journal chosen under Received): read
        their review ahead before any is clicked, oldest first."""
        if self.entry is not None and self.entry.journal_id == journal_id:
            return  # one of hers is open: its own read-ahead (nearest first) runs
        lang = self.lang
        siblings = self._load_siblings(journal_id)
        self._ahead = [e for e in siblings[:AHEAD_MAX] if (e, lang) not in self._cache]
        self._ahead_round += 1
        self._read_next_ahead(self._ahead_round)

    def _read_next_ahead(self, round_: int) -> None:
        if round_ != self._ahead_round or not self._ahead:
            return
        other = self._ahead.pop(0)
        vault, lang = self.vault, self.lang
        generation = self._generation.get(other, 0)

        def job(_p: ProgressSink, _c: CancelToken) -> EntryReviewState:
            return vault.review.state(other, lang)

        def keep(state: EntryReviewState) -> None:
            if self._generation.get(other, 0) == generation:
                self._cache[(other, lang)] = state
            self._read_next_ahead(round_)

        self.ctx.runner.submit(
            job,
            on_result=keep,
            on_error=lambda _e: self._read_next_ahead(round_),
            name="read-ahead",
            owner=self,
        )

    def clear(self) -> None:
        """Nothing of the entry stays on screen (lock, another entry in the editor)."""
        self.entry = None
        self.state = None
        self._ranges = {}
        self._cache.clear()
        self._ahead = []
        self._ahead_round += 1
        self.invalidate(set(self._generation))
        self.sections = []
        self.changes = []
        self.removals = []
        self.text.clear()
        self.text.document().clear()
        self.margin.set_threads([], lambda k: k)
        self.signoff.clear()
        self.conflict_banner.hide()

    def show_conflict(self) -> None:
        """The versions her author has not merged, side by side, read-only (only the
        author merges them)."""
        entry = self.entry
        if entry is None:
            return
        dialog = ConflictDialog(
            self.ctx, self.vault, entry.id, self.section_title, self, self.author_name or None
        )
        dialog.finished.connect(dialog.deleteLater)
        self.conflict_dialog = dialog
        dialog.open()

    def section_title(self, key: str) -> str:
        template = self._template()
        prompt = template.prompt(key) if template is not None else None
        return prompt.title.get(self.lang) if prompt is not None else key

    def _template(self) -> Template | None:
        if self.entry is None:
            return None
        c = self.entry.content
        return self.catalog.template(c.template_id, c.template_version) or self.catalog.template(
            c.template_id
        )

    def _build_document(self, entry: Entry) -> None:
        doc, self.sections = build_document(
            self.text, entry, self.author_name, self._template(), self.catalog.taxonomy(),
            self.lang, self.font(),
        )  # fmt: skip
        previous, self._doc = self._doc, doc
        self.text.setDocument(doc)
        if previous is not None:  # one document at a time: the previous entry's goes
            previous.deleteLater()
        doc.documentLayout().documentSizeChanged.connect(lambda _s: self._layout_changed())
        self.removals = []
        self.changes = self._changes_since_read(entry)

    def _changes_since_read(self, entry: Entry) -> list[tuple[int, int]]:
        if self.read_state is not ReadState.UPDATED or self.read_revision is None:
            return []
        try:
            old = self.vault.entries.revision(entry.id, self.read_revision).content
        except ReflectDeskError:
            return []
        out: list[tuple[int, int]] = []
        for section in self.sections:
            before = old.sections.get(section.key, "")
            for at in removed_at(before, section.text):
                position = section.start + to_utf16(section.text, at)
                self.removals.append((position, position + 1))
            for s, e in changed_ranges(before, section.text):
                out.append(
                    (
                        section.start + to_utf16(section.text, s),
                        section.start + to_utf16(section.text, e),
                    )
                )
        return out

    def _load_images(self, entry: Entry) -> None:
        images = [
            a
            for a in entry.attachments
            if a.media_type.startswith("image/") and a.size <= MAX_IMAGE_BYTES
        ]
        if not images:
            return
        self._image_seq += 1
        seq = self._image_seq
        vault = self.vault

        def job(_p: ProgressSink, _c: CancelToken) -> list[tuple[str, bytes]]:
            out = []
            for att in images:
                try:
                    out.append((att.id, vault.entries.attachment_bytes(att.id)))
                except ReflectDeskError:
                    log.info("image %s unavailable", att.id)
            return out

        def show(found: list[tuple[str, bytes]]) -> None:
            if seq != self._image_seq or self.entry is None or self.entry.id != entry.id:
                return
            doc = self.text.document()
            cursor = QTextCursor(doc)
            cursor.movePosition(QTextCursor.MoveOperation.End)
            width = max(100, self.text.viewport().width() - 48)
            for att_id, data in found:
                image = QImage.fromData(data)
                if image.isNull():
                    continue
                name = f"att:{att_id}"
                doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
                fmt = QTextImageFormat()
                fmt.setName(name)
                if image.width() > width:
                    fmt.setWidth(width)
                    fmt.setHeight(image.height() * width / image.width())
                cursor.insertBlock()
                cursor.insertImage(fmt)
            self.text.fit_height()

        self.ctx.runner.submit(job, on_result=show, name="reading-images", owner=self)

    # -- the review -------------------------------------------------------------------------
    def reload_review(self, fresh: bool = True) -> None:
        """The entry's comments and sign-offs; ``fresh=False`` takes the state read
        ahead for next / previous when it is still current."""
        entry = self.entry
        if entry is None:
            return
        cached = None if fresh else self._cache.get((entry.id, self.lang))
        if cached is not None and cached.head_seq == entry.head.seq:
            self.state = cached
        else:
            try:
                self.state = self.vault.review.state(entry.id, self.lang)
            except ReflectDeskError as exc:
                show_error(self, exc)
                return
            self._cache[(entry.id, self.lang)] = self.state
        self._ranges = {t.id: self._range_of(t) for t in self.state.threads}
        self.margin.set_threads(self.state.threads, self.section_title, placed=True)
        self.signoff.lang = self.lang
        self.signoff.show_entry(
            entry.id, entry.content.standards, self.state.sign_offs, can_sign=True
        )
        self._set_column_width()  # the sign-off form's rows are known now
        self._highlight()
        if not self._building:
            self._place_margin()
        self.changed.emit(entry.id)

    def _section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    def thread_range(self, thread_id: str) -> tuple[int, int] | None:
        """Document positions (UTF-16) of a thread's quote in the current version."""
        return self._ranges.get(thread_id)

    def _range_of(self, thread: ThreadView) -> tuple[int, int] | None:
        if thread.start is None or thread.end is None:
            return None
        section = self._section(thread.section)
        if section is None:
            return None
        return (
            section.start + to_utf16(section.text, thread.start),
            section.start + to_utf16(section.text, thread.end),
        )

    def _highlight(self) -> None:
        a = accents()
        selections: list[QTextEdit.ExtraSelection] = []
        doc = self.text.document()

        def add(start: int, end: int, colour: str, underline: bool = False) -> None:
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(doc)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(colour))
            if underline:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
            sel.format = fmt
            selections.append(sel)

        for start, end in self.changes:
            add(start, end, a.added_bg)
        for start, end in self.removals:
            add(start, end, a.removed_bg)
        if self.state is not None:
            for thread in self.state.threads:
                found = self.thread_range(thread.id)
                if found is not None and not thread.resolved:
                    add(found[0], found[1], a.hint_bg, underline=True)
        self.text.setExtraSelections(selections)

    def _layout_changed(self) -> None:
        if self._building:
            return
        self.text.fit_height()
        self._place_margin()

    def _place_margin(self) -> None:
        if self.state is None:
            return
        positions: dict[str, int] = {}
        offset = (
            self.text.mapTo(self.page, QPoint(0, 0)).y()
            - self.margin.mapTo(self.page, QPoint(0, 0)).y()
        )
        for thread in self.state.threads:
            found = self.thread_range(thread.id)
            if found is not None:
                cursor = QTextCursor(self.text.document())
                cursor.setPosition(found[0])
                y = self.text.cursorRect(cursor).top()
            else:  # on an earlier version: beside its section's heading, or the top
                section = self._section(thread.section)
                cursor = QTextCursor(self.text.document())
                cursor.setPosition(max(0, section.start - 1) if section else 0)
                y = self.text.cursorRect(cursor).top()
            positions[thread.id] = max(0, y + offset)
        self.margin.place(positions, self.text.height(), self._visible_bottom())

    def _visible_bottom(self) -> int:
        """How far down the margin is on screen (and a little more)."""
        bar = self.scroller.verticalScrollBar()
        top = self.margin.mapTo(self.page, QPoint(0, 0)).y()
        return bar.value() + self.scroller.viewport().height() - top + 200

    def _set_column_width(self) -> None:
        metrics = self.fontMetrics()
        width = int(metrics.averageCharWidth() * 1.1 * LINE_CHARS) + 40
        self.column.setMaximumWidth(width)
        # Never narrower than what it holds (the sign-off form in a long language):
        # the page scrolls sideways instead of clipping it (issue 16.1).
        self.column.setMinimumWidth(0)
        content = self.column.minimumSizeHint().width()
        self.column.setMinimumWidth(max(min(width, 320), content))

    # -- commenting ---------------------------------------------------------------------------
    def selected_passage(self) -> NewComment | None:
        """The selection as a section key and code-point offsets, or None when it is
        empty or not inside one section's text."""
        if self.entry is None:
            return None
        cursor = self.text.textCursor()
        if not cursor.hasSelection():
            return None
        a, b = cursor.selectionStart(), cursor.selectionEnd()
        for section in self.sections:
            if section.start <= a and b <= section.end:
                text = section.text
                start = from_utf16(text, a - section.start)
                end = from_utf16(text, b - section.start)
                while start < end and text[start].isspace():
                    start += 1
                while end > start and text[end - 1].isspace():
                    end -= 1
                if end <= start:
                    return None
                return NewComment(self.entry.id, section.key, start, end, text[start:end])
        return None

    def _selection_changed(self) -> None:
        enabled = self.selected_passage() is not None
        self.comment_action.setEnabled(enabled)
        self.comment_button.setEnabled(enabled)

    def comment_on_selection(self) -> None:
        where = self.selected_passage()
        if where is None:
            return
        dialog = CommentDialog(where.quote, False, self)
        dialog.accepted.connect(lambda: self.writes.comment(where, dialog.text()))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def reply_to(self, thread_id: str) -> None:
        dialog = CommentDialog("", True, self)
        dialog.accepted.connect(lambda: self.writes.reply(thread_id, dialog.text()))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def select_thread(self, thread_id: str) -> None:
        found = self.thread_range(thread_id)
        if found is None:
            return
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(found[0])
        cursor.setPosition(found[1], QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        rect = self.text.cursorRect(cursor)
        top = self.text.mapTo(self.page, rect.topLeft())
        self.scroller.ensureVisible(top.x(), top.y(), 0, 80)

    # -- navigation, the changes ------------------------------------------------------------
    def go(self, step: int) -> None:
        if self.entry is None or self.entry.id not in self.siblings:
            return
        at = self.siblings.index(self.entry.id) + step
        if 0 <= at < len(self.siblings):
            self.open_requested.emit(self.siblings[at])

    def show_changes(self) -> None:
        """The full diff from the version last read to the current one (the history)."""
        from reflectdesk.gui.history import HistoryDialog

        if self.entry is None:
            return
        dialog = HistoryDialog(self.ctx, self.vault, self.entry.id, self.section_title, self)
        dialog.restore_button.hide()  # someone else's entry: read only
        if self.read_revision is not None:
            revisions = dialog.model_.revisions()
            rows = [i for i, r in enumerate(revisions) if r.id == self.read_revision]
            if rows:
                dialog.compare.setCurrentIndex(rows[0])
        dialog.finished.connect(dialog.deleteLater)
        self.history = dialog
        dialog.open()

    def _update_bar(self) -> None:
        entry = self.entry
        if entry is None:
            return
        index = self.siblings.index(entry.id) if entry.id in self.siblings else -1
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(0 <= index < len(self.siblings) - 1)
        if index >= 0:
            text = (
                self.tr("Entry %1 of %2 from %3")
                .replace("%1", str(index + 1))
                .replace("%2", str(len(self.siblings)))
                .replace("%3", self.author_name)
            )
            new, updated = self.unread_others()
            if new or updated:
                text += " · " + self.tr("not read yet: %1, updated since: %2").replace(
                    "%1", str(new)
                ).replace("%2", str(updated))
            self.position.setText(text)
        else:
            self.position.setText(self.tr("From %1").replace("%1", self.author_name))
        a = accents()
        if self.read_state is ReadState.NEW:
            text = self.tr("New: you had not read this entry before.")
        elif self.read_state is ReadState.UPDATED:
            text = (
                self.tr(
                    "Updated since you last read it (version %1, now %2): what changed is "
                    "highlighted."
                )
                .replace("%1", str(self.read_seq))
                .replace("%2", str(entry.head.seq))
            )
        else:
            text = ""
        self.read_banner.setText(text)
        self.read_banner.setVisible(bool(text))
        self.read_banner.setStyleSheet(
            f"#readStateBanner {{ background: {a.hint_bg}; border: 1px solid "
            f"{a.hint_border}; border-radius: 6px; }}"
        )
        self.changes_button.setVisible(self.read_state is ReadState.UPDATED)
        self._selection_changed()

    def _load_siblings(self, journal_id: str) -> list[str]:
        """The student's entries, oldest first, and their current versions."""
        summaries = self.vault.entries.list(SearchFilters(journal_id=journal_id), "date", False)
        siblings = [s.id for s in summaries]
        self._siblings[journal_id] = siblings
        self._heads.update((s.id, s.revision_count) for s in summaries)
        return siblings

    def unread_others(self) -> tuple[int, int]:
        """How many of the student's other entries are new to you, and how many were
        updated since you last read them (your read marks, kept in the vault)."""
        new = updated = 0
        review = self.vault.review
        for other in self.siblings:
            if self.entry is not None and other == self.entry.id:
                continue
            state = review.read_state(other, self._heads.get(other, 1))
            new += state is ReadState.NEW
            updated += state is ReadState.UPDATED
        return new, updated

    def retranslate_ui(self) -> None:
        self.list_button.setText(self.tr("Entry &list"))
        self.list_button.setAccessibleName(self.tr("Keep the entry list while reading"))
        self.prev_button.setText(self.tr("◀ &Previous"))
        self.prev_button.setAccessibleName(self.tr("Previous entry"))
        self.next_button.setText(self.tr("&Next ▶"))
        self.next_button.setAccessibleName(self.tr("Next entry"))
        self.comment_button.setText(self.tr("Co&mment"))
        self.comment_button.setAccessibleName(self.tr("Comment on the selected text"))
        self.comment_button.setToolTip(self.tr("Select text in a section, then Ctrl+Alt+M"))
        self.comment_action.setText(self.tr("Comment…"))
        self.changes_button.setText(self.tr("Show all &changes…"))
        self.changes_button.setAccessibleName(self.tr("Show all changes since you last read"))
        self.text.setAccessibleName(self.tr("Entry text"))
        self.scroller.setAccessibleName(self.tr("Reading view"))
        if self.entry is not None:
            self.open_entry(self.entry, self.author_name)  # headings in the new language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() == QEvent.Type.PaletteChange and self.entry is not None:
            self.open_entry(self.entry, self.author_name)  # colours of the theme
        super().changeEvent(event)
