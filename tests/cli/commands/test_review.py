"""The mentor review through the real CLI: two vaults, a real bundle, comments, replies,
resolve, sign-off and its withdrawal, the queue, the student's submit; es and en."""

from __future__ import annotations

from pathlib import Path

import pytest

from reflectdesk.services.vault import Vault
from tests.cli.commands.test_bundles import Cli, Person, give_card
from tests.support import PASSPHRASE

TEXT = "Trabajamos fracciones con pizzas. Después, fracciones con regletas."


@pytest.fixture
def student(cli: Cli, tmp_path: Path) -> Person:
    return Person(cli, tmp_path / "student", "Camila Pérez", "student")


@pytest.fixture
def mentor(cli: Cli, tmp_path: Path) -> Person:
    return Person(cli, tmp_path / "mentor", "Ana Mentor", "mentor")


def _records_to(source: Person, target: Person) -> None:
    """Stands in for the feedback bundle (not built yet): the records as they travel."""
    src = Vault.open(source.vault_dir)
    dst = Vault.open(target.vault_dir)
    try:
        src.unlock(PASSPHRASE)
        dst.unlock(PASSPHRASE)
        dst.review.receive(src.review.records(), src.identity.public().key_id_hex)
    finally:
        src.close()
        dst.close()


def test_review_round_trip_through_the_cli(student: Person, mentor: Person, tmp_path: Path) -> None:
    give_card(student, mentor, tmp_path)
    give_card(mentor, student, tmp_path)
    journal = student.ok("journal", "create", "Práctica II").strip()
    entry = student.ok(
        "entry", "add", "--journal", journal, "--template", "gibbs", "--title", "Fracciones",
        "--section", f"description={TEXT}", "--standard", "C7",
    ).strip()  # fmt: skip
    assert "ready for feedback" in student.ok("entry", "submit", entry)
    out = tmp_path / "usb"
    out.mkdir()
    printed = student.ok("bundle", "export", "--to", "Ana Mentor", "--journal", "Práctica II",
                         "-o", str(out))  # fmt: skip
    mentor.ok("bundle", "import", printed.strip().splitlines()[-1], "--yes")
    _records_to(student, mentor)
    (queued,) = mentor.json("review", "queue", "--json")  # type: ignore[misc]
    assert queued["title"] == "Fracciones" and queued["waiting_sign_off"]  # type: ignore[index]
    here = str(queued["entry_id"])  # type: ignore[index]

    comment = mentor.ok(
        "comment", "add", here, "--section", "description", "--quote", "pizzas",
        "--text", "¿Por qué pizzas?",
    ).strip()  # fmt: skip
    reply = mentor.ok("comment", "reply", comment[:12], "--text", "Y ¿regletas?").strip()
    mentor.ok("comment", "resolve", comment)
    signed = mentor.ok(
        "signoff", "add", here, "--standard", "C7=met:Preguntas abiertas.", "--note", "Bien."
    ).strip()
    listed = mentor.json("comment", "list", here, "--json")
    (thread,) = listed["threads"]  # type: ignore[index]
    assert thread["quote"] == "pizzas" and thread["resolved"] and thread["start"] == 26
    assert [r["id"] for r in thread["replies"]] == [reply]
    (sign_off,) = listed["sign_offs"]  # type: ignore[index]
    assert sign_off["id"] == signed and sign_off["standards"][0]["verdict"] == "met"
    assert mentor.json("review", "queue", "--json") == []

    # The student gets it in her own entry; her listing names the mentor and the standard.
    _records_to(mentor, student)
    text = student.ok("comment", "list", entry)
    assert "Ana Mentor" in text and "«pizzas»" in text and "C7 — " in text
    spanish = student.ok("--lang", "es", "comment", "list", entry)
    assert "Aprobado por Ana Mentor en la versión 1" in spanish
    # Withdrawal: only by its author.
    refused = student("signoff", "withdraw", signed)
    assert refused.code == 6 and "Only the person who signed off" in refused.err
    # The portfolio, with the sign-off still standing: HTML and Markdown, owner-only.
    page = tmp_path / "portafolio.html"
    said = student.ok("--lang", "es", "entry", "export", "--journal", "Práctica II",
                      "--format", "html", "-o", str(page))  # fmt: skip
    assert "Esta copia no está cifrada" in said and page.stat().st_mode & 0o777 == 0o600
    html = page.read_text(encoding="utf-8")
    assert "<table>" in html and "C7 — Estrategias" in html and "logrado" in html
    assert "Ana Mentor" in html and sign_off["author_key_id"] in html and "«pizzas»" in html
    notes = tmp_path / "portfolio.md"
    student.ok("entry", "export", entry, "--format", "md", "-o", str(notes))
    assert "| met | Preguntas abiertas. |" in notes.read_text(encoding="utf-8")
    mentor.ok("signoff", "withdraw", signed, "--reason", "Me equivoqué.")
    assert mentor.json("comment", "list", here, "--json")["sign_offs"][0]["withdrawn"]  # type: ignore[index]


def test_bad_input_gets_a_translated_message(student: Person) -> None:
    journal = student.ok("journal", "create", "Práctica").strip()
    entry = student.ok(
        "entry", "add", "--journal", journal, "--template", "gibbs",
        "--section", f"description={TEXT}",
    ).strip()  # fmt: skip
    r = student("comment", "add", entry, "--section", "description", "--quote", "tortas",
                "--text", "x")  # fmt: skip
    assert r.code == 6 and "quoted text is not in that section" in r.err
    r = student("--lang", "es", "signoff", "add", entry, "--standard", "C7=met")
    assert r.code == 6 and "No puedes aprobar tu propia entrada" in r.err
    r = student("signoff", "add", entry, "--standard", "C7=great")
    assert r.code == 6 and "Traceback" not in r.err
    r = student("--lang", "es", "comment", "reply", "deadbeefdeadbeef", "--text", "x")
    assert r.code == 4 and "No hay ningún comentario con este id" in r.err
