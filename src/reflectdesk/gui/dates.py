"""Dates and times as the interface shows them: one format everywhere (issue 16.7).

The locale's medium date ("2 dic 2026", "2 Dec 2026": day, abbreviated month in the
interface's language, four-digit year; unambiguous in both languages, unlike "02-12-26")
and a 24-hour time ("14:05"), in local time. Files and the CLI's JSON keep ISO 8601.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale, QTime
from PySide6.QtWidgets import QCheckBox, QDateEdit

MEDIUM_DATE = "d MMM yyyy"
TIME = "HH:mm"


def show_date(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), MEDIUM_DATE)


def show_time(moment: datetime) -> str:
    local = moment.astimezone()
    return QLocale().toString(QTime(local.hour, local.minute), TIME)


def show_datetime(moment: datetime) -> str:
    """Date and time of a moment, in local time: "2 dic 2026, 14:05"."""
    local = moment.astimezone()
    return f"{show_date(local.date())}, {show_time(local)}"


def show_moment(moment: datetime, today: date | None = None) -> str:
    """Only the time for a moment of today, else date and time (status lines)."""
    local = moment.astimezone()
    if local.date() == (today or datetime.now().astimezone().date()):
        return show_time(local)
    return show_datetime(local)


def widest_date() -> str:
    """A date as wide as any in the current language (for column widths)."""
    samples = (date(2026, month, 28) for month in range(1, 13))
    return max((show_date(d) for d in samples), key=len)


def date_range_edits(
    prefix: str, on_change: Callable[..., object]
) -> tuple[QCheckBox, QDateEdit, QCheckBox, QDateEdit]:
    """A From/To filter: a checkbox and a disabled ``QDateEdit`` (``MEDIUM_DATE``, today)
    each, named ``{prefix}FromEnabled``, ``{prefix}From``, ``{prefix}ToEnabled``,
    ``{prefix}To``; a box enables its date, and any change calls ``on_change`` (the
    search filters and the cohort dashboard share it)."""
    from_check, to_check = QCheckBox(), QCheckBox()
    from_check.setObjectName(f"{prefix}FromEnabled")
    to_check.setObjectName(f"{prefix}ToEnabled")
    from_date, to_date = QDateEdit(), QDateEdit()
    from_date.setObjectName(f"{prefix}From")
    to_date.setObjectName(f"{prefix}To")
    for edit in (from_date, to_date):
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(MEDIUM_DATE)
        edit.setDate(QDate.currentDate())
        edit.setEnabled(False)
    from_check.toggled.connect(from_date.setEnabled)
    to_check.toggled.connect(to_date.setEnabled)
    for signal in (
        from_check.toggled,
        to_check.toggled,
        from_date.dateChanged,
        to_date.dateChanged,
    ):
        signal.connect(on_change)
    return from_check, from_date, to_check, to_date
