"""Cohorts as data (issue 14, point 4): ``vault.cohorts``.

A cohort is a named group of contacts, made by hand or from the senders of a batch
import (:meth:`CohortService.create` with the contact ids a
:class:`~reflectdesk.services.batch_import.BatchReport` names). Names are sealed in
storage (``storage/cohorts.py``) and the rows are in the vault state MAC.
"""

from __future__ import annotations

import builtins
import logging
from collections.abc import Callable, Sequence

from reflectdesk.domain.cohorts import Cohort, cohort_name, with_members, without_members
from reflectdesk.domain.model import Changes
from reflectdesk.errors import (
    CohortNameInvalid,
    CohortNameTaken,
    CohortNotFound,
    ContactNotFound,
)
from reflectdesk.ids import uuid7
from reflectdesk.services.unlocked_state import UnlockedState
from reflectdesk.storage.cohorts import CohortRepo

log = logging.getLogger(__name__)


class CohortService:
    def __init__(self, state: Callable[[], UnlockedState]) -> None:
        self._state = state

    def _repo(self) -> CohortRepo:
        st = self._state()
        return CohortRepo(st.db, st.cipher)

    def _name(self, text: str, *, other_than: str | None = None) -> str:
        name = cohort_name(text)
        if name is None:
            raise CohortNameInvalid("name")
        taken = {c.name.casefold() for c in self._repo().list() if c.id != other_than}
        if name.casefold() in taken:
            raise CohortNameTaken("name")
        return name

    def _contacts(self, contact_ids: Sequence[str]) -> tuple[str, ...]:
        known = {c.id for c in self._state().contacts.list()}
        for cid in contact_ids:
            if cid not in known:
                raise ContactNotFound(cid)
        return tuple(dict.fromkeys(contact_ids))

    def _changed(self, cohort_id: str) -> None:
        self._state().emit(Changes(cohorts=frozenset([cohort_id])))

    def create(self, name: str, contact_ids: Sequence[str] = ()) -> Cohort:
        """A new cohort with these contacts (e.g. the senders of a batch)."""
        st = self._state()
        with st.write_lock:
            cohort = self._repo().add(uuid7(), self._name(name), self._contacts(contact_ids))
        log.info("cohort created with %d members", cohort.size)
        self._changed(cohort.id)
        return cohort

    def list(self) -> builtins.list[Cohort]:
        return sorted(self._repo().list(), key=lambda c: c.name.casefold())

    def get(self, cohort_id: str) -> Cohort:
        cohort = self._repo().get(cohort_id)
        if cohort is None:
            raise CohortNotFound(cohort_id)
        return cohort

    def resolve(self, ref: str) -> Cohort:
        """A cohort by id, id prefix (6+ characters) or name (for the CLI)."""
        cohorts = self._repo().list()
        for c in cohorts:
            if ref == c.id:
                return c
        by_prefix = [c for c in cohorts if len(ref) >= 6 and c.id.startswith(ref)]
        if len(by_prefix) == 1:
            return by_prefix[0]
        wanted = cohort_name(ref)
        by_name = [c for c in cohorts if wanted and c.name.casefold() == wanted.casefold()]
        if len(by_name) == 1:
            return by_name[0]
        raise CohortNotFound(ref if len(ref) <= 40 else ref[:40])

    def _update(self, cohort_id: str, name: str, members: tuple[str, ...]) -> Cohort:
        updated = self._repo().update(cohort_id, name, members)
        if updated is None:
            raise CohortNotFound(cohort_id)
        return updated

    def rename(self, cohort_id: str, name: str) -> Cohort:
        st = self._state()
        with st.write_lock:
            cohort = self.get(cohort_id)
            updated = self._update(cohort.id, self._name(name, other_than=cohort.id),
                                   cohort.member_ids)  # fmt: skip
        self._changed(updated.id)
        return updated

    def add_members(self, cohort_id: str, contact_ids: Sequence[str]) -> Cohort:
        st = self._state()
        with st.write_lock:
            cohort = self.get(cohort_id)
            members = with_members(cohort.member_ids, self._contacts(contact_ids))
            updated = self._update(cohort.id, cohort.name, members)
        self._changed(updated.id)
        return updated

    def remove_members(self, cohort_id: str, contact_ids: Sequence[str]) -> Cohort:
        st = self._state()
        with st.write_lock:
            cohort = self.get(cohort_id)
            updated = self._update(
                cohort.id, cohort.name, without_members(cohort.member_ids, contact_ids)
            )
        self._changed(updated.id)
        return updated

    def delete(self, cohort_id: str) -> None:
        """The group only: its contacts and what they sent stay."""
        st = self._state()
        with st.write_lock:
            self.get(cohort_id)
            self._repo().remove(cohort_id)
        self._changed(cohort_id)
