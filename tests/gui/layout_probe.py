"""Open every window, dialog and wizard page and report what does not fit (issue 16.1).

Run by ``tests/gui/test_layout.py``, one process per screen size (the offscreen
platform's screen is set with ``QT_QPA_PLATFORM=offscreen:configfile=…``)::

    python -m tests.gui.layout_probe QM_DIR OUT.json [--langs es,en,pseudo] [--only NAME,…]

For each language (Spanish, English and the +40 % pseudo-locale) it builds the real
windows over real vaults (a student, her mentor and her tutor, with bundles, comments and
a sign-off between them), opens them the way the app does, and checks each with
:func:`window_problems`. With ``LAYOUT_PROBE_SHOTS=DIR`` each window checked is saved
there as PNG. ``OUT.json`` holds ``{"problems": {screen: [...]}, "covered":
[class names], "seconds": {...}}``.

Adding a window: write a ``scenario`` function below that opens it and calls
``probe.check("name", widget)`` for each state worth seeing, and register it in
``SCENARIOS``. ``test_layout.py`` fails when a QDialog/QWizard/QMainWindow/QWizardPage
class in ``reflectdesk.gui`` is never checked.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6 import QtGui
from PySide6.QtCore import QEventLoop, QModelIndex, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QFontMetrics, QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QTableView,
    QTextEdit,
    QToolBar,
    QToolButton,
    QTreeView,
    QWidget,
    QWizard,
)

REPO = Path(__file__).resolve().parents[2]
if str(REPO / "tools") not in sys.path:
    sys.path.insert(0, str(REPO / "tools"))

log = logging.getLogger("layout_probe")

# Room for the title bar and frame the window manager adds (as gui/screen_fit.FRAME).
FRAME_W, FRAME_H = 16, 48
LANGS = ("es", "en", "pseudo")
PASSPHRASE = "caballo bateria grapa correcto"  # the throwaway vaults' (light KDF)

# -- the checks ------------------------------------------------------------------------------
CHECKED = (
    QAbstractButton,
    QLabel,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QTextEdit,
    QPlainTextEdit,
    QAbstractItemView,
)
# Parts of composite widgets: checked through their owner.
COMPOSITE = (
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QAbstractItemView,
    QCalendarWidget,
    QMenu,
    QTabBar,
    QHeaderView,
)


def _internal(widget: QWidget, root: QWidget) -> bool:
    if widget.objectName().startswith("qt_"):
        return True
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, COMPOSITE):
            return True
        parent = parent.parentWidget()
    return False


def describe(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, QLabel | QAbstractButton):
        text = widget.text()
    elif isinstance(widget, QLineEdit):
        text = widget.placeholderText()
    name = widget.objectName() or widget.accessibleName()
    parent = widget.parentWidget()
    where = f"{type(parent).__name__}#{parent.objectName()}" if parent is not None else "-"
    short = text.replace("\n", " ")
    short = short if len(short) <= 40 else short[:37] + "…"
    return f"{type(widget).__name__}#{name} «{short}» in {where}"


def _reach(area: QAbstractScrollArea) -> QRect:
    """What of the content of ``area`` (in its viewport's coordinates, scrolled as it
    is now) can be brought into view by scrolling: the viewport, stretched along each
    axis by the scroll bar's range (not along an axis whose bar is always off)."""
    viewport = area.viewport().rect()
    left, top = viewport.left(), viewport.top()
    width, height = viewport.width(), viewport.height()
    bars = (
        (area.horizontalScrollBar(), area.horizontalScrollBarPolicy()),
        (area.verticalScrollBar(), area.verticalScrollBarPolicy()),
    )
    shifts = []
    for bar, policy in bars:
        if policy == Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
            shifts.append((0, 0))
        else:
            shifts.append((bar.minimum() - bar.value(), bar.maximum() - bar.value()))
    (hmin, hmax), (vmin, vmax) = shifts
    return QRect(left + hmin, top + vmin, width + hmax - hmin, height + vmax - vmin)


def visible_rect(widget: QWidget, root: QWidget) -> tuple[QRect, bool]:
    """The part of ``widget`` (in ``root``'s coordinates) that is inside ``root``, and
    whether all of it is, or can be scrolled to be: each ancestor clips it; inside a
    scroll area (a scroll area's viewport) the content counts as seen if scrolling
    reaches it, and from there on the viewport is what has to be seen."""
    rect = QRect(widget.mapTo(root, QPoint(0, 0)), widget.size())
    whole = True
    current = widget
    while current is not root:
        parent = current.parentWidget()
        if parent is None:
            break
        at = parent.mapTo(root, QPoint(0, 0))
        owner = parent.parentWidget()
        if isinstance(owner, QAbstractScrollArea) and owner.viewport() is parent:
            reach = _reach(owner).translated(at)
            if not reach.contains(rect):
                whole = False
            # Scrolled to it: it sits in the viewport (a widget taller than the
            # viewport is read by scrolling through it).
            viewport = QRect(at, parent.size())
            rect = QRect(viewport.topLeft(), rect.size()).intersected(viewport)
        else:
            clipped = rect.intersected(QRect(at, parent.size()))
            if clipped != rect:
                whole = False
            rect = clipped
        current = parent
    return rect, whole


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _is_rich(label: QLabel) -> bool:
    fmt = label.textFormat()
    if fmt == Qt.TextFormat.RichText:
        return True
    return fmt == Qt.TextFormat.AutoText and bool(QtGui.Qt.mightBeRichText(label.text()))


