"""Render the main screens offscreen, in Spanish and English, light and dark, as PNG.

``python tools/screenshots.py DIR`` (``make screenshots``). Uses a temporary
vault with *light* key-derivation parameters and sample entries; nothing is written
outside the temporary folder and ``DIR``. ``--pseudo`` renders the pseudo-locale instead.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget, QWizard

from reflectdesk.gui.app_context import AppContext

log = logging.getLogger(__name__)

PASSPHRASE = "caballo bateria grapa correcto"  # noqa: S105 - a throwaway sample vault

SAMPLES: dict[str, list[dict[str, object]]] = {
    "es": [
        {
            "title": "Primera clase de fracciones en 4° básico",
            "template_id": "alact",
            "tags": ("fracciones", "4° básico"),
            "standards": ("A1", "C7"),
            "sections": {
                "action": "Quise que comprendieran las fracciones con **material concreto**: "
                "pizzas de cartón y tiras de papel.",
                "teacher-want": "Que todos pudieran representar 1/2, 1/4 y 3/4.",
                "teacher-do": "Repartí las tiras y pedí que doblaran en partes iguales.\n\n"
                "- Modelé con una tira grande en la pizarra.\n- Pregunté: ¿son iguales las partes?",
                "teacher-think": "Pensaba que el doblado sería fácil.",
                "pupils-do": "Varios doblaron en partes desiguales y discutieron entre ellos.",
                "essential-aspects": "La reflexión me muestra que el lenguaje de *partes iguales* "
                "no era compartido.",
            },
        },
        {
            "title": "Observación de aula: clase de lenguaje",
            "template_id": "learning-round",
            "tags": ("observación", "lenguaje"),
            "standards": ("B5",),
            "sections": {
                "setting": "2° medio, lenguaje, 10:15 a 11:00. Estuve al fondo de la sala.",
                "teacher": "La profesora hizo una clase excelente y muy bien organizada.",
                "students": "Tres grupos leen en voz alta; un estudiante pregunta qué es "
                "una metáfora.",
            },
        },
        {
            "title": "Reunión de triada con la profesora guía",
            "template_id": "free",
            "tags": ("triada", "retroalimentación"),
            "standards": ("D10",),
            "sections": {
                "body": "Acordamos revisar la planificación de la unidad 3 y mi "
                "reflexión sobre la evaluación formativa."
            },
        },
        {
            "title": "Reflexión semanal: evaluación formativa",
            "template_id": "gibbs",
            "tags": ("evaluación",),
            "standards": ("A4", "C9"),
            "sections": {},
        },
    ],
    "en": [
        {
            "title": "First fractions lesson in year 4",
            "template_id": "alact",
            "tags": ("fractions", "year 4"),
            "standards": ("A1", "C7"),
            "sections": {
                "action": "I wanted them to understand fractions with **hands-on materials**: "
                "cardboard pizzas and paper strips.",
                "teacher-want": "That everyone could show 1/2, 1/4 and 3/4.",
                "teacher-do": "I handed out strips and asked them to fold equal parts.\n\n"
                "- I modelled with a big strip on the board.\n- I asked: are the parts equal?",
                "teacher-think": "I thought folding would be easy.",
                "pupils-do": "Several folded unequal parts and argued about it.",
                "essential-aspects": "This reflection shows me that *equal parts* was not a "
                "shared idea.",
            },
        },
        {
            "title": "Classroom observation: language lesson",
            "template_id": "learning-round",
            "tags": ("observation", "language"),
            "standards": ("B5",),
            "sections": {
                "setting": "Year 10, language, 10:15 to 11:00. I sat at the back.",
                "teacher": "The teacher gave an excellent and very well organised lesson.",
                "students": "Three groups read aloud; a pupil asks what a metaphor is.",
            },
        },
        {
            "title": "Triad meeting with my school mentor",
            "template_id": "free",
            "tags": ("triad", "feedback"),
            "standards": ("D10",),
            "sections": {
                "body": "We agreed to review the unit 3 plan and my reflection on "
                "formative assessment."
            },
        },
        {
            "title": "Weekly reflection: formative assessment",
            "template_id": "gibbs",
            "tags": ("assessment",),
            "standards": ("A4", "C9"),
            "sections": {},
        },
    ],
}


def settle(ms: int = 60) -> None:
    """Let layouts, timers and queued signals run."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    QCoreApplication.processEvents()


def save(widget: QWidget, out: Path, name: str) -> Path:
    settle()
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    log.info("wrote %s", path)
    return path


