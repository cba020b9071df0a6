"""The first-run wizard's recovery pages: the key shown once (saved as PDF or printed)
and typed back in part, so that the person knows their copy is right."""

from __future__ import annotations

import secrets

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget, QWizardPage

from reflectdesk.gui.recovery_sheet import KeyGrid, SheetButtons, key_groups


def _retranslating(page: QWidget, event: QEvent) -> None:
    if event.type() == QEvent.Type.LanguageChange:
        page.retranslate_ui()  # type: ignore[attr-defined]


def _recovery_key(page: QWizardPage) -> str:
    """The key the wizard made (``FirstRunWizard.recovery_key``), or "" before that."""
    return str(getattr(page.wizard(), "recovery_key", "") or "")


class RecoveryPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.key_view = KeyGrid()
        self.sheet = SheetButtons(self._key)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.key_view)
        layout.addWidget(self.sheet)
        layout.addWidget(self.warning)
        layout.addStretch(1)
        self.retranslate_ui()

    def _key(self) -> str:
        return _recovery_key(self)

    def initializePage(self) -> None:
        self.key_view.set_key(self._key())

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Your recovery key"))
        self.setSubTitle(self.tr("Shown only now. Save it as a PDF or print it."))
        self.intro.setText(
            self.tr(
                "If you forget your passphrase, this key is the only way back into your "
                "journal. Nobody else has a copy, not even ReflectDesk."
            )
        )
        self.warning.setText(
            self.tr(
                "Keep it away from this computer, like a spare house key. Anyone with the key "
                "and your computer can read your journal."
            )
        )
        self.key_view.setAccessibleName(self.tr("Recovery key"))

    def changeEvent(self, event: QEvent) -> None:
        _retranslating(self, event)
        super().changeEvent(event)


def _norm(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())


class ConfirmPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        first, second = sorted(secrets.SystemRandom().sample(range(14), 2))
        self.asked = (first, second)  # zero-based group indexes
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.first = QLineEdit()
        self.first.setObjectName("confirmFirst")
        self.first.setMaxLength(8)
        self.second = QLineEdit()
        self.second.setObjectName("confirmSecond")
        self.second.setMaxLength(8)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        for edit in (self.first, self.second):
            edit.setFont(mono)
            edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("M" * 9) + 16)
        self.first_label = QLabel()
        self.first_label.setBuddy(self.first)
        self.second_label = QLabel()
        self.second_label.setBuddy(self.second)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.first_label, self.first)
        form.addRow(self.second_label, self.second)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.feedback)
        layout.addStretch(1)
        self.first.textChanged.connect(self._changed)
        self.second.textChanged.connect(self._changed)
        self.retranslate_ui()

    def _groups(self) -> list[str]:
        return key_groups(_recovery_key(self))

    def _changed(self) -> None:
        self.completeChanged.emit()
        if self.isComplete():
            self.feedback.setText(self.tr("That matches. Your vault is ready."))
            return
        groups = self._groups()
        wrong = [
            n + 1
            for n, edit in zip(self.asked, (self.first, self.second), strict=True)
            if len(_norm(edit.text())) >= 4
            and (len(groups) <= n or _norm(edit.text()) != groups[n])
        ]
        if len(wrong) == 2:
            self.feedback.setText(
                self.tr("Groups %1 and %2 do not match your key. Look at them again.")
                .replace("%1", str(wrong[0]))
                .replace("%2", str(wrong[1]))
            )
        elif wrong:
            # Name the group: "the copy is wrong" left people re-checking both.
            self.feedback.setText(
                self.tr("Group %1 does not match your key. Look at it again.").replace(
                    "%1", str(wrong[0])
                )
            )
        else:
            self.feedback.setText("")

    def isComplete(self) -> bool:
        groups = self._groups()
        if len(groups) <= max(self.asked):
            return False
        return (
            _norm(self.first.text()) == groups[self.asked[0]]
            and _norm(self.second.text()) == groups[self.asked[1]]
        )

    def retranslate_ui(self) -> None:
        a, b = (n + 1 for n in self.asked)
        self.setTitle(self.tr("Check your copy"))
        self.setSubTitle(self.tr("So that you know the copy you kept is right."))
        self.intro.setText(
            self.tr("From the copy you saved or printed, type group %1 and group %2.")
            .replace("%1", str(a))
            .replace("%2", str(b))
        )
        self.first_label.setText(self.tr("Group %1:").replace("%1", str(a)))
        self.second_label.setText(self.tr("Group %1:").replace("%1", str(b)))
        self.first.setAccessibleName(self.tr("Group %1 of the recovery key").replace("%1", str(a)))
        self.second.setAccessibleName(self.tr("Group %1 of the recovery key").replace("%1", str(b)))

    def changeEvent(self, event: QEvent) -> None:
        _retranslating(self, event)
        super().changeEvent(event)
