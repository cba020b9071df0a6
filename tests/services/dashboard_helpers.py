"""A tutor's vault holding a small cohort whose every number is known: the dashboard's
service and GUI tests (and the journey test may use it).

Students are key pairs with signed cards (tests/services/batch_helpers.py); their
bundles are built with the real bundle layer and imported for real. Each entry is
given exactly: template, standards, event date, so the counts below are exact.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from reflectdesk.bundles import (
    BundleKind,
    BundleMeta,
    build_bundle,
    card_path,
    entry_path,
    journal_record,
    make_card,
)
from reflectdesk.bundles.canonical import canonical_json
from reflectdesk.domain.model import EntryContent, ImportResult, Role
from reflectdesk.ids import uuid7
from reflectdesk.review.records import Verdict
from reflectdesk.services.vault import Vault
from tests.services.batch_helpers import Student, add_contacts, make_students

SECTION = {"free": "body", "gibbs": "description", "kolb": "experience"}


@dataclass(frozen=True)
class Spec:
    """One entry a student sends."""

    template: str
    day: date  # its event date (the dashboard's date)
    standards: tuple[str, ...] = ()
    title: str = "Semana"


def entry_files(
    student: Student, spec: Spec, at: datetime, journal_id: str | None = None
) -> tuple[str, dict[str, bytes]]:
    entry_id, rev_id = uuid7(), uuid7()
    content = EntryContent(
        title=spec.title,
        sections={SECTION[spec.template]: "Observé una clase de fracciones con regletas."},
        standards=spec.standards,
        event_date=spec.day,
        template_id=spec.template,
    ).to_json()
    stamp = at.strftime("%Y-%m-%dT%H:%M:%SZ")
    doc = {
        "format": "reflectdesk-entry",
        "version": 1,
        "id": entry_id,
        "journal_id": journal_id or student.journal_id,
        "created_at": stamp,
        "updated_at": stamp,
        "revisions": [
            {
                "id": rev_id,
                "seq": 1,
                "parent_ids": [],
                "author": student.key_id,
                "created_at": stamp,
                "content_hash": hashlib.sha256(canonical_json(content)).hexdigest(),
                "content": content,
            }
        ],
        "attachments": [],
    }
    return entry_id, {entry_path(entry_id): canonical_json(doc)}


def bundle_bytes(
    tutor: Vault,
    student: Student,
    specs: list[Spec],
    at: datetime,
    *,
    journal_id: str | None = None,
    title: str | None = None,
    titled_at: datetime | None = None,
    entries: dict[str, bytes] | None = None,
) -> bytes:
    """A journal bundle of ``specs`` (or of the entry files ``entries``: the same
    entries sent again) in her journal ``journal_id`` (her usual one), carrying its
    ``title`` (issue 14; None: none, as an older sender's bundle)."""
    files: dict[str, bytes] = {card_path(student.key_id): student.card}
    for spec in specs:
        files.update(entry_files(student, spec, at, journal_id)[1])
    files.update(entries or {})
    if title is not None:
        path, data = journal_record(
            uuid7(), journal_id or student.journal_id, title, student.key_id, titled_at or at
        )
        files[path] = data
    return build_bundle(
        student.identity,
        [tutor.identity.key_pair().public],
        files,
        BundleMeta(BundleKind.JOURNAL),
    )


def send(
    tutor: Vault,
    student: Student,
    specs: list[Spec],
    folder: Path,
    at: datetime,
    *,
    journal_id: str | None = None,
    title: str | None = None,
    titled_at: datetime | None = None,
) -> ImportResult:
    data = bundle_bytes(
        tutor, student, specs, at, journal_id=journal_id, title=title, titled_at=titled_at
    )
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{uuid7()}.rdbundle"
    path.write_bytes(data)
    return tutor.imports.import_bundle(path)


# Monday 2 March 2026 is ISO week 10; 9 March week 11; 16 March week 12.
W10, W11, W12 = date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 16)
AT = datetime(2026, 3, 20, 15, 30, tzinfo=UTC)
LATER = datetime(2026, 3, 27, 9, 0, tzinfo=UTC)


@dataclass
class SmallCohort:
    tutor: Vault
    students: list[Student]  # Ana, Bea, Carla (sorted by name), then Dora (not in it)
    contact_ids: list[str]
    cohort_id: str
    commented: str  # Ana's gibbs entry of week 11: 2 comments and 1 sign-off by the tutor


