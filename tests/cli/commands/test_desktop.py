"""`desktop install` and `desktop uninstall` through the real CLI (per user, no root)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.conftest import Cli


def test_cli_desktop_install_json(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    r = cli("desktop", "install", "--json")
    assert r.code == 0, r.err
    assert f'"{tmp_path / "xdg"}"' in r.out
    launchers = list((tmp_path / "xdg").rglob("cl.reflectdesk.ReflectDesk.desktop"))
    assert launchers
    r = cli("desktop", "uninstall")
    assert r.code == 0, r.err
    assert not any(p.exists() for p in launchers)
