"""Receiving review records: every check first, then all stored or none (the rules
are in services/review_rules.py); and the records a bundle carries to its recipients."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from reflectdesk.bundles.canonical import JsonObject, JsonValue
from reflectdesk.domain.model import Changes, Contact, Space
from reflectdesk.errors import (
    ReflectDeskError,
    ReviewRecordInvalid,
    ReviewSignerUnknown,
    ReviewTooManyRecords,
)
from reflectdesk.review.records import RecordType, ReviewRecord, parse, verify
from reflectdesk.services.review_rules import ReviewContext, ReviewRules
from reflectdesk.storage.entry_import import ImportBatch
from reflectdesk.storage.review_records import ReviewRecordRepo, StoredRecord

log = logging.getLogger(__name__)


MAX_RECEIVE = 5_000  # records taken in one receive (a feedback bundle: 200 + 20 typical)
MAX_PER_ENTRY = 20_000  # records held about one entry: the fold and the view stay fast
MAX_CLOCK_SKEW = timedelta(days=1)  # a record dated later than this is refused


@dataclass(frozen=True, slots=True)
class CheckedRecords:
    """Received records that passed every check, ready to store."""

    rows: tuple[tuple[str, ReviewRecord, str | None], ...]  # (entry id here, record, via)
    already_held: int
    pending: int
    shown: frozenset[str]  # the held entries they are about

    @property
    def comments(self) -> int:
        return sum(1 for _e, r, _v in self.rows if r.type is RecordType.COMMENT)

    @property
    def sign_offs(self) -> int:
        return sum(1 for _e, r, _v in self.rows if r.type is RecordType.SIGN_OFF)


@dataclass(frozen=True, slots=True)
class FeedbackSet:
    """What one recipient of a feedback bundle can accept from you."""

    records: tuple[ReviewRecord, ...]
    entry_ids: tuple[str, ...]  # this vault's ids of the entries they are about


@dataclass(frozen=True, slots=True)
class ReceiveResult:
    added: int
    already_held: int
    pending: int
    entry_ids: tuple[str, ...]


class ReviewReceiving(ReviewRules):
    """Records from others, checked all or nothing; the records a bundle carries."""

    def receive(self, documents: Sequence[JsonValue], sender: str) -> ReceiveResult:
        """Store the records of a feedback (or journal) bundle signed by ``sender`` (a key
        id): every record checked first (signature, signer, the rules above), then all
        stored in one transaction, or none. Records already held are skipped; records
        about an entry or a revision not held yet are kept and attach when it arrives.

        Raises ``ReviewRecordInvalid``, ``ReviewRecordForged``, ``ReviewSignerUnknown``,
        ``ReviewSignerRevoked``, ``ReviewNotShared``, ``ReviewRevisionMismatch``,
        ``ReviewQuoteOutside``, ``ReviewNotAllowed`` or ``ReviewTooManyRecords``.
        """
        st = self._state()
        with st.write_lock:
            checked = self.check_received(documents, sender)
            return self.store_received(checked)

    def check_received(self, documents: Sequence[JsonValue], sender: str) -> CheckedRecords:
        """Every check of :meth:`receive`, storing nothing: the bundle import runs it
        before its transaction and stores the result inside it
        (:meth:`store_received` with its batch). Call it under the write lock."""
        if len(documents) > MAX_RECEIVE:
            raise ReviewTooManyRecords(limit=MAX_RECEIVE)
        records = [parse(doc) for doc in documents]
        latest = datetime.now(UTC) + MAX_CLOCK_SKEW
        for record in records:
            if record.created_at > latest:
                # A date in the future would win every "latest" (a resolve, a status)
                # for as long as it lasts.
                raise ReviewRecordInvalid(f"record {record.id[:16]}: dated in the future")
        st = self._state()
        with st.write_lock:
            ctx = self._context(st)
            if sender not in ctx.keys:
                raise ReviewSignerUnknown(sender)
            signers: dict[str, Contact | None] = {}
            for record in records:
                signer = self._signer(ctx, record)  # pinned keys looked up once per key
                verify(record, signer.public)  # ReviewRecordForged
                signers[record.id] = signer.contact
            repo = ctx.repo()
            stored_items = repo.for_entries(None)
            stored = {s.record.id: s.record for s in stored_items}
            known = {**stored, **{r.id: r for r in records}}
            rows: list[tuple[str, ReviewRecord, str | None]] = []
            pending = 0
            for record in records:
                target = self._check(ctx, record, signers[record.id], sender, known)
                entry_id = (
                    self._target(ctx, record.entry).entry_id if target is None else target.entry_id
                )
                pending += target is None
                rows.append((entry_id, record, sender))
            already = sum(1 for r in {r.id for r in records} if r in stored)
            held: dict[str, int] = {}
            for item in stored_items:
                held[item.entry_id] = held.get(item.entry_id, 0) + 1
            new_rows = {(e, r.id) for e, r, _via in rows if r.id not in stored}
            for entry_id, _record_id in new_rows:
                held[entry_id] = held.get(entry_id, 0) + 1
            if held and max(held.values()) > MAX_PER_ENTRY:
                raise ReviewTooManyRecords(limit=MAX_PER_ENTRY)
            shown = frozenset(e for e, _, _ in rows if ctx.place(e) is not None)
        return CheckedRecords(tuple(rows), already, pending, shown)

    def store_received(
        self, checked: CheckedRecords, *, batch: ImportBatch | None = None
    ) -> ReceiveResult:
        """Store what :meth:`check_received` passed: in ``batch`` (the import's one
        transaction; the caller then emits the changes) or in a transaction of its own."""
        st = self._state()
        with st.write_lock:
            added = ReviewRecordRepo(st.db, st.cipher).add_many(list(checked.rows), batch=batch)
        if added and batch is None:
            st.emit(Changes(entries=checked.shown))
        log.info("review records received: %d new, %d pending", added, checked.pending)
        entry_ids = tuple(sorted({e for e, _, _ in checked.rows}))
        return ReceiveResult(added, checked.already_held, checked.pending, entry_ids)

    def _passing(
        self, ctx: ReviewContext, stored: Sequence[StoredRecord], known: Mapping[str, ReviewRecord]
    ) -> list[ReviewRecord]:
        """The stored records that pass the rules here now, on a held revision (those
        that wait, or no longer pass, never travel: a receiver would refuse the bundle)."""
        out: list[ReviewRecord] = []
        for item in stored:
            holder = ctx.keys.get(item.record.author)
            if holder is None:
                continue
            try:
                target = self._check(ctx, item.record, holder[0], item.via, known)
            except ReflectDeskError:
                continue
            if target is not None:
                out.append(item.record)
        return out

    def travelling(
        self, recipients: Sequence[str], entry_ids: Sequence[str]
    ) -> tuple[list[JsonObject], list[str]]:
        """The records a journal bundle of ``entry_ids`` (your own entries) to
        ``recipients`` (contact ids) carries, and the entries they are about: every
        record held about them that passes the rules here (her status, her replies, the
        feedback she forwards)."""
        st = self._state()
        ctx = self._context(st)
        grouped: dict[str, list[StoredRecord]] = {}
        for item in ctx.repo().for_entries(entry_ids):
            grouped.setdefault(item.entry_id, []).append(item)
        known = {s.record.id: s.record for items in grouped.values() for s in items}
        out: list[JsonObject] = []
        about: list[str] = []
        for entry_id, stored in grouped.items():
            place = ctx.place(entry_id)
            if place is None or place[0] is not Space.OWN:
                continue
            records = self._passing(ctx, stored, known)
            if records:
                about.append(entry_id)
                out += [r.to_json() for r in records]
        return out, about

    def feedback_for(self, recipients: Sequence[str]) -> dict[str, FeedbackSet]:
        """Per recipient (contact ids), the records she can accept from you and the
        entries they are about (:meth:`ReviewRules._acceptable`): on your entries you
        sent her, on her entries, and on a third author's entries she and the signer were
        both listed on. Empty when she could accept nothing."""
        st = self._state()
        ctx = self._context(st)
        grouped = self._by_entry(ctx)
        known = {s.record.id: s.record for items in grouped.values() for s in items}
        out = {c: FeedbackSet((), ()) for c in recipients}
        for entry_id, stored in grouped.items():
            if ctx.place(entry_id) is None:
                continue
            records = self._passing(ctx, stored, known)
            if not records:
                continue
            for contact_id in recipients:
                chosen = self._acceptable(ctx, entry_id, records, contact_id)
                if chosen:
                    had = out[contact_id]
                    out[contact_id] = FeedbackSet(
                        had.records + tuple(chosen), (*had.entry_ids, entry_id)
                    )
        return out
