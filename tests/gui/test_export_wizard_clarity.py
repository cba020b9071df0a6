"""The export wizard says what it does (issue 16, point 4): who is chosen (not who is
verified), why "Next" waits, the folder as a chooser, the last choices remembered per
vault (never names in the settings file), "Saved to …" with "Open the folder", dated
file names, and every page usable on a 1024×600 screen in both languages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from reflectdesk.bundles import DATED_NAME_RE
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.export_memory import MAX_VAULTS, recall, recipient_token, remember
from reflectdesk.gui.export_pages import BADGE_ROLE, RecipientDelegate
from reflectdesk.gui.export_wizard import (
    PAGE_CONSENT,
    PAGE_DONE,
    PAGE_RECIPIENTS,
    PAGE_SAVE,
    ExportWizard,
)
from reflectdesk.gui.prefs import SETTINGS_NAME
from reflectdesk.services.vault import Vault
from tests.gui.conftest import create_vault
from tests.gui.sharing import folder, mentor_vault

REPO = Path(__file__).resolve().parents[2]


def _setup(
    two: tuple[AppContext, Vault, AppContext, Vault], make_ctx: Callable[..., AppContext]
) -> tuple[AppContext, Vault, str, str]:
    """The student knows Rosa (verified) and Pedro (not verified)."""
    sctx, student, _mctx, mentor = two
    rosa = student.contacts.import_card(mentor.identity.card()).contact
    assert rosa is not None
    student.contacts.verify(rosa.id)
    other_ctx = make_ctx(data_dir=sctx.data_dir.parent / "pedro")
    pedro_vault = mentor_vault(other_ctx, "Pedro Soto")
    pedro = student.contacts.import_card(pedro_vault.identity.card()).contact
    assert pedro is not None
    pedro_vault.close()
    return sctx, student, rosa.id, pedro.id


def _row_of(wizard: ExportWizard, contact_id: str) -> int:
    model = wizard.recipients_page.model
    return next(r for r in range(model.rowCount()) if model.items()[r].id == contact_id)


def _drawn_selected(wizard: ExportWizard, row: int) -> bool:
    """Whether the delegate paints the row in the selection colour."""
    view = wizard.recipients_page.list
    delegate = view.itemDelegate()
    assert isinstance(delegate, RecipientDelegate)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    delegate.initStyleOption(option, wizard.recipients_page.model.index(row))
    return bool(option.state & QStyle.StateFlag.State_Selected)


def _click_row(qtbot: QtBot, wizard: ExportWizard, row: int) -> None:
    """A click on the middle of the row's text: not on the box."""
    view = wizard.recipients_page.list
    rect = view.visualRect(wizard.recipients_page.model.index(row))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_chosen_row_looks_chosen_and_verified_is_only_a_badge(
    qtbot: QtBot,
    two: tuple[AppContext, Vault, AppContext, Vault],
    make_ctx: Callable[..., AppContext],
) -> None:
    sctx, student, rosa, pedro = _setup(two, make_ctx)
    wizard = ExportWizard(sctx, student, [student.entries.list()[0].id])
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    assert wizard.currentId() == PAGE_RECIPIENTS
    page, model = wizard.recipients_page, wizard.recipients_page.model
    r, p = _row_of(wizard, rosa), _row_of(wizard, pedro)

    # Rosa is verified but not chosen: unticked, not highlighted, no big state icon;
    # "Verified" is the row's badge, and not part of the name.
    index = model.index(r)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert not _drawn_selected(wizard, r)
    assert index.data(Qt.ItemDataRole.DecorationRole) is None
    assert index.data(BADGE_ROLE) == "Verified"
    assert index.data() == "Rosa Díaz — School mentor"
    assert "Verified" in index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert model.index(p).data(BADGE_ROLE) == "Not verified"
    assert page.count.text() == "0 people chosen, and you"

    # A click anywhere on the row chooses her; the row is then drawn selected.
    _click_row(qtbot, wizard, r)
    assert page.model.checked_ids() == [rosa]
    assert _drawn_selected(wizard, r) and not _drawn_selected(wizard, p)
    assert page.count.text() == "1 person chosen, and you"
    assert not page.warning.isVisible()  # Rosa is verified
    # Space on the current row un-chooses her; again chooses.
    page.list.setFocus()
    page.list.setCurrentIndex(index)
    qtbot.keyClick(page.list, Qt.Key.Key_Space)
    assert page.model.checked_ids() == [] and not _drawn_selected(wizard, r)
    _click_row(qtbot, wizard, r)
    _click_row(qtbot, wizard, p)
    assert sorted(page.model.checked_ids()) == sorted([rosa, pedro])
    assert page.count.text() == "2 people chosen, and you"
    assert page.warning.isVisible() and "Pedro Soto" in page.warning.text()
    sctx.translations.set_language("es")
    qtbot.waitUntil(lambda: page.count.text() == "2 personas elegidas, y tú")
    assert model.index(r).data(BADGE_ROLE) == "Verificado"
    assert model.index(r).data() == "Rosa Díaz — Profesor/a guía"
    wizard.reject()