def _label_lines(label: QLabel) -> list[str]:
    if _is_rich(label):
        doc = QTextDocument()
        doc.setHtml(label.text())
        return doc.toPlainText().split("\n")
    return _plain(label.text()).split("\n")


def _elides_on_purpose(widget: QWidget, text: str) -> bool:
    """Text cut with "…" by the widget itself, the whole text in its tooltip."""
    tip = widget.toolTip()
    return "…" in text and bool(tip) and text.rstrip("…").strip()[:8] in tip


def label_problem(label: QLabel) -> str | None:
    if not label.text() or not label.pixmap().isNull():
        return None
    rect = label.contentsRect()
    room = rect.width() - 2 * label.margin() - max(label.indent(), 0)
    metrics = QFontMetrics(label.font())
    lines = _label_lines(label)
    if label.wordWrap():
        need = label.heightForWidth(label.width())
        if need > label.height() + 1:
            return f"needs {need}px of height, has {label.height()}"
        words = [word for line in lines for word in line.split()]
        widest = max((metrics.horizontalAdvance(w) for w in words), default=0)
        if widest > room + 1:
            return f"a word {widest}px wide in {room}px"
        return None
    need = max(metrics.horizontalAdvance(line) for line in lines)
    if need > room + 1 and not _elides_on_purpose(label, label.text()):
        return f"text {need}px wide in {room}px"
    height = metrics.lineSpacing() * len(lines)
    if height > rect.height() + 2:
        return f"text {height}px high in {rect.height()}px"
    return None


def button_problem(button: QAbstractButton) -> str | None:
    if not button.text():
        return None
    if isinstance(button, QToolButton) and (
        button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
    ):
        return None
    hint = button.sizeHint()
    if isinstance(button, QCheckBox | QRadioButton):
        metrics = QFontMetrics(button.font())
        need = metrics.horizontalAdvance(_plain(button.text())) + (
            hint.width() - metrics.horizontalAdvance(_plain(button.text()))
        )
    else:
        need = hint.width()
    if need > button.width() + 1 and not _elides_on_purpose(button, button.text()):
        return f"text needs {need}px, has {button.width()}"
    if button.height() + 1 < button.minimumSizeHint().height():
        return f"{button.height()}px high, needs {button.minimumSizeHint().height()}"
    return None


def combo_problem(combo: QComboBox) -> str | None:
    option = QStyleOptionComboBox()
    option.initFrom(combo)
    option.editable = combo.isEditable()
    field_rect = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    metrics = QFontMetrics(combo.font())
    text = combo.currentText()
    icon = combo.iconSize().width() + 4 if not combo.itemIcon(combo.currentIndex()).isNull() else 0
    need = metrics.horizontalAdvance(text) + icon
    if text and need > field_rect.width() + 1:
        return f"«{text[:30]}» needs {need}px, the field has {field_rect.width()}"
    if combo.height() + 1 < combo.minimumSizeHint().height():
        return f"{combo.height()}px high, needs {combo.minimumSizeHint().height()}"
    return None


def input_problem(widget: QWidget) -> str | None:
    hint = widget.minimumSizeHint()
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        # A text box shows at least one whole line; more by scrolling.
        line = QFontMetrics(widget.font()).lineSpacing()
        need = line + 2 * widget.frameWidth() + 8
        if widget.height() < need:
            return f"{widget.height()}px high, one line needs {need}"
        return None
    if widget.height() + 1 < hint.height():
        return f"{widget.height()}px high, needs {hint.height()}"
    if (
        isinstance(widget, QLineEdit | QAbstractSpinBox)
        and widget.width() < 4 * QFontMetrics(widget.font()).averageCharWidth()
    ):
        return f"only {widget.width()}px wide"
    return None


def view_problem(view: QAbstractItemView) -> str | None:
    if view.height() < 2 * QFontMetrics(view.font()).lineSpacing():
        return f"only {view.height()}px high"
    if isinstance(view, QTableView | QTreeView):
        header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
        model = view.model()
        if model is None or header.isHidden():
            return None
        minimum = 5 * QFontMetrics(view.font()).averageCharWidth()
        for column in range(_count(model.columnCount)):
            if header.isSectionHidden(column) or header.sectionSize(column) == 0:
                continue
            if header.sectionSize(column) < minimum:
                title = model.headerData(column, Qt.Orientation.Horizontal)
                return f"column {column} «{title}» only {header.sectionSize(column)}px wide"
    return None


def _count(method: Callable[..., int]) -> int:
    """rowCount/columnCount: with the root index, or without (Qt's list models have
    them private with an argument)."""
    try:
        return int(method(QModelIndex()))
    except TypeError:
        try:
            return int(method())
        except TypeError:
            return 1