def each_language_and_theme(
    out: Path, prefix: str, shoot: Callable[[AppContext, str, str, Path], None]
) -> None:
    """``shoot(ctx, lang, theme, tmp)`` for es and en × light and dark, each in a fresh
    context over a temporary data folder ``tmp`` (named ``prefix``…) with that language
    and theme; afterwards its tasks are waited for and every window is closed."""
    from reflectdesk.gui.app import build_context, create_application

    app = create_application([sys.argv[0]])
    out.mkdir(parents=True, exist_ok=True)
    for lang in ("es", "en"):
        for theme in ("light", "dark"):
            with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
                ctx = build_context(app, Path(tmp) / "data")
                ctx.translations.set_language(lang)
                ctx.theme.apply(theme, 0)
                shoot(ctx, lang, theme, Path(tmp))
                ctx.runner.wait(10_000)
                for widget in QApplication.topLevelWidgets():
                    widget.close()
                settle()


def tool_main(
    render_to: Callable[[Path], list[Path]], doc: str | None, argv: list[str] | None
) -> int:
    """The command line of a screenshots_*.py tool: ``[DIR]`` (default docs/screenshots)."""
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    parser = argparse.ArgumentParser(description=doc)
    parser.add_argument("out", type=Path, nargs="?", default=Path("docs/screenshots"))
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    paths = render_to(args.out)
    log.info("%d screenshots in %s", len(paths), args.out)
    return 0


def _make_vault(ctx: AppContext, lang: str) -> object:
    from reflectdesk.crypto.kdf import KdfParams
    from reflectdesk.domain.model import EntryContent, Role
    from reflectdesk.services.vault import NewProfile, Vault

    vault, _key = Vault.create(
        ctx.vault_dir,
        PASSPHRASE,
        NewProfile("Camila Pérez", Role.STUDENT, lang),
        kdf_params=KdfParams.insecure_for_tests(),
    )
    journal = vault.journals.create(
        "Práctica profesional 2026" if lang == "es" else "Practicum 2026"
    )
    start = date(2026, 3, 9)
    for i, sample in enumerate(SAMPLES[lang]):
        content = EntryContent(
            title=str(sample["title"]),
            sections=dict(sample["sections"]),  # type: ignore[call-overload]
            tags=tuple(sample["tags"]),  # type: ignore[arg-type]
            standards=tuple(sample["standards"]),  # type: ignore[arg-type]
            event_date=start + timedelta(days=3 * i),
            template_id=str(sample["template_id"]),
        )
        entry = vault.entries.add(journal.id, content)
        if i == 0:
            sections = dict(content.sections)
            sections["alternatives"] = (
                "Usar regletas antes de doblar; acordar qué significa *igual*."
                if lang == "es"
                else "Use fraction bars before folding; agree on what *equal* means."
            )
            vault.entries.edit(entry.id, replace(content, sections=sections))
    return vault


PARTNER = {
    "es": ("Rosa Díaz", "Liceo Bicentenario de Valparaíso", "Retroalimentación de la clase"),
    "en": ("Rosa Díaz", "Valparaíso High School", "Feedback on the lesson"),
}


def make_partner(folder: Path, vault: object, lang: str) -> tuple[object, Path]:
    """A mentor's vault in ``folder`` that knows ``vault``'s card and sent it a bundle
    (``vault`` does not know the mentor yet: the preview asks to compare the number)."""
    from reflectdesk.crypto.kdf import KdfParams
    from reflectdesk.domain.model import EntryContent, ExportRequest, Role
    from reflectdesk.services.vault import NewProfile, Vault

    name, institution, title = PARTNER[lang]
    partner, _key = Vault.create(
        folder / "vault",
        PASSPHRASE,
        NewProfile(name, Role.MENTOR, lang, institution),
        kdf_params=KdfParams.insecure_for_tests(),
    )
    journal = partner.journals.create(title)
    entry = partner.entries.add(
        journal.id,
        EntryContent(
            title=title,
            sections={"body": "…"},
            tags=("retroalimentación" if lang == "es" else "feedback",),
            template_id="free",
        ),
    )
    me = partner.contacts.import_card(vault.identity.card())  # type: ignore[attr-defined]
    assert me.contact is not None
    out = folder / "out"
    out.mkdir()
    result = partner.exports.export(
        ExportRequest(recipients=(me.contact.id,), entry_ids=(entry.id,)), out
    )
    return partner, result.path


