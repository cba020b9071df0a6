"""What an entry's review badge says, in words (never colour alone): ready for feedback,
new feedback (how many), feedback received, signed off, changed since the sign-off."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from reflectdesk.services.review_status import Status

if TYPE_CHECKING:
    from reflectdesk.services.review_status import EntryBadge


class ReviewBadgeText(QObject):
    """The texts (a QObject for ``self.tr``: lupdate reads its plurals from there)."""

    def short(self, badge: EntryBadge) -> str:
        parts: list[str] = []
        # Short: the list is narrow; the tooltip says it all.
        if badge.changed_since:
            parts.append(self.tr("Signed off, changed"))
        elif badge.signed_off:
            parts.append(self.tr("Signed off"))
        if badge.new_feedback:
            parts.append(self.tr("%n new", "", badge.new_feedback))
        elif badge.feedback:
            parts.append(self.tr("Feedback"))
        if not parts and badge.status is Status.READY:
            parts.append(self.tr("Ready"))
        return " · ".join(parts)

    def long(self, badge: EntryBadge) -> str:
        lines = []
        if badge.status is Status.READY:
            lines.append(self.tr("Marked ready for feedback."))
        if badge.feedback:
            lines.append(self.tr("%n comments and replies from others.", "", badge.feedback))
        if badge.new_feedback:
            lines.append(
                self.tr("%n of them since your last reply or edit.", "", badge.new_feedback)
            )
        if badge.open_threads:
            lines.append(self.tr("%n open threads.", "", badge.open_threads))
        if badge.changed_since:
            lines.append(self.tr("Signed off on an earlier version; the entry changed since."))
        elif badge.signed_off:
            lines.append(self.tr("Signed off on this version."))
        return "\n".join(lines)


_TEXT: ReviewBadgeText | None = None


def _text() -> ReviewBadgeText:
    global _TEXT
    if _TEXT is None:
        _TEXT = ReviewBadgeText()
    return _TEXT


def badge_text(badge: EntryBadge) -> str:
    """A short phrase for the entry list's Review column and the feedback page."""
    return _text().short(badge)


def badge_tooltip(badge: EntryBadge) -> str:
    """The long form: every fact of the badge on its own line."""
    return _text().long(badge)
