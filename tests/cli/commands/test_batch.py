"""`bundle import FILE|DIR ...` as a batch: the report in es and en, --json, --csv,
--yes for unknown senders, --cohort (issue 14)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from reflectdesk.services.vault import Vault
from tests.cli.conftest import Cli
from tests.services.batch_helpers import Cohort, make_cohort
from tests.support import PASSPHRASE


def _cohort(vault_dir: Path, folder: Path) -> Cohort:
    vault = Vault.open(vault_dir / "vault")
    vault.unlock(PASSPHRASE)
    try:
        return make_cohort(vault, folder, students=4, bundles=10, tampered=1, not_for_you=1)
    finally:
        vault.close()


def test_a_folder_imports_with_a_report(ready: Cli, vault_dir: Path, tmp_path: Path) -> None:
    c = _cohort(vault_dir, tmp_path / "cohorte")
    r = ready("bundle", "import", str(c.folder), env={"REFLECTDESK_LANG": "es"})
    assert r.code == 7, r.err  # refusals: exit 7, the rest imported
    assert "importado" in r.out and "rechazado" in r.out
    assert "Este paquete no fue cifrado para tu clave." in r.out
    assert "NO son tus contactos" in r.out
    assert c.unknown_student.name in r.out
    # Again with --json: the good ones already had, the unknown sender still waits.
    r = ready("bundle", "import", str(c.folder), "--json")
    report = json.loads(r.out)
    items = {Path(i["file"]).name: i for i in report["items"]}
    assert report["counts"]["already"] == len(c.good)
    assert items[c.tampered[0].name]["reason_code"] == "bundle_decryption_failed"
    assert items[c.not_for_you[0].name]["reason_code"] == "bundle_not_for_you"
    assert items[c.revoked[0].name]["reason_code"] == "bundle_author_revoked"
    assert items[c.revoked[0].name]["reason"]  # translated text
    (sender,) = report["unknown_senders"]
    assert sender["name"] == c.unknown_student.name and len(sender["safety_number"]) >= 60
    # --yes imports the unknown sender's bundle; --csv keeps the report; --cohort groups.
    out = tmp_path / "informe.csv"
    r = ready(
        "bundle", "import", str(c.folder), "--yes", "--csv", str(out), "--cohort", "Sección 2"
    )
    assert r.code == 7  # the refusals are still refused
    assert "Cohort Sección 2" in r.out
    rows = list(csv.DictReader(io.StringIO(out.read_bytes()[3:].decode())))
    by_name = {Path(row["file"]).name: row for row in rows}
    assert by_name[c.unknown[0].name]["result"] == "imported"
    assert by_name[c.tampered[0].name]["reason_code"] == "bundle_decryption_failed"
    listed = json.loads(ready("cohort", "list", "--json").out)
    assert listed[0]["name"] == "Sección 2"
    assert c.unknown_student.name in {m["name"] for m in listed[0]["members"]}


def test_one_good_file_keeps_the_preview_and_many_good_ones_exit_0(
    ready: Cli, vault_dir: Path, tmp_path: Path
) -> None:
    c = _cohort(vault_dir, tmp_path / "cohorte")
    r = ready("bundle", "import", str(c.good[0]), "--yes")
    assert r.code == 0 and "Imported." in r.out  # the one-file flow, unchanged
    r = ready("bundle", "import", *map(str, c.good[1:4]))
    assert r.code == 0, r.out
    assert "Bundles: 3 imported, 0 already had, 0 refused" in r.out
    r = ready("bundle", "import", str(tmp_path / "no-existe"), str(c.good[0]))
    assert r.code == 7 and "could not be read" in r.out
