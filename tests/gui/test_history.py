"""History labels (issue 16.6): what each revision changed, and which way the
comparison reads."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from reflectdesk.domain.model import EntryContent
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.history import HistoryDialog, changed_parts
from reflectdesk.services.vault import Vault


def test_changed_parts_counts_sections_and_the_rest() -> None:
    old = EntryContent(title="a", sections={"x": "1", "y": "2"}, tags=("t",))
    assert changed_parts(old, old) == 0
    new = EntryContent(title="b", sections={"x": "1", "y": "3", "z": "4"}, tags=("t", "u"))
    assert changed_parts(old, new) == 4  # title, y, z, tags


def test_revisions_say_what_changed_and_the_diff_its_direction(
    qtbot: QtBot, ctx: AppContext, unlocked: Vault
) -> None:
    ctx.translations.set_language("en")
    journal = unlocked.journals.list()[0].id
    entry = unlocked.entries.add(journal, EntryContent(title="Uno", sections={"body": "a"}))
    unlocked.entries.edit(entry.id, EntryContent(title="Uno", sections={"body": "b"}))
    third = EntryContent(title="Dos", sections={"body": "c"}, tags=("nuevo",))
    unlocked.entries.edit(entry.id, third)
    dialog = HistoryDialog(ctx, unlocked, entry.id, lambda key: key)
    qtbot.addWidget(dialog)
    labels = [dialog.model_.index(r).data() for r in range(dialog.model_.rowCount())]
    assert labels[0].startswith("Revision 3") and labels[0].endswith("3 parts changed")
    assert labels[1].endswith("1 part changed")
    assert labels[2].endswith("first version")
    assert dialog.direction.text().startswith("From revision 2 to revision 3")
    dialog.list.setCurrentIndex(dialog.model_.index(1))  # the comparison follows
    assert dialog.direction.text().startswith("From revision 1 to revision 2")
    ctx.translations.set_language("es")
    dialog.retranslate_ui()
    dialog.show_diff()
    assert dialog.direction.text().startswith("De la revisión 1 a la revisión 2")
