"""The mentor review through the real CLI: two vaults (three for the tamper test), real
bundles both ways (her journal bundle carries her status and replies, the mentor's
feedback bundle his comments and sign-offs), comments, replies, resolve, sign-off and its
withdrawal, the queue, the student's submit; es and en."""

from __future__ import annotations

from pathlib import Path

import pytest

from reflectdesk.bundles import BundleKind, BundleMeta, write_bundle
from reflectdesk.bundles.canonical import JsonObject
from reflectdesk.review.records import EntryRef, RecordType, sign
from reflectdesk.services.bundle_export import feedback_files
from reflectdesk.services.contacts import public_of
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


@pytest.fixture
def tutor(cli: Cli, tmp_path: Path) -> Person:
    return Person(cli, tmp_path / "tutor", "Tomás Tutor", "educator")


def _last_line(out: str) -> str:
    return out.strip().splitlines()[-1]


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
    # Her journal bundle carries her "ready for feedback" with the entry.
    said = mentor.ok("bundle", "import", _last_line(printed), "--yes")
    assert "Feedback: 0 comments, 0 sign-offs (1 records)." in said
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

    # The feedback bundle: the student sees it in her own entry; her listing names the
    # mentor and the standard. The preview counts what arrives; twice changes nothing.
    feedback = _last_line(
        mentor.ok("bundle", "export", "--feedback", "--to", "Camila Pérez", "-o", str(out))
    )
    no_file = mentor("bundle", "export", "--feedback", "--to", "Camila Pérez")
    assert no_file.code == 6 and "Traceback" not in no_file.err
    inspected = student.ok("bundle", "inspect", feedback)
    assert "Feedback: 1 comments, 1 sign-offs (5 records)." in inspected
    student.ok("bundle", "import", feedback, "--yes")
    assert "already imported" in student.ok("bundle", "import", feedback, "--yes")
    text = student.ok("comment", "list", entry)
    assert "Ana Mentor" in text and "«pizzas»" in text and "C7 — " in text
    spanish = student.ok("--lang", "es", "comment", "list", entry)
    assert "Aprobado por Ana Mentor en la versión 1" in spanish
    # Her reply goes back in her next journal bundle.
    answer = student.ok("comment", "reply", comment, "--text", "Por la merienda.").strip()
    again = _last_line(student.ok("bundle", "export", "--to", "Ana Mentor", "--journal",
                                  "Práctica II", "-o", str(out)))  # fmt: skip
    mentor.ok("bundle", "import", again, "--yes")
    (thread,) = mentor.json("comment", "list", here, "--json")["threads"]  # type: ignore[index]
    assert answer in [r["id"] for r in thread["replies"]]
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


def test_feedback_from_someone_not_shared_with_is_refused(
    student: Person, mentor: Person, tutor: Person, tmp_path: Path
) -> None:
    """The student shares her entry with the mentor only. The tutor (her contact too)
    signs a comment on it anyway and sends it in a real feedback bundle: refused with
    the specific message, in Spanish, and nothing stored."""
    for a, b in ((student, mentor), (mentor, student), (tutor, student), (student, tutor)):
        give_card(a, b, tmp_path)
    journal = student.ok("journal", "create", "Práctica").strip()
    entry = student.ok(
        "entry", "add", "--journal", journal, "--template", "gibbs",
        "--section", f"description={TEXT}",
    ).strip()  # fmt: skip
    out = tmp_path / "usb"
    out.mkdir()
    student.ok("bundle", "export", "--to", "Ana Mentor", "--journal", "Práctica", "-o", str(out))
    forged = tmp_path / "feedback.rdbundle"
    with Vault.open(student.vault_dir) as her, Vault.open(tutor.vault_dir) as him:
        her.unlock(PASSPHRASE)
        him.unlock(PASSPHRASE)
        head = her.entries.get(entry).head
        ref = EntryRef(her.identity.public().key_id_hex, entry, head.id, head.content_hash)
        at = TEXT.index("pizzas")
        body: JsonObject = {
            "section": "description", "quote": "pizzas", "start": at, "end": at + 6,
            "prefix": "", "suffix": "", "text": "Hola",
        }  # fmt: skip
        record = sign(him.identity.key_pair(), RecordType.COMMENT, ref, body, head.created_at)
        me = him.identity.key_pair()
        (her_card,) = [c for c in him.contacts.list() if c.name == "Camila Pérez"]
        files = feedback_files([record.to_json()], me.public.key_id_hex)
        with forged.open("wb") as sink:
            write_bundle(sink.write, me, [public_of(her_card)], files,
                         BundleMeta(kind=BundleKind.FEEDBACK))  # fmt: skip
    before = student.ok("bundle", "log")
    refused = student("--lang", "es", "bundle", "import", str(forged), "--yes")
    assert refused.code != 0 and "Traceback" not in refused.err
    assert "no se compartió esta entrada" in refused.err
    assert student.ok("bundle", "log") == before
    assert student.json("comment", "list", entry, "--json")["threads"] == []  # type: ignore[index]


