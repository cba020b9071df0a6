"""One vault location for both front ends: what the CLI makes, the app opens, and back.

Driven through the real CLI (a subprocess, as users run it) and the real app start-up
(``build_context`` + ``AppController.start``), with ``REFLECTDESK_HOME`` and with the
platform default redirected to a temporary home.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from reflectdesk.crypto.kdf import KdfParams
from reflectdesk.domain.model import Role
from reflectdesk.gui.app import build_context, vault_option
from reflectdesk.gui.controller import AppController
from reflectdesk.location import HEADER_NAME, locate_vault
from reflectdesk.services.vault import NewProfile, Vault
from tests.support import PASSPHRASE, REPO


def test_header_name_matches_the_core() -> None:
    from reflectdesk.vault.header import HEADER_NAME as CORE_HEADER

    assert HEADER_NAME == CORE_HEADER


@pytest.fixture(params=["env", "platform-default"])
def home_env(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> dict[str, str]:
    """Either ``REFLECTDESK_HOME`` or the platform's data folder under a temporary HOME."""
    env = {k: v for k, v in os.environ.items() if k not in ("REFLECTDESK_HOME", "XDG_DATA_HOME")}
    env.update(
        REFLECTDESK_PASSPHRASE=PASSPHRASE, REFLECTDESK_LANG="en", PYTHONPATH=str(REPO / "src")
    )
    monkeypatch.delenv("REFLECTDESK_HOME", raising=False)
    if request.param == "env":
        env["REFLECTDESK_HOME"] = str(tmp_path / "home-env")
        monkeypatch.setenv("REFLECTDESK_HOME", env["REFLECTDESK_HOME"])
    else:
        env["HOME"] = str(tmp_path / "user")
        env["XDG_DATA_HOME"] = str(tmp_path / "user" / ".local" / "share")
        monkeypatch.setenv("HOME", env["HOME"])
        monkeypatch.setenv("XDG_DATA_HOME", env["XDG_DATA_HOME"])
    return env


def cli(env: dict[str, str], *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reflectdesk.cli.main", *argv],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def first_window(qapp: QApplication, vault_dir: Path | None = None) -> str:
    """Start the app as `reflectdesk` does; which window comes up first."""
    ctx = build_context(qapp, vault_dir=vault_dir)
    controller = AppController(ctx)
    controller.start()
    try:
        if controller.unlock_window is not None and controller.unlock_window.isVisible():
            return "unlock"
        assert controller.wizard is not None and controller.wizard.isVisible()
        return "wizard"
    finally:
        for widget in (controller.unlock_window, controller.wizard):
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        ctx.runner.wait(10_000)


def test_a_vault_made_by_the_cli_is_the_one_the_app_opens(
    qapp: QApplication, home_env: dict[str, str]
) -> None:
    assert first_window(qapp) == "wizard"
    made = cli(home_env, "init", "--name", "Camila", "--role", "student", "--insecure-test-kdf")
    assert made.returncode == 0, made.stderr
    location = locate_vault()
    assert location.path.name == "vault" and location.exists and not location.legacy
    assert first_window(qapp) == "unlock"


def test_a_vault_made_by_the_app_is_the_one_the_cli_opens(
    qapp: QApplication, home_env: dict[str, str]
) -> None:
    ctx = build_context(qapp)
    # Where the first-run wizard creates it (wizard.py uses ctx.vault_dir).
    vault, _ = Vault.create(
        ctx.vault_dir, PASSPHRASE, NewProfile("Camila", Role.STUDENT, "en"),
        kdf_params=KdfParams.insecure_for_tests(),
    )  # fmt: skip
    vault.journals.create("Práctica")
    vault.close()
    listed = cli(home_env, "journal", "list")
    assert listed.returncode == 0, listed.stderr
    assert "Práctica" in listed.stdout


def test_an_older_cli_vault_in_the_data_folder_is_opened_where_it_is(
    qapp: QApplication, home_env: dict[str, str], tmp_path: Path
) -> None:
    data = locate_vault().data_dir
    vault, _ = Vault.create(
        data, PASSPHRASE, NewProfile("Camila", Role.STUDENT, "en"),
        kdf_params=KdfParams.insecure_for_tests(),
    )  # fmt: skip
    vault.journals.create("Antigua")
    vault.close()
    location = locate_vault()
    assert location.legacy and location.path == data
    assert first_window(qapp) == "unlock"
    assert "Antigua" in cli(home_env, "journal", "list").stdout
    assert not (data / "vault").exists()  # nothing moved, nothing duplicated


def test_two_vaults_one_is_opened_and_the_other_is_named(
    qapp: QApplication, home_env: dict[str, str]
) -> None:
    data = locate_vault().data_dir
    for where, journal in ((data, "Antigua"), (data / "vault", "Nueva")):
        vault, _ = Vault.create(
            where, PASSPHRASE, NewProfile("Camila", Role.STUDENT, "en"),
            kdf_params=KdfParams.insecure_for_tests(),
        )  # fmt: skip
        vault.journals.create(journal)
        vault.close()
    listed = cli(home_env, "journal", "list")
    assert "Nueva" in listed.stdout and "Antigua" not in listed.stdout
    assert f"another vault is in {data}" in listed.stderr
    older = cli(home_env, "--vault", str(data), "journal", "list")
    assert "Antigua" in older.stdout
    # The app opens the vault/ one and names the other on its unlock window.
    ctx = build_context(qapp)
    controller = AppController(ctx)
    controller.start()
    window = controller.unlock_window
    assert window is not None and window.other_vaults.isVisible()
    assert f"--vault {data}" in window.other_vaults.text()
    window.hide()
    window.deleteLater()
    ctx.runner.wait(10_000)


def test_vault_option_means_the_vault_folder_in_both(qapp: QApplication, tmp_path: Path) -> None:
    folder = tmp_path / "usb" / "diario"
    assert vault_option(["--vault", str(folder), "x.rdbundle"]) == folder
    assert vault_option([f"--vault={folder}"]) == folder
    assert first_window(qapp, folder) == "wizard"
    vault, _ = Vault.create(
        folder, PASSPHRASE, NewProfile("Camila", Role.STUDENT, "en"),
        kdf_params=KdfParams.insecure_for_tests(),
    )  # fmt: skip
    vault.close()
    assert first_window(qapp, folder) == "unlock"
    assert locate_vault(folder).path == folder
