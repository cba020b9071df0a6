"""Progress and cancel tokens."""

from __future__ import annotations

import pytest

from reflectdesk.errors import Cancelled
from reflectdesk.progress import NEVER_CANCELLED, CancelToken


def test_a_token_cancels_once_set() -> None:
    token = CancelToken()
    token.raise_if_cancelled()
    token.cancel()
    assert token.cancelled
    with pytest.raises(Cancelled):
        token.raise_if_cancelled()


def test_the_shared_default_cannot_be_cancelled() -> None:
    with pytest.raises(TypeError):
        NEVER_CANCELLED.cancel()
    assert not NEVER_CANCELLED.cancelled
    NEVER_CANCELLED.raise_if_cancelled()
