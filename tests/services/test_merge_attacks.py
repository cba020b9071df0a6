"""The merge engine attacked (issue 14, point 2): real vaults, real bundles.

- an automatic merge already SENT (the mentor read it, may comment on it) must not be
  removed as "superseded": the mentor's comment would name a version nobody holds;
- a bundle of someone else's never merges into your own entry.
"""

from __future__ import annotations

from pathlib import Path

from tests.services.bundle_helpers import Pair
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
