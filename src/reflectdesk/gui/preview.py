"""Live preview: the entry as sanitised HTML (``rendering.markdown_to_safe_html`` only):
title, tags, the standards with their titles, the prompts answered, and the attachments
by name and size, images shown (issue 16.8).

Nothing is ever fetched: the only resources served are ``attachment:<id>`` images of
the entry being edited, decrypted in memory (never a temporary file).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer, QUrl
from PySide6.QtGui import QImage, QResizeEvent, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from reflectdesk.rendering.markdown_html import markdown_to_safe_html

MAX_PREVIEW_IMAGE_WIDTH = 480

Section = tuple[int, str, str]  # depth, prompt title, Markdown text


STYLE = (
    "h1 { font-size: x-large; } h2 { font-size: large; } h3, h4, h5, h6 { font-size: medium; }"
    " p, li { margin-top: 2px; }"
)


@dataclass(frozen=True, slots=True)
class PreviewAttachment:
    id: str
    filename: str
    size: int
    image: bool


def _header_html(tags: Sequence[str], standards: Sequence[str]) -> list[str]:
    parts: list[str] = []
    if tags:
        shown = ", ".join(html.escape(t) for t in tags)
        label = html.escape(QCoreApplication.translate("Preview", "Tags:"))
        parts.append(f"<p><b>{label}</b> {shown}</p>")
    if standards:
        items = "".join(f"<li>{html.escape(s)}</li>" for s in standards)
        label = html.escape(QCoreApplication.translate("Preview", "Standards:"))
        parts.append(f'<p><b>{label}</b></p><ul style="margin-top: 0px;">{items}</ul>')
    return parts


def _attachments_html(attachments: Sequence[PreviewAttachment], texts: str) -> list[str]:
    if not attachments:
        return []
    heading = QCoreApplication.translate("Preview", "Attachments")
    parts = [f"<h2>{html.escape(heading)}</h2>"]
    locale = QLocale()
    for att in attachments:
        size = locale.formattedDataSize(att.size)
        parts.append(f"<p>• {html.escape(att.filename)} ({html.escape(size)})</p>")
        # An image the text already shows inline is not shown twice.
        if att.image and f"attachment:{att.id}" not in texts:
            name = html.escape(att.filename, quote=True)
            parts.append(f'<p><img src="attachment:{html.escape(att.id)}" alt="{name}"></p>')
    return parts


def preview_html(
    title: str,
    sections: list[Section],
    tags: Sequence[str] = (),
    standards: Sequence[str] = (),
    attachments: Sequence[PreviewAttachment] = (),
) -> str:
    """Prompts answered so far, each under its title; a parent shows if any child has text.
    ``standards`` are labels ("C7 — Evalúa…"); attachments close the page."""
    parts = [f"<h1>{html.escape(title)}</h1>"] if title else []
    parts += _header_html(tags, standards)
    for i, (depth, heading, text) in enumerate(sections):
        level = min(2 + depth, 6)
        body = markdown_to_safe_html(text, heading_offset=level)
        later = sections[i + 1 :]
        children: list[Section] = []
        for section in later:
            if section[0] <= depth:
                break
            children.append(section)
        if not body and not any(child[2].strip() for child in children):
            continue
        parts.append(f"<h{level}>{html.escape(heading)}</h{level}>")
        parts.append(body)
    parts += _attachments_html(attachments, "\n".join(s[2] for s in sections))
    return "\n".join(parts)


class PreviewBrowser(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDefaultStyleSheet(STYLE)
        self.image_source: Callable[[str], bytes | None] | None = None
        self._images: dict[str, QImage] = {}  # decrypted in memory, at most 480 px wide
        self._page = ""
        self._laid_out_width = -1
        # A wider or narrower pane: images laid out again to fit it (after a pause).
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(150)
        self._refit.timeout.connect(self._fit_images)

    def setHtml(self, text: str) -> None:
        self._page = text
        self._laid_out_width = self._image_width()
        super().setHtml(text)

    def clear(self) -> None:
        """Nothing of the page kept (the entry is gone from the screen)."""
        self._page = ""
        self._refit.stop()
        super().clear()

    def clear_cache(self) -> None:
        self._images.clear()

    def _image_width(self) -> int:
        """No wider than the preview (a narrow pane at 1024×600) nor than 480 px."""
        room = self.viewport().width() - 2 * int(self.document().documentMargin()) - 8
        bar = self.verticalScrollBar()
        if not bar.isVisible():  # it will be once the page is longer than the pane
            room -= bar.sizeHint().width()
        return max(120, min(MAX_PREVIEW_IMAGE_WIDTH, room))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._images and self._image_width() != self._laid_out_width:
            self._refit.start()

    def _fit_images(self) -> None:
        if self._page and self._images:
            bar = self.verticalScrollBar()
            position = bar.value()
            self.setHtml(self._page)
            bar.setValue(position)

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        text = url.toString() if isinstance(url, QUrl) else str(url)
        if kind != QTextDocument.ResourceType.ImageResource.value or not text.startswith(
            "attachment:"
        ):
            return None
        attachment_id = text.split(":", 1)[1]
        if attachment_id not in self._images:
            data = self.image_source(attachment_id) if self.image_source is not None else None
            image = QImage.fromData(data) if data else QImage()
            if not image.isNull() and image.width() > MAX_PREVIEW_IMAGE_WIDTH:
                image = image.scaledToWidth(
                    MAX_PREVIEW_IMAGE_WIDTH, Qt.TransformationMode.SmoothTransformation
                )
            self._images[attachment_id] = image
        image = self._images[attachment_id]
        if image.isNull():
            return None
        width = self._image_width()
        if image.width() > width:
            return image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
        return image
