"""Contacts, the export wizard and the import preview, between two real vaults."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QMainWindow,
    QMessageBox,
    QToolBar,
    QWidget,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from reflectdesk.crypto.kdf import KdfParams
from reflectdesk.domain.model import (
    BundleLogItem,
    CardData,
    Consent,
    Contact,
    ExportRequest,
    Role,
)
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.contact_model import (
    BundleLogModel,
    CheckItem,
    CheckListModel,
    ContactTableModel,
    safety_number_lines,
)
from reflectdesk.gui.contacts_page import ContactsPage
from reflectdesk.gui.export_wizard import PAGE_DONE, ExportWizard
from reflectdesk.gui.import_dialog import ImportDialog
from reflectdesk.gui.main_window import MainWindow
from reflectdesk.services.vault import NewProfile, Vault
from tests.gui.conftest import PASSPHRASE, add_samples, create_vault
from tests.gui.helpers import written
from tests.gui.screens import walk_sharing


def mentor_vault(ctx: AppContext, name: str = "Rosa Díaz") -> Vault:
    vault, _key = Vault.create(
        ctx.vault_dir,
        PASSPHRASE,
        NewProfile(name, Role.MENTOR, "es", "Liceo Bicentenario"),
        kdf_params=KdfParams.insecure_for_tests(),
    )
    return vault


def drop(widget: QWidget, path: Path) -> None:
    """What a file manager's drag and drop delivers."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    widget.dropEvent(event)


def click_role(box: QMessageBox | None, role: QMessageBox.ButtonRole) -> None:
    assert box is not None
    for button in box.buttons():
        if box.buttonRole(button) == role:
            button.click()
            return
    raise AssertionError(f"no button with role {role}")


def close_box(box: QMessageBox | None) -> str:
    assert box is not None
    text = box.text()
    box.close()
    return text


@pytest.fixture
def two(
    make_ctx: Callable[..., AppContext], tmp_path: Path
) -> Iterator[tuple[AppContext, Vault, AppContext, Vault]]:
    sctx = make_ctx(data_dir=tmp_path / "student")
    student, _ = create_vault(sctx)
    add_samples(student)
    mctx = make_ctx(data_dir=tmp_path / "mentor")
    mentor = mentor_vault(mctx)
    yield sctx, student, mctx, mentor
    for ctx, vault in ((sctx, student), (mctx, mentor)):
        ctx.runner.wait(10_000)
        vault.close()


def windows(
    qtbot: QtBot, two: tuple[AppContext, Vault, AppContext, Vault]
) -> tuple[MainWindow, MainWindow]:
    sctx, student, mctx, mentor = two
    sw = MainWindow(sctx, student)
    mw = MainWindow(mctx, mentor)
    for w in (sw, mw):
        qtbot.addWidget(w)
        w.show()
    return sw, mw


def exchange_cards(
    qtbot: QtBot, sw: MainWindow, mw: MainWindow, tmp_path: Path, *, both: bool = True
) -> tuple[ContactsPage, ContactsPage]:
    sw.show_sharing("contacts")
    mw.show_sharing("contacts")
    spage = sw.page("contacts")
    mpage = mw.page("contacts")
    assert isinstance(spage, ContactsPage) and isinstance(mpage, ContactsPage)
    card = tmp_path / "camila.rdcard"
    spage.my_card.ask_save_path = lambda *_a: str(tmp_path / "camila")  # type: ignore[method-assign]
    spage.my_card.save_my_card()
    assert card.is_file()
    close_box(spage.my_card.last_box)
    drop(mpage, card)  # the mentor drops the student's card on the contacts page
    written(qtbot, mpage)
    assert "added" in close_box(mpage.last_box)
    if both:
        mpage.my_card.ask_save_path = lambda *_a: str(tmp_path / "rosa.rdcard")  # type: ignore[method-assign]
        mpage.my_card.save_my_card()
        close_box(mpage.my_card.last_box)
        spage.ask_open_path = lambda: str(tmp_path / "rosa.rdcard")  # type: ignore[method-assign]
        spage.choose_card()
        written(qtbot, spage)
        close_box(spage.last_box)
    return spage, mpage


