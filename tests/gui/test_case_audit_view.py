"""The Audit log tab (issue 15, item 6): the signed log's records as a table, "Verify"
passing with the signer, the log exported, and an exported copy with one byte changed
failing with the reason (the vault's own copy is encrypted: the file is what is changed)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.case_audit_view import details_text
from tests.gui.case_setup import audit_tab, study, wait_writes
from tests.services.case_helpers import Study

__all__ = ["study"]


def test_verify_export_and_a_changed_copy(
    qtbot: QtBot, ctx: AppContext, study: Study, tmp_path: Path
) -> None:
    tab = audit_tab(qtbot, ctx, study)
    r = study.researcher
    qtbot.waitUntil(lambda: not tab.loading)  # read and checked on a worker
    whats = [tab.model.text(row, 1) for row in range(tab.model.rowCount())]
    assert whats == ["Item added", "Ethics approval recorded", "Study created"]  # newest first
    added = tab.model.text(0, 2)
    assert "version 1" in added and "consent: research" in added
    assert "signature checked" in added and "bundle " in added
    tab.verify_button.click()
    assert tab.result.text() == "Verifying…"
    qtbot.waitUntil(lambda: not tab.loading)
    key_id = r.identity.public().key_id_hex
    assert tab.result.text().startswith("Passed: the log in your vault is whole and signed")
    assert "3 records" in tab.result.text() and key_id in tab.result.text()
    assert tab.result.property("state") == "ok"

    log = tmp_path / "fracciones"  # the suffix is added
    tab.export_to(log)
    wait_writes(qtbot, ctx)
    exported = tmp_path / "fracciones.audit.json"
    assert tab.last_export == exported and exported.exists()
    tab.verify_file(exported)
    # The three records and the signed record of this export, which closes the copy.
    assert tab.result.text().startswith("Passed: fracciones.audit.json (4 records")

    data = bytearray(exported.read_bytes())
    data[len(data) // 2] ^= 0x01
    exported.write_bytes(bytes(data))
    tab.verify_file(exported)
    assert tab.result.text().startswith("Failed: The audit log does not verify")
    assert tab.result.property("state") == "failed"


def test_details_name_no_one() -> None:
    text = details_text(
        {
            "item": "guid",
            "withdrawn_on": "2026-05-04",
            "bundle": "01abcdef0123456789",
            "segments": 2,
        }
    )
    assert text == "withdrawn on 4 May 2026; bundle 01abcdef01234567…; 2 passages"


def test_counts_take_the_plural_they_need_in_both_languages(ctx: AppContext) -> None:
    assert details_text({"segments": 1, "memos": 3}) == "1 passage; 3 memos"
    assert details_text({"items": 2, "codes": 1}) == "2 items; 1 code"
    ctx.translations.set_language("es")
    try:
        assert details_text({"segments": 1, "memos": 3}) == "1 pasaje; 3 memos"
        assert details_text({"items": 1, "codes": 2}) == "1 elemento; 2 códigos"
    finally:
        ctx.translations.set_language("en")
