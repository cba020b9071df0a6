"""Live preview: the entry as sanitised HTML (``rendering.markdown_to_safe_html`` only).

Nothing is ever fetched: the only resources served are ``attachment:<id>`` images of
the entry being edited, decrypted in memory.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from reflectdesk.rendering.markdown_html import markdown_to_safe_html

MAX_PREVIEW_IMAGE_WIDTH = 480

Section = tuple[int, str, str]  # depth, prompt title, Markdown text


STYLE = (
    "h1 { font-size: x-large; } h2 { font-size: large; } h3, h4, h5, h6 { font-size: medium; }"
    " p, li { margin-top: 2px; }"
)


def preview_html(title: str, sections: list[Section]) -> str:
    """Prompts answered so far, each under its title; a parent shows if any child has text."""
    parts = [f"<h1>{html.escape(title)}</h1>"] if title else []
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
    return "\n".join(parts)


class PreviewBrowser(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDefaultStyleSheet(STYLE)
        self.image_source: Callable[[str], bytes | None] | None = None
        self._images: dict[str, QImage] = {}

    def clear_cache(self) -> None:
        self._images.clear()

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
                image = image.scaledToWidth(MAX_PREVIEW_IMAGE_WIDTH)
            self._images[attachment_id] = image
        image = self._images[attachment_id]
        return None if image.isNull() else image
