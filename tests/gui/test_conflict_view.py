"""The conflict view: a student's entry changed on two computers, shown side by side
section by section from the editor's banner, resolved by choosing or writing, saved
through the writer queue as one merge revision; a mentor sees both versions of an
unmerged received entry, labelled and read-only."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reflectdesk.crypto.kdf import KdfParams
from reflectdesk.domain.merge import TITLE, section_field
from reflectdesk.domain.model import EntryContent, ExportRequest, Role
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.conflict_view import ConflictDialog, FieldChoice
from reflectdesk.gui.main_window import MainWindow
from reflectdesk.services.vault import NewProfile, Vault
from reflectdesk.storage.database import DB_NAME
from tests.gui.conftest import PASSPHRASE, create_vault
from tests.gui.helpers import clipped_texts, unnamed_controls
from tests.services.bundle_helpers import exchange_cards

BASE = EntryContent(
    title="Reunión con la profesora guía",
    sections={
        "description": "Revisamos la planificación de la unidad.",
        "feelings": "Me sentí escuchada.",
        "analysis": "Falta diferenciar para tres estudiantes.",
    },
    tags=("planificación",),
    event_date=date(2026, 3, 20),
    template_id="gibbs",
)


@dataclass
class Forked:
    home: Vault
    laptop: Vault
    mentor: Vault
    entry_id: str
    to_home: Path  # the laptop's bundle, for home and the mentor
    from_home: Path  # home's bundle, for the mentor


def second_computer(vault: Vault, source: Path, target: Path) -> Vault:
    """A copy of ``vault`` (same keys): the same student's laptop."""
    vault._unlocked().db.checkpoint()
    target.mkdir(mode=0o700)
    for name in ("vault.rdh", DB_NAME):
        shutil.copy2(source / name, target / name)
    copy = Vault.open(target)
    copy.unlock(PASSPHRASE)
    return copy


def fork(ctx: AppContext, tmp_path: Path) -> Forked:
    """One entry written at home, copied to a laptop, changed on both: a clash in
    ``feelings``, the title changed at home only, ``analysis`` on the laptop only."""
    home, _key = create_vault(ctx)
    mentor, _ = Vault.create(
        tmp_path / "mentor",
        PASSPHRASE,
        NewProfile("Rosa Díaz", Role.MENTOR, "es"),
        kdf_params=KdfParams.insecure_for_tests(),
    )
    to_mentor, _ = exchange_cards(home, mentor)
    journal = home.journals.create("Práctica profesional")
    entry = home.entries.add(journal.id, BASE)
    laptop = second_computer(home, ctx.vault_dir, tmp_path / "laptop")
    sections = dict(BASE.sections)
    home.entries.edit(
        entry.id,
        replace(
            BASE,
            title="Reunión con la profesora guía (jueves)",
            sections={**sections, "feelings": "En casa: me sentí escuchada y con dudas."},
        ),
    )
    laptop.entries.edit(
        entry.id,
        replace(
            BASE,
            sections={
                **sections,
                "feelings": "En el portátil: me sentí apoyada.",
                "analysis": "Falta diferenciar para tres estudiantes con PIE.",
            },
        ),
    )
    request = ExportRequest(recipients=(to_mentor,), entry_ids=(entry.id,), history=True)
    out = tmp_path / "out"
    out.mkdir()
    to_home = laptop.exports.export(request, out).path
    from_home = home.exports.export(request, out).path
    return Forked(home, laptop, mentor, entry.id, to_home, from_home)


@pytest.fixture
def forked(ctx: AppContext, tmp_path: Path) -> Iterator[Forked]:
    f = fork(ctx, tmp_path)
    yield f
    f.laptop.close()
    f.mentor.close()


