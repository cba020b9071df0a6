"""The case study's coding view (issue 15, point 4): the items on the left, the
selected item's text in the centre (section by section under its template's headings,
coded passages highlighted in their code's colour, overlaps visible), the codebook on
the right as a tree (colour, description as tooltip, passage count).

Select a passage and apply a code: "Code selection" (Ctrl+Return), a double-click on
the code, or drag the selection onto it. Clicking a coded passage lists its codes and
its memo, where the coding can be removed and the memo written.

Offsets: Qt's ``QTextCursor`` counts UTF-16 code units from the document's start; the
service wants code points from the section's start. ``Section.start`` is a document
position; ``to_utf16`` / ``from_utf16`` convert inside the section's text (an emoji
before the passage is one code point, two UTF-16 units).

Applying a code writes one row on the writer queue and then repaints the highlights of
that one section and two counts; nothing is read back and nothing else re-rendered, so
it costs the same with 10,000 passages in the project.
"""

from __future__ import annotations

import itertools
import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QIcon,
    QKeySequence,
    QPixmap,
    QShortcut,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.errors import ReflectDeskError
from reflectdesk.gui.case_common_view import TabReads, ui_language
from reflectdesk.gui.dates import show_date
from reflectdesk.gui.dialogs import ask_question, show_error
from reflectdesk.gui.reading_document import Section
from reflectdesk.gui.widgets import named_button, wrap
from reflectdesk.services.case_common import Passage
from reflectdesk.services.review import from_utf16, to_utf16

if TYPE_CHECKING:
    from reflectdesk.gui.tasks import TaskRunner
    from reflectdesk.progress import CancelToken, ProgressSink
    from reflectdesk.services.case_coding import CodeView, MemoView
    from reflectdesk.services.case_common import CaseItem
    from reflectdesk.services.vault import Vault

log = logging.getLogger(__name__)

ITEM_ROLE = Qt.ItemDataRole.UserRole
#: Colours a new code gets in turn (readable under text, light and dark).
PALETTE = (
    "#E6194B", "#3CB44B", "#4363D8", "#F58231", "#911EB4", "#42D4F4",
    "#F032E6", "#BFEF45", "#FABED4", "#469990", "#DCBEFF", "#9A6324",
)  # fmt: skip
HIGHLIGHT_ALPHA = 95  # one code over the text; overlaps add up, up to OVERLAP_ALPHA
OVERLAP_ALPHA = 170
SNIPPET = 80
CHANGED_PAUSE_MS = 1500  # ``changed`` this long after the last write of a run of them


@dataclass(frozen=True, slots=True)
class Loaded:
    """What ``set_case`` reads off the GUI thread."""

    case_id: str
    items: list[CaseItem]
    codes: list[CodeView]
    passages: list[Passage]
    memos: list[MemoView]
    titles: dict[str, dict[str, str]]  # template id → section key → title
    templates: dict[str, str]  # template id → name


def swatch(color: str | None, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color or "#888888"))
    return QIcon(pixmap)


def snippet(text: str, limit: int = SNIPPET) -> str:
    one = " ".join(text.split())
    return one if len(one) <= limit else one[: limit - 1] + "…"


def layers(spans: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, list[str]]]:
    """Elementary pieces of overlapping ``(start, end, colour)`` spans: each piece with
    the colours over it, in span order (overlaps are pieces with two or more)."""
    cuts = sorted({p for s, e, _c in spans for p in (s, e)})
    out: list[tuple[int, int, list[str]]] = []
    for a, b in itertools.pairwise(cuts):
        over = [c for s, e, c in spans if s <= a and b <= e]
        if over:
            out.append((a, b, over))
    return out


def mixed(colors: Sequence[str]) -> QColor:
    """The colours' average, more opaque the more codes overlap."""
    qs = [QColor(c) for c in colors]
    n = len(qs)
    color = QColor(
        sum(q.red() for q in qs) // n,
        sum(q.green() for q in qs) // n,
        sum(q.blue() for q in qs) // n,
    )
    color.setAlpha(min(OVERLAP_ALPHA, HIGHLIGHT_ALPHA + 45 * (n - 1)))
    return color


