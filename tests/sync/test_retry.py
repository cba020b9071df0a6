"""Backoff with full jitter, caps, Retry-After, and the retryable flag."""

from __future__ import annotations

import random

import pytest

from reflectdesk.errors import (
    Cancelled,
    ServerFull,
    ServerPasswordRejected,
    ServerTrouble,
    ServerUnreachable,
    SyncTransferError,
)
from reflectdesk.progress import CancelToken
from reflectdesk.sync.retry import Retry, cancellable_sleep


def test_delay_is_full_jitter_under_an_exponential_cap() -> None:
    retry = Retry(base=1.0, cap=30.0, rng=random.Random(7))
    for attempt in range(1, 12):
        ceiling = min(30.0, 2.0 ** (attempt - 1))
        waits = [retry.delay(attempt) for _ in range(200)]
        assert all(0.0 <= w <= ceiling for w in waits)
        # Full jitter really spreads: low and high thirds of the range are both used.
        assert min(waits) < ceiling / 3 and max(waits) > 2 * ceiling / 3
    assert 0.0 <= retry.delay(100_000) <= 30.0  # days of failures: still capped, no overflow


def test_retry_after_is_a_floor_and_is_capped() -> None:
    retry = Retry(base=1.0, cap=4.0, max_retry_after=600.0, rng=random.Random(1))
    assert retry.delay(1, ServerTrouble(retry_after=42.0)) >= 42.0
    assert retry.delay(1, ServerTrouble(retry_after=10_000.0)) == 600.0


def test_every_sync_error_says_whether_to_retry() -> None:
    assert ServerUnreachable().retryable and ServerTrouble().retryable
    assert not ServerPasswordRejected().retryable and not ServerFull().retryable


def _flaky(failures: list[SyncTransferError]) -> tuple[list[int], object]:
    calls = [0]

    def step() -> str:
        calls[0] += 1
        if failures:
            raise failures.pop(0)
        return "done"

    return calls, step


def test_call_retries_retryable_errors_then_succeeds_once() -> None:
    slept: list[float] = []
    calls, step = _flaky([ServerUnreachable(), ServerTrouble(retry_after=3.0)])
    retry = Retry(base=0.5, rng=random.Random(3))
    result = retry.call(step, sleep=lambda s, _c: slept.append(s))  # type: ignore[arg-type]
    assert result == "done" and calls[0] == 3
    assert len(slept) == 2 and slept[1] >= 3.0


def test_call_stops_at_a_non_retryable_error_and_at_the_attempt_limit() -> None:
    calls, step = _flaky([ServerPasswordRejected(), ServerUnreachable()])
    with pytest.raises(ServerPasswordRejected):
        Retry().call(step, sleep=lambda s, c: None)  # type: ignore[arg-type]
    assert calls[0] == 1
    calls, step = _flaky([ServerUnreachable() for _ in range(5)])
    with pytest.raises(ServerUnreachable):
        Retry(max_attempts=3).call(step, sleep=lambda s, c: None)  # type: ignore[arg-type]
    assert calls[0] == 3


def test_a_cancel_interrupts_the_wait() -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        cancellable_sleep(30.0, token)
