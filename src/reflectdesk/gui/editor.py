"""The entry editor: header (title, date, tags, standards), one guided field per prompt,
attachments, a live preview, autosave and the descriptive-language hint."""

from __future__ import annotations

import itertools
import logging
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QDate,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.domain.model import Entry, EntryContent
from reflectdesk.errors import ReflectDeskError
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.attachments import AttachmentsPanel, is_image
from reflectdesk.gui.autosave import AutoSaver, EntryRef, SaveState
from reflectdesk.gui.catalog import Catalog
from reflectdesk.gui.conflict_view import ConflictBanner, ConflictDialog
from reflectdesk.gui.dates import MEDIUM_DATE
from reflectdesk.gui.dialogs import show_error
from reflectdesk.gui.feedback_panel import FeedbackPanel
from reflectdesk.gui.preview import PreviewAttachment, PreviewBrowser, Section, preview_html
from reflectdesk.gui.prompt_fields import PromptField
from reflectdesk.gui.standard_labels import ElidedLabel, StandardLabels
from reflectdesk.gui.theme import accents
from reflectdesk.services.review import to_utf16
from reflectdesk.templates.model import LocalizedText, Prompt, Template

if TYPE_CHECKING:
    from reflectdesk.services.vault import Vault

log = logging.getLogger(__name__)

PREVIEW_DELAY_MS = 300


def fallback_template(content: EntryContent) -> Template:
    """When the template an entry names is gone: its sections under their keys."""
    keys = list(content.sections) or ["body"]
    return Template(
        id=content.template_id,
        version=content.template_version,
        name=LocalizedText(content.template_id, content.template_id),
        description=LocalizedText("", ""),
        prompts=tuple(Prompt(k, LocalizedText(k, k), LocalizedText("", "")) for k in keys),
    )


