"""Screenshots of the case study's Queries tab (issue 15, point 4): passages by code and
the code × MBE standard matrix (and the frequency chart), in Spanish and English, light
and dark, with the window at 1366×768 and 1024×600.

``python tools/screenshots_case_queries.py [DIR]`` (default ``docs/screenshots``): writes
``case-queries-{passages,standards,frequencies}-{lang}-{theme}-{W}x{H}.png``. A temporary
researcher vault with light key-derivation parameters receives eight students' entries
in real bundles (research consent), one approved study holds them with a small codebook
and coded passages (``benchmarks/bench_case_queries.py``'s ``build_study``). Nothing is
written outside it and ``DIR``.

The tab is drawn where the workspace puts it: the main window's case-study page
(``MainWindow.page("case_studies")``), the tab added in the contract's place if the
workspace does not list it yet.
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
FRAME_W, FRAME_H = 16, 48  # what the window manager takes of the screen (as screenshots_case_shell)


def workspace_tab(window: object, lang: str) -> tuple[object, object]:
    """The main window's case-study page and its Queries tab (added here, where the
    contract puts it, if the workspace does not list it yet)."""
    from reflectdesk.gui.case_queries import CaseQueriesTab
    from reflectdesk.gui.case_workspace import CaseWorkspace

    window.show_sharing("case_studies")  # type: ignore[attr-defined]
    page = window.page("case_studies")  # type: ignore[attr-defined]
    assert isinstance(page, CaseWorkspace)
    tab = page.tab(CaseQueriesTab)
    if tab is None:
        tab = CaseQueriesTab(page.vault, page.runner)
        page.tab_widgets.append(tab)
        page.tabs.insertTab(
            min(3, page.tabs.count()), tab, "Consultas" if lang == "es" else "Queries"
        )
    return page, tab


def render_queries(ctx: object, out: Path, suffix: str, lang: str, tmp: Path) -> None:
    from bench_case_queries import build_study
    from reflectdesk.gui.case_queries import FREQUENCIES, STANDARDS
    from reflectdesk.gui.main_window import MainWindow

    vault, case = build_study(tmp / "researcher", 8, 4, 90, quiet=True)
    window = MainWindow(ctx, vault)  # type: ignore[arg-type]
    window.show()
    page, tab = workspace_tab(window, lang)
    runner = ctx.runner  # type: ignore[attr-defined]
    for width, height in SIZES:
        window.resize(width - FRAME_W, height - FRAME_H)
        settle(200)
        page.select_case(case)  # type: ignore[attr-defined]
        page.tabs.setCurrentWidget(tab)  # type: ignore[attr-defined]
        tab.show_query(0)  # type: ignore[attr-defined]
        tab.set_case(case)  # type: ignore[attr-defined]
        runner.wait(20_000)
        settle(200)
        codes = tab.data.codes[:1] if tab.data else []  # type: ignore[attr-defined]
        tab.set_codes([c.id for c in codes])  # type: ignore[attr-defined]
        tab.table.selectRow(2)  # type: ignore[attr-defined]
        settle(100)
        save(window, out, f"case-queries-passages-{suffix}-{width}x{height}")
        tab.show_query(STANDARDS)  # type: ignore[attr-defined]
        tab.std_table.setCurrentIndex(tab.std_model.index(1, 2))  # type: ignore[attr-defined]
        settle(100)
        save(window, out, f"case-queries-standards-{suffix}-{width}x{height}")
        tab.show_query(FREQUENCIES)  # type: ignore[attr-defined]
        settle(100)
        save(window, out, f"case-queries-frequencies-{suffix}-{width}x{height}")
        tab.set_codes([])  # type: ignore[attr-defined]
    window.prepare_to_close()
    runner.wait(20_000)
    window.close()
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
