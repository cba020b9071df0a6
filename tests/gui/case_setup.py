"""The case-study GUI tests' setup (issue 15).

The workspace tests' small fixtures (at the end: ``study``, ``wait_writes``, message
boxes). And, first, a researcher's window on twenty students' consented entries (the
journey and the GUI canary test): the researcher's vault (a real vault, light KDF
parameters, made where the app context opens it) holds real received entries from
twenty students:

- one real student vault (``tests/services/case_helpers.make_study``: Valentina Rojas)
  who sent three entries in a real bundle, one ``research`` (an emoji and accents before
  the passages the journey codes), one ``research-pseudonymised`` (her RUT and e-mail)
  and one ``read``; she can still send a real withdrawal bundle (``world.withdraw``);
- nineteen more students as real key pairs with signed cards (the bundle layer, as
  ``tests/services/batch_helpers`` does: real age encryption, real signatures), three
  entries each, consent ``research`` / ``research-pseudonymised`` / ``read`` in turn,
  each student's own name in one of her texts. Their cards are imported and verified.

Canaries (the student's name, a pupil, a RUT, an e-mail address; a school too) sit in
the texts: ``CANARIES``. Building it all takes a second or two.
"""

from __future__ import annotations

import hashlib
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QFileDialog,
    QMessageBox,
    QProgressBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from reflectdesk.bundles import (
    BundleKind,
    BundleMeta,
    Identity,
    build_bundle,
    card_path,
    entry_path,
    make_card,
)
from reflectdesk.bundles.canonical import canonical_json
from reflectdesk.domain.model import Consent, EntryContent, Role
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.case_audit_view import CaseAuditTab
from reflectdesk.gui.main_window import MainWindow
from reflectdesk.ids import uuid7
from reflectdesk.services.vault import Vault
from tests.services.batch_helpers import Student, add_contacts
from tests.services.case_helpers import (
    EMAIL,
    PUPIL,
    RESEARCH_TEXT,
    RUT,
    SCHOOL,
    STUDENT,
    Study,
    close,
    make_study,
)

W = TypeVar("W", bound=QObject)
LEVELS = (Consent.RESEARCH, Consent.RESEARCH_PSEUDONYMISED, Consent.READ)
# Nineteen more students: no first or last name shared with Valentina Rojas or the
# pupil Martina Soto (a shared form is "ambiguous" to the pseudonymiser, by design).
NAMES = (
    "Camila Pérez", "Diego González", "Josefa Díaz", "Isidora Contreras", "Tomás Silva",
    "Antonia Morales", "Vicente López", "Florencia Reyes", "Agustín Fuentes",
    "Lucas Espinoza", "Emilia Torres", "Joaquín Araya", "Catalina Vargas",
    "Maximiliano Núñez", "Fernanda Herrera", "Amanda Jara", "Rocío Bravo",
    "Sofía Sepúlveda", "Pablo Carrasco",
)  # fmt: skip
TOPICS = ("fracciones", "lectura compartida", "evaluación formativa")
# The canaries that must never leave a pseudonymised project.
CANARIES = {"student": STUDENT, "pupil": PUPIL, "rut": RUT, "email": EMAIL}
# The passages the journey codes, in the research entry's pseudonymised text.
EMOJI = "😀"
assert EMOJI in RESEARCH_TEXT[: RESEARCH_TEXT.index("fracciones")]


@dataclass
class CaseWorld:
    study: Study
    students: list[Student]  # the nineteen made with the bundle layer
    contact_ids: dict[str, str]  # student name → her contact id at the researcher
    consent: dict[str, Consent] = field(default_factory=dict)  # researcher's entry id → level
    author: dict[str, str] = field(default_factory=dict)  # researcher's entry id → name

    @property
    def researcher(self) -> Vault:
        return self.study.researcher

    @property
    def addable(self) -> set[str]:
        return {e for e, c in self.consent.items() if c is not Consent.READ}

    @property
    def read_only(self) -> set[str]:
        return {e for e, c in self.consent.items() if c is Consent.READ}

    def at(self, label: str) -> str:
        """The researcher's id of the real student's entry ``label``
        ("research" | "pseudo" | "read")."""
        return self.study.at(label)

    def withdraw(self, label: str) -> Path:
        """The real student withdraws research consent for ``label``: her real
        withdrawal bundle, sealed to the researcher."""
        return self.study.withdraw(label)

    def close(self) -> None:
        close(self.study)


