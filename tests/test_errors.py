"""The one error hierarchy: every error has its own code, a Spanish message and hint,
an exit code the CLI documents, and placeholders filled from its parameters."""

from __future__ import annotations

import inspect

from reflectdesk import errors
from reflectdesk.errors import ReflectDeskError, RevisionGraphUnsound
from reflectdesk.i18n import Translator


def _all_errors() -> list[type[ReflectDeskError]]:
    return [
        cls
        for _, cls in inspect.getmembers(errors, inspect.isclass)
        if issubclass(cls, ReflectDeskError)
    ]


def test_codes_are_unique_and_every_sentence_is_translated() -> None:
    found = _all_errors()
    assert len(found) > 100
    assert len({cls.code for cls in found}) == len(found)
    spanish = Translator("es")
    exits = {v for k, v in vars(errors).items() if k.startswith("EXIT_")}
    untranslated = [
        (cls.__name__, text)
        for cls in found
        for text in (cls.message, cls.hint)
        if spanish("Errors", text) == text
    ]
    assert untranslated == []
    assert all(cls.exit_code in exits for cls in found)


def test_detail_and_parameters() -> None:
    err = RevisionGraphUnsound("entry-id")
    assert err.detail == "entry-id" and str(err).endswith("(entry-id)")
    damaged = errors.InstallationDamaged(file="i18n/reflectdesk_es.ts")
    assert str(damaged).endswith("damaged: i18n/reflectdesk_es.ts")
    spanish = Translator("es")("Errors", damaged.message, **damaged.params)
    assert "i18n/reflectdesk_es.ts" in spanish and spanish != str(damaged)
    root = ReflectDeskError()
    assert str(root) == ReflectDeskError.message and root.detail == ""
