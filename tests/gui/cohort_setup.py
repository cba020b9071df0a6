"""A university tutor's cohort as real vaults (issue 14, the journey test).

Twenty students, each a real vault (light KDF parameters), write entries with
templates, MBE standards and dates over three weeks and export them as a real
student does (``vault.exports.export``: real keys, age encryption, signatures). The
folder holds 60 bundle files:

- 19 known students x 3 weekly bundles = 57, of which
  3 are tampered (a byte flipped / the file truncated / two files swapped inside and
  re-encrypted to the tutor) and 2 were sealed for another tutor;
- 1 more bundle from student 0's laptop: the same identity on a copy of her vault,
  editing the same section of one entry as her home computer did (a conflict);
- 1 from a student who is not yet in the tutor's contacts (her whole journal);
- 1 from a key the tutor has revoked (a former student's lost laptop).

Building it takes a few seconds (vaults with light KDF parameters); ``expected``
says what the tutor must hold per student once the good bundles and the unknown
sender's are imported: entries, entries per ISO week, templates, standards.
"""

from __future__ import annotations

import json
import shutil
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from reflectdesk.bundles import Identity, make_card
from reflectdesk.crypto.kdf import KdfParams
from reflectdesk.domain.model import EntryContent, ExportRequest, Role
from reflectdesk.services.vault import NewProfile, Vault
from reflectdesk.storage.database import DB_NAME
from tests.bundles.helpers import encrypt_to, unpack, zip_of
from tests.gui.conftest import PASSPHRASE

JOURNAL = "Práctica Profesional II"
WEEKS = (10, 11, 12)  # ISO weeks of 2026
NAMES = (
    "Camila Pérez", "Diego González", "Valentina Muñoz", "Matías Rojas", "Josefa Díaz",
    "Benjamín Soto", "Isidora Contreras", "Tomás Silva", "Antonia Morales", "Vicente López",
    "Florencia Reyes", "Agustín Fuentes", "Martina Castillo", "Lucas Espinoza",
    "Emilia Torres", "Joaquín Araya", "Catalina Vargas", "Maximiliano Núñez",
    "Fernanda Herrera", "Amanda Jara",  # the 20th: not yet in the tutor's contacts
)  # fmt: skip
FORMER = "Ignacio Vidal"  # last year's student: his key was revoked (a stolen laptop)
TEMPLATES: dict[str, tuple[str, ...]] = {
    "gibbs": ("description", "feelings", "analysis"),
    "alact": ("action", "teacher-do"),
    "learning-round": ("setting",),
    "free": ("body",),
}
SECTION_TEXT = {
    "description": "Semana {week}: observé una clase de fracciones en 4° básico.",
    "feelings": "Me sentí tranquila al principio y luego con poco tiempo.",
    "analysis": "Las preguntas abiertas funcionaron mejor que la guía escrita.",
    "action": "Semana {week}: probé el trabajo en parejas con material concreto.",
    "teacher-do": "Esperé más tiempo antes de dar la respuesta.",
    "setting": "Semana {week}: sala de 32 estudiantes, segundo bloque.",
    "body": "Semana {week}: notas breves de la práctica.",
}
STANDARDS = (("A1", "C7"), ("C9",), (), ("A3", "B5", "C7"), ("D10",))
CONFLICT_SECTION = "feelings"


@dataclass
class Expected:
    """What the tutor holds of one student once her good bundles are imported."""

    entries: int = 0
    weeks: Counter[tuple[int, int]] = field(default_factory=Counter)  # (ISO year, week)
    templates: Counter[str] = field(default_factory=Counter)
    standards: Counter[str] = field(default_factory=Counter)


@dataclass
class CohortStudent:
    name: str
    key_id: str
    contact_id: str | None  # at the tutor (None: not a contact yet)
    safety_number: str  # as her own vault shows it for the tutor
    contents: dict[str, EntryContent] = field(default_factory=dict)  # entry id -> latest

    def expected(self, received: set[str]) -> Expected:
        out = Expected()
        for entry_id, content in self.contents.items():
            if entry_id not in received:
                continue
            out.entries += 1
            if content.event_date is not None:
                iso = content.event_date.isocalendar()
                out.weeks[(iso.year, iso.week)] += 1
            out.templates[content.template_id] += 1
            out.standards.update(content.standards)
        return out


