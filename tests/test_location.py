"""Where the vault is: --vault, then $REFLECTDESK_HOME or the platform data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from reflectdesk.location import HEADER_NAME, HOME_ENV, Source, data_dir, locate_vault


def _vault_at(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    (path / HEADER_NAME).write_bytes(b"header")
    return path


def test_the_option_names_the_vault_folder_itself(tmp_path: Path) -> None:
    found = locate_vault(tmp_path / "mine", data=tmp_path / "data")
    assert (found.path, found.source, found.exists) == (tmp_path / "mine", Source.OPTION, False)


def test_the_environment_names_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "home"))
    assert data_dir() == tmp_path / "home"
    found = locate_vault()
    assert (found.path, found.data_dir, found.source) == (
        tmp_path / "home" / "vault",
        tmp_path / "home",
        Source.ENV,
    )


def test_an_older_vault_in_the_data_folder_is_opened_where_it_is(tmp_path: Path) -> None:
    data = _vault_at(tmp_path / "data")
    found = locate_vault(data=data)
    assert found.path == data and found.legacy and found.exists
    _vault_at(data / "vault")  # both places: the vault/ one wins, the other is named
    found = locate_vault(data=data)
    assert found.path == data / "vault" and not found.legacy and found.others == (data,)
