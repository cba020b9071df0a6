"""Mentor review, the :class:`ReviewService` façade: writing your own records (comment,
reply, resolve, sign-off, withdraw, submit) here; receiving in review_receive.py,
reading in review_read.py, the portfolio in review_portfolio.py, and the rules all of
them apply in review_rules.py."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime

from reflectdesk.bundles.canonical import JsonObject, JsonValue
from reflectdesk.bundles.keys import Identity
from reflectdesk.domain.model import Changes, Space
from reflectdesk.errors import (
    CommentNotFound,
    InvalidValue,
    NotYourEntry,
    NotYourSignOff,
    OwnEntrySignOff,
    QuoteNotFound,
    ReviewRecordInvalid,
    SignOffNotFound,
    StandardUnknown,
    UnknownSection,
)
from reflectdesk.review.anchor import from_utf16 as from_utf16  # for the front ends: Qt's
from reflectdesk.review.anchor import make_anchor
from reflectdesk.review.anchor import to_utf16 as to_utf16  # offsets are UTF-16 units
from reflectdesk.review.records import EntryRef, RecordType, ReviewRecord, Status, sign
from reflectdesk.review.records import Verdict as Verdict  # for the front ends
from reflectdesk.services.identity import load_or_create_identity
from reflectdesk.services.review_marks import ReviewReadMarks
from reflectdesk.services.review_portfolio import ReviewPortfolio
from reflectdesk.services.review_receive import ReviewReceiving
from reflectdesk.services.review_rules import ReviewContext
from reflectdesk.services.review_status import ReviewStatusReading
from reflectdesk.storage.review_records import RevisionRef, StoredRecord


def _now() -> datetime:
    now = datetime.now(UTC)
    return now.replace(microsecond=now.microsecond // 1000 * 1000)  # records keep ms


class ReviewService(ReviewReceiving, ReviewPortfolio, ReviewReadMarks, ReviewStatusReading):
    """The mentor review: what the front ends call (``Vault.review``). Writing your own
    records is here; the rest is inherited from the modules that own it."""

    @staticmethod
    def _ref(revision: RevisionRef) -> EntryRef:
        return EntryRef(
            revision.author, revision.entry_ref, revision.revision_ref, revision.content_hash
        )

    def _write(
        self, ctx: ReviewContext, entry_id: str, kind: RecordType, ref: EntryRef, body: JsonObject
    ) -> ReviewRecord:
        me: Identity = load_or_create_identity(ctx.st)
        record = sign(me, kind, ref, body, _now())
        # Your own records pass the same rules as received ones (your key is "you").
        self._check(ctx, record, None, None, {})
        ctx.repo().add_many([(entry_id, record, None)])
        ctx.st.entries.freeze_head(entry_id)  # it names the head: never amended now
        ctx.st.emit(Changes(entries=frozenset({entry_id})))
        return record

    def add_comment(
        self,
        entry_id: str,
        section: str,
        text: str,
        *,
        quote: str | None = None,
        start: int | None = None,
        end: int | None = None,
    ) -> ReviewRecord:
        """A comment on a passage of a section of the entry's current version: by
        code-point offsets (``start``/``end``; ``quote`` then must match), or by a
        ``quote`` to find (its first occurrence)."""
        if not text.strip():
            raise InvalidValue("text")
        st = self._state()
        with st.write_lock:
            ctx = self._context(st)
            _space, _author, revision = self._held(ctx, entry_id)
            content = ctx.content(entry_id, revision)
            section_text = content.sections.get(section)
            if section_text is None:
                raise UnknownSection(section, valid=", ".join(content.sections) or "-")
            if start is None or end is None:
                if not quote:
                    raise InvalidValue("quote")
                at = section_text.find(quote)
                if at < 0:
                    raise QuoteNotFound(section)
                start, end = at, at + len(quote)
            try:
                anchor = make_anchor(section, section_text, start, end)
            except ValueError:
                raise QuoteNotFound(section) from None
            if quote is not None and anchor.quote != quote:
                raise QuoteNotFound(section)
            body: JsonObject = {
                "section": section,
                "quote": anchor.quote,
                "start": anchor.start,
                "end": anchor.end,
                "prefix": anchor.prefix,
                "suffix": anchor.suffix,
                "text": text,
            }
            return self._write(ctx, entry_id, RecordType.COMMENT, self._ref(revision), body)

    def _find(
        self, ctx: ReviewContext, ref: str, kinds: Iterable[RecordType]
    ) -> StoredRecord | None:
        """A stored record by id or by a unique prefix (8 hex digits or more)."""
        ref = ref.strip().lower()
        if len(ref) < 8:
            return None
        wanted = set(kinds)
        found = [
            s
            for s in ctx.repo().for_entries(None)
            if s.record.type in wanted and s.record.id.startswith(ref)
        ]
        return found[0] if len(found) == 1 else None

    def reply(self, parent_id: str, text: str) -> ReviewRecord:
        """A reply in the thread of a comment (or of a reply), on the same version."""
        if not text.strip():
            raise InvalidValue("text")
        st = self._state()
        with st.write_lock:
            ctx = self._context(st)
            parent = self._find(ctx, parent_id, (RecordType.COMMENT, RecordType.REPLY))
            if parent is None:
                raise CommentNotFound(parent_id[:64])
            body: JsonObject = {"parent": parent.record.id, "text": text}
            return self._write(ctx, parent.entry_id, RecordType.REPLY, parent.record.entry, body)

    def resolve(self, comment_id: str, resolved: bool = True) -> ReviewRecord:
        st = self._state()
        with st.write_lock:
            ctx = self._context(st)
            comment = self._find(ctx, comment_id, (RecordType.COMMENT,))
            if comment is None:
                raise CommentNotFound(comment_id[:64])
            body: JsonObject = {
                "comment": comment.record.id,
                "resolved": "yes" if resolved else "no",
            }
            return self._write(
                ctx, comment.entry_id, RecordType.RESOLVE, comment.record.entry, body
            )

    def sign_off(
        self,
        entry_id: str,
        standards: Mapping[str, tuple[Verdict, str]],
        *,
        overall: Verdict | None = None,
        note: str = "",
    ) -> ReviewRecord:
        """Verdicts per standard (codes of the built-in MBE) for the entry's current
        version, bound to its hash; ``overall`` defaults to the lowest verdict given."""
        if not standards:
            raise InvalidValue("standards")
        taxonomy = self._standards()
        order = [Verdict.NOT_YET, Verdict.PARTLY, Verdict.MET]
        body_standards: dict[str, JsonValue] = {}
        for code, (verdict, standard_note) in standards.items():
            canonical = code.strip().upper()
            if taxonomy.standard(canonical) is None:
                raise StandardUnknown(code=code[:32])
            body_standards[canonical] = {"verdict": verdict.value, "note": standard_note}
        chosen = overall or min((v for v, _ in standards.values()), key=order.index)
        st = self._state()
        with st.write_lock:
            ctx = self._context(st)
            space, _author, revision = self._held(ctx, entry_id)
            if space is Space.OWN:
                raise OwnEntrySignOff(entry_id)
            body: JsonObject = {"standards": body_standards, "overall": chosen.value, "note": note}
            try:
                return self._write(ctx, entry_id, RecordType.SIGN_OFF, self._ref(revision), body)
            except ReviewRecordInvalid:
                raise InvalidValue("sign-off") from None

    def withdraw_sign_off(self, sign_off_id: str, reason: str = "") -> ReviewRecord:
        st = self._state()
        with st.write_lock:
            ctx = self._context(st)
            found = self._find(ctx, sign_off_id, (RecordType.SIGN_OFF,))
            if found is None:
                raise SignOffNotFound(sign_off_id[:64])
            if found.record.author != load_or_create_identity(st).public.key_id_hex:
                raise NotYourSignOff(sign_off_id[:64])
            body: JsonObject = {"sign_off": found.record.id, "reason": reason}
            return self._write(
                ctx, found.entry_id, RecordType.WITHDRAW_SIGN_OFF, found.record.entry, body
            )

    def submit(self, entry_id: str, ready: bool = True) -> ReviewRecord:
        """Mark your entry "ready for feedback" (or back to draft); it travels with it."""
        st = self._state()
        with st.write_lock:
            ctx = self._context(st)
            space, _author, revision = self._held(ctx, entry_id)
            if space is not Space.OWN:
                raise NotYourEntry(entry_id)
            status = Status.READY if ready else Status.DRAFT
            body: JsonObject = {"status": status.value}
            return self._write(ctx, entry_id, RecordType.STATUS, self._ref(revision), body)