def render_wizard(ctx: AppContext, out: Path, suffix: str) -> None:
    from reflectdesk.crypto import recovery
    from reflectdesk.gui.wizard import FirstRunWizard

    wizard = FirstRunWizard(ctx)
    wizard.create_page.start = lambda: None  # type: ignore[method-assign]
    wizard.resize(720, 600)
    wizard.show()
    save(wizard, out, f"wizard-1-language-{suffix}")
    wizard.next()
    wizard.profile_page.name.setText("Camila Pérez")
    wizard.profile_page.institution.setText("Universidad de Chile")
    save(wizard, out, f"wizard-2-profile-{suffix}")
    wizard.next()
    fields = wizard.passphrase_page.fields
    fields.passphrase.setText("nube tetera lámpara")
    save(wizard, out, f"wizard-3-passphrase-{suffix}")
    wizard.next()
    page = wizard.create_page
    page.progress.setRange(0, 3)
    page.progress.setValue(1)
    from reflectdesk.gui.unlock import progress_label

    page.status.setText(progress_label("kdf"))
    save(wizard, out, f"wizard-4-create-{suffix}")
    wizard.recovery_key = recovery.format_key(recovery.generate())
    page.done = True
    wizard.setOption(QWizard.WizardOption.NoCancelButton, True)
    wizard.next()
    save(wizard, out, f"wizard-5-recovery-{suffix}")
    wizard.next()
    save(wizard, out, f"wizard-6-confirm-{suffix}")
    wizard.recovery_key = ""
    wizard.hide()
    wizard.deleteLater()


def render_unlock(ctx: AppContext, out: Path, suffix: str) -> None:
    """The unlock window as it opens, and after a wrong passphrase (the hint that
    points to the recovery key whole: issue 16.2)."""
    from reflectdesk.errors import WrongPassphrase
    from reflectdesk.gui.i18n import error_texts
    from reflectdesk.gui.unlock import UnlockWindow

    unlock = UnlockWindow()
    unlock.show()
    unlock.adjustSize()
    save(unlock, out, f"unlock-{suffix}")
    unlock.passphrase.setText("xxxxxxxxxxxx")
    unlock.wrong_passphrase(*error_texts(WrongPassphrase()))
    save(unlock, out, f"unlock-error-{suffix}")
    unlock.close()
    unlock.deleteLater()


LAYOUT_SIZES = ((1366, 768), (1024, 600))


def render_layout(ctx: AppContext, out: Path, suffix: str, lang: str) -> None:
    """What issue 16.1 fixed, as a 1366x768 and a 1024x600 screen leave room for it
    (less a panel and the title bar): the main window with its entry list and the
    editor, the contacts page (it scrolls at 1024x600) and the withdrawal dialog."""
    from reflectdesk.gui.main_window import MainWindow
    from reflectdesk.gui.withdraw_dialog import WithdrawDialog

    vault: Any = _make_vault(ctx, lang)
    window = MainWindow(ctx, vault)
    window.show()
    for width, height in LAYOUT_SIZES:
        window.resize(width - 16, height - 48)
        settle(100)
        window._share_splitters()
        window.list.selectRow(window.model.rowCount() - 1)  # the ALACT entry
        settle(300)
        save(window, out, f"layout-main-{suffix}-{width}x{height}")
        window.show_sharing("contacts")
        settle(200)
        save(window, out, f"layout-contacts-{suffix}-{width}x{height}")
        window.show_entries()
    ids = [s.id for s in vault.entries.list()][:2]
    withdraw = WithdrawDialog(ctx, vault, ids, window)
    withdraw.show()
    for width, height in LAYOUT_SIZES:
        withdraw.resize(min(660, width - 16), min(560, height - 48))
        save(withdraw, out, f"layout-withdraw-{suffix}-{width}x{height}")
    withdraw.reject()
    window.prepare_to_close()
    ctx.runner.wait(10_000)
    window.hide()
    window.deleteLater()
    vault.close()


