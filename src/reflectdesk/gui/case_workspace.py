"""The case-study workspace (issue 15, item 8): the sidebar's "Case studies" page.

Left, the project list ("New…", "Import REFI-QDA project…", "Delete…"); right, the
selected study: its title, research question and ethics approval ("Approved by …, ref
…, until …", "No ethics approval: you can plan, not add or export", "Approval expired on
…") with "Edit…" and "Approval…", then one tab per part of the work. Every tab follows
one contract (docs/gui.md): ``changed`` after it changed the study (the workspace then
refreshes the others) and ``set_case(case_id | None)`` to show a study (also the
refresh). Adding a tab is one line in :data:`TABS`.

The vault tells every subscriber what changed (a withdrawal that arrived in a bundle
import removes items): the page refreshes itself when a case study changed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.domain.model import Changes
from reflectdesk.errors import ReflectDeskError
from reflectdesk.gui.case_audit_view import AUDIT_SUFFIX, CaseAuditTab
from reflectdesk.gui.case_coding_view import CaseCodingTab
from reflectdesk.gui.case_exports import CaseExportsTab
from reflectdesk.gui.case_items import CaseItemsTab
from reflectdesk.gui.case_memos import CaseMemosTab
from reflectdesk.gui.case_project_dialog import CaseProjectDialog, approval_text
from reflectdesk.gui.case_pseudonymise_dialog import PseudonymiseDialog
from reflectdesk.gui.case_queries import CaseQueriesTab
from reflectdesk.gui.dialogs import ask_question, show_error
from reflectdesk.gui.tasks import TaskRunner
from reflectdesk.gui.widgets import wrap
from reflectdesk.i18n_marker import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from reflectdesk.progress import CancelToken, ProgressSink
    from reflectdesk.services.case_common import CaseStudy
    from reflectdesk.services.vault import Vault

log = logging.getLogger(__name__)

ID_ROLE = Qt.ItemDataRole.UserRole + 1
REFRESH_MS = 120  # changes arriving together refresh once

# Each tab's title (translated in the "CaseWorkspace" context), the contract's order.
TITLES = {
    "items": QT_TRANSLATE_NOOP("CaseWorkspace", "Items"),
    "coding": QT_TRANSLATE_NOOP("CaseWorkspace", "Coding"),
    "memos": QT_TRANSLATE_NOOP("CaseWorkspace", "Memos"),
    "queries": QT_TRANSLATE_NOOP("CaseWorkspace", "Queries"),
    "exports": QT_TRANSLATE_NOOP("CaseWorkspace", "Exports"),
    "audit": QT_TRANSLATE_NOOP("CaseWorkspace", "Audit log"),
}

TabFactory = Callable[["Vault", TaskRunner, QWidget | None], QWidget]

# (title, factory): a tab is ``factory(vault, runner, parent)`` with ``changed`` and
# ``set_case`` (docs/gui.md, "The case-study workspace").
TABS: list[tuple[str, TabFactory]] = [
    (TITLES["items"], CaseItemsTab),
    (TITLES["coding"], CaseCodingTab),
    (TITLES["memos"], CaseMemosTab),
    (TITLES["queries"], CaseQueriesTab),
    (TITLES["exports"], CaseExportsTab),
    (TITLES["audit"], CaseAuditTab),
]


class _Relay(QObject):
    """The vault calls subscribers on whichever thread wrote; this hops to the GUI."""

    changed = Signal(object)


class CaseWorkspace(QWidget):
    """The project list and the selected study's tabs."""

    case_selected = Signal(object)  # the case id, or None
    imported = Signal(str)  # the study a REFI-QDA project became

    def __init__(self, vault: Vault, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseWorkspace")
        self.vault = vault
        self.runner = runner
        self.studies: list[CaseStudy] = []
        self.study: CaseStudy | None = None
        self.dialog: QWidget | None = None
        self.box: QMessageBox | None = None
        self.writing = 0

        # -- the project list ------------------------------------------------------------
        self.heading = QLabel()
        self.heading.setObjectName("caseHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.projects = QListWidget()
        self.projects.setObjectName("caseProjectList")
        self.projects.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.projects.setWordWrap(True)
        self.projects.currentItemChanged.connect(lambda *_a: self._project_changed())
        self.no_projects = wrap(QLabel())
        self.no_projects.setObjectName("caseNoProjects")
        self.new_button = QPushButton()
        self.new_button.setObjectName("caseNewButton")
        self.new_button.clicked.connect(self.new_case)
        self.import_button = QPushButton()
        self.import_button.setObjectName("caseImportButton")
        self.import_button.clicked.connect(self.choose_qdpx)
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("caseDeleteButton")
        self.delete_button.clicked.connect(self.confirm_delete)
        left = QWidget()
        left.setObjectName("caseListPane")
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addWidget(self.heading)
        left_layout.addWidget(self.projects, 1)
        left_layout.addWidget(self.no_projects)
        # Stacked: the list is narrow, the Spanish labels long.
        for button in (self.new_button, self.import_button, self.delete_button):
            left_layout.addWidget(button)

        # -- the selected study ------------------------------------------------------------
        self.title = wrap(QLabel())
        self.title.setObjectName("caseTitle")
        title_font = self.title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.2)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.question = wrap(QLabel())
        self.question.setObjectName("caseQuestion")
        self.approval = wrap(QLabel())
        self.approval.setObjectName("caseApprovalStatus")
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("caseEditButton")
        self.edit_button.clicked.connect(lambda: self.edit_case())
        self.approval_button = QPushButton()
        self.approval_button.setObjectName("caseApprovalButton")
        self.approval_button.clicked.connect(lambda: self.edit_case(approval=True))
        approval_row = QHBoxLayout()
        approval_row.addWidget(self.approval, 1)
        approval_row.addWidget(self.edit_button)
        approval_row.addWidget(self.approval_button)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("caseTabs")
        self.tabs.setDocumentMode(True)
        self.tab_widgets: list[QWidget] = []
        for _title, factory in TABS:
            tab = factory(vault, runner, None)
            changed = getattr(tab, "changed", None)
            if changed is not None:
                changed.connect(lambda source=tab: self._tab_changed(source))
            self.tab_widgets.append(tab)
            self.tabs.addTab(tab, "")
        self.tab(CaseItemsTab).pseudonymise_requested.connect(self.review_pseudonyms)
        self.tab(CaseQueriesTab).open_passage.connect(self.show_passage)
        self.tab(CaseMemosTab).open_passage.connect(self.show_passage)
        self.pseudonymise_dialog: PseudonymiseDialog | None = None
        study_page = QWidget()
        study_layout = QVBoxLayout(study_page)
        study_layout.setContentsMargins(6, 0, 0, 0)
        study_layout.addWidget(self.title)
        study_layout.addWidget(self.question)
        study_layout.addLayout(approval_row)
        study_layout.addWidget(self.tabs, 1)
        self.nothing = wrap(QLabel())
        self.nothing.setObjectName("caseNothingSelected")
        self.nothing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.right = QStackedWidget()
        self.right.addWidget(self.nothing)
        self.right.addWidget(study_page)
        self.study_page = study_page

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("caseSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setSizes([180, 820])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addWidget(self.splitter)

        # A study changed by any path (a withdrawal in a bundle import, the CLI's twin
        # service in tests) refreshes the page once, on the GUI thread.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        # No parent: the vault may call it from a worker while the page is being
        # destroyed on the GUI thread; the relay outlives the page, its connection not.
        self._relay = _Relay()
        self._relay.changed.connect(self._on_changes)
        unsubscribe = vault.subscribe(self._relay.changed.emit)
        self.destroyed.connect(lambda *_a: unsubscribe())
        self.retranslate_ui()
        self.refresh()

    # -- the tabs ----------------------------------------------------------------------------
    def tab(self, cls: type[Any]) -> Any:
        """The tab of this class (tests, the lead's wiring), or None."""
        return next((t for t in self.tab_widgets if isinstance(t, cls)), None)

    def _tab_changed(self, source: QWidget) -> None:
        self.refresh(skip=source)

    def review_pseudonyms(self, case_id: str) -> PseudonymiseDialog:
        """The pseudonymisation review (window-modal); applying it refreshes every tab."""
        dialog = PseudonymiseDialog(self.vault, self.runner, case_id, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(lambda: self.refresh())
        dialog.finished.connect(dialog.deleteLater)
        self.pseudonymise_dialog = dialog
        dialog.open()
        return dialog

    def show_passage(self, item_id: str, segment_id: str) -> None:
        """A passage double-clicked in a query, shown in the Coding tab."""
        coding: CaseCodingTab = self.tab(CaseCodingTab)
        self.tabs.setCurrentWidget(coding)
        coding.show_passage(item_id, segment_id)

    # -- data --------------------------------------------------------------------------------
    def current_case_id(self) -> str | None:
        item = self.projects.currentItem()
        return None if item is None else str(item.data(ID_ROLE))

    def refresh(self, skip: QWidget | None = None) -> None:
        """Reload the list and the selected study (the sidebar calls it when shown)."""
        self._timer.stop()
        current = self.current_case_id()
        try:
            self.studies = self.vault.case_studies.list()
        except ReflectDeskError as exc:
            if not self.vault.is_unlocked:
                return  # locked meanwhile: the page is going away
            self.box = show_error(self, exc)
            return
        self.projects.blockSignals(True)
        self.projects.clear()
        for study in self.studies:
            item = QListWidgetItem(study.title)
            item.setData(ID_ROLE, study.id)
            item.setToolTip(f"{study.title}\n{approval_text(study)}")
            self.projects.addItem(item)
        ids = [s.id for s in self.studies]
        row = ids.index(current) if current in ids else (0 if ids else -1)
        self.projects.setCurrentRow(row)
        self.projects.blockSignals(False)
        self._show_study(skip)

    def select_case(self, case_id: str) -> None:
        for row in range(self.projects.count()):
            if self.projects.item(row).data(ID_ROLE) == case_id:
                self.projects.setCurrentRow(row)
                return
        self.refresh()
        for row in range(self.projects.count()):
            if self.projects.item(row).data(ID_ROLE) == case_id:
                self.projects.setCurrentRow(row)
                return

    def _project_changed(self) -> None:
        self._show_study(None)

    def _show_study(self, skip: QWidget | None) -> None:
        case_id = self.current_case_id()
        self.study = next((s for s in self.studies if s.id == case_id), None)
        study = self.study
        self.no_projects.setVisible(not self.studies)
        self.projects.setVisible(bool(self.studies))
        self.delete_button.setEnabled(study is not None and not self.writing)
        if study is None:
            self.right.setCurrentWidget(self.nothing)
        else:
            self.right.setCurrentWidget(self.study_page)
            self.title.setText(study.title)
            self.question.setText(study.question)
            self.question.setVisible(bool(study.question))
            self.approval.setText(approval_text(study))
            self.approval.setProperty("state", study.status)
            self.approval.style().unpolish(self.approval)
            self.approval.style().polish(self.approval)
        for tab in self.tab_widgets:
            if tab is not skip:
                tab.set_case(case_id)  # type: ignore[attr-defined]
        self.case_selected.emit(case_id)

    def _on_changes(self, changes: object) -> None:
        if isinstance(changes, Changes) and changes.locked:
            self._timer.stop()
            return
        if isinstance(changes, Changes) and changes.case_studies:
            self._timer.start()

    # -- texts -------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Case studies"))
        self.no_projects.setText(
            self.tr(
                "No case studies yet. Create one, then record its ethics approval and add "
                "entries your students sent with consent for research."
            )
        )
        self.nothing.setText(self.tr("Choose a case study, or create one."))
        self.new_button.setText(self.tr("&New…"))
        self.import_button.setText(self.tr("&Import REFI-QDA project…"))
        self.delete_button.setText(self.tr("&Delete…"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.approval_button.setText(self.tr("A&pproval…"))
        for index, (title, _factory) in enumerate(TABS):
            self.tabs.setTabText(index, QCoreApplication.translate("CaseWorkspace", title))
        if self.study is not None:
            self.approval.setText(approval_text(self.study))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- projects ----------------------------------------------------------------------------
    def new_case(self) -> CaseProjectDialog:
        return self._open_dialog(None, approval=False)

    def edit_case(self, *, approval: bool = False) -> CaseProjectDialog | None:
        case_id = self.current_case_id()
        if case_id is None:
            return None
        return self._open_dialog(case_id, approval=approval)

    def _open_dialog(self, case_id: str | None, *, approval: bool) -> CaseProjectDialog:
        dialog = CaseProjectDialog(self.vault, self.runner, case_id, self, approval_first=approval)
        dialog.saved.connect(self._saved)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _saved(self, case_id: str) -> None:
        self.refresh()
        self.select_case(case_id)

    def choose_qdpx(self) -> None:
        dialog = QFileDialog(self, self.tr("Import a REFI-QDA project"))
        dialog.setObjectName("caseImportDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([self.tr("REFI-QDA projects (*.qdpx)"), self.tr("All files (*)")])
        dialog.fileSelected.connect(lambda path: self.import_qdpx(Path(path)))
        self.dialog = dialog
        dialog.open()

    def import_qdpx(self, path: Path) -> None:
        """A .qdpx as a new study (validated whole first), selected when it is in."""
        exports = self.vault.case_studies.exports
        language = self.vault.profile.lang

        def job(_p: ProgressSink, _c: CancelToken) -> str:
            return exports.import_qdpx(path, language=language)

        self._write(job, self._imported, "case-import")

    def _imported(self, case_id: Any) -> None:
        self.refresh()
        self.select_case(str(case_id))
        self.imported.emit(str(case_id))

    def confirm_delete(self) -> None:
        study = self.study
        if study is None:
            return
        keep = QCheckBox(self.tr("Save the signed audit log first, as the record of deletion"))
        keep.setObjectName("caseDeleteKeepLog")
        keep.setChecked(True)
        self.box = ask_question(
            self,
            "caseDeleteConfirm",
            QMessageBox.Icon.Warning,
            (
                self.tr("Delete case study"),
                self.tr("Delete “%1” and everything in it?").replace("%1", study.title),
                self.tr(
                    "Its items, codes, passages, memos, the pseudonym map and the information "
                    "sheet are deleted from your vault, with its audit log. Files you exported "
                    "are not touched. This cannot be undone."
                ),
            ),
            self.tr("Delete"),
            lambda: self._delete_accepted(study.id, keep.isChecked()),
            role=QMessageBox.ButtonRole.DestructiveRole,
            check=keep,
        )

    def _delete_accepted(self, case_id: str, keep_log: bool) -> None:
        if not keep_log:
            self.delete_case(case_id, None)
            return
        dialog = QFileDialog(self, self.tr("Save the audit log"))
        dialog.setObjectName("caseDeleteLogDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("Audit logs (*.audit.json)"))
        dialog.selectFile("deleted-case-study" + AUDIT_SUFFIX)
        dialog.fileSelected.connect(lambda path: self.delete_case(case_id, Path(path)))
        self.dialog = dialog
        dialog.open()

    def delete_case(self, case_id: str, log_path: Path | None) -> None:
        if log_path is not None and not log_path.name.endswith(AUDIT_SUFFIX):
            log_path = log_path.with_name(log_path.name.removesuffix(".json") + AUDIT_SUFFIX)
        cs = self.vault.case_studies

        def job(_p: ProgressSink, _c: CancelToken) -> None:
            cs.delete(case_id, log_path)

        self._write(job, lambda _r: self.refresh(), "case-delete")

    def _write(self, job: Any, then: Callable[[Any], None], name: str) -> None:
        def done(result: Any) -> None:
            self.writing -= 1
            then(result)

        def failed(exc: BaseException) -> None:
            self.writing -= 1
            self.refresh()
            self.box = show_error(self, exc)

        self.writing += 1
        self.delete_button.setEnabled(False)
        self.runner.submit(job, on_result=done, on_error=failed, writer=True, name=name, owner=self)

    def sizeHint(self) -> QSize:
        return QSize(1000, 640)