@dataclass
class CohortFolder:
    folder: Path
    students: list[CohortStudent]  # the 20: 19 known, the last unknown
    good: list[Path]
    tampered: dict[str, Path]  # "flipped", "truncated", "swapped"
    not_for_you: list[Path]
    unknown: Path
    revoked: Path
    laptop: Path  # the conflicting bundle from student 0's second computer
    conflict_entry: str  # student 0's entry id changed on both computers
    conflict_texts: tuple[str, str]  # (home, laptop) text of CONFLICT_SECTION
    received: dict[str, set[str]] = field(default_factory=dict)  # name -> entry ids

    @property
    def unknown_student(self) -> CohortStudent:
        return self.students[-1]

    def expected(self, name: str) -> Expected:
        student = next(s for s in self.students if s.name == name)
        return student.expected(self.received[name])


def _vault(path: Path, name: str) -> Vault:
    vault, _key = Vault.create(
        path,
        PASSPHRASE,
        NewProfile(name, Role.STUDENT, "es", "UMCE"),
        kdf_params=KdfParams.insecure_for_tests(),
    )
    return vault


def _content(i: int, week: int, n: int) -> EntryContent:
    template = list(TEMPLATES)[(i + week + n) % len(TEMPLATES)]
    if i == 0 and week == 1 and n == 0:
        template = "gibbs"  # the entry she will change on two computers
    sections = {key: SECTION_TEXT[key].format(week=week + 1) for key in TEMPLATES[template]}
    day = date.fromisocalendar(2026, WEEKS[week], 1 + (n + i) % 5)
    return EntryContent(
        title=f"Semana {week + 1} — reflexión {n + 1}",
        sections=sections,
        tags=("práctica",),
        standards=STANDARDS[(i + n) % len(STANDARDS)],
        event_date=day,
        template_id=template,
    )


def _second_computer(vault: Vault, source: Path, target: Path) -> Vault:
    """A copy of ``vault`` (same keys): the same student's laptop."""
    vault._unlocked().db.checkpoint()
    target.mkdir(mode=0o700)
    for name in ("vault.rdh", DB_NAME):
        shutil.copy2(source / name, target / name)
    copy = Vault.open(target)
    copy.unlock(PASSPHRASE)
    return copy


def _swap_inside(data: bytes, tutor: Identity) -> bytes:
    """Two entry files of the bundle swapped, re-zipped and re-encrypted to the tutor:
    what someone who could read it would do. The signed list no longer matches."""
    members = unpack(data, tutor)
    names = sorted(n for n in members if n.startswith("entries/"))
    assert len(names) >= 2, names
    members[names[0]], members[names[1]] = members[names[1]], members[names[0]]
    return encrypt_to(zip_of(members), [tutor.public])


