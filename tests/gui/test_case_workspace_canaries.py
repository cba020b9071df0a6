"""attack3 (03 Dec): a researcher uses the case-study workspace (the pseudonymisation
review, the coding view, a PDF export) and no real name, RUT or e-mail address of the
study reaches a file outside the encrypted vault — temp files, settings, the exports
— nor a log line nor the clipboard (as tests/test_no_plaintext_on_disk.py, for the
GUI)."""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.case_coding_view import CaseCodingTab
from reflectdesk.gui.case_exports import CaseExportsTab
from reflectdesk.gui.case_pseudonymise_dialog import PseudonymiseDialog
from tests.gui.case_setup import wait_writes
from tests.services.case_helpers import CANARIES, PUPIL, SCHOOL, close, make_study


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    where = tmp_path / "tmpdir"
    where.mkdir()
    for name in ("TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(name, str(where))
    monkeypatch.setattr(tempfile, "tempdir", str(where))
    yield where


def _encodings(text: str) -> list[bytes]:
    return [text.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be")]


def _scan(root: Path, skip: set[Path]) -> list[str]:
    hits = []
    for path in root.rglob("*"):
        if not path.is_file() or any(s in path.parents for s in skip):
            continue
        data = path.read_bytes()
        for canary in CANARIES:
            if any(n in data for n in _encodings(canary)):
                hits.append(f"{path.relative_to(root)}: {canary}")
    return hits


def test_no_canary_outside_the_vault_while_the_workspace_is_used(
    qtbot: QtBot,
    ctx: AppContext,
    tmp_path: Path,
    private_tmp: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    study = make_study(tmp_path / "people")
    try:
        cs = study.researcher.case_studies
        case = study.new_case()
        one = cs.add(case, study.at("research"))
        cs.add(case, study.at("pseudo"))
        cs.pseudonymise.add_term(case, "pupil", PUPIL)
        cs.pseudonymise.add_term(case, "school", SCHOOL)

        dialog = PseudonymiseDialog(study.researcher, ctx.runner, case)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(
            lambda: not dialog.busy() and dialog.model.review is not None, timeout=20_000
        )
        qtbot.mouseClick(dialog.accept_all, Qt.MouseButton.LeftButton)
        with qtbot.waitSignal(dialog.accepted, timeout=20_000):
            qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)

        coding = CaseCodingTab(study.researcher, ctx.runner)
        qtbot.addWidget(coding)
        coding.resize(1200, 700)
        coding.show()
        with qtbot.waitSignal(coding.loaded, timeout=20_000):
            coding.set_case(case)
        before = set(coding.codes)
        coding.add_code("Material concreto")
        wait_writes(qtbot, ctx)
        (code_id,) = set(coding.codes) - before
        found = coding.text.document().find("regletas")
        assert not found.isNull()
        coding.text.setTextCursor(found)
        coding.text.copy()  # the researcher copies a passage: it is pseudonymised text
        with qtbot.waitSignal(coding.applied, timeout=20_000):
            coding.apply_code(code_id)
        cs.coding.add_memo(case, f"Hablar con {PUPIL} sobre {SCHOOL}", item_id=one.id)

        exports = CaseExportsTab(study.researcher, ctx.runner)
        qtbot.addWidget(exports)
        exports.resize(1000, 700)
        exports.show()
        exports.set_case(case)
        qtbot.waitUntil(lambda: not exports.loading, timeout=20_000)
        exports.set_format("pdf")
        dest = tmp_path / "exported" / "informe.pdf"
        dest.parent.mkdir()
        exports.start(dest)
        qtbot.waitUntil(lambda: exports.task is None, timeout=60_000)
        assert dest.read_bytes().startswith(b"%PDF-"), exports.status.text()
        wait_writes(qtbot, ctx)
        for widget in (dialog, coding, exports):
            widget.close()
        QApplication.processEvents()
    finally:
        close(study)
    # Everything under tmp_path: both vaults (encrypted), the student's bundles
    # (encrypted), ctx's data and settings, the temp folder, the export.
    assert _scan(tmp_path, set()) == []
    assert list(private_tmp.iterdir()) == [] or _scan(private_tmp, set()) == []
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert not any(c in logged for c in CANARIES), logged
    clip = QApplication.clipboard().text()
    assert "regletas" in clip and not any(c in clip for c in CANARIES), clip
    # The scan finds a canary where there is one (the test can fail).
    planted = private_tmp / "planted"
    planted.write_bytes(PUPIL.encode("utf-16-le"))
    assert f"tmpdir/planted: {PUPIL}" in _scan(tmp_path, set())
