"""Qt Linguist translations: load, swap at runtime, translate core errors, pseudo-locale.

Swapping the installed :class:`QTranslator` makes Qt send ``LanguageChange`` to every
widget; each screen answers in ``changeEvent`` with ``retranslate_ui``. No restart.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from reflectdesk.errors import ReflectDeskError
from reflectdesk.gui.prefs import LANGUAGES

QM_PREFIX = "reflectdesk_"
LOCALES = {"es": "es_CL", "en": "en_GB"}


def default_qm_dir() -> Path:
    from reflectdesk.resources import resource_dir

    return resource_dir() / "i18n"


def system_language() -> str:
    """English for an English system; Spanish otherwise (the app's home is Chile)."""
    name = QLocale.system().name().lower()
    return "en" if name.startswith("en") else "es"


# Translators this module installed, whichever ``Translations`` did it: a new
# instance (tests, screenshots) must not leave an old language behind.
_INSTALLED: list[QTranslator] = []


class Translations:
    """The app's translators; ``set_language`` swaps them at once."""

    def __init__(self, qm_dir: Path | None = None) -> None:
        self.qm_dir = qm_dir or default_qm_dir()
        self.language = "en"
        self._installed = _INSTALLED

    def _remove_all(self) -> None:
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed.clear()

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            language = "es"
        self._remove_all()
        self.language = language
        QLocale.setDefault(QLocale(LOCALES[language]))
        own = QTranslator()
        if own.load(str(self.qm_dir / f"{QM_PREFIX}{language}.qm")):
            self._installed.append(own)
        else:
            # A broken install: the app still opens (in the source language) and says so.
            from reflectdesk.resources import report_damaged

            report_damaged(f"i18n/{QM_PREFIX}{language}.qm", "unreadable")
        if language != "en":
            # Qt's own dialogs (the file dialog's "Look in:", Cancel…) in the same
            # language: Qt's catalogue, and ours for what it lacks in this Qt version.
            extra = QTranslator()
            if extra.load(str(self.qm_dir / f"qt_extra_{language}.qm")):
                self._installed.append(extra)
            qt = QTranslator()
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt.load(QLocale(LOCALES[language]), "qtbase", "_", qt_dir):
                self._installed.append(qt)
        # Qt asks the most recently installed translator first: ours wins.
        for translator in reversed(self._installed):
            QCoreApplication.installTranslator(translator)

    def install_extra(self, translator: QTranslator) -> None:
        """For the pseudo-locale in tests and screenshots."""
        self._remove_all()
        self._installed.append(translator)
        QCoreApplication.installTranslator(translator)


def error_texts(err: BaseException) -> tuple[str, str]:
    """The translated message and hint of a core error, placeholders filled."""
    if not isinstance(err, ReflectDeskError):
        err = ReflectDeskError()
    params = {k: str(v) for k, v in err.params.items()}
    message = QCoreApplication.translate("Errors", err.message)
    hint = QCoreApplication.translate("Errors", err.hint)
    return _fill(message, params), _fill(hint, params)


def _fill(text: str, params: dict[str, str]) -> str:
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return text


# -- pseudo-locale ----------------------------------------------------------------------
_ACCENTS = str.maketrans(
    "AEIOUYaeiouyCcNnSsZz",
    "ÅÉÎÖÜÝåéîöüýÇçÑñŜŝŽž",
)
# Placeholders, markup and mnemonics pass through untouched.
_PROTECTED = re.compile(r"\{[^{}]*\}|%n|%L?\d|<[^<>]*>|&&|&\w|&[a-z]+;")


def pseudo_translate(text: str, stretch: float = 0.4) -> str:
    """``Save`` → ``[Ŝåvé~~]``: accented and 40% longer, to catch clipped layouts."""
    if not text:
        return text
    out: list[str] = []
    pos = 0
    for match in _PROTECTED.finditer(text):
        out.append(text[pos : match.start()].translate(_ACCENTS))
        out.append(match.group(0))
        pos = match.end()
    out.append(text[pos:].translate(_ACCENTS))
    body = "".join(out)
    pad = max(1, round(len(text) * stretch) - 2)
    # Long paddings break like words do, so wrapped labels can still wrap.
    padding = "".join("~" if i % 7 < 6 or i == pad - 1 else " " for i in range(pad))
    return f"[{body}{padding}]"


class PseudoTranslator(QTranslator):
    """Every string padded by 40% (brackets included), for layout tests and screenshots."""

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        del context, disambiguation, n  # Qt fills %n itself afterwards
        return pseudo_translate(source_text)

    def isEmpty(self) -> bool:
        return False
