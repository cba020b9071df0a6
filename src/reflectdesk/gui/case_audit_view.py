"""The Audit log tab of the case-study workspace (issue 15, item 6).

The signed log's records (time, what happened, details: ids, counts, dates and bundle
ids only; the log never holds a name or a text), "Verify" (chain and every signature,
against this vault's own keys: passed or failed, with the reason), "Export log…" (the
canonical ``.audit.json``, without the pseudonym map) and "Check a file…" for an
exported copy (one changed byte fails).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.errors import CaseAuditInvalid, ReflectDeskError
from reflectdesk.gui.case_common_view import HeadedTableModel, record_table
from reflectdesk.gui.dates import show_date, show_datetime
from reflectdesk.gui.dialogs import show_error
from reflectdesk.gui.i18n import error_texts
from reflectdesk.gui.tasks import TaskRunner
from reflectdesk.gui.widgets import wrap
from reflectdesk.i18n_marker import QT_TRANSLATE_NOOP
from reflectdesk.services.case_audit import AuditCheck, CaseAuditService

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from reflectdesk.progress import CancelToken, ProgressSink
    from reflectdesk.services.case_audit import AuditEvent
    from reflectdesk.services.vault import Vault

log = logging.getLogger(__name__)

AUDIT_SUFFIX = ".audit.json"
_ROOT = QModelIndex()


EVENTS = {
    "created": QT_TRANSLATE_NOOP("CaseAuditTab", "Study created"),
    "approval-recorded": QT_TRANSLATE_NOOP("CaseAuditTab", "Ethics approval recorded"),
    "item-added": QT_TRANSLATE_NOOP("CaseAuditTab", "Item added"),
    "item-removed": QT_TRANSLATE_NOOP("CaseAuditTab", "Item removed"),
    "pseudonymisation-accepted": QT_TRANSLATE_NOOP("CaseAuditTab", "Pseudonymisation accepted"),
    "exported": QT_TRANSLATE_NOOP("CaseAuditTab", "Exported"),
    "withdrawn": QT_TRANSLATE_NOOP("CaseAuditTab", "Consent withdrawn: item removed"),
    "imported": QT_TRANSLATE_NOOP("CaseAuditTab", "Imported from a REFI-QDA project"),
    "deleted": QT_TRANSLATE_NOOP("CaseAuditTab", "Study deleted"),
}
# A record's data keys as words ("%1": the value).
LABELS = {
    "expires": QT_TRANSLATE_NOOP("CaseAuditTab", "expires %1"),
    "withdrawn_on": QT_TRANSLATE_NOOP("CaseAuditTab", "withdrawn on %1"),
    "bundle": QT_TRANSLATE_NOOP("CaseAuditTab", "bundle %1"),
    "revision": QT_TRANSLATE_NOOP("CaseAuditTab", "version %1"),
    "consent": QT_TRANSLATE_NOOP("CaseAuditTab", "consent: %1"),
    "format": QT_TRANSLATE_NOOP("CaseAuditTab", "format %1"),
    "reason": QT_TRANSLATE_NOOP("CaseAuditTab", "reason: %1"),
}
REASONS = {
    "withdrawn": QT_TRANSLATE_NOOP("CaseAuditTab", "consent withdrawn"),
    "read-only": QT_TRANSLATE_NOOP("CaseAuditTab", "consent changed to read only"),
    "no-consent": QT_TRANSLATE_NOOP("CaseAuditTab", "no consent recorded"),
}
FLAGS = {
    "signature_checked": (
        QT_TRANSLATE_NOOP("CaseAuditTab", "signature checked"),
        QT_TRANSLATE_NOOP("CaseAuditTab", "signature not checked"),
    ),
    "sheet": (
        QT_TRANSLATE_NOOP("CaseAuditTab", "with information sheet"),
        QT_TRANSLATE_NOOP("CaseAuditTab", "no information sheet"),
    ),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("CaseAuditTab", text)


def event_text(event: str) -> str:
    name = EVENTS.get(event)
    return _t(name) if name else event


def _short(value: object, keep: int = 12) -> str:
    text = str(value)
    return text if len(text) <= keep else text[:keep] + "…"


def _value(key: str, value: object) -> str:
    if key in ("expires", "withdrawn_on"):
        try:
            return show_date(date.fromisoformat(str(value)))
        except ValueError:
            return str(value)
    if key == "bundle":
        return _short(value, 16)
    if key == "reason" and str(value) in REASONS:
        return _t(REASONS[str(value)])
    return str(value)


class AuditCounts(QObject):
    """The log's counts as words, in the plural each needs ("1 memo", "3 memos"): a
    QObject so that lupdate sees numerus forms (``self.tr(text, "", n)``)."""

    def text(self, key: str, n: int) -> str | None:
        if key == "segments":
            return self.tr("%n passage(s)", "", n)
        if key == "memos":
            return self.tr("%n memo(s)", "", n)
        if key == "items":
            return self.tr("%n item(s)", "", n)
        if key == "codes":
            return self.tr("%n code(s)", "", n)
        return None


def _count(key: str, value: object) -> str | None:
    try:
        n = int(str(value))
    except ValueError:
        return None
    return AuditCounts().text(key, n)


COUNTS = ("segments", "memos", "items", "codes")


def details_text(data: Mapping[str, Any]) -> str:
    """A record's data as words: the known keys named, the rest as they are (the log
    holds ids, counts, dates and hashes only)."""
    parts: list[str] = []
    for key, value in data.items():
        if value is None or value == "" or key == "item":
            continue
        counted = _count(key, value) if key in COUNTS else None
        if counted is not None:
            parts.append(counted)
        elif key in LABELS:
            parts.append(_t(LABELS[key]).replace("%1", _value(key, value)))
        elif key in FLAGS:
            parts.append(_t(FLAGS[key][0] if value else FLAGS[key][1]))
        elif key == "sha256":
            parts.append(f"SHA-256 {_short(value, 16)}")
        elif isinstance(value, Mapping):
            inner = ", ".join(f"{k} {v}" for k, v in value.items())
            parts.append(f"{key}: {inner}")
        elif isinstance(value, bool):
            parts.append(f"{key}: {'✓' if value else '✗'}")
        else:
            parts.append(f"{key}: {_short(value, 24)}")
    return "; ".join(parts)


class AuditModel(HeadedTableModel):
    """The records, newest first; a row's texts made when it is first shown (a log of
    2,000 records fills at once)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.events: list[AuditEvent] = []
        self._texts: dict[int, tuple[str, str, str]] = {}

    def set_events(self, events: tuple[AuditEvent, ...]) -> None:
        self.beginResetModel()
        self.events = list(reversed(events))
        self._texts = {}
        self.endResetModel()

    def set_headers(self, headers: list[str]) -> None:
        self._texts = {}  # the language changed
        super().set_headers(headers)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.events)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else 3

    def text(self, row: int, column: int) -> str:
        texts = self._texts.get(row)
        if texts is None:
            event = self.events[row]
            texts = (show_datetime(event.at), event_text(event.event), details_text(event.data))
            self._texts[row] = texts
        return texts[column]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        return self.text(index.row(), index.column())


