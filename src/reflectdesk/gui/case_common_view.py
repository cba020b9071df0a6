"""What the case study's tabs share: reading the study off the GUI thread so that only
the newest read is shown and a read begun before one of the tab's own writes is read
again (``TabReads``), and those writes on the writer queue; the look of their record
tables (``record_table``), a table model's header texts (``HeadedTableModel``) and the
interface's language (``ui_language``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QAbstractTableModel, QLocale, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from reflectdesk.gui.tasks import TaskRunner
    from reflectdesk.progress import CancelToken, ProgressSink

T = TypeVar("T")
Job = Callable[["ProgressSink", "CancelToken"], Any]


def ui_language() -> str:
    """The interface's language ("es" or "en"), as ``Translations`` set the locale."""
    return "es" if QLocale().language() == QLocale.Language.Spanish else "en"


class TabReads:
    """One tab's reads and writes: ``read`` shows only the newest read's result, and
    calls ``again`` instead when a write of this tab landed while the read was under way
    (its result may predate the write); ``write`` counts the tab's writes done."""

    def __init__(
        self, owner: QObject, runner: TaskRunner, failed: Callable[[BaseException], None]
    ) -> None:
        self.owner = owner
        self.runner = runner
        self.failed = failed  # a read's or write's error (a message box on the tab)
        self.loading = 0  # reads under way
        self.generation = 0  # of the reads: only the newest is shown
        self.writes = 0  # this tab's writes done: a read begun before one is stale

    @property
    def busy(self) -> bool:
        return self.loading > 0

    def read(
        self,
        job: Callable[[ProgressSink, CancelToken], T],
        shown: Callable[[T], None],
        again: Callable[[T], None],
        name: str,
    ) -> None:
        self.loading += 1
        self.generation += 1
        generation, writes = self.generation, self.writes

        def loaded(data: T) -> None:
            self.loading -= 1
            if generation != self.generation:
                return  # a newer read is on its way
            if writes != self.writes:
                again(data)  # a write of ours landed meanwhile: read again
                return
            shown(data)

        def not_loaded(exc: BaseException) -> None:
            self.loading -= 1
            self.failed(exc)

        self.runner.submit(job, on_result=loaded, on_error=not_loaded, name=name, owner=self.owner)

    def write(self, job: Job, done: Callable[[Any], None], name: str) -> None:
        def succeeded(result: object) -> None:
            self.writes += 1
            done(result)

        self.runner.submit(
            job,
            on_result=succeeded,
            on_error=self.failed,
            writer=True,
            name=name,
            owner=self.owner,
        )


def record_table(table: QTableView, measured_rows: int | None = None) -> None:
    """A read-only table of records: whole rows selected, one line a row, no grid, no
    row numbers; with ``measured_rows``, column widths from that many rows only (not
    all 2,000)."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    if measured_rows is not None:
        table.verticalHeader().setResizeContentsPrecision(measured_rows)
        table.horizontalHeader().setResizeContentsPrecision(measured_rows)


class HeadedTableModel(QAbstractTableModel):
    """A table model whose column titles are ``headers`` (set in the GUI's language)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers: list[str] = []

    def set_headers(self, headers: list[str]) -> None:
        self.headers = headers
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(headers) - 1)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return None
