"""Screenshots of the case-study workspace (issue 15): a project with its approval and an
item's provenance, the entry picker with its consent reasons, and the items and audit
log after a withdrawal, in Spanish and English, light and dark, at 1366×768 and 1024×600.

``python tools/screenshots_case_shell.py [DIR]`` (default ``docs/screenshots``): writes
``case-{project,picker,approval,withdrawn,audit}-{lang}-{theme}-{W}x{H}.png``. A temporary
researcher's vault with light key-derivation parameters receives a student's real bundle
with mixed consent (tests/services/case_helpers.py). Nothing is written outside it and
``DIR``.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tools"))

from screenshots import each_language_and_theme, save, settle, tool_main  # noqa: E402

log = logging.getLogger(__name__)

SIZES = ((1366, 768), (1024, 600))
FRAME_W, FRAME_H = 16, 48  # what the window manager takes of the screen
TITLES = {"es": "Fracciones con material concreto", "en": "Fractions with concrete materials"}
COHORTS = {"es": "Práctica II — 2026 — Sección 2", "en": "Practicum II — 2026 — Section 2"}
QUESTIONS = {
    "es": "¿Cómo explican las fracciones quienes hacen su práctica?",
    "en": "How do student teachers explain fractions?",
}


def render_case(ctx: object, out: Path, suffix: str, lang: str, tmp: Path) -> None:
    from reflectdesk.gui.case_audit_view import CaseAuditTab
    from reflectdesk.gui.case_items import CaseItemsTab
    from reflectdesk.gui.case_workspace import CaseWorkspace
    from reflectdesk.gui.main_window import MainWindow
    from tests.services.case_helpers import make_study

    study = make_study(tmp / "case")
    r = study.researcher
    case = study.new_case(title=TITLES[lang])
    r.case_studies.update(case, question=QUESTIONS[lang])
    r.cohorts.create(COHORTS[lang], [study.student_at_researcher])
    r.case_studies.update(case, cohort_ids=[c.id for c in r.cohorts.list()])
    r.case_studies.add(case, study.at("research"))
    window = MainWindow(ctx, r)  # type: ignore[arg-type]
    window.show()
    window.show_sharing("case_studies")
    page = window.page("case_studies")
    assert isinstance(page, CaseWorkspace)
    items = page.tab(CaseItemsTab)
    runner = ctx.runner  # type: ignore[attr-defined]
    for width, height in SIZES:
        window.resize(width - FRAME_W, height - FRAME_H)
        settle(200)
        page.tabs.setCurrentWidget(items)
        items.table.selectRow(0)
        settle(100)
        save(window, out, f"case-project-{suffix}-{width}x{height}")
        items.open_picker()
        picker = items.picker
        assert picker is not None
        picker.resize(min(900, width - FRAME_W), min(600, height - FRAME_H))
        runner.wait(20_000)
        picker.select_entries([study.at("pseudo")])
        settle(200)
        save(picker, out, f"case-picker-{suffix}-{width}x{height}")
        picker.reject()
        settle()
        dialog = page.edit_case(approval=True)
        assert dialog is not None
        dialog.resize(min(640, width - FRAME_W), min(640, height - FRAME_H))
        settle(100)
        save(dialog, out, f"case-approval-{suffix}-{width}x{height}")
        dialog.reject()
        settle()
    r.case_studies.add(case, study.at("pseudo"))
    r.imports.import_bundle(study.withdraw("research"))
    runner.wait(20_000)
    page.refresh()
    for width, height in SIZES:
        window.resize(width - FRAME_W, height - FRAME_H)
        page.tabs.setCurrentWidget(items)
        settle(200)
        save(window, out, f"case-withdrawn-{suffix}-{width}x{height}")
        audit = page.tab(CaseAuditTab)
        page.tabs.setCurrentWidget(audit)
        audit.verify()
        runner.wait(20_000)  # read and checked on a worker
        settle(100)
        save(window, out, f"case-audit-{suffix}-{width}x{height}")
    window.prepare_to_close()
    runner.wait(20_000)
    window.close()
    study.student.close()
    r.close()


def render(out: Path) -> list[Path]:
    each_language_and_theme(
        out,
        "reflectdesk-case-shots-",
        lambda ctx, lang, theme, tmp: render_case(ctx, out, f"{lang}-{theme}", lang, tmp),
    )
    return sorted(out.glob("case-*.png"))


def main(argv: list[str] | None = None) -> int:
    return tool_main(render, __doc__, argv)


if __name__ == "__main__":
    sys.exit(main())
