"""A researcher's vault holding real received entries with mixed consent (case-study tests).

Two real vaults (a student and the researcher, a mentor role), cards exchanged; the
student writes entries and sends them in real bundles with per-entry consent; the
researcher imports them. Canary values (a pupil, a school, a RUT, an e-mail address)
sit in the texts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from reflectdesk.domain.model import Consent, EntryContent, ExportRequest, Role
from reflectdesk.services.vault import Vault
from tests.services.bundle_helpers import exchange_cards, new_vault

STUDENT = "Valentina Rojas"
PUPIL = "Martina Soto"
SCHOOL = "Escuela Los Aromos"
RUT = "12.345.678-5"
EMAIL = "vrojas@example.cl"
CANARIES = (STUDENT, PUPIL, "Valentina", "Rojas", "Martina", SCHOOL, RUT, EMAIL)

RESEARCH_TEXT = (
    "Hoy 😀 trabajé con Martina Soto en la Escuela Los Aromos. "
    "Martina preguntó por las fracciones y yo, Valentina, le expliqué con regletas."
)
PSEUDO_TEXT = (
    "Mi RUT es 12.345.678-5 y mi correo vrojas@example.cl. "
    "La profesora guía observó la clase de Valentina Rojas sobre fracciones."
)


@dataclass
class Study:
    student: Vault
    researcher: Vault
    student_at_researcher: str
    researcher_at_student: str
    entries: dict[str, str]  # label → the student's entry id
    out: Path

    def at(self, label: str) -> str:
        """The researcher's id for the student's entry ``label``."""
        return self.researcher.imports.received_entry_id(
            self.student_at_researcher, self.entries[label]
        )

    def withdraw(self, label: str) -> Path:
        path = self.student.exports.withdraw_consent(
            [self.entries[label]], [self.researcher_at_student], self.out
        ).path
        return path

    def new_case(self, *, approved: bool = True, title: str = "Fracciones") -> str:
        cs = self.researcher.case_studies
        case = cs.create(title, question="¿Cómo explican fracciones?")
        if approved:
            cs.approve(
                case.id,
                committee="CEC-CSAH",
                reference="2026-041",
                expires=date.today() + timedelta(days=200),
            )
        return case.id


def make_study(tmp_path: Path, researcher_dir: Path | None = None) -> Study:
    student = new_vault(tmp_path / "student", STUDENT, Role.STUDENT)
    researcher = new_vault(
        researcher_dir or tmp_path / "researcher", "Rita Investigadora", Role.EDUCATOR
    )
    r_at_s, s_at_r = exchange_cards(student, researcher)
    journal = student.journals.create("Práctica II")
    contents = {
        "research": EntryContent(
            title="Clase de fracciones",
            sections={"description": RESEARCH_TEXT, "analysis": "Las regletas ayudaron."},
            standards=("C7",),
            event_date=date(2026, 5, 4),
            template_id="gibbs",
        ),
        "pseudo": EntryContent(
            title="Observación",
            sections={"description": PSEUDO_TEXT},
            standards=("C7", "D10"),
            event_date=date(2026, 5, 11),
            template_id="gibbs",
        ),
        "read": EntryContent(
            title="Solo lectura", sections={"description": "Privado."}, template_id="gibbs"
        ),
    }
    ids = {label: student.entries.add(journal.id, c).id for label, c in contents.items()}
    out = tmp_path / "out"
    out.mkdir()
    request = ExportRequest(
        recipients=(r_at_s,),
        entry_ids=tuple(ids.values()),
        consent=Consent.READ,
        entry_consent={
            ids["research"]: Consent.RESEARCH,
            ids["pseudo"]: Consent.RESEARCH_PSEUDONYMISED,
        },
    )
    bundle = student.exports.export(request, out).path
    researcher.imports.import_bundle(bundle)
    return Study(student, researcher, s_at_r, r_at_s, ids, out)


def close(study: Study) -> None:
    study.student.close()
    study.researcher.close()


def yesterday() -> date:
    return date.today() - timedelta(days=1)
