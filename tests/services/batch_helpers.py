"""A cohort of students sending bundles to a tutor (batch import tests, the GUI test and
``benchmarks/bench_batch_import.py``).

Students are key pairs with signed cards, not whole vaults: a bundle is made with the
pure bundle layer (real keys, real age encryption, real signatures), as a student's
vault would export it, so 500 of them are built in seconds.
"""

from __future__ import annotations

import hashlib
import os
import random
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from reflectdesk.bundles import (
    BundleKind,
    BundleMeta,
    Identity,
    PublicIdentity,
    attachment_path,
    build_bundle,
    card_path,
    entry_path,
    make_card,
)
from reflectdesk.bundles.canonical import canonical_json
from reflectdesk.domain.model import EntryContent, Role
from reflectdesk.ids import uuid7
from reflectdesk.services.vault import Vault

WORDS = [
    "hoy",
    "observé",
    "una",
    "clase",
    "de",
    "matemáticas",
    "en",
    "segundo",
    "básico",
    "los",
    "estudiantes",
    "trabajaron",
    "fracciones",
    "con",
    "material",
    "concreto",
    "y",
    "la",
    "profesora",
    "guía",
    "registró",
    "sus",
    "preguntas",
    "durante",
    "la",
    "actividad",
    "reflexioné",
    "sobre",
    "el",
    "tiempo",
    "de",
    "espera",
    "y",
    "la",
    "retroalimentación",
    "oportuna",
]
FIRST = ("Camila", "Diego", "Valentina", "Matías", "Josefa", "Benjamín", "Isidora", "Tomás")
LAST = ("Pérez", "González", "Muñoz", "Rojas", "Díaz", "Soto", "Contreras", "Silva")


@dataclass
class Student:
    identity: Identity
    name: str
    card: bytes
    journal_id: str

    @property
    def key_id(self) -> str:
        return self.identity.public.key_id_hex


def make_students(n: int, *, seed: int = 14) -> list[Student]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        identity = Identity.generate()
        name = f"{rnd.choice(FIRST)} {rnd.choice(LAST)} {i + 1:03d}"
        card = make_card(identity, name=name, role=Role.STUDENT, institution="UMCE")
        out.append(Student(identity, name, card, uuid7()))
    return out


def _text(rnd: random.Random, words: int) -> str:
    return " ".join(rnd.choice(WORDS) for _ in range(words))


def _entry(
    rnd: random.Random,
    title: str,
    words: int,
    journal_id: str,
    image: bytes | None,
    author: str,
) -> tuple[str, dict[str, bytes]]:
    entry_id, rev_id = uuid7(), uuid7()
    content = EntryContent(title=title, sections={"body": _text(rnd, words)}).to_json()
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    files: dict[str, bytes] = {}
    attachments = []
    if image is not None:
        att_id = uuid7()
        attachments.append(
            {
                "id": att_id,
                "filename": "pizarra.png",
                "media_type": "image/png",
                "size": len(image),
                "sha256": hashlib.sha256(image).hexdigest(),
                "created_at": now,
            }
        )
        files[attachment_path(att_id)] = image
    doc = {
        "format": "reflectdesk-entry",
        "version": 1,
        "id": entry_id,
        "journal_id": journal_id,
        "created_at": now,
        "updated_at": now,
        "revisions": [
            {
                "id": rev_id,
                "seq": 1,
                "parent_ids": [],
                "author": author,  # the signer's key id, as an export writes it
                "created_at": now,
                "content_hash": hashlib.sha256(canonical_json(content)).hexdigest(),
                "content": content,
            }
        ],
        "attachments": attachments,
    }
    files[entry_path(entry_id)] = canonical_json(doc)
    return entry_id, files


def student_bundle(
    student: Student,
    to: list[PublicIdentity],
    *,
    entries: int = 3,
    words: int = 40,
    image_every: int = 0,  # every n-th entry carries an image (0: none)
    image_bytes: int = 200 * 1024,
    seed: int = 0,
) -> bytes:
    rnd = random.Random(seed)
    files: dict[str, bytes] = {card_path(student.key_id): student.card}
    for n in range(entries):
        image = None
        if image_every and n % image_every == 0:
            image = b"\x89PNG\r\n\x1a\n" + os.urandom(image_bytes - 8)
        _, more = _entry(rnd, f"Semana {n + 1}", words, student.journal_id, image, student.key_id)
        files.update(more)
    return build_bundle(student.identity, to, files, BundleMeta(BundleKind.JOURNAL))


def tamper(data: bytes) -> bytes:
    """One bit flipped in the encrypted payload (past the header)."""
    out = bytearray(data)
    out[len(out) // 2] ^= 0x01
    return bytes(out)


def add_contacts(tutor: Vault, students: list[Student], *, verify: bool = True) -> list[str]:
    ids = []
    for s in students:
        contact = tutor.contacts.import_card(s.card).contact
        assert contact is not None
        if verify:
            tutor.contacts.verify(contact.id)
        ids.append(contact.id)
    return ids


@dataclass
class Cohort:
    """A folder of bundles with known refusals among good ones."""

    folder: Path
    students: list[Student]
    contact_ids: list[str]  # the known students' contact ids at the tutor
    good: list[Path]
    tampered: list[Path]
    not_for_you: list[Path]
    unknown: list[Path]  # from a student who is no contact of the tutor
    revoked: list[Path]
    unknown_student: Student


def make_cohort(
    tutor: Vault,
    folder: Path,
    *,
    students: int = 20,
    bundles: int = 60,
    tampered: int = 3,
    not_for_you: int = 2,
    entries: int = 2,
) -> Cohort:
    """``bundles`` files from ``students`` students in ``folder`` (sub-folders per
    week): ``tampered`` tampered, ``not_for_you`` sealed to someone else, one from a
    student the tutor does not know and one from a student whose contact is revoked."""
    folder.mkdir(parents=True, exist_ok=True)
    people = make_students(students + 1)
    unknown_student = people.pop()
    ids = add_contacts(tutor, people)
    revoked_student = people[-1]
    tutor.contacts.revoke(ids[-1])
    me = [tutor.identity.key_pair().public]
    other = [Identity.generate().public]
    plain = bundles - tampered - not_for_you - 2
    result = Cohort(folder, people, ids, [], [], [], [], [], unknown_student)
    senders = [p for p in people if p is not revoked_student]

    def write(name: str, data: bytes) -> Path:
        week = folder / f"semana-{len(list(folder.rglob('*.rdbundle'))) % 3 + 1}"
        week.mkdir(exist_ok=True)
        path = week / name
        path.write_bytes(data)
        return path

    for i in range(plain):
        s = senders[i % len(senders)]
        data = student_bundle(s, me, entries=entries, seed=i)
        result.good.append(write(f"{i:03d}-bueno.rdbundle", data))
    for i in range(tampered):
        s = senders[i % len(senders)]
        data = tamper(student_bundle(s, me, entries=entries, seed=100 + i))
        result.tampered.append(write(f"{i:03d}-alterado.rdbundle", data))
    for i in range(not_for_you):
        s = senders[i % len(senders)]
        data = student_bundle(s, other, entries=entries, seed=200 + i)
        result.not_for_you.append(write(f"{i:03d}-otro.rdbundle", data))
    data = student_bundle(unknown_student, me, entries=entries, seed=300)
    result.unknown.append(write("desconocido.rdbundle", data))
    data = student_bundle(revoked_student, me, entries=entries, seed=400)
    result.revoked.append(write("revocado.rdbundle", data))
    return result
