"""Comments beside the text: the margin of comment threads (the mentor's reading view and
the student's own editor show the same widget), the box to write a comment or a reply,
and the writes they make (on the writer queue).

Offsets: the core counts code points, Qt counts UTF-16 units; the views convert with
``review.anchor.to_utf16`` / ``from_utf16`` where they meet a ``QTextCursor``
(docs/review.md, "Offsets")."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.gui.dialogs import report_error
from reflectdesk.gui.theme import accents
from reflectdesk.progress import CancelToken, ProgressSink

if TYPE_CHECKING:
    from datetime import datetime

    from reflectdesk.gui.tasks import TaskRunner
    from reflectdesk.services.review_read import ThreadView
    from reflectdesk.services.vault import Vault

MARGIN_WIDTH = 280
CARD_GAP = 8
QUOTE_SHOWN = 140  # characters of a quote shown on a card


def when(moment: datetime) -> str:
    stamp = QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000))
    return QLocale().toString(stamp, QLocale.FormatType.ShortFormat)


def short(text: str, limit: int = QUOTE_SHOWN) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True, slots=True)
class NewComment:
    """A passage chosen in a view: section key and code-point offsets (the core's)."""

    entry_id: str
    section: str
    start: int
    end: int
    quote: str


class ReviewWrites(QObject):
    """Comment, reply, resolve: each a write on the writer queue; ``written`` after."""

    written = Signal(object)  # the ReviewRecord
    failed = Signal(object)

    def __init__(self, runner: TaskRunner, vault: Vault, owner: QWidget) -> None:
        super().__init__(owner)
        self.runner = runner
        self.vault = vault
        self.owner = owner

    def _submit(self, name: str, call: Callable[[], object]) -> None:
        def job(_p: ProgressSink, _c: CancelToken) -> object:
            return call()

        def failed(exc: BaseException) -> None:
            self.failed.emit(exc)
            report_error(self.owner, exc)

        self.runner.submit(
            job,
            on_result=self.written.emit,
            on_error=failed,
            writer=True,
            name=f"write:{name}",
            owner=self.owner,
        )

    def comment(self, where: NewComment, text: str) -> None:
        review = self.vault.review
        self._submit(
            "comment",
            lambda: review.add_comment(
                where.entry_id, where.section, text,
                quote=where.quote, start=where.start, end=where.end,
            ),
        )  # fmt: skip

    def reply(self, parent_id: str, text: str) -> None:
        review = self.vault.review
        self._submit("reply", lambda: review.reply(parent_id, text))

    def resolve(self, comment_id: str, resolved: bool) -> None:
        review = self.vault.review
        self._submit("resolve", lambda: review.resolve(comment_id, resolved))


class CommentDialog(QDialog):
    """Write a comment on a quoted passage, or a reply in a thread."""

    def __init__(self, quote: str, reply: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("commentDialog")
        self.reply = reply
        self.quote = QLabel()
        self.quote.setObjectName("commentQuote")
        self.quote.setWordWrap(True)
        self.quote.setText(f"“{short(quote, 300)}”")
        self.quote.setVisible(bool(quote))
        self.label = QLabel()
        self.edit = QPlainTextEdit()
        self.edit.setObjectName("commentText")
        self.edit.setTabChangesFocus(True)
        self.label.setBuddy(self.edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.edit.textChanged.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.quote)
        layout.addWidget(self.label)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.buttons)
        self.resize(460, 260)
        self.retranslate_ui()
        self._changed()

    def text(self) -> str:
        return self.edit.toPlainText().strip()

    def _changed(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(bool(self.text()))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Reply") if self.reply else self.tr("Comment"))
        self.label.setText(self.tr("Your &reply:") if self.reply else self.tr("Your &comment:"))
        self.edit.setAccessibleName(self.tr("Reply") if self.reply else self.tr("Comment"))
        self.quote.setAccessibleName(self.tr("Quoted passage"))
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))