def elided_items(view: QAbstractItemView, rows: int = 30) -> str | None:
    """An item whose text does not fit its cell must carry it whole in its tooltip (the
    view elides on purpose, the tooltip tells the rest)."""
    model = view.model()
    if model is None:
        return None
    metrics = QFontMetrics(view.font())
    viewport = view.viewport().rect()
    columns = _count(model.columnCount)
    for row in range(min(_count(model.rowCount), rows)):
        for column in range(columns):
            index = model.index(row, column)
            rect = view.visualRect(index)
            if not rect.isValid() or not rect.intersects(viewport) or rect.width() <= 0:
                continue
            text = model.data(index, Qt.ItemDataRole.DisplayRole)
            if not isinstance(text, str) or not text:
                continue
            line = max(text.split("\n"), key=len)
            icon = 0 if model.data(index, Qt.ItemDataRole.DecorationRole) is None else 20
            if metrics.horizontalAdvance(line) + 8 + icon <= rect.width():
                continue
            tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
            if not isinstance(tip, str) or line.strip()[:12] not in tip:
                return f"row {row} «{line[:30]}» cut to {rect.width()}px, no tooltip with it"
    return None


def widget_problems(root: QWidget) -> list[str]:
    """Visible controls of ``root`` that are clipped, outside it or too small for
    their text."""
    found: list[str] = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CHECKED) or not widget.isVisible():
            continue
        if _internal(widget, root) or isinstance(widget.parentWidget(), QToolBar):
            continue
        if widget.window() is not root:
            continue
        seen, whole = visible_rect(widget, root)
        if not whole:
            where = widget.mapTo(root, QPoint(0, 0))
            found.append(
                f"{describe(widget)}: clipped ({widget.width()}x{widget.height()} at "
                f"{where.x()},{where.y()}, {seen.width()}x{seen.height()} visible)"
            )
            continue
        problem: str | None = None
        if isinstance(widget, QLabel):
            problem = label_problem(widget)
        elif isinstance(widget, QAbstractButton):
            problem = button_problem(widget)
        elif isinstance(widget, QComboBox):
            problem = combo_problem(widget)
        elif isinstance(widget, QLineEdit | QAbstractSpinBox | QTextEdit | QPlainTextEdit):
            problem = input_problem(widget)
        elif isinstance(widget, QAbstractItemView):
            problem = view_problem(widget) or elided_items(widget)
        if problem:
            found.append(f"{describe(widget)}: {problem}")
    return found


def window_problems(window: QWidget) -> list[str]:
    """The window inside the available screen, and every control in it."""
    found = []
    screen = window.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    geometry = window.geometry()
    if geometry.width() > area.width() - FRAME_W or geometry.height() > area.height() - FRAME_H:
        found.append(
            f"window {geometry.width()}x{geometry.height()} larger than the screen's "
            f"{area.width()}x{area.height()} (less the frame)"
        )
    elif not area.contains(geometry):
        found.append(f"window at {geometry.x()},{geometry.y()} outside the screen")
    found.extend(widget_problems(window))
    return found


# -- running ---------------------------------------------------------------------------------
def settle(ms: int = 0) -> None:
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()
    if ms:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
        QApplication.processEvents()


def wait_until(condition: Callable[[], bool], timeout_ms: int = 10_000) -> None:
    deadline = time.monotonic() + timeout_ms / 1000
    while not condition():
        if time.monotonic() > deadline:
            boxes = [
                f"{w.text()} {w.informativeText()}"
                for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox) and w.isVisible()
            ]
            raise TimeoutError(f"the window did not get ready; shown: {boxes}")
        settle(10)


@dataclass
class Probe:
    lang: str
    ctx: Any
    people: Any
    tmp: Path
    problems: dict[str, list[str]] = field(default_factory=dict)
    covered: set[str] = field(default_factory=set)

    def check(self, name: str, widget: QWidget) -> None:
        """Show ``widget``'s window as the app would have it and record what is wrong."""
        window = widget.window()
        if not window.isVisible():
            window.show()
        settle()
        self.covered.add(type(window).__name__)
        if isinstance(window, QWizard) and window.currentPage() is not None:
            self.covered.add(type(window.currentPage()).__name__)
        found = window_problems(window)
        if found:
            self.problems[f"{name} [{self.lang}]"] = found
        shots = os.environ.get("LAYOUT_PROBE_SHOTS")  # to look at what was checked
        if shots:
            size = window.screen().availableGeometry()
            window.grab().save(f"{shots}/{name}-{self.lang}-{size.width()}x{size.height()}.png")

    def wait(self) -> None:
        self.ctx.runner.wait(20_000)
        settle()


def close_all() -> None:
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.close()
    settle()


@contextmanager
def main_window(probe: Probe, vault: Any) -> Iterator[Any]:
    from reflectdesk.gui.main_window import MainWindow

    window = MainWindow(probe.ctx, vault)
    window.restore_geometry()
    window.show()
    settle(20)
    probe.wait()
    try:
        yield window
    finally:
        window.prepare_to_close()
        probe.wait()
        window.hide()
        window.deleteLater()
        settle()


