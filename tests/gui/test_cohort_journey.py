"""Issue 14, "how it is shown": the university tutor's cohort, end to end, through real
widgets, real vaults, real crypto and a real folder of bundle files.

A folder of 60 bundles from 20 students (tests/gui/cohort_setup.py: each student a real
vault; 3 files tampered in three ways, 2 sealed for another tutor, 1 from a student not
yet in the tutor's contacts, 1 signed by a revoked key) is dropped on the tutor's window
→ the batch import runs with its progress bar moving → the report gives each refused
file its reason in Spanish (the hint on hover) → the unknown student's safety number, as
her own vault shows it, is in the unknown-senders list; ticked with the keyboard, her
bundle is imported → the senders become a cohort → the tutor comments on an entry and
signs a standard off in the reading view → the cohort dashboard (sidebar → Review →
Cohort dashboard, her cohort picked) shows the 20 students with the entries, weeks,
templates, standards, feedback and sign-offs their vaults and the tutor wrote → a double
click on Camila's row lists her entries → the one she changed on two computers opens in
the reading view with its banner → both versions side by side, labelled with her name,
read-only → the same folder dropped again: everything "already had", nothing changed."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog
from pytestqt.qtbot import QtBot

from reflectdesk.crypto.kdf import KdfParams
from reflectdesk.domain.model import Role
from reflectdesk.errors import (
    BundleAuthorRevoked,
    BundleDecryptionFailed,
    BundleHashMismatch,
    BundleNotForYou,
)
from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.batch_import import (
    COL_FILE,
    COL_REASON,
    COL_RESULT,
    SENDER_COL_CHECK,
    SENDER_COL_NAME,
    SENDER_COL_NUMBER,
    BatchImportDialog,
)
from reflectdesk.gui.cohort_dashboard import CohortDashboard
from reflectdesk.gui.conflict_view import ConflictDialog
from reflectdesk.gui.dashboard_models import (
    COL_ENTRIES,
    COL_FEEDBACK,
    COL_NAME,
    COL_SIGNOFFS,
    CONTACT_ROLE,
)
from reflectdesk.gui.i18n import error_texts
from reflectdesk.gui.main_window import MainWindow
from reflectdesk.gui.reading_view import ReadingView
from reflectdesk.gui.widgets import stacked
from reflectdesk.services.batch_import import BatchOutcome
from reflectdesk.services.vault import NewProfile, Vault
from tests.gui.cohort_setup import CONFLICT_SECTION, NAMES, build_cohort, describe
from tests.gui.conftest import PASSPHRASE
from tests.gui.review_setup import answer, select, settle
from tests.gui.sharing import drop

COHORT = "Práctica Profesional II — 2026 — Sección 2"


def _report_rows(dialog: BatchImportDialog) -> dict[str, tuple[str, str]]:
    """File (its path in the dropped folder) → (result, reason), as the report shows them."""
    model = dialog.table.model()

    def text(row: int, column: int) -> str:
        return str(model.index(row, column).data())

    return {
        text(r, COL_FILE): (text(r, COL_RESULT), text(r, COL_REASON))
        for r in range(model.rowCount())
    }


def _reason_tip(dialog: BatchImportDialog, name: str) -> str:
    """What hovering the reason of the file shown as ``name`` says."""
    model = dialog.table.model()
    tip = Qt.ItemDataRole.ToolTipRole
    (row,) = [r for r in range(model.rowCount()) if model.index(r, COL_FILE).data() == name]
    return str(model.index(row, COL_REASON).data(tip))


def _click_sidebar(qtbot: QtBot, window: MainWindow, kind: str, key: str) -> None:
    """A click on a sidebar item, as the tutor does."""
    index = window.sidebar._find(kind, key)
    assert index.isValid(), (kind, key)
    window.sidebar.scrollTo(index)
    rect = window.sidebar.visualRect(index)
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _click_entry(qtbot: QtBot, window: MainWindow, entry_id: str) -> ReadingView:
    """A click on the entry in the list: the reading view shows it."""
    qtbot.waitUntil(lambda: window.model.row_of(entry_id) >= 0, timeout=10_000)
    window.list.scrollTo(window.list.model().index(window.model.row_of(entry_id), 0))
    index = window.list.model().index(window.model.row_of(entry_id), 0)
    rect = window.list.visualRect(index)
    qtbot.mouseClick(window.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.current_entry_id() == entry_id, timeout=10_000)
    reader = window.reader
    assert reader is not None and window.editor_stack.currentWidget() is reader
    settle(qtbot, window)
    return reader


def _open_received(qtbot: QtBot, window: MainWindow, entry_id: str) -> ReadingView:
    """Her journal under "Received" in the sidebar, then the entry in the list."""
    journal = window.vault.entries.get(entry_id).journal_id
    qtbot.waitUntil(lambda: journal in window.received, timeout=10_000)
    _click_sidebar(qtbot, window, "journal", journal)
    return _click_entry(qtbot, window, entry_id)


def _when_open(kind: type[QDialog], answer: Callable[[QDialog], None]) -> None:
    """Answer the modal dialog of ``kind`` when it opens (a static QInputDialog or
    QFileDialog call blocks the test): poll for up to 10 s, then give up."""
    tries = [500]

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, kind):
            answer(box)
        elif tries[0] > 0:
            tries[0] -= 1
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def _answer_input(name: str) -> None:
    """Type ``name`` into the "Make a cohort" question when it opens, and accept it."""

    def answer(box: QDialog) -> None:
        assert isinstance(box, QInputDialog)
        box.setTextValue(name)
        box.accept()

    _when_open(QInputDialog, answer)


def _answer_file(path: Path) -> None:
    """Choose ``path`` in the file dialog when it opens."""

    def answer(box: QDialog) -> None:
        assert isinstance(box, QFileDialog)
        box.selectFile(str(path))
        box.accept()

    _when_open(QFileDialog, answer)


def test_a_cohort_from_folder_to_dashboard_and_conflict(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], tmp_path: Path
) -> None:
    started = time.perf_counter()
    ctx = make_ctx("es")
    tutor, _key = Vault.create(
        ctx.vault_dir,
        PASSPHRASE,
        NewProfile("Teresa Tutora", Role.EDUCATOR, "es", "UMCE"),
        kdf_params=KdfParams.insecure_for_tests(),
    )
    try:
        cohort = build_cohort(tutor, tmp_path)
        assert len(list(cohort.folder.rglob("*.rdbundle"))) == 60
        window = MainWindow(ctx, tutor)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)

        # -- the folder dropped on the window: one batch, the bar moving -----------------
        drop(window, cohort.folder)
        dialog = window.dialogs["batch-import"]
        assert isinstance(dialog, BatchImportDialog)
        seen: list[int] = []
        senders_named: set[str] = set()
        dialog.progress.valueChanged.connect(seen.append)
        dialog.progress.valueChanged.connect(
            lambda _v: senders_named.add(dialog.sender_label.text())
        )
        qtbot.waitUntil(lambda: dialog.report is not None, timeout=60_000)
        report = dialog.report
        assert report is not None
        assert dialog.progress.maximum() == 60 and seen and max(seen) == 60
        assert len(set(seen)) > 1, seen  # it moved, not one jump
        assert senders_named & {f"De: {n}" for n in NAMES}, senders_named  # who is being read
        assert report.count(BatchOutcome.IMPORTED) == 53
        assert report.count(BatchOutcome.REFUSED) == 6
        assert report.count(BatchOutcome.UNKNOWN_SENDER) == 1
        assert "53 paquetes importados" in dialog.summary.text()

        # -- each refusal with its reason, in Spanish ------------------------------------
        rows = _report_rows(dialog)
        assert len(rows) == 60  # weekly sub-folders repeat names: shown with the folder
        at = cohort.folder
        refused = "Rechazado"
        reasons = {
            cohort.tampered["flipped"]: BundleDecryptionFailed(),
            cohort.tampered["truncated"]: BundleDecryptionFailed(),
            cohort.tampered["swapped"]: BundleHashMismatch(),
            cohort.not_for_you[0]: BundleNotForYou(),
            cohort.not_for_you[1]: BundleNotForYou(),
            cohort.revoked: BundleAuthorRevoked(),
        }
        for path, error in reasons.items():
            message = error_texts(error)[0]
            assert message and message != error.message, error.code  # translated
            assert rows[str(path.relative_to(at))] == (refused, message), path
        assert "dañado o incompleto" in rows[str(cohort.tampered["truncated"].relative_to(at))][1]
        assert "no fue cifrado para tu clave" in rows[str(cohort.not_for_you[0].relative_to(at))][1]
        assert "revocada" in rows[str(cohort.revoked.relative_to(at))][1]
        swapped = _reason_tip(dialog, str(cohort.tampered["swapped"].relative_to(at)))
        assert "que lo exporte de nuevo. No se importó nada." in swapped  # the hint, on hover
        assert rows[str(cohort.unknown.relative_to(at))][0] == "Remitente por verificar"
        for path in [*cohort.good, cohort.laptop]:
            assert rows[str(path.relative_to(at))] == ("Importado", ""), path

        # -- the unknown student, verified from the list by her safety number ------------
        newcomer = cohort.unknown_student
        senders = dialog.senders
        assert senders.isVisible() and senders.rowCount() == 1
        assert newcomer.name in senders.item(0, SENDER_COL_NAME).text()
        number = senders.item(0, SENDER_COL_NUMBER).text()
        assert number.split() == newcomer.safety_number.split()  # what she reads out
        assert not dialog.import_senders_button.isEnabled()
        senders.setFocus()
        senders.setCurrentCell(0, SENDER_COL_CHECK)
        qtbot.keyClick(senders.viewport(), Qt.Key.Key_Space)  # "compared: it matches"
        check = senders.item(0, SENDER_COL_CHECK)
        assert check.checkState() == Qt.CheckState.Checked
        assert dialog.import_senders_button.isEnabled()
        qtbot.mouseClick(dialog.import_senders_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda: (
                dialog.task is None
                and dialog.report is not None
                and not dialog.report.unknown_senders
            ),
            timeout=30_000,
        )
        assert _report_rows(dialog)[str(cohort.unknown.relative_to(at))] == ("Importado", "")
        assert "54 paquetes importados" in dialog.summary.text()
        assert "por verificar" not in dialog.summary.text()
        (added,) = [c for c in tutor.contacts.list() if c.name == newcomer.name]
        assert added.verified
        assert not senders.isVisible()
        expected_total = sum(cohort.expected(n).entries for n in NAMES)
        assert tutor.entries.count() == expected_total, describe(cohort)

        # -- the senders as a cohort ------------------------------------------------------
        made: list[object] = []
        dialog.cohort_made.connect(made.append)
        _answer_input(COHORT)
        qtbot.mouseClick(dialog.cohort_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(made), timeout=10_000)
        (group,) = tutor.cohorts.list()
        assert group.name == COHORT and group.size == 20
        names = {c.id: c.name for c in tutor.contacts.list()}
        assert sorted(names[m] for m in group.member_ids) == sorted(NAMES)
        # -- and the report kept as CSV --------------------------------------------------
        csv_file = tmp_path / "informe.csv"
        _answer_file(csv_file)
        qtbot.mouseClick(dialog.csv_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(csv_file.exists, timeout=10_000)
        kept = csv_file.read_text(encoding="utf-8-sig")
        assert kept.count("\n") >= 61 and error_texts(BundleNotForYou())[0] in kept
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)

        # -- the tutor comments on one student's entry and signs a standard off -----------
        isidora = cohort.students[6]
        assert isidora.contact_id is not None
        first = next(iter(isidora.contents))
        assert isidora.contents[first].standards == ("C9",)
        reader = _open_received(
            qtbot, window, tutor.imports.received_entry_id(isidora.contact_id, first)
        )
        select(reader, "setting", "segundo bloque")
        qtbot.mouseClick(reader.comment_button, Qt.MouseButton.LeftButton)
        answer(qtbot, reader, "¿Cómo organizaste los grupos en ese bloque?")
        panel = reader.signoff
        assert panel.codes == ["C9"]
        panel.verdicts["C9"].setCurrentIndex(1)  # met
        qtbot.mouseClick(panel.sign_button, Qt.MouseButton.LeftButton)
        settle(qtbot, reader)
        assert len(panel.boxes) == 1

        # -- the cohort dashboard: the 20 students with what their vaults wrote -----------
        _click_sidebar(qtbot, window, "review", "dashboard")
        board = window.review.pages["dashboard"]
        assert isinstance(board, CohortDashboard)
        assert window.main_stack.currentWidget() is stacked(board)
        picked = board.cohort.findData(group.id)
        assert picked > 0 and board.cohort.itemText(picked).startswith(COHORT)
        with qtbot.waitSignal(board.loaded, timeout=20_000):
            board.cohort.setCurrentIndex(picked)  # the tutor picks her cohort
        assert board.view is not None
        rows = board.student_rows()
        assert sorted(r.name for r in rows) == sorted(NAMES)
        table = board.table.model()
        heat_codes = [code for code, _d in board.heat.columns]
        for r, row in enumerate(rows):
            expected = cohort.expected(row.name)
            assert table.index(r, COL_NAME).data() == row.name
            assert table.index(r, COL_ENTRIES).data() == str(expected.entries), row.name
            assert row.last_activity is not None, row.name
            weeks = {
                m.isocalendar()[:2]: n
                for m, n in zip(board.view.weeks, row.weeks, strict=True)
                if n
            }
            assert weeks == dict(expected.weeks), row.name
            assert dict(row.templates) == dict(expected.templates), row.name
            codes = {
                c: n for c, n in zip(board.view.standard_codes, row.standards, strict=True) if n
            }
            assert codes == dict(expected.standards), row.name
            reviewed = row.name == isidora.name
            counts = (table.index(r, COL_FEEDBACK).data(), table.index(r, COL_SIGNOFFS).data())
            assert counts == (("1", "1") if reviewed else ("0", "0")), row.name
            heat_row = next(
                h for h in range(board.heat.rowCount())
                if board.heat.index(h, 0).data(CONTACT_ROLE) == row.contact_id
            )  # fmt: skip
            for code in ("A1", "C7", "C9"):
                cell = board.heat.index(heat_row, heat_codes.index(code)).data()
                assert cell == str(expected.standards[code]), (row.name, code)

        # -- from her row to her entries, and the conflict between her two computers -------
        camila = cohort.students[0]
        assert camila.contact_id is not None
        here = tutor.imports.received_entry_id(camila.contact_id, cohort.conflict_entry)
        assert tutor.entries.has_conflict(here)
        (row,) = [
            r
            for r in range(table.rowCount())
            if table.index(r, 0).data(CONTACT_ROLE) == camila.contact_id
        ]
        board.table.scrollTo(table.index(row, COL_NAME))
        rect = board.table.visualRect(table.index(row, COL_NAME))
        assert board.table.viewport().rect().contains(rect.center())
        # A double click: press, release, then the second press (Qt sends it as one).
        qtbot.mouseClick(board.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(board.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.waitUntil(
            lambda: window.main_stack.currentWidget() is not stacked(board), timeout=10_000
        )
        qtbot.waitUntil(lambda: window.model.loaded_ids() == set(board.last_opened), timeout=10_000)
        assert len(board.last_opened) == cohort.expected(camila.name).entries
        reader = _click_entry(qtbot, window, here)
        banner = reader.conflict_banner
        qtbot.waitUntil(banner.isVisible, timeout=10_000)
        assert "aún no las ha unido" in banner.text.text()  # her author has not merged them
        qtbot.mouseClick(banner.button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: reader.conflict_dialog is not None, timeout=10_000)
        conflict = reader.conflict_dialog
        assert isinstance(conflict, ConflictDialog)
        qtbot.waitUntil(lambda: bool(conflict.choices), timeout=10_000)
        (choice,) = conflict.choices
        assert choice.conflict.field.endswith(CONFLICT_SECTION)
        texts = sorted(t.toPlainText() for t in choice.texts)
        assert texts == sorted(cohort.conflict_texts)
        assert all(t.isReadOnly() for t in choice.texts) and not choice.radios
        left, right = choice.texts
        qtbot.waitExposed(conflict)

        def side_by_side() -> bool:
            a, b = left.geometry(), right.geometry()
            return a.y() == b.y() and a.right() < b.left()

        qtbot.waitUntil(side_by_side, timeout=5_000)
        labels = " ".join(lbl.text() for lbl in conflict.findChildren(type(conflict.intro)))
        assert f"Versión 1 de {camila.name}" in labels and f"Versión 2 de {camila.name}" in labels
        conflict.close()

        # -- the same folder again, a week later: nothing new, nothing changed -------------
        drop(window, cohort.folder)
        again = window.dialogs["batch-import"]
        assert isinstance(again, BatchImportDialog) and again is not dialog
        qtbot.waitUntil(lambda: again.report is not None, timeout=60_000)
        assert again.report is not None
        assert again.report.count(BatchOutcome.ALREADY) == 54
        assert again.report.count(BatchOutcome.REFUSED) == 6
        assert "0 paquetes importados" in again.summary.text()
        assert not again.senders.isVisible()
        assert tutor.entries.count() == expected_total
        assert tutor.entries.has_conflict(here)  # still hers to merge
        qtbot.mouseClick(again.close_button, Qt.MouseButton.LeftButton)
        window.prepare_to_close()
    finally:
        ctx.runner.wait(10_000)
        tutor.close()
    spent = time.perf_counter() - started
    assert spent < 60, spent
