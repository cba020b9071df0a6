"""`cohort create|list|add|remove|rename|delete` (issue 14, point 4)."""

from __future__ import annotations

import json
from pathlib import Path

from reflectdesk.services.vault import Vault
from tests.cli.conftest import Cli
from tests.services.batch_helpers import add_contacts, make_students
from tests.support import PASSPHRASE


def test_cohorts_by_hand(ready: Cli, vault_dir: Path) -> None:
    vault = Vault.open(vault_dir / "vault")
    vault.unlock(PASSPHRASE)
    students = make_students(3)
    ids = add_contacts(vault, students, verify=False)
    vault.close()
    r = ready("cohort", "list", env={"REFLECTDESK_LANG": "es"})
    assert r.code == 0 and "Aún no hay cohortes" in r.out
    cid = ready("cohort", "create", "Práctica II — Sección 2", ids[0], ids[1]).out.strip()
    r = ready("cohort", "add", "práctica ii — sección 2", ids[2])
    assert r.code == 0 and "3 members" in r.out
    r = ready("cohort", "remove", cid, ids[0], env={"REFLECTDESK_LANG": "es"})
    assert r.code == 0 and "2 integrantes" in r.out
    assert ready("cohort", "rename", cid, "Sección 3").code == 0
    (listed,) = json.loads(ready("cohort", "list", "--json").out)
    assert listed["name"] == "Sección 3"
    assert [m["id"] for m in listed["members"]] == ids[1:]
    assert students[1].name in ready("cohort", "list").out
    assert ready("cohort", "add", cid, "nadie").code == 4
    assert ready("cohort", "create", "   ").code == 6
    assert ready("cohort", "delete", "Sección 3").code == 0
    assert ready("cohort", "add", cid, ids[0]).code == 4
