"""The sidebar: journals, tags, templates, standards, and the sharing places.

Choosing an item filters the entry list. "Received" lists the read-only journal of
each person who sent you entries (kind ``journal``). Inbox, outbox, contacts and case
studies open their pages (kind ``sharing``).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
VALUE_ROLE = Qt.ItemDataRole.UserRole + 2

SECTIONS = ("journals", "received", "review", "tags", "templates", "standards", "sharing")
ENABLED_SHARING = ("inbox", "outbox", "contacts", "case_studies")
SHARING = ("inbox", "outbox", "contacts", "case_studies")


def received_label(name: str, title: str) -> str:
    """A received journal as the sidebar names it: the sender, and her journal's title
    when it says more than her name."""
    title = title.strip()
    if not title or title == name:
        return name
    return f"{name} — {title}"


class Sidebar(QTreeView):
    filter_selected = Signal(str, object)  # kind ("all", "journal", …), value
    sharing_selected = Signal(str)
    review_selected = Signal(str)  # a "Review" item's key (gui/review_nav.py)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.model_ = QStandardItemModel(self)
        self.setModel(self.model_)
        self.setHeaderHidden(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(True)
        self.setMinimumWidth(170)
        self._journals: list[tuple[str, str]] = []
        self._journal_tips: dict[str, str] = {}
        self._received: list[tuple[str, str]] = []
        self._tags: list[tuple[str, int]] = []
        self._templates: list[tuple[str, str]] = []
        self._standards: list[tuple[str, str, list[tuple[str, str]]]] = []
        self._review: tuple[str, list[tuple[str, str]]] = ("", [])
        self._expanded: set[str] = {"journals", "received", "review", "sharing"}
        self.selectionModel().currentChanged.connect(self._current_changed)
        self.expanded.connect(lambda i: self._expanded.add(str(i.data(VALUE_ROLE))))
        self.collapsed.connect(lambda i: self._expanded.discard(str(i.data(VALUE_ROLE))))
        self.rebuild()

    def set_journals(
        self, journals: Sequence[tuple[str, str]], tooltips: dict[str, str] | None = None
    ) -> None:
        """Your journals (id, title); ``tooltips``: id → what a hover says (the title and
        the course or practicum)."""
        self._journals = list(journals)
        self._journal_tips = dict(tooltips or {})
        self.rebuild()

    def set_received(self, journals: Sequence[tuple[str, str]]) -> None:
        """The read-only journals of the people who sent you entries (id, their name)."""
        self._received = list(journals)
        self.rebuild()

    def set_review(self, title: str, items: Sequence[tuple[str, str]]) -> None:
        """The "Review" section (its title and its items: key, text); none: no section."""
        if (title, list(items)) != self._review:
            self._review = (title, list(items))
            self.rebuild()

    def set_tags(self, tags: Sequence[tuple[str, int]]) -> None:
        self._tags = list(tags)
        self.rebuild()

    def set_templates(self, templates: Sequence[tuple[str, str]]) -> None:
        self._templates = list(templates)
        self.rebuild()

    def set_standards(self, domains: Sequence[tuple[str, str, list[tuple[str, str]]]]) -> None:
        self._standards = list(domains)
        self.rebuild()

    def _section(self, key: str, title: str) -> QStandardItem:
        item = QStandardItem(title)
        item.setData("section", KIND_ROLE)
        item.setData(key, VALUE_ROLE)
        item.setSelectable(False)
        item.setToolTip(title)  # a narrow sidebar cuts it (issue 16.1)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        return item

    @staticmethod
    def _leaf(text: str, kind: str, value: str, tooltip: str = "") -> QStandardItem:
        item = QStandardItem(text)
        item.setData(kind, KIND_ROLE)
        item.setData(value, VALUE_ROLE)
        item.setToolTip(tooltip or text)
        return item

    def rebuild(self) -> None:
        current = self.currentIndex()
        keep = (current.data(KIND_ROLE), current.data(VALUE_ROLE)) if current.isValid() else None
        self.model_.clear()
        root = self.model_.invisibleRootItem()
        root.appendRow(self._leaf(self.tr("All entries"), "all", ""))
        journals = self._section("journals", self.tr("Journals"))
        for journal_id, title in self._journals:
            tip = self._journal_tips.get(journal_id, "")
            journals.appendRow(self._leaf(title, "journal", journal_id, tip))
        received = self._section("received", self.tr("Received"))
        for journal_id, author in self._received:
            received.appendRow(
                self._leaf(
                    author,
                    "journal",
                    journal_id,
                    self.tr("Received from %1 (read only)").replace("%1", author),
                )
            )
        review_title, review_items = self._review
        review = self._section("review", review_title)
        for key, text in review_items:
            review.appendRow(self._leaf(text, "review", key))
        tags = self._section("tags", self.tr("Tags"))
        for tag, count in self._tags:
            tags.appendRow(self._leaf(f"{tag} ({count})", "tag", tag))
        templates = self._section("templates", self.tr("Templates"))
        for template_id, name in self._templates:
            templates.appendRow(self._leaf(name, "template", template_id))
        standards = self._section("standards", self.tr("Standards (MBE)"))
        for code, title, children in self._standards:
            domain = self._leaf(f"{code}. {title}", "domain", code, title)
            domain.setSelectable(False)
            for std_code, std_title in children:
                domain.appendRow(
                    self._leaf(f"{std_code} {std_title}", "standard", std_code, std_title)
                )
            standards.appendRow(domain)
        sharing = self._section("sharing", self.tr("Sharing"))
        soon = self.tr("Coming in a later version")
        names = {
            "inbox": self.tr("Inbox"),
            "outbox": self.tr("Outbox"),
            "contacts": self.tr("Contacts"),
            "case_studies": self.tr("Case studies"),
        }
        for key in SHARING:
            enabled = key in ENABLED_SHARING
            item = self._leaf(names[key], "sharing", key, names[key] if enabled else soon)
            item.setEnabled(enabled)
            sharing.appendRow(item)
        sections = [journals, received] if self._received else [journals]
        if review_items:
            sections.append(review)
        for section in (*sections, tags, templates, standards, sharing):
            root.appendRow(section)
        for row in range(self.model_.rowCount()):
            index = self.model_.index(row, 0)
            if index.data(VALUE_ROLE) in self._expanded:
                self.expand(index)
        if keep is not None:
            found = self._find(*keep)
            if found.isValid():
                self.selectionModel().blockSignals(True)
                self.setCurrentIndex(found)
                self.selectionModel().blockSignals(False)
        self.setAccessibleName(self.tr("Journals, tags, templates and standards"))

    def _find(self, kind: object, value: object) -> QModelIndex:
        stack = [self.model_.index(r, 0) for r in range(self.model_.rowCount())]
        while stack:
            index = stack.pop()
            if index.data(KIND_ROLE) == kind and index.data(VALUE_ROLE) == value:
                return index
            stack.extend(self.model_.index(r, 0, index) for r in range(self.model_.rowCount(index)))
        return QModelIndex()

    def select(self, kind: str, value: str) -> None:
        index = self._find(kind, value)
        if index.isValid():
            self.setCurrentIndex(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        kind = current.data(KIND_ROLE)
        value = current.data(VALUE_ROLE)
        if kind in ("all", "journal", "tag", "template", "standard"):
            self.filter_selected.emit(kind, value or None)
        elif kind == "sharing":
            self.sharing_selected.emit(value)
        elif kind == "review":
            self.review_selected.emit(value)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.rebuild()
        super().changeEvent(event)
