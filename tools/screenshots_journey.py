"""Screenshots of the cohort journey (issue 14): the tutor drops a folder of 60 bundles
from 20 students (tests/gui/cohort_setup.py: real vaults, 3 tampered files, 2 for
another tutor, 1 unknown sender, 1 revoked key) → the batch report, the unknown-senders
list with the newcomer ticked, the cohort dashboard of the 20 students, and the reading
view of the entry a student changed on two computers (its banner). Spanish and English,
light and dark, 1366×768 and 1024×600.

``python tools/screenshots_journey.py [DIR] [--only report|senders|dashboard|conflict]``
(default ``docs/screenshots``; files ``journey-*.png``). The dashboard is drawn only on
request (``--only dashboard``): ``tools/screenshots_dashboard.py`` keeps its pictures in
docs/screenshots. Everything else is written in a temporary folder, with light
key-derivation parameters.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tools"))

from screenshots import PASSPHRASE, save, settle  # noqa: E402

log = logging.getLogger(__name__)

SIZES = ((1366, 768), (1024, 600))
SCREENS = ("report", "senders", "dashboard", "conflict")


def render_journey(ctx: Any, out: Path, suffix: str, tmp: Path, only: str | None) -> None:
    from reflectdesk.crypto.kdf import KdfParams
    from reflectdesk.domain.model import Role
    from reflectdesk.gui.batch_import import COL_RESULT
    from reflectdesk.gui.main_window import MainWindow
    from reflectdesk.services.vault import NewProfile, Vault
    from tests.gui.cohort_setup import build_cohort

    vault, _ = Vault.create(
        ctx.vault_dir,
        PASSPHRASE,
        NewProfile("Teresa Tutora", Role.EDUCATOR, "es", "UMCE"),
        kdf_params=KdfParams.insecure_for_tests(),
    )
    cohort = build_cohort(vault, tmp)
    window = MainWindow(ctx, vault)
    window.resize(*SIZES[0])
    window.show()
    settle(100)
    window.open_batch([cohort.folder])
    dialog = window.dialogs["batch-import"]
    ctx.runner.wait(60_000)
    settle(300)
    # Refusals and senders to verify first: what a tutor reads the report for.
    dialog.table.sortByColumn(COL_RESULT, Qt.SortOrder.DescendingOrder)
    for width, height in SIZES:
        window.resize(width, height)
        dialog.resize(min(860, width - 40), min(620, height - 40))
        settle(200)
        if only in (None, "report"):
            dialog.table.scrollToTop()
            save(dialog, out, f"journey-batch-report-{suffix}-{width}x{height}")
        if only in (None, "senders"):
            dialog.table.hide()  # the unknown senders in the room the report leaves
            dialog.set_sender_checked(cohort.unknown_student.key_id)
            settle(100)
            save(dialog, out, f"journey-unknown-senders-{suffix}-{width}x{height}")
            dialog.set_sender_checked(cohort.unknown_student.key_id, False)
            dialog.table.show()
    closed = only in (None, "dashboard", "conflict")
    if closed:
        dialog.set_sender_checked(cohort.unknown_student.key_id)
        dialog.import_checked_senders()
        ctx.runner.wait(30_000)
        settle(200)
        dialog.make_cohort("Práctica Profesional II — 2026 — Sección 2")
        ctx.runner.wait(10_000)
        settle(100)
        dialog.accept()
        settle(300)
    if only == "dashboard":
        (group,) = vault.cohorts.list()
        window.review.show_dashboard(group.id)
        board = window.review.pages["dashboard"]
        ctx.runner.wait(20_000)
        settle(300)
        board.select_student(cohort.students[0].contact_id)
        for width, height in SIZES:
            window.resize(width, height)
            for tab in range(board.tabs.count()):
                board.tabs.setCurrentIndex(tab)
                settle(300)
                save(window, out, f"journey-dashboard-{tab + 1}-{suffix}-{width}x{height}")
        board.tabs.setCurrentIndex(0)
    if only in (None, "conflict"):
        camila = cohort.students[0]
        assert camila.contact_id is not None
        here = vault.imports.received_entry_id(camila.contact_id, cohort.conflict_entry)
        journal = vault.entries.get(here).journal_id
        window.sidebar.select("journal", journal)
        settle(300)
        window.select_entry(here)
        window.open_entry(here)
        ctx.runner.wait(10_000)
        for width, height in SIZES:
            window.resize(width, height)
            settle(300)
            save(window, out, f"journey-reading-conflict-{suffix}-{width}x{height}")
    if not closed:
        dialog.accept()
    window.prepare_to_close()
    ctx.runner.wait(10_000)
    window.close()
    vault.close()


def render(out: Path, only: str | None = None) -> list[Path]:
    from reflectdesk.gui.app import build_context, create_application

    app = create_application([sys.argv[0]])
    out.mkdir(parents=True, exist_ok=True)
    for lang in ("es", "en"):
        for theme in ("light", "dark"):
            with tempfile.TemporaryDirectory(prefix="reflectdesk-journey-shots-") as tmp:
                ctx = build_context(app, Path(tmp) / "data")
                ctx.translations.set_language(lang)
                ctx.theme.apply(theme, 0)
                render_journey(ctx, out, f"{lang}-{theme}", Path(tmp), only)
                ctx.runner.wait(10_000)
                for widget in QApplication.topLevelWidgets():
                    widget.close()
                settle()
    return sorted(out.glob("journey-*.png"))


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path, nargs="?", default=Path("docs/screenshots"))
    parser.add_argument("--only", choices=SCREENS, help="only these screens")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    paths = render(args.out, args.only)
    log.info("%d screenshots in %s", len(paths), args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