def test_next_says_why_it_waits(
    qtbot: QtBot,
    two: tuple[AppContext, Vault, AppContext, Vault],
    make_ctx: Callable[..., AppContext],
    tmp_path: Path,
) -> None:
    sctx, student, rosa, _pedro = _setup(two, make_ctx)
    wizard = ExportWizard(sctx, student)
    qtbot.addWidget(wizard)
    wizard.show()
    entries = wizard.entries_page
    assert not entries.isComplete() and entries.reason.isVisible()
    assert entries.reason.text() == "Tick at least one entry to go on."
    entries.model.set_checked(student.entries.list()[0].id, True)
    assert entries.isComplete() and not entries.reason.isVisible()
    wizard.next()

    recipients = wizard.recipients_page
    assert recipients.reason.isVisible()
    assert recipients.reason.text() == "Choose at least one person: click their row."
    recipients.model.set_checked(rosa, True)
    assert not recipients.reason.isVisible()
    wizard.next()
    assert wizard.currentId() == PAGE_CONSENT and not wizard.consent_page.reason.isVisible()
    wizard.next()

    save = wizard.save_page
    assert wizard.currentId() == PAGE_SAVE
    assert save.reason.text() == "Choose a folder for the bundle."
    assert not save.create_button.isEnabled() and save.folder.text() == "Choose a folder…"
    gone = tmp_path / "usb-taken-out"
    save.set_folder(str(gone))  # a remembered folder no longer there
    assert not save.create_button.isEnabled()
    assert save.reason.text().startswith(f"The folder {gone} cannot be written to")
    usb = folder(tmp_path, "usb")
    wizard.ask_folder = lambda: str(usb)  # type: ignore[method-assign]
    save.choose.click()  # the folder's own button is the chooser
    assert save.folder.path() == str(usb) and save.folder.toolTip() == str(usb)
    assert save.create_button.isEnabled()
    assert save.reason.text() == "Press “Create the bundle” to go on."

    # In Spanish, live.
    sctx.translations.set_language("es")
    qtbot.waitUntil(lambda: save.reason.text() == "Pulsa «Crear el paquete» para seguir.")
    save.set_folder("")
    assert save.reason.text() == "Elige una carpeta para el paquete."
    assert save.folder.text() == "Elegir una carpeta…"
    wizard.back()
    wizard.back()
    recipients.model.set_checked(rosa, False)
    assert recipients.reason.text() == "Elige al menos a una persona: haz clic en su fila."
    wizard.reject()


def test_saved_to_the_folder_with_a_dated_name_and_an_open_folder_button(
    qtbot: QtBot,
    two: tuple[AppContext, Vault, AppContext, Vault],
    make_ctx: Callable[..., AppContext],
    tmp_path: Path,
) -> None:
    sctx, student, rosa, _pedro = _setup(two, make_ctx)
    wizard = ExportWizard(sctx, student, [s.id for s in student.entries.list()][:2])
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    wizard.recipients_page.model.set_checked(rosa, True)
    wizard.next()
    wizard.next()
    usb = folder(tmp_path, "usb")
    wizard.save_page.set_folder(str(usb))
    wizard.save_page.create_button.click()
    qtbot.waitUntil(lambda: wizard.currentId() == PAGE_DONE, timeout=10_000)
    result = wizard.result_
    assert result is not None and result.path.parent == usb
    today = datetime.now().astimezone().date().isoformat()
    assert DATED_NAME_RE.fullmatch(result.path.name)
    assert result.path.name.startswith(f"reflectdesk-{today}-")
    assert "Rosa" not in result.path.name and "Camila" not in result.path.name

    done = wizard.done_page
    assert done.title() == "Bundle saved" and "Nothing has been sent yet" in done.subTitle()
    assert done.saved_to.text() == f"Saved to {usb}"
    assert done.file_name.text().startswith(f"File: {result.path.name} (")
    assert "Sent" not in done.text.text() and done.text.text().startswith("2 entries:")
    opened: list[QUrl] = []
    done.opener = lambda url: opened.append(url) is None
    done.open_folder.click()
    assert opened == [QUrl.fromLocalFile(str(usb))]
    done.copy.click()
    assert done.bundle_path() == result.path
    sctx.translations.set_language("es")
    qtbot.waitUntil(lambda: done.saved_to.text() == f"Guardado en {usb}")
    assert done.title() == "Paquete guardado" and done.open_folder.text() == "&Abrir la carpeta"
    assert done.text.text().startswith("2 entradas:")
    wizard.accept()


