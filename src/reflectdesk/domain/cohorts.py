"""Cohorts: a named group of contacts (issue 14, point 4).

A tutor's cohort is "Práctica Profesional II — 2026 — Sección 2": the students whose
bundles she receives for one course section. Made by hand or from the senders of a
batch import; the dashboard and later case studies work per cohort. Members are
contact ids; the name is sealed in storage like every other name.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

MAX_COHORT_NAME = 120


@dataclass(frozen=True, slots=True)
class Cohort:
    id: str
    name: str
    member_ids: tuple[str, ...]  # contact ids, in the order they were added
    created_at: datetime
    rev: int = 1

    @property
    def size(self) -> int:
        return len(self.member_ids)


def cohort_name(text: str) -> str | None:
    """The name as stored (NFC, white space collapsed), or None when it is empty, too
    long or holds control or format characters."""
    name = " ".join(unicodedata.normalize("NFC", text).split())
    if not name or len(name) > MAX_COHORT_NAME:
        return None
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs", "Cn") for ch in name):
        return None
    return name


def with_members(current: Iterable[str], added: Iterable[str]) -> tuple[str, ...]:
    """``current`` then the ``added`` ids not in it yet, each once, order kept."""
    return tuple(dict.fromkeys([*current, *added]))


def without_members(current: Iterable[str], removed: Iterable[str]) -> tuple[str, ...]:
    gone = set(removed)
    return tuple(m for m in current if m not in gone)
