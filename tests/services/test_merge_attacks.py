"""The merge engine attacked (issue 14, point 2): real vaults, real bundles.

- an automatic merge already SENT (the mentor read it, may comment on it) must not be
  removed as "superseded": the mentor's comment would name a version nobody holds;
- a bundle of someone else's never merges into your own entry.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reflectdesk.bundles.manifest import entry_path
from reflectdesk.errors import BundleRevisionAuthorMismatch
from reflectdesk.services.vault import Vault
from tests.services.bundle_helpers import Pair, craft, entry_file, rid, table_digest
from tests.services.test_entries_merge import TwoComputers, content, send
from tests.services.test_entries_merge import two as two  # the fixture


def test_a_sent_automatic_merge_is_not_removed_when_superseded(
    pair: Pair, two: TwoComputers, tmp_path: Path
) -> None:
    home, m = two.home, pair.mentor
    home.imports.import_bundle(two.bundles[2])
    first = home.entries.get(two.clean).head
    assert len(first.parent_ids) == 2  # the automatic merge, dangling
    # She sends it to her mentor: the mentor reads the merged version.
    m.imports.import_bundle(send(home, pair, tmp_path / "to-mentor", (two.clean,)))
    # The laptop goes on from its own side; home imports it: the merge is superseded.
    two.laptop.entries.edit(two.clean, content(analysis="Probaré el debate en parejas."))
    home.imports.import_bundle(send(two.laptop, pair, tmp_path / "b4", (two.clean,)))
    assert first.id in {r.id for r in home.entries.history(two.clean)}, (
        "the merge the mentor holds was removed"
    )
    # The mentor comments on the version she read; it reaches the student.
    at_mentor = m.imports.received_entry_id(pair.student_at_mentor, two.clean)
    m.review.add_comment(at_mentor, "analysis", "¿Por qué?", quote="debate")
    (fb,) = m.exports.export_feedback([pair.student_at_mentor], tmp_path)
    home.imports.import_bundle(fb.path)
    state = home.review.state(two.clean)
    assert state.pending == 0 and len(state.threads) == 1  # shown, not waiting for ever
    assert home.entries.get(two.clean).head.id != first.id  # history, not the head again


def test_the_mentor_cannot_fork_your_entry_into_an_automatic_merge(
    pair: Pair, two: TwoComputers, tmp_path: Path
) -> None:
    """The mentor holds the student's entry id and head revision id (she was sent them)
    and signs, with her own real key, a bundle whose entry has that id and a revision
    built on the student's head (claiming the student as author: refused; as herself:
    stored as hers). Never a revision of the student's own entry, never merged."""
    home, m = two.home, pair.mentor
    before = home.entries.get(two.clean)
    held = {r.id for r in home.entries.history(two.clean)}
    mentor_key = m.identity.public().key_id_hex

    def forged(author: str) -> Path:
        doc = entry_file(
            two.clean,
            [(before.head.id, before.head.seq, [], "x"), (rid(7), before.head.seq + 1,
              [before.head.id], "Texto de la mentora")],
            pair.journal_id,
            author=author,
        )  # fmt: skip
        path = tmp_path / f"forged-{author[:8]}.rdbundle"
        path.write_bytes(craft(m, [home.identity.public()], {entry_path(two.clean): doc}))
        return path

    digest = table_digest(_dir(home))
    with pytest.raises(BundleRevisionAuthorMismatch):
        home.imports.import_bundle(forged(home._unlocked().author))
    assert table_digest(_dir(home)) == digest
    home.imports.import_bundle(forged(mentor_key))
    after = home.entries.get(two.clean)
    assert after.head.id == before.head.id and after.content == before.content
    assert {r.id for r in home.entries.history(two.clean)} == held
    assert not home.entries.has_conflict(two.clean)
    # What she sent is hers: in her received journal, under another id, signed by her.
    theirs = home.imports.received_entry_id(pair.mentor_at_student, two.clean)
    assert theirs != two.clean
    assert {r.author for r in home.entries.history(theirs)} == {mentor_key}


def _dir(vault: Vault) -> Path:
    return Path(vault._unlocked().db.path).parent
