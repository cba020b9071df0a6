"""The entry picker of a case study (issue 15, item 2): received entries with their consent.

Entries received with ``research`` or ``research-pseudonymised`` consent can be chosen
(several at once); the others are shown greyed, with the reason written in the row
(read only, withdrawn, no consent, already in the study), never only by colour. A filter
box matches the student, the title, the template and the cohort. Adding runs on the task
runner's writer queue at the revision the picker showed (the current head), in batches
with a progress bar when many are chosen. Without a current approval the Add button is
disabled with the reason beside it; the service still refuses, and its error is shown.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.gui.case_common_view import record_table, ui_language
from reflectdesk.gui.case_project_dialog import blocked_reason
from reflectdesk.gui.dates import show_date
from reflectdesk.gui.dialogs import show_error
from reflectdesk.gui.screen_fit import fit_dialog
from reflectdesk.gui.tasks import Task, TaskRunner
from reflectdesk.gui.widgets import wrap
from reflectdesk.i18n_marker import QT_TRANSLATE_NOOP
from reflectdesk.progress import Progress

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from reflectdesk.progress import CancelToken, ProgressSink
    from reflectdesk.services.case_common import Candidate, CaseStudy
    from reflectdesk.services.vault import Vault

log = logging.getLogger(__name__)

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
FILTER_ROLE = Qt.ItemDataRole.UserRole + 2
REVISION_ROLE = Qt.ItemDataRole.UserRole + 3
BATCH = 50  # entries added per transaction when many are chosen (progress between)
STUDENT, TITLE, DATE, TEMPLATE, COHORT, CONSENT = range(6)


def fold(text: str) -> str:
    """Case- and accent-insensitive form for the filter ("Observación" ~ "observacion")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


CONSENTS = {
    "research": QT_TRANSLATE_NOOP("CasePicker", "Research"),
    "research-pseudonymised": QT_TRANSLATE_NOOP("CasePicker", "Research, pseudonymised"),
    "read": QT_TRANSLATE_NOOP("CasePicker", "Read only"),
}
REASONS = {
    "read-only": QT_TRANSLATE_NOOP("CasePicker", "Not addable: consent to read only"),
    "withdrawn": QT_TRANSLATE_NOOP("CasePicker", "Not addable: consent withdrawn"),
    "no-consent": QT_TRANSLATE_NOOP("CasePicker", "Not addable: no consent recorded"),
    "already-added": QT_TRANSLATE_NOOP("CasePicker", "Already in this study"),
}


def consent_text(consent: str | None) -> str:
    name = CONSENTS.get(consent or "")
    return QCoreApplication.translate("CasePicker", name) if name else (consent or "")


def reason_text(candidate: Candidate) -> str:
    """The consent in force, or why the entry cannot be added, as words."""
    if candidate.reason == "addable":
        return consent_text(candidate.consent)
    reason = REASONS.get(candidate.reason)
    return QCoreApplication.translate("CasePicker", reason) if reason else candidate.reason


