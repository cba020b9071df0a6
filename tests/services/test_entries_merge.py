"""The merge engine through real vaults and real bundles: one student on two computers
(two copies of her vault, the same keys), her mentor reading both.

- her own entries merge section by section on import; a section changed on both
  computers keeps both versions, the entry conflicted, never a copy of the entry;
- she resolves the conflict (a side per section, or her own text): one revision with
  both parents, hers;
- any order of the bundles, with duplicates, gives the same state, at her other
  computer and at the mentor's; importing again changes nothing;
- the mentor never gets a revision made in her name: her merge when she made one,
  else both versions, read-only.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflectdesk.domain.merge import TITLE, Origin, section_field
from reflectdesk.domain.model import EntryContent, ExportRequest
from reflectdesk.errors import ConflictChanged, NoConflict, ReadOnlyEntry
from reflectdesk.ids import uuid7
from reflectdesk.services.vault import Vault
from tests.services.bundle_helpers import (
    Pair,
    clone_vault,
    entry_state,
    received,
    table_digest,
)
from tests.support import PASSPHRASE, raw_db

SECTIONS = {"description": "Observé la clase.", "feelings": "Aprendí algo.", "analysis": "Probaré."}


def content(title: str = "Visita", **sections: str) -> EntryContent:
    return EntryContent(
        title=title, sections={**SECTIONS, **sections}, tags=("aula",), template_id="gibbs"
    )


def send(vault: Vault, p: Pair, out: Path, entry_ids: tuple[str, ...]) -> Path:
    out.mkdir(exist_ok=True)
    request = ExportRequest(recipients=(p.mentor_at_student,), entry_ids=entry_ids, history=True)
    return vault.exports.export(request, out).path


@dataclass
class TwoComputers:
    home: Vault  # the student's first computer (pair.student)
    laptop: Vault  # a copy of it: her second computer
    spare_dir: Path  # an untouched copy made before the edits: a third computer
    spare: Vault
    clean: str  # edited on both computers, in different sections
    clash: str  # edited on both computers, in the same section
    bundles: list[Path]
    pair: Pair
    reference: dict[str, object] | None = None  # the state a third computer reaches


@pytest.fixture
def two(pair: Pair, tmp_path: Path) -> Iterator[TwoComputers]:
    s = pair.student
    clean = s.entries.add(pair.journal_id, content()).id
    clash = s.entries.add(pair.journal_id, content("Reunión")).id
    s_dir = Path(s._unlocked().db.path).parent
    laptop = clone_vault(s, s_dir, tmp_path / "laptop")
    spare = clone_vault(s, s_dir, tmp_path / "spare")
    ids = (clean, clash)
    bundles = [send(s, pair, tmp_path / "b0", ids)]
    s.entries.edit(clean, content(description="Observé la clase de 4º."))
    s.entries.edit(clash, content("Reunión", feelings="Casa: aprendí a escuchar."))
    bundles.append(send(s, pair, tmp_path / "b1", ids))
    laptop.entries.edit(clean, content(analysis="Probaré el debate."))
    laptop.entries.edit(clash, content("Reunión", feelings="Portátil: aprendí a preguntar."))
    bundles.append(send(laptop, pair, tmp_path / "b2", ids))
    s.entries.edit(clean, content(description="Observé la clase de 4º B."))
    bundles.append(send(s, pair, tmp_path / "b3", ids))
    yield TwoComputers(s, laptop, tmp_path / "spare", spare, clean, clash, bundles, pair)
    laptop.close()
    spare.close()


def _vault_dir(vault: Vault) -> Path:
    return Path(vault._unlocked().db.path).parent


def test_own_entries_merge_by_section_and_a_clash_keeps_both_versions(two: TwoComputers) -> None:
    home = two.home
    count = home.entries.count()
    result = home.imports.import_bundle(two.bundles[2])  # the laptop's edits
    assert result.conflicted == (two.clash,)
    merged = home.entries.get(two.clean)
    assert merged.content.sections == {
        "description": "Observé la clase de 4º B.",
        "feelings": "Aprendí algo.",
        "analysis": "Probaré el debate.",
    }
    assert len(merged.head.parent_ids) == 2  # a merge revision, both parents
    assert merged.head.author == home._unlocked().author  # hers: she is the author
    assert home.entries.count() == count  # never a copy of the entry
    with pytest.raises(NoConflict):
        home.entries.conflict(two.clean)
    seen = home.entries.conflict(two.clash)
    assert seen.resolvable and len(seen.versions) == 2
    assert {v.origin for v in seen.versions} == {Origin.THIS_COMPUTER, Origin.OTHER_COMPUTER}
    assert [c.field for c in seen.merged.conflicts] == [section_field("feelings")]
    assert {v.content.sections["feelings"] for v in seen.versions} == {
        "Casa: aprendí a escuchar.",
        "Portátil: aprendí a preguntar.",
    }
    conn = raw_db(_vault_dir(home), readonly=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()


def test_a_later_fork_replaces_the_automatic_merge_and_the_vault_still_checks(
    two: TwoComputers, tmp_path: Path
) -> None:
    home = two.home
    home.imports.import_bundle(two.bundles[2])
    first = home.entries.get(two.clean).head
    assert len(first.parent_ids) == 2
    # The laptop goes on from its own version, not having seen the merge.
    two.laptop.entries.edit(two.clean, content(analysis="Probaré el debate en parejas."))
    home.imports.import_bundle(send(two.laptop, two.pair, tmp_path / "b4", (two.clean,)))
    second = home.entries.get(two.clean)
    history = {r.id for r in home.entries.history(two.clean)}
    assert first.id not in history  # superseded: a merge is derived, never authored
    assert second.head.id in history and len(second.head.parent_ids) == 2
    # home's side again, and the laptop's newer revision instead of its older one
    assert len(set(first.parent_ids) & set(second.head.parent_ids)) == 1
    assert second.content.sections["analysis"] == "Probaré el debate en parejas."
    assert second.content.sections["description"] == "Observé la clase de 4º B."
    directory = _vault_dir(home)
    home.close()
    again = Vault.open(directory)
    again.unlock(PASSPHRASE)  # the vault state MAC covers the rows removed and added
    try:
        assert again.entries.get(two.clean).head.id == second.head.id
    finally:
        again.close()


def test_an_editor_behind_an_import_merges_its_edit_never_overwrites(two: TwoComputers) -> None:
    """The editor loaded home's version; a sync brings the laptop's change to another
    section; the editor's next save (its older text plus the new words) keeps both."""
    home = two.home
    loaded = home.entries.get(two.clean)
    home.imports.import_bundle(two.bundles[2])  # the laptop: "analysis" changed
    merged_first = home.entries.get(two.clean).head
    typed = replace(loaded.content, sections={**loaded.content.sections, "feelings": "Nuevo."})
    entry, written = home.entries.edit_from(two.clean, typed, loaded.head.id)
    assert home.entries.revision(two.clean, written).parent_ids == (loaded.head.id,)
    assert entry.content.sections == {
        "description": "Observé la clase de 4º B.",
        "feelings": "Nuevo.",
        "analysis": "Probaré el debate.",  # the laptop's words are kept
    }
    assert written in entry.head.parent_ids and merged_first.id != entry.head.id
    assert merged_first.id not in {r.id for r in home.entries.history(two.clean)}
    # Saving again from the revision it wrote: merged again, nothing lost, no conflict.
    again = replace(typed, sections={**typed.sections, "feelings": "Nuevo y más."})
    entry, written = home.entries.edit_from(two.clean, again, written)
    assert entry.content.sections["analysis"] == "Probaré el debate."
    assert entry.content.sections["feelings"] == "Nuevo y más."
    assert not home.entries.has_conflict(two.clean)
    # The same section changed on both sides: a conflict, the editor's side shown.
    loaded = home.entries.get(two.clash)
    typed = replace(loaded.content, sections={**loaded.content.sections, "feelings": "Mío."})
    entry, written = home.entries.edit_from(two.clash, typed, loaded.head.id)
    assert entry.head.id == written and home.entries.has_conflict(two.clash)
    # Not behind: a plain edit of the head.
    entry, written = home.entries.edit_from(two.clash, replace(typed, title="T"), written)
    assert entry.head.id == written and entry.content.title == "T"


