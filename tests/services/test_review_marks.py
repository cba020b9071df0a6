"""What the reader last read (services/review_marks.py): new, updated since, read; kept
sealed in the vault across a lock."""

from __future__ import annotations

from reflectdesk.domain.model import EntryContent
from reflectdesk.services.review_marks import ReadState
from reflectdesk.services.vault import Vault
from tests.services.review_helpers import TEXT, Triad
from tests.support import PASSPHRASE, raw_db


def test_new_then_read_then_updated_and_kept_across_a_lock(triad: Triad) -> None:
    t = triad
    t.send_entries(("mentor",))
    at = t.at("mentor")
    review = t.mentor.review
    assert review.read_mark(at) is None
    assert review.read_state(at, 1) is ReadState.NEW
    first = review.mark_read(at)
    assert (first.seq, review.read_state(at, 1)) == (1, ReadState.READ)
    assert review.mark_read(at) == first  # unchanged: nothing written
    t.student.entries.edit(
        t.entry,
        EntryContent(title="Fracciones", sections={"description": "Hoy: " + TEXT},
                     template_id="gibbs", standards=("C7",)),
    )  # fmt: skip
    t.send_entries(("mentor",))
    head = t.mentor.entries.get(at).head
    assert head.seq == 2
    assert review.read_state(at, head.seq) is ReadState.UPDATED
    assert review.read_mark(at) == first  # the version she read: the diff starts there
    t.mentor.lock()
    t.mentor.unlock(PASSPHRASE)
    assert t.mentor.review.read_state(at, 2) is ReadState.UPDATED  # kept, sealed
    assert t.mentor.review.mark_read(at).seq == 2
    assert t.mentor.review.read_state(at, 2) is ReadState.READ


def test_marks_are_sealed(triad: Triad) -> None:
    t = triad
    t.send_entries(("mentor",))
    at = t.at("mentor")
    t.mentor.review.mark_read(at)
    t.mentor.close()
    conn = raw_db(t.dirs["mentor"])
    rows = conn.execute("SELECT id, kind, blob FROM documents WHERE kind = 'read-mark'").fetchall()
    conn.close()
    assert len(rows) == 1
    (row_id, _kind, blob) = rows[0]
    assert at.encode() not in blob and at not in row_id
    reopened = Vault.open(t.dirs["mentor"])
    reopened.unlock(PASSPHRASE)
    assert reopened.review.read_mark(at) is not None
    reopened.close()