class CurrentPageStack(QStackedWidget):
    """A stack as tall as the page shown, not as its tallest page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(self._resize_pages)

    def _resize_pages(self, current: int) -> None:
        ignored, preferred = QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred
        for i in range(self.count()):
            page = self.widget(i)
            if page is not None:
                shown = i == current
                page.setSizePolicy(preferred, preferred if shown else ignored)
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()


@dataclass(slots=True)
class _Page:
    widget: QWidget
    fields: list[PromptField]


class TagCompleter(QCompleter):
    """Completes the tag after the last comma."""

    def splitPath(self, path: str) -> list[str]:
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        widget = self.widget()
        text = widget.text() if isinstance(widget, QLineEdit) else ""
        head = [t.strip() for t in text.split(",")[:-1] if t.strip()]
        return ", ".join([*head, str(index.data())]) + ", "


def parse_tags(text: str) -> tuple[str, ...]:
    return tuple(t.strip() for t in text.split(",") if t.strip())


class HintBanner(QFrame):
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hintBanner")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.dismiss = QPushButton()
        self.dismiss.setObjectName("dismissHint")
        self.dismiss.clicked.connect(self.dismissed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.dismiss, 0, Qt.AlignmentFlag.AlignTop)
        self.words: list[str] = []
        self.restyle()
        self.retranslate_ui()

    def restyle(self) -> None:
        a = accents()
        self.setStyleSheet(
            f"#hintBanner {{ background: {a.hint_bg}; border: 1px solid {a.hint_border};"
            " border-radius: 6px; }"
        )

    def set_words(self, words: list[str]) -> None:
        self.words = words
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        shown = ", ".join(f"“{w}”" for w in self.words[:4])
        self.text.setText(
            self.tr(
                "Observation notes work best when they describe only what was seen and heard. "
                "Some words may read as judgements (underlined): %1. Could you describe what "
                "happened instead?"
            ).replace("%1", shown)
        )
        self.dismiss.setText(self.tr("Dismiss"))
        self.dismiss.setAccessibleName(self.tr("Dismiss the hint"))


class EntryEditor(QWidget):
    saved = Signal(object)  # Entry
    state_changed = Signal(str)
    history_requested = Signal()

    def __init__(
        self, ctx: AppContext, vault: Vault, catalog: Catalog, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("entryEditor")
        self.ctx = ctx
        self.vault = vault
        self.catalog = catalog
        self.template: Template | None = None
        self.fields: list[PromptField] = []
        self.entry: Entry | None = None
        self.standards: tuple[str, ...] = ()
        self.template_key: tuple[object, ...] | None = None
        self._loading = False
        self._hints_dismissed = False

        self.title = QLineEdit()
        self.title.setObjectName("entryTitle")
        self.title.setMaxLength(500)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.title.setFont(font)
        self.date = QDateEdit()
        self.date.setObjectName("entryDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(MEDIUM_DATE)  # "2 dic 2026", as everywhere (issue 16.7)
        self.template_name = QLabel()
        self.template_name.setObjectName("templateName")
        self.template_name.setWordWrap(True)
        self.tags = QLineEdit()
        self.tags.setObjectName("entryTags")
        self.tag_model = QStringListModel(self)
        completer = TagCompleter(self.tag_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags.setCompleter(completer)
        # Each chosen standard with its title, elided to the width (issue 16.8).
        self.standards_label = StandardLabels()
        self.standards_button = QPushButton()
        self.standards_button.setObjectName("chooseStandards")
        self.history_button = QPushButton()
        self.history_button.setObjectName("historyButton")
        # One line, shortened with "…" (the whole text in its tooltip): a long list of
        # prompts still to answer must not widen the window past a 1024-pixel screen.
        self.status = ElidedLabel()
        self.status.setObjectName("saveStatus")

        self.labels = {k: QLabel() for k in ("title", "date", "template", "tags", "standards")}
        self.labels["title"].setBuddy(self.title)
        self.labels["date"].setBuddy(self.date)
        self.labels["tags"].setBuddy(self.tags)
        self.labels["standards"].setBuddy(self.standards_button)

        header = QFormLayout()
        header.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        header.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        header.addRow(self.labels["title"], self.title)
        date_row = QHBoxLayout()
        date_row.addWidget(self.date)
        date_row.addSpacing(12)
        date_row.addWidget(self.labels["template"])
        date_row.addWidget(self.template_name, 1)
        header.addRow(self.labels["date"], date_row)
        header.addRow(self.labels["tags"], self.tags)
        std_row = QHBoxLayout()
        std_row.addWidget(self.standards_label, 1)
        std_row.addWidget(self.standards_button, 0, Qt.AlignmentFlag.AlignTop)
        header.addRow(self.labels["standards"], std_row)

        self.banner = HintBanner()
        self.banner.hide()
        # Shown for entries someone sent you: they are read only (the service refuses
        # edits too).
        self.read_only_from: str | None = None
        self.read_only_banner = QLabel()
        self.read_only_banner.setObjectName("readOnlyBanner")
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setMargin(8)
        self.read_only_banner.hide()
        self.banner.dismissed.connect(self.dismiss_hints)
        # Versions not merged (docs/merge.md): "Two versions of this entry: resolve".
        self.conflict_banner = ConflictBanner()
        self.conflict_banner.open_requested.connect(self.show_conflict)
        self.conflict_dialog: ConflictDialog | None = None

        # One page of fields per template layout seen (see _build_fields).
        self.fields_stack = CurrentPageStack()
        self.fields_stack.setObjectName("fieldsBox")
        self._pages: dict[tuple[object, ...], _Page] = {}
        self.attachments = AttachmentsPanel(ctx.runner, vault, self.ensure_entry)
        self.attachments.changed.connect(self._attachments_changed)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.fields_stack)
        body_layout.addWidget(self.attachments)
        body_layout.addStretch(1)
        self.fields_scroll = QScrollArea()
        self.fields_scroll.setObjectName("fieldsScroll")
        self.fields_scroll.setWidgetResizable(True)
        self.fields_scroll.setWidget(body)
        self.fields_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.fields_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes field to field
        self.preview = PreviewBrowser()
        self.preview.image_source = self._image_bytes
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.fields_scroll)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([600, 400])
        self.splitter.setChildrenCollapsible(False)
        # Mentor feedback on your own entry (issue 13): comments and sign-offs beside it.
        self.feedback = FeedbackPanel(ctx, vault, catalog, self._section_title)
        self.feedback.quote_requested.connect(self.select_quote)
        self.feedback.shown_changed.connect(self._feedback_shown)
        self._preview_before_feedback: bool | None = None
        self.splitter.addWidget(self.feedback)
        self.splitter.setStretchFactor(2, 2)

        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.history_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.read_only_banner)
        layout.addWidget(self.conflict_banner)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bottom)

        self.saver = AutoSaver(ctx.runner, vault, ctx.autosave_ms, parent=self, clock=ctx.clock)
        self.saver.state_changed.connect(self._state_changed)
        self.saver.saved.connect(self._saved)
        self.saver.failed.connect(lambda exc: show_error(self, exc))
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.update_preview)

        self.title.textEdited.connect(self._changed)
        self.date.dateChanged.connect(self._changed)
        self.tags.textEdited.connect(self._changed)
        self.standards_button.clicked.connect(self.choose_standards)
        self.history_button.clicked.connect(self.history_requested)
        self.title.editingFinished.connect(self.saver.flush)
        self.tags.editingFinished.connect(self.saver.flush)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        self.retranslate_ui()
        self.setEnabled(False)

    # -- loading ------------------------------------------------------------------------
    @property
    def lang(self) -> str:
        return self.ctx.language

    @property
    def entry_id(self) -> str | None:
        return self.saver.entry_id

    def set_known_tags(self, tags: list[str]) -> None:
        self.tag_model.setStringList(tags)

    def open_entry(self, entry: Entry, read_only_from: str | None = None) -> None:
        """Show ``entry``; ``read_only_from`` names who sent it (received entries)."""
        self.read_only_from = read_only_from
        content = entry.content
        template = self.catalog.template(content.template_id, content.template_version)
        template = template or self.catalog.template(content.template_id)
        self._load(template or fallback_template(content), content, entry)
        self.saver.attach(entry.journal_id, entry.id, self.snapshot, entry.head.id)
        self.feedback.show_entry(None if read_only_from else entry)
        self.status.set_full_text(self._status_text(self.saver.state.value))  # this entry's

    def new_entry(self, journal_id: str, template: Template) -> None:
        self.read_only_from = None
        today = date.today()
        self._load(template, EntryContent(event_date=today), None)
        self.saver.attach(journal_id, None, self.snapshot)
        self.feedback.show_entry(None)
        self.title.setFocus()

    def _load(self, template: Template, content: EntryContent, entry: Entry | None) -> None:
        self._loading = True
        try:
            self.entry = entry
            self.template = template
            self._hints_dismissed = False
            self.title.setText(content.title)
            d = content.event_date or (entry.created_at.date() if entry else date.today())
            self.date.setDate(QDate(d.year, d.month, d.day))
            self.tags.setText(", ".join(content.tags))
            self.standards = content.standards
            self._show_standards()
            self._build_fields(template, content)
            self.template_name.setText(template.name.get(self.lang))
            self.attachments.set_attachments(entry.attachments if entry else ())
            self.preview.clear_cache()
            self.setEnabled(True)
            self._apply_read_only()
        finally:
            self._loading = False
        self._preview_timer.stop()
        self.update_preview()  # a few ms: never show the previous entry's text
        self._update_banner()
        self.conflict_banner.show_for(
            entry is not None and self.vault.entries.has_conflict(entry.id),
            own=not self.read_only,
        )

    # -- versions not merged ---------------------------------------------------------------
    def section_title(self, key: str) -> str:
        prompt = self.template.prompt(key) if self.template is not None else None
        return prompt.title.get(self.lang) if prompt is not None else key

    def show_conflict(self) -> None:
        """The entry's versions side by side (resolved by its author): once the save just
        queued is done, so the versions shown are the ones held."""
        self.flush()
        self.ctx.runner.after_writes(self._open_conflict, owner=self)

    def _open_conflict(self) -> None:
        entry_id = self.entry_id
        if entry_id is None:
            return
        dialog = ConflictDialog(
            self.ctx, self.vault, entry_id, self.section_title, self, self.read_only_from
        )
        dialog.resolved.connect(self._resolved)
        dialog.finished.connect(dialog.deleteLater)
        self.conflict_dialog = dialog
        dialog.open()

    def refresh_from_vault(self) -> None:
        """The open entry changed in the vault (an import, a sync): show its new head,
        unless a save of ours is pending (its content is the editor's; the import's
        head moved under it, and the merge engine joins them). The banner follows."""
        entry_id = self.entry_id
        if entry_id is None or self.entry is None or self.saver.pending:
            return
        try:
            fresh = self.vault.entries.get(entry_id)
        except ReflectDeskError:
            return
        if fresh.head.id != self.entry.head.id:
            self.saver.detach()
            self.open_entry(fresh, self.read_only_from)
            return
        self.conflict_banner.show_for(
            self.vault.entries.has_conflict(entry_id), own=not self.read_only
        )

    def _resolved(self, entry: Entry) -> None:
        if self.entry_id == entry.id:
            self.saver.detach()
            self.open_entry(entry, self.read_only_from)

    @property
    def read_only(self) -> bool:
        return self.read_only_from is not None

    def _apply_read_only(self) -> None:
        read_only = self.read_only
        for edit in (self.title, self.tags):
            edit.setReadOnly(read_only)
        self.date.setReadOnly(read_only)
        self.standards_button.setEnabled(not read_only)
        for field in self.fields:
            if field.edit is not None:
                field.edit.setReadOnly(read_only)
        self.attachments.attach_button.setEnabled(not read_only)
        for row in self.attachments.rows.values():
            row.remove_button.setEnabled(not read_only)
        self.read_only_banner.setVisible(read_only)
        self._show_read_only_banner()

    def _show_read_only_banner(self) -> None:
        if self.read_only_from is None:
            return
        a = accents()
        self.read_only_banner.setStyleSheet(
            f"#readOnlyBanner {{ background: {a.hint_bg}; border: 1px solid {a.hint_border};"
            " border-radius: 6px; }"
        )
        text = self.tr("Received from %1 — read only").replace("%1", self.read_only_from)
        self.read_only_banner.setText(text)
        self.read_only_banner.setAccessibleName(text)

    def _layout_key(self, template: Template, content: EntryContent) -> tuple[object, ...]:
        """What decides which widgets an entry needs: the template version, which grouping
        prompts have their own text, and sections the template lacks."""
        known = set(template.section_keys())
        grouping = tuple(
            prompt.key
            for _, prompt in template.walk()
            if prompt.prompts and content.sections.get(prompt.key)
        )
        extra = tuple(key for key in content.sections if key not in known)
        return (template.id, template.version, grouping, extra)

    def _build_fields(self, template: Template, content: EntryContent) -> None:
        """Show the fields for ``template``. Pages of fields are kept per layout, so moving
        between entries of templates already seen only swaps pages and texts."""
        key = self._layout_key(template, content)
        page = self._pages.get(key)
        if page is None:
            page = self._new_page(template, content)
            self._pages[key] = page
            self.fields_stack.addWidget(page.widget)
        self.fields = page.fields
        for field in self.fields:
            field.load_text(content.sections.get(field.key, ""))
        self.template_key = key
        self.fields_stack.setCurrentWidget(page.widget)
        self.fields_stack._resize_pages(self.fields_stack.currentIndex())
        self._set_tab_order()

    def _new_page(self, template: Template, content: EntryContent) -> _Page:
        widget = QWidget()
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(4, 4, 12, 4)
        fields: list[PromptField] = []
        finder = None
        if template.has_descriptive():

            def finder(text: str, key: str) -> list:  # type: ignore[type-arg]
                return (
                    self.catalog.hints(text, template, key) if template.is_descriptive(key) else []
                )

        parents: dict[int, PromptField] = {}
        known = set(template.section_keys())
        for depth, prompt in template.walk():
            field = PromptField(
                prompt, depth, self.lang, bool(content.sections.get(prompt.key)), finder
            )
            field.changed.connect(self._changed)
            field.hints_changed_callback = self._update_banner
            if field.edit is not None:
                field.edit.focus_left.connect(self.saver.flush)
            if depth and depth - 1 in parents:
                parents[depth - 1].children_layout.addWidget(field)
            else:
                layout.addWidget(field)
            parents[depth] = field
            fields.append(field)
        for key in content.sections:
            if key not in known:  # the template lost this section: keep the text editable
                prompt = Prompt(key, LocalizedText(key, key), LocalizedText("", ""))
                field = PromptField(prompt, 0, self.lang, True, None)
                field.changed.connect(self._changed)
                layout.addWidget(field)
                fields.append(field)
        layout.addStretch(1)
        return _Page(widget, fields)

    def _drop_pages(self) -> None:
        for page in self._pages.values():
            for field in page.fields:
                if field.edit is not None:
                    field.edit.clear()
            self.fields_stack.removeWidget(page.widget)
            page.widget.deleteLater()
        self._pages.clear()
        self.fields = []
        self.template_key = None

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.title,
            self.date,
            self.tags,
            self.standards_button,
            *(f.edit for f in self.fields if f.edit is not None),
            self.attachments.attach_button,
            self.history_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- content ------------------------------------------------------------------------
    def snapshot(self) -> EntryContent:
        q = self.date.date()
        template = self.template
        sections = {f.key: f.text() for f in self.fields if f.edit is not None and f.text().strip()}
        return EntryContent(
            title=self.title.text(),
            sections=sections,
            tags=parse_tags(self.tags.text()),
            standards=self.standards,
            event_date=date(q.year(), q.month(), q.day()),
            template_id=template.id if template else "free",
            template_version=template.version if template else 1,
        )

    def field(self, key: str) -> PromptField | None:
        for field in self.fields:
            if field.key == key:
                return field
        return None

    def _changed(self) -> None:
        if self._loading or self.read_only:
            return
        self.saver.mark_dirty()
        self._preview_timer.start()

    def flush(self) -> None:
        self.saver.flush()

    def ensure_entry(self) -> EntryRef | None:
        """The entry's reference, creating the entry first if it was never saved."""
        if self.saver.entry_id is None and self.saver.state == SaveState.CLEAN:
            self.saver.mark_dirty()
        self.saver.flush()
        return self.saver._ref

    def clear(self) -> None:
        """Forget the entry: widgets emptied, so nothing of it stays on screen."""
        self.saver.detach()
        self._loading = True
        try:
            self.entry = None
            self.template = None
            self.title.clear()
            self.tags.clear()
            self.standards = ()
            self.standards_label.set_labels([])
            self._drop_pages()
            self.attachments.clear()
            self.read_only_from = None
            self._apply_read_only()
            self.preview.clear()
            self.preview.clear_cache()
            self.banner.hide()
            self.template_name.clear()
            self.feedback.show_entry(None)
        finally:
            self._loading = False
        self.setEnabled(False)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if (
            old is not None
            and self.isAncestorOf(old)
            and (new is None or not self.isAncestorOf(new))
        ):
            self.saver.flush()

    def _saved(self, entry: Entry) -> None:
        if self.saver.entry_id == entry.id:
            self.entry = entry
            merged = entry.head.id != self.saver.base_revision_id
            if merged and not self.saver.pending:
                # An import had moved the head: the save was merged with it (docs/merge.md).
                # Show the merge (the other computer's words too) once typing has paused.
                self.saver.detach()
                self.open_entry(entry, self.read_only_from)
        self.saved.emit(entry)

    def _attachments_changed(self) -> None:
        self.preview.clear_cache()
        self._preview_timer.start()

    def _image_bytes(self, attachment_id: str) -> bytes | None:
        if self.entry is None or all(a.id != attachment_id for a in self.entry.attachments):
            rows = self.attachments.rows
            if attachment_id not in rows:
                return None
        try:
            return self.vault.entries.attachment_bytes(attachment_id)
        except Exception:  # a missing image must not break the preview
            log.info("preview image %s unavailable", attachment_id)
            return None

    # -- feedback (issue 13) ----------------------------------------------------------------
    def _section_title(self, key: str) -> str:
        prompt = self.template.prompt(key) if self.template is not None else None
        return prompt.title.get(self.lang) if prompt is not None else key

    def refresh_feedback(self) -> None:
        """The entry's comments and sign-offs again (a feedback bundle arrived)."""
        if self.entry is not None and not self.read_only:
            self.feedback.show_entry(self.entry)

    def _feedback_shown(self, shown: bool) -> None:
        """Feedback takes the preview's place (the preview comes back with Ctrl+Shift+P,
        or when the next entry has no feedback)."""
        if shown:
            if self._preview_before_feedback is None:
                self._preview_before_feedback = not self.preview.isHidden()
            self.preview.hide()
            total = max(self.splitter.width(), 600)
            self.splitter.setSizes([total * 3 // 5, 0, total * 2 // 5])
        elif self._preview_before_feedback is not None:
            if self._preview_before_feedback:
                self.set_preview_visible(True)
            self._preview_before_feedback = None

    def select_quote(self, section: str, start: int, end: int) -> None:
        """Select a comment's passage (code points) in its field (UTF-16 in Qt)."""
        field = self.field(section)
        if field is None or field.edit is None:
            return
        text = field.text()
        cursor = field.edit.textCursor()
        cursor.setPosition(to_utf16(text, start))
        cursor.setPosition(to_utf16(text, end), QTextCursor.MoveMode.KeepAnchor)
        field.edit.setTextCursor(cursor)
        field.edit.setFocus()
        self.fields_scroll.ensureWidgetVisible(field.edit)

    # -- standards ----------------------------------------------------------------------
    def choose_standards(self) -> None:
        from reflectdesk.gui.standards_picker import StandardsPicker

        taxonomy = self.catalog.taxonomy()
        if taxonomy is None:
            return
        suggested = self.template.standards if self.template else ()
        picker = StandardsPicker(taxonomy, self.lang, self.standards, suggested, self)
        picker.accepted.connect(lambda: self.set_standards(tuple(picker.selected())))
        picker.finished.connect(picker.deleteLater)
        picker.open()
        self.picker = picker

    def set_standards(self, codes: tuple[str, ...]) -> None:
        if codes == self.standards:
            return
        self.standards = codes
        self._show_standards()
        self._changed()

    def standard_labels(self) -> list[str]:
        """ "C7 — Evalúa y monitorea…" for each chosen standard (the bare code if the
        catalogue lacks it)."""
        taxonomy = self.catalog.taxonomy()
        return [taxonomy.label(c, self.lang) if taxonomy else c for c in self.standards]

    def _show_standards(self) -> None:
        if not self.standards:
            self.standards_label.set_empty(self.tr("None chosen"))
            return
        self.standards_label.set_labels(self.standard_labels(), self.tr("+ %1 more"))

    # -- preview and hints ----------------------------------------------------------------
    def set_preview_visible(self, visible: bool) -> None:
        self.preview.setVisible(visible)
        if visible:
            self.update_preview()

    def update_preview(self) -> None:
        if not self.preview.isVisible() and self.preview.isHidden():
            return
        sections: list[Section] = [
            (f.nesting, f.prompt.title.get(self.lang), f.text()) for f in self.fields
        ]
        bar = self.preview.verticalScrollBar()
        position = bar.value()
        attachments = [
            PreviewAttachment(row.info.id, row.info.filename, row.info.size, is_image(row.info))
            for row in self.attachments.rows.values()
        ]
        page = preview_html(
            self.title.text(),
            sections,
            tags=parse_tags(self.tags.text()),
            standards=self.standard_labels(),
            attachments=attachments,
        )
        self.preview.setHtml(page)
        bar.setValue(position)

    def _update_banner(self) -> None:
        words: list[str] = []
        for field in self.fields:
            for hint in field.hints:
                if hint.word.casefold() not in {w.casefold() for w in words}:
                    words.append(hint.word)
        show = bool(words) and not self._hints_dismissed
        if show:
            self.banner.set_words(words)
        self.banner.setVisible(show)

    def dismiss_hints(self) -> None:
        self._hints_dismissed = True
        for field in self.fields:
            field.set_hints_enabled(False)
        self.banner.hide()

    # -- text -------------------------------------------------------------------------------
    def missing_required(self) -> list[str]:
        """The titles of the prompts marked * that are still empty."""
        lang = self.ctx.language
        return [
            f.prompt.title.get(lang)
            for f in self.fields
            if f.prompt.required and f.edit is not None and not f.text().strip()
        ]

    def _state_changed(self, state: str) -> None:
        self.status.set_full_text(self._status_text(state))
        self.state_changed.emit(state)

    def _status_text(self, state: str) -> str:
        text = self._state_text(state)
        missing = self.missing_required() if state == SaveState.SAVED.value else []
        if missing:
            # Saved all the same (a draft is a draft); says which asked-for prompts wait.
            text = (
                self.tr("%1 · * still to answer: %2")
                .replace("%1", text)
                .replace("%2", ", ".join(missing))
            )
        return text

    def _state_text(self, state: str) -> str:
        return {
            SaveState.CLEAN.value: self.tr("New entry: it is saved as soon as you write."),
            SaveState.DIRTY.value: self.tr("Editing…"),
            SaveState.SAVING.value: self.tr("Saving…"),
            SaveState.SAVED.value: self.tr("Saved and encrypted"),
            SaveState.FAILED.value: self.tr("Not saved: see the message"),
        }.get(state, "")

    def retranslate_ui(self) -> None:
        self.labels["title"].setText(self.tr("&Title:"))
        self.labels["date"].setText(self.tr("&Date:"))
        self.labels["template"].setText(self.tr("Template:"))
        self.labels["tags"].setText(self.tr("Ta&gs:"))
        self.labels["standards"].setText(self.tr("Standards:"))
        self.title.setPlaceholderText(self.tr("A short title for this entry"))
        self.tags.setPlaceholderText(self.tr("Separated by commas, e.g. evaluation, 3rd grade"))
        self.standards_button.setText(self.tr("&Choose…"))
        self.history_button.setText(self.tr("H&istory…"))
        self.title.setAccessibleName(self.tr("Title"))
        self.date.setAccessibleName(self.tr("Date of the experience"))
        self.tags.setAccessibleName(self.tr("Tags"))
        self.standards_button.setAccessibleName(self.tr("Choose standards"))
        self.history_button.setAccessibleName(self.tr("Revision history"))
        self.preview.setAccessibleName(self.tr("Preview"))
        self.fields_scroll.setAccessibleName(self.tr("Prompts"))
        self.status.set_full_text(self._state_text(self.saver.state.value))
        if self.template is not None:
            self.template_name.setText(self.template.name.get(self.lang))
        for page in self._pages.values():
            for field in page.fields:
                field.set_language(self.lang)
        self._show_standards()
        self._show_read_only_banner()
        self._preview_timer.start()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() == QEvent.Type.PaletteChange:
            self.banner.restyle()
            self._show_read_only_banner()
        super().changeEvent(event)