def test_the_last_folder_and_people_are_remembered_per_vault_without_names(
    qtbot: QtBot,
    two: tuple[AppContext, Vault, AppContext, Vault],
    make_ctx: Callable[..., AppContext],
    tmp_path: Path,
) -> None:
    sctx, student, rosa, pedro = _setup(two, make_ctx)
    first = ExportWizard(sctx, student, [student.entries.list()[0].id])
    qtbot.addWidget(first)
    first.show()
    assert first.recipients_page.model.checked_ids() == []
    assert first.save_page.folder.path() == ""
    first.next()
    first.recipients_page.model.set_checked(pedro, True)
    first.next()
    first.next()
    usb = folder(tmp_path, "usb")
    first.save_page.set_folder(str(usb))
    first.save_page.create_button.click()
    qtbot.waitUntil(lambda: first.currentId() == PAGE_DONE, timeout=10_000)
    first.accept()

    # A new wizard (as after a restart: the settings are read back from the file).
    sctx.prefs = sctx.prefs_store.load()
    again = ExportWizard(sctx, student, [student.entries.list()[1].id])
    qtbot.addWidget(again)
    again.show()
    assert again.recipients_page.model.checked_ids() == [pedro]
    assert again.save_page.folder.path() == str(usb)
    again.next()
    again.next()
    again.next()
    assert again.save_page.create_button.isEnabled()
    again.reject()
    # Explicit recipients (Send feedback, the review queue) win over the remembered ones.
    chosen = ExportWizard(sctx, student, recipients=[rosa])
    qtbot.addWidget(chosen)
    assert chosen.recipients_page.model.checked_ids() == [rosa]
    chosen.reject()

    # The settings file names nobody: no name, no key id, no contact id.
    raw = (sctx.data_dir / SETTINGS_NAME).read_text(encoding="utf-8")
    contact = next(c for c in student.contacts.list() if c.id == pedro)
    for secret in ("Pedro", "Soto", "Rosa", contact.key_id, contact.id, rosa):
        assert secret not in raw
    token = recipient_token(student.vault_id, contact.key_id)
    assert recall(sctx.prefs.export_memory, student.vault_id).recipients == (token,)

    # Another vault in the same settings gets nothing of it.
    other_ctx = make_ctx(data_dir=sctx.data_dir)  # same settings file, another vault folder
    other_ctx.vault_override = tmp_path / "second-vault"
    second, _ = create_vault(other_ctx)
    try:
        fresh = ExportWizard(other_ctx, second)
        qtbot.addWidget(fresh)
        assert fresh.save_page.folder.path() == ""
        fresh.reject()
    finally:
        other_ctx.runner.wait(5000)
        second.close()


def test_export_memory_keeps_the_newest_vaults_and_survives_damage() -> None:
    stored = ""
    for n in range(MAX_VAULTS + 3):
        stored = remember(stored, f"vault-{n}", folder=f"/media/{n}", recipients=["0" * 16])
    doc = json.loads(stored)
    assert list(doc) == [f"vault-{n}" for n in range(3, MAX_VAULTS + 3)]
    assert recall(stored, "vault-0").folder == ""
    stored = remember(stored, "vault-5", recipients=["a" * 16])  # the folder is kept
    assert recall(stored, "vault-5").folder == "/media/5"
    assert list(json.loads(stored))[-1] == "vault-5"
    assert recall("{not json", "vault-5").folder == ""
    assert recall(json.dumps({"v": {"folder": 3, "recipients": ["x", 4]}}), "v").recipients == ()