def render_app(ctx: AppContext, out: Path, suffix: str, lang: str) -> None:
    from reflectdesk.gui.main_window import MainWindow

    render_unlock(ctx, out, suffix)

    vault = _make_vault(ctx, lang)
    window = MainWindow(ctx, vault)  # type: ignore[arg-type]
    window.resize(1360, 860)
    window.show()
    settle(200)
    window.list.selectRow(window.model.rowCount() - 1)
    save(window, out, f"main-{suffix}")
    # The ALACT entry, with preview.
    window.list.selectRow(window.model.rowCount() - 1)
    settle(400)
    save(window, out, f"editor-alact-{suffix}")
    # An observation note: the descriptive-language hint.
    window.list.selectRow(window.model.rowCount() - 2)
    settle(600)
    save(window, out, f"editor-observation-{suffix}")
    # Search as you type.
    window.search.field.setText("reflexion" if lang == "es" else "reflection")
    window.search.flush()
    ctx.runner.wait(5000)
    settle(200)
    window.results.setCurrentIndex(window.results_model.index(0))
    save(window, out, f"search-{suffix}")
    window.search.field.clear()
    window.search.flush()
    # History: render_history (--only history).
    # Settings.
    window.show_settings()
    settings = window.dialogs["settings"]
    settle(100)
    save(settings, out, f"settings-{suffix}")
    settings.close()
    # Backups (issue 16): settings panel, restore dialog, reminder at two screen sizes.
    from screenshots_backups import render_backups

    render_backups(ctx, vault, out, suffix)
    # Standards picker and template chooser.
    window.editor.choose_standards()
    picker = window.editor.picker
    settle(100)
    save(picker, out, f"standards-{suffix}")
    picker.close()
    window.new_entry()
    chooser = window.dialogs["templates"]
    settle(100)
    save(chooser, out, f"new-entry-{suffix}")
    chooser.close()
    render_sharing(ctx, window, vault, out, suffix, lang)
    render_conflict(ctx, window, vault, out, suffix, lang)
    render_received_conflict(ctx, vault, out, suffix, lang)
    from screenshots_sync import render_sync  # sync screens (issue 17)

    render_sync(ctx, window, vault, out, suffix, lang, save, settle)
    # Issue 16.8 (last: it adds an entry): standards with titles, the preview with tags,
    # standards and attachments, the New journal dialog.
    from screenshots_everyday import render_everyday

    render_everyday(ctx, vault, out, suffix, lang)
    window.prepare_to_close()
    ctx.runner.wait(10_000)
    window.hide()
    window.deleteLater()
    vault.close()  # type: ignore[attr-defined]


def render_conflict(
    ctx: AppContext, window: Any, vault: Any, out: Path, suffix: str, lang: str
) -> None:
    """An entry changed on two computers (a copy of the vault plays the laptop): the
    editor's banner and the side-by-side view, at 1366x768 and at 1024x600."""
    import shutil

    from reflectdesk.domain.model import ExportRequest
    from reflectdesk.services.vault import Vault
    from reflectdesk.storage.database import DB_NAME

    entry = next(e for e in (vault.entries.get(s.id) for s in vault.entries.list())
                 if e.content.template_id == "alact")  # fmt: skip
    es = lang == "es"
    with tempfile.TemporaryDirectory(prefix="reflectdesk-laptop-") as tmp:
        vault._unlocked().db.checkpoint()
        laptop_dir = Path(tmp) / "laptop"
        laptop_dir.mkdir(mode=0o700)
        for name in ("vault.rdh", DB_NAME):
            shutil.copy2(ctx.vault_dir / name, laptop_dir / name)
        laptop = Vault.open(laptop_dir)
        laptop.unlock(PASSPHRASE)
        sections = dict(entry.content.sections)
        home_text = (
            "Pensaba que el doblado sería fácil; me sorprendió cuánto costó a los más pequeños."
            if es
            else "I thought folding would be easy; it was hard for the youngest."
        )
        laptop_text = (
            "Pensaba que bastaba con modelar una vez en la pizarra."
            if es
            else "I thought modelling it once on the board would be enough."
        )
        title = entry.content.title + (" (revisada)" if es else " (revised)")
        vault.entries.edit(
            entry.id,
            replace(entry.content, title=title, sections={**sections, "teacher-think": home_text}),
        )
        laptop.entries.edit(
            entry.id,
            replace(entry.content, sections={**sections, "teacher-think": laptop_text,
                    "pupils-do": sections["pupils-do"] + (" Luego se ayudaron." if es
                                                          else " Then they helped each other.")}),
        )  # fmt: skip
        out_dir = Path(tmp) / "out"
        out_dir.mkdir()
        request = ExportRequest(recipients=(), entry_ids=(entry.id,), history=True)
        bundle = laptop.exports.export(request, out_dir).path
        laptop.close()
        vault.imports.import_bundle(bundle)
    for width, height, tag in ((1366, 768, ""), (1024, 600, "-1024x600")):
        window.resize(width, height)
        window.list.selectRow(window.model.rowCount() - 1)  # the ALACT entry, oldest
        settle(300)
        save(window, out, f"conflict-banner{tag}-{suffix}")
        window.editor.show_conflict()
        ctx.runner.wait(10_000)
        settle(200)
        dialog = window.editor.conflict_dialog
        ctx.runner.wait(10_000)
        settle(200)
        dialog.resize(min(960, width - 40), min(560, height - 60))
        dialog.choices[0].radios[1].setChecked(True)
        settle(200)
        save(dialog, out, f"conflict-view{tag}-{suffix}")
        dialog.reject()


