"""History labels (issue 16.6): what each revision is, when its editing session wrote
it and what it changed; the comparison follows the selection and says its direction."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from pytestqt.qtbot import QtBot

from reflectdesk.domain.model import EntryContent
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.history import HistoryDialog, show_span, what_changed
from reflectdesk.services.vault import Vault

ALACT3 = {"action": "uno", "looking-back": "dos", "teacher-do": "tres"}


def test_what_changed_counts_sections_and_names_the_rest() -> None:
    old = EntryContent(title="a", sections={"x": "1", "y": "2"}, tags=("t",))
    assert what_changed(old, old) == (0, [])
    new = EntryContent(title="b", sections={"x": "1", "y": "3", "z": "4"}, tags=("t", "u"))
    assert what_changed(old, new) == (2, ["title", "tags"])  # y, z


def test_a_span_shows_the_day_only_when_not_today(ctx: AppContext) -> None:
    start = datetime(2026, 12, 3, 14, 2, 30).astimezone()
    end = datetime(2026, 12, 3, 14, 9, 5).astimezone()
    today = date(2026, 12, 3)
    ctx.translations.set_language("en")
    assert show_span(start, end, today) == "14:02–14:09"
    assert show_span(start, end, date(2026, 12, 4)) == "3 Dec 2026, 14:02–14:09"
    assert show_span(None, end, today) == "14:09"  # no session start sealed (the CLI)
    assert show_span(end - timedelta(seconds=4), end, today) == "14:09"  # one minute
    next_day = datetime(2026, 12, 4, 0, 5).astimezone()
    assert show_span(start, next_day, date(2026, 12, 4)) == "3 Dec 2026, 14:02–00:05"
    ctx.translations.set_language("es")
    assert show_span(start, end, date(2026, 12, 4)) == "3 dic 2026, 14:02–14:09"


def test_revisions_are_labelled_by_session_and_change_in_both_languages(
    qtbot: QtBot, ctx: AppContext, unlocked: Vault
) -> None:
    ctx.translations.set_language("en")
    journal = unlocked.journals.list()[0].id
    started = datetime.now().astimezone() - timedelta(minutes=7)
    entry = unlocked.entries.add(
        journal,
        EntryContent(
            title="Uno", sections={"action": "1", "looking-back": "2"}, template_id="alact"
        ),
        started=started,
    )
    second, base = unlocked.entries.edit_from(
        entry.id,
        EntryContent(title="Uno", sections=ALACT3, template_id="alact"),
        entry.head.id,
        started=started,
    )
    third, _ = unlocked.entries.edit_from(
        second.id,
        EntryContent(title="Dos", sections=ALACT3, tags=("t",), template_id="alact"),
        base,
    )  # no session start: as the CLI writes
    dialog = HistoryDialog(ctx, unlocked, entry.id, lambda key: key)
    qtbot.addWidget(dialog)
    model = dialog.model_
    revs = [model.revision(r) for r in range(model.rowCount())]
    newest, middle, first = revs  # type: ignore[misc]
    assert newest is not None and middle is not None and first is not None
    today = newest.created_at.astimezone().date()
    span = show_span(started, middle.created_at, today)
    assert "–" in span or started.minute == middle.created_at.astimezone().minute
    assert model.label(first, today).startswith("First version · ")
    assert model.label(middle, today) == f"Edited {span} · 3 sections changed"
    assert model.label(newest, today) == (
        f"Edited {show_span(None, newest.created_at, today)} · changed: title, tags"
    )
    # The list shows it on two lines, the comparison's drop-down on one.
    assert model.index(1).data() == f"Edited {span}\n3 sections changed"
    assert dialog.compare.itemText(1) == model.label(middle)
    assert model.index(1).data(3) == "Revision 2: Uno"  # the tooltip keeps the number
    # The comparison: the newest with the one before it, older first.
    assert dialog.direction.text() == (
        f"From “{model.when(middle)}” to “{model.when(newest)}”: "
        "struck out was removed, marked was added."
    )
    dialog.list.setCurrentIndex(model.index(1))  # the comparison follows the selection
    assert dialog.compared_revision() == first
    assert dialog.direction.text().startswith(f"From “{model.when(first)}” to “Edited ")
    dialog.list.setCurrentIndex(model.index(2))  # the oldest: with the one after it
    assert dialog.compared_revision() == middle
    assert dialog.direction.text().startswith(f"From “{model.when(first)}” to “Edited ")
    ctx.translations.set_language("es")
    dialog.retranslate_ui()
    dialog.show_diff()
    assert model.label(middle, today) == f"Editada {span} · 3 secciones cambiadas"
    assert model.label(newest, today).endswith(" · cambios: título, etiquetas")
    assert model.label(first, today).startswith("Primera versión · ")
    assert dialog.direction.text().startswith("De «Primera versión · ")
    one = EntryContent(
        title="Dos", sections={**ALACT3, "teacher-do": "3"}, tags=("t",), template_id="alact"
    )
    fourth, _ = unlocked.entries.edit_from(entry.id, one, third.head.id)
    dialog.reload()
    assert model.label(fourth.head, today).endswith(" · 1 sección cambiada")


def test_the_session_label_survives_a_restart(
    qtbot: QtBot, ctx: AppContext, unlocked: Vault
) -> None:
    from tests.gui.conftest import PASSPHRASE

    ctx.translations.set_language("en")
    journal = unlocked.journals.list()[0].id
    started = datetime.now().astimezone() - timedelta(minutes=12)
    entry = unlocked.entries.add(journal, EntryContent(title="Uno"), started=started)
    today = entry.created_at.astimezone().date()
    before = HistoryDialog(ctx, unlocked, entry.id, lambda key: key)
    qtbot.addWidget(before)
    first = before.model_.revision(0)
    assert first is not None
    label = before.model_.label(first, today)
    assert label == f"First version · {show_span(started, entry.created_at, today)}"
    assert "–" in label
    before.close()
    unlocked.lock()
    unlocked.unlock(PASSPHRASE)  # read back from the sealed revision
    after = HistoryDialog(ctx, unlocked, entry.id, lambda key: key)
    qtbot.addWidget(after)
    again = after.model_.revision(0)
    assert again is not None and after.model_.label(again, today) == label
