"""Every window, dialog and wizard page fits a 1024×600 and a 1366×768 screen, in
Spanish, English and a pseudo-locale 40 % longer, with nothing clipped (issue 16.1).

``layout_probe.py`` does the work in one subprocess per screen size (the offscreen
platform's screen is configured with a JSON file; the default one is 800×800); the two
run side by side. Here: the checks themselves on small widgets made to fail, then the
real windows."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from reflectdesk.gui.i18n import pseudo_translate
from tests.gui.layout_probe import elided_items, widget_problems, window_problems

REPO = Path(__file__).resolve().parents[2]
SCREENS = {"1024x600": (1024, 600), "1366x768": (1366, 768)}
BUDGET_S = 90
# Top-level classes that are not QDialog/QWizard/QMainWindow/QWizardPage subclasses.
OTHER_TOP_LEVELS = {"UnlockWindow"}


def test_pseudo_translation_keeps_placeholders() -> None:
    text = pseudo_translate("Save a copy of %1 to {path} &now")
    assert text.startswith("[") and text.endswith("]")
    assert "%1" in text and "{path}" in text and "&n" in text
    assert len(text) >= len("Save a copy of %1 to {path} &now") * 1.4 - 1


# -- the checks, on widgets made to fail ----------------------------------------------------
def _shown(qtbot: QtBot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_a_label_or_button_narrower_than_its_text_is_found(qtbot: QtBot) -> None:
    root = QWidget()
    label = QLabel("A label much longer than the room it was given", root)
    label.setGeometry(0, 0, 80, 20)
    button = QPushButton("A button with a long text", root)
    button.setGeometry(0, 30, 60, 26)
    box = QCheckBox("Include the revision history", root)
    box.setGeometry(0, 60, 70, 20)
    root.resize(300, 100)
    _shown(qtbot, root)
    found = "\n".join(widget_problems(root))
    assert "QLabel" in found and "QPushButton" in found and "QCheckBox" in found, found
    label.resize(label.sizeHint())
    button.resize(button.sizeHint())
    box.resize(box.sizeHint())
    assert widget_problems(root) == []


def test_a_wrapped_label_is_measured_line_by_line(qtbot: QtBot) -> None:
    root = QWidget()
    label = QLabel("Words that wrap over several lines of a narrow label " * 3, root)
    label.setWordWrap(True)
    label.setGeometry(0, 0, 120, 20)  # too low for its lines
    root.resize(200, 200)
    _shown(qtbot, root)
    assert any("height" in p for p in widget_problems(root))
    label.resize(120, label.heightForWidth(120))
    assert widget_problems(root) == []
    label.setText("Unbreakable-word-wider-than-the-label-itself")
    label.resize(120, label.heightForWidth(120))
    assert any("a word" in p for p in widget_problems(root))


def test_a_control_outside_its_parent_is_clipped_unless_it_can_be_scrolled_to(
    qtbot: QtBot,
) -> None:
    root = QWidget()
    root.resize(300, 200)
    outside = QPushButton("OK", root)
    outside.setGeometry(260, 180, 80, 30)  # half past the corner
    _shown(qtbot, root)
    assert any("clipped" in p for p in widget_problems(root))
    outside.move(10, 10)
    assert widget_problems(root) == []

    dialog = QDialog()
    area = QScrollArea(dialog)
    area.setWidgetResizable(True)
    content = QWidget()
    column = QVBoxLayout(content)
    for i in range(30):
        column.addWidget(QPushButton(f"Button {i}"))
    area.setWidget(content)
    QVBoxLayout(dialog).addWidget(area)
    dialog.resize(300, 200)
    _shown(qtbot, dialog)
    assert window_problems(dialog) == []  # below the viewport, but a scroll away
    area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    assert any("clipped" in p for p in widget_problems(dialog))


def test_a_cut_list_item_needs_its_whole_text_in_a_tooltip(qtbot: QtBot) -> None:
    table = QTableWidget(1, 2)
    table.setHorizontalHeaderLabels(["Name", "Institution"])
    item = QTableWidgetItem("Liceo Bicentenario de Valparaíso, sede Playa Ancha")
    table.setItem(0, 1, item)
    table.setColumnWidth(1, 90)
    table.resize(300, 120)
    _shown(qtbot, table)
    assert elided_items(table) is not None
    item.setToolTip(item.text())
    assert elided_items(table) is None


def test_a_window_larger_than_the_screen_is_found(qtbot: QtBot) -> None:
    window = QWidget()
    row = QHBoxLayout(window)
    row.addWidget(QLabel("x"))
    screen = window.screen().availableGeometry()
    window.setMinimumSize(screen.width() + 10, 100)
    _shown(qtbot, window)
    assert any("larger than the screen" in p for p in window_problems(window))


# -- every real window ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def probed(qm_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Both screen sizes, side by side, each in its own process."""
    tmp = tmp_path_factory.mktemp("layout")
    started = time.monotonic()
    running = {}
    for name, (width, height) in SCREENS.items():
        config = tmp / f"screen-{name}.json"
        screen = {"name": name, "x": 0, "y": 0, "width": width, "height": height}
        screen |= {"logicalDpi": 96, "logicalBase": 96, "dpr": 1}
        config.write_text(json.dumps({"screens": [screen]}))
        env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
        out = tmp / f"{name}.json"
        command = [sys.executable, "-m", "tests.gui.layout_probe", str(qm_dir), str(out)]
        process = subprocess.Popen(
            command,
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        running[name] = (process, out)
    results: dict[str, Any] = {}
    for name, (process, out) in running.items():
        _, err = process.communicate(timeout=BUDGET_S * 3)
        assert process.returncode == 0, err[-3000:]
        results[name] = json.loads(out.read_text(encoding="utf-8"))
    results["seconds"] = time.monotonic() - started
    return results


@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_window_fits_the_screen_in_every_language(
    probed: dict[str, Any], screen: str
) -> None:
    result = probed[screen]
    assert result["screen"] == list(SCREENS[screen])
    assert result["errors"] == {}, "\n".join(result["errors"].values())
    report = "\n".join(
        f"{where}:\n  " + "\n  ".join(found) for where, found in result["problems"].items()
    )
    assert result["problems"] == {}, report


def test_the_layout_test_stays_quick(probed: dict[str, Any]) -> None:
    assert probed["seconds"] <= BUDGET_S, probed["seconds"]


def _top_level_classes() -> set[str]:
    """Classes in reflectdesk.gui that are windows of their own."""
    bases = {"QDialog", "QWizard", "QMainWindow", "QWizardPage", "QMessageBox"}
    found: set[str] = set()
    for path in sorted((REPO / "src" / "reflectdesk" / "gui").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                names = {b.id for b in node.bases if isinstance(b, ast.Name)}
                if names & bases or node.name in OTHER_TOP_LEVELS:
                    found.add(node.name)
    return found


def test_every_window_class_is_in_the_layout_test(probed: dict[str, Any]) -> None:
    """A new dialog, wizard or wizard page fails here until layout_probe.py opens it."""
    classes = _top_level_classes()
    assert {"FirstRunWizard", "MainWindow", "UnlockWindow", "ExportWizard"} <= classes
    covered = set(probed["1024x600"]["covered"])
    assert classes - covered == set()
