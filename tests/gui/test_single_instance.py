"""A second start hands its files to the running ReflectDesk instead of failing on the
vault lock (real local sockets, real controller)."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reflectdesk.gui.single_instance import InstanceServer, hand_off, server_name


def test_server_name_is_per_vault(tmp_path: Path) -> None:
    a, b = server_name(tmp_path / "a"), server_name(tmp_path / "b")
    assert a != b and a == server_name(tmp_path / "a")
    assert a.startswith("reflectdesk-") and str(tmp_path) not in a


def test_second_start_hands_over_its_files(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    name = f"reflectdesk-test-{uuid.uuid4().hex[:12]}"
    assert not hand_off(name, [])  # nobody listening: this start becomes the instance
    server = InstanceServer(name, qapp)  # as in the app: lives as long as it
    try:
        bundle = tmp_path / "a b ñ.rdbundle"
        card = tmp_path / "rosa.rdcard"
        with qtbot.waitSignal(server.files_received, timeout=5000) as got:
            assert hand_off(name, [bundle, card])
        assert got.args == [[bundle.resolve(), card.resolve()]]
        with qtbot.waitSignal(server.files_received, timeout=5000) as got:
            assert hand_off(name, [])  # a plain second start just raises the window
        assert got.args == [[]]
    finally:
        server.close()


def test_stale_socket_is_replaced(qtbot: QtBot, qapp: QApplication) -> None:
    name = f"reflectdesk-test-{uuid.uuid4().hex[:12]}"
    first = InstanceServer(name, qapp)
    first.close()  # as after a crash
    second = InstanceServer(name, qapp)
    try:
        assert second.server.isListening()
    finally:
        second.close()
