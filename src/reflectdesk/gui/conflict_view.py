"""Two versions of one entry, side by side, section by section (docs/merge.md).

:class:`ConflictBanner` sits in the editor ("Two versions of this entry: resolve").
:class:`ConflictDialog` shows each conflicting field with every version's text under
its label (this computer, another computer, its author; and when), a choice per
version and "write my own"; saving stores the author's merge (one revision with every
version as a parent) through the writer queue. Someone else's entry is read-only:
every field that differs, each version clearly labelled, nothing to choose.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.domain.merge import (
    EVENT_DATE,
    SECTION,
    STANDARDS,
    TAGS,
    TEMPLATE,
    TITLE,
    Choice,
    EntryConflict,
    FieldConflict,
    Origin,
    Version,
    differing_fields,
)
from reflectdesk.domain.model import Entry
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.dates import show_datetime
from reflectdesk.gui.dialogs import report_error
from reflectdesk.gui.screen_fit import fit_dialog
from reflectdesk.gui.theme import accents
from reflectdesk.progress import CancelToken, ProgressSink

if TYPE_CHECKING:
    from reflectdesk.services.vault import Vault

OWN_TEXT = 1_000  # the button id of "write my own" (-1 is "none checked")


def _banner_style(name: str) -> str:
    a = accents()
    return (
        f"#{name} {{ background: {a.hint_bg}; border: 1px solid {a.hint_border};"
        " border-radius: 6px; }"
    )


class ConflictBanner(QFrame):
    """In the editor: the entry holds versions not merged; a button opens them."""

    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictBanner")
        self.own = True
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.button = QPushButton()
        self.button.setObjectName("openConflict")
        self.button.clicked.connect(self.open_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        self.restyle()
        self.retranslate_ui()
        self.hide()

    def show_for(self, conflicted: bool, own: bool) -> None:
        self.own = own
        self.retranslate_ui()
        self.setVisible(conflicted)

    def restyle(self) -> None:
        style = _banner_style("conflictBanner")
        if self.styleSheet() != style:  # setting it sends a palette change again
            self.setStyleSheet(style)

    def retranslate_ui(self) -> None:
        if self.own:
            self.text.setText(
                self.tr("Two versions of this entry, written on different computers: resolve.")
            )
            self.button.setText(self.tr("&Resolve…"))
        else:
            self.text.setText(
                self.tr("Two versions of this entry: its author has not merged them yet.")
            )
            self.button.setText(self.tr("&Compare versions…"))
        self.text.setAccessibleName(self.text.text())
        self.button.setAccessibleName(self.button.text().replace("&", ""))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() == QEvent.Type.PaletteChange:
            self.restyle()
        super().changeEvent(event)


class FieldChoice(QGroupBox):
    """One field: every version's text side by side; the author picks one or writes."""

    changed = Signal()

    def __init__(
        self,
        conflict: FieldConflict,
        title: str,
        labels: list[str],
        *,
        own: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self.setObjectName("fieldChoice")
        self.conflict = conflict
        self.own = own
        grid = QGridLayout(self)
        self.group = QButtonGroup(self)
        self.texts: list[QPlainTextEdit] = []
        self.radios: list[QRadioButton] = []
        for i, (label, value) in enumerate(zip(labels, conflict.values, strict=True)):
            head = QLabel(f"<b>{label}</b>")
            head.setWordWrap(True)
            grid.addWidget(head, 0, i)
            text = QPlainTextEdit(value or "")
            text.setReadOnly(True)
            text.setObjectName(f"version{i}")
            text.setAccessibleName(f"{title}: {label}")
            if value is None:
                text.setPlaceholderText(self.tr("(not in this version)"))
            lines = max(2, min(8, (value or "").count("\n") + 1 + len(value or "") // 70))
            text.setFixedHeight(text.fontMetrics().lineSpacing() * lines + 16)
            grid.addWidget(text, 1, i)
            self.texts.append(text)
            if own:
                radio = QRadioButton(self.tr("Keep this version"))
                radio.setObjectName(f"keep{i}")
                radio.setAccessibleName(f"{self.tr('Keep this version')}: {label}")
                self.group.addButton(radio, i)
                grid.addWidget(radio, 2, i)
                self.radios.append(radio)
        self.own_radio: QRadioButton | None = None
        self.own_text: QPlainTextEdit | None = None
        if own and conflict.field != TEMPLATE:
            self.own_radio = QRadioButton(self.tr("Write my own:"))
            self.own_radio.setObjectName("writeOwn")
            self.own_radio.setAccessibleName(f"{title}: {self.tr('Write my own:')}")
            self.group.addButton(self.own_radio, OWN_TEXT)
            self.own_text = QPlainTextEdit(conflict.values[0] or "")
            self.own_text.setObjectName("ownText")
            self.own_text.setAccessibleName(f"{title}: {self.tr('my own text')}")
            self.own_text.setEnabled(False)
            self.own_text.setFixedHeight(self.own_text.fontMetrics().lineSpacing() * 4 + 16)
            if conflict.field == EVENT_DATE:
                self.own_text.setPlaceholderText(self.tr("A date as YYYY-MM-DD, or empty"))
            span = len(conflict.values)
            grid.addWidget(self.own_radio, 3, 0, 1, span)
            grid.addWidget(self.own_text, 4, 0, 1, span)
        self.group.idToggled.connect(self._toggled)

    def _toggled(self, button_id: int, checked: bool) -> None:
        if self.own_text is not None and button_id == OWN_TEXT:
            self.own_text.setEnabled(checked)
        if checked:
            self.changed.emit()

    def choice(self) -> Choice | None:
        picked = self.group.checkedId()
        if picked == OWN_TEXT and self.own_text is not None:
            return self.own_text.toPlainText()
        return picked if 0 <= picked < OWN_TEXT else None


class ConflictDialog(QDialog):
    """An entry's versions side by side; for her own entry, the author resolves them."""

    resolved = Signal(object)  # the Entry with the merge as its head

    def __init__(
        self,
        ctx: AppContext,
        vault: Vault,
        entry_id: str,
        section_title: Callable[[str], str],
        parent: QWidget | None = None,
        author: str | None = None,
    ) -> None:
        """``author``: a received entry's author, as the editor names her."""
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.author = author
        self.ctx = ctx
        self.vault = vault
        self.entry_id = entry_id
        self._section_title = section_title
        self.conflict: EntryConflict | None = None
        self.choices: list[FieldChoice] = []
        fit_dialog(self, QSize(960, 560))
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setObjectName("conflictIntro")
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.body)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("conflictNote")
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        assert self.save_button is not None and self.close_button is not None
        self.save_button.setObjectName("saveMerge")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self.load()

    # -- loading ------------------------------------------------------------------------
    def load(self) -> None:
        vault, entry_id = self.vault, self.entry_id

        def job(progress: ProgressSink, cancel: CancelToken) -> EntryConflict:
            return vault.entries.conflict(entry_id)

        self.ctx.runner.submit(
            job,
            on_result=self.show_conflict,
            on_error=lambda exc: report_error(self, exc),
            name="read:conflict",
            owner=self,
        )

    def version_label(self, version: Version, index: int) -> str:
        when = show_datetime(version.created_at)
        where = {
            Origin.THIS_COMPUTER: self.tr("This computer"),
            Origin.OTHER_COMPUTER: self.tr("Another computer"),
            Origin.MERGED: self.tr("Merged automatically"),
            Origin.AUTHOR: (
                self.tr("Version %1 by %2").replace("%1", str(index + 1)).replace("%2", self.author)
                if self.author
                else self.tr("Version %1 by its author").replace("%1", str(index + 1))
            ),
        }[version.origin]
        return f"{where} · {when}"

    def field_title(self, name: str) -> str:
        fixed = {
            TITLE: self.tr("Title"),
            EVENT_DATE: self.tr("Date"),
            TEMPLATE: self.tr("Template"),
            TAGS: self.tr("Tags"),
            STANDARDS: self.tr("Standards"),
        }
        return fixed.get(name) or self._section_title(name.removeprefix(SECTION))

    def show_conflict(self, conflict: EntryConflict) -> None:
        self.conflict = conflict
        while (item := self.body_layout.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        self.choices = []
        labels = [self.version_label(v, i) for i, v in enumerate(conflict.versions)]
        own = conflict.resolvable
        fields = (
            conflict.merged.conflicts
            if own
            else differing_fields([v.content for v in conflict.versions])
        )
        for field in fields:
            choice = FieldChoice(field, self.field_title(field.field), labels, own=own)
            choice.changed.connect(self._update_save)
            choice.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            self.body_layout.addWidget(choice)
            self.choices.append(choice)
        self.body_layout.addStretch(1)
        self.retranslate_ui()
        self._update_save()

    def _update_save(self) -> None:
        ready = bool(self.choices) and all(c.choice() is not None for c in self.choices)
        self.save_button.setEnabled(
            ready and self.conflict is not None and self.conflict.resolvable
        )

    # -- saving -------------------------------------------------------------------------
    def save(self) -> None:
        conflict = self.conflict
        if conflict is None or not conflict.resolvable:
            return
        choices: dict[str, Choice] = {}
        for c in self.choices:
            picked = c.choice()
            if picked is None:
                return
            choices[c.conflict.field] = picked
        vault, entry_id, tips = self.vault, self.entry_id, conflict.tips
        self.save_button.setEnabled(False)

        def job(progress: ProgressSink, cancel: CancelToken) -> Entry:
            return vault.entries.resolve_conflict(entry_id, tips, choices)

        def done(entry: Entry) -> None:
            self.resolved.emit(entry)
            self.accept()

        def failed(exc: BaseException) -> None:
            self._update_save()
            report_error(self, exc)

        self.ctx.runner.submit(
            job, on_result=done, on_error=failed, writer=True, name="write:merge", owner=self
        )

    # -- text ---------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Versions of this entry"))
        own = self.conflict is None or self.conflict.resolvable
        if own:
            self.intro.setText(
                self.tr(
                    "This entry was changed on two computers before they met. Where both "
                    "changed the same part, choose the version to keep or write your own. "
                    "Nothing is lost: both versions stay in the history."
                )
            )
        else:
            self.intro.setText(
                self.tr(
                    "Its author changed this entry on two computers and has not merged the "
                    "versions yet. Each is shown as it was written; only the author can "
                    "merge them."
                )
            )
        merged: list[str] = []
        if self.conflict is not None and own:
            merged = [self.field_title(f) for f in self._merged_by_itself(self.conflict)]
        self.note.setText(
            self.tr("Merged by itself (changed on one side only): %1").replace(
                "%1", ", ".join(merged)
            )
        )
        self.note.setVisible(own and bool(merged))
        self.save_button.setText(self.tr("&Save the merged entry"))
        self.save_button.setVisible(own)
        self.close_button.setText(self.tr("Cancel") if own else self.tr("Close"))
        for button in (self.save_button, self.close_button):
            button.setAccessibleName(button.text().replace("&", ""))
        self.intro.setAccessibleName(self.intro.text())

    @staticmethod
    def _merged_by_itself(conflict: EntryConflict) -> list[str]:
        clashing = {c.field for c in conflict.merged.conflicts}
        return [
            f.field
            for f in differing_fields([v.content for v in conflict.versions])
            if f.field not in clashing
        ]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            if self.conflict is not None:
                self.show_conflict(self.conflict)
        super().changeEvent(event)
