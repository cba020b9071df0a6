"""Review records folded into the state both sides see: the same records in any order,
any number of times, give the same state (records merge by union; nothing is edited in
place).

Rules the fold applies (who *may* write a record — a contact the entry was shared with,
on a revision they received — is checked by the service before a record is stored):

- a reply joins the thread of the comment it names (a reply to a reply joins the same
  thread); a reply whose comment is not here yet is *pending* and attaches once it is;
- a thread is resolved by the latest ``resolve`` record (by time, then id);
- a sign-off stays in force until its own author withdraws it; a withdrawal by anyone
  else is ignored (and refused on import);
- an entry's status is the latest status record of the entry's author.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reflectdesk.review.records import RecordType, ReviewRecord, Status


def _order(record: ReviewRecord) -> tuple[object, str]:
    return (record.created_at, record.id)


@dataclass(frozen=True, slots=True)
class Thread:
    comment: ReviewRecord
    replies: tuple[ReviewRecord, ...]
    resolved: bool


@dataclass(frozen=True, slots=True)
class SignOffView:
    record: ReviewRecord
    withdrawn_by: ReviewRecord | None  # the author's own withdrawal, if any


@dataclass(frozen=True, slots=True)
class EntryReview:
    threads: tuple[Thread, ...]
    sign_offs: tuple[SignOffView, ...]
    status: Status
    pending: tuple[ReviewRecord, ...]  # replies/resolutions/withdrawals whose target is missing

    @property
    def open_threads(self) -> int:
        return sum(1 for t in self.threads if not t.resolved)

    @property
    def signed_off(self) -> tuple[SignOffView, ...]:
        return tuple(s for s in self.sign_offs if s.withdrawn_by is None)


def fold(records: Iterable[ReviewRecord]) -> dict[tuple[str, str], EntryReview]:
    """Per entry (entry author key id, entry id), the review state of ``records``."""
    by_entry: dict[tuple[str, str], dict[str, ReviewRecord]] = {}
    for record in records:
        key = (record.entry.author, record.entry.entry_id)
        by_entry.setdefault(key, {})[record.id] = record
    return {key: _fold_entry(found) for key, found in sorted(by_entry.items())}


def fold_entry(records: Iterable[ReviewRecord]) -> EntryReview:
    """The state of one entry's ``records`` (the caller grouped them: a vault groups by
    its own entry id, which also joins an author's records across her key rotations)."""
    return _fold_entry({r.id: r for r in records})


def _fold_entry(records: dict[str, ReviewRecord]) -> EntryReview:
    ordered = sorted(records.values(), key=_order)
    comments = {r.id: r for r in ordered if r.type is RecordType.COMMENT}
    # A reply's thread root: follow parents through replies to the comment.
    replies = {r.id: r for r in ordered if r.type is RecordType.REPLY}

    def root_of(record: ReviewRecord) -> str | None:
        seen: set[str] = set()
        current = record
        while current.type is RecordType.REPLY:
            parent = str(current.body["parent"])
            if parent in seen:
                return None  # a cycle cannot be signed into existence, but never loop
            seen.add(parent)
            if parent in comments:
                return parent
            if parent not in replies:
                return None
            current = replies[parent]
        return None

    thread_replies: dict[str, list[ReviewRecord]] = {cid: [] for cid in comments}
    resolved: dict[str, bool] = dict.fromkeys(comments, False)
    pending: list[ReviewRecord] = []
    for reply in replies.values():
        root = root_of(reply)
        if root is None:
            pending.append(reply)
        else:
            thread_replies[root].append(reply)
    for record in ordered:
        if record.type is RecordType.RESOLVE:
            target = str(record.body["comment"])
            if target in comments:
                resolved[target] = record.body["resolved"] == "yes"  # later records win
            else:
                pending.append(record)
    threads = tuple(
        Thread(comment, tuple(sorted(thread_replies[cid], key=_order)), resolved[cid])
        for cid, comment in comments.items()
    )
    sign_offs = {r.id: r for r in ordered if r.type is RecordType.SIGN_OFF}
    withdrawn: dict[str, ReviewRecord] = {}
    for record in ordered:
        if record.type is RecordType.WITHDRAW_SIGN_OFF:
            target = str(record.body["sign_off"])
            original = sign_offs.get(target)
            if original is None:
                pending.append(record)
            elif original.author == record.author and target not in withdrawn:
                withdrawn[target] = record
    status = Status.DRAFT
    for record in ordered:
        if record.type is RecordType.STATUS and record.author == record.entry.author:
            status = Status(str(record.body["status"]))
    return EntryReview(
        threads=threads,
        sign_offs=tuple(SignOffView(r, withdrawn.get(r.id)) for r in sign_offs.values()),
        status=status,
        pending=tuple(sorted(pending, key=_order)),
    )