# -- the people ------------------------------------------------------------------------------
@dataclass
class People:
    student: Any
    mentor: Any
    tutor: Any
    tmp: Path
    partner_bundle: dict[str, Path] = field(default_factory=dict)


def make_people(ctx: Any, tmp: Path) -> People:
    from screenshots_review import make_triad

    student, mentor, tutor = make_triad(ctx, tmp, "es")
    return People(student, mentor, tutor, tmp)


# -- scenarios -------------------------------------------------------------------------------
def scenario_wizard(probe: Probe) -> None:
    from reflectdesk.crypto import recovery
    from reflectdesk.gui.wizard import FirstRunWizard

    wizard = FirstRunWizard(probe.ctx)
    wizard.create_page.start = lambda: None  # type: ignore[method-assign]
    wizard.show()
    probe.check("wizard-1-language", wizard)
    wizard.next()
    wizard.profile_page.name.setText("Camila Pérez")
    probe.check("wizard-2-profile", wizard)
    wizard.next()
    wizard.passphrase_page.fields.passphrase.setText("nube tetera")
    wizard.passphrase_page.fields.confirm.setText("nube")
    probe.check("wizard-3-passphrase", wizard)
    wizard.next()
    probe.check("wizard-4-create", wizard)
    wizard.recovery_key = recovery.format_key(recovery.generate())
    wizard.create_page.done = True
    wizard.setOption(QWizard.WizardOption.NoCancelButton, True)
    wizard.next()
    probe.check("wizard-5-recovery", wizard)
    wizard.next()
    wizard.confirm_page.first.setText("ABCD")
    wizard.confirm_page.second.setText("EFGH")
    probe.check("wizard-6-confirm", wizard)
    wizard.recovery_key = ""
    wizard.hide()
    wizard.deleteLater()


def scenario_unlock(probe: Probe) -> None:
    from reflectdesk.errors import WrongPassphrase
    from reflectdesk.gui.backups import RestoreDialog
    from reflectdesk.gui.i18n import error_texts
    from reflectdesk.gui.recover import RecoveryDialog
    from reflectdesk.gui.unlock import UnlockWindow

    unlock = UnlockWindow()
    unlock.set_other_vaults((str(probe.tmp / "otra" / "vault"),))
    unlock.show()
    probe.check("unlock", unlock)
    unlock.wrong_passphrase(*error_texts(WrongPassphrase()))
    settle()
    probe.check("unlock-wrong-passphrase", unlock)
    dialog = RecoveryDialog(unlock)
    dialog.open()
    dialog.show_error(*error_texts(WrongPassphrase()))
    probe.check("recovery", dialog)
    dialog.close()
    restore = RestoreDialog(probe.ctx, unlock)
    restore.file.setText(str(probe.tmp / "USB" / "reflectdesk-20261130-183000-4f2a9c1e.rdbackup"))
    restore.open()
    probe.check("restore-backup", restore)
    restore.close()
    unlock.close()
    unlock.deleteLater()


def scenario_student(probe: Probe) -> None:
    vault = probe.people.student
    with main_window(probe, vault) as window:
        probe.check("main-student", window)
        own = [s for s in vault.entries.list() if s.journal_id not in window.received]
        entries = sorted(own, key=lambda s: str(s.event_date or ""))
        window.select_entry(entries[0].id)
        window.open_entry(entries[0].id)
        settle(20)
        probe.check("main-student-feedback", window)
        window.show_history()
        wait_until(lambda: "history" in window.dialogs)
        probe.check("history", window.dialogs["history"])
        window.dialogs["history"].close()
        window.new_entry()
        probe.check("template-chooser", window.dialogs["templates"])
        window.dialogs["templates"].close()
        window.start_entry("alact")  # the longest template, empty
        probe.wait()
        probe.check("new-entry-alact", window)
        window.new_journal()
        probe.check("new-journal", window.dialogs["journal"])
        window.dialogs["journal"].close()
        window.editor.choose_standards()
        probe.check("standards-picker", window.editor.picker)
        window.editor.picker.close()
        window.search.field.setText("fracciones")
        window.search.flush()
        probe.wait()
        probe.check("search", window)
        window.search.field.clear()
        window.search.flush()
        window.review.show_page("feedback")
        probe.wait()
        probe.check("review-feedback-page", window)
        window.show_entries()
        window.review.export_portfolio()
        probe.wait()
        probe.check("portfolio", window.dialogs["portfolio"])
        window.dialogs["portfolio"].close()
        withdraw_ids = [e.id for e in entries[:2]]
        from reflectdesk.gui.withdraw_dialog import WithdrawDialog

        withdraw = WithdrawDialog(probe.ctx, vault, withdraw_ids, window)
        withdraw.open()
        probe.check("withdraw", withdraw)
        withdraw.close()
        for key in ("contacts", "inbox", "outbox"):
            window.show_sharing(key)
            probe.wait()
            probe.check(f"sharing-{key}", window)
        window.show_sync_page()
        page = window.dialogs["sync"]
        probe.check("sync-page", page)
        from reflectdesk.gui.exchange_dialog import ExchangeDialog

        exchange = ExchangeDialog(vault, page)
        exchange.open()
        probe.check("exchange-setup", exchange)
        exchange.webdav_kind.setChecked(True)
        probe.check("exchange-setup-webdav", exchange)
        exchange.close()
        page.close()
        about(probe, window)


