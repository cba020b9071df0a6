"""Fixtures for the GUI tests: compiled translations, an app context with light KDF
parameters (never the production default) and sample vaults."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from reflectdesk.crypto.kdf import KdfParams
from reflectdesk.domain.model import EntryContent, Role
from reflectdesk.gui.app import build_context
from reflectdesk.gui.app_context import AppContext
from reflectdesk.services.vault import NewProfile, Vault

REPO = Path(__file__).resolve().parents[2]
TS_DIR = REPO / "resources" / "i18n"
PASSPHRASE = "caballo bateria grapa correcto"


@pytest.fixture(autouse=True)
def _cycles_die_on_the_gui_thread(qapp: QApplication) -> Iterator[None]:
    """As in the app (gui/gc_guard.py): no automatic cyclic GC while Qt objects and
    worker threads live side by side; collected here, on the GUI thread, afterwards.
    What earlier tests left is frozen meanwhile, as the app freezes what it holds from
    start-up, so a test's collections walk only its own objects.
    The tests outside tests/gui get the interpreter's normal collector back."""
    gc.collect()
    gc.disable()
    gc.freeze()  # as the app freezes what lives from start-up: earlier tests' objects
    yield
    gc.unfreeze()
    gc.collect()
    gc.enable()


@pytest.fixture(scope="session")
def qm_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .ts sources compiled with pyside6-lrelease into a temporary folder."""
    out = tmp_path_factory.mktemp("qm")
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for ts in sorted(TS_DIR.glob("*.ts")):
        subprocess.run(
            [str(lrelease), "-silent", str(ts), "-qm", str(out / f"{ts.stem}.qm")],
            check=True,
        )
    return out


@pytest.fixture
def make_ctx(
    qapp: QApplication, qm_dir: Path, tmp_path: Path
) -> Iterator[Callable[..., AppContext]]:
    made: list[AppContext] = []

    def make(language: str = "en", data_dir: Path | None = None) -> AppContext:
        ctx = build_context(qapp, data_dir or tmp_path / "data", qm_dir)
        ctx.kdf_params = KdfParams.insecure_for_tests
        ctx.autosave_ms = 150
        ctx.translations.set_language(language)
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.runner.wait(10_000)
        ctx.translations.set_language("en")
        ctx.theme.apply("system", 0)
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QApplication.processEvents()


@pytest.fixture
def ctx(make_ctx: Callable[..., AppContext]) -> AppContext:
    return make_ctx()


def create_vault(ctx: AppContext, lang: str = "en") -> tuple[Vault, str]:
    return Vault.create(
        ctx.vault_dir,
        PASSPHRASE,
        NewProfile("Camila Pérez", Role.STUDENT, lang),
        kdf_params=KdfParams.insecure_for_tests(),
    )


def add_samples(vault: Vault) -> list[str]:
    journal = vault.journals.create("Práctica profesional")
    samples = [
        EntryContent(
            title="Primera clase de fracciones",
            sections={
                "action": "Quise probar una actividad con material concreto.",
                "teacher-do": "Expliqué con **pizzas** de cartón y preguntas abiertas.",
            },
            tags=("fracciones", "4° básico"),
            standards=("A1", "C7"),
            event_date=date(2026, 3, 10),
            template_id="alact",
        ),
        EntryContent(
            title="Observación de aula",
            sections={"setting": "Sala de 32 estudiantes, segundo bloque."},
            tags=("observación",),
            event_date=date(2026, 3, 12),
            template_id="learning-round",
        ),
        EntryContent(
            title="Reflexión semanal",
            sections={"body": "Esta semana la reflexión giró en torno a la evaluación."},
            tags=("evaluación",),
            event_date=date(2026, 3, 14),
            template_id="free",
        ),
    ]
    return [vault.entries.add(journal.id, content).id for content in samples]


@pytest.fixture
def unlocked(ctx: AppContext) -> Iterator[Vault]:
    vault, _key = create_vault(ctx)
    add_samples(vault)
    yield vault
    ctx.runner.wait(10_000)
    vault.close()


# -- two real vaults that share (tests/gui/sharing.py has the helpers) ------------------
@pytest.fixture
def two(
    make_ctx: Callable[..., AppContext], tmp_path: Path
) -> Iterator[tuple[AppContext, Vault, AppContext, Vault]]:
    from tests.gui.sharing import mentor_vault

    sctx = make_ctx(data_dir=tmp_path / "student")
    student, _ = create_vault(sctx)
    add_samples(student)
    mctx = make_ctx(data_dir=tmp_path / "mentor")
    mentor = mentor_vault(mctx)
    yield sctx, student, mctx, mentor
    for ctx, vault in ((sctx, student), (mctx, mentor)):
        ctx.runner.wait(10_000)
        vault.close()


@pytest.fixture
def pair(
    make_ctx: Callable[..., AppContext], tmp_path: Path
) -> Iterator[tuple[AppContext, Vault, AppContext, Vault]]:
    """A student with three entries and a mentor with one entry of her own."""
    from tests.gui.sharing import mentor_vault

    sctx = make_ctx(data_dir=tmp_path / "student")
    student, _ = create_vault(sctx)
    add_samples(student)
    mctx = make_ctx(data_dir=tmp_path / "mentor")
    mentor = mentor_vault(mctx)
    journal = mentor.journals.create("Retroalimentación")
    mentor.entries.add(
        journal.id,
        EntryContent(title="Comentarios a Camila", sections={"body": "…"}, template_id="free"),
    )
    yield sctx, student, mctx, mentor
    for ctx, vault in ((sctx, student), (mctx, mentor)):
        ctx.runner.wait(10_000)
        vault.close()
