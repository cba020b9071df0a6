"""The CLI tests' shared fixture: a vault made with ``init`` (light KDF)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.support import CliResult

Cli = Callable[..., CliResult]


@pytest.fixture
def ready(cli: Cli) -> Cli:
    r = cli("init", "--name", "Camila", "--role", "student", "--insecure-test-kdf")
    assert r.code == 0, r.err
    return cli
