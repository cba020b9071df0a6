"""Revision history: every revision of an entry, a diff of any two, restore as new.

Each revision is labelled by what it is and when it was written ("Edited 14:02–14:09 ·
3 sections changed", "First version · 14:02"): one editing session is one revision
(docs/history.md), its start sealed in it, so the label survives restarts.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QIdentityProxyModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.domain.model import Entry, EntryContent, Revision
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.dates import show_moment, show_time
from reflectdesk.gui.dialogs import report_error
from reflectdesk.gui.screen_fit import fit_dialog
from reflectdesk.gui.theme import accents
from reflectdesk.progress import CancelToken, ProgressSink

if TYPE_CHECKING:
    from reflectdesk.services.entries import SectionDiff
    from reflectdesk.services.vault import Vault

ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class RevisionListModel(QAbstractListModel):
    """Newest first."""

    def __init__(self) -> None:
        super().__init__()
        self._revisions: list[Revision] = []
        self._by_id: dict[str, Revision] = {}

    def set_revisions(self, revisions: list[Revision]) -> None:
        self.beginResetModel()
        self._revisions = sorted(revisions, key=lambda r: r.seq, reverse=True)
        self._by_id = {r.id: r for r in self._revisions}
        self.endResetModel()

    def revision(self, row: int) -> Revision | None:
        return self._revisions[row] if 0 <= row < len(self._revisions) else None

    def revisions(self) -> list[Revision]:
        return list(self._revisions)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._revisions)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._revisions)):
            return None
        revision = self._revisions[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:  # two lines in the list: when, what
            return self.label(revision, sep="\n")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.label(revision)
        if role == Qt.ItemDataRole.ToolTipRole:
            number = self.tr("Revision %1").replace("%1", str(revision.seq))
            return f"{number}: {revision.content.title}" if revision.content.title else number
        if role == ID_ROLE:
            return revision.id
        return None

    def label(self, revision: Revision, today: date | None = None, sep: str = " · ") -> str:
        """What a revision is, when it was written and what it changed."""
        when = self.when(revision, today)
        if not revision.parent_ids or len(revision.parent_ids) > 1:
            return when.replace(" · ", sep, 1)  # "First version · 14:02", on two lines
        before = self._before(revision)
        if before is None:  # its parent was never received (sent without history)
            return when
        sections, others = what_changed(before.content, revision.content)
        if sections and not others:
            changed = self.tr("%n section(s) changed", "", sections)
        elif sections or others:
            names = {
                "title": self.tr("title"),
                "date": self.tr("date"),
                "tags": self.tr("tags"),
                "standards": self.tr("standards"),
            }
            parts = [self.tr("%n section(s)", "", sections)] if sections else []
            parts += [names[o] for o in others]
            changed = self.tr("changed: %1").replace("%1", ", ".join(parts))
        else:
            changed = self.tr("no change in the text")
        return f"{when}{sep}{changed}"

    def when(self, revision: Revision, today: date | None = None) -> str:
        """ "First version · 14:02", "Edited 14:02–14:09", "Versions merged · 14:10":
        the first part of a label, the name the comparison gives a revision."""
        span = show_span(revision.started_at, revision.created_at, today)
        if not revision.parent_ids:
            return self.tr("First version · %1").replace("%1", span)
        if len(revision.parent_ids) > 1:
            return self.tr("Versions merged · %1").replace("%1", span)
        return self.tr("Edited %1").replace("%1", span)

    def _before(self, revision: Revision) -> Revision | None:
        """The revision this one was made from (its first parent), if held."""
        for parent in revision.parent_ids:
            if parent in self._by_id:
                return self._by_id[parent]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def retranslate(self) -> None:
        if self._revisions:
            self.dataChanged.emit(self.index(0), self.index(len(self._revisions) - 1))


class OneLine(QIdentityProxyModel):
    """The revisions for the comparison's drop-down: each label on one line."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        value = super().data(index, role)
        if role == Qt.ItemDataRole.DisplayRole and isinstance(value, str):
            return value.replace("\n", " · ")
        return value


def what_changed(old: EntryContent, new: EntryContent) -> tuple[int, list[str]]:
    """How many sections differ, and which of the title, date, tags and standards."""
    keys = set(old.sections) | set(new.sections)
    sections = sum(1 for k in keys if old.sections.get(k, "") != new.sections.get(k, ""))
    others = [
        name
        for name, differs in (
            ("title", old.title != new.title),
            ("date", old.event_date != new.event_date),
            ("tags", set(old.tags) != set(new.tags)),
            ("standards", set(old.standards) != set(new.standards)),
        )
        if differs
    ]
    return sections, others


def show_span(start: datetime | None, end: datetime, today: date | None = None) -> str:
    """When a session wrote: "14:02–14:09" today, "2 dic 2026, 14:02–14:09" another day
    (gui/dates.py), one time when it began and ended in the same minute or its start is
    not known."""
    end_text = show_moment(end, today)
    if start is None:
        return end_text
    first, last = start.astimezone(), end.astimezone()
    if first >= last or first.replace(second=0, microsecond=0) == last.replace(
        second=0, microsecond=0
    ):
        return end_text
    end_part = show_time(last) if first.date() == last.date() else end_text
    return f"{show_moment(first, today)}–{end_part}"