def about(probe: Probe, window: Any) -> None:
    window.show_about()
    box = window.dialogs.get("about")
    if isinstance(box, QMessageBox):
        probe.check("about", box)
        box.close()


def scenario_settings(probe: Probe) -> None:
    vault = probe.people.student
    with main_window(probe, vault) as window:
        window.show_settings()
        settings = window.dialogs["settings"]
        probe.check("settings", settings)
        settings.change_passphrase()
        probe.check("change-passphrase", settings.passphrase_dialog)
        settings.passphrase_dialog.close()
        settings.new_recovery_key()
        dialog = settings.recovery_dialog
        probe.check("new-recovery-key", dialog)
        dialog.current.setText(PASSPHRASE)
        dialog.submit()
        wait_until(lambda: bool(dialog.key))
        probe.check("new-recovery-key-shown", dialog)
        dialog.saved.setChecked(True)
        dialog.close()
        settings.close()
        # The reminder when the last backup is older than 14 days.
        from reflectdesk.gui.backups import BackupUi, manager

        manager(probe.ctx).update(
            folder=str(probe.tmp / "USB"), mode="lock", keep=10, last=int(time.time()) - 15 * 86400
        )
        ui = BackupUi(window, probe.ctx, vault)
        ui.check()
        probe.check("backup-reminder", window)
        # A core error in its box (a long message and hint).
        from reflectdesk.errors import WrongPassphrase
        from reflectdesk.gui.dialogs import show_error

        box = show_error(window, WrongPassphrase())
        if box is not None:
            probe.check("error-box", box)
            box.close()


def scenario_export(probe: Probe) -> None:
    vault = probe.people.student
    with main_window(probe, vault) as window:
        own = [s.id for s in vault.entries.list() if s.journal_id not in window.received]
        window.share_entries(own[:2])
        wait_until(lambda: "export" in window.dialogs)
        wizard = window.dialogs["export"]
        probe.check("export-1-entries", wizard)
        wizard.next()
        for contact in vault.contacts.list()[:2]:
            if not contact.revoked:
                wizard.recipients_page.model.set_checked(contact.id, True)
        probe.check("export-2-recipients", wizard)
        wizard.next()
        probe.check("export-3-consent", wizard)
        wizard.next()
        out = probe.tmp / f"export-{probe.lang}"
        out.mkdir(exist_ok=True)
        folder = wizard.save_page.folder  # a chooser button (set_path) or a line edit
        (folder.set_path if hasattr(folder, "set_path") else folder.setText)(str(out))
        probe.check("export-4-save", wizard)
        wizard.start_export()
        wait_until(lambda: wizard.result_ is not None)
        probe.check("export-5-done", wizard)
        wizard.accept()


def scenario_import(probe: Probe) -> None:
    from screenshots import make_partner

    vault = probe.people.student
    folder = probe.tmp / f"partner-{probe.lang}"
    folder.mkdir()
    partner, bundle = make_partner(folder, vault, "es")
    with main_window(probe, vault) as window:
        window.open_bundle(bundle)
        dialog = window.dialogs["import"]
        wait_until(lambda: dialog.preview is not None)
        probe.check("import-preview", dialog)
        dialog.compared.setChecked(True)
        dialog.start_import()
        wait_until(lambda: dialog.result_ is not None)
        probe.check("import-done", dialog)
        dialog.accept()
        damaged = probe.tmp / f"damaged-{probe.lang}.rdbundle"
        damaged.write_bytes(b"RDBUNDLE" + bytes(200))
        window.open_bundle(damaged)
        probe.wait()
        for box in QApplication.topLevelWidgets():  # the error says what is wrong
            if isinstance(box, QMessageBox) and box.isVisible():
                probe.check("import-damaged", box)
                box.close()
    partner.close()


def scenario_mentor(probe: Probe) -> None:
    people = probe.people
    vault = people.mentor
    with main_window(probe, vault) as window:
        probe.check("main-mentor", window)
        window.review.show_page("queue")
        probe.wait()
        probe.check("review-queue", window)
        window.show_entries()
        received = [s for s in vault.entries.list() if s.journal_id in window.received]
        first = min(received, key=lambda s: str(s.event_date or ""))
        window.select_entry(first.id)
        window.open_entry(first.id)
        probe.wait()
        reader = window.reader
        probe.check("reading-view", window)
        if reader is not None:
            reader.scroller.ensureWidgetVisible(reader.signoff, 0, 0)
            probe.check("reading-view-signoff", window)
            if select_first_words(reader):
                reader.comment_on_selection()
                probe.check("comment", reader.dialog)
                reader.dialog.close()
        window.review.send_feedback()
        wait_until(lambda: "export" in window.dialogs or "feedback" in window.dialogs)
        wizard = window.dialogs.get("export") or window.dialogs.get("feedback")
        probe.check("feedback-1", wizard)
        for step in range(2, 8):  # each page the mentor can reach with Next
            before = wizard.currentId()
            wizard.next()
            if wizard.currentId() == before:
                break
            probe.check(f"feedback-{step}", wizard)
        wizard.reject()


