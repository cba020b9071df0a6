"""Finding: filters on the list and on search results, results as you type."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from reflectdesk.domain.model import EntryContent
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.main_window import MainWindow
from reflectdesk.search import index as index_module
from reflectdesk.services.vault import Vault


def window_for(qtbot: QtBot, ctx: AppContext, vault: Vault) -> MainWindow:
    window = MainWindow(ctx, vault)
    qtbot.addWidget(window)
    window.show()
    return window


def search(qtbot: QtBot, window: MainWindow, text: str) -> list[str]:
    with qtbot.waitSignal(window.search.query_changed, timeout=3000):
        window.search.field.setText(text)  # debounced: fires after the pause
    qtbot.waitUntil(lambda: window.list_stack.currentWidget() is window.results, timeout=5000)
    qtbot.waitUntil(lambda: not window.ctx.runner.pending, timeout=5000)
    return [window.results_model.hit(r).title for r in range(window.results_model.rowCount())]  # type: ignore[union-attr]


def test_filters_apply_to_list_and_search(qtbot: QtBot, ctx: AppContext, unlocked: Vault) -> None:
    window = window_for(qtbot, ctx, unlocked)
    assert window.model.total() == 3
    window.search.set_filter("tag", "fracciones")
    assert [window.model.summary(r).title for r in range(window.model.total())] == [  # type: ignore[union-attr]
        "Primera clase de fracciones"
    ]
    window.search.set_filter("template", "learning-round")
    assert window.model.total() == 1
    window.search.set_filter("standard", "C7")
    assert window.model.total() == 1
    window.search.set_filter("journal", None)
    window.search.set_dates(date(2026, 3, 11), date(2026, 3, 13))
    assert [window.model.summary(0).title] == ["Observación de aula"]  # type: ignore[union-attr]
    window.search.set_dates(None, None)
    assert window.model.total() == 3

    assert sorted(search(qtbot, window, "reflexion")) == ["Reflexión semanal"]
    assert search(qtbot, window, "evaluacion") == ["Reflexión semanal"]  # tag and body
    window.search.set_filter("tag", "fracciones")
    qtbot.waitUntil(lambda: not window.ctx.runner.pending, timeout=5000)
    assert window.results_model.rowCount() == 0
    assert window.search.message.isVisible()
    window.search.set_filter("journal", None)
    assert search(qtbot, window, '"partes iguales" OR pizzas') == ["Primera clase de fracciones"]
    window.prepare_to_close()


def test_bad_query_is_explained_inline(qtbot: QtBot, ctx: AppContext, unlocked: Vault) -> None:
    window = window_for(qtbot, ctx, unlocked)
    window.search.field.setText('"sin cerrar')
    window.search.flush()
    qtbot.waitUntil(window.search.message.isVisible, timeout=5000)
    assert "comillas" in window.search.message.text() or "quotes" in window.search.message.text()
    window.prepare_to_close()


def test_sidebar_filters_and_sorting(qtbot: QtBot, ctx: AppContext, unlocked: Vault) -> None:
    window = window_for(qtbot, ctx, unlocked)
    window.sidebar.select("template", "free")
    assert window.model.total() == 1
    window.sidebar.select("all", "")
    assert window.model.total() == 3
    window.list.sortByColumn(1, window.list.horizontalHeader().sortIndicatorOrder().AscendingOrder)
    titles = [window.model.summary(r).title for r in range(3)]  # type: ignore[union-attr]
    assert titles == sorted(titles, key=str.casefold)
    window.prepare_to_close()


def test_new_journal_appears_in_sidebar_and_filters(
    qtbot: QtBot, ctx: AppContext, unlocked: Vault
) -> None:
    window = window_for(qtbot, ctx, unlocked)
    window.new_journal()
    dialog = window.dialogs["journal"]
    dialog.name.setText("Segundo semestre")  # type: ignore[attr-defined]
    dialog.try_accept()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: window.search.journal.findText("Segundo semestre") >= 0, timeout=3000)
    window.sidebar.select("journal", unlocked.journals.list()[-1].id)
    assert window.model.total() == 0  # a new, empty journal
    window.start_entry("free")  # lands in the journal chosen in the sidebar
    field = window.editor.field("body")
    assert field is not None and field.edit is not None
    field.edit.setPlainText("Primera entrada del semestre.")
    window.editor.flush()
    qtbot.waitUntil(lambda: window.model.total() == 1, timeout=5000)
    window.prepare_to_close()


def test_the_full_ranking_replaces_the_first_answer(
    qtbot: QtBot, ctx: AppContext, unlocked: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a vault larger than the first answer's window, the newest matches show first
    and the full ranking replaces them, both from the worker."""
    monkeypatch.setattr(index_module, "FIRST_WINDOW", 1)
    journal = unlocked.journals.list()[0].id
    # The best match for "pizarra" is the oldest; two newer ones mention it once.
    unlocked.entries.add(
        journal, EntryContent(title="Pizarra", sections={"body": "pizarra pizarra pizarra"})
    )
    for title in ("Nueva uno", "Nueva dos"):
        unlocked.entries.add(journal, EntryContent(title=title, sections={"body": "una pizarra"}))
    first, complete = unlocked.search.query_first("pizarra", limit=1)
    assert [h.title for h in first] == ["Nueva dos"] and not complete
    window = window_for(qtbot, ctx, unlocked)
    shown: list[list[str]] = []
    window.results_model.modelReset.connect(
        lambda: shown.append(
            [window.results_model.hit(r).title for r in range(window.results_model.rowCount())]  # type: ignore[union-attr]
        )
    )
    monkeypatch.setattr("reflectdesk.gui.main_window.SEARCH_LIMIT", 1)
    search(qtbot, window, "pizarra")
    qtbot.waitUntil(lambda: shown and shown[-1] == ["Pizarra"], timeout=5000)
    assert ["Nueva dos"] in shown  # the first answer was shown before it
    window.prepare_to_close()
