"""Settings → New recovery key: the passphrase first, the new key shown once, the old
one stops working (issue 10, point 10c)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reflectdesk.errors import WrongRecoveryKey
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.new_recovery_key import NewRecoveryKeyDialog
from reflectdesk.gui.recovery_sheet import key_groups
from reflectdesk.gui.settings import SettingsDialog
from reflectdesk.services.vault import Vault
from tests.gui.conftest import PASSPHRASE, create_vault


def test_a_new_recovery_key_from_settings(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], tmp_path: Path
) -> None:
    ctx = make_ctx()
    vault, old_key = create_vault(ctx)
    try:
        settings = SettingsDialog(ctx, vault)
        qtbot.addWidget(settings)
        settings.show()
        settings.recovery_button.click()
        dialog = settings.recovery_dialog
        assert isinstance(dialog, NewRecoveryKeyDialog)
        assert "backups" in dialog.intro.text() and not dialog.make_button.isEnabled()
        dialog.current.setText("not my passphrase")
        dialog.make_button.click()
        qtbot.waitUntil(lambda: not dialog.error.isHidden(), timeout=10_000)
        assert "passphrase is not correct" in dialog.error.text() and dialog.key == ""
        dialog.current.setText(PASSPHRASE)
        dialog.make_button.click()
        qtbot.waitUntil(lambda: dialog.key != "", timeout=10_000)
        new_key = dialog.key
        assert new_key != old_key
        assert [g.text() for g in dialog.key_view.groups] == key_groups(new_key)
        assert not dialog.close_button.isEnabled()  # until the user says it is saved
        pdf = tmp_path / "nueva-clave.pdf"
        dialog.sheet.ask_pdf_path = lambda: str(pdf)  # type: ignore[method-assign]
        dialog.sheet.save_pdf()
        assert pdf.stat().st_size > 0 and "nueva-clave.pdf" in dialog.sheet.saved_label.text()
        dialog.saved.setChecked(True)
        dialog.close_button.click()
        assert dialog.key == "" and not dialog.key_view.groups
        ctx.runner.wait(5000)
    finally:
        vault.close()
    again = Vault.open(ctx.vault_dir)
    try:
        with pytest.raises(WrongRecoveryKey):
            again.recover(old_key, "a passphrase set later")
        again.recover(new_key, "a passphrase set later")
    finally:
        again.close()


def test_the_passphrase_dialog_says_what_a_change_does_not_do(
    qtbot: QtBot, make_ctx: Callable[..., AppContext]
) -> None:
    ctx = make_ctx("es")
    vault, _key = create_vault(ctx)
    try:
        settings = SettingsDialog(ctx, vault)
        qtbot.addWidget(settings)
        settings.passphrase_button.click()
        note = settings.passphrase_dialog.limit.text()
        assert "no se vuelve a cifrar" in note and "frase de contraseña anterior" in note
    finally:
        vault.close()
