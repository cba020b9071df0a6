"""The pages of File → Share entries… and Send feedback (``export_wizard.py``): entries,
recipients, consent, where it goes (a folder, or an exchange point's outbox), and what
was written. ``RecipientsPage`` and ``DonePage`` also serve the withdrawal dialog.

Every page scrolls when the window is small (a 1024×600 netbook) and, while "Next" is
disabled, says why at its foot, just above the buttons ("Choose at least one person…").
On the recipients page the whole row is what you choose: a chosen row is drawn selected
with its box ticked, and whether a person is verified is a small neutral badge at the
row's end, so it is never mistaken for the choice.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QUrl,
)
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QIcon,
    QMouseEvent,
    QPainter,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from reflectdesk.domain.model import Consent
from reflectdesk.gui.contact_model import (
    SEARCH_ROLE,
    CheckListModel,
    consent_text,
    state_text,
    trust_state,
)
from reflectdesk.gui.widgets import wrap

if TYPE_CHECKING:
    from reflectdesk.gui.export_wizard import ExportWizard

CONSENTS = (Consent.READ, Consent.RESEARCH, Consent.RESEARCH_PSEUDONYMISED)
Index = QModelIndex | QPersistentModelIndex
BADGE_ROLE = Qt.ItemDataRole.UserRole + 3  # the trust state's words, for the badge
UrlOpener = Callable[[QUrl], bool]


def scrolled_page(page: QWizardPage) -> tuple[QVBoxLayout, QLabel]:
    """Give ``page`` a scrolling body and, below it, the line that says why "Next" is
    disabled (shown only then). Returns the body's layout and that line."""
    body = QWidget()
    body.setObjectName(f"{page.objectName()}Body")
    body_layout = QVBoxLayout(body)
    body_layout.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea()
    scroll.setObjectName(f"{page.objectName()}Scroll")
    scroll.setWidget(body)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.viewport().setAutoFillBackground(False)  # the page's own background shows
    body.setAutoFillBackground(False)
    reason = wrap(QLabel())
    reason.setObjectName("nextReason")
    reason.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    reason.hide()
    outer = QVBoxLayout(page)  # the style's margins, as the pages had before
    outer.addWidget(scroll, 1)
    outer.addWidget(reason)
    return body_layout, reason


def show_reason(label: QLabel, complete: bool, why: str) -> None:
    """The reason line: ``why`` while the page is not complete, hidden otherwise."""
    text = "" if complete else why
    label.setText(text)
    label.setVisible(bool(text))


