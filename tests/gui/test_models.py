"""Every item model passes pytest-qt's model tester."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from reflectdesk.domain.model import EntrySummary, SearchFilters, SearchHit
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.entry_model import COL_TITLE, EntryTableModel
from reflectdesk.gui.history import RevisionListModel
from reflectdesk.gui.search_model import SearchResultsModel
from reflectdesk.gui.sidebar import Sidebar
from reflectdesk.gui.standards_picker import FoldingFilter, standards_model
from reflectdesk.gui.template_chooser import TemplateListModel
from reflectdesk.services.templates import TemplateService
from reflectdesk.services.vault import Vault


def summaries(n: int) -> list[EntrySummary]:
    now = datetime(2026, 3, 1, tzinfo=UTC)
    return [
        EntrySummary(
            id=f"id-{i:05d}",
            journal_id="j",
            title=f"Entrada {i}",
            template_id="alact" if i % 2 else "free",
            tags=("a", "b") if i % 3 else (),
            standards=(),
            event_date=date(2026, 1 + i % 12, 1 + i % 28),
            created_at=now,
            updated_at=now,
        )
        for i in range(n)
    ]


class FakeSource:
    def __init__(self, rows: list[EntrySummary]) -> None:
        self.rows = rows
        self.calls = 0

    def __call__(
        self,
        filters: SearchFilters | None = None,
        sort: str = "date",
        descending: bool = True,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[EntrySummary]:
        self.calls += 1
        key = (lambda s: s.title) if sort == "title" else (lambda s: s.event_date)
        rows = sorted(self.rows, key=key, reverse=descending)  # type: ignore[arg-type, return-value]
        end = None if limit is None else offset + limit
        return rows[offset:end]


def test_entry_model_pages_and_sorts(qtmodeltester: ModelTester) -> None:
    source = FakeSource(summaries(1000))
    model = EntryTableModel(source, page=100)
    model.reload()
    assert model.rowCount() == 100
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 1000
    model.sort(COL_TITLE, Qt.SortOrder.AscendingOrder)
    assert model.summary(0).title == "Entrada 0"  # type: ignore[union-attr]
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Date"
    model.sort(3)  # tags: not sortable, nothing happens
    assert model.sort_column == COL_TITLE
    qtmodeltester.check(model)


def test_entry_model_over_a_real_vault(qtmodeltester: ModelTester, unlocked: Vault) -> None:
    model = EntryTableModel(unlocked.entries.list)
    model.reload()
    assert model.rowCount() == 3
    qtmodeltester.check(model)


def test_search_results_model(qtmodeltester: ModelTester) -> None:
    model = SearchResultsModel()
    hit = SearchHit(
        "e1", "j", "Título", "una \x02reflexión\x03 corta", -1.0, date(2026, 3, 1), "free"
    )
    model.set_hits([hit, hit])
    qtmodeltester.check(model)
    assert "\x02" not in model.data(model.index(0), Qt.ItemDataRole.AccessibleTextRole)


def test_revision_model(qtmodeltester: ModelTester, unlocked: Vault) -> None:
    entry_id = unlocked.entries.list()[0].id
    model = RevisionListModel()
    model.set_revisions(unlocked.entries.history(entry_id))
    qtmodeltester.check(model)


def test_template_and_standards_models(qtmodeltester: ModelTester, ctx: AppContext) -> None:
    service = TemplateService(None)
    qtmodeltester.check(TemplateListModel(service.list("es")))
    model = standards_model(service.standards(), "es", ["A1"], ["B6"])
    qtmodeltester.check(model)
    proxy = FoldingFilter()
    proxy.setSourceModel(model)
    proxy.set_needle("planificacion")  # no accent, still finds "Planificación"
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 1


def test_sidebar_model(qtmodeltester: ModelTester, ctx: AppContext) -> None:
    sidebar = Sidebar()
    sidebar.set_journals([("j1", "Práctica")])
    sidebar.set_tags([("aula", 3)])
    sidebar.set_templates([("alact", "ALACT")])
    sidebar.set_standards([("A", "Preparación", [("A1", "Aprendizaje")])])
    qtmodeltester.check(sidebar.model_)
