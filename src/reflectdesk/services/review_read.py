"""Reading the review: an entry's state re-anchored on its current version, the
mentor's queue, the tutor's triad summary, and the records as they travel."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from reflectdesk.bundles.canonical import JsonObject
from reflectdesk.domain.model import SearchFilters, Space
from reflectdesk.review.anchor import Anchor, locate
from reflectdesk.review.records import RecordType, Status, Verdict
from reflectdesk.review.state import fold_entry
from reflectdesk.services.identity import load_or_create_identity
from reflectdesk.services.review_rules import ReviewRules, contact_of
from reflectdesk.storage.review_records import ReviewRecordRepo


# --- what the front ends show ---------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ReplyView:
    id: str
    author: str  # key id
    author_name: str
    created_at: datetime
    text: str


@dataclass(frozen=True, slots=True)
class ThreadView:
    id: str  # the comment's record id
    author: str
    author_name: str
    created_at: datetime
    section: str
    quote: str
    text: str
    revision_seq: int | None  # the version it was written on, as held here
    # Where the quote sits in the current version (code points), or None: "on an
    # earlier version" (shown with its quote; never lost).
    start: int | None
    end: int | None
    resolved: bool
    replies: tuple[ReplyView, ...]

    @property
    def on_earlier_version(self) -> bool:
        return self.start is None


@dataclass(frozen=True, slots=True)
class StandardVerdict:
    code: str
    title: str
    verdict: Verdict
    note: str


@dataclass(frozen=True, slots=True)
class SignOffView:
    id: str
    author: str
    author_name: str
    created_at: datetime
    revision_seq: int | None
    changed_since: bool  # the entry has a newer version than the one signed off
    standards: tuple[StandardVerdict, ...]
    overall: Verdict
    note: str
    withdrawn: bool


@dataclass(frozen=True, slots=True)
class EntryReviewState:
    entry_id: str
    status: Status
    head_seq: int
    threads: tuple[ThreadView, ...]
    sign_offs: tuple[SignOffView, ...]
    pending: int  # records waiting for a version (or a comment) not held yet

    @property
    def open_threads(self) -> int:
        return sum(1 for t in self.threads if not t.resolved)


@dataclass(frozen=True, slots=True)
class QueueItem:
    contact_id: str
    student: str
    entry_id: str
    title: str
    waiting_feedback: bool  # ready, and nothing from you since it was marked ready
    waiting_sign_off: bool  # ready, and no sign-off of yours on its current version


@dataclass(frozen=True, slots=True)
class TriadRow:
    contact_id: str
    student: str
    entries: int
    ready: int
    feedback_given: int  # comments and replies by others than the student
    standards_met: tuple[str, ...]  # codes signed off "met" (standing sign-offs)


class ReviewReading(ReviewRules):
    """What the front ends show: an entry's review, the queue, the triad summary."""

    def state(self, entry_id: str, lang: str = "es") -> EntryReviewState:
        """Threads re-anchored on the current version, sign-offs with "changed since",
        the status, and how many records wait for something not held yet."""
        st = self._state()
        ctx = self._context(st)
        _space, _author, head = self._held(ctx, entry_id)
        folded, waiting = self._review(ctx, entry_id)
        seq_of = {r.revision_ref: r.seq for r in ctx.revisions(entry_id)}
        head_text = ctx.content(entry_id, head)
        threads = []
        for thread in folded.threads:
            c = thread.comment
            body = c.body
            anchor = Anchor(
                section=str(body["section"]),
                quote=str(body["quote"]),
                start=int(str(body["start"])),
                end=int(str(body["end"])),
                prefix=str(body["prefix"]),
                suffix=str(body["suffix"]),
            )
            found = locate(anchor, head_text.sections.get(anchor.section, ""))
            threads.append(
                ThreadView(
                    id=c.id,
                    author=c.author,
                    author_name=ctx.name(c.author),
                    created_at=c.created_at,
                    section=anchor.section,
                    quote=anchor.quote,
                    text=str(body["text"]),
                    revision_seq=seq_of.get(c.entry.revision_id),
                    start=None if found is None else found[0],
                    end=None if found is None else found[1],
                    resolved=thread.resolved,
                    replies=tuple(
                        ReplyView(
                            r.id, r.author, ctx.name(r.author), r.created_at, str(r.body["text"])
                        )
                        for r in thread.replies
                    ),
                )
            )
        taxonomy = self._standards()
        sign_offs = []
        for view in folded.sign_offs:
            r = view.record
            raw = r.body["standards"]
            assert isinstance(raw, dict)
            verdicts = []
            for code in sorted(
                raw, key=lambda c: (taxonomy.codes().index(c) if c in taxonomy.codes() else 99, c)
            ):
                item = raw[code]
                assert isinstance(item, dict)
                verdicts.append(
                    StandardVerdict(
                        code,
                        taxonomy.label(code, lang),
                        Verdict(str(item["verdict"])),
                        str(item["note"]),
                    )
                )
            sign_offs.append(
                SignOffView(
                    id=r.id,
                    author=r.author,
                    author_name=ctx.name(r.author),
                    created_at=r.created_at,
                    revision_seq=seq_of.get(r.entry.revision_id),
                    changed_since=r.entry.revision_id != head.revision_ref,
                    standards=tuple(verdicts),
                    overall=Verdict(str(r.body["overall"])),
                    note=str(r.body["note"]),
                    withdrawn=view.withdrawn_by is not None,
                )
            )
        return EntryReviewState(
            entry_id=entry_id,
            status=folded.status,
            head_seq=head.seq,
            threads=tuple(threads),
            sign_offs=tuple(sign_offs),
            pending=waiting,
        )

    def records(self, entry_ids: Sequence[str] | None = None) -> list[JsonObject]:
        """Every record held about ``entry_ids`` (all when None) as they travel, those
        that wait or no longer pass included. A feedback bundle carries fewer: per
        recipient, what she can accept (:meth:`feedback_for`)."""
        st = self._state()
        repo = ReviewRecordRepo(st.db, st.cipher)
        return [s.record.to_json() for s in repo.for_entries(entry_ids)]

    def queue(self) -> list[QueueItem]:
        """Per student, her entries marked ready that wait for your feedback (nothing
        from you since she marked it) or your sign-off (none on its current version)."""
        st = self._state()
        ctx = self._context(st)
        me = load_or_create_identity(st).public.key_id_hex
        names = {c.id: c.name for c in ctx.contacts}
        out: list[QueueItem] = []
        for entry_id, stored in self._by_entry(ctx).items():
            place = ctx.place(entry_id)
            if place is None or place[0] is not Space.RECEIVED or place[1] is None:
                continue
            if not st.entries.exists(entry_id):
                continue
            records, _ = self._admitted(ctx, stored)
            folded = fold_entry(records)
            if folded.status is not Status.READY:
                continue
            ready_at = max(
                r.created_at
                for r in records
                if r.type is RecordType.STATUS and r.author == r.entry.author
            )
            head = st.entries.get(entry_id).head
            head_ref = next(r for r in ctx.revisions(entry_id) if r.local_id == head.id)
            feedback = any(
                r.author == me
                and r.type in (RecordType.COMMENT, RecordType.REPLY)
                and r.created_at >= ready_at
                for r in records
            )
            signed = any(
                s.record.author == me
                and s.withdrawn_by is None
                and s.record.entry.revision_id == head_ref.revision_ref
                for s in folded.sign_offs
            )
            if feedback and signed:
                continue
            out.append(
                QueueItem(
                    contact_id=place[1],
                    student=names.get(place[1], ""),
                    entry_id=entry_id,
                    title=head.content.title,
                    waiting_feedback=not feedback,
                    waiting_sign_off=not signed,
                )
            )
        return sorted(out, key=lambda q: (q.student.casefold(), q.title.casefold(), q.entry_id))

    def triad(self) -> list[TriadRow]:
        """Per student whose entries you received: entries, how many are ready, the
        feedback given on them (by anyone but her), and the standards signed off "met"."""
        st = self._state()
        ctx = self._context(st)
        grouped = self._by_entry(ctx)
        # One row per student, over all her received journals (one per course).
        tally: dict[str, tuple[int, int, int, set[str]]] = {}
        for journal in st.journals.list(Space.RECEIVED):
            contact_id = journal.author_contact_id
            if contact_id is None:
                continue
            summaries = st.index.summaries(SearchFilters(journal_id=journal.id), "date", False)
            entries, ready, feedback, met = tally.get(contact_id, (0, 0, 0, set()))
            entries += len(summaries)
            for summary in summaries:
                records, _ = self._admitted(ctx, grouped.get(summary.id, []))
                folded = fold_entry(records)
                ready += folded.status is Status.READY
                for r in records:
                    if r.type not in (RecordType.COMMENT, RecordType.REPLY):
                        continue
                    holder = contact_of(ctx, r.author)  # None: you
                    feedback += holder is None or holder.id != contact_id
                for view in folded.signed_off:
                    raw = view.record.body["standards"]
                    assert isinstance(raw, dict)
                    met.update(
                        c
                        for c, v in raw.items()
                        if isinstance(v, dict) and v.get("verdict") == "met"
                    )
            tally[contact_id] = (entries, ready, feedback, met)
        rows = [
            TriadRow(
                contact_id,
                next((c.name for c in ctx.contacts if c.id == contact_id), ""),
                entries,
                ready,
                feedback,
                tuple(sorted(met)),
            )
            for contact_id, (entries, ready, feedback, met) in tally.items()
        ]
        return sorted(rows, key=lambda r: (r.student.casefold(), r.contact_id))
