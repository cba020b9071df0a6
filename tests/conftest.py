"""Shared fixtures: real vaults on real disk, with explicitly light KDF parameters."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from reflectdesk.crypto.kdf import KdfParams
from reflectdesk.domain.model import Role
from reflectdesk.services.vault import NewProfile, Vault
from tests.support import PASSPHRASE, CliResult, CreatedVault


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def created(vault_dir: Path) -> Iterator[CreatedVault]:
    vault, key = Vault.create(
        vault_dir,
        PASSPHRASE,
        NewProfile("Camila Pérez", Role.STUDENT, "es", "Liceo Bicentenario"),
        kdf_params=KdfParams.insecure_for_tests(),
    )
    yield CreatedVault(vault, key, vault_dir)
    vault.close()


@pytest.fixture
def vault(created: CreatedVault) -> Vault:
    return created.vault


@pytest.fixture
def cli(vault_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., CliResult]:
    """Run ``reflectdesk-cli`` in-process against ``vault_dir``."""
    from reflectdesk.cli.main import main

    monkeypatch.setenv("REFLECTDESK_HOME", str(vault_dir))
    monkeypatch.setenv("REFLECTDESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("REFLECTDESK_LANG", "en")

    def run(*argv: str, env: dict[str, str] | None = None) -> CliResult:
        out, err = io.StringIO(), io.StringIO()
        with monkeypatch.context() as m:
            for k, v in (env or {}).items():
                m.setenv(k, v)
            with redirect_stdout(out), redirect_stderr(err):
                try:
                    code = main(list(argv))
                except SystemExit as exc:
                    code = int(exc.code or 0)
        return CliResult(code, out.getvalue(), err.getvalue())

    return run
