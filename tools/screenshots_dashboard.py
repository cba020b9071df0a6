"""Screenshots of the cohort dashboard (issue 14, point 3): the main window on the
dashboard page (students, the entries-per-week chart, and the standards heatmap), in
Spanish and English, light and dark, with the window at 1366×768 and 1024×600.

``python tools/screenshots_dashboard.py [DIR]`` (default ``docs/screenshots``): writes
``dashboard-{chart,heatmap,student,course}-{lang}-{theme}-{W}x{H}.png`` (``course``:
one course section picked in the course filter). A temporary tutor vault with
light key-derivation parameters receives a cohort of eight students (real keys, real
bundles, tests/services/dashboard_helpers.py). Nothing is written outside it and ``DIR``.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tools"))

from screenshots import PASSPHRASE, each_language_and_theme, save, settle, tool_main  # noqa: E402

log = logging.getLogger(__name__)

SIZES = ((1366, 768), (1024, 600))


def render_dashboard(ctx: object, out: Path, suffix: str, tmp: Path) -> None:
    from reflectdesk.crypto.kdf import KdfParams
    from reflectdesk.domain.model import Role
    from reflectdesk.gui.cohort_dashboard import CohortDashboard
    from reflectdesk.gui.main_window import MainWindow
    from reflectdesk.services.vault import NewProfile, Vault
    from tests.services.dashboard_helpers import demo_cohort

    vault, _ = Vault.create(
        ctx.vault_dir,  # type: ignore[attr-defined]
        PASSPHRASE,
        NewProfile("Teresa Tutora", Role.EDUCATOR, "es"),
        kdf_params=KdfParams.insecure_for_tests(),
    )
    cohort_id = demo_cohort(vault, tmp / "cohorte")
    window = MainWindow(ctx, vault)  # type: ignore[arg-type]
    for width, height in SIZES:
        window.resize(width, height)
        window.show()
        settle(200)
        window.review.show_dashboard(cohort_id)
        board = window.review.pages["dashboard"]
        assert isinstance(board, CohortDashboard)
        ctx.runner.wait(20_000)  # type: ignore[attr-defined]
        settle(300)
        board.tabs.setCurrentIndex(0)
        board.select_student(None)
        settle(100)
        save(window, out, f"dashboard-chart-{suffix}-{width}x{height}")
        board.tabs.setCurrentIndex(1)
        rows = board.student_rows()
        board.select_student(rows[1].contact_id if len(rows) > 1 else None)
        settle(100)
        save(window, out, f"dashboard-heatmap-{suffix}-{width}x{height}")
        board.tabs.setCurrentIndex(0)
        settle(100)
        save(window, out, f"dashboard-student-{suffix}-{width}x{height}")
        # The course filter (issue 14): one section of the course picked.
        board.select_student(None)
        board.title.setCurrentIndex(min(2, board.title.count() - 1))
        settle(100)
        save(window, out, f"dashboard-course-{suffix}-{width}x{height}")
        board.reset_filters()
    window.prepare_to_close()
    window.close()
    vault.close()


def render(out: Path) -> list[Path]:
    each_language_and_theme(
        out,
        "reflectdesk-dashboard-shots-",
        lambda ctx, lang, theme, tmp: render_dashboard(ctx, out, f"{lang}-{theme}", tmp),
    )
    return sorted(out.glob("dashboard-*.png"))


def main(argv: list[str] | None = None) -> int:
    return tool_main(render, __doc__, argv)


if __name__ == "__main__":
    sys.exit(main())
