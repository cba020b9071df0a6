"""`case create|approve|list|show|add|remove|pseudonymise|codebook|code|memo|query|export|
import|audit verify` (issue 15), against a researcher's vault with real received entries."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.conftest import Cli
from tests.services.case_helpers import PUPIL, RUT, SCHOOL, Study, make_study


@pytest.fixture
def study(tmp_path: Path, vault_dir: Path) -> Iterator[Study]:
    s = make_study(tmp_path, vault_dir / "vault")
    s.researcher.close()  # the CLI opens it
    yield s
    s.student.close()


def test_a_case_study_from_the_command_line(study: Study, cli: Cli, tmp_path: Path) -> None:
    r = cli("case", "list", env={"REFLECTDESK_LANG": "es"})
    assert r.code == 0 and "Aún no hay estudios de caso" in r.out
    r = cli("case", "create", "Fracciones", "--question", "¿Qué material usan?")
    assert r.code == 0, r.err
    case = r.out.splitlines()[0]
    assert "case approve" in r.out
    # No approval: nothing can be added.
    r = cli("case", "add", case, "--list", "--json")
    picker = {c["title"]: c for c in json.loads(r.out)}
    assert picker["Solo lectura"]["reason"] == "read-only" and not picker["Solo lectura"]["addable"]
    research = picker["Clase de fracciones"]["entry"]
    r = cli("case", "add", case, research)
    assert r.code == 6 and "ethics approval" in r.err and "case approve" in r.err
    r = cli(
        "case", "approve", case, "--committee", "CEC", "--reference", "7", "--expires", "mañana"
    )
    assert r.code == 6
    r = cli(
        "case", "approve", "fracciones", "--committee", "CEC-CSAH", "--reference", "2026-041",
        "--expires", "2099-12-31",
    )  # fmt: skip
    assert r.code == 0 and "2099-12-31" in r.out
    assert "[aprobado]" in cli("case", "list", env={"REFLECTDESK_LANG": "es"}).out
    r = cli("case", "add", case, "--list", env={"REFLECTDESK_LANG": "es"})
    assert "solo lectura" in r.out.lower()
    r = cli("case", "add", case, picker["Solo lectura"]["entry"])
    assert r.code == 6 and "consented" in r.err
    r = cli("case", "add", case, research)
    assert r.code == 0 and "Estudiante A" in r.out
    item = r.out.splitlines()[0]
    assert cli("case", "add", case, picker["Observación"]["entry"]).code == 0
    # Exports wait for the pseudonymisation review of the research-pseudonymised entry.
    out = tmp_path / "out.qdpx"
    r = cli("case", "export", case, str(out), "--format", "qdpx")
    assert r.code == 6 and "pseudonymised" in r.err and not out.exists()
    # Proposals listed (not on a terminal): nothing changes.
    r = cli("case", "pseudonymise", case, "--term", "pupil", PUPIL, "--term", "school", SCHOOL,
            "--list")  # fmt: skip
    assert r.code == 0 and f"«{PUPIL}» → «Alumno/a 1»" in r.out and f"«{RUT}» → «[RUT]»" in r.out
    assert "nothing changed" in r.out
    r = cli("case", "pseudonymise", case, "--accept-all")
    assert r.code == 0 and "replacements made" in r.out
    # Code, memo, query.
    code = cli("case", "codebook", case, "--add", "Material concreto", "--color", "#33AA55").out
    assert cli("case", "codebook", case, "--add", "Sub", "--parent", "material concreto").code == 0
    r = cli("case", "code", case, "Material concreto", item, "description", "--quote", "regletas")
    assert r.code == 0, r.err
    passage = r.out.strip()
    r = cli("case", "code", case, code.strip(), item, "description", "--start", "0", "--end", "999")
    assert r.code == 6
    assert cli("case", "memo", case, "Un memo", "--passage", passage).code == 0
    assert cli("case", "memo", case, "Memo del proyecto").code == 0
    (found,) = json.loads(cli("case", "query", case, "passages", "Material concreto", "--json").out)
    assert found["text"] == "regletas" and found["pseudonym"] == "Estudiante A"
    freq = json.loads(cli("case", "query", case, "frequencies").out)
    assert freq["totals"] == {"Material concreto": 1}
    assert json.loads(cli("case", "query", case, "standards").out) == {
        "Material concreto": {"C7": 1}
    }
    shown = json.loads(cli("case", "show", case, "--json").out)
    assert shown["status"] == "approved" and len(shown["items"]) == 2
    assert all(i["pseudonymised"] and i["signature_checked"] for i in shown["items"])
    # Export, verify the audit log, and the copy fails after one byte changes.
    r = cli("case", "export", case, str(out), "--format", "qdpx")
    assert r.code == 0, r.err
    audit = Path(str(out) + ".audit.json")
    assert out.exists() and audit.exists()
    r = cli("case", "audit", "verify", case)
    assert r.code == 0 and "verifies" in r.out
    r = cli("case", "audit", "verify", "--file", str(audit))
    assert r.code == 0 and "verifies" in r.out
    data = bytearray(audit.read_bytes())
    data[len(data) // 2] ^= 0x20
    audit.write_bytes(bytes(data))
    r = cli("case", "audit", "verify", "--file", str(audit))
    assert r.code == 6 and "audit log does not verify" in r.err
    pdf = tmp_path / "informe.pdf"
    r = cli("case", "export", case, str(pdf), "--format", "pdf")
    assert r.code == 0, r.err
    assert pdf.read_bytes().startswith(b"%PDF-") and Path(str(pdf) + ".audit.json").exists()
    # Re-import the project as a new study.
    r = cli("case", "import", str(out), "--title", "Reimportado")
    assert r.code == 0, r.err
    again = r.out.strip()
    (back,) = json.loads(cli("case", "query", again, "passages", "Material concreto", "--json").out)
    assert (back["text"], back["start"], back["end"]) == ("regletas", found["start"], found["end"])
    assert cli("case", "remove", case, item).code == 0
    shown = json.loads(cli("case", "show", case, "--json").out)
    assert len(shown["items"]) == 1 and shown["exports"][0]["outdated"]
    r = cli("case", "show", case, env={"REFLECTDESK_LANG": "es"})
    assert "desactualizada" in r.out
    listed = cli("case", "list").out
    assert "Fracciones" in listed and "Reimportado" in listed
    assert cli("case", "show", "nada").code == 4


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_pseudonymise_reviews_one_by_one_on_a_terminal(
    study: Study, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = cli("case", "create", "Uno").out.splitlines()[0]
    cli("case", "approve", case, "--committee", "C", "--reference", "1", "--expires", "2099-01-01")
    picker = json.loads(cli("case", "add", case, "--list", "--json").out)
    entry = next(c["entry"] for c in picker if c["title"] == "Clase de fracciones")
    item = cli("case", "add", case, entry).out.splitlines()[0]
    cli("case", "pseudonymise", case, "--term", "pupil", PUPIL, "--list")
    # q: stop, nothing changed.
    monkeypatch.setattr("sys.stdin", _Terminal("q\n"))
    r = cli("case", "pseudonymise", case)
    assert r.code == 0 and "[1/" in r.out and "nothing was changed" in r.out
    # y for the first (the pupil's full name), N for the second, then a: the rest.
    monkeypatch.setattr("sys.stdin", _Terminal("y\n\na\n"))
    r = cli("case", "pseudonymise", case)
    assert r.code == 0 and "replacements made" in r.out
    (shown,) = json.loads(cli("case", "show", case, "--json").out)["items"]
    assert shown["id"] == item and shown["pseudonymised"]
    text = json.loads(cli("case", "query", case, "passages", "--json").out)
    assert text == []  # nothing coded yet
    monkeypatch.setattr("sys.stdin", _Terminal(""))
    r = cli("case", "pseudonymise", case, "--json")
    left = [p["original"] for p in json.loads(r.out)]
    assert PUPIL not in left and len(left) == 1  # the one skipped is proposed again


def test_a_name_skipped_in_a_pseudonymised_only_item_keeps_exports_waiting(
    study: Study, cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    case = cli("case", "create", "Dos").out.splitlines()[0]
    cli("case", "approve", case, "--committee", "C", "--reference", "1", "--expires", "2099-01-01")
    picker = json.loads(cli("case", "add", case, "--list", "--json").out)
    entry = next(c["entry"] for c in picker if c["title"] == "Observación")
    cli("case", "add", case, entry)
    count = len(json.loads(cli("case", "pseudonymise", case, "--json").out))
    # Every proposal but the first accepted: the first is skipped.
    monkeypatch.setattr("sys.stdin", _Terminal("\n" + "y\n" * (count - 1)))
    r = cli("case", "pseudonymise", case)
    assert r.code == 0 and "stay unreviewed" in r.out
    (shown,) = json.loads(cli("case", "show", case, "--json").out)["items"]
    assert not shown["pseudonymised"]
    assert cli("case", "export", case, str(tmp_path / "x.md"), "--format", "md").code != 0
    monkeypatch.setattr("sys.stdin", _Terminal("a\n"))
    r = cli("case", "pseudonymise", case)
    assert r.code == 0 and "stay unreviewed" not in r.out
    (shown,) = json.loads(cli("case", "show", case, "--json").out)["items"]
    assert shown["pseudonymised"]


def test_delete_asks_and_saves_the_record_of_deletion(
    study: Study, cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = cli("case", "create", "Para borrar").out.splitlines()[0]
    keep = cli("case", "create", "Otro").out.splitlines()[0]
    # Not on a terminal and no --yes: refused, nothing deleted.
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    r = cli("case", "delete", case, env={"REFLECTDESK_LANG": "es"})
    assert r.code == 6 and "--yes" in r.err
    assert "Para borrar" in cli("case", "list").out
    # On a terminal, "n" keeps it.
    monkeypatch.setattr("sys.stdin", _Terminal("n\n"))
    r = cli("case", "delete", "para borrar")
    assert r.code == 6 and "Delete 'Para borrar'" in r.out
    log = tmp_path / "borrado.audit.json"
    r = cli("case", "delete", case, "--yes", "--log", str(log), env={"REFLECTDESK_LANG": "es"})
    assert r.code == 0, r.err
    assert "eliminado" in r.out and str(log) in r.out
    listed = cli("case", "list").out
    assert "Para borrar" not in listed and keep in listed
    r = cli("case", "audit", "verify", "--file", str(log))
    assert r.code == 0 and "2 records" in r.out  # created, deleted
    assert cli("case", "delete", case, "--yes").code == 4


def test_case_attribute_sets_a_students_school_type(study: Study, cli: Cli) -> None:
    r = cli("case", "create", "Fracciones")
    case = r.out.splitlines()[0]
    assert cli("case", "approve", case, "--committee", "CEC", "--reference", "1",
               "--expires", "2099-01-01").code == 0  # fmt: skip
    picker = {c["title"]: c for c in json.loads(cli("case", "add", case, "--json").out)}
    assert cli("case", "add", case, picker["Clase de fracciones"]["entry"]).code == 0
    (row,) = json.loads(cli("case", "attribute", case, "--json").out)
    assert row["pseudonym"] == "Estudiante A" and row["school_type"] is None
    assert row["mbe_standards"] == ["C7"] and row["templates"] == ["gibbs"]
    r = cli("case", "attribute", case, "Estudiante A", "--school-type", "slep")
    assert r.code == 0, r.err
    assert "Estudiante A  [SLEP (servicio local)]" in r.out
    r = cli("case", "attribute", case, "Estudiante Z", "--school-type", "slep")
    assert r.code == 6 and "pseudonym" in r.err
    assert cli("case", "attribute", case, "Estudiante A", "--school-type", "privado").code == 2
    assert cli("case", "attribute", case, "--school-type", "slep").code == 6
    r = cli("case", "attribute", case, "Estudiante A", "--school-type", "none", "--json")
    assert json.loads(r.out)[0]["school_type"] is None
