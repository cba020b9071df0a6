"""The pseudonymisation review of a case study (issue 15, point 3).

The proposals (``vault.case_studies.pseudonymise.review``) are found on the task runner
with a progress bar and a Stop button; the GUI thread never scans a text. They are
grouped by term ("Valentina Rojas → Estudiante A", its kind, how many times), each
occurrence below its term with a check box: ticked is accepted, unticked is skipped
(Space toggles, the arrows move). The selected occurrence is shown in its context
before (the original highlighted) and after (the pseudonym highlighted). "Add term…"
adds a person or place to the study's map and finds the proposals again, keeping the
decisions already taken. Apply writes on the writer queue, then the dialog is
accepted.

Skipping an occurrence in an entry whose author asked for pseudonyms leaves that entry
unreviewed, so exports wait for it: the service decides which
(``case_pseudonymise.blocked_items``) and the dialog says so before Apply.

The map names people: it lives in this dialog's memory only, never in a file or a log.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStyle,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.errors import (
    Cancelled,
    CaseItemNotFound,
    PseudonymisationStale,
    ReflectDeskError,
)
from reflectdesk.gui.case_common_view import ui_language
from reflectdesk.gui.dates import show_date
from reflectdesk.gui.dialogs import message_box, show_error
from reflectdesk.gui.i18n import error_texts
from reflectdesk.gui.screen_fit import fit_dialog
from reflectdesk.gui.widgets import wrap
from reflectdesk.progress import CancelToken, Progress, ProgressSink
from reflectdesk.services.case_pseudonymise import (
    AMBIGUOUS,
    NAME_KINDS,
    PATTERN_KINDS,
    Replacement,
    Review,
    blocked_items,
    item_of_source,
)

if TYPE_CHECKING:
    from reflectdesk.gui.tasks import Task, TaskRunner
    from reflectdesk.services.vault import Vault

log = logging.getLogger(__name__)

CONTEXT = 180  # characters shown either side of an occurrence
EXPANDED = 500  # up to this many proposals, every term starts open
MEASURED_ROWS = 200  # rows measured to size the columns
GROUP = 0  # internalId of a term row; an occurrence row's is its term's row + 1
COLUMNS = 3
_ROOT = QModelIndex()
_PLAIN = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_CHECKABLE = _PLAIN | Qt.ItemFlag.ItemIsUserCheckable
# Terms in this order: people, places, then the patterns.
KIND_ORDER = (
    "student",
    "mentor",
    "tutor",
    "colleague",
    "pupil",
    "school",
    "commune",
    "other",
    AMBIGUOUS,
    *PATTERN_KINDS,
)


def kind_text(kind: str) -> str:
    """A kind of term, translated (the review list, the Add term box)."""
    texts = {
        "student": QCoreApplication.translate("PseudonymiseDialog", "student"),
        "mentor": QCoreApplication.translate("PseudonymiseDialog", "mentor"),
        "tutor": QCoreApplication.translate("PseudonymiseDialog", "tutor"),
        "colleague": QCoreApplication.translate("PseudonymiseDialog", "colleague"),
        "pupil": QCoreApplication.translate("PseudonymiseDialog", "pupil"),
        "school": QCoreApplication.translate("PseudonymiseDialog", "school"),
        "commune": QCoreApplication.translate("PseudonymiseDialog", "commune"),
        "other": QCoreApplication.translate("PseudonymiseDialog", "other person"),
        AMBIGUOUS: QCoreApplication.translate("PseudonymiseDialog", "name of two people"),
        "rut": QCoreApplication.translate("PseudonymiseDialog", "RUT"),
        "email": QCoreApplication.translate("PseudonymiseDialog", "e-mail"),
        "phone": QCoreApplication.translate("PseudonymiseDialog", "phone"),
    }
    return texts.get(kind, kind)


@dataclass
class Term:
    """One line of the review: a person, place or pattern and where it was found."""

    key: str
    label: str  # as the map or the text writes it
    pseudonym: str
    kind: str
    rows: list[int]  # indexes into the proposals, in text order
    accepted: int = 0


def group_terms(review: Review) -> list[Term]:
    """The proposals grouped by whom they name: a person of the map (all their forms
    together), else the text found (a RUT, an e-mail address, an ambiguous name)."""
    people = {p.id: p for p in review.pmap.people}
    terms: dict[str, Term] = {}
    for n, r in enumerate(review.proposals):
        person = people.get(r.person) if r.person else None
        if person is not None:
            key, label = f"p:{person.id}", person.names[0] if person.names else r.original
        else:
            key, label = f"{r.kind}:{' '.join(r.original.casefold().split())}", r.original
        term = terms.get(key)
        if term is None:
            term = terms[key] = Term(key, label, r.replacement, r.kind, [])
        term.rows.append(n)
    order = {k: i for i, k in enumerate(KIND_ORDER)}
    return sorted(terms.values(), key=lambda t: (order.get(t.kind, len(order)), t.label.casefold()))


class ReviewModel(QAbstractItemModel):
    """Terms and their occurrences, each with a check box (ticked: accepted)."""

    decisions_changed = Signal()

    def __init__(
        self, section_title: Callable[[str, str], str], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._section_title = section_title  # (template id, section key) → its title
        self._titles: dict[tuple[str, str], str] = {}
        self.review: Review | None = None
        self.terms: list[Term] = []
        self.accepted: list[bool] = []
        self.term_of: list[int] = []  # proposal → its term's row
        self.row_in_term: list[int] = []  # proposal → its row under its term
        self.by_source: dict[str, list[int]] = {}  # source → its proposals, in text order
        self.where: dict[str, str] = {}  # item id → "Estudiante A · 4 may 2026"
        self.strict: set[str] = set()
        self._warning = QIcon()

    # -- contents ----------------------------------------------------------------------------
    def set_review(self, review: Review | None, keep: set[tuple[Any, ...]] | None = None) -> None:
        """Show ``review``; the proposals in ``keep`` (their :func:`key`) start accepted."""
        self.beginResetModel()
        self.review = review
        self.terms = group_terms(review) if review is not None else []
        proposals = review.proposals if review is not None else []
        kept = keep or set()
        self.accepted = [key(p) in kept for p in proposals]
        self.term_of = [0] * len(proposals)
        self.row_in_term = [0] * len(proposals)
        for row, term in enumerate(self.terms):
            for child, n in enumerate(term.rows):
                self.term_of[n] = row
                self.row_in_term[n] = child
            term.accepted = sum(self.accepted[n] for n in term.rows)
        self.by_source = {}
        for n, p in enumerate(proposals):
            self.by_source.setdefault(p.source, []).append(n)
        self.where = {}
        # Items where a skip keeps exports waiting (the service's rule, asked once).
        self.strict = (
            blocked_items(review.items.values(), review.proposals) if review is not None else set()
        )
        if review is not None:
            for item in review.items.values():
                when = show_date(item.event_date) if item.event_date else ""
                self.where[item.id] = " · ".join(x for x in (item.pseudonym, when) if x)
        self.endResetModel()
        self.decisions_changed.emit()

    def proposals(self) -> list[Replacement]:
        return self.review.proposals if self.review is not None else []

    def accepted_proposals(self) -> list[Replacement]:
        return [p for p, ok in zip(self.proposals(), self.accepted, strict=True) if ok]

    def skipped_proposals(self) -> list[Replacement]:
        return [p for p, ok in zip(self.proposals(), self.accepted, strict=True) if not ok]

    def accepted_keys(self) -> set[tuple[Any, ...]]:
        return {key(p) for p in self.accepted_proposals()}

    def counts(self) -> tuple[int, int]:
        return sum(self.accepted), len(self.accepted)

    def proposal_at(self, index: QModelIndex | QPersistentModelIndex) -> int | None:
        """The proposal an occurrence row shows (None for a term row)."""
        if not index.isValid() or index.internalId() == GROUP:
            return None
        return self.terms[index.internalId() - 1].rows[index.row()]

    def term_at(self, index: QModelIndex | QPersistentModelIndex) -> int | None:
        if not index.isValid():
            return None
        return index.row() if index.internalId() == GROUP else index.internalId() - 1

    def index_of_proposal(self, n: int, column: int = 0) -> QModelIndex:
        term = self.term_of[n]
        return self.index(self.row_in_term[n], column, self.index(term, 0))

    # -- decisions ---------------------------------------------------------------------------
    def set_accepted(self, rows: Sequence[int], value: bool) -> None:
        # term → (first, last) child row changed: one repaint per term, whatever the count.
        touched: dict[int, tuple[int, int]] = {}
        for n in rows:
            if self.accepted[n] != value:
                self.accepted[n] = value
                term = self.term_of[n]
                self.terms[term].accepted += 1 if value else -1
                child = self.row_in_term[n]
                first, last = touched.get(term, (child, child))
                touched[term] = (min(first, child), max(last, child))
        for term, (first, last) in touched.items():
            parent = self.index(term, 0)
            self.dataChanged.emit(parent, parent.siblingAtColumn(COLUMNS - 1))
            self.dataChanged.emit(
                self.index(first, 0, parent), self.index(last, COLUMNS - 1, parent)
            )
        if touched:
            self.decisions_changed.emit()

    def set_all(self, value: bool) -> None:
        """Every occurrence accepted or skipped. One layout change, which keeps the
        current row and the open terms: a dataChanged per term costs the tree a search
        of its rows each, seconds for a large study."""
        if not self.accepted:
            return
        self.layoutAboutToBeChanged.emit()
        self.accepted = [value] * len(self.accepted)
        for term in self.terms:
            term.accepted = len(term.rows) if value else 0
        self.layoutChanged.emit()
        self.decisions_changed.emit()

    def toggle(self, index: QModelIndex | QPersistentModelIndex) -> None:
        n = self.proposal_at(index)
        if n is not None:
            self.set_accepted([n], not self.accepted[n])
            return
        term = self.term_at(index)
        if term is not None:
            t = self.terms[term]
            self.set_accepted(t.rows, t.accepted < len(t.rows))

    # -- the model ---------------------------------------------------------------------------
    def index(
        self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = _ROOT
    ) -> QModelIndex:
        if not parent.isValid():
            if 0 <= row < len(self.terms) and 0 <= column < COLUMNS:
                return self.createIndex(row, column, GROUP)
            return QModelIndex()
        if parent.internalId() != GROUP:
            return QModelIndex()
        term = self.terms[parent.row()]
        if 0 <= row < len(term.rows) and 0 <= column < COLUMNS:
            return self.createIndex(row, column, parent.row() + 1)
        return QModelIndex()

    def parent(self, index: QModelIndex | QPersistentModelIndex = _ROOT) -> Any:
        if not index.isValid() or index.internalId() == GROUP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, GROUP)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        if not parent.isValid():
            return len(self.terms)
        if parent.internalId() == GROUP and parent.column() == 0:
            return len(self.terms[parent.row()].rows)
        return 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return COLUMNS

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _CHECKABLE if index.column() == 0 else _PLAIN

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Term → pseudonym"),
            self.tr("Kind · as written"),
            self.tr("Found · decision"),
        )[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        n = self.proposal_at(index)
        if n is None:
            term = self.terms[index.row()]
            if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
                if term.accepted == 0:
                    return Qt.CheckState.Unchecked
                if term.accepted == len(term.rows):
                    return Qt.CheckState.Checked
                return Qt.CheckState.PartiallyChecked
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                if index.column() == 0:
                    return f"{term.label} → {term.pseudonym}"
                if index.column() == 1:
                    return kind_text(term.kind)
                return self.tr("%n occurrences", "", len(term.rows))
            if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
                accepted = (
                    self.tr("%1 of %2 accepted")
                    .replace("%1", str(term.accepted))
                    .replace("%2", str(len(term.rows)))
                )
                return f"{term.label} → {term.pseudonym}\n{accepted}"
            return None
        p = self.proposals()[n]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            return Qt.CheckState.Checked if self.accepted[n] else Qt.CheckState.Unchecked
        strict = index.column() == 0 and item_of_source(p.source) in self.strict
        if role == Qt.ItemDataRole.DecorationRole and strict and not self.accepted[n]:
            if self._warning.isNull():
                style = QApplication.style()
                self._warning = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            return self._warning
        if role == Qt.ItemDataRole.ToolTipRole and strict:
            return self.tr(
                "%1\nThis entry may only be used pseudonymised: if this is skipped, exports "
                "wait until it is accepted."
            ).replace("%1", self.data(index, Qt.ItemDataRole.DisplayRole))
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            if index.column() == 0:
                item_id = item_of_source(p.source)
                return " · ".join(x for x in (self.where.get(item_id, ""), self.section(p)) if x)
            if index.column() == 1:
                return f"«{p.original}»"
            return self.tr("accepted") if self.accepted[n] else self.tr("skipped")
        return None

    def section(self, p: Replacement) -> str:
        item_id, _, section = p.source.partition("#")
        item = self.review.items.get(item_id) if self.review is not None else None
        if item is None:
            return section
        known = (item.template_id, section)
        if known not in self._titles:
            self._titles[known] = self._section_title(*known)
        return self._titles[known]

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = 0
    ) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        n = self.proposal_at(index)
        if n is not None:
            self.set_accepted([n], checked)
            return True
        term = self.term_at(index)
        if term is None:
            return False
        t = self.terms[term]
        self.set_accepted(t.rows, t.accepted < len(t.rows))  # partial → all accepted
        return True


def key(p: Replacement) -> tuple[Any, ...]:
    """What makes a proposal the same one after the proposals are found again."""
    return (p.source, p.start, p.end, p.original, p.replacement)


class ReviewTree(QTreeView):
    """Space toggles the current row (a term: all its occurrences); arrows move."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select) and not event.modifiers():
            model = self.model()
            index = self.currentIndex()
            if isinstance(model, ReviewModel) and index.isValid():
                model.toggle(index.siblingAtColumn(0))
                event.accept()
                return
        super().keyPressEvent(event)


