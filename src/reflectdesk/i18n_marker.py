"""A Qt-free stand-in for ``QT_TRANSLATE_NOOP``.

The core never translates; it only *marks* English source strings so that
``pyside6-lupdate`` extracts them into ``resources/i18n/*.ts``. The GUI translates
them with ``QCoreApplication.translate(context, text)`` and the CLI with
:mod:`reflectdesk.i18n`, both from the same ``.ts`` files.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    del context
    return text