def diff_html(diffs: list[SectionDiff], section_title: Callable[[str], str], same: str) -> str:
    if not diffs:
        return f"<p><i>{html.escape(same)}</i></p>"
    a = accents()
    parts: list[str] = []
    for diff in diffs:
        parts.append(f"<h3>{html.escape(section_title(diff.key))}</h3>")
        rows = []
        for line in diff.lines:
            mark, text = (line[:1], line[1:]) if line else (" ", "")
            if mark == "+":
                style = f"background-color:{a.added_bg}"
            elif mark == "-":
                style = f"background-color:{a.removed_bg}; text-decoration: line-through"
            else:
                style = ""
            shown = html.escape(text) or "&nbsp;"
            rows.append(
                f"<tr><td width='16'><b>{html.escape(mark.strip())}</b></td>"
                f"<td style='{style}'>{shown}</td></tr>"
            )
        parts.append(
            "<table width='100%' cellspacing='0' cellpadding='2'>" + "".join(rows) + "</table>"
        )
    return "\n".join(parts)


class HistoryDialog(QDialog):
    restored = Signal(object)  # the Entry with the new head

    def __init__(
        self,
        ctx: AppContext,
        vault: Vault,
        entry_id: str,
        section_title: Callable[[str], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.ctx = ctx
        self.vault = vault
        self.entry_id = entry_id
        self._section_title = section_title
        fit_dialog(self, QSize(860, 560))  # cut to a small screen (issue 16.1)
        self.model_ = RevisionListModel()
        self.list = QListView()
        self.list.setObjectName("revisionList")
        self.list.setModel(self.model_)
        self.list.setSpacing(2)
        self.list_label = QLabel()
        self.list_label.setBuddy(self.list)
        self.compare = QComboBox()
        self.compare.setObjectName("compareWith")
        self.compare_model = OneLine(self)
        self.compare_model.setSourceModel(self.model_)
        self.compare.setModel(self.compare_model)
        self.compare_label = QLabel()
        self.compare_label.setBuddy(self.compare)
        self.direction = QLabel()
        self.direction.setObjectName("diffDirection")
        self.direction.setWordWrap(True)
        self.diff = QTextBrowser()
        self.diff.setObjectName("diffView")
        self.diff.setOpenLinks(False)
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("restoreButton")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list_label)
        left_layout.addWidget(self.list)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        compare_row = QHBoxLayout()
        compare_row.addWidget(self.compare_label)
        compare_row.addWidget(self.compare, 1)
        right_layout.addLayout(compare_row)
        right_layout.addWidget(self.direction)
        right_layout.addWidget(self.diff, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([320, 540])  # the labels' two lines fit, in both languages
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.list.selectionModel().currentChanged.connect(self._selected)
        self.compare.currentIndexChanged.connect(lambda _i: self.show_diff())
        self.restore_button.clicked.connect(self.confirm_restore)
        self.retranslate_ui()
        self.reload()

    def reload(self) -> None:
        self.model_.set_revisions(self.vault.entries.history(self.entry_id))
        if self.model_.rowCount():
            self.list.setCurrentIndex(self.model_.index(0))
            self.compare.setCurrentIndex(1 if self.model_.rowCount() > 1 else 0)
        self.show_diff()

    def selected_revision(self) -> Revision | None:
        return self.model_.revision(self.list.currentIndex().row())

    def compared_revision(self) -> Revision | None:
        return self.model_.revision(self.compare.currentIndex())

    def _selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.row()
        # The comparison follows: with the revision just before the one selected (the
        # oldest, with the one after it).
        if row + 1 < self.model_.rowCount():
            self.compare.setCurrentIndex(row + 1)
        elif row > 0:
            self.compare.setCurrentIndex(row - 1)
        self.show_diff()
        head = self.model_.revision(0)
        selected = self.model_.revision(row)
        self.restore_button.setEnabled(
            selected is not None and head is not None and selected.id != head.id
        )

    def show_diff(self) -> None:
        new = self.selected_revision()
        old = self.compared_revision()
        if new is None or old is None:
            self.diff.clear()
            self.direction.clear()
            return
        if (old.seq, old.created_at) > (new.seq, new.created_at):
            old, new = new, old
        # Which way the colours read: struck out was in the older, marked is in the newer.
        self.direction.setText(
            self.tr("From “%1” to “%2”: struck out was removed, marked was added.")
            .replace("%1", self.model_.when(old))
            .replace("%2", self.model_.when(new))
        )
        diffs = self.vault.entries.diff(self.entry_id, old.id, new.id)
        self.diff.setHtml(
            diff_html(diffs, self._section_title, self.tr("These two revisions are the same."))
        )

    def confirm_restore(self) -> None:
        revision = self.selected_revision()
        if revision is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Restore this revision?"),
            self.tr(
                "“%1” becomes the current text, as a new revision. Nothing is lost: the "
                "current text stays in the history."
            ).replace("%1", self.model_.when(revision)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.accepted.connect(lambda: self.restore(revision.id))
        box.open()
        self._box = box

    def restore(self, revision_id: str) -> None:
        vault = self.vault
        entry_id = self.entry_id

        def job(progress: ProgressSink, cancel: CancelToken) -> Entry:
            return vault.entries.restore(entry_id, revision_id)

        def done(entry: Entry) -> None:
            self.reload()
            self.restored.emit(entry)

        self.ctx.runner.submit(
            job,
            on_result=done,
            on_error=lambda exc: report_error(self, exc),
            writer=True,
            name="write:restore",
            owner=self,
        )

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Revision history"))
        self.list_label.setText(self.tr("&Revisions (newest first):"))
        self.compare_label.setText(self.tr("Com&pare with:"))
        self.restore_button.setText(self.tr("Re&store this revision"))
        self.list.setAccessibleName(self.tr("Revisions"))
        self.compare.setAccessibleName(self.tr("Compare with revision"))
        self.diff.setAccessibleName(self.tr("Differences"))
        self.restore_button.setAccessibleName(self.tr("Restore this revision"))
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setAccessibleName(close.text().replace("&", ""))
        self.model_.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            if self.vault.is_unlocked:  # a language change may come after the lock
                self.show_diff()
        super().changeEvent(event)
