"""The portfolio as PDF, drawn by Qt from the core's portfolio HTML, in memory.

:func:`html_to_pdf` lays the HTML out in a ``QTextDocument`` on A4 pages (margins, the
page number under each page) and paints it into a ``QPdfWriter`` over a ``QBuffer``:
nothing touches the disk until the caller writes the finished PDF atomically,
owner-only (:func:`write_pdf`). It runs on a worker (``TaskRunner``) with progress per
page and cancel between pages.

The CLI cannot import PySide6 (front ends never import each other): ``reflectdesk-cli
entry export --format pdf`` runs ``python -m reflectdesk.gui.portfolio_pdf`` with the
HTML on standard input and reads the PDF from standard output (:func:`main`), so no
temporary file is ever written.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from html import unescape
from pathlib import Path

import shiboken6
from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextCursor,
    QTextDocument,
)

from reflectdesk.atomic_files import atomic_write
from reflectdesk.errors import FileUnwritable
from reflectdesk.progress import (
    NEVER_CANCELLED,
    CancelToken,
    Progress,
    ProgressSink,
    ignore_progress,
)

log = logging.getLogger(__name__)

RESOLUTION = 300  # dots per inch of the PDF's coordinate system
MARGINS_MM = QMarginsF(20, 18, 20, 14)  # left, top, right, bottom (above the footer)
FOOTER_MM = 8.0  # room under the text for the page number
# What QTextDocument draws well of the core's CSS, said in the subset it supports.
STYLE = (
    "h1{font-size:20pt}h2{font-size:15pt}h3{font-size:12.5pt}h4{font-size:11pt}"
    "h5{font-size:10.5pt}h6{font-size:10.5pt}"
    "th{background-color:#eeeeee;font-weight:bold}blockquote{margin-left:16pt;color:#333333}"
    "code{font-family:'DejaVu Sans Mono',monospace}dt{font-weight:bold}"
)
_TABLE = re.compile(r"<table(\s[^>]*)?>")
_HEADING = re.compile(r"<(/?)h([1-6])([\s>])")


def _demote(html: str) -> str:
    """One level down: an entry's own title (h1) sits under the portfolio's title."""
    return _HEADING.sub(lambda m: f"<{m[1]}h{min(int(m[2]) + 1, 6)}{m[3]}", html)


def _for_qt(html: str) -> str:
    """What QTextDocument draws well: the screen CSS dropped (it ignores most of it and
    cell borders from a style sheet), tables with borders as attributes, entries one
    heading level under the portfolio's title, each entry on a new page."""
    html = re.sub(r"<style>.*?</style>", "", html, count=1, flags=re.DOTALL)
    html = _TABLE.sub('<table border="1" cellspacing="0" cellpadding="4" width="100%">', html)
    head, sep, body = html.partition("<article>")
    if not sep:
        return html
    articles = (sep + body).split("<article>")[1:]
    out = [head]
    for n, article in enumerate(articles):
        article = _demote(article)
        if n:
            article = article.replace("<h2>", '<h2 style="page-break-before:always">', 1)
        out.append("<article>" + article)
    return "".join(out)


# Where a long report may be cut into pieces fed to the document one by one: before a
# heading of level 2 or 3 and before a quotation, outside any table.
_CUT = re.compile(r"(?=<h[23][\s>])|(?=<blockquote[\s>])")
_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
CHUNK_CHARS = 48_000  # a piece of about this size lays out in a fraction of a second
LAYOUT_SHARE = 400  # of 1000: the layout's part of a chunked render's progress


def html_chunks(html: str, size: int = CHUNK_CHARS) -> list[str]:
    """The body of ``html`` in pieces of about ``size`` characters, cut only before an
    ``h2``/``h3`` or a ``blockquote`` that is outside every table (the core's reports
    are a sequence of such blocks)."""
    body = html.split("<body>", 1)[-1].rsplit("</body>", 1)[0]
    out: list[str] = []
    piece = ""
    depth = 0
    for part in _CUT.split(body):
        piece += part
        depth += part.count("<table") - part.count("</table>")
        if depth <= 0 and len(piece) >= size:
            out.append(piece)
            piece = ""
    if piece:
        out.append(piece)
    return out


