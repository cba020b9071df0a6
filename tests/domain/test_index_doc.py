"""What the search index holds of an entry is taken from its content, field by field."""

from __future__ import annotations

from datetime import date

from reflectdesk.domain.index_doc import IndexDoc
from reflectdesk.domain.model import EntryContent


def test_from_content() -> None:
    content = EntryContent(
        title="Fracciones",
        sections={"body": "uno", "empty": "", "more": "dos"},
        tags=("a", "b"),
        standards=("A1",),
        event_date=date(2026, 4, 2),
        template_id="daily",
    )
    doc = IndexDoc.from_content("e", "j", 1, 2, 3, content)
    assert doc == IndexDoc("e", "j", 1, 2, 3, "Fracciones", content.body_text, ("a", "b"),
                           ("A1",), "daily", "2026-04-02")  # fmt: skip
    assert "uno" in doc.body and "dos" in doc.body
    assert IndexDoc.from_content("e", "j", 1, 2, 3, EntryContent()).event_date is None