def select_first_words(reader: Any) -> bool:
    """Select the first words of the first section, as a mouse drag would."""
    from PySide6.QtGui import QTextCursor

    from reflectdesk.services.review import to_utf16

    for section in reader.sections:
        if len(section.text) > 12:
            cursor = QTextCursor(reader.text.document())
            cursor.setPosition(section.start)
            cursor.setPosition(
                section.start + to_utf16(section.text, 10), QTextCursor.MoveMode.KeepAnchor
            )
            reader.text.setTextCursor(cursor)
            settle()
            return reader.selected_passage() is not None
    return False


def scenario_tutor(probe: Probe) -> None:
    vault = probe.people.tutor
    with main_window(probe, vault) as window:
        window.review.show_page("triad")
        probe.wait()
        probe.check("triad", window)
        if hasattr(window.review, "show_dashboard"):  # no cohort yet: what it says
            window.review.show_dashboard()
            probe.wait()
            probe.check("cohort-dashboard-empty", window)
        window.show_sharing("contacts")
        probe.wait()
        probe.check("tutor-contacts", window)


def scenario_batch(probe: Probe) -> None:
    from reflectdesk.crypto.kdf import KdfParams
    from reflectdesk.domain.model import Role
    from reflectdesk.services.vault import NewProfile, Vault
    from tests.services.batch_helpers import make_cohort

    vault, _ = Vault.create(
        probe.tmp / f"batch-{probe.lang}",
        PASSPHRASE,
        NewProfile("Teresa Tutora", Role.MENTOR, "es"),
        kdf_params=KdfParams.insecure_for_tests(),
    )
    cohort = make_cohort(vault, probe.tmp / f"cohort-{probe.lang}", students=3, bundles=4)
    with main_window(probe, vault) as window:
        window.open_batch([cohort.folder])
        dialog = window.dialogs["batch-import"]
        probe.check("batch-import-running", dialog)
        probe.wait()
        probe.check("batch-import-report", dialog)
        make_cohort = getattr(dialog, "make_cohort", None)
        if make_cohort is not None:
            make_cohort("Práctica II — 2026 — Sección 2")
            probe.wait()
        dialog.accept()
        cohorts = vault.cohorts.list()
        if cohorts and hasattr(window.review, "show_dashboard"):  # issue 14.3
            window.review.show_dashboard(cohorts[0].id)
            probe.wait()
            probe.check("cohort-dashboard", window)
    vault.close()


def scenario_conflict(probe: Probe) -> None:
    """An entry changed on two computers (a copy of the vault plays the laptop)."""
    import shutil
    from dataclasses import replace

    from reflectdesk.crypto.kdf import KdfParams
    from reflectdesk.domain.model import EntryContent, ExportRequest, Role
    from reflectdesk.services.vault import NewProfile, Vault
    from reflectdesk.storage.database import DB_NAME

    passphrase = PASSPHRASE
    home_dir = probe.tmp / f"conflict-{probe.lang}"
    vault, _ = Vault.create(
        home_dir, passphrase, NewProfile("Camila Pérez", Role.STUDENT, "es"),
        kdf_params=KdfParams.insecure_for_tests(),
    )  # fmt: skip
    journal = vault.journals.create("Práctica profesional")
    base = EntryContent(
        title="Primera clase de fracciones",
        sections={"action": "Quise probar material concreto.", "teacher-think": "Fácil."},
        template_id="alact",
    )
    entry = vault.entries.add(journal.id, base)
    vault._unlocked().db.checkpoint()
    laptop_dir = probe.tmp / f"laptop-{probe.lang}"
    laptop_dir.mkdir(mode=0o700)
    for name in ("vault.rdh", DB_NAME):
        shutil.copy2(home_dir / name, laptop_dir / name)
    laptop = Vault.open(laptop_dir)
    laptop.unlock(passphrase)
    think = "Pensaba que el doblado sería fácil; me sorprendió cuánto costó a los más pequeños."
    vault.entries.edit(entry.id, replace(base, sections={**base.sections, "teacher-think": think}))
    other = "Pensaba que bastaba con modelar una vez en la pizarra."
    laptop.entries.edit(entry.id, replace(base, sections={**base.sections, "teacher-think": other}))
    out = probe.tmp / f"conflict-out-{probe.lang}"
    out.mkdir()
    request = ExportRequest(recipients=(), entry_ids=(entry.id,), history=True)
    vault.imports.import_bundle(laptop.exports.export(request, out).path)
    laptop.close()
    with main_window(probe, vault) as window:
        window.select_entry(entry.id)
        window.open_entry(entry.id)
        settle(20)
        probe.check("conflict-banner", window)
        window.editor.show_conflict()
        wait_until(lambda: window.editor.conflict_dialog is not None)
        probe.wait()
        probe.check("conflict-view", window.editor.conflict_dialog)
        window.editor.conflict_dialog.reject()
    vault.close()


