"""What an entry's review badge says, in words (never colour alone): ready for feedback,
new feedback (how many), feedback received, signed off, changed since the sign-off."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from reflectdesk.services.review_status import Status

if TYPE_CHECKING:
    from reflectdesk.services.review_status import EntryBadge


def _t(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("ReviewBadges", text, "", n)


def badge_text(badge: EntryBadge) -> str:
    """A short phrase for the entry list's Review column and the feedback page."""
    parts: list[str] = []
    if badge.changed_since:
        parts.append(_t("Changed since sign-off"))
    elif badge.signed_off:
        parts.append(_t("Signed off"))
    if badge.new_feedback:
        parts.append(_t("%n new comments", badge.new_feedback))
    elif badge.feedback:
        parts.append(_t("Feedback received"))
    if not parts and badge.status is Status.READY:
        parts.append(_t("Ready for feedback"))
    return " · ".join(parts)


def badge_tooltip(badge: EntryBadge) -> str:
    """The long form: every fact of the badge on its own line."""
    lines = []
    if badge.status is Status.READY:
        lines.append(_t("Marked ready for feedback."))
    if badge.feedback:
        lines.append(_t("%n comments and replies from others.", badge.feedback))
    if badge.new_feedback:
        lines.append(_t("%n of them since your last reply or edit.", badge.new_feedback))
    if badge.open_threads:
        lines.append(_t("%n open threads.", badge.open_threads))
    if badge.changed_since:
        lines.append(_t("Signed off on an earlier version; the entry changed since."))
    elif badge.signed_off:
        lines.append(_t("Signed off on this version."))
    return "\n".join(lines)
