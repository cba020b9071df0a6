"""Sync screens for ``tools/screenshots.py`` (issue 17): the exchange point setup, the
status-bar states (offline with bundles waiting, syncing, a problem with "Retry now"),
the sync log, and the export wizard's "Send through exchange point" page — each window
at 1366×768 and 1024×600.

The states are real: an exchange point on this computer whose port first has nothing
listening (offline), then a small local HTTP server that answers slowly (syncing) and
then refuses the password (HTTP 401: a problem). No outside network is used.
"""

from __future__ import annotations

import http.server
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QWidget

SIZES = ((1366, 768), (1024, 600))
# What a dialog may take on a 1024×600 screen once a panel/taskbar is counted.
SMALL_SCREEN = (1024, 560)
LABEL = {"es": "Universidad — Nextcloud", "en": "University — Nextcloud"}
ADDRESS = "https://nube.universidad.cl/remote.php/dav/files/camila/ReflectDesk"


class _Refusing(http.server.BaseHTTPRequestHandler):
    delay = 0.0

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        time.sleep(self.delay)
        self.send_response(401)
        self.send_header("WWW-Authenticate", 'Basic realm="dav"')
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_PROPFIND = do_PUT = do_GET = do_MOVE = do_MKCOL = _answer

    def log_message(self, format: str, *args: Any) -> None:
        pass


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for(signal: Any, timeout_ms: int = 15_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)


def _sizes(
    widget: QWidget,
    out: Path,
    name: str,
    suffix: str,
    save: Callable[[QWidget, Path, str], Path],
    *,
    fit: bool = False,
) -> None:
    """The window at each screen size; a dialog (``fit``) keeps its size where it fits."""
    natural = widget.size()
    for width, height in SIZES:
        if fit:
            w = min(natural.width(), SMALL_SCREEN[0] if width < 1366 else width)
            h = min(natural.height(), SMALL_SCREEN[1] if width < 1366 else height - 40)
            widget.resize(w, h)
        else:
            widget.resize(width, height)
        save(widget, out, f"{name}-{width}-{suffix}")
    widget.resize(natural)


def render_sync(
    ctx: Any,
    window: Any,
    vault: Any,
    out: Path,
    suffix: str,
    lang: str,
    save: Callable[[QWidget, Path, str], Path],
    settle: Callable[..., None],
) -> None:
    from reflectdesk.domain.model import ExportRequest
    from reflectdesk.gui.exchange_dialog import ExchangeDialog

    contacts = [c.id for c in vault.contacts.list() if not c.revoked]
    # Setup.
    dialog = ExchangeDialog(vault, window)
    dialog.webdav_kind.setChecked(True)
    dialog.label.setText(LABEL[lang])
    dialog.url.setText(ADDRESS)
    dialog.user.setText("camila.perez")
    dialog.password.setText("xxxx-xxxx-xxxx-xxxx")
    for row in range(dialog.contacts.count()):
        item = dialog.contacts.item(row)
        item.setCheckState(item.checkState().Checked)
    dialog.show()
    settle(100)
    _sizes(dialog, out, "sync-setup", suffix, save, fit=True)
    dialog.reject()

    # Offline: the exchange point's port has nothing listening yet.
    port = _free_port()
    vault.exchange.add_webdav(
        LABEL[lang], f"http://localhost:{port}/dav/exchange", "camila.perez", "x", contacts
    )
    ids = [s.id for s in vault.entries.list() if s.journal_id in _own(vault)][:2]
    for entry in ids:
        vault.sync.queue_export(ExportRequest(recipients=tuple(contacts), entry_ids=(entry,)))
    item = window.sync_status
    item.sync_now()
    _wait_for(item.synced)
    settle(100)
    _sizes(window, out, "sync-offline", suffix, save)

    # Syncing, then a problem with "Retry now": the server answers slowly, then 401.
    _Refusing.delay = 4.0
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), _Refusing)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        item.retry.click()
        settle(300)
        _sizes(window, out, "sync-syncing", suffix, save)
        _wait_for(item.synced)
        settle(100)
        _sizes(window, out, "sync-problem", suffix, save)
    finally:
        server.shutdown()
        server.server_close()

    # The sync log.
    window.show_sync_page()
    page = window.dialogs["sync"]
    settle(200)
    _sizes(page, out, "sync-log", suffix, save, fit=True)
    page.close()

    # The export wizard: "Send through exchange point …".
    window.share_entries(ids[:1])
    wizard = window.dialogs["export"]
    wizard.next()
    for contact in contacts:
        wizard.recipients_page.model.set_checked(contact, True)
    wizard.next()
    wizard.next()
    settle(100)
    _sizes(wizard, out, "export-send", suffix, save, fit=True)
    wizard.start_export()
    ctx.runner.wait(10_000)
    settle(200)
    _sizes(wizard, out, "export-queued", suffix, save, fit=True)
    wizard.accept()

    # "Send feedback": the feedback kind of the wizard, on the same destination page.
    received = [s.id for s in vault.entries.list() if s.journal_id not in _own(vault)]
    if received:
        from reflectdesk.gui.export_wizard import ExportWizard

        text = "¿Qué material usaste?" if lang == "es" else "Which materials did you use?"
        vault.review.add_comment(received[0], "body", text, quote="…")
        feedback = ExportWizard(ctx, vault, kind="feedback", recipients=contacts, parent=window)
        feedback.show()
        settle(100)
        _sizes(feedback, out, "feedback-recipients", suffix, save, fit=True)
        feedback.next()
        settle(100)
        _sizes(feedback, out, "feedback-send", suffix, save, fit=True)
        feedback.reject()
    item.pause()


def _own(vault: Any) -> set[str]:
    from reflectdesk.domain.model import Space

    return {j.id for j in vault.journals.list(Space.OWN)}


def main(argv: list[str] | None = None) -> int:
    """Only the sync screens: ``python tools/screenshots_sync.py [DIR]``."""
    import argparse
    import logging
    import os
    import sys
    import tempfile

    import screenshots as shots
    from PySide6.QtWidgets import QApplication

    from reflectdesk.gui.app import build_context, create_application
    from reflectdesk.gui.main_window import MainWindow

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("out", type=Path, nargs="?", default=Path("docs/screenshots"))
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = create_application([sys.argv[0]])
    args.out.mkdir(parents=True, exist_ok=True)
    for lang in ("es", "en"):
        for theme in ("light", "dark"):
            with tempfile.TemporaryDirectory(prefix="reflectdesk-shots-") as tmp:
                ctx = build_context(app, Path(tmp))
                ctx.translations.set_language(lang)
                ctx.theme.apply(theme, 0)
                vault: Any = shots._make_vault(ctx, lang)
                Path(tmp, "partner").mkdir()
                partner, _bundle = shots.make_partner(Path(tmp) / "partner", vault, lang)
                card = vault.contacts.import_card(partner.identity.card())  # type: ignore[attr-defined]
                vault.contacts.verify(card.contact.id)
                vault.imports.import_bundle(_bundle)
                window = MainWindow(ctx, vault)
                window.show()
                shots.settle(200)
                render_sync(
                    ctx, window, vault, args.out, f"{lang}-{theme}", lang, shots.save, shots.settle
                )
                window.prepare_to_close()
                ctx.runner.wait(10_000)
                for widget in QApplication.topLevelWidgets():
                    widget.close()
                shots.settle()
                vault.close()
                partner.close()  # type: ignore[attr-defined]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
