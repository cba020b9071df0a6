"""Telling the user about a core error: translated message and hint, never a traceback."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QMessageBox, QWidget

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


def ask_question(
    parent: QWidget,
    name: str,
    icon: QMessageBox.Icon,
    texts: tuple[str, str, str],
    accept_text: str,
    on_accept: Callable[[], None],
    *,
    role: QMessageBox.ButtonRole = QMessageBox.ButtonRole.AcceptRole,
    cancel_text: str = "",
    detail: str = "",
    check: QCheckBox | None = None,
) -> QMessageBox:
    """A window-modal question (title, text, explanation) whose default is Cancel.

    Shown with ``open()``, never ``exec()``: the event loop keeps running.
    """
    title, text, info = texts
    box = QMessageBox(icon, title, text)
    box.setParent(parent, box.windowFlags())
    box.setObjectName(name)
    box.setInformativeText(info)
    if detail:
        box.setDetailedText(detail)
    if check is not None:
        box.setCheckBox(check)
    accept = box.addButton(accept_text, role)
    if cancel_text:
        cancel = box.addButton(cancel_text, QMessageBox.ButtonRole.RejectRole)
    else:
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    for button in (accept, cancel):
        button.setAccessibleName(button.text().replace("&", ""))
    box.setAccessibleName(text)

    def done() -> None:
        if box.clickedButton() is accept:
            on_accept()

    box.finished.connect(done)
    box.open()
    return box