def test_the_author_resolves_two_computers_side_by_side(
    qtbot: QtBot, ctx: AppContext, forked: Forked
) -> None:
    home = forked.home
    result = home.imports.import_bundle(forked.to_home)
    assert result.conflicted == (forked.entry_id,)
    window = MainWindow(ctx, home)
    qtbot.addWidget(window)
    window.show()
    editor = window.editor
    editor.open_entry(home.entries.get(forked.entry_id))
    qtbot.waitUntil(editor.conflict_banner.isVisible, timeout=5_000)
    assert "Two versions" in editor.conflict_banner.text.text()
    editor.conflict_banner.button.click()
    qtbot.waitUntil(lambda: editor.conflict_dialog is not None, timeout=10_000)
    dialog = editor.conflict_dialog
    assert isinstance(dialog, ConflictDialog)
    qtbot.waitUntil(lambda: bool(dialog.choices), timeout=10_000)
    # Only the clash is asked; the title (home) and analysis (laptop) merge by themselves.
    (choice,) = dialog.choices
    assert choice.conflict.field == section_field("feelings")
    assert choice.title() == "Thoughts and feelings"  # the prompt, not its key
    heads = [t.toPlainText() for t in choice.texts]
    assert sorted(heads) == [
        "En casa: me sentí escuchada y con dudas.",
        "En el portátil: me sentí apoyada.",
    ]
    labels = " ".join(lbl.text() for lbl in choice.findChildren(type(dialog.intro)))
    assert "This computer" in labels and "Another computer" in labels
    assert dialog.note.text().endswith(": Title, Analysis")
    assert not dialog.save_button.isEnabled()  # nothing chosen yet
    assert choice.own_radio is not None and choice.own_text is not None
    choice.own_radio.click()
    choice.own_text.setPlainText("Me sentí escuchada, apoyada y con dudas.")
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.resolved, timeout=10_000):
        dialog.save_button.click()
    ctx.runner.wait(10_000)
    entry = home.entries.get(forked.entry_id)
    assert len(entry.head.parent_ids) == 2
    assert entry.content.sections["feelings"] == "Me sentí escuchada, apoyada y con dudas."
    assert entry.content.title == "Reunión con la profesora guía (jueves)"
    assert entry.content.sections["analysis"].endswith("con PIE.")
    assert not home.entries.has_conflict(forked.entry_id)
    qtbot.waitUntil(lambda: not editor.conflict_banner.isVisible(), timeout=5_000)
    assert editor.title.text() == "Reunión con la profesora guía (jueves)"
    window.close()
    ctx.runner.wait(10_000)
    home.close()


def test_choosing_a_side_per_field(qtbot: QtBot, ctx: AppContext, forked: Forked) -> None:
    home = forked.home
    home.imports.import_bundle(forked.to_home)
    dialog = ConflictDialog(ctx, home, forked.entry_id, lambda key: key)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: bool(dialog.choices), timeout=10_000)
    (choice,) = dialog.choices
    laptop_side = next(i for i, t in enumerate(choice.texts) if "portátil" in t.toPlainText())
    choice.radios[laptop_side].click()
    with qtbot.waitSignal(dialog.resolved, timeout=10_000):
        dialog.save()
    ctx.runner.wait(10_000)
    content = home.entries.get(forked.entry_id).content
    assert content.sections["feelings"] == "En el portátil: me sentí apoyada."
    home.close()


def test_a_mentor_sees_both_versions_labelled_and_read_only(
    qtbot: QtBot, ctx: AppContext, forked: Forked
) -> None:
    mentor = forked.mentor
    mentor.imports.import_bundle(forked.from_home, confirm_unknown_sender=True)
    mentor.imports.import_bundle(forked.to_home)
    (summary,) = mentor.entries.list()
    assert mentor.entries.has_conflict(summary.id)
    dialog = ConflictDialog(ctx, mentor, summary.id, lambda key: key)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: bool(dialog.choices), timeout=10_000)
    fields = {c.conflict.field for c in dialog.choices}
    assert fields == {TITLE, section_field("feelings"), section_field("analysis")}
    assert all(not c.radios and c.own_radio is None for c in dialog.choices)
    assert not dialog.save_button.isVisible()
    assert all(t.isReadOnly() for c in dialog.choices for t in c.texts)
    labels = " ".join(lbl.text() for lbl in dialog.findChildren(type(dialog.intro)))
    assert "Version 1 by its author" in labels and "Version 2 by its author" in labels
    assert "only the author can merge" in dialog.intro.text()
    named = ConflictDialog(ctx, mentor, summary.id, lambda key: key, author="Camila Pérez")
    qtbot.addWidget(named)
    named.show()
    qtbot.waitUntil(lambda: bool(named.choices), timeout=10_000)
    labels = " ".join(lbl.text() for lbl in named.findChildren(type(named.intro)))
    assert "Version 2 by Camila Pérez" in labels
    forked.home.close()


