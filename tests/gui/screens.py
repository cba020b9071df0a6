"""Every main screen, opened and filled, for the accessibility and layout tests."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget, QWizard
from pytestqt.qtbot import QtBot
from tools.screenshots import make_partner

from reflectdesk.crypto import recovery
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.crash_dialog import CrashDialog
from reflectdesk.gui.main_window import MainWindow
from reflectdesk.gui.recover import RecoveryDialog
from reflectdesk.gui.unlock import UnlockWindow
from reflectdesk.gui.withdraw_dialog import WithdrawDialog
from reflectdesk.gui.wizard import FirstRunWizard
from reflectdesk.services.vault import Vault

Check = Callable[[str, QWidget], None]


def settle(qtbot: QtBot) -> None:
    """Deliver posted events (layout requests, LanguageChange) until none are left."""
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def walk_wizard(qtbot: QtBot, ctx: AppContext, check: Check) -> None:
    wizard = FirstRunWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.create_page.start = lambda: None  # type: ignore[method-assign]
    wizard.show()
    settle(qtbot)
    check("wizard-language", wizard)
    wizard.next()
    wizard.profile_page.name.setText("Camila Pérez")
    settle(qtbot)
    check("wizard-profile", wizard)
    wizard.next()
    wizard.passphrase_page.fields.passphrase.setText("nube tetera")
    wizard.passphrase_page.fields.confirm.setText("nube")
    settle(qtbot)
    check("wizard-passphrase", wizard)
    wizard.next()
    settle(qtbot)
    check("wizard-create", wizard)
    wizard.recovery_key = recovery.format_key(recovery.generate())
    wizard.create_page.done = True
    wizard.setOption(QWizard.WizardOption.NoCancelButton, True)
    wizard.next()
    settle(qtbot)
    check("wizard-recovery", wizard)
    wizard.next()
    wizard.confirm_page.first.setText("ABCD")
    wizard.confirm_page.second.setText("EFGH")
    settle(qtbot)
    check("wizard-confirm", wizard)
    wizard.recovery_key = ""
    wizard.hide()


def walk_sharing(
    qtbot: QtBot, ctx: AppContext, window: MainWindow, vault: Vault, check: Check
) -> None:
    """Import preview (unknown sender), contacts, every page of the export wizard, inbox
    and outbox, with a real second vault."""
    with tempfile.TemporaryDirectory(prefix="reflectdesk-partner-") as tmp:
        partner, bundle = make_partner(Path(tmp), vault, ctx.language)
        window.open_bundle(bundle)
        dialog = window.dialogs["import"]
        qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)  # type: ignore[attr-defined]
        settle(qtbot)
        check("import-preview", dialog)
        dialog.compared.setChecked(True)  # type: ignore[attr-defined]
        dialog.start_import()  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: dialog.result_ is not None, timeout=10_000)  # type: ignore[attr-defined]
        settle(qtbot)
        check("import-done", dialog)
        dialog.accept()
        window.show_sharing("contacts")
        settle(qtbot)
        check("contacts", window)
        window.share_entries([s.id for s in vault.entries.list()][:2])
        wizard = window.dialogs["export"]
        settle(qtbot)
        check("export-entries", wizard)
        wizard.next()  # type: ignore[attr-defined]
        for contact in vault.contacts.list():
            wizard.recipients_page.model.set_checked(contact.id, True)  # type: ignore[attr-defined]
        settle(qtbot)
        check("export-recipients", wizard)
        wizard.next()  # type: ignore[attr-defined]
        settle(qtbot)
        check("export-consent", wizard)
        wizard.next()  # type: ignore[attr-defined]
        wizard.save_page.set_folder(tmp)  # type: ignore[attr-defined]
        settle(qtbot)
        check("export-save", wizard)
        wizard.start_export()  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: wizard.result_ is not None, timeout=10_000)  # type: ignore[attr-defined]
        settle(qtbot)
        check("export-done", wizard)
        wizard.accept()  # type: ignore[attr-defined]
        withdraw = WithdrawDialog(ctx, vault, [s.id for s in vault.entries.list()][:2], window)
        withdraw.show()
        settle(qtbot)
        check("withdraw", withdraw)
        withdraw.reject()
        for key in ("inbox", "outbox"):
            window.show_sharing(key)
            settle(qtbot)
            check(key, window)
        window.sidebar.select("all", "")
        partner.close()  # type: ignore[attr-defined]


def walk_app(qtbot: QtBot, ctx: AppContext, vault: Vault, check: Check) -> None:
    unlock = UnlockWindow()
    qtbot.addWidget(unlock)
    unlock.show()
    unlock.wrong_passphrase("The passphrase is not correct.", "Check Caps Lock.")
    unlock.adjustSize()
    settle(qtbot)
    check("unlock", unlock)
    dialog = RecoveryDialog(unlock)
    dialog.show()
    dialog.show_error("The recovery key is not correct.", "Type it exactly.")
    settle(qtbot)
    check("recovery", dialog)
    dialog.close()
    unlock.close()

    window = MainWindow(ctx, vault)
    qtbot.addWidget(window)
    window.resize(1360, 860)
    window.show()
    window.search.filter_toggle.setChecked(True)
    alact = next(
        row for row in range(window.model.rowCount())
        if window.model.summary(row).template_id == "alact"  # type: ignore[union-attr]
    )  # fmt: skip
    window.list.selectRow(alact)
    settle(qtbot)
    check("main-editor", window)
    observation = next(
        row for row in range(window.model.rowCount())
        if window.model.summary(row).template_id == "learning-round"  # type: ignore[union-attr]
    )  # fmt: skip
    window.list.selectRow(observation)
    field = window.editor.field("teacher")
    assert field is not None
    field.set_text("Una clase excelente.")
    field.check_hints()  # instead of waiting for the pause after typing
    settle(qtbot)
    assert window.editor.banner.isVisible()
    check("observation", window)
    window.search.field.setText("reflexion")
    window.search.flush()
    ctx.runner.wait(5000)
    settle(qtbot)
    check("search", window)
    window.search.field.clear()
    window.search.flush()
    window.list.selectRow(alact)

    window.show_history()
    settle(qtbot)
    check("history", window.dialogs["history"])
    window.dialogs["history"].close()
    window.show_settings()
    settle(qtbot)
    settings = window.dialogs["settings"]
    check("settings", settings)
    settings.change_passphrase()  # type: ignore[attr-defined]
    settle(qtbot)
    check("change-passphrase", settings.passphrase_dialog)  # type: ignore[attr-defined]
    settings.passphrase_dialog.close()  # type: ignore[attr-defined]
    settings.close()
    window.new_entry()
    settle(qtbot)
    check("new-entry", window.dialogs["templates"])
    window.dialogs["templates"].close()
    window.editor.choose_standards()
    settle(qtbot)
    check("standards", window.editor.picker)
    window.editor.picker.close()
    walk_sharing(qtbot, ctx, window, vault, check)
    crash = CrashDialog("ReflectDesk 0.1.0\nException: ValueError")
    qtbot.addWidget(crash)
    crash.show()
    settle(qtbot)
    check("crash", crash)
    crash.close()
    window.prepare_to_close()
