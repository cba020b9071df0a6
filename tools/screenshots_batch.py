"""Screenshots of the batch import (issue 14): the report, the unknown-senders list and
the cohorts on the contacts page, in Spanish and English, light and dark, with the
window at 1366×768 and 1024×600.

``python tools/screenshots_batch.py [DIR]`` (default ``docs/screenshots``). Uses the
helpers of ``tools/screenshots.py`` (``settle``, ``save``) and a temporary tutor vault
with light key-derivation parameters; the cohort's bundles are made with real keys in
the temporary folder. Nothing is written outside it and ``DIR``.
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


def render_batch(ctx: object, out: Path, suffix: str, tmp: Path) -> None:
    from reflectdesk.crypto.kdf import KdfParams
    from reflectdesk.domain.model import Role
    from reflectdesk.gui.main_window import MainWindow
    from reflectdesk.services.vault import NewProfile, Vault
    from tests.services.batch_helpers import make_cohort, make_students, student_bundle

    vault, _ = Vault.create(
        ctx.vault_dir,  # type: ignore[attr-defined]
        PASSPHRASE,
        NewProfile("Teresa Tutora", Role.MENTOR, "es"),
        kdf_params=KdfParams.insecure_for_tests(),
    )
    cohort = make_cohort(vault, tmp / "cohorte", students=8, bundles=16)
    me = [vault.identity.key_pair().public]
    for i, s in enumerate(make_students(2, seed=99)):  # two more senders to verify
        (cohort.folder / f"nuevo-{i}.rdbundle").write_bytes(student_bundle(s, me, seed=500 + i))
    window = MainWindow(ctx, vault)  # type: ignore[arg-type]
    for width, height in SIZES:
        window.resize(width, height)
        window.show()
        settle(100)
        window.open_batch([cohort.folder])
        dialog = window.dialogs["batch-import"]
        dialog.resize(min(860, width - 40), min(620, height - 40))
        ctx.runner.wait(60_000)  # type: ignore[attr-defined]
        settle(300)
        save(dialog, out, f"batch-report-{suffix}-{width}x{height}")
        dialog.table.hide()  # the unknown senders in the room the report leaves
        for key in [u.key_id for u in dialog.report.unknown_senders][:1]:
            dialog.set_sender_checked(key)
        settle(100)
        save(dialog, out, f"batch-unknown-senders-{suffix}-{width}x{height}")
        dialog.table.show()
        if width == SIZES[0][0]:
            dialog.make_cohort("Práctica II — 2026 — Sección 2")
            ctx.runner.wait(10_000)  # type: ignore[attr-defined]
        dialog.accept()
        settle(100)
        window.show_sharing("contacts")
        settle(300)
        save(window, out, f"contacts-cohorts-{suffix}-{width}x{height}")
    window.prepare_to_close()
    window.close()
    vault.close()


def render(out: Path) -> list[Path]:
    each_language_and_theme(
        out,
        "reflectdesk-batch-shots-",
        lambda ctx, lang, theme, tmp: render_batch(ctx, out, f"{lang}-{theme}", tmp),
    )
    return sorted(out.glob("batch-*.png")) + sorted(out.glob("contacts-cohorts-*.png"))


def main(argv: list[str] | None = None) -> int:
    return tool_main(render, __doc__, argv)


if __name__ == "__main__":
    sys.exit(main())