_CASE_STUDIES: dict[str, Any] = {}


def _case_study(probe: Probe) -> Any:
    """The case scenarios' researcher with one study of one item, made once."""
    from tests.services.case_helpers import make_study

    study = _CASE_STUDIES.get("study")
    if study is None:
        study = make_study(probe.tmp / "case")
        case = study.new_case(title="Fracciones con material concreto")
        study.researcher.case_studies.add(case, study.at("research"))
        _CASE_STUDIES["study"] = study
    return study


def _case_page(probe: Probe, window: Any) -> Any:
    """The window's case-study workspace, shown."""
    from reflectdesk.gui.case_workspace import CaseWorkspace

    window.show_sharing("case_studies")
    probe.wait()
    page = window.page("case_studies")
    assert isinstance(page, CaseWorkspace)
    return page


def scenario_case(probe: Probe) -> None:
    """The case-study workspace (issue 15): the project with its approval, the project
    dialog, the picker with its consent reasons. One researcher's vault for every
    language (made once: two vaults and a bundle)."""
    from reflectdesk.gui.case_items import CaseItemsTab

    study = _case_study(probe)
    with main_window(probe, study.researcher) as window:
        page = _case_page(probe, window)
        probe.check("case-workspace", window)
        dialog = page.edit_case(approval=True)
        probe.check("case-project-approval", dialog)
        dialog.reject()
        dialog = page.new_case()
        probe.check("case-project-new", dialog)
        dialog.reject()
        items = page.tab(CaseItemsTab)
        items.open_picker()
        picker = items.picker
        wait_until(lambda: picker.loaded)
        probe.check("case-picker", picker)
        picker.reject()


def scenario_case_exports(probe: Probe) -> None:
    """The case study's Exports tab (issue 15) at the room the workspace leaves it: the
    format, the exports made, the case attributes with their school-type box."""
    from reflectdesk.gui.case_exports import CaseExportsTab

    study = _case_study(probe)
    with main_window(probe, study.researcher) as window:
        page = _case_page(probe, window)
        tab = page.tab(CaseExportsTab)
        page.tabs.setCurrentWidget(tab)
        wait_until(lambda: not tab.loading)
        probe.check("case-exports", window)


def scenario_case_queries(probe: Probe) -> None:
    """The case study's Queries tab (issue 15) at the room the workspace leaves it: the
    passages by code with their filters, then the code × MBE standard heatmap."""
    from reflectdesk.gui.case_queries import STANDARDS, CaseQueriesTab

    study = _case_study(probe)
    cs = study.researcher.case_studies
    case = cs.list()[0].id
    if not cs.coding.codes(case):
        item = cs.items(case)[0]
        code = cs.coding.add_code(case, "Material concreto", color="#E69F00")
        cs.coding.apply_quote(case, item.id, "description", "regletas", code.id)
    with main_window(probe, study.researcher) as window:
        page = _case_page(probe, window)
        tab = page.tab(CaseQueriesTab)
        page.tabs.setCurrentWidget(tab)
        wait_until(lambda: tab.data is not None and bool(tab.data.passages))
        probe.check("case-queries", window)
        tab.show_query(STANDARDS)
        probe.check("case-queries-standards", window)


def scenario_crash(probe: Probe) -> None:
    from reflectdesk.gui.crash_dialog import CrashDialog

    crash = CrashDialog("ReflectDesk 0.1.0\nTraceback (most recent call last):\nValueError")
    crash.show()
    probe.check("crash", crash)
    crash.close()
    crash.deleteLater()


_CASE_STUDY: dict[str, Any] = {}  # the case-coding scenario's study, made once


def scenario_case_coding(probe: Probe) -> None:
    """The case study's Coding and Memos tabs (issue 15) at the room the workspace leaves
    them, and the code dialog."""
    from PySide6.QtGui import QTextCursor

    from reflectdesk.gui.case_coding_view import CaseCodingTab
    from reflectdesk.gui.case_memos import CaseMemosTab
    from tests.services.case_helpers import make_study

    if not _CASE_STUDY:
        study = make_study(probe.tmp / "case-study")
        cs = study.researcher.case_studies
        case_id = study.new_case()
        item = cs.add(case_id, study.at("research"))
        parent = cs.coding.add_code(case_id, "Estrategias didácticas", color="#3CB44B").id
        child = cs.coding.add_code(
            case_id, "Material concreto", parent_id=parent, description="Regletas, tiras"
        ).id
        passage = cs.coding.apply_quote(case_id, item.id, "description", "regletas", child)
        cs.coding.apply_quote(case_id, item.id, "description", "le expliqué con", parent)
        cs.coding.add_memo(case_id, "Sobre el pasaje.", segment_id=passage)
        cs.coding.add_memo(case_id, "Primera lectura.", title="Proyecto")
        _CASE_STUDY.update(study=study, case_id=case_id)
    vault, case_id = _CASE_STUDY["study"].researcher, _CASE_STUDY["case_id"]
    area = QGuiApplication.primaryScreen().availableGeometry()
    size = (area.width() - 300 - FRAME_W, area.height() - 190 - FRAME_H)
    tab = CaseCodingTab(vault, probe.ctx.runner)
    tab.resize(*size)
    tab.show()
    tab.set_case(case_id)
    probe.wait()
    found = tab.text.document().find("regletas")
    cursor = QTextCursor(found)
    cursor.setPosition(found.selectionStart() + 2)
    tab.text.setTextCursor(cursor)  # a coded passage: its codes and memo below the text
    probe.check("case-coding", tab)
    tab.new_code()
    assert tab.dialog is not None
    probe.check("case-code-dialog", tab.dialog)
    tab.dialog.reject()
    tab.close()
    memos = CaseMemosTab(vault, probe.ctx.runner)
    memos.resize(*size)
    memos.show()
    memos.set_case(case_id)
    probe.wait()
    probe.check("case-memos", memos)
    memos.close()