class EntriesPage(QWizardPage):
    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self.setObjectName("exportEntriesPage")
        self.w = wizard
        self.chosen_radio = QRadioButton()
        self.chosen_radio.setChecked(True)
        self.journal_radio = QRadioButton()
        self.mode = QButtonGroup(self)
        self.mode.addButton(self.chosen_radio)
        self.mode.addButton(self.journal_radio)
        self.journal = QComboBox()
        self.journal.setObjectName("exportJournal")
        self.search = QLineEdit()
        self.search.setObjectName("exportSearch")
        self.search.setClearButtonEnabled(True)
        self.model = CheckListModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.list = QListView()
        self.list.setObjectName("exportEntries")
        self.list.setModel(self.proxy)
        self.list.setUniformItemSizes(True)
        self.list.setMinimumHeight(96)
        self.all_button = QPushButton()
        self.none_button = QPushButton()
        self.count = QLabel()
        self.attachments = QCheckBox()
        self.attachments.setChecked(True)
        self.history = QCheckBox()

        journal_row = QHBoxLayout()
        journal_row.addWidget(self.journal_radio)
        journal_row.addWidget(self.journal, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.all_button)
        buttons.addWidget(self.none_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        layout, self.reason = scrolled_page(self)
        layout.addWidget(self.chosen_radio)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addLayout(journal_row)
        layout.addWidget(self.attachments)
        layout.addWidget(self.history)

        self.search.textChanged.connect(self._filter)
        self.all_button.clicked.connect(lambda: self._tick_shown(True))
        self.none_button.clicked.connect(lambda: self._tick_shown(False))
        self.model.checked_changed.connect(self._update)
        self.mode.buttonToggled.connect(lambda *_: self._update())
        self.journal.currentIndexChanged.connect(lambda _i: self._update())

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.casefold().strip())

    def _tick_shown(self, checked: bool) -> None:
        rows = [
            self.proxy.mapToSource(self.proxy.index(r, 0)).row()
            for r in range(self.proxy.rowCount())
        ]
        self.model.set_all(checked, rows)

    def whole_journal(self) -> bool:
        return self.journal_radio.isChecked()

    def why_not(self) -> str:
        """Why "Next" is disabled (the page is not complete)."""
        if self.whole_journal():
            if self.journal.count() == 0:
                return self.tr("You have no journal of your own to share yet.")
            return self.tr("This journal has no entries yet: choose another one.")
        if self.model.rowCount() == 0:
            return self.tr("You have no entries of your own to share yet.")
        return self.tr("Tick at least one entry to go on.")

    def _update(self) -> None:
        whole = self.whole_journal()
        self.list.setEnabled(not whole)
        self.search.setEnabled(not whole)
        self.all_button.setEnabled(not whole)
        self.none_button.setEnabled(not whole)
        self.journal.setEnabled(whole)
        n = len(self.w.entry_ids())
        self.count.setText(self.tr("%n entries chosen", "", n))
        show_reason(self.reason, n > 0, self.why_not())
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.w.entry_ids())

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Which entries?"))
        self.setSubTitle(
            self.tr("Only your own entries can be shared. Received entries stay with you.")
        )
        self.chosen_radio.setText(self.tr("&Chosen entries:"))
        self.chosen_radio.setAccessibleName(self.tr("Chosen entries"))
        self.journal_radio.setText(self.tr("A &whole journal:"))
        self.journal_radio.setAccessibleName(self.tr("A whole journal"))
        self.journal.setAccessibleName(self.tr("Journal to share"))
        self.search.setPlaceholderText(self.tr("Filter by title or tag"))
        self.search.setAccessibleName(self.tr("Filter entries"))
        self.list.setAccessibleName(self.tr("Entries to share"))
        self.all_button.setText(self.tr("Select &all shown"))
        self.all_button.setAccessibleName(self.tr("Select all entries shown"))
        self.none_button.setText(self.tr("Select n&one"))
        self.none_button.setAccessibleName(self.tr("Select no entries"))
        self.attachments.setText(self.tr("Include a&ttachments (photos, files)"))
        self.attachments.setAccessibleName(self.tr("Include attachments"))
        self.history.setText(self.tr("Include the revision &history (not only the last version)"))
        self.history.setAccessibleName(self.tr("Include the revision history"))
        self._update()


