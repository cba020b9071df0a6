"""One guided field per template prompt: title, guidance, a Markdown text box.

Sub-prompts nest inside their parent. In observation notes (descriptive prompts),
judgement words are underlined gently; the editor shows a dismissible hint.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFocusEvent, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.gui.theme import accents
from reflectdesk.templates.descriptive import DescriptiveHint
from reflectdesk.templates.model import Prompt

MIN_LINES = 4
MAX_LINES = 40
HINT_DELAY_MS = 400

HintFinder = Callable[[str, str], Sequence[DescriptiveHint]]  # (text, key) -> hints


class MarkdownEdit(QPlainTextEdit):
    """A plain-text Markdown box that grows with its text."""

    focus_left = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._fit()

    def _fit(self) -> None:
        lines = int(self.document().documentLayout().documentSize().height())
        lines = max(MIN_LINES, min(MAX_LINES, lines + 1))
        margins = self.contentsMargins()
        height = (
            lines * self.fontMetrics().lineSpacing()
            + int(self.document().documentMargin() * 2)
            + margins.top()
            + margins.bottom()
            + 4
        )
        if self.height() != height:
            self.setFixedHeight(height)

    def sizeHint(self) -> QSize:
        return QSize(320, self.height())

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_left.emit()


class PromptField(QFrame):
    """A prompt's title, guidance and (unless it only groups sub-prompts) its text box."""

    changed = Signal()

    def __init__(
        self,
        prompt: Prompt,
        depth: int,
        lang: str,
        has_text: bool,
        hint_finder: HintFinder | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.prompt = prompt
        self.key = prompt.key
        self.nesting = depth
        self.setObjectName(f"prompt_{prompt.key}")
        self.title = QLabel()
        self.title.setObjectName("promptTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        if depth == 0:
            font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title.setFont(font)
        self.guidance = QLabel()
        self.guidance.setObjectName("promptGuidance")
        self.guidance.setWordWrap(True)
        self.guidance.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.guidance.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # muted, no style sheet
        groups_only = bool(prompt.prompts) and not has_text
        self.edit: MarkdownEdit | None = None if groups_only else MarkdownEdit()
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 6, 0, 6)
        outer.setSpacing(9)
        if depth:
            # A thin bar on the left shows the nesting (a palette colour: no style sheet).
            bar = QFrame()
            bar.setFixedWidth(3)
            bar.setAutoFillBackground(True)
            bar.setBackgroundRole(QPalette.ColorRole.PlaceholderText)
            outer.addWidget(bar)
        layout = QVBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        outer.addLayout(layout, 1)
        layout.addWidget(self.title)
        layout.addWidget(self.guidance)
        if self.edit is not None:
            self.edit.setObjectName(f"field_{prompt.key}")
            self.title.setBuddy(self.edit)
            layout.addWidget(self.edit)
            self.edit.textChanged.connect(self.changed)
        self.children_layout = QVBoxLayout()
        self.children_layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.children_layout)
        self._hint_finder = hint_finder
        self._hints: list[DescriptiveHint] = []
        self.hints_enabled = hint_finder is not None
        self._hint_timer = QTimer(self)
        self._hint_timer.setSingleShot(True)
        self._hint_timer.setInterval(HINT_DELAY_MS)
        self._hint_timer.timeout.connect(self.check_hints)
        if self.edit is not None and hint_finder is not None:
            self.edit.textChanged.connect(self._hint_timer.start)
        self.hints_changed_callback: Callable[[], None] | None = None
        self.set_language(lang)

    def set_language(self, lang: str) -> None:
        title = self.prompt.title.get(lang)
        marker = " *" if self.prompt.required else ""
        self.title.setText(title.replace("&", "&&") + marker)
        # The legend of the *, where the eye is.
        self.title.setToolTip(
            QCoreApplication.translate("PromptField", "* The template asks you to answer this.")
            if self.prompt.required
            else ""
        )
        self.guidance.setText(self.prompt.guidance.get(lang))
        if self.edit is not None:
            self.edit.setAccessibleName(title)
            self.edit.setAccessibleDescription(self.prompt.guidance.get(lang))
            example = self.prompt.example.get(lang) if self.prompt.example else ""
            self.edit.setPlaceholderText(example)

    def text(self) -> str:
        return self.edit.toPlainText() if self.edit is not None else ""

    def load_text(self, text: str) -> None:
        """New text of another entry: hints back on (they may have been dismissed)."""
        self.hints_enabled = self._hint_finder is not None
        self.set_text(text)

    def set_text(self, text: str) -> None:
        """Replace the text (no ``changed``); hints are checked after a short pause."""
        if self.edit is not None:
            self.edit.blockSignals(True)
            self.edit.setPlainText(text)
            self.edit.blockSignals(False)
            self.edit._fit()
            self._hints = []
            self.edit.setExtraSelections([])
            if self._hint_finder is not None:
                self._hint_timer.start()

    # -- descriptive hints ------------------------------------------------------------------
    @property
    def hints(self) -> list[DescriptiveHint]:
        return self._hints

    def check_hints(self) -> None:
        if self.edit is None or self._hint_finder is None:
            return
        self._hints = list(self._hint_finder(self.text(), self.key)) if self.hints_enabled else []
        self._underline()
        if self.hints_changed_callback is not None:
            self.hints_changed_callback()

    def set_hints_enabled(self, enabled: bool) -> None:
        self.hints_enabled = enabled and self._hint_finder is not None
        self.check_hints()

    def _underline(self) -> None:
        if self.edit is None:
            return
        selections: list[QTextEdit.ExtraSelection] = []
        text = self.text()
        colour = QColor(accents().hint_border)
        for hint in self._hints:
            selection = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(colour)
            selection.format = fmt
            cursor = QTextCursor(self.edit.document())
            cursor.setPosition(_utf16(text, hint.start))
            cursor.setPosition(_utf16(text, hint.end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        self.edit.setExtraSelections(selections)


def _utf16(text: str, index: int) -> int:
    """A Python string index as Qt's UTF-16 position (they differ after an emoji)."""
    return len(text[:index].encode("utf-16-le")) // 2
