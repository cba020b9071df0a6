"""Journals: create, list, rename. A journal has a title, a description (the course or
practicum it is for) and may name the template its new entries start with."""

from __future__ import annotations

from collections.abc import Callable

from reflectdesk.domain.model import Changes, Journal, Space
from reflectdesk.errors import InvalidValue
from reflectdesk.services.unlocked_state import UnlockedState

MAX_TITLE = 300
MAX_DESCRIPTION = 2000
MAX_TEMPLATE_ID = 100


class JournalService:
    def __init__(self, state: Callable[[], UnlockedState]) -> None:
        self._state = state

    def create(self, title: str, description: str = "", default_template: str = "") -> Journal:
        """``default_template``: a template id ("" = ask each time); the front end offers
        the templates the vault has."""
        title = title.strip()
        if not title or len(title) > MAX_TITLE:
            raise InvalidValue("title")
        description = description.strip()
        if len(description) > MAX_DESCRIPTION:
            raise InvalidValue("description")
        default_template = default_template.strip()
        if len(default_template) > MAX_TEMPLATE_ID:
            raise InvalidValue("default_template")
        st = self._state()
        with st.write_lock:
            journal = st.journals.create(title, description, default_template=default_template)
        st.emit(Changes(journals=frozenset({journal.id})))
        return journal

    def rename(self, journal_id: str, title: str, description: str | None = None) -> Journal:
        title = title.strip()
        if not title or len(title) > MAX_TITLE:
            raise InvalidValue("title")
        st = self._state()
        with st.write_lock:
            current = st.journals.get(journal_id)
            journal = st.journals.update(
                journal_id, title, current.description if description is None else description
            )
        st.emit(Changes(journals=frozenset({journal_id})))
        return journal

    def get(self, journal_id: str) -> Journal:
        return self._state().journals.get(journal_id)

    def list(self, space: Space | None = None) -> list[Journal]:
        return self._state().journals.list(space)

    def resolve(self, ref: str) -> Journal:
        """A journal by id, id prefix or exact title (for the CLI). Only your own
        journals are found by title: a received journal's title is its sender's to
        choose, and may be another student's name or your own journal's title (attack3,
        03 Dec); a received journal is named by its id."""
        journals = self.list()
        for j in journals:
            if j.id == ref:
                return j
        by_title = [
            j for j in journals if j.space is Space.OWN and j.title.casefold() == ref.casefold()
        ]
        if len(by_title) == 1:
            return by_title[0]
        by_prefix = [j for j in journals if len(ref) >= 6 and j.id.startswith(ref)]
        if len(by_prefix) == 1:
            return by_prefix[0]
        from reflectdesk.errors import JournalNotFound

        raise JournalNotFound(ref)
