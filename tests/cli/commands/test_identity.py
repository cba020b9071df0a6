"""`identity` through the real CLI: your keys, your card (and its QR code), rotation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reflectdesk.bundles import parse_card
from tests.cli.commands.test_bundles import Cli, Person, give_card


@pytest.fixture
def student(cli: Cli, tmp_path: Path) -> Person:
    return Person(cli, tmp_path / "student", "Camila Pérez", "student")


@pytest.fixture
def mentor(cli: Cli, tmp_path: Path) -> Person:
    return Person(cli, tmp_path / "mentor", "Ana Mentor", "mentor")


def test_show_and_card_with_its_qr_code(student: Person, tmp_path: Path) -> None:
    shown = student.json("identity", "show", "--json")
    assert isinstance(shown, dict)
    card, svg = tmp_path / "yo.rdcard", tmp_path / "yo.svg"
    student.ok("identity", "card", "-o", str(card), "--qr-svg", str(svg),
               "--institution", "Liceo A-12")  # fmt: skip
    parsed = parse_card(card.read_bytes())
    assert (parsed.name, parsed.institution) == ("Camila Pérez", "Liceo A-12")
    assert parsed.public.key_id_hex == shown["key_id"]
    assert svg.read_text().lstrip().startswith(("<?xml", "<svg"))
    assert card.stat().st_mode & 0o777 == 0o644  # a public file, meant to be shared


def test_rotate_keys_and_keep_sharing(student: Person, mentor: Person, tmp_path: Path) -> None:
    at_student = give_card(mentor, student, tmp_path)
    at_mentor = give_card(student, mentor, tmp_path)
    old = json.loads(student.ok("identity", "show", "--json"))["key_id"]
    card = tmp_path / "new.rdcard"
    r = student("identity", "rotate", "-o", str(card))
    assert r.code == 6  # needs --yes (or a yes at the prompt); nothing changed
    assert json.loads(student.ok("identity", "show", "--json"))["key_id"] == old
    r = student("identity", "rotate", "-o", str(tmp_path / "missing" / "x.rdcard"), "--yes")
    assert r.code == 8 and "file could not be written" in r.err  # and no new keys
    assert json.loads(student.ok("identity", "show", "--json"))["key_id"] == old
    out = student.ok("identity", "rotate", "-o", str(card), "--yes")
    assert "signed by your old key" in out
    new = json.loads(student.ok("identity", "show", "--json"))["key_id"]
    assert new != old
    mentor.ok("contact", "import", str(card))  # a rotation: no question asked
    (contact,) = mentor.json("contact", "list", "--json")  # type: ignore[misc]
    assert contact["id"] == at_mentor and contact["key_id"] == new
    journal = student.ok("journal", "create", "Práctica").strip()
    entry = student.ok("entry", "add", "--journal", journal, "--section", "body=hola").strip()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    student.ok("bundle", "export", "--to", at_student, "--entries", entry, "-o", str(out_dir))
    (bundle,) = out_dir.iterdir()
    assert "Entries: 1 new" in mentor.ok("bundle", "import", str(bundle), "--yes")
