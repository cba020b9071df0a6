"""Contacts through the CLI, as an attacker would meet them (issue 10, points 1, 4, 8):
a stolen key's rotation and revocation, a renewal card that renames, look-alike names."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reflectdesk.bundles import BundleKind, BundleMeta, Identity, build_bundle, make_card
from reflectdesk.bundles.keys import PublicIdentity
from reflectdesk.domain.model import Role
from reflectdesk.services.vault import Vault
from tests.cli.commands.test_bundles import Cli, Person, give_card
from tests.services.bundle_helpers import entry_file, table_digest
from tests.support import PASSPHRASE


@pytest.fixture
def student(cli: Cli, tmp_path: Path) -> Person:
    return Person(cli, tmp_path / "student", "Camila Pérez", "student")


@pytest.fixture
def mentor(cli: Cli, tmp_path: Path) -> Person:
    return Person(cli, tmp_path / "mentor", "Ana Mentor", "mentor")


def _key_pair(person: Person) -> Identity:
    """What a thief copies off the author's machine: her key pair."""
    with Vault.open(person.vault_dir) as vault:
        vault.unlock(PASSPHRASE)
        return vault.identity.key_pair()


def _public(person: Person) -> PublicIdentity:
    with Vault.open(person.vault_dir) as vault:
        vault.unlock(PASSPHRASE)
        return vault.identity.public()


def test_a_stolen_keys_rotation_then_its_revocation_refuses_the_thiefs_bundle(
    student: Person, mentor: Person, tmp_path: Path
) -> None:
    ana = give_card(mentor, student, tmp_path)
    student.ok("contact", "verify", ana, "--yes")
    stolen = _key_pair(mentor)
    thief = Identity.generate()
    rotation = tmp_path / "rotation.rdcard"
    rotation.write_bytes(make_card(thief, name="Ana Mentor", role=Role.MENTOR, previous=stolen))

    out = student.ok("contact", "import", str(rotation))
    assert "New key, vouched by the old one" in out and "'vouched' (not verified)" in out
    (contact,) = student.json("contact", "list", "--json")  # type: ignore[misc]
    assert (contact["id"], contact["verified"], contact["vouched"]) == (ana, False, True)
    assert "vouched by an old key" in student.ok("contact", "list")

    revocation = tmp_path / "revocation.rdcard"
    mentor.ok("identity", "revocation", "-o", str(revocation))
    out = student.ok("contact", "import", str(revocation))
    assert "every newer key it vouched for" in out
    (contact,) = student.json("contact", "list", "--json")  # type: ignore[misc]
    assert (contact["revoked"], contact["verified"], contact["vouched"]) == (True, False, False)

    entry_id = "0190f0aa-0000-7000-8000-00000000aa02"
    files = {
        f"entries/{entry_id}.json": entry_file(
            entry_id,
            [("0190f0aa-0000-7000-8000-00000000bb02", 1, [], "Falsa")],
            "0190f0aa-0000-7000-8000-00000000cc02",
        )
    }
    bundle = tmp_path / "thief.rdbundle"
    created = datetime.now(UTC) + timedelta(minutes=1)
    bundle.write_bytes(
        bytes(
            build_bundle(
                thief, [_public(student)], files, BundleMeta(BundleKind.JOURNAL, created=created)
            )
        )
    )
    before = table_digest(student.vault_dir)
    r = student("bundle", "import", str(bundle), "--yes")
    assert r.code == 7, r.err
    assert "or by a newer key that a revoked key vouched for" in r.err
    assert "Nothing was imported" in r.err and "Traceback" not in r.err
    assert table_digest(student.vault_dir) == before


def test_a_renewal_card_that_renames_needs_accept_rename(
    student: Person, mentor: Person, tmp_path: Path
) -> None:
    ana = give_card(mentor, student, tmp_path)
    student.ok("contact", "verify", ana, "--yes")
    renewal = tmp_path / "renewal.rdcard"
    mentor.ok("identity", "card", "-o", str(renewal), "--institution", "Otra Universidad")
    before = table_digest(student.vault_dir)
    r = student("contact", "import", str(renewal), "--yes")
    assert r.code == 7 and "--accept-rename" in r.err
    assert "changes the name, role or institution" in r.err
    assert " -> Otra Universidad" in r.out  # old -> new, shown before the refusal
    assert table_digest(student.vault_dir) == before
    student.ok("contact", "import", str(renewal), "--accept-rename")
    (contact,) = student.json("contact", "list", "--json")  # type: ignore[misc]
    assert (contact["institution"], contact["verified"]) == ("Otra Universidad", True)


def test_look_alike_and_invisible_names_through_the_cli(
    cli: Cli, student: Person, mentor: Person, tmp_path: Path
) -> None:
    give_card(mentor, student, tmp_path)
    cyrillic = Person(cli, tmp_path / "cyrillic", "\u0410na Mentor", "mentor")
    card = tmp_path / "cyrillic.rdcard"
    cyrillic.ok("identity", "card", "-o", str(card))
    before = table_digest(student.vault_dir)
    r = student("contact", "import", str(card))
    assert r.code == 7 and "contact with this name" in r.err
    assert "looks like that of your contact Ana Mentor" in r.out
    joiner = Person(cli, tmp_path / "joiner", "Ana Mentor\u200d", "mentor")
    card = tmp_path / "joiner.rdcard"
    joiner.ok("identity", "card", "-o", str(card))
    r = student("contact", "import", str(card), "--yes")
    assert r.code == 7 and "invisible or text-direction characters" in r.err
    assert "U+200D" in r.err
    assert table_digest(student.vault_dir) == before
    assert len(json.loads(student.ok("contact", "list", "--json"))) == 1


# --- attack-trust ---------------------------------------------------------------------------
def test_a_revocation_of_your_own_key_made_by_a_thief_is_refused_and_said(
    student: Person, mentor: Person, tmp_path: Path
) -> None:
    """FINDING (attack-trust): a revocation of the user's own key, signed by whoever
    stole it, was kept as "a key none of your contacts has": the one sign that her key
    is in someone else's hands was hidden. Now refused, saying what it means."""
    from reflectdesk.bundles import make_revocation

    give_card(mentor, student, tmp_path)
    stolen = _key_pair(student)
    revocation = tmp_path / "revocation.rdcard"
    revocation.write_bytes(make_revocation(stolen))
    before = table_digest(student.vault_dir)
    r = student("contact", "import", str(revocation), "--yes")
    assert r.code == 7, r.err
    assert "revocation of your own key" in r.err and "identity rotate --no-vouch" in r.err
    assert "Traceback" not in r.err
    es = student._cli(
        "contact",
        "import",
        str(revocation),
        env={"REFLECTDESK_HOME": str(student.home), "REFLECTDESK_LANG": "es"},
    )
    assert es.code == 7 and "revocación de tu propia clave" in es.err
    assert table_digest(student.vault_dir) == before