def _content(name: str, k: int) -> EntryContent:
    first = name.split()[0]
    topic = TOPICS[k % len(TOPICS)]
    description = f"Semana {k + 1}: observé una clase de {topic} en 4° básico."
    if k == 0:
        description += f" Yo, {name}, anoté las preguntas de los niños."
    return EntryContent(
        title=f"Semana {k + 1} — {topic}",
        sections={
            "description": description,
            "analysis": f"{first} reflexiona: las preguntas abiertas funcionaron mejor.",
        },
        standards=(("A1", "C7"), ("C9",), ("D10",))[k % 3],
        event_date=date(2026, 5, 4 + 7 * k),
        template_id="gibbs",
    )


def _student(name: str) -> Student:
    identity = Identity.generate()
    card = make_card(identity, name=name, role=Role.STUDENT, institution="UMCE")
    return Student(identity, name, card, uuid7())


def _entry_files(student: Student, content: EntryContent) -> tuple[str, dict[str, bytes]]:
    """One entry as a student's export writes it (the shape batch_helpers uses)."""
    entry_id, rev_id = uuid7(), uuid7()
    doc_content = content.to_json()
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    doc = {
        "format": "reflectdesk-entry",
        "version": 1,
        "id": entry_id,
        "journal_id": student.journal_id,
        "created_at": now,
        "updated_at": now,
        "revisions": [
            {
                "id": rev_id,
                "seq": 1,
                "parent_ids": [],
                "author": student.key_id,
                "created_at": now,
                "content_hash": hashlib.sha256(canonical_json(doc_content)).hexdigest(),
                "content": doc_content,
            }
        ],
        "attachments": [],
    }
    return entry_id, {entry_path(entry_id): canonical_json(doc)}


def build_world(vault_dir: Path, root: Path) -> CaseWorld:
    """The researcher's vault at ``vault_dir`` (where the app context opens it), the
    real student's under ``root / "student"``, bundles under ``root / "bundles"``."""
    study = make_study(root, researcher_dir=vault_dir)
    r = study.researcher
    students = [_student(name) for name in NAMES]
    ids = add_contacts(r, students)
    world = CaseWorld(study, students, dict(zip(NAMES, ids, strict=True)))
    world.contact_ids[STUDENT] = study.student_at_researcher
    for label, level in (
        ("research", Consent.RESEARCH),
        ("pseudo", Consent.RESEARCH_PSEUDONYMISED),
        ("read", Consent.READ),
    ):
        world.consent[study.at(label)] = level
        world.author[study.at(label)] = STUDENT
    me = [r.identity.public()]
    folder = root / "bundles"
    folder.mkdir()
    for n, student in enumerate(students):
        files = {card_path(student.key_id): student.card}
        consent: dict[str, Consent] = {}
        for k in range(3):
            entry_id, more = _entry_files(student, _content(student.name, k))
            files.update(more)
            consent[entry_id] = LEVELS[(n + k) % 3]
        meta = BundleMeta(BundleKind.JOURNAL, entry_consent=consent)
        path = folder / f"{n:02d}.rdbundle"
        path.write_bytes(build_bundle(student.identity, me, files, meta))
        r.imports.import_bundle(path)
        contact = world.contact_ids[student.name]
        for entry_id, level in consent.items():
            here = r.imports.received_entry_id(contact, entry_id)
            world.consent[here] = level
            world.author[here] = student.name
    return world


