"""New journal (Ctrl+Shift+N, issue 16.8): a name, the course or practicum it is for
(optional, the journal's description) and the template its new entries start with
(optional). A name that is empty, too long or already used is said under the field,
and nothing is created until it is fixed; the main window then creates the journal on
the writer queue and selects it in the sidebar."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.domain.folding import fold
from reflectdesk.gui.theme import accents
from reflectdesk.services.journals import MAX_TITLE
from reflectdesk.templates.model import TemplateSummary


class NewJournalDialog(QDialog):
    """``create_requested(title, course, template_id)`` once the name is valid."""

    create_requested = Signal(str, str, str)

    def __init__(
        self,
        templates: Sequence[TemplateSummary],
        existing_titles: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newJournalDialog")
        self._existing = {fold(t.strip()) for t in existing_titles}
        self._tried = False
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setObjectName("journalName")
        self.name.setMaxLength(MAX_TITLE + 1)  # one more: "too long" is said, not swallowed
        self.error = QLabel()
        self.error.setObjectName("journalNameError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.course = QLineEdit()
        self.course.setObjectName("journalCourse")
        self.course.setMaxLength(300)
        self.template = QComboBox()
        self.template.setObjectName("journalTemplate")
        self.template.addItem("", "")
        for summary in templates:
            self.template.addItem(summary.name, summary.id)
            self.template.setItemData(self.template.count() - 1, summary.description, 3)
        self.template_note = QLabel()
        self.template_note.setWordWrap(True)
        self.labels = {k: QLabel() for k in ("name", "course", "template")}
        self.labels["name"].setBuddy(self.name)
        self.labels["course"].setBuddy(self.course)
        self.labels["template"].setBuddy(self.template)
        # Each label above its field: the longer Spanish labels and the messages wrap in
        # the dialog's width instead of squeezing a second column.
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(6)
        for key, field in (("name", self.name), ("course", self.course)):
            layout.addWidget(self.labels[key])
            layout.addWidget(field)
            if key == "name":
                layout.addWidget(self.error)
            layout.addSpacing(4)
        layout.addWidget(self.labels["template"])
        layout.addWidget(self.template)
        layout.addWidget(self.template_note)
        layout.addSpacing(6)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._name_changed)
        self.restyle()
        self.retranslate_ui()
        self.setMinimumWidth(440)
        self.name.setFocus()

    # -- values ---------------------------------------------------------------------------
    def title(self) -> str:
        return self.name.text().strip()

    def course_text(self) -> str:
        return self.course.text().strip()

    def template_id(self) -> str:
        return str(self.template.currentData() or "")

    def problem(self) -> str:
        """What is wrong with the name, said for the user ("" when it will do)."""
        title = self.title()
        if not title:
            return self.tr("Give the journal a name, for example the practicum it is for.")
        if len(title) > MAX_TITLE:
            return self.tr("The name is too long: at most %1 characters.").replace(
                "%1", str(MAX_TITLE)
            )
        if fold(title) in self._existing:
            return self.tr("You already have a journal with this name: choose another.")
        return ""

    # -- accepting --------------------------------------------------------------------------
    def try_accept(self) -> None:
        self._tried = True
        problem = self.problem()
        self._show_problem(problem)
        if problem:
            self.name.setFocus()
            return
        self.create_requested.emit(self.title(), self.course_text(), self.template_id())
        self.accept()

    def _name_changed(self) -> None:
        if self._tried or len(self.title()) > MAX_TITLE:
            self._show_problem(self.problem())

    def _show_problem(self, problem: str) -> None:
        shown = not self.error.isHidden()
        self.error.setText(problem)
        self.error.setVisible(bool(problem))
        self.name.setAccessibleDescription(problem)
        if shown != bool(problem) and self.isVisible():
            self.adjustSize()  # room for the message, or none

    # -- looks and words --------------------------------------------------------------------
    def restyle(self) -> None:
        self.error.setStyleSheet(f"color: {accents().error_text};")

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("New journal"))
        self.intro.setText(
            self.tr(
                "A journal holds the entries of one practicum or course. You can have "
                "several; each entry belongs to one."
            )
        )
        self.labels["name"].setText(self.tr("&Name:"))
        self.labels["course"].setText(self.tr("&Course or practicum (optional):"))
        self.labels["template"].setText(self.tr("&Template for new entries (optional):"))
        self.name.setPlaceholderText(self.tr("e.g. Professional practicum II"))
        self.course.setPlaceholderText(self.tr("e.g. Practicum II, 2nd semester 2026"))
        self.template.setItemText(0, self.tr("None: choose each time"))
        self.template_note.setText(
            self.tr("New entries in this journal start with this template chosen.")
        )
        self.name.setAccessibleName(self.tr("Name of the journal"))
        self.course.setAccessibleName(self.tr("Course or practicum"))
        self.template.setAccessibleName(self.tr("Template for new entries"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("C&reate journal"))
            ok.setObjectName("createJournal")
        if self.error.isVisible():
            self._show_problem(self.problem())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() == QEvent.Type.PaletteChange:
            self.restyle()
        super().changeEvent(event)
