"""The shared widget helpers."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QLabel, QSizePolicy
from pytestqt.qtbot import QtBot

from reflectdesk.gui.widgets import local_paths, named_button, wrap

_KEEP: list[QMimeData] = []  # the event points at its data: it must outlive the event


def _drop(urls: list[QUrl]) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls(urls)
    _KEEP.append(mime)
    return QDropEvent(
        QPointF(1, 1),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )


def test_local_paths_keep_local_files_with_the_suffix(tmp_path: Path) -> None:
    card, other = tmp_path / "rosa.RDCARD", tmp_path / "notes.txt"
    event = _drop(
        [QUrl.fromLocalFile(str(card)), QUrl.fromLocalFile(str(other)), QUrl("https://x.cl/a")]
    )
    assert local_paths(event, ".rdcard") == [card]  # the suffix is matched in any case
    assert local_paths(event, "") == [card, other]  # never a remote URL
    assert local_paths(_drop([]), "") == []


def test_wrap_and_named_button(qtbot: QtBot) -> None:
    label = wrap(QLabel("una frase larga"))
    assert label.wordWrap()
    assert label.sizePolicy().verticalPolicy() == QSizePolicy.Policy.Minimum
    clicked: list[bool] = []
    button = named_button("saveMyCard", lambda: clicked.append(True))
    qtbot.addWidget(button)
    button.click()
    assert button.objectName() == "saveMyCard" and clicked == [True]
