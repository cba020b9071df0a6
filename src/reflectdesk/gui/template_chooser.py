"""New entry: choose a template (arrow keys and Enter are enough)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.domain.folding import matches
from reflectdesk.templates.model import TemplateSummary

ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class TemplateListModel(QAbstractListModel):
    def __init__(self, summaries: list[TemplateSummary]) -> None:
        super().__init__()
        self._summaries = list(summaries)

    def summary(self, row: int) -> TemplateSummary | None:
        return self._summaries[row] if 0 <= row < len(self._summaries) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._summaries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._summaries)):
            return None
        s = self._summaries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return s.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return s.description
        if role == ID_ROLE:
            return s.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )


class TemplateFilter(QSortFilterProxyModel):
    """Every typed word in the name, description, framework or an alias; case and
    accents ignored ("bitacora", "schon", "GIBBS")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._needle = ""

    def set_needle(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9; invalidateFilter is deprecated
            self.beginFilterChange()
            self._needle = text
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self._needle = text
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._needle.strip():
            return True
        model = self.sourceModel()
        summary = model.summary(source_row) if isinstance(model, TemplateListModel) else None
        if summary is None:
            return False
        return matches(
            self._needle,
            summary.name,
            summary.description,
            summary.framework or "",
            *summary.aliases,
        )


class TemplateChooser(QDialog):
    def __init__(
        self, summaries: list[TemplateSummary], preselect: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("templateChooser")
        self.resize(620, 460)
        self.model_ = TemplateListModel(summaries)
        self.proxy = TemplateFilter(self)
        self.proxy.setSourceModel(self.model_)
        self.filter = QLineEdit()
        self.filter.setObjectName("templateFilter")
        self.filter.setClearButtonEnabled(True)
        self.filter_label = QLabel()
        self.filter_label.setBuddy(self.filter)
        self.list = QListView()
        self.list.setObjectName("templateList")
        self.list.setModel(self.proxy)
        self.description = QLabel()
        self.description.setObjectName("templateDescription")
        self.description.setWordWrap(True)
        self.description.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_label)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.description)
        layout.addWidget(self.buttons)
        self.filter.textChanged.connect(self._filter)
        self.list.selectionModel().currentChanged.connect(self._describe)
        self.list.activated.connect(lambda _i: self.accept())
        self.filter.installEventFilter(self)
        self.retranslate_ui()
        self.select(preselect)
        # Typing goes to the filter at once; arrows still move through the list and
        # Enter takes the selected row (the first match as soon as one is typed).
        self.filter.setFocus()

    def eventFilter(self, watched: Any, event: QEvent) -> bool:
        # Up/Down in the filter field move through the list.
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.list.setFocus()
                self.list.keyPressEvent(event)  # type: ignore[arg-type]
                return True
        return super().eventFilter(watched, event)

    def select(self, template_id: str) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ID_ROLE) == template_id:
                self.list.setCurrentIndex(index)
                return
        if self.proxy.rowCount():
            self.list.setCurrentIndex(self.proxy.index(0, 0))

    def _filter(self, text: str) -> None:
        self.proxy.set_needle(text)
        if not self.proxy.rowCount():
            self.list.setCurrentIndex(QModelIndex())
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        # The first match, always: what was selected before the filter is not what the
        # person is now asking for (typing "gibbs" must not leave ALACT selected).
        self.list.setCurrentIndex(self.proxy.index(0, 0))

    def _describe(self, current: QModelIndex, _previous: QModelIndex) -> None:
        summary = self.model_.summary(self.proxy.mapToSource(current).row())
        self.description.setText(summary.description if summary else "")

    def selected_id(self) -> str | None:
        index = self.list.currentIndex()
        return str(index.data(ID_ROLE)) if index.isValid() else None

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("New entry: choose a template"))
        self.filter_label.setText(self.tr("&Find a template:"))
        self.filter.setAccessibleName(self.tr("Find a template"))
        self.list.setAccessibleName(self.tr("Templates"))
        for which in (QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel):
            button = self.buttons.button(which)
            if button is not None:
                button.setAccessibleName(button.text().replace("&", ""))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