def test_feedback_to_the_student_and_the_tutor_through_the_cli(
    student: Person, mentor: Person, tutor: Person, tmp_path: Path
) -> None:
    """Issue 13: 'bundle export --feedback --to A B'. The student's one bundle listed the
    mentor and the tutor: one feedback bundle to both, each imports it. When she sent
    them separate bundles, the tutor is refused by name (es and en), nothing written."""
    for a, b in ((student, mentor), (student, tutor), (mentor, tutor)):
        give_card(a, b, tmp_path)
        give_card(b, a, tmp_path)
    journal = student.ok("journal", "create", "Práctica II").strip()
    entry = student.ok(
        "entry", "add", "--journal", journal, "--template", "gibbs", "--title", "Fracciones",
        "--section", f"description={TEXT}", "--standard", "C7",
    ).strip()  # fmt: skip
    out = tmp_path / "usb"
    out.mkdir()
    # Separate bundles first: the tutor cannot know that the mentor got the entry.
    for who, person in (("Ana Mentor", mentor), ("Tomás Tutor", tutor)):
        path = _last_line(student.ok("bundle", "export", "--to", who, "--journal",
                                     "Práctica II", "-o", str(out)))  # fmt: skip
        person.ok("bundle", "import", path, "--yes")
    (here,) = [e["id"] for e in mentor.json("entry", "list", "--json")]  # type: ignore[index,union-attr]
    mentor.ok("comment", "add", str(here), "--section", "description", "--quote", "pizzas",
              "--text", "¿Por qué pizzas?")  # fmt: skip
    files = set(out.iterdir())
    to_both = ("bundle", "export", "--feedback", "--to", "Camila Pérez", "Tomás Tutor",
               "-o", str(out))  # fmt: skip
    r = mentor(*to_both)
    assert r.code == 6 and "Tomás Tutor could not accept any of this feedback" in r.err
    assert "Leave Tomás Tutor out" in r.err
    r = mentor("--lang", "es", *to_both)
    assert r.code == 6 and "Tomás Tutor no podría aceptar" in r.err
    assert set(out.iterdir()) == files  # nothing written
    # One bundle listing both: now the mentor's feedback goes to both in one bundle.
    path = _last_line(student.ok("bundle", "export", "--to", "Ana Mentor", "Tomás Tutor",
                                 "--journal", "Práctica II", "-o", str(out)))  # fmt: skip
    mentor.ok("bundle", "import", path, "--yes")
    tutor.ok("bundle", "import", path, "--yes")
    said = mentor.ok("--lang", "es", *to_both)
    assert "Camila Pérez, Tomás Tutor" in said and len(said.strip().splitlines()) == 2
    feedback = _last_line(said)
    assert "Feedback: 1 comments" in tutor.ok("bundle", "import", feedback, "--yes")
    student.ok("bundle", "import", feedback, "--yes")
    for person, ref in ((tutor, None), (student, entry)):
        if ref is None:
            (ref,) = [e["id"] for e in person.json("entry", "list", "--json")]  # type: ignore[index,union-attr]
        assert "«pizzas»" in person.ok("comment", "list", str(ref))