def test_round_trip_between_two_vaults(
    qtbot: QtBot, two: tuple[AppContext, Vault, AppContext, Vault], tmp_path: Path
) -> None:
    sctx, student, mctx, mentor = two
    sw, mw = windows(qtbot, two)
    spage, mpage = exchange_cards(qtbot, sw, mw, tmp_path)

    # Both see the same safety number, as digit groups; the QR code is drawn.
    assert mpage.model.rowCount() == 1 and spage.model.rowCount() == 1
    assert mpage.state_label.text() == "Not verified"
    assert len(mpage.safety.digits) == 60
    assert mpage.safety.digits == spage.safety.digits
    assert mpage.safety.text() == safety_number_lines(spage.safety.digits)
    assert spage.my_card.qr.is_valid() and spage.my_card.my_name.text() == "Camila Pérez"

    # Mark as verified, after the confirmation that explains how to compare.
    for page in (mpage, spage):
        page.confirm_verify()
        box = page.last_box
        assert box is not None and "in person or by phone" in box.informativeText()
        click_role(box, QMessageBox.ButtonRole.YesRole)
        written(qtbot, page)
        assert page.state_label.text() == "Verified"
        assert not page.verify_button.isEnabled()
    camila = mentor.contacts.list()[0]
    assert camila.verified
    rosa = student.contacts.list()[0]

    # The student shares two entries with the wizard, chosen in the entry list.
    sw.sidebar.select("all", "")
    assert sw.main_stack.currentWidget() is sw.work
    ids = [s.id for s in student.entries.list()][:2]
    sw.share_entries(ids)
    wizard = sw.dialogs["export"]
    assert isinstance(wizard, ExportWizard)
    assert sorted(wizard.entry_ids()) == sorted(ids)
    wizard.entries_page.search.setText("zzz-nothing")
    assert wizard.entries_page.proxy.rowCount() == 0
    wizard.entries_page.search.clear()
    wizard.next()
    assert not wizard.recipients_page.isComplete()
    wizard.recipients_page.model.set_checked(rosa.id, True)
    assert wizard.recipients_page.isComplete()
    assert not wizard.recipients_page.warning.isVisible()  # Rosa is verified
    wizard.next()
    wizard.consent_page.radios[Consent.RESEARCH].setChecked(True)
    combo = wizard.consent_page.combos[ids[0]]
    combo.setCurrentIndex(combo.findData(Consent.RESEARCH_PSEUDONYMISED.value))
    wizard.next()
    assert "Rosa Díaz" in wizard.save_page.summary.text()
    out = tmp_path / "usb"
    out.mkdir()
    wizard.ask_folder = lambda: str(out)  # type: ignore[method-assign]
    wizard.save_page.choose.click()
    wizard.save_page.create_button.click()
    qtbot.waitUntil(lambda: wizard.result_ is not None, timeout=10_000)
    assert wizard.currentId() == PAGE_DONE
    result = wizard.result_
    assert result is not None
    bundles = list(out.glob("*.rdbundle"))
    assert bundles == [result.path] and len(result.path.stem) == 32
    text = wizard.done_page.text.text()
    assert "Sent 2 entries" in text and "Rosa Díaz" in text
    assert wizard.done_page.path.text() == str(result.path)
    wizard.accept()

    # The mentor drags the bundle onto the window: the preview first.
    drop(mw, result.path)
    dialog = mw.dialogs["import"]
    assert isinstance(dialog, ImportDialog)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    assert dialog.sender_label.text() == "From Camila Pérez, verified"
    assert not dialog.compared.isVisible()
    assert "2 new entries" in dialog.counts.text()
    consents = {dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())}
    assert consents == {
        "Research only after pseudonymisation",
        "May be used in a research case study",
    }
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.result_ is not None, timeout=10_000)
    assert "2 new entries" in dialog.done_text.text()
    dialog.show_button.click()

    # Received, per author, read only.
    qtbot.waitUntil(lambda: len(mw.received) == 1)
    journal_id, author = next(iter(mw.received.items()))
    assert author == "Camila Pérez"
    assert mw.sidebar._find("journal", journal_id).isValid()
    assert mw.search.filters().journal_id == journal_id
    qtbot.waitUntil(lambda: mw.model.rowCount() == 2)
    mw.list.selectRow(0)
    assert mw.editor.read_only
    assert mw.editor.title.isReadOnly() and mw.editor.tags.isReadOnly()
    assert all(f.edit.isReadOnly() for f in mw.editor.fields if f.edit is not None)
    assert not mw.editor.standards_button.isEnabled()
    assert mw.editor.read_only_banner.isVisible()
    assert mw.editor.read_only_banner.text() == "Received from Camila Pérez — read only"

    # Importing it again changes nothing.
    before = len(mentor.entries.list())
    mw.open_bundle(result.path)
    again = mw.dialogs["import"]
    assert isinstance(again, ImportDialog)
    qtbot.waitUntil(lambda: again.preview is not None, timeout=10_000)
    assert again.preview is not None and again.preview.already_imported
    assert again.already.isVisible() and not again.import_button.isEnabled()
    again.reject()
    assert len(mentor.entries.list()) == before

    # Inbox and outbox.
    mw.show_sharing("inbox")
    inbox = mw.page("inbox")
    assert inbox.model.rowCount() == 1  # type: ignore[attr-defined]
    assert inbox.model.index(0, 1).data() == "Camila Pérez"  # type: ignore[attr-defined]
    assert inbox.model.index(0, 2).data() == "2"  # type: ignore[attr-defined]
    sw.show_sharing("outbox")
    outbox = sw.page("outbox")
    assert outbox.model.rowCount() == 1  # type: ignore[attr-defined]
    assert outbox.model.index(0, 1).data() == "Rosa Díaz"  # type: ignore[attr-defined]
    sw.prepare_to_close()
    mw.prepare_to_close()
    sctx.runner.wait(5000)
    mctx.runner.wait(5000)


