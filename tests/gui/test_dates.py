"""One date format in the interface (issue 16.7): the locale's medium date and a
24-hour time, in both languages."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.dates import (
    MEDIUM_DATE,
    date_range_edits,
    show_date,
    show_datetime,
    show_moment,
    show_time,
    widest_date,
)


@pytest.mark.parametrize(("language", "expected"), [("es", "2 dic 2026"), ("en", "2 Dec 2026")])
def test_medium_date_in_each_language(ctx: AppContext, language: str, expected: str) -> None:
    ctx.translations.set_language(language)
    assert show_date(date(2026, 12, 2)).replace(".", "") == expected


def test_times_are_24_hour_and_local(ctx: AppContext) -> None:
    ctx.translations.set_language("es")
    moment = datetime(2026, 12, 2, 19, 8, tzinfo=UTC)
    local = moment.astimezone()
    assert show_time(moment) == f"{local.hour:02d}:{local.minute:02d}"
    assert show_datetime(moment) == f"{show_date(local.date())}, {show_time(moment)}"
    assert "m." not in show_datetime(moment) and "AM" not in show_datetime(moment).upper()
    assert show_moment(moment, today=local.date()) == show_time(moment)
    assert show_moment(moment, today=local.date() + timedelta(days=1)) == show_datetime(moment)


def test_the_widest_date_is_at_least_as_wide_as_any(ctx: AppContext) -> None:
    ctx.translations.set_language("es")
    widest = widest_date()
    assert all(len(show_date(date(2026, m, 28))) <= len(widest) for m in range(1, 13))


def test_date_fields_show_the_same_format(qtbot: object, ctx: AppContext, unlocked: object) -> None:
    from reflectdesk.gui.dates import MEDIUM_DATE
    from reflectdesk.gui.main_window import MainWindow

    window = MainWindow(ctx, unlocked)  # type: ignore[arg-type]
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    edits = [window.editor.date, window.search.from_date, window.search.to_date]
    assert {e.displayFormat() for e in edits} == {MEDIUM_DATE}  # not "09-03-26"
    window.prepare_to_close()


def test_a_date_range_box_enables_its_date_and_every_change_is_reported(qtbot: QtBot) -> None:
    changes: list[object] = []
    from_check, from_date, to_check, to_date = date_range_edits("probe", changes.append)
    for widget in (from_check, from_date, to_check, to_date):
        qtbot.addWidget(widget)
    assert [w.objectName() for w in (from_check, from_date, to_check, to_date)] == [
        "probeFromEnabled",
        "probeFrom",
        "probeToEnabled",
        "probeTo",
    ]
    assert not from_date.isEnabled() and not to_date.isEnabled() and changes == []
    assert from_date.displayFormat() == MEDIUM_DATE and from_date.calendarPopup()
    from_check.setChecked(True)
    assert from_date.isEnabled() and not to_date.isEnabled() and len(changes) == 1
    to_date.setDate(QDate(2026, 3, 1))
    to_check.setChecked(True)
    assert to_date.isEnabled() and len(changes) == 3
