"""What the reader last read (services/review_marks.py): new, updated since, read; kept
sealed in the vault across a lock."""

from __future__ import annotations

from reflectdesk.domain.model import EntryContent, ExportRequest
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


def _send(t: Triad, history: bool) -> None:
    request = ExportRequest(
        recipients=(t.ids["mentor@student"],), journal_id=t.journal, history=history
    )
    path = t.student.exports.export(request, t.tmp).path
    t.mentor.imports.import_bundle(path)
    path.unlink()


def _edit(t: Triad, words: str) -> None:
    t.student.entries.edit(
        t.entry,
        EntryContent(title="Fracciones", sections={"description": words},
                     template_id="gibbs", standards=("C7",)),
    )  # fmt: skip


def test_a_new_version_is_never_shown_as_read(triad: Triad) -> None:
    """Attack: make the mentor believe she read the current version. With bundles that
    carry the head only, an entry's count of versions held is below its head's number,
    so a mark compared by numbers said "read" for a version never opened. The mark is
    of a revision: anything else is "updated"."""
    t = triad
    _edit(t, "Segunda.")
    _edit(t, "Tercera.")
    _send(t, history=False)  # the head only: seq 3, one revision held
    at = t.at("mentor")
    review = t.mentor.review
    summary = {s.id: s for s in t.mentor.entries.list()}[at]
    assert review.read_state(at, summary.revision_count) is ReadState.NEW
    review.mark_read(at)
    assert review.read_state(at, summary.revision_count) is ReadState.READ
    _edit(t, "Cuarta: lo que la mentora no leyó.")
    _send(t, history=False)
    head = t.mentor.entries.get(at).head
    summary = {s.id: s for s in t.mentor.entries.list()}[at]
    # what the reading view passes (the list's count), and the head's number
    assert review.read_state(at, summary.revision_count) is ReadState.UPDATED
    assert review.read_state(at, head.seq) is ReadState.UPDATED
    review.mark_read(at)
    assert review.read_state(at, summary.revision_count) is ReadState.READ
