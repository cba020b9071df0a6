"""Item models for sharing: contacts, checkable lists (entries, recipients), the bundle log.

Also the shared words of the sharing screens (roles, consent, trust states) and the
safety number layout, so the contacts page, the export wizard and the import preview
say the same thing the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from reflectdesk.domain.model import BundleLogItem, Consent, Contact, Role
from reflectdesk.gui.dates import show_datetime
from reflectdesk.i18n_marker import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1

VERIFIED, UNVERIFIED, REVOKED, CHANGED = "verified", "unverified", "revoked", "changed"
VOUCHED = "vouched"  # a rotation signed by a verified key: not verified until compared


def _t(text: str) -> str:
    return QCoreApplication.translate("Sharing", text)


def role_text(role: Role | str | None) -> str:
    value = role.value if isinstance(role, Role) else (role or "")
    return {
        "student": QCoreApplication.translate("Sharing", "Student teacher"),
        "mentor": QCoreApplication.translate("Sharing", "School mentor"),
        "educator": QCoreApplication.translate("Sharing", "University educator"),
    }.get(value, value)


def consent_text(consent: Consent | str) -> str:
    value = consent.value if isinstance(consent, Consent) else consent
    return {
        "read": QCoreApplication.translate("Sharing", "Recipients may only read it"),
        "research": QCoreApplication.translate("Sharing", "May be used in a research case study"),
        "research-pseudonymised": QCoreApplication.translate(
            "Sharing", "Research only after pseudonymisation"
        ),
    }.get(value, value)


def trust_state(contact: Contact) -> str:
    if contact.revoked:
        return REVOKED
    if contact.key_changed:
        return CHANGED
    if contact.vouched and not contact.verified:
        return VOUCHED
    return VERIFIED if contact.verified else UNVERIFIED


def state_text(state: str) -> str:
    return {
        VERIFIED: QCoreApplication.translate("Sharing", "Verified"),
        UNVERIFIED: QCoreApplication.translate("Sharing", "Not verified"),
        CHANGED: QCoreApplication.translate("Sharing", "Keys changed: not verified"),
        VOUCHED: QCoreApplication.translate(
            "Sharing", "New key vouched by the old one: not verified"
        ),
        REVOKED: QCoreApplication.translate("Sharing", "Revoked"),
    }.get(state, state)


def state_icon(state: str) -> QIcon:
    """An icon that goes with the state's text (never colour alone)."""
    style = QApplication.style()
    pixmap = {
        VERIFIED: QStyle.StandardPixmap.SP_DialogApplyButton,
        UNVERIFIED: QStyle.StandardPixmap.SP_MessageBoxQuestion,
        CHANGED: QStyle.StandardPixmap.SP_MessageBoxWarning,
        VOUCHED: QStyle.StandardPixmap.SP_MessageBoxInformation,
        REVOKED: QStyle.StandardPixmap.SP_DialogCancelButton,
    }.get(state, QStyle.StandardPixmap.SP_MessageBoxQuestion)
    return style.standardIcon(pixmap)


def safety_number_lines(digits: str) -> str:
    """60 digits as three lines of four groups of five: the same on both screens."""
    groups = "".join(ch for ch in digits if ch.isdigit())
    parts = [groups[i : i + 5] for i in range(0, len(groups), 5)]
    return "\n".join("  ".join(parts[i : i + 4]) for i in range(0, len(parts), 4))


def format_date(moment: datetime) -> str:
    return show_datetime(moment)


# -- contacts ------------------------------------------------------------------------------
CONTACT_HEADERS = ("Name", "Role", "Institution", "State")


