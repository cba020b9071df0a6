"""Shared by the case-study workspace tests: a researcher's vault with real received
entries of mixed consent (``tests/services/case_helpers.make_study``), and small steps."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from reflectdesk.gui.app_context import AppContext
from tests.services.case_helpers import Study, close, make_study


@pytest.fixture
def study(tmp_path: Path) -> Iterator[Study]:
    s = make_study(tmp_path)
    yield s
    close(s)


def wait_writes(qtbot: QtBot, ctx: AppContext) -> None:
    """Every job queued so far ran and its result reached the GUI thread."""
    qtbot.waitUntil(lambda: ctx.runner.pending == 0, timeout=20_000)


def message_boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def box_text(box: QMessageBox) -> str:
    return f"{box.text()} {box.informativeText()}"


def flags_of(model: object, row: int, column: int = 0) -> Qt.ItemFlag:
    return model.flags(model.index(row, column))  # type: ignore[attr-defined, no-any-return]