class PseudonymiseDialog(QDialog):
    """Review the proposed pseudonyms of a case study; ``accepted`` means applied."""

    applied = Signal(int)  # how many replacements were made

    def __init__(
        self, vault: Vault, runner: TaskRunner, case_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pseudonymiseDialog")
        self.vault = vault
        self.runner = runner
        self.case_id = case_id
        self.task: Task[Any] | None = None
        self.applying = False
        self.error_box: QMessageBox | None = None
        self.blocked_box: QMessageBox | None = None  # after Apply, if exports still wait
        self.still_blocked: list[str] = []  # after Apply: items exports still wait for
        self.made = 0
        fit_dialog(self, QSize(1040, 700))
        self.model = ReviewModel(self.section_title, self)
        self._build()
        self.model.decisions_changed.connect(self._update)
        self.model.modelReset.connect(self._after_reset)
        self.retranslate_ui()
        self._update()
        self.find_proposals()

    def section_title(self, template_id: str, section: str) -> str:
        """A section's title in its template (the key if the template is unknown)."""
        try:
            prompt = self.vault.templates.get(template_id).prompt(section)
        except ReflectDeskError:
            prompt = None
        return prompt.title.get(ui_language()) if prompt is not None else section

    # -- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = wrap(QLabel())
        self.heading.setObjectName("pseudoHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.intro = wrap(QLabel())
        self.intro.setObjectName("pseudoIntro")

        self.progress = QProgressBar()
        self.progress.setObjectName("pseudoProgress")
        self.stop_button = QPushButton()
        self.stop_button.setObjectName("pseudoStop")
        self.stop_button.clicked.connect(self.stop)
        self.again_button = QPushButton()
        self.again_button.setObjectName("pseudoSearchAgain")
        self.again_button.clicked.connect(lambda: self.find_proposals())
        self.progress_row = QWidget()
        row = QHBoxLayout(self.progress_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.progress, 1)
        row.addWidget(self.stop_button)
        row.addWidget(self.again_button)

        self.tree = ReviewTree()
        self.tree.setObjectName("pseudoTree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Measured once per list, on the first rows: ResizeToContents would measure
        # every row again at each tick (tens of thousands in a large study).
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(MEASURED_ROWS)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._show_current())
        self.empty = wrap(QLabel())
        self.empty.setObjectName("pseudoEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.empty)

        self.before_label = QLabel()
        self.before = QTextBrowser()
        self.before.setObjectName("pseudoBefore")
        self.after_label = QLabel()
        self.after = QTextBrowser()
        self.after.setObjectName("pseudoAfter")
        for view in (self.before, self.after):
            view.setOpenLinks(False)
            view.setMinimumHeight(60)
        self.before_label.setBuddy(self.before)
        self.after_label.setBuddy(self.after)
        self.state_label = wrap(QLabel())
        self.state_label.setObjectName("pseudoOccurrenceState")
        self.accept_one = QPushButton()
        self.accept_one.setObjectName("pseudoAcceptOccurrence")
        self.accept_one.clicked.connect(lambda: self.decide_current(True))
        self.skip_one = QPushButton()
        self.skip_one.setObjectName("pseudoSkipOccurrence")
        self.skip_one.clicked.connect(lambda: self.decide_current(False))
        one_row = QHBoxLayout()
        one_row.addWidget(self.state_label, 1)
        one_row.addWidget(self.accept_one)
        one_row.addWidget(self.skip_one)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.before_label)
        right_layout.addWidget(self.before, 1)
        right_layout.addWidget(self.after_label)
        right_layout.addWidget(self.after, 1)
        right_layout.addLayout(one_row)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("pseudoSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([580, 420])  # the list first: it is what is reviewed
        left.setMinimumWidth(300)
        right.setMinimumWidth(240)

        self.term_row = self._build_term_row()

        self.accept_term = QPushButton()
        self.accept_term.setObjectName("pseudoAcceptTerm")
        self.accept_term.clicked.connect(self.accept_current_term)
        self.accept_all = QPushButton()
        self.accept_all.setObjectName("pseudoAcceptAll")
        self.accept_all.clicked.connect(lambda: self.model.set_all(True))
        self.skip_all = QPushButton()
        self.skip_all.setObjectName("pseudoSkipAll")
        self.skip_all.clicked.connect(lambda: self.model.set_all(False))
        self.add_term_button = QPushButton()
        self.add_term_button.setObjectName("pseudoAddTermButton")
        self.add_term_button.setCheckable(True)
        self.add_term_button.toggled.connect(self._show_term_row)
        self.count = QLabel()
        self.count.setObjectName("pseudoCount")
        actions = QHBoxLayout()
        actions.addWidget(self.accept_term)
        actions.addWidget(self.accept_all)
        actions.addWidget(self.skip_all)
        actions.addStretch(1)
        actions.addWidget(self.add_term_button)

        self.blocked = wrap(QLabel())
        self.blocked.setObjectName("pseudoBlocked")
        self.status = wrap(QLabel())
        self.status.setObjectName("pseudoStatus")
        self.buttons = QDialogButtonBox()
        self.apply_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setObjectName("pseudoApply")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("pseudoCancel")
        self.apply_button.clicked.connect(self.apply)
        self.cancel_button.clicked.connect(self.reject)
        self.apply_button.setAutoDefault(False)
        self.cancel_button.setAutoDefault(False)
        notes = QVBoxLayout()
        notes.addWidget(self.count)
        notes.addWidget(self.status)
        bottom = QHBoxLayout()
        bottom.addLayout(notes, 1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.progress_row)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(actions)
        layout.addWidget(self.term_row)
        layout.addWidget(self.blocked)
        layout.addLayout(bottom)

    def _build_term_row(self) -> QFrame:
        frame = QFrame()
        frame.setObjectName("pseudoTermRow")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.term_kind = QComboBox()
        self.term_kind.setObjectName("pseudoTermKind")
        for kind in NAME_KINDS:
            self.term_kind.addItem("", kind)
        self.term_kind.setCurrentIndex(NAME_KINDS.index("pupil"))
        self.term_name = QLineEdit()
        self.term_name.setObjectName("pseudoTermName")
        self.term_forms = QLineEdit()
        self.term_forms.setObjectName("pseudoTermForms")
        self.term_add = QPushButton()
        self.term_add.setObjectName("pseudoTermAdd")
        self.term_add.clicked.connect(self.add_term)
        self.term_name.textChanged.connect(lambda _t: self._update())
        self.term_name.returnPressed.connect(self.add_term)
        self.term_forms.returnPressed.connect(self.add_term)
        self.term_kind_label = QLabel()  # no mnemonic: every letter is taken
        self.term_kind_label.setBuddy(self.term_kind)
        self.term_name_label = QLabel()
        self.term_name_label.setBuddy(self.term_name)
        self.term_forms_label = QLabel()
        self.term_forms_label.setBuddy(self.term_forms)
        row = QHBoxLayout(frame)
        row.setContentsMargins(6, 4, 6, 4)
        row.addWidget(self.term_kind_label)
        row.addWidget(self.term_kind)
        row.addWidget(self.term_name_label)
        row.addWidget(self.term_name, 2)
        row.addWidget(self.term_forms_label)
        row.addWidget(self.term_forms, 3)
        row.addWidget(self.term_add)
        frame.setVisible(False)
        return frame

    # -- finding the proposals ---------------------------------------------------------------
    def busy(self) -> bool:
        return self.task is not None

    def find_proposals(self, term: tuple[str, str, tuple[str, ...]] | None = None) -> None:
        """Find the proposals (after adding ``term``: kind, name, other forms) on the
        runner; the decisions taken so far are kept."""
        if self.busy():
            return
        service = self.vault.case_studies.pseudonymise
        case_id = self.case_id

        def job(progress: ProgressSink, cancel: CancelToken) -> tuple[Review, str]:
            pseudonym = ""
            if term is not None:
                kind, name, forms = term
                pseudonym = service.add_term(case_id, kind, name, forms=forms)
            return service.review(case_id, progress=progress, cancel=cancel), pseudonym

        keep = self.model.accepted_keys()
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Looking for names, RUTs, e-mail addresses and phones…"))
        # The map may gain the study's people: a write, queued after pending saves.
        self.task = self.runner.submit(
            job,
            on_result=lambda result: self._found(result, keep),
            on_error=self._failed,
            on_progress=self._progressed,
            writer=True,
            name="case:pseudonymise-review",
            owner=self,
        )
        self._update()

    def _progressed(self, report: Progress) -> None:
        if report.total:
            self.progress.setRange(0, report.total)
            self.progress.setValue(report.done)

    def _found(self, result: tuple[Review, str], keep: set[tuple[Any, ...]]) -> None:
        self.task = None
        review, pseudonym = result
        self.model.set_review(review, keep)
        if pseudonym:
            self.term_name.clear()
            self.term_forms.clear()
            row = next(
                (r for r, t in enumerate(self.model.terms) if t.pseudonym == pseudonym), None
            )
            if row is None:
                self.status.setText(
                    self.tr("Term added as %1; it does not appear in the texts.").replace(
                        "%1", pseudonym
                    )
                )
            else:  # show where it was found
                self.status.setText(self.tr("Term added as %1.").replace("%1", pseudonym))
                self.select_proposal(self.model.terms[row].rows[0])
        else:
            self.status.setText("")
        log.info("pseudonymisation proposals: %d", len(review.proposals))
        self._update()

    def stop(self) -> None:
        if self.task is not None and not self.applying:
            self.task.cancel()
            self.status.setText(self.tr("Stopping…"))

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        was_applying, self.applying = self.applying, False
        self._update()
        if isinstance(exc, Cancelled):
            self.status.setText(self.tr("Stopped: nothing was changed."))
            return
        if isinstance(exc, ReflectDeskError):
            message, hint = error_texts(exc)
            self.status.setText(f"{message} {hint}")
        self.error_box = show_error(self, exc)
        if was_applying and isinstance(exc, PseudonymisationStale | CaseItemNotFound):
            # The texts changed meanwhile (or an item was withdrawn): propose again.
            self.find_proposals()

    # -- deciding ----------------------------------------------------------------------------
    def _after_reset(self) -> None:
        if len(self.model.proposals()) <= EXPANDED:
            self.tree.expandAll()
        self._size_columns()
        if self.model.terms:
            first = self.model.index(0, 0, self.model.index(0, 0))
            self.tree.setCurrentIndex(first)
        self._show_current()

    def _size_columns(self) -> None:
        for column in (1, 2):
            self.tree.resizeColumnToContents(column)

    def current_proposal(self) -> int | None:
        return self.model.proposal_at(self.tree.currentIndex())

    def decide_current(self, value: bool) -> None:
        """Accept or skip the selected occurrence (a term: all of it), then go to the next."""
        index = self.tree.currentIndex()
        n = self.model.proposal_at(index)
        if n is None:
            term = self.model.term_at(index)
            if term is not None:
                self.model.set_accepted(self.model.terms[term].rows, value)
            return
        self.model.set_accepted([n], value)
        below = self.tree.indexBelow(index)
        if below.isValid():
            self.tree.setCurrentIndex(below)
            if self.model.proposal_at(below) is None:  # the next term: its first occurrence
                self.tree.expand(below)
                child = self.model.index(0, 0, below)
                if child.isValid():
                    self.tree.setCurrentIndex(child)
        self._show_current()

    def accept_current_term(self) -> None:
        term = self.model.term_at(self.tree.currentIndex())
        if term is not None:
            self.model.set_accepted(self.model.terms[term].rows, True)

    def select_proposal(self, n: int) -> None:
        index = self.model.index_of_proposal(n)
        self.tree.expand(index.parent())
        self.tree.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _show_current(self) -> None:
        n = self.current_proposal()
        review = self.model.review
        if n is None or review is None:
            term = self.model.term_at(self.tree.currentIndex())
            if term is not None:
                t = self.model.terms[term]
                self.before.setPlainText(t.label)
                self.after.setPlainText(t.pseudonym)
                self.state_label.setText(
                    self.tr("%1 of %2 accepted")
                    .replace("%1", str(t.accepted))
                    .replace("%2", str(len(t.rows)))
                )
            else:
                self.before.clear()
                self.after.clear()
                self.state_label.clear()
            self._update_buttons()
            return
        p = review.proposals[n]
        text = review.texts.get(p.source, "")
        before, after = self.context_html(text, p, n)
        self.before.setHtml(before)
        self.after.setHtml(after)
        self.state_label.setText(
            self.tr("Accepted: it will be replaced.")
            if self.model.accepted[n]
            else self.tr("Skipped: it stays as written.")
        )
        self._update_buttons()

    def context_html(self, text: str, p: Replacement, n: int) -> tuple[str, str]:
        """The occurrence in its context: before with the original marked, after with
        the accepted replacements made and this one's pseudonym marked."""
        start = max(0, p.start - CONTEXT)
        end = min(len(text), p.end + CONTEXT)
        if start > 0:
            space = text.find(" ", start, p.start)
            start = space + 1 if space >= 0 else start
        if end < len(text):
            space = text.rfind(" ", p.end, end)
            end = space if space >= 0 else end
        lead = "… " if start > 0 else ""
        tail = " …" if end < len(text) else ""
        palette = self.palette()
        mark = (
            f'<span style="background-color:{palette.color(QPalette.ColorRole.Highlight).name()};'
            f'color:{palette.color(QPalette.ColorRole.HighlightedText).name()};font-weight:bold">'
        )

        def marked(s: str) -> str:
            return f"{mark}{html.escape(s)}</span>"

        before = lead + html.escape(text[start : p.start]) + marked(p.original)
        before += html.escape(text[p.end : end]) + tail
        # After: every accepted replacement in the window made, this one marked.
        review = self.model.review
        assert review is not None
        others = [
            (m, review.proposals[m])
            for m in self.model.by_source.get(p.source, [])
            if m != n and start <= review.proposals[m].start and review.proposals[m].end <= end
        ]
        pieces: list[str] = []
        at = start
        spans = sorted([*((q.start, q.end, m) for m, q in others), (p.start, p.end, n)])
        for s, e, m in spans:
            q = review.proposals[m]
            pieces.append(html.escape(text[at:s]))
            if m == n:
                pieces.append(marked(q.replacement))
            else:
                pieces.append(html.escape(q.replacement if self.model.accepted[m] else q.original))
            at = e
        pieces.append(html.escape(text[at:end]))
        after = lead + "".join(pieces) + tail
        return f"<p>{before}</p>", f"<p>{after}</p>"

    # -- adding a term -----------------------------------------------------------------------
    def _show_term_row(self, shown: bool) -> None:
        self.term_row.setVisible(shown)
        if shown:
            self.term_name.setFocus()

    def add_term(self) -> None:
        name = " ".join(self.term_name.text().split())
        if not name or self.busy():
            return
        forms = tuple(f.strip() for f in self.term_forms.text().split(",") if f.strip())
        kind = str(self.term_kind.currentData())
        self.find_proposals((kind, name, forms))

    # -- applying ----------------------------------------------------------------------------
    def blocked_count(self) -> int:
        """Entries exports would still wait for if Apply ran now (the service's rule)."""
        review = self.model.review
        if review is None:
            return 0
        return len(blocked_items(review.items.values(), self.model.skipped_proposals()))

    def apply(self) -> None:
        if self.busy() or self.model.review is None:
            return
        service = self.vault.case_studies
        case_id = self.case_id
        accepted = self.model.accepted_proposals()
        skipped = self.model.skipped_proposals()

        def job(_progress: ProgressSink, _cancel: CancelToken) -> tuple[int, list[str]]:
            made = service.pseudonymise.apply(case_id, accepted, skipped=skipped)
            waiting = [
                i.id
                for i in service.items(case_id)
                if i.needs_pseudonymisation and not i.pseudonymised
            ]
            return made, waiting

        self.applying = True
        self.status.setText(self.tr("Making the replacements…"))
        self.task = self.runner.submit(
            job,
            on_result=self._applied,
            on_error=self._failed,
            writer=True,
            name="write:case-pseudonymise",
            owner=self,
        )
        self._update()

    def _applied(self, result: tuple[int, list[str]]) -> None:
        self.task = None
        self.applying = False
        self.made, self.still_blocked = result
        log.info("pseudonymisation applied: %d replacements", self.made)
        if self.still_blocked:  # the service's answer, after the fact too
            count = len(self.still_blocked)
            self.blocked_box = message_box(
                self.parentWidget(),
                self.tr("Review pseudonyms"),
                self.tr(
                    "%n entries still wait for their pseudonyms: exports stay blocked until "
                    "every replacement in them is accepted.",
                    "",
                    count,
                ),
                self.tr("Review pseudonyms again to accept what was skipped in them."),
                QMessageBox.Icon.Information,
            )
        self.applied.emit(self.made)
        self.accept()

    def reject(self) -> None:
        if self.applying:  # a write: it finishes (atomically) before the window closes
            self.status.setText(self.tr("Making the replacements… please wait."))
            return
        if self.task is not None:  # finding proposals: nothing changes if it stops
            self.task.cancel()
        super().reject()

    # -- state -------------------------------------------------------------------------------
    def _update(self) -> None:
        busy = self.busy()
        searching = busy and not self.applying
        stopped = not busy and self.model.review is None  # stopped, or the search failed
        self.progress_row.setVisible(searching or stopped)
        self.progress.setVisible(searching)
        self.stop_button.setVisible(searching)
        self.again_button.setVisible(stopped)
        has = bool(self.model.proposals())
        self.tree.setVisible(has)
        self.empty.setVisible(not has)
        done, total = self.model.counts()
        self.count.setText(
            self.tr("%1 of %2 accepted").replace("%1", str(done)).replace("%2", str(total))
        )
        blocked = self.blocked_count()
        self.blocked.setVisible(blocked > 0)
        if blocked:
            self.blocked.setText(
                self.tr(
                    "%n entries may only be used pseudonymised and have skipped replacements: "
                    "exports stay blocked until those entries are pseudonymised.",
                    "",
                    blocked,
                )
            )
        self.apply_button.setEnabled(not busy and self.model.review is not None)
        self.accept_all.setEnabled(not busy and has and done < total)
        self.skip_all.setEnabled(not busy and has and done > 0)
        self.add_term_button.setEnabled(not busy)
        self.term_add.setEnabled(not busy and bool(self.term_name.text().strip()))
        self.tree.setEnabled(not self.applying)
        self._update_buttons()
        if self.model.review is not None and not has:
            self.empty.setText(
                self.tr(
                    "Nothing to replace: no names, RUTs, e-mail addresses or phone numbers "
                    "were found. Add a term if someone is missing."
                )
            )
        elif self.model.review is None:
            self.empty.setText("")
        n = self.current_proposal()
        if n is not None:
            self.state_label.setText(
                self.tr("Accepted: it will be replaced.")
                if self.model.accepted[n]
                else self.tr("Skipped: it stays as written.")
            )

    def _update_buttons(self) -> None:
        usable = not self.busy() and self.tree.currentIndex().isValid()
        self.accept_one.setEnabled(usable)
        self.skip_one.setEnabled(usable)
        self.accept_term.setEnabled(usable)

    # -- text --------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Review pseudonyms"))
        self.heading.setText(self.tr("Review the proposed pseudonyms"))
        self.intro.setText(
            self.tr(
                "Tick each replacement you accept; unticked ones are skipped and stay as "
                "written. Space ticks or unticks, the arrow keys move. The list of who is "
                "who stays in this vault: it is never exported."
            )
        )
        self.stop_button.setText(self.tr("&Stop"))
        self.again_button.setText(self.tr("&Search again"))
        self.tree.setAccessibleName(self.tr("Proposed replacements, grouped by term"))
        self.before_label.setText(self.tr("&Before:"))
        self.after_label.setText(self.tr("A&fter:"))
        self.before.setAccessibleName(self.tr("The text as written"))
        self.after.setAccessibleName(self.tr("The text with the pseudonym"))
        self.accept_one.setText(self.tr("&Accept"))
        self.skip_one.setText(self.tr("S&kip"))
        self.accept_term.setText(self.tr("Accept all for this &term"))
        self.accept_all.setText(self.tr("Accept a&ll"))
        self.skip_all.setText(self.tr("Skip all"))
        self.add_term_button.setText(self.tr("Add t&erm…"))
        self.term_kind_label.setText(self.tr("Kind:"))
        self.term_name_label.setText(self.tr("&Name:"))
        self.term_forms_label.setText(self.tr("&Other forms:"))
        self.term_forms.setPlaceholderText(self.tr("separated by commas: Martina, la Martina"))
        self.term_add.setText(self.tr("A&dd and search again"))
        for i in range(self.term_kind.count()):
            self.term_kind.setItemText(i, kind_text(str(self.term_kind.itemData(i))))
        self.apply_button.setText(self.tr("A&pply"))
        self.cancel_button.setText(self.tr("Cancel"))
        for button in self.findChildren(QPushButton):
            button.setAccessibleName(button.text().replace("&", ""))
        self.term_kind.setAccessibleName(self.tr("Kind of term"))
        self.term_name.setAccessibleName(self.tr("Name of the term"))
        self.term_forms.setAccessibleName(self.tr("Other forms of the term"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)
        self._size_columns()
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
