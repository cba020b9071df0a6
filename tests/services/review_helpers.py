"""Three real vaults that review one entry (student, mentor, tutor): the review tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from reflectdesk.bundles.canonical import JsonObject
from reflectdesk.domain.model import ExportRequest
from reflectdesk.errors import ReflectDeskError
from reflectdesk.review.records import Verdict
from reflectdesk.services.vault import Vault
from tests.services.bundle_helpers import table_digest

TEXT = "Trabajamos fracciones con pizzas. Después, fracciones con regletas."


@dataclass
class Triad:
    student: Vault
    mentor: Vault
    tutor: Vault
    dirs: dict[str, Path]
    ids: dict[str, str]  # "<who>@<where>": contact ids
    journal: str
    entry: str  # the student's entry
    tmp: Path

    def send_entries(self, to: tuple[str, ...] = ("mentor", "tutor")) -> None:
        """The student's journal bundle to ``to``; each imports it."""
        request = ExportRequest(
            recipients=tuple(self.ids[f"{who}@student"] for who in to),
            journal_id=self.journal,
            history=True,
        )
        path = self.student.exports.export(request, self.tmp).path
        for who in to:
            getattr(self, who).imports.import_bundle(path)
        path.unlink()

    def at(self, who: str) -> str:
        """``who``'s id for the student's entry."""
        if who == "student":
            return self.entry
        vault: Vault = getattr(self, who)
        return vault.imports.received_entry_id(self.ids[f"student@{who}"], self.entry)

    def key(self, who: str) -> str:
        vault: Vault = getattr(self, who)
        return vault.identity.public().key_id_hex


def mentor_feedback(t: Triad) -> tuple[str, str]:
    """The mentor comments, replies to herself and signs C7 off; returns (comment, sign-off)."""
    m = t.mentor
    comment = m.review.add_comment(
        t.at("mentor"), "description", "¿Por qué pizzas?", quote="pizzas"
    )
    m.review.reply(comment.id, "Y ¿regletas?")
    sign_off = m.review.sign_off(
        t.at("mentor"), {"C7": (Verdict.MET, "Preguntas abiertas.")}, note="Bien."
    )
    return comment.id, sign_off.id


def refused(
    t: Triad,
    docs: list[JsonObject],
    sender: str,
    error: type[ReflectDeskError],
    at: str = "student",
) -> None:
    """``at`` refuses ``docs`` from ``sender`` with ``error`` and stores nothing."""
    vault: Vault = getattr(t, at)
    before = table_digest(t.dirs[at])
    with pytest.raises(error) as info:
        vault.review.receive(docs, sender)
    assert info.value.message and info.value.hint  # a specific, translatable message
    assert table_digest(t.dirs[at]) == before  # nothing stored


def feedback_bundle(t: Triad, sender: str, to: tuple[str, ...]) -> Path:
    """The one feedback bundle ``sender`` writes to ``to`` (all can accept the same)."""
    vault: Vault = getattr(t, sender)
    (result,) = vault.exports.export_feedback([t.ids[f"{w}@{sender}"] for w in to], t.tmp)
    return result.path


def contact(vault: Vault, name: str) -> str:
    (found,) = [c.id for c in vault.contacts.list() if c.name == name]
    return found