def test_tampered_bundle_is_refused_and_nothing_stored(
    qtbot: QtBot, two: tuple[AppContext, Vault, AppContext, Vault], tmp_path: Path
) -> None:
    _sctx, student, mctx, mentor = two
    sw, mw = windows(qtbot, two)
    exchange_cards(qtbot, sw, mw, tmp_path)
    rosa = student.contacts.list()[0]
    ids = tuple(s.id for s in student.entries.list())
    out = tmp_path / "out"
    out.mkdir()
    result = student.bundles.export(ExportRequest(recipients=(rosa.id,), entry_ids=ids), out)
    data = bytearray(result.path.read_bytes())
    data[len(data) // 2] ^= 0x01
    bad = tmp_path / "tampered.rdbundle"
    bad.write_bytes(bytes(data))

    mctx.translations.set_language("es")
    mw.open_bundle(bad)
    dialog = mw.dialogs["import"]
    assert isinstance(dialog, ImportDialog)
    qtbot.waitUntil(lambda: dialog.error_box is not None, timeout=10_000)
    box = dialog.error_box
    assert box is not None
    assert "Traceback" not in box.text() + box.informativeText()
    assert box.text() and box.informativeText()
    assert box.text() != "The bundle could not be decrypted."  # translated
    # The dialog closes itself and is deleted later; either way it is gone from view.
    assert not isValid(dialog) or not dialog.isVisible()
    assert mentor.entries.list() == [] and mentor.bundles.log() == []
    if isValid(box):
        box.close()

    # A truncated one, too.
    truncated = tmp_path / "truncated.rdbundle"
    truncated.write_bytes(result.path.read_bytes()[:-100])
    mw.open_bundle(truncated)
    dialog = mw.dialogs["import"]
    qtbot.waitUntil(lambda: dialog.error_box is not None, timeout=10_000)  # type: ignore[attr-defined]
    if isValid(dialog.error_box):  # type: ignore[attr-defined]
        dialog.error_box.close()  # type: ignore[attr-defined]
    assert mentor.entries.list() == []
    mctx.translations.set_language("en")
    sw.prepare_to_close()
    mw.prepare_to_close()


def test_unknown_sender_needs_the_safety_number_checkbox(
    qtbot: QtBot, two: tuple[AppContext, Vault, AppContext, Vault], tmp_path: Path
) -> None:
    _sctx, student, mctx, mentor = two
    # Only the student knows the mentor; the mentor never imported the student's card.
    student.contacts.import_card(mentor.identity.card())
    rosa = student.contacts.list()[0]
    ids = tuple(s.id for s in student.entries.list())[:1]
    out = tmp_path / "out"
    out.mkdir()
    result = student.bundles.export(ExportRequest(recipients=(rosa.id,), entry_ids=ids), out)

    # ``reflectdesk FILE.rdbundle``: the preview opens once the main window is up.
    from reflectdesk.gui.controller import AppController

    mctx.extras["open_files"] = [result.path]
    controller = AppController(mctx)
    controller.vault = mentor
    controller.show_main()
    mw = controller.main_window
    assert mw is not None
    qtbot.addWidget(mw)
    qtbot.waitUntil(lambda: "import" in mw.dialogs)
    dialog = mw.dialogs["import"]
    assert isinstance(dialog, ImportDialog)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    assert dialog.sender_label.text() == "From Camila Pérez, not among your contacts"
    assert dialog.compared.isVisible() and dialog.safety.isVisible()
    assert dialog.safety.digits == mentor.identity.safety_number(student.identity.public()).replace(
        " ", ""
    )
    assert not dialog.import_button.isEnabled()
    dialog.compared.setChecked(True)
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.result_ is not None, timeout=10_000)
    assert "added to your contacts, not verified" in dialog.done_text.text()
    contacts = mentor.contacts.list()
    assert [c.name for c in contacts] == ["Camila Pérez"] and not contacts[0].verified
    mw.prepare_to_close()


