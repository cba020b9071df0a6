from __future__ import annotations

import pytest

from reflectdesk.bundles import Identity


@pytest.fixture
def alice() -> Identity:
    return Identity.generate()


@pytest.fixture
def bob() -> Identity:
    return Identity.generate()


@pytest.fixture
def carol() -> Identity:
    return Identity.generate()