def render_received_conflict(
    ctx: AppContext, vault: Any, out: Path, suffix: str, lang: str
) -> None:
    """A mentor's entry she changed on two computers and has not merged, as the student
    sees it: both versions labelled, read-only."""
    import shutil

    from reflectdesk.crypto.kdf import KdfParams
    from reflectdesk.domain.model import EntryContent, ExportRequest, Role
    from reflectdesk.gui.conflict_view import ConflictDialog
    from reflectdesk.services.vault import NewProfile, Vault
    from reflectdesk.storage.database import DB_NAME

    es = lang == "es"
    with tempfile.TemporaryDirectory(prefix="reflectdesk-mentor-") as tmp:
        name, institution, _title = PARTNER[lang]
        mentor, _key = Vault.create(
            Path(tmp) / "m",
            PASSPHRASE,
            NewProfile(name, Role.MENTOR, lang, institution),
            kdf_params=KdfParams.insecure_for_tests(),
        )
        me = mentor.contacts.import_card(vault.identity.card())
        assert me.contact is not None
        journal = mentor.journals.create("Retroalimentación" if es else "Feedback")
        base = EntryContent(
            title="Observación del 12 de marzo" if es else "Observation, 12 March",
            sections={
                "description": "Clase de fracciones, 4° básico." if es else "Fractions, year 4.",
                "feelings": "Me alegró ver la participación."
                if es
                else "Glad to see them join in.",
                "analysis": "Falta cerrar la clase." if es else "The lesson needs a closure.",
            },
            template_id="gibbs",
        )
        entry = mentor.entries.add(journal.id, base)
        mentor._unlocked().db.checkpoint()
        second = Path(tmp) / "m2"
        second.mkdir(mode=0o700)
        for file in ("vault.rdh", DB_NAME):
            shutil.copy2(Path(tmp) / "m" / file, second / file)
        laptop = Vault.open(second)
        laptop.unlock(PASSPHRASE)
        mentor.entries.edit(entry.id, replace(base, sections={**base.sections, "analysis": (
            "Falta un cierre: una pregunta para toda la clase." if es
            else "It needs a closure: one question for the whole class.")}))  # fmt: skip
        laptop.entries.edit(entry.id, replace(base, sections={**base.sections, "analysis": (
            "Falta cerrar con las tiras de papel." if es
            else "Close the lesson with the paper strips.")}))  # fmt: skip
        outbox = Path(tmp) / "out"
        outbox.mkdir()
        request = ExportRequest(recipients=(me.contact.id,), entry_ids=(entry.id,), history=True)
        contact_id = ""
        for sender in (mentor, laptop):
            result = vault.imports.import_bundle(
                sender.exports.export(request, outbox).path, confirm_unknown_sender=True
            )
            contact_id = result.contact_id or contact_id
        received = vault.imports.received_entry_id(contact_id, entry.id)
        titles = dict(vault.templates.get("gibbs", None).section_titles(lang))
        dialog = ConflictDialog(ctx, vault, received, lambda key: titles.get(key, key), author=name)
        dialog.resize(960, 520)
        dialog.show()
        ctx.runner.wait(10_000)
        settle(300)
        save(dialog, out, f"conflict-received-{suffix}")
        dialog.reject()
        laptop.close()
        mentor.close()


def render_sharing(
    ctx: AppContext, window: Any, vault: Any, out: Path, suffix: str, lang: str
) -> None:
    """Import preview (unknown sender), contacts with a QR code and a safety number,
    the export wizard, inbox."""
    with tempfile.TemporaryDirectory(prefix="reflectdesk-partner-") as tmp:
        partner, bundle = make_partner(Path(tmp), vault, lang)
        window.open_bundle(bundle)
        dialog = window.dialogs["import"]
        ctx.runner.wait(10_000)
        settle(200)
        save(dialog, out, f"import-preview-{suffix}")
        dialog.compared.setChecked(True)
        dialog.start_import()
        ctx.runner.wait(10_000)
        settle(200)
        save(dialog, out, f"import-done-{suffix}")
        dialog.accept()
        # The received entry, read only.
        received = next(iter(window.received))
        window.sidebar.select("journal", received)
        settle(200)
        window.list.selectRow(0)
        save(window, out, f"received-entry-{suffix}")
        window.show_sharing("contacts")
        settle(200)
        save(window, out, f"contacts-{suffix}")
        # The export wizard's pages: tools/screenshots_export.py (--only export), on a
        # 1366×768 and a 1024×600 screen.
        from reflectdesk.gui.withdraw_dialog import WithdrawDialog

        withdraw = WithdrawDialog(ctx, vault, [s.id for s in vault.entries.list()][:2], window)
        withdraw.show()
        settle(200)
        save(withdraw, out, f"withdraw-{suffix}")
        withdraw.reject()
        window.show_sharing("inbox")
        settle(100)
        save(window, out, f"inbox-{suffix}")
        partner.close()  # type: ignore[attr-defined]


