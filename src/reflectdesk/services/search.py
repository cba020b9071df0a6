"""Full-text search over the in-memory index."""

from __future__ import annotations

from collections.abc import Callable

from reflectdesk.domain.model import SearchFilters, SearchHit
from reflectdesk.services.unlocked_state import UnlockedState


class SearchService:
    def __init__(self, state: Callable[[], UnlockedState]) -> None:
        self._state = state

    def query(
        self, text: str, filters: SearchFilters | None = None, limit: int = 50
    ) -> list[SearchHit]:
        return self._state().index.search(text, filters, limit)

    def tags(self) -> list[tuple[str, int]]:
        return self._state().index.all_tags()