def test_field_choice_without_a_choice_is_none(qtbot: QtBot) -> None:
    from reflectdesk.domain.merge import FieldConflict

    box = FieldChoice(FieldConflict(TITLE, "a", ("b", "c")), "Title", ["L", "R"], own=True)
    qtbot.addWidget(box)
    assert box.choice() is None
    box.radios[1].click()
    assert box.choice() == 1


@pytest.mark.parametrize("language", ["es", "en"])
def test_every_control_is_named_and_nothing_is_clipped(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], tmp_path: Path, language: str
) -> None:
    ctx = make_ctx(language)
    forked = fork(ctx, tmp_path)
    try:
        forked.home.imports.import_bundle(forked.to_home)
        dialog = ConflictDialog(ctx, forked.home, forked.entry_id, lambda key: key)
        qtbot.addWidget(dialog)
        dialog.resize(1000, 560)  # a 1024 x 600 screen
        dialog.show()
        qtbot.waitUntil(lambda: bool(dialog.choices), timeout=10_000)
        qtbot.wait(50)
        assert unnamed_controls(dialog) == []
        assert clipped_texts(dialog) == []
        if language == "es":
            assert "Conservar esta versión" in dialog.choices[0].radios[0].text()
            assert "Este computador" in " ".join(
                lbl.text() for lbl in dialog.findChildren(type(dialog.intro))
            )
    finally:
        for vault in (forked.home, forked.laptop, forked.mentor):
            vault.close()


def test_an_import_that_forks_the_open_entry_shows_the_banner_at_once(
    qtbot: QtBot, ctx: AppContext, forked: Forked
) -> None:
    home = forked.home
    window = MainWindow(ctx, home)
    qtbot.addWidget(window)
    window.show()
    window.open_entry(forked.entry_id)
    before = window.editor.entry
    assert before is not None and not window.editor.conflict_banner.isVisible()
    home.imports.import_bundle(forked.to_home)  # a sync from the laptop, say
    qtbot.waitUntil(window.editor.conflict_banner.isVisible, timeout=10_000)
    assert window.editor.entry is not None
    assert window.editor.entry.head.id == home.entries.get(forked.entry_id).head.id
    window.close()
    ctx.runner.wait(10_000)
    home.close()


def test_typing_while_a_sync_lands_keeps_both_computers_words(
    qtbot: QtBot, ctx: AppContext, forked: Forked
) -> None:
    """The editor is dirty when the laptop's change is imported: its save is merged with
    it (never written over it) and the editor then shows the merge."""
    ctx.autosave_ms = 60_000  # only the explicit flush saves
    home = forked.home
    window = MainWindow(ctx, home)
    qtbot.addWidget(window)
    window.show()
    window.open_entry(forked.entry_id)
    editor = window.editor
    field = editor.field("description")
    assert field is not None and field.edit is not None
    field.edit.setPlainText("Revisamos la planificación de la unidad de fracciones.")
    assert editor.saver.pending
    home.imports.import_bundle(forked.to_home)  # the laptop's "analysis" and "feelings"
    editor.flush()
    ctx.runner.wait(10_000)
    qtbot.waitUntil(lambda: not editor.saver.pending, timeout=10_000)
    content = home.entries.get(forked.entry_id).content
    assert content.sections["description"].endswith("de fracciones.")  # typed here
    # "feelings" changed on both computers: two versions, the editor's shown; the rest
    # merges by itself when she resolves.
    seen = home.entries.conflict(forked.entry_id)
    assert [c.field for c in seen.merged.conflicts] == [section_field("feelings")]
    merged = seen.merged.content.sections
    assert merged["description"].endswith("de fracciones.")
    assert merged["analysis"].endswith("con PIE.")  # the laptop's
    qtbot.waitUntil(editor.conflict_banner.isVisible, timeout=5_000)
    window.close()
    ctx.runner.wait(10_000)
    home.close()