HISTORY_STORY = {
    "es": (
        "Usé tiras de papel para que doblaran partes iguales.",
        "Varios doblaron partes desiguales y lo discutieron entre ellos.",
        "Primera clase de fracciones en 4° básico (con regletas)",
        "regletas",
    ),
    "en": (
        "I used paper strips so they could fold equal parts.",
        "Several folded unequal parts and argued about it among themselves.",
        "First fractions lesson in year 4 (with fraction bars)",
        "fraction bars",
    ),
}


def history_story(vault: Any, journal_id: str, lang: str) -> str:
    """An entry written in four editing sessions over three days, as the editor saves
    them (each session one revision, its start sealed): the History's labels. The
    vault's clock is moved for the story (storage stamps a revision when written)."""
    from datetime import datetime

    import reflectdesk.storage.entries as stored
    from reflectdesk.domain.model import EntryContent

    sample = SAMPLES[lang][0]
    content = EntryContent(
        title=str(sample["title"]),
        sections={k: v for k, v in dict(sample["sections"]).items() if k != "pupils-do"},  # type: ignore[call-overload]
        tags=tuple(sample["tags"]),  # type: ignore[arg-type]
        standards=tuple(sample["standards"]),  # type: ignore[arg-type]
        event_date=date(2026, 3, 9),
        template_id=str(sample["template_id"]),
    )
    now = datetime.now().astimezone().replace(second=0, microsecond=0)
    day = now.replace(hour=0, minute=0)
    sessions = [
        (day - timedelta(days=2) + timedelta(hours=18, minutes=2), 19),
        (day - timedelta(days=1) + timedelta(hours=9, minutes=40), 12),
        (now - timedelta(minutes=47), 7),
        (now - timedelta(minutes=9), 3),
    ]
    teacher_do, pupils_do, title, tag = HISTORY_STORY[lang]
    real = stored.now_ms
    try:
        (start, minutes) = sessions[0]
        stored.now_ms = lambda: int((start + timedelta(minutes=minutes)).timestamp() * 1000)
        entry = vault.entries.add(journal_id, content, started=start)
        base = entry.head.id
        sections = dict(content.sections)
        sections["teacher-do"] = teacher_do
        sections["pupils-do"] = pupils_do
        alternatives = (
            "Usar regletas antes de doblar; acordar qué significa *igual*."
            if lang == "es"
            else "Use fraction bars before folding; agree on what *equal* means."
        )
        final = {**sections, "alternatives": alternatives}
        later = [
            replace(content, sections=sections),
            replace(content, sections=final),
            replace(content, sections=final, title=title, tags=(*content.tags, tag)),
        ]
        for (start, minutes), version in zip(sessions[1:], later, strict=True):
            stored.now_ms = lambda s=start, m=minutes: int(  # type: ignore[misc]
                (s + timedelta(minutes=m)).timestamp() * 1000
            )
            _e, base = vault.entries.edit_from(entry.id, version, base, started=start)
    finally:
        stored.now_ms = real
    return str(entry.id)


def render_history(ctx: AppContext, out: Path, suffix: str, lang: str) -> None:
    """Issue 16.6: the History of an entry written in four editing sessions (labels,
    the comparison and its direction), at 1366x768 and 1024x600."""
    from reflectdesk.gui.main_window import MainWindow

    before = ctx.vault_override  # a vault of its own, beside the other screens'
    ctx.vault_override = Path(tempfile.mkdtemp(prefix="reflectdesk-history-")) / "vault"
    vault: Any = _make_vault(ctx, lang)
    entry_id = history_story(vault, vault.journals.list()[0].id, lang)
    window = MainWindow(ctx, vault)
    window.show()
    for width, height, tag in ((1366, 768, ""), (1024, 600, "-1024x600")):
        window.resize(width, height)
        window.select_entry(entry_id)
        window.open_entry(entry_id)
        settle(300)
        window.show_history()
        ctx.runner.wait(10_000)
        settle(200)
        history = window.dialogs["history"]
        history.resize(min(900, width - 60), min(560, height - 80))
        history.list.setCurrentIndex(history.model_.index(1))
        settle(200)
        save(history, out, f"history{tag}-{suffix}")
        history.close()
    window.prepare_to_close()
    ctx.runner.wait(10_000)
    window.hide()
    window.deleteLater()
    vault.close()
    shutil.rmtree(ctx.vault_override.parent, ignore_errors=True)
    ctx.vault_override = before


