"""Search hits as a list model, and a delegate that draws highlighted snippets."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from reflectdesk.domain.model import HIGHLIGHT_END, HIGHLIGHT_START, SearchHit
from reflectdesk.gui.theme import accents

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 2
DATE_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex


def plain_snippet(snippet: str) -> str:
    return snippet.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")


def snippet_html(snippet: str, match_bg: str) -> str:
    """Escape first, then turn the core's markers into highlight spans."""
    escaped = html.escape(snippet.replace("\n", " "))
    return escaped.replace(
        HIGHLIGHT_START, f'<span style="background-color:{match_bg}; font-weight:600">'
    ).replace(HIGHLIGHT_END, "</span>")


class SearchResultsModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self._hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> SearchHit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._hits)):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return f"{hit.title}: {plain_snippet(hit.snippet)}"
        if role == SNIPPET_ROLE:
            return hit.snippet
        if role == ID_ROLE:
            return hit.entry_id
        if role == DATE_ROLE:
            if hit.event_date is None:
                return ""
            d = hit.event_date
            return QLocale().toString(QDate(d.year, d.month, d.day), QLocale.FormatType.ShortFormat)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )


class SnippetDelegate(QStyledItemDelegate):
    """Title (bold) and date on one line, the highlighted snippet below (two lines)."""

    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex, width: float
    ) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(4)
        title = html.escape(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        when = html.escape(str(index.data(DATE_ROLE) or ""))
        snippet = snippet_html(str(index.data(SNIPPET_ROLE) or ""), accents().match_bg)
        muted = accents().muted_text
        doc.setHtml(
            f"<div><b>{title}</b> <span style='color:{muted}'>{when}</span></div>"
            f"<div>{snippet}</div>"
        )
        doc.setTextWidth(width)
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if isinstance(widget, QWidget) else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        doc = self._document(opt, index, opt.rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, opt.rect.width(), opt.rect.height()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        line = option.fontMetrics.lineSpacing()
        return QSize(200, line * 3 + 12)
