"""Create or edit a case study and record its ethics approval (issue 15, items 1 and 8).

The project (title, research question, description, the language of its pseudonyms and
report, the cohorts it draws on, the team) and its approval (committee, reference
number, expiry date picked on a calendar, the participants' information sheet chosen
with a file dialog and kept sealed in the vault by the service) in one window. Saving
runs on the task runner's writer queue; the approval is recorded (a signed audit record)
only when it changed. Also here: how the workspace and its tabs say what the approval
allows (:func:`approval_text`, :func:`blocked_reason`), so every tab says it the same way.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.errors import ReflectDeskError
from reflectdesk.gui.dates import MEDIUM_DATE, show_date
from reflectdesk.gui.dialogs import show_error
from reflectdesk.gui.screen_fit import fit_dialog
from reflectdesk.gui.tasks import TaskRunner
from reflectdesk.gui.widgets import scrolling, wrap
from reflectdesk.i18n_marker import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from reflectdesk.progress import CancelToken, ProgressSink
    from reflectdesk.services.case_common import CaseStudy
    from reflectdesk.services.vault import Vault

log = logging.getLogger(__name__)

ID_ROLE = Qt.ItemDataRole.UserRole + 1
DEFAULT_MONTHS = 12  # a new approval's expiry proposed a year ahead


# Said by the workspace's header and next to the disabled buttons of every tab.
NO_APPROVAL = QT_TRANSLATE_NOOP(
    "CaseWorkspace", "No ethics approval: you can plan, not add or export."
)
EXPIRED = QT_TRANSLATE_NOOP(
    "CaseWorkspace", "Approval expired on %1: renew it to add entries or export."
)
APPROVED = QT_TRANSLATE_NOOP("CaseWorkspace", "Approved by %1, ref %2, until %3")
BLOCKED_NONE = QT_TRANSLATE_NOOP("CaseWorkspace", "Needs an ethics approval first (Approval…).")
BLOCKED_EXPIRED = QT_TRANSLATE_NOOP("CaseWorkspace", "The approval expired on %1.")


def _t(text: str) -> str:
    return QCoreApplication.translate("CaseWorkspace", text)


def approval_text(study: CaseStudy, today: date | None = None) -> str:
    """What the header says of a study's approval: who approved it and until when, that
    there is none (planning only), or since when it expired."""
    a = study.approval
    if a is None:
        return _t(NO_APPROVAL)
    if not a.current(today):
        return _t(EXPIRED).replace("%1", show_date(a.expires))
    return (
        _t(APPROVED)
        .replace("%1", a.committee)
        .replace("%2", a.reference)
        .replace("%3", show_date(a.expires))
    )


def blocked_reason(study: CaseStudy | None, today: date | None = None) -> str:
    """Why entries cannot be added to, or anything exported from, ``study`` now ("" when
    they can): shown next to the disabled buttons before the user clicks."""
    if study is None:
        return ""
    a = study.approval
    if a is None:
        return _t(BLOCKED_NONE)
    if not a.current(today):
        return _t(BLOCKED_EXPIRED).replace("%1", show_date(a.expires))
    return ""


@dataclass(frozen=True, slots=True)
class ProjectForm:
    """What the dialog saves (read on the GUI thread, written on the writer)."""

    title: str
    question: str
    description: str
    language: str
    cohort_ids: tuple[str, ...]
    team: tuple[str, ...]
    published: date | None
    committee: str
    reference: str
    expires: date
    sheet: Path | None


class CaseProjectDialog(QDialog):
    """A new case study (``case_id`` None) or an existing one; ``saved`` carries its id."""

    saved = Signal(str)

    def __init__(
        self,
        vault: Vault,
        runner: TaskRunner,
        case_id: str | None = None,
        parent: QWidget | None = None,
        *,
        approval_first: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("caseProjectDialog")
        self.vault = vault
        self.runner = runner
        self.case_id = case_id
        self.study: CaseStudy | None = (
            vault.case_studies.get(case_id) if case_id is not None else None
        )
        self.sheet: Path | None = None
        self.saving = False
        self.error_box: QMessageBox | None = None
        fit_dialog(self, QSize(640, 640))

        # -- the project ---------------------------------------------------------------
        self.project_box = QGroupBox()
        self.title = QLineEdit()
        self.title.setObjectName("caseTitleEdit")
        self.question = QPlainTextEdit()
        self.question.setObjectName("caseQuestionEdit")
        self.question.setTabChangesFocus(True)
        self.description = QPlainTextEdit()
        self.description.setObjectName("caseDescriptionEdit")
        self.description.setTabChangesFocus(True)
        for box in (self.question, self.description):
            box.setMaximumHeight(box.fontMetrics().lineSpacing() * 4 + 12)
        self.language = QComboBox()
        self.language.setObjectName("caseLanguage")
        self.language.addItem("Español", "es")
        self.language.addItem("English", "en")
        self.language_note = wrap(QLabel())
        self.cohorts = self._checklist("caseCohortList")
        self.cohorts_empty = wrap(QLabel())
        self.team = self._checklist("caseTeamList")
        self.published_check = QCheckBox()
        self.published_check.setObjectName("casePublishedCheck")
        self.published = self._date_edit("casePublishedEdit")
        self.published_check.toggled.connect(self.published.setEnabled)
        self.published.setEnabled(False)
        published_row = QHBoxLayout()
        published_row.addWidget(self.published_check)
        published_row.addWidget(self.published)
        published_row.addStretch(1)
        self.project_form = QFormLayout(self.project_box)
        self.project_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.title_label, self.question_label, self.description_label = (
            QLabel(),
            QLabel(),
            QLabel(),
        )
        self.language_label, self.cohorts_label, self.team_label = QLabel(), QLabel(), QLabel()
        self.published_label = QLabel()
        self.project_form.addRow(self.title_label, self.title)
        self.project_form.addRow(self.question_label, self.question)
        self.project_form.addRow(self.description_label, self.description)
        self.project_form.addRow(self.language_label, self.language)
        self.project_form.addRow("", self.language_note)
        self.project_form.addRow(self.cohorts_label, self.cohorts)
        self.project_form.addRow("", self.cohorts_empty)
        self.project_form.addRow(self.team_label, self.team)
        self.project_form.addRow(self.published_label, published_row)

        # -- the approval ----------------------------------------------------------------
        self.approval_box = QGroupBox()
        self.approval_box.setObjectName("caseApprovalBox")
        self.approval_status = wrap(QLabel())
        self.approval_status.setObjectName("caseApprovalNow")
        self.committee = QLineEdit()
        self.committee.setObjectName("caseCommitteeEdit")
        self.reference = QLineEdit()
        self.reference.setObjectName("caseReferenceEdit")
        self.expires = self._date_edit("caseExpiresEdit")
        self.expires.setDate(_qdate(_months_ahead(date.today(), DEFAULT_MONTHS)))
        self.sheet_name = wrap(QLabel())
        self.sheet_name.setObjectName("caseSheetName")
        self.sheet_button = QPushButton()
        self.sheet_button.setObjectName("caseSheetButton")
        self.sheet_button.clicked.connect(self.choose_sheet)
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(self.sheet_name, 1)
        sheet_row.addWidget(self.sheet_button)
        self.approval_note = wrap(QLabel())
        self.approval_form = QFormLayout(self.approval_box)
        self.approval_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.committee_label, self.reference_label = QLabel(), QLabel()
        self.expires_label, self.sheet_label = QLabel(), QLabel()
        self.approval_form.addRow(self.approval_status)
        self.approval_form.addRow(self.committee_label, self.committee)
        self.approval_form.addRow(self.reference_label, self.reference)
        self.approval_form.addRow(self.expires_label, self.expires)
        self.approval_form.addRow(self.sheet_label, sheet_row)
        self.approval_form.addRow(self.approval_note)

        content = QWidget()
        content.setObjectName("caseProjectForm")
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, 0, 0)
        if approval_first:
            body.addWidget(self.approval_box)
            body.addWidget(self.project_box)
        else:
            body.addWidget(self.project_box)
            body.addWidget(self.approval_box)
        body.addStretch(1)
        self.status = wrap(QLabel())
        self.status.setObjectName("caseProjectStatus")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        # A long form on a 1024x600 screen scrolls rather than clip (issue 16.1).
        layout.addWidget(scrolling(content, "caseProjectScroll"), 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.title.textChanged.connect(lambda _t: self._update())
        self.committee.textChanged.connect(lambda _t: self._update())
        self.reference.textChanged.connect(lambda _t: self._update())
        self._fill()
        self.retranslate_ui()
        self._update()
        if approval_first:
            self.committee.setFocus()

    # -- building --------------------------------------------------------------------------
    @staticmethod
    def _checklist(name: str) -> QListWidget:
        view = QListWidget()
        view.setObjectName(name)
        view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        row = view.fontMetrics().lineSpacing() + 6
        view.setMinimumHeight(row * 2 + 8)
        view.setMaximumHeight(row * 4 + 8)
        return view

    @staticmethod
    def _date_edit(name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(MEDIUM_DATE)
        edit.setDate(QDate.currentDate())
        return edit

    def _fill(self) -> None:
        study = self.study
        chosen_cohorts = set(study.cohort_ids) if study else set()
        chosen_team = set(study.team) if study else set()
        try:
            cohorts = self.vault.cohorts.list()
            contacts = self.vault.contacts.list()
        except ReflectDeskError as exc:
            show_error(self, exc)
            cohorts, contacts = [], []
        for cohort in cohorts:
            self._check_item(self.cohorts, cohort.name, cohort.id, cohort.id in chosen_cohorts)
        self.cohorts_empty.setVisible(not cohorts)
        for contact in sorted(contacts, key=lambda c: c.name.casefold()):
            self._check_item(self.team, contact.name, contact.id, contact.id in chosen_team)
        if study is None:
            lang = self.vault.profile.lang if self.vault.profile.lang in ("es", "en") else "es"
            self.language.setCurrentIndex(max(0, self.language.findData(lang)))
            return
        self.title.setText(study.title)
        self.question.setPlainText(study.question)
        self.description.setPlainText(study.description)
        self.language.setCurrentIndex(max(0, self.language.findData(study.language)))
        self.language.setEnabled(False)  # the pseudonyms already given keep their language
        if study.published is not None:
            self.published_check.setChecked(True)
            self.published.setDate(_qdate(study.published))
        a = study.approval
        if a is not None:
            self.committee.setText(a.committee)
            self.reference.setText(a.reference)
            self.expires.setDate(_qdate(a.expires))

    @staticmethod
    def _check_item(view: QListWidget, text: str, value: str, checked: bool) -> None:
        item = QListWidgetItem(text)
        item.setData(ID_ROLE, value)
        item.setToolTip(text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        view.addItem(item)

    @staticmethod
    def _checked(view: QListWidget) -> tuple[str, ...]:
        return tuple(
            str(view.item(r).data(ID_ROLE))
            for r in range(view.count())
            if view.item(r).checkState() == Qt.CheckState.Checked
        )

    # -- texts -------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        new = self.study is None
        self.setWindowTitle(self.tr("New case study") if new else self.tr("Case study"))
        self.project_box.setTitle(self.tr("Project"))
        self.title_label.setText(self.tr("&Title:"))
        self.title_label.setBuddy(self.title)
        self.question_label.setText(self.tr("Research &question:"))
        self.question_label.setBuddy(self.question)
        self.description_label.setText(self.tr("&Description:"))
        self.description_label.setBuddy(self.description)
        self.language_label.setText(self.tr("&Language:"))
        self.language_label.setBuddy(self.language)
        self.language_note.setText(
            self.tr("Of the pseudonyms (“Estudiante A” or “Student A”) and the report.")
        )
        self.cohorts_label.setText(self.tr("Cohorts:"))
        self.cohorts_empty.setText(
            self.tr("No cohorts yet: make them in Contacts after importing a batch.")
        )
        self.team_label.setText(self.tr("Team:"))
        self.published_label.setText(self.tr("Publication:"))
        self.published_check.setText(self.tr("Published on"))
        self.published_check.setToolTip(
            self.tr("The cut-off: a withdrawal that arrives later cannot reach back past it.")
        )
        self.approval_box.setTitle(self.tr("Ethics approval"))
        if self.study is not None:
            self.approval_status.setText(approval_text(self.study))
        else:
            self.approval_status.setText(
                self.tr("Without an approval you can plan the study (codes, memos) but not add.")
            )
        self.committee_label.setText(self.tr("&Committee:"))
        self.committee_label.setBuddy(self.committee)
        self.reference_label.setText(self.tr("&Reference number:"))
        self.reference_label.setBuddy(self.reference)
        self.expires_label.setText(self.tr("&Expires on:"))
        self.expires_label.setBuddy(self.expires)
        self.sheet_label.setText(self.tr("Information sheet:"))
        self.sheet_button.setText(self.tr("C&hoose…"))
        self._show_sheet()
        self.approval_note.setText(
            self.tr(
                "Leave the committee empty to record no approval yet. The information sheet "
                "is kept encrypted in your vault."
            )
        )
        self.title.setPlaceholderText(self.tr("e.g. Fractions with concrete materials"))
        self.committee.setPlaceholderText(self.tr("e.g. CEC-CSAH"))
        self.reference.setPlaceholderText(self.tr("e.g. 2026-041"))
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        if save is not None:
            save.setObjectName("caseProjectSave")
            save.setText(self.tr("&Create") if new else self.tr("&Save"))

    def _show_sheet(self) -> None:
        current = self.study.approval if self.study is not None else None
        if self.sheet is not None:
            self.sheet_name.setText(self.sheet.name)
        elif current is not None and current.sheet_name:
            self.sheet_name.setText(current.sheet_name)
        else:
            self.sheet_name.setText(self.tr("None chosen"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- acting ----------------------------------------------------------------------------
    def choose_sheet(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose the information sheet"))
        dialog.setObjectName("caseSheetDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters(
            [self.tr("Documents (*.pdf *.odt *.docx *.doc *.txt *.md)"), self.tr("All files (*)")]
        )
        dialog.fileSelected.connect(lambda path: self.set_sheet(Path(path)))
        dialog.open()

    def set_sheet(self, path: Path) -> None:
        self.sheet = path
        self._show_sheet()
        self._update()

    def form(self) -> ProjectForm:
        published = self.published.date().toPython() if self.published_check.isChecked() else None
        expires = self.expires.date().toPython()
        assert isinstance(expires, date)
        assert published is None or isinstance(published, date)
        return ProjectForm(
            title=self.title.text(),
            question=self.question.toPlainText(),
            description=self.description.toPlainText(),
            language=str(self.language.currentData()),
            cohort_ids=self._checked(self.cohorts),
            team=self._checked(self.team),
            published=published,
            committee=self.committee.text().strip(),
            reference=self.reference.text().strip(),
            expires=expires,
            sheet=self.sheet,
        )

    def _approval_changed(self, form: ProjectForm) -> bool:
        if not form.committee and not form.reference:
            return False
        a = self.study.approval if self.study is not None else None
        if a is None or form.sheet is not None:
            return True
        return (form.committee, form.reference, form.expires) != (
            a.committee,
            a.reference,
            a.expires,
        )

    def _update(self) -> None:
        form_ok = bool(self.title.text().strip())
        half = bool(self.committee.text().strip()) != bool(self.reference.text().strip())
        if half:
            self.status.setText(self.tr("An approval needs both the committee and the reference."))
        elif self.sheet is not None and not self.committee.text().strip():
            self.status.setText(self.tr("The information sheet goes with an approval."))
        else:
            self.status.setText("")
        self.status.setVisible(bool(self.status.text()))
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        if save is not None:
            blocked = half or (self.sheet is not None and not self.committee.text().strip())
            save.setEnabled(form_ok and not blocked and not self.saving)

    def save(self) -> None:
        if self.saving:
            return
        form = self.form()
        approve = self._approval_changed(form)
        case_id = self.case_id
        cs = self.vault.case_studies

        def job(
            _progress: ProgressSink, _cancel: CancelToken
        ) -> tuple[str, ReflectDeskError | None]:
            if case_id is None:
                made = cs.create(
                    form.title,
                    question=form.question,
                    description=form.description,
                    cohort_ids=form.cohort_ids,
                    team=form.team,
                    language=form.language,
                ).id
            else:
                made = case_id
                cs.update(
                    made,
                    title=form.title,
                    question=form.question,
                    description=form.description,
                    cohort_ids=form.cohort_ids,
                    team=form.team,
                    published=form.published,
                )
            if case_id is None and form.published is not None:
                cs.update(made, published=form.published)
            if approve:
                try:
                    cs.approve(
                        made,
                        committee=form.committee,
                        reference=form.reference,
                        expires=form.expires,
                        sheet=form.sheet,
                    )
                except ReflectDeskError as exc:  # the project is saved; the approval not
                    return made, exc
            return made, None

        self.saving = True
        self._update()
        self.runner.submit(
            job,
            on_result=self._saved,
            on_error=self._failed,
            writer=True,
            name="case-project",
            owner=self,
        )

    def _saved(self, result: Any) -> None:
        self.saving = False
        case_id, error = result
        self.case_id = str(case_id)
        log.info("case study saved")
        self.saved.emit(self.case_id)
        if error is None:
            self.accept()
            return
        # The project was saved, its approval refused (a sheet too large, a field too
        # long): the dialog stays open on the saved study to correct it.
        try:
            self.study = self.vault.case_studies.get(self.case_id)
        except ReflectDeskError:
            self.study = None
        self.retranslate_ui()
        self._update()
        self.error_box = show_error(self, error)

    def _failed(self, exc: BaseException) -> None:
        self.saving = False
        self._update()
        self.error_box = show_error(self, exc)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _months_ahead(day: date, months: int) -> date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    for back in range(4):
        try:
            return date(year, month, day.day - back)
        except ValueError:
            continue
    return day + timedelta(days=30 * months)