def render_conflict_only(ctx: AppContext, out: Path, suffix: str, lang: str) -> None:
    from reflectdesk.gui.main_window import MainWindow

    vault = _make_vault(ctx, lang)
    window = MainWindow(ctx, vault)  # type: ignore[arg-type]
    window.show()
    settle(200)
    render_conflict(ctx, window, vault, out, suffix, lang)
    render_received_conflict(ctx, vault, out, suffix, lang)
    window.prepare_to_close()
    ctx.runner.wait(10_000)
    window.hide()
    window.deleteLater()
    vault.close()  # type: ignore[attr-defined]


REVIEW_TEXT = {
    "es": {
        "comments": [
            ("action", "material concreto", "¿Por qué elegiste este material y no otro?"),
            ("teacher-do", "partes iguales", "Buena pregunta: ¿cómo lo verificaron ellos?"),
            ("pupils-do", "discutieron entre ellos", "Aquí hay una oportunidad de evaluación."),
        ],
        "reply": "Lo conversamos el jueves.",
        "student_reply": "Porque lo tenían en su casa.",
        "edit": " Al final, tres grupos lo explicaron con sus palabras.",
        "note": "Preguntas abiertas bien logradas.",
        "overall": "Buen avance; falta cerrar con evaluación.",
    },
    "en": {
        "comments": [
            ("action", "hands-on materials", "Why this material and not another?"),
            ("teacher-do", "are the parts equal?", "Good question: how did they check it?"),
            ("pupils-do", "argued about it", "An opportunity for assessment here."),
        ],
        "reply": "Let us talk about it on Thursday.",
        "student_reply": "Because they had it at home.",
        "edit": " In the end, three groups explained it in their own words.",
        "note": "Open questions, well done.",
        "overall": "Good progress; close with an assessment next time.",
    },
}
REVIEW_SIZES = ((1366, 768), (1024, 600))


def render_review(ctx: AppContext, out: Path, suffix: str, lang: str) -> None:
    """Issue 13: the mentor's reading view with margin comments and what changed since
    she last read, the sign-off panel, and the student's entry with the feedback beside
    it; at 1366x768 and 1024x600."""
    from reflectdesk.crypto.kdf import KdfParams
    from reflectdesk.domain.model import ExportRequest, Role
    from reflectdesk.gui.main_window import MainWindow
    from reflectdesk.review.records import Verdict
    from reflectdesk.services.vault import NewProfile, Vault

    words = REVIEW_TEXT[lang]
    with tempfile.TemporaryDirectory(prefix="reflectdesk-review-") as tmp:
        folder = Path(tmp)
        student: Any = _make_vault(ctx, lang)
        name, institution, _title = PARTNER[lang]
        mentor, _key = Vault.create(
            folder / "mentor", PASSPHRASE, NewProfile(name, Role.MENTOR, lang, institution),
            kdf_params=KdfParams.insecure_for_tests(),
        )  # fmt: skip
        m_at_s = student.contacts.import_card(mentor.identity.card()).contact
        s_at_m = mentor.contacts.import_card(student.identity.card()).contact
        out_dir = folder / "out"
        out_dir.mkdir()
        journal = student.journals.list()[0].id
        first = min(student.entries.list(), key=lambda e: e.event_date).id

        def send() -> None:
            request = ExportRequest(recipients=(m_at_s.id,), journal_id=journal, history=True)
            path = student.exports.export(request, out_dir).path
            mentor.imports.import_bundle(path)
            path.unlink()

        send()
        at = mentor.imports.received_entry_id(s_at_m.id, first)
        mentor.review.mark_read(at)  # she read version 2 …
        comments = [
            mentor.review.add_comment(at, key, text, quote=quote)
            for key, quote, text in words["comments"]
        ]
        mentor.review.reply(comments[0].id, words["reply"])
        mentor.review.resolve(comments[2].id)
        content = student.entries.get(first).content
        sections = dict(content.sections)
        sections["pupils-do"] += words["edit"]
        student.entries.edit(first, replace(content, sections=sections))
        send()  # … and version 3 arrived since

        window = MainWindow(ctx, mentor)
        window.show()
        for width, height in REVIEW_SIZES:
            window.resize(width, height)
            window.select_entry(at)
            window.open_entry(at)
            reader = window.reader
            assert reader is not None
            settle(400)
            save(window, out, f"reading-view-{suffix}-{width}")
        reader = window.reader
        assert reader is not None
        panel = reader.signoff
        panel.verdicts["C7"].setCurrentIndex(1)
        panel.notes["C7"].setText(words["note"])
        panel.verdicts["A1"].setCurrentIndex(2)
        panel.note.setText(words["overall"])
        for width, height in REVIEW_SIZES:
            window.resize(width, height)
            settle(300)
            reader.scroller.ensureWidgetVisible(panel.sign_button, 0, 0)
            settle(200)
            save(window, out, f"signoff-form-{suffix}-{width}")
        mentor.review.sign_off(
            at, {"C7": (Verdict.MET, words["note"]), "A1": (Verdict.PARTLY, "")},
            note=words["overall"],
        )  # fmt: skip
        feedback = mentor.exports.export_feedback([s_at_m.id], out_dir)[0].path
        window.prepare_to_close()
        ctx.runner.wait(10_000)
        window.hide()
        window.deleteLater()
        mentor.close()

        student.imports.import_bundle(feedback)
        student.review.reply(comments[0].id, words["student_reply"])
        own = MainWindow(ctx, student)
        own.show()
        for width, height in REVIEW_SIZES:
            own.resize(width, height)
            own.select_entry(first)
            own.open_entry(first)
            settle(500)
            save(own, out, f"student-feedback-{suffix}-{width}")
        own.prepare_to_close()
        ctx.runner.wait(10_000)
        own.hide()
        own.deleteLater()
        student.close()


