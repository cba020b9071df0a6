"""A realistic, reproducible corpus: practicum reflections in Spanish and English.

``python benchmarks/corpus.py OUT_DIR [--entries N]`` builds a vault (light KDF:
key derivation is excluded from every figure) with N entries of about 600 words,
tags and MBE standards, through the real services. Reused when it exists.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from reflectdesk.bundles.canonical import canonical_json
from reflectdesk.crypto.kdf import KdfParams
from reflectdesk.domain.model import EntryContent, Role
from reflectdesk.ids import uuid7
from reflectdesk.services.vault import NewProfile, Vault
from reflectdesk.templates.builtin import builtin_template

PASSPHRASE = "benchmark passphrase 2026"

ES = (
    "la clase los estudiantes trabajaron en grupos con material concreto y la profesora guía "
    "observó cómo explicaban sus estrategias para resolver problemas de fracciones durante la "
    "actividad inicial algunos alumnos se distrajeron cuando la instrucción fue demasiado larga "
    "por eso decidí modelar un ejemplo en la pizarra y luego pedir que compararan respuestas "
    "reflexión evaluación formativa ticket de salida retroalimentación participación clima de "
    "aula inclusión diversidad lenguaje matemático preguntas abiertas tiempo de espera "
    "planificación objetivo de aprendizaje indicadores evidencia conversación con mi mentora "
    "incidente crítico compromiso de mejora estudio de clases ronda de aprendizaje comunidad "
    "escuela liceo apoderados convivencia escolar lectura escritura ciencias historia inglés "
    "me sentí insegura al comienzo pero después noté que las preguntas funcionaron mejor "
    "la próxima semana intentaré dar instrucciones más breves y usar señales visuales "
    "según el marco para la buena enseñanza debo considerar las características de mis "
    "estudiantes y establecer un ambiente de respeto y organización del tiempo"
).split()
EN = (
    "the lesson students worked in small groups with manipulatives while my mentor observed "
    "how they explained their strategies for solving fraction problems during the warm up "
    "some pupils lost focus when the instructions were too long so I modelled an example on "
    "the board and then asked them to compare answers reflection formative assessment exit "
    "ticket feedback participation classroom climate inclusion diversity mathematical "
    "language open questions wait time planning learning goal success criteria evidence "
    "conversation with my mentor critical incident improvement commitment lesson study "
    "learning round community school parents behaviour reading writing science history "
    "I felt nervous at first but later I noticed the questions worked better next week I "
    "will try shorter instructions and visual cues the framework for good teaching reminds "
    "me to consider my students and build a respectful organised environment"
).split()
TAGS = [
    "fracciones",
    "evaluación",
    "clima-de-aula",
    "inclusión",
    "lectura",
    "grupos",
    "retroalimentación",
    "planificación",
    "lesson-study",
    "ronda",
    "feedback",
    "questioning",
]
STANDARDS = [f"{d}{n}" for d, n in zip("AAABBBCCCDDD", range(1, 13), strict=True)]
TEMPLATES = ["gibbs", "alact", "rolfe", "free", "learning-round", "critical-incident"]
QUERIES = [
    "reflexion",
    "evaluacion formativa",
    '"ticket de salida"',
    "fraccion*",
    "mentor",
    "grupos AND material",
    "inclusion OR diversidad",
    "clima NOT ingles",
    "feedback",
    '"exit ticket"',
    "question*",
    "lesson study",
    "planificacion objetivo",
    "apoderados",
    "insegura",
    "pizarra",
    "wait time",
    "convivencia escolar",
    "estrateg*",
    "nervous",
]


def entry_text(
    rng: random.Random, words: int = 600, keys: list[str] | None = None
) -> tuple[str, dict[str, str]]:
    vocab = ES if rng.random() < 0.6 else EN
    title = " ".join(rng.choice(vocab) for _ in range(rng.randint(3, 7))).capitalize()
    sections = {}
    keys = keys or ["description", "feelings", "evaluation", "analysis", "conclusion", "action"]
    per = words // len(keys)
    for key in keys:
        sentences = []
        remaining = per
        while remaining > 0:
            n = min(remaining, rng.randint(8, 20))
            sentences.append(" ".join(rng.choice(vocab) for _ in range(n)).capitalize() + ".")
            remaining -= n
        sections[key] = " ".join(sentences)
    return title, sections


def entry_file(
    journal_id: str, author: str, stamp: str, content: dict[str, Any]
) -> tuple[str, bytes]:
    """A new entry of a journal bundle: its id and its file (one revision by ``author``
    at ``stamp`` with ``content``, an ``EntryContent.to_json()``)."""
    entry_id = uuid7()
    doc = {
        "format": "reflectdesk-entry",
        "version": 1,
        "id": entry_id,
        "journal_id": journal_id,
        "created_at": stamp,
        "updated_at": stamp,
        "revisions": [
            {
                "id": uuid7(),
                "seq": 1,
                "parent_ids": [],
                "author": author,
                "created_at": stamp,
                "content_hash": hashlib.sha256(canonical_json(content)).hexdigest(),
                "content": content,
            }
        ],
        "attachments": [],
    }
    return entry_id, canonical_json(doc)


def make_content(rng: random.Random, day: date) -> EntryContent:
    template = builtin_template(rng.choice(TEMPLATES))
    # Answer the template's top-level prompts, as a writer would.
    keys = [p.key for p in template.prompts][:6]
    title, sections = entry_text(rng, keys=keys)
    return EntryContent(
        title=title,
        sections=sections,
        tags=tuple(rng.sample(TAGS, rng.randint(1, 3))),
        standards=tuple(rng.sample(STANDARDS, rng.randint(1, 3))),
        event_date=day,
        template_id=template.id,
        template_version=template.version,
    )


def build(out: Path, entries: int, seed: int = 2026) -> Path:
    vault_dir = out / f"corpus-{entries}"
    if Vault.exists(vault_dir):
        return vault_dir
    rng = random.Random(seed)
    vault, _ = Vault.create(
        vault_dir,
        PASSPHRASE,
        NewProfile("Bench", Role.STUDENT),
        kdf_params=KdfParams.insecure_for_tests(),
    )
    journals = [vault.journals.create(f"Práctica {i}").id for i in range(1, 5)]
    start = date(2025, 3, 1)
    t0 = time.perf_counter()
    for i in range(entries):
        day = start + timedelta(days=i % 600)
        vault.entries.add(rng.choice(journals), make_content(rng, day))
    vault.close()
    print(f"built {entries} entries in {time.perf_counter() - t0:.1f} s -> {vault_dir}")
    return vault_dir


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--entries", type=int, default=10_000)
    args = ap.parse_args()
    build(args.out, args.entries)


if __name__ == "__main__":
    main()
