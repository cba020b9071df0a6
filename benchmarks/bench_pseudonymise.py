"""Benchmark: pseudonymisation proposals for a case study (issue 15, target ≤ 5 s).

2,000 entries of about 600 words (the corpus vocabulary, 60 % Spanish), each with a few
names of the map (with and without accents, any case), a RUT, an e-mail address and a
phone number, against a map of 500 names (students, pupils, schools, communes) and the
patterns. Timed: :func:`reflectdesk.research.pseudonymise.propose` (compiling the map
included) and :func:`apply` of every proposal, best of ``--repeat`` runs.

Run: ``.venv/bin/python benchmarks/bench_pseudonymise.py [--entries N] [--names N]
[--repeat N]``.
"""

from __future__ import annotations

import argparse
import random
import time

from corpus import EN, ES
from reflectdesk.research.pseudonymise import (
    COMMUNE,
    PUPIL,
    SCHOOL,
    STUDENT,
    PseudonymMap,
    apply_all,
    propose,
    rut_check_digit,
)

FIRST = (
    "José María Ana Sofía Matías Benjamín Martina Florencia Agustín Tomás Valentina Ignacio "
    "Catalina Joaquín Antonia Vicente Isidora Cristóbal Fernanda Diego Camila Sebastián "
    "Javiera Nicolás Constanza Felipe Trinidad Lucas Amanda Gaspar Renata Maximiliano Emilia"
).split()
LAST = (
    "González Muñoz Rojas Díaz Pérez Soto Contreras Silva Martínez Sepúlveda Morales "
    "Rodríguez López Fuentes Hernández Torres Araya Flores Espinoza Valenzuela Castillo "
    "Tapia Reyes Gutiérrez Castro Pizarro Álvarez Vásquez Sánchez Fernández Ramírez Carrasco"
).split()
PLACES = (
    "Los Aromos|El Roble|Santa Teresa|San Alberto|Las Araucarias|Arturo Prat|Gabriela "
    "Mistral|Pablo Neruda|Bernardo O'Higgins|Los Andes|Valle Verde|Alto Hospicio"
).split("|")
COMMUNES = (
    "Puente Alto|Maipú|La Florida|Ñuñoa|Peñalolén|Recoleta|Quilicura|Estación Central|"
    "Viña del Mar|Valparaíso|Concepción|Temuco|Antofagasta|Rancagua|Talca|Chillán"
).split("|")


def build_map(rng: random.Random, size: int) -> tuple[PseudonymMap, list[str]]:
    pmap = PseudonymMap()
    written: list[str] = []
    n = 0
    for place in PLACES:
        pmap = pmap.add(f"school-{n}", SCHOOL, [f"Escuela {place}", f"Liceo {place}"])
        written.append(f"Escuela {place}")
        n += 1
    for commune in COMMUNES:
        pmap = pmap.add(f"commune-{n}", COMMUNE, [commune])
        written.append(commune)
        n += 1
    seen: set[str] = set()
    while n < size:
        full = f"{rng.choice(FIRST)} {rng.choice(LAST)} {rng.choice(LAST)}"
        if full in seen:
            continue
        seen.add(full)
        kind = STUDENT if n % 3 else PUPIL
        pmap = pmap.add(f"person-{n}", kind, [full, full.rsplit(" ", 1)[0]])
        written.append(full.rsplit(" ", 1)[0])
        n += 1
    return pmap, written


def rut(rng: random.Random) -> str:
    body = str(rng.randint(5_000_000, 25_999_999))
    dotted = f"{int(body):,}".replace(",", ".")
    return f"{dotted}-{rut_check_digit(body)}"


def make_texts(rng: random.Random, entries: int, written: list[str]) -> dict[str, str]:
    texts = {}
    for i in range(entries):
        vocab = ES if rng.random() < 0.6 else EN
        words = [rng.choice(vocab) for _ in range(600)]
        for _ in range(5):
            name = rng.choice(written)
            words[rng.randrange(len(words))] = rng.choice([name, name.lower(), name.upper()])
        words[rng.randrange(len(words))] = f"RUT {rut(rng)}"
        words[rng.randrange(len(words))] = f"alumno{i}@colegio.cl"
        words[rng.randrange(len(words))] = (
            f"+56 9 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}"
        )
        texts[f"entry-{i}"] = " ".join(words)
    return texts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=2000)
    parser.add_argument("--names", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(2026)
    pmap, written = build_map(rng, args.names)
    texts = make_texts(rng, args.entries, written)
    words = sum(len(t.split()) for t in texts.values())
    forms = sum(len(p.names) for p in pmap.people)
    best_propose = best_apply = float("inf")
    found = 0
    for _ in range(args.repeat):
        start = time.perf_counter()
        proposals = propose(texts, pmap)
        best_propose = min(best_propose, time.perf_counter() - start)
        start = time.perf_counter()
        apply_all(texts, proposals)
        best_apply = min(best_apply, time.perf_counter() - start)
        found = len(proposals)
    print(
        f"{len(texts)} entries, {words:,} words; map of {len(pmap.people)} people "
        f"({forms} written forms) and the patterns"
    )
    print(f"proposals: {found:,}")
    print(f"propose (best of {args.repeat}): {best_propose:.2f} s  (target <= 5 s)")
    print(f"apply every proposal (best of {args.repeat}): {best_apply:.2f} s")


if __name__ == "__main__":
    main()
