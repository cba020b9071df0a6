"""``templates`` and ``standards`` CLI commands, run in-process against a real vault."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from reflectdesk.crypto.kdf import KdfParams
from reflectdesk.domain.model import Role
from reflectdesk.errors import EXIT_INPUT, EXIT_NOT_FOUND
from reflectdesk.services.vault import NewProfile, Vault
from tests.services.test_templates import CUSTOM_V1, TAXONOMY
from tests.support import PASSPHRASE, CliResult
from tests.templates.conftest import FIXTURES

Cli = Callable[..., CliResult]


@pytest.fixture
def closed_vault(vault_dir: Path) -> Path:
    vault, _ = Vault.create(
        vault_dir,
        PASSPHRASE,
        NewProfile("Camila Pérez", Role.STUDENT, "es", "Liceo"),
        kdf_params=KdfParams.insecure_for_tests(),
    )
    vault.close()
    return vault_dir


def test_templates_list_and_show(closed_vault: Path, cli: Cli) -> None:
    result = cli("templates", "list", "--lang", "es", "--json")
    assert result.code == 0, result.err
    rows = json.loads(result.out)
    assert rows[0]["id"] == "free"
    assert {"gibbs", "alact", "triad-meeting"} <= {r["id"] for r in rows}

    text = cli("templates", "list")
    assert text.code == 0
    assert "Gibbs' reflective cycle" in text.out  # REFLECTDESK_LANG=en in the fixture

    shown = cli("templates", "show", "alact", "--lang", "es")
    assert shown.code == 0, shown.err
    assert "teacher-want" in shown.out
    assert "¿Qué quería yo?" in shown.out

    as_json = json.loads(cli("templates", "show", "gibbs", "--version", "1", "--json").out)
    assert as_json["id"] == "gibbs"
    assert as_json["prompts"][0]["key"] == "description"

    missing = cli("templates", "show", "nope")
    assert missing.code == EXIT_NOT_FOUND


def test_templates_validate_and_import(closed_vault: Path, cli: Cli, tmp_path: Path) -> None:
    good = tmp_path / "mine.yaml"
    good.write_text(CUSTOM_V1, encoding="utf-8")
    assert cli("templates", "validate", str(good)).code == 0

    bad = cli("templates", "validate", str(FIXTURES / "bad_templates" / "unknown-top-field.yaml"))
    assert bad.code == EXIT_INPUT
    assert "unknown-top-field.yaml:11: author: unknown_field" in bad.err

    imported = cli("templates", "import", str(good))
    assert imported.code == 0, imported.err
    rows = json.loads(cli("templates", "list", "--json").out)
    assert rows[-1]["id"] == "ucsc-semanal"
    assert rows[-1]["origin"] == "custom"

    clash = cli("templates", "import", str(FIXTURES / "bad_templates" / "id-clash-builtin.yaml"))
    assert clash.code == EXIT_INPUT
    assert "id-clash-builtin.yaml:3: id: reserved_id" in clash.err


def test_standards_list_and_import(closed_vault: Path, cli: Cli, tmp_path: Path) -> None:
    result = cli("standards", "list", "--lang", "es")
    assert result.code == 0, result.err
    assert "A1" in result.out
    assert "D12" in result.out
    assert "[?]" in result.out  # unverified items are marked
    data = json.loads(cli("standards", "list", "--json").out)
    assert [d["code"] for d in data["domains"]] == ["A", "B", "C", "D"]

    path = tmp_path / "std.yaml"
    path.write_text(TAXONOMY, encoding="utf-8")
    assert cli("standards", "import", str(path)).code == 0
    other = cli("standards", "list", "--taxonomy", "uni-standards")
    assert "P1" in other.out
