"""Pick standards (MBE criteria) from the taxonomy, with a search that ignores accents."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.domain.folding import fold
from reflectdesk.standards.model import Taxonomy

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2


class FoldingFilter(QSortFilterProxyModel):
    """Keeps rows whose text contains the folded needle; parents of matches stay."""

    def __init__(self) -> None:
        super().__init__()
        self.setRecursiveFilteringEnabled(True)
        self.needle = ""

    def set_needle(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9; invalidateFilter is deprecated
            self.beginFilterChange()
            self.needle = fold(text.strip())
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self.needle = fold(text.strip())
            self.invalidateFilter()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self.needle:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return self.needle in str(index.data(SEARCH_ROLE) or "")


def standards_model(
    taxonomy: Taxonomy, lang: str, checked: Iterable[str], suggested: Iterable[str] = ()
) -> QStandardItemModel:
    model = QStandardItemModel()
    checked_set = {c.upper() for c in checked}
    suggested_set = {c.upper() for c in suggested}
    for domain in taxonomy.domains:
        parent = QStandardItem(f"{domain.code}. {domain.title.get(lang)}")
        parent.setData(fold(f"{parent.text()} {domain.title.es} {domain.title.en}"), SEARCH_ROLE)
        parent.setSelectable(False)
        parent.setEditable(False)
        for standard in domain.standards:
            item = QStandardItem(f"{standard.code}  {standard.title.get(lang)}")
            item.setData(standard.code, CODE_ROLE)
            # Both languages are searchable: people mix them.
            text = " ".join(
                [
                    item.text(),
                    standard.title.es,
                    standard.title.en,
                    *(d.text.get(lang) for d in standard.descriptors),
                ]
            )
            item.setData(fold(text), SEARCH_ROLE)
            item.setCheckable(True)
            item.setEditable(False)
            item.setCheckState(
                Qt.CheckState.Checked if standard.code in checked_set else Qt.CheckState.Unchecked
            )
            if standard.code in suggested_set:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            item.setToolTip(standard.title.get(lang))
            parent.appendRow(item)
        model.appendRow(parent)
    return model


class StandardsPicker(QDialog):
    def __init__(
        self,
        taxonomy: Taxonomy,
        lang: str,
        checked: Iterable[str],
        suggested: Iterable[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("standardsPicker")
        self.taxonomy = taxonomy
        self.lang = lang
        self.resize(560, 520)
        self.search = QLineEdit()
        self.search.setObjectName("standardsSearch")
        self.search.setClearButtonEnabled(True)
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.model_ = standards_model(taxonomy, lang, checked, suggested)
        self.proxy = FoldingFilter()
        self.proxy.setSourceModel(self.model_)
        self.tree = QTreeView()
        self.tree.setObjectName("standardsTree")
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.expandAll()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search_label)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.search.textChanged.connect(self._filter)
        self.tree.activated.connect(self._toggle)
        self.retranslate_ui()

    def _filter(self, text: str) -> None:
        self.proxy.set_needle(text)
        self.tree.expandAll()

    def _toggle(self, index: QModelIndex) -> None:
        item = self.model_.itemFromIndex(self.proxy.mapToSource(index))
        if item is not None and item.isCheckable():
            checked = item.checkState() == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def selected(self) -> list[str]:
        codes: list[str] = []
        for row in range(self.model_.rowCount()):
            parent = self.model_.item(row)
            for child_row in range(parent.rowCount()):
                child = parent.child(child_row)
                if child.checkState() == Qt.CheckState.Checked:
                    codes.append(str(child.data(CODE_ROLE)))
        return codes

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Standards"))
        self.search_label.setText(self.tr("&Search the standards:"))
        self.search.setAccessibleName(self.tr("Search the standards"))
        self.tree.setAccessibleName(self.tr("Standards"))
        self.note.setText(
            self.tr(
                "%1. Suggested by the template in bold. Space or Enter ticks a standard."
            ).replace("%1", self.taxonomy.name.get(self.lang))
        )
        for which in (QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel):
            button = self.buttons.button(which)
            if button is not None:
                button.setAccessibleName(button.text().replace("&", ""))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