class ThreadCard(QFrame):
    """One thread: the comment, its replies, Reply and Resolve / Reopen."""

    reply_requested = Signal(str)
    resolve_requested = Signal(str, bool)
    activated = Signal(str)

    def __init__(self, thread: ThreadView, section_title: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.view = thread
        self.setObjectName("threadCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.head = QLabel()
        self.head.setObjectName("threadHead")
        self.head.setWordWrap(True)
        self.where = QLabel()  # section, and "on an earlier version" with the quote
        self.where.setObjectName("threadWhere")
        self.where.setWordWrap(True)
        self.body = QLabel(thread.text)
        self.body.setObjectName("threadText")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.section_title = section_title
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(3)
        layout.addWidget(self.head)
        layout.addWidget(self.where)
        layout.addWidget(self.body)
        self.replies: list[QLabel] = []
        for reply in thread.replies:
            label = QLabel()
            label.setObjectName("threadReply")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setIndent(10)
            layout.addWidget(label)
            self.replies.append(label)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 2, 0, 0)
        self.reply_button = QPushButton()
        self.reply_button.setObjectName("replyButton")
        self.reply_button.clicked.connect(lambda: self.reply_requested.emit(thread.id))
        self.resolve_button = QPushButton()
        self.resolve_button.setObjectName("resolveButton")
        self.resolve_button.clicked.connect(
            lambda: self.resolve_requested.emit(thread.id, not thread.resolved)
        )
        buttons.addWidget(self.reply_button)
        buttons.addWidget(self.resolve_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.restyle()
        self.retranslate_ui()

    def restyle(self) -> None:
        a = accents()
        border = a.hint_border if not self.view.resolved else a.muted_text
        self.setStyleSheet(
            f"#threadCard {{ border: 1px solid {border}; border-left: 4px solid {border};"
            " border-radius: 4px; }"
            f" #threadHead, #threadWhere {{ color: {a.muted_text}; }}"
        )

    def retranslate_ui(self) -> None:
        t = self.view
        head = f"{t.author_name} · {when(t.created_at)}"
        if t.resolved:
            head += " · " + self.tr("resolved")
        self.head.setText(head)
        if t.on_earlier_version:
            version = str(t.revision_seq) if t.revision_seq is not None else "?"
            self.where.setText(
                self.tr("On an earlier version (%1), %2: “%3”")
                .replace("%1", version)
                .replace("%2", self.section_title)
                .replace("%3", short(t.quote))
            )
        else:
            self.where.setText(f"{self.section_title}: “{short(t.quote, 60)}”")
        for label, reply in zip(self.replies, t.replies, strict=True):
            label.setText(f"↳ {reply.author_name}: {reply.text}")
        self.reply_button.setText(self.tr("Reply"))
        self.reply_button.setAccessibleName(self.tr("Reply to this comment"))
        self.resolve_button.setText(self.tr("Reopen") if t.resolved else self.tr("Resolve"))
        self.resolve_button.setAccessibleName(self.resolve_button.text())
        self.setAccessibleName(self.tr("Comment by %1").replace("%1", t.author_name))
        self.setAccessibleDescription(t.text)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.activated.emit(self.view.id)
        super().mousePressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() == QEvent.Type.PaletteChange:
            self.restyle()
        super().changeEvent(event)


class ReviewMargin(QWidget):
    """Thread cards beside the text. ``place(positions)`` puts each card at the height
    of its quote (pushed down when cards would overlap); without positions, the cards
    stack (the student's editor, where the text is many fields)."""

    reply_requested = Signal(str)
    resolve_requested = Signal(str, bool)
    thread_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewMargin")
        self.cards: dict[str, ThreadCard] = {}
        self._positions: dict[str, int] = {}
        self._floor = 0
        self.empty = QLabel(self)
        self.empty.setObjectName("marginEmpty")
        self.empty.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.setFixedWidth(MARGIN_WIDTH)
        self.retranslate_ui()

    def set_threads(
        self, threads: Sequence[ThreadView], section_title: Callable[[str], str]
    ) -> None:
        for card in self.cards.values():
            card.hide()
            card.deleteLater()
        self.cards = {}
        for thread in threads:
            card = ThreadCard(thread, section_title(thread.section), self)
            card.reply_requested.connect(self.reply_requested)
            card.resolve_requested.connect(self.resolve_requested)
            card.activated.connect(self.thread_activated)
            self.cards[thread.id] = card
            card.show()
        self.empty.setVisible(not self.cards)
        self._relayout()

    def place(self, positions: Mapping[str, int] | None, floor: int = 0) -> None:
        """Cards at the heights given (by thread id); ``floor``: the text's height."""
        self._positions = dict(positions or {})
        self._floor = floor
        self._relayout()

    def _relayout(self) -> None:
        width = self.width() - 4
        y = 0
        order = sorted(
            self.cards.values(),
            key=lambda c: (self._positions.get(c.view.id, 1 << 30), c.view.created_at),
        )
        for card in order:
            height = card.heightForWidth(width)
            if height <= 0:
                height = card.sizeHint().height()
            wanted = self._positions.get(card.view.id, y)
            top = max(y, wanted)
            card.setGeometry(2, top, width, height)
            y = top + height + CARD_GAP
        if not self.cards:
            self.empty.setGeometry(2, 0, width, self.empty.heightForWidth(width))
            y = self.empty.heightForWidth(width)
        self.setMinimumHeight(max(y, self._floor))

    def card_top(self, thread_id: str) -> int | None:
        card = self.cards.get(thread_id)
        return None if card is None else card.geometry().top()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._relayout()

    def retranslate_ui(self) -> None:
        self.empty.setText(self.tr("No comments yet."))
        self.setAccessibleName(self.tr("Comments"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self._relayout()
        super().changeEvent(event)
