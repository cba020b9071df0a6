"""The review service's writing: comments, replies, sign-offs, withdrawals and statuses
between real vaults (student, mentor, tutor), and the local rules on them."""

from __future__ import annotations

import pytest

from reflectdesk.errors import (
    CommentNotFound,
    NotYourEntry,
    NotYourSignOff,
    OwnEntrySignOff,
    QuoteNotFound,
    StandardUnknown,
    VaultStateTampered,
)
from reflectdesk.review.records import Verdict
from reflectdesk.services.vault import Vault
from tests.services.review_helpers import TEXT, Triad, mentor_feedback
from tests.support import PASSPHRASE, raw_db


def test_local_rules(triad: Triad) -> None:
    t = triad
    t.send_entries()
    with pytest.raises(OwnEntrySignOff):
        t.student.review.sign_off(t.entry, {"C7": (Verdict.MET, "")})
    with pytest.raises(NotYourEntry):
        t.mentor.review.submit(t.at("mentor"))
    with pytest.raises(StandardUnknown):
        t.mentor.review.sign_off(t.at("mentor"), {"Z99": (Verdict.MET, "")})
    with pytest.raises(QuoteNotFound):
        t.mentor.review.add_comment(t.at("mentor"), "description", "x", quote="tortas")
    with pytest.raises(QuoteNotFound):  # offsets past the section
        t.mentor.review.add_comment(t.at("mentor"), "description", "x", start=3, end=10_000)
    with pytest.raises(CommentNotFound):
        t.mentor.review.reply("0" * 64, "x")
    by_offsets = t.mentor.review.add_comment(
        t.at("mentor"), "description", "¿Y?", start=TEXT.index("regletas"),
        end=TEXT.index("regletas") + 8,
    )  # fmt: skip
    assert by_offsets.body["quote"] == "regletas"


def test_withdrawal_by_its_author_and_only_by_her(triad: Triad) -> None:
    t = triad
    t.send_entries()
    _, sign_off_id = mentor_feedback(t)
    with pytest.raises(NotYourSignOff):
        t.student.review.receive(t.mentor.review.records(), t.key("mentor"))
        t.student.review.withdraw_sign_off(sign_off_id)
    t.mentor.review.withdraw_sign_off(sign_off_id, "Me equivoqué.")
    (view,) = t.mentor.review.state(t.at("mentor")).sign_offs
    assert view.withdrawn
    # A replayed copy of the sign-off changes nothing: the withdrawal stays.
    t.student.review.receive(t.mentor.review.records(), t.key("mentor"))
    before = t.student.review.state(t.entry)
    t.student.review.receive(
        [r for r in t.mentor.review.records() if r["type"] == "sign-off"], t.key("mentor")
    )
    assert t.student.review.state(t.entry) == before and before.sign_offs[0].withdrawn


def test_a_deleted_record_row_is_caught_at_unlock(triad: Triad) -> None:
    t = triad
    t.send_entries()
    _, sign_off_id = mentor_feedback(t)
    t.mentor.review.withdraw_sign_off(sign_off_id)
    t.mentor.close()
    conn = raw_db(t.dirs["mentor"])
    with conn:  # drop the withdrawal in the closed file (with the page key: the MAC's test)
        (rows,) = conn.execute("SELECT count(*) FROM review_records").fetchone()
        assert rows == 4
        conn.execute(
            "DELETE FROM review_records WHERE created_at = "
            "(SELECT max(created_at) FROM review_records)"
        )
    conn.close()
    reopened = Vault.open(t.dirs["mentor"])
    with pytest.raises(VaultStateTampered):
        reopened.unlock(PASSPHRASE)
    reopened.close()