def render(
    out: Path,
    pseudo: bool = False,
    langs: tuple[str, ...] = ("es", "en"),
    only: str | None = None,
) -> list[Path]:
    from reflectdesk.gui.app import build_context, create_application

    app = create_application([sys.argv[0]])
    out.mkdir(parents=True, exist_ok=True)
    themes = ("light", "dark")
    for lang in langs:
        for theme in themes:
            with tempfile.TemporaryDirectory(prefix="reflectdesk-shots-") as tmp:
                ctx = build_context(app, Path(tmp))
                ctx.translations.set_language(lang)
                if pseudo:
                    from reflectdesk.gui.i18n import PseudoTranslator

                    ctx.translations.install_extra(PseudoTranslator())
                ctx.theme.apply(theme, 0)
                suffix = f"{'pseudo' if pseudo else lang}-{theme}"
                if only == "conflict":
                    render_conflict_only(ctx, out, suffix, lang)
                if only == "unlock":
                    render_unlock(ctx, out, suffix)
                if only == "layout":
                    render_layout(ctx, out, suffix, lang)
                if only == "everyday":
                    from screenshots_everyday import render_everyday

                    vault = _make_vault(ctx, lang)
                    render_everyday(ctx, vault, out, suffix, lang)
                    ctx.runner.wait(10_000)
                    vault.close()  # type: ignore[attr-defined]
                if only in (None, "history"):
                    render_history(ctx, out, suffix, lang)
                if only in (None, "app"):
                    render_wizard(ctx, out, suffix)
                    render_app(ctx, out, suffix, lang)
                if only in (None, "review") and not pseudo:
                    # The queue, triad, badges and PDF (tools/screenshots_review.py).
                    from screenshots_review import render_review as render_review_flow

                    render_review_flow(ctx, out, suffix, lang)
                if only in (None, "review"):
                    render_review(ctx, out, suffix, lang)
                ctx.runner.wait(10_000)
                for widget in QApplication.topLevelWidgets():
                    widget.close()
                settle()
        if pseudo:
            break
    if only in (None, "export") and not pseudo:
        # Every export-wizard page on a 1366×768 and a 1024×600 screen (child processes).
        from screenshots_export import render as render_export

        render_export(out)
    return sorted(out.glob("*.png"))


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path, nargs="?", default=Path("docs/screenshots"))
    parser.add_argument("--pseudo", action="store_true", help="render the pseudo-locale")
    parser.add_argument(
        "--only",
        choices=("app", "review", "conflict", "unlock", "layout", "export", "everyday", "history"),
        help="only these screens (see docs/screenshots/README.md)",
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    paths = render(args.out, pseudo=args.pseudo, only=args.only)
    log.info("%d screenshots in %s", len(paths), args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