def small_cohort(tutor: Vault, folder: Path) -> SmallCohort:
    """Three students in a cohort and one outside it:

    - Ana: free W10 [A1], gibbs W11 (Wed) [A1, C7], gibbs W11 (Sun) [] — 3 entries, sent
      on 20 March; the W11 Wednesday one has 2 comments and 1 sign-off by the tutor.
    - Bea: kolb W12 [D10, D11] — 1 entry, sent on 27 March.
    - Carla: nothing sent (a row with zeros).
    - Dora: free W10 [B5] — not in the cohort (only in "all received").
    """
    folder.mkdir(parents=True, exist_ok=True)
    people = make_students(4, seed=7)
    for p, name in zip(people, ("Ana Rojas", "Bea Soto", "Carla Díaz", "Dora Silva"), strict=True):
        p.name = name
        p.card = make_card(p.identity, name=name, role=Role.STUDENT, institution="UMCE")
    ids = add_contacts(tutor, people)
    ana, bea, _carla, dora = people
    send(
        tutor,
        ana,
        [
            Spec("free", W10, ("A1",), "Primera semana"),
            Spec("gibbs", date(2026, 3, 11), ("A1", "C7"), "Incidente"),
            Spec("gibbs", date(2026, 3, 15), (), "Cierre"),
        ],
        folder,
        AT,
    )
    send(tutor, bea, [Spec("kolb", W12, ("D10", "D11"), "Ciclo")], folder, LATER)
    send(tutor, dora, [Spec("free", W10, ("B5",), "Sola")], folder, AT)
    cohort = tutor.cohorts.create("Práctica II — Sección 2", ids[:3])
    journal = next(j for j in tutor.journals.list() if j.author_contact_id == ids[0])
    commented = next(
        s.id for s in tutor.entries.list() if s.journal_id == journal.id and s.title == "Incidente"
    )
    c = tutor.review.add_comment(commented, "description", "¿Qué hiciste?", quote="fracciones")
    tutor.review.reply(c.id, "Y ¿después?")
    tutor.review.sign_off(commented, {"C7": (Verdict.MET, "Bien.")})
    return SmallCohort(tutor, people, ids, cohort.id, commented)


TEMPLATES = ("free", "gibbs", "kolb")
CODES = ("A1", "A2", "A3", "A4", "B5", "B6", "C7", "C8", "C9", "D10", "D11", "D12")


def demo_specs(rnd: random.Random, first: date, weeks: int, entries: int) -> list[Spec]:
    """``entries`` entries spread over ``weeks`` weeks from ``first``, with a student's
    own habits (a favourite template, two favourite standards)."""
    favourite = rnd.choice(TEMPLATES)
    liked = rnd.sample(CODES, 2)
    out = []
    for n in range(entries):
        day = first + timedelta(days=rnd.randrange(weeks * 7))
        template = favourite if rnd.random() < 0.6 else rnd.choice(TEMPLATES)
        codes = {c for c in liked if rnd.random() < 0.5}
        codes |= {rnd.choice(CODES)} if rnd.random() < 0.4 else set()
        out.append(Spec(template, day, tuple(sorted(codes)), f"Semana {n + 1}"))
    return out


def demo_cohort(
    tutor: Vault, folder: Path, *, students: int = 8, weeks: int = 10, seed: int = 3
) -> str:
    """A cohort for screenshots: ``students`` students with 2–9 entries each over
    ``weeks`` weeks of March–May 2026 in two course sections (every third student also
    1–3 in a seminar), some with the tutor's comments and sign-offs.
    Returns the cohort id."""
    folder.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(seed)
    people = make_students(students, seed=seed)
    ids = add_contacts(tutor, people)
    for k, p in enumerate(people):
        specs = demo_specs(rnd, date(2026, 3, 2), weeks, rnd.randint(2, 9))
        # Her journal's title (issue 14): two sections of one course, and every third
        # student a second journal for another course.
        send(tutor, p, specs, folder, AT, title=f"Práctica Profesional II — Sección {1 + k % 2}")
        if k % 3 == 0:
            more = demo_specs(rnd, date(2026, 3, 2), weeks, rnd.randint(1, 3))
            send(tutor, p, more, folder, AT, journal_id=uuid7(), title="Seminario de Investigación")
    cohort = tutor.cohorts.create("Práctica Profesional II — 2026 — Sección 2", ids)
    for summary in tutor.entries.list()[::3]:
        section = SECTION[summary.template_id]
        tutor.review.add_comment(summary.id, section, "¿Por qué?", quote="fracciones")
        if rnd.random() < 0.5:
            tutor.review.sign_off(summary.id, {"A1": (Verdict.MET, "")})
    return cohort.id