def test_an_entry_under_review_keeps_its_superseded_merge(
    two: TwoComputers, tmp_path: Path
) -> None:
    """A review record may name the automatic merge (the version the mentor read): it is
    kept, as history, when a later fork supersedes it."""
    home = two.home
    home.imports.import_bundle(two.bundles[2])
    first = home.entries.get(two.clean).head
    record = home.review.submit(two.clean)  # "ready for feedback", naming the merge
    assert record.entry.revision_id == first.id
    two.laptop.entries.edit(two.clean, content(analysis="Probaré el debate en parejas."))
    home.imports.import_bundle(send(two.laptop, two.pair, tmp_path / "b4", (two.clean,)))
    second = home.entries.get(two.clean).head
    assert second.id != first.id and len(second.parent_ids) == 2
    assert first.id in {r.id for r in home.entries.history(two.clean)}


def test_the_author_resolves_a_conflict_into_one_merge_revision(two: TwoComputers) -> None:
    home = two.home
    home.imports.import_bundle(two.bundles[2])
    seen = home.entries.conflict(two.clash)
    with pytest.raises(ConflictChanged):
        home.entries.resolve_conflict(two.clash, seen.tips[::-1], {})
    entry = home.entries.resolve_conflict(
        two.clash, seen.tips, {section_field("feelings"): "Aprendí a escuchar y a preguntar."}
    )
    assert set(entry.head.parent_ids) == set(seen.tips)
    assert entry.content.sections["feelings"] == "Aprendí a escuchar y a preguntar."
    assert entry.content.title == "Reunión"
    with pytest.raises(NoConflict):
        home.entries.conflict(two.clash)
    assert home.entries.get(two.clash).head.id == entry.head.id
    state = entry_state(home)[two.clash]
    assert state[2] == 0  # type: ignore[index]  # no longer conflicted
    # The laptop gets the resolution: a fast-forward, nothing left to resolve.
    out = send(home, two.pair, _vault_dir(home).parent / "res", (two.clash,))
    two.laptop.imports.import_bundle(out)
    assert two.laptop.entries.get(two.clash).head.id == entry.head.id


