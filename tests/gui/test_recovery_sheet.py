"""The recovery key on paper: "Save as PDF…" writes one page for the key shown."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reflectdesk.gui.recovery_sheet import KeyGrid, SheetButtons, key_groups

KEY = "-".join(f"AB{n:02d}" for n in range(14))


def test_save_as_pdf_writes_the_sheet_and_says_where(qtbot: QtBot, tmp_path: Path) -> None:
    key = [""]
    sheet = SheetButtons(lambda: key[0])
    qtbot.addWidget(sheet)
    pdf = tmp_path / "clave.pdf"
    sheet.ask_pdf_path = lambda: str(pdf)  # type: ignore[method-assign]
    sheet.pdf_button.click()  # no key yet: nothing to write
    assert not pdf.exists() and not sheet.saved_label.text()
    key[0] = KEY
    sheet.pdf_button.click()
    assert pdf.read_bytes().startswith(b"%PDF") and "clave.pdf" in sheet.saved_label.text()
    sheet.clear()
    assert not sheet.saved_label.text()


def test_key_grid_numbers_every_group(qtbot: QtBot) -> None:
    grid = KeyGrid()
    qtbot.addWidget(grid)
    grid.set_key(KEY)
    assert [label.text() for label in grid.groups] == key_groups(KEY)
    assert grid.accessibleDescription().split() == key_groups(KEY)
    grid.clear()
    assert not grid.accessibleDescription()
