"""Full-text search over the persistent index (search/index.py)."""

from __future__ import annotations

from collections.abc import Callable

from reflectdesk.domain.model import SearchFilters, SearchHit
from reflectdesk.services.unlocked_state import UnlockedState


class SearchService:
    def __init__(self, state: Callable[[], UnlockedState]) -> None:
        self._state = state

    def query(
        self,
        text: str,
        filters: SearchFilters | None = None,
        limit: int = 50,
        *,
        first: bool = False,
    ) -> list[SearchHit]:
        """``first``: a quick answer ranked among the newest entries (results as you
        type); ask again without it for the full ranking."""
        return self._state().index.search(text, filters, limit, first=first)

    def query_first(
        self, text: str, filters: SearchFilters | None = None, limit: int = 50
    ) -> tuple[list[SearchHit], bool]:
        """(hits ranked among the newest entries, whether that was already every entry):
        when not, :meth:`query` gives the full ranking to replace them."""
        return self._state().index.search_first(text, filters, limit)

    def tags(self) -> list[tuple[str, int]]:
        return self._state().index.all_tags()
