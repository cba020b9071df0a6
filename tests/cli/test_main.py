"""The CLI entry point in-process: errors mapped to exit codes and messages, usage."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.support import CliResult

Cli = Callable[..., CliResult]


@pytest.mark.parametrize(
    ("argv", "code", "needle"),
    [
        (("entry", "show", "missing-id"), 4, "no entry"),
        (("entry", "add", "--journal", "nope", "--title", "x"), 4, "no journal"),
        (("attachment", "get", "nope", "-o", "/tmp/x"), 4, "no attachment"),
        (("search", '"unclosed'), 6, "could not be understood"),
        (("search", "a AND"), 6, "could not be understood"),
        (("entry", "add", "--journal", "J", "--section", "nokey"), 6, "not valid"),
    ],
)
def test_errors_map_to_exit_codes(
    ready: Cli, argv: tuple[str, ...], code: int, needle: str
) -> None:
    ready("journal", "create", "J")
    r = ready(*argv)
    assert r.code == code, r.err
    assert needle in r.err
    assert "Traceback" not in r.err


def test_wrong_passphrase_in_spanish(ready: Cli) -> None:
    r = ready(
        "journal", "list", env={"REFLECTDESK_PASSPHRASE": "incorrecta!!", "REFLECTDESK_LANG": "es"}
    )
    assert r.code == 3
    assert "frase de contraseña" in r.err.lower() or "contraseña" in r.err.lower()


def test_no_vault(cli: Cli) -> None:
    r = cli("journal", "list")
    assert r.code == 4 and "no vault" in r.err.lower()


def test_usage_error(cli: Cli) -> None:
    assert cli("entry", "frobnicate").code == 2
