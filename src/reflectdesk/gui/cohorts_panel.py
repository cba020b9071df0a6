"""Cohorts on the contacts page (issue 14, point 4): named groups of contacts.

A list of cohorts ("Práctica II — 2026 — Sección 2 (20)"), the members of the one
selected, and buttons: new, rename, delete, add or remove the contact selected on the
page. A batch import's senders make a cohort from the batch dialog. Writes go on the
writer queue (``vault.cohorts``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.domain.cohorts import Cohort
from reflectdesk.domain.model import Contact
from reflectdesk.errors import ReflectDeskError
from reflectdesk.gui.dialogs import show_error
from reflectdesk.gui.tasks import TaskRunner
from reflectdesk.gui.widgets import wrap
from reflectdesk.progress import CancelToken, ProgressSink

if TYPE_CHECKING:
    from reflectdesk.services.vault import Vault


class CohortsPanel(QGroupBox):
    changed = Signal()
    open_dashboard = Signal(str)  # the cohort's id: its dashboard (gui/cohort_dashboard.py)

    def __init__(
        self,
        vault: Vault,
        runner: TaskRunner,
        current_contact: Callable[[], Contact | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cohortsPanel")
        self.vault = vault
        self.runner = runner
        self.current_contact = current_contact
        self.cohorts: list[Cohort] = []
        self.names: dict[str, str] = {}
        self.list = QListWidget()
        self.list.setObjectName("cohortList")
        self.list.setMaximumHeight(72)  # about three names: the contacts list keeps the room
        self.list.currentRowChanged.connect(lambda _r: self._show_members())
        self.members = wrap(QLabel())
        self.members.setObjectName("cohortMembers")
        self.members.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.new_button = self._button("newCohort", self.ask_new)
        self.rename_button = self._button("renameCohort", self.ask_rename)
        self.delete_button = self._button("deleteCohort", self.delete_current)
        self.add_button = self._button("addToCohort", self.add_current_contact)
        self.remove_button = self._button("removeFromCohort", self.remove_current_contact)
        self.dashboard_button = self._button("cohortDashboard", self.show_dashboard)
        # One button per row, as on "My card": the contacts page's three columns then
        # fit a 1024x600 screen in Spanish without scrolling sideways (issue 16.1).
        buttons = QVBoxLayout()
        for b in (
            self.new_button,
            self.rename_button,
            self.delete_button,
            self.add_button,
            self.remove_button,
            self.dashboard_button,
        ):
            buttons.addWidget(b, 0, Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.members)
        layout.addLayout(buttons)
        self.retranslate_ui()

    @staticmethod
    def _button(name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.clicked.connect(lambda _c=False: slot())
        return button

    # -- data -------------------------------------------------------------------------------
    def refresh(self, contacts: list[Contact] | None = None) -> None:
        """The cohorts again; ``contacts``: the page's list, if it has just read it."""
        current = self.current_cohort()
        try:
            self.cohorts = self.vault.cohorts.list()
            people = contacts if contacts is not None else self.vault.contacts.list()
        except ReflectDeskError:
            return  # locked meanwhile
        self.names = {c.id: c.name for c in people}
        self.list.blockSignals(True)
        self.list.clear()
        for cohort in self.cohorts:
            item = QListWidgetItem(f"{cohort.name} ({cohort.size})")
            item.setData(Qt.ItemDataRole.UserRole, cohort.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [c.id for c in self.cohorts]
        if current is not None and current.id in ids:
            self.list.setCurrentRow(ids.index(current.id))
        elif ids:
            self.list.setCurrentRow(0)
        self._show_members()

    def current_cohort(self) -> Cohort | None:
        row = self.list.currentRow()
        return self.cohorts[row] if 0 <= row < len(self.cohorts) else None

    def _show_members(self) -> None:
        cohort = self.current_cohort()
        if cohort is None:
            self.members.setText(
                self.tr("No cohorts yet. A cohort groups contacts, for example a course section.")
            )
        elif not cohort.member_ids:
            self.members.setText(self.tr("Nobody in this cohort yet."))
        else:
            names = sorted(self.names.get(m, "?") for m in cohort.member_ids)
            self.members.setText(", ".join(names))
        self.update_buttons()

    def update_buttons(self) -> None:
        cohort = self.current_cohort()
        contact = self.current_contact()
        self.rename_button.setEnabled(cohort is not None)
        self.delete_button.setEnabled(cohort is not None)
        self.dashboard_button.setEnabled(cohort is not None)
        inside = cohort is not None and contact is not None and contact.id in cohort.member_ids
        self.add_button.setEnabled(cohort is not None and contact is not None and not inside)
        self.remove_button.setEnabled(inside)

    def show_dashboard(self) -> None:
        cohort = self.current_cohort()
        if cohort is not None:
            self.open_dashboard.emit(cohort.id)

    # -- writes -------------------------------------------------------------------------------
    def _write(self, job: Callable[[], object]) -> None:
        def run(_p: ProgressSink, _c: CancelToken) -> object:
            return job()

        self.runner.submit(
            run,
            on_result=self._written,
            on_error=self._error,
            writer=True,
            name="write:cohort",
            owner=self,
        )

    def _written(self, _value: Any) -> None:
        self.refresh()
        self.changed.emit()

    def _error(self, exc: BaseException) -> None:
        show_error(self, exc)

    def _ask_name(self, title: str, text: str = "") -> str | None:
        name, ok = QInputDialog.getText(
            self, title, self.tr("Name (for example: Práctica II — 2026 — Sección 2):"), text=text
        )
        return name if ok and name.strip() else None

    def ask_new(self, name: str | None = None) -> None:
        name = name or self._ask_name(self.tr("New cohort"))
        if name is None:
            return
        cohorts = self.vault.cohorts
        chosen = name
        self._write(lambda: cohorts.create(chosen))

    def ask_rename(self, name: str | None = None) -> None:
        cohort = self.current_cohort()
        if cohort is None:
            return
        name = name or self._ask_name(self.tr("Rename the cohort"), cohort.name)
        if name is None:
            return
        cohorts, cid, chosen = self.vault.cohorts, cohort.id, name
        self._write(lambda: cohorts.rename(cid, chosen))

    def delete_current(self) -> None:
        cohort = self.current_cohort()
        if cohort is not None:
            cohorts, cid = self.vault.cohorts, cohort.id
            self._write(lambda: cohorts.delete(cid))

    def add_current_contact(self) -> None:
        cohort, contact = self.current_cohort(), self.current_contact()
        if cohort is not None and contact is not None:
            cohorts, cid, member = self.vault.cohorts, cohort.id, contact.id
            self._write(lambda: cohorts.add_members(cid, [member]))

    def remove_current_contact(self) -> None:
        cohort, contact = self.current_cohort(), self.current_contact()
        if cohort is not None and contact is not None:
            cohorts, cid, member = self.vault.cohorts, cohort.id, contact.id
            self._write(lambda: cohorts.remove_members(cid, [member]))

    # -- text ----------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Cohorts"))
        self.list.setAccessibleName(self.tr("Cohorts"))
        self.members.setAccessibleName(self.tr("Members of the cohort"))
        # No mnemonics: the contacts page has used the letters already.
        texts = {
            self.new_button: self.tr("New cohort…"),
            self.rename_button: self.tr("Rename the cohort…"),
            self.delete_button: self.tr("Delete the cohort"),
            self.add_button: self.tr("Add this contact"),
            self.remove_button: self.tr("Remove this contact"),
            self.dashboard_button: self.tr("Show the cohort's dashboard"),
        }
        for button, text in texts.items():
            button.setText(text)
            button.setAccessibleName(text.rstrip("…"))
        self._show_members()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
