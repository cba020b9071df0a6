"""The shipped data files are one package, found the same way in every kind of install."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from reflectdesk.resources import resource_dir

REPO = Path(__file__).resolve().parents[1]


def test_resources_are_the_package_not_a_checkout_path() -> None:
    import reflectdesk._resources as package

    assert Path(package.__file__ or "").parent == resource_dir()
    for sub in ("templates", "standards", "i18n", "icons", "desktop"):
        assert (resource_dir() / sub).is_dir(), sub


def test_every_resource_file_is_declared_as_package_data() -> None:
    """A file added to resources/ but not to package-data would be missing from the wheel."""
    import tomllib

    declared = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]["package-data"]["reflectdesk._resources"]
    root = REPO / "resources"
    shipped = {p for pattern in declared for p in root.glob(pattern)}
    present = {p for p in root.rglob("*") if p.is_file() and p.suffix != ".py"}
    present = {p for p in present if "__pycache__" not in p.parts}
    assert present - shipped == set()


@pytest.mark.parametrize("lang", ["reflectdesk_es", "reflectdesk_en", "qt_extra_es"])
def test_committed_qm_is_built_from_the_ts(lang: str, tmp_path: Path) -> None:
    """The .qm ship in the wheel as committed; they must be what lrelease makes of the .ts."""
    lrelease = shutil.which("pyside6-lrelease") or str(
        Path(__import__("sys").executable).parent / "pyside6-lrelease"
    )
    ts = REPO / "resources" / "i18n" / f"{lang}.ts"
    out = tmp_path / "fresh.qm"
    subprocess.run([lrelease, "-silent", str(ts), "-qm", str(out)], check=True)
    committed = ts.with_suffix(".qm").read_bytes()
    assert committed == out.read_bytes(), "run `make translations` and commit the .qm"
