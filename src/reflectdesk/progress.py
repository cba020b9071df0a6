"""Progress as data, and cooperative cancellation.

Long work in the core is written as a function that takes a :class:`ProgressSink`
(a callable) and a :class:`CancelToken`. The GUI's task helper turns reports into
a progress bar; the CLI into a line on stderr. The core never knows which.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from reflectdesk.errors import Cancelled


@dataclass(frozen=True, slots=True)
class Progress:
    done: int
    total: int  # 0 when unknown
    label_code: str  # e.g. "kdf", "index", "import", translated by the front-end

    @property
    def fraction(self) -> float | None:
        return (self.done / self.total) if self.total else None


ProgressSink = Callable[[Progress], None]


def ignore_progress(_: Progress) -> None:
    """A sink for callers that do not show progress."""


class CancelToken:
    """Set by the front-end, checked by the core between units of work."""

    __slots__ = ("_event",)

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()


class _NeverCancelled(CancelToken):
    """The default for calls nobody can cancel. Shared by every such call, so it must not
    be cancellable: one caller cancelling it would cancel all the others."""

    __slots__ = ()

    def cancel(self) -> None:
        raise TypeError("NEVER_CANCELLED cannot be cancelled; make a CancelToken()")


NEVER_CANCELLED: CancelToken = _NeverCancelled()