def build_cohort(tutor: Vault, root: Path) -> CohortFolder:
    """The students' vaults under ``root / "students"``, their bundles under
    ``root / "cohorte"`` (a sub-folder per week); the tutor's contacts set up: the 19
    known students verified, the former student revoked."""
    folder = root / "cohorte"
    homes = root / "students"
    out = root / "exports"
    for d in (folder, homes, out):
        d.mkdir(parents=True)
    other_tutor = make_card(Identity.generate(), name="Otra Tutora", role=Role.EDUCATOR)
    tutor_key = tutor.identity.key_pair()
    students: list[CohortStudent] = []
    result = CohortFolder(folder, students, [], {}, [], Path(), Path(), Path(), "", ("", ""))

    def put(week: int, name: str, data: bytes | None = None, src: Path | None = None) -> Path:
        target = folder / f"semana-{week + 1}" / name
        target.parent.mkdir(exist_ok=True)
        if src is not None:
            src.replace(target)
        else:
            assert data is not None
            target.write_bytes(data)
        return target

    def export(vault: Vault, to: str, ids: list[str]) -> Path:
        request = ExportRequest(recipients=(to,), entry_ids=tuple(ids), history=True)
        return vault.exports.export(request, out).path

    for i, name in enumerate(NAMES):
        vault = _vault(homes / f"s{i:02d}", name)
        try:
            tutor_here = vault.contacts.import_card(tutor.identity.card()).contact
            assert tutor_here is not None
            other_here = vault.contacts.import_card(other_tutor).contact
            assert other_here is not None
            known = i < len(NAMES) - 1
            contact_id = None
            if known:
                contact = tutor.contacts.import_card(vault.identity.card()).contact
                assert contact is not None
                tutor.contacts.verify(contact.id)
                contact_id = contact.id
            student = CohortStudent(
                name,
                vault.identity.public().key_id_hex,
                contact_id,
                vault.contacts.safety_number(tutor_here.id),
            )
            students.append(student)
            received = result.received.setdefault(name, set())
            journal = vault.journals.create(JOURNAL).id
            laptop: Vault | None = None
            week_ids: list[list[str]] = []
            for week in range(len(WEEKS)):
                ids = []
                for n in range(1 + (i + week) % 3):
                    content = _content(i, week, n)
                    entry_id = vault.entries.add(journal, content).id
                    student.contents[entry_id] = content
                    ids.append(entry_id)
                week_ids.append(ids)
                if i == 0 and week == 1:
                    laptop = _second_computer(vault, homes / "s00", homes / "s00-laptop")
                if i == 0 and week == 2:
                    assert laptop is not None
                    result.conflict_entry = entry_id = week_ids[1][0]
                    base = student.contents[entry_id]
                    home_text = "En casa: me sentí escuchada, pero con dudas sobre el tiempo."
                    laptop_text = "En el portátil: me sentí apoyada por la profesora guía."
                    for v, text in ((vault, home_text), (laptop, laptop_text)):
                        sections = {**dict(base.sections), CONFLICT_SECTION: text}
                        v.entries.edit(entry_id, replace(base, sections=sections))
                    result.conflict_texts = (home_text, laptop_text)
                    ids.append(entry_id)
                    laptop_here = next(c for c in laptop.contacts.list() if c.id == tutor_here.id)
                    result.laptop = put(week, "camila-portatil.rdbundle",
                                        src=export(laptop, laptop_here.id, [entry_id]))  # fmt: skip
                    laptop.close()
                    received.add(entry_id)
                if not known:
                    continue
                first = unicodedata.normalize("NFKD", name.split()[0].lower())
                file_name = f"{i:02d}-{first.encode('ascii', 'ignore').decode()}.rdbundle"
                if week < 2 or i > 5:
                    result.good.append(put(week, file_name, src=export(vault, tutor_here.id, ids)))
                    received.update(ids)
                elif i in (1, 2, 3):
                    data = export(vault, tutor_here.id, ids).read_bytes()
                    kind = ("flipped", "truncated", "swapped")[i - 1]
                    if kind == "flipped":
                        spoilt = bytearray(data)
                        spoilt[len(spoilt) // 2] ^= 0x01
                        data = bytes(spoilt)
                    elif kind == "truncated":
                        data = data[: len(data) * 2 // 3]
                    else:
                        data = _swap_inside(data, tutor_key)
                    result.tampered[kind] = put(week, file_name, data)
                elif i in (4, 5):
                    path = export(vault, other_here.id, ids)
                    result.not_for_you.append(put(week, file_name, src=path))
                else:  # i == 0, week 3: her home computer's bundle
                    result.good.append(put(week, file_name, src=export(vault, tutor_here.id, ids)))
                    received.update(ids)
            if not known:  # her whole journal, once, from someone the tutor does not know
                all_ids = [e for ids in week_ids for e in ids]
                result.unknown = put(2, "amanda-jara.rdbundle",
                                     src=export(vault, tutor_here.id, all_ids))  # fmt: skip
                received.update(all_ids)
        finally:
            vault.close()
    former = _vault(homes / "former", FORMER)
    try:
        tutor_here = former.contacts.import_card(tutor.identity.card()).contact
        assert tutor_here is not None
        contact = tutor.contacts.import_card(former.identity.card()).contact
        assert contact is not None
        tutor.contacts.revoke(contact.id)
        journal = former.journals.create(JOURNAL).id
        ids = [former.entries.add(journal, _content(20, 2, 0)).id]
        result.revoked = put(2, "ignacio-vidal.rdbundle", src=export(former, tutor_here.id, ids))
    finally:
        former.close()
    shutil.rmtree(out)
    return result


def describe(cohort: CohortFolder) -> str:
    """A summary for a failing assertion (no journal text)."""
    return json.dumps(
        {s.name: cohort.expected(s.name).entries for s in cohort.students}, ensure_ascii=False
    )
