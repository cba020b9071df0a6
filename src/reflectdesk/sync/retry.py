"""When to try again: exponential backoff with full jitter, capped, honouring Retry-After.

Full jitter (a uniform wait in [0, min(cap, base·2^attempt)]) spreads a cohort of clients
that all lost the server at the same moment, so they do not come back in lockstep.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from reflectdesk.errors import SyncTransferError
from reflectdesk.progress import NEVER_CANCELLED, CancelToken

log = logging.getLogger(__name__)
T = TypeVar("T")


def cancellable_sleep(seconds: float, cancel: CancelToken) -> None:
    """Sleep, waking every 0.1 s to honour ``cancel``."""
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        cancel.raise_if_cancelled()
        time.sleep(min(left, 0.1))
    cancel.raise_if_cancelled()


@dataclass
class Retry:
    base: float = 1.0  # first cap of the jittered wait, seconds
    cap: float = 300.0  # the longest jittered wait
    max_attempts: int = 6  # calls in total, the first included
    max_retry_after: float = 3600.0  # a server asking for more is asked again after this
    rng: random.Random = field(default_factory=random.SystemRandom)

    def delay(self, attempt: int, error: SyncTransferError | None = None) -> float:
        """The wait before retry number ``attempt`` (1 = the first retry)."""
        # The exponent is bounded: an outbox may count failures for days.
        ceiling = min(self.cap, self.base * 2.0 ** min(max(0, attempt - 1), 60))
        wait = self.rng.uniform(0.0, ceiling)
        if error is not None and error.retry_after is not None:
            # The server knows best when it will be back; never earlier than it asked.
            wait = max(wait, min(error.retry_after, self.max_retry_after))
        return wait

    def call(
        self,
        step: Callable[[], T],
        cancel: CancelToken = NEVER_CANCELLED,
        sleep: Callable[[float, CancelToken], None] = cancellable_sleep,
    ) -> T:
        """Run ``step``; on a retryable error wait and run it again, up to ``max_attempts``.

        A non-retryable error, or the last retryable one, is raised as it is."""
        attempt = 0
        while True:
            cancel.raise_if_cancelled()
            try:
                return step()
            except SyncTransferError as exc:
                attempt += 1
                if not exc.retryable or attempt >= self.max_attempts:
                    raise
                wait = self.delay(attempt, exc)
                log.info("sync step failed (%s); retry %d in %.1f s", exc.code, attempt, wait)
                sleep(wait, cancel)
