"""The portfolio export: entries with their comments as footnotes and their sign-off
tables, written atomically to a file the user asked for."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from reflectdesk.atomic_files import atomic_write
from reflectdesk.domain.model import SearchFilters
from reflectdesk.errors import FileUnwritable, InvalidValue
from reflectdesk.progress import (
    NEVER_CANCELLED,
    CancelToken,
    Progress,
    ProgressSink,
    ignore_progress,
)
from reflectdesk.rendering.portfolio import (
    Footnote,
    FootnoteReply,
    PortfolioEntry,
    SignOffRow,
    SignOffTable,
    portfolio_html,
    portfolio_markdown,
)
from reflectdesk.services.review_read import EntryReviewState, ReviewReading

log = logging.getLogger(__name__)


class ReviewPortfolio(ReviewReading):
    """The portfolio export, built on the entries' review state."""

    def export_portfolio(
        self,
        dest: Path,
        *,
        entry_ids: Sequence[str] = (),
        journal_id: str | None = None,
        fmt: str = "html",
        lang: str = "es",
    ) -> int:
        """Write the entries (and every entry of ``journal_id``, oldest first) with their
        comments as numbered footnotes and their sign-off tables to ``dest``, atomically
        (a plaintext file the user asked for, owner-only). Returns how many entries."""
        text, count = self.portfolio_document(
            entry_ids=entry_ids, journal_id=journal_id, fmt=fmt, lang=lang
        )
        atomic_write(dest, text.encode("utf-8"), mode=0o600, error=FileUnwritable)
        log.info("portfolio exported: %d entries", count)
        return count

    def portfolio_document(
        self,
        *,
        entry_ids: Sequence[str] = (),
        journal_id: str | None = None,
        fmt: str = "html",
        lang: str = "es",
        progress: ProgressSink = ignore_progress,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> tuple[str, int]:
        """The portfolio as text, in memory (nothing on disk): the HTML a PDF is drawn
        from, or what :meth:`export_portfolio` writes. Returns (text, how many entries)."""
        if fmt not in ("html", "md"):
            raise InvalidValue("format")
        st = self._state()
        ids = list(dict.fromkeys(entry_ids))
        title = ""
        if journal_id is not None:
            journal = st.journals.get(journal_id)
            title = journal.title
            summaries = st.index.summaries(SearchFilters(journal_id=journal.id), "date", False)
            ids += [s.id for s in summaries if s.id not in ids]
        if not ids:
            raise InvalidValue("entries")
        entries = []
        for done, entry_id in enumerate(ids):
            cancel.raise_if_cancelled()
            progress(Progress(done, len(ids), "portfolio"))
            entry = st.entries.get(entry_id)
            rendered = st.templates.render(entry.content, lang, "html" if fmt == "html" else "md")
            entries.append(portfolio_entry(rendered, self.state(entry_id, lang)))
        progress(Progress(len(ids), len(ids), "portfolio"))
        text = (
            portfolio_html(title, entries, lang)
            if fmt == "html"
            else portfolio_markdown(title, entries, lang)
        )
        return text, len(entries)


def _date(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d")


def portfolio_entry(rendered: str, state: EntryReviewState) -> PortfolioEntry:
    """An entry's rendering with its threads as footnotes and its standing sign-offs."""
    return PortfolioEntry(
        rendered=rendered,
        footnotes=tuple(
            Footnote(
                section=t.section,
                quote=t.quote,
                text=t.text,
                author=t.author_name,
                date=_date(t.created_at),
                on_earlier_version=t.on_earlier_version,
                resolved=t.resolved,
                replies=tuple(
                    FootnoteReply(r.author_name, _date(r.created_at), r.text) for r in t.replies
                ),
            )
            for t in state.threads
        ),
        sign_offs=tuple(
            SignOffTable(
                author=s.author_name,
                key_id=s.author,
                date=_date(s.created_at),
                version=s.revision_seq,
                changed_since=s.changed_since,
                overall=s.overall.value,
                note=s.note,
                rows=tuple(
                    SignOffRow(v.code, v.title, v.verdict.value, v.note) for v in s.standards
                ),
            )
            for s in state.sign_offs
            if not s.withdrawn
        ),
    )
