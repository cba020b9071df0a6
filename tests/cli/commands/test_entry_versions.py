"""`entry versions` and `entry resolve` through the real CLI: an entry changed on two
computers (a copy of the vault plays the laptop), the clash shown, resolved by keeping
one version or writing another, the merge saved with both versions as parents."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from reflectdesk.domain.model import ExportRequest
from reflectdesk.services.vault import Vault
from tests.services.bundle_helpers import clone_vault
from tests.support import PASSPHRASE, CliResult

Cli = Callable[..., CliResult]


def _fork(vault_dir: Path, entry_id: str, tmp_path: Path) -> None:
    home = Vault.open(vault_dir)
    home.unlock(PASSPHRASE)
    laptop = clone_vault(home, vault_dir, tmp_path / "laptop")
    try:
        base = home.entries.get(entry_id).content
        home.entries.edit(entry_id, replace(base, sections={"body": "En casa."}, title="Casa"))
        laptop.entries.edit(entry_id, replace(base, sections={"body": "En el portátil."}))
        out = tmp_path / "out"
        out.mkdir()
        request = ExportRequest(recipients=(), entry_ids=(entry_id,), history=True)
        result = home.imports.import_bundle(laptop.exports.export(request, out).path)
        assert result.conflicted == (entry_id,)
    finally:
        laptop.close()
        home.close()


def test_versions_shown_and_resolved(ready: Cli, vault_dir: Path, tmp_path: Path) -> None:
    assert ready("journal", "create", "Práctica I").code == 0
    r = ready("entry", "add", "--journal", "Práctica I", "--title", "Reunión",
              "--section", "body=Texto.")  # fmt: skip
    assert r.code == 0, r.err
    eid = r.out.strip()
    assert ready("entry", "versions", eid).code != 0  # one version: nothing to resolve
    _fork(vault_dir / "vault", eid, tmp_path)

    shown = json.loads(ready("entry", "versions", eid, "--json").out)
    assert shown["resolvable"] is True
    assert {v["origin"] for v in shown["versions"]} == {"this_computer", "other_computer"}
    (field,) = shown["fields"]  # the title changed at home only: it merges by itself
    assert field["field"] == "section:body" and field["base"] == "Texto."
    laptop_n = field["values"].index("En el portátil.") + 1
    text = ready("entry", "versions", eid).out
    assert "another computer" in text and "entry resolve" in text

    bad = ready("entry", "resolve", eid, "--keep", "title=1")  # not in conflict
    assert bad.code != 0
    r = ready("entry", "resolve", eid, "--keep", f"body={laptop_n}")
    assert r.code == 0, r.err
    after = json.loads(ready("entry", "show", eid, "--format", "json").out)
    assert after["sections"] == [["body", "En el portátil."]]
    assert after["title"] == "Casa"  # merged by itself
    history = json.loads(ready("entry", "history", eid, "--json").out)
    assert len(history[-1]["parents"]) == 2
    assert ready("entry", "versions", eid).code != 0  # resolved
