"""A Markdown file split into an entry: the first # is the title, ## names a section."""

from __future__ import annotations

import pytest

from reflectdesk.cli.markdown_import import split_markdown
from reflectdesk.errors import UnknownSection

TITLES = {"what": "¿Qué pasó?", "learn": "¿Qué aprendí?"}


def test_title_and_sections_by_key_or_prompt_title() -> None:
    text = "# Clase\n\nintro\n\n## what\nalgo\n\n## ¿qué aprendí?\nmucho\n"
    assert split_markdown(text, TITLES, "what") == (
        "Clase",
        {"what": "intro\n\nalgo", "learn": "mucho"},
    )


def test_headings_inside_code_fences_are_text() -> None:
    text = "# T\n```\n## learn\n# not a title\n```\n"
    title, sections = split_markdown(text, TITLES, "what")
    assert title == "T"
    assert sections == {"what": "```\n## learn\n# not a title\n```"}


@pytest.mark.parametrize(("text", "default"), [("## otra\nx", "what"), ("texto sin sección", None)])
def test_text_with_no_known_section_is_refused(text: str, default: str | None) -> None:
    with pytest.raises(UnknownSection) as info:
        split_markdown(text, TITLES, default)
    assert info.value.params == {"valid": "what, learn"}
