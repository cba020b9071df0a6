"""The review status of every entry at a glance: what the entry list's badges, the
sidebar's "Feedback (N)" and "Waiting for feedback (N)" show, on both sides, in one pass
over the review records — or over those of a few entries, after a change."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from reflectdesk.domain.model import Space
from reflectdesk.review.records import RecordType, ReviewRecord
from reflectdesk.review.records import Status as Status  # for the front ends
from reflectdesk.review.state import fold_entry
from reflectdesk.services.review_read import ReviewReading
from reflectdesk.services.review_rules import ReviewContext
from reflectdesk.storage.review_records import StoredRecord


def _ms(record: ReviewRecord) -> int:
    return int(record.created_at.timestamp() * 1000)


@dataclass(frozen=True, slots=True)
class EntryBadge:
    """One entry's review at a glance (only entries with review records have one)."""

    entry_id: str
    own: bool  # your entry (else one you received)
    status: Status  # draft or ready for feedback (the author's latest word)
    feedback: int  # comments and replies by others than you
    # Comments and replies by others since your last word on the entry: your own latest
    # record on it or, on your own entry, your latest version. What "new" means on both
    # sides: feedback you have not answered or acted on yet (no read marker is stored).
    new_feedback: int
    open_threads: int
    signed_off: bool  # a standing (not withdrawn) sign-off
    # Signed off, and every standing sign-off is on an older version than the latest.
    changed_since: bool
    # A received entry marked ready: nothing from you since it was marked ready, or no
    # sign-off of yours on its latest version (the queue's rule, ReviewReading.queue).
    waiting_feedback: bool = False
    waiting_sign_off: bool = False

    @property
    def queued(self) -> bool:
        return self.waiting_feedback or self.waiting_sign_off


class ReviewStatusReading(ReviewReading):
    """Badges for the entry list and the sidebar's counts."""

    def badges(self, entry_ids: Collection[str] | None = None) -> dict[str, EntryBadge]:
        """The held entries among ``entry_ids`` (every entry when None) that have review
        records, by this vault's entry id. Reads their review records and revision lists;
        no entry text but the versions comments are checked against."""
        st = self._state()
        ctx = self._context(st)
        if entry_ids is None:
            grouped = self._by_entry(ctx)
        else:
            grouped = {}
            for item in ctx.repo().for_entries(list(entry_ids)):
                grouped.setdefault(item.entry_id, []).append(item)
        mine = frozenset(k for k, (holder, _pub) in ctx.keys.items() if holder is None)
        out: dict[str, EntryBadge] = {}
        for entry_id, stored in grouped.items():
            badge = self._badge(ctx, mine, entry_id, stored)
            if badge is not None:
                out[entry_id] = badge
        return out

    def _badge(
        self, ctx: ReviewContext, mine: frozenset[str], entry_id: str, stored: list[StoredRecord]
    ) -> EntryBadge | None:
        place = ctx.place(entry_id)
        if place is None:
            return None  # records waiting for an entry not held yet
        revisions = ctx.revisions(entry_id)
        records, _waiting = self._admitted(ctx, stored)
        if not revisions or not records:
            return None
        own = place[0] is Space.OWN
        folded = fold_entry(records)
        # The latest version (by sequence: what "changed since" compares with).
        latest = max(revisions, key=lambda r: (r.seq, r.created_ms))
        last_word = max((_ms(r) for r in records if r.author in mine), default=0)
        if own:
            last_word = max(last_word, max(r.created_ms for r in revisions))
        feedback = new = 0
        for r in records:
            if r.type in (RecordType.COMMENT, RecordType.REPLY) and r.author not in mine:
                feedback += 1
                new += _ms(r) > last_word
        seq_of = {r.revision_ref: r.seq for r in revisions}
        standing = folded.signed_off
        waiting_feedback = waiting_sign_off = False
        if not own and place[1] is not None and folded.status is Status.READY:
            ready_at = max(
                r.created_at
                for r in records
                if r.type is RecordType.STATUS and r.author == r.entry.author
            )
            waiting_feedback = not any(
                r.author in mine
                and r.type in (RecordType.COMMENT, RecordType.REPLY)
                and r.created_at >= ready_at
                for r in records
            )
            waiting_sign_off = not any(
                s.record.author in mine and s.record.entry.revision_id == latest.revision_ref
                for s in standing
            )
        return EntryBadge(
            entry_id=entry_id,
            own=own,
            status=folded.status,
            feedback=feedback,
            new_feedback=new,
            open_threads=folded.open_threads,
            signed_off=bool(standing),
            changed_since=bool(standing)
            and all(seq_of.get(s.record.entry.revision_id, 0) < latest.seq for s in standing),
            waiting_feedback=waiting_feedback,
            waiting_sign_off=waiting_sign_off,
        )

    def new_feedback_count(self) -> int:
        """The sidebar's count: new comments and replies on your own entries."""
        return sum(b.new_feedback for b in self.badges().values() if b.own)
