"""The sign-off panel: the sign-offs on an entry ("signed off on version 3; changed
since", withdrawn), "Withdraw" for your own, and — on someone else's entry — the form:
per MBE standard the student tagged (and any you add) met / partly / not yet with a note,
an overall verdict and note, "Sign off" (``vault.review.sign_off`` on the writer queue).
On your own entry the form is not offered: you see the sign-offs others made."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.gui.dialogs import report_error
from reflectdesk.gui.review_margin import when
from reflectdesk.gui.theme import accents
from reflectdesk.progress import CancelToken, ProgressSink
from reflectdesk.services.review import Verdict

if TYPE_CHECKING:
    from reflectdesk.gui.tasks import TaskRunner
    from reflectdesk.services.review_read import SignOffView
    from reflectdesk.services.vault import Vault
    from reflectdesk.standards.model import Taxonomy

VERDICTS = (Verdict.MET, Verdict.PARTLY, Verdict.NOT_YET)


def verdict_text(_widget: QWidget, verdict: Verdict) -> str:
    return {
        Verdict.MET: QCoreApplication.translate("SignOffPanel", "met"),
        Verdict.PARTLY: QCoreApplication.translate("SignOffPanel", "partly"),
        Verdict.NOT_YET: QCoreApplication.translate("SignOffPanel", "not yet"),
    }[verdict]


class SignOffBox(QFrame):
    """One sign-off as it stands (read only), with Withdraw when it is yours."""

    withdraw_requested = Signal(str)

    def __init__(self, view: SignOffView, mine: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.mine = mine
        self.setObjectName("signOffBox")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.head = QLabel()
        self.head.setObjectName("signOffHead")
        self.head.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(1, 1)
        self.rows: list[tuple[QLabel, QLabel]] = []
        for i, item in enumerate(view.standards):
            title = QLabel(item.title)
            title.setWordWrap(True)
            verdict = QLabel()
            verdict.setObjectName("signOffVerdict")
            verdict.setWordWrap(True)
            self.grid.addWidget(title, i, 0)
            self.grid.addWidget(verdict, i, 1, Qt.AlignmentFlag.AlignTop)
            self.rows.append((title, verdict))
        self.overall = QLabel()
        self.overall.setObjectName("signOffOverall")
        self.overall.setWordWrap(True)
        self.withdraw_button = QPushButton()
        self.withdraw_button.setObjectName("withdrawSignOff")
        self.withdraw_button.clicked.connect(lambda: self.withdraw_requested.emit(view.id))
        self.withdraw_button.setVisible(mine and not view.withdrawn)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.head)
        layout.addLayout(self.grid)
        layout.addWidget(self.overall)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.withdraw_button)
        layout.addLayout(row)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        v = self.view
        a = accents()
        version = str(v.revision_seq) if v.revision_seq is not None else "?"
        head = (
            self.tr("Signed off by %1 on %2, on version %3")
            .replace("%1", v.author_name)
            .replace("%2", when(v.created_at))
            .replace("%3", version)
        )
        if v.changed_since:
            head += self.tr("; changed since")
        if v.withdrawn:
            head += " — " + self.tr("withdrawn")
        self.head.setText(head)
        colour = a.error_text if (v.changed_since or v.withdrawn) else a.ok_text
        self.head.setStyleSheet(f"color: {colour}; font-weight: bold;")
        for (_title, verdict), item in zip(self.rows, v.standards, strict=True):
            text = verdict_text(self, item.verdict)
            verdict.setText(f"{text} — {item.note}" if item.note else text)
        overall = self.tr("Overall: %1").replace("%1", verdict_text(self, v.overall))
        self.overall.setText(f"{overall}. {v.note}" if v.note else overall)
        self.withdraw_button.setText(self.tr("Withdraw…"))
        self.withdraw_button.setAccessibleName(self.tr("Withdraw this sign-off"))
        self.setAccessibleName(head)


class SignOffPanel(QWidget):
    """The sign-offs on one entry and, unless it is yours, the form to sign it off."""

    signed = Signal(object)  # the ReviewRecord written (a sign-off or a withdrawal)

    def __init__(
        self,
        runner: TaskRunner,
        vault: Vault,
        taxonomy: Taxonomy | None,
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signOffPanel")
        self.runner = runner
        self.vault = vault
        self.taxonomy = taxonomy
        self.lang = lang
        self.entry_id: str | None = None
        self.can_sign = False
        self.codes: list[str] = []
        self.tagged: list[str] = []  # the standards the student tagged
        self.me = vault.identity.public().key_id_hex
        self.heading = QLabel()
        self.heading.setObjectName("signOffHeading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.boxes_layout = QVBoxLayout()
        self.boxes: list[SignOffBox] = []
        self.none_label = QLabel()
        self.none_label.setObjectName("noSignOffs")
        self.none_label.setWordWrap(True)

        self.form = QFrame()
        self.form.setObjectName("signOffForm")
        self.form_intro = QLabel()
        self.form_intro.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(0, 2)
        self.grid.setColumnStretch(2, 2)
        self.verdicts: dict[str, QComboBox] = {}
        self.notes: dict[str, QLineEdit] = {}
        self.titles: dict[str, QLabel] = {}
        self.add_button = QPushButton()
        self.add_button.setObjectName("addStandard")
        self.add_button.clicked.connect(self.choose_standards)
        self.overall_label = QLabel()
        self.overall = QComboBox()
        self.overall.setObjectName("overallVerdict")
        # As wide as its longest verdict: never cut (issue 16.1).
        self.overall.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.overall.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.overall_label.setBuddy(self.overall)
        self.note_label = QLabel()
        self.note = QLineEdit()
        self.note.setObjectName("overallNote")
        self.note_label.setBuddy(self.note)
        self.sign_button = QPushButton()
        self.sign_button.setObjectName("signOffButton")
        self.sign_button.clicked.connect(self.sign_off)
        form_layout = QVBoxLayout(self.form)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addWidget(self.form_intro)
        form_layout.addLayout(self.grid)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        form_layout.addLayout(add_row)
        overall_row = QGridLayout()
        overall_row.addWidget(self.overall_label, 0, 0)
        overall_row.addWidget(self.overall, 0, 1)
        overall_row.addWidget(self.note_label, 1, 0)
        overall_row.addWidget(self.note, 1, 1)
        overall_row.setColumnStretch(1, 1)
        form_layout.addLayout(overall_row)
        sign_row = QHBoxLayout()
        sign_row.addStretch(1)
        sign_row.addWidget(self.sign_button)
        form_layout.addLayout(sign_row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.none_label)
        layout.addLayout(self.boxes_layout)
        layout.addWidget(self.form)
        self.retranslate_ui()

    # -- what it shows ------------------------------------------------------------------
    def show_entry(
        self,
        entry_id: str,
        standards: Sequence[str],
        sign_offs: Sequence[SignOffView],
        can_sign: bool,
    ) -> None:
        """``standards``: the codes the student tagged; ``can_sign``: not your own entry."""
        same = entry_id == self.entry_id
        self.entry_id = entry_id
        self.can_sign = can_sign
        for box in self.boxes:
            box.hide()
            box.deleteLater()
        self.boxes = []
        for view in sign_offs:
            box = SignOffBox(view, view.author == self.me, self)
            box.withdraw_requested.connect(self.ask_withdraw)
            self.boxes_layout.addWidget(box)
            self.boxes.append(box)
        self.none_label.setVisible(not sign_offs)
        self.form.setVisible(can_sign)
        if not same:
            self.tagged = list(standards)
            self.set_codes(list(standards))
        self.retranslate_ui()

    def clear(self) -> None:
        """Nothing of the entry stays (lock): no sign-offs shown, the form emptied."""
        self.show_entry("", (), (), can_sign=False)
        self.entry_id = None
        self.tagged = []
        self.set_codes([])
        self.note.clear()

    def set_codes(self, codes: list[str]) -> None:
        """The standards in the form (kept verdicts and notes for codes that stay)."""
        kept = {c: (self.verdicts[c].currentIndex(), self.notes[c].text()) for c in self.verdicts}
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.verdicts, self.notes, self.titles = {}, {}, {}
        self.codes = list(dict.fromkeys(codes))
        for row, code in enumerate(self.codes):
            title = QLabel(self.taxonomy.label(code, self.lang) if self.taxonomy else code)
            title.setWordWrap(True)
            combo = QComboBox()
            combo.setObjectName(f"verdict_{code}")
            combo.currentIndexChanged.connect(lambda _i: self._update_button())
            note = QLineEdit()
            note.setObjectName(f"note_{code}")
            title.setBuddy(combo)
            self.grid.addWidget(title, row, 0)
            self.grid.addWidget(combo, row, 1, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(note, row, 2, Qt.AlignmentFlag.AlignTop)
            self.titles[code], self.verdicts[code], self.notes[code] = title, combo, note
        self._fill_combos()
        for code, (index, text) in kept.items():
            if code in self.verdicts:
                self.verdicts[code].setCurrentIndex(index)
                self.notes[code].setText(text)
        self._update_button()

    def _fill_combos(self) -> None:
        for code, combo in self.verdicts.items():
            index = combo.currentIndex()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("— not judged"), None)
            for verdict in VERDICTS:
                combo.addItem(verdict_text(self, verdict), verdict.value)
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)
            combo.setAccessibleName(self.tr("Verdict for %1").replace("%1", code))
            self.notes[code].setAccessibleName(self.tr("Note for %1").replace("%1", code))
            self.notes[code].setPlaceholderText(self.tr("Note (optional)"))
        index = self.overall.currentIndex()
        self.overall.clear()
        self.overall.addItem(self.tr("The lowest verdict given"), None)
        for verdict in VERDICTS:
            self.overall.addItem(verdict_text(self, verdict), verdict.value)
        self.overall.setCurrentIndex(max(0, index))

    def chosen(self) -> dict[str, tuple[Verdict, str]]:
        out: dict[str, tuple[Verdict, str]] = {}
        for code, combo in self.verdicts.items():
            value = combo.currentData()
            if value:
                out[code] = (Verdict(str(value)), self.notes[code].text().strip())
        return out

    def _update_button(self) -> None:
        self.sign_button.setEnabled(bool(self.chosen()))

    # -- actions --------------------------------------------------------------------------
    def choose_standards(self) -> None:
        from reflectdesk.gui.standards_picker import StandardsPicker

        if self.taxonomy is None:
            return
        picker = StandardsPicker(self.taxonomy, self.lang, tuple(self.codes), (), self)
        # The standards she tagged stay in the form; the picker adds (or drops) others.
        picker.accepted.connect(lambda: self.set_codes([*self.tagged, *picker.selected()]))
        picker.finished.connect(picker.deleteLater)
        picker.open()
        self.picker = picker

    def sign_off(self) -> None:
        chosen = self.chosen()
        entry_id = self.entry_id
        if not chosen or entry_id is None or not self.can_sign:
            return
        value = self.overall.currentData()
        overall = Verdict(str(value)) if value else None
        note = self.note.text().strip()
        review = self.vault.review

        def job(_p: ProgressSink, _c: CancelToken) -> object:
            return review.sign_off(entry_id, chosen, overall=overall, note=note)

        def done(record: object) -> None:
            for combo in self.verdicts.values():
                combo.setCurrentIndex(0)
            for edit in self.notes.values():
                edit.clear()
            self.note.clear()
            self.overall.setCurrentIndex(0)
            self.signed.emit(record)

        self.sign_button.setEnabled(False)
        self.runner.submit(
            job,
            on_result=done,
            on_error=self._failed,
            writer=True,
            name="write:sign-off",
            owner=self,
        )

    def _failed(self, exc: BaseException) -> None:
        self._update_button()
        report_error(self, exc)

    def ask_reason(self) -> str | None:
        """The reason for a withdrawal (None: cancelled). Tests replace it."""
        text, ok = QInputDialog.getText(
            self, self.tr("Withdraw the sign-off"), self.tr("Why do you withdraw it?")
        )
        return text.strip() if ok else None

    def ask_withdraw(self, sign_off_id: str) -> None:
        reason = self.ask_reason()
        if reason is None:
            return
        review = self.vault.review

        def job(_p: ProgressSink, _c: CancelToken) -> object:
            return review.withdraw_sign_off(sign_off_id, reason)

        self.runner.submit(
            job,
            on_result=self.signed.emit,
            on_error=self._failed,
            writer=True,
            name="write:withdraw-sign-off",
            owner=self,
        )

    # -- text -----------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Sign-off"))
        self.none_label.setText(self.tr("Not signed off yet."))
        self.form_intro.setText(
            self.tr(
                "Sign off this version against the standards: for each, met, partly or not "
                "yet, with a note. It is signed with your key and bound to this exact version."
            )
        )
        self.add_button.setText(self.tr("Add a stan&dard…"))
        self.add_button.setAccessibleName(self.tr("Add a standard"))
        self.overall_label.setText(self.tr("&Overall:"))
        self.note_label.setText(self.tr("Overall no&te:"))
        self.overall.setAccessibleName(self.tr("Overall verdict"))
        self.note.setAccessibleName(self.tr("Overall note"))
        self.sign_button.setText(self.tr("&Sign off"))
        self.sign_button.setAccessibleName(self.tr("Sign off this version"))
        self._fill_combos()
        for box in self.boxes:
            box.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