class _Filter(QSortFilterProxyModel):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFilterRole(FILTER_ROLE)
        self.setFilterKeyColumn(STUDENT)
        self.words: list[str] = []

    def set_words(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9; invalidateFilter is deprecated
            self.beginFilterChange()
            self.words = fold(text).split()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self.words = fold(text).split()
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self.words:
            return True
        source = self.sourceModel()
        hay = str(source.data(source.index(row, STUDENT, parent), FILTER_ROLE) or "")
        return all(word in hay for word in self.words)


class CasePickerDialog(QDialog):
    """Choose received entries to add to ``case_id``; ``added`` carries how many were."""

    added = Signal(int)

    def __init__(
        self, vault: Vault, runner: TaskRunner, case_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("casePickerDialog")
        self.vault = vault
        self.runner = runner
        self.case_id = case_id
        self.study: CaseStudy | None = None
        self.candidates: list[Candidate] = []
        self.loaded = False
        self.adding: Task[Any] | None = None
        self.added_count = 0
        self.error_box: QMessageBox | None = None
        fit_dialog(self, QSize(900, 600))

        self.intro = wrap(QLabel())
        self.intro.setObjectName("casePickerIntro")
        self.filter = QLineEdit()
        self.filter.setObjectName("casePickerFilter")
        self.filter.setClearButtonEnabled(True)
        self.model = QStandardItemModel(0, 6, self)
        self.proxy = _Filter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("casePickerTable")
        self.table.setModel(self.proxy)
        record_table(self.table)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)  # the consent or the reason: the longest
        self.count = wrap(QLabel())
        self.count.setObjectName("casePickerCount")
        self.blocked = wrap(QLabel())
        self.blocked.setObjectName("casePickerBlocked")
        self.progress = QProgressBar()
        self.progress.setObjectName("casePickerProgress")
        self.progress.hide()
        self.add_button = QPushButton()
        self.add_button.setObjectName("casePickerAdd")
        self.add_button.clicked.connect(self.add_selected)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.ActionRole)
        bottom = QHBoxLayout()
        bottom.addWidget(self.blocked, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.progress)
        layout.addLayout(bottom)
        self.filter.textChanged.connect(self._filter_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.retranslate_ui()
        self.load()

    # -- data ------------------------------------------------------------------------------
    def load(self) -> None:
        """Read the candidates (and the study's approval) on a worker."""
        vault, case_id = self.vault, self.case_id
        lang = ui_language()

        def job(
            _p: ProgressSink, _c: CancelToken
        ) -> tuple[CaseStudy, list[Candidate], dict[str, str], dict[str, str]]:
            study = vault.case_studies.get(case_id)
            candidates = vault.case_studies.candidates(case_id)
            templates = {t.id: t.name for t in vault.templates.list(lang)}
            cohorts: dict[str, list[str]] = {}
            for cohort in vault.cohorts.list():
                for member in cohort.member_ids:
                    cohorts.setdefault(member, []).append(cohort.name)
            return study, candidates, templates, {k: ", ".join(v) for k, v in cohorts.items()}

        self.loaded = False
        self.runner.submit(
            job, on_result=self._loaded, on_error=self._failed, name="case-picker", owner=self
        )

    def _loaded(self, result: Any) -> None:
        study, candidates, templates, cohorts = result
        self.study = study
        self.candidates = sorted(
            candidates,
            key=lambda c: (not c.addable, fold(c.author_name), str(c.event_date or ""), c.title),
        )
        self.table.setSortingEnabled(False)
        self.model.removeRows(0, self.model.rowCount())
        for c in self.candidates:
            self.model.appendRow(self._row(c, templates, cohorts))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # keep the order above
        self.table.resizeColumnsToContents()
        self.loaded = True
        self._update()

    def _row(
        self, c: Candidate, templates: dict[str, str], cohorts: dict[str, str]
    ) -> list[QStandardItem]:
        template = templates.get(c.template_id, c.template_id)
        cohort = cohorts.get(c.author_contact_id or "", "")
        texts = [
            c.author_name,
            c.title,
            show_date(c.event_date) if c.event_date else "",
            template,
            cohort,
            reason_text(c),
        ]
        items = []
        for text in texts:
            item = QStandardItem(text)
            item.setToolTip(text if c.addable else f"{text}\n{reason_text(c)}")
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            item.setFlags(flags if c.addable else Qt.ItemFlag.NoItemFlags)
            items.append(item)
        first = items[STUDENT]
        first.setData(c.entry_id, ENTRY_ROLE)
        first.setData(c.revision_id, REVISION_ROLE)
        first.setData(fold(" ".join((c.author_name, c.title, template, cohort))), FILTER_ROLE)
        if c.event_date is not None:
            items[DATE].setData(c.event_date.isoformat(), Qt.ItemDataRole.UserRole)
        return items

    def selected(self) -> list[tuple[str, str]]:
        """(entry id, revision id) of the chosen rows, in the table's order."""
        rows = sorted(
            self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()
        )
        out = []
        for row in rows:
            item = self.model.item(row, STUDENT)
            if item is not None and item.flags() & Qt.ItemFlag.ItemIsSelectable:
                out.append((str(item.data(ENTRY_ROLE)), str(item.data(REVISION_ROLE))))
        return out

    def select_entries(self, entry_ids: Sequence[str]) -> None:
        """Select the rows of these entries (tests and a keyboard-free path)."""
        wanted = set(entry_ids)
        selection = QItemSelection()
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, STUDENT)
            if self.proxy.data(index, ENTRY_ROLE) in wanted:
                selection.select(index, self.proxy.index(row, CONSENT))
        self.table.selectionModel().select(
            selection, self.table.selectionModel().SelectionFlag.ClearAndSelect
        )

    # -- texts -------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Add entries to the case study"))
        self.intro.setText(
            self.tr(
                "Entries your students sent with consent for research can be added. The "
                "others are shown greyed, with the reason."
            )
        )
        self.filter.setPlaceholderText(self.tr("Filter by student, title, template or cohort"))
        self.filter.setAccessibleName(self.tr("Filter"))
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Student"),
                self.tr("Title"),
                self.tr("Date"),
                self.tr("Template"),
                self.tr("Cohort"),
                self.tr("Consent"),
            ]
        )
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_words(text)
        self._update()

    def _selection_changed(self, *_args: object) -> None:
        self._update()

    def _update(self) -> None:
        chosen = len(self.selected()) if self.loaded else 0
        reason = blocked_reason(self.study)
        self.blocked.setText(reason)
        self.blocked.setVisible(bool(reason))
        self.add_button.setText(
            self.tr("&Add %n entries", "", chosen) if chosen else self.tr("&Add")
        )
        self.add_button.setEnabled(
            self.loaded and chosen > 0 and not reason and self.adding is None
        )
        if not self.loaded:
            self.count.setText(self.tr("Reading the received entries…"))
            return
        addable = sum(1 for c in self.candidates if c.addable)
        shown = self.proxy.rowCount()
        if not self.candidates:
            self.count.setText(
                self.tr("No received entries yet: import your students' bundles first.")
            )
        else:
            self.count.setText(
                self.tr("%1 of %2 entries shown; %3 can be added.")
                .replace("%1", str(shown))
                .replace("%2", str(len(self.candidates)))
                .replace("%3", str(addable))
            )

    # -- adding ------------------------------------------------------------------------------
    def add_selected(self) -> None:
        chosen = self.selected()
        if not chosen or self.adding is not None:
            return
        cs, case_id = self.vault.case_studies, self.case_id

        def job(progress: ProgressSink, cancel: CancelToken) -> int:
            done = 0
            for start in range(0, len(chosen), BATCH):
                cancel.raise_if_cancelled()
                batch = [(e, r) for e, r in chosen[start : start + BATCH]]
                cs.add_many(case_id, batch)
                done += len(batch)
                progress(Progress(done, len(chosen), "case-add"))
            return done

        many = len(chosen) > BATCH
        self.progress.setRange(0, len(chosen))
        self.progress.setValue(0)
        self.progress.setVisible(many)
        self.adding = self.runner.submit(
            job,
            on_result=self._added,
            on_error=self._add_failed,
            on_progress=lambda p: self.progress.setValue(p.done),
            writer=True,
            name="case-add",
            owner=self,
        )
        self._update()

    def _added(self, count: Any) -> None:
        self.adding = None
        self.progress.hide()
        self.added_count += int(count)
        log.info("case picker: %d entries added", int(count))
        self.added.emit(int(count))
        self.accept()

    def _add_failed(self, exc: BaseException) -> None:
        self.adding = None
        done = max(0, self.progress.value()) if self.progress.isVisible() else 0
        self.progress.hide()
        if done:
            self.added.emit(done)
        self.load()  # what was added meanwhile is shown as such
        self.error_box = show_error(self, exc)

    def _failed(self, exc: BaseException) -> None:
        self.loaded = True
        self._update()
        self.error_box = show_error(self, exc)

    def reject(self) -> None:
        if self.adding is not None:
            self.adding.cancel()  # batches already added stay; the next is not started
        super().reject()
