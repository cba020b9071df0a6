"""A researcher's window on twenty students' consented entries (issue 15, the GUI journey).

The researcher's vault (a real vault, light KDF parameters, made where the app context
opens it) holds real received entries from twenty students:

- one real student vault (``tests/services/case_helpers.make_study``: Valentina Rojas)
  who sent three entries in a real bundle, one ``research`` (an emoji and accents before
  the passages the journey codes), one ``research-pseudonymised`` (her RUT and e-mail)
  and one ``read``; she can still send a real withdrawal bundle (``world.withdraw``);
- nineteen more students as real key pairs with signed cards (the bundle layer, as
  ``tests/services/batch_helpers`` does: real age encryption, real signatures), three
  entries each, consent ``research`` / ``research-pseudonymised`` / ``read`` in turn,
  each student's own name in one of her texts. Their cards are imported and verified.

Canaries (the student's name, a pupil, a school, a RUT, an e-mail address) sit in the
texts: ``CANARIES``. Building it all takes a second or two.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reflectdesk.bundles import (
    BundleKind,
    BundleMeta,
    Identity,
    build_bundle,
    card_path,
    entry_path,
    make_card,
)
from reflectdesk.bundles.canonical import canonical_json
from reflectdesk.domain.model import Consent, EntryContent, Role
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.main_window import MainWindow
from reflectdesk.ids import uuid7
from reflectdesk.services.vault import Vault
from tests.services.batch_helpers import Student, add_contacts
from tests.services.case_helpers import (
    EMAIL,
    PUPIL,
    RESEARCH_TEXT,
    RUT,
    SCHOOL,
    STUDENT,
    Study,
    close,
    make_study,
)

LEVELS = (Consent.RESEARCH, Consent.RESEARCH_PSEUDONYMISED, Consent.READ)
# Nineteen more students: no first or last name shared with Valentina Rojas or the
# pupil Martina Soto (a shared form is "ambiguous" to the pseudonymiser, by design).
NAMES = (
    "Camila Pérez", "Diego González", "Josefa Díaz", "Isidora Contreras", "Tomás Silva",
    "Antonia Morales", "Vicente López", "Florencia Reyes", "Agustín Fuentes",
    "Lucas Espinoza", "Emilia Torres", "Joaquín Araya", "Catalina Vargas",
    "Maximiliano Núñez", "Fernanda Herrera", "Amanda Jara", "Rocío Bravo",
    "Sofía Sepúlveda", "Pablo Carrasco",
)  # fmt: skip
TOPICS = ("fracciones", "lectura compartida", "evaluación formativa")
# The canaries that must never leave a pseudonymised project.
CANARIES = {"student": STUDENT, "pupil": PUPIL, "school": SCHOOL, "rut": RUT, "email": EMAIL}
# The passages the journey codes, in the research entry's pseudonymised text.
EMOJI = "😀"
assert EMOJI in RESEARCH_TEXT[: RESEARCH_TEXT.index("fracciones")]


@dataclass
class CaseWorld:
    study: Study
    students: list[Student]  # the nineteen made with the bundle layer
    contact_ids: dict[str, str]  # student name → her contact id at the researcher
    consent: dict[str, Consent] = field(default_factory=dict)  # researcher's entry id → level
    author: dict[str, str] = field(default_factory=dict)  # researcher's entry id → name

    @property
    def researcher(self) -> Vault:
        return self.study.researcher

    @property
    def addable(self) -> set[str]:
        return {e for e, c in self.consent.items() if c is not Consent.READ}

    @property
    def read_only(self) -> set[str]:
        return {e for e, c in self.consent.items() if c is Consent.READ}

    def at(self, label: str) -> str:
        """The researcher's id of the real student's entry ``label``
        ("research" | "pseudo" | "read")."""
        return self.study.at(label)

    def withdraw(self, label: str) -> Path:
        """The real student withdraws research consent for ``label``: her real
        withdrawal bundle, sealed to the researcher."""
        return self.study.withdraw(label)

    def close(self) -> None:
        close(self.study)


def _content(name: str, k: int) -> EntryContent:
    first = name.split()[0]
    topic = TOPICS[k % len(TOPICS)]
    description = f"Semana {k + 1}: observé una clase de {topic} en 4° básico."
    if k == 0:
        description += f" Yo, {name}, anoté las preguntas de los niños."
    return EntryContent(
        title=f"Semana {k + 1} — {topic}",
        sections={
            "description": description,
            "analysis": f"{first} reflexiona: las preguntas abiertas funcionaron mejor.",
        },
        standards=(("A1", "C7"), ("C9",), ("D10",))[k % 3],
        event_date=date(2026, 5, 4 + 7 * k),
        template_id="gibbs",
    )


def _student(name: str) -> Student:
    identity = Identity.generate()
    card = make_card(identity, name=name, role=Role.STUDENT, institution="UMCE")
    return Student(identity, name, card, uuid7())


def _entry_files(student: Student, content: EntryContent) -> tuple[str, dict[str, bytes]]:
    """One entry as a student's export writes it (the shape batch_helpers uses)."""
    entry_id, rev_id = uuid7(), uuid7()
    doc_content = content.to_json()
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    doc = {
        "format": "reflectdesk-entry",
        "version": 1,
        "id": entry_id,
        "journal_id": student.journal_id,
        "created_at": now,
        "updated_at": now,
        "revisions": [
            {
                "id": rev_id,
                "seq": 1,
                "parent_ids": [],
                "author": student.key_id,
                "created_at": now,
                "content_hash": hashlib.sha256(canonical_json(doc_content)).hexdigest(),
                "content": doc_content,
            }
        ],
        "attachments": [],
    }
    return entry_id, {entry_path(entry_id): canonical_json(doc)}