def coded_case(world: CaseWorld, *, pseudonymise: bool = True, title: str = "Fracciones") -> str:
    """A study (through the services) of the real student's two consented entries and two
    more students' entries: the pupil and the school added as terms, every proposal
    accepted (or, ``pseudonymise=False``, every one skipped), three codes on passages in
    two sections, memos on a passage, a code and the project that name people."""
    cs = world.researcher.case_studies
    case = world.study.new_case(title=f"{title} con {STUDENT}")
    one = cs.add(case, world.at("research"))
    cs.add(case, world.at("pseudo"))
    others = sorted(e for e in world.addable if world.author[e] != STUDENT)[:2]
    cs.add_many(case, [(e, None) for e in others])
    if pseudonymise:
        cs.pseudonymise.add_term(case, "pupil", PUPIL)
        cs.pseudonymise.add_term(case, "school", SCHOOL)
    cs.pseudonymise.apply(case, cs.pseudonymise.propose(case) if pseudonymise else [])
    parent = cs.coding.add_code(case, "Didáctica", description="Todo lo didáctico")
    material = cs.coding.add_code(
        case, "Material concreto", parent_id=parent.id, description=f"Usado con {PUPIL}"
    )
    question = cs.coding.add_code(case, "Preguntas", color="#AA3300")
    s1 = cs.coding.apply_quote(case, one.id, "description", "fracciones", material.id)
    cs.coding.apply_quote(case, one.id, "description", "preguntó", question.id)
    cs.coding.apply_quote(case, one.id, "analysis", "regletas", parent.id)
    for item in cs.items(case):  # whole sections too: the names, the RUT, the e-mail
        if item.entry_id in (world.at("research"), world.at("pseudo")):
            text = item.text("description") or ""
            cs.coding.apply(case, item.id, "description", 0, len(text), question.id)
    cs.coding.add_memo(case, f"Memo del pasaje: {PUPIL} otra vez", segment_id=s1)
    cs.coding.add_memo(case, "Sobre el código", code_id=material.id, title="Código")
    cs.coding.add_memo(case, f"Proyecto: escribir a {EMAIL} ({RUT})", title="Proyecto")
    return case


def open_window(qtbot: QtBot, ctx: AppContext, vault: Vault) -> MainWindow:
    """The researcher's real main window, shown at 1366×768."""
    window = MainWindow(ctx, vault)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def click_sidebar(qtbot: QtBot, window: MainWindow, kind: str, key: str) -> None:
    """A click on a sidebar item, as the researcher does."""
    index = window.sidebar._find(kind, key)
    assert index.isValid(), (kind, key)
    window.sidebar.scrollTo(index)
    rect = window.sidebar.visualRect(index)
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


# -- driving the window -------------------------------------------------------------------
def child(parent: QWidget, kind: type[W], name: str) -> W:
    found = parent.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} named {name!r} in {parent.objectName()!r}"
    return found


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    """A click once the button is shown and enabled (tabs read on workers: a person
    waits for the button too)."""
    qtbot.waitUntil(lambda: button.isVisible() and button.isEnabled(), timeout=10_000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def modal(qtbot: QtBot, kind: type[W], timeout: int = 10_000) -> W:
    """The dialog of ``kind`` the last action opened (shown, on top)."""
    found: list[W] = []

    def shown() -> bool:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, kind) and w.isVisible():
                found[:] = [w]
                return True
        return False

    qtbot.waitUntil(shown, timeout=timeout)
    return found[0]


def answer_file(qtbot: QtBot, name: str, path: Path) -> None:
    """The file dialog named ``name`` (opened with ``open()``): ``path`` chosen."""
    dialogs: list[QFileDialog] = []

    def shown() -> bool:
        dialogs[:] = [
            d
            for d in QApplication.topLevelWidgets()
            if isinstance(d, QFileDialog) and d.objectName() == name and d.isVisible()
        ]
        return bool(dialogs)

    qtbot.waitUntil(shown, timeout=10_000)
    box = dialogs[0]
    box.selectFile(str(path))
    box.accept()


