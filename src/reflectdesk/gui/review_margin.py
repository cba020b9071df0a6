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

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
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

from reflectdesk.gui.dates import show_datetime
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
MORE_MS = 30  # cards out of view are made a few at a time after the first paint
REAP_MS = 300  # the previous entry's cards are destroyed once the new ones show


def when(moment: datetime) -> str:
    """A comment's or a sign-off's moment, as the interface shows every date."""
    return show_datetime(moment)


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
        for _reply in thread.replies:
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
        self._height = (-1, 0)
        self.restyle()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self._height = (-1, 0)
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

    def restyle(self) -> None:
        a = accents()
        self._border = QColor(a.muted_text if self.view.resolved else a.hint_border)
        muted = QPalette(self.palette())
        muted.setColor(QPalette.ColorRole.WindowText, QColor(a.muted_text))
        self.head.setPalette(muted)
        self.where.setPalette(muted)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self._border, 1))
        rect = self.rect().adjusted(0, 0, -1, -1)
        painter.drawRoundedRect(rect, 4, 4)
        painter.fillRect(rect.x(), rect.y() + 1, 4, rect.height() - 1, self._border)
        painter.end()

    def height_for(self, width: int) -> int:
        """The card's height at ``width`` (kept: wrapping text is measured once)."""
        if self._height[0] != width:
            height = self.heightForWidth(width)
            self._height = (width, height if height > 0 else self.sizeHint().height())
        return self._height[1]

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.activated.emit(self.view.id)
        super().mousePressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class ReviewMargin(QWidget):
    """Thread cards beside the text. ``place(positions)`` puts each card at the height
    of its quote (pushed down when cards would overlap); without positions, the cards
    stack (the student's editor, where the text is many fields).

    Cards are made as they come into view (``reveal``): the first screenful at once,
    the rest a few at a time after the view is painted, or as it scrolls there (a card
    is ~2 ms of widgets; 30 of them made at once would double the time to open)."""

    reply_requested = Signal(str)
    resolve_requested = Signal(str, bool)
    thread_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewMargin")
        self.cards: dict[str, ThreadCard] = {}
        self.threads: list[ThreadView] = []
        self._titles: Callable[[str], str] = lambda key: key
        self._positions: dict[str, int] = {}
        self._floor = 0
        self._limit: int | None = None  # cards below this height wait
        self._more = QTimer(self)
        self._more.setInterval(MORE_MS)
        self._more.setSingleShot(True)
        self._more.timeout.connect(self._make_more)
        self._dead: list[ThreadCard] = []
        self._reap = QTimer(self)
        self._reap.setInterval(REAP_MS)
        self._reap.setSingleShot(True)
        self._reap.timeout.connect(self._bury)
        self.empty = QLabel(self)
        self.empty.setObjectName("marginEmpty")
        self.empty.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.setFixedWidth(MARGIN_WIDTH)
        self.retranslate_ui()

    def restyle(self) -> None:
        """Cards paint their own border (a style sheet makes every child slow to lay
        out: 30 cards cost ~50 ms more)."""
        for card in self.cards.values():
            card.restyle()

    def set_threads(
        self,
        threads: Sequence[ThreadView],
        section_title: Callable[[str], str],
        placed: bool = False,
    ) -> None:
        """The threads to show; ``placed``: the caller calls :meth:`place` next."""
        for card in self.cards.values():
            card.hide()
            self._dead.append(card)
        if self._dead:  # destroyed after the new cards are painted, not before
            self._reap.start()
        self.cards = {}
        self.threads = list(threads)
        self._titles = section_title
        self._positions = {}  # the view places them (place) once its text is laid out
        self.empty.setVisible(not self.threads)
        if not placed:
            self._limit = None
            self._relayout()

    def place(
        self, positions: Mapping[str, int] | None, floor: int = 0, until: int | None = None
    ) -> None:
        """Cards at the heights given (by thread id); ``floor``: the text's height;
        ``until``: how far down cards are needed now (None: all)."""
        self._positions = dict(positions or {})
        self._floor = floor
        self._limit = until
        self._relayout()

    def reveal(self, until: int) -> None:
        """The view scrolled: cards down to ``until`` are needed now."""
        if self._limit is not None and until > self._limit:
            self._limit = until
            self._relayout()

    def _bury(self) -> None:
        dead, self._dead = self._dead, []
        for card in dead:
            card.deleteLater()

    def _make_more(self) -> None:
        if self._limit is not None:
            self._limit += 400
            self._relayout()

    def _make(self, thread: ThreadView) -> ThreadCard:
        card = ThreadCard(thread, self._titles(thread.section), self)
        card.reply_requested.connect(self.reply_requested)
        card.resolve_requested.connect(self.resolve_requested)
        card.activated.connect(self.thread_activated)
        self.cards[thread.id] = card
        return card

    def _relayout(self) -> None:
        width = self.width() - 4
        y = 0
        order = sorted(
            self.threads,
            key=lambda t: (self._positions.get(t.id, 1 << 30), t.created_at),
        )
        waiting = False
        for thread in order:
            wanted = self._positions.get(thread.id, y)
            top = max(y, wanted)
            card = self.cards.get(thread.id)
            if card is None:
                if self._limit is not None and top > self._limit:
                    waiting = True
                    break
                card = self._make(thread)
            height = card.height_for(width)
            card.setGeometry(2, top, width, height)
            if card.isHidden():
                card.show()
            y = top + height + CARD_GAP
        if waiting:
            self._more.start()
            y = max([y, *self._positions.values()]) + 40
        if not self.threads:
            self.empty.setGeometry(2, 0, width, self.empty.heightForWidth(width))
            y = self.empty.heightForWidth(width)
        self.setMinimumHeight(max(y, self._floor))

    def card(self, thread_id: str) -> ThreadCard:
        """The card of a thread, made now if it was waiting (tests, "go to comment")."""
        if thread_id not in self.cards:
            self._limit = None
            self._relayout()
        return self.cards[thread_id]

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
        elif event.type() == QEvent.Type.PaletteChange:
            self.restyle()
        super().changeEvent(event)
