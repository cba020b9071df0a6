"""New-passphrase fields with a strength meter and advice in the user's language."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from reflectdesk.gui import strength
from reflectdesk.gui.theme import accents

MIN_SCORE = 1  # "very weak" is refused; the rest is advice


class StrengthMeter(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setRange(0, 5)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(10)
        self.verdict = QLabel()
        self.verdict.setObjectName("strengthVerdict")
        self.advice = QLabel()
        self.advice.setObjectName("strengthAdvice")
        self.advice.setWordWrap(True)
        # Room for the usual advice, so the window does not jump while someone types.
        self.advice.setMinimumHeight(self.advice.fontMetrics().lineSpacing() * 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.verdict)
        layout.addWidget(self.advice)
        self._result = strength.estimate("")
        self.retranslate_ui()

    def _verdicts(self) -> tuple[str, ...]:
        return (
            self.tr("Very weak"),
            self.tr("Weak"),
            self.tr("Fair"),
            self.tr("Strong"),
            self.tr("Very strong"),
        )

    def _advice_text(self, code: str) -> str:
        texts: dict[str, Callable[[], str]] = {
            strength.TOO_SHORT: lambda: self.tr(
                "Use at least %n characters.", "", strength.MIN_LENGTH
            ),
            strength.COMMON: lambda: self.tr(
                "Avoid common passwords and everyday words such as “contraseña” or “colegio”."
            ),
            strength.PERSONAL: lambda: self.tr("Do not use your name."),
            strength.SEQUENCE: lambda: self.tr(
                "Avoid keyboard runs and sequences such as “qwerty” or “1234”."
            ),
            strength.REPEAT: lambda: self.tr("Avoid repeated characters and words."),
            strength.YEAR: lambda: self.tr("Avoid years and dates: they are easy to guess."),
            strength.MORE_WORDS: lambda: self.tr(
                "Add more unrelated words: four random words make a strong passphrase "
                "that is easy to remember."
            ),
            strength.GOOD: lambda: self.tr(
                "A strong passphrase. Make sure you can remember it: nobody can reset it for you."
            ),
        }
        return texts[code]() if code in texts else ""

    def set_result(self, result: strength.Strength, empty: bool = False) -> None:
        self._result = result
        self.bar.setValue(0 if empty else result.score + 1)
        colours = accents()
        colour = colours.error_text if result.score < 2 else colours.ok_text
        if result.score == 2:
            colour = "#b7791f" if not colours.dark else "#e3b341"
        self.bar.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")
        self._render(empty)

    def _render(self, empty: bool = False) -> None:
        if empty:
            self.verdict.setText(self.tr("Strength: not entered yet"))
            self.advice.setText(
                self.tr("Several unrelated words, at least %n characters.", "", strength.MIN_LENGTH)
            )
        else:
            self.verdict.setText(
                self.tr("Strength: %1").replace("%1", self._verdicts()[self._result.score])
            )
            self.advice.setText(" ".join(self._advice_text(c) for c in self._result.advice))
        self.bar.setAccessibleName(self.verdict.text())

    def retranslate_ui(self) -> None:
        self._render(empty=self.bar.value() == 0)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class NewPassphraseFields(QWidget):
    """Passphrase, confirmation, "show", and the meter; ``valid`` when usable."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.personal: list[str] = []
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("newPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setObjectName("confirmPassphrase")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_box = QCheckBox()
        self.show_box.toggled.connect(self._toggle_echo)
        self.meter = StrengthMeter()
        self.mismatch = QLabel()
        self.mismatch.setWordWrap(True)
        self.mismatch.setObjectName("mismatch")
        self.passphrase_label = QLabel()
        self.passphrase_label.setBuddy(self.passphrase)
        self.confirm_label = QLabel()
        self.confirm_label.setBuddy(self.confirm)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.passphrase_label, self.passphrase)
        form.addRow("", self.meter)
        form.addRow(self.confirm_label, self.confirm)
        form.addRow("", self.mismatch)
        form.addRow("", self.show_box)
        self.passphrase.textChanged.connect(self._update)
        self.confirm.textChanged.connect(self._update)
        self.retranslate_ui()
        self._update()

    def retranslate_ui(self) -> None:
        self.passphrase_label.setText(self.tr("New &passphrase:"))
        self.confirm_label.setText(self.tr("&Repeat it:"))
        self.show_box.setText(self.tr("&Show passphrase"))
        self.passphrase.setAccessibleName(self.tr("New passphrase"))
        self.confirm.setAccessibleName(self.tr("Repeat the new passphrase"))
        self.show_box.setAccessibleName(self.tr("Show passphrase"))
        self._update_mismatch()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _toggle_echo(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.passphrase.setEchoMode(mode)
        self.confirm.setEchoMode(mode)

    def _update(self) -> None:
        text = self.passphrase.text()
        self.meter.set_result(strength.estimate(text, self.personal), empty=not text)
        self._update_mismatch()
        self.changed.emit()

    def _update_mismatch(self) -> None:
        confirm = self.confirm.text()
        show = bool(confirm) and confirm != self.passphrase.text()
        self.mismatch.setText(self.tr("The two passphrases differ.") if show else "")
        self.mismatch.setStyleSheet(f"color: {accents().error_text};")

    def is_valid(self) -> bool:
        text = self.passphrase.text()
        result = strength.estimate(text, self.personal)
        return (
            len(text) >= strength.MIN_LENGTH
            and result.score >= MIN_SCORE
            and text == self.confirm.text()
        )

    def value(self) -> str:
        return self.passphrase.text()

    def clear(self) -> None:
        self.passphrase.clear()
        self.confirm.clear()


def fit_height(window: QWidget) -> None:
    """Grow a dialog when wrapped text needs more lines (top-level windows do not do
    height-for-width on their own)."""
    layout = window.layout()
    if layout is None:
        return
    need = layout.totalHeightForWidth(window.width())
    if need > window.height():
        window.resize(window.width(), need)


def show_inline_error(dialog: QWidget, label: QLabel, field: QLineEdit, exc: BaseException) -> None:
    """A passphrase dialog's failure: the core's message and hint under the fields (the
    passphrase selected, to type again); anything else, the crash dialog."""
    from reflectdesk.errors import ReflectDeskError
    from reflectdesk.gui.dialogs import show_error
    from reflectdesk.gui.i18n import error_texts

    if not isinstance(exc, ReflectDeskError):
        show_error(dialog, exc)
        return
    message, hint = error_texts(exc)
    label.setText(f"{message} {hint}")
    label.setStyleSheet(f"color: {accents().error_text};")
    label.show()
    fit_height(dialog)
    field.selectAll()
    field.setFocus()


def kdf_busy_bar() -> QProgressBar:
    """The slim, hidden "working…" bar the passphrase dialogs show during Argon2id."""
    bar = QProgressBar()
    bar.setRange(0, 0)
    bar.setMaximumHeight(8)
    bar.setTextVisible(False)
    bar.hide()
    return bar
