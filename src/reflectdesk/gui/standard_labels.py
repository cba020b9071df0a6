"""The entry's standards, each with its title (issue 16.8): "C7 — Evalúa y monitorea…"
on its own line, elided to the width there is, the full title in the tooltip and the
accessible name. Beyond ``MAX_LINES`` one line says how many more (all in its tooltip),
so a long choice never pushes the prompts off a 1024×600 screen."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

MAX_LINES = 3


class ElidedLabel(QLabel):
    """One line that shortens its text with "…" to its width; the whole text stays in
    ``full_text`` (and the tooltip)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self.setToolTip(text)
        self.setAccessibleName(text)
        self._elide()

    def is_elided(self) -> bool:
        return self.text() != self.full_text

    def _elide(self) -> None:
        width = max(self.contentsRect().width(), 1)
        metrics = QFontMetrics(self.font())
        self.setText(metrics.elidedText(self.full_text, Qt.TextElideMode.ElideRight, width))

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        margins = self.contentsMargins()
        width = metrics.horizontalAdvance(self.full_text) + margins.left() + margins.right()
        return QSize(width, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(
            QFontMetrics(self.font()).horizontalAdvance("C10 …"), super().sizeHint().height()
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()


class StandardLabels(QWidget):
    """``set_labels(["C7 — Evalúa…", …])``, or ``set_empty(text)`` when none is chosen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("standardLabels")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.lines: list[ElidedLabel] = []
        self.more = QLabel()
        self.more.setObjectName("moreStandards")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(1)
        self._layout.addWidget(self.more)
        self.more.hide()
        self.labels: list[str] = []

    def set_empty(self, text: str) -> None:
        self.set_labels([text])
        self.labels = []

    def set_labels(self, labels: Sequence[str], more_text: str = "") -> None:
        """One line per label up to ``MAX_LINES`` (the last one "+N more" if there are
        more: ``more_text`` with %1 for the number)."""
        self.labels = list(labels)
        shown = self.labels if len(self.labels) <= MAX_LINES else self.labels[: MAX_LINES - 1]
        while len(self.lines) < len(shown):
            line = ElidedLabel()
            line.setObjectName("standardLine")
            self._layout.insertWidget(len(self.lines), line)
            self.lines.append(line)
        for i, line in enumerate(self.lines):
            if i < len(shown):
                line.set_full_text(shown[i])
                line.show()
            else:
                line.hide()
        rest = self.labels[len(shown) :]
        if rest:
            self.more.setText(more_text.replace("%1", str(len(rest))))
            self.more.setToolTip("\n".join(rest))
            self.more.setAccessibleName("; ".join(rest))
            self.more.show()
        else:
            self.more.hide()
        self.setAccessibleDescription("; ".join(self.labels))