def scenario_case_pseudo(probe: Probe) -> None:
    """The pseudonymisation review of a case study (issue 15, point 3)."""
    from reflectdesk.gui.case_pseudonymise_dialog import PseudonymiseDialog
    from tests.services.case_helpers import PUPIL, close, make_study

    study = make_study(probe.tmp / f"case-pseudo-{probe.lang}")
    cs = study.researcher.case_studies
    case = study.new_case()
    cs.add(case, study.at("research"))
    cs.add(case, study.at("pseudo"))
    cs.pseudonymise.add_term(case, "pupil", PUPIL)
    dialog = PseudonymiseDialog(study.researcher, probe.ctx.runner, case)
    dialog.show()
    probe.wait()
    model = dialog.model
    model.set_all(True)
    email = next(i for i, p in enumerate(model.proposals()) if "@" in p.original)
    model.set_accepted([email], False)  # the "exports stay blocked" note shows
    dialog.select_proposal(email)
    dialog.add_term_button.setChecked(True)
    probe.check("case-pseudonymise", dialog)
    dialog.reject()
    dialog.deleteLater()
    settle()
    close(study)


SCENARIOS: dict[str, Callable[[Probe], None]] = {
    "wizard": scenario_wizard,
    "unlock": scenario_unlock,
    "student": scenario_student,
    "settings": scenario_settings,
    "export": scenario_export,
    "import": scenario_import,
    "mentor": scenario_mentor,
    "tutor": scenario_tutor,
    "batch": scenario_batch,
    "conflict": scenario_conflict,
    "crash": scenario_crash,
    "case": scenario_case,
    "case-exports": scenario_case_exports,
    "case-queries": scenario_case_queries,
    "case-coding": scenario_case_coding,
    "case-pseudo": scenario_case_pseudo,
}


def run(qm_dir: Path, langs: tuple[str, ...], only: set[str] | None) -> dict[str, Any]:
    from reflectdesk.gui.app import build_context, create_application
    from reflectdesk.gui.i18n import PseudoTranslator

    app = create_application([sys.argv[0]])
    screen = app.primaryScreen().availableGeometry()
    result: dict[str, Any] = {
        "screen": [screen.width(), screen.height()],
        "problems": {},
        "covered": [],
        "errors": {},
        "seconds": {},
    }
    covered: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="reflectdesk-layout-") as name:
        tmp = Path(name)
        started = time.monotonic()
        setup_ctx = build_context(app, tmp / "setup", qm_dir)
        people = make_people(setup_ctx, tmp / "people")
        result["seconds"]["people"] = round(time.monotonic() - started, 2)
        for lang in langs:
            ctx = build_context(app, tmp / f"data-{lang}", qm_dir)
            ctx.translations.set_language("en" if lang == "pseudo" else lang)
            if lang == "pseudo":
                ctx.translations.install_extra(PseudoTranslator())
            probe = Probe(lang, ctx, people, tmp)
            for key, scenario in SCENARIOS.items():
                if only and key not in only:
                    continue
                began = time.monotonic()
                log.warning("layout_probe: %s [%s]", key, lang)  # stderr: where it stopped
                try:
                    scenario(probe)
                except Exception:
                    result["errors"][f"{key} [{lang}]"] = traceback.format_exc(limit=6)
                close_all()
                ctx.runner.wait(20_000)
                seconds = result["seconds"]
                seconds[key] = round(seconds.get(key, 0) + time.monotonic() - began, 2)
            result["problems"].update(probe.problems)
            covered |= probe.covered
            ctx.translations.set_language("en")
        for vault in (people.student, people.mentor, people.tutor):
            vault.close()
        case_study = _CASE_STUDIES.pop("study", None)
        if case_study is not None:
            case_study.student.close()
            case_study.researcher.close()
        if _CASE_STUDY:
            _CASE_STUDY["study"].student.close()
            _CASE_STUDY["study"].researcher.close()
    result["covered"] = sorted(covered)
    return result


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING)
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("qm_dir", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--langs", default=",".join(LANGS))
    parser.add_argument("--only", default="")
    args = parser.parse_args(argv)
    only = {s for s in args.only.split(",") if s} or None
    result = run(args.qm_dir, tuple(args.langs.split(",")), only)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
