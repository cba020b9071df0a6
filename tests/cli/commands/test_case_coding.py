"""`case codebook|code|memo|query` (issue 15): coding from the command line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.conftest import Cli
from tests.services.case_helpers import Study, make_study


@pytest.fixture
def study(tmp_path: Path, vault_dir: Path) -> Iterator[Study]:
    s = make_study(tmp_path, vault_dir / "vault")
    s.researcher.close()
    yield s
    s.student.close()


def _case_with_item(cli: Cli) -> tuple[str, str]:
    case = cli("case", "create", "Códigos").out.splitlines()[0]
    cli("case", "approve", case, "--committee", "C", "--reference", "1", "--expires", "2099-01-01")
    picker = json.loads(cli("case", "add", case, "--list", "--json").out)
    entry = next(c["entry"] for c in picker if c["title"] == "Clase de fracciones")
    return case, cli("case", "add", case, entry).out.splitlines()[0]


def test_codebook_code_memo_and_queries(study: Study, cli: Cli, tmp_path: Path) -> None:
    case, item = _case_with_item(cli)
    top = cli("case", "codebook", case, "--add", "Didáctica", "--color", "#336699").out.strip()
    cli("case", "codebook", case, "--add", "Material", "--parent", top, "--description", "Regletas")
    assert cli("case", "codebook", case, "--add", "Mal", "--color", "rojo").code == 6
    assert cli("case", "codebook", case, "--add", "Huérfano", "--parent", "nada").code == 4
    listed = cli("case", "codebook", case).out.splitlines()
    assert listed[0].split()[1] == "Didáctica" and listed[1].startswith("  ")  # the tree
    # The second "Martina" by --occurrence; the same span again by offsets (code points).
    second = cli("case", "code", case, "Material", item, "description", "--quote", "Martina",
                 "--occurrence", "2")  # fmt: skip
    assert second.code == 0, second.err
    passages = json.loads(cli("case", "query", case, "passages", "--json").out)
    start = passages[0]["start"]
    r = cli("case", "code", case, "Didáctica", item[:8], "description",
            "--start", str(start), "--end", str(start + 7))  # fmt: skip
    assert r.code == 0, r.err
    assert cli("case", "code", case, "Didáctica", item, "description").code == 6
    assert cli("case", "code", case, "Nada", item, "description", "--quote", "x").code == 4
    assert cli("case", "memo", case, "Sobre el código", "--code", "material").code == 0
    assert cli("case", "memo", case, "Sobre la entrada", "--item", item).code == 0
    assert cli("case", "memo", case, "Dos", "--item", "nada").code == 4
    shown = json.loads(cli("case", "show", case, "--json").out)
    assert sorted(m["target"] for m in shown["memos"]) == ["code", "item"]
    texts = [p["text"] for p in json.loads(cli("case", "query", case, "passages", "--json").out)]
    assert texts == ["Martina", "Martina"]
    assert passages[0]["start"] > 40  # the second one, after an emoji and accents
    human = cli("case", "query", case, "passages", "Didáctica").out
    assert "[Didáctica] Estudiante A · 2026-05-04 · description: Martina" in human
    assert json.loads(cli("case", "query", case, "standards").out) == {
        "Didáctica": {"C7": 1},
        "Material": {"C7": 1},
    }
    (pair,) = json.loads(cli("case", "query", case, "cooccurrence").out)
    assert {pair["a"], pair["b"]} == {"Didáctica", "Material"} and pair["count"] == 1
    # The codebook travels as .qdc into another study.
    qdc = tmp_path / "libro.qdc"
    assert cli("case", "export", case, str(qdc), "--format", "qdc").code == 0
    other = cli("case", "create", "Otro").out.splitlines()[0]
    r = cli(
        "case", "codebook", other, "--import", str(qdc), "--json", env={"REFLECTDESK_LANG": "es"}
    )
    assert r.code == 0 and "Códigos importados: 2." in r.out
    codes = json.loads(r.out[r.out.index("[") :])
    assert {c["name"] for c in codes} == {"Didáctica", "Material"}
