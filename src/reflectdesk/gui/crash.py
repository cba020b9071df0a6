"""Unexpected exceptions: a dialog offering a report that holds no journal text.

The report has the exception *type*, each frame's file, line and function name, the
app version and the platform. Never the exception message, source lines or locals:
those can contain what someone wrote. ``sys.excepthook`` and ``threading.excepthook``
both end here; a worker's exception is handed to the GUI thread through a signal.
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, qVersion

from reflectdesk import __version__

if TYPE_CHECKING:
    from reflectdesk.gui.crash_dialog import CrashDialog

log = logging.getLogger(__name__)

MAX_CHAIN = 5


def _short_path(filename: str) -> str:
    """A path without the user's folders: from the package or site-packages on."""
    norm = filename.replace("\\", "/")
    for marker in ("/reflectdesk/", "/site-packages/", "/lib/python"):
        at = norm.rfind(marker)
        if at != -1:
            return norm[at + 1 :]
    return norm.rsplit("/", 1)[-1]


def _frames(tb: TracebackType | None) -> list[str]:
    return [
        f"  {_short_path(frame.filename)}:{frame.lineno} in {frame.name}"
        for frame in traceback.extract_tb(tb)
    ]


def _type_name(exc_type: type[BaseException]) -> str:
    module = exc_type.__module__
    return exc_type.__qualname__ if module == "builtins" else f"{module}.{exc_type.__qualname__}"


def build_report(
    exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None
) -> str:
    """The text a user may copy: no messages, no locals, no source lines."""
    try:
        from PySide6 import __version__ as pyside_version
    except ImportError:  # pragma: no cover
        pyside_version = "?"
    lines = [
        f"ReflectDesk {__version__}",
        f"Python {platform.python_version()} ({platform.python_implementation()})",
        f"Qt {qVersion()} / PySide6 {pyside_version}",
        f"Platform {platform.system()} {platform.release()} {platform.machine()}",
        "",
        f"Exception: {_type_name(exc_type)}",
    ]
    code = getattr(exc, "code", None)
    if isinstance(code, str) and code.isidentifier():
        lines.append(f"Code: {code}")
    lines.append("Traceback (most recent call last):")
    lines += _frames(tb)
    seen = {id(exc)}
    cause = exc.__cause__ or exc.__context__ if exc is not None else None
    depth = 0
    while cause is not None and id(cause) not in seen and depth < MAX_CHAIN:
        seen.add(id(cause))
        lines.append(f"Caused by: {_type_name(type(cause))}")
        lines += _frames(cause.__traceback__)
        cause = cause.__cause__ or cause.__context__
        depth += 1
    return "\n".join(lines)


class CrashHandler(QObject):
    """Installs the hooks and shows one dialog at a time on the GUI thread."""

    crashed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # From a worker thread Qt queues the call to the GUI thread by itself.
        self.crashed.connect(self._show)
        self._dialog: CrashDialog | None = None
        self.reports: list[str] = []

    def install(self) -> None:
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def excepthook(
        self,
        exc_type: type[BaseException],
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)  # type: ignore[arg-type]
            return
        self.report(exc_type, exc, tb)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        self.report(args.exc_type, args.exc_value, args.exc_traceback)

    def report_exception(self, exc: BaseException) -> None:
        self.report(type(exc), exc, exc.__traceback__)

    def report(
        self,
        exc_type: type[BaseException],
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        text = build_report(exc_type, exc, tb)
        log.error("unexpected error\n%s", text)
        self.reports.append(text)
        self.crashed.emit(text)

    def _show(self, report: str) -> None:
        import shiboken6

        from reflectdesk.gui.crash_dialog import CrashDialog

        dialog = self._dialog
        if dialog is not None and shiboken6.isValid(dialog) and dialog.isVisible():
            dialog.report += "\n\n" + report
            dialog.text.setPlainText(dialog.report)
            return
        self._dialog = CrashDialog(report)
        self._dialog.show()