def test_key_change_warning_keeps_the_contact_unverified(
    qtbot: QtBot,
    two: tuple[AppContext, Vault, AppContext, Vault],
    make_ctx: Callable[..., AppContext],
    tmp_path: Path,
) -> None:
    _sctx, student, _mctx, mentor = two
    mentor.contacts.import_card(student.identity.card())
    camila = mentor.contacts.list()[0]
    mentor.contacts.verify(camila.id)
    impostor_ctx = make_ctx(data_dir=tmp_path / "impostor")
    impostor, _ = create_vault(impostor_ctx)  # also "Camila Pérez", other keys
    card = tmp_path / "impostor.rdcard"
    impostor.identity.export_card(card)

    page = ContactsPage(mentor)
    qtbot.addWidget(page)
    page.show()
    page.select_contact(camila.id)
    page.import_card_file(card, replaces=camila.id)
    box = page.last_box
    assert box is not None and box.objectName() == "keyChangeWarning"
    assert "have changed" in box.text()
    click_role(box, QMessageBox.ButtonRole.RejectRole)
    assert mentor.contacts.get(camila.id).verified  # cancelled: nothing changed
    page.import_card_file(card, replaces=camila.id)
    click_role(page.last_box, QMessageBox.ButtonRole.AcceptRole)
    written(qtbot, page)
    close_box(page.last_box)
    changed = mentor.contacts.get(camila.id)
    assert not changed.verified and changed.key_changed
    page.select_contact(camila.id)
    assert page.state_label.text() == "Keys changed: not verified"
    assert page.verify_button.isEnabled()

    # Same name, no replacement chosen: a separate contact after a warning.
    other_ctx = make_ctx(data_dir=tmp_path / "other")
    other, _ = create_vault(other_ctx)
    other_card = tmp_path / "other.rdcard"
    other.identity.export_card(other_card)
    page.import_card_file(other_card)
    assert page.last_box is not None and "already have a contact called" in page.last_box.text()
    click_role(page.last_box, QMessageBox.ButtonRole.AcceptRole)
    written(qtbot, page)
    close_box(page.last_box)
    assert page.model.rowCount() == 2
    impostor.close()
    other.close()