class CodingText(QTextBrowser):
    """The item's text: read-only, selectable; the selection can be dragged onto a code."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseCodingText")
        self.menu_hook: Callable[[QMenu], None] | None = None  # adds the coding actions
        self.setOpenLinks(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        if menu is None:
            return
        menu.setObjectName("caseCodingMenu")
        if self.menu_hook is not None:
            self.menu_hook(menu)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def createMimeDataFromSelection(self) -> QMimeData:
        mime = super().createMimeDataFromSelection()
        mime.setData(CODING_MIME, b"selection")
        return mime


CODING_MIME = "application/x-reflectdesk-coding-selection"


class Codebook(QTreeWidget):
    """The codebook tree; a selection dragged from the text onto a code applies it."""

    dropped = Signal(str)  # the code id the selection was dropped on

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseCodebook")
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)

    def _code_at(self, pos: QPoint) -> str | None:
        item = self.itemAt(pos)
        return None if item is None else str(item.data(0, ITEM_ROLE))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime is not None and mime.hasFormat(CODING_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        mime = event.mimeData()
        if (
            mime is not None
            and mime.hasFormat(CODING_MIME)
            and self._code_at(event.position().toPoint())
        ):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        code_id = self._code_at(event.position().toPoint())
        mime = event.mimeData()
        if code_id and mime is not None and mime.hasFormat(CODING_MIME):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            self.dropped.emit(code_id)
        else:
            event.ignore()


class CodeDialog(QDialog):
    """A code's name, colour and description (new code, new subcode, edit)."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        name: str = "",
        color: str | None = None,
        description: str = "",
        parent_name: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("caseCodeDialog")
        self.color = (color or PALETTE[0]).upper()
        self.name_edit = QLineEdit(name)
        self.name_edit.setObjectName("caseCodeName")
        self.name_edit.setMaxLength(200)
        self.color_button = QPushButton()
        self.color_button.setObjectName("caseCodeColor")
        self.color_button.clicked.connect(self.choose_color)
        self.description_edit = QPlainTextEdit(description)
        self.description_edit.setObjectName("caseCodeDescription")
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setMinimumHeight(80)
        form = QFormLayout()
        self.parent_label = QLabel()
        self.parent_value = QLabel(parent_name or "")
        if parent_name:
            form.addRow(self.parent_label, self.parent_value)
        self.name_label = QLabel()
        self.color_label = QLabel()
        self.description_label = QLabel()
        for label, field in (
            (self.name_label, self.name_edit),
            (self.color_label, self.color_button),
            (self.description_label, self.description_edit),
        ):
            label.setBuddy(field)
            form.addRow(label, field)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name_edit.textChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.retranslate_ui(new=not name)
        self._show_color()
        self._update_ok()
        self.resize(420, self.sizeHint().height())

    def retranslate_ui(self, new: bool = False) -> None:
        self.setWindowTitle(self.tr("New code") if new else self.tr("Edit code"))
        self.parent_label.setText(self.tr("Under:"))
        self.name_label.setText(self.tr("&Name:"))
        self.color_label.setText(self.tr("&Colour:"))
        self.description_label.setText(self.tr("&Description:"))
        self.color_button.setAccessibleName(self.tr("Choose the code's colour"))

    def _show_color(self) -> None:
        self.color_button.setIcon(swatch(self.color, 16))
        self.color_button.setText(self.color)

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(bool(self.name_edit.text().strip()))

    def choose_color(self) -> None:
        dialog = QColorDialog(QColor(self.color), self)
        dialog.setObjectName("caseCodeColorDialog")
        dialog.colorSelected.connect(self.set_color)
        dialog.open()

    def set_color(self, color: QColor) -> None:
        if color.isValid():
            self.color = color.name().upper()
            self._show_color()

    def values(self) -> tuple[str, str, str]:
        return self.name_edit.text().strip(), self.color, self.description_edit.toPlainText()


