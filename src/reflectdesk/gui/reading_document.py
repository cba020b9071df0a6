"""The reading view's document (gui/reading_view.py): an entry laid out in one
``QTextDocument`` — title, "from · date · template · version", tags, the standards with
their titles, each prompt with an answer as a heading over its text, the attachments —
and the text widget that shows it.

Section texts go in as written: Markdown emphasis is formatted, never removed, so each
character keeps its place and a selection maps back to its section and offsets exactly
(Qt positions are UTF-16 units; ``Section.start`` is one; the core's offsets are code
points, converted with ``to_utf16`` / ``from_utf16``)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextBrowser, QWidget

from reflectdesk.domain.model import Entry
from reflectdesk.gui.dates import show_date, show_datetime
from reflectdesk.gui.theme import accents
from reflectdesk.services.review import to_utf16

if TYPE_CHECKING:
    from reflectdesk.standards.model import Taxonomy
    from reflectdesk.templates.model import Template


LINE_CHARS = 76  # a comfortable line length, in average characters
MAX_IMAGE_BYTES = 8 * 1024 * 1024
_TOKENS = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)
# **bold**, *italic*, _italic_ (not across lines; the markers stay in the text, dimmed)
_EMPHASIS = re.compile(r"(\*\*|\*|_)(?=\S)([^\n]+?)(?<=\S)\1")


def utf16_len(text: str) -> int:
    return to_utf16(text, len(text))


def changed_ranges(old: str, new: str) -> list[tuple[int, int]]:
    """Where ``new`` differs from ``old``: code-point ranges of ``new`` inserted or
    replaced (word by word; whitespace-only changes are not marked)."""
    if old == new:
        return []
    a = [m.group() for m in _TOKENS.finditer(old)]
    b_matches = list(_TOKENS.finditer(new))
    b = [m.group() for m in b_matches]
    out: list[tuple[int, int]] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, _i1, _i2, j1, j2 in matcher.get_opcodes():
        if op in ("replace", "insert") and j2 > j1:
            start, end = b_matches[j1].start(), b_matches[j2 - 1].end()
            while start < end and new[start].isspace():
                start += 1
            while end > start and new[end - 1].isspace():
                end -= 1
            if end > start:
                out.append((start, end))
    return out


def removed_at(old: str, new: str) -> list[int]:
    """Where words of ``old`` were deleted with nothing in their place: code-point
    positions in ``new`` (the view marks the character there; the full diff has the
    words)."""
    if old == new:
        return []
    a = [m.group() for m in _TOKENS.finditer(old)]
    b_matches = list(_TOKENS.finditer(new))
    b = [m.group() for m in b_matches]
    out: list[int] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, _j2 in matcher.get_opcodes():
        if op == "delete" and "".join(a[i1:i2]).strip():
            at = b_matches[j1].start() if j1 < len(b_matches) else len(new)
            out.append(max(0, min(at, len(new) - 1)))
    return [p for p in out if new]


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    title: str
    start: int  # document position (UTF-16) of the section's first character
    text: str

    @property
    def end(self) -> int:
        return self.start + utf16_len(self.text)


class DocumentText(QTextBrowser):
    """The document: selectable, no scroll bars of its own (the page scrolls), as tall
    as its text; the context menu offers "Comment"."""

    comment_requested = Signal()

    def __init__(self, comment_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingText")
        self.comment_action = comment_action
        self.setOpenLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )

    def fit_height(self) -> None:
        doc = self.document()
        if doc.textWidth() != self.viewport().width():
            doc.setTextWidth(self.viewport().width())
        height = int(doc.size().height()) + 2 * self.frameWidth() + 2
        if self.height() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit_height()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        if menu is None:
            return
        menu.setObjectName("readingMenu")
        actions = menu.actions()
        if actions:
            menu.insertAction(actions[0], self.comment_action)
            menu.insertSeparator(actions[0])
        else:
            menu.addAction(self.comment_action)
        menu.exec(event.globalPos())
        menu.deleteLater()


def style_section(doc: QTextDocument, start: int, text: str, muted: str) -> None:
    """Light Markdown without moving a character: ``**bold**`` and ``*italic*``
    shown so, their markers dimmed; a blank line a short gap. Every character of the
    text stays where it is, so offsets map one to one."""

    def span(a: int, b: int, fmt: QTextCharFormat) -> None:
        cursor = QTextCursor(doc)
        cursor.setPosition(start + to_utf16(text, a))
        cursor.setPosition(start + to_utf16(text, b), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)

    if "*" in text or "_" in text:
        marker = QTextCharFormat()
        marker.setForeground(QColor(muted))
        for found in _EMPHASIS.finditer(text):
            fmt = QTextCharFormat()
            if len(found.group(1)) == 2:
                fmt.setFontWeight(QFont.Weight.Bold)
            else:
                fmt.setFontItalic(True)
            width = len(found.group(1))
            span(found.start() + width, found.end() - width, fmt)
            span(found.start(), found.start() + width, marker)
            span(found.end() - width, found.end(), marker)
    if "\n\n" in text:
        gap = QTextBlockFormat()
        gap.setLineHeight(35, 1)  # ProportionalHeight
        gap.setTopMargin(0)
        gap.setBottomMargin(0)
        block = doc.findBlock(start)
        end = start + utf16_len(text)
        while block.isValid() and block.position() <= end:
            if block.length() == 1:  # an empty paragraph: a blank line
                QTextCursor(block).setBlockFormat(gap)
            block = block.next()


def build_document(
    parent: QObject,
    entry: Entry,
    author_name: str,
    template: Template | None,
    taxonomy: Taxonomy | None,
    lang: str,
    font: QFont,
) -> tuple[QTextDocument, list[Section]]:
    """The entry as a document, and where each section's text starts in it."""
    content = entry.content
    doc = QTextDocument(parent)
    base = QFont(font)
    base.setPointSizeF(max(base.pointSizeF(), 10.0) * 1.1)
    doc.setDefaultFont(base)
    doc.setDocumentMargin(16)
    a = accents()
    size = base.pointSizeF()
    cursor = QTextCursor(doc)

    def block(top: float, bottom: float, height: int = 100) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setTopMargin(top)
        fmt.setBottomMargin(bottom)
        if height != 100:
            fmt.setLineHeight(height, 1)  # ProportionalHeight
        return fmt

    def chars(scale: float = 1.0, bold: bool = False, muted: bool = False) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setFontPointSize(size * scale)
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        if muted:
            fmt.setForeground(QColor(a.muted_text))
        return fmt

    cursor.setBlockFormat(block(0, 6))
    cursor.insertText(
        content.title or QCoreApplication.translate("ReadingView", "(untitled)"),
        chars(1.6, bold=True),
    )
    meta = [
        QCoreApplication.translate("ReadingView", "From %1").replace("%1", author_name),
        show_date(content.event_date) if content.event_date else show_datetime(entry.created_at),
        template.name.get(lang) if template is not None else content.template_id,
        QCoreApplication.translate("ReadingView", "version %1").replace("%1", str(entry.head.seq)),
    ]
    cursor.insertBlock(block(0, 4), chars(0.9, muted=True))
    cursor.insertText(" · ".join(m for m in meta if m))
    if content.tags:
        cursor.insertBlock(block(0, 2), chars(0.9, muted=True))
        cursor.insertText(
            QCoreApplication.translate("ReadingView", "Tags: %1").replace(
                "%1", ", ".join(content.tags)
            )
        )
    if content.standards:
        cursor.insertBlock(block(6, 2), chars(0.9, bold=True))
        cursor.insertText(QCoreApplication.translate("ReadingView", "Standards"))
        for code in content.standards:
            cursor.insertBlock(block(0, 0), chars(0.9))
            cursor.insertText("• " + (taxonomy.label(code, lang) if taxonomy else code))

    sections: list[Section] = []
    order: list[tuple[int, str, str]] = []
    if template is not None:
        order = [(d, p.key, p.title.get(lang)) for d, p in template.walk()]
    known = {k for _d, k, _t in order}
    order += [(0, k, k) for k in content.sections if k not in known]
    for depth, key, title in order:
        text = content.sections.get(key, "")
        if not text.strip():
            continue
        cursor.insertBlock(block(18 if depth == 0 else 10, 6), chars(1.25 - 0.1 * depth, True))
        cursor.insertText(title)
        cursor.insertBlock(block(0, 8, 145), chars())
        start = cursor.position()
        cursor.insertText(text)
        style_section(doc, start, text, a.muted_text)
        sections.append(Section(key, title, start, text))
    if not sections:
        cursor.insertBlock(block(18, 0), chars(muted=True))
        cursor.insertText(QCoreApplication.translate("ReadingView", "This entry has no text."))
    if entry.attachments:
        cursor.insertBlock(block(18, 6), chars(1.15, bold=True))
        cursor.insertText(QCoreApplication.translate("ReadingView", "Attachments"))
        for att in entry.attachments:
            cursor.insertBlock(block(0, 0), chars(0.95))
            kib = max(1, att.size // 1024)
            cursor.insertText(f"📎 {att.filename} ({kib} KiB)")
    return doc, sections