def build_world(vault_dir: Path, root: Path) -> CaseWorld:
    """The researcher's vault at ``vault_dir`` (where the app context opens it), the
    real student's under ``root / "student"``, bundles under ``root / "bundles"``."""
    study = make_study(root, researcher_dir=vault_dir)
    r = study.researcher
    students = [_student(name) for name in NAMES]
    ids = add_contacts(r, students)
    world = CaseWorld(study, students, dict(zip(NAMES, ids, strict=True)))
    world.contact_ids[STUDENT] = study.student_at_researcher
    for label, level in (
        ("research", Consent.RESEARCH),
        ("pseudo", Consent.RESEARCH_PSEUDONYMISED),
        ("read", Consent.READ),
    ):
        world.consent[study.at(label)] = level
        world.author[study.at(label)] = STUDENT
    me = [r.identity.public()]
    folder = root / "bundles"
    folder.mkdir()
    for n, student in enumerate(students):
        files = {card_path(student.key_id): student.card}
        consent: dict[str, Consent] = {}
        for k in range(3):
            entry_id, more = _entry_files(student, _content(student.name, k))
            files.update(more)
            consent[entry_id] = LEVELS[(n + k) % 3]
        meta = BundleMeta(BundleKind.JOURNAL, entry_consent=consent)
        path = folder / f"{n:02d}.rdbundle"
        path.write_bytes(build_bundle(student.identity, me, files, meta))
        r.imports.import_bundle(path)
        contact = world.contact_ids[student.name]
        for entry_id, level in consent.items():
            here = r.imports.received_entry_id(contact, entry_id)
            world.consent[here] = level
            world.author[here] = student.name
    return world


def open_window(qtbot: QtBot, ctx: AppContext, vault: Vault) -> MainWindow:
    """The researcher's real main window, shown at 1366×768."""
    window = MainWindow(ctx, vault)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def click_sidebar(qtbot: QtBot, window: MainWindow, kind: str, key: str) -> None:
    """A click on a sidebar item, as the researcher does."""
    index = window.sidebar._find(kind, key)
    assert index.isValid(), (kind, key)
    window.sidebar.scrollTo(index)
    rect = window.sidebar.visualRect(index)
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