class CaseAuditTab(QWidget):
    changed = Signal()

    def __init__(self, vault: Vault, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseAuditTab")
        self.vault = vault
        self.runner = runner
        self.case_id: str | None = None
        self.check: AuditCheck | None = None
        self.box: QMessageBox | None = None
        self.last_export: Path | None = None
        self.loading = False  # the log is being read and checked on a worker
        self._seq = 0  # the latest read asked for (an older result is dropped)

        self.intro = wrap(QLabel())
        self.model = AuditModel(self)
        self.table = QTableView()
        self.table.setObjectName("caseAuditTable")
        self.table.setModel(self.model)
        # One line per record (the whole details in the tooltip): a log of 2,000 records
        # with rows sized to wrapped text froze the window for a second.
        record_table(self.table, measured_rows=100)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.result = wrap(QLabel())
        self.result.setObjectName("caseAuditResult")
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verify_button = QPushButton()
        self.verify_button.setObjectName("caseAuditVerify")
        self.verify_button.clicked.connect(self.verify)
        self.export_button = QPushButton()
        self.export_button.setObjectName("caseAuditExport")
        self.export_button.clicked.connect(self.choose_export)
        self.file_button = QPushButton()
        self.file_button.setObjectName("caseAuditVerifyFile")
        self.file_button.clicked.connect(self.choose_file)
        buttons = QHBoxLayout()
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.file_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.result)
        layout.addLayout(buttons)
        self.retranslate_ui()
        self.set_case(None)

    # -- data --------------------------------------------------------------------------------
    def set_case(self, case_id: str | None) -> None:
        """Show this study's log (None: nothing); also the refresh. The log is read and
        every signature checked on a worker: 2,000 records take a second or two."""
        if case_id != self.case_id:
            self._say("")
            self._fill(())
        self.case_id = case_id
        self.check = None
        self._seq += 1
        for button in (self.verify_button, self.export_button):
            button.setEnabled(case_id is not None)
        if case_id is None:
            self._fill(())
            self.loading = False
            return
        self._load(case_id, announce=False)

    def _load(self, case_id: str, *, announce: bool) -> None:
        seq = self._seq
        audit = self.vault.case_studies.audit

        def job(_p: ProgressSink, _c: CancelToken) -> AuditCheck:
            return audit.verify(case_id)

        self.loading = True
        self.runner.submit(
            job,
            on_result=lambda check: self._loaded(seq, check, announce),
            on_error=lambda exc: self._load_failed(seq, exc),
            name="case-audit",
            owner=self,
        )

    def _loaded(self, seq: int, check: AuditCheck, announce: bool) -> None:
        if seq != self._seq:
            return  # another study, or a newer refresh, was asked for meanwhile
        self.loading = False
        self.check = check
        self._fill(check.events)
        if announce:
            self._passed(check, self.tr("the log in your vault is whole and signed"))

    def _load_failed(self, seq: int, exc: BaseException) -> None:
        if seq != self._seq:
            return
        self.loading = False
        self._fill(())
        if isinstance(exc, CaseAuditInvalid):
            self._failed_check(exc)
        else:
            self.box = show_error(self, exc)

    def _fill(self, events: tuple[AuditEvent, ...]) -> None:
        self.model.set_events(events)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)

    # -- texts -------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.intro.setText(
            self.tr(
                "Every addition, removal, pseudonymisation, export and withdrawal, signed with "
                "your key. It names no person and quotes no text."
            )
        )
        self.model.set_headers([self.tr("Time"), self.tr("What"), self.tr("Details")])
        self.verify_button.setText(self.tr("&Verify"))
        self.export_button.setText(self.tr("&Export log…"))
        self.file_button.setText(self.tr("&Check a file…"))
        if self.check is not None and self.case_id is not None:
            self._fill(self.check.events)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _say(self, text: str, ok: bool | None = None) -> None:
        self.result.setText(text)
        self.result.setVisible(bool(text))
        self.result.setProperty("state", "" if ok is None else ("ok" if ok else "failed"))

    def _passed(self, check: AuditCheck, where: str) -> None:
        self._say(
            self.tr("Passed: %1 (%2 records, signed by %3).")
            .replace("%1", where)
            .replace("%2", str(len(check.events)))
            .replace("%3", ", ".join(check.key_ids)),
            True,
        )

    def _failed_check(self, exc: BaseException) -> None:
        message, _hint = error_texts(exc)
        detail = getattr(exc, "detail", "") or ""
        text = self.tr("Failed: %1").replace("%1", message)
        if detail:
            text += " " + self.tr("(at %1)").replace("%1", str(detail))
        self._say(text, False)

    # -- acting ------------------------------------------------------------------------------
    def verify(self) -> None:
        """Check this study's log in the vault against your keys (on a worker)."""
        if self.case_id is None:
            return
        self._seq += 1
        self._say(self.tr("Verifying…"))
        self._load(self.case_id, announce=True)

    def choose_export(self) -> None:
        if self.case_id is None:
            return
        dialog = QFileDialog(self, self.tr("Export the audit log"))
        dialog.setObjectName("caseAuditExportDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("audit.json")
        dialog.setNameFilter(self.tr("Audit logs (*.audit.json)"))
        dialog.selectFile("case-study" + AUDIT_SUFFIX)
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path)))
        dialog.open()

    def export_to(self, path: Path) -> None:
        case_id = self.case_id
        if case_id is None:
            return
        if not path.name.endswith(AUDIT_SUFFIX):
            path = path.with_name(path.name.removesuffix(".json") + AUDIT_SUFFIX)
        audit = self.vault.case_studies.audit

        def job(_p: ProgressSink, _c: CancelToken) -> AuditCheck:
            return audit.export(case_id, path)

        def done(check: Any) -> None:
            self.last_export = path
            self.set_case(case_id)  # the export may have signed a record of its own
            self._say(
                self.tr("Exported to %1 (%2 records).")
                .replace("%1", str(path))
                .replace("%2", str(len(check.events))),
                True,
            )

        # On the writer queue: exporting the log appends its signed record.
        self.runner.submit(
            job,
            on_result=done,
            on_error=self._error,
            writer=True,
            name="case-audit-export",
            owner=self,
        )

    def choose_file(self) -> None:
        dialog = QFileDialog(self, self.tr("Check an exported audit log"))
        dialog.setObjectName("caseAuditFileDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([self.tr("Audit logs (*.audit.json)"), self.tr("All files (*)")])
        dialog.fileSelected.connect(lambda path: self.verify_file(Path(path)))
        dialog.open()

    def verify_file(self, path: Path) -> None:
        """Check an exported copy: canonical form, chain and signatures; in a study, also
        that it is this study's log, signed by your keys, record for record up to the
        export it ends on (a log signed by anyone else's key passed here: attack3)."""
        try:
            if self.case_id is not None:
                check = self.vault.case_studies.audit.verify_copy(self.case_id, path)
            else:
                check = CaseAuditService.verify_file(path)
        except CaseAuditInvalid as exc:
            self._failed_check(exc)
            return
        except ReflectDeskError as exc:
            self.box = show_error(self, exc)
            return
        self._passed(check, path.name)

    def _error(self, exc: BaseException) -> None:
        if isinstance(exc, CaseAuditInvalid):
            self._failed_check(exc)
        else:
            self.box = show_error(self, exc)
