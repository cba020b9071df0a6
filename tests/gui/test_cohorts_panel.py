"""Cohorts on the contacts page (issue 14, point 4): new, add and remove the selected
contact, rename, delete; writes on the writer queue."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.contacts_page import ContactsPage
from reflectdesk.services.vault import Vault
from tests.services.batch_helpers import add_contacts, make_students


def test_cohorts_by_hand_on_the_contacts_page(
    qtbot: QtBot, ctx: AppContext, unlocked: Vault
) -> None:
    students = make_students(3)
    ids = add_contacts(unlocked, students, verify=False)
    page = ContactsPage(unlocked, runner=ctx.runner)
    qtbot.addWidget(page)
    page.show()
    panel = page.cohorts
    assert panel.list.count() == 0 and "No cohorts yet" in panel.members.text()
    assert not panel.rename_button.isEnabled() and not panel.add_button.isEnabled()

    def after(action: object) -> None:
        with qtbot.waitSignal(panel.changed, timeout=10_000):
            action()  # type: ignore[operator]

    after(lambda: panel.ask_new("Práctica II — Sección 2"))
    assert panel.list.count() == 1
    assert panel.list.item(0).text() == "Práctica II — Sección 2 (0)"
    page.select_contact(ids[1])
    assert panel.add_button.isEnabled() and not panel.remove_button.isEnabled()
    after(panel.add_button.click)
    assert panel.list.item(0).text().endswith("(1)")
    assert students[1].name in panel.members.text()
    assert panel.remove_button.isEnabled() and not panel.add_button.isEnabled()
    after(panel.remove_button.click)
    assert unlocked.cohorts.list()[0].member_ids == ()
    after(lambda: panel.ask_rename("Sección 3"))
    assert panel.list.item(0).text() == "Sección 3 (0)"
    after(panel.delete_button.click)
    assert panel.list.count() == 0 and unlocked.cohorts.list() == []