def test_a_renaming_card_asks_and_a_rotation_says_vouched(
    qtbot: QtBot,
    two: tuple[AppContext, Vault, AppContext, Vault],
    tmp_path: Path,
) -> None:
    """Issue 10, points 1 and 4: the card import dialog shows old -> new and asks; a
    rotation makes a verified contact "vouched", not verified."""
    from reflectdesk.bundles import Identity, make_card

    _sctx, student, _mctx, mentor = two
    camila = mentor.contacts.import_card(student.identity.card()).contact
    assert camila is not None
    mentor.contacts.verify(camila.id)
    stolen = student.identity.key_pair()
    renamed = tmp_path / "renamed.rdcard"
    renamed.write_bytes(make_card(stolen, name="Rosa Díaz", role=Role.STUDENT))

    page = ContactsPage(mentor)
    qtbot.addWidget(page)
    page.show()
    page.import_card_file(renamed)
    box = page.last_box
    assert box is not None and box.objectName() == "renameWarning"
    assert "Camila Pérez → Rosa Díaz" in box.informativeText()
    click_role(box, QMessageBox.ButtonRole.RejectRole)  # "Keep the name I have"
    assert mentor.contacts.get(camila.id).name == "Camila Pérez"
    page.import_card_file(renamed)
    click_role(page.last_box, QMessageBox.ButtonRole.AcceptRole)
    written(qtbot, page)
    close_box(page.last_box)
    assert mentor.contacts.get(camila.id).name == "Rosa Díaz"

    rotation = tmp_path / "rotation.rdcard"
    rotation.write_bytes(
        make_card(Identity.generate(), name="Rosa Díaz", role=Role.STUDENT, previous=stolen)
    )
    page.import_card_file(rotation)
    written(qtbot, page)
    assert "vouched by the old one" in close_box(page.last_box)
    page.select_contact(camila.id)
    assert page.state_label.text() == "New key vouched by the old one: not verified"
    assert page.verify_button.isEnabled()


def _contact(i: int, *, verified: bool = False, revoked: bool = False) -> Contact:
    now = datetime(2026, 3, 1, tzinfo=UTC)
    card = CardData(
        name=f"Persona {i}",
        role=Role.MENTOR,
        institution="Liceo",
        age_recipient="age1x",
        signing_key=bytes(32),
        key_id=f"{i:016x}",
        created=now,
        expires=now,
        raw=b"",
    )
    return Contact(f"c{i}", card, verified, revoked, False, now, now)


def test_sharing_models_pass_the_model_tester(qtmodeltester: ModelTester) -> None:
    contacts = ContactTableModel()
    contacts.set_contacts([_contact(1, verified=True), _contact(2), _contact(3, revoked=True)])
    qtmodeltester.check(contacts)
    assert contacts.index(2, 3).data() == "Revoked"

    checks = CheckListModel()
    checks.set_items(
        [
            CheckItem("a", "Uno", checked=True),
            CheckItem("b", "Dos"),
            CheckItem("c", "Tres", enabled=False),
        ]
    )
    qtmodeltester.check(checks)
    checks.set_checked("b", True)
    checks.set_checked("c", True)  # disabled: stays unchecked
    assert checks.checked_ids() == ["a", "b"]

    log = BundleLogModel("out")
    now = datetime(2026, 3, 1, tzinfo=UTC)
    log.set_items(
        [BundleLogItem("b1", "out", "journal", now, ("c1",), ("e1", "e2"), False)],
        {"c1": "Persona 1"},
        "you",
    )
    qtmodeltester.check(log)
    assert log.index(0, 1).data() == "Persona 1"


def mnemonics(root: QWidget) -> list[str]:
    """The Alt+letter keys of what is on screen (buttons, labels with a buddy, menus)."""
    texts = []
    if isinstance(root, QMainWindow):
        texts += [a.text() for a in root.menuBar().actions()]
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or isinstance(widget.parentWidget(), QToolBar):
            continue
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            texts.append(widget.text())
    keys = []
    for text in texts:
        found = re.search(r"&(\w)", text.replace("&&", ""))
        if found:
            keys.append(found.group(1).casefold())
    return keys