# -- a 1024×600 screen -----------------------------------------------------------------------
NETBOOK_WALK = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QScrollArea, QWizard
from reflectdesk.crypto.kdf import KdfParams
from reflectdesk.gui.app import build_context
from reflectdesk.gui.export_wizard import ExportWizard
from reflectdesk.gui.screen_fit import FRAME, available
from tests.gui.conftest import add_samples, create_vault
from tests.gui.helpers import clipped_texts
from tests.gui.sharing import mentor_vault

tmp, qm = Path(sys.argv[1]), Path(sys.argv[2])
app = QApplication([])
report = {}
BUTTONS = (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
           QWizard.WizardButton.CancelButton, QWizard.WizardButton.FinishButton)

def settle():
    for _ in range(4):
        QApplication.sendPostedEvents()
        QApplication.processEvents()

def check(wizard, name):
    settle()
    area = available(wizard)
    problems = []
    w, h = wizard.width(), wizard.height()
    if w > area.width() - FRAME.width() or h > area.height() - FRAME.height():
        problems.append(f"window {w}x{h} on {area.width()}x{area.height()}")
    inside = wizard.rect()
    for which in BUTTONS:
        button = wizard.button(which)
        if button is not None and button.isVisible():
            rect = QRect(button.mapTo(wizard, QPoint(0, 0)), button.size())
            if not inside.contains(rect):
                problems.append(f"button {button.text()} at {rect.getRect()} outside")
    page = wizard.currentPage()
    for part in (page.findChild(QScrollArea, page.objectName() + "Scroll"), page.reason):
        if part is not None and part.isVisible():
            rect = QRect(part.mapTo(wizard, QPoint(0, 0)), part.size())
            if not inside.contains(rect):
                problems.append(f"{part.objectName()} at {rect.getRect()} outside")
    problems += clipped_texts(page)
    report[name] = problems

for lang in ("es", "en"):
    sctx = build_context(app, tmp / lang / "student", qm)
    sctx.kdf_params = KdfParams.insecure_for_tests
    sctx.translations.set_language(lang)
    student, _ = create_vault(sctx, lang)
    add_samples(student)
    mctx = build_context(app, tmp / lang / "mentor", qm)
    mentor = mentor_vault(mctx)
    rosa = student.contacts.import_card(mentor.identity.card()).contact
    usb = tmp / lang / "usb"
    usb.mkdir()
    for kind in ("journal", "feedback"):
        if kind == "journal":
            wizard = ExportWizard(sctx, student, [s.id for s in student.entries.list()][:2])
        else:
            wizard = ExportWizard(sctx, student, kind="feedback", recipients=[rosa.id])
        wizard.show()
        if kind == "journal":
            check(wizard, f"{lang}-entries")
            wizard.next()
            check(wizard, f"{lang}-recipients-none")
            wizard.recipients_page.model.set_checked(rosa.id, True)
            check(wizard, f"{lang}-recipients")
            wizard.next()
            check(wizard, f"{lang}-consent")
            wizard.next()
            wizard.save_page.set_folder("")
            check(wizard, f"{lang}-save-nofolder")
            wizard.save_page.set_folder(str(usb))
            check(wizard, f"{lang}-save")
            wizard.start_export()
            sctx.runner.wait(10_000)
            settle()
            check(wizard, f"{lang}-done")
            report[f"{lang}-done-page"] = [] if wizard.currentId() == 4 else ["not done"]
        else:
            check(wizard, f"{lang}-feedback-recipients")
            wizard.next()
            check(wizard, f"{lang}-feedback-save")
        wizard.close()
    sctx.runner.wait(10_000)
    student.close()
    mentor.close()
area = available(wizard)
print(json.dumps({"screen": [area.width(), area.height()], "pages": report}))
"""


def test_every_page_fits_a_1024x600_screen_in_both_languages(tmp_path: Path, qm_dir: Path) -> None:
    config = tmp_path / "screen.json"
    screen = {"name": "netbook", "x": 0, "y": 0, "width": 1024, "height": 600}
    screen |= {"logicalDpi": 96, "logicalBase": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    run = subprocess.run(
        [sys.executable, "-c", NETBOOK_WALK, str(tmp_path / "walk"), str(qm_dir)],
        env=env,
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    out = json.loads(run.stdout.strip().splitlines()[-1])
    assert out["screen"] == [1024, 600]
    pages = out["pages"]
    assert len(pages) == 2 * 10
    assert {name: problems for name, problems in pages.items() if problems} == {}
