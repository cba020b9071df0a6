"""Screenshots of issue 16 point 8, es/en, light/dark.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots_everyday.py [docs/screenshots]

The main window with an entry whose standards show with their titles and whose preview
shows its tags, standards and attachments (a photo inline, a PDF by name), at 1366×768
and 1024×600; the New journal dialog, empty and with its "name it" message. Also called
by tools/screenshots.py (render_app) for a full run.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

log = logging.getLogger("screenshots")
SIZES = ((1366, 768), (1024, 600))

ENTRY = {
    "es": {
        "title": "Evaluación formativa con boletos de salida",
        "tags": ("evaluación", "4° básico", "fracciones"),
        "action": "Cerré la clase con un **boleto de salida**: dos fracciones para comparar.",
        "teacher-do": "Leí los boletos en el recreo y armé tres grupos para la clase siguiente.",
        "photo": "pizarra-fracciones.png",
        "pdf": "pauta-boleto-de-salida.pdf",
    },
    "en": {
        "title": "Formative assessment with exit tickets",
        "tags": ("assessment", "Year 4", "fractions"),
        "action": "I closed the lesson with an **exit ticket**: two fractions to compare.",
        "teacher-do": "I read the tickets at break and made three groups for the next lesson.",
        "photo": "board-fractions.png",
        "pdf": "exit-ticket-rubric.pdf",
    },
}


def _photo(path: Path) -> None:
    """A small drawing of a board with fraction bars (sample data for the screenshot)."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    image = QImage(420, 240, QImage.Format.Format_RGB32)
    image.fill(QColor("#2f4f3a"))
    painter = QPainter(image)
    painter.setPen(QColor("#f5f5f0"))
    font = QFont()
    font.setPointSize(22)
    painter.setFont(font)
    painter.drawText(QRect(0, 12, 420, 40), Qt.AlignmentFlag.AlignCenter, "1/2  >  1/4 ?")
    for row, parts in enumerate((2, 4)):
        width = 360 // parts
        for i in range(parts):
            painter.drawRect(30 + i * width, 80 + row * 70, width, 50)
    painter.end()
    image.save(str(path))


def add_entry(vault: Any, lang: str, folder: Path) -> str:
    """The entry of these screenshots: five standards, tags, a photo and a PDF."""
    from datetime import date

    from reflectdesk.domain.model import EntryContent

    text = ENTRY[lang]
    journal = vault.journals.list()[0].id
    entry = vault.entries.add(
        journal,
        EntryContent(
            title=str(text["title"]),
            sections={"action": str(text["action"]), "teacher-do": str(text["teacher-do"])},
            tags=tuple(text["tags"]),
            standards=("C9", "C7", "A4", "B5", "D12"),
            event_date=date(2026, 4, 2),
            template_id="alact",
        ),
    )
    photo = folder / str(text["photo"])
    _photo(photo)
    pdf = folder / str(text["pdf"])
    pdf.write_bytes(b"%PDF-1.4\n" + b"0" * 48_000)
    for path in (photo, pdf):
        vault.entries.attach(entry.id, path)
        path.unlink()
    return str(entry.id)


def render_everyday(ctx: Any, vault: Any, out: Path, suffix: str, lang: str) -> None:
    from screenshots import save, settle

    from reflectdesk.gui.main_window import MainWindow

    with tempfile.TemporaryDirectory(prefix="reflectdesk-shot-files-") as tmp:
        entry_id = add_entry(vault, lang, Path(tmp))
    for w, h in SIZES:
        window = MainWindow(ctx, vault)
        window.show()
        window.resize(w, h)  # after show: the window fits itself to the screen first
        settle(200)
        window.select_entry(entry_id)
        window.open_entry(entry_id)
        settle(500)
        save(window, out, f"entry-standards-{suffix}-{w}x{h}")
        editor = window.editor
        editor.preview.verticalScrollBar().setValue(editor.preview.verticalScrollBar().maximum())
        settle(100)
        save(editor.splitter, out, f"preview-attachments-{suffix}-{w}x{h}")
        if (w, h) == SIZES[0]:
            window.new_journal()
            dialog = window.dialogs["journal"]
            settle(100)
            save(dialog, out, f"new-journal-{suffix}")
            dialog.try_accept()  # type: ignore[attr-defined]  # no name: the message
            dialog.adjustSize()
            settle(100)
            save(dialog, out, f"new-journal-error-{suffix}")
            dialog.close()
        window.prepare_to_close()
        ctx.runner.wait(10_000)
        window.hide()
        window.deleteLater()
        settle()


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
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
                render_everyday(ctx, vault, out, f"{lang}-{theme}", lang)
                ctx.runner.wait(10_000)
                vault.close()  # type: ignore[attr-defined]
                for widget in QApplication.topLevelWidgets():
                    widget.close()
                settle()
    return 0


if __name__ == "__main__":
    sys.exit(main())