class CaseCodingTab(QWidget):
    changed = Signal()  # after this tab changed the study
    applied = Signal(str)  # a passage id, once its highlight is shown (tests, benchmark)
    loaded = Signal()  # after set_case's data arrived

    def __init__(self, vault: Vault, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseCodingTab")
        self.vault = vault
        self.runner = runner
        self.case_id: str | None = None
        self.items: dict[str, CaseItem] = {}
        self.codes: dict[str, CodeView] = {}
        self.passages: dict[str, dict[str, Passage]] = defaultdict(dict)  # item → id → p
        self._pending_passage: tuple[str, str] | None = None  # show_passage while reading
        self.memos: dict[str, list[MemoView]] = defaultdict(list)  # passage id → memos
        self.code_counts: dict[str, int] = defaultdict(int)
        self.titles: dict[str, dict[str, str]] = {}
        self.templates: dict[str, str] = {}
        self.sections: list[Section] = []
        self.item_id: str | None = None
        self.last_box: QMessageBox | None = None
        self.dialog: CodeDialog | None = None
        self.reads = TabReads(self, runner, self._failed)
        self._doc: QTextDocument | None = None
        # ``changed`` once the researcher pauses: every signal makes the workspace re-read
        # the study in the other tabs, which must not happen after each code applied.
        self._changed_timer = QTimer(self)
        self._changed_timer.setSingleShot(True)
        self._changed_timer.setInterval(CHANGED_PAUSE_MS)
        self._changed_timer.timeout.connect(self.changed.emit)
        self._item_rows: dict[str, QTreeWidgetItem] = {}
        self._code_rows: dict[str, QTreeWidgetItem] = {}

        # -- left: the items ------------------------------------------------------------
        self.items_label = QLabel()
        self.item_list = QTreeWidget()
        self.item_list.setObjectName("caseCodingItems")
        self.item_list.setColumnCount(4)
        self.item_list.setRootIsDecorated(False)
        self.item_list.setUniformRowHeights(True)
        self.item_list.setSortingEnabled(True)
        self.item_list.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.item_list.setAlternatingRowColors(True)
        # The template is cut where the pane ends (the whole line is in each tooltip).
        self.item_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.item_list.header()
        header.setMinimumSectionSize(24)
        header.setStretchLastSection(True)
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self.item_list.currentItemChanged.connect(self._item_chosen)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        self.item_filter = QLineEdit()
        self.item_filter.setObjectName("caseCodingFilter")
        self.item_filter.setClearButtonEnabled(True)
        self.item_filter.textChanged.connect(self._filter_items)
        lv.addWidget(self.items_label)
        lv.addWidget(self.item_filter)
        lv.addWidget(self.item_list, 1)

        # -- centre: the text and the passage under the cursor ---------------------------
        self.item_heading = wrap(QLabel())
        self.item_heading.setObjectName("caseCodingHeading")
        bold = self.item_heading.font()
        bold.setBold(True)
        self.item_heading.setFont(bold)
        self.item_heading.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.text = CodingText()
        self.text.menu_hook = self.fill_menu
        self.text.cursorPositionChanged.connect(self._cursor_moved)
        self.text.selectionChanged.connect(self._selection_changed)
        self.status = wrap(QLabel())
        self.status.setObjectName("caseCodingStatus")
        self.passage_box = QFrame()
        self.passage_box.setObjectName("casePassageBox")
        self.passage_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.passage_label = wrap(QLabel())
        self.passage_list = QListWidget()
        self.passage_list.setObjectName("caseCodingPassages")
        self.passage_list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.passage_list.currentItemChanged.connect(self._passage_chosen)
        self.remove_button = named_button("casePassageRemove", self.confirm_remove_passage)
        self.memo_edit = QPlainTextEdit()
        self.memo_edit.setObjectName("casePassageMemo")
        self.memo_edit.setTabChangesFocus(True)
        self.memo_edit.setFixedHeight(self.memo_edit.fontMetrics().lineSpacing() * 3 + 12)
        self.memo_button = named_button("casePassageMemoSave", self.save_passage_memo)
        pv = QVBoxLayout(self.passage_box)
        pv.setContentsMargins(6, 4, 6, 4)
        top = QHBoxLayout()
        top.addWidget(self.passage_label, 1)
        top.addWidget(self.remove_button)
        pv.addLayout(top)
        pv.addWidget(self.passage_list)
        memo_row = QHBoxLayout()
        memo_row.addWidget(self.memo_edit, 1)
        memo_row.addWidget(self.memo_button, 0, Qt.AlignmentFlag.AlignBottom)
        pv.addLayout(memo_row)
        self.passage_box.hide()
        centre = QWidget()
        cv = QVBoxLayout(centre)
        cv.setContentsMargins(0, 0, 0, 0)
        cv.addWidget(self.item_heading)
        cv.addWidget(self.text, 1)
        cv.addWidget(self.status)
        cv.addWidget(self.passage_box)

        # -- right: the codebook ---------------------------------------------------------
        self.codebook_label = QLabel()
        self.codebook = Codebook()
        self.codebook.setColumnCount(2)
        self.codebook.setUniformRowHeights(True)
        cheader = self.codebook.header()
        cheader.setStretchLastSection(False)
        cheader.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        cheader.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.codebook.setColumnWidth(1, 6 * self.codebook.fontMetrics().averageCharWidth() + 8)
        self.codebook.itemDoubleClicked.connect(self._code_double_clicked)
        self.codebook.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.codebook.dropped.connect(self.apply_code)
        self.apply_button = named_button("caseCodeApply", self.code_selection)
        self.apply_button.setDefault(False)
        self.new_button = named_button("caseCodeNew", self.new_code)
        self.sub_button = named_button("caseCodeNewSub", self.new_subcode)
        self.edit_button = named_button("caseCodeEdit", self.edit_code)
        self.delete_button = named_button("caseCodeDelete", self.confirm_delete_code)
        self.import_button = named_button("caseCodeImport", self.choose_codebook)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.codebook_label)
        rv.addWidget(self.codebook, 1)
        rv.addWidget(self.apply_button)
        grid = QHBoxLayout()
        grid.addWidget(self.new_button)
        grid.addWidget(self.sub_button)
        rv.addLayout(grid)
        grid2 = QHBoxLayout()
        grid2.addWidget(self.edit_button)
        grid2.addWidget(self.delete_button)
        rv.addLayout(grid2)
        rv.addWidget(self.import_button)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("caseCodingSplitter")
        self.splitter.setChildrenCollapsible(False)
        for pane, stretch in ((left, 2), (centre, 5), (right, 2)):
            self.splitter.addWidget(pane)
            self.splitter.setStretchFactor(self.splitter.count() - 1, stretch)
        self.splitter.setSizes([240, 640, 260])
        left.setMinimumWidth(130)
        right.setMinimumWidth(210)
        self.empty = wrap(QLabel())
        self.empty.setObjectName("caseCodingEmpty")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.splitter, 1)
        self.shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        self.shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.shortcut.activated.connect(self.code_selection)
        self.retranslate_ui()
        self.set_case(None)

    # -- loading ---------------------------------------------------------------------------
    def set_case(self, case_id: str | None) -> None:
        """Show this study (None: the empty state); also the refresh."""
        same = case_id is not None and case_id == self.case_id
        self.case_id = case_id
        if not same:
            self.item_id = None
        if case_id is None:
            self._clear()
            self.empty.show()
            self.splitter.hide()
            self._update_buttons()
            return
        self.empty.hide()
        self.splitter.show()
        self.status.setText(self.tr("Reading the study…"))
        vault, lang = self.vault, ui_language()

        def job(_progress: ProgressSink, _cancel: CancelToken) -> Loaded:
            cs = vault.case_studies
            items = cs.items(case_id)
            codes = cs.coding.codes(case_id)
            passages = cs.coding.passages(case_id, items=items)
            memos = cs.coding.memos(case_id)
            titles: dict[str, dict[str, str]] = {}
            names: dict[str, str] = {}
            for template_id in {i.template_id for i in items if i.template_id}:
                try:
                    template = vault.templates.get(template_id)
                except ReflectDeskError:
                    continue
                titles[template_id] = dict(template.section_titles(lang))
                names[template_id] = template.name.get(lang)
            return Loaded(case_id, items, codes, passages, memos, titles, names)

        self.reads.read(
            job,
            self._loaded,
            lambda data: self.set_case(data.case_id),
            "case-coding-load",
        )

    def _failed(self, exc: BaseException) -> None:
        self.last_box = show_error(self, exc)

    def _loaded(self, data: Loaded) -> None:
        if data.case_id != self.case_id:
            return
        self.items = {i.id: i for i in data.items}
        self.codes = {c.id: c for c in data.codes}
        self.titles = data.titles
        self.templates = data.templates
        self.passages = defaultdict(dict)
        self.code_counts = defaultdict(int)
        for p in data.passages:
            self.passages[p.item_id][p.segment_id] = p
            self.code_counts[p.code_id] += 1
        self.memos = defaultdict(list)
        for m in data.memos:
            if m.target == "segment" and m.ref:
                self.memos[m.ref].append(m)
        self._fill_items()
        self._fill_codebook()
        self.status.setText(self._hint())
        if self.item_id not in self.items:
            self.item_id = None
        chosen = self._item_rows.get(self.item_id or "")
        if chosen is None and self.item_list.topLevelItemCount():
            chosen = self.item_list.topLevelItem(0)
        if chosen is not None:
            if self.item_list.currentItem() is chosen:
                self._show_item(str(chosen.data(0, ITEM_ROLE)))
            else:
                self.item_list.setCurrentItem(chosen)
        else:
            self._show_item(None)
        self._update_buttons()
        if self._pending_passage is not None and not self.busy:
            self.show_passage(*self._pending_passage)
        self.loaded.emit()

    @property
    def busy(self) -> bool:
        return self.reads.busy

    def _clear(self) -> None:
        self.items, self.codes = {}, {}
        self.passages = defaultdict(dict)
        self.memos = defaultdict(list)
        self.code_counts = defaultdict(int)
        self.item_list.clear()
        self.codebook.clear()
        self._item_rows, self._code_rows = {}, {}
        self._show_item(None)

    def _fill_items(self) -> None:
        self.item_list.setSortingEnabled(False)
        self.item_list.clear()
        self._item_rows = {}
        for item in self.items.values():
            template = self.templates.get(item.template_id, item.template_id)
            row = QTreeWidgetItem(
                [
                    item.pseudonym,
                    item.event_date.isoformat() if item.event_date else "",
                    "",
                    template,
                ]
            )
            facts = " · ".join(self._facts(item))
            for column in range(4):
                row.setToolTip(column, facts)
            row.setData(0, ITEM_ROLE, item.id)
            row.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self._item_rows[item.id] = row
            self._count_item(item.id)
        self.item_list.addTopLevelItems(list(self._item_rows.values()))
        self.item_list.setSortingEnabled(True)
        if self.item_filter.text():
            self._filter_items()
        # Widths from the texts, not ResizeToContents (which measures every row again).
        fm = self.item_list.fontMetrics()
        widest = max((fm.horizontalAdvance(i.pseudonym) for i in self.items.values()), default=0)
        header = self.item_list.header()
        self.item_list.setColumnWidth(0, max(widest, header.sectionSizeHint(0)) + 16)
        self.item_list.setColumnWidth(1, fm.horizontalAdvance("2026-12-31") + 16)
        self.item_list.setColumnWidth(
            2, max(header.sectionSizeHint(2), 5 * fm.averageCharWidth()) + 8
        )

    def _filter_items(self, text: str = "") -> None:
        """Show the items whose pseudonym, date or template holds every word typed."""
        words = (text or self.item_filter.text()).casefold().split()
        for row in self._item_rows.values():
            line = " ".join(row.text(c) for c in (0, 1, 3)).casefold()
            row.setHidden(not all(w in line for w in words))

    def _facts(self, item: CaseItem) -> list[str]:
        facts = [item.pseudonym]
        if item.event_date:
            facts.append(show_date(item.event_date))
        if item.template_id:
            facts.append(self.templates.get(item.template_id, item.template_id))
        return facts

    def _count_item(self, item_id: str) -> None:
        row = self._item_rows.get(item_id)
        if row is not None:
            row.setData(2, Qt.ItemDataRole.DisplayRole, len(self.passages.get(item_id, {})))

    def _fill_codebook(self) -> None:
        current = self.current_code_id()
        self.codebook.clear()
        self._code_rows = {}
        for code in self.codes.values():
            row = QTreeWidgetItem([code.name, ""])
            row.setData(0, ITEM_ROLE, code.id)
            row.setIcon(0, swatch(code.color))
            tip = f"{code.name}\n{code.description}" if code.description else code.name
            row.setToolTip(0, tip)
            row.setToolTip(1, tip)
            row.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self._code_rows[code.id] = row
            self._count_code(code.id)
        for code in self.codes.values():
            row = self._code_rows[code.id]
            parent = self._code_rows.get(code.parent_id or "")
            if parent is not None:
                parent.addChild(row)
            else:
                self.codebook.addTopLevelItem(row)
        self.codebook.expandAll()
        if current in self._code_rows:
            self.codebook.setCurrentItem(self._code_rows[current])

    def _count_code(self, code_id: str) -> None:
        row = self._code_rows.get(code_id)
        if row is not None:
            row.setData(1, Qt.ItemDataRole.DisplayRole, self.code_counts.get(code_id, 0))

    # -- the text ------------------------------------------------------------------------
    def _item_chosen(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        self._show_item(None if current is None else str(current.data(0, ITEM_ROLE)))

    def select_item(self, item_id: str) -> None:
        row = self._item_rows.get(item_id)
        if row is not None:
            self.item_list.setCurrentItem(row)

    def show_passage(self, item_id: str, segment_id: str) -> None:
        """A passage chosen elsewhere (a query): its item shown, the passage selected and
        scrolled into view. While the study is still being read, once it is."""
        if self.busy:
            self._pending_passage = (item_id, segment_id)
            return
        self._pending_passage = None
        self.select_item(item_id)
        passage = self.passages.get(item_id, {}).get(segment_id)
        if passage is not None and self.item_id == item_id:
            self.select_range(passage.section, passage.start, passage.end)
            self.text.ensureCursorVisible()

    def _show_item(self, item_id: str | None) -> None:
        self.item_id = item_id
        self.sections = []
        item = self.items.get(item_id or "")
        doc = QTextDocument(self.text)
        doc.setUndoRedoEnabled(False)  # highlights are not edits to undo
        base = QFont(self.font())
        base.setPointSizeF(max(base.pointSizeF(), 10.0) * 1.05)
        doc.setDefaultFont(base)
        doc.setDocumentMargin(12)
        if item is None:
            self.item_heading.setText("")
            self._set_document(doc)
            self._show_passages([])
            self._update_buttons()
            return
        self.item_heading.setText(" · ".join(self._facts(item)))
        titles = self.titles.get(item.template_id, {})
        cursor = QTextCursor(doc)
        heading = QTextCharFormat()
        heading.setFontWeight(QFont.Weight.Bold)
        heading.setFontPointSize(base.pointSizeF() * 1.15)
        body = QTextCharFormat()
        first = True
        for key, raw in item.sections:
            if not raw.strip():
                continue
            text = raw.replace("\r", " ")  # one character each: offsets stay
            top = QTextBlockFormat()
            top.setTopMargin(0 if first else 14)
            top.setBottomMargin(4)
            if first:
                cursor.setBlockFormat(top)
                cursor.setCharFormat(heading)
            else:
                cursor.insertBlock(top, heading)
            first = False
            cursor.insertText(titles.get(key) or key)
            para = QTextBlockFormat()
            para.setLineHeight(135, 1)  # ProportionalHeight
            cursor.insertBlock(para, body)
            start = cursor.position()
            cursor.insertText(text)
            self.sections.append(Section(key, titles.get(key) or key, start, text))
        self._set_document(doc)
        for section in self.sections:
            self._paint_section(section.key)
        self._show_passages([])
        self._update_buttons()

    def _set_document(self, doc: QTextDocument) -> None:
        old, self._doc = self._doc, doc
        self.text.setDocument(doc)
        if old is not None:
            old.deleteLater()  # ours: the editor never deletes a document it was given

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    def _paint_section(self, key: str) -> None:
        """The highlights of one section: cleared, then each piece in its codes' colours."""
        section = self.section(key)
        if section is None or self.item_id is None:
            return
        doc = self.text.document()
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()  # one layout of the section at the end, not one per piece
        cursor.setPosition(section.start)
        cursor.setPosition(section.end, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(QTextCharFormat())
        spans = [
            (p.start, p.end, self._color(p.code_id))
            for p in self.passages.get(self.item_id, {}).values()
            if p.section == key
        ]
        text = section.text
        for a, b, colors in layers(spans):
            fmt = QTextCharFormat()
            fmt.setBackground(QBrush(mixed(colors)))
            if len(colors) > 1:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(QColor(colors[-1]))
                fmt.setFontUnderline(True)
            cursor.setPosition(section.start + to_utf16(text, a))
            cursor.setPosition(section.start + to_utf16(text, b), QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(fmt)
        cursor.endEditBlock()

    def _color(self, code_id: str) -> str:
        code = self.codes.get(code_id)
        if code is not None and code.color:
            return code.color
        ids = list(self.codes)
        return PALETTE[(ids.index(code_id) if code_id in ids else 0) % len(PALETTE)]

    def selection(self) -> tuple[str, int, int] | None:
        """The text's selection as (section, start, end) in code points of that section,
        clipped to the section where it starts; None when nothing codable is selected."""
        cursor = self.text.textCursor()
        if not cursor.hasSelection():
            return None
        a, b = cursor.selectionStart(), cursor.selectionEnd()
        for section in self.sections:
            if section.start <= a < section.end:
                start = from_utf16(section.text, a - section.start)
                end = from_utf16(section.text, min(b, section.end) - section.start)
                if b < section.end and to_utf16(section.text, end) < b - section.start:
                    end += 1  # inside a surrogate pair: keep the whole character
                if end > start:
                    return section.key, start, end
        return None

    def select_range(self, section_key: str, start: int, end: int) -> None:
        """Select ``[start, end)`` (code points) of a section, as a person would."""
        section = self.section(section_key)
        if section is None:
            return
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(section.start + to_utf16(section.text, start))
        cursor.setPosition(
            section.start + to_utf16(section.text, end), QTextCursor.MoveMode.KeepAnchor
        )
        self.text.setTextCursor(cursor)

    def passages_at(self, position: int) -> list[Passage]:
        """The coded passages over a document position, shortest first."""
        for section in self.sections:
            if section.start <= position <= section.end and self.item_id:
                at = from_utf16(section.text, position - section.start)
                found = [
                    p
                    for p in self.passages.get(self.item_id, {}).values()
                    if p.section == section.key and p.start <= at < p.end
                ]
                return sorted(found, key=lambda p: (p.end - p.start, p.start))
        return []

    def _cursor_moved(self) -> None:
        cursor = self.text.textCursor()
        if not cursor.hasSelection():
            self._show_passages(self.passages_at(cursor.position()))

    def _selection_changed(self) -> None:
        self._update_buttons()

    def _show_passages(self, found: list[Passage]) -> None:
        keep = self.current_passage()
        self.passage_list.blockSignals(True)
        self.passage_list.clear()
        for p in found:
            code = self.codes.get(p.code_id)
            row = QListWidgetItem(
                swatch(self._color(p.code_id)),
                f"{code.name if code else '?'} — «{snippet(p.text, 60)}»",
            )
            row.setData(ITEM_ROLE, p.segment_id)
            row.setToolTip(f"{code.name if code else '?'} — «{p.text}»")
            self.passage_list.addItem(row)
        self.passage_list.blockSignals(False)
        self.passage_box.setVisible(bool(found))
        rows = max(2, min(3, len(found)))  # two at least: one row reads as a field
        self.passage_list.setFixedHeight(
            self.passage_list.sizeHintForRow(0) * rows + 2 * self.passage_list.frameWidth() + 2
            if found
            else 0
        )
        if found:
            ids = [p.segment_id for p in found]
            index = ids.index(keep.segment_id) if keep and keep.segment_id in ids else 0
            self.passage_list.setCurrentRow(index)
        self._passage_chosen()

    def current_passage(self) -> Passage | None:
        row = self.passage_list.currentItem()
        if row is None or self.item_id is None:
            return None
        return self.passages.get(self.item_id, {}).get(str(row.data(ITEM_ROLE)))

    def _passage_chosen(self, *_args: object) -> None:
        p = self.current_passage()
        memo = self.memos.get(p.segment_id, []) if p else []
        self.memo_edit.setPlainText(memo[0].text if memo else "")
        self.memo_edit.setEnabled(p is not None)
        self.remove_button.setEnabled(p is not None)
        self.memo_button.setEnabled(p is not None)

    # -- applying codes ----------------------------------------------------------------------
    def current_code_id(self) -> str | None:
        row = self.codebook.currentItem()
        return None if row is None else str(row.data(0, ITEM_ROLE))

    def _update_buttons(self) -> None:
        has_case = self.case_id is not None
        code = self.current_code_id() is not None
        self.apply_button.setEnabled(code and self.text.textCursor().hasSelection())
        self.new_button.setEnabled(has_case)
        self.sub_button.setEnabled(code)
        self.edit_button.setEnabled(code)
        self.delete_button.setEnabled(code)
        self.import_button.setEnabled(has_case)

    def fill_menu(self, menu: QMenu) -> None:
        """The text's context menu: "Code selection as" each code (a selection), and
        "Remove coding" of each passage under the cursor."""
        first = menu.actions()[0] if menu.actions() else None
        added = []
        if self.selection() is not None and self.codes:
            sub = QMenu(self.tr("Code selection as"), menu)
            sub.setObjectName("caseCodeAsMenu")
            for code_id, depth in self._tree_order():
                name = self.codes[code_id].name
                action = sub.addAction(swatch(self._color(code_id)), "   " * depth + name)
                action.triggered.connect(lambda _c=False, c=code_id: self.apply_code(c))
            added.append(sub.menuAction())
        for p in self.passages_at(self.text.textCursor().position()):
            on = self.codes.get(p.code_id)
            action = QAction(
                self.tr("Remove coding %1…").replace("%1", on.name if on else "?"), menu
            )
            action.triggered.connect(lambda _c=False, p=p: self._confirm_remove(p))
            added.append(action)
        if first is None:
            menu.addActions(added)
        elif added:
            menu.insertActions(first, added)
            menu.insertSeparator(first)

    def _tree_order(self) -> list[tuple[str, int]]:
        """Code ids depth first, as the codebook shows them, with their depth."""
        children: dict[str | None, list[str]] = defaultdict(list)
        for code in self.codes.values():
            parent = code.parent_id if code.parent_id in self.codes else None
            children[parent].append(code.id)
        out: list[tuple[str, int]] = []

        def walk(parent: str | None, depth: int) -> None:
            for code_id in children.get(parent, []):
                out.append((code_id, depth))
                walk(code_id, depth + 1)

        walk(None, 0)
        return out

    def _code_double_clicked(self, row: QTreeWidgetItem, _column: int) -> None:
        self.apply_code(str(row.data(0, ITEM_ROLE)))

    def code_selection(self) -> None:
        code_id = self.current_code_id()
        if code_id is None:
            self.status.setText(self.tr("Choose a code in the codebook first."))
            return
        self.apply_code(code_id)

    def apply_code(self, code_id: str) -> None:
        """Code the text's selection with ``code_id`` (on the writer queue)."""
        chosen = self.selection()
        if chosen is None or self.case_id is None or self.item_id is None:
            self.status.setText(self.tr("Select a passage in the text first."))
            return
        key, start, end = chosen
        case_id, item_id, vault = self.case_id, self.item_id, self.vault
        item = self.items[item_id]
        text = (item.text(key) or "")[start:end]

        def job(_progress: ProgressSink, _cancel: CancelToken) -> str:
            return vault.case_studies.coding.apply(case_id, item_id, key, start, end, code_id)

        def done(segment_id: str) -> None:
            # A read that began before this write may have landed after its commit
            # and already counted the passage (the result reached us first).
            known = segment_id in self.passages.get(item_id, {})
            passage = _passage(item, segment_id, code_id, key, start, end, text)
            self.passages[item_id][segment_id] = passage
            if not known:
                self.code_counts[code_id] += 1
            self._count_code(code_id)
            self._count_item(item_id)
            if self.item_id == item_id:
                self._paint_section(key)
            code = self.codes.get(code_id)
            self.status.setText(
                self.tr("Coded «%1» as %2.")
                .replace("%1", snippet(text, 50))
                .replace("%2", code.name if code else "")
            )
            self.applied.emit(segment_id)
            self._changed_soon()

        self.reads.write(job, done, "case-code-apply")

    def _changed_soon(self) -> None:
        self._changed_timer.start()

    # -- passages: remove, memo ----------------------------------------------------------------
    def confirm_remove_passage(self) -> None:
        p = self.current_passage()
        if p is not None:
            self._confirm_remove(p)

    def _confirm_remove(self, p: Passage) -> None:
        code = self.codes.get(p.code_id)
        self.last_box = ask_question(
            self,
            "caseRemovePassage",
            QMessageBox.Icon.Question,
            (
                self.tr("Remove coding"),
                self.tr("Remove the code %1 from «%2»?")
                .replace("%1", code.name if code else "")
                .replace("%2", snippet(p.text, 60)),
                self.tr("The text stays; its memo on this passage is removed with it."),
            ),
            self.tr("Remove"),
            lambda: self.remove_passage(p.segment_id),
            role=QMessageBox.ButtonRole.DestructiveRole,
        )

    def remove_passage(self, segment_id: str) -> None:
        case_id, item_id, vault = self.case_id, self.item_id, self.vault
        if case_id is None or item_id is None:
            return

        def job(_progress: ProgressSink, _cancel: CancelToken) -> None:
            vault.case_studies.coding.remove_passage(case_id, segment_id)

        def done(_result: object) -> None:
            p = self.passages.get(item_id, {}).pop(segment_id, None)
            self.memos.pop(segment_id, None)
            if p is not None:
                self.code_counts[p.code_id] -= 1
                self._count_code(p.code_id)
                self._count_item(item_id)
                if self.item_id == item_id:
                    self._paint_section(p.section)
                    self._cursor_moved()
            self._changed_soon()

        self.reads.write(job, done, "case-code-remove")

    def save_passage_memo(self) -> None:
        p = self.current_passage()
        if p is None or self.case_id is None:
            return
        text = self.memo_edit.toPlainText()
        case_id, vault = self.case_id, self.vault
        old = self.memos.get(p.segment_id, [])
        memo_id = old[0].id if old else None
        if not text.strip() and memo_id is None:
            return

        def job(_progress: ProgressSink, _cancel: CancelToken) -> MemoView | None:
            coding = vault.case_studies.coding
            if memo_id is None:
                return coding.add_memo(case_id, text, segment_id=p.segment_id)
            if not text.strip():
                coding.remove_memo(case_id, memo_id)
                return None
            return coding.update_memo(case_id, memo_id, text)

        def done(memo: MemoView | None) -> None:
            rest = [m for m in self.memos.get(p.segment_id, []) if m.id != memo_id]
            self.memos[p.segment_id] = ([memo] if memo else []) + rest
            self.status.setText(self.tr("Memo saved.") if memo else self.tr("Memo removed."))
            self._changed_soon()

        self.reads.write(job, done, "case-passage-memo")

    # -- the codebook ------------------------------------------------------------------------
    def new_code(self) -> None:
        self._open_code_dialog(None, None)

    def new_subcode(self) -> None:
        parent = self.current_code_id()
        if parent is not None:
            self._open_code_dialog(None, parent)

    def edit_code(self) -> None:
        code_id = self.current_code_id()
        if code_id is not None:
            self._open_code_dialog(code_id, None)

    def _open_code_dialog(self, code_id: str | None, parent_id: str | None) -> None:
        old = self.codes.get(code_id or "")
        parent = self.codes.get(parent_id or "")
        if old is not None:
            dialog = CodeDialog(
                self, name=old.name, color=old.color or self._color(old.id),
                description=old.description,
            )  # fmt: skip
        else:
            dialog = CodeDialog(
                self,
                color=PALETTE[len(self.codes) % len(PALETTE)],
                parent_name=parent.name if parent else None,
            )
        self.dialog = dialog

        def accepted() -> None:
            name, color, description = dialog.values()
            if old is None:
                self.add_code(name, color=color, description=description, parent_id=parent_id)
            else:
                self.update_code(old.id, name=name, color=color, description=description)

        dialog.accepted.connect(accepted)
        dialog.open()

    def add_code(
        self,
        name: str,
        *,
        color: str | None = None,
        description: str = "",
        parent_id: str | None = None,
    ) -> None:
        case_id, vault = self.case_id, self.vault
        if case_id is None:
            return

        def job(_progress: ProgressSink, _cancel: CancelToken) -> CodeView:
            return vault.case_studies.coding.add_code(
                case_id, name, parent_id=parent_id, color=color, description=description
            )

        def done(code: CodeView) -> None:
            self.codes[code.id] = code
            self._fill_codebook()
            self.codebook.setCurrentItem(self._code_rows[code.id])
            self._changed_soon()

        self.reads.write(job, done, "case-code-add")

    def update_code(self, code_id: str, *, name: str, color: str, description: str) -> None:
        case_id, vault = self.case_id, self.vault
        if case_id is None:
            return

        def job(_progress: ProgressSink, _cancel: CancelToken) -> CodeView:
            return vault.case_studies.coding.update_code(
                case_id, code_id, name=name, color=color, description=description
            )

        def done(code: CodeView) -> None:
            self.codes[code.id] = code
            self._fill_codebook()
            if self.item_id is not None:
                for section in self.sections:
                    self._paint_section(section.key)
            self._changed_soon()

        self.reads.write(job, done, "case-code-update")

    def subtree(self, code_id: str) -> set[str]:
        doomed = {code_id}
        grew = True
        while grew:
            more = {c.id for c in self.codes.values() if c.parent_id in doomed} - doomed
            grew = bool(more)
            doomed |= more
        return doomed

    def confirm_delete_code(self) -> None:
        code_id = self.current_code_id()
        code = self.codes.get(code_id or "")
        if code is None:
            return
        doomed = self.subtree(code.id)
        count = sum(self.code_counts.get(c, 0) for c in doomed)
        info = self.tr("%n coded passage(s) go with it.", "", count)
        if len(doomed) > 1:
            info = self.tr("Its %n subcode(s) go too.", "", len(doomed) - 1) + " " + info
        self.last_box = ask_question(
            self,
            "caseDeleteCode",
            QMessageBox.Icon.Warning,
            (
                self.tr("Delete code"),
                self.tr("Delete the code %1?").replace("%1", code.name),
                info + " " + self.tr("Memos on them are deleted too. The texts stay."),
            ),
            self.tr("Delete"),
            lambda: self.delete_code(code.id),
            role=QMessageBox.ButtonRole.DestructiveRole,
        )

    def delete_code(self, code_id: str) -> None:
        case_id, vault = self.case_id, self.vault
        if case_id is None:
            return

        def job(_progress: ProgressSink, _cancel: CancelToken) -> None:
            vault.case_studies.coding.remove_code(case_id, code_id)

        def done(_result: object) -> None:
            self._changed_soon()
            self.set_case(case_id)  # passages, memos and counts of the whole subtree

        self.reads.write(job, done, "case-code-delete")

    def choose_codebook(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import a codebook"), "", self.tr("REFI-QDA codebook (*.qdc)")
        )
        if path:
            self.import_codebook(Path(path))

    def import_codebook(self, path: Path) -> None:
        case_id, vault = self.case_id, self.vault
        if case_id is None:
            return

        def job(_progress: ProgressSink, _cancel: CancelToken) -> list[CodeView]:
            return vault.case_studies.coding.import_codebook(case_id, path)

        def done(added: list[CodeView]) -> None:
            for code in added:
                self.codes[code.id] = code
            self._fill_codebook()
            self.status.setText(self.tr("%n code(s) imported.", "", len(added)))
            self._changed_soon()

        self.reads.write(job, done, "case-codebook-import")

    # -- language --------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.items_label.setText(self.tr("Items"))
        self.item_filter.setPlaceholderText(self.tr("Filter: pseudonym, date, template"))
        self.item_filter.setAccessibleName(self.tr("Filter the items"))
        self.item_list.setHeaderLabels(
            [self.tr("Pseudonym"), self.tr("Date"), self.tr("N"), self.tr("Template")]
        )
        self.item_list.headerItem().setToolTip(2, self.tr("Coded passages"))
        self.item_list.setAccessibleName(self.tr("Items of the study"))
        self.text.setAccessibleName(self.tr("The item's text"))
        self.codebook_label.setText(self.tr("Codebook"))
        self.codebook.setHeaderLabels([self.tr("Code"), self.tr("N")])
        self.codebook.headerItem().setToolTip(1, self.tr("Coded passages"))
        self.codebook.setAccessibleName(self.tr("Codebook"))
        self.apply_button.setText(self.tr("&Code selection"))
        self.apply_button.setToolTip(
            self.tr(
                "Apply the chosen code to the selected text (Ctrl+Return). You can also "
                "double-click a code or drag the selection onto it."
            )
        )
        # Short texts under the "Codebook" heading (the pane is narrow); whole in tooltips.
        for button, text, tip in (
            (self.new_button, self.tr("&New…"), self.tr("New code")),
            (self.sub_button, self.tr("&Subcode…"), self.tr("New subcode of the chosen code")),
            (self.edit_button, self.tr("&Edit…"), self.tr("Edit the chosen code")),
            (self.delete_button, self.tr("&Delete…"), self.tr("Delete the chosen code")),
            (
                self.import_button,
                self.tr("&Import .qdc…"),
                self.tr("Import a REFI-QDA codebook (.qdc)"),
            ),
        ):
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
        self.passage_label.setText(self.tr("Codes on this passage"))
        self.remove_button.setText(self.tr("&Remove coding…"))
        self.memo_edit.setPlaceholderText(self.tr("A memo on this coded passage"))
        self.memo_edit.setAccessibleName(self.tr("Memo on the passage"))
        self.memo_button.setText(self.tr("Save &memo"))
        self.empty.setText(self.tr("Choose a case study to code its items."))
        self.status.setText(self._hint())

    def _hint(self) -> str:
        if self.case_id is not None and not self.items:
            return self.tr("This study has no items yet: add entries in the Items tab.")
        if self.case_id is not None and not self.codes:
            return self.tr("Make a code with New… (or import a codebook), then select a passage.")
        return self.tr("Select a passage, then double-click a code or press Ctrl+Return.")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def _passage(
    item: CaseItem, segment_id: str, code_id: str, section: str, start: int, end: int, text: str
) -> Passage:
    return Passage(
        segment_id, item.id, code_id, item.pseudonym, item.event_date, section, start, end, text
    )


__all__ = ["CaseCodingTab", "CodeDialog", "layers"]