class ContactTableModel(QAbstractTableModel):
    """The contacts: name, role, institution and trust state (icon and text)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._contacts: list[Contact] = []

    def set_contacts(self, contacts: Sequence[Contact]) -> None:
        self.beginResetModel()
        self._contacts = sorted(contacts, key=lambda c: (c.revoked, c.name.casefold(), c.id))
        self.endResetModel()

    def contact(self, row: int) -> Contact | None:
        return self._contacts[row] if 0 <= row < len(self._contacts) else None

    def row_of(self, contact_id: str) -> int:
        for row, contact in enumerate(self._contacts):
            if contact.id == contact_id:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._contacts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(CONTACT_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(CONTACT_HEADERS)
        ):
            return [
                _t(QT_TRANSLATE_NOOP("Sharing", "Name")),
                _t(QT_TRANSLATE_NOOP("Sharing", "Role")),
                _t(QT_TRANSLATE_NOOP("Sharing", "Institution")),
                _t(QT_TRANSLATE_NOOP("Sharing", "State")),
            ][section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._contacts):
            return None
        contact = self._contacts[index.row()]
        column = index.column()
        state = trust_state(contact)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return [
                contact.name,
                role_text(contact.card.role),
                contact.card.institution,
                state_text(state),
            ][column]
        if role == Qt.ItemDataRole.DecorationRole and column == 3:
            return state_icon(state)
        if role == Qt.ItemDataRole.ToolTipRole:
            summary = f"{contact.name} · {state_text(state)} · {contact.key_id}"
            # The role and institution whole: their columns may cut them (issue 16.1).
            cell = {1: role_text(contact.card.role), 2: contact.card.institution}.get(column)
            return f"{cell}\n{summary}" if cell else summary
        if role == ID_ROLE:
            return contact.id
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(CONTACT_HEADERS) - 1)
        if self._contacts:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._contacts) - 1, len(CONTACT_HEADERS) - 1)
            )


# -- checkable lists -------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class CheckItem:
    id: str
    text: str
    tooltip: str = ""
    enabled: bool = True
    checked: bool = False
    icon: str | None = None  # a trust state (see state_icon)
    search: str = ""  # extra text the filter matches (folded)


class CheckListModel(QAbstractListModel):
    """A list of things to tick (entries to share, recipients)."""

    checked_changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[CheckItem] = []

    def set_items(self, items: Sequence[CheckItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()
        self.checked_changed.emit()

    def items(self) -> list[CheckItem]:
        return list(self._items)

    def checked_ids(self) -> list[str]:
        return [i.id for i in self._items if i.checked and i.enabled]

    def set_checked(self, item_id: str, checked: bool) -> None:
        for row, item in enumerate(self._items):
            if item.id == item_id:
                self.setData(
                    self.index(row),
                    Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked,
                    Qt.ItemDataRole.CheckStateRole,
                )

    def set_all(self, checked: bool, rows: Sequence[int] | None = None) -> None:
        for row in range(len(self._items)) if rows is None else rows:
            item = self._items[row]
            if item.enabled and item.checked != checked:
                self._items[row] = replace(item, checked=checked)
        if self._items:
            self.dataChanged.emit(
                self.index(0), self.index(len(self._items) - 1), [Qt.ItemDataRole.CheckStateRole]
            )
        self.checked_changed.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return Qt.ItemFlag.NoItemFlags
        item = self._items[index.row()]
        if not item.enabled:
            return Qt.ItemFlag.ItemNeverHasChildren
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return item.text
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if item.checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.tooltip or item.text
        if role == Qt.ItemDataRole.DecorationRole and item.icon:
            return state_icon(item.icon)
        if role == ID_ROLE:
            return item.id
        if role == Qt.ItemDataRole.UserRole + 2:
            return (item.text + " " + item.search).casefold()
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.CheckStateRole
            or not index.isValid()
            or not 0 <= index.row() < len(self._items)
        ):
            return False
        item = self._items[index.row()]
        if not item.enabled:
            return False
        state = value.value if isinstance(value, Qt.CheckState) else int(value)
        checked = state == Qt.CheckState.Checked.value
        if checked != item.checked:
            self._items[index.row()] = replace(item, checked=checked)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
            self.checked_changed.emit()
        return True


SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2


# -- the bundle log ---------------------------------------------------------------------------
LOG_HEADERS = ("Date", "Counterpart", "Entries", "Kind")


class BundleLogModel(QAbstractTableModel):
    """Bundles sent (outbox) or received (inbox): date, from/to whom, how many entries."""

    def __init__(self, direction: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.direction = direction
        self._items: list[BundleLogItem] = []
        self._names: dict[str, str] = {}
        self._me = ""

    def set_items(self, items: Sequence[BundleLogItem], names: dict[str, str], me: str) -> None:
        self.beginResetModel()
        self._items = sorted(items, key=lambda i: (i.at, i.bundle_id), reverse=True)
        self._names = dict(names)
        self._me = me
        self.endResetModel()

    def item(self, row: int) -> BundleLogItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def counterpart(self, item: BundleLogItem) -> str:
        if not item.contact_ids:
            return self._me
        return ", ".join(self._names.get(c, c[:8]) for c in item.contact_ids)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(LOG_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(LOG_HEADERS)
        ):
            who = (
                _t(QT_TRANSLATE_NOOP("Sharing", "To"))
                if self.direction == "out"
                else _t(QT_TRANSLATE_NOOP("Sharing", "From"))
            )
            return [
                _t(QT_TRANSLATE_NOOP("Sharing", "Date")),
                who,
                _t(QT_TRANSLATE_NOOP("Sharing", "Entries")),
                _t(QT_TRANSLATE_NOOP("Sharing", "Kind")),
            ][section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            kinds = {
                "journal": _t(QT_TRANSLATE_NOOP("Sharing", "Journal entries")),
                "consent-withdrawal": _t(QT_TRANSLATE_NOOP("Sharing", "Consent withdrawal")),
                "feedback": _t(QT_TRANSLATE_NOOP("Sharing", "Feedback")),
                "sign-off": _t(QT_TRANSLATE_NOOP("Sharing", "Sign-off")),
                "template": _t(QT_TRANSLATE_NOOP("Sharing", "Template")),
                "card": _t(QT_TRANSLATE_NOOP("Sharing", "Contact card")),
            }
            return [
                format_date(item.at),
                self.counterpart(item),
                str(len(item.entry_ids)),
                kinds.get(item.kind, item.kind),
            ][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ID_ROLE:
            return item.bundle_id
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(LOG_HEADERS) - 1)
        if self._items:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._items) - 1, len(LOG_HEADERS) - 1)
            )