# -- recipients ------------------------------------------------------------------------------
class RecipientModel(CheckListModel):
    """The people to choose: no big state icon (the state is the row's badge, in words),
    and the state spoken with the row's text."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DecorationRole:
            return None
        if role == BADGE_ROLE:
            return state_text(item.icon) if item.icon else ""
        if role == Qt.ItemDataRole.AccessibleTextRole and item.icon:
            return f"{item.text}, {state_text(item.icon)}"
        return super().data(index, role)


def _checked(index: Index) -> bool:
    value = index.data(Qt.ItemDataRole.CheckStateRole)
    state = value.value if isinstance(value, Qt.CheckState) else value
    return bool(state == Qt.CheckState.Checked.value)


class RecipientDelegate(QStyledItemDelegate):
    """Draws a recipient row: the box and the name; chosen rows in the selection colour;
    the trust state as a small outlined badge in a neutral colour at the end. A click
    anywhere on the row (or Space) chooses or un-chooses it."""

    PAD = 6  # around the badge's text, and between the badge and the row's end

    def badge_font(self, option: QStyleOptionViewItem) -> QFont:
        font = QFont(option.font)
        size = font.pointSizeF()
        if size > 0:
            font.setPointSizeF(max(size * 0.85, 7.0))
        return font

    def badge_rect(self, option: QStyleOptionViewItem, text: str) -> QRect:
        if not text:
            return QRect()
        metrics = QFontMetrics(self.badge_font(option))
        width = metrics.horizontalAdvance(text) + 2 * self.PAD
        height = metrics.height() + 4
        rect: QRect = option.rect
        return QRect(
            rect.right() - self.PAD - width, rect.center().y() - height // 2 + 1, width, height
        )

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        if _checked(index):
            option.state |= QStyle.StateFlag.State_Selected
        else:
            option.state &= ~QStyle.StateFlag.State_Selected
        option.features &= ~QStyleOptionViewItem.ViewItemFeature.HasDecoration
        option.icon = QIcon()

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, widget)
        text = str(index.data(BADGE_ROLE) or "")
        badge = self.badge_rect(opt, text)
        inner = QStyleOptionViewItem(opt)
        if text:
            rect: QRect = opt.rect
            inner.rect = rect.adjusted(0, 0, -(badge.width() + 2 * self.PAD), 0)
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, inner, painter, widget)
        if not text:
            return
        palette: QPalette = opt.palette
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        enabled = bool(opt.state & QStyle.StateFlag.State_Enabled)
        group = QPalette.ColorGroup.Normal if enabled else QPalette.ColorGroup.Disabled
        color = QColor(
            palette.color(group, QPalette.ColorRole.HighlightedText)
            if selected
            else palette.color(group, QPalette.ColorRole.PlaceholderText)
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.badge_font(opt))
        painter.setPen(color)
        painter.drawRoundedRect(badge.adjusted(0, 0, -1, -1), 4, 4)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        base = super().sizeHint(opt, index)
        text = str(index.data(BADGE_ROLE) or "")
        badge = self.badge_rect(opt, text)
        extra = badge.width() + 3 * self.PAD if text else 0
        return QSize(base.width() + extra, max(base.height(), badge.height()) + 10)

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        if not (index.flags() & Qt.ItemFlag.ItemIsEnabled):
            return False
        kind = event.type()
        if isinstance(event, QMouseEvent) and event.button() == Qt.MouseButton.LeftButton:
            if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
                return True  # toggled on release, like a check box
            rect: QRect = option.rect
            if kind == QEvent.Type.MouseButtonRelease and rect.contains(event.position().toPoint()):
                state = Qt.CheckState.Unchecked if _checked(index) else Qt.CheckState.Checked
                return bool(model.setData(index, state, Qt.ItemDataRole.CheckStateRole))
        return bool(super().editorEvent(event, model, option, index))


class RecipientsPage(QWizardPage):
    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self.setObjectName("exportRecipientsPage")
        self.w = wizard
        self.me = wrap(QLabel())
        self.me.setObjectName("exportMe")
        self.model = RecipientModel(self)
        self.list = QListView()
        self.list.setObjectName("exportRecipients")
        self.list.setModel(self.model)
        self.list.setItemDelegate(RecipientDelegate(self.list))
        self.list.setSelectionMode(QListView.SelectionMode.NoSelection)
        self.list.setMinimumHeight(96)
        self.list.setMouseTracking(True)
        self.count = QLabel()
        self.count.setObjectName("recipientCount")
        self.warning = wrap(QLabel())
        self.warning.setObjectName("unverifiedWarning")
        self.none = wrap(QLabel())
        layout, self.reason = scrolled_page(self)
        layout.addWidget(self.me)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.none)
        layout.addWidget(self.warning)
        self.model.checked_changed.connect(self._update)

    def unverified_names(self) -> list[str]:
        chosen = set(self.model.checked_ids())
        return [c.name for c in self.w.contacts if c.id in chosen and trust_state(c) != "verified"]

    def why_not(self) -> str:
        if not self.w.contacts:
            return self.tr("Add a contact first: there is no one to share with yet.")
        return self.tr("Choose at least one person: click their row.")

    def _update(self) -> None:
        names = self.unverified_names()
        self.warning.setVisible(bool(names))
        self.warning.setText(
            self.tr(
                "Not verified yet: %1. Compare the safety number with them (Contacts) so you "
                "know the bundle can only be opened by them."
            ).replace("%1", ", ".join(names))
        )
        self.none.setVisible(not self.w.contacts)
        n = len(self.model.checked_ids())
        self.count.setText(self.tr("%n people chosen, and you", "", n))
        self.count.setVisible(bool(self.w.contacts))
        show_reason(self.reason, n > 0, self.why_not())
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.model.checked_ids())

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Who may open it?"))
        if getattr(self.w, "kind", "") == "feedback":
            self.setSubTitle(
                self.tr(
                    # Two lines of the wizard's header, 40 % longer too (issue 16.1).
                    "Your comments, replies and sign-offs, in one bundle encrypted to these "
                    "people and signed by you."
                )
            )
        else:
            self.setSubTitle(
                self.tr("The bundle is encrypted to exactly these people and signed by you.")
            )
        self.me.setText(
            self.tr("%1 (you): always included, so you can open your own bundle.").replace(
                "%1", self.w.my_name
            )
        )
        self.list.setAccessibleName(self.tr("Recipients"))
        self.list.setAccessibleDescription(
            self.tr("Click a row or press Space to choose a person; chosen rows are ticked.")
        )
        self.none.setText(
            self.tr("You have no contacts yet. Import their card on the Contacts page first.")
        )
        rows = self.model.rowCount()
        if rows:  # the badges' words
            self.model.dataChanged.emit(self.model.index(0), self.model.index(rows - 1))
        self._update()


class ConsentPage(QWizardPage):
    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self.setObjectName("exportConsentPage")
        self.w = wizard
        self.group = QButtonGroup(self)
        self.radios: dict[Consent, QRadioButton] = {}
        layout, self.reason = scrolled_page(self)
        self.question = wrap(QLabel())
        layout.addWidget(self.question)
        for consent in CONSENTS:
            radio = QRadioButton()
            radio.setObjectName(f"consent_{consent.value}")
            self.group.addButton(radio)
            self.radios[consent] = radio
            layout.addWidget(radio)
        self.radios[Consent.READ].setChecked(True)
        self.overrides_label = wrap(QLabel())
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("consentOverrides")
        self.table.setMinimumHeight(96)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.overrides_label)
        layout.addWidget(self.table, 1)
        self.combos: dict[str, QComboBox] = {}

    def bundle_consent(self) -> Consent:
        for consent, radio in self.radios.items():
            if radio.isChecked():
                return consent
        return Consent.READ

    def overrides(self) -> dict[str, Consent]:
        out: dict[str, Consent] = {}
        for entry_id, combo in self.combos.items():
            value = combo.currentData()
            if value:
                out[entry_id] = Consent(value)
        return out

    def initializePage(self) -> None:
        ids = self.w.entry_ids()
        keep = self.overrides()
        self.table.setRowCount(len(ids))
        self.combos = {}
        for row, entry_id in enumerate(ids):
            title = self.w.titles.get(entry_id) or self.tr("(untitled)")
            item = QTableWidgetItem(title)
            item.setToolTip(title)
            self.table.setItem(row, 0, item)
            combo = QComboBox()
            combo.setObjectName(f"consent_{entry_id}")
            combo.addItem(self.tr("As for the bundle"), "")
            for consent in CONSENTS:
                combo.addItem(consent_text(consent), consent.value)
            if entry_id in keep:
                combo.setCurrentIndex(combo.findData(keep[entry_id].value))
            combo.setAccessibleName(self.tr("Consent for %1").replace("%1", title))
            self.table.setCellWidget(row, 1, combo)
            self.combos[entry_id] = combo
        self._headers()

    def _headers(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Entry"), self.tr("Consent")])

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("What may they do with it?"))
        self.setSubTitle(
            self.tr("Your choice travels signed with the bundle. You can withdraw it later.")
        )
        self.question.setText(self.tr("For the whole bundle:"))
        for consent, radio in self.radios.items():
            radio.setText(consent_text(consent))
            radio.setAccessibleName(consent_text(consent))
        self.overrides_label.setText(
            self.tr("Different for some entries? Choose it here (optional):")
        )
        self.table.setAccessibleName(self.tr("Consent per entry"))
        self._headers()


# -- where it goes ---------------------------------------------------------------------------
def usable_folder(folder: str) -> bool:
    """A folder that is there and can be written to (a USB stick still plugged in)."""
    return bool(folder) and os.path.isdir(folder) and os.access(folder, os.W_OK | os.X_OK)


class FolderButton(QPushButton):
    """The folder chooser: a push button labelled with the chosen folder (shortened in
    the middle when the window is narrow; whole in its tooltip), or "Choose a folder…"
    while there is none. ``path()`` is the folder; ``set_path`` sets it."""

    def __init__(self) -> None:
        super().__init__()
        self._path = ""
        self._empty = ""
        self.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DirIcon))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def path(self) -> str:
        return self._path

    def set_path(self, path: str) -> None:
        self._path = path
        self.updateGeometry()
        self._relabel()

    def set_empty_text(self, text: str) -> None:
        self._empty = text
        self.updateGeometry()
        self._relabel()

    def _chrome(self) -> int:
        """The button's width around its text: the icon and the style's margins."""
        return self.iconSize().width() + 32

    def _relabel(self) -> None:
        text = self._path or self._empty
        room = max(self.width() - self._chrome(), 40)
        self.setText(self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideMiddle, room))

    def sizeHint(self) -> QSize:
        # The label's width up to about 60 characters: a longer path is shortened in the
        # middle, never the window widened by it.
        metrics = self.fontMetrics()
        text = metrics.horizontalAdvance(self._path or self._empty)
        width = min(text, metrics.averageCharWidth() * 60) + self._chrome() + 8
        return QSize(width, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        width = self.fontMetrics().horizontalAdvance(self._empty) + self._chrome() + 8
        return QSize(min(width, self.sizeHint().width()), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relabel()


class SavePage(QWizardPage):
    """Where the bundle goes: "Send through exchange point …" (queued in the sync
    outbox; offered when an exchange point reaches one of the recipients, and then
    chosen first) or a folder the user picks (the last one, remembered)."""

    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self.setObjectName("exportSavePage")
        self.w = wizard
        self.summary = wrap(QLabel())
        self.summary.setObjectName("exportSummary")
        self.send_radio = QRadioButton()
        self.send_radio.setObjectName("sendThroughExchange")
        self.send_note = wrap(QLabel())
        self.send_note.setObjectName("sendNote")
        self.send_note.setIndent(24)
        self.folder_radio = QRadioButton()
        self.folder_radio.setObjectName("saveToFolder")
        self.folder_radio.setChecked(True)
        self.destination = QButtonGroup(self)
        self.destination.addButton(self.send_radio)
        self.destination.addButton(self.folder_radio)
        self.folder_label = wrap(QLabel())
        self.folder = FolderButton()
        self.folder.setObjectName("chooseFolder")
        self.choose = self.folder  # the chooser is the folder's own button
        self.create_button = QPushButton()
        self.create_button.setObjectName("createBundle")
        self.create_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.progress = QProgressBar()
        self.progress.setObjectName("exportProgress")
        self.progress.hide()
        self.cancel = QPushButton()
        self.cancel.setObjectName("cancelExport")
        self.cancel.hide()
        self.status = wrap(QLabel())
        self.status.setObjectName("exportStatus")
        run_row = QHBoxLayout()
        run_row.addWidget(self.create_button)
        run_row.addWidget(self.progress, 1)
        run_row.addWidget(self.cancel)
        run_row.addStretch(0)  # keeps the button on the left while no progress is shown
        layout, self.reason = scrolled_page(self)
        layout.addWidget(self.summary)
        layout.addSpacing(16)
        layout.addWidget(self.send_radio)
        layout.addWidget(self.send_note)
        layout.addWidget(self.folder_radio)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.folder, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addSpacing(8)
        layout.addLayout(run_row)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.folder.clicked.connect(self.w.choose_folder)
        self.create_button.clicked.connect(self.w.start_export)
        self.cancel.clicked.connect(self.w.cancel_export)
        self.destination.buttonToggled.connect(lambda *_: self._update())

    def set_folder(self, folder: str) -> None:
        self.folder.set_path(folder)
        self._update()

    def initializePage(self) -> None:
        self.summary.setText(self.w.summary_text())
        self.status.clear()
        sync, chosen = self.w.vault.sync, self.w.recipient_ids()
        self.w.points = sync.points_for(chosen)
        if self.w.kind == "feedback" and not all(sync.points_for([c]) for c in chosen):
            self.w.points = []  # feedback is queued only when every recipient is reached
        self.send_radio.setVisible(bool(self.w.points))
        self.send_note.setVisible(bool(self.w.points))
        self.folder_radio.setVisible(bool(self.w.points))
        if self.w.points:
            self.send_radio.setChecked(True)
        else:
            self.folder_radio.setChecked(True)
        self._texts()
        self._update()

    def why_not(self) -> str:
        """What is missing before the bundle can be made ("" while it is being made)."""
        if self.w.task is not None:
            return ""
        if self.w.sending():
            return self.tr("Press “Queue it to send” to go on.")
        folder = self.folder.path()
        if not folder:
            return self.tr("Choose a folder for the bundle.")
        if not usable_folder(folder):
            return self.tr(
                "The folder %1 cannot be written to (is the USB stick still plugged in?): "
                "choose another one."
            ).replace("%1", folder)
        return self.tr("Press “Create the bundle” to go on.")

    def _update(self) -> None:
        busy = self.w.task is not None
        sending = self.w.sending()
        self.folder.setEnabled(not sending and not busy)
        self.folder_label.setEnabled(not sending)
        ready = sending or usable_folder(self.folder.path())
        self.create_button.setEnabled(ready and not busy)
        self.send_radio.setEnabled(not busy)
        self.folder_radio.setEnabled(not busy)
        self.create_button.setText(
            self.tr("&Queue it to send") if sending else self.tr("C&reate the bundle")
        )
        self.create_button.setAccessibleName(
            self.tr("Queue it to send") if sending else self.tr("Create the bundle")
        )
        self.folder.setToolTip(self.folder.path())
        self.folder.setAccessibleDescription(self.folder.path() or self.tr("No folder chosen yet"))
        show_reason(self.reason, self.isComplete(), self.why_not())

    def isComplete(self) -> bool:
        return self.w.result_ is not None

    def _texts(self) -> None:
        if self.w.points:
            self.setTitle(self.tr("Where does it go?"))
            self.setSubTitle(
                self.tr(
                    "Send it through an exchange point, or save it in a folder (a USB stick, "
                    "a shared folder…). The file is named by today's date and a short code, "
                    "never by who or what is inside."
                )
            )
        else:
            self.setTitle(self.tr("Save the bundle"))
            self.setSubTitle(
                self.tr(
                    "Choose a folder (a USB stick, a shared folder…). The file is named by "
                    "today's date and a short code, never by who or what is inside."
                )
            )
        labels = self.w.point_labels()
        self.send_radio.setText(self.tr("&Send through exchange point %1").replace("%1", labels))
        self.send_radio.setAccessibleName(
            self.tr("Send through exchange point %1").replace("%1", labels)
        )
        self.send_note.setText(
            self.tr(
                "The bundle waits in the outbox and leaves with the next sync, when the "
                "exchange point can be reached. Only the recipients can open it."
            )
        )

    def retranslate_ui(self) -> None:
        self.folder_radio.setText(self.tr("Save it in a &folder:"))
        self.folder_radio.setAccessibleName(self.tr("Save it in a folder"))
        self.folder_label.setText(self.tr("Folder (click to choose another):"))
        self.folder_label.setBuddy(self.folder)
        self.folder.set_empty_text(self.tr("Choose a folder…"))
        self.folder.setAccessibleName(self.tr("Folder for the bundle: choose"))
        self.cancel.setText(self.tr("Cancel"))
        self.cancel.setAccessibleName(self.tr("Cancel creating the bundle"))
        self.progress.setAccessibleName(self.tr("Progress"))
        self._texts()
        self._update()
        if self.w.task is None and self.isVisible():
            self.summary.setText(self.w.summary_text())


class SavedFile(QWidget):
    """Where a file the user asked for went: "Saved to <folder>" (bold), the file's name
    with its size, "Open the folder" and "Copy the path". Shared by the export wizard's
    last page and the case study's exports tab. ``opener`` opens the folder
    (``QDesktopServices.openUrl``; tests give their own, so nothing is launched)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("savedBlock")
        self.opener: UrlOpener = QDesktopServices.openUrl
        self.path: Path | None = None
        self.bytes = 0
        self.saved_to = wrap(QLabel())
        self.saved_to.setObjectName("savedTo")
        font = self.saved_to.font()
        font.setBold(True)
        self.saved_to.setFont(font)
        self.saved_to.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.file_name = wrap(QLabel())
        self.file_name.setObjectName("bundleFileName")
        self.file_name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder = QPushButton()
        self.open_folder.setObjectName("openFolder")
        self.open_folder.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DirOpenIcon))
        self.copy = QPushButton()
        self.copy.setObjectName("copyPath")
        self.open_folder.clicked.connect(self._open_folder)
        self.copy.clicked.connect(self._copy)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_folder)
        buttons.addWidget(self.copy)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 12)
        layout.addWidget(self.saved_to)
        layout.addWidget(self.file_name)
        layout.addLayout(buttons)
        self.retranslate_ui()

    def set_file(self, path: Path | None, size: int = 0) -> None:
        self.path = path
        self.bytes = size
        self.retranslate_ui()

    def _open_folder(self) -> None:
        if self.path is not None:
            self.opener(QUrl.fromLocalFile(str(self.path.parent)))

    def _copy(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None and self.path is not None:
            clipboard.setText(str(self.path))

    def retranslate_ui(self) -> None:
        if self.path is not None:
            self.saved_to.setText(self.tr("Saved to %1").replace("%1", str(self.path.parent)))
            self.file_name.setText(
                self.tr("File: %1 (%2 KB)")
                .replace("%1", self.path.name)
                .replace("%2", str(max(1, round(self.bytes / 1024))))
            )
        self.open_folder.setText(self.tr("&Open the folder"))
        self.open_folder.setAccessibleName(self.tr("Open the folder"))
        self.copy.setText(self.tr("Co&py the path"))
        self.copy.setAccessibleName(self.tr("Copy the path"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class DonePage(QWizardPage):
    """What was made: where the file went (:class:`SavedFile`: "Saved to <folder>", "Open
    the folder", "Copy the path") or, queued for an exchange point, where it waits; then
    what is in it and for whom."""

    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self.setObjectName("exportDonePage")
        self.w = wizard
        self.saved = SavedFile()  # hidden when it was queued instead
        self.saved_to = self.saved.saved_to
        self.file_name = self.saved.file_name
        self.open_folder = self.saved.open_folder
        self.copy = self.saved.copy
        self.text = wrap(QLabel())
        self.text.setObjectName("exportResult")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout, self.reason = scrolled_page(self)
        layout.addWidget(self.saved)
        layout.addWidget(self.text)
        layout.addStretch(1)

    @property
    def opener(self) -> UrlOpener:
        return self.saved.opener

    @opener.setter
    def opener(self, opener: UrlOpener) -> None:
        self.saved.opener = opener

    def _queued(self) -> bool:
        return getattr(self.w, "queued_", None) is not None

    def bundle_path(self) -> Path | None:
        result = self.w.result_
        return None if result is None or self._queued() else Path(result.path)

    def initializePage(self) -> None:
        self.saved.setVisible(self.bundle_path() is not None)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        if self._queued():
            self.setTitle(self.tr("Bundle queued"))
            self.setSubTitle(
                self.tr("It waits in the outbox until it is sent: only the recipients can open it.")
            )
        else:
            self.setTitle(self.tr("Bundle saved"))
            self.setSubTitle(
                self.tr(
                    "Nothing has been sent yet: give them the file any way you like (a USB "
                    "stick, e-mail, a shared folder). Only they can open it."
                )
            )
        path = self.bundle_path()
        result = self.w.result_
        self.saved.set_file(path, result.size if result is not None else 0)
        if result is not None:
            self.text.setText(self.w.result_text())
