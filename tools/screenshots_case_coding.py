"""Screenshots of the case study's coding view and memos (issue 15), es/en, light/dark.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots_case_coding.py [docs/screenshots]

A researcher's vault with real received entries (``tests/services/case_helpers.py``),
an approved case study, a small hierarchical codebook and coded passages (two of them
overlapping, one with a memo). Each tab is shown at the room it gets in the case-study
workspace of a 1366×768 and a 1024×600 window (the sidebar and the project header take
the rest); the files are named after the window size.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools"))
sys.path.insert(0, str(REPO))

log = logging.getLogger("screenshots")
SIZES = ((1366, 768), (1024, 600))
#: What the workspace around a tab takes: the sidebar and project list, the header.
CHROME = (300, 190)

CODES = {
    "es": [
        ("Estrategias didácticas", "#3CB44B", "Cómo enseña: material, preguntas, modelado."),
        ("Material concreto", "#F58231", "Regletas, tiras, objetos."),
        ("Contenido matemático", "#4363D8", "Fracciones, números, medición."),
        ("Participación", "#911EB4", "Quién habla, quién pregunta."),
    ],
    "en": [
        ("Teaching strategies", "#3CB44B", "How they teach: materials, questions, modelling."),
        ("Concrete materials", "#F58231", "Rods, strips, objects."),
        ("Mathematical content", "#4363D8", "Fractions, numbers, measuring."),
        ("Participation", "#911EB4", "Who speaks, who asks."),
    ],
}
MEMO = {
    "es": "La alumna pregunta: buen indicio de participación. Revisar en la entrevista.",
    "en": "The pupil asks: a good sign of participation. Follow up in the interview.",
}


def build(tmp: Path, lang: str) -> tuple[Any, str]:
    from tests.services.case_helpers import PUPIL, SCHOOL, make_study

    study = make_study(tmp)
    vault = study.researcher
    cs = vault.case_studies
    case_id = study.new_case(title="Fracciones en 4° básico" if lang == "es" else "Fractions")
    research = cs.add(case_id, study.at("research"))
    cs.add(case_id, study.at("pseudo"))
    cs.pseudonymise.add_term(case_id, "pupil", PUPIL, forms=["Martina"])
    cs.pseudonymise.add_term(case_id, "school", SCHOOL)
    cs.pseudonymise.apply(case_id, cs.pseudonymise.propose(case_id))
    coding = cs.coding
    ids = []
    for n, (name, color, description) in enumerate(CODES[lang]):
        parent = ids[0] if n == 1 else None
        ids.append(
            coding.add_code(
                case_id, name, color=color, description=description, parent_id=parent
            ).id
        )
    strategies, concrete, content, participation = ids
    item = research.id
    coding.apply_quote(case_id, item, "description", "le expliqué con regletas", strategies)
    coding.apply_quote(case_id, item, "description", "regletas", concrete)
    coding.apply_quote(case_id, item, "description", "las fracciones", content)
    passage = coding.apply_quote(
        case_id, item, "description", "preguntó por las fracciones", participation
    )
    coding.apply_quote(case_id, item, "analysis", "Las regletas ayudaron", concrete)
    coding.add_memo(case_id, MEMO[lang], segment_id=passage)
    coding.add_memo(
        case_id,
        "Primera lectura: el material concreto aparece en casi todas las clases."
        if lang == "es"
        else "First reading: concrete materials appear in almost every lesson.",
        title="Primera lectura" if lang == "es" else "First reading",
    )
    coding.add_memo(
        case_id,
        "Incluye regletas, tiras de papel y pizzas de cartón."
        if lang == "es"
        else "Includes rods, paper strips and cardboard pizzas.",
        code_id=concrete,
    )
    return study, case_id


def render(ctx: Any, study: Any, case_id: str, out: Path, suffix: str) -> None:
    from PySide6.QtGui import QTextCursor
    from screenshots import save, settle

    from reflectdesk.gui.case_coding_view import CaseCodingTab
    from reflectdesk.gui.case_memos import CaseMemosTab

    vault = study.researcher
    for w, h in SIZES:
        tab = CaseCodingTab(vault, ctx.runner)
        tab.resize(w - CHROME[0], h - CHROME[1])
        tab.show()
        tab.set_case(case_id)
        ctx.runner.wait(10_000)
        settle(100)
        doc = tab.text.document()
        found = doc.find("preguntó")
        cursor = QTextCursor(doc)
        cursor.setPosition(found.selectionStart() + 2)
        tab.text.setTextCursor(cursor)  # inside a passage: its codes and memo below
        tab.text.setFocus()
        first = next(iter(tab._code_rows.values()))
        tab.codebook.setCurrentItem(first)
        settle(100)
        save(tab, out, f"case-coding-{suffix}-{w}x{h}")
        tab.close()
        tab.deleteLater()
        memos = CaseMemosTab(vault, ctx.runner)
        memos.resize(w - CHROME[0], h - CHROME[1])
        memos.show()
        memos.set_case(case_id)
        ctx.runner.wait(10_000)
        settle(100)
        if memos.memo_list.topLevelItemCount():
            memos.memo_list.setCurrentItem(memos.memo_list.topLevelItem(0))
        settle(60)
        save(memos, out, f"case-memos-{suffix}-{w}x{h}")
        memos.close()
        memos.deleteLater()
        settle()


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    from PySide6.QtWidgets import QApplication
    from screenshots import settle

    from reflectdesk.gui.app import build_context, create_application

    app = create_application([sys.argv[0]])
    for lang in ("es", "en"):
        with tempfile.TemporaryDirectory(prefix="reflectdesk-shots-") as tmp:
            study, case_id = build(Path(tmp) / "study", lang)
            for theme in ("light", "dark"):
                ctx = build_context(app, Path(tmp) / f"ctx-{theme}")
                ctx.translations.set_language(lang)
                ctx.theme.apply(theme, 0)
                render(ctx, study, case_id, out, f"{lang}-{theme}")
                ctx.runner.wait(10_000)
                for widget in QApplication.topLevelWidgets():
                    widget.close()
                settle()
            study.student.close()
            study.researcher.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
