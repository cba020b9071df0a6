"""Screenshots of the case study's Exports tab and the report's first page (issue 15,
point 7), in Spanish and English.

``python tools/screenshots_case_export.py [DIR]`` (default ``docs/screenshots``) writes

- ``case-exports-{lang}-{theme}-{W}x{H}.png``: the main window on the case-study
  workspace's Exports tab after an export ("Saved to…"), with an earlier export flagged
  outdated by a withdrawal; light and dark; screens of 1366×768 and 1024×600;
- ``case-exports-attributes-{lang}-{theme}.png``: the foot of the tab, the case
  attributes with a school type set (1366×768);
- ``case-report-{lang}.png``: the first page of the report's PDF, drawn by the app's
  renderer and rasterised with ``pdftoppm`` (poppler-utils).

A temporary researcher vault with light key-derivation parameters receives a student's
real bundle (tests/services/case_helpers.py); nothing is written outside it and ``DIR``.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import QScrollArea

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tools"))

from screenshots import each_language_and_theme, save, settle, tool_main  # noqa: E402

log = logging.getLogger(__name__)

WINDOWS = ((1366, 768), (1024, 600))
FRAME_W, FRAME_H = 16, 48  # what the window manager takes of the screen

TITLES = {
    "es": ("Fracciones con material concreto", "¿Cómo explican las fracciones?"),
    "en": ("Fractions with concrete materials", "How do they explain fractions?"),
}


def make_case(study: object, lang: str) -> str:
    from tests.services.case_helpers import PUPIL, SCHOOL, Study

    assert isinstance(study, Study)
    cs = study.researcher.case_studies
    title, question = TITLES[lang]
    case = cs.create(title, question=question, language=lang).id
    cs.approve(
        case,
        committee="CEC-CSAH",
        reference="2026-041",
        expires=date.today() + timedelta(days=200),
    )
    one = cs.add(case, study.at("research"))
    two = cs.add(case, study.at("pseudo"))
    cs.pseudonymise.add_term(case, "pupil", PUPIL)
    cs.pseudonymise.add_term(case, "school", SCHOOL)
    cs.pseudonymise.apply(case, cs.pseudonymise.propose(case))
    names = {
        "es": ("Material concreto", "Preguntas del curso", "Evaluación"),
        "en": ("Concrete materials", "Pupils' questions", "Assessment"),
    }[lang]
    material = cs.coding.add_code(case, names[0], color="#2E7D32")
    questions = cs.coding.add_code(case, names[1], color="#C62828")
    assessment = cs.coding.add_code(case, names[2], color="#1565C0")
    cs.coding.apply_quote(case, one.id, "description", "fracciones", questions.id)
    cs.coding.apply_quote(case, one.id, "description", "regletas", material.id)
    cs.coding.apply_quote(case, one.id, "analysis", "Las regletas ayudaron.", material.id)
    cs.coding.apply_quote(case, two.id, "description", "fracciones", assessment.id)
    pseudonym = cs.exports.attributes(case)[0].pseudonym
    cs.exports.set_school_type(case, pseudonym, "subvencionado")
    return case


def render_tab(ctx: object, out: Path, lang: str, theme: str, tmp: Path) -> None:
    from reflectdesk.gui.case_exports import CaseExportsTab
    from reflectdesk.gui.case_workspace import CaseWorkspace
    from reflectdesk.gui.main_window import MainWindow
    from tests.services.case_helpers import close, make_study

    study = make_study(tmp / "vaults")
    try:
        case = make_case(study, lang)
        if theme == "light":
            render_report(study, case, out, lang, tmp)
        cs = study.researcher.case_studies
        folder = tmp / ("Exportaciones" if lang == "es" else "Exports")
        folder.mkdir()
        cs.exports.export(case, "md", folder / "informe-2026-12-01.md")
        study.researcher.imports.import_bundle(study.withdraw("research"))  # outdates it
        runner = ctx.runner  # type: ignore[attr-defined]
        window = MainWindow(ctx, study.researcher)  # type: ignore[arg-type]
        window.show()
        window.show_sharing("case_studies")
        page = window.page("case_studies")
        assert isinstance(page, CaseWorkspace)
        page.select_case(case)
        tab = page.tab(CaseExportsTab)
        assert isinstance(tab, CaseExportsTab)
        page.tabs.setCurrentWidget(tab)
        runner.wait(20_000)
        settle(200)
        tab.start(folder / tab.default_name())
        runner.wait(60_000)
        settle(200)
        area = tab.findChild(QScrollArea)
        assert area is not None
        for width, height in WINDOWS:
            window.resize(width - FRAME_W, height - FRAME_H)
            area.verticalScrollBar().setValue(0)
            settle(200)
            save(window, out, f"case-exports-{lang}-{theme}-{width}x{height}")
        # The case attributes, at the foot of the tab.
        window.resize(WINDOWS[0][0] - FRAME_W, WINDOWS[0][1] - FRAME_H)
        settle(100)
        area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
        settle(100)
        save(window, out, f"case-exports-attributes-{lang}-{theme}")
        window.prepare_to_close()
        runner.wait(20_000)
        window.close()
    finally:
        close(study)


def render_report(study: object, case: str, out: Path, lang: str, tmp: Path) -> None:
    """The report's first page: the PDF drawn by the app's renderer, then rasterised."""
    from reflectdesk.gui.case_exports import render_pdf
    from tests.services.case_helpers import Study

    assert isinstance(study, Study)
    pdf = tmp / "report.pdf"
    study.researcher.case_studies.exports.export(case, "pdf", pdf, pdf=render_pdf)
    tool = shutil.which("pdftoppm")
    if tool is None:
        log.warning("pdftoppm not found (poppler-utils): no picture of the report")
        return
    target = out / f"case-report-{lang}"
    subprocess.run(
        [tool, "-png", "-r", "90", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(target)],
        check=True,
    )
    log.info("wrote %s.png", target)


def render(out: Path) -> list[Path]:
    each_language_and_theme(
        out,
        "reflectdesk-case-export-shots-",
        lambda ctx, lang, theme, tmp: render_tab(ctx, out, lang, theme, tmp),
    )
    return sorted([*out.glob("case-exports-*.png"), *out.glob("case-report-*.png")])


def main(argv: list[str] | None = None) -> int:
    return tool_main(render, __doc__, argv)


if __name__ == "__main__":
    sys.exit(main())