def _layout_chunked(
    doc: QTextDocument, html: str, progress: ProgressSink, cancel: CancelToken
) -> None:
    """Feed the body to ``doc`` piece by piece at its end: the document lays each piece
    out as it arrives (as fast as one ``setHtml``), so cancel is honoured between
    pieces and progress reported per piece, where one ``setHtml`` of a 2,000-item report
    is seconds that can be neither cancelled nor measured."""
    chunks = html_chunks(html)
    title = _TITLE.search(html)
    if title is not None:
        doc.setMetaInformation(
            QTextDocument.MetaInformation.DocumentTitle, unescape(title.group(1))
        )
    cursor = QTextCursor(doc)
    for n, chunk in enumerate(chunks):
        cancel.raise_if_cancelled()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        if n == 0:
            cursor.insertHtml(chunk)
        else:
            cursor.insertBlock()
            cursor.insertHtml(chunk)
        progress(Progress((n + 1) * LAYOUT_SHARE // len(chunks), 1000, "pdf"))


def html_to_pdf(
    html: str,
    *,
    progress: ProgressSink = ignore_progress,
    cancel: CancelToken = NEVER_CANCELLED,
    chunked: bool = False,
) -> bytes:
    """The PDF of ``html`` (A4, margins, "n / N" under each page), made in memory.

    Progress: the pages (done of pages). ``chunked``: for long reports (a case study's,
    :func:`html_chunks`), the document is laid out piece by piece with cancel between
    pieces, and progress is in thousandths: the layout to 400, then the pages."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setCreator("ReflectDesk")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    font = QFont("DejaVu Sans")
    font.setPointSizeF(10.5)
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(STYLE)
    doc.setDocumentMargin(0)
    body = writer.pageLayout().paintRectPixels(RESOLUTION)
    footer = FOOTER_MM / 25.4 * RESOLUTION
    page_height = body.height() - footer
    doc.setPageSize(QSizeF(body.width(), page_height))
    try:
        if chunked:
            _layout_chunked(doc, _for_qt(html), progress, cancel)
        else:
            doc.setHtml(_for_qt(html))
        writer.setTitle(doc.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
        pages = doc.pageCount()  # lays the whole document out (done already when chunked)
    except BaseException:
        shiboken6.delete(doc)
        shiboken6.delete(writer)
        raise

    def report(page: int) -> None:
        if chunked:
            share = 1000 - LAYOUT_SHARE
            progress(Progress(LAYOUT_SHARE + share * page // max(1, pages), 1000, "pdf"))
        else:
            progress(Progress(page, pages, "pdf"))

    report(0)
    painter = QPainter()
    if not painter.begin(writer):
        raise FileUnwritable("pdf")
    try:
        footer_font = QFont(font)
        footer_font.setPointSizeF(8.5)
        for page in range(pages):
            cancel.raise_if_cancelled()
            if page:
                writer.newPage()
            painter.save()
            painter.translate(0, -page * page_height)
            doc.drawContents(painter, QRectF(0, page * page_height, body.width(), page_height))
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(Qt.GlobalColor.darkGray)
            painter.drawText(
                QRectF(0, page_height, body.width(), footer),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                f"{page + 1} / {pages}",
            )
            report(page + 1)
    finally:
        painter.end()
        # Freed here, on the thread that made them (a worker): its layout timer must
        # not be stopped from another thread, as a collector on the GUI thread would.
        shiboken6.delete(doc)
        shiboken6.delete(writer)
    buffer.close()
    data = bytes(buffer.data().data())
    shiboken6.delete(buffer)
    return data


def write_pdf(dest: Path, data: bytes) -> None:
    """The PDF the user asked for: a plaintext copy, written atomically and owner-only."""
    atomic_write(dest, data, mode=0o600, error=FileUnwritable)
    log.info("portfolio PDF written: %d bytes", len(data))


def main() -> int:
    """``python -m reflectdesk.gui.portfolio_pdf``: HTML on stdin, the PDF on stdout (the
    CLI's way to Qt without importing it; nothing is written to disk here)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    html = sys.stdin.buffer.read().decode("utf-8")
    data = html_to_pdf(html)
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