@pytest.mark.parametrize("language", ["en", "es"])
def test_sharing_screens_have_unique_mnemonics(
    qtbot: QtBot, ctx: AppContext, unlocked: Vault, language: str
) -> None:
    ctx.translations.set_language(language)
    window = MainWindow(ctx, unlocked)
    qtbot.addWidget(window)
    window.resize(1360, 860)
    window.show()
    problems: dict[str, list[str]] = {}

    def check(name: str, widget: QWidget) -> None:
        keys = mnemonics(widget)
        repeated = sorted({k for k in keys if keys.count(k) > 1})
        if repeated:
            problems[name] = repeated

    walk_sharing(qtbot, ctx, window, unlocked, check)
    window.prepare_to_close()
    assert problems == {}


def test_revoked_contacts_cannot_be_chosen_and_unverified_ones_warn(
    qtbot: QtBot,
    two: tuple[AppContext, Vault, AppContext, Vault],
    make_ctx: Callable[..., AppContext],
    tmp_path: Path,
) -> None:
    sctx, student, _mctx, mentor = two
    rosa = student.contacts.import_card(mentor.identity.card()).contact
    other_ctx = make_ctx(data_dir=tmp_path / "other")
    other = mentor_vault(other_ctx, "Pedro Soto")
    pedro = student.contacts.import_card(other.identity.card()).contact
    assert rosa is not None and pedro is not None
    student.contacts.revoke(pedro.id)
    wizard = ExportWizard(sctx, student, [student.entries.list()[0].id])
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    model = wizard.recipients_page.model
    rows = {model.index(r).data(Qt.ItemDataRole.UserRole + 1): r for r in range(model.rowCount())}
    revoked = model.index(rows[pedro.id])
    assert not (model.flags(revoked) & Qt.ItemFlag.ItemIsEnabled)
    assert "Revoked" in revoked.data()
    model.set_checked(pedro.id, True)
    assert model.checked_ids() == [] and not wizard.recipients_page.isComplete()
    assert "Camila Pérez (you): always included" in wizard.recipients_page.me.text()
    model.set_checked(rosa.id, True)
    assert wizard.recipients_page.warning.isVisible()
    assert "Rosa Díaz" in wizard.recipients_page.warning.text()
    wizard.reject()

    # A bundle for someone else is refused with the core's message.
    out = tmp_path / "out"
    out.mkdir()
    result = student.bundles.export(
        ExportRequest(recipients=(rosa.id,), entry_ids=(student.entries.list()[0].id,)), out
    )
    other.contacts.import_card(student.identity.card())
    dialog = ImportDialog(other_ctx, other, result.path)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.start()
    qtbot.waitUntil(lambda: dialog.error_box is not None, timeout=10_000)
    assert dialog.error_box is not None and "not encrypted to your key" in dialog.error_box.text()
    dialog.error_box.close()
    assert other.bundles.log() == []
    other_ctx.runner.wait(5000)
    other.close()


def test_the_import_dialog_imports_what_it_previewed(
    qtbot: QtBot, two: tuple[AppContext, Vault, AppContext, Vault], tmp_path: Path
) -> None:
    _sctx, student, mctx, mentor = two
    rosa = student.contacts.import_card(mentor.identity.card()).contact
    assert rosa is not None
    camila = mentor.contacts.import_card(student.identity.card()).contact
    assert camila is not None
    first, second = (s.id for s in student.entries.list()[:2])
    here = mentor.bundles.received_entry_id(camila.id, first)  # the mentor's id for it
    out = tmp_path / "out"
    out.mkdir()
    paths = [
        student.bundles.export(ExportRequest(recipients=(rosa.id,), entry_ids=(e,)), out).path
        for e in (first, second)
    ]
    synced = tmp_path / "synced" / "de-camila.rdbundle"
    synced.parent.mkdir()
    shutil.copyfile(paths[0], synced)
    dialog = ImportDialog(mctx, mentor, synced)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.start()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    assert [e.entry_id for e in dialog.preview.entries] == [here]  # type: ignore[union-attr]
    shutil.copyfile(paths[1], synced)  # swapped while the preview is on screen
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.result_ is not None, timeout=10_000)
    assert dialog.result_ is not None and dialog.result_.entries_new == (here,)
    assert "The file changed on disk after you opened it" in dialog.done_text.text()
    assert {s.id for s in mentor.entries.list()} == {here}
    dialog.accept()
    assert dialog.prepared is None  # the decrypted bundle is not kept
