"""Screenshots of the case study's Queries tab (issue 15, point 4): passages by code and
the code × MBE standard matrix (and the frequency chart), in Spanish and English, light
and dark, with the window at 1366×768 and 1024×600.

``python tools/screenshots_case_queries.py [DIR]`` (default ``docs/screenshots``): writes
``case-queries-{passages,standards,frequencies}-{lang}-{theme}-{W}x{H}.png``. A temporary
researcher vault with light key-derivation parameters receives eight students' entries
in real bundles (research consent), one approved study holds them with a small codebook
and coded passages (``benchmarks/bench_case_queries.py``'s ``build_study``). Nothing is
written outside it and ``DIR``.

The tab is drawn where the workspace puts it: once the window has the case-study page
(``MainWindow.page("case_studies")``) that page is used; until then a stand-in of its
layout (the app's sidebar, the project list, the study's header and its six tabs).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tools"))
sys.path.insert(0, str(REPO / "benchmarks"))

from screenshots import save, settle  # noqa: E402

log = logging.getLogger(__name__)

SIZES = ((1366, 768), (1024, 600))


def stand_in(tab: object, title: str, lang: str) -> object:
    """The workspace's layout around the tab, until the real page exists."""
    from PySide6.QtWidgets import (
        QHBoxLayout,
        QLabel,
        QListWidget,
        QSplitter,
        QTabWidget,
        QVBoxLayout,
        QWidget,
    )

    es = lang == "es"
    window = QWidget()
    sidebar = QListWidget()
    sidebar.addItems(
        ["Diario", "Revisión", "Contactos", "Estudios de caso"]
        if es
        else ["Journal", "Review", "Contacts", "Case studies"]
    )
    sidebar.setCurrentRow(3)
    sidebar.setFixedWidth(170)
    projects = QListWidget()
    projects.setMaximumWidth(200)
    projects.addItem(title)
    projects.setCurrentRow(0)
    right = QWidget()
    header = QLabel(
        f"<b>{title}</b><br>"
        + (
            "Aprobado por CEC-CSAH, ref. 2026-041, hasta el 30 jun 2027"
            if es
            else "Approved by CEC-CSAH, ref 2026-041, until 30 Jun 2027"
        )
    )
    tabs = QTabWidget()
    names = (
        [
            "Elementos",
            "Codificación",
            "Memos",
            "Consultas",
            "Exportaciones",
            "Registro de auditoría",
        ]
        if es
        else ["Items", "Coding", "Memos", "Queries", "Exports", "Audit log"]
    )
    for k, name in enumerate(names):
        tabs.addTab(tab if k == 3 else QWidget(), name)  # type: ignore[arg-type]
    tabs.setCurrentIndex(3)
    column = QVBoxLayout(right)
    column.setContentsMargins(6, 6, 6, 6)
    column.addWidget(header)
    column.addWidget(tabs, 1)
    split = QSplitter()
    split.addWidget(projects)
    split.addWidget(right)
    split.setSizes([200, 1000])
    row = QHBoxLayout(window)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(sidebar)
    row.addWidget(split, 1)
    return window


def render_queries(ctx: object, out: Path, suffix: str, lang: str, tmp: Path) -> None:
    from bench_case_queries import build_study
    from reflectdesk.gui.case_queries import FREQUENCIES, STANDARDS, CaseQueriesTab

    vault, case = build_study(tmp / "researcher", 8, 4, 90, quiet=True)
    study = vault.case_studies.get(case)
    tab = CaseQueriesTab(vault, ctx.runner)  # type: ignore[attr-defined]
    window = stand_in(tab, study.title, lang)
    for width, height in SIZES:
        window.resize(width, height)  # type: ignore[attr-defined]
        window.show()  # type: ignore[attr-defined]
        settle(150)
        tab.show_query(0)
        tab.set_case(case)
        ctx.runner.wait(20_000)  # type: ignore[attr-defined]
        settle(200)
        tab.set_codes([c.id for c in tab.data.codes[:1]] if tab.data else [])
        tab.table.selectRow(2)
        settle(100)
        save(window, out, f"case-queries-passages-{suffix}-{width}x{height}")  # type: ignore[arg-type]
        tab.show_query(STANDARDS)
        tab.std_table.setCurrentIndex(tab.std_model.index(1, 2))
        settle(100)
        save(window, out, f"case-queries-standards-{suffix}-{width}x{height}")  # type: ignore[arg-type]
        tab.show_query(FREQUENCIES)
        settle(100)
        save(window, out, f"case-queries-frequencies-{suffix}-{width}x{height}")  # type: ignore[arg-type]
        tab.set_codes([])
    window.close()  # type: ignore[attr-defined]
    ctx.runner.wait(10_000)  # type: ignore[attr-defined]
    vault.close()


def render(out: Path, langs: tuple[str, ...], themes: tuple[str, ...]) -> list[Path]:
    from reflectdesk.gui.app import build_context, create_application

    app = create_application([sys.argv[0]])
    out.mkdir(parents=True, exist_ok=True)
    for lang in langs:
        for theme in themes:
            with tempfile.TemporaryDirectory(prefix="reflectdesk-case-queries-shots-") as tmp:
                ctx = build_context(app, Path(tmp) / "data")
                ctx.translations.set_language(lang)
                ctx.theme.apply(theme, 0)
                render_queries(ctx, out, f"{lang}-{theme}", lang, Path(tmp))
                for widget in QApplication.topLevelWidgets():
                    widget.close()
                settle()
    return sorted(out.glob("case-queries-*.png"))


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path, nargs="?", default=Path("docs/screenshots"))
    parser.add_argument("--lang", action="append", choices=("es", "en"))
    parser.add_argument("--theme", action="append", choices=("light", "dark"))
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    paths = render(
        args.out, tuple(args.lang or ("es", "en")), tuple(args.theme or ("light", "dark"))
    )
    log.info("%d screenshots in %s", len(paths), args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
