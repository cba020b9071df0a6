"""Issue 15, "how it is shown", second bullet, through the GUI: a student's name, a
pupil's name, a RUT and an e-mail address placed in entries never appear in any file the
Exports tab writes for a pseudonymised project: `.qdpx` (every member of the archive),
`.qdc`, HTML, PDF (drawn by the GUI's Qt renderer, its text read back page by page) and
Markdown, with the signed audit logs beside them; scanned in UTF-8 and UTF-16, any case,
with and without accents. The same scan finds them in a project whose proposals were
skipped (the test can fail)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.case_exports import CaseExportsTab
from tests.gui.case_setup import (
    build_world,
    coded_case,
    export_from_tab,
    exported_files,
    leaks,
)

FORMATS = ("qdpx", "qdc", "html", "pdf", "md")


def test_no_name_pupil_rut_or_email_in_any_file_the_exports_tab_writes(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], tmp_path: Path
) -> None:
    ctx = make_ctx("es")
    world = build_world(ctx.vault_dir, tmp_path)
    try:
        r = world.researcher
        case = coded_case(world)
        tab = CaseExportsTab(r, ctx.runner)
        qtbot.addWidget(tab)
        tab.resize(1366, 768)
        tab.show()
        tab.set_case(case)
        qtbot.waitUntil(lambda: not tab.loading, timeout=10_000)
        out = tmp_path / "export"
        out.mkdir()
        paths: list[Path] = []
        for fmt in FORMATS:
            path = out / f"estudio.{fmt}"
            export_from_tab(qtbot, tab, fmt, path)
            audit = path.with_name(path.name + ".audit.json")
            assert audit.exists(), fmt
            paths += [path, audit]
        assert (out / "estudio.pdf").read_bytes().startswith(b"%PDF-")
        files = exported_files(paths)
        assert len(files) > 12  # the archive's members and the PDF's text are scanned too
        pdf_text = files["estudio.pdf#text"].decode("utf-8")
        assert "Material concreto" in pdf_text and "Estudiante" in pdf_text, pdf_text[:400]
        assert leaks(files) == []

        # The same scan finds every canary when the proposals were skipped.
        raw = coded_case(world, pseudonymise=False, title="Sin revisar")
        tab.set_case(raw)
        qtbot.waitUntil(lambda: not tab.loading, timeout=10_000)
        raw_paths = []
        for fmt in ("qdpx", "pdf"):
            path = out / f"sin-revisar.{fmt}"
            export_from_tab(qtbot, tab, fmt, path)
            raw_paths.append(path)
        found = leaks(exported_files(raw_paths))
        for fmt in ("qdpx", "pdf"):
            kinds = {
                f.split(": ")[1].split()[0] for f in found if f.startswith(f"sin-revisar.{fmt}")
            }
            assert kinds >= {"student", "pupil", "rut", "email"}, (fmt, found)
    finally:
        ctx.runner.wait(30_000)
        world.close()
