"""Telling the user about a core error: translated message and hint, never a traceback."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from reflectdesk.errors import Cancelled, ReflectDeskError
from reflectdesk.gui.i18n import error_texts

# Where unexpected exceptions go (the app points it at its crash handler).
unexpected_handler: Callable[[BaseException], None] | None = None


def message_box(
    parent: QWidget | None,
    title: str,
    text: str,
    informative: str = "",
    icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
) -> QMessageBox:
    """A window-modal box shown with ``open()``: it never blocks the event loop."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("messageBox")
    if informative:
        box.setInformativeText(informative)
    ok = box.button(QMessageBox.StandardButton.Ok)
    if ok is not None:
        ok.setAccessibleName(ok.text().replace("&", ""))
    box.setAccessibleName(text)
    box.open()
    return box


def report_error(parent: QWidget | None, exc: BaseException) -> None:
    """:func:`show_error` for callbacks (the task runner's ``on_error``), which return nothing."""
    show_error(parent, exc)


def show_error(parent: QWidget | None, exc: BaseException) -> QMessageBox | None:
    """A core error as a message box (returned, for tests and follow-ups); anything else
    goes to the crash dialog."""
    if isinstance(exc, Cancelled):
        return None
    if not isinstance(exc, ReflectDeskError):
        if unexpected_handler is None:
            raise exc  # no crash dialog installed (tests): let it surface
        unexpected_handler(exc)
        return None
    message, hint = error_texts(exc)
    title = QCoreApplication.translate("Dialogs", "ReflectDesk")
    return message_box(parent, title, message, hint)
