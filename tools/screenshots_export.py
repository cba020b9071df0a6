"""Screenshots of every export-wizard page (issue 16.4): es/en, light/dark, on a 1366×768
and a 1024×600 screen.

    .venv/bin/python tools/screenshots_export.py [docs/screenshots]
    (the same as ``python tools/screenshots.py --only export``)

Each screen size runs in a child process whose offscreen screen has that size
(``QT_QPA_PLATFORM=offscreen:configfile=…``, as tests/gui/test_screen_fit.py does), so
the wizard fits itself as it would on that screen. Files:
``export-<n>-<page>-<lang>-<theme>-<W>x<H>.png`` for File → Share entries… (with the
"why Next is disabled" line where nothing is chosen yet) and
``feedback-<n>-<page>-…`` for Send feedback.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

log = logging.getLogger("screenshots")
SIZES = ((1366, 768), (1024, 600))


def _mentor_with_comments(folder: Path, vault: Any, lang: str) -> tuple[Any, str]:
    """The mentor's vault (``make_partner``) with the student's entries imported and a
    comment on one: what "Send feedback" sends. Returns the vault and the student's id
    there."""
    from screenshots import make_partner

    from reflectdesk.domain.model import ExportRequest

    mentor, _bundle = make_partner(folder, vault, lang)
    at_student = vault.contacts.import_card(mentor.identity.card()).contact
    at_mentor = mentor.contacts.list()[0]
    ids = [s.id for s in vault.entries.list()]
    out = folder / "to-mentor"
    out.mkdir()
    sent = vault.exports.export(
        ExportRequest(recipients=(at_student.id,), entry_ids=tuple(ids)), out
    )
    mentor.imports.import_bundle(sent.path)
    received = [mentor.imports.received_entry_id(at_mentor.id, i) for i in ids]
    entry = next(e for e in received if mentor.entries.get(e).content.sections)
    comment = "¿Qué harías distinto la próxima vez?" if lang == "es" else "What would you change?"
    section, body = next(iter(mentor.entries.get(entry).content.sections.items()))
    mentor.review.add_comment(entry, section, comment, quote=body.split()[0])
    return mentor, at_mentor.id


def render_export(ctx: Any, vault: Any, out: Path, tag: str, lang: str) -> None:
    from screenshots import save, settle

    from reflectdesk.gui.export_wizard import ExportWizard

    with tempfile.TemporaryDirectory(prefix="reflectdesk-export-shots-") as tmp:
        mentor, student_at_mentor = _mentor_with_comments(Path(tmp), vault, lang)
        # A fixed path, so the pictures change only when the screens do.
        usb = (
            Path(tempfile.gettempdir())
            / "reflectdesk-shots"
            / ("MEMORIA USB" if lang == "es" else "USB STICK")
        )
        shutil.rmtree(usb, ignore_errors=True)
        usb.mkdir(parents=True)

        ids = [s.id for s in vault.entries.list()][:2]
        wizard = ExportWizard(ctx, vault, ids)
        wizard.show()
        settle(150)
        save(wizard, out, f"export-1-entries-{tag}")
        wizard.next()
        settle(100)
        save(wizard, out, f"export-2-recipients-none-{tag}")
        rosa = vault.contacts.list()[0]
        wizard.recipients_page.model.set_checked(rosa.id, True)
        settle(100)
        save(wizard, out, f"export-2-recipients-{tag}")
        wizard.next()
        settle(100)
        save(wizard, out, f"export-3-consent-{tag}")
        wizard.next()
        settle(100)
        save(wizard, out, f"export-4-save-nofolder-{tag}")
        wizard.save_page.set_folder(str(usb))
        settle(100)
        save(wizard, out, f"export-4-save-{tag}")
        wizard.start_export()
        ctx.runner.wait(10_000)
        settle(200)
        save(wizard, out, f"export-5-done-{tag}")
        wizard.accept()

        feedback = ExportWizard(ctx, mentor, kind="feedback", recipients=[student_at_mentor])
        feedback.show()
        settle(150)
        save(feedback, out, f"feedback-1-recipients-{tag}")
        feedback.next()
        feedback.save_page.set_folder(str(usb))
        settle(100)
        save(feedback, out, f"feedback-2-save-{tag}")
        feedback.start_export()
        ctx.runner.wait(10_000)
        settle(200)
        save(feedback, out, f"feedback-3-done-{tag}")
        feedback.accept()
        settle()
        mentor.close()
        shutil.rmtree(usb, ignore_errors=True)


def render_size(out: Path, width: int, height: int) -> None:
    """In this process (its screen already ``width``×``height``): every language and theme."""
    from PySide6.QtWidgets import QApplication
    from screenshots import _make_vault, settle

    from reflectdesk.gui.app import build_context, create_application

    app = create_application([sys.argv[0]])
    for lang in ("es", "en"):
        for theme in ("light", "dark"):
            with tempfile.TemporaryDirectory(prefix="reflectdesk-shots-") as tmp:
                ctx = build_context(app, Path(tmp))
                ctx.translations.set_language(lang)
                ctx.theme.apply(theme, 0)
                vault = _make_vault(ctx, lang)
                render_export(ctx, vault, out, f"{lang}-{theme}-{width}x{height}", lang)
                ctx.runner.wait(10_000)
                vault.close()  # type: ignore[attr-defined]
                for widget in QApplication.topLevelWidgets():
                    widget.close()
                settle()


def render(out: Path) -> list[Path]:
    """One child process per screen size."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="reflectdesk-screen-") as tmp:
        for width, height in SIZES:
            config = Path(tmp) / f"screen-{width}x{height}.json"
            screen = {"name": "shots", "x": 0, "y": 0, "width": width, "height": height}
            screen |= {"logicalDpi": 96, "logicalBase": 96, "dpr": 1}
            config.write_text(json.dumps({"screens": [screen]}))
            env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
            subprocess.run(
                [sys.executable, __file__, "--size", f"{width}x{height}", str(out)],
                env=env,
                check=True,
            )
    return sorted([*out.glob("export-*.png"), *out.glob("feedback-*.png")])


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["--size"]:
        width, height = (int(n) for n in args[1].split("x"))
        render_size(Path(args[2]), width, height)
        return 0
    out = Path(args[0]) if args else Path("docs/screenshots")
    paths = render(out)
    log.info("%d export-wizard screenshots in %s", len(paths), out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