def answer_static_file(path: Path) -> None:
    """Choose ``path`` in the next static QFileDialog call (which blocks the test)."""
    tries = [500]

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QFileDialog):
            box.selectFile(str(path))
            box.accept()
        elif tries[0] > 0:
            tries[0] -= 1
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def export_from_tab(qtbot: QtBot, tab: QWidget, fmt: str, path: Path) -> list[int]:
    """The Exports tab: ``fmt`` chosen in its format box, "Export…" clicked, ``path``
    chosen in the save dialog; waits for the file and returns the progress bar's values."""
    combo = child(tab, QComboBox, "caseExportFormat")
    index = combo.findData(fmt)
    assert index >= 0, fmt
    combo.setCurrentIndex(index)
    bar = child(tab, QProgressBar, "caseExportProgress")
    seen: list[int] = []
    bar.valueChanged.connect(seen.append)
    answer_static_file(path)
    click(qtbot, child(tab, QAbstractButton, "caseExportButton"))
    qtbot.waitUntil(lambda: path.exists() and tab.task is None, timeout=60_000)  # type: ignore[attr-defined]
    bar.valueChanged.disconnect(seen.append)
    return seen


# -- the canary scan ----------------------------------------------------------------------
def pdf_text(path: Path) -> str:
    """The text a PDF shows, read back with Qt's PDF reader (a byte scan of a PDF finds
    nothing: its streams are compressed and its fonts subset)."""
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    assert doc.load(str(path)) == QPdfDocument.Error.None_, path
    try:
        return "\n".join(doc.getAllText(page).text() for page in range(doc.pageCount()))
    finally:
        doc.close()


def exported_files(paths: list[Path]) -> dict[str, bytes]:
    """Every file, every member of an archive, and the text of every PDF page."""
    out: dict[str, bytes] = {}
    for path in paths:
        data = path.read_bytes()
        out[path.name] = data
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                for name in archive.namelist():
                    out[f"{path.name}/{name}"] = archive.read(name)
        if data.startswith(b"%PDF-"):
            out[f"{path.name}#text"] = pdf_text(path).encode("utf-8")
    return out


def _forms(word: str) -> set[str]:
    plain = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    nfd = unicodedata.normalize("NFD", word)
    return {word, word.upper(), word.lower(), plain, plain.lower(), nfd}


def leaks(files: dict[str, bytes], canaries: dict[str, str] = CANARIES) -> list[str]:
    """Where a canary (any case, with or without accents) appears, UTF-8 or UTF-16."""
    found = []
    for name, data in files.items():
        for kind, canary in canaries.items():
            for form in _forms(canary):
                for codec in ("utf-8", "utf-16-le", "utf-16-be"):
                    if form.encode(codec) in data:
                        found.append(f"{name}: {kind} ({codec})")
    return sorted(set(found))


# -- the workspace tests' fixtures and steps -----------------------------------------------
@pytest.fixture
def study(tmp_path: Path) -> Iterator[Study]:
    s = make_study(tmp_path)
    yield s
    close(s)


def one_item_study(tmp_path: Path) -> Iterator[tuple[Study, str, str]]:
    """A researcher's study with one item (the student's research entry): (the vaults,
    the case id, the item id); closed after. The coding and memos tabs' fixture."""
    s = make_study(tmp_path)
    case_id = s.new_case()
    item = s.researcher.case_studies.add(case_id, s.at("research"))
    yield s, case_id, item.id
    close(s)


def audit_tab(qtbot: QtBot, ctx: AppContext, study: Study) -> CaseAuditTab:
    """The audit tab shown on a new study of the researcher's with one item (its log
    being read and checked on a worker)."""
    r = study.researcher
    case = study.new_case()
    r.case_studies.add(case, study.at("research"))
    tab = CaseAuditTab(r, ctx.runner)
    qtbot.addWidget(tab)
    tab.show()
    tab.set_case(case)
    return tab


def wait_writes(qtbot: QtBot, ctx: AppContext) -> None:
    """Every job queued so far ran and its result reached the GUI thread."""
    qtbot.waitUntil(lambda: ctx.runner.pending == 0, timeout=20_000)


def message_boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def box_text(box: QMessageBox) -> str:
    return f"{box.text()} {box.informativeText()}"


def flags_of(model: object, row: int, column: int = 0) -> Qt.ItemFlag:
    return model.flags(model.index(row, column))  # type: ignore[attr-defined, no-any-return]
