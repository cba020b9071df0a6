"""Translations for Qt-free front-ends (the CLI), read from the same ``.ts`` files
the GUI compiles to ``.qm``: one source of truth for every language.
"""

from __future__ import annotations

import functools
import locale
import os
import xml.etree.ElementTree as ET

from reflectdesk.resources import report_damaged, resource_dir

LANGUAGES = ("es", "en")
DEFAULT_LANGUAGE = "es"


@functools.lru_cache(maxsize=4)
def _catalog(lang: str) -> dict[tuple[str, str], str]:
    path = resource_dir() / "i18n" / f"reflectdesk_{lang}.ts"
    table: dict[tuple[str, str], str] = {}
    try:
        root = ET.parse(path).getroot()  # noqa: S314
    except (OSError, ET.ParseError):
        report_damaged(f"i18n/reflectdesk_{lang}.ts", "unreadable")
        return table
    for ctx in root.iter("context"):
        name = ctx.findtext("name", "")
        for msg in ctx.iter("message"):
            source = msg.findtext("source")
            node = msg.find("translation")
            if source is None or node is None or node.get("type") in ("unfinished", "obsolete"):
                continue
            if node.text:
                table[(name, source)] = node.text
    return table


def detect_language(explicit: str | None = None) -> str:
    """``--lang``, then ``REFLECTDESK_LANG``, then the locale; Spanish by default."""
    for candidate in (explicit, os.environ.get("REFLECTDESK_LANG")):
        if candidate and candidate[:2].lower() in LANGUAGES:
            return candidate[:2].lower()
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return "es" if value.lower().startswith("es") else "en"
    loc = locale.getlocale()[0] or ""
    if loc:
        return "es" if loc.lower().startswith("es") else "en"
    return DEFAULT_LANGUAGE


class Translator:
    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE

    def __call__(self, context: str, text: str, **params: object) -> str:
        translated = _catalog(self.lang).get((context, text), text)
        if params:
            try:
                return translated.format(**params)
            except (KeyError, IndexError, ValueError):
                return text.format(**params)
        return translated
