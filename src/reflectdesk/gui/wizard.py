"""First run: language, role and name, passphrase, vault creation, recovery key.

The vault is created on a worker (Argon2id calibration and derivation take about a
second and a half) while the page shows progress. The recovery key exists only
after creation, so it is shown then, once, to save as PDF or print, and the user
types two of its groups back before finishing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from reflectdesk.gui.app_context import AppContext
from reflectdesk.gui.dialogs import show_error
from reflectdesk.gui.i18n import error_texts
from reflectdesk.gui.passphrase import NewPassphraseFields
from reflectdesk.gui.screen_fit import fit_dialog
from reflectdesk.gui.unlock import progress_label
from reflectdesk.gui.wizard_recovery import ConfirmPage, RecoveryPage
from reflectdesk.progress import CancelToken, Progress, ProgressSink

if TYPE_CHECKING:
    from reflectdesk.services.vault import Vault


ROLES = ("student", "mentor", "educator")


def _retranslating(page: QWidget, event: QEvent) -> None:
    if event.type() == QEvent.Type.LanguageChange:
        page.retranslate_ui()  # type: ignore[attr-defined]


class LanguagePage(QWizardPage):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.spanish = QRadioButton("&Español")
        self.spanish.setObjectName("langEs")
        self.english = QRadioButton("&English")
        self.english.setObjectName("langEn")
        self.group = QButtonGroup(self)
        self.group.addButton(self.spanish)
        self.group.addButton(self.english)
        (self.english if ctx.language == "en" else self.spanish).setChecked(True)
        self.spanish.toggled.connect(self._changed)
        # A new computer, an old journal: restore it instead of starting one (issue 16).
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("wizardRestoreBackup")
        self.restore_button.setFlat(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(8)
        layout.addWidget(self.spanish)
        layout.addWidget(self.english)
        layout.addStretch(1)
        layout.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.retranslate_ui()

    def _changed(self) -> None:
        language = "es" if self.spanish.isChecked() else "en"
        if language != self.ctx.language:
            self.ctx.translations.set_language(language)
            self.ctx.update_prefs(language=language)

    def language(self) -> str:
        return "es" if self.spanish.isChecked() else "en"

    def validatePage(self) -> bool:
        # Stored when the person goes on, also when she keeps the preselected language:
        # an unset preference follows the system locale at the next start (issue 16.5).
        if self.ctx.prefs.language != self.language():
            self.ctx.update_prefs(language=self.language())
        return True

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Welcome to ReflectDesk"))
        self.setSubTitle(self.tr("Your practicum journal: private, structured, yours."))
        self.intro.setText(
            self.tr(
                "Everything you write stays on this computer, encrypted with a passphrase only "
                "you know. You decide what your mentor and your university see.\n\n"
                "Choose the language of the app. You can change it later in Settings."
            )
        )
        self.spanish.setAccessibleName("Español")
        self.english.setAccessibleName("English")
        self.restore_button.setText(self.tr("I have a backup: &restore it…"))
        self.restore_button.setAccessibleName(self.tr("Restore a journal from a backup"))

    def changeEvent(self, event: QEvent) -> None:
        _retranslating(self, event)
        super().changeEvent(event)


class ProfilePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.role_label = QLabel()
        self.role_buttons: dict[str, QRadioButton] = {}
        self.role_notes: dict[str, QLabel] = {}
        self.group = QButtonGroup(self)
        roles = QVBoxLayout()
        for role in ROLES:
            button = QRadioButton()
            button.setObjectName(f"role_{role}")
            note = QLabel()
            note.setWordWrap(True)
            note.setIndent(24)
            note.setObjectName("roleNote")
            self.group.addButton(button)
            self.role_buttons[role] = button
            self.role_notes[role] = note
            roles.addWidget(button)
            roles.addWidget(note)
        self.role_buttons["student"].setChecked(True)
        self.name = QLineEdit()
        self.name.setObjectName("displayName")
        self.name.setMaxLength(200)
        self.institution = QLineEdit()
        self.institution.setObjectName("institution")
        self.institution.setMaxLength(200)
        self.name_label = QLabel()
        self.name_label.setBuddy(self.name)
        self.institution_label = QLabel()
        self.institution_label.setBuddy(self.institution)
        self.privacy = QLabel()
        self.privacy.setWordWrap(True)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.name_label, self.name)
        form.addRow(self.institution_label, self.institution)
        layout = QVBoxLayout(self)
        layout.addWidget(self.role_label)
        layout.addLayout(roles)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.privacy)
        layout.addStretch(1)
        self.name.textChanged.connect(self.completeChanged)
        self.retranslate_ui()

    def role(self) -> str:
        for role, button in self.role_buttons.items():
            if button.isChecked():
                return role
        return "student"

    def isComplete(self) -> bool:
        return bool(self.name.text().strip())

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("About you"))
        self.setSubTitle(self.tr("This shapes the app around what you do."))
        self.role_label.setText(self.tr("I am a…"))
        texts = {
            "student": (
                self.tr("&Student teacher"),
                self.tr("I write reflections on my practicum and share them when I choose."),
            ),
            "mentor": (
                self.tr("School &mentor (profesor/a guía)"),
                self.tr("I read my student teachers' journals and give feedback."),
            ),
            "educator": (
                self.tr("&University educator or researcher"),
                self.tr("I supervise students and build case studies from consented entries."),
            ),
        }
        for role, (label, note) in texts.items():
            self.role_buttons[role].setText(label)
            self.role_buttons[role].setAccessibleName(label.replace("&", ""))
            self.role_notes[role].setText(note)
        self.name_label.setText(self.tr("Display &name:"))
        self.institution_label.setText(self.tr("&Institution (optional):"))
        self.name.setPlaceholderText(self.tr("e.g. Camila Pérez"))
        self.name.setAccessibleName(self.tr("Display name"))
        self.institution.setAccessibleName(self.tr("Institution"))
        self.privacy.setText(
            self.tr(
                "Your name is stored encrypted. Others see it only in what you share with them."
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        _retranslating(self, event)
        super().changeEvent(event)


class PassphrasePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.fields = NewPassphraseFields()
        self.fields.changed.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.fields)
        layout.addStretch(1)
        self.setCommitPage(True)
        self.retranslate_ui()

    def initializePage(self) -> None:
        wizard = self.wizard()
        if isinstance(wizard, FirstRunWizard):
            self.fields.personal = [wizard.profile_page.name.text()]
        self.fields.passphrase.setFocus()

    def isComplete(self) -> bool:
        return self.fields.is_valid()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Choose a passphrase"))
        self.setSubTitle(self.tr("It encrypts everything you write. Nobody can reset it."))
        self.intro.setText(
            self.tr(
                "A passphrase is a password made of several words. Pick four or more words that "
                "have nothing to do with each other, and that you will remember."
            )
        )
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Create my vault"))

    def changeEvent(self, event: QEvent) -> None:
        _retranslating(self, event)
        super().changeEvent(event)


class CreatePage(QWizardPage):
    """Runs ``Vault.create`` on a worker and moves on by itself when it is done."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.retry = QPushButton()
        self.retry.setObjectName("retryCreate")
        self.retry.hide()
        self.retry.clicked.connect(self.start)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addSpacing(12)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.retry, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.task: Any = None
        self.done = False
        self.setCommitPage(True)  # once created, there is no way back to change the passphrase
        self.retranslate_ui()

    def initializePage(self) -> None:
        self.start()

    def start(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, FirstRunWizard)
        if self.done or self.task is not None:
            return
        self.retry.hide()
        self.status.setText(progress_label("calibrate"))
        path = self.ctx.vault_dir
        passphrase = wizard.passphrase_page.fields.value()
        name = wizard.profile_page.name.text().strip()
        institution = wizard.profile_page.institution.text().strip()
        role = wizard.profile_page.role()
        lang = wizard.language_page.language()
        journal_title = self.tr("My practicum journal")
        kdf_factory = self.ctx.kdf_params

        def create(progress: ProgressSink, cancel: CancelToken) -> tuple[Vault, str]:
            from reflectdesk.domain.model import Role
            from reflectdesk.services.vault import NewProfile, Vault

            vault, key = Vault.create(
                path,
                passphrase,
                NewProfile(name, Role(role), lang, institution),
                kdf_params=kdf_factory(),
                progress=progress,
                cancel=cancel,
            )
            vault.journals.create(journal_title)
            return vault, key

        self.task = self.ctx.runner.submit(
            create,
            on_result=self._created,
            on_error=self._failed,
            on_progress=self._progress,
            writer=True,
            name="write:create-vault",
        )

    def _progress(self, report: Progress) -> None:
        self.status.setText(progress_label(report.label_code))
        if report.total:
            self.progress.setRange(0, report.total)
            self.progress.setValue(report.done)

    def _created(self, result: tuple[Vault, str]) -> None:
        self.task = None
        self.done = True
        wizard = self.wizard()
        assert isinstance(wizard, FirstRunWizard)
        wizard.vault, wizard.recovery_key = result
        wizard.mark_created()
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.completeChanged.emit()
        wizard.next()

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        from reflectdesk.errors import Cancelled, ReflectDeskError

        if isinstance(exc, Cancelled):
            self.status.setText(self.tr("Cancelled. Nothing was created."))
        elif isinstance(exc, ReflectDeskError):
            message, hint = error_texts(exc)
            self.status.setText(f"{message} {hint}")
        else:
            show_error(self, exc)
            self.status.setText(self.tr("The vault could not be created."))
        self.retry.show()

    def isComplete(self) -> bool:
        return self.done

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Creating your vault"))
        self.setSubTitle(self.tr("This takes a few seconds on purpose: it makes guessing slow."))
        self.note.setText(
            self.tr(
                "ReflectDesk turns your passphrase into a key with Argon2id, tuned to this "
                "computer, and creates your encrypted vault and your recovery key."
            )
        )
        self.retry.setText(self.tr("&Try again"))
        self.retry.setAccessibleName(self.tr("Try again"))
        self.progress.setAccessibleName(self.tr("Progress"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Next >"))

    def changeEvent(self, event: QEvent) -> None:
        _retranslating(self, event)
        super().changeEvent(event)


class FirstRunWizard(QWizard):
    """Emits ``vault_ready(vault)`` when the user finishes."""

    vault_ready = Signal(object)
    restore_requested = Signal()  # the first page's "I have a backup" (issue 16)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("firstRunWizard")
        self.vault: Vault | None = None
        self.recovery_key = ""
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(600, 480)  # fits a 1024x600 screen under its panel
        fit_dialog(self, QSize(680, 560))  # as before where there is room (issue 16.1)
        self.language_page = LanguagePage(ctx)
        self.profile_page = ProfilePage()
        self.passphrase_page = PassphrasePage()
        self.create_page = CreatePage(ctx)
        self.recovery_page = RecoveryPage()
        self.confirm_page = ConfirmPage()
        for page in (
            self.language_page,
            self.profile_page,
            self.passphrase_page,
            self.create_page,
            self.recovery_page,
            self.confirm_page,
        ):
            self.addPage(page)
        self.language_page.restore_button.clicked.connect(self.restore_requested)
        self.finished.connect(self._finished)
        self.retranslate_ui()

    def mark_created(self) -> None:
        """From here on there is a vault: no cancelling, no going back."""
        self.setOption(QWizard.WizardOption.NoCancelButton, True)

    def reject(self) -> None:
        if self.create_page.task is not None:
            self.create_page.task.cancel()
            return
        if self.vault is not None:
            answer = QMessageBox.question(
                self,
                self.tr("Finish without checking?"),
                self.tr(
                    "Your vault is created. If you have not saved the recovery key, you will not "
                    "see it again. Continue without checking it?"
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            self._finish_with_vault()
            return
        super().reject()

    def accept(self) -> None:
        self._finish_with_vault()

    def _finish_with_vault(self) -> None:
        vault = self.vault
        self.recovery_key = ""
        self.recovery_page.key_view.clear()
        QWizard.accept(self)
        if vault is not None:
            self.vault_ready.emit(vault)

    def _finished(self) -> None:
        self.recovery_key = ""

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("ReflectDesk: first steps"))
        names = {
            QWizard.WizardButton.BackButton: self.tr("Back"),
            QWizard.WizardButton.NextButton: self.tr("Next"),
            QWizard.WizardButton.CommitButton: self.tr("Create my vault"),
            QWizard.WizardButton.FinishButton: self.tr("Finish"),
            QWizard.WizardButton.CancelButton: self.tr("Cancel"),
            QWizard.WizardButton.HelpButton: self.tr("Help"),
        }
        for which, name in names.items():
            button = self.button(which)
            if button is not None:
                button.setAccessibleName(name)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