def test_an_import_under_a_dirty_editor_is_merged_and_shown(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    """Before, the editor's next save wrote its older text over a fast-forward that an
    import had made meanwhile; now the save is merged with it and the editor shows both."""
    ctx.autosave_ms = 60_000
    home, _key = create_vault(ctx)
    journal = home.journals.create("Práctica profesional")
    entry = home.entries.add(journal.id, BASE)
    laptop = second_computer(home, ctx.vault_dir, tmp_path / "laptop")
    sections = dict(BASE.sections)
    laptop.entries.edit(entry.id, replace(BASE, sections={**sections, "analysis": "Del portátil."}))
    out = tmp_path / "out"
    out.mkdir()
    request = ExportRequest(recipients=(), entry_ids=(entry.id,), history=True)
    bundle = laptop.exports.export(request, out).path
    laptop.close()
    window = MainWindow(ctx, home)
    qtbot.addWidget(window)
    window.show()
    window.open_entry(entry.id)
    editor = window.editor
    field = editor.field("description")
    assert field is not None and field.edit is not None
    field.edit.setPlainText("Escrito en casa mientras llegaba la sincronización.")
    home.imports.import_bundle(bundle)  # a fast-forward under the open editor
    editor.flush()
    ctx.runner.wait(10_000)
    analysis = editor.field("analysis")
    assert analysis is not None and analysis.edit is not None
    qtbot.waitUntil(lambda: analysis.edit.toPlainText() == "Del portátil.", timeout=10_000)
    content = home.entries.get(entry.id).content
    assert content.sections["analysis"] == "Del portátil."
    assert content.sections["description"].startswith("Escrito en casa")
    assert not home.entries.has_conflict(entry.id)
    window.close()
    ctx.runner.wait(10_000)
    home.close()


def test_the_reading_view_shows_a_received_entry_has_two_versions(
    qtbot: QtBot, ctx: AppContext, forked: Forked
) -> None:
    """A mentor opens the student's unmerged entry from her list: the reading view says
    so and opens both versions side by side, labelled with the author's name."""
    mentor = forked.mentor
    mentor.imports.import_bundle(forked.from_home, confirm_unknown_sender=True)
    window = MainWindow(ctx, mentor)
    qtbot.addWidget(window)
    window.show()
    (summary,) = mentor.entries.list()
    window.open_entry(summary.id)
    reader = window.reader
    assert reader is not None and window.editor_stack.currentWidget() is reader
    assert not reader.conflict_banner.isVisible()  # one version so far
    mentor.imports.import_bundle(forked.to_home)  # the laptop's: a second head
    qtbot.waitUntil(reader.conflict_banner.isVisible, timeout=5_000)  # the open entry follows
    assert "its author has not merged" in reader.conflict_banner.text.text()
    reader.conflict_banner.button.click()
    dialog = reader.conflict_dialog
    assert isinstance(dialog, ConflictDialog)
    qtbot.waitUntil(lambda: bool(dialog.choices), timeout=10_000)
    labels = " ".join(lbl.text() for lbl in dialog.findChildren(type(dialog.intro)))
    assert "Version 1 by Camila Pérez" in labels
    assert not dialog.save_button.isVisible()
    dialog.close()
    reader.clear()
    assert not reader.conflict_banner.isVisible()
    window.close()
    ctx.runner.wait(10_000)
    forked.home.close()