def _orders(bundles: list[Path], n: int) -> list[list[Path]]:
    rnd = random.Random(14)
    out = []
    for _ in range(n):
        order = bundles + rnd.sample(bundles, 2)  # with duplicates
        rnd.shuffle(order)
        out.append(order)
    return out


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(order=st.permutations(range(4)), extra=st.lists(st.integers(0, 3), max_size=3))
def test_any_order_with_duplicates_gives_the_same_state_at_a_third_computer(
    two: TwoComputers, tmp_path: Path, order: list[int], extra: list[int]
) -> None:
    """Hypothesis picks the order and the duplicates; each example imports into a fresh
    copy of the third computer and must end in the state the first one reached."""
    two.spare._unlocked().db.checkpoint()
    reader = clone_vault(two.spare, two.spare_dir, tmp_path / uuid7())
    try:
        for n in [*order, *extra]:
            reader.imports.import_bundle(two.bundles[n])
        state = entry_state(reader)
        digest = table_digest(_vault_dir(reader))
        for path in two.bundles:  # again: nothing changes
            assert reader.imports.import_bundle(path).already_imported
        assert table_digest(_vault_dir(reader)) == digest
        clean = reader.entries.get(two.clean).content.sections
        assert clean["description"] == "Observé la clase de 4º B."
        assert clean["analysis"] == "Probaré el debate."
        assert reader.entries.conflict(two.clash).resolvable
    finally:
        reader.close()
    if two.reference is None:
        two.reference = state
    assert state == two.reference


def test_the_mentor_sees_her_merge_or_both_versions_never_one_made_for_her(
    pair: Pair, two: TwoComputers, tmp_path: Path
) -> None:
    m = pair.mentor
    author = two.home._unlocked().author
    m._unlocked().db.checkpoint()
    states = []
    for n, order in enumerate([two.bundles, *_orders(two.bundles, 2)]):
        reader = clone_vault(m, pair.mentor_dir, tmp_path / f"m{n}")
        try:
            for path in order:
                reader.imports.import_bundle(path)
            states.append(entry_state(reader))
        finally:
            reader.close()
    assert all(s == states[0] for s in states)
    for path in two.bundles:
        m.imports.import_bundle(path)
    clean, clash = received(pair, two.clean), received(pair, two.clash)
    sent = {r.id for e in (clean, clash) for r in m.entries.history(e)}
    assert all(r.author == author for e in (clean, clash) for r in m.entries.history(e))
    for entry_id in (clean, clash):  # she has not merged yet: both versions, read-only
        seen = m.entries.conflict(entry_id)
        assert not seen.resolvable and {v.origin for v in seen.versions} == {Origin.AUTHOR}
        with pytest.raises(ReadOnlyEntry):
            m.entries.resolve_conflict(entry_id, seen.tips, {})
    assert states[0][clean][2] == 1  # type: ignore[index]
    # She merges at home (automatically and by hand) and sends it: her merge is the head.
    home = two.home
    home.imports.import_bundle(two.bundles[2])
    seen = home.entries.conflict(two.clash)
    home.entries.resolve_conflict(two.clash, seen.tips, {section_field("feelings"): 1})
    m.imports.import_bundle(send(home, pair, tmp_path / "after", (two.clean, two.clash)))
    for entry_id, own_id in ((clean, two.clean), (clash, two.clash)):
        with pytest.raises(NoConflict):
            m.entries.conflict(entry_id)
        assert m.entries.get(entry_id).content == home.entries.get(own_id).content
    assert sent < {r.id for e in (clean, clash) for r in m.entries.history(e)}
    assert TITLE  # the field names are the service's vocabulary
