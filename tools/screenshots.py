"""Render the main screens offscreen, in Spanish and English, light and dark, as PNG.

``python tools/screenshots.py DIR`` (``make screenshots``). Uses a temporary
vault with *light* key-derivation parameters and sample entries; nothing is written
outside the temporary folder and ``DIR``. ``--pseudo`` renders the pseudo-locale instead.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
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


def render_app(ctx: AppContext, out: Path, suffix: str, lang: str) -> None:
    from reflectdesk.gui.main_window import MainWindow
    from reflectdesk.gui.unlock import UnlockWindow

    unlock = UnlockWindow()
    unlock.show()
    unlock.adjustSize()
    save(unlock, out, f"unlock-{suffix}")
    unlock.passphrase.setText("xxxxxxxxxxxx")
    from reflectdesk.errors import WrongPassphrase
    from reflectdesk.gui.i18n import error_texts

    unlock.wrong_passphrase(*error_texts(WrongPassphrase()))
    unlock.adjustSize()
    save(unlock, out, f"unlock-error-{suffix}")
    unlock.close()

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
    # History with a diff.
    window.list.selectRow(window.model.rowCount() - 1)
    settle(200)
    window.show_history()
    history = window.dialogs["history"]
    history.resize(900, 560)
    settle(200)
    save(history, out, f"history-{suffix}")
    history.close()
    # Settings.
    window.show_settings()
    settings = window.dialogs["settings"]
    settle(100)
    save(settings, out, f"settings-{suffix}")
    settings.close()
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
    from screenshots_sync import render_sync  # sync screens (issue 17)

    render_sync(ctx, window, vault, out, suffix, lang, save, settle)
    window.prepare_to_close()
    ctx.runner.wait(10_000)
    window.hide()
    window.deleteLater()
    vault.close()  # type: ignore[attr-defined]


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
        window.share_entries([s.id for s in vault.entries.list()][:2])
        wizard = window.dialogs["export"]
        settle(100)
        save(wizard, out, f"export-1-entries-{suffix}")
        wizard.next()
        for contact in vault.contacts.list():
            wizard.recipients_page.model.set_checked(contact.id, True)
        settle(100)
        save(wizard, out, f"export-2-recipients-{suffix}")
        wizard.next()
        settle(100)
        save(wizard, out, f"export-3-consent-{suffix}")
        wizard.next()
        wizard.save_page.folder.setText(str(Path(tmp) / "out"))
        settle(100)
        save(wizard, out, f"export-4-save-{suffix}")
        wizard.start_export()
        ctx.runner.wait(10_000)
        settle(200)
        save(wizard, out, f"export-5-done-{suffix}")
        wizard.accept()
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


def render(out: Path, pseudo: bool = False, langs: tuple[str, ...] = ("es", "en")) -> list[Path]:
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
                render_wizard(ctx, out, suffix)
                render_app(ctx, out, suffix, lang)
                ctx.runner.wait(10_000)
                for widget in QApplication.topLevelWidgets():
                    widget.close()
                settle()
        if pseudo:
            break
    return sorted(out.glob("*.png"))


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path, nargs="?", default=Path("docs/screenshots"))
    parser.add_argument("--pseudo", action="store_true", help="render the pseudo-locale")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    paths = render(args.out, pseudo=args.pseudo)
    log.info("%d screenshots in %s", len(paths), args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
