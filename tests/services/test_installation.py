"""A damaged install is reported file by file; the rest keeps working."""

from __future__ import annotations

from pathlib import Path

import pytest

from reflectdesk import resources
from reflectdesk.errors import InstallationDamaged
from reflectdesk.services.installation import damaged_files
from reflectdesk.services.openable import FileKind, kind_of


def test_a_reported_file_raises_the_reinstall_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(resources, "_damaged", {})
    assert damaged_files() == ()
    resources.report_damaged("templates/free.yaml", "template_invalid")
    assert damaged_files(load=False) == ("templates/free.yaml",)
    with pytest.raises(InstallationDamaged) as caught:
        resources.check_not_damaged("templates/free.yaml")
    assert caught.value.params == {"file": "templates/free.yaml"}
    resources.check_not_damaged("templates/gibbs.yaml")  # not reported: no error


def test_kind_of_looks_at_the_bytes(tmp_path: Path) -> None:
    bundle = tmp_path / "x.bin"
    bundle.write_bytes(b"age-encryption.org/v1\n-> X25519 abc\n")
    assert kind_of(bundle) is FileKind.BUNDLE
    card = tmp_path / "x.txt"
    card.write_text('{"format": "reflectdesk-card", "v": 1}', encoding="utf-8")
    assert kind_of(card) is FileKind.CARD
