"""Screenshots of the pseudonymisation review (issue 15, point 3): the case study's
proposals grouped by term with the before/after of one occurrence, in Spanish and
English, light and dark, at the size the dialog opens on 1366×768 and 1024×600 screens.

``python tools/screenshots_case_pseudo.py [DIR]`` (default ``docs/screenshots``): writes
``case-pseudonymise-{lang}-{theme}-{W}x{H}.png`` and ``case-pseudonymise-term-…`` (the
Add term row open, an entry that stays blocked). A temporary researcher vault with light
key-derivation parameters receives a student's entries in real bundles
(tests/services/case_helpers.py). Nothing is written outside it and ``DIR``.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QSize

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tools"))

from screenshots import each_language_and_theme, save, settle, tool_main  # noqa: E402

log = logging.getLogger(__name__)

# The screens, and the size the dialog opens at on each (gui/screen_fit.fit_dialog).
SIZES = ((1366, 768, QSize(1040, 700)), (1024, 600, QSize(1008, 552)))


def render_review(ctx: object, out: Path, suffix: str, tmp: Path) -> None:
    from reflectdesk.gui.case_pseudonymise_dialog import PseudonymiseDialog
    from tests.services.case_helpers import PUPIL, SCHOOL, close, make_study

    study = make_study(tmp / "study")
    cs = study.researcher.case_studies
    case = study.new_case()
    cs.add(case, study.at("research"))
    cs.add(case, study.at("pseudo"))
    cs.pseudonymise.add_term(case, "pupil", PUPIL)
    cs.pseudonymise.add_term(case, "school", SCHOOL)
    runner = ctx.runner  # type: ignore[attr-defined]
    for width, height, size in SIZES:
        dialog = PseudonymiseDialog(study.researcher, runner, case)
        dialog.resize(size)
        dialog.show()
        runner.wait(20_000)
        settle(200)
        model = dialog.model
        model.set_all(True)
        proposals = model.proposals()
        short = next(i for i, p in enumerate(proposals) if p.original == "Martina")
        model.set_accepted([short], False)
        school = next(i for i, p in enumerate(proposals) if p.original == SCHOOL)
        dialog.select_proposal(school)
        dialog.tree.setFocus()
        settle(100)
        save(dialog, out, f"case-pseudonymise-{suffix}-{width}x{height}")
        email = next(i for i, p in enumerate(proposals) if "@" in p.original)
        model.set_accepted([email], False)
        dialog.select_proposal(email)
        dialog.add_term_button.setChecked(True)
        dialog.term_kind.setCurrentIndex(dialog.term_kind.findData("commune"))
        dialog.term_name.setText("Pudahuel")
        settle(100)
        save(dialog, out, f"case-pseudonymise-term-{suffix}-{width}x{height}")
        dialog.reject()
        dialog.deleteLater()
        settle()
    close(study)


def render(out: Path) -> list[Path]:
    each_language_and_theme(
        out,
        "reflectdesk-pseudo-shots-",
        lambda ctx, lang, theme, tmp: render_review(ctx, out, f"{lang}-{theme}", tmp),
    )
    return sorted(out.glob("case-pseudonymise-*.png"))


def main(argv: list[str] | None = None) -> int:
    return tool_main(render, __doc__, argv)


if __name__ == "__main__":
    sys.exit(main())
