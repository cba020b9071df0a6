"""A small case study with everything a REFI-QDA project carries."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from reflectdesk.research.model import (
    Attribute,
    Case,
    Code,
    CodedSelection,
    Memo,
    Project,
    Source,
    User,
    case_attributes,
)

# Accents, an emoji (one code point, two UTF-16 units) and a line break before the passages.
TEXT_1 = "Hoy 😀 la clase de fracciones salió mejor.\nLos estudiantes explicaron sus estrategias."
TEXT_2 = "Me sentí insegura al comienzo; después noté que las preguntas abiertas funcionaron."
WHEN = datetime(2026, 11, 30, 14, 5, 9, tzinfo=UTC)


def passage(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def sample_project() -> Project:
    s1, e1 = passage(TEXT_1, "la clase de fracciones")
    s2, e2 = passage(TEXT_1, "explicaron sus estrategias")
    s3, e3 = passage(TEXT_2, "preguntas abiertas")
    return Project(
        name="Retroalimentación en la práctica",
        origin="ReflectDesk 0.0 (tests)",
        description="¿Cómo usan la retroalimentación los practicantes?",
        users=(User("u-1", "Investigadora"), User("u-2", "Ayudante")),
        codes=(
            Code("c-root", "Enseñanza", color="#3366CC", description="Todo lo que hace en aula"),
            Code(
                "c-1",
                "Estrategias",
                parent="c-root",
                color="#FF0000",
                memos=(Memo("m-c1", "Código amplio", "Nota", "u-1", WHEN),),
            ),
            Code("c-2", "Emociones", color="#00AA00", description="Sentimientos declarados"),
            Code("c-3", "Preguntas", parent="c-1", codable=True),
        ),
        sources=(
            Source(
                "s-1",
                "Entrada 1 — descripción",
                TEXT_1,
                (Attribute("Sección", "Descripción"), Attribute("Semana", 3)),
                user="u-1",
                created=WHEN,
            ),
            Source(
                "s-2",
                "Entrada 2 — sentimientos",
                TEXT_2,
                (Attribute("Sección", "Sentimientos"), Attribute("Fecha", date(2026, 11, 2))),
                memos=(Memo("m-s2", "Entrada breve"),),
            ),
        ),
        selections=(
            CodedSelection(
                "x-1",
                "s-1",
                s1,
                e1,
                "c-1",
                "u-1",
                WHEN,
                (Memo("m-x1", "Pasaje clave 😀", user="u-2", created=WHEN),),
            ),
            CodedSelection("x-2", "s-1", s2, e2, "c-3", "u-2", WHEN),
            CodedSelection("x-3", "s-2", s3, e3, "c-3"),
            CodedSelection("x-4", "s-2", 0, 19, "c-2", "u-1"),
        ),
        cases=(
            Case(
                "k-1",
                "Estudiante A",
                "Memo del caso: practicante de segundo año",
                case_attributes(
                    cohort="2026",
                    school_type="Municipal",
                    template="gibbs",
                    mbe_standards=("A1", "C7"),
                ),
                ("s-1", "s-2"),
            ),
        ),
        memos=(Memo("m-p", "Memo del proyecto", "Inicio", "u-1", WHEN),),
        creating_user="u-1",
        created=WHEN,
    )


@pytest.fixture()
def project() -> Project:
    return sample_project()
