"""attack3 (03 Dec): the Audit log tab's "Check an exported audit log" in a study's
workspace passed a log that was not this researcher's (attack (a): a false log in the
shared folder, believed by the researcher herself)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from reflectdesk.bundles import Identity
from reflectdesk.gui.app_context import AppContext
from reflectdesk.services.case_audit import file_bytes, read_file, sign
from tests.gui.case_setup import audit_tab, study, wait_writes
from tests.services.case_helpers import Study

__all__ = ["study"]


def _resigned(path: Path, to: Path) -> Path:
    """Every record of ``path`` again, same study, events and dates, chained and signed
    by a key of the attacker's: a log that verifies on its own."""
    thief = Identity.generate()
    out: list[dict[str, Any]] = []
    for item in read_file(path):
        r = item["record"]
        out.append(
            sign(
                thief,
                study=r["study"],
                seq=r["seq"],
                event=r["event"],
                data=dict(r["data"]),
                previous=out[-1] if out else None,
                at=datetime.fromisoformat(r["at"]),
            )
        )
    to.write_bytes(file_bytes(out))
    return to


def test_a_log_signed_by_another_key_fails_the_check_in_the_studys_audit_tab(
    qtbot: QtBot, ctx: AppContext, study: Study, tmp_path: Path
) -> None:
    tab = audit_tab(qtbot, ctx, study)
    tab.export_to(tmp_path / "fracciones")
    wait_writes(qtbot, ctx)
    genuine = tmp_path / "fracciones.audit.json"
    tab.verify_file(genuine)
    assert tab.result.text().startswith("Passed: fracciones.audit.json")
    forged = _resigned(genuine, tmp_path / "forged.audit.json")
    tab.verify_file(forged)
    assert tab.result.text().startswith("Failed:"), tab.result.text()
    assert tab.result.property("state") == "failed"
    # Another study's genuine log (same researcher, same key) is not this study's.
    other = study.new_case(title="Otro")
    tab.set_case(other)
    tab.verify_file(genuine)
    assert tab.result.text().startswith("Failed:"), tab.result.text()
