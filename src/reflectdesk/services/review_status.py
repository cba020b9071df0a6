"""The review status of every entry at a glance: what the entry list's badges and the
sidebar's "Feedback (N)" show, on both sides, in one pass over the review records."""

from __future__ import annotations

from dataclasses import dataclass

from reflectdesk.domain.model import Space
from reflectdesk.review.records import RecordType
from reflectdesk.review.records import Status as Status  # for the front ends
from reflectdesk.review.state import fold_entry
from reflectdesk.services.review_read import ReviewReading


@dataclass(frozen=True, slots=True)
class EntryBadge:
    """One entry's review at a glance (only entries with review records have one)."""

    entry_id: str
    own: bool  # your entry (else one you received)
    status: Status  # draft or ready for feedback (the author's latest word)
    feedback: int  # comments and replies by others than you
    # Comments and replies by others since your last word on the entry: your own latest
    # record on it or, on your own entry, your latest version. What "new" means on both
    # sides: feedback you have not answered or acted on yet.
    new_feedback: int
    open_threads: int
    signed_off: bool  # a standing (not withdrawn) sign-off
    changed_since: bool  # signed off, and every standing sign-off is on an older version


class ReviewStatusReading(ReviewReading):
    """Badges for the entry list and the sidebar's feedback count."""

    def badges(self) -> dict[str, EntryBadge]:
        """Every held entry that has review records, by this vault's entry id. Reads the
        review records and each such entry's revision list (no entry text)."""
        st = self._state()
        ctx = self._context(st)
        mine = {k for k, (holder, _pub) in ctx.keys.items() if holder is None}
        out: dict[str, EntryBadge] = {}
        for entry_id, stored in self._by_entry(ctx).items():
            place = ctx.place(entry_id)
            if place is None or not st.entries.exists(entry_id):
                continue  # records waiting for an entry not held yet
            revisions = ctx.revisions(entry_id)
            if not revisions:
                continue
            own = place[0] is Space.OWN
            records, _waiting = self._admitted(ctx, stored)
            if not records:
                continue
            folded = fold_entry(records)
            last_word = max(
                (int(r.created_at.timestamp() * 1000) for r in records if r.author in mine),
                default=0,
            )
            if own:
                last_word = max(last_word, max(r.created_ms for r in revisions))
            feedback = new = 0
            for r in records:
                if r.type not in (RecordType.COMMENT, RecordType.REPLY) or r.author in mine:
                    continue
                feedback += 1
                new += int(r.created_at.timestamp() * 1000) > last_word
            head_id = st.entries.get(entry_id).head.id
            head = next((r for r in revisions if r.local_id == head_id), revisions[-1])
            standing = folded.signed_off
            out[entry_id] = EntryBadge(
                entry_id=entry_id,
                own=own,
                status=folded.status,
                feedback=feedback,
                new_feedback=new,
                open_threads=folded.open_threads,
                signed_off=bool(standing),
                changed_since=bool(standing)
                and all(s.record.entry.revision_id != head.revision_ref for s in standing),
            )
        return out

    def new_feedback_count(self) -> int:
        """The sidebar's count: new comments and replies on your own entries."""
        return sum(b.new_feedback for b in self.badges().values() if b.own)
